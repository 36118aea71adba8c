/**
 * Small numeric helpers shared by the analysis modules: rounding tolerances of reported numbers and
 * normal-approximation confidence intervals.
 */
import type { ConfidenceInterval } from '../schema/index.ts';

/** z for a two-sided 95% normal interval, as the issue specifies it (±1.96·se). */
export const Z95 = 1.96;

/** Slack added to every rounding comparison so that binary floating point never decides a check. */
export const EPSILON = 1e-9;

/** Number of decimal places in the shortest representation of `x` (0.869 → 3, 150000 → 0, 1.5e-7 → 8). */
export function decimalsOf(x: number): number {
  const [mantissa = '', exponent] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  const shift = exponent === undefined ? 0 : Number(exponent);
  return Math.max(0, fraction.length - shift);
}

/** Half a unit of the last decimal place of `x`: how far the true value can be from `x` if `x` was rounded. */
export function roundingHalfUnit(x: number): number {
  return 0.5 * 10 ** -decimalsOf(x);
}

/** True when `reported` is `exact` rounded at the reported precision (plus `EPSILON`, plus any `extra` slack). */
export function agreesWithinRounding(reported: number, exact: number, extra = 0): boolean {
  return Math.abs(reported - exact) <= roundingHalfUnit(reported) + extra + EPSILON;
}

/** True when two reported numbers can be roundings of the same true value. */
export function agreeAsRoundings(a: number, b: number): boolean {
  return Math.abs(a - b) <= roundingHalfUnit(a) + roundingHalfUnit(b) + EPSILON;
}

/** True when a change is zero up to floating-point noise relative to the values compared. */
export function isZeroChange(change: number, a: number, b: number): boolean {
  return Math.abs(change) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Half-width of a 95% CI: the value itself for `±h`, half the span for explicit bounds. */
export function ciHalfWidth(ci: ConfidenceInterval): number {
  return typeof ci === 'number' ? ci : Math.abs(ci.high - ci.low) / 2;
}

/** Half-width of the CI of a difference of two independent estimates with CI half-widths a and b: √(a² + b²). */
export function combinedHalfWidth(a: number, b: number): number {
  return Math.sqrt(a * a + b * b);
}

/**
 * Half-width (1.96·se) of the 95% CI of p1 − p2 by the two-proportion normal approximation,
 * se = √(p1(1−p1)/n1 + p2(1−p2)/n2). Proportions are fractions in [0, 1]; null when an input is out of
 * range or a size is not positive.
 */
export function twoProportionHalfWidth(p1: number, n1: number, p2: number, n2: number): number | null {
  if (!(n1 > 0 && n2 > 0) || p1 < 0 || p1 > 1 || p2 < 0 || p2 > 1) return null;
  return Z95 * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
}

/** Sum of numbers. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
