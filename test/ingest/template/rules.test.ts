import { describe, expect, test } from 'vitest';
import type { LabelRule } from '../../../src/ingest/template/context.ts';
import { findItemRule, type ItemRule } from '../../../src/ingest/template/fields.ts';
import { TRAINING_CONFIG_RULES } from '../../../src/ingest/template/model.ts';
import { DEPLOYMENT_RULES } from '../../../src/ingest/template/next-steps.ts';
import { CODE_RULES } from '../../../src/ingest/template/reproducibility.ts';
import {
  findGlobalLabelRule,
  findLabelRule,
  findTableLabel,
  GLOBAL_LABEL_RULES,
  SECTION_LABEL_RULES,
  SECTION_TABLE_RULES,
} from '../../../src/ingest/template/rules.ts';
import type { SectionKey } from '../../../src/ingest/template/sections.ts';
import { INFRASTRUCTURE_RULES } from '../../../src/ingest/template/training.ts';
import { normalizeLabel } from '../../../src/ingest/text.ts';

/** [label as written, section it is written in, the path its rule fills]; undefined: an unknown label. */
const LABEL_CASES: readonly (readonly [string, SectionKey, string | undefined])[] = [
  // header (recognised in every section)
  ['Experiment ID', 'header', 'id'],
  ['Run ID', 'metadata', 'id'],
  ['Experiment Name', 'overview', 'name'],
  ['Date', 'header', 'date'],
  ['Start date', 'header', 'date'],
  ['Experimenter', 'header', 'experimenter'],
  ['Author', 'header', 'experimenter'],
  ['Tracking Platform', 'header', 'trackingPlatform'],
  ['Related Experiments', 'overview', 'lineage'],
  ['Lineage', 'header', 'lineage'],
  ['Parent', 'header', 'lineage.parent'],
  ['Parent experiment', 'overview', 'lineage.parent'],
  ['Forked from', 'header', 'lineage.parent'],
  ['Derived from', 'overview', 'lineage.parent'],
  // metadata (recognised in every section)
  ['Completion Date', 'metadata', 'completionDate'],
  ['Finished on', 'header', 'completionDate'],
  ['Status', 'metadata', 'status'],
  ['Template Version', 'metadata', 'templateVersion'],
  ['Based on', 'metadata', 'basedOn'],
  ['Reviewer Notes', 'metadata', 'reviewerNotes'],
  ['Review comments', 'metadata', 'reviewerNotes'],
  ['Notes for reviewers', 'metadata', 'reviewerNotes'],
  ['Reviewed by', 'metadata', 'reviewerNotes'],
  ['MLflow URL', 'metadata', 'trackers.mlflowUrl'],
  ['MLflow Run ID', 'metadata', 'trackers.mlflowRunId'],
  ['Weights & Biases Run', 'metadata', 'trackers.wandbRun'],
  ['W&B run', 'metadata', 'trackers.wandbRun'],
  ['Neptune run', 'metadata', 'trackers.neptuneRun'],
  ['Comet experiment', 'metadata', 'trackers.cometExperiment'],
  ['Tags', 'metadata', 'tags'],
  ['Labels', 'header', 'tags'],
  // overview
  ['Objective', 'overview', 'overview.objective'],
  ['Goal', 'header', 'overview.objective'],
  ['Goal', 'overview', 'overview.objective'],
  ['Hypothesis', 'overview', 'overview.hypothesis'],
  ['Success Criteria', 'overview', 'overview.successCriteria'],
  // dataset
  ['Split Strategy', 'dataset', 'dataset.splitStrategy'],
  ['Random Seed', 'dataset', 'dataset.randomSeed'],
  ['Train/Val/Test Split', 'dataset', 'dataset.splits'],
  ['Train / val / test', 'dataset', 'dataset.splits'],
  ['Test set', 'dataset', 'dataset.splits'],
  ['Features', 'dataset', 'dataset.features'],
  ['Feature names', 'dataset', 'dataset.features'],
  ['Data Preprocessing', 'dataset', 'dataset.preprocessing'],
  ['Dataset Version', 'dataset', 'dataset.version'],
  ['Dataset Location', 'dataset', 'dataset.location'],
  ['Dataset Size', 'dataset', 'dataset.records'],
  ['Number of features', 'dataset', 'dataset.features'],
  ['Dataset Name', 'dataset', 'dataset.name'],
  // model
  ['Model Architecture', 'model', 'model.architecture'],
  ['Hyperparameters', 'model', 'model.hyperparameters'],
  ['Training Configuration', 'model', 'model.training'],
  // A setup written in the model section (`## Setup`): the base model, and labels of other sections.
  ['Base model', 'model', 'model.type'],
  ['Backbone', 'model', 'model.type'],
  ['Dataset', 'model', 'dataset.name'],
  ['Train/Val/Test Split', 'model', 'dataset.splits'],
  ['Hardware', 'model', 'training.infrastructure.hardware'],
  ['GPU hours', 'model', 'training.infrastructure.gpuHours'],
  ['Number of GPUs', 'model', 'training.infrastructure.gpuCount'],
  ['Random seed', 'model', 'reproducibility.seeds'],
  // How long it trained, as a setup writes it; a label merely containing "time" is no duration.
  ['Training duration', 'model', 'training.infrastructure.durationHours'],
  ['Train time', 'model', 'training.infrastructure.durationHours'],
  ['Wall clock', 'model', 'training.infrastructure.durationHours'],
  ['Inference time', 'model', undefined],
  ['Optimizer', 'model', 'model.training.optimizer'],
  ['Loss Function', 'model', 'model.training.lossFunction'],
  ['Early Stopping', 'model', 'model.training.earlyStopping'],
  ['Learning Rate Schedule', 'model', 'model.training.learningRateSchedule'],
  ['Max epochs', 'model', 'model.training.epochs'],
  ['Model Type', 'model', 'model.type'],
  ['Quantization Scheme', 'model', undefined],
  // training
  // A training section's settings: the model's training configuration, and how many epochs.
  ['Optimizer', 'training', 'model.training.optimizer'],
  ['Early stopping', 'training', 'model.training.earlyStopping'],
  ['LR schedule', 'training', 'model.training.learningRateSchedule'],
  ['Epochs', 'training', 'model.training.epochs'],
  ['Best epoch', 'training', 'training.bestModel'],
  ['Best Model', 'training', 'training.bestModel'],
  ['Training Infrastructure', 'training', 'training.infrastructure'],
  ['Training Metrics', 'training', 'training.history'],
  ['Training Log', 'training', 'training.history'],
  ['Training results', 'training', 'training.history'],
  ['Training hyperparameters', 'training', 'model.hyperparameters'],
  ['GPU-hours', 'training', 'training.infrastructure.gpuHours'],
  ['Estimated CO2', 'training', 'training.infrastructure.co2Kg'],
  ['Training Duration', 'training', 'training.infrastructure.durationHours'],
  ['Number of GPUs', 'training', 'training.infrastructure.gpuCount'],
  ['Hardware', 'training', 'training.infrastructure.hardware'],
  ['Dataset', 'dataset', 'dataset.name'],
  // evaluation
  ['Confusion Matrix', 'evaluation', 'evaluation.confusionMatrix'],
  ['Disaggregated Performance', 'evaluation', 'evaluation.disaggregated'],
  ['Test Set Performance', 'evaluation', 'evaluation.testMetrics'],
  ['Macro-F1 95% CI', 'evaluation', 'evaluation.testMetrics'],
  ['Calibration', 'evaluation', undefined],
  ['Performance by gender', 'evaluation', 'evaluation.disaggregated'],
  ['Accuracy per age group', 'evaluation', 'evaluation.disaggregated'],
  ['Per-class metrics', 'evaluation', undefined],
  // The label a table of results per class stands for (its averaging rows are test metrics).
  ['Per-class results', 'evaluation', 'evaluation.testMetrics'],
  ['Metrics per split', 'evaluation', 'evaluation.testMetrics'],
  ['Results by threshold', 'evaluation', 'evaluation.testMetrics'],
  // The label a table of models under the results stands for (its header row names it).
  ['Results by Model and Baseline', 'evaluation', 'comparison.baselines'],
  // The per-epoch table under the results (by its header row it is labelled "Training Metrics").
  ['Training Metrics', 'evaluation', 'training.history'],
  ['Learning curves', 'evaluation', 'training.history'],
  ['Scores across folds', 'evaluation', 'evaluation.testMetrics'],
  ['Validation metrics', 'evaluation', undefined],
  // header: the properties above the first section
  ['Dataset', 'header', 'dataset.name'],
  ['Model', 'header', 'model.type'],
  ['Goal', 'header', 'overview.objective'],
  // The labels a shell block under `## Reproduce` and a marked list under `## Observations` stand for.
  ['Shell commands', 'reproducibility', 'reproducibility.code.entryPoint'],
  ['Docker', 'reproducibility', 'reproducibility.environment'],
  ['Marked observations', 'observations', 'observations'],
  // comparison
  ['Improvement vs Baseline', 'comparison', 'comparison.claims'],
  ['Baseline Models', 'comparison', 'comparison.baselines'],
  // `- vs spaCy: F1 0.842 → 0.873`: a baseline named after its `vs`.
  ['vs spaCy en_core_web_trf', 'comparison', 'comparison.baselines'],
  ['Compared to the rules engine', 'comparison', 'comparison.baselines'],
  // The label a list of `Metric: before → after` items stands for, in the comparison and the results.
  ['Before and after', 'comparison', 'comparison.baselines'],
  ['Before and after', 'evaluation', 'comparison.baselines'],
  // tuning
  ['Best Hyperparameters Found', 'tuning', 'tuning.bestHyperparameters'],
  ['Tuning Results Visualization', 'tuning', 'tuning.visualization'],
  ['Tuning Method', 'tuning', 'tuning.method'],
  ['Tuning Tool', 'tuning', 'tuning.tool'],
  ['Number of Trials', 'tuning', 'tuning.trials'],
  ['Tuning Budget', 'tuning', 'tuning.budget'],
  // reproducibility
  ['Model Artifacts', 'reproducibility', 'reproducibility.artifacts'],
  ['Code Version', 'reproducibility', 'reproducibility.code'],
  ['Environment', 'reproducibility', 'reproducibility.environment'],
  ['Random Seeds', 'reproducibility', 'reproducibility.seeds'],
  // Code-version keys on lines of their own, without a "Code Version" label.
  ['Repository', 'reproducibility', 'reproducibility.code.repository'],
  ['Branch', 'reproducibility', 'reproducibility.code.branch'],
  ['Commit', 'reproducibility', 'reproducibility.code.commit'],
  ['Command', 'reproducibility', 'reproducibility.code.entryPoint'],
  ['Env', 'reproducibility', 'reproducibility.environment'],
  // observations
  ["What Didn't Work", 'observations', 'observations.didNotWork'],
  ['What Worked Well', 'observations', 'observations.worked'],
  ['Key Learnings', 'observations', 'observations.learnings'],
  ['Feature importance method', 'observations', 'observations.featureImportanceMethod'],
  ['Feature Importance', 'observations', 'observations.featureImportance'],
  // next steps
  ['Recommendations', 'nextSteps', 'nextSteps.recommendations'],
  ['Deployment Readiness', 'nextSteps', 'nextSteps'],
  ['Ready for Production', 'nextSteps', 'nextSteps.readyForProduction'],
  ['Blockers', 'nextSteps', 'nextSteps.blockers'],
  ['Action Items', 'nextSteps', 'nextSteps.actionItems'],
];

