/**
 * The example results the shipped log template (`src/scaffold/template.md`) carries — its per-epoch
 * table, test metrics, confusion matrix, … — and finding them in a record, so `validate` can warn
 * about a record that still holds them verbatim. The values are those the parser reads from the
 * template; `test/ingest/template-examples.test.ts` parses the template and checks they agree.
 * Configuration (dataset size, splits, seeds, the hyperparameter table) is not listed: a record may
 * share it legitimately.
 */

import type {
  BaselineRow,
  BestModel,
  ConfusionMatrix,
  EpochRow,
  Experiment,
  FeatureImportance,
  GroupRow,
  ImprovementClaim,
  Infrastructure,
  TestMetric,
} from '../schema/index.ts';
import type { FieldPath } from './types.ts';

/** The template's example results, as the parser reads them. */
export const TEMPLATE_EXAMPLE_RESULTS = {
  history: [
    { epoch: 1, 'Train Loss': 0.856, 'Train Acc': 0.652, 'Val Loss': 0.742, 'Val Acc': 0.689, 'Learning Rate': 0.001 },
    { epoch: 10, 'Train Loss': 0.423, 'Train Acc': 0.812, 'Val Loss': 0.456, 'Val Acc': 0.798, 'Learning Rate': 0.001 },
    { epoch: 20, 'Train Loss': 0.312, 'Train Acc': 0.867, 'Val Loss': 0.389, 'Val Acc': 0.834, 'Learning Rate': 0.0005 },
    { epoch: 50, 'Train Loss': 0.201, 'Train Acc': 0.912, 'Val Loss': 0.342, 'Val Acc': 0.876, 'Learning Rate': 0.0001 },
    { epoch: 100, 'Train Loss': 0.178, 'Train Acc': 0.923, 'Val Loss': 0.356, 'Val Acc': 0.869, 'Learning Rate': 0.00001 },
  ] satisfies EpochRow[],
  bestModel: { epoch: 85, metrics: { 'Val Loss': 0.334, 'Val Acc': 0.878 } } satisfies BestModel,
  infrastructure: { durationHours: 12, gpuHours: 48, co2Kg: 15.6 } satisfies Infrastructure,
  testMetrics: [
    { metric: 'Accuracy', value: 0.869, ci95: 0.012 },
    { metric: 'Precision', value: 0.845, ci95: 0.015 },
    { metric: 'Recall', value: 0.823, ci95: 0.018 },
    { metric: 'F1 Score', value: 0.834, ci95: 0.014 },
    { metric: 'AUC-ROC', value: 0.908, ci95: 0.009 },
  ] satisfies TestMetric[],
  confusionMatrix: {
    labels: ['Neg', 'Pos'],
    matrix: [
      [95000, 5000],
      [8500, 41500],
    ],
  } satisfies ConfusionMatrix,
  disaggregated: [
    { group: 'Overall', overall: true, n: 150000, metrics: { Accuracy: 0.869, Precision: 0.845, Recall: 0.823, F1: 0.834 } },
    { group: 'Female', n: 72000, metrics: { Accuracy: 0.865, Precision: 0.841, Recall: 0.819, F1: 0.83 } },
    { group: 'Male', n: 78000, metrics: { Accuracy: 0.873, Precision: 0.849, Recall: 0.827, F1: 0.838 } },
  ] satisfies GroupRow[],
  baselines: [
    { label: 'Current Experiment', metrics: { Accuracy: 0.869, F1: 0.834, 'Latency (ms)': 45 } },
    { label: 'Previous Best (exp-042)', metrics: { Accuracy: 0.851, F1: 0.818, 'Latency (ms)': 42 } },
    { label: 'Simple Baseline', metrics: { Accuracy: 0.75, F1: 0.6, 'Latency (ms)': 5 } },
    { label: 'Business Rules', metrics: { Accuracy: 0.798, F1: 0.735, 'Latency (ms)': 10 } },
  ] satisfies BaselineRow[],
  claims: [
    { metric: 'Accuracy', text: '+2.1% vs previous best' },
    { metric: 'F1 Score', text: '+2.0% vs previous best' },
    { metric: 'Latency', text: '+3ms vs previous best (acceptable)' },
  ] satisfies ImprovementClaim[],
  bestHyperparameters: {
    learning_rate: 0.00085,
    batch_size: 32,
    n_estimators: 200,
    max_depth: 6,
    dropout: 0.3,
    subsample: 0.8,
    colsample_bytree: 0.8,
  },
  featureImportance: [
    { feature: 'user_engagement_score', importance: 0.342 },
    { feature: 'account_age_days', importance: 0.187 },
    { feature: 'purchase_frequency', importance: 0.156 },
    { feature: 'session_duration_avg', importance: 0.089 },
    { feature: 'device_type_mobile', importance: 0.061 },
  ] satisfies FeatureImportance[],
} as const;

