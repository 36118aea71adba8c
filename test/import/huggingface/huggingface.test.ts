/**
 * The Hugging Face import on test/fixtures/huggingface/distilbert-imdb: a Trainer output folder
 * modelled on what transformers' run_glue.py example writes for a DistilBERT fine-tune on IMDB
 * (trainer_state.json with log_history, checkpoint-<step> folders, all/eval/train_results.json,
 * config.json, the README.md model card Trainer.create_model_card writes). transformers and torch
 * are too big for the interop budget, so these files are hand-made after real ones.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../../src/analysis/index.ts';
import { ExperimentSchema } from '../../../src/schema/index.ts';
import type { Experiment } from '../../../src/schema/index.ts';
import { buildExperimentPageData } from '../../../src/view/experiment.ts';
import {
  checkpointStep,
  chooseTestMetrics,
  evalName,
  finalEvalRow,
  formatCardMetricName,
  hfRunName,
  hfRunToRecord,
  messages,
  optimizerFromCard,
  parseCardMetricName,
  parseModelCard,
  parseTrainerState,
  readHuggingFace,
} from '../../../src/import/huggingface/index.ts';
import type { HfRun } from '../../../src/import/huggingface/index.ts';

const FIXTURE = resolve('test/fixtures/huggingface/distilbert-imdb');
const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function copyFixture(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'logbook-hf-')), 'distilbert-imdb');
  temporary.push(join(dir, '..'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('readHuggingFace + hfRunToRecord on a Trainer output folder', () => {
  const { runs } = readHuggingFace(FIXTURE);
  const run = runs[0] as HfRun;
  const record = hfRunToRecord(run, { id: 'distilbert-imdb' });

  test('one run: the output folder (checkpoints and runs/ are not runs of their own)', () => {
    expect(runs.map((item) => item.path)).toEqual(['.']);
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({ name: 'distilbert-imdb', trackingPlatform: 'Hugging Face Trainer', status: 'completed' });
  });

  test('log_history becomes one history row per step; throughput keys and the final summary are left out', () => {
    const history = record.training?.history ?? [];
    expect(history.map((row) => row.epoch)).toEqual([100, 200, 250, 300, 400, 500]);
    expect(record.training?.historyAxis).toBe('step');
    expect(history[2]).toEqual({
      epoch: 250,
      'epoch (metric)': 1,
      eval_accuracy: 0.8868,
      eval_loss: 0.2934,
      grad_norm: null,
      learning_rate: null,
      loss: null,
    });
    expect(history[5]).toMatchObject({ loss: 0.1655, eval_loss: 0.3317, learning_rate: 0 });
    expect(Object.keys(history[5] ?? {})).not.toContain('eval_runtime');
  });

  test('the best checkpoint becomes the best model; train_runtime the duration (487.2031 s = 0.13533 h)', () => {
    expect(record.training?.bestModel).toEqual({
      epoch: 250,
      metrics: { eval_accuracy: 0.8868, eval_loss: 0.2934, best_metric: 0.8868 },
      checkpoint: 'distilbert-imdb/checkpoint-250',
    });
    expect(record.training?.infrastructure?.durationHours).toBeCloseTo(0.13533419, 7);
    expect(record.training?.infrastructure?.['totalFlos']).toBe(1059739189248000);
  });

  test('the model card: model-index → test metrics, hyperparameters list, framework versions, dataset, task', () => {
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'Accuracy', value: 0.8868, type: 'accuracy', dataset: 'imdb', split: 'test' },
    ]);
    expect(record.model?.hyperparameters?.map((item) => [item.name, item.value])).toEqual([
      ['eval_batch_size', 16],
      ['learning_rate', 0.00002],
      ['lr_scheduler_type', 'linear'],
      ['num_epochs', 2],
      ['optimizer', 'Use adamw_torch with betas=(0.9,0.999) and epsilon=1e-08 and optimizer_args=No additional optimizer arguments'],
      ['seed', 42],
      ['train_batch_size', 16],
    ]);
    expect(record.model?.training).toEqual({
      optimizer: 'adamw_torch',
      learningRateSchedule: 'linear',
      epochs: 2,
      earlyStopping: { enabled: true, patience: 3 },
    });
    expect(record.reproducibility).toEqual({
      seeds: { seed: 42 },
      environment: { Transformers: '4.46.3', Pytorch: '2.5.1+cu121', Datasets: '3.1.0', Tokenizers: '0.20.3' },
    });
    // all_results.json's train_samples and eval_samples are the splits' sizes.
    expect(record.dataset).toEqual({
      name: 'imdb',
      splits: [
        { name: 'train', records: 4000 },
        { name: 'eval', records: 1000 },
      ],
    });
    expect(record.tags).toEqual({ task: 'text-classification' });
    expect(record.model).toMatchObject({
      type: 'distilbert',
      architecture: 'DistilBertForSequenceClassification',
      baseModel: 'distilbert-base-uncased',
    });
  });

  test('training_args.json wins over the card: hyperparameters, optimizer, schedule, seed, metric_for_best_model', () => {
    const args = {
      learning_rate: 3e-5,
      per_device_train_batch_size: 8,
      optim: 'adafactor',
      lr_scheduler_type: 'cosine',
      seed: 7,
      metric_for_best_model: 'accuracy',
      num_train_epochs: 3,
      output_dir: 'out',
      run_name: 'out',
    };
    const mapped = hfRunToRecord({ ...run, trainingArgs: args }, { id: 'x' });
    expect(mapped.model?.hyperparameters?.map((item) => item.name)).toEqual([
      'learning_rate',
      'lr_scheduler_type',
      'num_train_epochs',
      'optim',
      'per_device_train_batch_size',
      'seed',
    ]);
    expect(mapped.model?.training).toEqual({
      optimizer: 'adafactor',
      learningRateSchedule: 'cosine',
      epochs: 3,
      earlyStopping: { enabled: true, patience: 3, monitor: 'eval_accuracy' },
    });
    expect(mapped.training?.bestModel).toMatchObject({ selectedBy: 'eval_accuracy', metrics: { eval_accuracy: 0.8868 } });
    expect(mapped.reproducibility?.seeds).toEqual({ seed: 7 });
  });

  test('a hyperparameter search trial: trial_params override the other hyperparameters', () => {
    const mapped = hfRunToRecord(
      { ...run, state: { ...run.state, logHistory: [], trialName: 'trial-3', trialParams: { learning_rate: 5e-5 } } },
      { id: 'x' },
    );
    expect(mapped.model?.hyperparameters?.find((item) => item.name === 'learning_rate')?.value).toBe(5e-5);
  });
});

describe('chooseTestMetrics', () => {
  const base: HfRun = { path: '.', runId: 'x', name: 'x', results: {} };
  test('without a card: the results files, split tiers (eval_ metrics as written), throughput left out', () => {
    expect(
      chooseTestMetrics({ ...base, results: { eval_accuracy: 0.9, eval_loss: 0.3, eval_runtime: 12, epoch: 2, train_loss: 0.2 } }),
    ).toEqual([
      { metric: 'eval_accuracy', value: 0.9 },
      { metric: 'eval_loss', value: 0.3 },
    ]);
    expect(chooseTestMetrics({ ...base, results: { test_accuracy: 0.8, eval_accuracy: 0.9 } })).toEqual([
      { metric: 'accuracy', value: 0.8 },
    ]);
  });
  test('all_results.json with eval_ and test_ together: the test_ metrics, not the <split>_samples counts', () => {
    const results = {
      epoch: 3,
      eval_accuracy: 0.9106,
      eval_loss: 0.2897,
      eval_samples: 872,
      test_accuracy: 0.8974,
      test_loss: 0.3125,
      test_samples: 1821,
      train_loss: 0.1893,
      train_samples: 67349,
    };
    expect(chooseTestMetrics({ ...base, results })).toEqual([
      { metric: 'accuracy', value: 0.8974 },
      { metric: 'loss', value: 0.3125 },
    ]);
    // The sizes are the splits' (a count of examples, no score).
    expect(hfRunToRecord({ ...base, results }, { id: 'x' }).dataset).toEqual({
      splits: [
        { name: 'train', records: 67349 },
        { name: 'eval', records: 872 },
        { name: 'test', records: 1821 },
      ],
    });
  });
  test('predict_ metrics (trainer.predict(metric_key_prefix="predict"), as run_ner.py writes them) are the test split', () => {
    const results = { eval_f1: 0.9512, eval_samples: 3250, predict_f1: 0.9143, predict_loss: 0.0873, predict_samples: 3453 };
    expect(chooseTestMetrics({ ...base, results })).toEqual([
      { metric: 'f1', value: 0.9143 },
      { metric: 'loss', value: 0.0873 },
    ]);
    // With test_ metrics too, the test_ ones are the test split's, predict_ ones no metric of any tier.
    expect(chooseTestMetrics({ ...base, results: { test_f1: 0.9, predict_f1: 0.8 } })).toEqual([{ metric: 'f1', value: 0.9 }]);
  });
  test('without a card or results: the latest eval values of log_history', () => {
    const logHistory = [
      { step: 1, eval_loss: 0.5, eval_f1: 0.6 },
      { step: 2, loss: 0.1 },
      { step: 3, eval_loss: 0.4, eval_runtime: 2 },
    ];
    expect(chooseTestMetrics({ ...base, state: { logHistory } })).toEqual([
      { metric: 'eval_f1', value: 0.6 },
      { metric: 'eval_loss', value: 0.4 },
    ]);
  });
});

/**
 * test/fixtures/huggingface/bert-ner-conll: modelled on what transformers' run_ner.py writes with
 * --do_train --do_eval --do_predict (all_results.json holds the final eval_ and the predict_ metrics).
 */
