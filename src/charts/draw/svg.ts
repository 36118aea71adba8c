/**
 * The few SVG pieces the build-time chart drawings are made of, written as strings in the same compact
 * form `finishSvg` leaves Vega's output in: geometry to two decimals, colours as attributes (the site's
 * stylesheet themes charts by their light values, `theme.ts`), one font size per group of texts.
 */
import { CHART_SIZES, INK, SURFACE } from '../theme.ts';
import { estimateTextWidth } from '../text-width.ts';

/** A number as SVG geometry: two decimals at most, no `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Text as SVG character data or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An axis-aligned box in the drawing's coordinates. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/** Font size of labels and legend text (`CHART_SIZES.minFontSize`: charts are never scaled down). */
export const LABEL_SIZE = CHART_SIZES.minFontSize;
/** Font size of axis and panel titles. */
export const TITLE_SIZE = 12;

/** A text's width as the page lays it out (the estimate Vega is given too, `text-width.ts`). */
export function textWidth(text: string, size: number = LABEL_SIZE, bold = false): number {
  return estimateTextWidth(text, size, bold);
}

/**
 * Cuts text to `limit` pixels with an ellipsis exactly as Vega does (its `truncate`): kept whole when
 * narrower than the limit, else the longest prefix (in UTF-16 units) narrower than the limit less
 * the ellipsis.
 */
