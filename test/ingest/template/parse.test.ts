import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord, type ParsedSource } from '../../../src/ingest/index.ts';
import type { Experiment } from '../../../src/schema/index.ts';
import { unknownLabelKey } from '../../../src/ingest/template/fields.ts';
import { isSentence } from '../../../src/ingest/template/rules.ts';

const templateFile = 'test/fixtures/ingest/template/input.md';
const templateText = readFileSync(new URL('../../fixtures/ingest/template/input.md', import.meta.url), 'utf8');

function load(text: string, file = 'exp.md'): { parsed: ParsedSource; record: Experiment } {
  const parsed = parseSource(text, { file });
  const { record, diagnostics } = validateRecord(parsed, { file });
  if (!record) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return { parsed, record };
}

describe('parseSource on the unfilled template', () => {
  const { parsed, record } = load(templateText, templateFile);

  test('is read as the template format', () => {
    expect(parsed.format).toBe('template');
  });

  test('keeps the header and metadata values', () => {
    expect(record.id).toBe('input');
    expect(record.date).toBe('2025-01-15');
    expect(record.completionDate).toBe('2025-01-20');
    expect(record.templateVersion).toBe('1.0');
    expect(record.basedOn).toBe('MLflow, Weights & Biases, ML experiment tracking best practices');
  });

  test('reads the dataset section with counts and splits as numbers', () => {
    expect(record.dataset).toEqual({
      version: '1.2.0',
      location: 's3://bucket/datasets/dataset-name-v1.2.0',
      records: 1000000,
      features: 125,
      splits: [
        { name: 'Training', fraction: 0.7, records: 700000 },
        { name: 'Validation', fraction: 0.15, records: 150000 },
        { name: 'Test', fraction: 0.15, records: 150000 },
      ],
      randomSeed: 42,
    });
  });

  test('reads 5 hyperparameters with search spaces (bracketed numbers are values)', () => {
    const hps = record.model?.hyperparameters ?? [];
    expect(hps.map((hp) => hp.name)).toEqual(['learning_rate', 'batch_size', 'n_estimators', 'max_depth', 'dropout']);
    expect(hps[0]).toEqual({
      name: 'learning_rate',
      value: 0.001,
      searchSpace: { kind: 'range', min: 0.0001, max: 0.01 },
      tuningMethod: 'Bayesian optimization',
    });
    expect(hps[1]?.searchSpace).toEqual({ kind: 'choice', values: [16, 32, 64, 128] });
    expect(hps[4]).toEqual({
      name: 'dropout',
      value: 0.3,
      searchSpace: { kind: 'choice', values: [0.2, 0.3, 0.4, 0.5] },
      tuningMethod: 'Random search',
    });
    expect(record.model?.training?.earlyStopping).toEqual({ enabled: true, patience: 10 });
  });

  test('reads 5 epoch rows with 5 metric columns, the best model and infrastructure', () => {
    const history = record.training?.history ?? [];
    expect(history.map((row) => row.epoch)).toEqual([1, 10, 20, 50, 100]);
    expect(history[0]).toEqual({
      epoch: 1,
      'Train Loss': 0.856,
      'Train Acc': 0.652,
      'Val Loss': 0.742,
      'Val Acc': 0.689,
      'Learning Rate': 0.001,
    });
    expect(history[4]?.['Learning Rate']).toBe(0.00001);
    expect(record.training?.bestModel).toEqual({ epoch: 85, metrics: { 'Val Loss': 0.334, 'Val Acc': 0.878 } });
    expect(record.training?.infrastructure).toEqual({ durationHours: 12, durationText: '12 hours', gpuHours: 48, co2Kg: 15.6 });
  });

  test('reads 5 test metrics with ci95, the 2x2 confusion matrix and 3 disaggregated rows', () => {
    const metrics = record.evaluation?.testMetrics ?? [];
    expect(metrics.map((m) => [m.metric, m.value, m.ci95])).toEqual([
      ['Accuracy', 0.869, 0.012],
      ['Precision', 0.845, 0.015],
      ['Recall', 0.823, 0.018],
      ['F1 Score', 0.834, 0.014],
      ['AUC-ROC', 0.908, 0.009],
    ]);
    expect(record.evaluation?.confusionMatrix).toEqual({
      labels: ['Neg', 'Pos'],
      matrix: [
        [95000, 5000],
        [8500, 41500],
      ],
    });
    const groups = record.evaluation?.disaggregated ?? [];
    expect(groups.map((g) => [g.group, g.overall ?? false, g.n])).toEqual([
      ['Overall', true, 150000],
      ['Female', false, 72000],
      ['Male', false, 78000],
    ]);
    expect(groups[1]?.attributes).toEqual({ demographic: 'Female' });
    expect(groups[2]?.metrics).toEqual({ Accuracy: 0.873, Precision: 0.849, Recall: 0.827, F1: 0.838 });
  });

  test('reads 4 baseline rows (the bold one current, an id in a label) and 3 claims', () => {
    const baselines = record.comparison?.baselines ?? [];
    expect(baselines).toHaveLength(4);
    expect(baselines[0]).toEqual({
      label: 'Current Experiment',
      current: true,
      metrics: { Accuracy: 0.869, F1: 0.834, 'Latency (ms)': 45 },
    });
    expect(baselines.filter((row) => row.current)).toHaveLength(1);
    expect(baselines[1]).toMatchObject({ label: 'Previous Best (exp-042)', experimentId: 'exp-042', notes: 'Production model' });
    expect(record.comparison?.claims).toEqual([
      { metric: 'Accuracy', text: '+2.1% vs previous best', value: 2.1, unit: '%', reference: 'previous best' },
      { metric: 'F1 Score', text: '+2.0% vs previous best', value: 2, unit: '%', reference: 'previous best' },
      {
        metric: 'Latency',
        text: '+3ms vs previous best (acceptable)',
        value: 3,
        unit: 'abs',
        reference: 'previous best',
        comment: 'acceptable',
      },
    ]);
  });

  test('reads tuning with 50 trials and the 7-key best-hyperparameter YAML block', () => {
    expect(record.tuning?.trials).toBe(50);
    expect(record.tuning?.budget).toBe('100 GPU-hours');
    expect(record.tuning?.budgetGpuHours).toBe(100);
    expect(record.tuning?.bestHyperparameters).toEqual({
      learning_rate: 0.00085,
      batch_size: 32,
      n_estimators: 200,
      max_depth: 6,
      dropout: 0.3,
      subsample: 0.8,
      colsample_bytree: 0.8,
    });
  });

  test('reads artifacts, code version, environment and seeds', () => {
    expect(record.reproducibility?.artifacts?.map((a) => a.name)).toEqual(['Model File', 'Checkpoint', 'Preprocessor']);
    expect(record.reproducibility?.code).toEqual({
      repository: 'https://github.com/org/repo',
      branch: 'experiment/new-architecture',
      commit: 'abc123def456',
      tag: 'exp-123-v1',
    });
    expect(record.reproducibility?.environment?.['Python']).toBe('3.11.5');
    expect(record.reproducibility?.environment?.['Dockerfile']).toBe('s3://bucket/experiments/exp-123/Dockerfile');
    expect(record.reproducibility?.seeds).toEqual({ 'Global seed': 42, 'NumPy seed': 42, 'TensorFlow seed': 42, 'PyTorch seed': 42 });
  });

  test('reads 5 feature-importance rows', () => {
    const rows = record.observations?.featureImportance ?? [];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ feature: 'user_engagement_score', importance: 0.342, description: 'Historical engagement metric' });
  });

  test('leaves placeholders absent and lists their paths', () => {
    expect(record.experimenter).toBeUndefined();
    expect(record.name).toBeUndefined();
    expect(record.status).toBeUndefined();
    expect(record.nextSteps).toBeUndefined();
    expect(record.trackers).toBeUndefined();
    expect(record.tags).toBeUndefined();
    expect(record.observations?.worked).toBeUndefined();
    expect(record.model?.type).toBeUndefined();
    expect(record.training?.infrastructure?.hardware).toBeUndefined();
    expect(record.placeholders).toEqual(
      expect.arrayContaining([
        'id',
        'experimenter',
        'trackingPlatform',
        'name',
        'overview.objective',
        'lineage.parent',
        'lineage.related',
        'dataset.name',
        'dataset.splitStrategy',
        'dataset.preprocessing.0',
        'model.type',
        'model.architecture',
        'model.training.optimizer',
        'training.infrastructure.hardware',
        'tuning.method',
        'tuning.visualization',
        'observations.worked.2',
        'nextSteps.recommendations.0',
        'nextSteps.readyForProduction',
        'nextSteps.blockers',
        'nextSteps.actionItems',
        'trackers.mlflowRunId',
        'trackers.wandbRun',
        'tags.use_case',
        'status',
        'reviewerNotes',
      ]),
    );
    expect(record.placeholders).toHaveLength(44);
  });

  test('records the line:column of values', () => {
    expect(parsed.positions.get('date')).toEqual({ line: 4, column: 11 });
    expect(parsed.positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 99, column: 14 });
    expect(parsed.positions.get('training.infrastructure.co2Kg')).toEqual({ line: 90, column: 18 });
  });
});

