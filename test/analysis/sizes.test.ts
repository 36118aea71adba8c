import { describe, expect, test } from 'vitest';
import { metricInfo } from '../../src/analysis/metrics.ts';
import { isOverallGroup, proportionDenominator, testSetSize, testSetSizes } from '../../src/analysis/sizes.ts';
import { record, templateRecord } from './fixtures.ts';

describe('testSetSize', () => {
  test('confusion matrix first, then the test split, then the Overall group', () => {
    expect(testSetSize(templateRecord())).toEqual({ n: 150_000, source: 'confusion matrix' });
    expect(
      testSetSize(
        record({
          id: 'x',
          dataset: { splits: [{ name: 'Holdout', records: 10 }] },
          evaluation: { disaggregated: [{ group: 'All', n: 12, metrics: {} }] },
        }),
      ),
    ).toEqual({
      n: 10,
      source: 'test split',
    });
    expect(testSetSizes(record({ id: 'x', evaluation: { disaggregated: [{ group: 'Total', n: 12, metrics: {} }] } }))).toEqual([
      { n: 12, source: 'overall group' },
    ]);
    expect(testSetSize(record({ id: 'x', dataset: { splits: [{ name: 'Test' }] } }))).toBeNull();
  });
});

describe('isOverallGroup', () => {
  test.each([
    [{ group: 'Overall', metrics: {} }, true],
    [{ group: 'Everyone', overall: true, metrics: {} }, true],
    [{ group: 'All', attributes: { sex: 'All' }, metrics: {} }, false],
    [{ group: 'Female', metrics: {} }, false],
  ])('%o → %s', (row, overall) => expect(isOverallGroup(row)).toBe(overall));
});

describe('proportionDenominator', () => {
  const t = templateRecord();
  test.each([
    ['Accuracy', 150_000],
    ['Precision', 46_500],
    ['Recall', 50_000],
    ['FNR', 50_000],
    ['Specificity', 100_000],
    ['FPR', 100_000],
  ])('%s of the template is over %i', (name, n) => expect(proportionDenominator(t, metricInfo(name))).toEqual({ n, note: null }));

  test('without a binary matrix per-class proportions fall back to the whole test set, noted', () => {
    const r = record({ id: 'x', dataset: { splits: [{ name: 'Test', records: 1000 }] } });
    expect(proportionDenominator(r, metricInfo('Recall'))).toEqual({
      n: 1000,
      note: 'the whole test set (n = 1000) is taken as the denominator of Recall, which understates its interval',
    });
    expect(proportionDenominator(t, metricInfo('Macro Recall'))?.n).toBe(150_000);
  });

  test('no size or not a proportion: null', () => {
    expect(proportionDenominator(record({ id: 'x' }), metricInfo('Accuracy'))).toBeNull();
    expect(proportionDenominator(t, metricInfo('F1'))).toBeNull();
  });
});
