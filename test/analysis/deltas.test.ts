import { describe, expect, test } from 'vitest';
import {
  computeBaselineDeltas,
  computeMetricDelta,
  computeParentDeltas,
  isMetricDelta,
  sameQuantity,
  testMetricInterval,
  type DeltaSide,
} from '../../src/analysis/deltas.ts';
import { metricInfo } from '../../src/analysis/metrics.ts';
import type { MetricDelta, NotCompared } from '../../src/analysis/schema.ts';
import { record, templateRecord } from './fixtures.ts';

function find(deltas: readonly MetricDelta[], baseline: string, key: string): MetricDelta {
  const delta = deltas.find((d) => d.baseline === baseline && d.key === key);
  if (delta === undefined) throw new Error(`no delta ${baseline}/${key}`);
  return delta;
}

/** A side of metric `metric` (unit from the name) with an optional ±CI and size. */
const side = (metric: string, value: number, ci: number | null = null, n: number | null = null, unit?: string): DeltaSide => ({
  value,
  info: metricInfo(metric, unit),
  ci,
  n,
});

/** computeMetricDelta for a change that can be computed. */
function delta(metric: string, current: DeltaSide, reference: DeltaSide, sizeAssumption?: string): MetricDelta {
  const d = computeMetricDelta({
    baseline: 'b',
    source: 'baseline',
    referenceId: null,
    metric,
    current,
    reference,
    sizeAssumption: sizeAssumption ?? null,
  });
  if (!isMetricDelta(d)) throw new Error(d.reason);
  return d;
}

