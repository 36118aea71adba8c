/**
 * The compiled chart shapes of a site's experiment charts (`charts/shapes/<id>.json`). Finding them
 * means building every chart's spec and compiling its shape: about a millisecond per experiment, 12 s
 * of the page thread at 10,000 experiments for what comes to a few dozen shapes. A build works them
 * out on a worker thread of their own (`startChartShapes`), from the records the content loader
 * read, while the pages are built; `experimentChartShapes` is the same work in this thread.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Experiment } from '../schema/index.ts';
import type { VegaSpec } from '../charts/render.ts';
import { compareText } from '../util/compare-text.ts';
import { chartShapes } from './chart-blocks.ts';
import { chartInputs } from './chart-inputs.ts';

/** Every compiled shape the experiments' charts use, by shape id, in id order. */
export function experimentChartShapes(records: readonly Experiment[]): Map<string, VegaSpec> {
  const shapes = new Map<string, VegaSpec>();
  for (const input of chartInputs(records).values()) for (const [id, vgSpec] of chartShapes(input)) shapes.set(id, vgSpec);
  return new Map([...shapes].sort(([a], [b]) => compareText(a, b)));
}

/** What the shapes worker gets. */
export interface ChartShapesWorkerData {
  records: readonly Experiment[];
}

/** What the shapes worker sends back: the shapes as `[id, spec]` pairs, or why it could not. */
export type ChartShapesMessage = { shapes: [string, VegaSpec][] } | { error: string };

/** The worker module beside this one: TypeScript in a checkout, JavaScript in an installed package. */
export const CHART_SHAPES_WORKER_FILE = fileURLToPath(
  new URL(`./chart-shapes-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/**
 * `experimentChartShapes(records)` worked out on a worker thread. A worker that fails costs time,
 * never the build: the shapes are then worked out in this thread when asked for.
 */
export function startChartShapes(records: readonly Experiment[], options: { workerFile?: string } = {}): Promise<Map<string, VegaSpec>> {
  const inThread = (): Map<string, VegaSpec> => experimentChartShapes(records);
  let worker: Worker;
  try {
    worker = new Worker(options.workerFile ?? CHART_SHAPES_WORKER_FILE, { workerData: { records } satisfies ChartShapesWorkerData });
  } catch {
    return Promise.resolve().then(inThread);
  }
  return new Promise<Map<string, VegaSpec>>((resolve) => {
    let settled = false;
    const settle = (shapes: () => Map<string, VegaSpec>): void => {
      if (settled) return;
      settled = true;
      resolve(shapes());
    };
    worker.once('message', (message: ChartShapesMessage) => settle('shapes' in message ? () => new Map(message.shapes) : inThread));
    worker.once('error', () => settle(inThread));
    worker.once('exit', () => settle(inThread));
  }).finally(() => void worker.terminate());
}
