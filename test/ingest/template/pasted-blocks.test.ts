import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';
import type { Experiment } from '../../../src/schema/index.ts';
import { metricInfo, proportionScale } from '../../../src/analysis/metrics.ts';
import { computeBaselineDeltas } from '../../../src/analysis/deltas.ts';
import { settingsOf } from '../../../src/ingest/template/settings-block.ts';
import {
  classificationReport,
  kerasEvaluation,
  metricsDict,
  parseConfusionMatrixArray,
  printedMetricLines,
  sacrebleuScores,
  trainerMetrics,
  yoloValidation,
} from '../../../src/ingest/template/evaluation.ts';
import { createSource, ruledTableOf } from '../../../src/ingest/markdown-blocks.ts';

function load(text: string): {
  record: Experiment;
  decimals: Record<string, number>;
  positions: Map<string, { line: number; column: number }>;
} {
  const parsed = parseSource(text, { file: 'exp.md' });
  const { record, diagnostics } = validateRecord(parsed, { file: 'exp.md' });
  if (!record) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return {
    record,
    decimals: ((parsed.data as Record<string, unknown>)['writtenDecimals'] ?? {}) as Record<string, number>,
    positions: parsed.positions as Map<string, { line: number; column: number }>,
  };
}

const code = (value: string, lang: string | null = null) => ({
  type: 'code' as const,
  lang,
  value,
  position: { start: { line: 10, column: 1, offset: 0 }, end: { line: 10, column: 1, offset: 0 } },
});

/** scikit-learn's `classification_report`, as printed. */
const report = [
  '              precision    recall  f1-score   support',
  '',
  '    negative       0.91      0.87      0.89      2500',
  '    positive       0.88      0.92      0.90      2500',
  '',
  '    accuracy                           0.894     5000',
  '   macro avg       0.895     0.895     0.895     5000',
  'weighted avg       0.895     0.895     0.895     5000',
];

describe('settings pasted as a code block', () => {
  test('YAML: nesting dots the names, comments and quotes go, each setting at its line', () => {
    const settings = settingsOf(
      code(
        ['# training', 'learning_rate: 3.0e-5  # peak', 'optimizer:', '  name: "adamw"', '  betas: [0.9, 0.999]', 'fp16: true'].join('\n'),
        'yaml',
      ),
    );
    expect(settings).toEqual([
      { name: 'learning_rate', value: 0.00003, position: { line: 12, column: 1 } },
      { name: 'optimizer.name', value: 'adamw', position: { line: 14, column: 3 } },
      { name: 'optimizer.betas', value: '[0.9, 0.999]', position: { line: 15, column: 3 } },
      { name: 'fp16', value: true, position: { line: 16, column: 1 } },
    ]);
  });

  test('TOML/INI sections and `=`; JSON and printed Python dicts; keyword arguments of a call', () => {
    expect(settingsOf(code('[train]\nlr = 0.01\nseed = 7', 'toml'))?.map((s) => [s.name, s.value])).toEqual([
      ['train.lr', 0.01],
      ['train.seed', 7],
    ]);
    expect(settingsOf(code('{"lr": 0.001, "model": {"depth": 6}}', 'json'))?.map((s) => [s.name, s.value])).toEqual([
      ['lr', 0.001],
      ['model.depth', 6],
    ]);
    expect(settingsOf(code("{'lr': 0.001,\n 'use_amp': True,\n 'scheduler': None,}"))).toEqual([
      { name: 'lr', value: 0.001, position: { line: 11, column: 2 } },
      { name: 'use_amp', value: true, position: { line: 12, column: 2 } },
      { name: 'scheduler', value: null, position: { line: 13, column: 2 } },
    ]);
    expect(settingsOf(code("Namespace(lr=0.001, batch_size=32, arch='resnet50')"))?.map((s) => [s.name, s.value])).toEqual([
      ['lr', 0.001],
      ['batch_size', 32],
      ['arch', 'resnet50'],
    ]);
    expect(settingsOf(code('clf = XGBClassifier(\n    n_estimators=500,\n    max_depth=6,\n)', 'python'))).toEqual([
      { name: 'n_estimators', value: 500, position: { line: 12, column: 5 } },
      { name: 'max_depth', value: 6, position: { line: 13, column: 5 } },
    ]);
  });

  test('anything else is not settings', () => {
    expect(settingsOf(code('python train.py --lr 0.01', 'bash'))).toBeUndefined();
    expect(settingsOf(code('python train.py --lr 0.01'))).toBeUndefined();
    expect(settingsOf(code('for x in range(3):\n    print(x)', 'python'))).toBeUndefined();
    expect(settingsOf(code('[1, 2, 3]', 'json'))).toBeUndefined();
  });

  test('under **Hyperparameters** they are the hyperparameters, and the block is not repeated as text', () => {
    const { record, positions } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Model Configuration',
        '',
        '**Hyperparameters**:',
        '```yaml',
        'learning_rate: 0.0003',
        'batch_size: 64',
        '```',
      ].join('\n'),
    );
    expect(record.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.0003 },
      { name: 'batch_size', value: 64 },
    ]);
    expect(positions.get('model.hyperparameters.1.value')).toEqual({ line: 8, column: 1 });
    expect(record.sections ?? []).toEqual([]);
  });
});

describe('evaluation output pasted as printed', () => {
  test('a NumPy confusion matrix: rows actual, classes named by the label aside or numbered', () => {
    expect(parseConfusionMatrixArray('[[2225  275]\n [ 225 2275]]')).toEqual({
      labels: ['Class 1', 'Class 2'],
      matrix: [
        [2225, 275],
        [225, 2275],
      ],
    });
    expect(parseConfusionMatrixArray('array([[5, 0, 1],\n       [0, 6, 0],\n       [2, 0, 4]])', ['a', 'b', 'c'])?.labels).toEqual([
      'a',
      'b',
      'c',
    ]);
    // Not square, or negative: not a confusion matrix.
    expect(parseConfusionMatrixArray('[[1 2 3]\n [4 5 6]]')).toBeUndefined();
    expect(parseConfusionMatrixArray('[[1 -2]\n [3 4]]')).toBeUndefined();
    const { record } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Evaluation Results',
        '',
        '**Confusion Matrix** (labels: negative, positive):',
        '```',
        '[[2225  275]',
        ' [ 225 2275]]',
        '```',
      ].join('\n'),
    );
    expect(record.evaluation?.confusionMatrix).toEqual({
      labels: ['negative', 'positive'],
      matrix: [
        [2225, 275],
        [225, 2275],
      ],
    });
  });

  test("scikit-learn's classification report: accuracy and the averages as test metrics, at their columns", () => {
    const metrics = classificationReport(report.join('\n'), { line: 20, column: 1 });
    expect(metrics?.map((m) => [m.metric, m.value])).toEqual([
      ['Accuracy', 0.894],
      ['Macro Precision', 0.895],
      ['Macro Recall', 0.895],
      ['Macro F1', 0.895],
      ['Weighted Precision', 0.895],
      ['Weighted Recall', 0.895],
      ['Weighted F1', 0.895],
    ]);
    // "    accuracy" + spaces: 0.894 starts at index 39 of its line (line 20 + 5).
    expect(metrics?.[0]?.position).toEqual({ line: 25, column: 40 });
    expect(classificationReport('precision recall\n0.9 0.8', { line: 1, column: 1 })).toBeUndefined();
  });

  test('under **Test Set Performance** the report gives the test metrics with their written places; the report stays on the page', () => {
    const { record, decimals } = load(
      ['**Experiment ID**: a', '', '## Evaluation Results', '', '**Test Set Performance**:', '```', ...report, '```'].join('\n'),
    );
    expect(record.evaluation?.testMetrics?.[0]).toEqual({ metric: 'Accuracy', value: 0.894 });
    expect(record.evaluation?.testMetrics?.[3]).toEqual({ metric: 'Macro F1', value: 0.895 });
    expect(record.sections?.[0]?.markdown).toContain('negative       0.91      0.87');
    const { decimals: twoPlaces } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Evaluation Results',
        '',
        '**Test Set Performance**:',
        '```',
        report[0],
        '    accuracy                           0.90      5000',
        '```',
      ].join('\n'),
    );
    expect(twoPlaces['evaluation.testMetrics.0.value']).toBe(2);
    expect(decimals['evaluation.testMetrics.0.value']).toBeUndefined();
  });
});

