import { describe, expect, test } from 'vitest';
import {
  absoluteCell,
  deltaMetricCell,
  deltaValueCell,
  edgeCell,
  fairnessCells,
  intervalCell,
  notComparedCells,
  relativeCell,
  verdictCell,
} from '../../src/view/deltas.ts';
import type { DeltaView, FairnessView } from '../../src/view/analysis-types.ts';

const accuracy: DeltaView = {
  baseline: 'Previous Best (exp-042)',
  metric: 'Accuracy',
  current: 0.869,
  reference: 0.851,
  absolute: 0.018,
  relative: 0.018 / 0.851,
  betterDirection: 'higher',
  improved: true,
  ciLow: 0.01552,
  ciHigh: 0.02048,
  significant: true,
  unit: null,
  fraction: true,
  decimals: 3,
  method: 'two-proportion',
  assumption: null,
};

/** 0.041 s against 38 ms, compared in ms: 41 − 38 = +3 ms, 3 / 38 = +7.9%. */
const latency: DeltaView = {
  baseline: 'Prod',
  metric: 'p99 latency (s)',
  current: 41,
  reference: 38,
  absolute: 3,
  relative: 3 / 38,
  betterDirection: 'lower',
  improved: false,
  ciLow: null,
  ciHigh: null,
  significant: null,
  unit: 'ms',
  fraction: false,
  decimals: 0,
  method: null,
  assumption: null,
};

describe('deltaMetricCell', () => {
  test('names the metric in the unit its values are shown in, not the one its name was written with', () => {
    expect(deltaMetricCell(latency)).toEqual({ text: 'p99 latency (ms)' });
    expect(deltaMetricCell({ metric: 'p99 latency (ms)', unit: 'ms' })).toEqual({ text: 'p99 latency (ms)' });
    expect(deltaMetricCell(accuracy)).toEqual({ text: 'Accuracy' });
  });
});

describe('edgeCell', () => {
  test("a lineage edge's label names the metric in the unit of its change", () => {
    expect(edgeCell(latency)?.text).toBe('p99 latency (ms) +3 ms');
    expect(edgeCell(accuracy)?.text).toBe('Accuracy +1.8 pp');
  });
});

describe('absoluteCell', () => {
  test('a proportion changes in percentage points, with the precision written: 0.869 − 0.851 = +1.8 pp', () => {
    expect(absoluteCell(accuracy)).toMatchObject({ text: '+1.8 pp', tone: 'good' });
    expect(deltaValueCell(accuracy, accuracy.current).text).toBe('86.9%');
  });
  test('87% against 0.85 (both to two places as fractions): 87% vs 85%, +2 pp', () => {
    const d: DeltaView = { ...accuracy, current: 0.87, reference: 0.85, absolute: 0.02, decimals: 2 };
    expect([deltaValueCell(d, d.current).text, deltaValueCell(d, d.reference).text, absoluteCell(d).text]).toEqual(['87%', '85%', '+2 pp']);
  });
  test('a percent-unit error rate also changes in points, not percent', () => {
    const d: DeltaView = {
      ...accuracy,
      metric: 'Top-5 Error (%)',
      current: 0.075,
      reference: 0.09,
      absolute: -0.015,
      relative: -0.015 / 0.09,
      betterDirection: 'lower',
      decimals: 3,
    };
    expect(absoluteCell(d).text).toBe('\u22121.5 pp');
    // Relative: −1.5 / 9 = −16.7%.
    expect(relativeCell(d).text).toBe('\u221216.7%');
  });
  test('keeps a unit such as ms and marks a lower-is-better increase as a regression', () => {
    const d: DeltaView = {
      ...accuracy,
      metric: 'Latency (ms)',
      current: 45,
      reference: 42,
      absolute: 3,
      relative: 3 / 42,
      betterDirection: 'lower',
      improved: false,
      ciLow: null,
      ciHigh: null,
      significant: null,
      unit: 'ms',
      fraction: false,
      decimals: 0,
      intervalReason: 'neither side can give one: no 95% CI is given',
    };
    expect(absoluteCell(d)).toMatchObject({ text: '+3 ms', tone: 'bad' });
    expect(deltaValueCell(d, d.current).text).toBe('45 ms');
    expect(verdictCell(d)).toMatchObject({ text: 'worse (no interval)', title: 'neither side can give one: no 95% CI is given' });
    expect(intervalCell(d)).toMatchObject({ text: 'unknown', title: 'neither side can give one: no 95% CI is given' });
  });
});

describe('relativeCell', () => {
  test('says n/a, not Infinity, for a zero reference', () => {
    expect(relativeCell({ ...accuracy, reference: 0, relative: null }).text).toBe('n/a');
  });
});

describe('verdictCell', () => {
  test('never calls a change better without saying it is within noise', () => {
    const d = { ...accuracy, ciLow: -0.002, ciHigh: 0.038, significant: false };
    expect(verdictCell(d)).toMatchObject({ text: 'better, within noise', tone: 'neutral' });
    expect(absoluteCell(d).tone).toBe('neutral');
  });
  test('gives no verdict when the direction is unknown', () => {
    expect(verdictCell({ ...accuracy, betterDirection: null, improved: null }).text).toBe('no verdict');
  });
  test('says better when the interval excludes zero', () => {
    expect(verdictCell(accuracy)).toMatchObject({ text: 'better', tone: 'good' });
  });
});

