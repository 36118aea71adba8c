/** The confusion-matrix chart drawn without Vega: `confusionMatrixSpec`'s two heat maps, their class names and titles. */
import { COUNTS_TITLE, MAP_SPACING, SHARES_TITLE, confusionLayout, confusionMatrixCells } from '../confusion-matrix.ts';
import { formatShare } from '../format.ts';
import { HEAT_RAMP, INK, ON_STRONG, SURFACE } from '../theme.ts';
import type { ChartDatum, ConfusionMatrixData } from '../types.ts';
import { LABEL_LIMIT } from './axis.ts';
import { Drawing, LABEL_SIZE, TITLE_SIZE, baselineY, escapeXml, num, textBox, textWidth, truncate, type TextItem } from './svg.ts';

/** Font size of the numbers in the cells (`CELL_FONT_SIZE` of the spec). */
const CELL_FONT_SIZE = 12;
/** Gap between an axis and its labels (no ticks, no domain line). */
const LABEL_PADDING = 2;
/** Gap between the labels and the axis title, and between an axis and the map's title. */
const TITLE_PADDING = 4;

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** The class names across the top, level, centred on their cells; returns the top of their boxes. */
function flatLabels(map: Drawing, labels: readonly string[], step: number): number {
  map.texts(
    labels.map((l, k) => ({ x: (k + 0.5) * step - 0.5, y: baselineY(-LABEL_PADDING, 'bottom'), text: l, limit: LABEL_LIMIT })),
    { anchor: 'middle', offset: 0.5, role: 'axis-label' },
  );
  return -(LABEL_PADDING + LABEL_SIZE);
}

/** Angle of class names across the top when they are angled (`labelAngle: -40`). */
const LABEL_ANGLE = -40;

/**
 * The class names across the top angled up to the right from each cell's centre (`labelAlign: left`,
 * baseline `bottom`), each bounded as Vega bounds rotated text: its box's corners turned about its
 * anchor. Returns the top of their boxes.
 */