describe('a classification report pasted with no label above it', () => {
  test('under the results heading, as nbconvert writes a cell output (indented four spaces): read, and kept on the page as code', () => {
    const { record } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Test metrics',
        '',
        '```python',
        'print(classification_report(y_test, pred))',
        '```',
        '',
        ...report.map((line) => `    ${line}`),
        '',
        'AUC: 0.912 (95% CI 0.897–0.927)',
      ].join('\n'),
    );
    expect(record.evaluation?.testMetrics?.map((m) => m.metric)).toEqual([
      'Accuracy',
      'Macro Precision',
      'Macro Recall',
      'Macro F1',
      'Weighted Precision',
      'Weighted Recall',
      'Weighted F1',
      'AUC',
    ]);
    expect(record.evaluation?.testMetrics?.[0]?.value).toBe(0.894);
    // The report is shown as written, as a code block: fenced, its columns kept.
    expect(record.sections?.[0]?.markdown).toContain('```\n              precision    recall  f1-score   support\n');
  });
});

describe('a test-metric table that compares with a baseline', () => {
  const text = [
    '**Experiment ID**: a',
    '',
    '## Results',
    '',
    '| Metric | v7 | v6 (baseline) | Δ |',
    '|---|---|---|---|',
    '| AUC | 0.912 ± 0.004 | 0.905 ± 0.004 | +0.007 |',
    '| Recall | 78.4% | 74.9% | +3.5pp |',
    '| FNR | 21.6% | 0.9% | −3.5pp |',
  ].join('\n');

  test("this experiment's column is the test metrics (an interval written in the cell read with it), the baseline's a baseline row, Δ the claims", () => {
    const { record } = load(text);
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'AUC', value: 0.912, ci95: 0.004 },
      { metric: 'Recall', value: 78.4, unit: '%' },
      { metric: 'FNR', value: 21.6, unit: '%' },
    ]);
    // Cells written in percent put the unit on the map's key: 0.9% is 0.9 percent, not the fraction 0.9.
    expect(record.comparison?.baselines).toEqual([
      { label: 'v6 (baseline)', metrics: { AUC: 0.905, 'Recall (%)': 74.9, 'FNR (%)': 0.9 }, ci95: { AUC: 0.004 } },
    ]);
    const key = metricInfo('FNR (%)');
    expect([key.key, key.unit, proportionScale(key, 0.9)]).toEqual(['fnr', '%', 'percent']);
    expect(record.comparison?.claims?.map((c) => [c.metric, c.text, c.value, c.unit, c.reference])).toEqual([
      ['AUC', '+0.007', 0.007, 'abs', 'v6 (baseline)'],
      ['Recall', '+3.5pp', 3.5, 'pp', 'v6 (baseline)'],
      ['FNR', '−3.5pp', -3.5, 'pp', 'v6 (baseline)'],
    ]);
  });

  test('a change column named after the baseline (`Δ vs baseline`) is the change, not the baseline', () => {
    const { record } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Results',
        '',
        '| Metric | Score | 95% CI | Δ vs baseline |',
        '|---|---|---|---|',
        '| Macro-F1 | 0.842 | [0.831, 0.853] | +0.021 |',
        '| Accuracy | 91.3% | [90.8%, 91.8%] | +0.4 pp |',
      ].join('\n'),
    );
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'Macro-F1', value: 0.842, ci95: { low: 0.831, high: 0.853 } },
      { metric: 'Accuracy', value: 91.3, unit: '%', ci95: { low: 90.8, high: 91.8 } },
    ]);
    // Was a baseline "Δ vs baseline" whose Macro-F1 was 0.021.
    expect(record.comparison?.baselines).toBeUndefined();
    expect(record.comparison?.claims?.map((c) => [c.metric, c.value, c.unit])).toEqual([
      ['Macro-F1', 0.021, 'abs'],
      ['Accuracy', 0.4, 'pp'],
    ]);
  });

  test('experiments side by side with no column of values: the one that is this experiment is read, the others are baselines', () => {
    const sideBySide = (header: string, id = 'llama-sft-v3') =>
      load(
        [
          `**Experiment ID**: ${id}`,
          '',
          '## Eval',
          '',
          header,
          '|---|---|---|---|',
          '| MT-Bench | 6.91 | **7.09** | +0.18 |',
          '| MMLU (5-shot) | 63.2% | 63.5% | +0.3 |',
        ].join('\n'),
      ).record;
    // The bold header, a header saying so, or the one the id ends with.
    for (const header of [
      '| Benchmark | v2 (r=8) | **v3 (r=16)** | Δ |',
      '| Task | v2 | v3 (ours) | Δ |',
      '| Benchmark | v2 (r=8) | v3 (r=16) | Δ |',
    ]) {
      const record = sideBySide(header);
      expect(record.evaluation?.testMetrics, header).toEqual([
        { metric: 'MT-Bench', value: 7.09 },
        { metric: 'MMLU (5-shot)', value: 63.5, unit: '%' },
      ]);
      expect(
        record.comparison?.baselines?.map((b) => b.metrics),
        header,
      ).toEqual([{ 'MT-Bench': 6.91, 'MMLU (5-shot) (%)': 63.2 }]);
      // The baseline's `63.2%` keeps its unit, so it is compared with this run's 63.5%: MMLU is a share
      // of questions answered right, compared as fractions: 0.635 − 0.632 = 0.003, +0.3 pp.
      const mmlu = computeBaselineDeltas(record).deltas.find((d) => d.metric === 'MMLU (5-shot)');
      expect(mmlu?.fraction, header).toBe(true);
      expect(mmlu?.absolute, header).toBeCloseTo(0.003, 10);
      expect(
        record.comparison?.claims?.map((c) => [c.metric, c.value, c.reference]),
        header,
      ).toEqual([
        ['MT-Bench', 0.18, record.comparison?.baselines?.[0]?.label],
        ['MMLU (5-shot)', 0.3, record.comparison?.baselines?.[0]?.label],
      ]);
    }
    // No header names this experiment, but the change is v3's values less v2's: v3 is this experiment.
    const changed = sideBySide('| Benchmark | v2 (r=8) | v3 (r=16) | Δ |', 'other-run');
    expect(changed.evaluation?.testMetrics?.[0]).toMatchObject({ metric: 'MT-Bench', value: 7.09 });
    // Nothing says which: no column is taken for this experiment's (the first could be a baseline's); the
    // table stays on the page as written, and a warning says how to mark the column.
    const unknown = sideBySide('| Benchmark | v2 (r=8) | v3 (r=16) | Improvement |', 'other-run');
    expect(unknown.evaluation?.testMetrics).toBeUndefined();
    expect(unknown.sections?.map((section) => section.markdown).join('\n')).toContain('| MT-Bench |');
  });

  test("the title's name for a column, the parent's, or the change column says which is this experiment", () => {
    const read = (head: readonly string[], header: string, delta = '+0.036') =>
      load([...head, '', '## Results on test', '', header, '|---|---|---|---|', `| PR-AUC | 0.612 | 0.648 | ${delta} |`].join('\n')).record;
    const cases: [readonly string[], string][] = [
      // The title names v3.
      [['# Fraud detection — LightGBM v3', '', '**Experiment ID**: fraud-lgbm'], '| metric | v2 | v3 | Improvement |'],
      // The parent is v2: the other column is this experiment.
      [['**Experiment ID**: fraud-lgbm-new', '**Parent**: fraud-lgbm-v2'], '| metric | v2 | v3 | Improvement |'],
      // The change is v3 less v2.
      [['**Experiment ID**: fraud-lgbm'], '| metric | v2 | v3 | Δ |'],
    ];
    for (const [head, header] of cases) {
      const record = read(head, header);
      expect(record.evaluation?.testMetrics, head.join(' ')).toEqual([{ metric: 'PR-AUC', value: 0.648 }]);
      expect(record.comparison?.baselines, head.join(' ')).toEqual([{ label: 'v2', metrics: { 'PR-AUC': 0.612 } }]);
    }
    // The change column outweighs a title that names the baseline it beats.
    expect(
      read(['# Improving on v2', '', '**Experiment ID**: fraud-lgbm'], '| metric | v2 | v3 | Δ |').evaluation?.testMetrics?.[0]?.value,
    ).toBe(0.648);
    // A change that is neither difference within rounding (a relative one) says nothing: no column is this experiment's.
    expect(read(['**Experiment ID**: fraud-lgbm'], '| metric | v2 | v3 | Δ |', '+5.9%').evaluation?.testMetrics).toBeUndefined();
  });

  test('an unnamed third column is an interval only when its cells read as intervals', () => {
    const { record } = load(
      ['**Experiment ID**: a', '', '## Results', '', '| Metric | Ours | Note |', '|---|---|---|', '| Accuracy | 0.91 | best so far |'].join(
        '\n',
      ),
    );
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'Accuracy', value: 0.91, note: 'best so far' }]);
    const { record: withCi } = load(
      ['**Experiment ID**: a', '', '## Results', '', '| Metric | Ours | ± |', '|---|---|---|', '| Accuracy | 0.91 | ±0.01 |'].join('\n'),
    );
    expect(withCi.evaluation?.testMetrics).toEqual([{ metric: 'Accuracy', value: 0.91, ci95: 0.01 }]);
  });
});

