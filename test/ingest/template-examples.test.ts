import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';
import * as msg from '../../src/ingest/messages.ts';
import { findTemplateExamples, TEMPLATE_EXAMPLE_RESULTS as T } from '../../src/ingest/template-examples.ts';
import type { Experiment } from '../../src/schema/index.ts';

const TEMPLATE = readFileSync(new URL('../../src/scaffold/template.md', import.meta.url), 'utf8');

describe('TEMPLATE_EXAMPLE_RESULTS', () => {
  const { record } = validateRecord(parseSource(TEMPLATE, { file: 'template.md' }), { file: 'template.md' });

  test('are the example results the parser reads from src/scaffold/template.md', () => {
    expect(record?.training?.history).toEqual(T.history);
    expect(record?.training?.bestModel).toEqual(T.bestModel);
    expect(record?.training?.infrastructure).toMatchObject(T.infrastructure);
    expect(record?.evaluation?.testMetrics).toEqual(T.testMetrics);
    expect(record?.evaluation?.confusionMatrix).toEqual(T.confusionMatrix);
    expect(record?.evaluation?.disaggregated).toMatchObject(T.disaggregated);
    expect(record?.comparison?.baselines).toMatchObject(T.baselines);
    expect(record?.comparison?.claims).toMatchObject(T.claims);
    expect(record?.tuning?.bestHyperparameters).toEqual(T.bestHyperparameters);
    expect(record?.observations?.featureImportance).toMatchObject(T.featureImportance);
  });

  test('are all found in the template itself', () => {
    expect(findTemplateExamples(record ?? { id: 'none' }).map(({ path }) => path.join('.'))).toEqual([
      'training.history.0',
      'training.bestModel',
      'training.infrastructure',
      'evaluation.testMetrics.0',
      'evaluation.confusionMatrix.matrix',
      'evaluation.disaggregated.0',
      'comparison.baselines.0',
      'comparison.claims.0',
      'tuning.bestHyperparameters',
      'observations.featureImportance.0',
    ]);
  });
});

describe('findTemplateExamples', () => {
  const withMetrics = (testMetrics: NonNullable<Experiment['evaluation']>['testMetrics']): Experiment => ({
    id: 'x',
    evaluation: { testMetrics },
  });

  test('finds a test-metric row written as in the template (name, value and CI), at its index', () => {
    const record = withMetrics([
      { metric: 'Recall', value: 0.81 },
      { metric: 'Accuracy', value: 0.869, ci95: 0.012 },
    ]);
    expect(findTemplateExamples(record)).toEqual([
      { path: ['evaluation', 'testMetrics', 1], part: 'test metrics', items: ['Accuracy 0.869'] },
    ]);
  });

  test.each([
    ['another CI', [{ metric: 'Accuracy', value: 0.869, ci95: 0.013 }]],
    ['no CI', [{ metric: 'Accuracy', value: 0.869 }]],
    ['another metric', [{ metric: 'Balanced accuracy', value: 0.869, ci95: 0.012 }]],
  ])('a row that differs (%s) is not the example', (_, rows) => {
    expect(findTemplateExamples(withMetrics(rows))).toEqual([]);
  });

  test("finds the template's confusion-matrix counts whatever the labels", () => {
    const record: Experiment = {
      id: 'x',
      evaluation: { confusionMatrix: { labels: ['ok', 'fraud'], matrix: T.confusionMatrix.matrix.map((row) => [...row]) } },
    };
    expect(findTemplateExamples(record)).toEqual([
      { path: ['evaluation', 'confusionMatrix', 'matrix'], part: 'confusion matrix', items: ['[95000, 5000], [8500, 41500]'] },
    ]);
  });

  test('finds the training cost only when duration, GPU-hours and CO₂ all match', () => {
    const partial: Experiment = { id: 'x', training: { infrastructure: { durationHours: 12, gpuHours: 48 } } };
    const full: Experiment = {
      id: 'x',
      training: { infrastructure: { hardware: '2x A100', durationHours: 12, gpuHours: 48, co2Kg: 15.6 } },
    };
    expect(findTemplateExamples(partial)).toEqual([]);
    expect(findTemplateExamples(full)).toEqual([
      { path: ['training', 'infrastructure'], part: 'training cost', items: ['12 h', '48 GPU-hours', '15.6 kg CO₂'] },
    ]);
  });

  test('a claim counts when its metric and text are the same', () => {
    const record: Experiment = {
      id: 'x',
      comparison: {
        claims: [
          { metric: 'F1 Score', text: '+2.0% vs previous best' },
          { metric: 'F1 Score', text: '+2.0% vs production' },
        ],
      },
    };
    expect(findTemplateExamples(record)).toEqual([
      { path: ['comparison', 'claims', 0], part: 'improvement claims', items: ['F1 Score: +2.0% vs previous best'] },
    ]);
  });
});

describe('validateRecord warns about template examples', () => {
  test('with the path, the line of the first matching row and a hint', () => {
    const text =
      '**Experiment ID**: exp-1\n\n## Evaluation Results\n\n**Test Set Performance**:\n| Metric | Value | 95% CI |\n|---|---|---|\n| Precision | 0.845 | ±0.015 |\n';
    const { diagnostics } = validateRecord(parseSource(text, { file: 'exp-1.md' }), { file: 'exp-1.md' });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `exp-1.md:8:3 evaluation.testMetrics.0: ${msg.templateExample('test metrics', ['Precision 0.845'])} — ${msg.hintReplaceExample()}`,
    ]);
    expect(msg.templateExample('test metrics', ['Precision 0.845'])).toBe(
      "still the template's example test metrics (Precision 0.845), not this experiment's results",
    );
  });

  test('in a JSON record too', () => {
    const json = JSON.stringify({ id: 'exp-2', training: { bestModel: { epoch: 85, metrics: { 'Val Loss': 0.334, 'Val Acc': 0.878 } } } });
    const { diagnostics } = validateRecord(parseSource(json, { file: 'exp-2.json' }), { file: 'exp-2.json' });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['template-example', 'training.bestModel']]);
  });
});