describe('computeMetricDelta', () => {
  test('a lower-is-better metric that falls is an improvement', () => {
    const d = delta('Val Loss', side('Val Loss', 0.3), side('Val Loss', 0.35));
    expect(d.absolute).toBeCloseTo(-0.05, 12);
    expect(d.relative).toBeCloseTo(-0.05 / 0.35, 12);
    expect(d).toMatchObject({
      betterDirection: 'lower',
      improved: true,
      method: null,
      ciLow: null,
      ciHigh: null,
      significant: null,
      assumption: null,
      fraction: false,
      intervalReason: 'neither side can give one: no 95% CI is given',
    });
  });

  test('87% against 0.85: one quantity on one scale, +2 pp, not "+0.02 pp"', () => {
    // The user's reproduction: 87% ± 0.7% on n = 10000 (matrix) against a baseline row of 0.85 on the same test set.
    const d = delta('Accuracy', side('Accuracy', 87, 0.7, 10_000, '%'), side('Accuracy', 0.85, null, 10_000), 'same test set');
    expect(d).toMatchObject({ current: 0.87, reference: 0.85, fraction: true, unit: null, absoluteUnit: null, decimals: 2 });
    expect(d.absolute).toBeCloseTo(0.02, 12);
    expect(d.relative).toBeCloseTo(0.02 / 0.85, 12);
    // MOVER with the reported ±0.007 and the Wilson interval of 0.85 over 10000 (statsmodels: [0.842867, 0.856864]):
    // 0.02 − √(0.007² + 0.006864²) = 0.010196; 0.02 + √(0.007² + 0.007133²) = 0.029994.
    expect(d.ciLow).toBeCloseTo(0.010196186870424534, 10);
    expect(d.ciHigh).toBeCloseTo(0.029993852383828252, 10);
    expect(d).toMatchObject({ method: 'ci-and-score', significant: true, improved: true });
    expect(d.assumption).toBe(
      '"b" has no 95% CI: the Wilson score interval over n = 10000 is used; same test set; the two estimates are independent.',
    );
  });

  test('a bare error rate of 0.80 against 1.10 is in percent, as its reference is: −0.3 pp and better, not +78.9 pp and worse', () => {
    // MNIST-style error rates written without "%": 0.80 (this run) against 1.10 (its parent), n = 10000 each.
    const d = delta('Test error', side('Test error', 0.8, null, 10_000), side('Test error', 1.1, null, 10_000));
    expect(d).toMatchObject({ current: 0.008, reference: 0.011, fraction: true, improved: true, method: 'two-proportion' });
    expect(d.absolute).toBeCloseTo(-0.003, 12);
    expect(d.relative).toBeCloseTo(-0.003 / 0.011, 12);
    // statsmodels confint_proportions_2indep(80, 10000, 110, 10000, method="newcomb"): [−0.00573390, −0.00030566]
    expect(d.ciLow).toBeCloseTo(-0.0057339, 6);
    expect(d.ciHigh).toBeCloseTo(-0.00030566, 7);
    expect(d.significant).toBe(true);
    // An accuracy of 0.95 against 95 is the same 95% (reading 0.95 in percent would put them 100× apart).
    const same = delta('Accuracy', side('Accuracy', 0.95), side('Accuracy', 95));
    expect(same).toMatchObject({ current: 0.95, reference: 0.95, absolute: 0 });
    // Beside a reference in "%", too: 0.9 against 1.2% is 0.9%.
    expect(delta('Error', side('Error', 0.9), side('Error', 1.2, null, null, '%')).absolute).toBeCloseTo(-0.003, 12);
  });

  test('a percent-unit error rate changes in points: 7.5% vs 9% on n = 10000 each (Newcombe)', () => {
    const d = delta('Top-5 Error (%)', side('Top-5 Error (%)', 7.5, null, 10_000), side('Top-5 Error (%)', 9, null, 10_000));
    // statsmodels confint_proportions_2indep(750, 10000, 900, 10000, method="newcomb"): [−0.0226337, −0.0073769]
    expect(d).toMatchObject({ fraction: true, improved: true, method: 'two-proportion', significant: true });
    expect(d.absolute).toBeCloseTo(-0.015, 12);
    expect(d.ciLow).toBeCloseTo(-0.022633689474139136, 10);
    expect(d.ciHigh).toBeCloseTo(-0.0073769312813304466, 10);
    expect(d.assumption).toBe(
      'this experiment has no 95% CI: the Wilson score interval over n = 10000 is used; "b" has no 95% CI: the Wilson score interval over n = 10000 is used; samples treated as independent (conservative when both were scored on the same items).',
    );
  });

  test('n = 10: 0.7 → 1.0 is within noise (Newcombe), where the normal approximation said significant', () => {
    // Wald: 0.3 ± 1.96·√(0.21/10) = [0.016, 0.584], excluding 0. statsmodels newcomb: [−0.0375924, 0.6032219].
    const d = delta('Accuracy', side('Accuracy', 1, null, 10), side('Accuracy', 0.7, null, 10));
    expect(d.ciLow).toBeCloseTo(-0.03759243457905076, 10);
    expect(d.ciHigh).toBeCloseTo(0.6032218525388546, 10);
    expect(d).toMatchObject({ significant: false, improved: true });
  });

  test('a zero reference leaves the relative change undefined and says why', () => {
    const d = delta('Error', side('Error', 0.1), side('Error', 0));
    expect(d).toMatchObject({ absolute: 0.1, relative: null, relativeUndefinedReason: 'the reference value is 0', improved: false });
  });

  test('values on either side of 0 leave the relative change undefined; on one side it is the change over |reference|', () => {
    // R² −0.12 → 0.41: +0.53, and not "+441.7%" (0.53 / 0.12).
    const across = delta('R²', side('R²', 0.41), side('R²', -0.12));
    expect(across.absolute).toBeCloseTo(0.53, 12);
    expect(across).toMatchObject({ relative: null, relativeUndefinedReason: 'the two values lie on either side of 0', improved: true });
    // Log-likelihood −1532.4 → −1401.9: +130.5 over |−1532.4| = +8.516%.
    const below = delta('Log-likelihood', side('Log-likelihood', -1401.9), side('Log-likelihood', -1532.4));
    expect(below.relative).toBeCloseTo(130.5 / 1532.4, 12);
    expect(below.relativeUndefinedReason).toBeNull();
    // From a negative value to 0 stays on one side: +0.12 over 0.12 = +100%.
    expect(delta('R²', side('R²', 0), side('R²', -0.12)).relative).toBeCloseTo(1, 12);
  });

  test('no change is not an improvement; an unknown direction is neither', () => {
    expect(delta('Accuracy', side('Accuracy', 0.8), side('Accuracy', 0.8)).improved).toBe(false);
    expect(delta('Learning Rate', side('Learning Rate', 0.1), side('Learning Rate', 0.2))).toMatchObject({
      improved: null,
      betterDirection: null,
    });
  });

  test('two reported 95% CIs combine as √(a² + b²): ±0.012 and ±0.015 → ±0.019209', () => {
    const d = delta('Accuracy', side('Accuracy', 0.869, 0.012, 150_000), side('Accuracy', 0.851, 0.015, 150_000));
    expect(d.method).toBe('ci');
    expect(d.ciLow).toBeCloseTo(0.018 - 0.0192094, 6);
    expect(d.ciHigh).toBeCloseTo(0.018 + 0.0192094, 6);
    expect(d.significant).toBe(false);
    expect(d.assumption).toBe('the two estimates are independent.');
  });

  test('CIs given as bounds keep their asymmetry: [0.88, 0.91] around 0.9 against ±0.01 around 0.85', () => {
    // low = 0.05 − √(0.02² + 0.01²) = 0.0276393; high = 0.05 + √(0.01² + 0.01²) = 0.0641421
    const d = delta('AUC', { value: 0.9, info: metricInfo('AUC'), ci: { low: 0.88, high: 0.91 } }, side('AUC', 0.85, 0.01));
    expect(d.ciLow).toBeCloseTo(0.0276393, 6);
    expect(d.ciHigh).toBeCloseTo(0.0641421, 6);
    expect(d).toMatchObject({ method: 'ci', significant: true });
  });

  test("the record's own ±0.012 is never dropped: against a reference with no uncertainty the interval is ±0.012", () => {
    const d = delta('Latency (ms)', side('Latency (ms)', 45, 2), side('Latency (ms)', 42));
    expect(d).toMatchObject({
      method: 'one-side',
      ciLow: 1,
      ciHigh: 5,
      significant: true,
      improved: false,
      unit: 'ms',
      absoluteUnit: 'ms',
    });
    expect(d.assumption).toBe(
      '"b" has no uncertainty to combine (no 95% CI is given), so it is taken as exact and the interval is the other side\'s alone.',
    );
    const f1 = delta('F1', side('F1', 0.834), side('F1', 0.818, 0.012));
    expect(f1.ciLow).toBeCloseTo(0.004, 12);
    expect(f1.ciHigh).toBeCloseTo(0.028, 12);
  });

  test('a proportion without a known denominator has no interval, and says why', () => {
    const d = delta('Recall', { ...side('Recall', 0.8), nReason: 'no matrix' }, { ...side('Recall', 0.7), nReason: 'no matrix' });
    expect(d).toMatchObject({ method: null, ciLow: null, intervalReason: 'neither side can give one: no matrix' });
    const mixed = delta('F1', side('F1', 0.8), { ...side('Recall', 0.7), nReason: 'no matrix' });
    expect(mixed.intervalReason).toBe('this experiment: no 95% CI is given; "b": no matrix');
  });

  test('values that cannot be put on one scale are never subtracted: the reason is given instead', () => {
    const bad = computeMetricDelta({
      baseline: 'b',
      source: 'parent',
      referenceId: 'p',
      metric: 'Cost ($)',
      current: side('Cost ($)', 45),
      reference: side('Cost (€)', 42),
    });
    expect(bad).toEqual({
      baseline: 'b',
      source: 'parent',
      referenceId: 'p',
      metric: 'Cost ($)',
      key: 'cost',
      current: 45,
      currentUnit: '$',
      reference: 42,
      referenceUnit: '€',
      reason: 'the values are in different units ($ and €)',
    });
    const outOfRange = computeMetricDelta({
      baseline: 'b',
      source: 'baseline',
      referenceId: null,
      metric: 'Accuracy',
      current: side('Accuracy', 0.869),
      reference: side('Accuracy', 130),
    });
    expect(isMetricDelta(outOfRange)).toBe(false);
    expect((outOfRange as NotCompared).reason).toBe('Accuracy = 130 is neither a fraction (0–1) nor a percentage (0–100)');
  });

  test('"Accuracy (%)" = 86.2 against "Accuracy" = 0.851: +1.1 pp, not "+85.349 pp, +10029%"', () => {
    const d = delta('Accuracy (%)', side('Accuracy (%)', 86.2), side('Accuracy', 0.851));
    expect(d.absolute).toBeCloseTo(0.011, 12);
    expect(d.relative).toBeCloseTo(0.011 / 0.851, 12);
    expect(d.decimals).toBe(3);
  });
});