function angledLabels(map: Drawing, labels: readonly string[], step: number): number {
  const rad = (LABEL_ANGLE * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const shift = Math.round(-0.21 * LABEL_SIZE);
  const rise = Math.round(0.8 * LABEL_SIZE);
  let top = -LABEL_PADDING;
  const body = labels
    .map((l, k) => {
      const ax = (k + 0.5) * step - 0.5;
      const ay = -LABEL_PADDING;
      const w = Math.min(textWidth(l), LABEL_LIMIT);
      // The box before turning, about the anchor: from the baseline's top (`rise` above it) down `LABEL_SIZE`.
      const y0 = shift - rise;
      const y1 = y0 + LABEL_SIZE;
      const corners = [
        [0, y0],
        [w, y0],
        [0, y1],
        [w, y1],
      ].map(([x, y]) => [ax + (x as number) * cos - (y as number) * sin, ay + (x as number) * sin + (y as number) * cos] as const);
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      map.cover(box);
      top = Math.min(top, box.y0);
      return `<text transform="translate(${num(ax + 0.5)},${num(ay + 0.5)}) rotate(${360 + LABEL_ANGLE}) translate(0,${shift})">${escapeXml(truncate(l, LABEL_LIMIT))}</text>`;
    })
    .join('');
  map.add(`<g class="role-axis-label" font-size="${LABEL_SIZE}px" fill="${INK}">${body}</g>`);
  return top;
}

/**
 * One heat map with its top-left cell at the origin: cells in their heat colour, each number in the
 * colour that reads on it, predicted classes across the top under "Predicted", actual ones down the
 * left beside "Actual" (rotated), the map's title above everything, flush with its left edge.
 */
export function drawMap(
  cells: readonly ChartDatum[],
  labels: readonly string[],
  step: number,
  field: 'count' | 'rowShare',
  angled = false,
): Drawing {
  const map = new Drawing();
  const side = labels.length * step;
  const stepField = field === 'count' ? 'countStep' : 'shareStep';
  const strongField = field === 'count' ? 'countStrong' : 'shareStrong';
  map.add(
    cells
      .map((c) => {
        const fill = HEAT_RAMP[c[stepField] as number] as string;
        return `<path d="M${num((c['j'] as number) * step)},${num((c['i'] as number) * step)}h${step}v${step}h-${step}Z" fill="${fill}" stroke="${SURFACE}"/>`;
      })
      .join(''),
    { x0: -0.5, y0: -0.5, x1: side + 0.5, y1: side + 0.5 },
  );
  const number = (c: ChartDatum): TextItem => ({
    x: ((c['j'] as number) + 0.5) * step,
    y: baselineY(((c['i'] as number) + 0.5) * step, 'middle', CELL_FONT_SIZE),
    text: field === 'count' ? COUNT_FORMAT.format(c['count'] as number) : formatShare(c['rowShare'] as number),
  });
  for (const strong of [false, true]) {
    const shown = cells.filter((c) => c[strongField] === strong);
    map.texts(shown.map(number), { size: CELL_FONT_SIZE, anchor: 'middle', fill: strong ? ON_STRONG : INK });
  }
  // Class names across the top (their axis has no ticks and no domain line), half a pixel before each cell's centre as Vega puts them.
  const labelTop = angled ? angledLabels(map, labels, step) : flatLabels(map, labels, step);
  map.texts([{ x: side / 2, y: baselineY(labelTop - TITLE_PADDING, 'bottom', TITLE_SIZE), text: 'Predicted', anchor: 'middle' }], {
    size: TITLE_SIZE,
    bold: true,
    offset: 0.5,
    role: 'axis-title',
  });
  const left = labels.map((l, k): TextItem => ({
    x: -LABEL_PADDING,
    y: baselineY((k + 0.5) * step - 0.5, 'middle'),
    text: l,
    limit: LABEL_LIMIT,
    anchor: 'end',
  }));
  const labelWidth = Math.max(0, ...left.map((item) => textBox(item).x1 - textBox(item).x0));
  map.texts(left, { anchor: 'end', offset: 0.5, role: 'axis-label' });
  // "Actual", rotated, its bottom edge `TITLE_PADDING` left of the widest name (baseline "bottom": 3 px above it, as Vega draws it).
  const x = -(LABEL_PADDING + labelWidth + TITLE_PADDING);
  const w = textWidth('Actual', TITLE_SIZE, true);
  const bottom = Math.round(-0.21 * TITLE_SIZE);
  map.add(
    `<g class="role-axis-title" font-size="${TITLE_SIZE}px" font-weight="600" fill="${INK}"><text text-anchor="middle" transform="translate(${num(x + 0.5)},${num(side / 2 + 0.5)}) rotate(-90) translate(0,${bottom})">Actual</text></g>`,
    {
      x0: x + bottom - Math.round(0.8 * TITLE_SIZE),
      y0: side / 2 - w / 2,
      x1: x + bottom - Math.round(0.8 * TITLE_SIZE) + TITLE_SIZE,
      y1: side / 2 + w / 2,
    },
  );
  return map;
}

/** The map's title, above the map and its axes, flush with their left edge. */
function addTitle(map: Drawing, title: string): void {
  const box = map.extent();
  const top = box.y0 - TITLE_PADDING - TITLE_SIZE;
  map.texts([{ x: box.x0, y: baselineY(top, 'top', TITLE_SIZE), text: title }], { size: TITLE_SIZE, bold: true, role: 'title-text' });
}

/**
 * The counts map and the row-shares map, side by side or one above the other as the spec lays them
 * out (the second `MAP_SPACING` beyond the first's whole pixels). Undefined (Vega draws it) when a
 * class name angled across the top is cut at the label limit, or the matrix is not square over the labels, has a class
 * named twice, or a count that is negative or not an integer (Vega's `,` format differs there).
 */
export function drawConfusionMatrix(data: ConfusionMatrixData): Drawing | undefined {
  const n = data.labels.length;
  if (n === 0 || new Set(data.labels).size !== n) return undefined;
  if (data.matrix.length !== n || data.matrix.some((row) => row.length !== n)) return undefined;
  if (data.matrix.some((row) => row.some((v) => !Number.isSafeInteger(v) || v < 0))) return undefined;
  const { step, angled, beside } = confusionLayout(data);
  // A class name cut at the label limit: Vega bounds it, angled, otherwise than the drawing would.
  if (angled && data.labels.some((l) => textWidth(l) >= LABEL_LIMIT)) return undefined;
  const cells = confusionMatrixCells(data);
  const first = drawMap(cells, data.labels, step, 'count', angled);
  addTitle(first, COUNTS_TITLE);
  const second = drawMap(cells, data.labels, step, 'rowShare', angled);
  addTitle(second, SHARES_TITLE);
  const a = first.extent();
  const b = second.extent();
  const dx = beside ? Math.ceil(a.x1) + MAP_SPACING + Math.ceil(-b.x0) : 0;
  const dy = beside ? 0 : Math.ceil(a.y1) + MAP_SPACING + Math.ceil(-b.y0);
  const drawing = new Drawing();
  drawing.add(first.body(), a);
  drawing.add(`<g transform="translate(${dx},${dy})">${second.body()}</g>`, { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy });
  return drawing;
}
