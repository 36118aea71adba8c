/**
 * Records for the analysis tests. `templateRecord()` is the ML Experiment Tracking Log template (v1.0)
 * as the parser normalizes it, with its own (inconsistent) numbers; `record()` builds small records.
 */
import { ExperimentSchema, type Experiment, type ExperimentInput } from '../../src/schema/index.ts';

/** A validated record from input (throws on invalid input, so a broken fixture fails loudly). */
export function record(input: ExperimentInput): Experiment {
  return ExperimentSchema.parse(input);
}

/** The template's numbers, normalized. */
export function templateRecord(overrides: Partial<ExperimentInput> = {}): Experiment {
  return record({
    id: 'exp-123',
    date: '2025-01-15',
    completionDate: '2025-01-20',
    dataset: {
      version: '1.2.0',
      location: 's3://bucket/datasets/dataset-name-v1.2.0',
      records: 1_000_000,
      features: 125,
      splits: [
        { name: 'Training', fraction: 0.7, records: 700_000 },
        { name: 'Validation', fraction: 0.15, records: 150_000 },
        { name: 'Test', fraction: 0.15, records: 150_000 },
      ],
      randomSeed: 42,
    },
    model: {
      hyperparameters: [
        {
          name: 'learning_rate',
          value: 0.001,
          searchSpace: { kind: 'range', min: 0.0001, max: 0.01 },
          tuningMethod: 'Bayesian optimization',
        },
        { name: 'batch_size', value: 32, searchSpace: { kind: 'choice', values: [16, 32, 64, 128] }, tuningMethod: 'Grid search' },
        { name: 'n_estimators', value: 200, searchSpace: { kind: 'choice', values: [100, 200, 500] }, tuningMethod: 'Random search' },
        { name: 'max_depth', value: 6, searchSpace: { kind: 'choice', values: [3, 6, 9, 12] }, tuningMethod: 'Grid search' },
        { name: 'dropout', value: 0.3, searchSpace: { kind: 'choice', values: [0.2, 0.3, 0.4, 0.5] }, tuningMethod: 'Random search' },
      ],
      training: { earlyStopping: { enabled: true, patience: 10 } },
    },
    training: {
      history: [
        { epoch: 1, 'Train Loss': 0.856, 'Train Acc': 0.652, 'Val Loss': 0.742, 'Val Acc': 0.689, 'Learning Rate': 0.001 },
        { epoch: 10, 'Train Loss': 0.423, 'Train Acc': 0.812, 'Val Loss': 0.456, 'Val Acc': 0.798, 'Learning Rate': 0.001 },
        { epoch: 20, 'Train Loss': 0.312, 'Train Acc': 0.867, 'Val Loss': 0.389, 'Val Acc': 0.834, 'Learning Rate': 0.0005 },
        { epoch: 50, 'Train Loss': 0.201, 'Train Acc': 0.912, 'Val Loss': 0.342, 'Val Acc': 0.876, 'Learning Rate': 0.0001 },
        { epoch: 100, 'Train Loss': 0.178, 'Train Acc': 0.923, 'Val Loss': 0.356, 'Val Acc': 0.869, 'Learning Rate': 0.00001 },
      ],
      bestModel: { epoch: 85, metrics: { 'Validation Loss': 0.334, 'Validation Accuracy': 0.878 } },
      infrastructure: { hardware: '4x NVIDIA A100 GPUs', gpuCount: 4, durationHours: 12, gpuHours: 48, co2Kg: 15.6 },
    },
    evaluation: {
      testMetrics: [
        { metric: 'Accuracy', value: 0.869, ci95: 0.012 },
        { metric: 'Precision', value: 0.845, ci95: 0.015 },
        { metric: 'Recall', value: 0.823, ci95: 0.018 },
        { metric: 'F1 Score', value: 0.834, ci95: 0.014 },
        { metric: 'AUC-ROC', value: 0.908, ci95: 0.009 },
      ],
      confusionMatrix: {
        labels: ['Neg', 'Pos'],
        matrix: [
          [95000, 5000],
          [8500, 41500],
        ],
      },
      disaggregated: [
        { group: 'Overall', overall: true, n: 150_000, metrics: { Accuracy: 0.869, Precision: 0.845, Recall: 0.823, F1: 0.834 } },
        { group: 'Female', n: 72_000, metrics: { Accuracy: 0.865, Precision: 0.841, Recall: 0.819, F1: 0.83 } },
        { group: 'Male', n: 78_000, metrics: { Accuracy: 0.873, Precision: 0.849, Recall: 0.827, F1: 0.838 } },
      ],
    },
    comparison: {
      baselines: [
        { label: 'Current Experiment', current: true, metrics: { Accuracy: 0.869, F1: 0.834, 'Latency (ms)': 45 } },
        {
          label: 'Previous Best (exp-042)',
          experimentId: 'exp-042',
          metrics: { Accuracy: 0.851, F1: 0.818, 'Latency (ms)': 42 },
          notes: 'Production model',
        },
        { label: 'Simple Baseline', metrics: { Accuracy: 0.75, F1: 0.6, 'Latency (ms)': 5 }, notes: 'Majority class' },
        { label: 'Business Rules', metrics: { Accuracy: 0.798, F1: 0.735, 'Latency (ms)': 10 }, notes: 'Existing heuristic' },
      ],
      claims: [
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
      ],
    },
    tuning: {
      method: 'Bayesian Optimization',
      trials: 50,
      budget: '100 GPU-hours',
      budgetGpuHours: 100,
      bestHyperparameters: {
        learning_rate: 0.00085,
        batch_size: 32,
        n_estimators: 200,
        max_depth: 6,
        dropout: 0.3,
        subsample: 0.8,
        colsample_bytree: 0.8,
      },
    },
    reproducibility: {
      artifacts: [
        { name: 'Model File', uri: 's3://bucket/experiments/exp-123/model.pkl' },
        { name: 'Checkpoint', uri: 's3://bucket/experiments/exp-123/checkpoint-epoch-85.ckpt' },
      ],
    },
    templateVersion: '1.0',
    placeholders: ['name', 'experimenter', 'trackingPlatform'],
    ...overrides,
  });
}
