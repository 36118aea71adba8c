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
  test("each group's value carries the places it was written with, on the gap's scale", () => {
    const rows = [g('Female', { Accuracy: 89, F1: 0.8912 }, { n: 400 }), g('Male', { Accuracy: 92, F1: 0.9 }, { n: 600 })];
    // Written `89.0`, `92.0` (percent, one place: as fractions 0.890 and 0.920, three) and `0.9000` (four).
    const writtenDecimals = {
      'evaluation.disaggregated.0.metrics.Accuracy': 1,
      'evaluation.disaggregated.1.metrics.Accuracy': 1,
      'evaluation.disaggregated.1.metrics.F1': 4,
    };
    const gaps = computeFairnessGaps(rows, { writtenDecimals });
    expect([only(gaps, 'group', 'Accuracy').min, only(gaps, 'group', 'Accuracy').max]).toEqual([
      { group: 'Female', value: 0.89, n: 400, decimals: 3 },
      { group: 'Male', value: 0.92, n: 600, decimals: 3 },
    ]);
    expect([only(gaps, 'group', 'F1').min, only(gaps, 'group', 'F1').max]).toEqual([
      { group: 'Female', value: 0.8912, n: 400, decimals: 4 },
      { group: 'Male', value: 0.9, n: 600, decimals: 4 },
    ]);
    // Without the record's places, those of the numbers: 89 → 0 (+2 as a fraction), 0.9 → 1.
    const bare = computeFairnessGaps(rows);
    expect([only(bare, 'group', 'Accuracy').min.decimals, only(bare, 'group', 'F1').max.decimals]).toEqual([2, 1]);
    // The gap itself is the same number either way: 0.92 − 0.89 = 0.03.
    expect(only(gaps, 'group', 'Accuracy').difference).toBeCloseTo(0.03, 12);
    expect(only(bare, 'group', 'Accuracy').difference).toBeCloseTo(0.03, 12);
  });

  test("Fairlearn's documented example: TPR a 0.5, b 0.6, c 0.4, overall 0.5 — no positives, so no interval and no flag", () => {
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
      min: { group: 'c', value: 0.4, n: null },
      max: { group: 'b', value: 0.6, n: null },
      bestGroup: { group: 'b', value: 0.6 },
      worstGroup: { group: 'c', value: 0.4 },
      flagged: false,
      flagRule: 'difference',
      threshold: 0.8,
      differenceThreshold: 0.05,
      minGroupSize: 30,
      ciLow: null,
      ciHigh: null,
      intervalReason: 'the actual positives of group "b" (the denominator of TPR) are not given',
      coverage: null,
      fraction: true,
      unit: null,
    });
    expect(gap?.flagReason).toBe(
      'Not flagged: the gap has no 95% interval (the actual positives of group "b" (the denominator of TPR) are not given), so it cannot be told from noise.',
    );
  });

  test('HR@10, the share of users with a hit, is a proportion: 0.198 of 383,000 vs 0.121 of 412,000 is a 7.7 pp gap, ±0.16 pp', () => {
    const [gap] = computeFairnessGaps([
      g('New users', { 'HR@10': 0.121 }, { n: 412000 }),
      g('Power users', { 'HR@10': 0.198 }, { n: 383000 }),
    ]);
    // Wald by hand: √(0.198 · 0.802 / 383,000 + 0.121 · 0.879 / 412,000) = 8.202e−4; × 1.96 = 0.001608
    // (Newcombe's interval agrees to 1e−5 at these sizes).
    expect(gap?.difference).toBeCloseTo(0.077, 12);
    expect(gap?.ciLow).toBeCloseTo(0.077 - 0.001608, 4);
    expect(gap?.ciHigh).toBeCloseTo(0.077 + 0.001608, 4);
    expect(gap).toMatchObject({ flagged: true, flagRule: 'difference', fraction: true });
  });

  test('an FPR column written in percent without "%" (1.1, 1.4, 0.9; overall 1.2): the 0.9 is 0.9%, a 0.5 pp gap, not 88.6 pp', () => {
    const [gap] = computeFairnessGaps([
      g('Overall', { FPR: 1.2 }, { overall: true }),
      g('a', { FPR: 1.1 }),
      g('b', { FPR: 1.4 }),
      g('c', { FPR: 0.9 }),
    ]);
    // max 1.4% (b), min 0.9% (c): difference 0.005, ratio 0.9 / 1.4 = 0.642857; c is 0.3 pp below the overall 1.2%.
    expect(gap).toMatchObject({ fraction: true, max: { group: 'b', value: 0.014 }, min: { group: 'c', value: 0.009 } });
    expect(gap?.difference).toBeCloseTo(0.005, 12);
    expect(gap?.ratio).toBeCloseTo(0.642857, 6);
    expect(gap?.differenceToOverall).toBeCloseTo(0.003, 12);
    expect(gap?.worstGroup).toMatchObject({ group: 'b' });
  });

  test('a column that counts what each group holds (Users, Volumes, # images, Support) is a size: no gap for it', () => {
    const gaps = computeFairnessGaps([
      g('A', { Dice: 0.862, Volumes: 121, 'Users (M)': 16.2, '# images': 900, Support: 40 }),
      g('B', { Dice: 0.826, Volumes: 48, 'Users (M)': 2.1, '# images': 300, Support: 12 }),
    ]);
    expect(gaps.map((gap) => gap.metric)).toEqual(['Dice']);
  });

  test('a group too small to judge at an extreme does not hide a four-fifths violation among the others', () => {
    // Approval A 0.90 (n = 10), B 0.70 and C 0.40 (n = 1000 each): A is too small; B against C is 0.4 / 0.7 = 0.571.
    const [gap] = computeFairnessGaps([
      g('A', { 'Approval rate': 0.9 }, { n: 10 }),
      g('B', { 'Approval rate': 0.7 }, { n: 1000 }),
      g('C', { 'Approval rate': 0.4 }, { n: 1000 }),
    ]);
    // Described over every group: A against C.
    expect(gap).toMatchObject({ flagRule: 'four-fifths', max: { group: 'A', value: 0.9 }, min: { group: 'C', value: 0.4 } });
    expect(gap?.flagged).toBe(true);
    expect(gap?.flagReason).toBe(
      'A (n = 10) is below the minimum group size of 30; among the groups of that size or more, B against C: Ratio 0.571 is below 0.8 (four-fifths rule, a heuristic), and the 95% interval of the gap excludes 0.',
    );
    // Among the sized groups within the rule: not flagged, and the small group is named.
    const [fine] = computeFairnessGaps([
      g('A', { 'Approval rate': 0.9 }, { n: 10 }),
      g('B', { 'Approval rate': 0.7 }, { n: 1000 }),
      g('C', { 'Approval rate': 0.65 }, { n: 1000 }),
    ]);
    expect(fine?.flagged).toBe(false);
    expect(fine?.flagReason).toBe('Not flagged: A (n = 10) is below the minimum group size of 30.');
  });

  test('a noisy extreme group does not hide a four-fifths violation between two large groups', () => {
    // Approval A 0.412 (n = 5200), B 0.318 (n = 3100), C 0.289 (n = 45). Extremes A, C: ratio 0.289 / 0.412 =
    // 0.701, Newcombe A − C = 0.123 [−0.0224, +0.2354] includes 0. B against A: 0.318 / 0.412 = 0.772 < 0.8,
    // A − B = 0.094 [+0.0727, +0.1150] excludes 0: a violation noise cannot explain.
    const [gap] = computeFairnessGaps([
      g('A', { 'Approval rate': 0.412 }, { n: 5200 }),
      g('B', { 'Approval rate': 0.318 }, { n: 3100 }),
      g('C', { 'Approval rate': 0.289 }, { n: 45 }),
    ]);
    expect(gap).toMatchObject({ max: { group: 'A' }, min: { group: 'C' } });
    expect(gap?.ratio).toBeCloseTo(0.70146, 5);
    expect(gap?.ciLow).toBeCloseTo(-0.02241, 5);
    expect(gap?.flagged).toBe(true);
    expect(gap?.flagReason).toBe(
      'A against C (the extreme groups) cannot be told from noise, but A against B: Ratio 0.772 is below 0.8 (four-fifths rule, a heuristic), and the 95% interval of the gap excludes 0.',
    );
  });

  test('a noisy extreme group does not hide an accuracy gap between two large groups', () => {
    // Accuracy A 0.90 and B 0.84 (n = 2000 each), C 0.82 (n = 40). A − C = 0.08 [−0.0102, +0.2257] includes 0;
    // A − B = 0.06 ≥ 0.05 with [+0.0392, +0.0808], which excludes 0.
    const [gap] = computeFairnessGaps([
      g('A', { Accuracy: 0.9 }, { n: 2000 }),
      g('B', { Accuracy: 0.84 }, { n: 2000 }),
      g('C', { Accuracy: 0.82 }, { n: 40 }),
    ]);
    expect(gap?.difference).toBeCloseTo(0.08, 10);
    expect(gap?.flagged).toBe(true);
    expect(gap?.flagReason).toBe(
      'A against C (the extreme groups) cannot be told from noise, but A against B: The gap of 6 pp is at least 5 pp, and its 95% interval [3.9, 8.1] pp excludes 0.',
    );
    // Every pair within noise: not flagged, and the extremes say why.
    const [fine] = computeFairnessGaps([
      g('A', { Accuracy: 0.9 }, { n: 2000 }),
      g('B', { Accuracy: 0.88 }, { n: 2000 }),
      g('C', { Accuracy: 0.82 }, { n: 40 }),
    ]);
    expect(fine?.flagged).toBe(false);
    expect(fine?.flagReason).toBe('Not flagged: the gap of 8 pp is within noise (its 95% interval includes 0).');
  });

  test('the template: accuracy Female 0.865 / Male 0.873 on n = 72K / 78K — a 0.8 pp gap, below 5 pp', () => {
    const gaps = computeFairnessGaps(templateRecord().evaluation?.disaggregated ?? []);
    expect(gaps.map((x) => x.metric)).toEqual(['Accuracy', 'Precision', 'Recall', 'F1']);
    const accuracy = only(gaps, 'group', 'Accuracy');
    expect(accuracy.difference).toBeCloseTo(0.008, 12);
    expect(accuracy.ratio).toBeCloseTo(0.865 / 0.873, 12);
    expect(accuracy.differenceToOverall).toBeCloseTo(0.004, 12);
    expect(accuracy.ratioToOverall).toBeCloseTo(0.865 / 0.869, 12);
    // statsmodels confint_proportions_2indep(0.873·78000, 78000, 0.865·72000, 72000, method="newcomb"): [0.0045824, 0.0114210]
    expect(accuracy.ciLow).toBeCloseTo(0.004582373334289765, 10);
    expect(accuracy.ciHigh).toBeCloseTo(0.011420950212083055, 10);
    expect(accuracy).toMatchObject({
      coverage: 1,
      flagged: false,
      flagRule: 'difference',
      flagReason: 'The gap of 0.8 pp is below 5 pp.',
      assumption: 'Male and Female treated as independent samples: n = 78000 (the group size) and n = 72000 (the group size).',
    });
    expect(only(gaps, 'group', 'Precision')).toMatchObject({
      ciLow: null,
      intervalReason: 'the predicted positives of group "Male" (the denominator of Precision) are not given',
      flagged: false,
    });
    expect(only(gaps, 'group', 'F1')).toMatchObject({
      ciLow: null,
      ciHigh: null,
      assumption: null,
      flagRule: null,
      intervalReason: 'F1 is not a proportion of counts, so its gap has no interval',
      flagReason:
        'Not flagged: F1 is not a proportion of counts, so its gap cannot be told from noise (the four-fifths rule is for selection rates only).',
    });
  });

  test('selection rates 0.6 vs 0.4 on n = 100 each: ratio 0.667 below 0.8, and the gap beyond noise — flagged by the four-fifths rule', () => {
    const [gap] = computeFairnessGaps([g('a', { 'Selection Rate': 0.6 }, { n: 100 }), g('b', { 'Selection Rate': 0.4 }, { n: 100 })]);
    // statsmodels newcomb (60/100 vs 40/100): [0.0614107, 0.3281259]
    expect(gap?.ciLow).toBeCloseTo(0.061410729162439254, 10);
    expect(gap?.ciHigh).toBeCloseTo(0.3281259294607719, 10);
    expect(gap?.ratio).toBeCloseTo(0.666667, 6);
    expect(gap).toMatchObject({
      flagged: true,
      flagRule: 'four-fifths',
      flagReason: 'Ratio 0.667 is below 0.8 (four-fifths rule, a heuristic), and the 95% interval of the gap excludes 0.',
    });
  });

  test('the same rates on n = 40 each: the ratio is below 0.8 but the gap is within noise — not flagged', () => {
    const [gap] = computeFairnessGaps([g('a', { 'Selection Rate': 0.5 }, { n: 40 }), g('b', { 'Selection Rate': 0.3 }, { n: 40 })]);
    // statsmodels newcomb (20/40 vs 12/40): [−0.0138082, 0.3900693]
    expect(gap?.ciLow).toBeCloseTo(-0.013808204641806016, 10);
    expect(gap).toMatchObject({
      flagged: false,
      flagReason: 'Not flagged: the ratio 0.600 is below 0.8, but the 95% interval of the gap includes 0.',
    });
  });

  test('selection rates near 0/0 are never flagged: 0.4% vs 0.2% (ratio 0.5)', () => {
    const [gap] = computeFairnessGaps([g('a', { 'Selection Rate': 0.004 }, { n: 1000 }), g('b', { 'Selection Rate': 0.002 }, { n: 1000 })]);
    expect(gap).toMatchObject({
      ratio: 0.5,
      flagged: false,
      flagReason: 'Not flagged: the rates are near 0 (the larger is below 1%), so their ratio is near 0/0.',
    });
  });

  test('groups of n = 2 and 1 never give a gap interval of [1, 1], and flag nothing', () => {
    const [gap] = computeFairnessGaps([g('a', { 'Selection Rate': 1 }, { n: 2 }), g('b', { 'Selection Rate': 0 }, { n: 1 })]);
    // Wald: 1 ± 1.96·√(0/2 + 0/1) = [1, 1]. statsmodels newcomb (2/2 vs 0/1): [−0.0305473, 1]
    expect(gap?.ciLow).toBeCloseTo(-0.030547308807040485, 10);
    expect(gap?.ciHigh).toBeCloseTo(1, 10);
    expect(gap).toMatchObject({
      flagged: false,
      flagReason: 'Not flagged: a (n = 2), b (n = 1) are below the minimum group size of 30.',
    });
  });

  test("FPR 10% vs 20% over each group's actual negatives (150 and 160): a 10 pp gap beyond noise — flagged", () => {
    const [gap] = computeFairnessGaps([g('a', { FPR: 0.1, Positives: 50 }, { n: 200 }), g('b', { FPR: 0.2, Positives: 40 }, { n: 200 })]);
    // negatives 200 − 50 = 150 and 200 − 40 = 160; statsmodels newcomb (32/160 vs 15/150): [0.0200145, 0.1787191]
    expect(gap?.ciLow).toBeCloseTo(0.02001451633058099, 10);
    expect(gap?.ciHigh).toBeCloseTo(0.17871910755480405, 10);
    expect(gap).toMatchObject({
      metric: 'FPR',
      flagged: true,
      flagRule: 'difference',
      worstGroup: { group: 'b', value: 0.2, n: 200 },
      assumption:
        "b and a treated as independent samples: n = 160 (the group's actual negatives) and n = 150 (the group's actual negatives).",
    });
    expect(gap?.flagReason).toBe('The gap of 10 pp is at least 5 pp, and its 95% interval [2.0, 17.9] pp excludes 0.');
  });

  test('a gap of at least 5 pp within noise is not flagged', () => {
    const [gap] = computeFairnessGaps([g('a', { Accuracy: 0.6 }, { n: 30 }), g('b', { Accuracy: 0.7 }, { n: 30 })]);
    expect(gap).toMatchObject({ flagged: false });
    expect(gap?.flagReason).toBe('Not flagged: the gap of 10 pp is within noise (its 95% interval includes 0).');
  });

  test('a group of size 0 gives no interval', () => {
    const [gap] = computeFairnessGaps([g('a', { Accuracy: 0.6 }, { n: 0 }), g('b', { Accuracy: 0.7 }, { n: 50 })]);
    expect(gap).toMatchObject({ ciLow: null, intervalReason: 'the sizes of "b" and "a" do not give an interval', flagged: false });
  });

  test('percent-unit values are compared as fractions: 60% vs 40% is a 20 pp gap', () => {
    const [gap] = computeFairnessGaps([g('a', { 'Accuracy (%)': 60 }, { n: 100 }), g('b', { 'Accuracy (%)': 40 }, { n: 100 })]);
    expect(gap).toMatchObject({ fraction: true, unit: null, min: { value: 0.4 }, max: { value: 0.6 }, flagged: true });
    expect(gap?.difference).toBeCloseTo(0.2, 12);
    expect(gap?.ciLow).toBeCloseTo(0.061410729162439254, 10);
  });

  test('a column written partly as 86.5 and partly as 0.873 is one scale', () => {
    const [gap] = computeFairnessGaps([g('a', { Accuracy: 86.5 }), g('b', { Accuracy: 0.873 })]);
    expect(gap?.difference).toBeCloseTo(0.008, 12);
    expect(gap).toMatchObject({ min: { group: 'a', value: 0.865 }, fraction: true });
  });

  test('a value that cannot be placed keeps the column as written, without a rule', () => {
    const [gap] = computeFairnessGaps([g('a', { Accuracy: 130 }), g('b', { Accuracy: 0.5 })]);
    expect(gap).toMatchObject({ fraction: false, flagRule: null, difference: 129.5 });
  });

  test('count columns (positives) are denominators, not metrics with gaps', () => {
    const gaps = computeFairnessGaps([
      g('a', { Recall: 0.8, Positives: 50 }, { n: 200 }),
      g('b', { Recall: 0.7, Positives: 40 }, { n: 200 }),
    ]);
    expect(gaps.map((x) => x.metric)).toEqual(['Recall']);
  });

  test('a group value of zero: ratio 0 (flagged without sizes); all zero: ratio undefined (near 0/0, not flagged)', () => {
    const [some] = computeFairnessGaps([g('a', { 'Selection Rate': 0 }), g('b', { 'Selection Rate': 0.5 })]);
    expect(some).toMatchObject({
      ratio: 0,
      difference: 0.5,
      flagged: true,
      flagReason:
        'Ratio 0.000 is below 0.8 (four-fifths rule, a heuristic); group sizes are not given, so the gap is not tested against noise.',
    });
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

  test('for a lower-is-better metric the best group is the smallest', () => {
    const [gap] = computeFairnessGaps([g('a', { FPR: 0.1 }), g('b', { FPR: 0.2 })]);
    expect(gap).toMatchObject({ betterDirection: 'lower', bestGroup: { group: 'a', value: 0.1 }, worstGroup: { group: 'b', value: 0.2 } });
  });

  test('unknown direction: no best or worst group, and no rule', () => {
    const [gap] = computeFairnessGaps([g('a', { Score: 1 }), g('b', { Score: 2 })]);
    expect(gap).toMatchObject({
      betterDirection: null,
      bestGroup: null,
      worstGroup: null,
      flagRule: null,
      flagReason: 'Not flagged: which way Score is better is not known.',
    });
  });

  test.each([
    [
      0.8,
      true,
      'Ratio 0.750 is below 0.8 (four-fifths rule, a heuristic); group sizes are not given, so the gap is not tested against noise.',
    ],
    [0.75, false, 'Ratio 0.750 is at or above 0.75 (four-fifths rule).'],
    [0.7, false, 'Ratio 0.750 is at or above 0.7 (four-fifths rule).'],
  ])('selection ratio 0.75 with threshold %d is flagged: %s', (threshold, flagged, reason) => {
    const [gap] = computeFairnessGaps([g('a', { 'Selection Rate': 0.6 }), g('b', { 'Selection Rate': 0.8 })], { threshold });
    expect(gap).toMatchObject({ flagged, threshold, flagReason: reason });
  });

  test('the difference threshold and the minimum group size are options', () => {
    const rows = [g('a', { Accuracy: 0.865 }, { n: 72_000 }), g('b', { Accuracy: 0.873 }, { n: 78_000 })];
    expect(computeFairnessGaps(rows, { differenceThreshold: 0.005 })[0]).toMatchObject({ flagged: true, differenceThreshold: 0.005 });
    expect(computeFairnessGaps(rows, { differenceThreshold: 0.005, minGroupSize: 75_000 })[0]).toMatchObject({
      flagged: false,
      flagReason: 'Not flagged: a (n = 72000) is below the minimum group size of 75000.',
    });
    expect(() => computeFairnessGaps(rows, { differenceThreshold: 0 })).toThrow(RangeError);
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
