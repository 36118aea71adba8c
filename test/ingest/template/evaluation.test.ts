import { describe, expect, test } from 'vitest';
import { parseConfusionMatrixText } from '../../../src/ingest/template/index.ts';
import { statedGapForm } from '../../../src/ingest/template/evaluation.ts';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';
import { analyzeCollection } from '../../../src/analysis/index.ts';
import type { Experiment } from '../../../src/schema/index.ts';

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

  test.each(['Predicted label', 'Predicted class', 'Prediction', 'Vorhersage', 'Predicho', 'Prédit'])(
    'a caption line %j over the matrix is no row',
    (caption) => {
      const text = `${caption}\n      neg   neu   pos\nneg   1620  240   140\nneu   310   810   380\npos   110   200   2190`;
      expect(parseConfusionMatrixText(text)).toEqual({
        labels: ['neg', 'neu', 'pos'],
        matrix: [
          [1620, 240, 140],
          [310, 810, 380],
          [110, 200, 2190],
        ],
      });
    },
  );

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

describe('a confusion matrix with margins, or with the predictions down the side', () => {
  const matrixOf = (...lines: string[]) => {
    const text = ['**Experiment ID**: cm-1', '', '## Evaluation Results', '', ...lines, ''].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'cm-1.md' }), { file: 'cm-1.md' });
    expect(diagnostics).toEqual([]);
    return record?.evaluation?.confusionMatrix;
  };
  const binary = {
    labels: ['neg', 'pos'],
    matrix: [
      [900, 50],
      [100, 400],
    ],
  };

  test('a `Total` row and column (pd.crosstab(margins=True)) are sums, not a class', () => {
    expect(
      matrixOf(
        '**Confusion Matrix**:',
        '',
        '| Actual \\ Predicted | neg | pos | Total |',
        '|---|---|---|---|',
        '| neg | 900 | 50 | 950 |',
        '| pos | 100 | 400 | 500 |',
        '| Total | 1000 | 450 | 1450 |',
      ),
    ).toEqual(binary);
    // As pandas prints it: the header is `predicted` and its classes (numbers), the margins `All`.
    expect(
      parseConfusionMatrixText(
        [
          'predicted     0     1   All',
          'actual',
          '0           900    50   950',
          '1           100   400   500',
          'All        1000   450  1450',
        ].join('\n'),
      ),
    ).toEqual({ labels: ['0', '1'], matrix: binary.matrix });
  });

  test('counts with thousands grouped by a no-break or thin space are one count each', () => {
    expect(
      parseConfusionMatrixText(['       Neg         Pos', 'Neg    235\u202f560   1\u202f620', 'Pos    760         2\u00a0060'].join('\n'))
        ?.matrix,
    ).toEqual([
      [235560, 1620],
      [760, 2060],
    ]);
  });

  test('counts with thousands grouped by dots (`183.100`) are counts; fractions and percents stay as written', () => {
    expect(
      parseConfusionMatrixText(['       Neg        Pos', 'Neg    183.100    1.070', 'Pos    955        2.375'].join('\n'))?.matrix,
    ).toEqual([
      [183100, 1070],
      [955, 2375],
    ]);
    expect(
      matrixOf('**Confusion Matrix**:', '', '| | Neg | Pos |', '|---|---|---|', '| Neg | 12.400 | 1.070 |', '| Pos | 955 | 2.375 |')
        ?.matrix,
    ).toEqual([
      [12400, 1070],
      [955, 2375],
    ]);
    // A normalized matrix: fractions (`0.912`, no thousands), or percents none past 100.
    expect(parseConfusionMatrixText(['     Neg     Pos', 'Neg  0.912   0.088', 'Pos  1.000   0'].join('\n'))?.matrix).toEqual([
      [0.912, 0.088],
      [1, 0],
    ]);
    expect(parseConfusionMatrixText(['     Neg      Pos', 'Neg  91.200   8.800', 'Pos  4.500    95.500'].join('\n'))?.matrix).toEqual([
      [91.2, 8.8],
      [4.5, 95.5],
    ]);
  });

  test('labels written `pred=0` / `true=0` are the classes `0` and `1`', () => {
    expect(
      parseConfusionMatrixText(['          pred=0   pred=1', 'true=0    41,210    3,790', 'true=1     1,728    4,272'].join('\n')),
    ).toEqual({
      labels: ['0', '1'],
      matrix: [
        [41210, 3790],
        [1728, 4272],
      ],
    });
  });

  test('predictions down the side, as an aside, a corner or the labels say, are turned to rows actual', () => {
    const grid = ['| | neg | pos |', '|---|---|---|', '| neg | 900 | 100 |', '| pos | 50 | 400 |'];
    expect(matrixOf('**Confusion Matrix** (rows = predicted, columns = actual):', '', ...grid)).toEqual(binary);
    expect(matrixOf('**Confusion Matrix** (rows: pred):', '', ...grid)).toEqual(binary);
    expect(matrixOf('**Confusion Matrix**:', '', '| Predicted \\ Actual | neg | pos |', ...grid.slice(1))).toEqual(binary);
    expect(
      matrixOf(
        '**Confusion Matrix**:',
        '```',
        '                 actual: neg   actual: pos',
        'predicted: neg        900          100',
        'predicted: pos         50          400',
        '```',
      ),
    ).toEqual(binary);
    // Written rows actual, as the template does: as it is.
    expect(matrixOf('**Confusion Matrix** (rows = actual):', '', ...grid)?.matrix).toEqual([
      [900, 100],
      [50, 400],
    ]);
  });
});

describe('two tables of metrics under one label', () => {
  test('both are the test metrics, in the order written; a table of something else stays as written', () => {
    const text = [
      '**Experiment ID**: t-1',
      '',
      '## Evaluation',
      '',
      '### Test metrics',
      '',
      '| Metric | Acc (%) | 95% CI |',
      '|---|---|---|',
      '| Top-1 | 77.4 | [76.6, 78.2] |',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| ECE | 0.041 |',
      '',
      '| Split | Images |',
      '|---|---|',
      '| val | 50,000 |',
    ];
    const { record } = validateRecord(parseSource(text.join('\n'), { file: 't-1.md' }), { file: 't-1.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Top-1', value: 77.4, unit: '%', ci95: { low: 76.6, high: 78.2 } },
      { metric: 'ECE', value: 0.041 },
    ]);
    expect(record?.sections?.map((section) => section.markdown)).toEqual([expect.stringContaining('| Split | Images |')]);
  });
});

