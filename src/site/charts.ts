import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Experiment } from '../schema/index.ts';
import { buildLineageGraph, headlineMetric } from '../analysis/index.ts';
import { isChartRenderingEnabled } from '../charts/render.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { chartSpecs, renderChartBlocks, type ChartBlocksBySection, type ChartBlocksInput } from './chart-blocks.ts';
import { chartSpecsPath, joinBase } from '../view/urls.ts';
import { headlineChain } from '../view/lineage.ts';
import { compareText } from '../util/compare-text.ts';
import { createChartPool, type ChartPool } from './chart-pool.ts';
import type { SiteModel } from './data.ts';

/**
 * Experiments ahead of the page being built whose finished chart blocks are sent back from the
 * workers and held in memory (roughly 0.3 MB each). Workers render further ahead than this, into the
 * chart cache only; a page beyond the window gets its blocks from the cache when it is built.
 */
const REPLY_WINDOW = 200;

/** Sites with fewer experiments render charts in the page thread by default. */
const MIN_EXPERIMENTS_FOR_WORKERS = 50;

/** Where the running pool is published, so the build-done hook in astro.config.mjs can stop it. */
const POOL_KEY = Symbol.for('logbook.chartPool');
/** Where the renderer is published: the content loader starts it, pages (another module instance) use it. */
const RENDERER_KEY = Symbol.for('logbook.chartRenderer');
/** Where chart counts are published, for the build-done hook's progress line. */
const STATS_KEY = Symbol.for('logbook.chartStats');
/** Where astro.config.mjs publishes the running Astro command (`build`, `dev`, `sync`, …). */
const COMMAND_KEY = Symbol.for('logbook.astroCommand');

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
  const graph = buildLineageGraph(records);
  const byId = new Map<string, Experiment>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);
  const analyses = new Map(
    [...byId.values()].map((r) => [r.id, { headline: headlineMetric(r), lineage: { ancestors: graph.byId.get(r.id)?.ancestors ?? [] } }]),
  );
  const ctx = { records: byId, analyses };
  return new Map(
    [...byId.values()].map((record) => {
      const metric = analyses.get(record.id)?.headline?.metric;
      return [record.id, { record, headlineMetric: metric, lineageChain: headlineChain(record.id, ctx) }];
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
 * workers get: results within `REPLY_WINDOW` of the page being built come back and wait in memory,
 * the rest only fill the chart cache. A page whose charts are not done yet goes to the front of the
 * queue. `eager` starts at once (a full build renders every page); otherwise at the first page asked
 * for (an incremental build renders only the pages that changed).
 */
export function renderAhead(
  order: readonly string[],
  inputs: ReadonlyMap<string, ChartBlocksInput>,
  pool: ChartPool,
  eager: boolean,
): Renderer {
  const position = new Map(order.map((id, i) => [id, i]));
  /** Sent with a reply and not yet taken by a page. */
  const held = new Map<string, Promise<ChartBlocksBySection>>();
  /** Sent without a reply: in the cache once settled. */
  const cached = new Map<string, Promise<unknown>>();
  const taken = new Set<string>();
  const capacity = pool.size * 2;
  let next = 0;
  let inFlight = 0;
  let frontier = 0;
  let started = eager;
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

  const pump = (): void => {
    while (started && inFlight < capacity && next < order.length) {
      const id = order[next++] as string;
      if (taken.has(id)) continue;
      const reply = (position.get(id) ?? 0) < frontier + REPLY_WINDOW;
      inFlight++;
      const task = pool.render(inputOf(id), { reply }).finally(() => {
        inFlight--;
        pump();
      });
      if (reply)
        held.set(
          id,
          task.then((blocks) => blocks ?? [], orInThread(id)),
        );
      else
        cached.set(
          id,
          task.catch(() => undefined),
        );
    }
  };
  pump();

  return {
    blocks(id) {
      const at = position.get(id);
      if (at === undefined) return undefined;
      taken.add(id);
      if (!started) {
        // An incremental build: render ahead from the first page that is actually built.
        started = true;
        next = at + 1;
      }
      frontier = Math.max(frontier, at);
      // Pages come in order: results for pages before this one belong to pages that were skipped.
      for (const other of held.keys()) if ((position.get(other) ?? 0) < at) held.delete(other);
      const ready = held.get(id);
      held.delete(id);
      const inCache = cached.get(id);
      cached.delete(id);
      pump();
      if (ready !== undefined) return ready;
      // Rendered (or being rendered) into the cache only: the worker reads it back once done.
      if (inCache !== undefined) return inCache.then(() => fetchNow(id));
      return fetchNow(id);
    },
  };
}

/**
 * Starts rendering the charts of `records` on worker threads (one per core), in page order, so they
 * are ready — or at least cached — when their pages are built. Called by the content loader as soon
 * as the records are read (during `astro build` only), and again by `getSite()`, which is a no-op
 * once started. Nothing happens without charts or for small sites (see `chartWorkerCount`).
 */
export function startChartRendering(records: readonly Experiment[], env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (registry[RENDERER_KEY] !== undefined || !isChartRenderingEnabled(env)) return;
  const workers = chartWorkerCount(env, records.length);
  const file = join(process.cwd(), 'src', 'site', 'chart-worker.ts');
  if (workers === 0 || !existsSync(file)) return;
  const incremental = existsSync(resolve(env['LOGBOOK_ASTRO_CACHE_DIR'] || join('node_modules', '.astro'), 'incremental-build.json'));
  const inputs = chartInputs(records);
  const order = [...inputs.keys()].sort(compareText);
  const pool = createChartPool({ file, size: workers });
  registry[POOL_KEY] = pool;
  registry[RENDERER_KEY] = renderAhead(order, inputs, pool, !incremental);
}

/** True while `astro build` runs (astro.config.mjs publishes the command). */
export function isAstroBuild(): boolean {
  return registry[COMMAND_KEY] === 'build';
}

/**
 * Renders the experiment's charts to static SVG (cached on disk per experiment), grouped by the
 * page section they belong to. With `LOGBOOK_CHARTS=off` there are none.
 */
export async function buildExperimentChartBlocks(record: Experiment, site: SiteModel): Promise<Map<string, ChartBlockData[]>> {
  if (!isChartRenderingEnabled(process.env)) return new Map();
  const renderer = registry[RENDERER_KEY] as Renderer | undefined;
  const blocks = (await renderer?.blocks(record.id)) ?? (await renderChartBlocks(chartInputOf(record, site)));
  const specUrl = joinBase(site.base, chartSpecsPath(record.id));
  const stats = buildStats();
  stats.pages += 1;
  stats.charts += blocks.reduce((n, [, list]) => n + list.length, 0);
  return new Map(blocks.map(([section, list]) => [section, list.map((chart) => ({ ...chart, specUrl }))]));
}

/** The compiled chart specs (with data) of an experiment, for `charts/<id>.json`; empty when charts are off. */
export function buildExperimentChartSpecs(record: Experiment, site: SiteModel): Record<string, object> {
  if (!isChartRenderingEnabled(process.env)) return {};
  return chartSpecs(chartInputOf(record, site));
}
