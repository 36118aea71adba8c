/**
 * The lineage trend drawn without Vega: `lineageTrendSpec`'s line through the chain's values, a dot
 * per experiment (this one in the accent colour), each value written above its dot, the ids as
 * x labels turned 30°, and the colour legend.
 */
import { ACCENT, CHART_SIZES, INK, MUTED } from '../theme.ts';
import { formatChartNumber } from '../format.ts';
import { guardSpecText } from '../spec-common.ts';
import type { LineageTrendData } from '../types.ts';
import { leftAxis } from './axis.ts';
import { bottomLegendTop, dotLegend } from './legend.ts';
import { linearScale, pointScale } from './scale.ts';
import {
  Drawing,
  LABEL_SIZE,
  TITLE_SIZE,
  baselineY,
  circlePath,
  escapeXml,
  num,
  symbolRadius,
  textWidth,
  truncate,
  type Box,
} from './svg.ts';
import { polyline } from './training-curves.ts';

const TICK = 5;
/** The x labels' distance below the axis (tick and padding), their angle, their limit, and the title's padding. */
const LABEL_OFFSET = 7;
const LABEL_ANGLE = -30;
const LABEL_LIMIT = 140;
const TITLE_PADDING = 4;
/** How far Vega bounds a 1.5 px line past its points (a miter join: 4 × 1.5 / 2). */
const LINE_BOUNDS = 3;

/**
 * The box of a text rotated by `angle` degrees about its anchor (x, y), as Vega bounds it: its
 * unrotated box (right-aligned, `top` baseline, at most `limit` wide) with its corners turned.
 */
function rotatedBox(x: number, y: number, width: number, angle: number, size: number): Box {
  const top = baselineY(0, 'top', size) - Math.round(0.8 * size);
  const corners = [
    [-width, top],
    [0, top],
    [-width, top + size],
    [0, top + size],
  ] as const;
  const a = (angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const xs = corners.map(([cx, cy]) => x + cx * cos - cy * sin);
  const ys = corners.map(([cx, cy]) => y + cx * sin + cy * cos);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The chart as the spec lays it out in a plot of `size`; undefined (drawn by Vega) for a value that is no finite number. */
export function drawLineageTrend(
  data: LineageTrendData,
  size: { width: number; height: number } = { width: CHART_SIZES.width, height: CHART_SIZES.lineHeight },
): Drawing | undefined {
  const points = data.points;
  if (points.length === 0 || points.some((p) => !Number.isFinite(p.value))) return undefined;
  const { width, height } = size;
  // The x categories are the points' places in the chain, labelled with their ids.
  const order = points.map((_, i) => String(i));
  const x = pointScale(order, width / points.length);
  const y = linearScale(
    points.map((p) => p.value),
    [height, 0],
  );
  const at = points.map((p, i) => ({ x: x.center(String(i)) as number, y: y(p.value) }));
  const drawing = new Drawing();
  // The x axis: ticks, ids turned 30° and cut at the limit, the domain line, the title under the labels.
  const xs = at.map((p) => p.x);
  drawing.add(
    `<path d="${xs.map((p) => `M${num(Math.round(p))},0v${TICK}`).join('')}" stroke="${MUTED}" transform="translate(0.5,${num(height + 0.5)})"/>`,
    {
      x0: Math.round(Math.min(...xs)) - 0.5,
      y0: height - 0.5,
      x1: Math.round(Math.max(...xs)) + 0.5,
      y1: height + TICK + 0.5,
    },
  );
  let labelsBottom = height;
  const labels = points.map((p, i) => {
    const cx = xs[i] as number;
    const box = rotatedBox(cx, height + LABEL_OFFSET, Math.min(textWidth(p.id), LABEL_LIMIT), LABEL_ANGLE, LABEL_SIZE);
    drawing.cover(box);
    labelsBottom = Math.max(labelsBottom, box.y1);
    return `<text transform="translate(${num(cx + 0.5)},${num(height + LABEL_OFFSET + 0.5)}) rotate(${LABEL_ANGLE}) translate(0,${baselineY(0, 'top')})">${escapeXml(truncate(p.id, LABEL_LIMIT))}</text>`;
  });
  drawing.add(`<g class="role-axis-label" font-size="${LABEL_SIZE}px" text-anchor="end" fill="${INK}">${labels.join('')}</g>`);
  drawing.add(`<path d="M0.5,${num(height + 0.5)}h${num(width)}" stroke="${MUTED}"/>`, { x0: 0, y0: 0, x1: width, y1: height });
  drawing.texts(
    [{ x: width / 2, y: baselineY(labelsBottom + TITLE_PADDING, 'top', TITLE_SIZE), text: 'Experiment (root → this)', anchor: 'middle' }],
    {
      size: TITLE_SIZE,
      bold: true,
      offset: 0.5,
      role: 'axis-title',
    },
  );
  const xAxisBottom = drawing.extent().y1;
  // The metric is the y title as Vega is given it (a line break shown as a space).
  leftAxis(drawing, y, width, height, { title: guardSpecText(data.metric) });
  // Marks: the line, the dots, the values above them.
  const ys = at.map((p) => p.y);
  const marks: Box = {
    x0: Math.min(...xs) - LINE_BOUNDS,
    y0: Math.min(...ys) - LINE_BOUNDS,
    x1: Math.max(...xs) + LINE_BOUNDS,
    y1: Math.max(...ys) + LINE_BOUNDS,
  };
  drawing.add(`<path d="${polyline(at)}" stroke="${MUTED}" stroke-width="1.5"/>`, marks);
  const r = symbolRadius(80);
  for (const [color, current] of [
    [MUTED, false],
    [ACCENT, true],
  ] as const) {
    const dots = at.filter((_, i) => (points[i]?.current === true) === current);
    if (dots.length > 0) drawing.add(`<path d="${dots.map((p) => circlePath(p.x, p.y, r)).join('')}" fill="${color}" opacity="0.7"/>`);
  }
  const dotsBottom = Math.max(...ys) + r;
  drawing.cover({ x0: Math.min(...xs) - r, y0: Math.min(...ys) - r, x1: Math.max(...xs) + r, y1: dotsBottom });
  drawing.texts(
    points.map((p, i) => ({ x: xs[i] as number, y: baselineY((ys[i] as number) - 8, 'bottom'), text: formatChartNumber(p.value) })),
    { anchor: 'middle' },
  );
  dotLegend(
    drawing,
    [
      { label: 'ancestor', color: MUTED },
      { label: 'this experiment', color: ACCENT },
    ],
    { top: bottomLegendTop(Math.max(xAxisBottom, marks.y1, dotsBottom)), opacity: 0.7 },
  );
  return drawing;
}
