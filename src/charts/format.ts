/** Small pure helpers shared by chart specs and `build.ts`: number text and matrix arithmetic (what a metric name means is `analysis/metrics.ts`). */

import { maxOf, minOf } from '../util/arrays.ts';

/** Number as text with up to 4 significant digits, no trailing zeros: 0.86912 → "0.8691", 95000 → "95000". */
export function formatChartNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(4)));
}

/** Share 0–1 as a percent with one decimal: 0.95 → "95.0%". */
export function formatShare(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export { slugify } from '../util/slug.ts';

/**
 * Row-normalized confusion matrix: each count divided by its row (actual class) total.
 * A row with no samples stays all zeros.
 */
export function rowNormalize(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((sum, v) => sum + v, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
}

/** True when positive values span more than one decade (max / min > 10): use a log scale. */
export function spansDecades(values: readonly number[]): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0 || positive.length !== values.length) return false;
  return maxOf(positive) / minOf(positive) > 10;
}