describe('intervalCell', () => {
  test('prints the interval one decimal finer than the values, in points for a proportion', () => {
    expect(intervalCell(accuracy).text).toBe('[+1.55, +2.05] pp');
    expect(intervalCell({ ...accuracy, fraction: false, unit: 'ms', decimals: 1, ciLow: 1.04, ciHigh: 4.96 }).text).toBe(
      '[+1.04, +4.96] ms',
    );
  });
  test('says how the interval was computed and what it assumes, as sentences (a note under the table)', () => {
    expect(intervalCell(accuracy).title).toBe("Newcombe's hybrid score interval (Wilson intervals of both proportions).");
    const ci: DeltaView = { ...accuracy, method: 'ci', assumption: 'the two estimates are independent.' };
    expect(intervalCell(ci).title).toBe('From both reported 95% CIs (√(a² + b²) when symmetric). The two estimates are independent.');
  });
});

describe('notComparedCells', () => {
  test('values as written, and the reason instead of a verdict', () => {
    const cells = notComparedCells({
      baseline: 'Old',
      source: 'baseline',
      metric: 'Latency (ms)',
      current: 45,
      currentUnit: 'ms',
      reference: 0.042,
      referenceUnit: 's',
      reason: 'the values are in different units (ms and s)',
    });
    expect([cells.current.text, cells.reference.text, cells.verdict.text]).toEqual([
      '45 ms',
      '0.042 s',
      'not compared: the values are in different units (ms and s)',
    ]);
  });
});

describe('fairnessCells', () => {
  // Fairlearn's documented example: TPR a 0.5 / b 0.6 / c 0.4, overall 0.5.
  const gap: FairnessView = {
    attribute: 'group',
    metric: 'Selection Rate',
    betterDirection: 'higher',
    min: { group: 'c', value: 0.4, n: 100 },
    max: { group: 'b', value: 0.6, n: 100 },
    difference: 0.2,
    ratio: 0.4 / 0.6,
    differenceToOverall: 0.1,
    ratioToOverall: 0.8,
    flagged: true,
    flagRule: 'four-fifths',
    flagReason: 'Ratio 0.667 is below 0.8 (four-fifths rule, a heuristic), and the 95% interval of the gap excludes 0.',
    threshold: 0.8,
    ciLow: 0.0614,
    ciHigh: 0.3281,
    fraction: true,
  };
  test('shows groups and gaps in percent and points, the ratio, and the flag with its reason', () => {
    const cells = fairnessCells(gap);
    expect(cells.worst.text).toBe('c (40%, n = 100)');
    expect(cells.best.text).toBe('b (60%, n = 100)');
    expect(cells.difference.text).toBe('20 pp');
    expect(cells.ratio).toMatchObject({ text: '0.667', tone: 'bad' });
    expect(cells.toOverall.text).toBe('10 pp');
    expect(cells.ratioToOverall.text).toBe('0.800');
    expect(cells.interval.text).toBe('[+6.1, +32.8] pp');
    expect(cells.flag).toMatchObject({ text: gap.flagReason, tone: 'bad', title: 'Rule: the four-fifths rule (selection rates)' });
  });
  test('groups written as 89.0% and 92.0% are shown so, and their gap to that precision', () => {
    // 0.890 and 0.920 as fractions (three places) → one place in percent; 0.92 − 0.89 = 3.0 pp.
    const cells = fairnessCells({
      ...gap,
      min: { group: 'Female', value: 0.89, n: 400, decimals: 3 },
      max: { group: 'Male', value: 0.92, n: 600, decimals: 3 },
      difference: 0.92 - 0.89,
      ratio: 0.89 / 0.92,
      ciLow: -0.006467,
      ciHigh: 0.069409,
    });
    expect([cells.worst.text, cells.best.text, cells.difference.text]).toEqual([
      'Female (89.0%, n = 400)',
      'Male (92.0%, n = 600)',
      '3.0 pp',
    ]);
    // The ratio keeps its three places; the interval one more than the values: [−0.65, +6.94] pp.
    expect([cells.ratio.text, cells.interval.text]).toEqual(['0.967', '[−0.65, +6.94] pp']);
  });
  test('the difference to an overall value written more precisely than the groups keeps its precision', () => {
    // Approval rate: groups 0.60 and 0.45, overall 0.533: |0.45 − 0.533| = 0.083 → 8.3 pp, not 8 pp.
    const loan = {
      ...gap,
      min: { group: 'B', value: 0.45, n: 400 },
      max: { group: 'A', value: 0.6, n: 400 },
      differenceToOverall: 0.533 - 0.45,
    };
    expect(fairnessCells(loan).toOverall.text).toBe('8.3 pp');
    // Floating-point noise is not precision; at most two decimals more than the groups'.
    expect(fairnessCells({ ...loan, differenceToOverall: 0.0831234 }).toOverall.text).toBe('8.31 pp');
  });
  test('a gap without an interval says why', () => {
    expect(fairnessCells({ ...gap, ciLow: null, ciHigh: null, intervalReason: 'no sizes' }).interval).toEqual({
      text: 'unknown',
      title: 'no sizes',
    });
  });
  test('says a ratio with a zero maximum is undefined', () => {
    expect(fairnessCells({ ...gap, ratio: null, flagged: false }).ratio.text).toBe('undefined');
  });
});