describe('an interval column with bounds listed with a comma', () => {
  test('thousands separators or decimal commas, whichever reading holds the value', () => {
    const text = [
      '**Experiment ID**: r-1',
      '',
      '## Evaluation Results',
      '',
      '| Metric | Value | 95% CI |',
      '|---|---|---|',
      '| RMSE (EUR) | 41,200 | [40,100, 42,350] |',
      '| Log loss | 1.345 | [1,234, 1,456] |',
      '| RMSE ($) | 37,850 | 36,900–38,800 |',
      '| MAE ($) | 1.3 | 1,234 - 1,456 |',
    ];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 'r-1.md' }), { file: 'r-1.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'RMSE (EUR)', value: 41200, ci95: { low: 40100, high: 42350 } },
      { metric: 'Log loss', value: 1.345, ci95: { low: 1.234, high: 1.456 } },
      // A range of thousands: 36,900 ≤ 37,850 ≤ 38,800; beside 1.3, 1,234–1,456 is 1.234–1.456.
      { metric: 'RMSE ($)', value: 37850, ci95: { low: 36900, high: 38800 } },
      { metric: 'MAE ($)', value: 1.3, ci95: { low: 1.234, high: 1.456 } },
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe('a table of results per class, without a label', () => {
  const read = (...rows: string[]) => {
    const text = [
      '**Experiment ID**: c-1',
      '',
      '## Evaluation',
      '',
      '| Class | IoU | Precision |',
      '|---|---|---|',
      '| water | 0.912 | 0.951 |',
      ...rows,
    ];
    return validateRecord(parseSource(text.join('\n'), { file: 'c-1.md' }), { file: 'c-1.md' }).record;
  };

  test("its averaging rows are the test metrics, named with the row's word; the table stays as written", () => {
    const record = read('| urban | 0.655 | 0.771 |', '| **mean** | **0.784** | **0.861** |');
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Mean IoU', value: 0.784 },
      { metric: 'Mean Precision', value: 0.861 },
    ]);
    expect(record?.sections?.[0]?.markdown).toContain('| water | 0.912 | 0.951 |');
  });

  test('without an averaging row there are no test metrics, only the table', () => {
    const record = read('| urban | 0.655 | 0.771 |');
    expect(record?.evaluation).toBeUndefined();
    expect(record?.sections?.[0]?.markdown).toContain('| urban | 0.655 | 0.771 |');
  });
});

describe('a column of intervals at another level than 95%', () => {
  test("`| 90% CI |` is no 95% CI: each is the metric's note, with one warning at the header", () => {
    const text = [
      '**Experiment ID**: l-1',
      '',
      '## Evaluation Results',
      '',
      '| Metric | Value | 90% CI |',
      '|---|---|---|',
      '| AUC | 0.912 | ±0.007 |',
    ];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 'l-1.md' }), { file: 'l-1.md' });
    expect(record?.evaluation?.testMetrics).toEqual([{ metric: 'AUC', value: 0.912, note: '90% CI: ±0.007' }]);
    expect(diagnostics.map((d) => `${d.level} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'warning 5:20 "90% CI" gives 90% intervals, not 95% ones: they are shown as each metric\'s note, and no change or check is computed with them',
    ]);
  });
});

describe('a list of metrics with one value Logbook cannot read', () => {
  test('the others are read and that one is kept as a note with a warning, not the whole list left as prose', () => {
    const text = ['**Experiment ID**: x-1', '', '## Evaluation Results', '', '- Recall = 0.812 (±0.9%)', '- F1: 0.826 ± 0.7 pp'];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 'x-1.md' }), { file: 'x-1.md' });
    expect(record?.evaluation).toEqual({
      testMetrics: [{ metric: 'F1', value: 0.826, ci95: 0.007 }],
      testMetricsNote: 'Recall = 0.812 (±0.9%)',
    });
    expect(diagnostics.map((d) => `${d.level} ${d.line}:${d.column} ${d.path}`)).toEqual(['warning 5:3 evaluation.testMetricsNote']);
  });
});

describe('a test set label giving its size', () => {
  test('`**Test set**: 37,611 trials` is kept beside the metrics as written, without a warning, and is the test-set size', () => {
    const text = ['**Experiment ID**: t-1', '', '## Evaluation Results', '', '**Test set**: 37,611 trials', '', '**EER**: 0.96%'];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 't-1.md' }), { file: 't-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation).toEqual({
      testSetNote: '37,611 trials',
      testSetSize: 37611,
      testMetrics: [{ metric: 'EER', value: 0.96, unit: '%' }],
    });
  });

  test('an aside after the count is kept with it; a label not naming the test set gives no size', () => {
    const evaluation = (line: string) =>
      (
        parseSource(['**Experiment ID**: t-1', '', '## Evaluation Results', '', line, '', '**AUC**: 0.94'].join('\n'), { file: 't-1.md' })
          .data as { evaluation?: Record<string, unknown> }
      ).evaluation;
    expect(evaluation('Test set: 250,000 transactions (Oct 2024).')).toMatchObject({
      testSetNote: '250,000 transactions (Oct 2024).',
      testSetSize: 250000,
    });
    expect(evaluation('**Results**: 1,200 images')).toEqual({ resultsNote: '1,200 images', testMetrics: [{ metric: 'AUC', value: 0.94 }] });
  });
});

describe('a test-metric table whose value column names its unit', () => {
  test('`| Metric | Score (%) |`: the proportions under it are in percent; a loss beside them is not', () => {
    const text = [
      '**Experiment ID**: u-1',
      '',
      '## Evaluation Results',
      '',
      '| Metric | Score (%) | 95% CI |',
      '|---|---|---|',
      '| F1 | 88.4 | 87.9–88.9 |',
      '| Eval loss | 0.137 | |',
    ];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 'u-1.md' }), { file: 'u-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'F1', value: 88.4, unit: '%', ci95: { low: 87.9, high: 88.9 } },
      { metric: 'Eval loss', value: 0.137 },
    ]);
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

describe("a test-metric table with the interval's bounds in two columns", () => {
  const read = (header: string, rows: readonly string[]): { evaluation: unknown; problems: string[] } => {
    const text = ['**Experiment ID**: b-1', '', '## Results', '', header, '|---|---|---|---|', ...rows].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'b.md' }), { file: 'b.md' });
    return { evaluation: record?.evaluation, problems: diagnostics.map((d) => d.message) };
  };

  test.each([
    ['| Metric | Value | 95% CI low | 95% CI high |'],
    ['| Metric | Value | Lower | Upper |'],
    ['| Metric | Score | CI (lower) | CI (upper) |'],
    ['| Metric | Value | 2.5% | 97.5% |'],
    ['| Metric | Value | LCL | UCL |'],
  ])('%s: the bounds are the 95%% interval, not a half-width and an unknown field', (header) => {
    // Before, `95% CI low` was taken for the interval's half-width: BLEU 31.2 ± 30.1.
    const { evaluation, problems } = read(header, ['| BLEU | 31.2 | 30.1 | 32.3 |', '| Accuracy | 87.1% | 86.0% | 88.2% |']);
    expect(problems).toEqual([]);
    expect(evaluation).toEqual({
      testMetrics: [
        { metric: 'BLEU', value: 31.2, ci95: { low: 30.1, high: 32.3 } },
        { metric: 'Accuracy', value: 87.1, unit: '%', ci95: { low: 86, high: 88.2 } },
      ],
    });
  });

  test('a row without bounds has no interval; min and max over seeds are no interval', () => {
    expect(read('| Metric | Value | Lower | Upper |', ['| BLEU | 31.2 | | |']).evaluation).toEqual({
      testMetrics: [{ metric: 'BLEU', value: 31.2 }],
    });
    expect(read('| Metric | Mean | Min | Max |', ['| BLEU | 31.2 | 30.1 | 32.3 |']).evaluation).toEqual({
      testMetrics: [{ metric: 'BLEU', value: 31.2, min: '30.1', max: '32.3' }],
    });
  });
});

describe('several metrics in one item of a metric list', () => {
  test('`- Top-1: 76.1 / Top-5: 92.9`: each a metric at its column; a `/` inside a value keeps the item whole', () => {
    const text = ['**Experiment ID**: t-1', '', '## Results', '', '- Top-1: 76.1 / Top-5: 92.9; NLL: 0.93', '- Latency: 1.2 / 1.4 s'];
    const parsed = parseSource(text.join('\n'), { file: 't.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 't.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Top-1', value: 76.1 },
      { metric: 'Top-5', value: 92.9 },
      { metric: 'NLL', value: 0.93 },
    ]);
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 5, column: 24 });
    expect(parsed.positions.get('evaluation.testMetrics.2.value')).toEqual({ line: 5, column: 35 });
    // `1.2 / 1.4 s` is no metric value: kept as the metrics' note, with a warning naming it.
    expect(record?.evaluation?.testMetricsNote).toBe('Latency: 1.2 / 1.4 s');
    expect(diagnostics.map((d) => d.path)).toEqual(['evaluation.testMetricsNote']);
  });
});

describe('a table with an empty corner and a row per data split', () => {
  test('`| | Accuracy | Macro F1 |` over `| val |` and `| test |`: the test row is the test metrics, every row the metrics by split', () => {
    const text = [
      '**Experiment ID**: s-1',
      '',
      '## Test',
      '',
      '| | Accuracy | Macro F1 |',
      '|---|---|---|',
      '| val | 71.5% | 0.70 |',
      '| test | 70.8% | 0.69 |',
    ];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 's.md' }), { file: 's.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation).toEqual({
      testMetrics: [
        { metric: 'Accuracy', value: 70.8, unit: '%' },
        { metric: 'Macro F1', value: 0.69 },
      ],
      metricsBySplit: [
        { Split: 'val', Accuracy: '71.5%', 'Macro F1': '0.70' },
        { Split: 'test', Accuracy: '70.8%', 'Macro F1': '0.69' },
      ],
    });
  });
});

describe('a table with a row per split and no label above it', () => {
  test('`| split | AUC | logloss |` under `## Metrics`: the test row is the test metrics, every row the metrics by split', () => {
    const text = [
      '**Experiment ID**: x-1',
      '',
      '## Metrics',
      '',
      '| split | AUC | logloss |',
      '|---|---|---|',
      '| valid | 0.902 | 0.281 |',
      '| test | 0.897 | 0.289 |',
    ];
    const { record, diagnostics } = validateRecord(parseSource(text.join('\n'), { file: 'x.md' }), { file: 'x.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'AUC', value: 0.897 },
      { metric: 'logloss', value: 0.289 },
    ]);
    expect(record?.evaluation?.metricsBySplit).toEqual([
      { split: 'valid', AUC: '0.902', logloss: '0.281' },
      { split: 'test', AUC: '0.897', logloss: '0.289' },
    ]);
  });
});

