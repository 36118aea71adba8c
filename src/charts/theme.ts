/**
 * The one chart theme. Charts are drawn once, in the light scheme's colours; the colours that must
 * change with the page's scheme (surface, ink, guides, heat-map cells and the labels on them) are
 * *themed colours*: the page stylesheet (`chartThemeCss`) maps each one's light value, wherever it
 * appears as an SVG `fill` or `stroke`, to a CSS variable set for light and dark. So one static SVG
 * (and the hydrated Vega view, which writes the same attributes) reads right in both schemes.
 * Data colours are mid-luminance and stay as they are. Sizes are fixed pixels: the static SVG and
 * the hydrated chart lay out identically (the client measures text the way the build does).
 */
import type { Config } from 'vega-lite';
import { contrastRatio } from './color.ts';

export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** A colour that follows the page's scheme: the SVG carries `light`; the site CSS swaps in `dark`. */
export interface ThemedColor {
  /** CSS variable name (without `--`). */
  readonly name: string;
  readonly light: string;
  readonly dark: string;
}

const themed = (name: string, light: string, dark: string): ThemedColor => ({ name, light, dark });

/** Chart background. */
const SURFACE_COLOR = themed('chart-surface', '#ffffff', '#161b22');
/** Text. */
const INK_COLOR = themed('chart-ink', '#1f2328', '#e6edf3');
/** Guides, rules and secondary text. */
const MUTED_COLOR = themed('chart-muted', '#6e7781', '#9198a1');
/** Track and background marks (the search-space range): 3:1 against the surface in both schemes, as a graphic that carries content. */
const FAINT_COLOR = themed('chart-faint', '#8c959f', '#636c76');
/** Labels on the strongest heat-map cells (dark cells in the light scheme, bright ones in the dark scheme). */
const ON_STRONG_COLOR = themed('chart-on-strong', '#fefefe', '#0d1117');
/** Text of a warning mark (the four-fifths line's label): amber dark enough for small text on white (5.0:1), bright on the dark surface. */
const WARNING_INK_COLOR = themed('chart-warning-ink', '#b45309', '#fb923c');

/**
 * Heat-map cells, weakest first (eight steps): light blue to dark blue in the light scheme, near the
 * dark surface to bright blue in the dark scheme.
 */
const HEAT_COLORS: readonly ThemedColor[] = [
  ['#f7fbff', '#1c2430'],
  ['#deebf7', '#1b2f4b'],
  ['#c6dbef', '#1d3c63'],
  ['#9ecae1', '#1f4a7d'],
  ['#6baed6', '#245a98'],
  ['#4292c6', '#2c6bb2'],
  ['#2171b5', '#7db3ea'],
  ['#084594', '#b9d8f7'],
].map(([light, dark], i) => themed(`chart-heat-${i}`, light as string, dark as string));

/** Every themed colour; their light values are distinct, and distinct from every fixed colour charts use. */
export const THEMED_COLORS: readonly ThemedColor[] = [
  SURFACE_COLOR,
  INK_COLOR,
  MUTED_COLOR,
  FAINT_COLOR,
  ON_STRONG_COLOR,
  WARNING_INK_COLOR,
  ...HEAT_COLORS,
];

export const SURFACE = SURFACE_COLOR.light;
export const INK = INK_COLOR.light;
export const MUTED = MUTED_COLOR.light;
export const FAINT = FAINT_COLOR.light;
export const ON_STRONG = ON_STRONG_COLOR.light;
export const WARNING_INK = WARNING_INK_COLOR.light;
/** Heat-map cell colours (light values), weakest first. */
export const HEAT_RAMP: readonly string[] = HEAT_COLORS.map((c) => c.light);

/**
 * Whether a label on heat step `step` is drawn in `ON_STRONG` rather than `INK`: chosen by the cell's
 * luminance, whichever contrasts more with the cell (a test checks the dark scheme agrees and that
 * every step reaches 4.5:1 in both schemes).
 */
