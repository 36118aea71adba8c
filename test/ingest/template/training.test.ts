import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';

function infrastructure(...items: string[]) {
  const text = `**Experiment ID**: exp-1\n\n## Training Results\n\n**Training Infrastructure**:\n${items.map((item) => `- ${item}`).join('\n')}\n`;
  const parsed = parseSource(text, { file: 'exp-1.md' });
  return { infra: validateRecord(parsed, { file: 'exp-1.md' }).record?.training?.infrastructure, parsed };
}

describe('the training infrastructure list', () => {
  test('keeps a duration written with a unit as written, and in hours (25 min = 25/60 h)', () => {
    const { infra, parsed } = infrastructure('Training Duration: 25 min');
    expect(infra?.durationText).toBe('25 min');
    expect(infra?.durationHours).toBeCloseTo(0.416666666667, 12);
    expect(parsed.positions.get('training.infrastructure.durationText')).toEqual({ line: 6, column: 22 });
  });

  test.each([
    ['Training Duration: 12', { durationHours: 12 }],
    ['Training Duration: 2 days', { durationHours: 48, durationText: '2 days' }],
    ['Training Duration: [N hours]', undefined],
  ])('%s', (item, expected) => {
    expect(infrastructure(item).infra).toEqual(expected);
  });

  test.each([
    ['Hardware: 4x NVIDIA A100 GPUs', { hardware: '4x NVIDIA A100 GPUs', gpuCount: 4 }],
    ['Hardware: 1x m6i.4xlarge (CPU only)', { hardware: '1x m6i.4xlarge (CPU only)', gpuCount: 0 }],
    ['Hardware: 1x m6i.4xlarge', { hardware: '1x m6i.4xlarge' }],
    // A GPU label that names the hardware with its count.
    ['GPU: 1× RTX 4090', { hardware: '1× RTX 4090', gpuCount: 1 }],
    ['GPUs: 4', { gpuCount: 4 }],
  ])('%s', (item, expected) => {
    expect(infrastructure(item).infra).toEqual(expected);
  });
});

describe('a list of settings under `## Training`', () => {
  test("the training's own labels, the model's training configuration, and the rest as hyperparameters", () => {
    const text = [
      '**Experiment ID**: t-1',
      '',
      '## Training',
      '- Optimizer: SGD (momentum 0.9, nesterov)',
      '- Batch size: 128',
      '- Epochs: 200',
      '- GPU: 1× RTX 4090',
      '- Time: 3h 20m',
      '- Early stopping: no',
      '',
      '### Epochs',
      '',
      '| epoch | loss |',
      '|---|---|',
      '| 1 | 0.84 |',
    ].join('\n');
    const parsed = parseSource(text, { file: 't-1.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 't-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.model).toEqual({
      hyperparameters: [{ name: 'Batch size', value: 128 }],
      training: { optimizer: 'SGD (momentum 0.9, nesterov)', epochs: 200, earlyStopping: { enabled: false } },
    });
    expect(record?.training?.infrastructure).toEqual({
      hardware: '1× RTX 4090',
      gpuCount: 1,
      durationHours: 3.33333333333,
      durationText: '3h 20m',
    });
    // `### Epochs` over a table is the per-epoch history.
    expect(record?.training?.history).toEqual([{ epoch: 1, loss: 0.84 }]);
    expect(parsed.positions.get('model.training.epochs')).toEqual({ line: 6, column: 11 });
  });
});

describe('a configuration file under a heading of model and training together', () => {
  test('`## 3. Model & training` over a ```yaml block and a table per step: the hyperparameters and the history', () => {
    const text = [
      '**Experiment ID**: mt-3',
      '',
      '## 3. Model & training',
      '',
      '```yaml',
      'learning_rate: 3.0e-5',
      'per_device_train_batch_size: 16',
      'num_train_epochs: 3',
      '```',
      '',
      '| Step | train_loss | eval_loss |',
      '|---|---|---|',
      '| 1000 | 1.92 | 1.88 |',
      '| 2000 | 1.61 | 1.63 |',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'mt-3.md' }), { file: 'mt-3.md' });
    expect(record?.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.00003 },
      { name: 'per_device_train_batch_size', value: 16 },
      { name: 'num_train_epochs', value: 3 },
    ]);
    expect(record?.training?.history?.map((row) => row['eval_loss'])).toEqual([1.88, 1.63]);
  });
});

