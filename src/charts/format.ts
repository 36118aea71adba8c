/** Small pure helpers shared by chart specs and `build.ts`: metric naming rules and number text. */

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

const LOWER_IS_BETTER =
  /loss|error|\berr\b|mse|mae|rmse|mape|perplexity|latency|\bms\b|seconds|time|duration|cost|size|memory|\bfpr\b|\bfnr\b|false (positive|negative)|brier|log ?loss/i;

/** True when a smaller value of the metric (by its name) is better: losses, errors, latency, cost. */
export function isLowerBetterMetric(metric: string): boolean {
  return LOWER_IS_BETTER.test(metric);
}

/** True for a per-epoch column that holds the learning rate ("Learning Rate", "lr"). */
export function isLearningRateColumn(column: string): boolean {
  return /learning[ _-]?rate|^lr$|(^|[ _-])lr($|[ _-])/i.test(column.trim());
}

/** Which panel a per-epoch metric column goes to. */
export function metricKind(column: string): 'loss' | 'score' {
  return /loss|error|mse|mae|rmse|perplexity/i.test(column) ? 'loss' : 'score';
}

/** Split of a per-epoch column, from its prefix: "Train Loss" → train, "Val Acc" → validation. */
export function metricSplit(column: string): 'train' | 'validation' | 'test' | 'other' {
  const name = column.trim().toLowerCase();
  if (/^(train|training|trn)\b|^train_/.test(name)) return 'train';
  if (/^(val|valid|validation|dev|eval)\b|^val_|^valid_/.test(name)) return 'validation';
  if (/^test\b|^test_/.test(name)) return 'test';
  return 'other';
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
