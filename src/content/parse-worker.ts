/**
 * Parse worker thread (see `parse-pool.ts`): parses and validates one record file per message. In:
 * `{ id, file, text }`; out: `{ id, parsed }`. Loaded by path: from a checkout with Node's type
 * stripping, from an installed package as compiled JavaScript.
 */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse-file.ts';

parentPort?.on('message', (message: { id: number; file: string; text: string }) => {
  parentPort?.postMessage({ id: message.id, parsed: parseFile(message.file, message.text) });
});

// Tells the pool this worker's modules are loaded: only then may it be terminated safely (ending a
// worker while it still evaluates modules can crash Node).
parentPort?.postMessage({ ready: true });
