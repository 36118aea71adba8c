import { describe, expect, test } from 'vitest';
import { parseConfusionMatrixText } from '../../../src/ingest/template/index.ts';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';

describe('parseConfusionMatrixText', () => {
  test('reads the binary matrix of the template', () => {
    const text = '               Predicted\n             Neg    Pos\nActual  Neg  95000  5000\n        Pos  8500   41500';
    expect(parseConfusionMatrixText(text)).toEqual({
      labels: ['Neg', 'Pos'],
      matrix: [
        [95000, 5000],
        [8500, 41500],
      ],
    });
  });

  test('orders rows by the column labels when they are written in another order', () => {
    const text = '     a   b\nb    1   2\na    3   4';
    expect(parseConfusionMatrixText(text)).toEqual({
      labels: ['a', 'b'],
      matrix: [
        [3, 4],
        [1, 2],
      ],
    });
  });

  test('reads a row aligned with one space between its label and its first count', () => {
    const text = '               Predicted\n             Stay   Churn\nActual Stay  7399   601\n       Churn 699    1301';
    expect(parseConfusionMatrixText(text)).toEqual({
      labels: ['Stay', 'Churn'],
      matrix: [
        [7399, 601],
        [699, 1301],
      ],
    });
  });

  test('keeps a label with a number in it when the header gives the columns', () => {
    const text = '          Class 1   Class 2\nClass 1   50        5\nClass 2   4         41';
    expect(parseConfusionMatrixText(text)?.matrix).toEqual([
      [50, 5],
      [4, 41],
    ]);
  });

  test('returns undefined without any counts', () => {
    expect(parseConfusionMatrixText('nothing here')).toBeUndefined();
  });
});

describe("a test-metrics label's parentheses", () => {
  test('`Test set (n = 12,408):` keeps what they say beside the metrics, before the items that are no metrics', () => {
    const text = [
      '**Experiment ID**: t-1',
      '',
      '## Results',
      '',
      'Test set (n = 12,408):',
      '',
      '- AUC = 0.912 [0.901, 0.923]',
      '- Brier score: 0.082',
      '- Threshold: tuned on validation',
    ];
    const parsed = parseSource(text.join('\n'), { file: 't.md' });
    expect(parsed.data).toMatchObject({
      evaluation: {
        testMetrics: [
          { metric: 'AUC', value: 0.912, ci95: { low: 0.901, high: 0.923 } },
          { metric: 'Brier score', value: 0.082 },
        ],
        testMetricsNote: 'n = 12,408\nThreshold: tuned on validation',
      },
    });
  });
});

describe('a test-metric table with a column per data split', () => {
  test('`| Metric | Val | Test |`: the test column is the test metrics, every split kept as the metrics by split', () => {
    const text = [
      '**Experiment ID**: v-1',
      '',
      '## Results',
      '',
      '| Metric | Val | Test |',
      '|---|---|---|',
      '| Accuracy | 0.921 | 0.913 |',
      '| Macro-F1 | 0.884 | 0.871 |',
    ];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 'v.md' }), { file: 'v.md' });
    // No "unknown field val" per metric: the validation values are no fields of a test metric.
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation).toEqual({
      testMetrics: [
        { metric: 'Accuracy', value: 0.913 },
        { metric: 'Macro-F1', value: 0.871 },
      ],
      metricsBySplit: [
        { Split: 'Val', Accuracy: '0.921', 'Macro-F1': '0.884' },
        { Split: 'Test', Accuracy: '0.913', 'Macro-F1': '0.871' },
      ],
    });
  });
});
