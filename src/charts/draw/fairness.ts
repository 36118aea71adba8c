/**
 * The fairness chart drawn without Vega: `fairnessSpec`'s bar per group, each value written after its
 * bar, the Overall value as a dashed rule, the gap written above the plot and — for a selection rate
 * only — the 0.8 × best line with its label, bars below it in amber.
 */
import { ACCENT, CHART_SIZES, MUTED, WARNING, WARNING_INK } from '../theme.ts';
import { FOUR_FIFTHS_LABEL, fairnessGapLabel, overallLabel, summarizeFairness } from '../fairness.ts';
import { formatChartNumber } from '../format.ts';
import { guardSpecText } from '../spec-common.ts';
import type { FairnessData } from '../types.ts';
import { bottomAxis, leftBandAxis } from './axis.ts';
import { isPlainText } from './compare-facets.ts';
import { bandScale, distinct, linearScale } from './scale.ts';
import { Drawing, LABEL_SIZE, baselineY, num, type Box, union } from './svg.ts';

/** Share of a band a bar fills (the spec's `height: { band: 0.7 }`). */
const BAR_SHARE = 0.7;
/** Distance of a value label from its bar's end, and of a rule's label from its rule (the spec's `dx`). */
const DX = 4;

/** A dashed vertical rule across the plot at `x` (1.5 px wide), bounded as Vega bounds it. */
function dashedRule(drawing: Drawing, x: number, height: number, stroke: string, dash: string): void {
  const half = 0.75;
  drawing.add(`<path d="M${num(x)},0v${num(height)}" stroke="${stroke}" stroke-width="1.5" stroke-dasharray="${dash}"/>`, {
    x0: x - half,
    y0: -half,
    x1: x + half,
    y1: height + half,
  });
}

/** Draws `fairnessSpec(data)`'s chart; undefined (left to Vega) without groups, with a group named twice, or a name that is not plain text (`isPlainText`). */
export function drawFairness(data: FairnessData): Drawing | undefined {
  const summary = summarizeFairness(data);
  if (summary === undefined) return undefined;
  // A group named twice stacks its bars in Vega-Lite (one band, the values added up): left to Vega.
  const groups = distinct(data.groups.map((g) => g.group));
  if (groups.length < data.groups.length) return undefined;
  // Names Vega draws otherwise than it measures them (spaces at an end, characters beyond the BMP): left to Vega.
  if (![data.attribute, data.metric, ...groups].every(isPlainText)) return undefined;
  const threshold = summary.threshold;
  const width = CHART_SIZES.width - 80;
  const y = bandScale(groups, CHART_SIZES.barStep + 4);
  const height = y.length;
  const values = data.groups.map((g) => g.value);
  const x = linearScale(
    [...values, ...(data.overall === undefined ? [] : [data.overall]), ...(threshold === undefined ? [] : [threshold])],
    [0, width],
    {
      zero: true,
    },
  );
  const drawing = new Drawing();
  // Titles are written as the spec's shape has them (`guardSpecText`: a reserved name or a line break made harmless).
  bottomAxis(drawing, x, width, height, { title: guardSpecText(data.metric) });
  leftBandAxis(drawing, y, height, { title: guardSpecText(data.attribute) });
  const zero = x(0);
  const inset = (y.bandwidth * (1 - BAR_SHARE)) / 2;
  const bar = BAR_SHARE * y.bandwidth;
  const bars: string[] = [];
  let box: Box | undefined;
  for (const g of data.groups) {
    const x0 = Math.min(zero, x(g.value));
    const w = Math.abs(x(g.value) - zero);
    const top = (y.start(g.group) as number) + inset;
    const fill = threshold !== undefined && g.value < threshold ? WARNING : ACCENT;
    bars.push(`<path d="M${num(x0)},${num(top)}h${num(w)}v${num(bar)}h${num(-w)}Z" fill="${fill}"/>`);
    const b = { x0, y0: top, x1: x0 + w, y1: top + bar };
    box = union(box, b);
  }
  drawing.add(bars.join(''), box);
  drawing.texts(
    data.groups.map((g) => ({
      x: x(g.value) + DX,
      y: baselineY(y.center(g.group) as number, 'middle'),
      text: formatChartNumber(g.value),
    })),
  );
  // Texts above the plot: on Vega's `bottom` baseline, 4 px (rule labels) and 22 px (the gap) above it.
  const ruleLabelY = baselineY(-4, 'bottom');
  if (data.overall !== undefined) {
    const at = x(data.overall);
    dashedRule(drawing, at, height, MUTED, '2,3');
    drawing.texts([{ x: at + DX, y: ruleLabelY, text: overallLabel(data.overall) }], { fill: MUTED });
  }
  if (threshold !== undefined) {
    const at = x(threshold);
    dashedRule(drawing, at, height, WARNING, '6,3');
    drawing.texts([{ x: at + DX, y: ruleLabelY, text: FOUR_FIFTHS_LABEL, anchor: 'end' }], { fill: WARNING_INK, anchor: 'end' });
  }
  drawing.texts([{ x: 0, y: baselineY(-22, 'bottom', LABEL_SIZE), text: fairnessGapLabel(summary) }], { bold: true });
  return drawing;
}