describe('parseSource on a filled-in template', () => {
  const text = readFileSync(new URL('../../fixtures/ingest/filled-template/input.md', import.meta.url), 'utf8');
  const { record } = load(text);

  test('reads a multi-class confusion matrix with labels, rows actual', () => {
    expect(record.evaluation?.confusionMatrix).toEqual({
      labels: ['Routine', 'Review', 'Urgent'],
      matrix: [
        [14200, 600, 200],
        [900, 5100, 300],
        [150, 350, 2200],
      ],
    });
  });

  test('reads two attribute columns and their intersections', () => {
    const groups = record.evaluation?.disaggregated ?? [];
    expect(groups.map((g) => [g.group, g.attributes ?? null, g.n])).toEqual([
      ['Overall', null, 24000],
      ['English', { language: 'English' }, 18000],
      ['Spanish', { language: 'Spanish' }, 6000],
      ['EU', { region: 'EU' }, 10000],
      ['US', { region: 'US' }, 14000],
      ['English, EU', { language: 'English', region: 'EU' }, 6500],
      ['Spanish, US', { language: 'Spanish', region: 'US' }, 2500],
    ]);
  });

  test('has no placeholders and reads checkboxes, lineage and readiness', () => {
    expect(record.placeholders).toBeUndefined();
    expect(record.lineage).toEqual({ parent: 'exp-198', related: ['exp-199', 'exp-201'] });
    expect(record.nextSteps?.recommendations).toEqual([
      { text: 'Re-label the noisiest 2% of Urgent examples', done: true },
      { text: 'Try gamma=1.5 with label smoothing', done: false },
    ]);
    expect(record.nextSteps?.readyForProduction).toBe('needs-review');
    expect(record.status).toBe('completed');
    expect(record.trackers).toEqual({ mlflowRunId: '4c1d2a9b', wandbRun: 'https://wandb.ai/example/triage/runs/exp-207' });
  });
});

describe('parseSource leniency', () => {
  test('matches sections and labels regardless of case, punctuation and extra words', () => {
    const { record } = load(
      '**experiment id:** exp-9\n\n## DATASET INFO\n\n**Dataset size (approx.)**: 700K rows\n\n## Evaluation\n\n**Test Set Performance (held-out)**:\n| Metric | Value |\n|---|---|\n| AUC | 0.9 |\n',
    );
    expect(record.id).toBe('exp-9');
    expect(record.dataset?.records).toBe(700000);
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'AUC', value: 0.9 }]);
  });

  test('keeps an unknown label in its section under a camelCase key', () => {
    const { record } = load('**Experiment ID**: exp-9\n\n## Model Configuration\n\n**Quantization Scheme**: int8\n');
    expect(record.model).toEqual({ quantizationScheme: 'int8' });
  });

  test('keeps an unknown label whose symbols a camelCase key would drop as written, its aside beside it', () => {
    const { record } = load(
      '**Experiment ID**: exp-9\n\n## Results\n\n**Per-class AP@0.5** (COCO val):\n\n- car 0.71\n- person 0.64\n\n**Latency p95/p50:** 41 ms / 18 ms\n\n**Calibration notes:** ECE 0.031\n',
    );
    expect(record.evaluation).toEqual({
      'Per-class AP@0.5': ['car 0.71', 'person 0.64'],
      'Per-class AP@0.5 (note)': 'COCO val',
      'Latency p95/p50': '41 ms / 18 ms',
      calibrationNotes: 'ECE 0.031',
    });
  });

  test.each([
    ['Quantization Scheme', 'quantizationScheme'],
    ['Recall (95% CI)', 'recall'],
    ['Top-1 acc.', 'top1Acc'],
    ['Per-class AP@0.5', 'Per-class AP@0.5'],
    ['mAP@[.5:.95] (COCO):', 'mAP@[.5:.95]'],
    ['GPU-h @ $2.10', 'GPU-h @ $2.10'],
    ['Größe des Datensatzes', 'Größe des Datensatzes'],
    // An acronym a camel-case key would lower-case ("Ap per class").
    ['AP per class (test)', 'AP per class'],
    ['Notes on IoU', 'Notes on IoU'],
    ['Training Notes', 'trainingNotes'],
  ])('unknownLabelKey(%j) is %j', (label, key) => {
    expect(unknownLabelKey(label)).toBe(key);
  });

  test('keeps unknown sections as Markdown, in order', () => {
    const { record } = load('**Experiment ID**: exp-9\n\n## Zeta\n\nLast *one*.\n\n## Alpha\n\n- a\n- b\n');
    expect(record.sections).toEqual([
      { title: 'Zeta', markdown: 'Last *one*.' },
      { title: 'Alpha', markdown: '- a\n- b' },
    ]);
  });

  test('keeps HTML and javascript: URLs as plain text, untouched', () => {
    const { record } = load(
      '**Experiment ID**: exp-9\n**Experimenter**: <img src=x onerror=alert(1)>\n**Reviewer Notes**: [x](javascript:alert(1))\n',
    );
    expect(record.experimenter).toBe('<img src=x onerror=alert(1)>');
    expect(record.reviewerNotes).toBe('[x](javascript:alert(1))');
  });

  test('uses the file name as id when the Experiment ID line is missing', () => {
    const parsed = parseSource('**Date**: 2025-01-01\n', { file: 'content/exp-777.md' });
    expect((parsed.data as { id: string }).id).toBe('exp-777');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['missing-id']);
  });
});

describe('a log written as a GitHub issue or pull request body', () => {
  test('its ## title names the experiment, and the labels and ### sections under it are read', () => {
    const { record } = load(
      [
        '## Experiment: distil-whisper small, Swahili',
        '',
        '**Experiment ID**: asr-dw-sw-03',
        '**Status**: In progress',
        '',
        '### Checklist',
        '- [x] data prep',
        '',
        '### Results so far',
        '| Metric | Value |',
        '|---|---|',
        '| WER | 33.5% |',
        '',
        '### Next Steps',
        '- [ ] try LM shallow fusion',
      ].join('\n'),
      'issue.md',
    );
    expect(record).toMatchObject({ id: 'asr-dw-sw-03', name: 'Experiment: distil-whisper small, Swahili', status: 'running' });
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'WER', value: 33.5, unit: '%' }]);
    expect(record.nextSteps?.recommendations).toEqual([{ text: 'try LM shallow fusion', done: false }]);
    expect(record.sections).toEqual([{ title: 'Checklist', markdown: '- [x] data prep' }]);
  });
});