/** A part of a record that is still the template's example: where it is, what it is, and which items match. */
export interface TemplateExample {
  /** The first matching value (a row, or the whole part). */
  path: FieldPath;
  /** What the part is, e.g. "test metrics". */
  part: string;
  /** The matching items as a reader would name them, e.g. "Accuracy 0.869". */
  items: string[];
}

const exampleEntries = new WeakMap<object, [string, unknown][]>();

/** The entries of an example value, listed once (every row of every record is compared with them). */
function entriesOf(example: object): [string, unknown][] {
  let entries = exampleEntries.get(example);
  if (entries === undefined) {
    entries = Object.entries(example);
    exampleEntries.set(example, entries);
  }
  return entries;
}

/** True when every key of `example` has a deep-equal value in `value` (extra keys in `value` do not matter). */
function hasExample(value: unknown, example: unknown): boolean {
  if (typeof example !== 'object' || example === null) return Object.is(value, example);
  if (typeof value !== 'object' || value === null || Array.isArray(value) !== Array.isArray(example)) return false;
  if (Array.isArray(example) && Array.isArray(value) && value.length !== example.length) return false;
  for (const [key, item] of entriesOf(example)) if (!hasExample((value as Record<string, unknown>)[key], item)) return false;
  return true;
}

/** The rows of `rows` that are one of the example rows, with their index. */
function exampleRows<T>(rows: readonly T[] | undefined, examples: readonly object[]): { row: T; index: number }[] {
  return (rows ?? []).flatMap((row, index) => (examples.some((example) => hasExample(row, example)) ? [{ row, index }] : []));
}

/** Every part of `record` that still holds the template's example results verbatim, in template order. */
export function findTemplateExamples(record: Experiment): TemplateExample[] {
  const found: TemplateExample[] = [];
  const rows = <T>(
    path: FieldPath,
    part: string,
    list: readonly T[] | undefined,
    examples: readonly object[],
    name: (row: T) => string,
  ): void => {
    const matches = exampleRows(list, examples);
    const first = matches[0];
    if (first) found.push({ path: [...path, first.index], part, items: matches.map(({ row }) => name(row)) });
  };
  const whole = (path: FieldPath, part: string, value: unknown, example: object, items: string[]): void => {
    if (value !== undefined && hasExample(value, example)) found.push({ path, part, items });
  };
  const t = TEMPLATE_EXAMPLE_RESULTS;
  rows(['training', 'history'], 'per-epoch metrics', record.training?.history, t.history, (row) => `epoch ${row.epoch}`);
  whole(['training', 'bestModel'], 'best model', record.training?.bestModel, t.bestModel, [`epoch ${t.bestModel.epoch}`]);
  whole(['training', 'infrastructure'], 'training cost', record.training?.infrastructure, t.infrastructure, [
    `${t.infrastructure.durationHours} h`,
    `${t.infrastructure.gpuHours} GPU-hours`,
    `${t.infrastructure.co2Kg} kg CO₂`,
  ]);
  rows(
    ['evaluation', 'testMetrics'],
    'test metrics',
    record.evaluation?.testMetrics,
    t.testMetrics,
    (row) => `${row.metric} ${String(row.value)}`,
  );
  whole(
    ['evaluation', 'confusionMatrix', 'matrix'],
    'confusion matrix',
    record.evaluation?.confusionMatrix?.matrix,
    t.confusionMatrix.matrix,
    [t.confusionMatrix.matrix.map((row) => `[${row.join(', ')}]`).join(', ')],
  );
  rows(['evaluation', 'disaggregated'], 'disaggregated results', record.evaluation?.disaggregated, t.disaggregated, (row) => row.group);
  rows(['comparison', 'baselines'], 'baseline rows', record.comparison?.baselines, t.baselines, (row) => row.label);
  rows(['comparison', 'claims'], 'improvement claims', record.comparison?.claims, t.claims, (row) => `${row.metric}: ${row.text}`);
  whole(['tuning', 'bestHyperparameters'], 'best hyperparameters', record.tuning?.bestHyperparameters, t.bestHyperparameters, [
    Object.keys(t.bestHyperparameters).join(', '),
  ]);
  rows(
    ['observations', 'featureImportance'],
    'feature importances',
    record.observations?.featureImportance,
    t.featureImportance,
    (row) => row.feature,
  );
  return found;
}
