import { describe, expect, test } from 'vitest';
import { parseConfusionMatrixText } from '../../../src/ingest/template/index.ts';
import { parseSource } from '../../../src/ingest/index.ts';

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
