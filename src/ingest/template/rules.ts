/**
 * Which rule reads an entry: the section's own label rules first, then the header's and the
 * metadata's (recognised in every section), each an ordered table where the first match wins.
 * An entry no rule claims is kept under its section as an unknown label. A table written without
 * a label line is labelled by its section's table rules (by header row), then read the same way.
 */

import type { Code } from 'mdast';
import { splitKeyValue, stripEmphasis, type Item } from '../markdown-blocks.ts';
import { isCodeName, settingsOf, structuredSettings } from './settings-block.ts';
import { isPlaceholder } from '../placeholder.ts';
import { parseNumber, parseScalar } from '../units.ts';
import { normalizeLabel, toCamelCase } from '../text.ts';
import { type Context, type Entry, type LabelRule, type TableRule } from './context.ts';
import { COMPARISON_RULES, COMPARISON_TABLES, isBaselineList, isClaimList, isTransitionList, TRANSITIONS_RULE } from './comparison.ts';
import { DATASET_NAME_RULE, DATASET_RULES, DATASET_TABLES, SPLITS_RULE, datasetItemLabel } from './dataset.ts';
import type { LineItem, SectionLabels } from './entries.ts';
import {
  DISAGGREGATED_RULE,
  EVALUATION_RULES,
  EVALUATION_TABLES,
  isTestMetricList,
  labelMetric,
  metricLineLabel,
  reportCodeLabel,
} from './evaluation.ts';
import { asLabelRules, keepUnknown } from './fields.ts';
import { HEADER_RULES } from './header.ts';
import { METADATA_RULES } from './metadata.ts';
import {
  HYPERPARAMETERS_RULE,
  inlineHyperparameters,
  MODEL_NAME_RULE,
  MODEL_RULES,
  MODEL_TABLES,
  settingRun,
  TRAINING_CONFIG_RULES,
} from './model.ts';
import { NEXT_STEPS_RULES } from './next-steps.ts';
import { isMarkedObservationList, OBSERVATIONS_RULES, OBSERVATIONS_TABLES } from './observations.ts';
import { OVERVIEW_RULES } from './overview.ts';
import { commandCodeLabel, REPRODUCIBILITY_RULES, SEEDS_RULE } from './reproducibility.ts';
import { SECTION_PATH, type SectionKey } from './sections.ts';
import { HARDWARE_RULES, HISTORY_ELSEWHERE, historyHandler, TRAINING_RULES, TRAINING_TABLES } from './training.ts';
import { optunaCodeLabel, TUNING_RULES } from './tuning.ts';

/**
 * Labels of other sections a model section also holds when a log keeps its whole setup there
 * (`## Setup`, `## Experimental Setup`): the dataset and its splits, the hardware, the seeds. Checked
 * after the model's own labels; each names nothing a model has.
 */
const SETUP_ELSEWHERE: readonly LabelRule[] = [DATASET_NAME_RULE, SPLITS_RULE, ...asLabelRules(HARDWARE_RULES), SEEDS_RULE];

/**
 * Settings a training section writes beside its progress (`- Optimizer: SGD`, `- LR schedule:
 * cosine`, `- Early stopping: no`, `- Epochs: 200`): the model's training configuration, as in the
 * model section. `Epochs` with a number is how many; over a table or a log it is the per-epoch history.
 */
const SETTINGS_IN_TRAINING: readonly LabelRule[] = [
  ...asLabelRules(
    TRAINING_CONFIG_RULES.filter(({ path }) => ['optimizer', 'earlyStopping', 'learningRateSchedule'].includes(String(path.at(-1)))),
  ),
  {
    pattern: /^(?:(?:number of|num|max|total) )?epochs?$/,
    path: ['model', 'training', 'epochs'],
    handler: (entry, ctx) => {
      const count = entry.blocks.length === 0 ? parseNumber(stripEmphasis(entry.value)) : undefined;
      if (count === undefined) historyHandler(entry, ctx);
      else ctx.b.set(['model', 'training', 'epochs'], count, entry.position);
    },
  },
];

