/**
 * The charts of one experiment page as page blocks: chart views (`buildExperimentCharts`) rendered to
 * static SVG (`renderChartView`; one cache file per experiment, see `chart-cache.ts`) with their data
 * table, grouped by page section. Runs in the page-rendering thread or in a chart worker
 * (`chart-worker.ts`): input and output are plain data, so they cross threads by structured clone.
 */
import { experimentChartViews, type ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { ChartCell } from '../charts/types.ts';
import { compileChartShape, renderChartView, type VegaSpec } from '../charts/render.ts';
import {
  chartCacheKey,
  chartCodeFingerprint,
  nodeChartCacheEffects,
  readCachedBlocks,
  writeCachedBlocks,
  type ChartBlocksBySection,
  type ChartCacheEffects,
} from './chart-cache.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { formatValue } from '../view/format.ts';

export type { ChartBlocksBySection };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: record text (group names, metric names) is shown, never interpreted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A chart's data table as `<thead>` + `<tbody>` HTML, every cell escaped. */
export function tableHtml(columns: readonly string[], rows: readonly (readonly ChartCell[])[]): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cellText(cell))}</td>`).join('')}</tr>`).join('');
  return `<thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
}

function cellText(cell: ChartCell): string {
  if (cell === null) return '—';
  return typeof cell === 'number' ? formatValue(cell) : cell;
}

/** The compiled shapes (Vega specs without data) the experiment's charts use, by shape id. */
export function chartShapes(input: ExperimentChartsInput): Map<string, VegaSpec> {
  return new Map(
    experimentChartViews(input)
      .map((view) => compileChartShape(view.spec))
      .map((shape) => [shape.id, shape.vgSpec]),
  );
}

/** Where `renderChartBlocks` caches. */
export interface ChartBlocksOptions {
  /** Cache folder (see `chartCacheDir` in the settings); null renders afresh and caches nothing. */
  cacheDir: string | null;
  effects?: ChartCacheEffects | undefined;
}

async function renderBlocks(input: ExperimentChartsInput): Promise<ChartBlocksBySection> {
  const bySection = new Map<string, ChartBlockData[]>();
  for (const view of experimentChartViews(input)) {
    const rendered = await renderChartView(view);
    const list = bySection.get(view.section) ?? [];
    list.push({
      id: view.id,
      title: view.title,
      description: view.description,
      svg: rendered.svg,
      shape: rendered.shape,
      width: rendered.width,
      height: rendered.height,
      tableHtml: tableHtml(view.table.columns, view.table.rows),
    });
    bySection.set(view.section, list);
  }
  return [...bySection];
}

/** The cache key of an experiment's chart blocks; null when nothing may be cached (no cache folder, or no code fingerprint). */
export function chartBlocksKey(input: ExperimentChartsInput, options: ChartBlocksOptions): string | null {
  const code = chartCodeFingerprint();
  return code === null || options.cacheDir === null ? null : chartCacheKey(input, code);
}

/** An experiment's chart blocks, read from the cache or rendered and cached. */
export async function renderChartBlocks(input: ExperimentChartsInput, options: ChartBlocksOptions): Promise<ChartBlocksBySection> {
  const dir = options.cacheDir;
  const key = chartBlocksKey(input, options);
  const effects = options.effects ?? nodeChartCacheEffects;
  if (dir !== null && key !== null) {
    const cached = await readCachedBlocks(dir, key, effects);
    if (cached !== undefined) return cached;
  }
  const blocks = await renderBlocks(input);
  if (dir !== null && key !== null) await writeCachedBlocks(dir, key, blocks, effects);
  return blocks;
}

/** Renders an experiment's charts into the chart cache only (a worker rendering ahead of the pages). */
export async function cacheChartBlocks(input: ExperimentChartsInput, options: ChartBlocksOptions): Promise<void> {
  await renderChartBlocks(input, options);
}