describe('the spread columns of a test-metric table', () => {
  const row = (header: string, cell = '0.012') =>
    load(
      [
        '**Experiment ID**: a',
        '',
        '## Results',
        '',
        `| Metric | Mean | ${header} |`,
        '|---|---|---|',
        `| Accuracy | 0.871 | ${cell} |`,
      ].join('\n'),
    ).record.evaluation?.testMetrics?.[0];

  test('a standard deviation or a standard error is kept as such, never taken for a 95% interval', () => {
    expect(row('Std')).toEqual({ metric: 'Accuracy', value: 0.871, std: 0.012 });
    expect(row('Std. Dev.', '±0.012')).toEqual({ metric: 'Accuracy', value: 0.871, std: 0.012 });
    expect(row('SE')).toEqual({ metric: 'Accuracy', value: 0.871, standardError: 0.012 });
  });

  test('a bare number under a "95% CI" or "±" header is the half-width', () => {
    expect(row('95% CI')).toEqual({ metric: 'Accuracy', value: 0.871, ci95: 0.012 });
    expect(row('±')).toEqual({ metric: 'Accuracy', value: 0.871, ci95: 0.012 });
  });
});

describe('a list of test metrics with a few items that are not', () => {
  test('the metrics are read (`=` too, an aside as a note or a qualifier); the rest is one note beside them, each with a warning', () => {
    const parsed = parseSource(
      [
        '**Experiment ID**: a',
        '',
        '## Results',
        '',
        '- Accuracy = 0.91',
        '- Latency: 45 ms (p95)',
        '- F1: 0.873 ± 0.007 (5 seeds)',
        '- Recall: ~87%',
      ].join('\n'),
      { file: 'a.md' },
    );
    const { record } = validateRecord(parsed, { file: 'a.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Accuracy', value: 0.91 },
      { metric: 'Latency (p95)', value: 45, unit: 'ms' },
      { metric: 'F1', value: 0.873, ci95: 0.007, note: '5 seeds' },
    ]);
    expect(record?.evaluation?.['testMetricsNote']).toBe('Recall: ~87%');
    expect(parsed.diagnostics.map((d) => [d.level, d.line, d.path])).toEqual([['warning', 8, 'evaluation.testMetricsNote']]);
  });

  test('a metric and its value separated by a spaced dash (`Accuracy — 92.6% [91.4, 93.8]`), each value placed where it is written', () => {
    const parsed = parseSource(
      [
        '**Experiment ID**: a',
        '',
        '## Results (test)',
        '',
        '- Accuracy — 92.6% [91.4, 93.8]',
        '- F1 (macro) – 0.925 ± 0.012',
        '- Latency p50 - 8.1 ms',
      ].join('\n'),
      { file: 'a.md' },
    );
    const { record } = validateRecord(parsed, { file: 'a.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Accuracy', value: 92.6, unit: '%', ci95: { low: 91.4, high: 93.8 } },
      { metric: 'F1 (macro)', value: 0.925, ci95: 0.012 },
      { metric: 'Latency p50', value: 8.1, unit: 'ms' },
    ]);
    // `- F1 (macro) – 0.925 …`: the value starts at column 16.
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 6, column: 16 });
    expect(record?.sections).toBeUndefined();
  });

  test('a list that is mostly not metrics stays in the section as written', () => {
    const { record } = load(
      ['**Experiment ID**: a', '', '## Results', '', '- Accuracy: 0.91', '- Better than last week', '- See the W&B run'].join('\n'),
    );
    expect(record.evaluation).toBeUndefined();
    expect(record.sections?.[0]?.markdown).toContain('- Accuracy: 0.91');
  });
});

describe('what a template leaves behind', () => {
  test("an HTML comment (the template's instructions, a TODO) is not shown as a section of its own; a decimal comma in a CI is read", () => {
    const { record } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Evaluation Results',
        '',
        '| Metric | Value | 95% CI |',
        '|---|---|---|',
        '| Accuracy | 91,2% | ±0,4% |',
        '',
        '<!-- TODO: add fairness -->',
        '',
        '## Notes',
        '',
        '<!-- fill in -->',
        'Kept: the words after the comment.',
      ].join('\n'),
    );
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'Accuracy', value: 91.2, unit: '%', ci95: 0.4 }]);
    expect(record.sections).toEqual([{ title: 'Notes', markdown: 'Kept: the words after the comment.' }]);
  });
});

describe('baselines written as a list', () => {
  const text = [
    '**Experiment ID**: b2',
    '',
    '## Results',
    '- Accuracy: 92.6%',
    '',
    '## Baselines',
    '- BERT-base without LLRD: accuracy 91.9%, F1 0.918',
    '- Previous best (exp-042): AUC = 0.931; F1: 0.9',
  ].join('\n');

  test('one baseline per item, each metric at its value; a proportion in percent keyed `Name (%)`, an id in the label kept', () => {
    const parsed = parseSource(text, { file: 'b2.md' });
    const { record } = validateRecord(parsed, { file: 'b2.md' });
    expect(record?.comparison?.baselines).toEqual([
      { label: 'BERT-base without LLRD', metrics: { 'accuracy (%)': 91.9, F1: 0.918 } },
      { label: 'Previous best (exp-042)', experimentId: 'exp-042', metrics: { AUC: 0.931, F1: 0.9 } },
    ]);
    // `- BERT-base without LLRD: accuracy 91.9%, F1 0.918`: 91.9% starts at column 36, 0.918 at 46.
    expect(parsed.positions.get('comparison.baselines.0.metrics.accuracy (%)')).toEqual({ line: 7, column: 36 });
    expect(parsed.positions.get('comparison.baselines.0.metrics.F1')).toEqual({ line: 7, column: 46 });
    expect(parsed.positions.get('comparison.baselines.1.metrics.F1')).toEqual({ line: 8, column: 45 });
    expect(record?.sections).toBeUndefined();
  });

  test('a model named with a number (`- Baseline: ResNet 50`) is no metric: the list stays text', () => {
    const { record } = load(['**Experiment ID**: b3', '', '## Baselines', '- Baseline: ResNet 50', '- Previous: Llama 3.1'].join('\n'));
    expect(record.comparison?.baselines).toBeUndefined();
    expect(record.sections?.[0]?.markdown).toContain('- Baseline: ResNet 50');
  });

  test('a list with an item that is not a baseline and its metrics stays in the section as written', () => {
    const { record } = load(text.replace('- Previous best (exp-042): AUC = 0.931; F1: 0.9', '- Previous best: see the W&B report'));
    expect(record.comparison).toBeUndefined();
    expect(record.sections?.[0]?.markdown).toContain('- BERT-base without LLRD: accuracy 91.9%, F1 0.918');
  });
});

