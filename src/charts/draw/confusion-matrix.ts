/** The confusion-matrix chart drawn without Vega: `confusionMatrixSpec`'s two heat maps, their class names and titles. */
import { COUNTS_TITLE, MAP_SPACING, SHARES_TITLE, confusionLayout, confusionMatrixCells } from '../confusion-matrix.ts';
import { formatShare } from '../format.ts';
import { HEAT_RAMP, INK, ON_STRONG, SURFACE } from '../theme.ts';
import type { ChartDatum, ConfusionMatrixData } from '../types.ts';
import { LABEL_LIMIT } from './axis.ts';
import { Drawing, LABEL_SIZE, TITLE_SIZE, baselineY, num, textBox, textWidth, type TextItem } from './svg.ts';

/** Font size of the numbers in the cells (`CELL_FONT_SIZE` of the spec). */
const CELL_FONT_SIZE = 12;
/** Gap between an axis and its labels (no ticks, no domain line). */
const LABEL_PADDING = 2;
/** Gap between the labels and the axis title, and between an axis and the map's title. */
const TITLE_PADDING = 4;

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/**
 * One heat map with its top-left cell at the origin: cells in their heat colour, each number in the
 * colour that reads on it, predicted classes across the top under "Predicted", actual ones down the
 * left beside "Actual" (rotated), the map's title above everything, flush with its left edge.
 */
function drawMap(cells: readonly ChartDatum[], labels: readonly string[], step: number, field: 'count' | 'rowShare'): Drawing {
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
  map.texts(
    labels.map((l, k) => ({ x: (k + 0.5) * step - 0.5, y: baselineY(-LABEL_PADDING, 'bottom'), text: l, limit: LABEL_LIMIT })),
    { anchor: 'middle', offset: 0.5, role: 'axis-label' },
  );
  const titleY = -(LABEL_PADDING + LABEL_SIZE + TITLE_PADDING);
  map.texts([{ x: side / 2, y: baselineY(titleY, 'bottom', TITLE_SIZE), text: 'Predicted', anchor: 'middle' }], {
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
 * out (the second `MAP_SPACING` beyond the first's whole pixels). Undefined (Vega draws it) when the
 * class names are angled across the top, or the matrix is not square over the labels, has a class
 * named twice, or a count that is negative or not an integer (Vega's `,` format differs there).
 */
export function drawConfusionMatrix(data: ConfusionMatrixData): Drawing | undefined {
  const n = data.labels.length;
  if (n === 0 || new Set(data.labels).size !== n) return undefined;
  if (data.matrix.length !== n || data.matrix.some((row) => row.length !== n)) return undefined;
  if (data.matrix.some((row) => row.some((v) => !Number.isSafeInteger(v) || v < 0))) return undefined;
  const { step, angled, beside } = confusionLayout(data);
  if (angled) return undefined;
  const cells = confusionMatrixCells(data);
  const first = drawMap(cells, data.labels, step, 'count');
  addTitle(first, COUNTS_TITLE);
  const second = drawMap(cells, data.labels, step, 'rowShare');
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