describe('test metrics written as label lines', () => {
  const read = (...lines: string[]) => {
    const parsed = parseSource(['**Experiment ID**: t-1', '', ...lines].join('\n'), { file: 't.md' });
    return { data: parsed.data as { evaluation?: Record<string, unknown> }, parsed };
  };

  test('a bold label per metric: each is a test metric, named by its label, at its value', () => {
    const { data, parsed } = read('## Evaluation', '', '**Test accuracy**: 0.891', '**F1 score**: 0.82 ± 0.01', '**ROC-AUC**: 93.4%');
    expect(data.evaluation?.['testMetrics']).toEqual([
      { metric: 'Test accuracy', value: 0.891 },
      { metric: 'F1 score', value: 0.82, ci95: 0.01 },
      { metric: 'ROC-AUC', value: 93.4, unit: '%' },
    ]);
    // `**F1 score**: ` is 14 characters: the value starts at column 15 of line 6.
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 6, column: 15 });
    expect(parsed.diagnostics).toEqual([]);
  });

  test('plain `Metric: value` lines under the heading, and a label aside that names the figure or its unit', () => {
    const { data } = read(
      '## Test metrics',
      '',
      'AUC: 0.912 (95% CI 0.897–0.927)',
      'Accuracy: 0.89',
      '',
      '**Latency** (p95): 45 ms',
      '**Memory** (MB): 812',
      '**Recall** (5 seeds): 0.8',
    );
    expect(data.evaluation?.['testMetrics']).toEqual([
      { metric: 'AUC', value: 0.912, ci95: { low: 0.897, high: 0.927 } },
      { metric: 'Accuracy', value: 0.89 },
      { metric: 'Latency (p95)', value: 45, unit: 'ms' },
      { metric: 'Memory (MB)', value: 812 },
      { metric: 'Recall', value: 0.8, note: '5 seeds' },
    ]);
  });

  test('label lines before a list of metrics are kept beside it, not replaced', () => {
    const { data } = read('## Results', '', '**Macro F1**: 0.71', '', '**Other metrics**:', '', '- Accuracy: 0.9', '- Brier score: 0.08');
    expect((data.evaluation?.['testMetrics'] as { metric: string }[]).map((m) => m.metric)).toEqual([
      'Macro F1',
      'Accuracy',
      'Brier score',
    ]);
  });

  test('the test set, its size, the seeds, a version and a decision threshold are no metrics; text stays as written', () => {
    const { data } = read(
      '## Evaluation',
      '',
      '**Test set**: 12,408 reviews',
      '**Test set size**: 12,408',
      '**Threshold**: 0.42',
      '**Seeds**: 5',
      '**Model version**: 3',
      '**Notes**: fine',
    );
    expect(data.evaluation?.['testMetrics']).toBeUndefined();
    expect(data.evaluation).toMatchObject({ testSetSizeNote: '12,408', threshold: '0.42', seeds: '5', modelVersion: '3', notes: 'fine' });
    expect(JSON.stringify(data.evaluation)).toContain('12,408 reviews');
  });
});

describe('a ± named a standard deviation in the test metrics', () => {
  test('in a list item and in a table cell: kept as the std, never as the 95% interval', () => {
    const parsed = parseSource(
      [
        '**Experiment ID**: t-1',
        '',
        '## Results',
        '',
        '- AUC: 0.912 ± 0.004 (mean ± std over 5 seeds)',
        '- Accuracy: 0.87 ± 0.02 SD',
        '',
        '| Metric | Value |',
        '|---|---|',
        '| F1 | 0.85 ± 0.01 (std) |',
      ].join('\n'),
      { file: 't.md' },
    );
    const metrics = (parsed.data as { evaluation: { testMetrics: Record<string, unknown>[] } }).evaluation.testMetrics;
    expect(metrics).toEqual([
      { metric: 'AUC', value: 0.912, std: 0.004, note: 'mean ± std over 5 seeds' },
      { metric: 'Accuracy', value: 0.87, std: 0.02 },
      { metric: 'F1', value: 0.85, std: 0.01 },
    ]);
    expect(metrics.some((m) => 'ci95' in m)).toBe(false);
  });
});

describe('performance by group under a `## Fairness` heading', () => {
  const read = (...lines: string[]) =>
    (parseSource(['**Experiment ID**: f-1', '', ...lines].join('\n'), { file: 'f-1.md' }).data as { evaluation?: Record<string, unknown> })
      .evaluation;

  test('a list, a group per item with its metrics and size: the groups, by the attribute the heading names', () => {
    expect(
      read(
        '## Fairness (by gender)',
        '',
        '- Female: AUC 0.905, F1 0.81 (n=4,120)',
        '- Male: AUC 0.917, F1 0.83 (n=5,880)',
        '- Overall: AUC 0.912',
      ),
    ).toEqual({
      disaggregated: [
        { group: 'Female', attributes: { gender: 'Female' }, n: 4120, metrics: { AUC: 0.905, F1: 0.81 } },
        { group: 'Male', attributes: { gender: 'Male' }, n: 5880, metrics: { AUC: 0.917, F1: 0.83 } },
        { group: 'Overall', overall: true, metrics: { AUC: 0.912 } },
      ],
    });
  });

  test('under `## Accuracy per region`, a bare value per group is the metric the heading names; a table under `## By language` is by that attribute', () => {
    expect(read('## Accuracy per region', '', '- EU: 0.91 (n=1,200)', '- US: 89.5%')).toEqual({
      disaggregated: [
        { group: 'EU', attributes: { region: 'EU' }, n: 1200, metrics: { Accuracy: 0.91 } },
        { group: 'US', attributes: { region: 'US' }, metrics: { 'Accuracy (%)': 89.5 } },
      ],
    });
    expect(read('## By language', '', '| language | n | f1 |', '|---|---|---|', '| de | 360 | 0.842 |')).toEqual({
      disaggregated: [{ group: 'de', attributes: { language: 'de' }, n: 360, metrics: { f1: 0.842 } }],
    });
    // Without a metric in the heading, a bare value names no metric: the list stays as written.
    expect(read('## By region', '', '- EU: 0.91', '- US: 0.89')?.['disaggregated']).toBeUndefined();
  });

  test('a metric Logbook does not know beside one it does, in every item: still the groups', () => {
    expect(read('## Fairness (by accent)', '', '- US: accuracy 96.8%, wobble 2.6 (n=4,210)', '- UK: accuracy 94.1%, wobble 5.3')).toEqual({
      disaggregated: [
        { group: 'US', attributes: { accent: 'US' }, n: 4210, metrics: { 'accuracy (%)': 96.8, wobble: 2.6 } },
        { group: 'UK', attributes: { accent: 'UK' }, metrics: { 'accuracy (%)': 94.1, wobble: 5.3 } },
      ],
    });
    // Unknown names only, or not the same names in every item: no groups, the list stays as written.
    expect(read('## Fairness', '', '- US: wobble 2.6', '- UK: wobble 5.3')?.['disaggregated']).toBeUndefined();
    expect(
      read('## Fairness', '', '- US: accuracy 96.8%, wobble 2.6', '- UK: accuracy 94.1%, wibble 5.3')?.['disaggregated'],
    ).toBeUndefined();
  });

  test('a metric that is no proportion keeps the one unit its values were written with', () => {
    const table = ['## By accent', '', '| accent | n | WER | Latency | BLEU |', '|---|---|---|---|---|'];
    expect(read(...table, '| US | 1,200 | 10.8% | 340 ms | 31 |', '| UK | 800 | 12.1% | 355 ms | 29 |')?.['disaggregated']).toEqual([
      { group: 'US', attributes: { accent: 'US' }, n: 1200, metrics: { 'WER (%)': 10.8, 'Latency (ms)': 340, BLEU: 31 } },
      { group: 'UK', attributes: { accent: 'UK' }, n: 800, metrics: { 'WER (%)': 12.1, 'Latency (ms)': 355, BLEU: 29 } },
    ]);
  });

  test('a column counting what the groups hold (`Utterances`, `# images`) is their size when its cells are whole counts', () => {
    const table = ['## By accent', '', '| Accent | WER | Utterances |', '|---|---|---|'];
    // What the sizes count is kept: the page heads the column so, and the checks compare like with like.
    expect(read(...table, '| US | 6.9% | 11,200 |')?.['groupSizeLabel']).toBe('Utterances');
    expect(read('## By accent', '', '| Accent | WER | N |', '|---|---|---|', '| US | 6.9% | 11,200 |')?.['groupSizeLabel']).toBeUndefined();
    expect(read(...table, '| US | 6.9% | 11,200 |', '| Nigerian | 10.6% | 2.4k |')?.['disaggregated']).toEqual([
      { group: 'US', attributes: { accent: 'US' }, n: 11200, metrics: { 'WER (%)': 6.9 } },
      { group: 'Nigerian', attributes: { accent: 'Nigerian' }, n: 2400, metrics: { 'WER (%)': 10.6 } },
    ]);
    const images = ['## By skin tone', '', '| Skin tone | # images | Sensitivity |', '|---|---|---|', '| I–II | 812 | 0.91 |'];
    expect(read(...images)?.['disaggregated']).toEqual([
      { group: 'I–II', attributes: { skinTone: 'I–II' }, n: 812, metrics: { Sensitivity: 0.91 } },
    ]);
    // `N users`: the number of what the groups hold, 412,000 and 383,000.
    const users = [
      '## By segment',
      '',
      '| Segment | N users | HR@10 |',
      '|---|---|---|',
      '| New users | 412,000 | 0.121 |',
      '| Power users | 383,000 | 0.198 |',
    ];
    expect(read(...users)?.['disaggregated']).toEqual([
      { group: 'New users', attributes: { segment: 'New users' }, n: 412000, metrics: { 'HR@10': 0.121 } },
      { group: 'Power users', attributes: { segment: 'Power users' }, n: 383000, metrics: { 'HR@10': 0.198 } },
    ]);
    // `Series` counted per region, and an `All users` row as the Overall one.
    const series = [
      '## By region',
      '',
      '| Region | MAPE | Series |',
      '|---|---|---|',
      '| All users | 9.1% | 1,100 |',
      '| North | 8.2% | 412 |',
    ];
    expect(read(...series)?.['disaggregated']).toEqual([
      { group: 'All users', overall: true, n: 1100, metrics: { 'MAPE (%)': 9.1 } },
      { group: 'North', attributes: { region: 'North' }, n: 412, metrics: { 'MAPE (%)': 8.2 } },
    ]);
    // Not whole counts (an average per group): a value like any other, not the size.
    const mean = ['## By region', '', '| Region | AUC | Users |', '|---|---|---|', '| EU | 0.88 | 12.5 |'];
    expect(read(...mean)?.['disaggregated']).toEqual([{ group: 'EU', attributes: { region: 'EU' }, metrics: { AUC: 0.88, Users: 12.5 } }]);
  });

  test('durations written in several units in one column are read in the unit most cells use', () => {
    const table = ['## By region', '', '| region | n | Latency |', '|---|---|---|'];
    // Two cells in seconds, one in milliseconds: read in seconds, 340 ms is 0.34 s (the gap 0.06 s, not 399.6).
    expect(read(...table, '| EU | 1,200 | 340 ms |', '| US | 800 | 0.4 s |', '| APAC | 500 | 0.35 s |')?.['disaggregated']).toEqual([
      { group: 'EU', attributes: { region: 'EU' }, n: 1200, metrics: { 'Latency (s)': 0.34 } },
      { group: 'US', attributes: { region: 'US' }, n: 800, metrics: { 'Latency (s)': 0.4 } },
      { group: 'APAC', attributes: { region: 'APAC' }, n: 500, metrics: { 'Latency (s)': 0.35 } },
    ]);
  });

  test('successes out of trials (`9/10`) are a proportion per group, out of a size the cells give', () => {
    const table = ['## Performance by object', '', '| Object | Success | Failure mode |', '|---|---|---|'];
    // Not `mug, 10/10` as the group's name: 10/10 = 1, 9/10 = 0.9, 2/3 = 0.666666666667, each out of its total.
    expect(read(...table, '| mug | 10/10 | — |', '| banana | 9/10 | slip |', '| cup | 2 / 3 | thin edge |')?.['disaggregated']).toEqual([
      { group: 'mug', attributes: { object: 'mug' }, n: 10, metrics: { Success: 1 }, failureMode: '—' },
      { group: 'banana', attributes: { object: 'banana' }, n: 10, metrics: { Success: 0.9 }, failureMode: 'slip' },
      { group: 'cup', attributes: { object: 'cup' }, n: 3, metrics: { Success: 0.666666666667 }, failureMode: 'thin edge' },
    ]);
    // A size column gives the size; counts out of different totals in one row give none; dates are no counts.
    expect(
      read('## By object', '', '| Object | N | Grasp | Place |', '|---|---|---|---|', '| mug | 12 | 9/10 | 4/5 |')?.['disaggregated'],
    ).toEqual([{ group: 'mug', attributes: { object: 'mug' }, n: 12, metrics: { Grasp: 0.9, Place: 0.8 } }]);
    expect(read('## By object', '', '| Object | Grasp | Place |', '|---|---|---|', '| mug | 9/10 | 4/5 |')?.['disaggregated']).toEqual([
      { group: 'mug', attributes: { object: 'mug' }, metrics: { Grasp: 0.9, Place: 0.8 } },
    ]);
    expect(read('## By site', '', '| Site | Date | AUC |', '|---|---|---|', '| A | 3/12 | 0.91 |')?.['disaggregated']).toEqual([
      { group: 'A, 3/12', attributes: { site: 'A', date: '3/12' }, metrics: { AUC: 0.91 } },
    ]);
  });

  test('a table of groups under it; a list that is not groups stays as written', () => {
    expect(read('## Fairness', '', '| Group | n | AUC |', '|---|---|---|', '| Female | 4,120 | 0.905 |')?.['disaggregated']).toEqual([
      { group: 'Female', attributes: { group: 'Female' }, n: 4120, metrics: { AUC: 0.905 } },
    ]);
    const prose = parseSource(['**Experiment ID**: f-1', '', '## Fairness', '', '- We saw no gap worth a note.'].join('\n'), {
      file: 'f-1.md',
    });
    expect(JSON.stringify(prose.data)).toContain('We saw no gap worth a note.');
    expect((prose.data as { evaluation?: { disaggregated?: unknown } }).evaluation?.disaggregated).toBeUndefined();
  });
});