describe('final eval_ metrics beside test metrics', () => {
  const [run] = readHuggingFace(resolve('test/fixtures/huggingface/bert-ner-conll')).runs;
  const record = hfRunToRecord(run as HfRun, { id: 'bert-ner-conll' });

  test('predict_ metrics are the test metrics; the final eval_ ones are the eval row of the metrics by split', () => {
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'accuracy', value: 0.9822 },
      { metric: 'f1', value: 0.9143 },
      { metric: 'loss', value: 0.0873 },
      { metric: 'precision', value: 0.9074 },
      { metric: 'recall', value: 0.9213 },
    ]);
    expect(record.evaluation?.['metricsBySplit']).toEqual([
      { split: 'eval', accuracy: 0.9913, f1: 0.9487, loss: 0.0402, precision: 0.9451, recall: 0.9524 },
    ]);
  });

  test('the experiment page shows them in its "Metrics by data split" table', () => {
    const analysis = analyzeCollection([record]);
    const page = buildExperimentPageData(record, {
      base: '/',
      analysis: analysis.byId.get(record.id) as never,
      records: new Map<string, Experiment>([[record.id, record]]),
      analyses: analysis.byId,
      charts: new Map(),
    });
    const table = page.sections
      .find((s) => s.id === 'evaluation')
      ?.blocks.find((b) => b.kind === 'table' && b.id === 'metrics-by-split-table');
    expect(
      table?.kind === 'table' ? [table.columns.map((c) => c.label), ...table.rows.map((row) => row.map((cell) => cell.text))] : undefined,
    ).toEqual([
      ['Split', 'accuracy', 'f1', 'loss', 'precision', 'recall'],
      ['eval', '0.9913', '0.9487', '0.0402', '0.9451', '0.9524'],
    ]);
  });

  test.each<[string, Record<string, number>, ReturnType<typeof finalEvalRow>]>([
    [
      'beside test_ metrics',
      { test_f1: 0.9, eval_f1: 0.93, eval_loss: 0.21, eval_runtime: 4.2, eval_samples: 872 },
      { split: 'eval', f1: 0.93, loss: 0.21 },
    ],
    // Without test_ or predict_ metrics, the eval_ ones are the test metrics: not shown twice.
    ['alone (they are the test metrics)', { eval_f1: 0.93, train_loss: 0.1 }, undefined],
    ['none written', { test_f1: 0.9, train_loss: 0.1 }, undefined],
    // `eval_split` without its prefix would overwrite the row's split name.
    ['one named eval_split', { test_f1: 0.9, eval_split: 0.5 }, { split: 'eval', eval_split: 0.5 }],
  ])('finalEvalRow: %s', (_, results, row) => {
    expect(finalEvalRow({ path: '.', runId: 'x', name: 'x', results })).toEqual(row);
  });

  test('beside a model card’s metrics, the results files’ final eval values are kept too', () => {
    const imdb = hfRunToRecord(readHuggingFace(FIXTURE).runs[0] as HfRun, { id: 'x' });
    expect(imdb.evaluation?.['metricsBySplit']).toEqual([{ split: 'eval', accuracy: 0.8868, loss: 0.2934 }]);
  });
});