describe('sameQuantity', () => {
  test.each([
    ['Accuracy', 0.87, 'Accuracy', 87, '%', true],
    ['Accuracy', 0.869, 'Accuracy', 87, '%', true], // 86.9% is within the rounding of 87%
    ['Accuracy', 0.864, 'Accuracy', 87, '%', false],
    ['Latency (ms)', 45, 'Latency (s)', 45, undefined, false],
  ])('%s %d and %s %d (%s): %s', (a, x, b, y, unit, same) =>
    expect(sameQuantity({ value: x, info: metricInfo(a) }, { value: y, info: metricInfo(b, unit) })).toBe(same),
  );
});

describe('computeBaselineDeltas', () => {
  const { deltas } = computeBaselineDeltas(templateRecord());

  test('template accuracy: 0.869 ± 0.012 vs 0.851 → +1.8 pp, its own CI with the Wilson interval of the row over n = 150000', () => {
    const d = find(deltas, 'Previous Best (exp-042)', 'accuracy');
    expect(d.absolute).toBeCloseTo(0.018, 12);
    expect(d.relative).toBeCloseTo(0.0211516, 6);
    // Wilson(0.851, 150000) = [0.849189, 0.852793] (statsmodels); 0.018 ∓ √(0.012² + …²)
    expect(d.ciLow).toBeCloseTo(0.005866782370870223, 10);
    expect(d.ciHigh).toBeCloseTo(0.030135887359279787, 10);
    expect(d).toMatchObject({ improved: true, significant: true, method: 'ci-and-score', referenceId: 'exp-042', source: 'baseline' });
    expect(d.assumption).toBe(
      '"Previous Best (exp-042)" has no 95% CI: the Wilson score interval over n = 150000 is used; "Previous Best (exp-042)" assumed evaluated on this experiment\'s test set (n = 150000, from the confusion matrix); the two estimates are independent.',
    );
  });

  test('template F1: 0.834 ± 0.014 vs 0.818 → +1.6 pp, only its own CI (F1 is not a proportion of counts)', () => {
    const d = find(deltas, 'Previous Best (exp-042)', 'f1');
    expect(d.absolute).toBeCloseTo(0.016, 12);
    expect(d.relative).toBeCloseTo(0.0195599, 6);
    expect(d).toMatchObject({ metric: 'F1', improved: true, method: 'one-side', significant: true, fraction: true });
    expect(d.ciLow).toBeCloseTo(0.002, 12);
  });

  test("a baseline row's own written CI is combined with this experiment's: AUC 0.912 ± 0.004 vs 0.905 ± 0.004", () => {
    const r = record({
      id: 'a',
      evaluation: { testMetrics: [{ metric: 'AUC', value: 0.912, ci95: 0.004 }] },
      comparison: { baselines: [{ label: 'v6', metrics: { AUC: 0.905 }, ci95: { AUC: 0.004 } }] },
    });
    const d = find(computeBaselineDeltas(r).deltas, 'v6', 'auc');
    // 0.007 ∓ √(0.004² + 0.004²) = 0.007 ∓ 0.0056569 → [0.0013431, 0.0126569]
    expect(d.absolute).toBeCloseTo(0.007, 12);
    expect(d.ciLow).toBeCloseTo(0.0013431458, 9);
    expect(d.ciHigh).toBeCloseTo(0.0126568542, 9);
    expect(d).toMatchObject({ method: 'ci', significant: true });
  });

  test('template latency: 45 vs 42 ms → +3 ms, lower is better → not improved', () => {
    const d = find(deltas, 'Previous Best (exp-042)', 'latency');
    expect(d).toMatchObject({ absolute: 3, unit: 'ms', absoluteUnit: 'ms', betterDirection: 'lower', improved: false, fraction: false });
    expect(d.relative).toBeCloseTo(3 / 42, 12);
  });

  test('one delta per metric of every non-current row, in table order', () => {
    expect(deltas.map((d) => `${d.baseline}/${d.key}`)).toEqual([
      'Previous Best (exp-042)/accuracy',
      'Previous Best (exp-042)/f1',
      'Previous Best (exp-042)/latency',
      'Simple Baseline/accuracy',
      'Simple Baseline/f1',
      'Simple Baseline/latency',
      'Business Rules/accuracy',
      'Business Rules/f1',
      'Business Rules/latency',
    ]);
  });

  test('a row evaluated on another test set has no size: only the current CI counts', () => {
    const r = templateRecord({
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Accuracy: 0.869 } },
          { label: 'Old', evaluatedOn: 'test-2023', metrics: { Accuracy: 0.85 } },
        ],
      },
    });
    expect(computeBaselineDeltas(r).deltas[0]).toMatchObject({ method: 'one-side', significant: true });
    expect(computeBaselineDeltas(r).deltas[0]?.assumption).toBe(
      '"Old" has no uncertainty to combine ("Old" was evaluated on test-2023, whose size is not given), so it is taken as exact and the interval is the other side\'s alone.',
    );
  });

  test('a CI written as fractions beside a value in percent is read in percent; a doubtful half-width is not used', () => {
    const r = (ci95: { low: number; high: number } | number) =>
      record({
        id: 'p-1',
        evaluation: { testMetrics: [{ metric: 'Accuracy', value: 90.2, unit: '%', ci95 }] },
        comparison: { baselines: [{ label: 'prod', metrics: { Accuracy: 89.9 } }] },
      });
    // 90.2% [0.896, 0.908] → [89.6, 90.8]; against 89.9% taken as exact (no CI, no size):
    // change +0.3 pp, interval [0.3 − (90.2 − 89.6), 0.3 + (90.8 − 90.2)] = [−0.3, +0.9] pp: not significant.
    const bounds = computeBaselineDeltas(r({ low: 0.896, high: 0.908 })).deltas[0];
    expect(bounds).toMatchObject({ method: 'one-side', significant: false });
    expect(bounds?.absolute).toBeCloseTo(0.003, 12);
    expect(bounds?.ciLow).toBeCloseTo(-0.003, 12);
    expect(bounds?.ciHigh).toBeCloseTo(0.009, 12);
    // ±0.011 beside 90.2% with no test-set size: ±0.011 points or ±1.1? Neither is used: no interval, no verdict.
    const halfWidth = computeBaselineDeltas(r(0.011)).deltas[0];
    expect(halfWidth).toMatchObject({ ciLow: null, ciHigh: null, significant: null });
    // ±0.5 points is on the value’s scale, used as given: [0.3 − 0.5, 0.3 + 0.5] pp.
    const points = computeBaselineDeltas(r(0.5)).deltas[0];
    expect(points?.ciLow).toBeCloseTo(-0.002, 12);
    expect(points?.ciHigh).toBeCloseTo(0.008, 12);
  });

  test("precision's denominator is the model's own: a baseline row's predicted positives are unknown", () => {
    const r = templateRecord({
      evaluation: { ...templateRecord().evaluation, testMetrics: [{ metric: 'Precision', value: 0.845 }] },
      comparison: { baselines: [{ label: 'Old', metrics: { Precision: 0.8 } }] },
    });
    expect(computeBaselineDeltas(r).deltas[0]).toMatchObject({ method: 'one-side' });
    expect(computeBaselineDeltas(r).deltas[0]?.assumption).toContain(
      'the predicted positives of "Old" (the denominator of Precision) are not known',
    );
  });

  test('a row naming a record of the collection is that record: its CI, and its own denominators', () => {
    const exp042 = record({ id: 'exp-042', evaluation: { testMetrics: [{ metric: 'Accuracy (%)', value: 85.1, ci95: 1.5 }] } });
    const d = find(computeBaselineDeltas(templateRecord(), new Map([['exp-042', exp042]])).deltas, 'Previous Best (exp-042)', 'accuracy');
    expect(d.method).toBe('ci');
    expect(d.ciHigh).toBeCloseTo(0.018 + 0.0192094, 6);
  });

  test('without a current row the test metrics are the current values', () => {
    const r = templateRecord({
      comparison: { baselines: [{ label: 'Old', metrics: { Accuracy: 0.851, 'F1 Score': null, 'Unknown Metric': 3 } }] },
    });
    const result = computeBaselineDeltas(r).deltas;
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ metric: 'Accuracy', current: 0.869, method: 'ci-and-score' });
  });

  test('a current row that disagrees with the test metric does not take its CI, and keeps its own scale', () => {
    const r = templateRecord({
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Accuracy: 0.88, 'AUC (%)': 90.8 } },
          { label: 'Old', metrics: { Accuracy: 0.851, 'AUC (%)': 88 } },
        ],
      },
    });
    const [accuracy, auc] = computeBaselineDeltas(r).deltas;
    expect(accuracy).toMatchObject({ current: 0.88, method: 'two-proportion' });
    // AUC (%) 90.8 and 88 are fractions 0.908 and 0.88; no test metric is "AUC" (the template's is AUC-ROC), so no CI.
    expect(auc).toMatchObject({ current: 0.908, reference: 0.88, fraction: true, method: null });
  });

  test('values written in different units are listed as not compared, never subtracted', () => {
    const r = templateRecord({
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { 'Cost ($)': 45 } },
          { label: 'Old', metrics: { 'Cost (€)': 42 } },
        ],
      },
    });
    expect(computeBaselineDeltas(r)).toMatchObject({
      deltas: [],
      notCompared: [{ baseline: 'Old', metric: 'Cost ($)', reason: 'the values are in different units ($ and €)' }],
    });
  });

  test('a record without a comparison has no baseline deltas', () => {
    expect(computeBaselineDeltas(record({ id: 'x' }))).toEqual({ deltas: [], notCompared: [] });
  });
});

