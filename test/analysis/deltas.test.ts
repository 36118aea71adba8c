import { describe, expect, test } from 'vitest';
import {
  checkClaims,
  computeBaselineDeltas,
  computeMetricDelta,
  computeParentDeltas,
  matchBaselineRow,
  parseClaim,
} from '../../src/analysis/deltas.ts';
import type { MetricDelta } from '../../src/analysis/schema.ts';
import type { BaselineRow } from '../../src/schema/index.ts';
import { record, templateRecord } from './fixtures.ts';

function find(deltas: readonly MetricDelta[], baseline: string, key: string): MetricDelta {
  const delta = deltas.find((d) => d.baseline === baseline && d.key === key);
  if (delta === undefined) throw new Error(`no delta ${baseline}/${key}`);
  return delta;
}

const side = (value: number, halfWidth: number | null = null, n: number | null = null) => ({ value, halfWidth, n });

describe('computeMetricDelta', () => {
  test('a lower-is-better metric that falls is an improvement', () => {
    const d = computeMetricDelta({
      baseline: 'b',
      source: 'baseline',
      referenceId: null,
      metric: 'Val Loss',
      current: side(0.3),
      reference: side(0.35),
    });
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
    });
  });

  test('a percent-unit metric changes in percentage points, and its interval is in points too', () => {
    const d = computeMetricDelta({
      baseline: 'b',
      source: 'baseline',
      referenceId: null,
      metric: 'Top-5 Error (%)',
      current: side(7.5, null, 10_000),
      reference: side(9, null, 10_000),
    });
    // se = √(0.075·0.925/10000 + 0.09·0.91/10000) = √1.51275e-5 = 0.00388941; ×1.96 = 0.00762324 → 0.762324 pp
    expect(d).toMatchObject({ unit: '%', absoluteUnit: 'pp', improved: true, method: 'two-proportion', significant: true });
    expect(d.absolute).toBeCloseTo(-1.5, 12);
    expect(d.relative).toBeCloseTo(-1.5 / 9, 12);
    expect(d.ciLow).toBeCloseTo(-2.262324, 5);
    expect(d.ciHigh).toBeCloseTo(-0.737676, 5);
  });

  test('a zero reference leaves the relative change undefined and says why', () => {
    const d = computeMetricDelta({
      baseline: 'b',
      source: 'baseline',
      referenceId: null,
      metric: 'Error',
      current: side(0.1),
      reference: side(0),
    });
    expect(d).toMatchObject({ absolute: 0.1, relative: null, relativeUndefinedReason: 'the reference value is 0', improved: false });
  });

  test('no change is not an improvement; an unknown direction is neither', () => {
    expect(
      computeMetricDelta({
        baseline: 'b',
        source: 'baseline',
        referenceId: null,
        metric: 'Accuracy',
        current: side(0.8),
        reference: side(0.8),
      }).improved,
    ).toBe(false);
    expect(
      computeMetricDelta({
        baseline: 'b',
        source: 'baseline',
        referenceId: null,
        metric: 'Learning Rate',
        current: side(0.1),
        reference: side(0.2),
      }),
    ).toMatchObject({
      improved: null,
      betterDirection: null,
    });
  });

  test('two 95% CIs combine as √(a² + b²): ±0.012 and ±0.015 → ±0.019209', () => {
    const d = computeMetricDelta({
      baseline: 'p',
      source: 'parent',
      referenceId: 'p',
      metric: 'Accuracy',
      current: side(0.869, 0.012, 150_000),
      reference: side(0.851, 0.015, 150_000),
    });
    expect(d.method).toBe('ci');
    expect(d.ciLow).toBeCloseTo(0.018 - 0.0192094, 6);
    expect(d.ciHigh).toBeCloseTo(0.018 + 0.0192094, 6);
    expect(d.significant).toBe(false);
    expect(d.assumption).toBe('the two estimates are independent.');
  });

  test('CIs given as bounds are used by their half-width, and the approximation is stated', () => {
    const d = computeMetricDelta({
      baseline: 'p',
      source: 'parent',
      referenceId: 'p',
      metric: 'AUC',
      current: { value: 0.9, halfWidth: 0.01, fromBounds: true, n: null },
      reference: side(0.85, 0.01),
    });
    expect(d.ciLow).toBeCloseTo(0.05 - Math.SQRT2 * 0.01, 10);
    expect(d.significant).toBe(true);
    expect(d.assumption).toBe('the two estimates are independent; an asymmetric CI is approximated by its half-width.');
  });

  test('two-proportion interval by hand: 0.5 vs 0.4, n = 100 each → 0.1 ± 0.1372', () => {
    const d = computeMetricDelta({
      baseline: 'b',
      source: 'baseline',
      referenceId: null,
      metric: 'Accuracy',
      current: side(0.5, null, 100),
      reference: side(0.4, null, 100),
      sizeAssumption: 'same test set',
    });
    expect(d.method).toBe('two-proportion');
    expect(d.ciLow).toBeCloseTo(-0.0372, 10);
    expect(d.ciHigh).toBeCloseTo(0.2372, 10);
    expect(d.significant).toBe(false);
    expect(d.assumption).toBe(
      'same test set; n = 100 and 100, samples treated as independent (conservative when both were scored on the same items).',
    );
  });

  test('no interval for a proportion outside [0, 1] or a non-proportion', () => {
    expect(
      computeMetricDelta({
        baseline: 'b',
        source: 'baseline',
        referenceId: null,
        metric: 'Accuracy',
        current: side(86.9, null, 100),
        reference: side(85.1, null, 100),
      }).method,
    ).toBeNull();
    expect(
      computeMetricDelta({
        baseline: 'b',
        source: 'baseline',
        referenceId: null,
        metric: 'F1',
        current: side(0.8, null, 100),
        reference: side(0.7, null, 100),
      }).method,
    ).toBeNull();
  });
});

