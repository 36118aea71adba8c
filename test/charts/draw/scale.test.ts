import { describe, expect, test } from 'vitest';
import {
  bandScale,
  fixed,
  integerFormat,
  linearOver,
  linearScale,
  minStepCount,
  niceDomain,
  pointScale,
  precisionFixed,
  sortedDomain,
  tickIncrement,
  ticks,
} from '../../../src/charts/draw/scale.ts';

describe('ticks and nice domains (d3 rules, hand-worked)', () => {
  test('0.74–0.965 over 10 ticks: step 0.0225 → 2 × 10⁻², so the nice domain is 0.74–0.98', () => {
    expect(tickIncrement(0.74, 0.965, 10)).toBe(-50);
    expect(niceDomain(0.74, 0.965)).toEqual([0.74, 0.98]);
  });

  test('0.74–0.98 at ceil(380 / 40) = 10 ticks: every 0.02, 13 of them', () => {
    const t = ticks(0.74, 0.98, 10);
    expect(t).toHaveLength(13);
    expect(t[0]).toBe(0.74);
    expect(t[1]).toBe(0.76);
    expect(t[12]).toBe(0.98);
  });

  test('losses 0.31–1.28: nice 0.3–1.3; five ticks at 0.2 apart', () => {
    expect(niceDomain(0.31, 1.28)).toEqual([0.3, 1.3]);
    expect(ticks(0.3, 1.3, 5)).toEqual([0.4, 0.6, 0.8, 1, 1.2]);
  });

  test('epochs 1–25: nice 0–26 (step 2), ticks every 2 at 13 wanted', () => {
    expect(niceDomain(1, 25)).toEqual([0, 26]);
    expect(ticks(0, 26, 13)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26]);
  });

  test('large steps count in whole powers: 0–1,000 at 5 ticks is every 200', () => {
    expect(ticks(0, 1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  test('one value, no count and infinite bounds', () => {
    expect(ticks(3, 3, 5)).toEqual([3]);
    expect(ticks(0, 1, 0)).toEqual([]);
    expect(ticks(0, Infinity, 5)).toEqual([]);
  });

  test('tickMinStep 1 over 0–3: at most 4 ticks (0, 1, 2, 3), never a step under 1', () => {
    expect(minStepCount(0, 3, 13, 1)).toBe(4);
    expect(ticks(0, 3, minStepCount(0, 3, 13, 1))).toEqual([0, 1, 2, 3]);
    // 0–2 wanted at 13: floor(2/1) + 1 = 3, but d3's step for 3 ticks over 0–2 is 0.5 < 1, so 2 ticks: step 1.
    expect(minStepCount(0, 2, 13, 1)).toBe(2);
    expect(ticks(0, 2, 2)).toEqual([0, 1, 2]);
  });
});

describe('label formats', () => {
  test('the step decides the decimals', () => {
    expect(precisionFixed(0.02)).toBe(2);
    expect(precisionFixed(0.2)).toBe(1);
    expect(precisionFixed(5)).toBe(0);
    // A domain of one value: d3 finds no precision for a step of 0 and formats with its default six digits (Vega: "0.500000").
    expect(precisionFixed(0)).toBe(6);
  });

  test('thousands grouped, a true minus sign, no negative zero', () => {
    expect(fixed(1234.5, 1)).toBe('1,234.5');
    expect(fixed(-0.25, 2)).toBe('\u22120.25');
    expect(fixed(-0.0001, 2)).toBe('0.00');
    expect(integerFormat(-3)).toBe('\u22123');
    expect(integerFormat(12)).toBe('12');
  });

  test('a linear scale labels its ticks with the precision of their step', () => {
    const x = linearOver([0.3, 1.3], [170, 0]);
    const { values, format } = x.ticks(5);
    expect(values.map(format)).toEqual(['0.4', '0.6', '0.8', '1.0', '1.2']);
    // 0.4 is a tenth of the way up a 170 px axis drawn downwards: 153.
    expect(x(0.4)).toBeCloseTo(153, 9);
  });
});

describe('scales', () => {
  test('a linear scale with zero reaches 0 and maps a one-value domain to the middle', () => {
    const x = linearScale([0.2, 0.8], [0, 400], { zero: true });
    expect(x.domain).toEqual([0, 0.8]);
    expect(x(0.4)).toBe(200);
    expect(linearOver([5, 5], [0, 100])(5)).toBe(50);
  });

  test('point scale: category i at step × (i + ½)', () => {
    const y = pointScale(['Accuracy', 'Recall', 'F1'], 32);
    expect(y.center('Recall')).toBe(48);
    expect(y.length).toBe(96);
    expect(y.center('missing')).toBeUndefined();
  });

  test('band scale: 26 px steps, 10% inner padding, 5% outer', () => {
    const b = bandScale(['a', 'b'], 26);
    expect(b.bandwidth).toBeCloseTo(23.4, 9);
    expect(b.start('a')).toBeCloseTo(1.3, 9);
    expect(b.start('b')).toBeCloseTo(27.3, 9);
    expect(b.length).toBeCloseTo(52, 9);
  });

  test('nominal domains sort by code unit, as Vega sorts them', () => {
    expect(sortedDomain(['Val Loss', 'Train Acc', 'Val Acc', 'Train Loss', 'Train Acc', 'a'])).toEqual([
      'Train Acc',
      'Train Loss',
      'Val Acc',
      'Val Loss',
      'a',
    ]);
  });
});
