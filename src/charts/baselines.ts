import type { TopLevelSpec } from 'vega-lite';
import { ACCENT, BETTER, CHART_SIZES, MUTED, NEUTRAL, WORSE } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import { labelOf } from './view-reuse.ts';
import { formatChartNumber } from './format.ts';
import type { BaselinesData, ChartDatum } from './types.ts';

export const BASELINE_STATUS = {
  current: 'this experiment',
  better: 'better than this experiment',
  worse: 'worse than this experiment',
  same: 'same as this experiment',
} as const;
export type BaselineStatus = (typeof BASELINE_STATUS)[keyof typeof BASELINE_STATUS];

/** Each status's colour, in the legend's order. */
export const BASELINE_COLORS: readonly (readonly [BaselineStatus, string])[] = [
  [BASELINE_STATUS.current, ACCENT],
  [BASELINE_STATUS.better, BETTER],
  [BASELINE_STATUS.worse, WORSE],
  [BASELINE_STATUS.same, NEUTRAL],
];

/** How a row compares with the current one, direction-aware. */
export function baselineStatus(value: number, current: number | undefined, isCurrent: boolean, higherIsBetter: boolean): BaselineStatus {
  if (isCurrent) return BASELINE_STATUS.current;
  if (current === undefined || value === current) return BASELINE_STATUS.same;
  return value > current === higherIsBetter ? BASELINE_STATUS.better : BASELINE_STATUS.worse;
}

/**
 * Baselines vs this experiment for one metric: a dot per row on an axis that does not start at zero
 * (values such as 0.9946 vs 0.9956 would be indistinguishable bars), coloured by whether the baseline
 * is better or worse than this experiment (direction-aware), with this experiment's value as a rule.
 */
export function baselinesSpec(data: BaselinesData): TopLevelSpec {
  const current = data.rows.find((r) => r.current)?.value;
  const rows: ChartDatum[] = data.rows.map((r, order) => ({
    label: r.label,
    order,
    value: r.value,
    status: baselineStatus(r.value, current, r.current, data.higherIsBetter),
    valueLabel: formatChartNumber(r.value),
  }));
  // Rows are categories by their order, labelled with their names: charts of other baselines (a
  // parent's id in every name) draw on one kept view (`view-reuse.ts`).
  const y = {
    field: 'order',
    type: 'nominal',
    title: null,
    sort: { field: 'order', op: 'min' },
    axis: { labelExpr: labelOf({ dataset: 'table', key: 'order', text: 'label' }) },
  } as const;
  const x = {
    field: 'value',
    type: 'quantitative',
    title: `${data.metric} (${data.higherIsBetter ? 'higher' : 'lower'} is better)`,
    scale: { zero: false, nice: true },
  } as const;
  return {
    ...SPEC_BASE,
    datasets: { table: rows, current: current === undefined ? [] : [{ value: current }] },
    width: CHART_SIZES.width - 120,
    height: { step: CHART_SIZES.barStep + 4 },
    layer: [
      {
        data: { name: 'table' },
        mark: { type: 'point', filled: true, size: 110, opacity: 1 },
        encoding: {
          y,
          x,
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            legend: { columns: 2 },
            scale: { domain: BASELINE_COLORS.map(([status]) => status), range: BASELINE_COLORS.map(([, color]) => color) },
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Model' },
            { field: 'value', type: 'quantitative', title: data.metric, format: VALUE_FORMAT },
            { field: 'status', type: 'nominal', title: 'Compared with this experiment' },
          ],
        },
      },
      {
        data: { name: 'table' },
        mark: { type: 'text', align: 'left', dx: 9 },
        encoding: { y, x, text: { field: 'valueLabel', type: 'nominal' } },
      },
      {
        data: { name: 'current' },
        mark: { type: 'rule', color: MUTED, strokeDash: [4, 3] },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
    ],
  };
}
