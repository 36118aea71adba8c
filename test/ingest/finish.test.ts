import { describe, expect, test } from 'vitest';
import { stripPlaceholders } from '../../src/ingest/finish.ts';
import { createLineIndex } from '../../src/ingest/text.ts';

describe('stripPlaceholders', () => {
  test('removes placeholder strings and list items in place, returning their paths in document order', () => {
    const data = {
      id: '[experiment id]',
      name: 'kept',
      dataset: { splits: [{ name: '[split]', records: 5 }, '[another split]', { name: 'test' }] },
      tags: ['[tag]', 'b', '[tag]', 'c'],
      // A list of numbers in brackets is a value, not a placeholder.
      searchSpace: '[0.001, 0.01]',
    };
    expect(stripPlaceholders(data)).toEqual(['id', 'dataset.splits.0.name', 'dataset.splits.1', 'tags.0', 'tags.2']);
    expect(data).toEqual({
      name: 'kept',
      dataset: { splits: [{ records: 5 }, { name: 'test' }] },
      tags: ['b', 'c'],
      searchSpace: '[0.001, 0.01]',
    });
  });

  test('paths start at the path given; other values are left alone', () => {
    const list = ['a', ['[x]', 'y']];
    expect(stripPlaceholders(list, ['top', 2])).toEqual(['top.2.1.0']);
    expect(list).toEqual(['a', ['y']]);
    expect(stripPlaceholders('[x]')).toEqual([]);
    expect(stripPlaceholders(null)).toEqual([]);
  });
});

describe('createLineIndex', () => {
  test.each([
    [0, { line: 1, column: 1 }],
    [2, { line: 1, column: 3 }],
    [3, { line: 2, column: 1 }],
    [4, { line: 3, column: 1 }],
    [6, { line: 3, column: 3 }],
    [7, { line: 4, column: 1 }],
  ])('offset %i of "ab\\n\\ncd\\n" → %o', (offset, position) => expect(createLineIndex('ab\n\ncd\n')(offset)).toEqual(position));
  test('text without line breaks', () => expect(createLineIndex('abc')(2)).toEqual({ line: 1, column: 3 }));
});