describe('an HTML table pasted from a notebook (pandas `to_html`)', () => {
  const dataframe = (rows: readonly (readonly string[])[], header: readonly string[]) =>
    [
      '<table border="1" class="dataframe">',
      '  <thead>',
      `    <tr style="text-align: right;"><th></th>${header.map((h) => `<th>${h}</th>`).join('')}</tr>`,
      '  </thead>',
      '  <tbody>',
      ...rows.map((row, i) => `    <tr><th>${i}</th>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`),
      '  </tbody>',
      '</table>',
    ].join('\n');

  test('is read as the Markdown table it stands for, each value placed at its cell', () => {
    const text = [
      '**Experiment ID**: html-1',
      '',
      '## Model Configuration',
      '',
      dataframe(
        [
          ['max_depth', '8'],
          ['eta', '0.05'],
        ],
        ['param', 'value'],
      ),
      '',
      '## Evaluation Results',
      '',
      '<div>',
      '<style scoped>',
      '    .dataframe tbody tr th { vertical-align: top; }',
      '</style>',
      dataframe(
        [
          ['AUROC', '0.9712', '0.9688&ndash;0.9736'],
          ['Recall &amp; more', '71.3%', '± 1.4%'],
        ],
        ['Metric', 'Value', '95% CI'],
      ),
      '</div>',
    ].join('\n');
    const parsed = parseSource(text, { file: 'exp.md' });
    const { record } = validateRecord(parsed, { file: 'exp.md' });
    expect(record?.model?.hyperparameters).toEqual([
      { name: 'max_depth', value: 8 },
      { name: 'eta', value: 0.05 },
    ]);
    // Line 11 is `    <tr><th>1</th><td>eta</td><td>0.05</td></tr>`.
    expect(parsed.positions.get('model.hyperparameters.1.value')).toEqual({ line: 11, column: 35 });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'AUROC', value: 0.9712, ci95: { low: 0.9688, high: 0.9736 } },
      { metric: 'Recall & more', value: 71.3, unit: '%', ci95: 1.4 },
    ]);
    expect(record?.sections).toBeUndefined();
  });

  test("a wiki's export (Confluence: cells in <p>, headers in <strong>) is read as its text", () => {
    const cell = (tag: string, text: string) => `<${tag} class="confluence${tag === 'th' ? 'Th' : 'Td'}"><p>${text}</p></${tag}>`;
    const text = [
      '**Experiment ID**: wiki-1',
      '',
      '## Evaluation Results',
      '',
      '**Test Set Performance**:',
      '<table class="confluenceTable"><tbody>',
      `<tr>${['<strong>Metric</strong>', '<strong>Value</strong>', '<strong>95% CI</strong>'].map((c) => cell('th', c)).join('')}</tr>`,
      `<tr>${['nDCG@10', '0.7412', '&plusmn;0.0031'].map((c) => cell('td', c)).join('')}</tr>`,
      `<tr>${['F1', '0.811<br/>(thr 0.42)', '±0.009'].map((c) => cell('td', c)).join('')}</tr>`,
      '</tbody></table>',
    ].join('\n');
    const parsed = parseSource(text, { file: 'exp.md' });
    const { record } = validateRecord(parsed, { file: 'exp.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'nDCG@10', value: 0.7412, ci95: 0.0031 },
      { metric: 'F1', value: 0.811, ci95: 0.009, note: 'thr 0.42' },
    ]);
    // Line 8 holds the first row of values; `0.7412` starts at its column 77 (inside `<td …><p>`).
    expect(parsed.positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 8, column: 77 });
    expect(record?.sections).toBeUndefined();
  });

  test('a <br> in a Markdown table cell parts its words: a value with an aside beside its CI, a note on two lines', () => {
    const { record } = load(
      [
        '**Experiment ID**: br-1',
        '',
        '## Evaluation Results',
        '',
        '| Metric | Value | 95% CI |',
        '|---|---|---|',
        '| F1 | 0.811<br>(thr 0.42) | ±0.009 |',
        '| AUC | 0.95 ± 0.01 (5 seeds) | ±0.02 |',
      ].join('\n'),
    );
    expect(record.evaluation?.testMetrics?.[0]).toEqual({ metric: 'F1', value: 0.811, ci95: 0.009, note: 'thr 0.42' });
    // A value with a `±` of its own beside a CI cell: the value and the CI cell's interval; the cell as written is the note.
    expect(record.evaluation?.testMetrics?.[1]).toEqual({ metric: 'AUC', value: 0.95, ci95: 0.02, note: '0.95 ± 0.01 (5 seeds)' });
  });

  test('a table of splits in the dataset section: counts, shares and the columns Logbook does not model', () => {
    const text = [
      '**Experiment ID**: splits-1',
      '',
      '## Dataset',
      '',
      '| Split | Rows | Share | Fraud rate |',
      '|---|---|---|---|',
      '| Train | 1,204,332 | 80% | 0.41% |',
      '| Validation | 150,541 | 10% | 0.40% |',
      '| Test | [N] | 0.1 | 0.42% |',
      '| Holdout | about 20k | most | |',
      '',
      '- Split strategy: by transaction date',
    ].join('\n');
    const parsed = parseSource(text, { file: 'exp.md' });
    const { record } = validateRecord(parsed, { file: 'exp.md' });
    expect(record?.dataset?.splits).toEqual([
      { name: 'Train', records: 1204332, fraction: 0.8, fraudRate: '0.41%' },
      { name: 'Validation', records: 150541, fraction: 0.1, fraudRate: '0.40%' },
      { name: 'Test', fraction: 0.1, fraudRate: '0.42%' },
      // Not a count nor a share: kept as written under the column's name.
      { name: 'Holdout', rows: 'about 20k', share: 'most' },
    ]);
    expect(record?.dataset?.splitStrategy).toBe('by transaction date');
    expect(parsed.positions.get('dataset.splits.1.records')).toEqual({ line: 8, column: 16 });
    expect((parsed.data as { placeholders?: unknown[] }).placeholders).toContain('dataset.splits.2.records');
  });

  test('a splits table and a list of splits under one label: the list follows the table', () => {
    const text = [
      '**Experiment ID**: splits-2',
      '',
      '## Dataset',
      '',
      '**Splits**:',
      '',
      '| Set | Samples |',
      '|---|---|',
      '| Train | 8,000 |',
      '',
      '- Test: 2,000',
    ].join('\n');
    const { record } = load(text);
    expect(record.dataset?.splits).toEqual([
      { name: 'Train', records: 8000 },
      { name: 'Test', records: 2000 },
    ]);
  });
});

describe('a table drawn in text, pasted as a code block', () => {
  const rich = [
    '┏━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┓',
    '┃        Test metric        ┃       DataLoader 0        ┃',
    '┡━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━┩',
    '│         test_acc          │    0.9771000146865845     │',
    '│         test_loss         │    0.07412345707416534    │',
    '└───────────────────────────┴───────────────────────────┘',
  ];

  test("ruledTableOf: rich's box (Lightning's trainer.test()), tabulate's grid; each cell where it is written", () => {
    const table = ruledTableOf(createSource(['```', ...rich, '```'].join('\n')), code(rich.join('\n')));
    expect(table?.header.map((c) => c.text)).toEqual(['Test metric', 'DataLoader 0']);
    expect(table?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['test_acc', '0.9771000146865845'],
      ['test_loss', '0.07412345707416534'],
    ]);
    // `code` starts its content at line 11, so the first row is line 14; `│` + 9 spaces put test_acc at column 11.
    expect(table?.rows[0]?.[0]?.position).toEqual({ line: 14, column: 11 });
    const grid = [
      '+---------+-------+',
      '| param   | value |',
      '+=========+=======+',
      '| lr      | 3e-05 |',
      '| epochs  | 3     |',
      '+---------+-------+',
    ];
    expect(ruledTableOf(createSource(grid.join('\n')), code(grid.join('\n')))?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['lr', '3e-05'],
      ['epochs', '3'],
    ]);
    // No rule line, a line that is not a row, rows of other widths, or a language: no table.
    expect(ruledTableOf(createSource(''), code('| a | b |\n| 1 | 2 |'))).toBeUndefined();
    expect(ruledTableOf(createSource(''), code('+---+---+\n| a | b |\nnote\n| 1 | 2 |'))).toBeUndefined();
    expect(ruledTableOf(createSource(''), code('+---+---+\n| a | b |\n| 1 |'))).toBeUndefined();
    expect(ruledTableOf(createSource(''), code(grid.join('\n'), 'python'))).toBeUndefined();
  });

  test("the progress bar the terminal printed above Lightning's box is no part of the table", () => {
    const copied = ['Testing DataLoader 0: 100%|██████████| 39/39 [00:08<00:00,  4.87it/s]', ...rich];
    const table = ruledTableOf(createSource(['```', ...copied, '```'].join('\n')), code(copied.join('\n')));
    expect(table?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['test_acc', '0.9771000146865845'],
      ['test_loss', '0.07412345707416534'],
    ]);
    // One line more above the box than before: the first row is line 15.
    expect(table?.rows[0]?.[0]?.position).toEqual({ line: 15, column: 11 });
  });

  test('under `## Test`, the box Lightning prints is the test metrics', () => {
    const { record } = load(['**Experiment ID**: a', '', '## Test', '', '```', ...rich, '```'].join('\n'));
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'test_acc', value: 0.9771000146865845 },
      { metric: 'test_loss', value: 0.07412345707416534 },
    ]);
  });
});

