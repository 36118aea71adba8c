/**
 * Chart worker thread (see `chart-pool.ts`): renders the chart blocks of one experiment per message.
 * Message in: `{ id: number, input: ChartBlocksInput }`; out: `{ id, blocks }` or `{ id, error }`.
 * Loaded by path with Node's type stripping, so it and its imports must stay erasable TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { renderChartBlocks, type ChartBlocksInput } from './chart-blocks.ts';

parentPort?.on('message', (message: { id: number; input: ChartBlocksInput }) => {
  renderChartBlocks(message.input).then(
    (blocks) => parentPort?.postMessage({ id: message.id, blocks }),
    (error: unknown) =>
      parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

// Tells the pool this worker's modules are loaded: only then may it be terminated safely (ending a
// worker while it still evaluates modules can crash Node).
parentPort?.postMessage({ ready: true });
