import { describe, expect, test } from 'vitest';
import { parseClaim } from '../../../src/ingest/template/index.ts';

describe('parseClaim', () => {
  test.each([
    ['+2.1% vs previous best', { value: 2.1, unit: '%', reference: 'previous best' }],
    ['+3ms vs previous best (acceptable)', { value: 3, unit: 'abs', reference: 'previous best', comment: 'acceptable' }],
    ['-1.2 pp', { value: -1.2, unit: 'pp' }],
    ['−0.5 points vs baseline', { value: -0.5, unit: 'pp', reference: 'baseline' }],
    ['+0.018 over production', { value: 0.018, unit: 'abs', reference: 'production' }],
    ['3x vs previous best', { value: 3, unit: 'x', reference: 'previous best' }],
    ['improved by 2pp vs production', { value: 2, unit: 'pp', reference: 'production' }],
  ])('%s', (text, expected) => {
    expect(parseClaim('Accuracy', text)).toEqual({ metric: 'Accuracy', text, ...expected });
  });

  test('keeps a claim without a number as text (and the reference it names)', () => {
    expect(parseClaim('F1', 'much better')).toEqual({ metric: 'F1', text: 'much better' });
    expect(parseClaim('F1', 'much better than production')).toEqual({
      metric: 'F1',
      text: 'much better than production',
      reference: 'production',
    });
  });
});