describe('logs written as lists instead of tables', () => {
  test('hyperparameters as a `name: value` list', () => {
    const { record, parsed } = load(
      '**Experiment ID**: a\n\n## Model Configuration\n\n**Hyperparameters**:\n- learning_rate: 0.05\n- max_depth: 8\n- booster: gbtree\n- seed: [seed]\n',
    );
    expect(record.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.05 },
      { name: 'max_depth', value: 8 },
      { name: 'booster', value: 'gbtree' },
      { name: 'seed' },
    ]);
    expect((parsed.data as { placeholders?: string[] }).placeholders).toContain('model.hyperparameters.3.value');
    expect(parsed.positions.get('model.hyperparameters.1.value')).toEqual({ line: 7, column: 14 });
  });

  test('the properties above the first section, as a Notion page starts: the dataset, the model and a date with its time', () => {
    const { record } = load(
      [
        '# exp-42 Distilled sentiment model',
        '',
        'Status: Done',
        'Created: November 3, 2026 2:22 PM',
        'Dataset: amazon-reviews-v2',
        'Model: distilbert-base-uncased',
        '',
        '## Setup',
        '',
        'lr=3e-5, bs=64',
      ].join('\n'),
    );
    expect(record).toMatchObject({
      status: 'completed',
      date: '2026-11-03T14:22',
      dataset: { name: 'amazon-reviews-v2' },
      // The model's type and the setup's settings both kept (the type was a string the settings replaced).
      model: {
        type: 'distilbert-base-uncased',
        hyperparameters: [
          { name: 'lr', value: 0.00003 },
          { name: 'bs', value: 64 },
        ],
      },
    });
  });

  test('an unknown label named like a part of the record keeps its text beside that part, not in its place', () => {
    const text = [
      '# exp-42',
      '',
      'Status: Done',
      'Owner: Maria',
      'Training: 4 epochs on 1 GPU',
      'Evaluation: held-out test',
      '',
      '## Training',
      '',
      '| Epoch | Loss |',
      '|---|---|',
      '| 1 | 0.5 |',
    ].join('\n');
    const parsed = parseSource(text, { file: 'exp-42.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'exp-42.md' });
    // Was: the training's text replaced by the table without a word, the evaluation's an error "expected an object".
    expect(diagnostics).toEqual([]);
    expect(record).toMatchObject({
      training: { history: [{ epoch: 1, Loss: 0.5 }] },
      trainingNote: '4 epochs on 1 GPU',
      evaluationNote: 'held-out test',
    });
    expect(parsed.positions.get('trainingNote')).toEqual({ line: 5, column: 11 });
  });

  test('sections at `###` under the `#` title, an id the title starts with, and a run of labels in one item', () => {
    const { record } = load(
      [
        '# exp-501 LightGBM + target encoding',
        '',
        '### Setup',
        '* Seed: 42 · Hardware: 1× c6i.8xlarge · Train time: 14 min',
        '',
        '### Results',
        '| | AUC |',
        '|---|---|',
        '| exp-498 | 0.9412 |',
        '| **exp-501** | **0.9452** |',
        '',
        '### TODO',
        '- [ ] Try CatBoost',
      ].join('\n'),
      'notes.md',
    );
    expect(record).toMatchObject({
      id: 'exp-501',
      name: 'LightGBM + target encoding',
      reproducibility: { seeds: { Seed: 42 } },
      training: { infrastructure: { hardware: '1× c6i.8xlarge', durationHours: expect.closeTo(14 / 60, 9), durationText: '14 min' } },
      evaluation: { testMetrics: [{ metric: 'AUC', value: 0.9452 }] },
      comparison: { baselines: [{ label: 'exp-498', experimentId: 'exp-498', metrics: { AUC: 0.9412 } }, { current: true }] },
      nextSteps: { recommendations: [{ text: 'Try CatBoost', done: false }] },
    });
  });

  test('sections at `#` when a note has more than its title there, as a notebook exports it', () => {
    const { record } = load(
      ['# Churn model', '', '# Results', '', '- AUC: 0.91', '', '# Next steps', '', '- [ ] more data'].join('\n'),
      'churn-1.md',
    );
    expect(record).toMatchObject({
      name: 'Churn model',
      evaluation: { testMetrics: [{ metric: 'AUC', value: 0.91 }] },
      nextSteps: { recommendations: [{ text: 'more data', done: false }] },
    });
  });

  test('observations marked ✅ / ❌, and a block of shell commands under `## Reproduce`', () => {
    const { record, parsed } = load(
      [
        '# exp-910',
        '',
        '## Observations',
        '- ✅ Mixup + CutMix helped (+1.1 pp)',
        '- ❌ EMA hurt early',
        '- ⚠️ Val acc noisy between epochs',
        '',
        '## Reproduce',
        '```bash',
        'git checkout 3f9a2c1',
        'python train.py --lr 4e-3 --seed 0',
        '```',
        'Docker: `ghcr.io/acme/train:2026.10`',
      ].join('\n'),
    );
    expect(record.observations).toEqual({
      worked: ['Mixup + CutMix helped (+1.1 pp)'],
      didNotWork: ['EMA hurt early'],
      learnings: ['Val acc noisy between epochs'],
    });
    expect(record.reproducibility).toEqual({
      code: { entryPoint: 'git checkout 3f9a2c1\npython train.py --lr 4e-3 --seed 0', commit: '3f9a2c1' },
      environment: { Docker: 'ghcr.io/acme/train:2026.10' },
    });
    expect(parsed.positions.get('observations.didNotWork.0')).toEqual({ line: 5, column: 3 });
    // An unmarked list stays as written; so does a block of Python under the heading.
    const plain = load('# a\n\n## Observations\n- Mixup helped\n\n## Reproduce\n```python\nimport torch\n```\n').record;
    expect(plain.observations).toBeUndefined();
    expect(plain.reproducibility).toBeUndefined();
  });

  test('a sentence with a colon is no label; the best settings with what they scored', () => {
    const { record } = load(
      [
        '# exp-620',
        '',
        '## Hyperparameter sweep',
        'Optuna, 40 trials, TPE, objective: val AUC (maximize).',
        '',
        'Best: lr=0.03, num_leaves=127 (val AUC 0.9441)',
      ].join('\n'),
    );
    // Was: `tuning.trials` "val AUC (maximize)." and an error "expected a number".
    expect(record.tuning).toEqual({ bestHyperparameters: { lr: 0.03, num_leaves: 127 }, bestNote: 'val AUC 0.9441' });
    expect(record.sections?.[0]?.markdown).toBe('Optuna, 40 trials, TPE, objective: val AUC (maximize).');
  });

  test('a binary confusion matrix as its four counts, in any order and naming', () => {
    const { record } = load(
      '**Experiment ID**: a\n\n## Evaluation Results\n\n**Confusion Matrix** (positive class: Fraud):\n- True positives: 40\n- FN: 10\n- False Positives: 5\n- tn: 945\n',
    );
    // Rows actual, columns predicted, negative class first: [[TN, FP], [FN, TP]].
    expect(record.evaluation?.confusionMatrix).toEqual({
      labels: ['Negative', 'Fraud'],
      matrix: [
        [945, 5],
        [10, 40],
      ],
      positiveLabel: 'Fraud',
    });
  });

  test("the label's aside beyond the positive class is kept as the matrix's note", () => {
    const { record } = load(
      '**Experiment ID**: a\n\n## Evaluation Results\n\n**Confusion Matrix** (threshold 0.62, positive class: Fraud; test set):\n- TP: 40\n- FN: 10\n- FP: 5\n- TN: 945\n',
    );
    expect(record.evaluation?.confusionMatrix).toMatchObject({ positiveLabel: 'Fraud', note: 'threshold 0.62, test set' });
    const plain = load(
      '**Experiment ID**: a\n\n## Evaluation Results\n\n**Confusion Matrix** (threshold 0.62):\n- TP: 40\n- FN: 10\n- FP: 5\n- TN: 945\n',
    );
    expect(plain.record.evaluation?.confusionMatrix?.['note']).toBe('threshold 0.62');
  });

  test("the four counts on the label's line, separated by commas, semicolons or bars, with or without a colon", () => {
    const { record } = load('**Experiment ID**: a\n\n## Results\n\nConfusion: TP 3,900, FP=386; FN: 27 | TN 12,530\n');
    expect(record.evaluation?.confusionMatrix).toEqual({
      labels: ['Negative', 'Positive'],
      matrix: [
        [12530, 386],
        [27, 3900],
      ],
      positiveLabel: 'Positive',
    });
    // Three counts, or a count without its name, are not a matrix: the line stays as written.
    const three = load('**Experiment ID**: a\n\n## Results\n\nConfusion: TP 40, FP 5, FN 10\n').record;
    expect(three.evaluation?.confusionMatrix).toBeUndefined();
    expect(JSON.stringify(three)).toContain('TP 40, FP 5, FN 10');
  });

  test("a printed array on the label's line, its classes from the aside", () => {
    const { record } = load('**Experiment ID**: a\n\n## Results\n\n**Confusion matrix** (labels: cat, dog): [[50, 3], [4, 43]]\n');
    expect(record.evaluation?.confusionMatrix).toEqual({
      labels: ['cat', 'dog'],
      matrix: [
        [50, 3],
        [4, 43],
      ],
    });
    // Without an aside naming them, the classes are numbered.
    const plain = load('**Experiment ID**: a\n\n## Results\n\nConfusion matrix: [[50, 3], [4, 43]]\n').record;
    expect(plain.evaluation?.confusionMatrix?.labels).toEqual(['Class 1', 'Class 2']);
  });

  test('a list that is not exactly the four counts stays as written', () => {
    const { record } = load('**Experiment ID**: a\n\n## Evaluation Results\n\n**Confusion Matrix**:\n- TP: 40\n- FP: 5\n- FN: 10\n');
    expect(record.evaluation?.confusionMatrix).toBeUndefined();
    expect(JSON.stringify(record)).toContain('TP: 40');
  });

  test.each([
    ['Done', 'completed'],
    ['**Finished** ✅', 'completed'],
    ['In progress', 'running'],
    ['WIP', 'running'],
    ['Not started', 'planned'],
    ['Canceled', 'cancelled'],
    ['Crashed', 'failed'],
  ])('status "%s" is %s', (written, status) => {
    expect(load(`**Experiment ID**: a\n**Status**: ${written}\n`).record.status).toBe(status);
  });
});