/** Section → its own label rules (checked before the global ones). */
export const SECTION_LABEL_RULES: Readonly<Record<SectionKey, readonly LabelRule[]>> = {
  // `**Goal:** …` above the first section: the overview's labels, as under `## Overview`.
  // `Dataset: sst2`, `Model: roberta-base` among the properties a note starts with (as a Notion page's are).
  header: [...OVERVIEW_RULES, DATASET_NAME_RULE, MODEL_NAME_RULE],
  overview: OVERVIEW_RULES,
  dataset: DATASET_RULES,
  model: [...MODEL_RULES, ...SETUP_ELSEWHERE],
  training: [...SETTINGS_IN_TRAINING, ...TRAINING_RULES, HYPERPARAMETERS_RULE],
  evaluation: [HISTORY_ELSEWHERE, ...EVALUATION_RULES, TRANSITIONS_RULE],
  // `**Disaggregated Performance**` after the baselines, as a log may keep every comparison in one place.
  comparison: [...COMPARISON_RULES, DISAGGREGATED_RULE],
  tuning: TUNING_RULES,
  reproducibility: REPRODUCIBILITY_RULES,
  observations: OBSERVATIONS_RULES,
  nextSteps: NEXT_STEPS_RULES,
  metadata: [],
};

/** Labels recognised in every section (the header, the metadata section, the template footer). */
export const GLOBAL_LABEL_RULES: readonly LabelRule[] = [...HEADER_RULES, ...METADATA_RULES];

/** Section → how it labels a table written without a label line. */
export const SECTION_TABLE_RULES: Readonly<Record<SectionKey, readonly TableRule[]>> = {
  header: [],
  overview: [],
  dataset: DATASET_TABLES,
  model: MODEL_TABLES,
  training: TRAINING_TABLES,
  evaluation: [...TRAINING_TABLES, ...EVALUATION_TABLES],
  comparison: COMPARISON_TABLES,
  tuning: [],
  reproducibility: [],
  observations: OBSERVATIONS_TABLES,
  nextSteps: [],
  metadata: [],
};

type ListItems = readonly Item[];

/** Section → the label a list right under its heading stands for (a to-do list, a list of metrics). */
export const SECTION_LIST_RULES: Readonly<Partial<Record<SectionKey, (items: ListItems) => string | undefined>>> = {
  // A to-do list, or a plain list of steps (`1. Try monotone constraints.`) with no `Key: value` item (`Blockers: none`).
  nextSteps: (items) =>
    items.some((item) => item.checked !== null) || !items.some((item) => splitKeyValue(item.text) !== undefined)
      ? 'Recommendations'
      : undefined,
  // `- WER: 14.1% → 12.4%`: a value before and this experiment's (`transitionList` in comparison.ts).
  observations: (items) => (isMarkedObservationList(items) ? 'Marked observations' : undefined),
  evaluation: (items) => (isTestMetricList(items) ? 'Test Set Performance' : isTransitionList(items) ? 'Before and after' : undefined),
  // `- Logistic regression: accuracy 82.3%, F1 0.815`: one baseline per item.
  // `- F1: +0.012`, `- Accuracy: +2.1 pp vs exp-101`: a signed change per metric, the improvement claims.
  comparison: (items) =>
    isBaselineList(items)
      ? 'Baseline Models'
      : isTransitionList(items)
        ? 'Before and after'
        : isClaimList(items)
          ? 'Improvement vs Baseline'
          : undefined,
  // `- learning_rate: 3e-5` under `## Setup`: settings named as code names them (`epochs: 3`,
  // `optimizer: adamw` among them); a list naming anything else the section reads (`- Model: …`,
  // `- Dataset: …`) is read item by item instead (`settingsLists`).
  model: (items) => {
    const keys = items.map((item) => splitKeyValue(item.text)).map((split) => (split?.value ? split.key : undefined));
    const settings = keys.length > 0 && keys.every((key) => key !== undefined && isCodeName(key));
    const rules = keys.map((key) => findLabelRule(normalizeLabel(key ?? ''), 'model'));
    const trainingOnly = rules.every((rule) => rule === undefined || (rule.path[0] === 'model' && rule.path[1] === 'training'));
    return settings && trainingOnly && rules.some((rule) => rule === undefined) ? 'Hyperparameters' : undefined;
  },
};

