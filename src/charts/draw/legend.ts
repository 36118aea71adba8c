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
/** How far an entry's bounds reach left of it (the symbol's stroke and margin). */
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
    const y = top + Math.floor(i / columns) * (ENTRY_HEIGHT + ROW_PADDING);
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
  drawing.add(symbols.join(''), { x0: left - ENTRY_LEFT, y0: top, x1: right, y1: top + rows * ENTRY_HEIGHT + (rows - 1) * ROW_PADDING });
  drawing.texts(items, { role: 'legend-label' });
}

/**
 * A legend of filled dots (a point mark's colours) under everything drawn so far, at x = 0, laid out
 * as Vega lays out its entries: `columns` per row, each column starting `COLUMN_PADDING` after the
 * widest entry of the one before (its bounds end at its label's, rounded up to whole pixels), rows
 * 11 px high with Vega's 2 px between them.
 */
export function bottomDotLegend(drawing: Drawing, entries: readonly { label: string; color: string }[], columns: number = COLUMNS): void {
  if (entries.length === 0) return;
  const top = drawing.extent().y1 + OFFSET;
  const rowHeight = 11;
  const cols = Math.min(columns, entries.length);
  // An entry's bounds end at its label's: the symbol with its margin (16 px), then the label, at most the limit.
  const ends = entries.map((e) => Math.ceil(16 + Math.min(textWidth(e.label), LABEL_LIMIT)));
  const columnEnd = (c: number): number => Math.max(...ends.filter((_, i) => i % cols === c));
  const columnX = [0];
  for (let c = 1; c < cols; c++) columnX.push((columnX[c - 1] as number) + columnEnd(c - 1) + COLUMN_PADDING);
  const symbols: string[] = [];
  const labels = entries.map((entry, i) => {
    const x = columnX[i % cols] as number;
    const y = top + Math.floor(i / cols) * (rowHeight + ROW_PADDING);
    symbols.push(`<path d="${circlePath(x + 6, y + 6, 5)}" fill="${entry.color}"/>`);
    return { x: x + 16, y: baselineY(y + 6, 'middle'), text: entry.label, limit: LABEL_LIMIT };
  });
  const rows = Math.ceil(entries.length / cols);
  const right = (columnX[cols - 1] as number) + columnEnd(cols - 1);
  drawing.add(symbols.join(''), { x0: 0, y0: top, x1: right, y1: top + rows * rowHeight + (rows - 1) * ROW_PADDING });
  drawing.texts(labels, { role: 'legend-label' });
}