describe('a table of models with a column of text, an interval column and a count column', () => {
  const data = (...rows: string[]) =>
    parseSource(['**Experiment ID**: tts-x-01', '', '## Results', '', ...rows].join('\n'), { file: 'tts-x-01.md' }).data as {
      evaluation?: Record<string, unknown>;
      comparison?: { baselines?: Record<string, unknown>[] };
    };

  test('the cost in its currency, the interval with the metric before it, the ratings as a size: no metric of theirs', () => {
    const read = data(
      '| System | MOS | 95% CI | # ratings | Cost / 1k req |',
      '|---|---|---|---|---|',
      '| Ground truth | 4.52 | ±0.05 | 1,280 | — |',
      '| **tts-x-01 (this)** | **4.31** | ±0.06 | 1,280 | $0.41 |',
      '| tts-x-00 | 3.87 | [3.79, 3.95] | 1,280 | $1.50 |',
    );
    expect(read.evaluation).toEqual({
      testMetrics: [
        { metric: 'MOS', value: 4.31, ci95: 0.06 },
        { metric: 'Cost / 1k req', value: 0.41, unit: '$' },
      ],
    });
    expect(read.comparison?.baselines).toEqual([
      { label: 'Ground truth', metrics: { MOS: 4.52, 'Cost / 1k req ($)': null }, ci95: { MOS: 0.05 }, ratings: '1,280' },
      { label: 'tts-x-01 (this)', current: true, metrics: { MOS: 4.31, 'Cost / 1k req ($)': 0.41 }, ci95: { MOS: 0.06 }, ratings: '1,280' },
      { label: 'tts-x-00', metrics: { MOS: 3.87, 'Cost / 1k req ($)': 1.5 }, ci95: { MOS: { low: 3.79, high: 3.95 } }, ratings: '1,280' },
    ]);
  });

  test('a table with no column of results is no table of results; a cost in its currency is one', () => {
    const read = data('| System | Vendor | Region |', '|---|---|---|', '| **this run** | in-house | EU |', '| Lucía | cloud | US |');
    expect(read.comparison).toBeUndefined();
    expect(read.evaluation).toBeUndefined();
    const costs = data('| System | Vendor | Cost |', '|---|---|---|', '| **this run** | in-house | $0.41 |', '| Lucía | cloud | $1.50 |');
    expect(costs.evaluation).toEqual({ testMetrics: [{ metric: 'Cost', value: 0.41, unit: '$' }] });
    expect(costs.comparison?.baselines?.map((b) => b['metrics'])).toEqual([{ 'Cost ($)': 0.41 }, { 'Cost ($)': 1.5 }]);
  });
});

describe('a table of models under the results, one row this experiment', () => {
  const lines = [
    '**Experiment ID**: exp-207',
    '',
    '## Results',
    '',
    '| Model | Top-1 | Top-5 | Throughput (img/s) | Notes |',
    '|---|---|---|---|---|',
    '| baseline (exp-201) | 84,1 % | 96,2 % | 1 210 | plain augmentation |',
    '| **this run** | 85,6 % | 96,9 % | 1 195 | mixup |',
  ];
  const parse = (text: string) => parseSource(text, { file: 'exp-207.md' });

  test('the other rows are baselines, this row the test metrics, each value where it is written', () => {
    const parsed = parse(lines.join('\n'));
    const data = parsed.data as Record<string, Record<string, unknown>>;
    expect(data['comparison']?.['baselines']).toEqual([
      {
        label: 'baseline (exp-201)',
        experimentId: 'exp-201',
        metrics: { 'Top-1 (%)': 84.1, 'Top-5 (%)': 96.2, 'Throughput (img/s)': 1210 },
        notes: 'plain augmentation',
      },
      { label: 'this run', current: true, metrics: { 'Top-1 (%)': 85.6, 'Top-5 (%)': 96.9, 'Throughput (img/s)': 1195 }, notes: 'mixup' },
    ]);
    expect(data['evaluation']?.['testMetrics']).toEqual([
      { metric: 'Top-1', value: 85.6, unit: '%' },
      { metric: 'Top-5', value: 96.9, unit: '%' },
      { metric: 'Throughput (img/s)', value: 1195 },
    ]);
    // Line 8 is `| **this run** | 85,6 % | 96,9 % | 1 195 | mixup |`.
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 8, column: 27 });
    expect(parsed.positions.get('evaluation.testMetrics.1.metric')).toEqual({ line: 5, column: 19 });
    expect(validateRecord(parsed, { file: 'exp-207.md' }).diagnostics).toEqual([]);
  });

  test('`ours`, `current model` or `proposed (…)` mark the row too; test metrics given elsewhere are kept', () => {
    for (const label of ['Ours', 'current model', 'Proposed (ViT-S)']) {
      const data = parse(lines.join('\n').replace('**this run**', label)).data as Record<string, Record<string, unknown>>;
      expect((data['comparison']?.['baselines'] as { current?: boolean }[])[1]?.current).toBe(true);
    }
    const given = parse([...lines.slice(0, 4), '- Top-1: 85.6%', '', ...lines.slice(4)].join('\n')).data as Record<
      string,
      Record<string, unknown>
    >;
    expect(given['evaluation']?.['testMetrics']).toEqual([{ metric: 'Top-1', value: 85.6, unit: '%' }]);
  });

  test('without a row for this experiment, or with a value that is no number, the table stays as written', () => {
    for (const text of [lines.join('\n').replace('**this run**', 'ViT-S mixup'), lines.join('\n').replace('1 195', 'about 1.2k')]) {
      const data = parse(text).data as Record<string, unknown>;
      expect(data).not.toHaveProperty('comparison');
      expect(JSON.stringify(data['sections'])).toContain('| Model | Top-1 | Top-5 |');
    }
  });
});