/** Languages of a pasted configuration file (not code: a Python block under `## Setup` is read only under a label). */
const CONFIG_LANGS = /^(ya?ml|toml|ini|cfg|conf|properties|env|dotenv|json5?|jsonc)$/i;

/**
 * A configuration file pasted under a model heading (`## Config` over a ```yaml block), or a block
 * of settings in a shape that is nothing else (`Namespace(lr=0.1, …)`, a printed dict): the hyperparameters.
 */
function configLabel(code: Code): string | undefined {
  const config = code.lang !== null && code.lang !== undefined && CONFIG_LANGS.test(code.lang) && settingsOf(code) !== undefined;
  const structured =
    (!code.lang || SETTINGS_TEXT_LANGS.test(code.lang)) && structuredSettings(code.value, { line: 1, column: 1 }) !== undefined;
  return config || structured ? 'Hyperparameters' : undefined;
}

/** Languages a block of structured settings may be marked with besides a configuration format's. */
const SETTINGS_TEXT_LANGS = /^(python|py|text|txt|plaintext|console|output)$/i;

/** A line that is only settings (`learning_rate=0.03, num_leaves=63`, `{'lr': 0.1}`, `Namespace(lr=0.1)`) under a model heading: the hyperparameters. */
function settingsLineLabel(text: string): string | undefined {
  const origin = { line: 1, column: 1 };
  return inlineHyperparameters(text, origin) === undefined && structuredSettings(text, origin) === undefined
    ? undefined
    : 'Hyperparameters';
}

/** The header or metadata rule that reads a normalized label (in any section), or undefined. */
export function findGlobalLabelRule(norm: string): LabelRule | undefined {
  return GLOBAL_LABEL_RULES.find(({ pattern }) => pattern.test(norm));
}

/** The label a table written without a label line stands for in a section, from its header cells (as written). */
export function findTableLabel(header: readonly string[], section: SectionKey): string | undefined {
  const normalized = header.map((cell) => normalizeLabel(stripEmphasis(cell))).join(' | ');
  return SECTION_TABLE_RULES[section].find(({ pattern }) => pattern.test(normalized))?.label;
}

/** What `readEntries` needs to know about a section's labels. */
export function sectionLabels(section: SectionKey): SectionLabels {
  const listLabel = SECTION_LIST_RULES[section];
  return {
    ruleOf: (norm) => findLabelRule(norm, section),
    tableLabel: (header) => findTableLabel(header, section),
    ...(listLabel === undefined ? {} : { listLabel }),
    // `Production (exp-5): Recall@100 0.611, NDCG@10 0.201` then `BM25: Recall@100 0.402`, each on a line of its own.
    ...(section === 'comparison'
      ? { paragraphLabel: (lines: readonly LineItem[]) => (isBaselineList(lines) ? 'Baseline Models' : undefined) }
      : {}),
    ...(section === 'model' ? { settingsLists: true, codeLabel: configLabel, lineLabel: settingsLineLabel } : {}),
    // `## Training` over `- Optimizer: SGD`, `- Batch size: 128`, `- GPU: 1× A100`: the training's own labels, and its settings;
    // a configuration file pasted under it (`## Model & training` over a ```yaml block) is the hyperparameters.
    ...(section === 'training' ? { settingsLists: true, codeLabel: configLabel } : {}),
    ...(section === 'evaluation' ? { codeLabel: reportCodeLabel, lineLabel: metricLineLabel } : {}),
    // Optuna's best trial printed under `## Hyperparameter Tuning` with no label above it.
    ...(section === 'tuning' ? { codeLabel: optunaCodeLabel } : {}),
    ...(section === 'dataset' ? { itemLabel: datasetItemLabel } : {}),
    // ```bash over `python train.py …` under `## Reproduce`: how to run it again.
    ...(section === 'reproducibility' ? { codeLabel: commandCodeLabel } : {}),
  };
}

