import { describe, expect, test } from 'vitest';
import { downsample, MAX_CHART_POINTS } from '../../src/charts/downsample.ts';

const value = (p: { value: number }): number => p.value;

describe('downsample', () => {
  test('returns short series as they are', () => {
    const points = [1, 5, 2].map((v, i) => ({ epoch: i, value: v }));
    expect(downsample(points, value, 3)).toEqual(points);
  });

  test('keeps the first, the last, and the lowest and highest point of each stretch, in order', () => {
    // 12 points, max 6: two stretches of the 10 inner points (indices 1–5 and 6–10).
    const values = [9, 4, 7, 1, 8, 6, 3, 5, 2, 0.5, 10, 6];
    const points = values.map((v, i) => ({ epoch: i, value: v }));
    expect(downsample(points, value, 6).map((p) => p.epoch)).toEqual([0, 3, 4, 9, 10, 11]);
  });

  test('a 50,000-epoch history keeps at most MAX_CHART_POINTS points, with its spike and its minimum', () => {
    const points = Array.from({ length: 50_000 }, (_, i) => ({ epoch: i + 1, value: 1 / (i + 1) }));
    points[31_415] = { epoch: 31_416, value: 5 };
    const kept = downsample(points, value);
    expect(kept.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(kept[0]?.epoch).toBe(1);
    expect(kept.at(-1)?.epoch).toBe(50_000);
    expect(kept.some((p) => p.epoch === 31_416)).toBe(true);
    expect(kept.map((p) => p.epoch)).toEqual([...kept.map((p) => p.epoch)].sort((a, b) => a - b));
  });
});
