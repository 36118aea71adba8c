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
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import { compareText } from '../util/compare-text.ts';
import { chartBlocksKey, chartShapes, compareChartsKey } from './chart-blocks.ts';
import { nodeChartCacheEffects, type ChartCacheEffects } from './chart-cache.ts';
import { chartInputs, compareJobs } from './chart-inputs.ts';
import { pruneCacheFolder } from '../util/cache-prune.ts';

/** The chart cache's folder of shapes. */
const SHAPES_FOLDER = 'shapes';

/** Every compiled shape the experiments' charts use, by shape id, in id order. */
export function experimentChartShapes(records: readonly Experiment[]): Map<string, VegaSpec> {
  return shapesOf(chartInputs(records));
}

function shapesOf(inputs: ReadonlyMap<string, ExperimentChartsInput>): Map<string, VegaSpec> {
  const shapes = new Map<string, VegaSpec>();
  for (const input of inputs.values()) for (const [id, vgSpec] of chartShapes(input)) shapes.set(id, vgSpec);
  return new Map([...shapes].sort(([a], [b]) => compareText(a, b)));
}

/**
 * The chart cache key of every experiment of `records` (in id order), or null when nothing may be
 * cached.
 */
function experimentKeys(inputs: ReadonlyMap<string, ExperimentChartsInput>, cacheDir: string | null): [string, string][] | null {
  const keys: [string, string][] = [];
  for (const [id, input] of [...inputs].sort(([a], [b]) => compareText(a, b))) {
    const key = chartBlocksKey(input, { cacheDir });
    if (key === null) return null;
    keys.push([id, key]);
  }
  return keys;
}

/** The shapes' cache key: a hash of every experiment's chart key, which covers the records, what their charts are made from and the chart code. */
function shapesKeyOf(keys: readonly [string, string][]): string {
  const hash = createHash('sha256').update('shapes');
  for (const [id, key] of keys) hash.update(`\0${id}\0${key}`);
  return hash.digest('hex');
}

/** The cache key of the shapes of `records`' charts (see `cachedExperimentChartShapes`); null when nothing may be cached. */
export function chartShapesKey(records: readonly Experiment[], cacheDir: string | null): string | null {
  const keys = experimentKeys(chartInputs(records), cacheDir);
  return keys === null ? null : shapesKeyOf(keys);
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
 * With `prune`, the cache's entries this build does not use are pruned (see `cache-prune.ts`): the
 * build's own entries are known here, from every record.
 */
export async function cachedExperimentChartShapes(
  records: readonly Experiment[],
  cacheDir: string | null,
  options: { effects?: ChartCacheEffects; prune?: { comparePages: boolean } } = {},
): Promise<Map<string, VegaSpec>> {
  const effects = options.effects ?? nodeChartCacheEffects;
  const inputs = chartInputs(records);
  const keys = experimentKeys(inputs, cacheDir);
  const key = keys === null ? null : shapesKeyOf(keys);
  const file = cacheDir === null || key === null ? undefined : join(cacheDir, SHAPES_FOLDER, `${key}.json`);
  let shapes: Map<string, VegaSpec> | undefined;
  if (file !== undefined) {
    const text = await effects.readFile(file);
    try {
      const cached = text === undefined ? undefined : (JSON.parse(text) as unknown);
      if (isShapeList(cached)) shapes = new Map(cached);
    } catch {
      // Worked out again below.
    }
  }
  if (shapes === undefined) {
    shapes = shapesOf(inputs);
    if (file !== undefined) await effects.writeFile(file, JSON.stringify([...shapes])).catch(() => undefined);
  }
  if (options.prune !== undefined && cacheDir !== null && keys !== null && key !== null) {
    // Every entry this build asks for: the experiments', the compare pages' and these shapes.
    const used = new Set([...keys.map(([, k]) => k), key]);
    if (options.prune.comparePages)
      for (const docs of compareJobs(records)) {
        const compareKey = compareChartsKey(docs, { cacheDir });
        if (compareKey !== null) used.add(compareKey);
      }
    await pruneCacheFolder(cacheDir, used, { extraFolders: [SHAPES_FOLDER] }).catch(() => undefined);
  }
  return shapes;
}

/** What the shapes worker gets: the records, the chart cache folder (null: none) and whether the build makes compare pages. */
export interface ChartShapesWorkerData {
  records: readonly Experiment[];
  cacheDir: string | null;
  comparePages: boolean;
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
  options: { workerFile?: string; cacheDir?: string | null; comparePages?: boolean } = {},
): Promise<Map<string, VegaSpec>> {
  const inThread = (): Map<string, VegaSpec> => experimentChartShapes(records);
  let worker: Worker;
  try {
    worker = new Worker(options.workerFile ?? CHART_SHAPES_WORKER_FILE, {
      workerData: {
        records,
        cacheDir: options.cacheDir ?? null,
        comparePages: options.comparePages ?? false,
      } satisfies ChartShapesWorkerData,
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
