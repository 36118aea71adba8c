/**
 * Text width estimate used for chart layout both at build time and in the browser, so the static SVG
 * and the hydrated chart get exactly the same layout and size (Vega would otherwise measure with a
 * canvas in the browser and a cruder estimate in Node). Widths are Arial-like advance widths, with a
 * small margin for wider system UI fonts. No dependencies: the client runtime imports it.
 */

// Advance widths in 1/1000 em for ASCII 32–126 (Helvetica/Arial metrics).
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
  278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const WIDE = 1000; // em dash, CJK, emoji
const OTHER = 600;
/** Margin for system-ui fonts that run wider than Arial. */
const MARGIN = 1.06;

/** Estimated width in pixels of one line of text. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 32;
    if (code >= 32 && code <= 126) units += ASCII[code - 32] ?? OTHER;
    else if (code === 0x200b)
      continue; // zero-width space (see guardSpecText)
    else if (code === 0x2014 || code >= 0x2e80) units += WIDE;
    else units += OTHER;
  }
  return (units / 1000) * fontSize * MARGIN * (bold ? 1.07 : 1);
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * Vega `textMetrics.width`-compatible function. A text Vega will cut at `limit` (a long axis or
 * legend label) is as wide as the limit when Vega bounds it: Vega measures the whole text there, so a
 * 300-character metric name made a chart 2,000 px wide with the cut label at its far end. Vega's cut
 * itself (`truncate`) still measures every candidate prefix, so labels are cut as before.
 */
export function chartTextWidth(item: TextItem, text?: unknown): number {
  const width = textWidthOf(item, text);
  const limit = item.limit;
  // Vega bounds a text by measuring `item.text` itself; its cut measures trimmed copies and prefixes.
  return typeof limit === 'number' && limit > 0 && width > limit && (text === undefined || text === item.text) ? limit : width;
}

function textWidthOf(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const lines = (Array.isArray(value) ? (value as unknown[]) : [value]).map((v) =>
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '',
  );
  const size = typeof item.fontSize === 'number' ? item.fontSize : 11;
  const weight = item.fontWeight;
  const bold =
    weight === 'bold' ||
    weight === 'bolder' ||
    (typeof weight === 'number' && weight >= 600) ||
    (typeof weight === 'string' && Number(weight) >= 600);
  return lines.reduce((max, line) => Math.max(max, estimateTextWidth(line, size, bold)), 0);
}

/** Makes Vega lay text out with `chartTextWidth` (pass Vega's `textMetrics` object). */
export function installChartTextMetrics(textMetrics: { width: unknown }): void {
  textMetrics.width = chartTextWidth;
}
