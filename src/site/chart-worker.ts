/**
 * Chart worker thread (see `chart-pool.ts`): renders the chart blocks of one experiment per message,
 * (or of one comparison, `{ compare: CompareDoc[] }`) through the chart cache (its folder comes in
 * `workerData`, see `ChartWorkerData`). Message in: `{ id: number, input: ChartJob, reply: boolean }`; out: `{ id, blocks }` (`blocks` only
 * with `reply`) or `{ id, error }`. Loaded by path: from a checkout with Node's type stripping (so it
 * and its imports stay erasable TypeScript), from an installed package as compiled JavaScript.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderChartBlocks, renderCompareChartBlocks } from './chart-blocks.ts';
import type { ChartJob, ChartWorkerData } from './chart-pool.ts';
import { lowerOwnPriority } from './thread-priority.ts';

const options = { cacheDir: (workerData as ChartWorkerData).cacheDir };

// Charts render ahead of the pages, on the cores the page thread leaves.
lowerOwnPriority();

parentPort?.on('message', (message: { id: number; input: ChartJob; reply: boolean }) => {
  const input = message.input;
  const blocks = 'compare' in input ? renderCompareChartBlocks(input.compare, options) : renderChartBlocks(input, options);
  const done = message.reply ? blocks : blocks.then(() => undefined);
  done.then(
    (blocks) => parentPort?.postMessage(blocks === undefined ? { id: message.id } : { id: message.id, blocks }),
    (error: unknown) =>
      parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

// Tells the pool this worker's modules are loaded: only then may it be terminated safely (ending a
// worker while it still evaluates modules can crash Node).
parentPort?.postMessage({ ready: true });
