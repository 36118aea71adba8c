/**
 * A deterministic generator of realistic experiment records, for the benchmark (`npm run bench`) and
 * the end-to-end scale test. The same options always give the same records (a seeded PRNG, no clock).
 *
 * Every record fills the sections that carry a chart — a training history with train/val loss and
 * accuracy and a learning rate, test metrics with 95% CIs, a binary confusion matrix, a disaggregated
 * table with group sizes, a baseline table with a current row, hyperparameters with search spaces,
 * feature importance — and records form lineage chains (each one's parent is the previous link).
 * Numbers are consistent with each other the way Logbook's checks expect: metrics are derived from
 * the confusion matrix (and the groups' matrices partition it), the test split, the matrix and the
 * Overall row have the same size, the best epoch is the epoch of the lowest validation loss.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BaselineRow, EpochRow, Experiment } from '../schema/index.ts';
import { compareText } from '../util/compare-text.ts';

export interface GenerateOptions {
  /** Number of records. */
  count: number;
  /** PRNG seed (default 1). */
  seed?: number | undefined;
  /** Rows of the training history (default 100). */
  epochs?: number | undefined;
  /** Groups of the disaggregated table, besides Overall (default: 3–6, varying by record). */
  groups?: number | undefined;
  /** Baseline rows besides the current one (default 4). */
  baselines?: number | undefined;
  /** Feature-importance rows (default 10). */
  features?: number | undefined;
}

/** Mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Random {
  next(): number;
  between(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

function random(seed: number): Random {
  const next = createRandom(seed);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/** Rounds to `digits` decimal places (the way a log would write the number). */
function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Rounds to 3 significant digits (learning rates, small losses). */
function sig(value: number, digits = 3): number {
  return Number(value.toPrecision(digits));
}

const USE_CASES = [
  { slug: 'fraud', useCase: 'fraud-detection', labels: ['Legit', 'Fraud'], rate: [0.01, 0.04], dataset: 'card-transactions' },
  { slug: 'churn', useCase: 'churn-prediction', labels: ['Stays', 'Churns'], rate: [0.08, 0.2], dataset: 'subscriber-activity' },
  { slug: 'derm', useCase: 'skin-lesion-triage', labels: ['Benign', 'Malignant'], rate: [0.1, 0.25], dataset: 'dermoscopy-images' },
  { slug: 'spam', useCase: 'spam-filtering', labels: ['Ham', 'Spam'], rate: [0.15, 0.35], dataset: 'mail-corpus' },
  { slug: 'credit', useCase: 'credit-default', labels: ['Repaid', 'Default'], rate: [0.04, 0.12], dataset: 'loan-book' },
] as const;

const FAMILIES = [
  { slug: 'gbm', family: 'gradient-boosting', type: 'XGBoost', optimizer: 'hist', loss: 'Binary logistic' },
  { slug: 'nn', family: 'deep-learning', type: 'MLP', optimizer: 'AdamW', loss: 'Binary cross-entropy' },
  { slug: 'tf', family: 'deep-learning', type: 'Transformer', optimizer: 'AdamW', loss: 'Focal loss' },
  { slug: 'cnn', family: 'deep-learning', type: 'ResNet-50', optimizer: 'SGD with momentum', loss: 'Cross-entropy' },
] as const;

const EXPERIMENT_TYPES = ['baseline', 'hyperparameter-tuning', 'feature-engineering', 'architecture-search', 'data-augmentation'] as const;
const PEOPLE = ['Mei Lin', 'Ana Souza', 'Kofi Mensah', 'Priya Raman', 'Jonas Weber', 'Sara Haddad', 'Tomás Ruiz', 'Yuki Tanaka'] as const;
const ATTRIBUTES = [
  { key: 'age', values: ['18-29', '30-39', '40-49', '50-59', '60-69', '70+'] },
  { key: 'region', values: ['North', 'South', 'East', 'West', 'Central', 'Overseas'] },
  { key: 'device', values: ['iOS', 'Android', 'Web', 'Desktop app', 'Tablet', 'Kiosk'] },
] as const;
const FEATURE_NAMES = [
  'amount_zscore_customer',
  'minutes_since_last_txn',
  'merchant_risk_score',
  'account_age_days',
  'txn_count_24h',
  'device_change_7d',
  'country_mismatch',
  'avg_basket_30d',
  'support_tickets_90d',
  'login_hour_entropy',
  'payment_method_share',
  'session_length_p95',
  'email_domain_age',
  'velocity_1h',
  'chargeback_history',
  'distance_from_home_km',
];
const BASELINE_LABELS = [
  'Logistic regression',
  'Rule-based system',
  'Production model',
  'Random forest',
  'Majority class',
  'Human reviewers',
];

interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

/** Rounded a / b, or null when b is 0 (a metric that cannot be computed is "not reported"). */
function share(a: number, b: number): number | null {
  return b === 0 ? null : round(a / b, 4);
}

function metricsOf(c: Counts): { accuracy: number | null; precision: number | null; recall: number | null; f1: number | null } {
  return {
    accuracy: share(c.tp + c.tn, c.tp + c.fn + c.fp + c.tn),
    precision: share(c.tp, c.tp + c.fp),
    recall: share(c.tp, c.tp + c.fn),
    f1: share(2 * c.tp, 2 * c.tp + c.fp + c.fn),
  };
}

/** Splits `total` into integer parts proportional to `weights` (the last part takes the remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[parts.length - 1] = total - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(dayOffset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
}

interface ChainState {
  id: string;
  f1: number;
  accuracy: number;
}

/**
 * `count` experiment records, sorted by id, valid against `ExperimentSchema`. Deterministic in its
 * options. Records come in lineage chains of 1–6 (the first link has no parent); ids look like
 * `fraud-gbm-0042`.
 */
export function generateRecords(options: GenerateOptions): Experiment[] {
  const rng = random(options.seed ?? 1);
  const epochs = Math.max(2, options.epochs ?? 100);
  const baselineCount = Math.max(1, options.baselines ?? 4);
  const featureCount = Math.max(1, options.features ?? 10);
  const width = Math.max(4, String(options.count).length);
  const records: Experiment[] = [];
  let chain: ChainState[] = [];
  let chainLeft = 0;
  let useCase: (typeof USE_CASES)[number] = USE_CASES[0];
  let family: (typeof FAMILIES)[number] = FAMILIES[0];

  for (let i = 0; i < options.count; i++) {
    if (chainLeft === 0) {
      chain = [];
      chainLeft = rng.int(1, 6);
      useCase = rng.pick(USE_CASES);
      family = rng.pick(FAMILIES);
    }
    chainLeft--;
    const id = `${useCase.slug}-${family.slug}-${pad(i + 1, width)}`;
    const parent = chain[chain.length - 1];
    const groupCount = options.groups ?? rng.int(3, 6);
    const record = generateRecord(rng, {
      id,
      index: i,
      useCase,
      family,
      parent,
      related: chain.length >= 2 ? (chain[chain.length - 2] as ChainState).id : undefined,
      epochs,
      groups: Math.max(2, groupCount),
      baselines: baselineCount,
      features: featureCount,
    });
    chain.push({ id, f1: metric(record, 'F1 Score'), accuracy: metric(record, 'Accuracy') });
    records.push(record);
  }
  return records.sort((a, b) => compareText(a.id, b.id));
}

function metric(record: Experiment, name: string): number {
  return record.evaluation?.testMetrics?.find((m) => m.metric === name)?.value ?? 0;
}

interface RecordPlan {
  id: string;
  index: number;
  useCase: (typeof USE_CASES)[number];
  family: (typeof FAMILIES)[number];
  parent: ChainState | undefined;
  related: string | undefined;
  epochs: number;
  groups: number;
  baselines: number;
  features: number;
}

function generateHistory(rng: Random, epochs: number, peakLr: number) {
  const finalTrainLoss = rng.between(0.05, 0.2);
  const finalValLoss = finalTrainLoss * rng.between(1.05, 1.3);
  const startLoss = rng.between(0.55, 0.75);
  const speed = rng.between(4, 12) / epochs;
  const overfitFrom = Math.floor(epochs * rng.between(0.6, 0.95));
  const warmup = Math.max(1, Math.round(epochs * 0.05));
  const rows: Record<string, number>[] = [];
  for (let e = 1; e <= epochs; e++) {
    const decay = Math.exp(-speed * e);
    const trainLoss = finalTrainLoss + (startLoss - finalTrainLoss) * decay + rng.between(-0.004, 0.004);
    const overfit = e > overfitFrom ? (e - overfitFrom) * 0.0008 : 0;
    const valLoss = finalValLoss + (startLoss - finalValLoss) * decay + overfit + rng.between(-0.006, 0.006);
    const lr = e <= warmup ? (peakLr * e) / warmup : peakLr * 0.5 * (1 + Math.cos((Math.PI * (e - warmup)) / (epochs - warmup + 1)));
    rows.push({
      epoch: e,
      'Train Loss': round(Math.max(0.001, trainLoss), 4),
      'Train Acc': round(Math.min(0.999, 1 - trainLoss * 0.35), 4),
      'Val Loss': round(Math.max(0.001, valLoss), 4),
      'Val Acc': round(Math.min(0.999, 1 - valLoss * 0.37), 4),
      'Learning Rate': sig(Math.max(lr, peakLr * 1e-3)),
    });
  }
  let best = rows[0] as Record<string, number>;
  for (const row of rows) if ((row['Val Loss'] as number) < (best['Val Loss'] as number)) best = row;
  return { rows, best };
}

