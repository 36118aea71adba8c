import { describe, expect, test } from 'vitest';
import { parseSearchSpace } from '../../../src/ingest/template/index.ts';

describe('parseSearchSpace', () => {
  test.each([
    ['[0.0001, 0.01]', { kind: 'range', min: 0.0001, max: 0.01 }],
    ['[16, 32, 64, 128]', { kind: 'choice', values: [16, 32, 64, 128] }],
    ['[gini, entropy]', { kind: 'choice', values: ['gini', 'entropy'] }],
    ['{16, 32}', { kind: 'choice', values: [16, 32] }],
    ['0.0 - 0.2', { kind: 'range', min: 0, max: 0.2 }],
    ['loguniform(1e-5, 1e-3)', { kind: 'range', min: 0.00001, max: 0.001, scale: 'log' }],
    ['powers of two', { kind: 'text', text: 'powers of two' }],
  ])('%s', (text, expected) => {
    expect(parseSearchSpace(text)).toEqual(expected);
  });
});