describe('training results as people write them', () => {
  test('epochs written as "3/5" (Keras) or "Epoch 3" are epoch numbers', () => {
    const { record } = load(
      '**Experiment ID**: a\n\n## Training Results\n\n| Epoch | Loss |\n|---|---|\n| 1/5 | 0.69 |\n| Epoch 2 | 0.52 |\n| 3 | 0.41 |\n',
    );
    expect(record.training?.history?.map((row) => row.epoch)).toEqual([1, 2, 3]);
  });

  test('a best model written on the label line keeps its text and the epoch it names', () => {
    const { record } = load('**Experiment ID**: a\n\n## Training Results\n\n**Best Model**: epoch 85 (val loss 0.334)\n');
    expect(record.training?.bestModel).toEqual({ epoch: 85, description: 'epoch 85 (val loss 0.334)' });
  });
});

describe('dataset sizes and splits as people write them', () => {
  const { record } = load(
    [
      '**Experiment ID**: a',
      '',
      '## Dataset',
      '**Dataset Size**: 50,000 reviews, 12 features',
      '',
      '**Train/Val/Test Split**:',
      '- Training: 40,000 (80%)',
      '- Validation: 10% (5K rows)',
      '- Test: 5% / 2.5k',
      '- Holdout: 5% (stratified by user)',
    ].join('\n'),
  );

  test('a count with thousands separators and any name for its records', () => {
    expect(record.dataset).toMatchObject({ records: 50000, features: 12 });
    expect(record.dataset?.['sizeText']).toBeUndefined();
  });

  test('a split written count first keeps its count; words beyond the numbers keep the value as written', () => {
    expect(record.dataset?.splits).toEqual([
      { name: 'Training', fraction: 0.8, records: 40000 },
      { name: 'Validation', fraction: 0.1, records: 5000 },
      { name: 'Test', fraction: 0.05, records: 2500 },
      { name: 'Holdout', fraction: 0.05, text: '5% (stratified by user)' },
    ]);
  });

  test('a split written as a count alone is its records ("1,000" is no fraction of 1); a bare small number stays as written', () => {
    const { record: counted } = load(
      [
        '**Experiment ID**: b',
        '',
        '## Dataset',
        '**Train/Val/Test Split**:',
        '- Training: 1,000',
        '- Validation: 25k',
        '- Test: 12500',
        '- Holdout: 80',
        '- Extra: 0.5',
      ].join('\n'),
    );
    expect(counted.dataset?.splits).toEqual([
      { name: 'Training', records: 1000 },
      { name: 'Validation', records: 25000 },
      { name: 'Test', records: 12500 },
      { name: 'Holdout', text: '80' },
      { name: 'Extra', fraction: 0.5 },
    ]);
  });
});

describe('sections written as lists of bold labels', () => {
  test('each `- **Label**: value` item is that label; a nested list is what its label labels', () => {
    const { parsed, record } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Dataset Information',
        '',
        '- **Dataset Name**: imdb-reviews',
        '- **Dataset Version**: 2.1',
        '- **Train/Val/Test Split**:',
        '  - Train: 80%',
        '  - Test: 20%',
      ].join('\n'),
    );
    expect(record.dataset).toMatchObject({
      name: 'imdb-reviews',
      version: '2.1',
      splits: [
        { name: 'Train', fraction: 0.8 },
        { name: 'Test', fraction: 0.2 },
      ],
    });
    expect(parsed.positions.get('dataset.name')).toEqual({ line: 5, column: 21 });
    expect(parsed.positions.get('dataset.splits.1.fraction')).toEqual({ line: 9, column: 11 });
    expect(record.sections ?? []).toEqual([]);
  });

  test('a whole setup under `## Experimental Setup`: dataset, splits, base model, settings, hardware and seed each where they belong', () => {
    const { record, parsed } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Experimental Setup',
        '',
        '- **Dataset**: alpaca-cleaned v2',
        '- **Train/Val/Test Split**: 90/5/5',
        '- **Base model**: Llama-2-7B',
        '- **LoRA rank**: 16',
        '- **Learning rate**: 2e-4',
        '- **Framework**: PyTorch 2.1',
        '- **Epochs**: 3',
        '- **Random seed**: 1234',
        '- **Hardware**: 8x A100 80GB',
      ].join('\n'),
    );
    expect(record.dataset).toEqual({
      name: 'alpaca-cleaned v2',
      splits: [
        { name: 'Train', fraction: 0.9 },
        { name: 'Val', fraction: 0.05 },
        { name: 'Test', fraction: 0.05 },
      ],
    });
    // Numbers under labels the model section does not know are settings; text stays a field of the model.
    expect(record.model).toEqual({
      type: 'Llama-2-7B',
      framework: 'PyTorch 2.1',
      training: { epochs: 3 },
      hyperparameters: [
        { name: 'LoRA rank', value: 16 },
        { name: 'Learning rate', value: 0.0002 },
      ],
    });
    expect(parsed.positions.get('model.hyperparameters.1.value')).toEqual({ line: 9, column: 22 });
    expect(record.reproducibility?.seeds).toEqual({ 'Random seed': 1234 });
    expect(record.training?.infrastructure).toEqual({ hardware: '8x A100 80GB', gpuCount: 8 });
  });

  test('settings written as labels join a hyperparameter table written after them, never replaced by it', () => {
    const { record } = load(
      [
        '**Experiment ID**: a',
        '',
        '## Model Configuration',
        '',
        '**Dropout**: 0.1',
        '',
        '**Hyperparameters**:',
        '',
        '| Parameter | Value |',
        '|---|---|',
        '| learning_rate | 0.001 |',
      ].join('\n'),
    );
    expect(record.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.001 },
      { name: 'Dropout', value: 0.1 },
    ]);
  });
});