export function isStrongHeat(step: number): boolean {
  const cell = HEAT_RAMP[step];
  return cell !== undefined && contrastRatio(cell, ON_STRONG) > contrastRatio(cell, INK);
}

/**
 * The stylesheet that themes charts: a variable per themed colour (light, dark, and light again in
 * print), and a rule mapping each colour's light value, as a `fill` or `stroke` of anything inside a
 * chart canvas, to its variable. The hydrated view's background is a style, hence `!important`.
 */
export function chartThemeCss(): string {
  const vars = (scheme: 'light' | 'dark'): string => THEMED_COLORS.map((c) => `--${c.name}:${c[scheme]}`).join(';');
  const rules = THEMED_COLORS.flatMap((c) =>
    (['fill', 'stroke'] as const).map((prop) => `.chart-canvas [${prop}="${c.light}"]{${prop}:var(--${c.name})}`),
  );
  return [
    `:root{${vars('light')}}`,
    `@media (prefers-color-scheme:dark){:root{${vars('dark')}}}`,
    `@media print{:root{${vars('light')}}}`,
    `.chart-canvas svg{background-color:var(--${SURFACE_COLOR.name})!important;font-family:${CHART_FONT}}`,
    ...rules,
  ].join('\n');
}

/** Categorical palette (mid-luminance: readable on the light and the dark surface). */
export const PALETTE = ['#3b82f6', '#f97316', '#10b981', '#e11d48', '#a855f7', '#14b8a6', '#ca8a04', '#ec4899', '#64748b', '#84cc16'];

export const ACCENT = '#3b82f6';
export const BETTER = '#16a34a';
export const WORSE = '#dc2626';
export const WARNING = '#f97316';
export const NEUTRAL = '#94a3b8';

/** Plot-area sizes in pixels (axes, legends and labels add to these). */
export const CHART_SIZES = {
  /** Width of every plot area. */
  width: 520,
  /** Widest a chart may be to sit beside nothing else in the page's text column (wider ones re-lay out). */
  column: 920,
  /** Height of one training-curve panel. */
  panelHeight: 170,
  /** Height of single-panel line charts. */
  lineHeight: 200,
  /** Smallest side of one confusion-matrix heat map. */
  matrixSide: 210,
  /** Height of one bar / row in bar and dot charts. */
  barStep: 26,
  /** Height of one hyperparameter row. */
  searchStep: 46,
  /** Plot area of the one small chart in a page's summary band. */
  summary: { width: 260, height: 130 },
  /** Smallest font size of any chart text: charts are never scaled down, so this is what readers see. */
  minFontSize: 11,
} as const;

/** Vega-Lite config shared by every chart. */
export const chartConfig: Config = {
  font: CHART_FONT,
  background: SURFACE,
  padding: 8,
  // Marks carry no ARIA attributes: the SVG root is one labelled image and the page has a data table.
  aria: false,
  view: { stroke: null },
  axis: {
    labelColor: INK,
    titleColor: INK,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 600,
    domainColor: MUTED,
    tickColor: MUTED,
    gridColor: MUTED,
    gridOpacity: 0.25,
    labelLimit: 220,
  },
  legend: {
    labelColor: INK,
    titleColor: INK,
    labelFontSize: 11,
    titleFontSize: 11,
    orient: 'bottom',
    direction: 'horizontal',
    columns: 4,
    columnPadding: 18,
    labelLimit: 320,
    symbolStrokeWidth: 2,
  },
  header: { labelColor: INK, titleColor: INK, labelFontSize: 12, labelFontWeight: 600, titleFontSize: 12 },
  title: { color: INK, subtitleColor: MUTED },
  range: { category: PALETTE },
  text: { color: INK, fontSize: 11 },
  line: { strokeWidth: 2 },
  bar: { color: ACCENT },
  point: { color: ACCENT },
  rule: { color: MUTED },
};
