/** The test-metrics chart drawn without Vega: `testMetricsSpec`'s dots, interval rules and value labels. */
import { ACCENT, CHART_SIZES, MUTED } from '../theme.ts';
import { formatWithInterval } from '../test-metrics.ts';
import type { TestMetricsData } from '../types.ts';
import { bottomAxis, leftBandAxis } from './axis.ts';
import { linearScale, pointScale } from './scale.ts';
import { Drawing, baselineY, circlePath, num, symbolRadius } from './svg.ts';

/** One row per metric (in the data's order): its 95% CI as a rule, its value as a dot, the value as written at the right. */
export function drawTestMetrics(data: TestMetricsData): Drawing {
  const width = CHART_SIZES.width - 140;
  // Metrics are rows by name: a metric named twice is one row, as in the spec (`sort` by first order).
  const names = [...new Set(data.metrics.map((m) => m.metric))];
  const y = pointScale(names, CHART_SIZES.barStep + 6);
  const height = y.length;
  const withCi = data.metrics.filter((m) => m.low !== undefined && m.high !== undefined);
  const x = linearScale([...data.metrics.map((m) => m.value), ...withCi.flatMap((m) => [m.low as number, m.high as number])], [0, width]);
  const drawing = new Drawing();
  bottomAxis(drawing, x, width, height, { title: data.unit === '%' ? 'Value (%) with 95% CI' : 'Value with 95% CI' });
  leftBandAxis(drawing, y, height);
  const rules = withCi.map((m) => {
    const at = y.center(m.metric) as number;
    const x0 = x(m.low as number);
    return `M${num(x0)},${num(at)}h${num(x(m.high as number) - x0)}`;
  });
  if (rules.length > 0) drawing.add(`<path d="${rules.join('')}" stroke="${MUTED}" stroke-width="2"/>`);
  const r = symbolRadius(70);
  drawing.add(
    `<path d="${data.metrics.map((m) => circlePath(x(m.value), y.center(m.metric) as number, r)).join('')}" fill="${ACCENT}" fill-opacity="0.7"/>`,
  );
  drawing.texts(
    data.metrics.map((m) => ({
      x: width + 12,
      y: baselineY(y.center(m.metric) as number, 'middle'),
      text: m.label ?? formatWithInterval(m.value, m.low, m.high, data.unit ?? ''),
    })),
  );
  return drawing;
}
