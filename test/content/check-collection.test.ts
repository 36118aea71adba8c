import { describe, expect, test } from 'vitest';
import { findParentCycles } from '../../src/content/check-collection.ts';

describe('findParentCycles', () => {
  test('finds a three-record cycle once, starting at its smallest id, in parent order', () => {
    expect(
      findParentCycles([
        ['b', 'c'],
        ['c', 'a'],
        ['a', 'b'],
      ]),
    ).toEqual([['a', 'b', 'c']]);
  });

  test('finds a record that is its own parent', () => {
    expect(findParentCycles([['a', 'a']])).toEqual([['a']]);
  });

  test('finds nothing in a chain, and ignores parents that are not records', () => {
    expect(
      findParentCycles([
        ['a', undefined],
        ['b', 'a'],
        ['c', 'b'],
        ['d', 'zzz'],
      ]),
    ).toEqual([]);
  });

  test('finds a cycle reached from a tail, and two separate cycles', () => {
    expect(
      findParentCycles([
        ['tail', 'x'],
        ['x', 'y'],
        ['y', 'x'],
        ['p', 'q'],
        ['q', 'p'],
      ]),
    ).toEqual([
      ['p', 'q'],
      ['x', 'y'],
    ]);
  });
});
