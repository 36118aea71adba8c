import type { Experiment, Hyperparameter, Scalar, Split, TestMetric } from '../../schema/index.ts';
import { buildHistory, chooseTestMetricKeys, describeNonFinite, finiteOrNull } from '../history.ts';
import type { MetricPoint, NonFiniteValue } from '../history.ts';
import { dropUndefined, nonEmptyOrUndefined, parseParamValue, sealRecord } from '../record.ts';
import { compareText } from '../../util/compare-text.ts';
import { setOwn } from '../../util/own.ts';
import type { HfRun, LogEntry } from './model.ts';

/**
 * The pure half of the Hugging Face import: one `HfRun` → one record. The mapping table is in the
 * README ("Import from Hugging Face"); keep the two in step.
 */

/** The `TrainingArguments` that become hyperparameters, when training_args.json has them. */
export const TRAINING_ARGUMENT_HYPERPARAMETERS = [
  'learning_rate',
  'per_device_train_batch_size',
  'per_device_eval_batch_size',
  'gradient_accumulation_steps',
  'num_train_epochs',
  'max_steps',
  'weight_decay',
  'warmup_steps',
  'warmup_ratio',
  'lr_scheduler_type',
  'optim',
  'adam_beta1',
  'adam_beta2',
  'adam_epsilon',
  'max_grad_norm',
  'label_smoothing_factor',
  'seed',
  'fp16',
  'bf16',
] as const;

/** Logged numbers that describe speed, not the model: left out of the history and test metrics. */
export function isThroughputKey(key: string): boolean {
  return /(_runtime|_samples_per_second|_steps_per_second)$/.test(key) || key === 'total_flos';
}

/** Keys of a log entry that are not metrics. */
const NOT_METRICS = new Set(['step', 'epoch']);

/**
 * The example scripts' `<split>_samples` (`trainer.log_metrics`): how many examples the split has,
 * not a score. The split's size, not a test metric.
 */
const SPLIT_SIZE = /^(train|eval|test|predict)_samples$/;

/** The splits' sizes from the results files (`train_samples: 4000`), train, eval, test, predict in that order. */
export function splitSizes(results: Readonly<Record<string, number>>): Split[] {
  return ['train', 'eval', 'test', 'predict'].flatMap((name) => {
    const records = results[`${name}_samples`];
    return records !== undefined && Number.isSafeInteger(records) && records >= 0 ? [{ name, records }] : [];
  });
}

/** A results file's key that is a metric: not `step`, `epoch`, throughput or a split's size. */
function isResultMetric(key: string): boolean {
  return !isThroughputKey(key) && !NOT_METRICS.has(key) && !SPLIT_SIZE.test(key);
}

/**
 * `chooseTestMetricKeys` over the metrics of a results file (not `step`, `epoch`, throughput or
 * split sizes). `predict_` counts as `test_` when no key starts with `test_`: the example scripts
 * score the test split as `trainer.predict(…, metric_key_prefix="predict")` (`predict_f1` → `f1`).
 */
export function resultMetricKeys(keys: readonly string[]): { key: string; name: string }[] {
  const metrics = keys.filter(isResultMetric);
  const predictIsTest = !metrics.some((key) => /^test[_/]/i.test(key));
  const written = new Map(metrics.map((key) => [predictIsTest && key.startsWith('predict_') ? `test_${key.slice(8)}` : key, key]));
  return chooseTestMetricKeys([...written.keys()]).map(({ key, name }) => {
    const original = written.get(key) ?? key;
    // A name kept as written (two would clash) is the key as the file writes it.
    return { key: original, name: name === key ? original : name };
  });
}

