/**
 * The one chart theme: a light chart on an explicit white background (the site's dark mode shows
 * charts as white cards), dark ink, mid-luminance data colours. Sizes are fixed pixels: the static
 * SVG and the hydrated chart lay out identically (the client measures text the way the build does).
 */
import type { Config } from 'vega-lite';

export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Text colour. */
export const INK = '#1f2328';
/** Guides, rules and secondary text. */
export const MUTED = '#8a8f98';
/** Track / background marks. */
export const FAINT = '#c4c8cf';

/** Categorical palette (mid-luminance: readable on white and on near-black). */
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
  /** Height of one training-curve panel. */
  panelHeight: 170,
  /** Height of single-panel line charts. */
  lineHeight: 200,
  /** Side of one confusion-matrix heatmap. */
  matrixSide: 210,
  /** Height of one bar / row in bar and dot charts. */
  barStep: 26,
  /** Height of one hyperparameter row. */
  searchStep: 46,
} as const;

/** Vega-Lite config shared by every chart. */
export const chartConfig: Config = {
  font: CHART_FONT,
  background: '#ffffff',
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
  header: { labelColor: INK, titleColor: INK, labelFontSize: 12, labelFontWeight: 600 },
  title: { color: INK, subtitleColor: MUTED },
  range: { category: PALETTE },
  text: { color: INK, fontSize: 11 },
  line: { strokeWidth: 2 },
  bar: { color: ACCENT },
  point: { color: ACCENT },
  rule: { color: MUTED },
};