describe('computeBaselineDeltas', () => {
  const deltas = computeBaselineDeltas(templateRecord());

  test('template accuracy: 0.869 vs 0.851 → +0.018, relative 0.018 / 0.851 = 0.02115, two-proportion on n = 150000', () => {
    const d = find(deltas, 'Previous Best (exp-042)', 'accuracy');
    expect(d.absolute).toBeCloseTo(0.018, 12);
    expect(d.relative).toBeCloseTo(0.0211516, 6);
    // se = √((0.869·0.131 + 0.851·0.149) / 150000) = √(0.240638 / 150000) = 0.00126659; ×1.96 = 0.00248252
    expect(d.ciLow).toBeCloseTo(0.0155175, 6);
    expect(d.ciHigh).toBeCloseTo(0.0204825, 6);
    expect(d).toMatchObject({ improved: true, significant: true, method: 'two-proportion', referenceId: 'exp-042', source: 'baseline' });
    expect(d.assumption).toBe(
      '"Previous Best (exp-042)" assumed evaluated on this experiment\'s test set (n = 150000, from the confusion matrix); n = 150000 and 150000, samples treated as independent (conservative when both were scored on the same items).',
    );
  });

  test('template F1: 0.834 vs 0.818 → +0.016, relative 0.01956, no interval (not a proportion)', () => {
    const d = find(deltas, 'Previous Best (exp-042)', 'f1');
    expect(d.absolute).toBeCloseTo(0.016, 12);
    expect(d.relative).toBeCloseTo(0.0195599, 6);
    expect(d).toMatchObject({ metric: 'F1', improved: true, method: null, significant: null });
  });

  test('template latency: 45 vs 42 ms → +3 ms, lower is better → not improved', () => {
    const d = find(deltas, 'Previous Best (exp-042)', 'latency');
    expect(d).toMatchObject({ absolute: 3, unit: 'ms', absoluteUnit: 'ms', betterDirection: 'lower', improved: false });
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

  test('a row evaluated on another test set gets no two-proportion interval', () => {
    const r = templateRecord({
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Accuracy: 0.869 } },
          { label: 'Old', evaluatedOn: 'test-2023', metrics: { Accuracy: 0.85 } },
        ],
      },
    });
    expect(computeBaselineDeltas(r)[0]).toMatchObject({ method: null, assumption: null, significant: null });
  });

  test('a row naming a record of the collection borrows its CI when the values match', () => {
    const exp042 = record({ id: 'exp-042', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.851, ci95: 0.015 }] } });
    const d = find(computeBaselineDeltas(templateRecord(), new Map([['exp-042', exp042]])), 'Previous Best (exp-042)', 'accuracy');
    expect(d.method).toBe('ci');
    expect(d.ciHigh).toBeCloseTo(0.018 + 0.0192094, 6);
  });

  test('without a current row the test metrics are the current values', () => {
    const r = templateRecord({
      comparison: { baselines: [{ label: 'Old', metrics: { Accuracy: 0.851, 'F1 Score': null, 'Unknown Metric': 3 } }] },
    });
    const result = computeBaselineDeltas(r);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ metric: 'Accuracy', current: 0.869, method: 'two-proportion' });
  });

  test('a current row that disagrees with the test metric does not take its CI', () => {
    const r = templateRecord({
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Accuracy: 0.88, 'AUC (%)': 90.8 } },
          { label: 'Old', metrics: { Accuracy: 0.851, 'AUC (%)': 88 } },
        ],
      },
    });
    const [accuracy, auc] = computeBaselineDeltas(r);
    expect(accuracy).toMatchObject({ current: 0.88, method: 'two-proportion' });
    expect(auc).toMatchObject({ unit: '%', absoluteUnit: 'pp', method: null });
  });

  test('a record without a comparison has no baseline deltas', () => {
    expect(computeBaselineDeltas(record({ id: 'x' }))).toEqual([]);
  });
});