/** Maps one run. `id` comes from `assignNamedIds` over all runs of the import. */
export function hfRunToRecord(run: HfRun, context: { id: string; schema?: string | undefined }): Experiment {
  const state = run.state;
  const args = run.trainingArgs ?? {};
  const card = run.card;
  // Without a Trainer state, the card's "Training results" table is the history it was made from.
  const log = state?.logHistory ?? card?.trainingResults ?? [];
  const summary = log.find((entry) => entry['train_runtime'] !== undefined);
  const history = buildHistory(historySeries(log.filter((entry) => entry !== summary)));

  const selectedBy = typeof args['metric_for_best_model'] === 'string' ? evalName(args['metric_for_best_model']) : undefined;
  const bestStep = state?.bestGlobalStep ?? checkpointStep(state?.bestModelCheckpoint);
  const bestRow = bestStep === undefined ? undefined : log.find((entry) => entry['step'] === bestStep && hasEvalKey(entry));
  const bestModel =
    state?.bestMetric === undefined && state?.bestModelCheckpoint === undefined
      ? undefined
      : dropUndefined({
          epoch: bestStep,
          selectedBy,
          metrics: nonEmptyOrUndefined({
            ...metricsOf(bestRow ?? {}),
            ...(state.bestMetric === undefined ? {} : { [selectedBy ?? 'best_metric']: state.bestMetric }),
          }),
          checkpoint: state.bestModelCheckpoint,
        });
  const runtime = finiteOrUndefined(summary?.['train_runtime'] ?? run.results['train_runtime']);
  const infrastructure = dropUndefined({
    durationHours: runtime === undefined || runtime < 0 ? undefined : runtime / 3600,
    co2Kg: card?.co2Grams === undefined ? undefined : card.co2Grams / 1000,
    totalFlos: finiteOrUndefined(summary?.['total_flos'] ?? run.results['total_flos']),
  });

  const cardHyper = card?.hyperparameters ?? {};
  const optimizer = stringArg(args['optim']) ?? optimizerFromCard(cardHyper['optimizer']);
  const epochs = numberArg(args['num_train_epochs']) ?? state?.numTrainEpochs ?? numberText(cardHyper['num_epochs']);
  const seed = numberArg(args['seed']) ?? numberText(cardHyper['seed']);
  const modelTraining = dropUndefined({
    optimizer,
    learningRateSchedule: stringArg(args['lr_scheduler_type']) ?? cardHyper['lr_scheduler_type'],
    epochs: epochs !== undefined && Number.isInteger(epochs) && epochs >= 0 ? epochs : undefined,
    earlyStopping:
      state?.earlyStoppingPatience === undefined
        ? undefined
        : dropUndefined({ enabled: true, patience: Math.max(0, Math.trunc(state.earlyStoppingPatience)), monitor: selectedBy }),
  });
  const hyperparameters = collectHyperparameters(run);
  const nonFinite = [...history.nonFinite];
  for (const entry of nonFiniteResults(run))
    if (!nonFinite.some((listed) => listed.metric === entry.metric && listed.step === entry.step)) nonFinite.push(entry);
  nonFinite.sort((a, b) => compareText(a.metric, b.metric) || a.step - b.step);
  const testMetrics = chooseTestMetrics(run);
  const finalEval = finalEvalRow(run);
  const datasetName = card?.datasets.length === 1 ? card.datasets[0] : card?.metrics.find((metric) => metric.datasetName)?.datasetName;
  const taskType = card?.metrics.find((metric) => metric.taskType !== undefined)?.taskType;
  const splits = splitSizes(run.results);

  return sealRecord({
    ...dropUndefined({
      $schema: context.schema,
      id: context.id,
      name: run.name,
      trackingPlatform: state === undefined && Object.keys(run.results).length === 0 ? 'Hugging Face Hub' : 'Hugging Face Trainer',
      status: summary === undefined ? undefined : 'completed',
      tags: taskType === undefined ? undefined : { task: taskType },
      dataset: nonEmptyOrUndefined(dropUndefined({ name: datasetName, splits: splits.length === 0 ? undefined : splits })),
      model: nonEmptyOrUndefined(
        dropUndefined({
          type: run.modelConfig?.modelType,
          architecture: run.modelConfig?.architectures?.join(', ') || undefined,
          baseModel: card?.baseModel,
          hyperparameters: hyperparameters.length === 0 ? undefined : hyperparameters,
          training: nonEmptyOrUndefined(modelTraining),
        }),
      ),
      training: nonEmptyOrUndefined(
        dropUndefined({
          history: history.rows.length === 0 ? undefined : history.rows,
          historyAxis: history.rows.length === 0 ? undefined : 'step',
          bestModel,
          infrastructure: nonEmptyOrUndefined(infrastructure),
        }),
      ),
      evaluation: nonEmptyOrUndefined(
        dropUndefined({
          testMetrics: testMetrics.length === 0 ? undefined : testMetrics,
          metricsBySplit: finalEval === undefined ? undefined : [finalEval],
        }),
      ),
      reproducibility: nonEmptyOrUndefined(
        dropUndefined({
          seeds: seed !== undefined && Number.isInteger(seed) ? { seed } : undefined,
          environment: nonEmptyOrUndefined(card?.frameworks ?? {}),
        }),
      ),
      notes:
        run.stateFrom === undefined
          ? undefined
          : `Training state read from ${run.stateFrom}/ (the output folder has no trainer_state.json).`,
    }),
    import: { source: 'huggingface', runId: run.runId, nonFinite },
  });
}

