import { describe, expect, test } from 'vitest';
import { checkConfusionMatrix } from '../../src/analysis/checks.ts';
import { metricInfo } from '../../src/analysis/metrics.ts';
import {
  groupDenominator,
  isGroupCountColumn,
  isOverallGroup,
  isPredictionDenominator,
  positiveClass,
  proportionDenominator,
  testSetSize,
  testSetSizes,
} from '../../src/analysis/sizes.ts';
import type { GroupRow } from '../../src/schema/index.ts';
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

  test('the size written beside the results comes after the test split and before the Overall group', () => {
    const written = record({
      id: 'x',
      dataset: { splits: [{ name: 'Test', records: 150_000 }] },
      evaluation: { testSetSize: 250_000, disaggregated: [{ group: 'Overall', n: 12, metrics: {} }] },
    });
    expect(testSetSizes(written)).toEqual([
      { n: 150_000, source: 'test split' },
      { n: 250_000, source: 'test set label' },
      { n: 12, source: 'overall group' },
    ]);
    // Alone, it is the size an accuracy's interval is over.
    const alone = record({ id: 'x', evaluation: { testSetSize: 250_000 } });
    expect(proportionDenominator(alone, metricInfo('Accuracy'))).toEqual({ n: 250_000, of: 'the test set (test set label)' });
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
  // The template's matrix (rows actual, columns predicted; positive class Pos): TN 95000, FP 5000, FN 8500, TP 41500.
  test.each([
    ['Accuracy', 150_000, 'the test set (confusion matrix)'],
    ['Error', 150_000, 'the test set (confusion matrix)'],
    ['Precision', 46_500, 'the predicted positives of the confusion matrix'], // TP + FP = 41500 + 5000
    ['Recall', 50_000, 'the actual positives of the confusion matrix'], // TP + FN = 41500 + 8500
    ['FNR', 50_000, 'the actual positives of the confusion matrix'],
    ['Specificity', 100_000, 'the actual negatives of the confusion matrix'], // TN + FP = 95000 + 5000
    ['FPR', 100_000, 'the actual negatives of the confusion matrix'],
    ['Micro Recall', 150_000, 'the test set (confusion matrix)'],
  ])('%s of the template is over %i (%s)', (name, n, of) => expect(proportionDenominator(t, metricInfo(name))).toEqual({ n, of }));

  test('without a binary matrix a proportion of a subset has no denominator, never the whole test set', () => {
    const r = record({ id: 'x', dataset: { splits: [{ name: 'Test', records: 1000 }] } });
    expect(proportionDenominator(r, metricInfo('Recall'))).toEqual({
      n: null,
      reason: 'the number of actual positives (the denominator of Recall) is not known without a binary confusion matrix',
    });
    expect(proportionDenominator(r, metricInfo('Accuracy'))).toEqual({ n: 1000, of: 'the test set (test split)' });
    expect(proportionDenominator(t, metricInfo('Macro Recall'))).toEqual({
      n: null,
      reason: 'Macro Recall is averaged over classes, not a proportion of one count',
    });
  });

  test('no size: a reason; not a proportion: null', () => {
    expect(proportionDenominator(record({ id: 'x' }), metricInfo('Accuracy'))).toEqual({
      n: null,
      reason: 'the test-set size is not given',
    });
    expect(proportionDenominator(t, metricInfo('F1'))).toBeNull();
  });

  test('precision is the only denominator that depends on the model', () => {
    expect(['Precision', 'Recall', 'FPR', 'Accuracy'].map((m) => isPredictionDenominator(metricInfo(m)))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('groupDenominator', () => {
  const row = (metrics: Record<string, number | null>, n?: number): GroupRow => ({
    group: 'Female',
    metrics,
    ...(n === undefined ? {} : { n }),
  });
  test.each([
    ['Accuracy', row({ Accuracy: 0.9 }, 200), { n: 200, of: 'the group size' }],
    ['Selection Rate', row({ 'Selection Rate': 0.3 }, 200), { n: 200, of: 'the group size' }],
    ['Recall', row({ Recall: 0.8, Positives: 50 }, 200), { n: 50, of: "the group's actual positives" }],
    ['FNR', row({ FNR: 0.2, n_pos: 50 }, 200), { n: 50, of: "the group's actual positives" }],
    ['FPR', row({ FPR: 0.1, Positives: 50 }, 200), { n: 150, of: "the group's actual negatives" }], // 200 − 50
    ['Precision', row({ Precision: 0.7, 'Predicted positives': 60 }, 200), { n: 60, of: "the group's predicted positives" }],
  ])('%s over %o', (metric, r, expected) => expect(groupDenominator(r, metricInfo(metric))).toEqual(expected));

  test("a group's size is never the denominator of recall, precision or FPR", () => {
    expect(groupDenominator(row({ Recall: 0.8 }, 200), metricInfo('Recall'))).toEqual({
      n: null,
      reason: 'the actual positives of group "Female" (the denominator of Recall) are not given',
    });
    expect(groupDenominator(row({ FPR: 0.1 }), metricInfo('FPR'))?.n).toBeNull();
    expect(groupDenominator(row({ Accuracy: 0.8 }), metricInfo('Accuracy'))).toEqual({
      n: null,
      reason: 'the size of group "Female" is not given',
    });
    expect(groupDenominator(row({}), metricInfo('Macro Recall'))?.n).toBeNull();
    expect(groupDenominator(row({}), metricInfo('F1'))).toBeNull();
  });

  test.each([
    ['Positives', true],
    ['# positives', true],
    ['Predicted positives', true],
    ['Recall', false],
  ])('isGroupCountColumn(%s) = %s', (name, count) => expect(isGroupCountColumn(name)).toBe(count));
});

describe('positiveClass', () => {
  const fraud = (metrics: { metric: string; value: number }[], labels = ['Fraud', 'Legit']) =>
    record({
      id: 'f',
      evaluation: {
        testMetrics: metrics,
        confusionMatrix: {
          labels,
          matrix: [
            [200, 300],
            [50, 9450],
          ],
        },
      },
    });

  test('no positive label: the class whose precision and recall are the reported ones (200/250 = 0.800, 200/500 = 0.400)', () => {
    const reported = [
      { metric: 'Precision', value: 0.8 },
      { metric: 'Recall', value: 0.4 },
    ];
    const r = fraud(reported);
    expect(positiveClass(r, r.evaluation!.confusionMatrix!)).toBe(0);
    // Recall's denominator is the 500 actual frauds, not the 9,500 legitimate ones; precision's the 250 flagged.
    expect(proportionDenominator(r, metricInfo('Recall'))).toEqual({ n: 500, of: 'the actual positives of the confusion matrix' });
    expect(proportionDenominator(r, metricInfo('Precision'))).toEqual({ n: 250, of: 'the predicted positives of the confusion matrix' });
    // The matrix agrees with the record then: no mismatch for precision, recall or F1 (400 / 750 = 0.533).
    expect(checkConfusionMatrix(fraud([...reported, { metric: 'F1', value: 0.533 }]))).toEqual([]);
  });

  test('labels that say which is positive; else the second label, as scikit-learn orders 0 and 1', () => {
    const m = {
      labels: ['yes', 'no'],
      matrix: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(positiveClass(record({ id: 'a' }), m)).toBe(0);
    expect(positiveClass(record({ id: 'a' }), { ...m, labels: ['negative', 'positive'] })).toBe(1);
    expect(positiveClass(record({ id: 'a' }), { ...m, labels: ['cat', 'dog'] })).toBe(1);
    expect(positiveClass(record({ id: 'a' }), { ...m, labels: ['cat', 'dog'], positiveLabel: 'cat' })).toBe(0);
    // Reported figures that fit both classes, or neither, decide nothing.
    expect(positiveClass(fraud([{ metric: 'Recall', value: 0.9 }]), fraud([]).evaluation!.confusionMatrix!)).toBe(1);
  });
});
