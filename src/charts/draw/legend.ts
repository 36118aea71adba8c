/**
 * A legend under the plot, as the theme lays Vega-Lite's out (`orient: bottom`, horizontal, four
 * columns 18 px apart): a symbol, then its label cut at the theme's `labelLimit`.
 */
import { Drawing, baselineY, circlePath, num, textWidth } from './svg.ts';

/** Legend columns (the theme's `legend.columns`). */
const COLUMNS = 4;
const COLUMN_PADDING = 18;
/** The theme's `legend.labelLimit`. */
const LABEL_LIMIT = 320;
/** Height of one row of entries as Vega bounds it (a 10 px symbol with its 2 px stroke and margin). */
const ENTRY_HEIGHT = 15;
/** Space between rows (Vega's legend `rowPadding`). */
const ROW_PADDING = 2;
/** How far an entry's bounds reach left of and above it (the symbol's stroke and margin). */
const ENTRY_LEFT = 3;
/** Space between the plot's guides and the legend (Vega's legend `offset`). */
const OFFSET = 18;

/** One legend entry: a colour and how it is drawn. */
export interface LegendEntry {
  label: string;
  color: string;
  /** `circle` (filled, the default), `ring` (stroked only) or `square`. */
  symbol?: 'circle' | 'ring' | 'square';
}

/** Draws `entries` under everything drawn so far, left-aligned with the plot at x = 0. */
export function bottomLegend(drawing: Drawing, entries: readonly LegendEntry[], options: { left?: number } = {}): void {
  if (entries.length === 0) return;
  const top = drawing.extent().y1 + OFFSET;
  const left = options.left ?? 0;
  // Vega lays an entry out as wide as its label's bounds: the whole label, at most the limit.
  const widths = entries.map((e) => 16 + Math.min(textWidth(e.label), LABEL_LIMIT));
  const columns = Math.min(COLUMNS, entries.length);
  const columnWidth = Array.from({ length: columns }, (_, c) => Math.max(...widths.filter((_, i) => i % columns === c)));
  // Vega steps from one column to the next by the column's bounds (from 3 px left of its symbols) and the padding, rounded up.
  const columnX = columnWidth.map((_, c) =>
    columnWidth.slice(0, c).reduce((sum, w) => sum + Math.ceil(ENTRY_LEFT + w + COLUMN_PADDING), 0),
  );
  const symbols: string[] = [];
  const items = entries.map((entry, i) => {
    const x = left + (columnX[i % columns] as number);
    // Vega steps from one row to the next by the row's bounds (from 3 px above its symbols) and the padding.
    const y = top + Math.floor(i / columns) * (ENTRY_LEFT + ENTRY_HEIGHT + ROW_PADDING);
    const shape = entry.symbol ?? 'circle';
    symbols.push(
      shape === 'square'
        ? `<path d="M${num(x + 1)},${num(y + 1)}h10v10h-10Z" fill="${entry.color}"/>`
        : `<path d="${circlePath(x + 6, y + 6, 5)}"${shape === 'ring' ? '' : ` fill="${entry.color}"`} stroke="${entry.color}" stroke-width="2"/>`,
    );
    return { x: x + 16, y: baselineY(y + 6, 'middle'), text: entry.label, limit: LABEL_LIMIT };
  });
  const rows = Math.ceil(entries.length / columns);
  const right = left + (columnX[columns - 1] as number) + (columnWidth[columns - 1] as number);
  drawing.add(symbols.join(''), { x0: left, y0: top, x1: right, y1: top + rows * ENTRY_HEIGHT + (rows - 1) * (ENTRY_LEFT + ROW_PADDING) });
  drawing.texts(items, { role: 'legend-label' });
}

/** One entry of a legend of filled points: its colour. */
export interface DotLegendEntry {
  label: string;
  color: string;
}

/**
 * A legend of filled points as Vega draws a point mark's colour legend with the theme (bottom, four
 * columns, or `columns` as a spec sets them): a dot of radius 5 at `opacity`, its label 16 px right of the entry's start. `top` is
 * where Vega puts a bottom legend: `OFFSET` below the bounds of the marks and the x axis, rounded up
 * (`bottomLegendTop`). Entries are as wide as their labels (at most the limit); a column starts
 * `COLUMN_PADDING` past the widest entry before it, rounded up; rows are 11 px high, 2 px apart.
 */
export function dotLegend(
  drawing: Drawing,
  entries: readonly DotLegendEntry[],
  options: { top: number; left?: number; opacity?: number; columns?: number },
): void {
  if (entries.length === 0) return;
  const left = options.left ?? 0;
  const widths = entries.map((e) => 16 + Math.min(textWidth(e.label), LABEL_LIMIT));
  const columns = Math.min(options.columns ?? COLUMNS, entries.length);
  const columnWidth = Array.from({ length: columns }, (_, c) => Math.max(...widths.filter((_, i) => i % columns === c)));
  const columnX = columnWidth.map((_, c) => columnWidth.slice(0, c).reduce((sum, w) => sum + Math.ceil(w) + COLUMN_PADDING, 0));
  const rowHeight = LABEL_SIZE_PX;
  const opacity = options.opacity === undefined || options.opacity === 1 ? '' : ` opacity="${num(options.opacity)}"`;
  const byColor = new Map<string, string[]>();
  const items = entries.map((entry, i) => {
    const x = left + (columnX[i % columns] as number);
    const y = options.top + Math.floor(i / columns) * (rowHeight + ROW_PADDING);
    byColor.set(entry.color, [...(byColor.get(entry.color) ?? []), circlePath(x + 6, y + 6, 5)]);
    return { x: x + 16, y: baselineY(y + 6, 'middle'), text: entry.label, limit: LABEL_LIMIT };
  });
  const rows = Math.ceil(entries.length / columns);
  const right = Math.max(...entries.map((_, i) => left + (columnX[i % columns] as number) + (widths[i] as number)));
  drawing.add([...byColor].map(([color, paths]) => `<path d="${paths.join('')}" fill="${color}"${opacity}/>`).join(''), {
    x0: left,
    y0: options.top,
    x1: right,
    y1: options.top + rows * rowHeight + (rows - 1) * ROW_PADDING,
  });
  drawing.texts(items, { role: 'legend-label' });
}

/** A legend entry's height with a dot (its label's: the font size). */
const LABEL_SIZE_PX = 11;

/** Where Vega puts a bottom legend: `OFFSET` px below `bottom` (the lowest bound of the marks and the x axis) rounded up. */
export function bottomLegendTop(bottom: number): number {
  return Math.ceil(bottom) + OFFSET;
}
