/**
 * Chart shapes worker thread (see `startChartShapes` in `chart-shapes.ts`): posts the compiled chart
 * shapes of the records in `workerData` (`{ shapes }`, or `{ error }`), through the chart cache, which
 * it prunes of the entries the build does not use. Loaded by path, like
 * `chart-worker.ts`: from a checkout with Node's type stripping, from an installed package as
 * compiled JavaScript.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedExperimentChartShapes, type ChartShapesMessage, type ChartShapesWorkerData } from './chart-shapes.ts';
import { lowerOwnPriority } from './thread-priority.ts';

// Worked out alongside the pages, on the core the page thread leaves.
lowerOwnPriority();
const { records, cacheDir, comparePages } = workerData as ChartShapesWorkerData;
let message: ChartShapesMessage;
try {
  message = { shapes: [...(await cachedExperimentChartShapes(records, cacheDir, { prune: { comparePages } }))] };
} catch (error) {
  message = { error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(message);
