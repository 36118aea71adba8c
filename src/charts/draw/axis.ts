/**
 * Axes as Vega-Lite draws them with the chart theme (`theme.ts`): grid lines at every tick of a
 * continuous axis, ticks of 5 px, labels 2 px beyond them (every other one dropped while any two
 * overlap, the outer ones flush with the axis ends on x), the domain line and a bold title.
 */
import { INK, MUTED } from '../theme.ts';
import { Drawing, LABEL_SIZE, TITLE_SIZE, baselineY, escapeXml, num, textBox, textWidth, type Box, type TextItem } from './svg.ts';
import type { BandScale, ContinuousScale } from './scale.ts';

const TICK = 5;
const LABEL_PADDING = 2;
const TITLE_PADDING = 4;
/** Vega-Lite's `labelLimit` in the theme: longer labels are cut with an ellipsis. */
export const LABEL_LIMIT = 220;
/** Pixels of axis length per tick (Vega-Lite's default tick count is the axis length / 40). */
export const PIXELS_PER_TICK = 40;

/** Grid lines across the plot at each position (a vertical line per x, a horizontal one per y), at whole pixels as Vega's `tickRound` puts them (and the ticks). */
function gridPath(positions: readonly number[], orient: 'x' | 'y', across: number): string {
  if (positions.length === 0) return '';
  const d = positions.map((p) => (orient === 'x' ? `M${Math.round(p)},0v${num(across)}` : `M0,${Math.round(p)}h${num(across)}`)).join('');
  return `<path d="${d}" stroke="${MUTED}" stroke-opacity="0.25" transform="translate(0.5,0.5)"/>`;
}

/**
 * The box of an axis's ticks as Vega bounds them: their 1 px stroke reaches half a pixel past each
 * end (Vega bounds guides at their place, not half a pixel off where it draws them).
 */
function tickBox(positions: readonly number[], orient: 'x' | 'y', at: number): Box | undefined {
  if (positions.length === 0) return undefined;
  const lo = Math.round(Math.min(...positions)) - 0.5;
  const hi = Math.round(Math.max(...positions)) + 0.5;
  return orient === 'x' ? { x0: lo, y0: at - 0.5, x1: hi, y1: at + TICK + 0.5 } : { x0: -TICK - 0.5, y0: lo, x1: 0.5, y1: hi };
}

/** Whether two boxes overlap (touching is not overlapping). */
function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Vega's "parity" overlap removal: drop every other label until no neighbours overlap. */
function parity<T extends { box: Box }>(items: readonly T[]): T[] {
  let kept = [...items];
  const clash = (list: readonly T[]): boolean => list.some((item, i) => i > 0 && overlaps((list[i - 1] as T).box, item.box));
  while (kept.length > 2 && clash(kept)) kept = kept.filter((_, i) => i % 2 === 0);
  return kept;
}

/** Vega's "greedy" overlap removal (its choice for log axes): keep each label that clears the last one kept. */
function greedy<T extends { box: Box }>(items: readonly T[]): T[] {
  const kept: T[] = [];
  for (const item of items) if (kept.length === 0 || !overlaps((kept[kept.length - 1] as T).box, item.box)) kept.push(item);
  return kept;
}

/** What an axis is given besides its scale. */
export interface AxisOptions {
  /** Axis title; none when undefined. */
  title?: string | undefined;
  /** Draw grid lines (continuous axes; default true for them). */
  grid?: boolean;
  /** Tick labels (default true); false draws no labels and no ticks, as a panel above a shared axis. */
  labels?: boolean;
  /** Labels of a continuous axis as integers only (`format: '~d'`, `tickMinStep: 1`). */
  integer?: boolean;
  /** Label text for a value (a continuous axis), overriding the default format. */
  format?: (value: number) => string;
  /** Label text for a category (a band axis), e.g. a lookup of a display name. */
  categoryLabel?: (category: string) => string;
  /** Draw the domain line (default true); false leaves a panel's grid alone, as a faceted chart's inner axes. */
  domain?: boolean;
  /** Tick count (default: the axis length / 40). */
  tickCount?: number;
  /** How overlapping labels are dropped (default `parity`; Vega-Lite uses `greedy` on log axes). Labels with empty text are never drawn. */
  overlap?: 'parity' | 'greedy';
  /**
   * Whether a category axis's labels sit half a pixel before their ticks (default true), as Vega puts
   * them on most charts; false puts them on the ticks, as Vega does for the baselines chart's rows (seen
   * in its scenegraph, not derived from a rule).
   */
  labelNudge?: boolean;
}