describe('findLabelRule', () => {
  test.each(LABEL_CASES)('%s in %s → %s', (label, section, expected) => {
    expect(findLabelRule(normalizeLabel(label), section)?.path.join('.')).toBe(expected);
  });

  test("a section's own rules come before the global ones", () => {
    // "Best Model" in the training section is the best model; nowhere else does "best" mean it.
    expect(findLabelRule('best model', 'training')?.path).toEqual(['training', 'bestModel']);
    expect(findLabelRule('best model', 'overview')).toBeUndefined();
  });

  test('every label rule is exercised by a case above', () => {
    const hit = new Set<LabelRule>();
    for (const [label, section] of LABEL_CASES) {
      const rule = findLabelRule(normalizeLabel(label), section);
      if (rule) hit.add(rule);
    }
    const all = [...Object.values(SECTION_LABEL_RULES).flat(), ...GLOBAL_LABEL_RULES];
    expect(all.filter((rule) => !hit.has(rule)).map((rule) => rule.path.join('.'))).toEqual([]);
  });
});

/** [key as written in a `- Key: value` list, the list's rules, the path its rule fills]. */
const ITEM_CASES: readonly (readonly [string, readonly ItemRule[], string | undefined])[] = [
  ['Optimizer', TRAINING_CONFIG_RULES, 'model.training.optimizer'],
  ['Loss Function', TRAINING_CONFIG_RULES, 'model.training.lossFunction'],
  ['Early Stopping', TRAINING_CONFIG_RULES, 'model.training.earlyStopping'],
  ['LR scheduler', TRAINING_CONFIG_RULES, 'model.training.learningRateSchedule'],
  ['Epochs', TRAINING_CONFIG_RULES, 'model.training.epochs'],
  ['Gradient clipping', TRAINING_CONFIG_RULES, undefined],
  ['GPU-hours', INFRASTRUCTURE_RULES, 'training.infrastructure.gpuHours'],
  ['Estimated CO2', INFRASTRUCTURE_RULES, 'training.infrastructure.co2Kg'],
  ['Training Duration', INFRASTRUCTURE_RULES, 'training.infrastructure.durationHours'],
  ['GPUs', INFRASTRUCTURE_RULES, 'training.infrastructure.gpuCount'],
  ['Hardware', INFRASTRUCTURE_RULES, 'training.infrastructure.hardware'],
  ['Repository', CODE_RULES, 'reproducibility.code.repository'],
  ['Branch', CODE_RULES, 'reproducibility.code.branch'],
  ['Commit SHA', CODE_RULES, 'reproducibility.code.commit'],
  ['Tag', CODE_RULES, 'reproducibility.code.tag'],
  ['Entry point', CODE_RULES, 'reproducibility.code.entryPoint'],
  ['Ready for Production', DEPLOYMENT_RULES, 'nextSteps.readyForProduction'],
  ['Blockers', DEPLOYMENT_RULES, 'nextSteps.blockers'],
  ['Action Items', DEPLOYMENT_RULES, 'nextSteps.actionItems'],
];

