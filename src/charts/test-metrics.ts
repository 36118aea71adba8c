import type { TopLevelSpec } from 'vega-lite';
import { ACCENT, CHART_SIZES, MUTED } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import { formatChartNumber } from './format.ts';
import type { ChartDatum, TestMetricsData } from './types.ts';

/** "0.869 (95% CI 0.857–0.881)", "86.9% (95% CI 85.7–88.1%)" in percent, or just the value. */
export function formatWithInterval(value: number, low: number | undefined, high: number | undefined, unit: '%' | '' = ''): string {
  if (low === undefined || high === undefined) return `${formatChartNumber(value)}${unit}`;
  return `${formatChartNumber(value)}${unit} (95% CI ${formatChartNumber(low)}–${formatChartNumber(high)}${unit})`;
}

/** Tooltip of a metric's value with its 95% CI (rows with `metric`, `value`, `low`, `high`). */
export const INTERVAL_TOOLTIP = [
  { field: 'metric', type: 'nominal', title: 'Metric' },
  { field: 'value', type: 'quantitative', title: 'Value', format: VALUE_FORMAT },
  { field: 'low', type: 'quantitative', title: '95% CI low', format: VALUE_FORMAT },
  { field: 'high', type: 'quantitative', title: '95% CI high', format: VALUE_FORMAT },
] as const;

/** Test-set metrics as dots with their 95% confidence intervals as error bars, one row per metric; on a percent axis when `unit` is `%`. */
export function testMetricsSpec(data: TestMetricsData): TopLevelSpec {
  const rows: ChartDatum[] = data.metrics.map((m, order) => ({
    metric: m.metric,
    order,
    value: m.value,
    low: m.low ?? null,
    high: m.high ?? null,
    label: m.label ?? formatWithInterval(m.value, m.low, m.high, data.unit ?? ''),
  }));
  const y = { field: 'metric', type: 'nominal', title: null, sort: { field: 'order', op: 'min' } } as const;
  const tooltip = INTERVAL_TOOLTIP;
  return {
    ...SPEC_BASE,
    datasets: { table: rows },
    data: { name: 'table' },
    width: CHART_SIZES.width - 140,
    height: { step: CHART_SIZES.barStep + 6 },
    encoding: { y },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.low) && isValid(datum.high)' }],
        mark: { type: 'rule', color: MUTED, strokeWidth: 2 },
        encoding: {
          x: {
            field: 'low',
            type: 'quantitative',
            title: data.unit === '%' ? 'Value (%) with 95% CI' : 'Value with 95% CI',
            scale: { zero: false },
          },
          x2: { field: 'high' },
          tooltip: [...tooltip],
        },
      },
      {
        mark: { type: 'point', filled: true, size: 70, color: ACCENT },
        encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: [...tooltip] },
      },
      {
        mark: { type: 'text', align: 'left', dx: 12 },
        encoding: { x: { value: 'width' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
    resolve: { scale: { x: 'shared' } },
  };
}