describe('splits written on one line', () => {
  const splitsOf = (line: string) => load(['**Experiment ID**: a', '', '## Dataset Information', line].join('\n')).record.dataset;

  test('named parts, name before or after the number, any separator', () => {
    expect(splitsOf('**Train/Val/Test Split**: Train: 40,000 / Val: 5,000 / Test: 5,000')?.splits).toEqual([
      { name: 'Train', records: 40000 },
      { name: 'Val', records: 5000 },
      { name: 'Test', records: 5000 },
    ]);
    expect(splitsOf('**Data Split**: 80% train, 10% val, 10% test')?.splits).toEqual([
      { name: 'train', fraction: 0.8 },
      { name: 'val', fraction: 0.1 },
      { name: 'test', fraction: 0.1 },
    ]);
    // A middle dot or a bullet separates parts as well; the closing aside is the splits' note.
    expect(splitsOf('- Splits: train 80% · val 10% · test 10% (by speaker)')).toMatchObject({
      splits: [
        { name: 'train', fraction: 0.8 },
        { name: 'val', fraction: 0.1 },
        { name: 'test', fraction: 0.1 },
      ],
      splitNotes: 'by speaker',
    });
    expect(splitsOf('**Splits**: Train 40,000 • Val 5,000 • Test 5,000')?.splits).toEqual([
      { name: 'Train', records: 40000 },
      { name: 'Val', records: 5000 },
      { name: 'Test', records: 5000 },
    ]);
    // "1,000,000" groups thousands; it does not separate parts.
    expect(splitsOf('**Splits**: train 1,000,000; dev 25k; test 12.5k')?.splits).toEqual([
      { name: 'train', records: 1000000 },
      { name: 'dev', records: 25000 },
      { name: 'test', records: 12500 },
    ]);
  });

  test('a ratio takes its names from the label; it is percent when it adds up to 100, fractions when to 1, else counts', () => {
    expect(splitsOf('**Train/Val/Test Split**: 70/15/15 (stratified)')).toMatchObject({
      splits: [
        { name: 'Train', fraction: 0.7 },
        { name: 'Val', fraction: 0.15 },
        { name: 'Test', fraction: 0.15 },
      ],
      splitNotes: 'stratified',
    });
    expect(splitsOf('**Split**: 0.8/0.1/0.1')?.splits).toEqual([
      { name: 'Train', fraction: 0.8 },
      { name: 'Validation', fraction: 0.1 },
      { name: 'Test', fraction: 0.1 },
    ]);
    expect(splitsOf('**Train/Test Split**: 80/20')?.splits).toEqual([
      { name: 'Train', fraction: 0.8 },
      { name: 'Test', fraction: 0.2 },
    ]);
    // 40,000 + 5,000 + 5,000 is neither 100 nor 1: counts.
    expect(splitsOf('**Split**: 40000/5000/5000')?.splits).toEqual([
      { name: 'Train', records: 40000 },
      { name: 'Validation', records: 5000 },
      { name: 'Test', records: 5000 },
    ]);
  });

  test('a line that is not splits is kept as written, not guessed', () => {
    const dataset = splitsOf('**Split**: see notebook / wiki');
    expect(dataset?.splits).toBeUndefined();
    expect(dataset?.['splitNote']).toBe('see notebook / wiki');
    // Four unnamed parts: no names to give them.
    expect(splitsOf('**Split**: 60/20/10/10')?.splits).toBeUndefined();
    // 0.5 + 0.3 adds up to neither 1 nor 100, and fractions are no counts.
    expect(splitsOf('**Split**: 0.5/0.3')?.splits).toBeUndefined();
  });
});

describe('labels without bold', () => {
  const text = [
    '# cv-12: ResNet-50 fine-tune',
    '',
    'Experiment ID: cv-12',
    'Date: 2026-06-01',
    '',
    '## 2. Model',
    'Model type: ResNet-50',
    '',
    '## 3. Results',
    '| Metric | Value | 95% CI |',
    '| --- | --- | --- |',
    '| Recall | 0.81 | 0.77–0.85 |',
    '',
    '## 4. Reproducibility',
    '- Repository: https://github.com/acme/derm',
    '- Commit: 9f8e7d6',
    '- Seed: 7',
    '',
    '## Metadata',
    'Status: complete',
    '',
    'Note: this line is prose: "note" is no label of this section',
  ].join('\n');
  const { record } = load(text);

  test("`Key: value` lines whose key is one of the section's labels are read as labels", () => {
    expect(record).toMatchObject({ id: 'cv-12', date: '2026-06-01', status: 'completed', model: { type: 'ResNet-50' } });
  });

  test('a bare "Results" section holds the test metrics', () => {
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'Recall', value: 0.81, ci95: { low: 0.77, high: 0.85 } }]);
  });

  test('a `Key: value` list right under a heading, each key a label of the section, is read item by item', () => {
    expect(record.reproducibility).toEqual({
      code: { repository: 'https://github.com/acme/derm', commit: '9f8e7d6' },
      seeds: { Seed: 7 },
    });
  });

  test('a line whose key is no label stays prose', () => {
    expect(JSON.stringify(record)).toContain('this line is prose');
  });
});

describe('a log written by hand: bare labels over lists, label tables, dashes and key=value tags', () => {
  const text = [
    '# Fraud XGB, run 7',
    '',
    'Experiment ID: fraud-xgb-7',
    'Date: 3 March 2025',
    '',
    '## 1. Experiment Overview',
    '**Objective:** lift recall at fixed precision',
    '**Hypothesis** — target encoding of merchant ids helps',
    '',
    'Related Experiments:',
    '* Parent: fraud-xgb-6',
    '',
    '## 2. Dataset Information',
    '| | |',
    '|---|---|',
    '| Dataset Name | txns-2025q1 |',
    '| **Dataset Version** | v3 |',
    '| Owner | risk team |',
    '',
    'Train/Val/Test Split:',
    '- Training: 80 %',
    '- Validation: 10%',
    '- Test: 10 % (120,000 records)',
    '',
    '## 3. Model Configuration',
    '| Parameter | Value |',
    '|---|---|',
    '| learning_rate | 1e-3 |',
    '| max_depth | 8 |',
    '',
    '## 5. Evaluation Results',
    '| Metric | Value | 95% CI |',
    '|---|---|---|',
    '| FPR | 1.0% | ±0.1 pp |',
    '| AUC-ROC | 91.2% | ±0.4 percentage points |',
    '',
    '## Experiment Metadata',
    'Status: Completed',
    'Tags: use_case=fraud, model_family = tree-based, nightly',
  ].join('\n');
  const { record } = load(text, 'fraud-xgb-7.md');

  test('a bare label with nothing after its colon takes the list below it', () => {
    expect(record.lineage).toEqual({ parent: 'fraud-xgb-6' });
    expect(record.dataset?.splits).toEqual([
      { name: 'Training', fraction: 0.8 },
      { name: 'Validation', fraction: 0.1 },
      { name: 'Test', fraction: 0.1, records: 120000 },
    ]);
  });

  test('a two-column table of labels under an empty header reads as label lines; a row that is no label is kept', () => {
    expect(record.dataset).toMatchObject({ name: 'txns-2025q1', version: 'v3' });
    expect(JSON.stringify(record)).toContain('risk team');
  });

  test('a Parameter | Value table names no label: it stays the hyperparameters', () => {
    expect(record.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.001 },
      { name: 'max_depth', value: 8 },
    ]);
  });

  test('a dash after a bold label stands for its colon', () => {
    expect(record.overview?.hypothesis).toBe('target encoding of merchant ids helps');
  });

  test('an interval in percentage points beside a percent value is read in the value’s unit', () => {
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'FPR', value: 1, unit: '%', ci95: 0.1 },
      { metric: 'AUC-ROC', value: 91.2, unit: '%', ci95: 0.4 },
    ]);
  });

  test('tags written key=value on one line', () => {
    expect(record.tags).toEqual({ use_case: 'fraud', model_family: 'tree-based', nightly: '' });
  });
});

describe('evaluation tables as people lay them out', () => {
  const text = [
    '**Experiment ID**: wide-1',
    '',
    '## Evaluation Results',
    '',
    '### Validation metrics',
    '| Accuracy | F1 |',
    '|---|---|',
    '| 0.880 | 0.850 |',
    '',
    '### Test',
    '| Accuracy | F1 | AUC-ROC | Latency (ms) |',
    '|---|---|---|---|',
    '| 0.871 ± 0.006 | 0.842 | 0.925 (0.918–0.932) | 12 |',
    '',
    '### Serving metrics',
    '| Metric | Value |',
    '|---|---|',
    '| Throughput | 850 |',
    '',
    '### Per-class metrics',
    '| Class | Precision | Recall | Support |',
    '|---|---|---|---|',
    '| cat | 0.90 | 0.85 | 1,000 |',
  ].join('\n');
  const { parsed, record } = load(text, 'wide-1.md');

  test('a wide table (one column per metric, one row of values) is read as the test metrics', () => {
    expect(record.evaluation?.testMetrics?.slice(0, 4)).toEqual([
      { metric: 'Accuracy', value: 0.871, ci95: 0.006 },
      { metric: 'F1', value: 0.842 },
      { metric: 'AUC-ROC', value: 0.925, ci95: { low: 0.918, high: 0.932 } },
      { metric: 'Latency (ms)', value: 12 },
    ]);
    expect(parsed.positions.get('evaluation.testMetrics.2.value')).toEqual({ line: 13, column: 27 });
  });

  test('a second table of test metrics adds its rows instead of replacing the first', () => {
    expect(record.evaluation?.testMetrics?.[4]).toEqual({ metric: 'Throughput', value: 850 });
    expect(parsed.positions.get('evaluation.testMetrics.4.value')?.line).toBe(18);
  });

  test('validation and per-class metrics are no test metrics: each is kept as its table', () => {
    expect(record.evaluation?.testMetrics).toHaveLength(5);
    expect(record.evaluation?.['validationMetrics']).toEqual([{ Accuracy: '0.880', F1: '0.850' }]);
    expect(record.evaluation?.['perClassMetrics']).toEqual([{ Class: 'cat', Precision: '0.90', Recall: '0.85', Support: '1,000' }]);
  });
});

