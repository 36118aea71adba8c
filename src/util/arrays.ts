/**
 * Array helpers that take lists of any length. Spreading a list into arguments (`Math.max(...xs)`,
 * `xs.push(...ys)`) overflows the call stack past roughly 100,000 items: a long training history
 * or a large confusion matrix is enough.
 */

/** The largest value (−Infinity for none, NaN if any is NaN), like `Math.max(...values)`. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return NaN;
    if (value > max) max = value;
  }
  return max;
}

/** The smallest value (Infinity for none, NaN if any is NaN), like `Math.min(...values)`. */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return NaN;
    if (value < min) min = value;
  }
  return min;
}

/** Appends every item to `target`, like `target.push(...items)`. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
