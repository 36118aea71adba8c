/**
 * The baselines chart drawn without Vega: `baselinesSpec`'s dot per row coloured by how it compares
 * with this experiment, its value written beside it, this experiment's value as a dashed rule, and
 * the legend of the four statuses (always all four: the spec's colour scale has a fixed domain).
 */
import { CHART_SIZES, MUTED } from '../theme.ts';
import { BASELINE_COLORS, baselineStatus } from '../baselines.ts';
import { formatChartNumber } from '../format.ts';
import { guardSpecText } from '../spec-common.ts';
import type { BaselinesData } from '../types.ts';
import { bottomAxis, leftBandAxis } from './axis.ts';
import { bottomLegendTop, dotLegend } from './legend.ts';
import { isPlainText } from './compare-facets.ts';
import { linearScale, pointScale } from './scale.ts';
import { Drawing, baselineY, circlePath, num, symbolRadius, type Box, union } from './svg.ts';

/** The dots' area (the spec's `size`). */
const DOT_SIZE = 110;
/** Distance of a value label from its dot (the spec's `dx`). */
const DX = 9;
/** Columns of the status legend (the spec's `legend.columns`). */
const LEGEND_COLUMNS = 2;

/** Draws `baselinesSpec(data)`'s chart; undefined (left to Vega) without rows or with a name that is not plain text (`isPlainText`). */
export function drawBaselines(data: BaselinesData): Drawing | undefined {
  if (data.rows.length === 0) return undefined;
  // Names Vega draws otherwise than it measures them (spaces at an end, characters beyond the BMP): left to Vega.
  if (![data.metric, ...data.rows.map((r) => r.label)].every(isPlainText)) return undefined;
  const width = CHART_SIZES.width - 120;
  const current = data.rows.find((r) => r.current)?.value;
  // Rows are categories by their order (the spec's `order` field), labelled with their names.
  const orders = data.rows.map((_, i) => String(i));
  const y = pointScale(orders, CHART_SIZES.barStep + 4);
  const height = y.length;
  const x = linearScale(
    data.rows.map((r) => r.value),
    [0, width],
  );
  const drawing = new Drawing();
  bottomAxis(drawing, x, width, height, {
    // Titles are written as the spec's shape has them (`guardSpecText`: a reserved name or a line break made harmless).
    title: guardSpecText(`${data.metric} (${data.higherIsBetter ? 'higher' : 'lower'} is better)`),
  });
  leftBandAxis(drawing, y, height, { labelNudge: false, categoryLabel: (order) => data.rows[Number(order)]?.label ?? order });
  const colors = new Map(BASELINE_COLORS);
  const r = symbolRadius(DOT_SIZE);
  const dots: string[] = [];
  let box: Box | undefined;
  data.rows.forEach((row, i) => {
    const cx = x(row.value);
    const cy = y.center(String(i)) as number;
    const fill = colors.get(baselineStatus(row.value, current, row.current, data.higherIsBetter)) as string;
    dots.push(`<path d="${circlePath(cx, cy, r)}" fill="${fill}"/>`);
    const b = { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r };
    box = union(box, b);
  });
  drawing.add(dots.join(''), box);
  drawing.texts(
    data.rows.map((row, i) => ({
      x: x(row.value) + DX,
      y: baselineY(y.center(String(i)) as number, 'middle'),
      text: formatChartNumber(row.value),
    })),
  );
  if (current !== undefined) {
    const at = x(current);
    drawing.add(`<path d="M${num(at)},0v${num(height)}" stroke="${MUTED}" stroke-dasharray="4,3"/>`, {
      x0: at - 0.5,
      y0: -0.5,
      x1: at + 0.5,
      y1: height + 0.5,
    });
  }
  dotLegend(
    drawing,
    BASELINE_COLORS.map(([label, color]) => ({ label, color })),
    { top: bottomLegendTop(drawing.extent().y1), columns: LEGEND_COLUMNS },
  );
  return drawing;
}