export function truncate(text: string, limit: number, size: number = LABEL_SIZE, bold = false): string {
  if (textWidth(text, size, bold) < limit) return text;
  const room = limit - textWidth('…', size, bold);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (textWidth(text.slice(0, mid), size, bold) < room) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** One text to place: its anchor point (baseline at `y`), content and alignment. */
export interface TextItem {
  x: number;
  y: number;
  text: string;
  anchor?: Anchor | undefined;
  /** Widest the text is drawn (Vega's `limit`): cut with an ellipsis past it, and bounded at most this wide (`text-width.ts`). */
  limit?: number | undefined;
}

/** The box a text occupies, as Vega bounds it: `size` high, its top 4/5 of the size above the baseline. */
export function textBox(item: TextItem, size: number = LABEL_SIZE, bold = false): Box {
  const full = textWidth(item.text, size, bold);
  const w = item.limit !== undefined && item.limit > 0 && full > item.limit ? item.limit : full;
  const x0 = item.anchor === 'end' ? item.x - w : item.anchor === 'middle' ? item.x - w / 2 : item.x;
  const y0 = item.y - Math.round(0.8 * size);
  return { x0, y0, x1: x0 + w, y1: y0 + size };
}

/** Vega's text baselines, as offsets of the SVG (alphabetic) baseline from the text's `y`. */
const BASELINE = { top: 0.79, middle: 0.3, bottom: -0.21, alphabetic: 0 } as const;

/** The SVG baseline of a text Vega places at `y` with `baseline` (Vega rounds the offset to whole pixels). */
export function baselineY(y: number, baseline: keyof typeof BASELINE, size: number = LABEL_SIZE): number {
  return y + Math.round(BASELINE[baseline] * size);
}

/** How a group of texts is drawn. */
export interface TextOptions {
  size?: number;
  bold?: boolean;
  fill?: string;
  anchor?: Anchor;
  /** Moves the texts by this much on both axes, not their boxes (see `Drawing.texts`). */
  offset?: number;
  /** What the texts are, as the class Vega gives them (`role-axis-label`, …): the page's tests and styles find chart text by it. */
  role?: 'axis-label' | 'axis-title' | 'title-text' | 'legend-label';
}

/**
 * A drawing under way: SVG fragments in paint order and the box they cover, from which the chart's
 * size follows (Vega's `autosize: pad`: the drawing plus `padding` on every side).
 */
export class Drawing {
  private readonly parts: string[] = [];
  private box: Box | undefined;

  /** Adds a fragment covering `box` (a box of undefined adds nothing to the size). */
  add(svg: string, box?: Box): void {
    if (svg !== '') this.parts.push(svg);
    if (box !== undefined) this.cover(box);
  }

  /** Grows the drawing's box to cover `box`. */
  cover(box: Box): void {
    this.box = union(this.box, box);
  }

  /**
   * Texts of one size and colour as one group; each adds its box. `offset` moves them by that much
   * on both axes without moving their boxes: Vega draws guides half a pixel off their place (crisp
   * 1 px lines) but bounds them at their place, and the chart's size follows the bounds.
   */
  texts(items: readonly TextItem[], options: TextOptions = {}): void {
    if (items.length === 0) return;
    const size = options.size ?? LABEL_SIZE;
    const bold = options.bold ?? false;
    const shared = options.anchor;
    const body = items
      .map((item) => {
        this.cover(textBox({ ...item, anchor: item.anchor ?? shared }, size, bold));
        const anchor = shared === undefined && item.anchor !== undefined && item.anchor !== 'start' ? ` text-anchor="${item.anchor}"` : '';
        const shift = options.offset ?? 0;
        const text = item.limit === undefined ? item.text : truncate(item.text, item.limit, size, bold);
        return `<text x="${num(item.x + shift)}" y="${num(item.y + shift)}"${anchor}>${escapeXml(text)}</text>`;
      })
      .join('');
    const anchor = shared !== undefined && shared !== 'start' ? ` text-anchor="${shared}"` : '';
    const weight = bold ? ' font-weight="600"' : '';
    const role = options.role === undefined ? '' : ` class="role-${options.role}"`;
    this.parts.push(`<g${role} font-size="${size}px"${weight}${anchor} fill="${options.fill ?? INK}">${body}</g>`);
  }

  /** The fragments so far, in paint order, for a drawing placed inside another. */
  body(): string {
    return this.parts.join('');
  }

  /** The drawing's extent (an empty box at the origin when nothing was added). */
  extent(): Box {
    return this.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  }

  /**
   * The finished SVG: sized to the drawing plus `padding`, on the chart surface, labelled by `title`
   * (`role="img"`, its data table is beside it on the page).
   */
  toSvg(options: { title?: string | undefined; padding?: number }): string {
    const padding = options.padding ?? 8;
    const box = this.extent();
    // Vega's `autosize: pad`: whole pixels beyond the origin on each side, then the padding.
    const left = Math.ceil(-box.x0);
    const top = Math.ceil(-box.y0);
    const width = left + Math.ceil(box.x1) + 2 * padding;
    const height = top + Math.ceil(box.y1) + 2 * padding;
    const title = options.title === undefined || options.title === '' ? '' : ` aria-label="${escapeXml(options.title)}"`;
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"${title}>` +
      `<rect width="${width}" height="${height}" fill="${SURFACE}"/>` +
      `<g fill="none" transform="translate(${left + padding},${top + padding})">${this.parts.join('')}</g></svg>`
    );
  }
}

/** The smallest box covering `a` (none: nothing yet) and `b`. */
export function union(a: Box | undefined, b: Box): Box {
  return a === undefined
    ? { ...b }
    : { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Adds `part` to `drawing` moved by (x, y), as Vega places a group (a facet's cell, a panel, a header): one translated group, its box moved with it. */
export function place(drawing: Drawing, part: Drawing, x: number, y: number): void {
  const box = part.extent();
  drawing.add(`<g transform="translate(${num(x)},${num(y)})">${part.body()}</g>`, {
    x0: box.x0 + x,
    y0: box.y0 + y,
    x1: box.x1 + x,
    y1: box.y1 + y,
  });
}

/** A circle of radius `r` at (x, y) as path data (Vega's symbol shape, so points look the same hydrated). */
export function circlePath(x: number, y: number, r: number): string {
  const R = num(r);
  return `M${num(x + r)},${num(y)}A${R},${R},0,1,1,${num(x - r)},${num(y)}A${R},${R},0,1,1,${num(x + r)},${num(y)}`;
}

/** Radius of Vega's circle symbol of `size` (its bounding square's area): half the square's side. */
export function symbolRadius(size: number): number {
  return Math.sqrt(size) / 2;
}