describe('readHuggingFace', () => {
  test('without trainer_state.json in the output folder, the latest checkpoint’s state is read (and said in the notes)', () => {
    const dir = copyFixture();
    rmSync(join(dir, 'trainer_state.json'));
    const [run] = readHuggingFace(dir).runs;
    expect(run?.stateFrom).toBe('checkpoint-500');
    expect(run?.state?.logHistory).toHaveLength(7);
    expect(hfRunToRecord(run as HfRun, { id: 'x' }).notes).toBe(
      'Training state read from checkpoint-500/ (the output folder has no trainer_state.json).',
    );
  });

  test('a model card on its own is a run', () => {
    const [run] = readHuggingFace(join(FIXTURE, 'README.md')).runs;
    expect(run?.name).toBe('distilbert-imdb');
    expect(hfRunToRecord(run as HfRun, { id: 'x' }).trackingPlatform).toBe('Hugging Face Hub');
  });

  test.each([
    ['trainer_state.json', '{"log_history": 3}', messages.notTrainerState('trainer_state.json', 'no log_history list')],
    [
      'trainer_state.json',
      '{"log_history": [1]',
      messages.notJson('trainer_state.json', "Expected ',' or '}' after property value in JSON at position 19 (line 1 column 20)"),
    ],
    ['all_results.json', '[1, 2]', messages.notJson('all_results.json', 'not an object')],
    ['README.md', '---\nmodel-index: {a: 1}\n---\n', messages.badModelIndex('README.md', 'not a list')],
  ])('a bad %s is an ImportError', (file, text, error) => {
    const dir = copyFixture();
    writeFileSync(join(dir, file), text);
    expect(() => readHuggingFace(dir)).toThrow(error.message);
  });

  test('a folder with no Trainer files has no runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logbook-hf-empty-'));
    temporary.push(dir);
    expect(() => readHuggingFace(dir)).toThrow(messages.noRuns().message);
  });
});

