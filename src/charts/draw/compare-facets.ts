/**
 * What the compare charts' drawings share: experiments as categories by their place in the
 * comparison (`eOrder`, labelled by the first row's `experiment`, coloured from the palette in that
 * order) and panels (facets) titled above their plot, as `compare.ts`' specs lay them out.
 */
import { INK, PALETTE } from '../theme.ts';
import type { ChartDatum } from '../types.ts';
import { Drawing, TITLE_SIZE } from './svg.ts';

/** The experiments of a comparison: places in order, each one's label and colour. */
export interface Experiments {
  /** `eOrder` values, ascending (Vega-Lite's `sort: { field: 'eOrder', op: 'min' }`). */
  readonly domain: readonly number[];
  /** The experiment's id, as the spec's `labelExpr` looks it up (the first row at that place). */
  label(eOrder: number): string;
  /** The experiment's colour (the palette by place in the domain, cycling as Vega's ordinal scale does). */
  color(eOrder: number): string;
}

/** The experiments of `rows`, or undefined when a row's place is not a number or its experiment not a non-empty string. */
export function experimentsOf(rows: readonly ChartDatum[]): Experiments | undefined {
  const labels = new Map<number, string>();
  for (const row of rows) {
    const place = row['eOrder'];
    const id = row['experiment'];
    if (typeof place !== 'number' || !Number.isFinite(place) || !isPlainText(id)) return undefined;
    if (!labels.has(place)) labels.set(place, id);
  }
  const domain = [...labels.keys()].sort((a, b) => a - b);
  const index = new Map(domain.map((place, i) => [place, i]));
  return {
    domain,
    label: (place) => labels.get(place) ?? '',
    color: (place) => PALETTE[(index.get(place) ?? 0) % PALETTE.length] as string,
  };
}

/**
 * Panels of a facet: the distinct values of `field` ordered by the least `orderField` of their rows,
 * each with its rows; undefined when a panel name is not a non-empty string or two panels tie in
 * order (Vega's order between them is not defined).
 */
export function panelsOf(
  rows: readonly ChartDatum[],
  field: string,
  orderField: string,
): { name: string; rows: ChartDatum[] }[] | undefined {
  const panels = new Map<string, { name: string; order: number; rows: ChartDatum[] }>();
  for (const row of rows) {
    const name = row[field];
    const order = row[orderField];
    if (!isPlainText(name) || typeof order !== 'number' || !Number.isFinite(order)) return undefined;
    const panel = panels.get(name);
    if (panel === undefined) panels.set(name, { name, order, rows: [row] });
    else {
      panel.order = Math.min(panel.order, order);
      panel.rows.push(row);
    }
  }
  const sorted = [...panels.values()].sort((a, b) => a.order - b.order);
  if (sorted.some((p, i) => i > 0 && (sorted[i - 1] as { order: number }).order === p.order)) return undefined;
  return sorted.map(({ name, rows: mine }) => ({ name, rows: mine }));
}

/** The theme's panel header: bold 12 px, cut at 400 px (`PANEL_HEADER.labelLimit`), 10 px above the panel's content. */
const HEADER_LIMIT = 400;
const HEADER_OFFSET = 10;

/**
 * A panel's header, as Vega places a facet's `labelOrient: 'top'` header (a group title): its bottom
 * `HEADER_OFFSET` px above the top of the panel's content (`top`, 0 or above, where axis labels reach
 * beyond the plot), left-aligned with the plot.
 */
export function panelHeader(drawing: Drawing, name: string, top: number): void {
  // Vega sets the title's group `TITLE_SIZE` high above the offset, and its text there with a bottom baseline.
  const y = top - TITLE_SIZE - HEADER_OFFSET;
  drawing.texts([{ x: 0, y: y + Math.round(-0.21 * TITLE_SIZE), text: name, limit: HEADER_LIMIT }], {
    size: TITLE_SIZE,
    bold: true,
    fill: INK,
    role: 'title-text',
  });
}

/**
 * Whether text is drawn by Vega as this kit draws it: not empty, no space at either end (Vega trims
 * what it draws but measures it untrimmed) and no character outside the Basic Multilingual Plane
 * (Vega cuts long text by UTF-16 code unit, the kit by character).
 */
export function isPlainText(text: unknown): text is string {
  return typeof text === 'string' && text !== '' && text === text.trim() && !/[\uD800-\uDFFF]/.test(text);
}

/** Whether a value is a finite number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Vega's grid-layout margin of a box edge left of or above the origin: whole pixels (`offsetValue`). */
export function overhang(edge: number): number {
  return edge < 0 ? Math.ceil(-edge) : 0;
}
