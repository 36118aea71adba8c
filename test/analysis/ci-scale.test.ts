import { describe, expect, test } from 'vitest';
import { intervalOnValueScale } from '../../src/analysis/ci-scale.ts';
import { metricInfo } from '../../src/analysis/metrics.ts';

describe('intervalOnValueScale: a CI written as fractions beside a value in percent', () => {
  const accuracy = metricInfo('Accuracy', '%');

  test('bounds that hold the value only as a fraction are read in percent', () => {
    // 90.2 is outside [0.896, 0.908]; 0.902 is inside: the bounds are fractions → [89.6, 90.8].
    const read = intervalOnValueScale(accuracy, 90.2, { low: 0.896, high: 0.908 });
    expect(read.reading).toBe('percent');
    expect(read.ci).toEqual({ low: expect.closeTo(89.6, 9), high: expect.closeTo(90.8, 9) });
  });

  test('bounds on the value’s own scale, and values written as fractions, stay as written', () => {
    expect(intervalOnValueScale(accuracy, 90.2, { low: 89.6, high: 90.8 })).toEqual({
      ci: { low: 89.6, high: 90.8 },
      reading: 'as-written',
    });
    expect(intervalOnValueScale(metricInfo('Accuracy'), 0.902, { low: 0.896, high: 0.908 }).reading).toBe('as-written');
    // 0.5% with [0.3, 0.7]: the value lies inside as written.
    expect(intervalOnValueScale(metricInfo('FPR', '%'), 0.5, { low: 0.3, high: 0.7 }).reading).toBe('as-written');
    // Not a proportion: a loss keeps whatever it was given.
    expect(intervalOnValueScale(metricInfo('Val Loss'), 12.5, { low: 0.1, high: 0.2 }).reading).toBe('as-written');
  });

  test('a half-width too narrow for the test set in points, and near its interval as a fraction, is read in percent', () => {
    // p = 0.815, n = 5000: Wilson half-width = 1.96 / (1 + 3.8415/5000) × √(0.815 × 0.185 / 5000 + 3.8415 / (4 × 5000²))
    //   = 1.95850 × √(3.01550e-5 + 3.84e-8) = 1.95850 × 0.0054949 = 0.010762 → 1.076 points.
    // ±0.011 points is under a third of that (0.359); ±1.1 points is within a factor of 3 of it → ±1.1.
    const read = intervalOnValueScale(metricInfo('Recall', '%'), 81.5, 0.011, 5000);
    expect(read.reading).toBe('percent');
    expect(read.ci).toBeCloseTo(1.1, 9);
    // ±0.5 points is at least 0.1 points: as written, whatever n.
    expect(intervalOnValueScale(metricInfo('Recall', '%'), 81.5, 0.5, 5000).reading).toBe('as-written');
    // ±0.05 points is too narrow for n = 5000, and ±5 points too wide (> 3 × 1.076): either may be meant.
    expect(intervalOnValueScale(metricInfo('Recall', '%'), 81.5, 0.05, 5000).reading).toBe('doubtful');
    // n = 50 million: ±0.011 points is about the Wilson half-width (0.0108 points): as written.
    expect(intervalOnValueScale(metricInfo('Recall', '%'), 81.5, 0.011, 50_000_000).reading).toBe('as-written');
  });

  test('a narrow half-width with no size to judge it by, or of a metric that is no count proportion, is doubtful', () => {
    expect(intervalOnValueScale(metricInfo('Recall', '%'), 81.5, 0.011)).toEqual({ ci: 0.011, reading: 'doubtful' });
    expect(intervalOnValueScale(metricInfo('AUC', '%'), 93.8, 0.004, 20000).reading).toBe('doubtful');
  });
});
