import { describe, expect, test } from 'vitest';
import {
  agreeAsRoundings,
  agreesWithinRounding,
  ciHalfWidth,
  decimalsOf,
  differenceInterval,
  isZeroChange,
  roundingHalfUnit,
  wilsonInterval,
  writtenDecimals,
} from '../../src/analysis/stats.ts';
import { record } from './fixtures.ts';

describe('decimalsOf', () => {
  test.each([
    [0.869, 3],
    [150000, 0],
    [0.5, 1],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [-2.25, 2],
  ])('%d has %i decimals', (x, d) => expect(decimalsOf(x)).toBe(d));
});

describe('rounding', () => {
  test('half a unit of the last decimal', () => {
    expect(roundingHalfUnit(0.845)).toBeCloseTo(0.0005, 12);
    expect(roundingHalfUnit(48)).toBe(0.5);
  });
  test.each([
    [0.892, 41500 / 46500, true],
    [0.89, 41500 / 46500, true],
    [0.8924, 41500 / 46500, false],
    [0.845, 41500 / 46500, false],
  ])('%d reported for %d agrees: %s', (reported, exact, agrees) => expect(agreesWithinRounding(reported, exact)).toBe(agrees));
  test('two roundings agree when their intervals overlap', () => {
    expect(agreeAsRoundings(0.87, 0.874)).toBe(true);
    expect(agreeAsRoundings(0.869, 0.871)).toBe(false);
  });
  test('zero change is judged relative to the values', () => {
    expect(isZeroChange(0.1 + 0.2 - 0.3, 0.3, 0.3)).toBe(true);
    expect(isZeroChange(1e-9, 0.3, 0.3)).toBe(false);
  });
});

describe('writtenDecimals', () => {
  const r = record({ id: 'x', writtenDecimals: { 'evaluation.testMetrics.0.value': 3 } });
  test('a number written with trailing zeros keeps the places written: 0.890 → 3', () => {
    expect(writtenDecimals(r, 'evaluation.testMetrics.0.value', 0.89)).toBe(3);
    expect(roundingHalfUnit(0.89, writtenDecimals(r, 'evaluation.testMetrics.0.value', 0.89))).toBeCloseTo(0.0005, 12);
  });
  test('other numbers have the places of their shortest form', () => {
    expect(writtenDecimals(r, 'evaluation.testMetrics.1.value', 0.845)).toBe(3);
    expect(writtenDecimals(record({ id: 'y' }), 'a', 0.89)).toBe(2);
  });
  test('0.890 agrees with 0.8904 at three places, not with 0.893 (which two places would accept)', () => {
    expect(agreesWithinRounding(0.89, 0.8904, 0, 3)).toBe(true);
    expect(agreesWithinRounding(0.89, 0.893, 0, 3)).toBe(false);
    expect(agreesWithinRounding(0.89, 0.893)).toBe(true);
    expect(agreeAsRoundings(0.89, 0.8915, 3, 4)).toBe(false);
  });
});

describe('intervals', () => {
  test('half-width of ± and of bounds', () => {
    expect(ciHalfWidth(0.012)).toBe(0.012);
    expect(ciHalfWidth({ low: 0.85, high: 0.89 })).toBeCloseTo(0.02, 12);
  });

  // Expected values from statsmodels 0.15.0:
  //   proportion_confint(count, nobs, alpha=0.05, method="wilson")
  test.each([
    [1, 10, 0.7224672001371106, 1],
    [0.7, 10, 0.39677814746114537, 0.8922087325936989],
    [1, 2, 0.342380227506653, 1],
    [0, 1, 0, 0.7934506856227627],
    [0.85, 10_000, 0.8428671825013008, 0.8568640186392256],
    [0.6, 100, 0.5020025867910618, 0.6905987135675411],
  ])('Wilson interval of p = %d over n = %i is [%d, %d] (statsmodels)', (p, n, low, high) => {
    const w = wilsonInterval(p, n);
    expect(w?.low).toBeCloseTo(low, 10);
    expect(w?.high).toBeCloseTo(high, 10);
  });
  test.each([
    [1.2, 100],
    [-0.1, 100],
    [0.5, 0],
  ])('no Wilson interval for p = %d, n = %i', (p, n) => expect(wilsonInterval(p, n)).toBeNull());

  test('symmetric CIs combine as d ± √(a² + b²): ±0.012 and ±0.015 → ±0.0192094', () => {
    const d = differenceInterval({ value: 0.869, low: 0.857, high: 0.881 }, { value: 0.851, low: 0.836, high: 0.866 });
    expect(d.low).toBeCloseTo(0.018 - 0.0192094, 6);
    expect(d.high).toBeCloseTo(0.018 + 0.0192094, 6);
  });

  // statsmodels 0.15.0: confint_proportions_2indep(c1, n1, c2, n2, method="newcomb", compare="diff")
  test.each([
    ['10/10 vs 7/10: within noise', 1, 10, 0.7, 10, -0.03759243457905076, 0.6032218525388546],
    ['2/2 vs 0/1: never [1, 1]', 1, 2, 0, 1, -0.030547308807040485, 1],
    ['60/100 vs 40/100', 0.6, 100, 0.4, 100, 0.061410729162439254, 0.3281259294607719],
    ['8700/10000 vs 8500/10000', 0.87, 10_000, 0.85, 10_000, 0.010384469440545323, 0.029616370785124895],
  ])('Newcombe hybrid score: %s', (_, p1, n1, p2, n2, low, high) => {
    const w1 = wilsonInterval(p1, n1);
    const w2 = wilsonInterval(p2, n2);
    if (w1 === null || w2 === null) throw new Error('no Wilson interval');
    const d = differenceInterval({ value: p1, ...w1 }, { value: p2, ...w2 });
    expect(d.low).toBeCloseTo(low, 10);
    expect(d.high).toBeCloseTo(high, 10);
  });

  test('a side known exactly adds nothing: ±0.007 against an exact 0.85 is ±0.007', () => {
    const d = differenceInterval({ value: 0.87, low: 0.863, high: 0.877 }, { value: 0.85, low: 0.85, high: 0.85 });
    expect(d.low).toBeCloseTo(0.013, 12);
    expect(d.high).toBeCloseTo(0.027, 12);
  });
});