describe('parseTrainerState', () => {
  test('keeps the numbers of each log entry and the fields the mapping reads', () => {
    expect(
      parseTrainerState(
        {
          log_history: [{ step: 1, loss: 0.5, note: 'x' }],
          best_metric: 0.9,
          trial_params: { lr: 0.1, nested: { a: 1 } },
          stateful_callbacks: {},
        },
        'f',
      ),
    ).toEqual({ logHistory: [{ step: 1, loss: 0.5 }], bestMetric: 0.9, trialParams: { lr: 0.1 } });
  });
});

describe('parseModelCard', () => {
  test('reads model-index metrics with their interval, dataset and split; co2 in grams', () => {
    const card = parseModelCard(
      [
        '---',
        'co2_eq_emissions:',
        '  emissions: 1500',
        'model-index:',
        '- name: m',
        '  results:',
        '  - task: {type: tabular-classification}',
        '    dataset: {name: credit, type: credit, split: holdout}',
        '    metrics:',
        '    - {type: f1, value: 0.8, name: "F1 (95% CI: 0.78 to 0.82)"}',
        '    - {type: accuracy, value: "0.9"}',
        '---',
        'body',
      ].join('\n'),
      'README.md',
    );
    expect(card.co2Grams).toBe(1500);
    expect(card.metrics).toEqual([
      {
        type: 'f1',
        name: 'F1',
        value: 0.8,
        ci: { low: 0.78, high: 0.82 },
        taskType: 'tabular-classification',
        datasetName: 'credit',
        datasetType: 'credit',
        datasetSplit: 'holdout',
      },
      {
        type: 'accuracy',
        value: 0.9,
        taskType: 'tabular-classification',
        datasetName: 'credit',
        datasetType: 'credit',
        datasetSplit: 'holdout',
      },
    ]);
  });

  test('huggingface_hub’s template: bold keys are read plain; [More Information Needed] and HTML comments are no values', () => {
    const body = [
      '#### Training Hyperparameters',
      '',
      '- **Training regime:** [More Information Needed] <!--fp32, fp16 mixed precision, bf16 mixed precision -->',
      '- **Precision:** bf16 mixed precision <!-- as trained -->',
      '- **Warmup**: 500',
      '',
      '#### Speeds, Sizes, Times [optional]',
    ].join('\n');
    expect(parseModelCard(body, 'README.md').hyperparameters).toEqual({ Precision: 'bf16 mixed precision', Warmup: '500' });
  });

  test('the Trainer’s "Training results" table is the history of a card on its own: one row per step, columns as log_history keys', () => {
    const body = [
      '### Training results',
      '',
      '| Training Loss | Epoch | Step | Validation Loss | Accuracy | F1 Macro |',
      '|:-------------:|:-----:|:----:|:---------------:|:--------:|:--------:|',
      '| No log        | 1.0   | 50   | 0.6012          | 0.7      | 0.65     |',
      '| 0.1472        | 2.0   | 100  | 0.2292          | 0.9312   | 0.93     |',
      '',
      '### Framework versions',
    ].join('\n');
    const warnings: string[] = [];
    const card = parseModelCard(body, 'README.md', warnings);
    expect(card.trainingResults).toEqual([
      { epoch: 1, step: 50, eval_loss: 0.6012, eval_accuracy: 0.7, eval_f1_macro: 0.65 },
      { loss: 0.1472, epoch: 2, step: 100, eval_loss: 0.2292, eval_accuracy: 0.9312, eval_f1_macro: 0.93 },
    ]);
    expect(warnings).toEqual([]);
    const record = hfRunToRecord({ path: '.', runId: 'card', name: 'card', results: {}, card }, { id: 'card' });
    expect(record.training?.history).toEqual([
      { epoch: 50, 'epoch (metric)': 1, eval_accuracy: 0.7, eval_f1_macro: 0.65, eval_loss: 0.6012, loss: null },
      { epoch: 100, 'epoch (metric)': 2, eval_accuracy: 0.9312, eval_f1_macro: 0.93, eval_loss: 0.2292, loss: 0.1472 },
    ]);
  });

  test('a "Training results" table without a Step column is not read, with a warning', () => {
    const warnings: string[] = [];
    const card = parseModelCard('## Training results\n\n| Epoch | Loss |\n|---|---|\n| 1 | 0.5 |\n', 'README.md', warnings);
    expect(card.trainingResults).toBeUndefined();
    expect(warnings).toEqual([
      'README.md: the "Training results" table is not read (it has no Step column); the record has no history from it',
    ]);
  });

  test('a card without frontmatter has no metadata', () => {
    expect(parseModelCard('# Title\n', 'README.md')).toEqual({ metrics: [], datasets: [], hyperparameters: {}, frameworks: {} });
  });
});

