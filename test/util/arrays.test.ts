import { describe, expect, test } from 'vitest';
import { maxOf, minOf, pushAll } from '../../src/util/arrays.ts';

// Past the length at which spreading into arguments overflows the stack.
const LONG = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 1_000_003);

describe('maxOf and minOf', () => {
  test('agree with Math.max and Math.min on short lists, empty lists and NaN', () => {
    for (const values of [[3, 1, 2], [-5], [], [1, NaN, 3], [-Infinity, 4]]) {
      expect(maxOf(values)).toBe(Math.max(...values));
      expect(minOf(values)).toBe(Math.min(...values));
    }
  });

  test('take lists too long to spread', () => {
    expect(() => Math.max(...LONG)).toThrow(RangeError);
    // (i · 7919) mod 1,000,003 over i < 500,000: 0 at i = 0; the largest and smallest positive values worked out by scanning.
    expect(maxOf(LONG)).toBe(LONG.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(LONG)).toBe(0);
  });
});

describe('pushAll', () => {
  test('appends every item, also more than can be spread', () => {
    const target = [1];
    pushAll(target, [2, 3]);
    expect(target).toEqual([1, 2, 3]);
    const long: number[] = [];
    pushAll(long, LONG);
    expect(long.length).toBe(500_000);
    expect(long[499_999]).toBe(LONG[499_999]);
  });
});
