/**
 * The chart service: the one owner of chart rendering in a build. It decides where charts render (in
 * the page thread, or on worker threads rendering ahead of the pages), owns the workers, hands each
 * experiment page its chart blocks and counts what it rendered.
 *
 * A build has one service. Astro evaluates the config, the content loader and the pages in separate
 * module graphs, so the Logbook integration (src/site/integration.ts) creates the service, gives it
 * to the content loader through a custom integration hook, and has the bundled pages import this
 * module from Node rather than bundle it (one module instance, so `buildChartService` returns the
 * same service to them).
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Experiment } from '../schema/index.ts';
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { CompareDoc } from '../charts/compare-views.ts';
import { chartCacheDir, type Settings } from '../settings/index.ts';
import { compareText } from '../util/compare-text.ts';
import {
  browserChartBlocks,
  browserCompareChartBlocks,
  chartBlocksKey,
  compareChartsKey,
  renderChartBlocks,
  renderCompareChartBlocks,
} from './chart-blocks.ts';
import { hasCachedBlocks, nodeChartCacheEffects, type ChartBlocksBySection, type ChartCacheEffects } from './chart-cache.ts';
import { chartInputs, compareJobs } from './chart-inputs.ts';
import { createChartPool, type ChartPool } from './chart-pool.ts';
import { startChartShapes } from './chart-shapes.ts';
import type { VegaSpec } from '../charts/render.ts';
import { renderAhead, type Renderer } from './render-ahead.ts';

/**
 * Experiments whose charts must be rendered (not in the cache) before rendering them on workers is
 * worth starting the workers (loading Vega in each costs about a second): fewer render in the page
 * thread. Also the number of pages whose charts the page thread had to render after which the
 * workers start anyway; pages whose charts are cached read them in the page thread.
 */
export const WORKERS_FROM = 50;

/** What a build's charts came to, for its progress line. */
export interface ChartStats {
  /** Experiment pages that asked for their charts. */
  pages: number;
  /** Charts those pages got. */
  charts: number;
}

/** Where the charts of a build are rendered. */
export type ChartPlan = { workers: 0 } | { workers: number; eager: boolean };

export interface ChartService {
  /**
   * The records are read: decides where charts render and, when many are missing from the cache,
   * starts rendering them on workers in page order. Called once per build, by the content loader.
   */
  start(records: readonly Experiment[]): Promise<ChartPlan>;
  /** An experiment's chart blocks by page section; none when the build has no charts. */
  blocks(input: ExperimentChartsInput): Promise<ChartBlocksBySection>;
  /** The chart blocks of a compare page by section (rendered ahead on the workers when they run); none without charts. */
  compareBlocks(docs: readonly CompareDoc[]): Promise<ChartBlocksBySection>;
  /**
   * The compiled shapes of the experiments' charts (see `chart-shapes.ts`), worked out on a worker
   * since `start`; undefined when they are not (no charts, not started, or too few experiments for a
   * worker to pay off).
   */
  shapes(): Promise<Map<string, VegaSpec>> | undefined;
  /** What the build's pages got so far. */
  stats(): ChartStats;
  /** Stops the workers; the service can be started again (a later build in the same process). */
  close(): Promise<ChartStats>;
}

/** What the service is made with; everything but the settings has a default for a real build. */
export interface ChartServiceOptions {
  settings: Pick<Settings, 'charts' | 'staticCharts' | 'comparePages' | 'chartWorkers' | 'cacheDir' | 'chartCache'>;
  /** Cores to use when the settings leave the worker count open. */
  parallelism?: number;
  /** Starts the worker pool (tests pass a fake). */
  createPool?: (size: number) => ChartPool;
  /** Cache file access. */
  effects?: ChartCacheEffects;
  /** Starts working out the experiments' chart shapes off this thread (tests pass a fake). */
  startShapes?: (
    records: readonly Experiment[],
    options: { cacheDir: string | null; comparePages: boolean },
  ) => Promise<Map<string, VegaSpec>>;
}

