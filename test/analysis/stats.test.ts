import { describe, expect, test } from 'vitest';
import {
  agreeAsRoundings,
  agreesWithinRounding,
  ciHalfWidth,
  combinedHalfWidth,
  decimalsOf,
  isZeroChange,
  roundingHalfUnit,
  twoProportionHalfWidth,
} from '../../src/analysis/stats.ts';

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

describe('intervals', () => {
  test('half-width of ± and of bounds', () => {
    expect(ciHalfWidth(0.012)).toBe(0.012);
    expect(ciHalfWidth({ low: 0.85, high: 0.89 })).toBeCloseTo(0.02, 12);
  });
  test('combined half-width √(0.012² + 0.015²) = 0.019209', () => {
    expect(combinedHalfWidth(0.012, 0.015)).toBeCloseTo(0.0192094, 6);
  });
  test('two-proportion: 0.5 vs 0.4 on n = 100 each → 1.96 × √(0.0049) = 0.1372', () => {
    expect(twoProportionHalfWidth(0.5, 100, 0.4, 100)).toBeCloseTo(0.1372, 10);
  });
  test.each([
    [1.2, 100, 0.4, 100],
    [0.5, 0, 0.4, 100],
    [0.5, 100, -0.1, 100],
  ])('two-proportion is null for p1 %d n1 %d p2 %d n2 %d', (p1, n1, p2, n2) => expect(twoProportionHalfWidth(p1, n1, p2, n2)).toBeNull());
});