/** The rule that reads a label (normalized with `normalizeLabel`) in a section, or undefined for an unknown label. */
export function findLabelRule(norm: string, section: SectionKey): LabelRule | undefined {
  return (
    SECTION_LABEL_RULES[section].find(({ pattern }) => pattern.test(norm)) ?? GLOBAL_LABEL_RULES.find(({ pattern }) => pattern.test(norm))
  );
}

/**
 * A label of the model section no rule knows, whose value is a number or true/false, with nothing
 * under it (`**Learning rate**: 2e-4`, `- **LoRA rank**: 16`): a hyperparameter, named as written.
 * Kept for the end of the read (`Context.settings`); text values stay fields of the model, unless
 * the label is an item of a list of settings (`- activation: gelu`).
 */
function looseSetting(entry: Entry, ctx: Context): boolean {
  if (entry.blocks.length > 0 || entry.qualifier !== '' || isPlaceholder(entry.value)) return false;
  // `- LR: 3e-5, batch 32, 4 epochs, warmup 10%`: the label's value, then more settings on its line.
  const run = settingRun(entry.label, stripEmphasis(entry.value).replace(/`/g, ''));
  if (run !== undefined) {
    for (const setting of run) (ctx.settings ??= []).push({ ...setting, position: entry.position });
    return true;
  }
  const value = parseScalar(stripEmphasis(entry.value).replace(/`/g, ''));
  if (typeof value !== 'number' && typeof value !== 'boolean' && entry.setting !== true) return false;
  (ctx.settings ??= []).push({ name: entry.label, value, position: entry.position });
  return true;
}

/** Reads an entry with the rule its label names, or keeps it as an unknown label of its section. */
export function applyEntry(entry: Entry, section: SectionKey, ctx: Context): void {
  const rule = findLabelRule(entry.norm, section);
  if (!rule) {
    if ((section === 'model' || (section === 'training' && entry.setting === true)) && looseSetting(entry, ctx)) return;
    if (section === 'evaluation' && labelMetric(entry, ctx)) return;
    keepUnknown(entry, SECTION_PATH[section], ctx);
    return;
  }
  const before = ctx.b.usesOf(entry.position);
  rule.handler(entry, ctx);
  // A value on the label's line that its reader had no use for (`**Test Set Performance**: see the
  // W&B run`, where a table was expected) is kept as a note beside the field, never dropped; with a
  // warning, unless it is prose under a heading (`## Fairness` over `We saw no gap.`), written as such.
  if (entry.value !== '' && !isPlaceholder(entry.value) && ctx.b.usesOf(entry.position) === before) {
    const path = [...SECTION_PATH[section], `${toCamelCase(entry.label) || 'field'}Note`];
    ctx.b.text(path, entry.value, entry.position);
    // Beside a table or list the label's reader did read, the line's text is that block's caption
    // (`**Training Metrics** — \`print(df.to_markdown())\`:`): information, not a misplaced value.
    const captions = entry.blocks.some((block) => ctx.consumed.has(block));
    if (entry.heading !== true)
      ctx.b.notes.push({ path, position: entry.position, label: entry.label, prose: captions || isSentence(entry.value) });
  }
}

/**
 * Whether a label's value is a sentence of words (`Test set: 10,000 sentences, detokenized
 * sacreBLEU, bootstrap CIs.`): six words or more, at most a quarter of them numbers. Kept as a note
 * as any unread value is, but reported as information: it describes, it misplaces no value.
 */
export function isSentence(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const numbers = words.filter((word) => /^[^\p{L}]*\d[\d.,]*[^\p{L}]*$/u.test(word));
  return words.length >= 6 && numbers.length * 4 <= words.length;
}
