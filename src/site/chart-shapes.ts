/**
 * The compiled chart shapes of a site's experiment charts (`charts/shapes/<id>.json`). Finding them
 * means building every chart's spec and compiling its shape: about a millisecond per experiment, 12 s
 * of the page thread at 10,000 experiments for what comes to a few dozen shapes. A build works them
 * out on a worker thread of their own (`startChartShapes`), from the records the content loader
 * read, while the pages are built; `experimentChartShapes` is the same work in this thread. The
 * worker keeps them in the chart cache under a key made of every experiment's chart key, so a build
 * whose charts all come from the cache works out no chart spec at all.
 */
import { createHash } from 'node:crypto';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Experiment } from '../schema/index.ts';
import type { VegaSpec } from '../charts/render.ts';
import { compareText } from '../util/compare-text.ts';
import { chartBlocksKey, chartShapes } from './chart-blocks.ts';
import { nodeChartCacheEffects, type ChartCacheEffects } from './chart-cache.ts';
import { chartInputs } from './chart-inputs.ts';

/** Every compiled shape the experiments' charts use, by shape id, in id order. */
export function experimentChartShapes(records: readonly Experiment[]): Map<string, VegaSpec> {
  const shapes = new Map<string, VegaSpec>();
  for (const input of chartInputs(records).values()) for (const [id, vgSpec] of chartShapes(input)) shapes.set(id, vgSpec);
  return new Map([...shapes].sort(([a], [b]) => compareText(a, b)));
}

/**
 * The cache key of the shapes of `records`' charts: a hash of every experiment's chart cache key (in
 * id order), which covers the records, what their charts are made from and the chart code; null when
 * nothing may be cached.
 */
export function chartShapesKey(records: readonly Experiment[], cacheDir: string | null): string | null {
  const hash = createHash('sha256').update('shapes');
  for (const [id, input] of [...chartInputs(records)].sort(([a], [b]) => compareText(a, b))) {
    const key = chartBlocksKey(input, { cacheDir });
    if (key === null) return null;
    hash.update(`\0${id}\0${key}`);
  }
  return hash.digest('hex');
}

function isShapeList(value: unknown): value is [string, VegaSpec][] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && entry[1] !== null && typeof entry[1] === 'object',
    )
  );
}

/**
 * `experimentChartShapes(records)` through the chart cache (`<cacheDir>/shapes/<key>.json`): read
 * when the same experiments' shapes were worked out before, else worked out and kept. A damaged file
 * is worked out again; a cache that cannot be written costs the next build time, never this one.
 */
export async function cachedExperimentChartShapes(
  records: readonly Experiment[],
  cacheDir: string | null,
  effects: ChartCacheEffects = nodeChartCacheEffects,
): Promise<Map<string, VegaSpec>> {
  const key = chartShapesKey(records, cacheDir);
  const file = cacheDir === null || key === null ? undefined : join(cacheDir, 'shapes', `${key}.json`);
  if (file !== undefined) {
    const text = await effects.readFile(file);
    try {
      const cached = text === undefined ? undefined : (JSON.parse(text) as unknown);
      if (isShapeList(cached)) return new Map(cached);
    } catch {
      // Worked out again below.
    }
  }
  const shapes = experimentChartShapes(records);
  if (file !== undefined) await effects.writeFile(file, JSON.stringify([...shapes])).catch(() => undefined);
  return shapes;
}

/** What the shapes worker gets: the records, and the chart cache folder (null: none). */
export interface ChartShapesWorkerData {
  records: readonly Experiment[];
  cacheDir: string | null;
}

/** What the shapes worker sends back: the shapes as `[id, spec]` pairs, or why it could not. */
export type ChartShapesMessage = { shapes: [string, VegaSpec][] } | { error: string };

/** The worker module beside this one: TypeScript in a checkout, JavaScript in an installed package. */
export const CHART_SHAPES_WORKER_FILE = fileURLToPath(
  new URL(`./chart-shapes-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/**
 * `experimentChartShapes(records)` worked out on a worker thread (through the chart cache in
 * `options.cacheDir`, see `cachedExperimentChartShapes`). A worker that fails costs time,
 * never the build: the shapes are then worked out in this thread when asked for.
 */
export function startChartShapes(
  records: readonly Experiment[],
  options: { workerFile?: string; cacheDir?: string | null } = {},
): Promise<Map<string, VegaSpec>> {
  const inThread = (): Map<string, VegaSpec> => experimentChartShapes(records);
  let worker: Worker;
  try {
    worker = new Worker(options.workerFile ?? CHART_SHAPES_WORKER_FILE, {
      workerData: { records, cacheDir: options.cacheDir ?? null } satisfies ChartShapesWorkerData,
    });
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