describe('metrics printed as a dict', () => {
  test("metricsDict: trainer.evaluate()'s dict or a flat JSON object; timings and the epoch left out; each value at its column", () => {
    const printed = "{'eval_loss': 0.2934, 'eval_accuracy': 0.8868, 'eval_runtime': 12.3, 'eval_samples_per_second': 203.1, 'epoch': 2.0}";
    const read = metricsDict(printed, { line: 4, column: 1 });
    expect(read?.map((m) => [m.metric, m.value])).toEqual([
      ['eval_loss', 0.2934],
      ['eval_accuracy', 0.8868],
    ]);
    // `{'eval_loss': ` is 14 characters: 0.2934 starts at column 15; `, 'eval_accuracy': ` brings 0.8868 to column 40.
    expect(read?.map((m) => m.position)).toEqual([
      { line: 4, column: 15 },
      { line: 4, column: 40 },
    ]);
    expect(
      metricsDict('{\n  "accuracy": 0.91,\n  "f1": 0.88\n}', { line: 10, column: 1 })?.map((m) => [m.metric, m.value, m.position]),
    ).toEqual([
      ['accuracy', 0.91, { line: 11, column: 15 }],
      ['f1', 0.88, { line: 12, column: 9 }],
    ]);
    // Text values, nesting, two dicts or only bookkeeping: not a dict of metrics.
    expect(metricsDict("{'model': 'bert', 'acc': 0.9}", { line: 1, column: 1 })).toBeUndefined();
    expect(metricsDict('{"test": {"acc": 0.9}}', { line: 1, column: 1 })).toBeUndefined();
    expect(metricsDict("{'acc': 0.9}\n{'acc': 0.8}", { line: 1, column: 1 })).toBeUndefined();
    expect(metricsDict("{'epoch': 2.0, 'eval_runtime': 3.1}", { line: 1, column: 1 })).toBeUndefined();
    // A metric printed as None is listed, not measured.
    expect(metricsDict("{'eval_f1': None, 'eval_acc': 0.9}", { line: 1, column: 1 })?.map((m) => [m.metric, m.value])).toEqual([
      ['eval_f1', null],
      ['eval_acc', 0.9],
    ]);
  });

  test("NumPy 2's and PyTorch's printed scalars are their numbers; a pair under `<metric>_ci` is that metric's interval", () => {
    const printed = "{'test_auroc': np.float64(0.871), 'test_auprc': numpy.float32(0.412), 'loss': tensor(0.3101)}";
    // `{'test_auroc': np.float64(` is 26 characters: 0.871 starts at column 27.
    expect(metricsDict(printed, { line: 3, column: 1 })).toEqual([
      { metric: 'test_auroc', value: 0.871, position: { line: 3, column: 27 } },
      { metric: 'test_auprc', value: 0.412, position: { line: 3, column: 63 } },
      { metric: 'loss', value: 0.3101, position: { line: 3, column: 86 } },
    ]);
    expect(metricsDict("{'auroc': 0.871, 'auprc': 0.412, 'auroc_ci': (0.862, 0.880)}", { line: 1, column: 1 })?.[0]).toMatchObject({
      metric: 'auroc',
      value: 0.871,
      ci95: { low: 0.862, high: 0.88 },
    });
    // A pair that is no metric's interval (or bounds reversed) is not a dict of metrics.
    expect(metricsDict("{'auroc': 0.871, 'size': (224, 224)}", { line: 1, column: 1 })).toBeUndefined();
    expect(metricsDict("{'auroc': 0.871, 'auroc_ci': (0.88, 0.86)}", { line: 1, column: 1 })).toBeUndefined();
    expect(metricsDict("{'auroc': np.float64(0.871}", { line: 1, column: 1 })).toBeUndefined();
  });

  test("a W&B summary, Lightning's `trainer.test()` list, tensors on a device: the test metrics, at their columns", () => {
    const at = { line: 1, column: 1 };
    const read = (text: string) => metricsDict(text, at)?.map((m) => [m.metric, m.value, m.position.column]);
    // W&B's own keys (`_runtime`, `_step`, the nested `_wandb`) are bookkeeping; beside `test/*` the other splits are not the test's.
    expect(
      read('{"_runtime": 172811.5, "_step": 150000, "train/loss": 0.2213, "val/wer": 0.0561, "test/wer": 0.0262, "epoch": 100}'),
    ).toEqual([['test/wer', 0.0262, 94]]);
    expect(read('{"test_clean/wer": 0.0262, "_wandb": {"runtime": 172811}, "test_other/wer": 0.0588}')).toEqual([
      ['test_clean/wer', 0.0262, 20],
      ['test_other/wer', 0.0588, 77],
    ]);
    // No test split: `eval_*` may be the test metrics (`trainer.evaluate()`), the training split's are not; a learning rate and a step count are no metrics.
    expect(read("{'eval_loss': 0.31, 'train_loss': 0.12, 'trainer/global_step': 1500, 'lr-AdamW': 1e-5}")).toEqual([
      ['eval_loss', 0.31, 15],
    ]);
    expect(read("[{'test_loss': 0.2317, 'test_acc': 0.9152}]")).toEqual([
      ['test_loss', 0.2317, 16],
      ['test_acc', 0.9152, 36],
    ]);
    expect(read("{'test_auroc': tensor(0.7893, device='cuda:0')}")).toEqual([['test_auroc', 0.7893, 23]]);
  });

  test('printedMetricLines: `AUROC: 0.871` lines a script prints; a line that names no metric or holds no number is not it', () => {
    expect(printedMetricLines('AUROC: 0.871\nTest accuracy = 91.2%\n', { line: 7, column: 1 })).toEqual([
      { metric: 'AUROC', value: 0.871, position: { line: 7, column: 8 } },
      { metric: 'Test accuracy', value: 91.2, unit: '%', position: { line: 8, column: 17 } },
    ]);
    expect(printedMetricLines('threshold: 0.5\nAUROC: 0.871', { line: 1, column: 1 })).toBeUndefined();
    expect(printedMetricLines('AUROC: high', { line: 1, column: 1 })).toBeUndefined();
    const { record } = load(
      ['**Experiment ID**: a', '', '## Evaluation Results', '', '```', 'AUROC: 0.871', 'AUPRC: 0.412', '```'].join('\n'),
    );
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'AUROC', value: 0.871 },
      { metric: 'AUPRC', value: 0.412 },
    ]);
  });

  test('under the evaluation heading, as a code block or a line of its own, the dict is the test metrics', () => {
    const dict = "{'eval_loss': 0.2934, 'eval_accuracy': 0.8868, 'epoch': 2.0}";
    for (const body of [['```', dict, '```'], [dict], ['```json', '{"accuracy": 0.8868, "eval_loss": 0.2934}', '```']]) {
      const { record } = load(['**Experiment ID**: a', '', '## Evaluation', '', ...body].join('\n'));
      expect(Object.fromEntries(record.evaluation?.testMetrics?.map((m) => [m.metric, m.value]) ?? [])).toMatchObject({
        eval_loss: 0.2934,
      });
    }
  });
});

