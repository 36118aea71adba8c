/**
 * A reported 95% CI on the scale of its value. A proportion written in percent (`90.2%`) is often
 * given an interval written as fractions (`[0.896, 0.908]`, `±0.011`), as a script prints it: taken
 * as written, the interval is 100 times too narrow and every change against it looks significant.
 *
 * - Bounds are read in percent when the value lies outside them and its fraction inside them
 *   (`90.2` and `[0.896, 0.908]`: only one reading holds the value).
 * - A half-width is read in percent when the test set's size is known and, in percentage points,
 *   it is less than a third of the narrowest 95% interval a proportion over that many examples can
 *   have (the Wilson interval), while as a fraction it is within a factor of three of it.
 * - A half-width that may be either (below 0.1 percentage points with no size known, or too narrow
 *   for the size in points but not near its interval as a fraction either) is left as written and
 *   said to be doubtful: changes are computed without it, and the checks say why.
 */

import type { ConfidenceInterval } from '../schema/index.ts';
import { isUnitIntervalMetric, proportionScale, type MetricInfo } from './metrics.ts';
import { wilsonInterval } from './stats.ts';

/** How a CI was read against its value's scale. */
export interface ScaledInterval {
  /** The interval on the value's scale. */
  ci: ConfidenceInterval;
  /** `percent`: written as fractions beside a value in percent, read ×100; `doubtful`: a half-width that may be either, kept; `as-written`. */
  reading: 'as-written' | 'percent' | 'doubtful';
}

/** How far outside a bound a value may lie and still be inside it (the rounding of three places). */
const SLACK = 0.0005;
/** A half-width in percentage points narrower than this, with no size to judge it by, may be a fraction. */
const DOUBTFUL_POINTS = 0.1;

/** A fraction in percent without binary noise: 0.896 → 89.6, not 89.60000000000001. */
const percentOf = (fraction: number): number => Number.parseFloat((fraction * 100).toPrecision(12));

/** `ci` read on the scale of `value` (see the module's comment); `n` the count the proportion is over, when known. */
export function intervalOnValueScale(info: MetricInfo, value: number, ci: ConfidenceInterval, n?: number | null): ScaledInterval {
  const asWritten: ScaledInterval = { ci, reading: 'as-written' };
  if (!isUnitIntervalMetric(info) || proportionScale(info, value) !== 'percent') return asWritten;
  if (typeof ci !== 'number') {
    const inside = (x: number, slack: number): boolean => x >= ci.low - slack && x <= ci.high + slack;
    if (ci.high <= 1 && !inside(value, SLACK * 100) && inside(value / 100, SLACK))
      return { ci: { low: percentOf(ci.low), high: percentOf(ci.high) }, reading: 'percent' };
    return asWritten;
  }
  if (ci <= 0 || ci >= DOUBTFUL_POINTS) return asWritten;
  const wilson = n === undefined || n === null || !info.isProportion ? null : wilsonInterval(value / 100, n);
  if (wilson === null) return { ci, reading: 'doubtful' };
  const narrowest = ((wilson.high - wilson.low) / 2) * 100;
  if (ci >= narrowest / 3) return asWritten;
  // Too narrow to be points over that many examples: a fraction when that reading fits, else either may be meant.
  return ci * 100 >= narrowest / 3 && ci * 100 <= narrowest * 3 ? { ci: percentOf(ci), reading: 'percent' } : { ci, reading: 'doubtful' };
}
