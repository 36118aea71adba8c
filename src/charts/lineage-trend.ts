import type { TopLevelSpec } from 'vega-lite';
import { ACCENT, CHART_SIZES, MUTED } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import { labelOf } from './view-reuse.ts';
import { formatChartNumber } from './format.ts';
import type { LineageTrendData } from './types.ts';

/**
 * A metric along the ancestor chain, root → this experiment, each point labelled with its value; x
 * labels are ids. `size` is the plot area (the page's summary band draws it small).
 */
export function lineageTrendSpec(
  data: LineageTrendData,
  size: { width: number; height: number } = { width: CHART_SIZES.width, height: CHART_SIZES.lineHeight },
): TopLevelSpec {
  const rows = data.points.map((p, order) => ({
    id: p.id,
    order,
    value: p.value,
    role: p.current === true ? 'this experiment' : 'ancestor',
    valueLabel: formatChartNumber(p.value),
  }));
  const x = {
    // Points are categories by their place in the chain, labelled with their ids: every chain of
    // one length draws on one kept view (`view-reuse.ts`).
    field: 'order',
    type: 'nominal',
    title: 'Experiment (root → this)',
    sort: { field: 'order', op: 'min' },
    axis: { labelAngle: -30, labelAlign: 'right', labelLimit: 140, labelExpr: labelOf({ dataset: 'table', key: 'order', text: 'id' }) },
  } as const;
  const y = { field: 'value', type: 'quantitative', title: data.metric, scale: { zero: false } } as const;
  return {
    ...SPEC_BASE,
    datasets: { table: rows },
    data: { name: 'table' },
    width: size.width,
    height: size.height,
    encoding: { x, y },
    layer: [
      { mark: { type: 'line', color: MUTED, strokeWidth: 1.5 } },
      {
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          color: {
            field: 'role',
            type: 'nominal',
            title: null,
            scale: { domain: ['ancestor', 'this experiment'], range: [MUTED, ACCENT] },
          },
          tooltip: [
            { field: 'id', type: 'nominal', title: 'Experiment' },
            { field: 'value', type: 'quantitative', title: data.metric, format: VALUE_FORMAT },
          ],
        },
      },
      { mark: { type: 'text', baseline: 'bottom', dy: -8 }, encoding: { text: { field: 'valueLabel', type: 'nominal' } } },
    ],
  };
}