describe("Keras' model.evaluate() output", () => {
  test('kerasEvaluation: the last progress line, Keras 2 or 3, each value at its column; a training log or words are not it', () => {
    const keras2 = '313/313 [==============================] - 1s 3ms/step - loss: 0.9950 - accuracy: 0.6512';
    // `313/313 [` (9), 30 `=`, `] - 1s 3ms/step - loss: ` (24) are 63 characters: 0.9950 starts at column 64.
    expect(kerasEvaluation(keras2, { line: 4, column: 1 })).toEqual([
      { metric: 'loss', value: 0.995, position: { line: 4, column: 64 } },
      { metric: 'accuracy', value: 0.6512, position: { line: 4, column: 83 } },
    ]);
    const keras3 = [
      '157/313 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.6400 - loss: 1.0100',
      '313/313 ━━━━━━━━━━━━━━━━━━━━ 1s 3ms/step - accuracy: 0.6512 - loss: 0.9950',
    ];
    expect(kerasEvaluation(keras3.join('\n'), { line: 10, column: 1 })?.map((m) => [m.metric, m.value, m.position.line])).toEqual([
      ['accuracy', 0.6512, 11],
      ['loss', 0.995, 11],
    ]);
    expect(kerasEvaluation(['Epoch 1/3', keras2].join('\n'), { line: 1, column: 1 })).toBeUndefined();
    expect(kerasEvaluation('313/313 - 1s - loss: nan? - accuracy: high', { line: 1, column: 1 })).toBeUndefined();
    expect(kerasEvaluation('3/4 of the runs converged', { line: 1, column: 1 })).toBeUndefined();
  });

  test('a line built to make the reading backtrack (each value also reads as the next pair) is read at once, as a line of one pair', () => {
    // `0/0-e:` then `u-u:<tab>-u:u-u:` 24 times: with the pairs' end not fixed, a pattern tries about 2^24 ways to split it.
    const hostile = `0/0-e:${'u-u:\t-u:u-u:'.repeat(24)}m\tu`;
    expect(kerasEvaluation(hostile, { line: 1, column: 1 })).toBeUndefined();
  });

  test('under the evaluation heading, as a code block or a line of its own, they are the test metrics', () => {
    for (const body of [
      ['```', '313/313 [====] - 1s 3ms/step - loss: 0.9950 - accuracy: 0.6512', '```'],
      ['313/313 - 1s - loss: 0.9950 - accuracy: 0.6512'],
    ]) {
      const { record, positions } = load(['**Experiment ID**: a', '', '## Test', '', ...body].join('\n'));
      expect(record.evaluation?.testMetrics?.map((m) => [m.metric, m.value])).toEqual([
        ['loss', 0.995],
        ['accuracy', 0.6512],
      ]);
      expect(positions.get('evaluation.testMetrics.1.value')?.line).toBe(body.length === 3 ? 6 : 5);
    }
  });

  test("Keras' guide's output: the print above and the returned list below are no progress lines, the progress line is read", () => {
    const guide = [
      'Evaluate on test data',
      '79/79 [==============================] - 0s 2ms/step - loss: 0.1266 - sparse_categorical_accuracy: 0.9629',
      'test loss, test acc: [0.12660712003707886, 0.9628999829292297]',
    ];
    // `79/79 [` (7), 30 `=`, `] - 0s 2ms/step - loss: ` (24): 0.1266 at column 62 of the block's second line; then
    // `0.1266 - ` (9) and `sparse_categorical_accuracy: ` (29): 0.9629 at 100.
    expect(kerasEvaluation(guide.join('\n'), { line: 4, column: 1 })).toEqual([
      { metric: 'loss', value: 0.1266, position: { line: 5, column: 62 } },
      { metric: 'sparse_categorical_accuracy', value: 0.9629, position: { line: 5, column: 100 } },
    ]);
    // Words alone, or the list alone, are no evaluation; a line with numbers that is neither is no part of one.
    expect(kerasEvaluation(guide[0] ?? '', { line: 1, column: 1 })).toBeUndefined();
    expect(kerasEvaluation(guide[2] ?? '', { line: 1, column: 1 })).toBeUndefined();
    expect(kerasEvaluation([...guide, 'Epoch 1/3'].join('\n'), { line: 1, column: 1 })).toBeUndefined();
    // In a Python shell: the call above, the returned list below.
    const shell = ['>>> model.evaluate(x_test, y_test)', guide[1] ?? '', '[0.12660712003707886, 0.9628999829292297]'];
    expect(kerasEvaluation(shell.join('\n'), { line: 1, column: 1 })?.map((m) => [m.metric, m.value, m.position.line])).toEqual([
      ['loss', 0.1266, 2],
      ['sparse_categorical_accuracy', 0.9629, 2],
    ]);
  });

  test('`- test loss, test acc: [0.1266, 0.9629]`: names with commas and the printed list of their values, each value where written', () => {
    const { record, positions } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Evaluation Results',
        '',
        '**Test Set Performance**:',
        '- test loss, test acc: [0.1266, 0.9629]',
      ].join('\n'),
    );
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'test loss', value: 0.1266 },
      { metric: 'test acc', value: 0.9629 },
    ]);
    // `- test loss, test acc: [` is 24 characters: 0.1266 at column 25, and after `0.1266, ` 0.9629 at 33.
    expect(positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 6, column: 25 });
    expect(positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 6, column: 33 });
  });

  test('a list item labelled as the test results (`- Test: 313/313 …`) is read; one labelled with another split is not a test metric', () => {
    const keras = '313/313 [==============================] - 1s 3ms/step - loss: 0.2714 - accuracy: 0.9123';
    const log = (...items: string[]) =>
      load(['**Experiment ID**: a', '', '## Evaluation Results', '', '**Test Set Performance**:', ...items].join('\n'));
    const { record, positions } = log(`- Test: ${keras}`);
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'loss', value: 0.2714 },
      { metric: 'accuracy', value: 0.9123 },
    ]);
    // `- Test: ` is 8 characters; in the line itself 0.2714 starts at column 64 and 0.9123 at 83.
    expect(positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 6, column: 72 });
    expect(positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 6, column: 91 });
    // The validation split's line beside it: kept as a note with a warning, its 0.2650 no test loss.
    const both = log(`- Val: ${keras.replace('0.2714', '0.2650')}`, `- Test: ${keras}`).record.evaluation;
    expect(both?.testMetrics?.map((m) => [m.metric, m.value])).toEqual([
      ['loss', 0.2714],
      ['accuracy', 0.9123],
    ]);
    expect(both?.testMetricsNote).toMatch(/^Val: 313\/313/);
    expect(log(`- Val: ${keras}`).record.evaluation?.testMetrics).toBeUndefined();
  });
});

describe("Hugging Face Trainer's log_metrics output", () => {
  test('trainerMetrics: each metric at its column, timing left out; a train split or other lines are not it', () => {
    const text = ['***** test metrics *****', '  test_accuracy = 0.8312', '  test_loss     = 0.4501', '  test_runtime  = 0:00:12.31'].join(
      '\n',
    );
    // `  test_loss     = ` is 18 characters: 0.4501 starts at column 19; the first line is the block's line 3.
    expect(trainerMetrics(text, { line: 3, column: 1 })).toEqual([
      { metric: 'test_accuracy', value: 0.8312, position: { line: 4, column: 19 } },
      { metric: 'test_loss', value: 0.4501, position: { line: 5, column: 19 } },
    ]);
    expect(trainerMetrics('***** train metrics *****\n  train_loss = 0.31', { line: 1, column: 1 })).toBeUndefined();
    expect(trainerMetrics('accuracy = 0.83\nprint(model)', { line: 1, column: 1 })).toBeUndefined();
    expect(trainerMetrics('  test_runtime = 0:00:12.31', { line: 1, column: 1 })).toBeUndefined();
  });

  test('pasted under the test heading, they are the test metrics', () => {
    const { record } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Test',
        '',
        '```',
        '***** test metrics *****',
        '  test_accuracy = 0.8312',
        '  test_f1       = 0.8207',
        '```',
      ].join('\n'),
    );
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'test_accuracy', value: 0.8312 },
      { metric: 'test_f1', value: 0.8207 },
    ]);
  });
});

describe('settings in a shape that is nothing else, with no label above them', () => {
  test('`Namespace(…)` in an unmarked block under `## Config`, then a printed dict on a line under `## Hyperparameters`: all of them, in order', () => {
    const { record, positions } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Config',
        '',
        '```',
        "Namespace(arch='resnet50', lr=0.1, pretrained=False)",
        '```',
        '',
        '## Hyperparameters',
        '',
        "{'optimizer': 'sgd', 'warmup_epochs': 5}",
      ].join('\n'),
    );
    expect(record.model?.hyperparameters).toEqual([
      { name: 'arch', value: 'resnet50' },
      { name: 'lr', value: 0.1 },
      { name: 'pretrained', value: false },
      { name: 'optimizer', value: 'sgd' },
      { name: 'warmup_epochs', value: 5 },
    ]);
    // `{'` puts the first name at column 2 of line 11.
    expect(positions.get('model.hyperparameters.3.name')).toEqual({ line: 11, column: 2 });
  });

  test('a Python block that is code, not a call or a dict, is not read as settings without a label', () => {
    const { record } = load(
      ['**Experiment ID**: a', '', '## Model', '', '```python', 'model = build()', 'model.fit(x, y)', '```'].join('\n'),
    );
    expect(record.model?.hyperparameters).toBeUndefined();
  });
});

