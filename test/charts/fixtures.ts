import type { Experiment } from '../../src/schema/index.ts';

/** The filled-in template example, as a normalized record. */
export const templateRecord: Experiment = {
  id: 'exp-123',
  name: 'new-architecture',
  training: {
    history: [
      { epoch: 1, 'Train Loss': 0.856, 'Train Acc': 0.652, 'Val Loss': 0.742, 'Val Acc': 0.689, 'Learning Rate': 0.001 },
      { epoch: 10, 'Train Loss': 0.423, 'Train Acc': 0.812, 'Val Loss': 0.456, 'Val Acc': 0.798, 'Learning Rate': 0.001 },
      { epoch: 20, 'Train Loss': 0.312, 'Train Acc': 0.867, 'Val Loss': 0.389, 'Val Acc': 0.834, 'Learning Rate': 0.0005 },
      { epoch: 50, 'Train Loss': 0.201, 'Train Acc': 0.912, 'Val Loss': 0.342, 'Val Acc': 0.876, 'Learning Rate': 0.0001 },
      { epoch: 100, 'Train Loss': 0.178, 'Train Acc': 0.923, 'Val Loss': 0.356, 'Val Acc': 0.869, 'Learning Rate': 0.00001 },
    ],
    bestModel: { epoch: 85, selectedBy: 'Val Loss', metrics: { 'Val Loss': 0.334, 'Val Acc': 0.878 } },
  },
  evaluation: {
    testMetrics: [
      { metric: 'Accuracy', value: 0.869, ci95: 0.012 },
      { metric: 'Precision', value: 0.845, ci95: 0.015 },
      { metric: 'Recall', value: 0.823, ci95: 0.018 },
      { metric: 'F1 Score', value: 0.834, ci95: 0.014 },
      { metric: 'AUC-ROC', value: 0.908, ci95: 0.009 },
      { metric: 'Latency', value: 45, unit: 'ms' },
    ],
    confusionMatrix: {
      labels: ['Neg', 'Pos'],
      matrix: [
        [95000, 5000],
        [8500, 41500],
      ],
    },
    disaggregated: [
      { group: 'Overall', overall: true, n: 150000, metrics: { Accuracy: 0.869, Precision: 0.845, Recall: 0.823, F1: 0.834 } },
      { group: 'Female', attributes: { sex: 'Female' }, n: 72000, metrics: { Accuracy: 0.865, Precision: 0.841, Recall: 0.819, F1: 0.83 } },
      { group: 'Male', attributes: { sex: 'Male' }, n: 78000, metrics: { Accuracy: 0.873, Precision: 0.849, Recall: 0.827, F1: 0.838 } },
    ],
  },
  comparison: {
    baselines: [
      { label: 'Current Experiment', current: true, metrics: { Accuracy: 0.869, F1: 0.834, 'Latency (ms)': 45 } },
      { label: 'Previous Best (exp-042)', experimentId: 'exp-042', metrics: { Accuracy: 0.851, F1: 0.818, 'Latency (ms)': 42 } },
      { label: 'Simple Baseline', metrics: { Accuracy: 0.75, F1: 0.6, 'Latency (ms)': 5 } },
      { label: 'Business Rules', metrics: { Accuracy: 0.798, F1: 0.735, 'Latency (ms)': 10 } },
    ],
  },
  model: {
    type: 'XGBoost',
    hyperparameters: [
      { name: 'learning_rate', value: 0.00085, searchSpace: { kind: 'range', min: 0.0001, max: 0.01 } },
      { name: 'batch_size', value: 32, searchSpace: { kind: 'choice', values: [16, 32, 64, 128] } },
      { name: 'n_estimators', value: 200, searchSpace: { kind: 'choice', values: [100, 200, 500] } },
      { name: 'max_depth', value: 6, searchSpace: { kind: 'choice', values: [3, 6, 9, 12] } },
      { name: 'dropout', value: 0.3, searchSpace: { kind: 'choice', values: [0.2, 0.3, 0.4, 0.5] } },
    ],
    training: { learningRateSchedule: 'step' },
  },
  observations: {
    featureImportance: [
      { feature: 'transaction_amount', importance: 0.31 },
      { feature: 'merchant_category', importance: 0.12 },
      { feature: 'account_age_days', importance: 0.22 },
    ],
    featureImportanceMethod: 'gain',
  },
};

/** A record with only an id: every chart is skipped. */
export const emptyRecord: Experiment = { id: 'exp-empty' };