describe('a reinforcement learner’s history, counted in timesteps', () => {
  test('`| Timesteps | Mean episode return |` over `500K`, `1M`: the history, on a step axis', () => {
    const text = [
      '**Experiment ID**: ppo-12',
      '',
      '## Training',
      '',
      '| Timesteps | Mean episode return |',
      '|---:|---:|',
      '| 500K | 1,840 |',
      '| 1M | 3,120 |',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'ppo-12.md' }), { file: 'ppo-12.md' });
    expect(record?.training?.history).toEqual([
      { epoch: 500000, 'Mean episode return': 1840 },
      { epoch: 1000000, 'Mean episode return': 3120 },
    ]);
    expect(record?.training?.historyAxis).toBe('step');
  });
});

describe('the best epoch on its label line', () => {
  test('`- Best epoch: 17 (by val AUC)`: epoch 17, selected by val AUC, the text kept as written', () => {
    const text = ['**Experiment ID**: b-1', '', '## Training', '', '- Best epoch: 17 (by val AUC)'].join('\n');
    expect((parseSource(text, { file: 'b-1.md' }).data as { training: unknown }).training).toEqual({
      bestModel: { epoch: 17, selectedBy: 'val AUC', description: '17 (by val AUC)' },
    });
  });
});

describe("the Hugging Face Trainer's sections (a model card's body)", () => {
  const text = [
    '**Experiment ID**: hf-1',
    '',
    '## Training procedure',
    '',
    '### Training hyperparameters',
    '',
    'The following hyperparameters were used during training:',
    '- learning_rate: 2e-05',
    '- train_batch_size: 16',
    '- num_epochs: 2',
    '',
    '### Training results',
    '',
    '| Training Loss | Epoch | Step | Validation Loss | Accuracy |',
    '|:-------------:|:-----:|:----:|:---------------:|:--------:|',
    '| 0.3421        | 1.0   | 625  | 0.2517          | 0.9012   |',
    '| 0.1876        | 2.0   | 1250 | 0.2301          | 0.9188   |',
  ].join('\n');

  test("the hyperparameters under the training are the model's; the table with an epoch column is the history", () => {
    const parsed = parseSource(text, { file: 'hf-1.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'hf-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.model?.hyperparameters).toEqual([
      { name: 'learning_rate', value: 0.00002 },
      { name: 'train_batch_size', value: 16 },
      { name: 'num_epochs', value: 2 },
    ]);
    expect(record?.training?.history).toEqual([
      { epoch: 1, 'Training Loss': 0.3421, Step: 625, 'Validation Loss': 0.2517, Accuracy: 0.9012 },
      { epoch: 2, 'Training Loss': 0.1876, Step: 1250, 'Validation Loss': 0.2301, Accuracy: 0.9188 },
    ]);
    expect(parsed.positions.get('model.hyperparameters.1.value')).toEqual({ line: 9, column: 21 });
    // The introduction is kept beside them.
    expect(record?.training).toMatchObject({ trainingHyperparametersNote: 'The following hyperparameters were used during training:' });
    // As a section of its own (`## Training hyperparameters`) they are the model's too; so is the table without its label.
    const own = parseSource(
      text.replace('### Training hyperparameters', '## Training hyperparameters').replace('### Training results\n\n', '## Training\n\n'),
      {
        file: 'hf-1.md',
      },
    );
    const read = validateRecord(own, { file: 'hf-1.md' }).record;
    expect(read?.model?.hyperparameters).toHaveLength(3);
    expect(read?.training?.history).toHaveLength(2);
  });
});

describe('per-epoch columns written with units', () => {
  const read = (...rows: string[]) => {
    const text = ['**Experiment ID**: exp-1', '', '## Training', '', ...rows].join('\n');
    const file = 'exp-1.md';
    const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
    return { history: record?.training?.history, problems: diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`) };
  };

  test('durations in several units, on a clock or in parts, and memory: each column in one unit, in its key', () => {
    expect(
      read(
        '| Epoch | Loss | Epoch time | Wall clock | GPU mem |',
        '|---|---|---|---|---|',
        '| 1 | 1.2 | 41.2 s | 0:06:10 | 10.2 GB |',
        '| 2 | 0.9 | 6.2 min | 12m 20s | 10.4 GB |',
        '| 3 | 0.8 | 40 s | 0:18:30 | 10.4 GB |',
      ),
    ).toEqual({
      // Epoch time: 41.2 s, 6.2 × 60 = 372 s, 40 s (seconds: two of three cells); wall clock 370, 740, 1110 s.
      history: [
        { epoch: 1, Loss: 1.2, 'Epoch time (s)': 41.2, 'Wall clock (s)': 370, 'GPU mem (GB)': 10.2 },
        { epoch: 2, Loss: 0.9, 'Epoch time (s)': 372, 'Wall clock (s)': 740, 'GPU mem (GB)': 10.4 },
        { epoch: 3, Loss: 0.8, 'Epoch time (s)': 40, 'Wall clock (s)': 1110, 'GPU mem (GB)': 10.4 },
      ],
      problems: [],
    });
  });

  test('a bare fraction among percentages above 1% is read as the fraction, with a warning at its cell', () => {
    expect(read('| Epoch | Val Acc |', '|---|---|', '| 1 | 0.712 |', '| 2 | 78.4% |', '| 3 | 80.1% |')).toEqual({
      history: [
        { epoch: 1, 'Val Acc (%)': 71.2 },
        { epoch: 2, 'Val Acc (%)': 78.4 },
        { epoch: 3, 'Val Acc (%)': 80.1 },
      ],
      problems: ['7:7 Val Acc is written in percent in this table, but 0.712 has no % sign: it is read as the fraction 0.712, 71.2%'],
    });
  });

  test('a bare value beside percentages of at most 1% may be either: kept as written, with a warning at its cell', () => {
    expect(read('| Epoch | Val FNR |', '|---|---|', '| 1 | 0.7 |', '| 2 | 0.9% |')).toEqual({
      history: [
        { epoch: 1, 'Val FNR (%)': 0.7 },
        { epoch: 2, 'Val FNR (%)': 0.9 },
      ],
      problems: ['7:7 Val FNR is written in percent in this table, but 0.7 has no % sign: it is read as 0.7%'],
    });
  });
});

describe('summary rows closing a per-epoch table', () => {
  const read = (...rows: string[]) => {
    const text = [
      '**Experiment ID**: exp-1',
      '',
      '## Training',
      '',
      '| Epoch | Train Loss | Val Loss | Val Acc |',
      '|---|---|---|---|',
      '| 1 | 0.61 | 0.58 | 0.71 |',
      '| 2 | 0.45 | 0.47 | 0.78 |',
      '| 3 | 0.39 | 0.44 | 0.80 |',
      ...rows,
    ].join('\n');
    const file = 'exp-1.md';
    return validateRecord(parseSource(text, { file }), { file });
  };

  test('`Best` is the best model (its epoch: the one row with its values); the epochs stay the epochs', () => {
    const { record, diagnostics } = read('| **Best** | | **0.44** | **0.80** |');
    expect(diagnostics).toEqual([]);
    expect(record?.training?.history?.map((row) => row['epoch'])).toEqual([1, 2, 3]);
    expect(record?.training?.bestModel).toEqual({ epoch: 3, metrics: { 'Val Loss': 0.44, 'Val Acc': 0.8 } });
  });

  test('values no row holds (or two rows hold) leave the epoch unsaid; `Final` and `Mean` rows are kept as written', () => {
    const { record, diagnostics } = read('| Best | | 0.40 | 0.82 |', '| Final | 0.39 | 0.44 | 0.80 |', '| Mean | 0.48 | 0.50 | 0.76 |');
    expect(diagnostics).toEqual([]);
    expect(record?.training?.bestModel).toEqual({ metrics: { 'Val Loss': 0.4, 'Val Acc': 0.82 } });
    expect((record?.training as Record<string, unknown> | undefined)?.['historySummary']).toEqual([
      { label: 'Final', metrics: { 'Train Loss': 0.39, 'Val Loss': 0.44, 'Val Acc': 0.8 } },
      { label: 'Mean', metrics: { 'Train Loss': 0.48, 'Val Loss': 0.5, 'Val Acc': 0.76 } },
    ]);
  });
});

describe('a second per-epoch table', () => {
  const history = (second: readonly string[]) => {
    const text = [
      '**Experiment ID**: exp-1',
      '',
      '## Training Results',
      '',
      '**Training Metrics**:',
      '',
      '| Epoch | Train Loss | Val Loss |',
      '|---|---|---|',
      '| 1 | 2.10 | 2.30 |',
      '| 100 | 0.90 | 1.10 |',
      '| 200 | 0.70 | 0.95 |',
      '',
      '**Training Infrastructure**:',
      '- GPU: 4× A100',
      '',
      ...second,
    ].join('\n');
    const file = 'exp-1.md';
    const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
    return { history: record?.training?.history, parsed: diagnostics };
  };

  test('of other columns adds them to the epochs it shares with the first, not repeated epochs with holes', () => {
    const { history: rows } = history(['| Epoch | GPU mem (GB) | img/s |', '|---|---|---|', '| 1 | 31.2 | 410 |', '| 200 | 31.9 | 402 |']);
    expect(rows).toEqual([
      { epoch: 1, 'Train Loss': 2.1, 'Val Loss': 2.3, 'GPU mem (GB)': 31.2, 'img/s': 410 },
      { epoch: 100, 'Train Loss': 0.9, 'Val Loss': 1.1 },
      { epoch: 200, 'Train Loss': 0.7, 'Val Loss': 0.95, 'GPU mem (GB)': 31.9, 'img/s': 402 },
    ]);
  });

  test('of the same columns, of losses or scores (a second stage), on another axis, with other or repeated epochs: rows added as before', () => {
    const epochsOf = (second: readonly string[]) => history(second).history?.map((r) => r.epoch);
    // A second stage of the same columns.
    expect(epochsOf(['| Epoch | Train Loss | Val Loss |', '|---|---|---|', '| 300 | 0.60 | 0.90 |'])).toEqual([1, 100, 200, 300]);
    // A stage restarting at epoch 1 with scores of its own: not the first stage's epoch 1.
    expect(epochsOf(['| Epoch | MLM Loss | Val F1 |', '|---|---|---|', '| 1 | 1.5 | 0.61 |'])).toEqual([1, 100, 200, 1]);
    // Counted in steps, not epochs.
    expect(epochsOf(['| Step | GPU mem (GB) |', '|---|---|', '| 1 | 31.2 |'])).toEqual([1, 100, 200, 1]);
    // An epoch the first table does not have, or one written twice.
    expect(epochsOf(['| Epoch | GPU mem (GB) |', '|---|---|', '| 1 | 31.2 |', '| 250 | 32.0 |'])).toEqual([1, 100, 200, 1, 250]);
    expect(epochsOf(['| Epoch | GPU mem (GB) |', '|---|---|', '| 1 | 31.2 |', '| 1 | 33.0 |'])).toEqual([1, 100, 200, 1, 1]);
  });
});

describe('a per-epoch table headed `Ep.`', () => {
  test('`| Ep. | train_loss | val_loss |` is the history, `Ep.` its epoch', () => {
    const text = [
      '**Experiment ID**: e-1',
      '',
      '## Training',
      '',
      '| Ep. | train_loss | val_loss |',
      '|---|---|---|',
      '| 1 | 2.31 | 2.40 |',
      '| 2 | 1.90 | 2.01 |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'e-1.md' }), { file: 'e-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.training?.history).toEqual([
      { epoch: 1, train_loss: 2.31, val_loss: 2.4 },
      { epoch: 2, train_loss: 1.9, val_loss: 2.01 },
    ]);
  });
});

describe('notes about the best model on several lines', () => {
  test('gathered in one note, with no warning of a value written twice', () => {
    const text = [
      '**Experiment ID**: b-2',
      '',
      '## Training',
      '',
      '**Best Model**:',
      '- Round: 2400',
      '- Chosen by: val MAE',
      '- Comment: early stopped',
      '- Weights: EMA',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'b-2.md' }), { file: 'b-2.md' });
    expect(diagnostics).toEqual([]);
    // A boosted model's round is where the best model was taken, as an epoch is.
    expect(record?.training?.bestModel).toEqual({ epoch: 2400, selectedBy: 'val MAE', note: 'Comment: early stopped; Weights: EMA' });
  });
});

describe('a table of cross-validation folds under the training results', () => {
  test('a row per fold is no history: kept as the table it is, `Best Iter` no axis', () => {
    const text = [
      '**Experiment ID**: cv-1',
      '',
      '## Training Results',
      '',
      '**Per-fold results** (validation fold):',
      '',
      '| Fold | AUC | Best Iter |',
      '|---|---|---|',
      '| 1 | 0.7862 | 612 |',
      '| 2 | 0.7791 | 655 |',
      '| **Mean ± std** | 0.7827 ± 0.0050 | 634 |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'cv-1.md' }), { file: 'cv-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.training?.history).toBeUndefined();
    expect(record?.training).toMatchObject({
      perFoldResultsNote: 'validation fold',
      perFoldResults: [
        { Fold: '1', AUC: '0.7862', 'Best Iter': '612' },
        { Fold: '2', AUC: '0.7791', 'Best Iter': '655' },
        { Fold: '**Mean ± std**', AUC: '0.7827 ± 0.0050', 'Best Iter': '634' },
      ],
    });
  });

  test('a counter column is the axis only when it counts the rows: `Step`, not `Best step` or `Total steps`', () => {
    const text = [
      '**Experiment ID**: cv-2',
      '',
      '## Training',
      '',
      '| Step | loss | Best step |',
      '|---|---|---|',
      '| 100 | 0.9 | 100 |',
      '| 200 | 0.7 | 200 |',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'cv-2.md' }), { file: 'cv-2.md' });
    expect(record?.training?.history?.map((row) => row['epoch'])).toEqual([100, 200]);
    expect(record?.training?.historyAxis).toBe('step');
  });
});

describe('how long a run took, written after its hardware', () => {
  test('`GPU: 1× A10G, ~1h 40m total.`: the GPU count, and the duration (1 h 40 min = 1.667 h)', () => {
    const text = ['**Experiment ID**: hw-1', '', '## Training', '', '- GPU: 1× A10G, ~1h 40m total.'].join('\n');
    const infrastructure = (parseSource(text, { file: 'hw-1.md' }).data as { training?: { infrastructure?: Record<string, unknown> } })
      .training?.infrastructure;
    expect(infrastructure).toMatchObject({ hardware: '1× A10G, ~1h 40m total.', gpuCount: 1, durationText: '~1h 40m' });
    expect(infrastructure?.['durationHours']).toBeCloseTo(1.6667, 4);
  });

  test('a memory size after the hardware is no duration', () => {
    const text = ['**Experiment ID**: hw-2', '', '## Training', '', '- GPU: 8x V100, 40GB'].join('\n');
    expect((parseSource(text, { file: 'hw-2.md' }).data as { training?: unknown }).training).toEqual({
      infrastructure: { hardware: '8x V100, 40GB', gpuCount: 8 },
    });
  });
});

describe('the training written as a subsection of the results', () => {
  test('`## 4. Results` over `### 4.1 Training`: its table is the history, its labels the best model and infrastructure', () => {
    const text = [
      '**Experiment ID**: llm-sft-007',
      '',
      '## 4. Results',
      '',
      '### 4.1 Training',
      '',
      '| Step | Train Loss | Val Loss |',
      '|------|-----------|----------|',
      '| 500 | 1.412 | 1.388 |',
      '| 1000 | 1.205 | 1.241 |',
      '',
      '**Training Infrastructure**:',
      '- Hardware: 8x NVIDIA H100',
      '- Training Duration: 9.5 hours',
      '- GPU-hours: 76',
      '',
      '### 4.2 Test metrics',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| HumanEval pass@1 | 41.5% |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'llm.md' }), { file: 'llm.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.training?.history).toEqual([
      { epoch: 500, 'Train Loss': 1.412, 'Val Loss': 1.388 },
      { epoch: 1000, 'Train Loss': 1.205, 'Val Loss': 1.241 },
    ]);
    expect(record?.training?.historyAxis).toBe('step');
    // 8 GPUs × 9.5 h = 76 GPU-hours, as written.
    expect(record?.training?.infrastructure).toMatchObject({ gpuCount: 8, durationHours: 9.5, gpuHours: 76 });
    expect(record?.evaluation?.testMetrics).toEqual([{ metric: 'HumanEval pass@1', value: 41.5, unit: '%' }]);
  });
});

