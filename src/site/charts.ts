import type { Experiment } from '../schema/index.ts';
import { buildExperimentCharts, chartPayload, type ChartCell } from '../charts/index.ts';
import { renderChartView } from '../charts/render.ts';
import { metricInfo } from '../analysis/index.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { formatValue } from '../view/format.ts';
import type { SiteModel } from './data.ts';

function cellText(cell: ChartCell): string {
  if (cell === null) return '—';
  return typeof cell === 'number' ? formatValue(cell) : cell;
}

/** The headline metric's value along the ancestor chain, root first, this experiment last. */
function lineageChain(record: Experiment, site: SiteModel, metric: string | undefined): { id: string; value: number | null }[] | undefined {
  const ancestors = site.analyses.get(record.id)?.lineage.ancestors ?? [];
  if (!metric || ancestors.length === 0) return undefined;
  const valueOf = (r: Experiment | undefined): number | null => r?.evaluation?.testMetrics?.find((m) => m.metric === metric)?.value ?? null;
  return [...ancestors].reverse().map((id) => ({ id, value: valueOf(site.byId.get(id)) })).concat([{ id: record.id, value: valueOf(record) }]);
}

/**
 * Renders the experiment's charts to static SVG (cached on disk by content hash), grouped by the
 * page section they belong to. With `LOGBOOK_CHARTS=off` there are none.
 */
export async function buildExperimentChartBlocks(record: Experiment, site: SiteModel): Promise<Map<string, ChartBlockData[]>> {
  const headline = site.analyses.get(record.id)?.headline?.metric;
  const chain = lineageChain(record, site, headline);
  const views = buildExperimentCharts({
    record,
    ...(headline ? { headlineMetric: headline } : {}),
    ...(chain ? { lineageChain: chain } : {}),
    isLowerBetter: (m) => metricInfo(m).direction === 'lower',
  });
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
      payload: chartPayload(rendered.vgSpec, rendered.data),
      width: rendered.width,
      height: rendered.height,
      table: { columns: view.table.columns, rows: view.table.rows.map((row) => row.map(cellText)) },
    });
    bySection.set(view.section, list);
  }
  return bySection;
}