describe('performance by group in one table per attribute', () => {
  const text = [
    '**Experiment ID**: f-1',
    '',
    '## Evaluation Results',
    '',
    '| Metric | Value |',
    '|---|---|',
    '| Accuracy | 0.87 |',
    '',
    '### Performance by gender',
    '| Group | Accuracy | N |',
    '|---|---|---|',
    '| Overall | 0.87 | 1,000 |',
    '| Female | 0.86 | 500 |',
    '| Male | 0.88 | 500 |',
    '',
    '### Accuracy per age group',
    '| Group | Accuracy | N |',
    '|---|---|---|',
    '| Overall | 0.87 | 1,000 |',
    '| <30 | 0.85 | 300 |',
    '| 30+ | 0.88 | 700 |',
  ].join('\n');
  const { parsed, record } = load(text, 'f-1.md');

  test('each table is groups of the attribute its heading names, all in one list, one Overall row', () => {
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'Accuracy', value: 0.87 }]);
    expect(record.evaluation?.disaggregated).toEqual([
      { group: 'Overall', overall: true, n: 1000, metrics: { Accuracy: 0.87 } },
      { group: 'Female', attributes: { gender: 'Female' }, n: 500, metrics: { Accuracy: 0.86 } },
      { group: 'Male', attributes: { gender: 'Male' }, n: 500, metrics: { Accuracy: 0.88 } },
      { group: '<30', attributes: { ageGroup: '<30' }, n: 300, metrics: { Accuracy: 0.85 } },
      { group: '30+', attributes: { ageGroup: '30+' }, n: 700, metrics: { Accuracy: 0.88 } },
    ]);
    expect(parsed.positions.get('evaluation.disaggregated.3.metrics.Accuracy')?.line).toBe(20);
  });
});

describe('a section with two tables of the same kind under their own headings', () => {
  const text = [
    '**Experiment ID**: h-1',
    '',
    '## Model Configuration',
    '### Model hyperparameters',
    '| Parameter | Value |',
    '|---|---|',
    '| depth | 6 |',
    '',
    '### Optimizer hyperparameters',
    '| Parameter | Value |',
    '|---|---|',
    '| lr | 0.01 |',
    '',
    '## Comparison to Baseline',
    '### Offline baselines',
    '| Model | Accuracy |',
    '|---|---|',
    '| LR | 0.8 |',
    '',
    '### Online baselines',
    '| Model | Accuracy |',
    '|---|---|',
    '| Prod | 0.82 |',
  ].join('\n');
  const { parsed, record } = load(text, 'h-1.md');

  test('the second adds its rows, each at its own line', () => {
    expect(record.model?.hyperparameters).toEqual([
      { name: 'depth', value: 6 },
      { name: 'lr', value: 0.01 },
    ]);
    expect(record.comparison?.baselines).toEqual([
      { label: 'LR', metrics: { Accuracy: 0.8 } },
      { label: 'Prod', metrics: { Accuracy: 0.82 } },
    ]);
    expect(parsed.positions.get('model.hyperparameters.1.value')?.line).toBe(12);
    expect(parsed.positions.get('comparison.baselines.1.metrics.Accuracy')?.line).toBe(23);
  });
});

describe('a wide table with a row per data split', () => {
  const text = [
    '**Experiment ID**: s-1',
    '',
    '## Evaluation Results',
    '### Metrics per split',
    '| Split | Accuracy | F1 |',
    '|---|---|---|',
    '| Validation | 0.880 | 0.850 |',
    '| Test | 0.871 ± 0.006 | 0.842 |',
  ].join('\n');
  const { parsed, record } = load(text, 's-1.md');

  test('the Test row is read as the test metrics, and the whole table is kept', () => {
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'Accuracy', value: 0.871, ci95: 0.006 },
      { metric: 'F1', value: 0.842 },
    ]);
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 8, column: 26 });
    expect(record.evaluation?.['metricsBySplit']).toEqual([
      { Split: 'Validation', Accuracy: '0.880', F1: '0.850' },
      { Split: 'Test', Accuracy: '0.871 ± 0.006', F1: '0.842' },
    ]);
  });

  test('without a Test row it is not read as one (and left for validation to report, as before)', () => {
    const noTest = parseSource(text.replace('| Test |', '| Train |'), { file: 's-1.md' }).data as { evaluation?: Record<string, unknown> };
    expect(noTest.evaluation?.['metricsBySplit']).toBeUndefined();
  });
});