describe('findItemRule', () => {
  test.each(ITEM_CASES)('%s → %s', (key, rules, expected) => {
    expect(findItemRule(normalizeLabel(key), rules)?.path.join('.')).toBe(expected);
  });

  test('every item rule is exercised by a case above', () => {
    const hit = new Set<ItemRule>();
    for (const [key, rules] of ITEM_CASES) {
      const rule = findItemRule(normalizeLabel(key), rules);
      if (rule) hit.add(rule);
    }
    const all = [...TRAINING_CONFIG_RULES, ...INFRASTRUCTURE_RULES, ...CODE_RULES, ...DEPLOYMENT_RULES];
    expect(all.filter((rule) => !hit.has(rule)).map((rule) => rule.path.join('.'))).toEqual([]);
  });
});

/** [header row of a table with no label line, section, the path the label it stands for fills]; undefined: left as prose. */
const TABLE_CASES: readonly (readonly [string, SectionKey, string | undefined])[] = [
  ['Split | Rows | Share', 'dataset', 'dataset.splits'],
  ['Data set | Samples', 'dataset', 'dataset.splits'],
  ['Feature | Type | Description', 'dataset', undefined],
  ['Parameter | Value | Search Space | Tuning Method', 'model', 'model.hyperparameters'],
  ['**Hyperparameter** | Value', 'model', 'model.hyperparameters'],
  ['Epoch | Train Loss | Val Loss', 'training', 'training.history'],
  ['Round | Train Loss', 'training', 'training.history'],
  ['Training Loss | Epoch | Step | Validation Loss', 'training', 'training.history'],
  ['Stage | Description', 'training', undefined],
  [' | Pred Legit | Pred Fraud', 'evaluation', 'evaluation.confusionMatrix'],
  ['Actual \\ Predicted | Legit | Fraud', 'evaluation', 'evaluation.confusionMatrix'],
  ['Metric | Value | 95% CI', 'evaluation', 'evaluation.testMetrics'],
  ['split | AUC | logloss', 'evaluation', 'evaluation.testMetrics'],
  ['Region | Precision | Recall | N', 'evaluation', 'evaluation.disaggregated'],
  ['Group | Accuracy', 'evaluation', 'evaluation.disaggregated'],
  ['Model | Precision | Recall | Notes', 'comparison', 'comparison.baselines'],
  ['Model | Top-1 | Top-5', 'evaluation', 'comparison.baselines'],
  ['Method | AUC', 'evaluation', 'comparison.baselines'],
  ['Feature | Importance | Description', 'observations', 'observations.featureImportance'],
  ['Epoch | Loss', 'evaluation', 'training.history'],
  ['Metric | Value', 'dataset', undefined],
  ['Threshold | Cost', 'evaluation', undefined],
  ['Class | IoU | Precision', 'evaluation', 'evaluation.testMetrics'],
];

describe('findTableLabel', () => {
  test.each(TABLE_CASES)('%s in %s → %s', (header, section, expected) => {
    const label = findTableLabel(header.split('|'), section);
    expect(label === undefined ? undefined : findLabelRule(normalizeLabel(label), section)?.path.join('.')).toBe(expected);
  });

  test('every table rule is exercised by a case above', () => {
    const hit = new Set(TABLE_CASES.map(([header, section]) => `${section}:${findTableLabel(header.split('|'), section) ?? ''}`));
    const all = Object.entries(SECTION_TABLE_RULES).flatMap(([section, rules]) => rules.map((rule) => `${section}:${rule.label}`));
    expect(all.filter((rule) => !hit.has(rule))).toEqual([]);
  });
});

describe('findGlobalLabelRule', () => {
  test.each([
    ['related experiments', 'lineage'],
    ['tags', 'tags'],
    ['status', 'status'],
    ['test metrics', undefined],
    ['results', undefined],
  ])('%s → %s', (norm, expected) => {
    expect(findGlobalLabelRule(norm)?.path.join('.')).toBe(expected);
  });
});