/**
 * `log_history` → metric series for `buildHistory`: step = `step`; every number but `step` and
 * the throughput keys, with `epoch` (fractional) kept as the `epoch (metric)` column. Entries
 * logged later win at the same step.
 */
export function historySeries(log: readonly LogEntry[]): Record<string, MetricPoint[]> {
  const series: Record<string, MetricPoint[]> = {};
  log.forEach((entry, index) => {
    const step = entry['step'];
    if (step === undefined) return;
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'step' || isThroughputKey(key)) continue;
      (series[key] ??= []).push({ step, timestamp: index, value });
    }
  });
  return series;
}

/**
 * The results files' values that are in the record (the test metrics `chooseTestMetrics` takes
 * from them, and `finalEvalKeys`) and not finite, as `import.nonFinite` lists them: key as
 * written, at the state's last step (`0` without a state).
 */
export function nonFiniteResults(run: HfRun): NonFiniteValue[] {
  const testKeys = hasCardMetrics(run) ? [] : resultMetricKeys(Object.keys(run.results)).map(({ key }) => key);
  return [...testKeys, ...finalEvalKeys(run)]
    .filter((key) => !Number.isFinite(run.results[key]))
    .sort(compareText)
    .map((key) => ({ metric: key, step: run.state?.globalStep ?? 0, value: describeNonFinite(run.results[key] ?? Number.NaN) }));
}

/**
 * The results files' final `eval_*` metrics (all_results.json, eval_results.json) when they are not
 * the test metrics: beside `test_*` or `predict_*` metrics, or beside a model card's `model-index`.
 * Keys as written, sorted; throughput and `eval_samples` left out, as from the test metrics.
 */
export function finalEvalKeys(run: HfRun): string[] {
  const keys = Object.keys(run.results);
  // Without a card, the `eval_` metrics are the test metrics when no `test_`/`predict_` metric outranks them.
  const tested = new Set(hasCardMetrics(run) ? [] : resultMetricKeys(keys).map(({ key }) => key));
  return keys.filter((key) => key.startsWith('eval_') && isResultMetric(key) && !tested.has(key)).sort(compareText);
}

/**
 * `finalEvalKeys` as one `evaluation.metricsBySplit` row, the shape `validate` gives an
 * all_results.json written as a record: `{ split: 'eval', accuracy: 0.9106, loss: 0.2897 }`, each
 * metric without `eval_` (kept as written when that leaves `split` or nothing), a non-finite value `null`.
 * Undefined when there are none.
 */
export function finalEvalRow(run: HfRun): Record<string, string | number | null> | undefined {
  const keys = finalEvalKeys(run);
  if (keys.length === 0) return undefined;
  const row: Record<string, string | number | null> = { split: 'eval' };
  for (const key of keys) {
    const name = key.slice('eval_'.length);
    // `eval_split` as `split` would overwrite the row's own split name.
    setOwn(row, name === 'split' || name === '' ? key : name, finiteOrNull(run.results[key] ?? Number.NaN));
  }
  return row;
}

/**
 * Test metrics, from the first source that has any: the model card's `model-index` (name, or
 * type when unnamed; interval from the name; dataset and split kept); the results files (the
 * split tiers of `chooseTestMetricKeys` over their keys); the latest `eval_*` values of
 * `log_history` (the same tiers).
 */
