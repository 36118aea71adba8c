import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';

/** The `writtenDecimals` a file gets from the parser. */
function decimals(text: string, file: string): Record<string, number> | undefined {
  const { record } = validateRecord(parseSource(text, { file }), { file });
  return record?.writtenDecimals;
}

describe('written precision is kept from the source text', () => {
  test('JSON: 0.890 was written to three places, 0.845 needs no note', () => {
    const text =
      '{ "id": "j", "evaluation": { "testMetrics": [{ "metric": "Accuracy", "value": 0.890, "ci95": 0.010 }, { "metric": "F1", "value": 0.845 }] } }';
    expect(decimals(text, 'j.json')).toEqual({ 'evaluation.testMetrics.0.value': 3, 'evaluation.testMetrics.0.ci95': 3 });
  });

  test('YAML frontmatter: 0.890 and 48.0', () => {
    const text = [
      '---',
      'id: y',
      'training:',
      '  infrastructure: { gpuCount: 4, durationHours: 12, gpuHours: 48.0 }',
      'evaluation:',
      '  testMetrics:',
      '    - { metric: Accuracy, value: 0.890 }',
      '---',
      '',
    ].join('\n');
    expect(decimals(text, 'y.md')).toEqual({ 'training.infrastructure.gpuHours': 1, 'evaluation.testMetrics.0.value': 3 });
  });

  test('a moved part keeps its precision at its new path: MLflow-style `metrics` and `params`', () => {
    const text = ['---', 'id: m', 'metrics:', '  accuracy: 0.9310', 'params:', '  lr: 0.0010', '---', ''].join('\n');
    expect(decimals(text, 'm.md')).toEqual({ 'evaluation.testMetrics.0.value': 4, 'model.hyperparameters.0.value': 4 });
    const json = '{ "id": "m", "metrics": { "f1": 0.840 }, "evaluation": { "confusionMatrix": [[1, 2], [3, 4]] } }';
    expect(decimals(json, 'm.json')).toEqual({ 'evaluation.testMetrics.0.value': 3 });
  });

  test('the template: 0.890 and 87.0% in the test metrics, **0.850** in the baseline table', () => {
    const text = [
      '# ML Experiment Tracking Log',
      '',
      '**Experiment ID**: t',
      '',
      '## Evaluation Results',
      '',
      '**Test Set Performance**:',
      '| Metric | Value | 95% CI |',
      '|--------|-------|--------|',
      '| Accuracy | 87.0% | ±0.70% |',
      '| Precision | 0.890 | ±0.015 |',
      '',
      '## Comparison to Baseline',
      '',
      '**Baseline Models**:',
      '| Model | Accuracy | Notes |',
      '|-------|----------|-------|',
      '| **Current Experiment** | **0.870** | - |',
      '| Production | 0.85 | - |',
      '',
    ].join('\n');
    expect(decimals(text, 't.md')).toEqual({
      'evaluation.testMetrics.0.value': 1,
      'evaluation.testMetrics.0.ci95': 2,
      'evaluation.testMetrics.1.value': 3,
      'comparison.baselines.0.metrics.Accuracy': 3,
    });
  });

  test('a record may state them itself; the source text wins', () => {
    const text =
      '{ "id": "s", "writtenDecimals": { "a": 4, "evaluation.testMetrics.0.value": 1 }, "evaluation": { "testMetrics": [{ "metric": "Accuracy", "value": 0.90 }] } }';
    expect(decimals(text, 's.json')).toEqual({ a: 4, 'evaluation.testMetrics.0.value': 2 });
  });
});

describe('a table written with decimal commas', () => {
  const history = (rows: readonly string[]) => {
    const text = ['**Experiment ID**: dc-1', '', '## Training', '', '| Epoch | Train Loss | Val WER (%) |', '|---|---|---|', ...rows].join(
      '\n',
    );
    return (parseSource(text, { file: 'dc-1.md' }).data as { training?: { history?: unknown[] } }).training?.history;
  };

  test('`3,912` beside `0,874` and `38,4` is 3.912, as the rest of the table is written', () => {
    expect(history(['| 1 | 3,912 | 38,4 |', '| 10 | 1,205 | 12,9 |', '| 20 | 0,874 | 9,8 |'])).toEqual([
      { epoch: 1, 'Train Loss': 3.912, 'Val WER (%)': 38.4 },
      { epoch: 10, 'Train Loss': 1.205, 'Val WER (%)': 12.9 },
      { epoch: 20, 'Train Loss': 0.874, 'Val WER (%)': 9.8 },
    ]);
  });

  test('with decimal points anywhere in the table, `3,912` groups thousands', () => {
    expect(history(['| 1 | 3,912 | 38.4 |', '| 2 | 1,205 | 12.9 |'])).toEqual([
      { epoch: 1, 'Train Loss': 3912, 'Val WER (%)': 38.4 },
      { epoch: 2, 'Train Loss': 1205, 'Val WER (%)': 12.9 },
    ]);
  });

  test('a group size written `1.500` among decimal commas is 1,500', () => {
    const text = [
      '**Experiment ID**: dc-2',
      '',
      '## Evaluation',
      '',
      '**Disaggregated Performance** (by region):',
      '| Group | n | Recall |',
      '|---|---|---|',
      '| Nord | 1.500 | 0,63 |',
      '| Süd | 2.388 | 0,598 |',
    ].join('\n');
    const groups = (parseSource(text, { file: 'dc-2.md' }).data as { evaluation?: { disaggregated?: { n?: number; metrics: unknown }[] } })
      .evaluation?.disaggregated;
    expect(groups?.map((g) => [g.n, g.metrics])).toEqual([
      [1500, { Recall: 0.63 }],
      [2388, { Recall: 0.598 }],
    ]);
  });

  test('`Estimated CO2: 61,2 kg` is 61.2 kg, not 61 with a note "2 kg"', () => {
    const text = ['**Experiment ID**: dc-3', '', '## Training', '', '- Estimated CO2: 61,2 kg'].join('\n');
    expect((parseSource(text, { file: 'dc-3.md' }).data as { training?: unknown }).training).toEqual({ infrastructure: { co2Kg: 61.2 } });
  });
});