describe('a test-metric cell that is no value', () => {
  test('`~0.91`, `<0.001`, `>99%`: the metric without a value, the cell its note, a warning at the cell; the rest of the record reads', () => {
    const text = [
      '**Experiment ID**: a',
      '',
      '## Results',
      '| Metric | Value |',
      '|---|---|',
      '| AUC | ~0.91 |',
      '| p-value | <0.001 |',
      '| F1 | 0.84 |',
    ].join('\n');
    const parsed = parseSource(text, { file: 'a.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'a.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'AUC', value: null, note: '~0.91' },
      { metric: 'p-value', value: null, note: '<0.001' },
      { metric: 'F1', value: 0.84 },
    ]);
    // `| AUC | ` is 8 characters: the cell starts at column 9 of line 6.
    expect(diagnostics.map((d) => [d.level, d.path, d.line, d.column])).toEqual([
      ['warning', 'evaluation.testMetrics.0.note', 6, 9],
      ['warning', 'evaluation.testMetrics.1.note', 7, 13],
    ]);
  });
});

describe("lm-evaluation-harness's results tables", () => {
  test('a metric per row named by its task (and subtask), its Stderr the standard error; the Groups table is no groups of people', () => {
    const text = [
      '**Experiment ID**: llm-2',
      '',
      '## Evaluation Results',
      '',
      '|    Tasks    |Version|Filter|n-shot| Metric |   |Value |   |Stderr|',
      '|-------------|------:|------|-----:|--------|---|-----:|---|-----:|',
      '|arc_challenge|      1|none  |     0|acc     |↑  |0.5213|±  |0.0146|',
      '|             |       |none  |     0|acc_norm|↑  |0.5529|±  |0.0145|',
      '|gsm8k        |      3|strict-match|5|exact_match|↑|0.4412|±  |0.0137|',
      '|mmlu         |      2|none  |      |acc     |↑  |0.6534|±  |0.0038|',
      '| - humanities|      2|none  |      |acc     |↑  |0.6012|±  |0.0068|',
      '|crows_pairs  |      1|none  |     0|pct_stereotype|↓|0.6214|±  |N/A   |',
      '',
      '|      Groups      |Version|Filter|n-shot|Metric|   |Value |   |Stderr|',
      '|------------------|------:|------|------|------|---|-----:|---|-----:|',
      '|mmlu              |      2|none  |      |acc   |↑  |0.6534|±  |0.0038|',
      '| - humanities     |      2|none  |      |acc   |↑  |0.6012|±  |0.0068|',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'llm-2.md' }), { file: 'llm-2.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'arc_challenge acc', value: 0.5213, standardError: 0.0146 },
      { metric: 'arc_challenge acc_norm', value: 0.5529, standardError: 0.0145 },
      { metric: 'gsm8k exact_match (strict-match)', value: 0.4412, standardError: 0.0137 },
      { metric: 'mmlu acc', value: 0.6534, standardError: 0.0038 },
      { metric: 'mmlu/humanities acc', value: 0.6012, standardError: 0.0068 },
      // A metric Logbook does not know keeps the direction lm-eval prints.
      { metric: 'crows_pairs pct_stereotype ↓', value: 0.6214 },
    ]);
    expect(record?.evaluation?.disaggregated).toBeUndefined();
    expect(metricInfo('crows_pairs pct_stereotype ↓').direction).toBe('lower');
  });
});