describe('card metric names', () => {
  test.each([
    ['Accuracy', undefined, 'Accuracy'],
    ['F1 Score', { low: 0.672, high: 0.712 }, 'F1 Score (95% CI: 0.672 to 0.712)'],
    ['Loss', { low: -1e-7, high: 2.5e-7 }, 'Loss (95% CI: -1e-7 to 2.5e-7)'],
  ])('%s with %j ↔ %s', (name, ci, text) => {
    expect(formatCardMetricName(name, ci)).toBe(text);
    expect(parseCardMetricName(text)).toEqual(ci === undefined ? { name } : { name, ci });
  });
  test('an interval with low above high is kept as part of the name', () => {
    expect(parseCardMetricName('X (95% CI: 2 to 1)')).toEqual({ name: 'X (95% CI: 2 to 1)' });
  });
});

describe('small rules', () => {
  test.each([
    ['accuracy', 'eval_accuracy'],
    ['eval_loss', 'eval_loss'],
  ])('evalName(%s) = %s', (metric, expected) => expect(evalName(metric)).toBe(expected));
  test.each([
    ['out/checkpoint-500', 500],
    ['checkpoint-12/', 12],
    ['best', undefined],
  ])('checkpointStep(%s) = %s', (path, step) => expect(checkpointStep(path)).toBe(step));
  test.each([
    ['Use adamw_torch with betas=(0.9,0.999)', 'adamw_torch'],
    ['Adam with betas=(0.9,0.999) and epsilon=1e-08', 'Adam'],
  ])('optimizerFromCard(%s) = %s', (text, optimizer) => expect(optimizerFromCard(text)).toBe(optimizer));
});

