import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Experiment } from '../schema/index.ts';
import { headlineChainOf, headlineMetric, lineageAncestors, lineageParents } from '../analysis/index.ts';
import { isChartRenderingEnabled } from '../charts/render.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { chartShapes, renderChartBlocks, type ChartBlocksBySection, type ChartBlocksInput } from './chart-blocks.ts';
import type { VegaSpec } from '../charts/render.ts';
import { apiPath, chartShapePath, joinBase } from '../view/urls.ts';
import { compareText } from '../util/compare-text.ts';
import { createChartPool, TASKS_PER_WORKER, type ChartPool } from './chart-pool.ts';
import type { SiteModel } from './data.ts';

/**
 * Experiments ahead of the page being built whose finished chart blocks are sent back from the
 * workers and held in memory (roughly 0.3 MB each). Workers render further ahead than this, into the
 * chart cache only; a page beyond the window gets its blocks from the cache when it is built.
 */
const REPLY_WINDOW = 1000;

/** Pages an incremental build renders in the page thread before it starts the chart workers. */
const PAGES_IN_THREAD_BEFORE_WORKERS = 50;
let pagesInThread = 0;

/** Sites with fewer experiments render charts in the page thread by default. */
const MIN_EXPERIMENTS_FOR_WORKERS = 50;

/** Where the running pool is published, so the build-done hook in astro.config.mjs can stop it. */
const POOL_KEY = Symbol.for('logbook.chartPool');
/** Where the renderer is published: the content loader starts it, pages (another module instance) use it. */
const RENDERER_KEY = Symbol.for('logbook.chartRenderer');
/** Where chart counts are published, for the build-done hook's progress line. */
const STATS_KEY = Symbol.for('logbook.chartStats');

const registry = globalThis as Record<symbol, unknown>;

function buildStats(): { pages: number; charts: number } {
  return (registry[STATS_KEY] ??= { pages: 0, charts: 0 }) as { pages: number; charts: number };
}

/**
 * What each experiment's charts depend on besides the record: its headline metric and that metric
 * along its ancestor chain. Computed from the records alone (no full analysis), so the content loader
 * can start rendering charts before any page is built; pages compute the same inputs.
 */
export function chartInputs(records: readonly Experiment[]): Map<string, ChartBlocksInput> {
  const { byRecordId, parentOf } = lineageParents(records);
  return new Map(
    [...byRecordId.values()].map((record) => {
      const metric = headlineMetric(record)?.metric;
      const chain = headlineChainOf(record.id, metric, lineageAncestors(record.id, parentOf), byRecordId);
      return [record.id, { record, headlineMetric: metric, lineageChain: chain ?? undefined }];
    }),
  );
}

const siteInputs = new WeakMap<SiteModel, Map<string, ChartBlocksInput>>();

function chartInputOf(record: Experiment, site: SiteModel): ChartBlocksInput {
  let inputs = siteInputs.get(site);
  if (inputs === undefined) {
    inputs = chartInputs(site.records);
    siteInputs.set(site, inputs);
  }
  return inputs.get(record.id) ?? { record };
}

/**
 * Number of chart worker threads: `LOGBOOK_CHART_WORKERS` (0 renders in the page thread), default
 * one per core. Workers run src/site/chart-worker.ts from the project root (the working directory).
 */
function chartWorkerCount(env: Readonly<Record<string, string | undefined>>, experiments: number): number {
  const set = env['LOGBOOK_CHART_WORKERS'];
  if (set !== undefined && set !== '') return Math.max(0, Math.floor(Number(set)) || 0);
  // Starting a worker (loading Vega) costs about a second: small sites render faster without.
  return experiments >= MIN_EXPERIMENTS_FOR_WORKERS ? availableParallelism() : 0;
}

export interface Renderer {
  /** The experiment's chart blocks; undefined for an id the renderer was not started with. */
  blocks(id: string): Promise<ChartBlocksBySection> | undefined;
}

