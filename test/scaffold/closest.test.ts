import { describe, expect, test } from 'vitest';
import { editDistance, suggestClosestId } from '../../src/scaffold/closest.ts';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['fraud-gbm-003', 'fraud-gmb-003', 2],
    ['same', 'same', 0],
  ])('%s → %s is %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('suggestClosestId', () => {
  const ids = ['fraud-lr-001', 'fraud-gbm-002', 'fraud-gbm-003', 'derm-resnet-001'];
  test('suggests the nearest id for a typo', () => expect(suggestClosestId('fraud-gmb-003', ids)).toBe('fraud-gbm-003'));
  test('ignores case', () => expect(suggestClosestId('FRAUD-LR-001', ids)).toBe('fraud-lr-001'));
  test('breaks ties alphabetically', () => expect(suggestClosestId('fraud-gbm-00', ids)).toBe('fraud-gbm-002'));
  test('suggests nothing when nothing is close', () => expect(suggestClosestId('image-vit-9', ids)).toBeUndefined());
  test('suggests nothing from an empty folder', () => expect(suggestClosestId('a', [])).toBeUndefined());
});