describe('a `## Confusion matrix` section', () => {
  test('its table is the confusion matrix; prose under it or under `## Fairness` is a note, shown without a warning', () => {
    const text = [
      '**Experiment ID**: cls-31',
      '',
      '## Confusion matrix',
      '',
      '| Actual \\ Predicted | cat | dog |',
      '|---|---|---|',
      '| cat | 812 | 61 |',
      '| dog | 55 | 830 |',
    ].join('\n');
    const parsed = parseSource(text, { file: 'cls-31.md' });
    expect((parsed.data as { evaluation?: unknown }).evaluation).toEqual({
      confusionMatrix: {
        labels: ['cat', 'dog'],
        matrix: [
          [812, 61],
          [55, 830],
        ],
      },
    });
    expect(parsed.positions.get('evaluation.confusionMatrix')).toEqual({ line: 5, column: 1 });
    const prose = parseSource(
      '**Experiment ID**: f-1\n\n## Confusion matrix\n\nMost confused: cat vs dog.\n\n## Fairness\n\nWe saw no gap.\n',
      {
        file: 'f-1.md',
      },
    );
    expect((prose.data as { evaluation?: unknown }).evaluation).toEqual({
      confusionMatrixNote: 'Most confused: cat vs dog.',
      fairnessNote: 'We saw no gap.',
    });
    expect(validateRecord(prose, { file: 'f-1.md' }).diagnostics).toEqual([]);
    // Under a label line, text its reader has no use for still gets the warning.
    const labelled = parseSource('**Experiment ID**: f-1\n\n## Evaluation\n\n**Confusion Matrix**: see W&B\n', { file: 'f-1.md' });
    expect(validateRecord(labelled, { file: 'f-1.md' }).diagnostics.map((d) => d.path)).toEqual(['evaluation.confusionMatrixNote']);
  });
});

describe('what a table with an empty corner is', () => {
  const read = (...lines: string[]) => {
    const parsed = parseSource(['**Experiment ID**: asr-88', '', ...lines].join('\n'), { file: 'asr-88.md' });
    return { data: parsed.data as Record<string, unknown>, problems: validateRecord(parsed, { file: 'asr-88.md' }).diagnostics };
  };

  test('models and their results, one row this experiment: its test metrics and its baselines, never a confusion matrix', () => {
    const { data } = read(
      '## Results (test)',
      '',
      '| | WER ↓ | CER ↓ |',
      '|---|---|---|',
      '| whisper-small (zero-shot) | 48.2 | 24.1 |',
      '| **ours** | **21.7** | **9.8** |',
    );
    expect(data['evaluation']).toEqual({
      testMetrics: [
        { metric: 'WER ↓', value: 21.7 },
        { metric: 'CER ↓', value: 9.8 },
      ],
    });
    expect((data['comparison'] as { baselines: unknown[] }).baselines[0]).toEqual({
      label: 'whisper-small (zero-shot)',
      metrics: { 'WER ↓': 48.2, 'CER ↓': 24.1 },
    });
  });

  test('the same classes across and down (`Pred cat` over `Actual cat`): a confusion matrix of counts', () => {
    const { data } = read(
      '## Evaluation',
      '',
      '| | Pred cat | dog (pred) |',
      '|---|---|---|',
      '| Actual cat | 1,204 | 61 |',
      '| dog (actual) | 55 | 830 |',
    );
    expect(data['evaluation']).toEqual({
      confusionMatrix: {
        labels: ['cat', 'dog'],
        matrix: [
          [1204, 61],
          [55, 830],
        ],
      },
    });
  });

  test('`Pred. toxic` over bold `**Toxic**` under a confusion-matrix heading: the matrix, not baseline rows', () => {
    const { data } = read(
      '## Evaluation',
      '',
      '### Confusion matrix (threshold 0.5)',
      '',
      '| | Pred. non-toxic | Pred. toxic |',
      '|---|---|---|',
      '| **Non-toxic** | 16,490 | 510 |',
      '| **Toxic** | 540 | 2,460 |',
    );
    expect((data['evaluation'] as { confusionMatrix: unknown }).confusionMatrix).toEqual({
      labels: ['non-toxic', 'toxic'],
      matrix: [
        [16490, 510],
        [540, 2460],
      ],
      note: 'threshold 0.5',
    });
    expect(data['comparison']).toBeUndefined();
  });

  test('per-class metrics under a `True label` column are no confusion matrix: kept as written', () => {
    const { data } = read(
      '## Evaluation',
      '',
      '| True label | Precision | Recall |',
      '|---|---|---|',
      '| cat | 0.91 | 0.88 |',
      '| dog | 0.87 | 0.90 |',
    );
    expect(data['evaluation']).toBeUndefined();
    expect(JSON.stringify(data['sections'])).toContain('| cat | 0.91 | 0.88 |');
  });

  test('a normalized matrix (fractions or percentages, in a table or printed by NumPy) is shown as written, with a warning: it holds no counts', () => {
    for (const body of [
      ['| | cat | dog |', '|---|---|---|', '| cat | 0.93 | 0.07 |', '| dog | 0.10 | 0.90 |'],
      ['| | cat | dog |', '|---|---|---|', '| cat | 93% | 7% |', '| dog | 10% | 90% |'],
      ['```', '[[0.93 0.07]', ' [0.10 0.90]]', '```'],
      ['```', '      cat   dog', 'cat   0.93  0.07', 'dog   0.10  0.90', '```'],
    ]) {
      const { data, problems } = read('## Confusion matrix', '', ...body);
      expect(data['evaluation'], body.join('\n')).toBeUndefined();
      // The block stays on the page as written.
      expect(JSON.stringify(data['sections']), body.join('\n')).toContain(JSON.stringify(body[2]).slice(1, -1));
      expect(
        problems.map((p) => [p.path, p.level]),
        body.join('\n'),
      ).toEqual([['evaluation.confusionMatrix', 'warning']]);
    }
  });
});

describe('a pasted metrics file under the results', () => {
  const read = (...lines: string[]) =>
    parseSource(['**Experiment ID**: run-88', '', '## Results', '', ...lines].join('\n'), { file: 'run-88.md' });

  test('a YAML map of numbers: each a test metric, at its value; bookkeeping left out', () => {
    const parsed = read('```yaml', 'auc: 0.912', 'log_loss: 0.281', 'epoch: 30', 'brier: null', '```');
    expect((parsed.data as { evaluation?: unknown }).evaluation).toEqual({
      testMetrics: [
        { metric: 'auc', value: 0.912 },
        { metric: 'log_loss', value: 0.281 },
        { metric: 'brier', value: null },
      ],
    });
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 7, column: 11 });
  });

  test("by data split (DVC's metrics.yaml, a JSON file): the test split's; the block stays on the page with the others", () => {
    const parsed = read('```json', '{', '  "val": {"auc": 0.918},', '  "test": {"auc": 0.912, "f1": 0.81}', '}', '```');
    const data = parsed.data as { evaluation?: unknown; sections?: { markdown: string }[] };
    expect(data.evaluation).toEqual({
      testMetrics: [
        { metric: 'auc', value: 0.912 },
        { metric: 'f1', value: 0.81 },
      ],
    });
    // Line 8 is `  "test": {"auc": 0.912, "f1": 0.81}`.
    expect(parsed.positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 8, column: 19 });
    expect(data.sections?.[0]?.markdown).toContain('"val": {"auc": 0.918}');
  });

  test('a config, a list or splits without a test split are no metrics', () => {
    for (const lines of [
      ['```yaml', 'model: resnet50', 'auc: 0.9', '```'],
      ['```yaml', '- 0.9', '- 0.8', '```'],
      ['```yaml', 'train: {auc: 0.99}', 'val: {auc: 0.91}', '```'],
      ['```toml', 'auc = 0.9', '```'],
    ])
      expect((read(...lines).data as { evaluation?: unknown }).evaluation).toBeUndefined();
  });
});

describe('bold labels with the colon inside, in a list of metrics', () => {
  test('`- **Precision:** 90.8%` is Precision, read at its value', () => {
    const parsed = parseSource(
      '**Experiment ID**: e\n\n## Results\n- **Precision:** 90.8%\n- __Recall:__ 91.6%\n- **Test F1 (entity-level):** 91.2%\n',
      {
        file: 'e.md',
      },
    );
    expect((parsed.data as { evaluation?: unknown }).evaluation).toEqual({
      testMetrics: [
        { metric: 'Precision', value: 90.8, unit: '%' },
        { metric: 'Recall', value: 91.6, unit: '%' },
        { metric: 'Test F1 (entity-level)', value: 91.2, unit: '%' },
      ],
    });
    expect(parsed.positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 4, column: 18 });
  });
});