describe('computeParentDeltas', () => {
  test('test metrics of both, each with its own CI, matched by key; different units are not compared', () => {
    const parent = record({
      id: 'p',
      evaluation: {
        testMetrics: [
          { metric: 'Accuracy', value: 0.851, ci95: 0.015 },
          { metric: 'F1', value: 0.818 },
          { metric: 'Latency', value: 40, unit: 'kg' },
          { metric: 'Recall', value: null },
        ],
      },
    });
    const child = record({
      id: 'c',
      evaluation: {
        testMetrics: [
          { metric: 'Accuracy', value: 0.869, ci95: 0.012 },
          { metric: 'Accuracy', value: 0.5 },
          { metric: 'F1 Score', value: 0.834 },
          { metric: 'Latency', value: 45, unit: 'ms' },
          { metric: 'Recall', value: 0.8 },
          { metric: 'Only Child', value: 1 },
        ],
      },
    });
    const { deltas, notCompared } = computeParentDeltas(child, parent);
    expect(deltas.map((d) => d.key)).toEqual(['accuracy', 'f1']);
    expect(deltas[0]).toMatchObject({ baseline: 'p', source: 'parent', referenceId: 'p', method: 'ci', significant: false });
    expect(deltas[1]).toMatchObject({ metric: 'F1 Score', method: null });
    expect(notCompared).toMatchObject([{ metric: 'Latency', current: 45, currentUnit: 'ms', reference: 40, referenceUnit: 'kg' }]);
  });

  test('a percent parent and a fraction child: 85.6% ± 0.7 against 0.87 ± 0.007 is +1.4 pp', () => {
    const parent = record({ id: 'p', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 85.6, unit: '%', ci95: 0.7 }] } });
    const child = record({ id: 'c', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.87, ci95: 0.007 }] } });
    const [d] = computeParentDeltas(child, parent).deltas;
    // 0.014 ± √(0.007² + 0.007²) = 0.014 ± 0.0098995
    expect(d?.absolute).toBeCloseTo(0.014, 12);
    expect(d?.ciLow).toBeCloseTo(0.0041005, 6);
    expect(d).toMatchObject({ fraction: true, method: 'ci', significant: true });
  });
});

