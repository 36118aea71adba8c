/**
 * The compare page's overlaid training curves drawn without Vega: `compareCurvesSpec`'s panels, one
 * per metric column, two to a row, each experiment a line on a y scale of the panel's own; the x
 * axis (epochs, or steps) shared, under the last row; the experiments' legend below.
 */
import { historyAxisTitle, type HistoryAxis } from '../../analysis/history-axis.ts';
import { MUTED } from '../theme.ts';
import type { ChartDatum } from '../types.ts';
import { bottomAxis, leftAxis, PIXELS_PER_TICK } from './axis.ts';
import { experimentsOf, isFiniteNumber, overhang, panelHeader, panelsOf, type Experiments } from './compare-facets.ts';
import { linearScale } from './scale.ts';
import { Drawing, baselineY, num, textWidth, place } from './svg.ts';

/** A panel's plot (the spec's `width` and `height`). */
const WIDTH = 330;
const HEIGHT = 150;
/** Panels per row and the space between them (the spec's `columns` and `spacing`). */
const COLUMNS = 2;
const ROW_SPACING = 16;
const COLUMN_SPACING = 24;

/** The legend as the theme lays out a line chart's: a 10 px stroke and the label 16 px right, four columns. */
const LEGEND = {
  columns: 4,
  /** Space between the legend and the charts above (Vega's legend `offset`). */
  offset: 18,
  /** `columnPadding`, and the 3 px the stroke symbol's bounds reach left of its entry. */
  columnGap: 18 + 3,
  /** A row: the label's height, and 2 px between rows. */
  rowHeight: 11,
  rowGap: 2,
  labelLimit: 320,
} as const;

/** A number of hundredths as path data: no leading zero, as `compactSvg` writes Vega's lines. */
function hundredths(value: number): string {
  // Written out by hand: a line has hundreds of points and this is most of a chart's drawing time.
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return whole === 0 ? '0' : `${value < 0 ? '-' : ''}${whole}`;
  const digits = fraction < 10 ? `0${fraction}` : fraction % 10 === 0 ? String(fraction / 10) : String(fraction);
  return `${value < 0 ? '-' : ''}${whole === 0 ? '' : whole}.${digits}`;
}

/**
 * A polyline through `points` as path data with relative segments (`M x,y l dx,dy …`), as `compactSvg`
 * writes Vega's lines: the steps are taken between points rounded to hundredths, so they do not drift.
 */
function polylinePath(points: readonly (readonly [number, number])[]): string {
  let d = '';
  let last: [number, number] = [0, 0];
  for (const [x, y] of points) {
    const at: [number, number] = [Math.round(x * 100), Math.round(y * 100)];
    if (d === '') d = `M${num(at[0] / 100)},${num(at[1] / 100)}`;
    else {
      const dy = hundredths(at[1] - last[1]);
      d += `l${hundredths(at[0] - last[0])}${dy.startsWith('-') ? '' : ','}${dy}`;
    }
    last = at;
  }
  return d;
}

/** The legend of the experiments under everything drawn so far, at x = 0. */
function curvesLegend(drawing: Drawing, experiments: Experiments): void {
  const top = drawing.extent().y1 + LEGEND.offset;
  const entries = experiments.domain.map((place) => {
    const label = experiments.label(place);
    // Vega lays an entry out as wide as its label's bounds: the whole label, at most the limit.
    return { place, label, width: 16 + Math.min(textWidth(label), LEGEND.labelLimit) };
  });
  const columns = Math.min(LEGEND.columns, entries.length);
  // Vega's grid layout of the entries (`align: each`): a column as wide as its widest entry, in whole pixels.
  const extents = Array.from({ length: columns }, (_, c) =>
    Math.max(...entries.filter((_e, i) => i % columns === c).map((e) => Math.ceil(e.width))),
  );
  const columnX = extents.map((_, c) => extents.slice(0, c).reduce((x, w) => x + w + LEGEND.columnGap, 0));
  const strokes: string[] = [];
  const items = entries.map((entry, i) => {
    const x = columnX[i % columns] as number;
    const y = top + Math.floor(i / columns) * (LEGEND.rowHeight + LEGEND.rowGap);
    strokes.push(`<path d="M${num(x + 1)},${num(y + 6)}h10" stroke="${experiments.color(entry.place)}" stroke-width="2"/>`);
    return { x: x + 16, y: baselineY(y + 6, 'middle'), text: entry.label, limit: LEGEND.labelLimit };
  });
  const rows = Math.ceil(entries.length / columns);
  const right = Math.max(...entries.map((e, i) => (columnX[i % columns] as number) + e.width));
  drawing.add(strokes.join(''), {
    x0: 0,
    y0: top,
    x1: right,
    y1: top + (rows - 1) * (LEGEND.rowHeight + LEGEND.rowGap) + LEGEND.rowHeight,
  });
  drawing.texts(items, { role: 'legend-label' });
}