export function chooseTestMetrics(run: HfRun): TestMetric[] {
  const cardMetrics = run.card?.metrics ?? [];
  if (hasCardMetrics(run))
    return cardMetrics.map((metric) =>
      dropUndefined({
        metric: metric.name ?? metric.type,
        value: metric.value,
        ci95: metric.ci,
        type: metric.name === undefined ? undefined : metric.type,
        dataset: metric.datasetName,
        split: metric.datasetSplit,
      }),
    );
  const fromNumbers = (numbers: Readonly<Record<string, number>>): TestMetric[] =>
    resultMetricKeys(Object.keys(numbers))
      .map(({ key, name }) => ({ metric: name, value: finiteOrNull(numbers[key] ?? Number.NaN) }))
      .sort((a, b) => compareText(a.metric, b.metric));
  const fromResults = fromNumbers(run.results);
  if (fromResults.length > 0) return fromResults;
  const latest: Record<string, number> = {};
  for (const entry of run.state?.logHistory ?? []) if (hasEvalKey(entry)) Object.assign(latest, metricsOf(entry));
  return fromNumbers(latest);
}

/**
 * Hyperparameters, sorted by name: the `TrainingArguments` in `TRAINING_ARGUMENT_HYPERPARAMETERS`
 * (training_args.json), else the model card's "Training hyperparameters" list (values typed like
 * MLflow params), else the state's `train_batch_size`; a hyperparameter search trial's
 * `trial_params` override them.
 */
export function collectHyperparameters(run: HfRun): Hyperparameter[] {
  const values: Record<string, Scalar> = {};
  const args = run.trainingArgs;
  if (args !== undefined) {
    for (const key of TRAINING_ARGUMENT_HYPERPARAMETERS) {
      const value = args[key];
      if (
        value === null ||
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value))
      )
        values[key] = value;
    }
  } else if (run.card !== undefined && Object.keys(run.card.hyperparameters).length > 0) {
    for (const [key, raw] of Object.entries(run.card.hyperparameters)) values[key] = parseParamValue(raw);
  } else if (run.state?.trainBatchSize !== undefined) values['train_batch_size'] = run.state.trainBatchSize;
  for (const [key, value] of Object.entries(run.state?.trialParams ?? {})) values[key] = value;
  return Object.keys(values)
    .sort(compareText)
    .map((name) => ({ name, value: values[name] ?? null }));
}

/** Run name: `trial_name`, else `run_name` of training_args.json (unless it is just the output folder, the Trainer's default), else the card's model name, else the folder. */
export function hfRunName(run: HfRun): string {
  const runNameArg = run.trainingArgs?.['run_name'];
  const outputDir = run.trainingArgs?.['output_dir'];
  return (
    run.state?.trialName ??
    (typeof runNameArg === 'string' && runNameArg !== '' && runNameArg !== outputDir ? runNameArg : undefined) ??
    run.card?.modelName ??
    run.name
  );
}

/** The Trainer compares `metric_for_best_model` as `eval_<name>` unless it already starts with `eval_`. */
export function evalName(metric: string): string {
  return metric.startsWith('eval_') ? metric : `eval_${metric}`;
}

/** `out/checkpoint-500` → 500. */
export function checkpointStep(path: string | undefined): number | undefined {
  const match = /checkpoint-(\d+)\/?$/.exec(path ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The card's optimizer text (`Use adamw_torch with betas=…`, or older `Adam with betas=…`) → `adamw_torch` / `Adam`. */
export function optimizerFromCard(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(?:Use\s+)?([A-Za-z0-9_.-]+)/.exec(text.trim());
  return match?.[1];
}

/** The model card's `model-index` metrics are the test metrics whenever it has any. */
function hasCardMetrics(run: HfRun): boolean {
  return (run.card?.metrics.length ?? 0) > 0;
}

function hasEvalKey(entry: LogEntry): boolean {
  return Object.keys(entry).some((key) => key.startsWith('eval_') && !isThroughputKey(key));
}

function metricsOf(entry: LogEntry): Record<string, number | null> {
  const metrics: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(entry)) if (!NOT_METRICS.has(key) && !isThroughputKey(key)) metrics[key] = finiteOrNull(value);
  return metrics;
}

function finiteOrUndefined(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function stringArg(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function numberArg(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function numberText(text: string | undefined): number | undefined {
  const value = text === undefined ? undefined : parseParamValue(text);
  return typeof value === 'number' ? value : undefined;
}