describe('a reported CI set aside as doubtful', () => {
  test("AUC 77.45% ± 0.04 against 0.7712 ± 0.0004: the interval is the parent's alone, and the reason says the CI was set aside, not missing", () => {
    const parent = record({ id: 'p', evaluation: { testMetrics: [{ metric: 'AUC', value: 0.7712, ci95: 0.0004 }] } });
    const child = record({ id: 'c', evaluation: { testMetrics: [{ metric: 'AUC', value: 77.45, unit: '%', ci95: 0.04 }] } });
    const [d] = computeParentDeltas(child, parent).deltas;
    // 0.7745 − 0.7712 = 0.0033 ± 0.0004 (the parent's alone) = [0.0029, 0.0037]
    expect(d?.absolute).toBeCloseTo(0.0033, 12);
    expect(d?.ciLow).toBeCloseTo(0.0029, 12);
    expect(d?.ciHigh).toBeCloseTo(0.0037, 12);
    expect(d?.method).toBe('one-side');
    expect(d?.assumption).toBe(
      "this experiment has no uncertainty to combine (its 95% CI ±0.04 may be percentage points or a fraction, so it is not used: see the report checks), so it is taken as exact and the interval is the other side's alone.",
    );
  });
});

describe('durations in different units of time', () => {
  test('a change between 812 ms and 0.79 s is worked out in milliseconds: 812 − 790 = 22 ms, 22 / 790 = 2.78%', () => {
    const d = delta('p95 latency', side('p95 latency', 812, null, null, 'ms'), side('p95 latency (s)', 0.79));
    expect(d).toMatchObject({ current: 812, reference: 790, absolute: 22, absoluteUnit: 'ms', unit: 'ms', decimals: 0, improved: false });
    expect(d.relative).toBeCloseTo(22 / 790, 12);
    // The other way round: the seconds are on the current side; a reported ±0.01 s is ±10 ms.
    const back = delta('p95 latency', side('p95 latency (s)', 0.79, 0.01), side('p95 latency', 812, null, null, 'ms'));
    expect(back).toMatchObject({ current: 790, reference: 812, absolute: -22, unit: 'ms', improved: true, ciLow: -32, ciHigh: -12 });
  });

  test('1.5 min against 90 s is no change; minutes and hours are converted too', () => {
    expect(delta('Training time', side('Training time (min)', 1.5), side('Training time (s)', 90))).toMatchObject({
      absolute: 0,
      unit: 's',
    });
    expect(delta('Training time', side('Training time (h)', 2), side('Training time (min)', 100))).toMatchObject({
      absolute: 20,
      unit: 'min',
    });
  });

  test('the same duration written in ms and in s is one quantity; a different one is not', () => {
    expect(sameQuantity(side('p95 latency', 812, null, null, 'ms'), side('p95 latency (s)', 0.812))).toBe(true);
    expect(sameQuantity(side('p95 latency (s)', 0.812), side('p95 latency', 812, null, null, 'ms'))).toBe(true);
    expect(sameQuantity(side('p95 latency', 812, null, null, 'ms'), side('p95 latency (s)', 0.79))).toBe(false);
  });
});