/**
 * Renders every experiment's charts on the pool, in page order, as far ahead of the pages as the
 * workers get. Experiments within `window` (default `REPLY_WINDOW`) of the page being built are rendered with a reply,
 * and their blocks wait in memory for their page; experiments further ahead are rendered into the
 * chart cache only, and fetched back (the worker reads the cache) once the window reaches them. A
 * page whose charts are not ready goes to the front of the queue. `eager` starts at once (a full
 * build renders every page); otherwise at the first page asked for (an incremental build renders
 * only the pages that changed).
 */
export function renderAhead(
  order: readonly string[],
  inputs: ReadonlyMap<string, ChartBlocksInput>,
  pool: ChartPool,
  options: { eager: boolean; window?: number; capacity?: number },
): Renderer {
  const window = options.window ?? REPLY_WINDOW;
  const position = new Map(order.map((id, i) => [id, i]));
  /** Where each experiment is; absent: not sent to a worker yet. */
  const state = new Map<string, 'rendering' | 'cached' | 'fetching' | 'taken'>();
  /** Blocks sent back (or on their way) and not yet taken by a page. */
  const held = new Map<string, Promise<ChartBlocksBySection>>();
  /** Cache-only renders in flight. */
  const rendering = new Map<string, Promise<unknown>>();
  const capacity = options.capacity ?? pool.size * TASKS_PER_WORKER;
  let next = 0;
  let inFlight = 0;
  let frontier = 0;
  let started = options.eager;
  let warned = false;

  const inputOf = (id: string): ChartBlocksInput => inputs.get(id) as ChartBlocksInput;
  const orInThread = (id: string) => (error: unknown) => {
    // A worker that cannot start (or died) costs speed, never the build: render here instead.
    if (!warned) console.warn(`[charts] worker failed, rendering in the page thread: ${String(error).split('\n')[0]}`);
    warned = true;
    return renderChartBlocks(inputOf(id));
  };
  const fetchNow = (id: string): Promise<ChartBlocksBySection> =>
    pool.render(inputOf(id), { urgent: true, reply: true }).then((blocks) => blocks ?? [], orInThread(id));

  const send = (id: string, reply: boolean): void => {
    inFlight++;
    const task = pool.render(inputOf(id), { reply }).finally(() => {
      inFlight--;
      pump();
    });
    if (reply) {
      state.set(id, 'fetching');
      held.set(
        id,
        task.then((blocks) => blocks ?? [], orInThread(id)),
      );
    } else {
      state.set(id, 'rendering');
      const done = task.then(
        () => {
          if (state.get(id) === 'rendering') state.set(id, 'cached');
        },
        () => {
          if (state.get(id) === 'rendering') state.delete(id);
        },
      );
      rendering.set(id, done);
      void done.finally(() => rendering.delete(id));
    }
  };
  /** Start of the window's scan: everything before it is on its way back or taken, for good. */
  let replyScan = 0;
  /** The next experiment to render with a reply: in the window, not yet sent, or only cached. */
  const nextReply = (): string | undefined => {
    const end = Math.min(order.length, frontier + window);
    replyScan = Math.max(replyScan, frontier);
    while (replyScan < end) {
      const s = state.get(order[replyScan] as string);
      if (s !== 'fetching' && s !== 'taken') break;
      replyScan++;
    }
    for (let i = replyScan; i < end; i++) {
      const id = order[i] as string;
      const s = state.get(id);
      if (s === undefined || s === 'cached') return id;
    }
    return undefined;
  };
  /** The next experiment beyond the window not sent yet, rendered into the cache only. */
  const nextAhead = (): string | undefined => {
    const end = frontier + window;
    while (next < order.length && (next < end || state.has(order[next] as string))) next++;
    return next < order.length ? order[next++] : undefined;
  };
  const pump = (): void => {
    while (started && inFlight < capacity) {
      const reply = nextReply();
      if (reply !== undefined) {
        send(reply, true);
        continue;
      }
      const ahead = nextAhead();
      if (ahead === undefined) return;
      send(ahead, false);
    }
  };
  pump();

  return {
    blocks(id) {
      const at = position.get(id);
      if (at === undefined) return undefined;
      if (!started) {
        // An incremental build: render ahead from the first page that is actually built.
        started = true;
        next = at;
      }
      frontier = Math.max(frontier, at);
      // Pages come in order: blocks held for pages before this one belong to pages that were skipped.
      for (const other of held.keys()) if ((position.get(other) ?? 0) < at) held.delete(other);
      const was = state.get(id);
      state.set(id, 'taken');
      const ready = held.get(id);
      held.delete(id);
      const inFlightToCache = rendering.get(id);
      pump();
      if (ready !== undefined) return ready;
      // Being rendered into the cache: the worker reads it back once done.
      if (was === 'rendering' && inFlightToCache !== undefined) return inFlightToCache.then(() => fetchNow(id));
      return fetchNow(id);
    },
  };
}

