/**
 * Long training histories on charts: a curve of 50,000 epochs is drawn from at most
 * `MAX_CHART_POINTS` of them — every stretch of epochs keeps its lowest and highest value, so
 * spikes, the best epoch and the overall range survive. The page's tables and the JSON API keep
 * every row.
 */

/** Most points one series of a chart draws. */
export const MAX_CHART_POINTS = 1_000;

/**
 * At most `max` of `points` (in their order): the first, the last, and the point with the lowest
 * and the highest `valueOf` in each of `(max − 2) / 2` equal stretches in between. Shorter inputs
 * come back as they are.
 */
export function downsample<T>(points: readonly T[], valueOf: (point: T) => number, max: number = MAX_CHART_POINTS): T[] {
  if (points.length <= max) return [...points];
  const inner = points.length - 2;
  const buckets = Math.max(1, Math.floor((max - 2) / 2));
  const kept: T[] = [points[0] as T];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      const value = valueOf(points[i] as T);
      if (value < valueOf(points[low] as T)) low = i;
      if (value > valueOf(points[high] as T)) high = i;
    }
    if (start >= end) continue;
    kept.push(points[Math.min(low, high)] as T);
    if (low !== high) kept.push(points[Math.max(low, high)] as T);
  }
  kept.push(points[points.length - 1] as T);
  return kept;
}