/** A continuous x axis under a plot of `width` × `height`: grid, ticks, flush labels, title. */
export function bottomAxis(drawing: Drawing, scale: ContinuousScale, width: number, height: number, options: AxisOptions = {}): void {
  const count = options.tickCount ?? Math.ceil(width / PIXELS_PER_TICK);
  const { values, format } = scale.ticks(count, { integer: options.integer === true });
  const positions = values.map((v) => scale(v));
  if (options.grid !== false) drawing.add(gridPath(positions, 'x', height));
  const showLabels = options.labels !== false;
  if (showLabels && positions.length > 0) {
    drawing.add(
      `<path d="${positions.map((p) => `M${Math.round(p)},0v${TICK}`).join('')}" stroke="${MUTED}" transform="translate(0.5,${num(height + 0.5)})"/>`,
      tickBox(positions, 'x', height),
    );
    const y = baselineY(height + TICK + LABEL_PADDING, 'top');
    const items = values.map((v, i) => {
      const x = positions[i] as number;
      const anchor = i === 0 && x <= 0.5 ? 'start' : i === values.length - 1 && x >= width - 0.5 ? 'end' : 'middle';
      const item: TextItem = { x, y, text: (options.format ?? format)(v), anchor };
      return { item, box: textBox(item) };
    });
    drawing.texts(
      parity(items).map((i) => i.item),
      { offset: 0.5, role: 'axis-label' },
    );
  }
  drawing.add(options.domain === false ? '' : `<path d="M0.5,${num(height + 0.5)}h${num(width)}" stroke="${MUTED}"/>`, {
    x0: 0,
    y0: 0,
    x1: width,
    y1: height,
  });
  if (options.title !== undefined) {
    const below = showLabels ? TICK + LABEL_PADDING + LABEL_SIZE + TITLE_PADDING : TITLE_PADDING;
    drawing.texts([{ x: width / 2, y: baselineY(height + below, 'top', TITLE_SIZE), text: options.title, anchor: 'middle' }], {
      size: TITLE_SIZE,
      bold: true,
      offset: 0.5,
      role: 'axis-title',
    });
  }
}

/** A continuous y axis left of a plot of `width` × `height`: grid, ticks, labels, rotated title. Returns the labels' width. */
export function leftAxis(drawing: Drawing, scale: ContinuousScale, width: number, height: number, options: AxisOptions = {}): number {
  const count = options.tickCount ?? Math.ceil(height / PIXELS_PER_TICK);
  const { values, format } = scale.ticks(count, { integer: options.integer === true });
  const positions = values.map((v) => scale(v));
  if (options.grid !== false) drawing.add(gridPath(positions, 'y', width));
  let labelWidth = 0;
  if (options.labels !== false && positions.length > 0) {
    drawing.add(
      `<path d="${positions.map((p) => `M0,${Math.round(p)}h-${TICK}`).join('')}" stroke="${MUTED}" transform="translate(0.5,0.5)"/>`,
      tickBox(positions, 'y', 0),
    );
    const items = values
      .map((v, i) => {
        const item: TextItem = {
          x: -(TICK + LABEL_PADDING),
          y: baselineY(positions[i] as number, 'middle'),
          text: (options.format ?? format)(v),
          anchor: 'end',
        };
        return { item, box: textBox(item) };
      })
      // Vega leaves labels without content out of the overlap test and draws nothing for them.
      .filter((i) => i.item.text !== '');
    const kept = options.overlap === 'greedy' ? greedy(items) : parity(items);
    labelWidth = Math.max(0, ...kept.map((k) => k.box.x1 - k.box.x0));
    drawing.texts(
      kept.map((k) => k.item),
      { anchor: 'end', offset: 0.5, role: 'axis-label' },
    );
  }
  drawing.add(`<path d="M0.5,0.5v${num(height)}" stroke="${MUTED}"/>`, { x0: 0, y0: 0, x1: 0, y1: height });
  leftTitle(drawing, options.title, height, labelWidth);
  return labelWidth;
}

