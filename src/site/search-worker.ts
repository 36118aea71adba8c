/**
 * Search index worker thread (see `startSearchIndex` in `search-index.ts`): writes the pagefind index
 * of the records in `workerData` to its `outputPath`, then posts `{ count }` or `{ error }`. Loaded by
 * path, like `chart-worker.ts`: from a checkout with Node's type stripping, from an installed package
 * as compiled JavaScript.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex, type SearchWorkerData } from './search-index.ts';
import { lowerOwnPriority } from './thread-priority.ts';

// The index is written alongside the pages, on the core the page thread leaves.
lowerOwnPriority();
const { records, outputPath } = workerData as SearchWorkerData;
writeSearchIndex(records, outputPath).then(
  (count) => parentPort?.postMessage({ count }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