describe("sacrebleu's scores", () => {
  const bleu = 'BLEU = 34.21 60.1/40.2/28.3/20.1 (BP = 0.980 ratio = 0.980 hyp_len = 61234 ref_len = 62470)';
  const signature = 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.3.1';

  test('sacrebleuScores: the score line is BLEU at its column, the signature on its own line its note; the n-gram precisions are no metrics', () => {
    // `BLEU = ` is 7 characters: 34.21 at column 8.
    expect(sacrebleuScores([bleu, signature].join('\n'), { line: 4, column: 1 })).toEqual([
      { metric: 'BLEU', value: 34.21, note: signature, position: { line: 4, column: 8 } },
    ]);
    // `--format text`: the signature after the name (`BLEU|…|version:2.3.1` is 63 characters, then ` = `): 34.21 at column 67.
    expect(
      sacrebleuScores(`BLEU|${signature} = 34.21 60.1/40.2/28.3/20.1 (BP = 0.980)\nchrF2|nrefs:1|nc:6 = 61.30`, { line: 1, column: 1 }),
    ).toEqual([
      { metric: 'BLEU', value: 34.21, note: signature, position: { line: 1, column: 67 } },
      { metric: 'chrF2', value: 61.3, note: 'nrefs:1|nc:6', position: { line: 2, column: 22 } },
    ]);
    // The command pasted above its output is no score; alone, it is no output.
    expect(sacrebleuScores(`$ sacrebleu ref.de -i hyp.de -m bleu\n${bleu}`, { line: 1, column: 1 })).toEqual([
      { metric: 'BLEU', value: 34.21, position: { line: 2, column: 8 } },
    ]);
    expect(sacrebleuScores('$ sacrebleu ref.de -i hyp.de -m bleu', { line: 1, column: 1 })).toBeUndefined();
    // sacrebleu 1's signature, joined with `+`.
    expect(
      sacrebleuScores('BLEU+case.mixed+numrefs.1+tok.13a+version.1.4.14 = 34.21 60.1/40.2/28.3/20.1', { line: 1, column: 1 })?.[0],
    ).toMatchObject({
      metric: 'BLEU',
      value: 34.21,
      note: 'case.mixed+numrefs.1+tok.13a+version.1.4.14',
    });
  });

  test("sacrebleuScores: the JSON sacrebleu's command prints, each score where printed", () => {
    const json = [
      '{',
      ' "name": "BLEU",',
      ' "score": 34.2,',
      ` "signature": "${signature}",`,
      ' "verbose_score": "60.1/40.2/28.3/20.1 (BP = 0.980)"',
      '}',
    ];
    // ` "score": ` is 10 characters: 34.2 at column 11 of the block's third line.
    expect(sacrebleuScores(json.join('\n'), { line: 20, column: 1 })).toEqual([
      { metric: 'BLEU', value: 34.2, note: signature, position: { line: 22, column: 11 } },
    ]);
  });

  test.each([
    ['a sentence about BLEU', 'BLEU improved to 34.2'],
    ['a score line beside other lines', `${bleu}\nloss: 0.2714`],
    ['a signature alone', signature],
    ['JSON of another metric', '{"name": "ROUGE-L", "score": 41.2}'],
    ['JSON with no score', '{"name": "BLEU", "score": "34.2"}'],
  ])('%s is not read', (_, text) => {
    expect(sacrebleuScores(text, { line: 1, column: 1 })).toBeUndefined();
  });

  test.each([
    [
      'a code block under the label, with the signature',
      ['**Test Set Performance** (newstest2021 en-de):', '```', bleu, signature, '```'],
      signature,
    ],
    ['a list item (it was a note with a warning)', ['**Test Set Performance**:', `- ${bleu}`], undefined],
    ['a line of its own under the heading', [bleu], undefined],
    ["the label's value", [`**Test Set Performance**: ${bleu}`], undefined],
  ])('%s: the BLEU test metric, 34.21 (higher is better)', (_, body, note) => {
    const parsed = parseSource(['**Experiment ID**: mt-4', '', '## Evaluation Results', '', ...body].join('\n'), { file: 'mt-4.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'mt-4.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([{ metric: 'BLEU', value: 34.21, ...(note === undefined ? {} : { note }) }]);
    expect(metricInfo('BLEU').direction).toBe('higher');
  });
});

describe("Ultralytics YOLO's validation table", () => {
  const header =
    '                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95): 100%|██████████| 4/4 [00:01<00:00,  2.61it/s]';
  const all = '                   all        128        929      0.716      0.612      0.682      0.503';
  const classes = [
    '                person        128        254      0.815      0.681      0.776      0.527',
    '         traffic light        128         46      0.623      0.283      0.371      0.198',
    '                 woman        128         12      0.701      0.583      0.610      0.402',
  ];
  const speed = 'Speed: 0.2ms preprocess, 2.1ms inference, 0.0ms loss, 1.3ms postprocess per image';

  test('yoloValidation: the `all` row is precision, recall, mAP50 and mAP50-95, each at its column; the classes are not read', () => {
    // 19 spaces and `all` (22), 8 spaces and `128` (33), 8 and `929` (44), 6 spaces: 0.716 at column 51, then every 11 columns.
    expect(yoloValidation([header, all, ...classes, speed].join('\n'), { line: 7, column: 1 })).toEqual([
      { metric: 'Precision', value: 0.716, position: { line: 8, column: 51 } },
      { metric: 'Recall', value: 0.612, position: { line: 8, column: 62 } },
      { metric: 'mAP50', value: 0.682, position: { line: 8, column: 73 } },
      { metric: 'mAP50-95', value: 0.503, position: { line: 8, column: 84 } },
    ]);
  });

  test("yoloValidation: a segmentation model's two groups are named with them; YOLOv5's header as it names them", () => {
    const seg = header.replace('mAP50-95)', 'mAP50-95)     Mask(P          R      mAP50  mAP50-95)');
    const read = yoloValidation([seg, `${all}      0.701      0.598      0.660      0.421`].join('\n'), { line: 1, column: 1 });
    expect(read?.map((m) => [m.metric, m.value])).toEqual([
      ['Box Precision', 0.716],
      ['Box Recall', 0.612],
      ['Box mAP50', 0.682],
      ['Box mAP50-95', 0.503],
      ['Mask Precision', 0.701],
      ['Mask Recall', 0.598],
      ['Mask mAP50', 0.66],
      ['Mask mAP50-95', 0.421],
    ]);
    const v5 = '                 Class     Images     Labels          P          R     mAP@.5 mAP@.5:.95: 100%|██████████| 4/4';
    expect(yoloValidation([v5, all].join('\n'), { line: 1, column: 1 })?.map((m) => m.metric)).toEqual([
      'Precision',
      'Recall',
      'mAP@.5',
      'mAP@.5:.95',
    ]);
  });

  test.each([
    ['no `all` row', [header, ...classes]],
    ['a row with a value missing', [header, all, '                person        128        254      0.815      0.681      0.776']],
    ['other text under the table', [header, all, 'mAP improved over the baseline']],
    ['no header', [all, ...classes]],
  ])('%s: not read', (_, lines) => {
    expect(yoloValidation(lines.join('\n'), { line: 1, column: 1 })).toBeUndefined();
  });

  test.each([
    ['under the test results label', ['**Test Set Performance** (`yolo val model=best.pt data=coco128.yaml`):']],
    ['under the heading with no label', []],
  ])('%s: the test metrics (mAP higher is better), no groups of people', (_, label) => {
    const text = ['**Experiment ID**: det-2', '', '## Evaluation Results', '', ...label, '```', header, all, ...classes, speed, '```'].join(
      '\n',
    );
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'det-2.md' }), { file: 'det-2.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics?.map((m) => [m.metric, m.value])).toEqual([
      ['Precision', 0.716],
      ['Recall', 0.612],
      ['mAP50', 0.682],
      ['mAP50-95', 0.503],
    ]);
    expect(record?.evaluation?.disaggregated).toBeUndefined();
    expect(['mAP50', 'mAP50-95'].map((name) => metricInfo(name).direction)).toEqual(['higher', 'higher']);
  });

  const markdownTable = [
    '| Class | Images | Instances | P | R | mAP50 | mAP50-95 |',
    '|---|---|---|---|---|---|---|',
    '| all | 128 | 929 | 0.716 | 0.612 | 0.682 | 0.503 |',
    '| person | 128 | 254 | 0.815 | 0.681 | 0.776 | 0.527 |',
    '| car | 128 | 46 | 0.623 | 0.283 | 0.371 | 0.198 |',
  ];

  test.each([
    ['under the test results label (it was a warning that no column is marked as this experiment)', ['**Test Set Performance**:', '']],
    ['with no label (it was kept as text)', []],
  ])('written as a Markdown table, %s: the `all` row, each value at its cell; the table stays on the page', (_, label) => {
    const text = ['**Experiment ID**: det-2', '', '## Evaluation Results', '', ...label, ...markdownTable].join('\n');
    const parsed = parseSource(text, { file: 'det-2.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'det-2.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Precision', value: 0.716 },
      { metric: 'Recall', value: 0.612 },
      { metric: 'mAP50', value: 0.682 },
      { metric: 'mAP50-95', value: 0.503 },
    ]);
    // `| all | 128 | 929 | ` is 20 characters: 0.716 at column 21 (the cell's position is its text's).
    expect(parsed.positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 5 + label.length + 2, column: 21 });
    expect(record?.sections?.[0]?.markdown).toContain('| car | 128 | 46 |');
  });

  test('written as a Markdown table under the disaggregated label: no groups (they were `person` and `car`, each of n = 128 images)', () => {
    const text = ['**Experiment ID**: det-2', '', '## Evaluation Results', '', '**Disaggregated Performance**:', '', ...markdownTable].join(
      '\n',
    );
    const { record } = validateRecord(parseSource(text, { file: 'det-2.md' }), { file: 'det-2.md' });
    expect(record?.evaluation?.disaggregated).toBeUndefined();
    expect(record?.sections?.[0]?.markdown).toContain('| person | 128 | 254 |');
  });

  test('under the disaggregated label, the classes are still no groups of people', () => {
    const text = [
      '**Experiment ID**: det-2',
      '',
      '## Evaluation Results',
      '',
      '**Disaggregated Performance**:',
      '```',
      header,
      all,
      ...classes,
      '```',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'det-2.md' }), { file: 'det-2.md' });
    expect(record?.evaluation?.disaggregated).toBeUndefined();
  });
});

describe("scikit-learn's cross_validate() output", () => {
  // The template has no place for a cross-validation's fold scores: the printed dict stays on the page as written.
  const printed = [
    "{'fit_time': array([1.21, 1.19, 1.25, 1.2 , 1.22]),",
    " 'score_time': array([0.02, 0.02, 0.03, 0.02, 0.02]),",
    " 'test_score': array([0.91, 0.9 , 0.92, 0.89, 0.91]),",
    " 'train_score': array([0.95, 0.96, 0.95, 0.95, 0.96])}",
  ];

  test.each([
    ['under the test results label', ['## Evaluation Results', '', '**Test Set Performance**:', '```', ...printed, '```']],
    ['under the evaluation heading with no label', ['## Evaluation Results', '', '```', ...printed, '```']],
    ["as the test results label's value", ['## Evaluation Results', '', `**Test Set Performance**: ${printed.join('')}`]],
    ['under the training metrics', ['## Training Results', '', '**Training Metrics**:', '```', ...printed, '```']],
    ['under a results heading', ['## Results', '', '```', ...printed, '```']],
  ])('%s: no fold score, fit time or mean is read as a metric, and the dict is kept', (_, body) => {
    const parsed = parseSource(['**Experiment ID**: cv-1', '', ...body].join('\n'), { file: 'cv-1.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'cv-1.md' });
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(record?.evaluation?.testMetrics).toBeUndefined();
    expect(record?.training?.history).toBeUndefined();
    expect(JSON.stringify(record)).toContain('0.91, 0.9 , 0.92');
  });
});

describe("CatBoost's best round pasted under the results", () => {
  test.each(['Results', 'Evaluation Results', 'Test metrics'])(
    '`## %s` over `bestTest = 0.3012` / `bestIteration = 412`: no test metrics (they were `bestTest` 0.3012 and `bestIteration` 412), the block kept',
    (heading) => {
      const text = ['**Experiment ID**: gbm-4', '', `## ${heading}`, '', '```', 'bestTest = 0.3012', 'bestIteration = 412', '```'].join(
        '\n',
      );
      const { record, diagnostics } = validateRecord(parseSource(text, { file: 'gbm-4.md' }), { file: 'gbm-4.md' });
      expect(diagnostics).toEqual([]);
      expect(record?.evaluation?.testMetrics).toBeUndefined();
      expect(record?.sections?.[0]?.markdown).toContain('bestIteration = 412');
    },
  );
});
