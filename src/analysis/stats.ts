/**
 * Small numeric helpers shared by the analysis modules: the precision numbers were written with,
 * rounding tolerances, and 95% intervals (Wilson score intervals of proportions, and the interval of a
 * difference from each side's interval).
 */
import type { ConfidenceInterval, Experiment } from '../schema/index.ts';

/** z of a two-sided 95% normal interval: the 0.975 quantile of the standard normal (scipy's and statsmodels' value). */
export const Z95 = 1.959963984540054;

/** Slack added to every rounding comparison so that binary floating point never decides a check. */
export const EPSILON = 1e-9;

/** Number of decimal places in the shortest representation of `x` (0.869 → 3, 150000 → 0, 1.5e-7 → 8). */
export function decimalsOf(x: number): number {
  const [mantissa = '', exponent] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  const shift = exponent === undefined ? 0 : Number(exponent);
  return Math.max(0, fraction.length - shift);
}

/**
 * Decimal places the number at `path` of the record was written with: the record's `writtenDecimals`
 * entry (a parsed `0.890` is the float 0.89, but it was written to three places), else those of the
 * number's shortest form.
 */
export function writtenDecimals(record: Pick<Experiment, 'writtenDecimals'>, path: string, value: number): number {
  return Math.max(decimalsOf(value), record.writtenDecimals?.[path] ?? 0);
}

/** Half a unit of the last decimal place: how far the true value can be from a number rounded to `decimals` places. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** Half a unit of the last decimal place of `x` (as written with `decimals` places, by default its shortest form). */
export function roundingHalfUnit(x: number, decimals = decimalsOf(x)): number {
  return halfUnit(decimals);
}

/** True when `reported` (written with `decimals` places) is `exact` rounded at that precision (plus `EPSILON` and any `extra` slack). */
export function agreesWithinRounding(reported: number, exact: number, extra = 0, decimals = decimalsOf(reported)): boolean {
  return Math.abs(reported - exact) <= halfUnit(decimals) + extra + EPSILON;
}

/** True when two reported numbers (written with the given places) can be roundings of the same true value. */
export function agreeAsRoundings(a: number, b: number, aDecimals = decimalsOf(a), bDecimals = decimalsOf(b)): boolean {
  return Math.abs(a - b) <= halfUnit(aDecimals) + halfUnit(bDecimals) + EPSILON;
}

/** True when a change is zero up to floating-point noise relative to the values compared. */
export function isZeroChange(change: number, a: number, b: number): boolean {
  return Math.abs(change) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Half-width of a 95% CI: the value itself for `±h`, half the span for explicit bounds. */
export function ciHalfWidth(ci: ConfidenceInterval): number {
  return typeof ci === 'number' ? ci : Math.abs(ci.high - ci.low) / 2;
}

/** An estimate with its 95% interval (low ≤ value ≤ high for a well-formed one). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** A 95% interval. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score 95% interval of a proportion p (a fraction in [0, 1]) of n trials, without
 * continuity correction (statsmodels `proportion_confint(method="wilson")`). Null when p is out of
 * range or n is not positive. Unlike the normal approximation it is never empty at p = 0 or 1.
 */
export function wilsonInterval(p: number, n: number): Interval | null {
  if (!(n > 0) || p < 0 || p > 1) return null;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/**
 * The 95% interval of a − b from each side's own 95% interval, treating the sides as independent
 * (the MOVER construction): low = d − √((a − aLow)² + (bHigh − b)²), high = d + √((aHigh − a)² + (b − bLow)²).
 * With Wilson intervals on both sides this is Newcombe's hybrid score interval (1998, method 10;
 * statsmodels `confint_proportions_2indep(method="newcomb")`); with symmetric ±a and ±b it is d ± √(a² + b²).
 * A side known exactly has low = value = high.
 */
export function differenceInterval(a: Estimate, b: Estimate): Interval {
  const d = a.value - b.value;
  return { low: d - Math.hypot(a.value - a.low, b.high - b.value), high: d + Math.hypot(a.high - a.value, b.value - b.low) };
}

/** Sum of numbers. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