describe('a log with pasted CSV, inline settings and statements in cells', () => {
  const text = [
    '**Experiment ID**: csv-1',
    '',
    '## 3. Model Configuration',
    '',
    'Hyperparameters: `learning_rate=0.05`, `num_leaves=63`, `bagging=[0.7, 0.9]`',
    '',
    '## 4. Training Results',
    '',
    '```csv',
    'epoch,train_loss,val_loss,"val auc"',
    '1,0.61,0.62,0.71',
    '2,0.52,0.55,0.76',
    '```',
    '',
    '## 5. Evaluation Results',
    '',
    '| Metric | Value | 95% CI |',
    '|---|---|---|',
    '| Precision | 71.5% (95% CI: 69.9–73.1%) | |',
    '| Recall | 0.642 | [0.621, 0.663] |',
    '',
    '## Next Steps',
    '',
    '1. Try monotone constraints.',
    '2. Re-run with five seeds.',
  ].join('\n');
  const { parsed, record } = load(text, 'csv-1.md');

  test('a ```csv block under Training Results is the per-epoch table, each value placed at its cell', () => {
    expect(record.training?.history).toEqual([
      { epoch: 1, train_loss: 0.61, val_loss: 0.62, 'val auc': 0.71 },
      { epoch: 2, train_loss: 0.52, val_loss: 0.55, 'val auc': 0.76 },
    ]);
    // Line 12 is `2,0.52,0.55,0.76`: val_loss starts at column 8.
    expect(parsed.positions.get('training.history.1.val_loss')).toEqual({ line: 12, column: 8 });
    expect(record.sections ?? []).toEqual([]);
  });

  test('a semicolon-separated block with decimal commas (Excel, pandas `decimal=","`) is the per-epoch table, 0,61 read as 0.61', () => {
    const european = text
      .replace('epoch,train_loss,val_loss,"val auc"', 'epoch;train_loss;val_loss;"val auc"')
      .replace('1,0.61,0.62,0.71', '1;0,61;0,62;71,0 %')
      .replace('2,0.52,0.55,0.76', '2;0,52;1.234,5;76,5 %');
    const history = (parseSource(european, { file: 'eu.md' }).data as { training?: { history?: unknown } }).training?.history;
    // 1.234,5 groups thousands with a point, as a decimal-comma file does: 1234.5.
    expect(history).toEqual([
      { epoch: 1, train_loss: 0.61, val_loss: 0.62, 'val auc (%)': 71 },
      { epoch: 2, train_loss: 0.52, val_loss: 1234.5, 'val auc (%)': 76.5 },
    ]);
  });

  test('a per-epoch column of a proportion written in percent is keyed `Name (%)`: 71.0% stays 71 percent, not 71 as a fraction', () => {
    const percent = text.replace('1,0.61,0.62,0.71', '1,0.61,0.62,71.0%').replace('2,0.52,0.55,0.76', '2,0.52,0.55,76.5%');
    const history = (parseSource(percent, { file: 'pct.md' }).data as { training?: { history?: unknown } }).training?.history;
    expect(history).toEqual([
      { epoch: 1, train_loss: 0.61, val_loss: 0.62, 'val auc (%)': 71 },
      { epoch: 2, train_loss: 0.52, val_loss: 0.55, 'val auc (%)': 76.5 },
    ]);
    // A loss is not a proportion: its name is kept as written whatever its cells say.
    const gfm = ['## Training Results', '', '| Epoch | Loss | Acc |', '|---|---|---|', '| 1 | 0.61 | 71% |', '| 2 | 0.52 | 0.9% |'].join(
      '\n',
    );
    expect((parseSource(gfm, { file: 'g.md' }).data as { training?: { history?: unknown } }).training?.history).toEqual([
      { epoch: 1, Loss: 0.61, 'Acc (%)': 71 },
      { epoch: 2, Loss: 0.52, 'Acc (%)': 0.9 },
    ]);
  });

  test('a CSV block with ragged rows, or in another language, stays a code block', () => {
    const ragged = parseSource(text.replace('2,0.52,0.55,0.76', '2,0.52,0.55'), { file: 'r.md' }).data as Record<string, unknown>;
    expect(ragged['training']).toBeUndefined();
    const python = parseSource(text.replace('```csv', '```python'), { file: 'p.md' }).data as Record<string, unknown>;
    expect(python['training']).toBeUndefined();
  });

  test('hyperparameters written on the label line, name=value, are the hyperparameter list (brackets kept whole)', () => {
    expect(record.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.05 },
      { name: 'num_leaves', value: 63 },
      { name: 'bagging', value: '[0.7, 0.9]' },
    ]);
    expect(parsed.positions.get('model.hyperparameters.1.name')).toEqual({ line: 5, column: 41 });
    expect(parsed.diagnostics.filter((d) => d.code === 'value-kept-as-note')).toEqual([]);
  });

  test('a sentence after "Hyperparameters:" is still kept as a note', () => {
    const prose = parseSource(text.replace(/^Hyperparameters: .*$/m, 'Hyperparameters: see the sweep: all defaults'), { file: 'n.md' });
    expect(prose.diagnostics.map((d) => d.code)).toContain('value-kept-as-note');
  });

  test('"TBD" with a word on what will go there is a section not filled in yet: kept, said as information, not a warning', () => {
    const later = parseSource(text.replace(/^Hyperparameters: .*$/m, 'Hyperparameters: TBD (copy from the sweep config)'), {
      file: 't.md',
    });
    expect((later.data as { model?: Record<string, unknown> }).model?.['hyperparametersNote']).toBe('TBD (copy from the sweep config)');
    expect(later.diagnostics.filter((d) => d.code === 'value-kept-as-note').map((d) => [d.level, d.message, d.hint])).toEqual([
      [
        'info',
        '"Hyperparameters" is not filled in yet ("TBD (copy from the sweep config)"); the text is kept as a note and shown on the page',
        'when known, put the values under the "Hyperparameters" label as the template does (a table or a list)',
      ],
    ]);
    // Words that only start like it are prose, with the warning.
    const prose = parseSource(text.replace(/^Hyperparameters: .*$/m, 'Hyperparameters: todos los valores por defecto'), { file: 'p.md' });
    expect(prose.diagnostics.find((d) => d.code === 'value-kept-as-note')?.level).toBe('warning');
  });

  test('a sentence describing what the label names is kept as a note, said as information, not a warning', () => {
    const described = parseSource(
      text.replace(/^Hyperparameters: .*$/m, 'Hyperparameters: the defaults of LightGBM 4.3, except the two we swept over in the study'),
      { file: 'd.md' },
    );
    expect(described.diagnostics.filter((d) => d.code === 'value-kept-as-note').map((d) => d.level)).toEqual(['info']);
  });

  test.each([
    ['10,000 sentences, detokenized sacreBLEU (13a), bootstrap resampling with 1000 samples for the CIs.', true],
    ['see the sweep: all defaults', false],
    ['accuracy 0.91, F1 0.88, AUC 0.95, loss 0.21', false],
    ['train 2019-01 → 2024-06, validation 2024-07 → 2024-10, test 2024-11 → 2025-02', false],
  ])('isSentence(%j) is %s', (value, sentence) => {
    expect(isSentence(value)).toBe(sentence);
  });

  test('a value cell holding the value and its interval, the CI cell empty, gives both', () => {
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'Precision', value: 71.5, unit: '%', ci95: { low: 69.9, high: 73.1 } },
      { metric: 'Recall', value: 0.642, ci95: { low: 0.621, high: 0.663 } },
    ]);
  });

  test('a plain numbered list under Next Steps is the recommendations', () => {
    expect(record.nextSteps?.recommendations).toEqual([
      { text: 'Try monotone constraints.', done: false },
      { text: 'Re-run with five seeds.', done: false },
    ]);
  });
});