describe("a per-epoch table as pandas' to_markdown() prints it", () => {
  const text = [
    '**Experiment ID**: mlp-3',
    '',
    '## Training Results',
    '',
    '**Training Metrics** — `print(hist_df.to_markdown())`:',
    '',
    '|    |   epoch |   train_loss |   val_loss |',
    '|---:|--------:|-------------:|-----------:|',
    '|  0 |       1 |     0.412301 |   0.201234 |',
    '|  1 |      25 |     0.031245 | nan        |',
  ].join('\n');

  test('the row numbers under a blank header are no column; `nan` is no value, with a warning; the line beside the label is its caption', () => {
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'mlp-3.md' }), { file: 'mlp-3.md' });
    expect(record?.training?.history).toEqual([
      { epoch: 1, train_loss: 0.412301, val_loss: 0.201234 },
      { epoch: 25, train_loss: 0.031245, val_loss: null },
    ]);
    expect(diagnostics.map((d) => `${d.level} ${d.line}:${d.column} ${d.path}`)).toEqual([
      'info 5:24 training.trainingMetricsNote',
      'warning 10:33 training.history.1.val_loss',
    ]);
    expect(diagnostics[1]?.message).toContain('"nan" is no number');
  });
});

describe('the best round a pasted gradient-boosting log prints', () => {
  function trainingOf(...body: string[]) {
    const text = ['**Experiment ID**: gbm-3', '', '## Training Results', '', ...body].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'gbm-3.md' }), { file: 'gbm-3.md' });
    return { training: record?.training, messages: diagnostics.map((d) => d.message) };
  }

  test("CatBoost's `bestTest = 0.3012` / `bestIteration = 412` after its rounds: the best model, at round 412", () => {
    const { training, messages } = trainingOf(
      '**Training Metrics** (CatBoost, `verbose=100`):',
      '```',
      '0:\tlearn: 0.6512000\ttest: 0.6520000\tbest: 0.6520000 (0)\ttotal: 52.1ms\tremaining: 52s',
      '500:\tlearn: 0.2633000\ttest: 0.3021000\tbest: 0.3012000 (412)\ttotal: 20.3s\tremaining: 20.2s',
      'Stopped by overfitting detector  (50 iterations wait)',
      '',
      'bestTest = 0.3012',
      'bestIteration = 412',
      '```',
    );
    expect(messages).toEqual([]);
    expect(training?.history).toEqual([
      { epoch: 0, learn: 0.6512, test: 0.652 },
      { epoch: 500, learn: 0.2633, test: 0.3021 },
    ]);
    expect(training?.bestModel).toEqual({ epoch: 412, metrics: { test: 0.3012 } });
  });

  test('the two lines alone under the best model’s label', () => {
    const { training } = trainingOf('**Best Model** (by validation metric):', '```', 'bestTest = 0.3012', 'bestIteration = 412', '```');
    expect(training?.bestModel).toEqual({ epoch: 412, metrics: { test: 0.3012 } });
  });

  test("LightGBM's `Early stopping, best iteration is:` round: the best model, its metrics keyed as the history's", () => {
    const { training } = trainingOf(
      '**Training Metrics**:',
      '```',
      "[100]\tvalid_0's auc: 0.912345\tvalid_0's binary_logloss: 0.212345",
      "[200]\tvalid_0's auc: 0.915678\tvalid_0's binary_logloss: 0.208765",
      'Early stopping, best iteration is:',
      "[187]\tvalid_0's auc: 0.916012\tvalid_0's binary_logloss: 0.207901",
      '```',
    );
    expect(training?.bestModel).toEqual({ epoch: 187, metrics: { "valid_0's auc": 0.916012, "valid_0's binary_logloss": 0.207901 } });
  });

  test("XGBoost's `best_iteration = 103, best_score = 0.24987` on the label's line: the round; the score, of no named metric, stays in the text", () => {
    const { training } = trainingOf('**Best Model**: best_iteration = 103, best_score = 0.24987');
    expect(training?.bestModel).toEqual({ epoch: 103, description: 'best_iteration = 103, best_score = 0.24987' });
  });

  test('a best model written at another round is not given the log’s best round', () => {
    const { training } = trainingOf(
      '**Best Model**:',
      '- Round: 300',
      '',
      '**Training Metrics**:',
      '```',
      "[100]\tvalid_0's auc: 0.912345",
      "[200]\tvalid_0's auc: 0.915678",
      'Early stopping, best iteration is:',
      "[187]\tvalid_0's auc: 0.916012",
      '```',
    );
    expect(training?.bestModel).toEqual({ epoch: 300 });
  });
});