describe('the best hyperparameters of a sweep', () => {
  const read = (...lines: string[]) => {
    const parsed = parseSource(['**Experiment ID**: e', '', '## Hyperparameter sweep', '', ...lines].join('\n'), { file: 'e.md' });
    return { parsed, ...validateRecord(parsed, { file: 'e.md' }) };
  };

  test('on the label line (`Best: lr=3e-5, warmup=0.1.`) or as a list under it: an object, each at its value', () => {
    const inline = read('Best: lr=3e-5, warmup=0.1.');
    expect(inline.record?.tuning?.bestHyperparameters).toEqual({ lr: 0.00003, warmup: 0.1 });
    expect(inline.diagnostics).toEqual([]);
    expect(inline.parsed.positions.get('tuning.bestHyperparameters.warmup')).toEqual({ line: 5, column: 16 });
    const listed = read('**Best hyperparameters**:', '- lr: 3e-5', '- scheduler: `cosine`');
    expect(listed.record?.tuning?.bestHyperparameters).toEqual({ lr: 0.00003, scheduler: 'cosine' });
    expect(listed.parsed.positions.get('tuning.bestHyperparameters.scheduler')).toEqual({ line: 7, column: 14 });
  });

  test('text that names no settings is kept as a note, with a warning, not refused', () => {
    const prose = read('Best: the third trial.');
    expect(prose.record?.tuning).toEqual({ bestNote: 'the third trial.' });
    expect(prose.diagnostics.map((d) => [d.level, d.path])).toEqual([['warning', 'tuning.bestNote']]);
  });
});

describe('a metric named and valued with no sign between', () => {
  test('`AUROC **0.921** (95% CI …)` on a line, over `- Accuracy 91.2%`: all test metrics, in order; a sentence is not one', () => {
    const parsed = parseSource(
      [
        '**Experiment ID**: e',
        '',
        '## Results',
        '',
        'AUROC **0.921** (95% CI 0.914–0.928)',
        '',
        '- Accuracy 91.2%',
        '- F1 0.88 ± 0.01',
        '',
        'F1 improved to 0.85 after tuning.',
      ].join('\n'),
      { file: 'e.md' },
    );
    const data = parsed.data as { evaluation?: unknown; sections?: { markdown: string }[] };
    expect(data.evaluation).toEqual({
      testMetrics: [
        { metric: 'AUROC', value: 0.921, ci95: { low: 0.914, high: 0.928 } },
        { metric: 'Accuracy', value: 91.2, unit: '%' },
        { metric: 'F1', value: 0.88, ci95: 0.01 },
      ],
    });
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 7, column: 12 });
    expect(data.sections?.[0]?.markdown).toBe('F1 improved to 0.85 after tuning.');
    expect(validateRecord(parsed, { file: 'e.md' }).diagnostics).toEqual([]);
  });
});

describe('a summary row under the groups (`Max gap`, `Ratio`)', () => {
  test("is the log's stated gap, not a group; the groups above it are the groups", () => {
    const text = [
      '**Experiment ID**: exp-1',
      '',
      '## Fairness',
      '',
      '| Group | n | TPR | FPR |',
      '|---|---|---|---|',
      '| Female | 4,120 | 0.81 | 0.07 |',
      '| Male | 5,880 | 0.84 | 0.09 |',
      '| **Max gap** | | 0.03 | 0.02 |',
      '| Ratio (min/max) | | 0.96 | |',
    ].join('\n');
    const file = 'exp-1.md';
    const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.disaggregated?.map((g) => g.group)).toEqual(['Female', 'Male']);
    expect((record?.evaluation as Record<string, unknown> | undefined)?.['statedGaps']).toEqual([
      { label: 'Max gap', form: 'difference', metrics: { TPR: 0.03, FPR: 0.02 } },
      { label: 'Ratio (min/max)', form: 'ratio', metrics: { TPR: 0.96 } },
    ]);
  });

  test.each([
    ['Gap', 'difference'],
    ['Max gap', 'difference'],
    ['Largest difference', 'difference'],
    ['Max − min', 'difference'],
    ['Δ', 'difference'],
    ['Disparity (pp)', 'difference'],
    ['Min/max', 'ratio'],
    ['Ratio', 'ratio'],
    ['Disparate impact', 'ratio'],
    ['Gap year cohort', undefined],
    ['Female', undefined],
  ])('%s → %s', (label, form) => {
    expect(statedGapForm(label)).toBe(form);
  });
});

describe('a test-metric table grouped by a column before the metric', () => {
  test('an empty group cell holds the group above (a merged cell); a metric on several rows is named with its group', () => {
    const { parsed, record } = (() => {
      const text = [
        '**Experiment ID**: qa-1',
        '',
        '## Evaluation Results',
        '',
        '| Dataset | Metric | Value | 95% CI |',
        '|---|---|---|---|',
        '| TyDiQA | EM | 61.2 | ±1.1 |',
        '|  | F1 | 74.8 | ±0.9 |',
        '| MLQA | F1 | 66.1 | ±0.6 |',
      ].join('\n');
      const parsed = parseSource(text, { file: 'qa-1.md' });
      return { parsed, record: validateRecord(parsed, { file: 'qa-1.md' }).record };
    })();
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'TyDiQA EM', value: 61.2, ci95: 1.1, dataset: 'TyDiQA' },
      { metric: 'TyDiQA F1', value: 74.8, ci95: 0.9, dataset: 'TyDiQA' },
      { metric: 'MLQA F1', value: 66.1, ci95: 0.6, dataset: 'MLQA' },
    ]);
    // The value is where it is written; the filled group cell is placed at its empty cell.
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 8, column: 11 });
    // Names that do not repeat keep their own names.
    const plain = validateRecord(
      parseSource(
        '**Experiment ID**: q\n\n## Evaluation Results\n\n| Task | Metric | Value |\n|---|---|---|\n| QA | EM | 61.2 |\n|  | F1 | 74.8 |\n',
        {
          file: 'q.md',
        },
      ),
      { file: 'q.md' },
    ).record;
    expect(plain?.evaluation?.testMetrics).toEqual([
      { metric: 'EM', value: 61.2, task: 'QA' },
      { metric: 'F1', value: 74.8, task: 'QA' },
    ]);
  });
});

describe('one Group column holding the groups of several attributes', () => {
  const groups = (label: string, rows: readonly string[]) => {
    const text = [
      '**Experiment ID**: g-1',
      '',
      '## Evaluation',
      '',
      label,
      '| Group | Sensitivity | n | n positive |',
      '|---|---|---|---|',
      ...rows,
    ].join('\n');
    const data = parseSource(text, { file: 'g-1.md' }).data as {
      evaluation?: { disaggregated?: { group: string; attributes?: unknown }[] };
    };
    return data.evaluation?.disaggregated;
  };
  const rows = [
    '| Female | 0.88 | 2,640 | 700 |',
    '| Male | 0.86 | 2,860 | 800 |',
    '| Age < 40 | 0.91 | 1,100 | 200 |',
    '| Age 40–65 | 0.88 | 2,600 | 700 |',
  ];

  test('`(by sex and age band)`: each group under its attribute (a positives column stays the count the recall interval needs)', () => {
    expect(groups('**Disaggregated Performance** (by sex and age band):', rows)).toEqual([
      { group: 'Female', attributes: { sex: 'Female' }, n: 2640, metrics: { Sensitivity: 0.88, 'n positive': 700 } },
      { group: 'Male', attributes: { sex: 'Male' }, n: 2860, metrics: { Sensitivity: 0.86, 'n positive': 800 } },
      { group: 'Age < 40', attributes: { ageBand: 'Age < 40' }, n: 1100, metrics: { Sensitivity: 0.91, 'n positive': 200 } },
      { group: 'Age 40–65', attributes: { ageBand: 'Age 40–65' }, n: 2600, metrics: { Sensitivity: 0.88, 'n positive': 700 } },
    ]);
  });

  test('no attribute named: sexes and age bands read as such are two attributes', () => {
    const read = groups('**Disaggregated Performance**:', [
      '| Women | 0.88 | 2,640 | 700 |',
      '| Men | 0.86 | 2,860 | 800 |',
      '| 18–40 | 0.91 | 1,100 | 200 |',
      '| 65+ | 0.84 | 1,800 | 600 |',
    ]);
    expect(read?.map((row) => row.attributes)).toEqual([{ sex: 'Women' }, { sex: 'Men' }, { age: '18–40' }, { age: '65+' }]);
  });

  test('groups of one attribute stay one attribute', () => {
    const read = groups('**Disaggregated Performance** (by region):', ['| EU | 0.88 | 2,640 | 700 |', '| US | 0.86 | 2,860 | 800 |']);
    expect(read?.map((row) => row.attributes)).toEqual([{ region: 'EU' }, { region: 'US' }]);
  });
});

describe('results tables as LLM and threshold logs write them', () => {
  const evaluation = (lines: readonly string[]) => {
    const text = ['**Experiment ID**: r-1', '', '## Evaluation Results', '', ...lines].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'r-1.md' }), { file: 'r-1.md' });
    return { record, problems: diagnostics.map((d) => d.message) };
  };

  test('`**Benchmarks**` over `| Benchmark | Metric | Score | 95% CI |`: the test metrics, each named by its benchmark and metric', () => {
    const { record, problems } = evaluation([
      '**Benchmarks** (greedy decoding):',
      '| Benchmark | Metric | Score | 95% CI |',
      '|---|---|---|---|',
      '| HumanEval | pass@1 | 34.1% | ±3.6% |',
      '| MBPP | pass@1 | 41.2% | ±3.4% |',
    ]);
    expect(problems).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'HumanEval pass@1', value: 34.1, ci95: 3.6, unit: '%', benchmark: 'HumanEval' },
      { metric: 'MBPP pass@1', value: 41.2, ci95: 3.4, unit: '%', benchmark: 'MBPP' },
    ]);
  });

  test('two operating points side by side: the one marked `(chosen)` is this run, the other a baseline', () => {
    const { record, problems } = evaluation([
      '**Test Set Performance** (at two thresholds):',
      '| Metric | @ thr = 0.73 (chosen) | @ thr = 0.50 |',
      '|---|---|---|',
      '| Precision | 0.912 | 0.801 |',
      '| Recall | 0.829 | 0.914 |',
    ]);
    expect(problems).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Precision', value: 0.912 },
      { metric: 'Recall', value: 0.829 },
    ]);
    expect(record?.comparison?.baselines).toEqual([{ label: '@ thr = 0.50', metrics: { Precision: 0.801, Recall: 0.914 } }]);
  });
});