describe('a log with headings of its own (Goal, Setup, Results, Conclusion)', () => {
  const text = [
    '# Sentiment baseline',
    '',
    'Experiment ID: sent-1',
    '',
    '## Goal',
    '',
    'See whether DistilBERT beats the TF-IDF baseline.',
    '',
    '## Hypothesis',
    '',
    'Fine-tuning for 3 epochs is enough.',
    '',
    '## Setup',
    '',
    '- learning_rate: 2e-5',
    '- epochs: 3',
    '',
    '## Results',
    '',
    '- Accuracy: 91.3% ± 0.4',
    '- F1: 0.912 (0.905–0.919)',
    '',
    '| Epoch | Loss | Val Loss |',
    '|---|---|---|',
    '| 1 | 0.38 | 0.29 |',
    '| 2 | 0.22 | 0.25 |',
    '',
    '## Conclusion',
    '',
    'DistilBERT wins by about 3 points.',
  ].join('\n');
  const { parsed, record } = load(text, 'sent-1.md');

  test('the paragraph under Goal and under Hypothesis is the objective and the hypothesis', () => {
    expect(record.overview).toEqual({
      objective: 'See whether DistilBERT beats the TF-IDF baseline.',
      hypothesis: 'Fine-tuning for 3 epochs is enough.',
    });
    expect(parsed.positions.get('overview.hypothesis')).toEqual({ line: 11, column: 1 });
  });

  test('a list of settings under Setup is the hyperparameters (epochs among them)', () => {
    expect(record.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.00002 },
      { name: 'epochs', value: 3 },
    ]);
  });

  test('under Results, the metric list is the test metrics and the epoch table the training history', () => {
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'Accuracy', value: 91.3, unit: '%', ci95: 0.4 },
      { metric: 'F1', value: 0.912, ci95: { low: 0.905, high: 0.919 } },
    ]);
    expect(record.training?.history).toEqual([
      { epoch: 1, Loss: 0.38, 'Val Loss': 0.29 },
      { epoch: 2, Loss: 0.22, 'Val Loss': 0.25 },
    ]);
  });

  test('the conclusion is kept under its heading', () => {
    expect(record.sections).toEqual([{ title: 'Conclusion', markdown: 'DistilBERT wins by about 3 points.' }]);
  });

  test("a list of the section's own labels under Setup is read label by label, not as hyperparameters", () => {
    const labels = load(text.replace('- learning_rate: 2e-5\n- epochs: 3', '- Optimizer: AdamW\n- Epochs: 3'), 'sent-1.md').record;
    expect(labels.model?.hyperparameters).toBeUndefined();
    expect(labels.model?.training).toEqual({ optimizer: 'AdamW', epochs: 3 });
  });

  test('settings named in words (`batch size`, `warmup steps`) are hyperparameters too', () => {
    const words = load(
      text.replace('- learning_rate: 2e-5\n- epochs: 3', '- learning rate: 2e-5\n- batch size: 32\n- warmup steps: 500'),
      'sent-1.md',
    ).record;
    expect(words.model?.hyperparameters).toEqual([
      { name: 'learning rate', value: 0.00002 },
      { name: 'batch size', value: 32 },
      { name: 'warmup steps', value: 500 },
    ]);
  });

  test('a configuration file pasted under `## Config` is the hyperparameters; a Python block there needs a label', () => {
    const yaml = ['**Experiment ID**: c', '', '## Config', '', '```yaml', 'lora:', '  r: 16', 'lr: 2.0e-4', '```'].join('\n');
    const config = load(yaml, 'c.md');
    expect(config.record.model?.hyperparameters).toEqual([
      { name: 'lora.r', value: 16 },
      { name: 'lr', value: 0.0002 },
    ]);
    expect(config.parsed.positions.get('model.hyperparameters.0.value')).toEqual({ line: 7, column: 3 });
    const python = load(yaml.replace('```yaml', '```python').replace('lora:\n  r: 16\n', ''), 'c.md');
    expect(python.record.model?.hyperparameters).toBeUndefined();
    expect(python.record.sections?.[0]?.markdown).toContain('lr: 2.0e-4');
  });

  test('a line of settings under `## Params`, and a feature-importance list under its own heading', () => {
    const text = [
      '**Experiment ID**: k',
      '',
      '## Params',
      'learning_rate=0.03, num_leaves=63',
      'We kept lr=0.03 from the last run.',
      '',
      '## Feature importance (gain, top 3)',
      '1. card1_te — 1520.3',
      '2. `TransactionAmt`: 1210.8',
      '3. D15 (12.5%)',
    ].join('\n');
    const { parsed, record } = load(text, 'k.md');
    expect(record.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.03 },
      { name: 'num_leaves', value: 63 },
    ]);
    expect(parsed.positions.get('model.hyperparameters.1.value')).toEqual({ line: 4, column: 21 });
    // A sentence with a setting in it stays prose.
    expect(record.sections).toEqual([{ title: 'Params', markdown: 'We kept lr=0.03 from the last run.' }]);
    expect(record.observations).toEqual({
      featureImportanceMethod: 'gain',
      featureImportance: [
        { feature: 'card1_te', importance: 1520.3 },
        { feature: 'TransactionAmt', importance: 1210.8 },
        { feature: 'D15', importance: 12.5, unit: '%' },
      ],
    });
    expect(parsed.positions.get('observations.featureImportance.2.importance')).toEqual({ line: 10, column: 4 });
    // A list with an item that is no feature and its importance stays as written.
    const prose = load(text.replace('3. D15 (12.5%)', '3. the rest matter little'), 'k.md').record;
    expect(prose.observations?.featureImportance).toBeUndefined();
  });

  test('a Notion-style header: each `Key: value` line its own field; `Status: In review`; a `Setting | Value` table', () => {
    const text = [
      '# ResNet-18 mixup sweep',
      '',
      'Experiment ID: mix-4',
      'Owner: Aiko Tanaka',
      'Team: Vision',
      'Created: March 3, 2025',
      'Status: In review',
      '',
      '## Setup',
      '| Setting | Value |',
      '|---|---|',
      '| Batch size | 128 |',
      '| Mixup α | 0.4 |',
    ].join('\n');
    const { parsed, record } = load(text, 'mix-4.md');
    expect(record).toMatchObject({ id: 'mix-4', experimenter: 'Aiko Tanaka', team: 'Vision', date: '2025-03-03', status: 'completed' });
    expect(parsed.positions.get('team')).toEqual({ line: 5, column: 7 });
    expect(record.model?.hyperparameters).toEqual([
      { name: 'Batch size', value: 128 },
      { name: 'Mixup α', value: 0.4 },
    ]);
  });

  test('labels written on one line, between `·`, `|` or dashes, are each read and placed where written', () => {
    const text = [
      '# exp-207: ViT-S/16 on Food-101',
      '',
      '**Owner:** M. Keller · **Date:** 2026-11-03 · **Status:** done',
      'Team: vision | Tracking platform: W&B',
      '',
      '## Overview',
      '**Hypothesis:** mixup helps — by ≥ 1 pp · maybe more',
    ].join('\n');
    const { parsed, record } = load(text, 'notes.md');
    expect(record).toMatchObject({
      id: 'exp-207',
      name: 'ViT-S/16 on Food-101',
      experimenter: 'M. Keller',
      date: '2026-11-03',
      status: 'completed',
      team: 'vision',
      trackingPlatform: 'W&B',
    });
    expect(parsed.positions.get('date')).toEqual({ line: 3, column: 34 });
    expect(parsed.positions.get('status')).toEqual({ line: 3, column: 59 });
    expect(parsed.positions.get('trackingPlatform')).toEqual({ line: 4, column: 35 });
    // A separator not followed by a label is part of the value.
    expect(record.overview?.hypothesis).toBe('mixup helps — by ≥ 1 pp · maybe more');
    expect(load('**Owner:** Ada · Bob · **Date:** 2026-01-02\n', 'e.md').record).toMatchObject({
      experimenter: 'Ada · Bob',
      date: '2026-01-02',
    });
  });

  test('a list mixing settings with what the section reads otherwise (the model, the dataset) is read item by item', () => {
    const mixed = load(
      text.replace(
        '- learning_rate: 2e-5\n- epochs: 3',
        '- Model: distilbert-base-uncased\n- Dataset: imdb\n- max_seq_len: 256\n- activation: gelu\n- batch size = 32\n- epochs: 3',
      ),
      'sent-1.md',
    );
    expect(mixed.record.model?.type).toBe('distilbert-base-uncased');
    expect(mixed.record.dataset?.name).toBe('imdb');
    expect(mixed.record.model?.training).toEqual({ epochs: 3 });
    // A setting's value is kept whatever its type, in the order written, at its line and column.
    expect(mixed.record.model?.hyperparameters).toEqual([
      { name: 'max_seq_len', value: 256 },
      { name: 'activation', value: 'gelu' },
      { name: 'batch size', value: 32 },
    ]);
    expect(mixed.parsed.positions.get('model.hyperparameters.2.value')).toEqual({ line: 19, column: 16 });
    // A list with an item that is no `name: value` stays prose.
    const prose = load(
      text.replace('- learning_rate: 2e-5\n- epochs: 3', '- Model: distilbert\n- we froze the embeddings for the first epoch'),
      'sent-1.md',
    );
    expect(prose.record.model?.type).toBeUndefined();
    expect(prose.record.sections?.[0]).toEqual({
      title: 'Setup',
      markdown: '- Model: distilbert\n- we froze the embeddings for the first epoch',
    });
  });
});

describe('a TOML frontmatter block', () => {
  test('`+++` at the top: one warning at line 1 saying how to write it in YAML; its text is kept', () => {
    const text = '+++\ntitle = "ResNet-50"\ntags = ["vision"]\n+++\n\n**Experiment ID**: e-1\n';
    const parsed = parseSource(text, { file: 'e-1.md' });
    const warning = parsed.diagnostics.find((d) => d.code === 'toml-frontmatter');
    expect(warning).toMatchObject({ level: 'warning', line: 1, column: 1 });
    expect(warning?.hint).toMatch(/YAML between "---" lines/);
    expect(JSON.stringify(parsed.data)).toContain('title = \\"ResNet-50\\"');
    // A `+++` later in the file, or one never closed, is no frontmatter.
    expect(parseSource('**Experiment ID**: e-1\n\n+++\nx\n+++\n', { file: 'e-1.md' }).diagnostics.map((d) => d.code)).not.toContain(
      'toml-frontmatter',
    );
    expect(parseSource('+++\nx = 1\n\n**Experiment ID**: e-1\n', { file: 'e-1.md' }).diagnostics.map((d) => d.code)).not.toContain(
      'toml-frontmatter',
    );
  });
});

describe('a file written in Org mode', () => {
  test('one warning at its first `#+` keyword saying how to export it to Markdown; its text is kept', () => {
    const text = ['', '#+TITLE: GraphSAGE on ogbl-collab', '#+AUTHOR: Lin Wei', '', '* Results', '| Hits@50 | 0.5412 |'].join('\n');
    const parsed = parseSource(text, { file: 'g-1.md' });
    const warning = parsed.diagnostics.find((d) => d.code === 'org-mode');
    expect(warning).toMatchObject({ level: 'warning', line: 2, column: 1 });
    expect(warning?.hint).toMatch(/pandoc -f org -t gfm/);
    expect(JSON.stringify(parsed.data)).toContain('#+TITLE: GraphSAGE');
    // A Markdown note with a `#+` line or a `* ` list but not both is no Org file.
    for (const markdown of ['# Log\n\n#+ not a keyword\n', '#+TITLE: x\n\n- item\n', '# Log\n\n* item\n* item\n'])
      expect(parseSource(markdown, { file: 'g-1.md' }).diagnostics.map((d) => d.code)).not.toContain('org-mode');
  });
});

describe("a tuning run's best trial as Ray Tune's tutorials print it", () => {
  test('`Best trial config: {…}` is the best settings; `Best trial final validation loss: 0.2258` what that trial scored', () => {
    const text = [
      '**Experiment ID**: tune-1',
      '',
      '## Hyperparameter Tuning',
      '',
      "Best trial config: {'lr': 3e-05, 'batch_size': 16}",
      'Best trial final validation loss: 0.2258',
      'Best trial final validation accuracy: 0.9197',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'tune-1.md' }), { file: 'tune-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.tuning).toEqual({
      bestHyperparameters: { lr: 0.00003, batch_size: 16 },
      bestTrialMetrics: { 'validation loss': 0.2258, 'validation accuracy': 0.9197 },
    });
  });
});