describe('computeParentDeltas', () => {
  test('test metrics of both, CI-combined, matched by key', () => {
    const parent = record({
      id: 'p',
      evaluation: {
        testMetrics: [
          { metric: 'Accuracy', value: 0.851, ci95: 0.015 },
          { metric: 'F1', value: 0.818 },
          { metric: 'Latency', value: 40, unit: 's' },
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
    const deltas = computeParentDeltas(child, parent);
    expect(deltas.map((d) => d.key)).toEqual(['accuracy', 'f1']);
    expect(deltas[0]).toMatchObject({ baseline: 'p', source: 'parent', referenceId: 'p', method: 'ci', significant: false });
    expect(deltas[1]).toMatchObject({ metric: 'F1 Score', method: null });
  });
});

describe('parseClaim', () => {
  test.each([
    [
      { metric: 'Accuracy', text: '+2.1% vs previous best' },
      { value: 2.1, decimals: 1, signed: true, unit: '%', ratio: false },
    ],
    [
      { metric: 'F1', text: '+2.0% vs previous best', value: 2, unit: '%' as const },
      { value: 2, decimals: 1, signed: true, unit: '%' },
    ],
    [
      { metric: 'F1 Score', text: 'F1 Score: +1.6 pp over baseline' },
      { value: 1.6, decimals: 1, signed: true, unit: 'pp' },
    ],
    [
      { metric: 'Latency', text: '+3ms vs previous best (acceptable)' },
      { value: 3, decimals: 0, signed: true, unit: 'abs' },
    ],
    [
      { metric: 'Latency', text: 'reduced by 3 ms' },
      { value: 3, decimals: 0, signed: false, unit: 'abs' },
    ],
    [
      { metric: 'Latency', text: '−4 ms' },
      { value: -4, decimals: 0, signed: true, unit: 'abs' },
    ],
    [
      { metric: 'Latency', text: 'about two', value: 2.25 },
      { value: 2.25, decimals: 2, signed: false, unit: 'abs' },
    ],
    [
      { metric: 'Speed', text: '2x faster' },
      { value: 2, ratio: true },
    ],
  ])('%o → %o', (claim, expected) => expect(parseClaim(claim)).toMatchObject(expected));

  test('a claim without a number cannot be parsed', () => {
    expect(parseClaim({ metric: 'Accuracy', text: 'much better' })).toBeNull();
  });
});

describe('matchBaselineRow', () => {
  const rows: BaselineRow[] = templateRecord().comparison?.baselines ?? [];
  test.each([
    ['previous best', 'Previous Best (exp-042)'],
    ['Previous Best', 'Previous Best (exp-042)'],
    ['exp-042', 'Previous Best (exp-042)'],
    ['the simple baseline', 'Simple Baseline'],
    ['business rules', 'Business Rules'],
    ['production model', undefined],
    ['current experiment', undefined],
  ])('"%s" → %s', (reference, label) => expect(matchBaselineRow(reference, rows)?.label).toBe(label));
});

describe('checkClaims', () => {
  const base = templateRecord();
  const deltas = computeBaselineDeltas(base);

  test('the template claims are accepted: accuracy and F1 as relative, latency as absolute', () => {
    const { claims, checks } = checkClaims(base, deltas);
    expect(checks).toEqual([]);
    expect(claims.map((c) => [c.metric, c.status, c.claimKind, c.baseline])).toEqual([
      ['Accuracy', 'accepted', 'relative', 'Previous Best (exp-042)'],
      ['F1 Score', 'accepted', 'relative', 'Previous Best (exp-042)'],
      ['Latency', 'accepted', 'absolute', 'Previous Best (exp-042)'],
    ]);
    expect(claims[0]?.computedRelative).toBeCloseTo(0.0211516, 6);
    expect(claims[1]?.computedRelative).toBeCloseTo(0.0195599, 6);
    expect(claims[2]?.computedAbsolute).toBe(3);
  });

  test.each([
    ['Accuracy', '+2.1% vs previous best', 'accepted', 'relative'],
    ['Accuracy', '+1.8% vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '+1.8pp vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '+0.018 vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '2.1% vs previous best', 'accepted', 'relative'],
    ['Accuracy', '+2.5% vs previous best', 'mismatch', null],
    ['Accuracy', '-2.1% vs previous best', 'mismatch', null],
    ['Accuracy', '+2.1pp vs previous best', 'mismatch', null],
    ['Latency (ms)', '+3ms vs previous best', 'accepted', 'absolute'],
    ['Latency (ms)', '-3ms vs previous best', 'mismatch', null],
    ['Latency (ms)', '+7.1% vs previous best', 'accepted', 'relative'],
    ['Latency (ms)', '+3% vs previous best', 'mismatch', null],
    ['Accuracy', '+11.9 points vs simple baseline', 'accepted', 'absolute'],
  ])('%s "%s" → %s (%s)', (metric, text, status, kind) => {
    const r = templateRecord({ comparison: { ...base.comparison, claims: [{ metric, text }] } });
    const { claims } = checkClaims(r, deltas);
    expect(claims[0]).toMatchObject({ status, claimKind: kind });
  });

  test('a mismatch is a warning naming both numbers', () => {
    const r = templateRecord({ comparison: { ...base.comparison, claims: [{ metric: 'Accuracy', text: '+2.5% vs previous best' }] } });
    expect(checkClaims(r, deltas).checks).toEqual([
      {
        level: 'warning',
        code: 'claim-mismatch',
        message:
          'Claim "+2.5% vs previous best" does not match the numbers: Accuracy went from 0.851 (Previous Best (exp-042)) to 0.869, a change of +0.018 (+2.115% relative).',
        path: 'comparison.claims.0',
        hint: 'A "%" claim is accepted as a relative change or as percentage points; give the change as the table implies it.',
      },
    ]);
  });

  test('a mismatch against a zero reference names only the absolute change', () => {
    const r = record({
      id: 'z',
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Errors: 2 } },
          { label: 'Old', metrics: { Errors: 0 } },
        ],
        claims: [{ metric: 'Errors', text: '+5' }],
      },
    });
    const { checks } = checkClaims(r, computeBaselineDeltas(r));
    expect(checks[0]?.message).toBe('Claim "+5" does not match the numbers: Errors went from 0 (Old) to 2, a change of +2.');
  });

  test.each([
    [
      { metric: 'Accuracy', text: 'much better vs previous best' },
      'Claim "much better vs previous best" states no change that can be checked.',
    ],
    [{ metric: 'Speed', text: '2x faster vs previous best' }, 'Claim "2x faster vs previous best" states no change that can be checked.'],
    [
      { metric: 'Accuracy', text: '+2.1% vs production', reference: 'production' },
      'Claim "+2.1% vs production" refers to "production", which matches no row of the baseline table.',
    ],
    [
      { metric: 'Accuracy', text: '+2.1%' },
      'Claim "+2.1%" does not say what it is compared to, and there is no single baseline to check it against.',
    ],
    [
      { metric: 'AUC', text: '+1% vs previous best' },
      'Claim "+1% vs previous best" cannot be checked: the baseline table has no AUC value for both Previous Best (exp-042) and the current experiment.',
    ],
  ])('%o is unresolved: %s', (claim, text) => {
    const r = templateRecord({ comparison: { ...base.comparison, claims: [claim] } });
    const { claims, checks } = checkClaims(r, deltas);
    expect(claims[0]?.status).toBe('unresolved');
    expect(checks).toEqual([{ level: 'info', code: 'claim-unresolved', message: text, path: 'comparison.claims.0' }]);
  });

  test('a claim without reference is checked against the only baseline row', () => {
    const r = record({
      id: 'one',
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Accuracy: 0.9 } },
          { label: 'Old', metrics: { Accuracy: 0.8 } },
        ],
        claims: [{ metric: 'Accuracy', text: '+10 pp' }],
      },
    });
    expect(checkClaims(r, computeBaselineDeltas(r)).claims[0]).toMatchObject({
      baseline: 'Old',
      status: 'accepted',
      claimKind: 'absolute',
    });
  });

  test('a claim "vs parent" is checked against the parent deltas', () => {
    const parent = record({ id: 'p', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.8 }] } });
    const child = record({
      id: 'c',
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.9 }] },
      comparison: { claims: [{ metric: 'Accuracy', text: '+12.5% vs parent' }] },
    });
    const result = checkClaims(child, [], computeParentDeltas(child, parent));
    expect(result.claims[0]).toMatchObject({ baseline: 'p', status: 'accepted', claimKind: 'relative' });
  });

  test('a record without claims has none', () => {
    expect(checkClaims(record({ id: 'x' }), [])).toEqual({ claims: [], checks: [] });
  });
});