describe('a value with its spread beside a 95% CI column', () => {
  test('`412.3 ± 37.5 (std over 5 seeds)` beside `[366.1, 458.9]`: the value, its std and the interval', () => {
    const text = [
      '**Experiment ID**: rl-1',
      '',
      '## Test Results',
      '',
      '| Metric | Value | 95% CI |',
      '|---|---|---|',
      '| Mean episode return | 412.3 ± 37.5 (std over 5 seeds) | [366.1, 458.9] |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'rl-1.md' }), { file: 'rl-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Mean episode return', value: 412.3, ci95: { low: 366.1, high: 458.9 }, std: 37.5, note: 'std over 5 seeds' },
    ]);
  });
});

describe('the attribute a groups label names', () => {
  test('`(by SEX attribute, holdout)`: the attribute is SEX; where the groups were measured is kept as the note', () => {
    const text = [
      '**Experiment ID**: g-2',
      '',
      '## Evaluation',
      '',
      '**Disaggregated Performance** (by SEX attribute, holdout):',
      '| Group | Recall | n |',
      '|---|---|---|',
      '| Male | 0.63 | 2,388 |',
      '| Female | 0.598 | 3,612 |',
    ].join('\n');
    const evaluation = (
      parseSource(text, { file: 'g-2.md' }).data as {
        evaluation?: { disaggregated?: { attributes?: unknown }[]; disaggregatedNote?: unknown };
      }
    ).evaluation;
    expect(evaluation?.disaggregated?.map((g) => g.attributes)).toEqual([{ sex: 'Male' }, { sex: 'Female' }]);
    expect(evaluation?.disaggregatedNote).toBe('holdout');
  });
});

describe('an A/B table: control, treatment and their changes', () => {
  test('the treatment is this run, the control a baseline, the absolute change its claims; a CI of the relative change is no CI of the value', () => {
    const text = [
      '**Experiment ID**: ab-1',
      '',
      '## Evaluation Results',
      '',
      '| Metric | Control (v2) | Treatment (v3) | Abs. change | Rel. change | 95% CI (rel.) |',
      '|---|---|---|---|---|---|',
      '| CTR | 3.42% | 3.57% | +0.15 pp | +4.4% | [+2.1%, +6.7%] |',
      '| Serving latency p99 | 24 ms | 31 ms | +7 ms | +29.2% | — |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'ab-1.md' }), { file: 'ab-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'CTR', value: 3.57, unit: '%', relChange: '+4.4%', '95% CI (rel.)': '[+2.1%, +6.7%]' },
      { metric: 'Serving latency p99', value: 31, unit: 'ms', relChange: '+29.2%' },
    ]);
    expect(record?.comparison?.baselines).toEqual([
      { label: 'Control (v2)', experimentId: 'v2', metrics: { 'CTR (%)': 3.42, 'Serving latency p99 (ms)': 24 } },
    ]);
    expect(record?.comparison?.claims?.map((c) => [c.metric, c.value, c.unit])).toEqual([
      ['CTR', 0.15, 'pp'],
      ['Serving latency p99', 7, 'abs'],
    ]);
  });
});

describe("a metric's interval on a line of its own", () => {
  test('`Macro-F1 95% CI (bootstrap, …): 88.8–90.0%.` is that metric’s CI on its scale; an interval of no metric given is kept as written', () => {
    const text = [
      '**Experiment ID**: ci-1',
      '',
      '## Results',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| Macro-F1 | 0.894 |',
      '',
      'Macro-F1 95% CI (bootstrap, 1 000 resamples): 88.8–90.0%.',
      '',
      'Recall 95% CI: 0.70–0.80',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'ci-1.md' }), { file: 'ci-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Macro-F1', value: 0.894, ci95: { low: 0.888, high: 0.9 }, ciNote: 'bootstrap, 1 000 resamples' },
    ]);
    // Kept under the label as written: a camel-case key (`recall95Ci`) would read "Recall95 ci".
    expect(record?.evaluation?.['Recall 95% CI']).toBe('0.70–0.80');
  });
});

describe("an interval's method written after it", () => {
  test('`0.929–0.953 (DeLong)`, `±1.4% (Wilson)`, `86.5–89.4%, bootstrap` are intervals, the method kept as their note; `wide` is no interval', () => {
    const text = [
      '**Experiment ID**: ci-2',
      '',
      '## Evaluation Results',
      '',
      '| Metric | Value | 95% CI |',
      '| --- | --- | --- |',
      '| AUROC | 0.941 | 0.929–0.953 (DeLong) |',
      '| Sensitivity | 91.2% | ±1.4% (Wilson) |',
      '| Specificity | 88.0% | 86.5–89.4%, bootstrap |',
      '| F1 | 0.81 | wide (few positives) |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'ci-2.md' }), { file: 'ci-2.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'AUROC', value: 0.941, ci95: { low: 0.929, high: 0.953 }, ciNote: 'DeLong' },
      { metric: 'Sensitivity', value: 91.2, unit: '%', ci95: 1.4, ciNote: 'Wilson' },
      { metric: 'Specificity', value: 88, unit: '%', ci95: { low: 86.5, high: 89.4 }, ciNote: 'bootstrap' },
      { metric: 'F1', value: 0.81, ciNote: 'wide (few positives)' },
    ]);
    expect(diagnostics.map((d) => `${d.line}:${d.path}`)).toEqual(['10:evaluation.testMetrics.3.ciNote']);
  });
});

describe('metrics named together, their values after them', () => {
  test('`- Precision/Recall/F1: 0.81/0.77/0.79`: three metrics, each value placed where it is written', () => {
    const text = ['**Experiment ID**: pr-1', '', '## Results', '', '- Precision/Recall/F1: 0.81/0.77/0.79', '- AUC: 0.95'].join('\n');
    const parsed = parseSource(text, { file: 'pr-1.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'pr-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Precision', value: 0.81 },
      { metric: 'Recall', value: 0.77 },
      { metric: 'F1', value: 0.79 },
      { metric: 'AUC', value: 0.95 },
    ]);
    // `0.77` starts at column 29 of line 5.
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 5, column: 29 });
  });

  test('names that are no metrics (splits) stay as written', () => {
    const text = ['**Experiment ID**: pr-2', '', '## Results', '', '- Train/Val/Test: 0.91/0.88/0.87', '- AUC: 0.95'].join('\n');
    const data = parseSource(text, { file: 'pr-2.md' }).data as { evaluation?: unknown; sections?: unknown };
    expect(data.evaluation).toBeUndefined();
    expect(data.sections).toEqual([{ title: 'Results', markdown: '- Train/Val/Test: 0.91/0.88/0.87\n- AUC: 0.95' }]);
  });
});

/** A log of one run, `run-1`, with `lines` under its title: its record and what was said of it. */
function readRun(...lines: string[]) {
  const file = 'run-1.md';
  return validateRecord(parseSource(['# Run', '', '**Experiment ID**: run-1', '', ...lines].join('\n'), { file }), { file });
}

describe('a ± under words that say it is a spread', () => {
  const metricsOf = (body: string) => readRun(body).record?.evaluation?.testMetrics;

  test('a heading that says mean ± std: each ± under it is the std, not a 95% interval', () => {
    expect(metricsOf('## Results (test, mean ± std over 5 seeds)\n\n- AUROC: 0.912 ± 0.003\n- Recall: 71.4% ± 1.2%\n- F1: 0.80')).toEqual([
      { metric: 'AUROC', value: 0.912, std: 0.003 },
      { metric: 'Recall', value: 71.4, unit: '%', std: 1.2 },
      { metric: 'F1', value: 0.8 },
    ]);
    expect(metricsOf('## Test results (mean ± SE, 3 runs)\n\n- Accuracy: 0.871 ± 0.004')).toEqual([
      { metric: 'Accuracy', value: 0.871, standardError: 0.004 },
    ]);
  });

  test('a value column headed mean ± SD: its ± are the std', () => {
    expect(metricsOf('## Evaluation Results\n\n| Metric | Mean ± SD |\n|---|---|\n| Accuracy | 0.871 ± 0.012 |\n| Loss | 0.31 |')).toEqual([
      { metric: 'Accuracy', value: 0.871, std: 0.012 },
      { metric: 'Loss', value: 0.31 },
    ]);
  });

  test('without such words, or where the value or heading names an interval, a ± stays the 95% interval', () => {
    expect(metricsOf('## Results\n\n- AUROC: 0.912 ± 0.003')).toEqual([{ metric: 'AUROC', value: 0.912, ci95: 0.003 }]);
    expect(metricsOf('## Results (mean, 95% CI)\n\n- AUROC: 0.912 ± 0.003')).toEqual([{ metric: 'AUROC', value: 0.912, ci95: 0.003 }]);
    expect(metricsOf('## Results (mean ± std over 5 seeds)\n\n- AUROC: 0.912 ± 0.006 (95% CI)')).toEqual([
      { metric: 'AUROC', value: 0.912, ci95: 0.006 },
    ]);
    // Bounds are an interval whatever the heading says.
    expect(metricsOf('## Results (mean ± std)\n\n- AUROC: 0.912 [0.905, 0.919]')).toEqual([
      { metric: 'AUROC', value: 0.912, ci95: { low: 0.905, high: 0.919 } },
    ]);
  });
});

