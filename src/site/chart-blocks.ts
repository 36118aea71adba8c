/**
 * The charts of one experiment page as page blocks: chart views (`buildExperimentCharts`) rendered to
 * static SVG (`renderChartView`; one cache file per experiment, see `chart-cache.ts`) with their data
 * table, grouped by page section. Runs in the page-rendering thread or in a chart worker
 * (`chart-worker.ts`): input and output are plain data, so they cross threads by structured clone.
 */
import { experimentChartViews, type ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { ChartCell, ChartView } from '../charts/types.ts';
import { compileChartShape, isChartRenderingEnabled, renderChartView, type VegaSpec } from '../charts/render.ts';
import {
  chartCacheDir,
  chartCacheKey,
  nodeChartCacheEffects,
  readCachedCharts,
  writeCachedCharts,
  type CachedChart,
  type ChartCacheEffects,
} from './chart-cache.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { formatValue } from '../view/format.ts';

/** What one experiment's charts depend on besides the record itself. */
export type ChartBlocksInput = ExperimentChartsInput;

/** Chart blocks by page section id, in page order; a plain array of pairs so it can cross threads. */
export type ChartBlocksBySection = [string, ChartBlockData[]][];

function cellText(cell: ChartCell): string {
  if (cell === null) return '—';
  return typeof cell === 'number' ? formatValue(cell) : cell;
}

const chartViews = experimentChartViews;

/** The compiled shapes (Vega specs without data) the experiment's charts use, by shape id. */
export function chartShapes(input: ChartBlocksInput): Map<string, VegaSpec> {
  return new Map(
    chartViews(input)
      .map((view) => compileChartShape(view.spec))
      .map((shape) => [shape.id, shape.vgSpec]),
  );
}

/** Where and how `renderChartBlocks` caches; defaults from the environment (see `chart-cache.ts`). */
export interface ChartBlocksOptions {
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Cache folder; null disables the cache. */
  cacheDir?: string | null | undefined;
  effects?: ChartCacheEffects | undefined;
}

/** Renders (or reads from the cache) the static SVG of each chart; empty with `LOGBOOK_CHARTS=off`. */
async function chartSvgs(views: readonly ChartView[], options: ChartBlocksOptions): Promise<CachedChart[]> {
  const env = options.env ?? process.env;
  if (!isChartRenderingEnabled(env) || views.length === 0) return [];
  const dir = options.cacheDir === undefined ? chartCacheDir(env) : options.cacheDir;
  const effects = options.effects ?? nodeChartCacheEffects;
  const key = dir === null ? '' : chartCacheKey(views);
  if (dir !== null) {
    const cached = await readCachedCharts(dir, key, effects);
    if (cached !== undefined && cached.length === views.length && cached.every((c, i) => c.id === views[i]?.id)) return cached;
  }
  const rendered: CachedChart[] = [];
  for (const view of views) {
    const { svg, width, height } = await renderChartView(view, { env });
    rendered.push({ id: view.id, svg, width, height });
  }
  if (dir !== null) await writeCachedCharts(dir, key, rendered, effects);
  return rendered;
}

/** Renders an experiment's charts into the chart cache only (a worker rendering ahead of the pages). */
export async function cacheChartBlocks(input: ChartBlocksInput, options: ChartBlocksOptions = {}): Promise<void> {
  await chartSvgs(chartViews(input), options);
}

/** Renders an experiment's charts (an empty list when `LOGBOOK_CHARTS=off`). */
export async function renderChartBlocks(input: ChartBlocksInput, options: ChartBlocksOptions = {}): Promise<ChartBlocksBySection> {
  const views = chartViews(input);
  const svgs = await chartSvgs(views, options);
  const bySection = new Map<string, ChartBlockData[]>();
  for (const [i, view] of views.entries()) {
    const rendered = svgs[i];
    if (rendered === undefined || rendered.svg === '') continue;
    const list = bySection.get(view.section) ?? [];
    list.push({
      id: view.id,
      title: view.title,
      description: view.description,
      svg: rendered.svg,
      shape: compileChartShape(view.spec).id,
      width: rendered.width,
      height: rendered.height,
      table: { columns: view.table.columns, rows: view.table.rows.map((row) => row.map(cellText)) },
    });
    bySection.set(view.section, list);
  }
  return [...bySection];
}