/** The worker module beside this one: TypeScript in a checkout, JavaScript in an installed package. */
export const CHART_WORKER_FILE = fileURLToPath(new URL(`./chart-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** Cache lookups in flight at once while counting (each is a `stat`; one at a time, the thread mostly waits). */
const LOOKUPS_AT_ONCE = 64;

/** Counts the inputs whose chart blocks are not cached, stopping once `enough` are found. */
async function countUncached(
  inputs: readonly ExperimentChartsInput[],
  cacheDir: string | null,
  effects: ChartCacheEffects,
  enough: number,
): Promise<number> {
  const missing = async (input: ExperimentChartsInput): Promise<boolean> => {
    const key = chartBlocksKey(input, { cacheDir });
    return cacheDir === null || key === null || !(await hasCachedBlocks(cacheDir, key, effects));
  };
  let count = 0;
  for (let at = 0; at < inputs.length && count < enough; at += LOOKUPS_AT_ONCE)
    count += (await Promise.all(inputs.slice(at, at + LOOKUPS_AT_ONCE).map(missing))).filter(Boolean).length;
  return Math.min(count, enough);
}

export function createChartService(options: ChartServiceOptions): ChartService {
  const { settings } = options;
  const cacheDir = chartCacheDir(settings);
  const effects = options.effects ?? nodeChartCacheEffects;
  const createPool = options.createPool ?? ((size) => createChartPool({ file: CHART_WORKER_FILE, size, data: { cacheDir } }));
  /** Experiment pages whose charts were not in the cache and were rendered in this thread. */
  let renderedHere = 0;
  const renderHere = (input: ExperimentChartsInput): Promise<ChartBlocksBySection> =>
    renderChartBlocks(input, { cacheDir, effects, onRender: () => renderedHere++ });
  let stats: ChartStats = { pages: 0, charts: 0 };
  /** Set once the build's records are known. */
  let plan: { size: number; order: string[]; inputs: Map<string, ExperimentChartsInput>; compare: CompareDoc[][] } | undefined;
  let pool: ChartPool | undefined;
  let renderer: Renderer | undefined;
  /** Compare pages' charts being rendered into the cache by the workers, by cache key. */
  const comparing = new Map<string, Promise<unknown>>();
  let shapes: Promise<Map<string, VegaSpec>> | undefined;

  const startWorkers = (eager: boolean): void => {
    if (plan === undefined || renderer !== undefined) return;
    const started = createPool(plan.size);
    pool = started;
    // Compare pages are built before the experiment pages (their route sorts first): their charts go
    // into the cache first, then the experiments' render ahead of their pages.
    if (eager && cacheDir !== null)
      for (const docs of plan.compare) {
        const key = compareChartsKey(docs, { cacheDir });
        if (key !== null)
          comparing.set(
            key,
            started.render({ compare: docs }, { reply: false }).catch(() => undefined),
          );
      }
    renderer = renderAhead(plan.order, plan.inputs, started, { eager, renderHere });
  };

  /** An experiment page's blocks, counted in the build's stats. */
  const counted = (blocks: ChartBlocksBySection): ChartBlocksBySection => {
    stats = { pages: stats.pages + 1, charts: stats.charts + blocks.reduce((n, [, list]) => n + list.length, 0) };
    return blocks;
  };

  return {
    async start(records) {
      if (settings.charts && records.length >= WORKERS_FROM)
        shapes = (options.startShapes ?? startChartShapes)(records, {
          cacheDir,
          comparePages: settings.comparePages && settings.staticCharts,
        });
      // Without static charts nothing is drawn here: no workers.
      if (!settings.charts || !settings.staticCharts) return { workers: 0 };
      const inputs = chartInputs(records);
      const order = [...inputs.keys()].sort(compareText);
      const size = settings.chartWorkers ?? (records.length >= WORKERS_FROM ? (options.parallelism ?? availableParallelism()) : 0);
      if (size === 0) return { workers: 0 };
      // Compare pages' charts are drawn ahead only for the pages the build makes.
      plan = { size, order, inputs, compare: settings.comparePages ? compareJobs(records) : [] };
      // Few charts to render (an incremental build, or a warm cache): pages start in this thread, and
      // the workers start only if many pages turn out to be built.
      const ordered = order.map((id) => inputs.get(id) as ExperimentChartsInput);
      const eager = (await countUncached(ordered, cacheDir, effects, WORKERS_FROM)) >= WORKERS_FROM;
      if (eager) startWorkers(true);
      return { workers: size, eager };
    },
    async blocks(input) {
      if (!settings.charts) return [];
      if (!settings.staticCharts) return counted(await browserChartBlocks(input));
      // Pages whose charts are cached read them here (a worker would only pass them on); once many
      // had to be rendered, the workers start and render ahead of the pages.
      if (renderer === undefined && plan !== undefined && renderedHere >= WORKERS_FROM) startWorkers(false);
      return counted((await renderer?.blocks(input.record.id)) ?? (await renderHere(input)));
    },
    async compareBlocks(docs) {
      if (!settings.charts) return [];
      if (!settings.staticCharts) return browserCompareChartBlocks(docs);
      // Rendered (or being rendered) by a worker: wait for it, then read it from the cache.
      const key = compareChartsKey(docs, { cacheDir });
      const ahead = key === null ? undefined : comparing.get(key);
      if (ahead !== undefined && key !== null) {
        await ahead;
        comparing.delete(key);
      }
      return renderCompareChartBlocks(docs, { cacheDir, effects, key });
    },
    shapes: () => shapes,
    stats: () => stats,
    async close() {
      const done = stats;
      await pool?.close();
      pool = undefined;
      renderer = undefined;
      plan = undefined;
      comparing.clear();
      shapes = undefined;
      renderedHere = 0;
      stats = { pages: 0, charts: 0 };
      return done;
    },
  };
}

let buildService: ChartService | undefined;

/**
 * The chart service of the build running in this process, created with `settings` on first use. The
 * integration makes it when the build is configured; pages get the same one (see the module comment).
 */
export function buildChartService(settings: ChartServiceOptions['settings']): ChartService {
  buildService ??= createChartService({ settings });
  return buildService;
}
