/**
 * The charts of one experiment page as page blocks: chart views (`buildExperimentCharts`) rendered to
 * static SVG (`renderChartView`, disk-cached by content hash) with their hydration payload and data
 * table, grouped by page section. Runs in the page-rendering thread or in a chart worker
 * (`chart-worker.ts`): input and output are plain data, so they cross threads by structured clone.
 */
import type { Experiment } from '../schema/index.ts';
import { buildExperimentCharts } from '../charts/build.ts';
import { chartSpecWithData } from '../charts/payload.ts';
import type { ChartCell } from '../charts/types.ts';
import { compileChartSpec, renderChartView, splitChartSpec } from '../charts/render.ts';
import { metricInfo } from '../analysis/metrics.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { formatValue } from '../view/format.ts';

/** What one experiment's charts depend on besides the record itself. */
export interface ChartBlocksInput {
  record: Experiment;
  /** The record's headline metric (analysis), if any. */
  headlineMetric?: string | undefined;
  /** The headline metric's value along the ancestor chain, root first, this experiment last. */
  lineageChain?: { id: string; value: number | null }[] | undefined;
}

/** Chart blocks by page section id, in page order; a plain array of pairs so it can cross threads. */
export type ChartBlocksBySection = [string, ChartBlockData[]][];

function cellText(cell: ChartCell): string {
  if (cell === null) return '—';
  return typeof cell === 'number' ? formatValue(cell) : cell;
}

function chartViews(input: ChartBlocksInput) {
  const { record, headlineMetric, lineageChain } = input;
  return buildExperimentCharts({
    record,
    ...(headlineMetric ? { headlineMetric } : {}),
    ...(lineageChain ? { lineageChain } : {}),
    isLowerBetter: (m) => metricInfo(m).direction === 'lower',
  });
}

/**
 * The experiment's charts as compiled Vega specs with their data, by chart id: the file the browser
 * runtime loads when a chart is scrolled into view (kept out of the page, so the page stays small).
 */
export function chartSpecs(input: ChartBlocksInput): Record<string, object> {
  return Object.fromEntries(
    chartViews(input).map((view) => [view.id, chartSpecWithData(compileChartSpec(view.spec), splitChartSpec(view.spec).data)]),
  );
}

/** Renders an experiment's charts (an empty list when `LOGBOOK_CHARTS=off`: every SVG is then ''). */
export async function renderChartBlocks(input: ChartBlocksInput): Promise<ChartBlocksBySection> {
  const views = chartViews(input);
  const bySection = new Map<string, ChartBlockData[]>();
  for (const view of views) {
    const rendered = await renderChartView(view);
    if (rendered.svg === '') continue;
    const list = bySection.get(view.section) ?? [];
    list.push({
      id: view.id,
      title: view.title,
      description: view.description,
      svg: rendered.svg,
      width: rendered.width,
      height: rendered.height,
      table: { columns: view.table.columns, rows: view.table.rows.map((row) => row.map(cellText)) },
    });
    bySection.set(view.section, list);
  }
  return [...bySection];
}