/**
 * The chart of `rows` (as `compareCurvesSpec` takes them, with its history `axis`), or undefined when
 * they hold what this drawing does not draw as Vega would (an epoch or value that is not a finite
 * number, a single epoch, panels tied in order): Vega draws those.
 */
export function drawCompareCurves(rows: readonly ChartDatum[], axis: HistoryAxis = 'epoch'): Drawing | undefined {
  if (rows.length === 0) return undefined;
  const experiments = experimentsOf(rows);
  const panels = panelsOf(rows, 'panel', 'pOrder');
  if (experiments === undefined || panels === undefined) return undefined;
  if (!rows.every((row) => isFiniteNumber(row['epoch']) && isFiniteNumber(row['value']))) return undefined;
  const epochs = rows.map((row) => row['epoch'] as number);
  if (Math.min(...epochs) === Math.max(...epochs)) return undefined;
  // One x scale for every panel (only y is resolved independent), integer ticks at least 1 apart.
  const x = linearScale(epochs, [0, WIDTH], { minStep: 1 });
  const xTicks = x.ticks(Math.ceil(WIDTH / PIXELS_PER_TICK), { integer: true }).values.map((v) => x(v));
  const cells = panels.map((panel) => {
    const cell = new Drawing();
    const y = linearScale(
      panel.rows.map((row) => row['value'] as number),
      [HEIGHT, 0],
    );
    // The shared x axis's grid runs through every panel; its ticks and labels are in the footer.
    cell.add(
      `<path d="${xTicks.map((p) => `M${num(p)},0v${HEIGHT}`).join('')}" stroke="${MUTED}" stroke-opacity="0.25" transform="translate(0.5,0.5)"/>`,
      { x0: 0, y0: 0, x1: WIDTH, y1: HEIGHT },
    );
    leftAxis(cell, y, WIDTH, HEIGHT);
    // One line per experiment, its points in epoch order (Vega-Lite sorts a line by x).
    const lines = experiments.domain.flatMap((place) => {
      const points = panel.rows
        .filter((row) => row['eOrder'] === place)
        .map((row) => [x(row['epoch'] as number), y(row['value'] as number)] as const)
        .sort((a, b) => a[0] - b[0]);
      if (points.length === 0) return [];
      const d = polylinePath(points);
      return [`<path d="${d}" stroke="${experiments.color(place)}" stroke-width="2"/>`];
    });
    cell.add(lines.join(''));
    // The header sits above whatever of the panel reaches highest (a y label at the top tick).
    panelHeader(cell, panel.name, Math.min(0, cell.extent().y0));
    return cell;
  });
  const boxes = cells.map((c) => c.extent());
  const columns = COLUMNS;
  const rowCount = Math.ceil(cells.length / columns);
  // Vega-Lite's facet layout with `align: none`: each panel right of its left neighbour's column by
  // the column's widest extent, the spacing and its own overhang; below the row above likewise.
  const columnExtent = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...boxes.filter((_b, i) => i % columns === c).map((b) => Math.ceil(b.x1))),
  );
  const rowExtent = Array.from({ length: rowCount }, (_, r) =>
    Math.max(0, ...boxes.slice(r * columns, r * columns + columns).map((b) => Math.ceil(b.y1))),
  );
  const xs: number[] = [];
  const ys: number[] = [];
  boxes.forEach((b, i) => {
    const c = i % columns;
    const r = Math.floor(i / columns);
    xs.push(c === 0 ? 0 : (xs[i - 1] as number) + (columnExtent[c - 1] as number) + COLUMN_SPACING + overhang(b.x0));
    ys.push(r === 0 ? 0 : (ys[i - columns] as number) + (rowExtent[r - 1] as number) + ROW_SPACING + overhang(b.y0));
  });
  const drawing = new Drawing();
  cells.forEach((cell, i) => place(drawing, cell, xs[i] as number, ys[i] as number));
  // The x axis is a footer under the last row, one per column, at the lowest reach of that row's panels
  // in whole pixels; a column with no panel in the last row has its footer under that row all the same.
  const lastRow = (rowCount - 1) * columns;
  const footerY = Math.max(0, ...boxes.slice(lastRow).map((b, j) => Math.ceil((ys[lastRow + j] as number) + b.y1)));
  for (let c = 0; c < Math.min(columns, cells.length); c++) {
    let k = lastRow + c;
    while (k >= cells.length) k -= columns;
    const footer = new Drawing();
    bottomAxis(footer, x, WIDTH, 0, { grid: false, integer: true, title: historyAxisTitle(axis) });
    place(drawing, footer, xs[k] as number, footerY);
  }
  curvesLegend(drawing, experiments);
  return drawing;
}