describe("scikit-learn's negated scorers", () => {
  test('neg_root_mean_squared_error −13.412 against −14.950: +1.538, +10.29% of the baseline, an improvement', () => {
    const r = record({
      id: 'ridge-6',
      evaluation: { testMetrics: [{ metric: 'neg_root_mean_squared_error', value: -13.412 }] },
      comparison: { baselines: [{ label: 'ridge-4', metrics: { neg_root_mean_squared_error: -14.95 } }] },
    });
    const [delta] = computeBaselineDeltas(r).deltas;
    // (−13.412 − (−14.950)) / |−14.950| = 1.538 / 14.950 = 0.102876: RMSE fell 10.29%.
    expect(delta?.absolute).toBeCloseTo(1.538, 10);
    expect(delta?.relative).toBeCloseTo(0.1028763, 7);
    expect([delta?.betterDirection, delta?.improved]).toEqual(['higher', true]);
  });
});

describe('testMetricInterval', () => {
  const r = record({
    id: 'r',
    dataset: { splits: [{ name: 'Test', records: 40 }] },
    evaluation: {
      testMetrics: [
        { metric: 'Accuracy', value: 92.5, unit: '%' },
        { metric: 'Log Loss', value: 0.3, ci95: 0.02 },
        { metric: 'Accuracy', value: null },
        { metric: 'Recall', value: 130 },
        { metric: 'Log Loss', value: 0.3 },
      ],
    },
  });

  test('no CI: the Wilson score interval of 92.5% over n = 40, [0.80136, 0.97416], with the factor from percent', () => {
    const ci = testMetricInterval(r, 0);
    expect(ci).toMatchObject({ from: 'score', n: 40, factor: 0.01 });
    expect(ci?.low).toBeCloseTo(0.8013576648, 9);
    expect(ci?.high).toBeCloseTo(0.9741639742, 9);
  });

  test('a reported CI: 0.3 ± 0.02 is [0.28, 0.32]; none for no value, a value on neither scale, or no CI and no count', () => {
    expect(testMetricInterval(r, 1)).toEqual({ low: 0.28, high: 0.32, from: 'ci', n: null, factor: 1 });
    expect(testMetricInterval(r, 2)).toBeNull();
    expect(testMetricInterval(r, 3)).toBeNull();
    expect(testMetricInterval(r, 4)).toBeNull();
    expect(testMetricInterval(r, 9)).toBeNull();
  });
});