function generateRecord(rng: Random, plan: RecordPlan): Experiment {
  const { id, useCase, family, parent } = plan;
  const start = Math.floor(plan.index * 0.7) + rng.int(0, 5);
  const duration = rng.int(1, 14);
  const experimenter = rng.pick(PEOPLE);

  // Dataset: 20 parts → 14 train, 3 validation, 3 test (so every split size is exact).
  const part = rng.int(2_000, 40_000);
  const testSize = 3 * part;
  const datasetRecords = 20 * part;
  const featureTotal = rng.int(40, 140);

  // Binary confusion matrix of the test set.
  const positives = Math.max(50 + 10 * plan.groups, Math.round(testSize * rng.between(useCase.rate[0], useCase.rate[1])));
  const recallTarget = Math.min(0.97, Math.max(0.55, (parent ? parent.f1 : rng.between(0.62, 0.8)) + rng.between(-0.03, 0.05)));
  const tp = Math.round(positives * recallTarget);
  const fn = positives - tp;
  const fp = Math.max(1, Math.round(tp * rng.between(0.08, 0.45)));
  const tn = testSize - positives - fp;
  const counts: Counts = { tp, fn, fp, tn };
  // The whole test set always has positives and predictions, so its metrics are never null.
  const m = metricsOf(counts) as { accuracy: number; precision: number; recall: number; f1: number };

  // Groups partition the test set (and each cell of the matrix).
  const attribute = ATTRIBUTES[plan.index % ATTRIBUTES.length] as (typeof ATTRIBUTES)[number];
  const weights = Array.from({ length: plan.groups }, () => rng.between(0.5, 2));
  const cells = (['tp', 'fn', 'fp', 'tn'] as const).map((k) =>
    apportion(
      counts[k],
      weights.map((w) => w * rng.between(0.8, 1.25)),
    ),
  );
  const groupRows = Array.from({ length: plan.groups }, (_, g) => {
    const c: Counts = { tp: cells[0]?.[g] ?? 0, fn: cells[1]?.[g] ?? 0, fp: cells[2]?.[g] ?? 0, tn: cells[3]?.[g] ?? 0 };
    const gm = metricsOf(c);
    const value = attribute.values[g] ?? `${attribute.key} ${g + 1}`;
    return {
      group: value,
      attributes: { [attribute.key]: value },
      n: c.tp + c.fn + c.fp + c.tn,
      metrics: { Accuracy: gm.accuracy, Precision: gm.precision, Recall: gm.recall, 'F1 Score': gm.f1 },
    };
  });

  const aucRoc = round(Math.min(0.995, 0.5 + m.recall * 0.5 + rng.between(0.02, 0.06)), 4);
  const ci = (p: number, n: number): number => sig(1.96 * Math.sqrt((p * (1 - p)) / Math.max(1, n)), 2);

  // Training.
  const peakLr = sig(10 ** rng.between(-4, -2), 2);
  const { rows: history, best } = generateHistory(rng, plan.epochs, peakLr);
  const bestEpoch = best['epoch'] as number;
  const lastEpoch = plan.epochs;
  const patience = Math.max(5, lastEpoch - bestEpoch);
  const gpuCount = rng.pick([1, 2, 4, 8]);
  const durationHours = round(rng.between(0.5, 30), 1);

  // Hyperparameters with search spaces; the tuned values are the table's values.
  const batch = rng.pick([128, 256, 512, 1024]);
  const dropout = round(rng.between(0, 0.5), 2);
  const weightDecay = sig(10 ** rng.between(-6, -3), 2);
  const layers = rng.pick([2, 3, 4, 6, 8]);
  const hyperparameters = [
    {
      name: 'learning_rate',
      value: peakLr,
      searchSpace: { kind: 'range' as const, min: 0.00001, max: 0.01, scale: 'log' as const },
      tuningMethod: 'Bayesian optimization',
    },
    {
      name: 'batch_size',
      value: batch,
      searchSpace: { kind: 'choice' as const, values: [128, 256, 512, 1024] },
      tuningMethod: 'Grid search',
    },
    { name: 'dropout', value: dropout, searchSpace: { kind: 'range' as const, min: 0, max: 0.5 }, tuningMethod: 'Bayesian optimization' },
    {
      name: 'weight_decay',
      value: weightDecay,
      searchSpace: { kind: 'range' as const, min: 0.000001, max: 0.001, scale: 'log' as const },
      tuningMethod: 'Bayesian optimization',
    },
    {
      name: 'n_layers',
      value: layers,
      searchSpace: { kind: 'choice' as const, values: [2, 3, 4, 6, 8] },
      tuningMethod: 'Bayesian optimization',
    },
  ];

  // Baselines: the current row, the parent (when there is one) and fixed reference models.
  const baselineRows: BaselineRow[] = [
    { label: 'Current Experiment', current: true, experimentId: id, metrics: { 'F1 Score': m.f1, Accuracy: m.accuracy } },
  ];
  for (let b = 0; b < plan.baselines; b++) {
    if (b === 0 && parent !== undefined) {
      baselineRows.push({
        label: `Parent (${parent.id})`,
        experimentId: parent.id,
        metrics: { 'F1 Score': parent.f1, Accuracy: parent.accuracy },
        notes: 'Previous link of this lineage',
      });
      continue;
    }
    const label = BASELINE_LABELS[b % BASELINE_LABELS.length] as string;
    const f1 = round(Math.max(0.05, m.f1 - rng.between(-0.04, 0.2)), 4);
    baselineRows.push({
      label: b >= BASELINE_LABELS.length ? `${label} ${b}` : label,
      metrics: { 'F1 Score': f1, Accuracy: round(Math.min(0.9999, m.accuracy - rng.between(0, 0.02)), 4) },
    });
  }

  // Feature importance, most important first, summing to about 1.
  const raw = Array.from({ length: plan.features }, (_, f) => rng.between(0.5, 1.5) / (f + 1.5));
  const rawSum = raw.reduce((a, b) => a + b, 0);
  raw.sort((a, b) => b - a);
  const featureImportance = raw.map((v, f) => ({
    feature: f < FEATURE_NAMES.length ? (FEATURE_NAMES[f] as string) : `feature_${f + 1}`,
    importance: round(v / rawSum, 4),
  }));

  const expType = parent === undefined ? 'baseline' : rng.pick(EXPERIMENT_TYPES.slice(1));
  const bucket = `s3://logbook-bench/${useCase.slug}/${id}`;
  return {
    $schema: '../../public/schema/experiment.schema.json',
    id,
    name: `${family.type} ${expType.replace(/-/g, ' ')} for ${useCase.useCase.replace(/-/g, ' ')} (#${plan.index + 1})`,
    date: isoDate(start),
    completionDate: isoDate(start + duration),
    experimenter,
    trackingPlatform: 'MLflow',
    status: 'completed',
    tags: { use_case: useCase.useCase, model_family: family.family, experiment_type: expType },
    overview: {
      objective: `Improve F1 on ${useCase.useCase.replace(/-/g, ' ')} with a ${family.type} model${parent ? ` over ${parent.id}` : ''}.`,
      hypothesis: parent
        ? `Changing the ${expType.replace(/-/g, ' ')} setup should raise F1 by at least 1 point over the parent.`
        : 'A well-tuned model should beat the rule-based system by a wide margin.',
      successCriteria: 'F1 Score at least 0.01 above the best baseline, with no group below four fifths of the best group.',
    },
    ...(parent ? { lineage: { parent: parent.id, ...(plan.related ? { related: [plan.related] } : {}) } } : {}),
    dataset: {
      name: `${useCase.dataset}-v${1 + (plan.index % 4)}`,
      version: `${1 + (plan.index % 4)}.0.0`,
      location: `s3://logbook-bench/data/${useCase.dataset}/`,
      records: datasetRecords,
      features: featureTotal,
      splits: [
        { name: 'Training', fraction: 0.7, records: 14 * part },
        { name: 'Validation', fraction: 0.15, records: 3 * part },
        { name: 'Test', fraction: 0.15, records: testSize },
      ],
      splitStrategy: 'Temporal',
      randomSeed: 42,
      preprocessing: [
        'Dropped duplicate ids and records with missing labels',
        'Numeric features standardized on the training split',
        'Categoricals target-encoded with 5-fold out-of-fold means',
      ],
    },
    model: {
      type: family.type,
      architecture: `${family.type}, ${layers} layers, dropout ${dropout}`,
      hyperparameters,
      training: {
        optimizer: family.optimizer,
        lossFunction: family.loss,
        earlyStopping: { enabled: true, patience, monitor: 'val_loss' },
        learningRateSchedule: 'cosine with linear warm-up',
        epochs: plan.epochs,
      },
    },
    training: {
      history: history as EpochRow[],
      bestModel: {
        epoch: bestEpoch,
        selectedBy: 'Val Loss',
        metrics: { 'Val Loss': best['Val Loss'] as number, 'Val Acc': best['Val Acc'] as number },
      },
      infrastructure: {
        hardware: `${gpuCount}x NVIDIA A100 80GB`,
        gpuCount,
        durationHours,
        gpuHours: round(gpuCount * durationHours, 1),
        co2Kg: round(gpuCount * durationHours * 0.12, 1),
      },
    },
    evaluation: {
      testMetrics: [
        { metric: 'F1 Score', value: m.f1, ci95: ci(m.f1, tp + fp + fn) },
        { metric: 'Accuracy', value: m.accuracy, ci95: ci(m.accuracy, testSize) },
        { metric: 'Precision', value: m.precision, ci95: ci(m.precision, tp + fp) },
        { metric: 'Recall', value: m.recall, ci95: ci(m.recall, positives) },
        { metric: 'AUC-ROC', value: aucRoc, ci95: { low: round(aucRoc - 0.004, 4), high: round(Math.min(1, aucRoc + 0.004), 4) } },
      ],
      confusionMatrix: {
        labels: [...useCase.labels],
        matrix: [
          [tn, fp],
          [fn, tp],
        ],
        positiveLabel: useCase.labels[1],
      },
      disaggregated: [
        {
          group: 'Overall',
          overall: true,
          n: testSize,
          metrics: { Accuracy: m.accuracy, Precision: m.precision, Recall: m.recall, 'F1 Score': m.f1 },
        },
        ...groupRows,
      ],
    },
    comparison: { baselines: baselineRows },
    tuning: {
      method: 'Bayesian Optimization',
      tool: 'Optuna',
      trials: rng.int(20, 200),
      budget: `${rng.int(10, 200)} GPU-hours`,
      bestHyperparameters: Object.fromEntries(hyperparameters.map((h) => [h.name, h.value])),
    },
    reproducibility: {
      artifacts: [
        { name: 'Model File', uri: `${bucket}/model.bin` },
        { name: 'Checkpoint', uri: `${bucket}/checkpoint-epoch-${bestEpoch}.pt` },
      ],
      code: {
        repository: 'https://github.com/example/logbook-bench-models',
        branch: `exp/${id}`,
        commit: hex(rng, 40),
        entryPoint: 'train.py',
      },
      environment: { Python: '3.11.9', PyTorch: '2.4.1', CUDA: '12.4' },
      seeds: { 'Global seed': 42 },
    },
    observations: {
      worked: [`Best validation loss ${best['Val Loss']} at epoch ${bestEpoch}`],
      didNotWork: ['Larger batches slowed convergence without improving validation loss'],
      learnings: [`The ${attribute.key} groups differ by up to ${f1Spread(groupRows.map((g) => g.metrics['F1 Score']))} F1`],
      featureImportance,
      featureImportanceMethod: 'SHAP (mean |value|)',
    },
    nextSteps: {
      recommendations: [
        { text: 'Re-run with three seeds to size the variance', done: false },
        { text: 'Check calibration on the latest month', done: rng.next() < 0.5 },
      ],
      readyForProduction: rng.pick(['yes', 'no', 'needs-review'] as const),
    },
    trackers: { mlflowRunId: hex(rng, 32) },
  };
}

function f1Spread(values: readonly (number | null)[]): number {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? 0 : round(Math.max(...known) - Math.min(...known), 3);
}

function hex(rng: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(rng.next() * 16)];
  return out;
}

/** File access for `writeRecords` (tests pass a fake). */
export interface WriteEffects {
  mkdir(path: string): Promise<void>;
  writeFile(path: string, text: string): Promise<void>;
}

const nodeWriteEffects: WriteEffects = {
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
};

/**
 * Writes each record to `<dir>/<id>.json` (pretty-printed, with `$schema` pointing at
 * `schemaPath`, default the one the content folder of the repository uses). Returns the paths written.
 */
export async function writeRecords(
  dir: string,
  records: readonly Experiment[],
  options: { schemaPath?: string; effects?: WriteEffects } = {},
): Promise<string[]> {
  const effects = options.effects ?? nodeWriteEffects;
  await effects.mkdir(dir);
  const files: string[] = [];
  for (const record of records) {
    const file = join(dir, `${record.id}.json`);
    const body = options.schemaPath === undefined ? record : { ...record, $schema: options.schemaPath };
    await effects.writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
