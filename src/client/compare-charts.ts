/**
 * The in-browser compare page's charts, a chunk of its own (loaded only when the build has charts):
 * the chart views of the compared experiments (`compareChartViews`, as the build draws them on the
 * pairwise pages) as figure blocks with no static image, which the chart runtime draws into.
 */
import { compareChartViews, type CompareDoc } from '../charts/compare-views.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { tableHtml } from '../view/html.ts';

/**
 * Chart blocks by compare section for `docs`, loaded from `urls` (their API documents, in order);
 * `shapes` gives each chart kind's compiled shape URL (a kind without one is left out).
 */
export function compareChartBlocks(
  docs: readonly CompareDoc[],
  urls: readonly string[],
  shapes: Readonly<Record<string, string>>,
): Map<string, ChartBlockData[]> {
  const bySection = new Map<string, ChartBlockData[]>();
  for (const view of compareChartViews(docs)) {
    const shapeUrl = shapes[view.shapeKey ?? view.id];
    if (shapeUrl === undefined) continue;
    const list = bySection.get(view.section) ?? [];
    list.push({
      id: view.id,
      title: view.title,
      description: view.description,
      svg: '',
      shape: '',
      width: 0,
      height: 0,
      tableHtml: tableHtml(view.table.columns, view.table.rows),
      dataUrl: urls.join(' '),
      shapeUrl,
      kind: 'compare',
    });
    bySection.set(view.section, list);
  }
  return bySection;
}
