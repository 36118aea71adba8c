/**
 * The example record `logbook init` writes: small, complete enough to show every kind of section, and
 * with numbers that agree with each other (the consistency checks find nothing to report).
 *
 * Confusion matrix (rows actual, columns predicted; positive class "churn"): 1,700 / 100 / 60 / 140 of
 * 2,000 → accuracy (1,700 + 140) / 2,000 = 0.92, precision 140 / 240 = 0.583, recall 140 / 200 = 0.70,
 * F1 = 2 · 0.583 · 0.70 / 1.283 = 0.636. Groups: 0.91 · 1,200 + 0.935 · 800 = 1,840 = 0.92 · 2,000.
 */
export function exampleRecord(): string {
  return `---
# An example experiment record: Markdown with YAML frontmatter. JSON records and the filled-in
# ML Experiment Tracking Log template work too (logbook new <id> writes one).
id: example-001
name: Churn model, gradient boosting baseline
date: "2025-01-15"
completionDate: "2025-01-16"
experimenter: Your Name
status: completed
tags:
  use_case: churn-prediction
  model_family: tree-based
overview:
  objective: Predict which subscribers cancel within 30 days, to target retention offers.
  hypothesis: Gradient boosting on usage features beats the production logistic regression on accuracy and F1.
  successCriteria: Accuracy at least 2 pp above production, with no plan more than 3 pp below the overall accuracy.
dataset:
  name: subscriber-activity
  version: 1.0.0
  records: 20000
  features: 42
  splits:
    - { name: Training, fraction: 0.8, records: 16000 }
    - { name: Validation, fraction: 0.1, records: 2000 }
    - { name: Test, fraction: 0.1, records: 2000 }
  splitStrategy: Stratified random
  randomSeed: 7
model:
  type: LightGBM
  hyperparameters:
    - { name: learning_rate, value: 0.05 }
    - { name: num_leaves, value: 63 }
    - { name: n_estimators, value: 500 }
  training:
    optimizer: Gradient boosting (histogram)
    lossFunction: Binary log loss
    earlyStopping: { enabled: true, patience: 100, monitor: val_binary_logloss }
    epochs: 500
training:
  history:
    - { epoch: 100, Train Loss: 0.281, Val Loss: 0.295, Val Acc: 0.902 }
    - { epoch: 200, Train Loss: 0.232, Val Loss: 0.254, Val Acc: 0.911 }
    - { epoch: 300, Train Loss: 0.205, Val Loss: 0.236, Val Acc: 0.917 }
    - { epoch: 400, Train Loss: 0.187, Val Loss: 0.229, Val Acc: 0.921 }
    - { epoch: 500, Train Loss: 0.174, Val Loss: 0.231, Val Acc: 0.92 }
  bestModel:
    epoch: 400
    selectedBy: lowest Val Loss
    metrics: { Val Loss: 0.229, Val Acc: 0.921 }
evaluation:
  testMetrics:
    - { metric: Accuracy, value: 0.92, ci95: 0.012 }
    - { metric: Precision, value: 0.583, ci95: 0.062 }
    - { metric: Recall, value: 0.7, ci95: 0.064 }
    - { metric: F1 Score, value: 0.636 }
  confusionMatrix:
    labels: [no-churn, churn]
    matrix:
      - [1700, 100]
      - [60, 140]
    positiveLabel: churn
  disaggregated:
    - { group: Basic plan, attributes: { plan: Basic }, n: 1200, metrics: { Accuracy: 0.91 } }
    - { group: Premium plan, attributes: { plan: Premium }, n: 800, metrics: { Accuracy: 0.935 } }
    - { group: Overall, n: 2000, metrics: { Accuracy: 0.92 } }
comparison:
  baselines:
    - { label: Logistic regression (production), metrics: { Accuracy: 0.895, F1 Score: 0.58 } }
    - { label: This experiment, current: true, metrics: { Accuracy: 0.92, F1 Score: 0.636 } }
  claims:
    - { metric: Accuracy, text: +2.5 pp vs production }
observations:
  worked:
    - Usage-trend features (last 7 days against the 30 before) carry most of the signal.
  didNotWork:
    - Support-ticket text features added nothing over ticket counts.
nextSteps:
  recommendations:
    - { text: Calibrate scores before choosing the offer threshold, done: false }
  readyForProduction: needs-review
---

Replace this record with your own: \`logbook new <id>\` starts one from the experiment log template,
and \`logbook validate\` says what to fix.
`;
}
