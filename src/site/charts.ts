import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Experiment } from '../schema/index.ts';
import { isChartRenderingEnabled } from '../charts/render.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { chartSpecs, renderChartBlocks, type ChartBlocksBySection, type ChartBlocksInput } from './chart-blocks.ts';
import { chartSpecsPath, joinBase } from '../view/urls.ts';
import { headlineChain } from '../view/lineage.ts';
import { createChartPool, type ChartPool } from './chart-pool.ts';
import type { SiteModel } from './data.ts';

/**
 * Experiments whose charts are rendered ahead of their page (in page order) while other pages are
 * built. Bounds the memory held by finished but not yet used chart blocks (roughly 0.5 MB each).
 */
const PREFETCH_WINDOW = 200;

function chartInput(record: Experiment, site: SiteModel): ChartBlocksInput {
  const headlineMetric = site.analyses.get(record.id)?.headline?.metric;
  return { record, headlineMetric, lineageChain: headlineChain(record.id, { records: site.byId, analyses: site.analyses }) };
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

/** Sites with fewer experiments render charts in the page thread by default. */
const MIN_EXPERIMENTS_FOR_WORKERS = 50;

/** Where the running pool is published, so the build-done hook in astro.config.mjs can stop it. */
const POOL_KEY = Symbol.for('logbook.chartPool');
/** Where chart counts are published, for the build-done hook's progress line. */
const STATS_KEY = Symbol.for('logbook.chartStats');

function buildStats(): { pages: number; charts: number } {
  const registry = globalThis as Record<symbol, { pages: number; charts: number } | undefined>;
  return (registry[STATS_KEY] ??= { pages: 0, charts: 0 });
}

interface Renderer {
  blocks(id: string): Promise<ChartBlocksBySection>;
}

/** Renders every experiment's charts in a worker pool, in page order, a bounded window ahead of the pages. */
function prefetchingRenderer(site: SiteModel, pool: ChartPool, eager: boolean): Renderer {
  const order = site.records.map((r) => r.id);
  const pending = new Map<string, Promise<ChartBlocksBySection>>();
  const taken = new Set<string>();
  let next = 0;
  let warned = false;
  const render = (id: string, urgent: boolean): Promise<ChartBlocksBySection> => {
    const input = chartInput(site.byId.get(id) as Experiment, site);
    return pool.render(input, { urgent }).catch((error: unknown) => {
      // A worker that cannot start (or died) costs speed, never the build: render here instead.
      if (!warned) console.warn(`[charts] worker failed, rendering in the page thread: ${String(error).split('\n')[0]}`);
      warned = true;
      return renderChartBlocks(input);
    });
  };
  const fill = (): void => {
    while (pending.size < PREFETCH_WINDOW && next < order.length) {
      const id = order[next++] as string;
      if (taken.has(id)) continue;
      const promise = render(id, false);
      promise.catch(() => undefined);
      pending.set(id, promise);
    }
  };
  const position = new Map(order.map((id, i) => [id, i]));
  let started = false;
  // A cold build renders every page: start at once, while the routes before the experiment pages
  // are built. An incremental build renders only changed pages: wait for the first one.
  if (eager) fill();
  return {
    blocks(id) {
      taken.add(id);
      // Pages are built in record order, but an incremental build skips unchanged ones: start the
      // window at the first page actually built and move it past pages that were skipped.
      const at = position.get(id) ?? -1;
      if (!started || at >= next) {
        for (const [other] of pending) if ((position.get(other) ?? 0) < at) pending.delete(other);
        next = Math.max(next, at + 1);
        started = true;
      }
      const promise = pending.get(id);
      pending.delete(id);
      fill();
      return promise ?? render(id, true);
    },
  };
}

let renderer: Renderer | undefined;

/**
 * Starts rendering the site's charts in the background (worker threads, one per core) so they are
 * ready when their pages are built. Called once per build by `getSite()`; a no-op without charts.
 */
export function startChartRendering(site: SiteModel, env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (renderer !== undefined || !isChartRenderingEnabled(env)) return;
  const workers = chartWorkerCount(env, site.records.length);
  const file = join(process.cwd(), 'src', 'site', 'chart-worker.ts');
  if (workers === 0 || !existsSync(file)) return;
  const incremental = existsSync(resolve(env['LOGBOOK_ASTRO_CACHE_DIR'] || join('node_modules', '.astro'), 'incremental-build.json'));
  const pool = createChartPool({ file, size: workers });
  (globalThis as Record<symbol, unknown>)[POOL_KEY] = pool;
  renderer = prefetchingRenderer(site, pool, !incremental);
}

/**
 * Renders the experiment's charts to static SVG (cached on disk by content hash), grouped by the
 * page section they belong to. With `LOGBOOK_CHARTS=off` there are none.
 */
export async function buildExperimentChartBlocks(record: Experiment, site: SiteModel): Promise<Map<string, ChartBlockData[]>> {
  if (!isChartRenderingEnabled(process.env)) return new Map();
  const blocks = renderer !== undefined ? await renderer.blocks(record.id) : await renderChartBlocks(chartInput(record, site));
  const specUrl = joinBase(site.base, chartSpecsPath(record.id));
  const stats = buildStats();
  stats.pages += 1;
  stats.charts += blocks.reduce((n, [, list]) => n + list.length, 0);
  return new Map(blocks.map(([section, list]) => [section, list.map((chart) => ({ ...chart, specUrl }))]));
}

/** The compiled chart specs (with data) of an experiment, for `charts/<id>.json`; empty when charts are off. */
export function buildExperimentChartSpecs(record: Experiment, site: SiteModel): Record<string, object> {
  if (!isChartRenderingEnabled(process.env)) return {};
  return chartSpecs(chartInput(record, site));
}
