import { describe, expect, test } from 'vitest';
import { parseClaim } from '../../../src/ingest/template/index.ts';
import { parseSource } from '../../../src/ingest/index.ts';

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

describe('a list of signed changes under the comparison heading', () => {
  const read = (...items: string[]) =>
    (
      parseSource(['**Experiment ID**: c-1', '', '## vs baseline', '', ...items].join('\n'), { file: 'c-1.md' }).data as Record<
        string,
        unknown
      >
    )['comparison'];

  test('`- F1: +0.012`, `- Accuracy: +2.1 pp vs exp-101`: the improvement claims, each with its reference', () => {
    expect(read('- Accuracy: +2.1 pp vs exp-101', '- F1: +0.012', '- Latency: −3 ms')).toEqual({
      claims: [
        { metric: 'Accuracy', text: '+2.1 pp vs exp-101', value: 2.1, unit: 'pp', reference: 'exp-101' },
        { metric: 'F1', text: '+0.012', value: 0.012, unit: 'abs' },
        { metric: 'Latency', text: '−3 ms', value: -3, unit: 'abs' },
      ],
    });
  });

  test('an item without a sign is no claim: the list stays as written', () => {
    expect(read('- Accuracy: +2.1 pp', '- Notes: better on long inputs')).toBeUndefined();
  });
});