describe('a value column headed in percent', () => {
  test('holds ranking scores in percent too (Recall@100, NDCG@10), as it does proportions; not a latency', () => {
    const metrics = readRun(
      '## Evaluation Results',
      '',
      '| Metric | Value (%) | 95% CI |',
      '|---|---|---|',
      '| Recall@100 | 41.8 | (41.2, 42.4) |',
      '| NDCG@10 | 12.9 | |',
      '| Accuracy | 91.0 | |',
      '| p95 latency (ms) | 7.9 | |',
    ).record?.evaluation?.testMetrics;
    expect(metrics?.map((m) => [m.metric, m.value, m.unit])).toEqual([
      ['Recall@100', 41.8, '%'],
      ['NDCG@10', 12.9, '%'],
      ['Accuracy', 91, '%'],
      ['p95 latency (ms)', 7.9, undefined],
    ]);
  });
});

describe('an interval in the CI column written as a list item writes it', () => {
  const metricsOf = (rows: string[]) =>
    readRun('## Evaluation Results', '', '| Metric | Value | 95% CI |', '|---|---|---|', ...rows).record?.evaluation?.testMetrics;

  test('(95% CI 59.9–61.7), CI: [0.86, 0.89] and (0.86, 0.89) are the interval; a 90% one is not', () => {
    const metrics = metricsOf([
      '| Weighted-F1 | 60.8 | (95% CI 59.9–61.7) |',
      '| Accuracy | 0.871 | CI: [0.86, 0.89] |',
      '| AUROC | 0.93 | (0.91, 0.95) |',
      '| Recall | 0.80 | (90% CI 0.78–0.82) |',
    ]);
    expect(metrics?.map((m) => [m.metric, m.ci95])).toEqual([
      ['Weighted-F1', { low: 59.9, high: 61.7 }],
      ['Accuracy', { low: 0.86, high: 0.89 }],
      ['AUROC', { low: 0.91, high: 0.95 }],
      ['Recall', undefined],
    ]);
  });
});

describe('a fraction among percentages in a group or baseline table', () => {
  test('is read in percent, with a warning at its cell saying so', () => {
    const { record, diagnostics } = readRun(
      '## Evaluation Results',
      '',
      '**Disaggregated Performance** (by plan):',
      '| Group | Recall | N |',
      '|---|---|---|',
      '| Basic | 0.701 | 52,000 |',
      '| Plus | 51.7% | 28,000 |',
      '',
      '## Comparison to Baseline',
      '',
      '| Model | FRR |',
      '|---|---|',
      '| DS-CNN-S | 0.051 |',
      '| CRNN | 3.8% |',
    );
    expect(record?.evaluation?.disaggregated?.map((row) => row.metrics)).toEqual([{ 'Recall (%)': 70.1 }, { 'Recall (%)': 51.7 }]);
    expect(record?.comparison?.baselines?.map((row) => row.metrics)).toEqual([{ 'FRR (%)': 5.1 }, { 'FRR (%)': 3.8 }]);
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '10: Recall is written in percent in this table, but 0.701 has no % sign: it is read as the fraction 0.701, 70.1%',
      '17: FRR is written in percent in this table, but 0.051 has no % sign: it is read as the fraction 0.051, 5.1%',
    ]);
  });
});

describe('a second test set under a heading of its own', () => {
  const text = (second: string) =>
    [
      '**Experiment ID**: anom-1',
      '',
      '## Evaluation Results',
      '',
      '### Test metrics (MVTec AD, mean over 15 categories)',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| Image AUROC | 99.0% |',
      '| FPR | 4.7% |',
      '',
      `### Test metrics (${second})`,
      '',
      '| Metric | Value |',
      '|---|---|',
      '| Image AUROC | 91.8% |',
      '| FPR | 27.5% |',
      '',
      '**Confusion Matrix** (MVTec AD):',
      '',
      '| | Predicted Good | Predicted Defect |',
      '|---|---|---|',
      '| Actual Good | 445 | 22 |',
      '| Actual Defect | 63 | 1195 |',
    ].join('\n');

  test('its metrics are named with the set and keep the aside; only the first set is checked against the matrix', () => {
    const { record, diagnostics } = validateRecord(parseSource(text('VisA, mean over 12 categories'), { file: 'a.md' }), { file: 'a.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Image AUROC', value: 99, unit: '%' },
      { metric: 'FPR', value: 4.7, unit: '%' },
      { metric: 'VisA Image AUROC', value: 91.8, unit: '%', testSet: 'VisA, mean over 12 categories' },
      { metric: 'VisA FPR', value: 27.5, unit: '%', testSet: 'VisA, mean over 12 categories' },
    ]);
    expect(record?.evaluation?.testMetricsNote).toBe('MVTec AD, mean over 15 categories');
    // FPR = 22 / (22 + 445) = 4.71%: the first set's 4.7% agrees; VisA's 27.5% is of other examples.
    const checks = analyzeCollection([record as Experiment]).byId.get('anom-1')?.checks ?? [];
    expect(checks.filter((c) => c.code === 'metric-mismatch')).toEqual([]);
  });

  test('an aside that names no set (a count) keeps the metrics as one list', () => {
    const { record } = validateRecord(parseSource(text('n = 4,000'), { file: 'a.md' }), { file: 'a.md' });
    expect(record?.evaluation?.testMetrics?.map((m) => m.metric)).toEqual(['Image AUROC', 'FPR', 'Image AUROC', 'FPR']);
  });
});

describe('a printed classification report beside a table of metrics', () => {
  test("both are read: the table's metrics, then the report's that the table did not give", () => {
    const text = [
      '**Experiment ID**: cal-1',
      '',
      '## Evaluation Results',
      '',
      '```',
      '              precision    recall  f1-score   support',
      '',
      '         low      0.922     0.944     0.933      6000',
      '        high      0.695     0.795     0.742      2000',
      '',
      '    accuracy                          0.852      8000',
      '   macro avg      0.809     0.870     0.838      8000',
      'weighted avg      0.865     0.857     0.859      8000',
      '```',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| ECE (%) | 1.12 |',
      '| Accuracy | 85.2% |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'cal-1.md' }), { file: 'cal-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics?.map((m) => [m.metric, m.value])).toEqual([
      ['ECE (%)', 1.12],
      ['Accuracy', 85.2],
      ['Macro Precision', 0.809],
      ['Macro Recall', 0.87],
      ['Macro F1', 0.838],
      ['Weighted Precision', 0.865],
      ['Weighted Recall', 0.857],
      ['Weighted F1', 0.859],
    ]);
  });
});

describe('a confusion matrix pasted from the interpreter', () => {
  test('`>>> confusion_matrix(…)` over `array([[28101, 1899], [1420, 4580]])`: the prompt line is no part of it', () => {
    const text = [
      '**Experiment ID**: churn-1',
      '',
      '## Evaluation Results',
      '',
      '**Confusion Matrix**:',
      '```',
      '>>> confusion_matrix(y_test, y_pred)',
      'array([[28101,  1899],',
      '       [ 1420,  4580]])',
      '```',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'churn-1.md' }), { file: 'churn-1.md' });
    expect(diagnostics).toEqual([]);
    // 28,101 + 1,899 + 1,420 + 4,580 = 36,000 examples.
    expect(record?.evaluation?.confusionMatrix?.matrix).toEqual([
      [28101, 1899],
      [1420, 4580],
    ]);
    const ipython = text.replace(
      '>>> confusion_matrix(y_test, y_pred)\narray(',
      'In [7]: confusion_matrix(y_test, y_pred)\nOut[7]: array(',
    );
    expect(validateRecord(parseSource(ipython, { file: 'c.md' }), { file: 'c.md' }).record?.evaluation?.confusionMatrix?.matrix).toEqual([
      [28101, 1899],
      [1420, 4580],
    ]);
  });

  test('a block that is no matrix is kept as written with a warning saying how to write one; the record stays on the site', () => {
    const text = [
      '**Experiment ID**: c-2',
      '',
      '## Evaluation Results',
      '',
      '**Confusion Matrix**:',
      '```',
      'see the notebook, cell 14',
      '```',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'c-2.md' }), { file: 'c-2.md' });
    expect(record?.evaluation).toEqual({ confusionMatrixNote: 'see the notebook, cell 14' });
    expect(diagnostics.map((d) => `${d.level} ${d.line}:${d.column} ${d.path}`)).toEqual(['warning 7:1 evaluation.confusionMatrixNote']);
    expect(diagnostics[0]?.hint).toMatch(/as NumPy or scikit-learn print it/);
  });
});
