/**
 * A legend under the plot, as the theme lays Vega-Lite's out (`orient: bottom`, horizontal, four
 * columns 18 px apart): a symbol, then its label cut at the theme's `labelLimit`.
 */
import { Drawing, baselineY, circlePath, num, textWidth, truncate } from './svg.ts';

/** Legend columns (the theme's `legend.columns`). */
const COLUMNS = 4;
const COLUMN_PADDING = 18;
/** The theme's `legend.labelLimit`. */
const LABEL_LIMIT = 320;
/** Height of one row of entries (a 12 px symbol and 2 px between rows). */
const ROW = 16;
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
  const top = drawing.extent().y1 + OFFSET - 9;
  const left = options.left ?? 0;
  const labels = entries.map((e) => truncate(e.label, LABEL_LIMIT));
  const widths = labels.map((l) => 16 + textWidth(l));
  const columns = Math.min(COLUMNS, entries.length);
  const columnWidth = Array.from({ length: columns }, (_, c) => Math.max(...widths.filter((_, i) => i % columns === c)));
  const columnX = columnWidth.map((_, c) => columnWidth.slice(0, c).reduce((sum, w) => sum + w + COLUMN_PADDING, 0));
  const symbols: string[] = [];
  const items = entries.map((entry, i) => {
    const x = left + (columnX[i % columns] as number);
    const y = top + Math.floor(i / columns) * ROW;
    const shape = entry.symbol ?? 'circle';
    symbols.push(
      shape === 'square'
        ? `<path d="M${num(x + 1)},${num(y + 1)}h10v10h-10Z" fill="${entry.color}"/>`
        : `<path d="${circlePath(x + 6, y + 6, 5)}"${shape === 'ring' ? '' : ` fill="${entry.color}"`} stroke="${entry.color}" stroke-width="2"/>`,
    );
    return { x: x + 16, y: baselineY(y + 6, 'middle'), text: labels[i] as string };
  });
  const rows = Math.ceil(entries.length / columns);
  const right = left + (columnX[columns - 1] as number) + (columnWidth[columns - 1] as number);
  drawing.add(symbols.join(''), { x0: left, y0: top, x1: right, y1: top + (rows - 1) * ROW + 12 });
  drawing.texts(items);
}