/**
 * Starts rendering the charts of `records` on worker threads (one per core), in page order, so they
 * are ready — or at least cached — when their pages are built. Called by the content loader as soon
 * as the records are read (during `astro build` only), and again by `getSite()`, which is a no-op
 * once started. Nothing happens without charts, for small sites (see `chartWorkerCount`), or in an
 * incremental build unless `evenIfIncremental`.
 */
export function startChartRendering(
  records: readonly Experiment[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { evenIfIncremental?: boolean } = {},
): void {
  if (registry[RENDERER_KEY] !== undefined || !isChartRenderingEnabled(env)) return;
  const workers = chartWorkerCount(env, records.length);
  const file = join(process.cwd(), 'src', 'site', 'chart-worker.ts');
  if (workers === 0 || !existsSync(file)) return;
  const incremental = existsSync(resolve(env['LOGBOOK_ASTRO_CACHE_DIR'] || join('node_modules', '.astro'), 'incremental-build.json'));
  // An incremental build usually renders a handful of changed pages: starting workers (loading Vega
  // twice) would cost more than it saves. Pages render in the page thread, and the workers start
  // only if many do (see `buildExperimentChartBlocks`).
  if (incremental && options.evenIfIncremental !== true) return;
  const inputs = chartInputs(records);
  const order = [...inputs.keys()].sort(compareText);
  const pool = createChartPool({ file, size: workers });
  registry[POOL_KEY] = pool;
  registry[RENDERER_KEY] = renderAhead(order, inputs, pool, { eager: !incremental });
}

/**
 * Renders the experiment's charts to static SVG (cached on disk per experiment), grouped by the
 * page section they belong to. With `LOGBOOK_CHARTS=off` there are none.
 */
export async function buildExperimentChartBlocks(record: Experiment, site: SiteModel): Promise<Map<string, ChartBlockData[]>> {
  if (!isChartRenderingEnabled(process.env)) return new Map();
  if (registry[RENDERER_KEY] === undefined && ++pagesInThread === PAGES_IN_THREAD_BEFORE_WORKERS) {
    // An incremental build that turns out to rebuild many pages: workers are worth it after all.
    startChartRendering(site.records, process.env, { evenIfIncremental: true });
  }
  const renderer = registry[RENDERER_KEY] as Renderer | undefined;
  const blocks = (await renderer?.blocks(record.id)) ?? (await renderChartBlocks(chartInputOf(record, site)));
  const dataUrl = joinBase(site.base, apiPath(record.id));
  const stats = buildStats();
  stats.pages += 1;
  stats.charts += blocks.reduce((n, [, list]) => n + list.length, 0);
  return new Map(
    blocks.map(([section, list]) => [
      section,
      list.map((chart) => ({ ...chart, dataUrl, shapeUrl: joinBase(site.base, chartShapePath(chart.shape)) })),
    ]),
  );
}

const siteShapes = new WeakMap<SiteModel, Map<string, VegaSpec>>();

/** Every compiled chart shape the site's pages use, by shape id (`charts/shapes/<id>.json`); none when charts are off. */
export function buildSiteChartShapes(site: SiteModel): Map<string, VegaSpec> {
  if (!isChartRenderingEnabled(process.env)) return new Map();
  let shapes = siteShapes.get(site);
  if (shapes === undefined) {
    shapes = new Map();
    for (const record of site.records) for (const [id, vgSpec] of chartShapes(chartInputOf(record, site))) shapes.set(id, vgSpec);
    siteShapes.set(site, shapes);
  }
  return shapes;
}
