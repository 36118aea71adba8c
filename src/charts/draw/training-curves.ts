/**
 * The training curves drawn without Vega: `trainingCurvesSpec`'s panels (losses, then scores) stacked
 * on one epoch axis, each series a line in its colour and its split's dash, the best epoch's rule
 * and label, the best model's rings, and the colour legend under the last panel.
 */
import { CHART_SIZES, MUTED, PALETTE } from '../theme.ts';
import { MAX_MARKED_POINTS, trainingPanelLabel } from '../training-curves.ts';
import type { TrainingCurvesData, TrainingSeries } from '../types.ts';
import { historyAxisTitle } from '../../analysis/history-axis.ts';
import { bottomAxis, leftAxis } from './axis.ts';
import { bottomLegend } from './legend.ts';
import { linearScale, sortedDomain, type ContinuousScale } from './scale.ts';
import { Drawing, TITLE_SIZE, baselineY, circlePath, num, symbolRadius, place } from './svg.ts';

/** Each split's dash (`trainingCurvesSpec`'s strokeDash scale); solid lines carry none. */
const DASH: Record<TrainingSeries['split'], string | undefined> = { train: undefined, validation: '6,3', test: '2,2', other: '8,2,2,2' };
/** Space between panels (the spec's `spacing`). */
const SPACING = 12;
/** The panel title's distance above the plot (its `offset`) and its font size. */
const TITLE_OFFSET = 6;

/** A polyline through the points as path data, in relative steps rounded so that they add up to the rounded positions. */
export function polyline(points: readonly { x: number; y: number }[]): string {
  let d = '';
  let px = 0;
  let py = 0;
  points.forEach((p, i) => {
    const x = Math.round(p.x * 100) / 100;
    const y = Math.round(p.y * 100) / 100;
    d += i === 0 ? `M${num(x)},${num(y)}` : `l${num(x - px)},${num(y - py)}`;
    px = x;
    py = y;
  });
  return d;
}

/** The chart as the spec lays it out, `size` being the plot area of one panel. */
export function drawTrainingCurves(
  data: TrainingCurvesData,
  size: { width: number; panelHeight: number } = { width: CHART_SIZES.width, panelHeight: CHART_SIZES.panelHeight },
): Drawing | undefined {
  const kinds = (['loss', 'score'] as const).filter((k) => data.series.some((s) => s.kind === k && s.points.length > 0));
  if (kinds.length === 0) return undefined;
  const { width, panelHeight: height } = size;
  const markers = Math.max(0, ...data.series.map((s) => s.points.length)) <= MAX_MARKED_POINTS;
  const best = data.bestEpoch;
  const epochs = data.series.flatMap((s) => s.points.map((p) => p.epoch));
  const x = linearScale(best === undefined ? epochs : [...epochs, best], [0, width], { minStep: 1 });
  // One colour per series over both panels, in Vega's sorted order.
  const colors = new Map(sortedDomain(data.series.map((s) => s.name)).map((name, i) => [name, PALETTE[i % PALETTE.length] as string]));
  const axisTitle = historyAxisTitle(data.axis ?? 'epoch');
  // The label goes on the side of the rule with more room (as in the spec).
  const lo = Math.min(best ?? Infinity, ...epochs);
  const hi = Math.max(best ?? -Infinity, ...epochs);
  const side = best !== undefined && hi > lo && (best - lo) / (hi - lo) > 0.5 ? 'left' : 'right';
  const drawing = new Drawing();
  let top = 0;
  kinds.forEach((kind, i) => {
    const last = i === kinds.length - 1;
    const series = data.series.filter((s) => s.kind === kind && s.points.length > 0);
    const rings = best === undefined ? [] : (data.bestValues ?? []).filter((b) => series.some((s) => s.name === b.series));
    const panel = new Drawing();
    const y = linearScale([...series.flatMap((s) => s.points.map((p) => p.value)), ...rings.map((r) => r.value)], [height, 0]);
    bottomAxis(panel, x, width, height, last ? { title: axisTitle, integer: true } : { labels: false, integer: true });
    leftAxis(panel, y, width, height);
    drawSeries(panel, series, x, y, colors, markers);
    if (best !== undefined) drawBest(panel, x(best), height, `best: ${data.axis ?? 'epoch'} ${best}`, side);
    for (const ring of rings) {
      const color = colors.get(ring.series) as string;
      panel.add(
        `<path d="${circlePath(x(best as number), y(ring.value), symbolRadius(140))}" stroke="${color}" stroke-width="2" opacity="0.7"/>`,
      );
    }
    // The panel's title, bold, `TITLE_OFFSET` above everything drawn for the panel, flush with its left edge.
    panel.texts(
      [
        {
          x: panel.extent().x0,
          y: baselineY(Math.min(0, panel.extent().y0) - TITLE_OFFSET - TITLE_SIZE, 'top', TITLE_SIZE),
          text: trainingPanelLabel(kind, data.series),
        },
      ],
      {
        size: TITLE_SIZE,
        bold: true,
        role: 'title-text',
      },
    );
    // Stacked as Vega's vconcat: each panel `SPACING` below the bounds of the one above.
    const offset = i === 0 ? 0 : top - panel.extent().y0;
    place(drawing, panel, 0, offset);
    top = offset + panel.extent().y1 + SPACING;
  });
  bottomLegend(
    drawing,
    // Vega's legend shows a line's colour as a ring, a line with points as a dot.
    [...colors].map(([label, color]) => ({ label, color, symbol: markers ? ('circle' as const) : ('ring' as const) })),
  );
  return drawing;
}

/** Each series as a line (and its points as dots when there are few). */
function drawSeries(
  drawing: Drawing,
  series: readonly TrainingSeries[],
  x: ContinuousScale,
  y: ContinuousScale,
  colors: ReadonlyMap<string, string>,
  markers: boolean,
): void {
  // Vega draws the lines in the colour scale's order.
  const ordered = [...series].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const s of ordered) {
    const color = colors.get(s.name) as string;
    const dash = DASH[s.split];
    const d = polyline(s.points.map((p) => ({ x: x(p.epoch), y: y(p.value) })));
    drawing.add(`<path d="${d}" stroke="${color}" stroke-width="2"${dash === undefined ? '' : ` stroke-dasharray="${dash}"`}/>`);
  }
  if (!markers) return;
  for (const s of ordered) {
    const r = symbolRadius(28);
    drawing.add(
      `<path d="${s.points.map((p) => circlePath(x(p.epoch), y(p.value), r)).join('')}" fill="${colors.get(s.name) as string}"/>`,
    );
  }
}

/** The best epoch's dashed rule across the panel and its label beside it, on the side with more room. */
function drawBest(drawing: Drawing, at: number, height: number, label: string, side: 'left' | 'right'): void {
  drawing.add(`<path d="M${num(at)},0v${num(height)}" stroke="${MUTED}" stroke-dasharray="4,3"/>`);
  drawing.texts(
    [{ x: side === 'right' ? at + 4 : at - 4, y: baselineY(2, 'top'), text: label, anchor: side === 'right' ? 'start' : 'end' }],
    {
      fill: MUTED,
    },
  );
}