describe('hfRunName', () => {
  const run: HfRun = { path: 'out', runId: 'out', name: 'out', results: {} };
  test.each<[Partial<HfRun>, string]>([
    [{ state: { logHistory: [], trialName: 'trial-2' }, trainingArgs: { run_name: 'r' } }, 'trial-2'],
    [{ trainingArgs: { run_name: 'my run', output_dir: 'out' } }, 'my run'],
    [
      {
        trainingArgs: { run_name: 'out', output_dir: 'out' },
        card: { modelName: 'card-name', metrics: [], datasets: [], hyperparameters: {}, frameworks: {} },
      },
      'card-name',
    ],
    [{}, 'out'],
  ])('%j → %s', (fields, name) => {
    expect(hfRunName({ ...run, ...fields })).toBe(name);
  });
});

describe('NaN and Infinity as Python writes them', () => {
  test('in trainer_state.json: null history cells listed in import.nonFinite; in a results file: a null test metric, listed too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logbook-hf-nan-'));
    temporary.push(dir);
    writeFileSync(
      join(dir, 'trainer_state.json'),
      '{"global_step": 20, "log_history": [{"step": 10, "loss": 0.5, "grad_norm": NaN}, {"step": 20, "loss": NaN, "grad_norm": Infinity}]}',
    );
    writeFileSync(join(dir, 'eval_results.json'), '{"epoch": 2.0, "eval_accuracy": 0.75, "eval_f1": -Infinity}');
    const [run] = readHuggingFace(dir).runs;
    const record = hfRunToRecord(run as HfRun, { id: 'x' });
    expect(record.training?.history).toEqual([
      { epoch: 10, grad_norm: null, loss: 0.5 },
      { epoch: 20, grad_norm: null, loss: null },
    ]);
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'eval_accuracy', value: 0.75 },
      { metric: 'eval_f1', value: null },
    ]);
    expect(record['import']).toMatchObject({
      nonFinite: [
        { metric: 'eval_f1', step: 20, value: '-Infinity' },
        { metric: 'grad_norm', step: 10, value: 'NaN' },
        { metric: 'grad_norm', step: 20, value: 'Infinity' },
        { metric: 'loss', step: 20, value: 'NaN' },
      ],
    });
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
  });

  test('a final eval value beside test metrics: a null in the eval row, listed in import.nonFinite', () => {
    const results = { test_f1: 0.9, eval_f1: Number.NaN, eval_loss: 0.21 };
    const record = hfRunToRecord({ path: '.', runId: 'x', name: 'x', results }, { id: 'x' });
    expect(record.evaluation?.['metricsBySplit']).toEqual([{ split: 'eval', f1: null, loss: 0.21 }]);
    expect(record['import']).toMatchObject({ nonFinite: [{ metric: 'eval_f1', step: 0, value: 'NaN' }] });
  });
});

describe('import.runId', () => {
  test('the run folder’s own name, whether the run folder or a folder above it is the source', () => {
    const parent = mkdtempSync(join(tmpdir(), 'logbook-hf-ids-'));
    temporary.push(parent);
    for (const name of ['bert-imdb', 'gpt-small']) {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'eval_results.json'), '{"eval_accuracy": 0.9}');
    }
    const runId = (run: HfRun | undefined): unknown => (hfRunToRecord(run as HfRun, { id: 'x' })['import'] as { runId: string }).runId;
    expect(readHuggingFace(parent).runs.map(runId)).toEqual(['bert-imdb', 'gpt-small']);
    expect(readHuggingFace(join(parent, 'bert-imdb')).runs.map(runId)).toEqual(['bert-imdb']);
    expect(readHuggingFace(join(parent, 'bert-imdb', 'eval_results.json')).runs.map(runId)).toEqual(['bert-imdb']);
  });
});
