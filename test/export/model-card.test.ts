import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  buildCardBody,
  buildCardMetadata,
  buildModelCard,
  cardMarker,
  cardTask,
  ciBounds,
  hubMetricType,
  todo,
} from '../../src/export/model-card.ts';
import type { Experiment } from '../../src/schema/index.ts';

const RECORD: Experiment = {
  id: 'churn-007',
  name: 'Churn GBM',
  experimenter: 'Ann',
  date: '2024-05-01',
  dataset: {
    name: 'churn-v3',
    splits: [
      { name: 'Train', fraction: 0.8 },
      { name: 'Holdout test', fraction: 0.2, records: 2000 },
    ],
  },
  model: { type: 'XGBoost', hyperparameters: [{ name: 'max_depth', value: 6 }] },
  evaluation: {
    testMetrics: [
      { metric: 'Accuracy', value: 0.912, ci95: 0.011 },
      { metric: 'AUC-ROC', value: 0.95, ci95: { low: 0.94, high: 0.96 } },
      { metric: 'RMSE', value: 1.5 },
      { metric: 'Not reported', value: null },
    ],
    disaggregated: [
      { group: 'Overall', overall: true, n: 100, metrics: { Recall: 0.8 } },
      { group: 'A', attributes: { region: 'A' }, n: 60, metrics: { Recall: 0.9 } },
      { group: 'B', attributes: { region: 'B' }, n: 40, metrics: { Recall: 0.6 } },
    ],
  },
  training: { infrastructure: { co2Kg: 1.25, hardware: '1x T4' } },
};

describe('ciBounds', () => {
  test.each([
    [0.821, 0.014, { low: 0.807, high: 0.835 }],
    [0.912, 0.011, { low: 0.901, high: 0.923 }],
    [91.2, 1.15, { low: 90.05, high: 92.35 }],
    [0.95, { low: 0.94, high: 0.96 }, { low: 0.94, high: 0.96 }],
  ])('%s ± %j → %j (rounded to the precision written)', (value, ci, bounds) => {
    expect(ciBounds(value, ci)).toEqual(bounds);
  });
});

describe('hubMetricType', () => {
  test.each([
    ['Accuracy', 'accuracy'],
    ['F1 Score', 'f1'],
    ['AUC-ROC', 'roc_auc'],
    ['Val Loss', 'loss'],
    ['RMSE', 'rmse'],
    ['Latency (ms)', 'latency'],
  ])('%s → %s', (metric, type) => {
    expect(hubMetricType({ metric, value: 1 })).toBe(type);
  });
  test('a metric that carries its Hub type keeps it', () => {
    expect(hubMetricType({ metric: 'Exact Match', value: 1, type: 'exact_match' })).toBe('exact_match');
  });
});

describe('cardTask', () => {
  test.each<[Partial<Experiment>, string | undefined, { task: string; guessed: boolean }]>([
    [{}, 'text-generation', { task: 'text-generation', guessed: false }],
    [{ tags: { task: 'image-segmentation' } }, undefined, { task: 'image-segmentation', guessed: false }],
    [{ model: { type: 'ResNet-50' } }, undefined, { task: 'image-classification', guessed: true }],
    [{ model: { type: 'BERT' } }, undefined, { task: 'text-classification', guessed: true }],
    [{ evaluation: { testMetrics: [{ metric: 'MAE', value: 1 }] } }, undefined, { task: 'tabular-regression', guessed: true }],
    [{}, undefined, { task: 'tabular-classification', guessed: true }],
  ])('%j with --task %s → %j', (fields, option, expected) => {
    expect(cardTask({ id: 'x', ...fields }, option)).toEqual(expected);
  });
});

describe('buildCardMetadata', () => {
  test('model-index: one result with task, dataset, the test split and every reported metric with its interval in the name', () => {
    expect(buildCardMetadata(RECORD)).toEqual({
      tags: ['logbook'],
      datasets: ['churn-v3'],
      metrics: ['accuracy', 'roc_auc', 'rmse'],
      co2_eq_emissions: { emissions: 1250, source: 'Logbook record churn-007', hardware_used: '1x T4' },
      'model-index': [
        {
          name: 'Churn GBM',
          results: [
            {
              task: { type: 'tabular-classification' },
              dataset: { name: 'churn-v3', type: 'churn-v3', split: 'Holdout test' },
              metrics: [
                { type: 'accuracy', value: 0.912, name: 'Accuracy (95% CI: 0.901 to 0.923)' },
                { type: 'roc_auc', value: 0.95, name: 'AUC-ROC (95% CI: 0.94 to 0.96)' },
                { type: 'rmse', value: 1.5, name: 'RMSE' },
              ],
            },
          ],
        },
      ],
    });
  });

  test('a record without test metrics has no model-index', () => {
    expect(buildCardMetadata({ id: 'x' })).toEqual({ tags: ['logbook'] });
  });
});

describe('buildModelCard', () => {
  const card = buildModelCard(RECORD);

  test('YAML frontmatter the Hub reads, then the marker and the body', () => {
    const match = /^---\n([\s\S]*?)---\n\n(.*)\n/.exec(card);
    expect(parseYaml(match?.[1] ?? '')).toEqual(buildCardMetadata(RECORD));
    expect(match?.[2]).toBe(cardMarker('churn-007'));
  });

  test('the body: evaluation with intervals, fairness gaps, CO₂, and TODOs for what the record lacks', () => {
    const body = buildCardBody(RECORD);
    expect(body).toContain('| Accuracy | 0.912 | 0.901 to 0.923 |');
    expect(body).toContain('| Not reported | not reported | — |');
    // Recall's denominator (the actual positives of each region) is unknown, so there is no interval
    // of the gap and no flag, and the row says so.
    expect(body).toMatch(/^\| region \| Recall \| B \(0\.6\) \| A \(0\.9\) \| 0\.3 \| 0\.6667 \| no \| Not flagged: [^|]+ \|$/m);
    expect(body).toContain('- **CO₂ emitted:** 1.25 kg CO₂eq');
    expect(body).toContain('| Holdout test | 0.2 | 2000 |');
    expect(body.split('\n').filter((line) => line.startsWith('> **TODO:**'))).toEqual([
      todo('the task `tabular-classification` was guessed from the record; export with `--task <hub task id>` to set it.'),
      todo('describe the intended uses and users, and the uses that are out of scope. The experiment record does not say.'),
      todo('describe the known limitations, biases and risks, and what users should do about them.'),
    ]);
  });

  test('an empty record: every section says what is missing', () => {
    const body = buildCardBody({ id: 'bare' });
    for (const text of [
      'name the training data',
      'no hyperparameters or training configuration',
      'the record has no test metrics',
      'report performance per relevant group',
      'estimate the CO₂ emitted',
    ])
      expect(body).toContain(text);
  });
});
