import { describe, expect, test } from 'vitest';
import { absoluteCell, fairnessCells, intervalCell, relativeCell, verdictCell } from '../../src/view/deltas.ts';
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
  method: 'two-proportion',
  assumption: null,
};

describe('absoluteCell', () => {
  test('signs the change in the metric unit', () => {
    expect(absoluteCell(accuracy)).toMatchObject({ text: '+0.018', tone: 'good' });
  });
  test('shows a percent-unit metric change in percentage points, not percent', () => {
    const d: DeltaView = {
      ...accuracy,
      metric: 'Top-5 Error (%)',
      current: 7.5,
      reference: 9,
      absolute: -1.5,
      relative: -1.5 / 9,
      betterDirection: 'lower',
      unit: '%',
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
    };
    expect(absoluteCell(d)).toMatchObject({ text: '+3 ms', tone: 'bad' });
    expect(verdictCell(d).text).toBe('worse (no interval)');
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
  test('prints the interval one decimal finer than the values', () => {
    expect(intervalCell(accuracy).text).toBe('[+0.0155, +0.0205]');
  });
});

describe('fairnessCells', () => {
  // Fairlearn's documented example: TPR a 0.5 / b 0.6 / c 0.4, overall 0.5.
  const gap: FairnessView = {
    attribute: 'group',
    metric: 'TPR',
    betterDirection: 'higher',
    min: { group: 'c', value: 0.4 },
    max: { group: 'b', value: 0.6 },
    difference: 0.2,
    ratio: 0.4 / 0.6,
    differenceToOverall: 0.1,
    ratioToOverall: 0.8,
    flagged: true,
    threshold: 0.8,
    ciLow: null,
    ciHigh: null,
  };
  test('shows difference, ratio and the four-fifths flag as a heuristic', () => {
    const cells = fairnessCells(gap);
    expect(cells.difference.text).toBe('0.2');
    expect(cells.ratio).toMatchObject({ text: '0.667', tone: 'bad' });
    expect(cells.toOverall.text).toBe('0.1');
    expect(cells.ratioToOverall.text).toBe('0.800');
    expect(cells.flag.text).toBe('below 0.8 (four-fifths heuristic)');
  });
  test('says a ratio with a zero maximum is undefined', () => {
    expect(fairnessCells({ ...gap, ratio: null, flagged: false }).ratio.text).toBe('undefined');
  });
});
