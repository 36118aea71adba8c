import { describe, expect, test } from 'vitest';
import { computeFairnessGaps, groupRowsByAttribute } from '../../src/analysis/fairness.ts';
import type { FairnessGap } from '../../src/analysis/schema.ts';
import type { GroupRow } from '../../src/schema/index.ts';
import { templateRecord } from './fixtures.ts';

const g = (group: string, metrics: Record<string, number | null>, extra: Partial<GroupRow> = {}): GroupRow => ({
  group,
  metrics,
  ...extra,
});

function only(gaps: readonly FairnessGap[], attribute: string, metric: string): FairnessGap {
  const gap = gaps.find((x) => x.attribute === attribute && x.metric === metric);
  if (gap === undefined) throw new Error(`no gap ${attribute}/${metric}`);
  return gap;
}

describe('computeFairnessGaps', () => {
  test("Fairlearn's documented example: TPR a 0.5, b 0.6, c 0.4, overall 0.5", () => {
    const [gap] = computeFairnessGaps([
      g('Overall', { TPR: 0.5 }, { overall: true }),
      g('a', { TPR: 0.5 }),
      g('b', { TPR: 0.6 }),
      g('c', { TPR: 0.4 }),
    ]);
    expect(gap?.difference).toBeCloseTo(0.2, 12);
    expect(gap?.ratio).toBeCloseTo(0.666667, 6);
    expect(gap?.differenceToOverall).toBeCloseTo(0.1, 12);
    expect(gap?.ratioToOverall).toBeCloseTo(0.8, 12);
    expect(gap).toMatchObject({
      attribute: 'group',
      metric: 'TPR',
      betterDirection: 'higher',
      min: { group: 'c', value: 0.4 },
      max: { group: 'b', value: 0.6 },
      bestGroup: { group: 'b', value: 0.6 },
      worstGroup: { group: 'c', value: 0.4 },
      flagged: true,
      threshold: 0.8,
      ciLow: null,
      ciHigh: null,
      coverage: null,
    });
  });

  test('the template: accuracy Female 0.865 / Male 0.873 on n = 72K / 78K', () => {
    const gaps = computeFairnessGaps(templateRecord().evaluation?.disaggregated ?? []);
    expect(gaps.map((x) => x.metric)).toEqual(['Accuracy', 'Precision', 'Recall', 'F1']);
    const accuracy = only(gaps, 'group', 'Accuracy');
    expect(accuracy.difference).toBeCloseTo(0.008, 12);
    expect(accuracy.ratio).toBeCloseTo(0.865 / 0.873, 12);
    expect(accuracy.differenceToOverall).toBeCloseTo(0.004, 12);
    expect(accuracy.ratioToOverall).toBeCloseTo(0.865 / 0.869, 12);
    // se = √(0.873·0.127/78000 + 0.865·0.135/72000) = √3.04330e-6 = 0.00174450; ×1.96 = 0.00341922
    expect(accuracy.ciLow).toBeCloseTo(0.0045808, 6);
    expect(accuracy.ciHigh).toBeCloseTo(0.0114192, 6);
    expect(accuracy).toMatchObject({
      coverage: 1,
      flagged: false,
      assumption: 'Male and Female treated as independent samples of n = 78000 and 72000.',
    });
    expect(only(gaps, 'group', 'Precision').assumption).toBe(
      'Male and Female treated as independent samples of n = 78000 and 72000; the group size is taken as the denominator of Precision, which understates the interval.',
    );
    expect(only(gaps, 'group', 'F1')).toMatchObject({ ciLow: null, ciHigh: null, assumption: null });
  });

  test('two-proportion interval of the extreme groups by hand: 0.6 vs 0.4 on n = 100 each', () => {
    const [gap] = computeFairnessGaps([g('a', { 'Selection Rate': 0.6 }, { n: 100 }), g('b', { 'Selection Rate': 0.4 }, { n: 100 })]);
    // 1.96 × √(0.24/100 + 0.24/100) = 1.96 × 0.0692820 = 0.135793
    expect(gap?.ciLow).toBeCloseTo(0.2 - 0.135793, 6);
    expect(gap?.ciHigh).toBeCloseTo(0.2 + 0.135793, 6);
    expect(gap?.ratio).toBeCloseTo(0.666667, 6);
  });

  test('percent-unit values: the interval is in points', () => {
    const [gap] = computeFairnessGaps([g('a', { 'Accuracy (%)': 60 }, { n: 100 }), g('b', { 'Accuracy (%)': 40 }, { n: 100 })]);
    expect(gap?.unit).toBe('%');
    expect(gap?.ciHigh).toBeCloseTo(20 + 13.5793, 3);
  });

  test('a group value of zero: ratio 0 (flagged); all zero: ratio undefined (null, not flagged)', () => {
    const [some] = computeFairnessGaps([g('a', { 'Selection Rate': 0 }), g('b', { 'Selection Rate': 0.5 })]);
    expect(some).toMatchObject({ ratio: 0, difference: 0.5, flagged: true });
    const [all] = computeFairnessGaps([g('a', { 'Selection Rate': 0 }), g('b', { 'Selection Rate': 0 })]);
    expect(all).toMatchObject({ ratio: null, difference: 0, flagged: false });
  });

  test('ratio to an overall of zero: 0/0 groups are skipped, others give 0', () => {
    const [gap] = computeFairnessGaps([
      g('All', { 'Selection Rate': 0 }),
      g('a', { 'Selection Rate': 0 }),
      g('b', { 'Selection Rate': 0.2 }),
    ]);
    expect(gap).toMatchObject({ ratioToOverall: 0, differenceToOverall: 0.2 });
    const [none] = computeFairnessGaps([g('Overall', { x: 0 }, { overall: true }), g('a', { x: 0 }), g('b', { x: 0 })]);
    expect(none?.ratioToOverall).toBeNull();
  });

  test('for a lower-is-better metric the best group is the smallest', () => {
    const [gap] = computeFairnessGaps([g('a', { FPR: 0.1 }), g('b', { FPR: 0.2 })]);
    expect(gap).toMatchObject({ betterDirection: 'lower', bestGroup: { group: 'a', value: 0.1 }, worstGroup: { group: 'b', value: 0.2 } });
  });

  test('unknown direction: no best or worst group', () => {
    const [gap] = computeFairnessGaps([g('a', { Score: 1 }), g('b', { Score: 2 })]);
    expect(gap).toMatchObject({ betterDirection: null, bestGroup: null, worstGroup: null });
  });

  test.each([
    [0.8, true],
    [0.75, false],
    [0.7, false],
  ])('ratio 0.75 with threshold %d is flagged: %s', (threshold, flagged) => {
    const [gap] = computeFairnessGaps([g('a', { Accuracy: 0.6 }), g('b', { Accuracy: 0.8 })], { threshold });
    expect(gap).toMatchObject({ flagged, threshold });
  });

  test.each([0, -0.1, 1.5, Number.NaN])('threshold %d is rejected', (threshold) => {
    expect(() => computeFairnessGaps([], { threshold })).toThrow(RangeError);
  });

  test('attributes separately and their intersection, with coverage', () => {
    const rows = [
      g('Overall', { Accuracy: 0.8 }, { overall: true, n: 100 }),
      g('Female', { Accuracy: 0.82 }, { attributes: { sex: 'Female' }, n: 50 }),
      g('Male', { Accuracy: 0.78 }, { attributes: { sex: 'Male' }, n: 40 }),
      g('18-29', { Accuracy: 0.7 }, { attributes: { age: '18-29' }, n: 30 }),
      g('30+', { Accuracy: 0.85 }, { attributes: { age: '30+' }, n: 70 }),
      g('Female, 18-29', { Accuracy: 0.72 }, { attributes: { sex: 'Female', age: '18-29' }, n: 15 }),
      g('Male, 30+', { Accuracy: 0.9 }, { attributes: { sex: 'Male', age: '30+' } }),
      g('Lonely', { Accuracy: null }, { attributes: { region: 'north' } }),
    ];
    const gaps = computeFairnessGaps(rows);
    expect(gaps.map((x) => x.attribute)).toEqual(['sex', 'age', 'sex × age']);
    expect(only(gaps, 'sex', 'Accuracy').coverage).toBeCloseTo(0.9, 12);
    expect(only(gaps, 'age', 'Accuracy').coverage).toBe(1);
    expect(only(gaps, 'sex × age', 'Accuracy')).toMatchObject({ coverage: null, ciLow: null });
    expect(only(gaps, 'sex × age', 'Accuracy').difference).toBeCloseTo(0.18, 12);
  });

  test('without an Overall row, coverage uses the given total', () => {
    const [gap] = computeFairnessGaps([g('a', { Accuracy: 0.6 }, { n: 30 }), g('b', { Accuracy: 0.8 }, { n: 30 })], { totalN: 120 });
    expect(gap).toMatchObject({ coverage: 0.5, differenceToOverall: null, ratioToOverall: null });
  });

  test('a metric with a value in fewer than two groups has no gap', () => {
    expect(computeFairnessGaps([g('a', { Accuracy: 0.6 }), g('b', { Accuracy: null })])).toEqual([]);
  });
});

describe('groupRowsByAttribute', () => {
  test('leaves out the Overall row and keeps first-seen order', () => {
    const groups = groupRowsByAttribute([g('Total', {}), g('x', {}, { attributes: {} }), g('y', {}, { attributes: { sex: 'F' } })]);
    expect(groups.map((a) => [a.attribute, a.rows.map((r) => r.group)])).toEqual([
      ['group', ['x']],
      ['sex', ['y']],
    ]);
  });
});
