/**
 * The learning-rate schedule drawn without Vega: `learningRateSpec`'s line (and its points when there
 * are few) over an integer epoch axis, on a log y axis when the rates span decades.
 */
import { ACCENT, CHART_SIZES } from '../theme.ts';
import { spansDecades } from '../format.ts';
import { MAX_MARKED_POINTS } from '../training-curves.ts';
import type { LearningRateData } from '../types.ts';
import { historyAxisTitle } from '../../analysis/history-axis.ts';
import { bottomAxis, leftAxis, PIXELS_PER_TICK } from './axis.ts';
import { spanFormatG } from './format-g.ts';
import { vegaLogScale } from './log-scale.ts';
import { linearScale } from './scale.ts';
import { Drawing, circlePath, symbolRadius } from './svg.ts';
import { polyline } from './training-curves.ts';

/** Vega's default mark colour: the spec gives its line none (the theme colours points only). */
const LINE_COLOR = '#4c78a8';
/** Vega's tick count on an axis Vega-Lite gives none (a log axis). */
const LOG_TICK_COUNT = 10;
/** How far Vega bounds a line past its points: a miter join may reach 4 stroke widths / 2 (2 px wide → 4 px). */
const LINE_BOUNDS = 4;

/** The chart as the spec lays it out; undefined (drawn by Vega) for no points or a rate that is no positive finite number on a log axis. */
export function drawLearningRate(data: LearningRateData): Drawing | undefined {
  const points = data.points;
  if (points.length === 0 || points.some((p) => !Number.isFinite(p.epoch) || !Number.isFinite(p.learningRate))) return undefined;
  const rates = points.map((p) => p.learningRate);
  const log = spansDecades(rates);
  const width = CHART_SIZES.width;
  const height = CHART_SIZES.lineHeight;
  const x = linearScale(
    points.map((p) => p.epoch),
    [0, width],
    { minStep: 1 },
  );
  const drawing = new Drawing();
  bottomAxis(drawing, x, width, height, { title: historyAxisTitle(data.axis ?? 'epoch'), integer: true });
  let y;
  if (log) {
    y = vegaLogScale(rates, [height, 0]);
    leftAxis(drawing, y, width, height, { title: 'Learning rate (log scale)', tickCount: LOG_TICK_COUNT, overlap: 'greedy' });
  } else {
    y = linearScale(rates, [height, 0]);
    const count = Math.ceil(height / PIXELS_PER_TICK);
    leftAxis(drawing, y, width, height, { title: 'Learning rate', tickCount: count, format: spanFormatG(y.domain[0], y.domain[1], count) });
  }
  // Vega draws the line through the points in epoch order.
  const sorted = [...points].sort((a, b) => a.epoch - b.epoch);
  const at = sorted.map((p) => ({ x: x(p.epoch), y: y(p.learningRate) }));
  const xs = at.map((p) => p.x);
  const ys = at.map((p) => p.y);
  drawing.add(`<path d="${polyline(at)}" stroke="${LINE_COLOR}" stroke-width="2"/>`, {
    x0: Math.min(...xs) - LINE_BOUNDS,
    y0: Math.min(...ys) - LINE_BOUNDS,
    x1: Math.max(...xs) + LINE_BOUNDS,
    y1: Math.max(...ys) + LINE_BOUNDS,
  });
  if (points.length <= MAX_MARKED_POINTS) {
    const r = symbolRadius(28);
    drawing.add(`<path d="${points.map((p) => circlePath(x(p.epoch), y(p.learningRate), r)).join('')}" fill="${ACCENT}"/>`, {
      x0: Math.min(...xs) - r,
      y0: Math.min(...ys) - r,
      x1: Math.max(...xs) + r,
      y1: Math.max(...ys) + r,
    });
  }
  return drawing;
}