/** A category axis left of a plot: ticks at each category's centre, its labels (cut at `LABEL_LIMIT`), no grid. Returns the labels' width. */
export function leftBandAxis(drawing: Drawing, scale: BandScale, height: number, options: AxisOptions = {}): number {
  const centers = scale.domain.map((c) => scale.center(c) as number);
  drawing.add(
    `<path d="${centers.map((p) => `M0,${Math.round(p)}h-${TICK}`).join('')}" stroke="${MUTED}" transform="translate(0.5,0.5)"/>`,
    tickBox(centers, 'y', 0),
  );
  const items = scale.domain.map((c, i) => ({
    x: -(TICK + LABEL_PADDING),
    // Vega puts a category's label half a pixel before its tick (on the tick once drawn).
    y: baselineY((centers[i] as number) - (options.labelNudge === false ? 0 : 0.5), 'middle'),
    text: options.categoryLabel?.(c) ?? c,
    limit: LABEL_LIMIT,
    anchor: 'end' as const,
  }));
  const labelWidth = Math.max(0, ...items.map((i) => Math.min(textWidth(i.text), LABEL_LIMIT)));
  drawing.texts(items, { anchor: 'end', offset: 0.5, role: 'axis-label' });
  drawing.add(`<path d="M0.5,0.5v${num(height)}" stroke="${MUTED}"/>`, { x0: 0, y0: 0, x1: 0, y1: height });
  leftTitle(drawing, options.title, height, labelWidth);
  return labelWidth;
}

/** Vega's `maxExtent` for axes: a y axis's title sits at most this far (plus its padding) left of the plot, however wide the labels. */
const MAX_EXTENT = 200;

/**
 * A y axis's title, rotated, left of its labels (at most `MAX_EXTENT` from the plot). Vega places it
 * with baseline `bottom` at `x` (its SVG baseline 3 px further left, `baselineY`), bounds it from
 * 13 px to 1 px left of `x`, and draws it half a pixel off its place as every guide.
 */
function leftTitle(drawing: Drawing, title: string | undefined, height: number, labelWidth: number): void {
  if (title === undefined) return;
  const x = -(Math.min(MAX_EXTENT, TICK + LABEL_PADDING + labelWidth) + TITLE_PADDING);
  const w = textWidth(title, TITLE_SIZE, true);
  const shift = x + baselineY(0, 'bottom', TITLE_SIZE);
  drawing.add(
    `<g class="role-axis-title" font-size="${TITLE_SIZE}px" font-weight="600" fill="${INK}"><text text-anchor="middle" transform="translate(${num(shift + 0.5)},${num(height / 2 + 0.5)}) rotate(-90)">${escapeXml(title)}</text></g>`,
    {
      x0: shift - Math.round(0.8 * TITLE_SIZE),
      y0: height / 2 - w / 2,
      x1: shift - Math.round(0.8 * TITLE_SIZE) + TITLE_SIZE,
      y1: height / 2 + w / 2,
    },
  );
}

/** How far below a plot a bottom axis with labels puts the top of its title (ticks, labels and the gaps between), for titles drawn by hand. */
export const BOTTOM_TITLE_OFFSET = TICK + LABEL_PADDING + LABEL_SIZE + TITLE_PADDING;
