/** The "Evaluation Results" section: the test-metric table, the confusion matrix, the disaggregated tables. */

import type { Code, Table } from 'mdast';
import { isMap, isScalar, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { setOwn } from '../../util/own.ts';
import { OVERALL_GROUP_NAME } from '../../analysis/sizes.ts';
import { codeOf, itemsOf, splitKeyValue, startOf, stripEmphasis, tableOf, type Cell, type TableData } from '../markdown-blocks.ts';
import { isNotYetWrittenWithAside, isPlaceholder } from '../placeholder.ts';
import { isPlainObject } from '../finish.ts';
import { columnKey, normalizeLabel, toCamelCase } from '../text.ts';
import { REPORT_AVERAGES } from '../written-shapes.ts';
import { isUnitIntervalMetric, metricInfo, normalizeUnit } from '../../analysis/metrics.ts';
import { CATBOOST_BEST, NOT_A_METRIC } from '../training-log.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import {
  isNotMeasured,
  otherConfidenceLevel,
  withoutUnitOf,
  parseConfidenceInterval,
  parseCount,
  parseMetricCell,
  parseMetricStatement,
  isNamingAside,
  parseMetricStatementWithAside,
  parseNumber,
  listedBoundsAround,
  parseWrittenInterval,
  statedSpread,
  withStatedSpread,
} from '../units.ts';
import * as msg from '../messages.ts';
import { currentColumn, isMetricColumn } from './side-by-side.ts';
import { keepUnknown } from './fields.ts';
import {
  appendClaim,
  baselineTable,
  intervalColumns,
  baselineTextColumns,
  idInLabel,
  isCurrentLabel,
  labelledMetricsItem,
  metricMapOf,
  parseClaim,
} from './comparison.ts';
import {
  blockOf,
  blocksOf,
  firstCodeRead,
  tableBlockOf,
  testMetricsSoFar,
  unreadList,
  type Context,
  type Entry,
  type Handler,
  type LabelRule,
  type TableRule,
} from './context.ts';
import {
  column,
  deltaColumns,
  DELTA_COLUMN,
  isCountLabel,
  isTextColumn,
  mapMetricKey,
  metricCell,
  metricColumn,
  metricColumns,
  NOT_A_METRIC_LABEL,
  numberCell,
  readTableRows,
  type RowWriter,
} from './table.ts';

/** `Accuracy = 0.91`: a metric and its value with an equals sign. */
function splitEquals(text: string): { key: string; value: string; valueOffset: number } | undefined {
  const match = /^([^=:]+?)\s*=\s*(\S.*)$/s.exec(text);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { key: stripEmphasis(match[1].trim()), value: match[2].trim(), valueOffset: text.length - match[2].length };
}

/** `Accuracy — 0.91` (an em or en dash, or a hyphen, with a space each side): a metric and its value. */
function splitDash(text: string): { key: string; value: string; valueOffset: number } | undefined {
  const match = /^([^:=—–]+?)\s+[—–-]\s+(\S.*)$/s.exec(text);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { key: stripEmphasis(match[1].trim()), value: match[2].trim(), valueOffset: text.length - match[2].length };
}

/** `AUROC 0.921 (95% CI 0.914–0.928)`, `Accuracy **91.2%**`: a metric Logbook knows by name, then its value, with no sign between. */
function splitSpace(text: string): { key: string; value: string; valueOffset: number } | undefined {
  const match = /^([A-Za-z][\w@/-]*(?: [A-Za-z0-9][\w@/-]*){0,2})\s+((?:\*\*|__)?[-+]?\.?\d.*)$/s.exec(text);
  const name = match?.[1];
  // A name, not a sentence about one (`F1 improved to 0.85`, `Recall at 1% FPR 0.41`).
  if (name === undefined || match?.[2] === undefined || SENTENCE_WORD.test(name) || metricInfo(name).kind === null) return undefined;
  // `**0.921** (95% CI …)`: the bold around the number is emphasis.
  return { key: name, value: match[2].trim().replace(/^(\*\*|__)(.+?)\1/, '$2'), valueOffset: text.length - match[2].length };
}

/**
 * How an interval was worked out, written after it: `(DeLong)`, `(bootstrap, 1,000 resamples)`,
 * `, Wilson`. Group 1 or 2 is the aside; the interval is what comes before it.
 */
const METHOD_ASIDE = /\s*(?:\(([^()]*[A-Za-z][^()]*)\)|,\s+([A-Za-z][^,]*))\s*$/;

/** Words of a sentence, not of a metric's name. */
const SENTENCE_WORD =
  /\b(?:to|from|by|of|is|was|were|are|has|had|have|improved|improves|increased|decreased|dropped|rose|fell|went|reached|stayed|at|on|in|with|for|and|or|the|a|an|vs|than)\b/i;

/**
 * `Accuracy: 0.869 ± 0.012` (or `Accuracy = 0.91`, `Accuracy — 0.91`, `AUROC 0.921`): one test metric, with where its value starts;
 * undefined for anything else. A closing aside is the metric's note (`(5 seeds)`), or part of its
 * name when it says which figure it is (`Latency: 45 ms (p95)` → "Latency (p95)").
 */
function metricItem(item: ListItem) {
  const split = splitKeyValue(item.text) ?? splitEquals(item.text) ?? splitDash(item.text) ?? splitSpace(item.text);
  const key = split ? stripEmphasis(split.key).trim() : '';
  const statement = split && key !== '' && !item.nested ? parseMetricStatementWithAside(stripEmphasis(split.value)) : undefined;
  if (!split || !statement) return undefined;
  const { qualifier, ...read } = statement;
  return {
    key: qualifier === undefined ? key : `${key} (${qualifier})`,
    read,
    at: { line: item.position.line, column: item.position.column + split.valueOffset },
  };
}

type ListItem = { text: string; position: SourcePosition; nested?: unknown };

/**
 * `- Precision/Recall/F1: 0.81/0.77/0.79`, `P@5 / R@5: 0.42 / 0.31`, `test loss, test acc: [0.1266,
 * 0.9629]` (as Keras' guide prints `model.evaluate()`'s return value): names, then as many values in
 * the same order — an item per metric, each value placed where it is written. Undefined unless every
 * name is a metric Logbook knows and every value reads as one (`Train/Val/Test: …` names splits).
 */
function pairedMetrics(item: ListItem): ListItem[] | undefined {
  const split = splitKeyValue(item.text);
  // `test loss, test acc: [0.1266, 0.9629]`: names with commas between, and a printed list of their values.
  const list = split === undefined ? null : /^\[([^[\]]*)\]$/.exec(split.value);
  const separator = list !== null && split?.key.includes(',') ? ',' : '/';
  if (split === undefined || !split.key.includes(separator)) return undefined;
  const names = stripEmphasis(split.key)
    .split(separator)
    .map((name) => name.trim());
  const values = [...(list?.[1] ?? split.value).matchAll(separator === ',' ? /[^,]+/g : /[^/]+/g)];
  // A list's values start after its `[`.
  const from = split.valueOffset + (list === null ? 0 : 1);
  if (names.length < 2 || names.length !== values.length) return undefined;
  if (names.some((name) => name === '' || metricInfo(name).kind === null)) return undefined;
  if (values.some((value) => typeof parseMetricCell(stripEmphasis(value[0]).trim())?.value !== 'number')) return undefined;
  return names.map((name, index) => {
    const value = values[index] as RegExpExecArray;
    const column = item.position.column + from + value.index + (value[0].length - value[0].trimStart().length);
    // Written as `name: value`, placed so that the value starts where it is written.
    return { text: `${name}: ${value[0].trim()}`, position: { line: item.position.line, column: column - name.length - 2 } };
  });
}

/**
 * `- Test: 313/313 [====] - 1s 3ms/step - loss: 0.2714 - accuracy: 0.9123`, `- BLEU = 34.21
 * 60.1/40.2/28.3/20.1 (BP = 0.980 …)`: a line a tool prints (Keras' `model.evaluate()`,
 * `kerasEvaluation`; sacrebleu, `sacrebleuScores`), alone or after a label naming the test results
 * (`Test`, `Test set`, `Evaluation`): an item per metric, written as `name: value`, placed so that the
 * value is where it is printed. Undefined for any other item, and for a line labelled with another
 * split (`Val: …`), which is no test metric.
 */
function printedItem(item: ListItem): ListItem[] | undefined {
  const split = splitKeyValue(item.text);
  const labelled = split !== undefined && RESULTS_LABEL.test(normalizeLabel(stripEmphasis(split.key)));
  const offset = labelled ? split.valueOffset : 0;
  const at = { line: item.position.line, column: item.position.column + offset };
  const printed = item.text.slice(offset);
  const metrics = kerasEvaluation(printed, at) ?? sacrebleuScores(printed, at);
  return metrics?.map((m) => {
    const written = /^\S+/.exec(item.text.slice(m.position.column - item.position.column))?.[0] ?? '';
    return { text: `${m.metric}: ${written}`, position: { line: item.position.line, column: m.position.column - m.metric.length - 2 } };
  });
}

/**
 * `- Top-1: 76.1 / Top-5: 92.9` (or `;`, `|` between): several metrics in one item, as the items
 * each would be, placed where each is written; any other item as it is. Split only when every part
 * is a metric (`metricItem`): a `/` inside one value (`1.2 / 1.4 s`) keeps the item whole.
 */
function metricParts(item: ListItem): ListItem[] {
  if (item.nested) return [item];
  const paired = pairedMetrics(item) ?? printedItem(item);
  if (paired !== undefined) return paired;
  const parts = [...item.text.matchAll(/[^/;|]+/g)];
  if (parts.length < 2) return [item];
  const split = parts.map((part) => {
    const lead = part[0].length - part[0].trimStart().length;
    return { text: part[0].trim(), position: { line: item.position.line, column: item.position.column + part.index + lead } };
  });
  return split.every((part) => splitKeyValue(part.text) !== undefined && metricItem(part) !== undefined) ? split : [item];
}

/** Whether the items read by `metricItem` make a metric list: all of them, or at least two and most. */
function isMetricMajority(read: readonly (ReturnType<typeof metricItem> | undefined)[]): boolean {
  const metrics = read.filter((m) => m !== undefined).length;
  return read.length > 0 && (metrics === read.length || (metrics >= 2 && metrics * 2 > read.length));
}

/**
 * True when a list is a list of test metrics (see `metricItem`): every item, or at least two and most
 * of them, or some of them and the rest lines naming a metric Logbook knows (`Recall = 0.812 (±0.9%)`).
 */
export function isTestMetricList(items: readonly ListItem[]): boolean {
  const parts = items.flatMap(metricParts);
  return readsAsMetricList(parts, parts.map(metricItem));
}

/** Whether list items read by `metricItem` (`metrics`) are a list of test metrics (see `isTestMetricList`). */
function readsAsMetricList(items: readonly ListItem[], metrics: readonly (ReturnType<typeof metricItem> | undefined)[]): boolean {
  return (
    isMetricMajority(metrics) ||
    (metrics.some((m) => m !== undefined) && items.every((item, i) => metrics[i] !== undefined || namesKnownMetric(item.text)))
  );
}

/**
 * scikit-learn's `classification_report` as printed (a `precision recall f1-score support` header,
 * a row per class, then `accuracy` and the averaged rows): its accuracy and averaged precision,
 * recall and F1 as test metrics (`Macro F1`, `Weighted Recall`, …), each at the column it was
 * written in. The per-class rows are not test metrics; the block stays on the page as written.
 * Undefined when the text is not such a report.
 */
export function classificationReport(
  text: string,
  start: SourcePosition,
): { metric: string; value: number; position: SourcePosition }[] | undefined {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  if (!/^\s*precision\s+recall\s+f1-score\s+support\s*$/i.test(lines[headerAt] ?? '')) return undefined;
  const metrics: { metric: string; value: number; position: SourcePosition }[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const row = /^\s*(\S.*?)((?:\s+\d+(?:\.\d+)?)+)\s*$/.exec(line);
    if (!row?.[1] || row[2] === undefined) {
      if (line.trim() !== '') return undefined;
      continue;
    }
    // Each number at its own column, so its written precision (0.90: two places) is read from the source.
    const numbersFrom = (/^\s*/.exec(line)?.[0].length ?? 0) + row[1].length;
    const numbers = [...row[2].matchAll(/\d+(?:\.\d+)?/g)].map((m) => ({
      value: Number(m[0]),
      position: { line: start.line + i, column: start.column + numbersFrom + (m.index ?? 0) },
    }));
    const label = row[1].trim().toLowerCase();
    if (label === 'accuracy' && numbers.length >= 2) {
      const at = numbers[numbers.length - 2];
      if (at) metrics.push({ metric: 'Accuracy', ...at });
    } else if (REPORT_AVERAGES[label] !== undefined && numbers.length === 4) {
      ['Precision', 'Recall', 'F1'].forEach((name, k) => {
        const at = numbers[k];
        if (at) metrics.push({ metric: `${REPORT_AVERAGES[label]} ${name}`, ...at });
      });
    } else if (numbers.length !== 4) return undefined;
  }
  return metrics.length > 0 ? metrics : undefined;
}

/** A number as Python prints it, `None`/`null`/`NaN` for none. */
const PRINTED_NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|None|null|NaN|nan`;
/** A NumPy scalar or a tensor as NumPy ≥ 2 and PyTorch print them: `np.float64(0.871)`, `tensor(0.8710)`. */
const PRINTED_WRAPPER = String.raw`(?:(?:np|numpy)\.(?:float|int)(?:16|32|64)?|tensor)\(`;
/** What PyTorch prints after a tensor's value: `, device='cuda:0'`, `, dtype=torch.float64`. */
const TENSOR_ARGUMENTS = String.raw`(?:\s*,\s*(?:device|dtype|requires_grad|grad_fn)=[^,()]{1,40})*`;
/**
 * `'eval_loss': 0.2934`, `"accuracy": 0.91`, `'auroc': np.float64(0.871)`: one entry of a printed dict
 * or a JSON object, its value a number (or None/null/NaN), or a pair of numbers (`'auroc_ci': (0.862, 0.880)`).
 */
const DICT_ENTRY = new RegExp(
  String.raw`\s*(['"])([^'"\n]{1,100})\1\s*:\s*(?:${PRINTED_WRAPPER}(${PRINTED_NUMBER})${TENSOR_ARGUMENTS}\)|(${PRINTED_NUMBER})|[([]\s*(${PRINTED_NUMBER})\s*,\s*(${PRINTED_NUMBER})\s*[)\]])\s*(,|$)`,
  'y',
);
/** Keys of a printed dict that count or configure the run: W&B's `_step`, Lightning's `trainer/global_step`, a learning rate (`lr-AdamW`, `train/lr`). */
const DICT_BOOKKEEPING = /^_|(?:^|\/)global_step$|(?:^|[/_-])(?:lr|learning_rate)(?:$|[/_-])/i;

/** The key of a metric's interval in a printed dict: `auroc_ci`, `f1_ci95`, `acc-95ci`. */
const DICT_INTERVAL_KEY = /^(.+?)[\s_-]*(?:ci|ci95|95ci|ci_95|conf_int)$/i;

/** A metric read from printed output: its name as printed, its value, where the value is, and its interval when printed beside it. */
export interface PrintedMetric {
  metric: string;
  value: number | null;
  position: SourcePosition;
  ci95?: { low: number; high: number };
  /** `%` when printed as a percentage. */
  unit?: string;
  /** How the value was worked out, as printed with it (sacrebleu's signature). */
  note?: string;
}

/**
 * Metrics printed as one dict (`trainer.evaluate()`: `{'eval_loss': 0.2934, 'eval_accuracy': 0.8868,
 * 'epoch': 2.0}`; NumPy 2's `{'auroc': np.float64(0.871)}`) or a flat JSON object of numbers (a pasted
 * `metrics.json`): each number a test metric, named as printed, at its column; a pair under the
 * metric's name and `_ci` (`'auroc_ci': (0.862, 0.880)`) its interval. Timing and bookkeeping entries
 * (`eval_runtime`, `*_per_second`, `epoch`) are left out, as from a training log. Undefined unless
 * the text is one such dict with a metric in it, and each pair in it the interval of one of its metrics.
 */
export function metricsDict(printed: string, start: SourcePosition): PrintedMetric[] | undefined {
  if (printed.length > 20_000) return undefined;
  // `[{'test_loss': 0.23, …}]`, as Lightning's `trainer.test()` returns its one dict: the dict; and
  // W&B's bookkeeping written in a summary (`"_wandb": {"runtime": 172}`), blanked to spaces so that columns stay where they were.
  const text = printed
    .replace(/^(\s*)\[(\s*\{[^{}]*\}\s*)\](\s*)$/, '$1 $2 $3')
    .replace(/(['"])_[^'"\n]{0,40}\1\s*:\s*\{[^{}]{0,2000}\}\s*,?/g, (entry) => ' '.repeat(entry.length));
  const body = /^\s*\{([^{}]*)\}\s*$/.exec(text)?.[1];
  if (body === undefined) return undefined;
  const bodyAt = text.indexOf('{') + 1;
  const positionOf = (offset: number): SourcePosition => {
    const before = text.slice(0, offset);
    const newline = before.lastIndexOf('\n');
    const line = start.line + (before.match(/\n/g)?.length ?? 0);
    return { line, column: newline < 0 ? start.column + offset : offset - newline };
  };
  const metrics: PrintedMetric[] = [];
  const intervals: { name: string; low: number; high: number }[] = [];
  let at = 0;
  while (at < body.trimEnd().length) {
    DICT_ENTRY.lastIndex = at;
    const match = DICT_ENTRY.exec(body);
    if (match === null) return undefined;
    const [whole, , name = '', wrapped, bare, low, high] = match;
    at += whole.length;
    if (low !== undefined && high !== undefined) {
      intervals.push({ name, low: Number(low), high: Number(high) });
      continue;
    }
    const written = wrapped ?? bare ?? '';
    // `'eval_f1': None`: a metric with no value, listed as not measured rather than dropped.
    const value = /^(none|null|nan)$/i.test(written) ? null : Number(written);
    // `_step`, `_runtime` (W&B's own), `trainer/global_step`, `lr-AdamW`: bookkeeping, no metric.
    if (NOT_A_METRIC.test(name) || DICT_BOOKKEEPING.test(name) || (value !== null && !Number.isFinite(value))) continue;
    metrics.push({ metric: name, value, position: positionOf(bodyAt + match.index + whole.indexOf(written, whole.indexOf(':'))) });
  }
  // `{"train/loss": …, "val/wer": …, "test/wer": …}`: with test metrics among them, the other splits'
  // are not the test's; the training split's never are (`trainer.evaluate()`'s `eval_*` may be).
  const splitOf = (m: PrintedMetric): string | null => metricInfo(m.metric).split;
  const hasTest = metrics.some((m) => splitOf(m) === 'test');
  const kept = metrics.filter((m) => !(hasTest && splitOf(m) === 'val'));
  const notTraining = kept.filter((m) => splitOf(m) !== 'train');
  metrics.splice(0, metrics.length, ...(notTraining.length > 0 ? notTraining : kept));
  for (const { name, low, high } of intervals) {
    const of = DICT_INTERVAL_KEY.exec(name)?.[1]?.toLowerCase();
    const metric = metrics.find((m) => m.metric.toLowerCase() === of);
    // A pair that is no metric's interval is something else printed: not a dict of metrics.
    if (metric === undefined || !(low <= high)) return undefined;
    metric.ci95 = { low, high };
  }
  return metrics.length > 0 ? metrics : undefined;
}

/** Languages a block of printed output may be marked with. */
const PRINTED_OUTPUT_LANGS = /^(text|txt|plaintext|console|output|log|logs|shell|sh|bash|none)$/i;

/** The header `Trainer.log_metrics` prints above its metrics: `***** test metrics *****`. */
const TRAINER_HEADER = /^\*{3,}\s*(\w+)\s+metrics\s*\*{3,}$/i;
/** Where `written` stands in line `index` of a printed block starting at `start`, searched from `from`. */
function valueAt(line: string, index: number, from: number, written: string, start: SourcePosition): SourcePosition {
  const column = line.indexOf(written, from) + 1;
  return { line: start.line + index, column: index === 0 ? start.column + column - 1 : column };
}

/** One of its lines: `  test_accuracy = 0.8312` (the names padded to one column). */
const TRAINER_LINE = /^(\s*)([A-Za-z_][\w@/.-]{0,100}?)\s*=\s*(\S+)\s*$/;

/**
 * What Hugging Face's `Trainer.log_metrics` prints (`***** test metrics *****` over `test_accuracy
 * = 0.8312` lines), or lines of `name = value` alone: each number a test metric, named as printed,
 * at its column; timing and bookkeeping (`test_runtime = 0:00:12.31`, `*_per_second`, `epoch`) left
 * out. Undefined unless every line is one of these, one is a metric, and the header (when there is
 * one) does not name the training split; CatBoost's `bestTest = …` and `bestIteration = …`, the
 * training's best round (`bestRoundOf`), are none.
 */
export function trainerMetrics(text: string, start: SourcePosition): PrintedMetric[] | undefined {
  const lines = text.split('\n');
  if (lines.length > 2_000) return undefined;
  const metrics: PrintedMetric[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    // CatBoost's `bestTest = 0.3012` / `bestIteration = 412`: the training's best round on its eval set, no test metric.
    if (CATBOOST_BEST.test(line)) return undefined;
    const header = TRAINER_HEADER.exec(line.trim());
    if (header) {
      if (/^train/i.test(header[1] ?? '')) return undefined;
      continue;
    }
    const match = TRAINER_LINE.exec(line);
    if (match === null) return undefined;
    const [, lead = '', name = '', written = ''] = match;
    if (NOT_A_METRIC.test(name)) continue;
    const value = /^(none|null|nan)$/i.test(written) ? null : Number(written);
    if (value !== null && !Number.isFinite(value)) return undefined;
    metrics.push({ metric: name, value, position: valueAt(line, index, lead.length + name.length, written, start) });
  }
  return metrics.length > 0 ? metrics : undefined;
}

/** A line a script prints for one metric: `AUROC: 0.871`, `Test accuracy = 91.2%`. */
const PRINTED_LINE = /^(\s*)([A-Za-z][\w@/.()\- ]{0,60}?)\s*[:=]\s*(\S+?)\s*$/;

/**
 * Lines a script prints, one metric each (`print(f"AUROC: {auroc:.3f}")` → `AUROC: 0.871`): each a
 * test metric, named as printed, at its column. Undefined unless every line is one, with a number (or
 * a percentage), and names a metric Logbook knows — a block of `threshold: 0.5` is no result.
 */
export function printedMetricLines(text: string, start: SourcePosition): PrintedMetric[] | undefined {
  const lines = text.split('\n');
  if (lines.length > 200) return undefined;
  const metrics: PrintedMetric[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const match = PRINTED_LINE.exec(line);
    const [, lead = '', name = '', written = ''] = match ?? [];
    const value = parseNumber(written.replace(/%$/, ''));
    if (match === null || value === undefined || metricInfo(name).kind === null) return undefined;
    metrics.push({
      metric: name.trim(),
      value,
      ...(written.endsWith('%') ? { unit: '%' } : {}),
      position: valueAt(line, index, lead.length + name.length, written, start),
    });
  }
  return metrics.length > 0 ? metrics : undefined;
}

/**
 * A Keras progress line: the batch count (`313/313`), an optional bar (`[====]`, `━━━━`), the time
 * (`1s 3ms/step`), then ` - name: value` pairs.
 */
const KERAS_PROGRESS =
  /^\s*\d+\/\d+\s*(?:\[[=>.]*\]|[━─]+)?\s*(?:-\s*)?(?:\d+(?:\.\d+)?(?:ms|us|µs|s)(?:\/step)?\s*)*((?:-\s*[A-Za-z_]\w*:\s*\S+(?:\s+|$))+)$/;
const KERAS_PAIR = /-\s*([A-Za-z_]\w*):\s*(\S+)/g;

/**
 * What a script prints around `model.evaluate()`, as Keras' guide does: `Evaluate on test data` above
 * it (words, no number: `>>> model.evaluate(x_test, y_test)` too), `test loss, test acc: [0.1266…,
 * 0.9629…]` or the bare `[0.1266…, 0.9629…]` (its return value) below it.
 */
const KERAS_PRINTED = /^[^\d]*$|^\s*(?:[\w ,]{1,200}:\s*)?\[\s*-?[\d.]+(?:e-?\d+)?(?:\s*,\s*-?[\d.]+(?:e-?\d+)?){0,50}\s*\]\s*$/i;

/**
 * What `model.evaluate()` prints in Keras (`313/313 [====] - 1s 3ms/step - loss: 0.9950 - accuracy:
 * 0.6512`; Keras 3: `313/313 ━━━━ 1s 3ms/step - accuracy: 0.6512 - loss: 0.9950`): its last progress
 * line's metrics, each at its column. Undefined unless every line of the text is such a line, or
 * what a script prints around it (`KERAS_PRINTED`: a training log, with its `Epoch 1/10` lines, is the
 * training's), there is a progress line, and every value is a number.
 */
export function kerasEvaluation(text: string, start: SourcePosition): PrintedMetric[] | undefined {
  const lines = text.split('\n');
  if (text.length > 20_000 || lines.some((line) => line.trim() !== '' && !KERAS_PROGRESS.test(line) && !KERAS_PRINTED.test(line)))
    return undefined;
  const index = lines.findLastIndex((line) => line.trim() !== '' && KERAS_PROGRESS.test(line));
  if (index < 0) return undefined;
  const line = lines[index] ?? '';
  const metrics: PrintedMetric[] = [];
  for (const pair of line.matchAll(KERAS_PAIR)) {
    const [whole, name = '', written = ''] = pair;
    const value = parseNumber(written);
    if (value === undefined) return undefined;
    if (NOT_A_METRIC.test(name)) continue;
    const column = pair.index + whole.length - written.length;
    metrics.push({ metric: name, value, position: { line: start.line + index, column: (index === 0 ? start.column : 1) + column } });
  }
  return metrics.length > 0 ? metrics : undefined;
}

/** sacrebleu's metrics: BLEU, chrF (`chrF2`, `chrF2++`) and TER. */
const SACREBLEU_METRIC = String.raw`BLEU|chrF\d*\+{0,2}|TER`;
/**
 * A score line sacrebleu prints: `BLEU = 34.21 60.1/40.2/28.3/20.1 (BP = 0.980 …)`, with its signature
 * after the name in `--format text` (`BLEU|nrefs:1|case:mixed|…|version:2.3.1 = 34.21 …`) or sacrebleu
 * 1's (`BLEU+case.mixed+numrefs.1+…+version.1.4.14 = 34.21 …`). Groups: the name, the signature, the score.
 */
const SACREBLEU_SCORE = new RegExp(
  String.raw`^\s*(${SACREBLEU_METRIC})((?:[|+][\w.:-]{1,60}){0,20})\s*=\s*(\d+(?:\.\d+)?)(?:\s+\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?){3})?(?:\s*\([^()]{0,300}\))?\s*$`,
);
/** The command that ran sacrebleu, pasted above its output: `$ sacrebleu ref.de -i hyp.de -m bleu chrf`, `!python -m sacrebleu …`. */
const SACREBLEU_COMMAND = /^\s*(?:[$%>!]\s*)?(?:python3? -m )?sacrebleu(?:\s|$)/;
/** sacrebleu's signature on a line of its own (`print(bleu.get_signature())`): `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.3.1`. */
const SACREBLEU_SIGNATURE = /^\s*((?:nrefs|numrefs)[:.]\d+(?:\|[\w.:-]{1,60}){1,20})\s*$/;

/**
 * What sacrebleu prints for a corpus: a score line per metric (`SACREBLEU_SCORE`; `BLEU = 34.21
 * 60.1/40.2/28.3/20.1 (BP = 0.980 …)`), the signature on a line of its own, or the JSON its command
 * prints (`{"name": "BLEU", "score": 34.2, "signature": "nrefs:1|…", …}`, or a list of them): each
 * score a test metric named as sacrebleu names it (`BLEU`, `chrF2`), at its column, its signature
 * (how it was tokenized and smoothed, what makes two scores comparable) its note. The n-gram
 * precisions and the brevity penalty are no metrics of their own; the command that ran it may be
 * pasted above. Undefined unless every line is one of these and one is a score.
 */
export function sacrebleuScores(text: string, start: SourcePosition): PrintedMetric[] | undefined {
  if (text.length > 20_000) return undefined;
  if (/^\s*[[{]/.test(text)) return sacrebleuJson(text, start);
  const lines = text.split('\n');
  const metrics: PrintedMetric[] = [];
  let signature: string | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || SACREBLEU_COMMAND.test(line)) continue;
    const own = SACREBLEU_SIGNATURE.exec(line);
    if (own !== null) {
      signature = own[1];
      continue;
    }
    const score = SACREBLEU_SCORE.exec(line);
    const [, name = '', signed = '', written = ''] = score ?? [];
    if (score === null) return undefined;
    metrics.push({
      metric: name,
      value: Number(written),
      position: valueAt(line, index, line.indexOf('=', line.indexOf(name) + name.length + signed.length), written, start),
      ...(signed === '' ? {} : { note: signed.slice(1) }),
    });
  }
  // The signature printed on a line of its own is the scores' printed without one.
  return metrics.length > 0
    ? metrics.map((m) => (m.note === undefined && signature !== undefined ? { ...m, note: signature } : m))
    : undefined;
}

/** sacrebleu's JSON output: an object (or a list of them) with its `name`, `score` and `signature`. */
function sacrebleuJson(text: string, start: SourcePosition): PrintedMetric[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const scores = Array.isArray(parsed) ? parsed : [parsed];
  const metrics: PrintedMetric[] = [];
  let from = 0;
  for (const score of scores) {
    if (!isPlainObject(score)) return undefined;
    const { name, score: value, signature } = score;
    if (typeof name !== 'string' || !new RegExp(`^(?:${SACREBLEU_METRIC})$`).test(name) || typeof value !== 'number') return undefined;
    // Each score found after the one before it, so that it is placed where it was printed.
    const key = /"score"\s*:\s*/g;
    key.lastIndex = from;
    const at = key.exec(text);
    const offset = at === null ? 0 : at.index + at[0].length;
    from = offset;
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const column = offset - (before.lastIndexOf('\n') + 1);
    metrics.push({
      metric: name,
      value,
      position: { line: start.line + line, column: (line === 0 ? start.column : 1) + column },
      ...(typeof signature === 'string' ? { note: signature } : {}),
    });
  }
  return metrics.length > 0 ? metrics : undefined;
}

/** The header of the table Ultralytics YOLO's validation prints: `Class Images Instances Box(P R mAP50 mAP50-95)` (YOLOv5: `Labels`, `mAP@.5`). */
const YOLO_HEADER = /^\s*Class\s+Images\s+(?:Instances|Labels)\s+(.+?)\)?(?::\s.*)?$/;
/** A row of that table: the class (`all`, `person`, `traffic light`), its image and instance counts, then the values. */
const YOLO_ROW = /^(\s*)(\S(?:.*?\S)?)\s+(\d+)\s+(\d+)((?:\s+\d+(?:\.\d+)?){1,16})\s*$/;
/** What YOLO prints after the table: the speed per image, where results went. */
const YOLO_AFTER = /^\s*(?:Speed:|Results saved to\b)/;
/** Its column names as Logbook names the metrics: `P` → `Precision`, `R` → `Recall`. */
const YOLO_NAMES: Readonly<Record<string, string>> = { P: 'Precision', R: 'Recall' };
/** The same header as a Markdown table's (normalized, joined with ` | `): `| Class | Images | Instances | P | R | mAP50 | mAP50-95 |`. */
export const YOLO_TABLE_HEADER = /^class \| images \| (?:instances|labels) \| (?:box )?p \| r \| map/;

/**
 * The table Ultralytics YOLO's `val` prints (`Class Images Instances Box(P R mAP50 mAP50-95)` over
 * an `all` row and a row per class): the `all` row's values as the test metrics — `Precision`,
 * `Recall`, `mAP50`, `mAP50-95`, each at its column; with a second group of columns (a segmentation
 * model's `Box(…) Mask(…)`) named with their group (`Box mAP50`, `Mask mAP50`). The rows per class
 * are the model's classes, not groups of people: not read. Lines before the header (the model's
 * summary, the data scan) are the run's log. Undefined unless the text holds the header and its `all`
 * row, every value of it a number.
 */
export function yoloValidation(text: string, start: SourcePosition): PrintedMetric[] | undefined {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.length > 2_000) return undefined;
  const headerAt = lines.findIndex((line) => line.length < 2_000 && YOLO_HEADER.test(line));
  const header = YOLO_HEADER.exec(lines[headerAt] ?? '');
  if (header === null) return undefined;
  // `Box(P R mAP50 mAP50-95) Mask(P R mAP50 mAP50-95)`: each group's columns, named with it when there are two.
  const groups = [...(header[1] ?? '').matchAll(/\s*(?:(\w+)\()?([^()]+)\)?/g)].filter((m) => (m[2] ?? '').trim() !== '');
  const names = groups.flatMap((m) =>
    (m[2] ?? '')
      .trim()
      .split(/\s+/)
      .map((name) => YOLO_NAMES[name] ?? name)
      .map((name) => (groups.length > 1 && m[1] !== undefined ? `${m[1]} ${name}` : name)),
  );
  let metrics: PrintedMetric[] | undefined;
  for (let index = headerAt + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '' || YOLO_AFTER.test(line)) continue;
    // A row is a class's name and up to 18 numbers: a longer line is something else (and is not scanned).
    const row = line.length > 400 ? null : YOLO_ROW.exec(line);
    if (row === null) return undefined;
    const values = [...(row[5] ?? '').matchAll(/\d+(?:\.\d+)?/g)];
    if (values.length !== names.length) return undefined;
    if (row[2] !== 'all') continue;
    const from = line.length - (row[5] ?? '').length;
    metrics = values.map((value, k) => ({
      metric: names[k] ?? '',
      value: Number(value[0]),
      position: valueAt(line, index, from + value.index, value[0], start),
    }));
  }
  return metrics;
}

/** Languages a pasted metrics file is marked with: `metrics.yaml`, `metrics.json`. */
const DOCUMENT_LANGS = /^(ya?ml|json)$/i;

/**
 * A pasted metrics file (a ```yaml or ```json block): a map of numbers (`auc: 0.912`), or of data
 * splits each holding one (`test: {auc: 0.912}`, `val: …`, as DVC's `metrics.yaml` often is), of
 * which the test split's are the test metrics (the block, with the other splits, stays on the page).
 * Each at its value's line and column; bookkeeping entries left out as from a log. Undefined otherwise.
 */
export function metricsDocument(text: string, start: SourcePosition, lang: string | null | undefined): PrintedMetric[] | undefined {
  if (!lang || !DOCUMENT_LANGS.test(lang) || text.length > 20_000) return undefined;
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const positionOf = (offset: number): SourcePosition => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line += 1;
    return { line: start.line + line, column: (line === 0 ? start.column : 1) + offset - (lineStarts[line] ?? 0) };
  };
  const numbers = (map: YAMLMap): PrintedMetric[] | undefined => {
    const read: PrintedMetric[] = [];
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (key === undefined || !isScalar(pair.value) || (typeof value !== 'number' && value !== null)) return undefined;
      if (NOT_A_METRIC.test(key)) continue;
      read.push({
        metric: key,
        value: typeof value === 'number' && Number.isFinite(value) ? value : null,
        position: positionOf(pair.value.range?.[0] ?? 0),
      });
    }
    return read.length > 0 ? read : undefined;
  };
  const flat = numbers(doc.contents);
  if (flat !== undefined) return flat;
  const splits = doc.contents.items.filter((pair) => isScalar(pair.key) && isMap(pair.value));
  if (splits.length !== doc.contents.items.length) return undefined;
  const test = splits.find((pair) => TEST_SPLIT.test(String((pair.key as Scalar).value)));
  return test !== undefined && isMap(test.value) ? numbers(test.value) : undefined;
}

/** The metrics a printed block holds: a classification report, a printed dict of metrics or a pasted metrics file. */
function printedMetrics(text: string, start: SourcePosition, lang?: string | null): PrintedMetric[] | undefined {
  return (
    metricsDocument(text, start, lang) ??
    classificationReport(text, start) ??
    metricsDict(text, start) ??
    kerasEvaluation(text, start) ??
    sacrebleuScores(text, start) ??
    yoloValidation(text, start) ??
    // `auc = 0.9` in a ```toml block is a configuration, not printed output.
    (lang === undefined || lang === null || PRINTED_OUTPUT_LANGS.test(lang)
      ? (trainerMetrics(text, start) ?? printedMetricLines(text, start))
      : undefined)
  );
}

/**
 * Test metrics from a classification report or a printed dict of metrics pasted under the entry
 * (a code block), or a dict written as the label's value; true when read.
 */
function printedBlockMetrics(entry: Entry, ctx: Context, options: { besideTable?: boolean } = {}): boolean {
  const found = firstCodeRead(entry, ctx, (node) => {
    const { text, position } = codeOf(node);
    return printedMetrics(text, position, node.lang);
  });
  const path: FieldPath = ['evaluation', 'testMetrics'];
  const known = new Set(testMetricsSoFar(ctx).map((m) => metricInfo(m.metric).key));
  const read =
    options.besideTable === true
      ? found?.value.filter((m) => !known.has(metricInfo(m.metric).key))
      : (found?.value ??
        (entry.value === ''
          ? undefined
          : (metricsDict(entry.value, entry.position) ??
            kerasEvaluation(entry.value, entry.position) ??
            sacrebleuScores(entry.value, entry.position))));
  if (read === undefined) return false;
  const offset = ctx.b.lengthOf(path);
  read.forEach((m, index) => {
    const { position: _at, ...metric } = m;
    ctx.b.set([...path, offset + index], metric, m.position);
    for (const field of ['metric', 'value']) ctx.b.mark([...path, offset + index, field], m.position);
  });
  if (offset === 0) ctx.b.mark(path, found === undefined ? entry.position : codeOf(found.node).position);
  return true;
}

/**
 * Test metrics written as a list, one `Metric: value` item each (`- Accuracy: 86.9% (95% CI 86.2–87.6%)`,
 * `- F1: .829 ± .013`): read when every item is one, or at least two and most are. Items that are not
 * (`- Accuracy: ~87%`) are kept beside them as notes, with a warning naming each; a list of anything
 * else (notes, a link) stays in the section as written.
 */
function testMetricList(entry: Entry, ctx: Context): void {
  const list = unreadList(entry, ctx);
  if (!list) return;
  const items = itemsOf(ctx.source, list).flatMap(metricParts);
  const metrics = items.map(metricItem);
  // `- Recall = 0.812 (±0.9%)` beside `- F1: 0.826 ± 0.7 pp`: a metric Logbook knows with a value it
  // cannot read whole is still a metric line — the rest are read, and the warning says which was not
  // (the list stayed prose, silently).
  if (!readsAsMetricList(items, metrics)) return;
  ctx.consumed.add(list);
  const path: FieldPath = ['evaluation', 'testMetrics'];
  const offset = ctx.b.lengthOf(path);
  const read = items.flatMap((item, i) => {
    const m = metrics[i];
    return m === undefined ? [] : [{ item, m }];
  });
  // `## Results (mean ± std over 5 seeds)`: each `±` under it is that spread, not an interval.
  const spread = spreadOver(entry, ctx);
  read.forEach(({ item, m }, index) => {
    ctx.b.set([...path, offset + index], { metric: m.key, ...withStatedSpread(m.read, item.text, spread) }, item.position);
    ctx.b.mark([...path, offset + index, 'metric'], item.position);
    ctx.b.mark([...path, offset + index, 'value'], m.at);
  });
  if (offset === 0 && items[0]) ctx.b.mark(path, items[0].position);
  // Items that are not metrics: one note beside the test metrics (`testMetricsNote`, shown on the page), a warning for each.
  const unread = items.filter((_item, i) => metrics[i] === undefined);
  if (unread.length === 0) return;
  const note: FieldPath = ['evaluation', 'testMetricsNote'];
  ctx.b.set(note, unread.map((item) => item.text).join('\n'), unread[0]?.position);
  for (const item of unread)
    ctx.b.notes.push({
      path: note,
      position: item.position,
      label: 'Test Set Performance',
      message: msg.metricItemKeptAsNote(item.text),
      hint: msg.hintMetricItemKeptAsNote(),
    });
}

/** `Recall = 0.812 (±0.9%)`, `**AUC**: 0.91 ~`: a line naming a metric Logbook knows, then something with a digit. */
function namesKnownMetric(text: string): boolean {
  const line = /^\s*([A-Za-z][\w@\-\s()/.]{0,40}?)\s*[:=]\s*(.*\d.*)$/.exec(stripEmphasis(text));
  return line?.[1] !== undefined && metricInfo(line[1]).kind !== null;
}

/** The first column of a wide table with a row per data split (`| Split | Accuracy | F1 |`). */
const SPLIT_COLUMN = /^(split|set|data ?set|subset|partition)$/i;
/** A column of a test-metric table holding one data split's values (`Val`, `Test`, `Train set`). */
const SPLIT_HEADER = /^(train(ing)?|val(id(ation)?)?|dev|test(ing)?|held ?out|holdout)( set| split)?$/;
/** The row of that table holding the test set's metrics. */
const TEST_SPLIT = /^(test|testing|held[- ]?out|holdout)\b/i;

/**
 * One row of `evaluation.metricsBySplit`: the split's name under `splitKey`, then each metric's
 * value as written (emphasis removed; unnamed, unfilled and placeholder-named metrics left out).
 */
function splitRow(splitKey: string, split: string, metrics: readonly (readonly [string, string])[]): Record<string, string> {
  const row: Record<string, string> = {};
  setOwn(row, splitKey, stripEmphasis(split));
  for (const [name, text] of metrics) {
    const metric = stripEmphasis(name);
    const value = stripEmphasis(text);
    if (metric !== '' && value !== '' && !isPlaceholder(metric)) setOwn(row, metric, value);
  }
  return row;
}

/**
 * A test-metric table written wide: one column per metric over one row of values
 * (`| Accuracy | F1 |` over `| 0.871 ± 0.006 | 0.842 |`), or over a row per data split, of which the
 * Test row is read (`| Split | Accuracy |` … `| Test | 0.871 |`; the whole table is also kept, as
 * `evaluation.metricsBySplit`). Read when no column names the metrics and every filled cell of the
 * row reads as a metric statement (`parseMetricStatement`); true when it was read.
 */
/** A table with an empty corner whose rows are each a data split (`| | Accuracy |` over `| val |`, `| test |`). */
function splitRowsUnderEmptyCorner(table: TableData): boolean {
  return (
    stripEmphasis(table.header[0]?.text ?? '') === '' &&
    table.rows.length > 0 &&
    table.rows.every((cells) => SPLIT_HEADER.test(normalizeLabel(stripEmphasis(cells[0]?.text ?? ''))))
  );
}

function wideTestMetrics(table: TableData, position: SourcePosition, ctx: Context): boolean {
  const bySplit = SPLIT_COLUMN.test(stripEmphasis(table.header[0]?.text ?? '')) || splitRowsUnderEmptyCorner(table);
  const first = bySplit ? 1 : 0;
  const row = bySplit
    ? table.rows.find((cells) => TEST_SPLIT.test(stripEmphasis(cells[0]?.text ?? '')))
    : table.rows.length === 1
      ? table.rows[0]
      : undefined;
  const columns = table.header.slice(first);
  if (row === undefined || columns.length < 2 - first) return false;
  if (columns.some((head) => head.text === '' || /^(metric|name|measure)s?$/i.test(stripEmphasis(head.text)))) return false;
  const read = columns.map((_, index) => {
    const text = stripEmphasis(row[first + index]?.text ?? '');
    if (isNotMeasured(text)) return { value: null };
    return parseMetricStatement(text);
  });
  if (read.some((r) => r === undefined) || read.every((r) => r?.value === null)) return false;
  const path: FieldPath = ['evaluation', 'testMetrics'];
  const offset = ctx.b.lengthOf(path);
  const metrics = columns.map((head, index) => ({ metric: stripEmphasis(head.text), ...read[index] }));
  metrics.forEach((metric, index) => {
    const cell = row[first + index];
    ctx.b.set([...path, offset + index], metric, cell?.position ?? position);
    ctx.b.mark([...path, offset + index, 'metric'], columns[index]?.position ?? position);
    if (cell) ctx.b.mark([...path, offset + index, 'value'], cell.position);
  });
  if (offset === 0) ctx.b.mark(path, position);
  if (bySplit) {
    const splitKey = stripEmphasis(table.header[0]?.text ?? '') || 'Split';
    const rows = table.rows.map((cells) =>
      splitRow(
        splitKey,
        cells[0]?.text ?? '',
        columns.map((head, index) => [head.text, cells[first + index]?.text ?? '']),
      ),
    );
    ctx.b.set(['evaluation', 'metricsBySplit'], rows, position);
  }
  return true;
}

/** The test-metric table: metric, value (a `%` value keeps percent with unit "%"), 95% CI; or a list (`testMetricList`). */
/** Columns of a test-metric table with a spread that is not a 95% interval, and the field each is kept as. */
const SPREAD_COLUMNS: readonly [RegExp, string][] = [
  [/^(std|sd|stdev|std dev|stddev|standard deviation|sigma|σ)$/, 'std'],
  [/^(se|sem|std err(or)?|standard error( of the mean)?)$/, 'standardError'],
];

/** Words a header of an interval's bound may hold besides the bound's own (`95% CI low`, `Lower bound`, `CI (upper)`). */
const BOUND_WORDS: ReadonlySet<string> = new Set(['95', 'ci', 'conf', 'confidence', 'interval', 'bound', 'limit', 'of', 'the']);

/** Which bound of the 95% interval a column holds by its header (`Lower`, `95% CI high`, `2.5%`, `UCL`), if one. */
function boundColumn(header: string): 'low' | 'high' | undefined {
  const words = header
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim()
    .split(' ');
  if (words.length === 1 && /^(?:2\.5|p2\.5|lcl)$/.test(words[0] ?? '')) return 'low';
  if (words.length === 1 && /^(?:97\.5|p97\.5|ucl)$/.test(words[0] ?? '')) return 'high';
  const bounds = words.filter((word) => !BOUND_WORDS.has(word));
  if (bounds.length !== 1) return undefined;
  return /^(?:low|lower|lo)$/.test(bounds[0] ?? '') ? 'low' : /^(?:high|upper|hi)$/.test(bounds[0] ?? '') ? 'high' : undefined;
}

/** A column of a test-metric table holding a baseline's values: `v6 (baseline)`, `Previous`, `Reference`. */
const BASELINE_COLUMN = /\bbaselines?\b|\bprev(ious)?\b|\bold\b|\breference\b|\bbefore\b|\bcontrol\b/;
/** A column of the change from a baseline, as written: kept beside the metric as text (the analysis computes its own). */

/**
 * A baseline column of the test-metric table as a row of the baseline comparison, labelled by its
 * header: each metric's value (a `± …` written with it kept in the row's `ci95`, by metric).
 */
function baselineColumn(table: TableData, position: SourcePosition, ctx: Context, metric: number, index: number): void {
  const at = ctx.b.lengthOf(['comparison', 'baselines']);
  const path: FieldPath = ['comparison', 'baselines', at];
  const metrics: Record<string, unknown> = {};
  const intervals: Record<string, unknown> = {};
  for (const row of table.rows) {
    const cell = row[index];
    const name = mapMetricKey(stripEmphasis(row[metric]?.text ?? ''), [cell]);
    if (name === '' || cell === undefined || isNotMeasured(stripEmphasis(cell.text))) continue;
    const text = stripEmphasis(cell.text);
    const statement = parseMetricCell(text) === undefined ? parseMetricStatement(text) : undefined;
    setOwn(metrics, name, statement?.value ?? metricCell(cell));
    ctx.b.mark([...path, 'metrics', name], cell.position);
    if (statement?.ci95 !== undefined) {
      setOwn(intervals, name, statement.ci95);
      ctx.b.mark([...path, 'ci95', name], cell.position);
    }
  }
  const head = table.header[index];
  const label = stripEmphasis(head?.text ?? '');
  const id = idInLabel(label);
  ctx.b.set(
    path,
    {
      label,
      ...(id === undefined ? {} : { experimentId: id }),
      metrics,
      ...(Object.keys(intervals).length > 0 ? { ci95: intervals } : {}),
    },
    head?.position ?? position,
  );
  ctx.b.mark([...path, 'label'], head?.position ?? position);
}

/** A change column (`Δ`, `+3.5pp`) of the test-metric table as improvement claims, against the one baseline column when there is one. */
function claimsColumn(table: TableData, ctx: Context, metric: number, index: number, reference: string | undefined): void {
  for (const row of table.rows) {
    const name = stripEmphasis(row[metric]?.text ?? '');
    const cell = row[index];
    const text = stripEmphasis(cell?.text ?? '');
    if (name === '' || cell === undefined || isNotMeasured(text) || isPlaceholder(text)) continue;
    appendClaim(ctx, parseClaim(name, text), reference, cell.position);
  }
}

/** Labels that name the test results as a whole, not one metric (`**Test set**: …`, `**Results**: …`), normalized. */
const RESULTS_LABEL =
  /^(?:(?:test|eval|evaluation|held ?out|holdout)(?: (?:set|split|data))? ?)?(?:performance|results?|metrics?|scores?)?$/;
/**
 * Labels that count the test set or the runs, set the model's operating point, or name a version
 * rather than measure the model (`Test set size: 12,408`, `Seeds: 5`, `Threshold: 0.42`, `Model version: 3`, `Params: 22M`).
 */

/**
 * One test metric written as a label line with nothing under it — `**F1 score**: 0.82 ± 0.01`,
 * `Test accuracy: 89.1%`, or a `Metric: value` line of its own under the section's heading
 * (`AUC: 0.912 (95% CI 0.897–0.927)`, which `metricLineLabel` labels as the test results) —
 * added to the test metrics; true when read. The value must read as a metric statement; a label
 * for the test set as a whole or its size (`**Test set**: 12,408 reviews`) names no metric.
 */
export function labelMetric(entry: Entry, ctx: Context): boolean {
  if (entry.value === '' || isPlaceholder(entry.value)) return false;
  let metric: { key: string; read: NonNullable<ReturnType<typeof parseMetricStatementWithAside>>; at: SourcePosition } | undefined;
  // The results' label with a metric on its line (`AUROC 0.921 (95% CI …)` over a list of more): that one, then what is under it.
  if (RESULTS_LABEL.test(entry.norm)) metric = metricItem({ text: entry.value, position: entry.position });
  else if (entry.blocks.length > 0) return false;
  else if (!NOT_A_METRIC_LABEL.test(entry.norm)) {
    const read = parseMetricStatementWithAside(stripEmphasis(entry.value));
    // `**Latency** (p95): 45`, `**Latency** (ms): 45`: an aside that names the figure or its unit is part of the name; others are a note.
    const aside = entry.qualifier.trim();
    const naming = aside !== '' && (isNamingAside(aside) || normalizeUnit(aside) !== null);
    if (read !== undefined)
      metric = {
        key: naming ? `${entry.label} (${aside})` : entry.label,
        read: aside === '' || naming ? read : { ...read, note: read.note === undefined ? aside : `${aside}; ${read.note}` },
        at: entry.position,
      };
  }
  if (metric === undefined) return false;
  const { qualifier, ...read } = withStatedSpread(metric.read, entry.value, spreadOver(entry, ctx));
  const path: FieldPath = ['evaluation', 'testMetrics', ctx.b.lengthOf(['evaluation', 'testMetrics'])];
  ctx.b.set(path, { metric: qualifier === undefined ? metric.key : `${metric.key} (${qualifier})`, ...read }, entry.position);
  ctx.b.mark([...path, 'metric'], entry.position);
  ctx.b.mark([...path, 'value'], metric.at);
  return true;
}

/** A line of its own under the evaluation heading that is one metric and its value (`AUC: 0.912`) or a printed dict of metrics: the test results' label. */
export function metricLineLabel(text: string): string | undefined {
  const origin = { line: 1, column: 1 };
  return metricItem({ text: text.trim(), position: origin }) === undefined &&
    metricsDict(text, origin) === undefined &&
    kerasEvaluation(text, origin) === undefined &&
    sacrebleuScores(text, origin) === undefined
    ? undefined
    : 'Test Set Performance';
}

/** A classification report or a printed dict of metrics pasted under the evaluation heading with no label line above it: the test results' label. */
export function reportCodeLabel(code: Code): string | undefined {
  return printedMetrics(code.value, { line: 1, column: 1 }, code.lang) === undefined ? undefined : 'Test Set Performance';
}

/** What a test set's label says of its size: `37,611 trials`, `12.4k reviews`, `n = 5,000`, `250,000 transactions (Oct 2024)`. */
const TEST_SET_COUNT = /^(?:n\s*=\s*)?(\d[\d,._ ]*\s*[kKmM]?)(?:\s+[A-Za-z][\w -]*)?\.?(?:\s*\([^()]*\))?\.?$/;

/** An aside's first part naming a test set (`VisA`, `MVTec AD`, `WMT22 en-de`), not a count or an average (`n = 4,000`, `mean ± std`). */
const TEST_SET_NAME = /^(?!(?:n|mean|median|avg|average|std|sd|overall|all|macro|micro|weighted|best|final|last)\b)\p{L}[^=±]*$/iu;

/**
 * The metrics of a second test set: `### Test metrics (VisA, mean over 12 categories)` after `###
 * Test metrics (MVTec AD, …)`, their heading's aside naming another set than the first's and the
 * same metrics measured again. The metrics added since `before` are named with the set
 * (`VisA Image AUROC`), as a table's rows grouped by dataset are (`withRowGroups`), and keep the
 * aside as their `testSet`: the first set's metrics stay the test metrics that checks, changes and
 * claims use, the second set's are no second value of the same metric. True when they were.
 */
function anotherTestSet(entry: Entry, before: number, ctx: Context): boolean {
  const aside = entry.qualifier.trim();
  const note = ctx.b.get(['evaluation', 'testMetricsNote']);
  const metrics = testMetricsSoFar(ctx);
  if (aside === '' || before === 0 || typeof note !== 'string' || note.split('\n')[0] === aside) return false;
  const name = (at: number): string => metrics[at]?.metric ?? '';
  const earlier = new Set([...Array(before).keys()].map((at) => metricInfo(name(at)).key));
  const added = [...Array(metrics.length - before).keys()].map((offset) => before + offset);
  const set = (aside.split(/[,;]/)[0] ?? '').trim();
  if (!added.some((at) => earlier.has(metricInfo(name(at)).key)) || !TEST_SET_NAME.test(set)) return false;
  for (const at of added) {
    const path: FieldPath = ['evaluation', 'testMetrics', at];
    ctx.b.set([...path, 'metric'], `${set} ${name(at)}`);
    ctx.b.set([...path, 'testSet'], aside, entry.position);
  }
  return true;
}

const testMetricsHandler: Handler = (entry, ctx) => {
  if (labelMetric(entry, ctx) && entry.blocks.length === 0) return;
  // `**Test set**: 37,611 trials`: the test set's size, kept beside the metrics as written (no metric,
  // nothing to warn about); under a label naming the test set, its size for the intervals too.
  const count = entry.blocks.length === 0 ? TEST_SET_COUNT.exec(stripEmphasis(entry.value).trim()) : null;
  if (count !== null) {
    ctx.b.text(['evaluation', `${toCamelCase(entry.label) || 'testSet'}Note`], stripEmphasis(entry.value), entry.position);
    const n = parseCount(count[1]?.trim() ?? '');
    if (
      n !== undefined &&
      /^test(?: set| split| data)?(?: size)?$/.test(entry.norm) &&
      ctx.b.get(['evaluation', 'testSetSize']) === undefined
    )
      ctx.b.set(['evaluation', 'testSetSize'], n, entry.position);
    return;
  }
  const before = ctx.b.lengthOf(['evaluation', 'testMetrics']);
  readTestMetrics(entry, ctx);
  if (anotherTestSet(entry, before, ctx)) return;
  // `Test set (n = 12,408):` — what the label's parentheses say of the test set is kept with the note beside the metrics.
  if (entry.qualifier.trim() !== '') {
    const note: FieldPath = ['evaluation', 'testMetricsNote'];
    const written = ctx.b.get(note);
    ctx.b.set(
      note,
      typeof written === 'string' && written !== '' ? `${entry.qualifier.trim()}\n${written}` : entry.qualifier.trim(),
      entry.position,
    );
  }
};

/**
 * A metric whose values lie in [0, 1], so that a column headed in percent holds it in percent: a
 * proportion, or a ranking score (`Recall@100`, `NDCG@10`, `MRR`).
 */
function isScoreOfUnitRange(info: ReturnType<typeof metricInfo>): boolean {
  return isUnitIntervalMetric(info) || info.kind === 'ranking';
}

/** The spread a `±` stands for under this entry, as its section's heading or its label says (see `statedSpread`). */
function spreadOver(entry: Entry, ctx: Context): 'std' | 'standardError' | undefined {
  return statedSpread([ctx.section ?? '', entry.label, entry.qualifier].join(' '));
}

function readTestMetrics(entry: Entry, ctx: Context): void {
  const list = unreadList(entry, ctx);
  const found = tableBlockOf(entry, ctx);
  if (!found) {
    if (!printedBlockMetrics(entry, ctx)) testMetricList(entry, ctx);
    return;
  }
  // A list of metrics beside the table (`- AUC: 0.91` above `| Metric | Value |`): both are read, in the order written.
  const listFirst = list !== undefined && (list.position?.start.offset ?? 0) < (found.block.position?.start.offset ?? 0);
  if (listFirst) testMetricList(entry, ctx);
  testMetricTable(found.block, found.table, ctx);
  // A printed classification report beside the table (a notebook's output above its calibration
  // table): its metrics too, those the table gave already left to the table (the report stays shown as printed).
  printedBlockMetrics(entry, ctx, { besideTable: true });
  // A second table of metrics under the same label (`| Metric | Value |` with the calibration figures
  // under the accuracy table): its metrics too, after the first's.
  for (const node of entry.blocks) {
    if (node.type !== 'table' || ctx.consumed.has(node)) continue;
    const table = tableOf(ctx.source, node);
    if (!METRIC_HEADER.test(normalizeLabel(stripEmphasis(table.header[0]?.text ?? '')))) continue;
    ctx.consumed.add(node);
    testMetricTable(node, table, ctx);
  }
  if (list !== undefined && !listFirst) testMetricList(entry, ctx);
}

/**
 * Ultralytics YOLO's validation table written as a Markdown table (`| Class | Images | Instances | P |
 * R | mAP50 | mAP50-95 |`), as `yoloValidation` reads it printed: the `all` row's values are the
 * test metrics (`Precision`, `Recall`, `mAP50`, `mAP50-95`), each at its cell; the rows per class
 * are the model's classes, not read (and never groups of people). True when it is such a table (with
 * an `all` row of numbers, each name once: a table of a segmentation model's `Box(…)` and `Mask(…)`
 * columns under one name each is not read).
 */
function yoloTable(table: TableData, ctx: Context): boolean {
  if (!isYoloTable(table)) return false;
  const names = table.header.slice(3).map((cell) => {
    const name = stripEmphasis(cell.text)
      .replace(/^\w+\(|\)$/g, '')
      .trim();
    return YOLO_NAMES[name] ?? name;
  });
  const all = table.rows.find((row) => stripEmphasis(row[0]?.text ?? '').trim() === 'all');
  const values = names.map((_, index) => parseNumber(stripEmphasis(all?.[3 + index]?.text ?? '')));
  if (all === undefined || new Set(names).size !== names.length || values.some((value) => value === undefined)) return false;
  // Offered again (under its label, then as the section's table): read once.
  const known = new Set(testMetricsSoFar(ctx).map((m) => m.metric));
  if (names.every((name) => known.has(name))) return true;
  const path: FieldPath = ['evaluation', 'testMetrics'];
  const offset = ctx.b.lengthOf(path);
  names.forEach((metric, index) => {
    const cell = all[3 + index];
    ctx.b.set([...path, offset + index], { metric, value: values[index] }, cell?.position);
    ctx.b.mark([...path, offset + index, 'metric'], table.header[3 + index]?.position ?? startOfRow(all));
    ctx.b.mark([...path, offset + index, 'value'], cell?.position ?? startOfRow(all));
  });
  if (offset === 0) ctx.b.mark(path, startOfRow(all));
  return true;
}

/** Whether a Markdown table is YOLO's validation table, by its header (`YOLO_TABLE_HEADER`). */
function isYoloTable(table: TableData): boolean {
  return YOLO_TABLE_HEADER.test(table.header.map((cell) => normalizeLabel(stripEmphasis(cell.text))).join(' | '));
}

/** lm-evaluation-harness's results header: `|Tasks|Version|Filter|n-shot|Metric| |Value| |Stderr|` (or `Groups` first). */
const LM_EVAL_HEADER = /^(?:tasks|groups) \| version \| filter \| n ?shot \| metric \|/;

/**
 * lm-evaluation-harness's results table as it prints it: a row per task and metric, the task's name
 * left blank under its first row, a group's subtasks as ` - humanities`. Each row is a test metric
 * named `<task> <metric>` (`arc_challenge acc_norm`, `mmlu/humanities acc`, with the filter when it
 * is not `none`: `gsm8k exact_match (strict-match)`), its value, and its `Stderr` as the standard
 * error; the `↑`/`↓` column names the direction of a metric Logbook does not know. A `Groups` table
 * repeats rows of the `Tasks` table: those already read are not read twice. True when it is such a table.
 */
function lmEvalTable(table: TableData, ctx: Context): boolean {
  const header = table.header.map((cell) => normalizeLabel(stripEmphasis(cell.text)));
  if (!LM_EVAL_HEADER.test(header.join(' | '))) return false;
  const at = (name: string): number => header.indexOf(name);
  const [filter, metricAt, valueAt, stderrAt] = [at('filter'), at('metric'), at('value'), at('stderr')];
  const arrowAt = metricAt + 1;
  const path: FieldPath = ['evaluation', 'testMetrics'];
  const known = new Set(testMetricsSoFar(ctx).map((m) => m.metric));
  let task = '';
  let group = '';
  for (const row of table.rows) {
    const text = (index: number): string => stripEmphasis(row[index]?.text ?? '').trim();
    const named = text(0);
    if (named.startsWith('- ')) task = `${group}/${named.slice(2).trim()}`;
    else if (named !== '') task = group = named;
    const value = parseNumber(text(valueAt));
    if (task === '' || text(metricAt) === '' || value === undefined) continue;
    const filtered = text(filter) === '' || /^none$/i.test(text(filter)) ? '' : ` (${text(filter)})`;
    let name = `${task} ${text(metricAt)}${filtered}`;
    if (known.has(name)) continue;
    const arrow = text(arrowAt);
    if (metricInfo(name).direction === null && /^[↑↓]$/.test(arrow)) name = `${name} ${arrow}`;
    known.add(name);
    const at = ctx.b.lengthOf(path);
    const stderr = parseNumber(text(stderrAt));
    ctx.b.set([...path, at], { metric: name, value, ...(stderr === undefined ? {} : { standardError: stderr }) }, row[valueAt]?.position);
    ctx.b.mark([...path, at, 'value'], row[valueAt]?.position ?? startOfRow(row));
    if (stderr !== undefined) ctx.b.mark([...path, at, 'standardError'], row[stderrAt]?.position ?? startOfRow(row));
  }
  return true;
}

/** Where a table row starts. */
function startOfRow(row: readonly Cell[]): SourcePosition {
  return row[0]?.position ?? { line: 1, column: 1 };
}

/** The first header of a table of metrics, one per row: `Metric`, `Metrics`, `Measure`, `Name`. */
const METRIC_HEADER = /^(?:metrics?|measures?|name)$/;

/**
 * A test-metric table whose metrics are grouped by the columns before the metric's (`| Dataset |
 * Metric | Value |` over `| TyDiQA | EM | 61.2 |`, `|  | F1 | 74.8 |`): an empty cell of such a
 * column holds the text above it, as a merged cell does, and a metric named on several rows is named
 * with its group (`TyDiQA F1`, `MLQA F1`), so each is one metric, and a baseline's `TyDiQA F1` is
 * compared with it. Other tables as they are.
 */
function withRowGroups(table: TableData, metric: number): TableData {
  const leading = [...Array(metric).keys()].filter((index) =>
    table.rows.every((row) => {
      const text = stripEmphasis(row[index]?.text ?? '');
      return text === '' || parseNumber(text) === undefined;
    }),
  );
  if (leading.length === 0) return table;
  let above: readonly Cell[] = [];
  const rows = table.rows.map((row) => {
    const named = stripEmphasis(row[metric]?.text ?? '') !== '';
    const filled = row.map((cell, index) => {
      const up = above[index];
      return named && leading.includes(index) && cell.text.trim() === '' && up !== undefined ? { ...up, position: cell.position } : cell;
    });
    above = filled;
    return filled;
  });
  const names = rows.map((row) => stripEmphasis(row[metric]?.text ?? '').toLowerCase());
  if (!names.some((name, index) => name !== '' && names.indexOf(name) !== index)) return { ...table, rows };
  return {
    ...table,
    rows: rows.map((row) => {
      const group = leading.map((index) => stripEmphasis(row[index]?.text ?? '')).filter((text) => text !== '');
      const cell = row[metric];
      if (group.length === 0 || cell === undefined || stripEmphasis(cell.text) === '') return row;
      return row.map((c, index) => (index === metric ? { ...c, text: `${group.join(' ')} ${stripEmphasis(c.text)}` } : c));
    }),
  };
}

/** A cell of a test-metric table that cannot be read, kept as written in `field` of its row, with a warning at it. */
function keptAsNote(write: RowWriter, field: string, cell: Cell, message: string, hint: string, ctx: Context): void {
  write.set(field, stripEmphasis(cell.text), cell);
  ctx.b.notes.push({ path: [...write.path, field], position: cell.position, label: 'Test Set Performance', message, hint });
}

/** A test-metric table (its block, its cells): the metrics, with baselines, changes, spreads and other splits beside them. */
function testMetricTable(block: Table | Code, written: TableData, ctx: Context): void {
  if (lmEvalTable(written, ctx)) return;
  // YOLO's table: its `all` row read, its rows per class kept on the page as written.
  if (yoloTable(written, ctx)) {
    ctx.consumed.delete(block);
    return;
  }
  if (wideTestMetrics(written, startOf(block), ctx)) return;
  // `| Task | Metric | Value |`: the column named for metrics, before one named otherwise.
  const named = column(written, /^metrics?$/);
  const metric = named >= 0 ? named : Math.max(0, column(written, /metric|name|measure|benchmark|task/));
  const table = withRowGroups(written, metric);
  // `| Metric | v7 | v6 (baseline) | Δ |`: a baseline's values beside this experiment's, and the change
  // (`Δ vs baseline` is the change, not the baseline).
  const deltas = table.header.flatMap((head, index) => (index !== metric && DELTA_COLUMN.test(stripEmphasis(head.text)) ? [index] : []));
  const baselines = table.header.flatMap((head, index) =>
    index !== metric && !deltas.includes(index) && BASELINE_COLUMN.test(stripEmphasis(head.text).toLowerCase()) ? [index] : [],
  );
  // A standard deviation (over folds or seeds) or a standard error is not a 95% interval: kept as numbers of their own.
  const spread = table.header.flatMap((head, index) => {
    const field = SPREAD_COLUMNS.find(([pattern]) => pattern.test(normalizeLabel(stripEmphasis(head.text))))?.[1];
    return index !== metric && field !== undefined ? [[index, field] as const] : [];
  });
  const spreadAt = new Map<number, string>(spread);
  // `| Lower | Upper |`, `| 95% CI low | 95% CI high |`: the interval's bounds in two columns.
  const boundAt = (bound: 'low' | 'high'): number =>
    table.header.findIndex((head, index) => index !== metric && boundColumn(stripEmphasis(head.text)) === bound);
  const [low, high] = [boundAt('low'), boundAt('high')];
  const bounds = low >= 0 && high >= 0 ? [low, high] : [];
  // `| 95% CI (rel.) |`, `| CI of Δ |`: the interval of the change, not of the value (kept as written beside it).
  const changeIntervals = table.header.flatMap((head, index) =>
    /\bci\b|confidence|interval/i.test(stripEmphasis(head.text)) &&
    /\brel(?:ative)?\b|change|diff|delta|Δ|∆|lift|uplift/i.test(stripEmphasis(head.text))
      ? [index]
      : [],
  );
  let ci = column(table, /\bci\b|confidence|interval|margin/, [metric, ...baselines, ...spreadAt.keys(), ...bounds, ...changeIntervals]);
  if (ci < 0) ci = table.header.findIndex((head, index) => index !== metric && /^(±|\+\/-|\+-)$/.test(stripEmphasis(head.text)));
  let value = column(table, /value|score|result|test|estimate|mean|average/, [
    metric,
    ci,
    ...baselines,
    ...deltas,
    ...spreadAt.keys(),
    ...bounds,
  ]);
  const taken = (index: number): boolean =>
    index === metric ||
    index === ci ||
    changeIntervals.includes(index) ||
    baselines.includes(index) ||
    deltas.includes(index) ||
    spreadAt.has(index) ||
    bounds.includes(index);
  // `| Benchmark | v2 (r=8) | **v3 (r=16)** | Δ |`: experiments side by side and no column of values.
  // The one that is this experiment (`currentColumn`) holds its values; the others are baselines.
  if (value < 0) {
    const models = table.header.flatMap((_, index) => (!taken(index) && isMetricColumn(table, index) ? [index] : []));
    const text = (path: FieldPath): string | undefined => {
      const value = ctx.b.get(path);
      return typeof value === 'string' ? value : undefined;
    };
    const own = { id: text(['id']), title: ctx.title, parent: text(['lineage', 'parent']) };
    const current = models.length >= 2 ? currentColumn(table, models, own, deltas[0]) : undefined;
    if (current !== undefined) {
      value = current;
      for (const index of models) if (index !== current) baselines.push(index);
    }
    // `| Metric | Hybrid | Hybrid + rerank |`, neither marked as this run: taking the first column for
    // this experiment's values could give it a baseline's. Kept as written, with a warning saying how to mark it.
    const systems = models.filter((index) => !SPLIT_HEADER.test(normalizeLabel(stripEmphasis(table.header[index]?.text ?? ''))));
    if (current === undefined && systems.length >= 2) {
      ctx.consumed.delete(block);
      // Said once, though the table may be offered again (under its label, then as the section's table).
      const at = startOf(block);
      if (ctx.b.notes.some((note) => note.position.line === at.line && note.position.column === at.column)) return;
      ctx.b.notes.push({
        path: ['evaluation', 'testMetrics'],
        position: at,
        label: 'Test Set Performance',
        message: msg.noCurrentColumn(systems.map((index) => stripEmphasis(table.header[index]?.text ?? ''))),
        hint: msg.hintNoCurrentColumn(),
      });
      return;
    }
  }
  if (value < 0) value = table.header.findIndex((_, index) => !taken(index));
  // An unnamed third column is the interval only when its cells read as intervals (`±0.012`, `[0.85, 0.88]`).
  if (ci < 0) {
    const other = table.header.findIndex((_, index) => index !== value && !taken(index));
    const cells = table.rows
      .map((row) => stripEmphasis(row[other]?.text ?? '').replace(/\s*%$/, ''))
      .filter((text) => !isNotMeasured(text));
    if (
      other >= 0 &&
      cells.length > 0 &&
      cells.every((text) => isPlaceholder(text) || parseConfidenceInterval(text) !== undefined || parseWrittenInterval(text) !== undefined)
    )
      ci = other;
  }
  // `| Metric | Val | Test |`: the other splits' values are no fields of a test metric; they are
  // kept as the metrics by split (with the test column's), as a table with a row per split is.
  const splits = table.header.flatMap((head, index) =>
    index !== metric && index !== ci && !taken(index) && SPLIT_HEADER.test(normalizeLabel(stripEmphasis(head.text))) ? [index] : [],
  );
  if (splits.some((index) => index !== value)) {
    const rows = splits.map((index) =>
      splitRow(
        'Split',
        table.header[index]?.text ?? '',
        table.rows.map((row) => [row[metric]?.text ?? '', row[index]?.text ?? '']),
      ),
    );
    ctx.b.set(['evaluation', 'metricsBySplit'], rows, startOf(block));
  }
  for (const index of baselines) baselineColumn(table, startOf(block), ctx, metric, index);
  // The change column is a claim about each metric, checked against the change Logbook computes.
  const reference = baselines.length === 1 ? stripEmphasis(table.header[baselines[0] ?? -1]?.text ?? '') : undefined;
  for (const index of deltas.slice(0, 1)) claimsColumn(table, ctx, metric, index, reference);
  // `| 90% CI |`, `| CI (99%) |`: an interval at another level than 95%, said once for the table.
  const ciHeader = stripEmphasis(table.header[ci]?.text ?? '');
  const ciLevel = ci >= 0 ? otherConfidenceLevel(ciHeader) : undefined;
  const ciHead = table.header[ci];
  if (ciLevel !== undefined && ciHead !== undefined)
    ctx.b.notes.push({
      path: ['evaluation', 'testMetrics'],
      position: ciHead.position,
      label: ciHeader,
      message: msg.otherConfidenceLevel(ciHeader, ciLevel),
      hint: msg.hintOtherConfidenceLevel(),
    });
  const valueSpread = statedSpread(`${ctx.section ?? ''} ${stripEmphasis(table.header[value]?.text ?? '')}`);
  // `| Metric | Score (%) |`: the values of proportions under it are in percent (a loss beside them is not).
  const valueInPercent = /(?:\(\s*(?:%|percent)\s*\)|\[\s*%\s*\]|\s%)\s*$/i.test(stripEmphasis(table.header[value]?.text ?? ''));
  readTableRows(table, startOf(block), ctx, {
    path: ['evaluation', 'testMetrics'],
    key: metric,
    keyField: 'metric',
    readRow: (row, write) => {
      const valueCell = row[value];
      const ciCell = row[ci];
      // `| HD95 | 6.3 mm | ±0.8 mm |`: the interval in the value's unit.
      // `(95% CI 59.9–61.7)`: the interval inside its parentheses and label, as a list item writes it.
      const ciWritten = stripEmphasis(ciCell?.text ?? '')
        .replace(/^\(\s*(.*?)\s*\)$/, '$1')
        .replace(/^(?:95\s*%\s*)?(?:ci|c\.i\.|confidence interval)\b\s*[:=]?\s*(?=[-+([]?\s*\d)/i, '');
      const ciText = withoutUnitOf(stripEmphasis(row[value]?.text ?? ''), ciWritten).replace(/\s*%$/, '');
      // `71.5% (95% CI: 69.9–73.1%)` in the value cell, the CI cell left empty: the cell is a statement.
      const plain = parseMetricCell(stripEmphasis(valueCell?.text ?? ''));
      const asWritten = plain === undefined ? parseMetricStatementWithAside(stripEmphasis(valueCell?.text ?? '')) : undefined;
      // `| Mean ± SD |` over `0.912 ± 0.003`, or the section's heading saying so: the `±` is that spread.
      const written = asWritten === undefined ? undefined : withStatedSpread(asWritten, stripEmphasis(valueCell?.text ?? ''), valueSpread);
      // Beside a filled CI cell, a value's own spread (`412.3 ± 37.5 (std over 5 seeds)`) is kept as
      // its std or standard error; a `±` that says neither would be a second interval: the value, the
      // cell as written kept as its note.
      const besideCi = !isNotMeasured(ciText) && written?.ci95 !== undefined;
      const statement =
        besideCi && written !== undefined
          ? {
              value: written.value,
              ...(written.unit === undefined ? {} : { unit: written.unit }),
              note: stripEmphasis(valueCell?.text ?? ''),
            }
          : written;
      if (valueCell && isPlaceholder(valueCell.text)) write.placeholder('value', valueCell);
      else if (plain === undefined && statement === undefined && valueCell !== undefined) {
        // `~0.91`, `<0.001`, `>99%`: an approximation or a bound, no value to compute with. Kept as
        // the metric's note, shown on the page, with a warning (as an item of a metric list is).
        const text = stripEmphasis(valueCell.text);
        write.set('value', null, valueCell);
        keptAsNote(write, 'note', valueCell, msg.metricCellKeptAsNote(text), msg.hintMetricItemKeptAsNote(), ctx);
      } else {
        const parsed = plain ?? statement;
        write.set('value', parsed ? parsed.value : stripEmphasis(valueCell?.text ?? ''), valueCell);
        if (parsed?.unit) write.set('unit', parsed.unit);
        else if (
          valueInPercent &&
          typeof parsed?.value === 'number' &&
          isScoreOfUnitRange(metricInfo(stripEmphasis(row[metric]?.text ?? '')))
        )
          write.set('unit', '%');
        if (statement?.ci95 !== undefined) write.set('ci95', statement.ci95, valueCell);
        // `0.87 ± 0.02 (std)`: a spread, kept as the std column of a table is.
        if (statement?.std !== undefined) write.set('std', statement.std, valueCell);
        if (statement?.standardError !== undefined) write.set('standardError', statement.standardError, valueCell);
        // `0.873 (5 seeds)`, `45 ms (p95)`: the aside is kept beside the value.
        const aside = statement?.note ?? statement?.qualifier;
        if (aside !== undefined) write.set('note', aside);
      }
      if (ciCell && !isNotMeasured(ciText) && ciLevel !== undefined) {
        // `| 90% CI |`: no 95% interval, so nothing is computed with it; shown as the metric's note.
        write.set('note', `${ciHeader}: ${stripEmphasis(ciCell.text)}`, ciCell);
      } else if (ciCell && !isNotMeasured(ciText)) {
        if (isPlaceholder(ciText)) write.placeholder('ci95', ciCell);
        else {
          // A bare number under a "95% CI" header is the half-width its ± was left off of.
          const value = (plain ?? statement)?.value;
          const readInterval = (text: string) => {
            const bare = parseNumber(text);
            return (
              parseConfidenceInterval(text) ??
              parseWrittenInterval(text) ??
              listedBoundsAround(text, value) ??
              (bare !== undefined && bare >= 0 ? bare : undefined)
            );
          };
          // `0.929–0.953 (DeLong)`, `±0.7 (bootstrap, 1,000 resamples)`: the method is kept as the interval's note (`ciNote`).
          const aside = METHOD_ASIDE.exec(ciText);
          const withoutAside = aside === null ? undefined : readInterval(ciText.slice(0, aside.index));
          const read = readInterval(ciText) ?? withoutAside;
          if (read !== undefined) {
            write.set('ci95', read, ciCell);
            if (withoutAside !== undefined && aside !== null) write.set('ciNote', (aside[1] ?? aside[2] ?? '').trim());
          } else {
            // `±0.8 mm` beside a value in cm, `wide`: no interval to compute with; kept as the metric's note, with a warning.
            const written = stripEmphasis(ciCell.text);
            keptAsNote(write, 'ciNote', ciCell, msg.intervalCellKeptAsNote(written), msg.hintIntervalCellKeptAsNote(), ctx);
          }
        }
      }
      const [lowCell, highCell] = bounds.map((index) => row[index]);
      if (lowCell !== undefined && highCell !== undefined) {
        const [lowText, highText] = [lowCell, highCell].map((cell) => stripEmphasis(cell.text).replace(/\s*%$/, ''));
        const [from, to] = [lowText, highText].map((text) => parseNumber(text ?? ''));
        if (from !== undefined && to !== undefined) write.set('ci95', { low: from, high: to }, lowCell);
        else if (!isNotMeasured(lowText ?? '') || !isNotMeasured(highText ?? ''))
          // A bound that is no number is shown as written, and validation names it.
          write.set('ci95', `${stripEmphasis(lowCell.text)} – ${stripEmphasis(highCell.text)}`, lowCell);
      }
      for (const [index, field] of spreadAt) {
        const cell = row[index];
        const text = stripEmphasis(cell?.text ?? '')
          .replace(/^(±|\+\/-)\s*/, '')
          .replace(/\s*%$/, '');
        if (cell === undefined || isNotMeasured(text)) continue;
        write.set(field, parseNumber(text) ?? stripEmphasis(cell.text), cell);
      }
      table.header.forEach((head, index) => {
        if (
          index === metric ||
          index === value ||
          index === ci ||
          baselines.includes(index) ||
          index === deltas[0] ||
          spreadAt.has(index) ||
          bounds.includes(index) ||
          splits.includes(index)
        )
          return;
        const cellText = row[index]?.text ?? '';
        const name = columnKey(head.text) || (deltas.includes(index) ? 'change' : `column${index + 1}`);
        // `—` in a column of changes or their intervals: nothing written for this metric.
        if (cellText !== '' && !(changeIntervals.includes(index) && isNotMeasured(stripEmphasis(cellText))))
          write.set(name, stripEmphasis(cellText));
      });
    },
  });
}

/**
 * A confusion matrix written as a fenced text grid (rows actual, columns predicted):
 * a header line of predicted labels, then one line per actual label with its counts.
 * Lines holding only "Predicted"/"Actual" are decoration; a leading "Actual" on a row is dropped.
 */
/** An axis's word as a caption line over a printed matrix (English, German, French, Spanish). */
const AXIS_WORD = String.raw`(?:predicted|prediction|predictions|pred\.?|actual|true|vorhersage|vorhergesagt|tatsächlich|wahr|prédit|prédiction|réel|vrai|predicho|predicción|real|verdadero)(?:\s+(?:labels?|class(?:es)?|klasse|classe|clase|etiqueta))?`;
/** `Predicted`, `Predicted label` (scikit-learn's plot), `Actual → Predicted`, `Vorhersage`, `Predicho`: a caption, no row. */
const AXIS_CAPTION = new RegExp(String.raw`^${AXIS_WORD}(?:\s*(?:→|->|\\|\/)?\s*${AXIS_WORD})?:?$`, 'i');

export function parseConfusionMatrixText(
  text: string,
): { labels: string[]; matrix: (number | string)[][]; rowsPredicted?: boolean } | undefined {
  const lines = text
    // `1 620` with a no-break or thin space grouping the thousands: one count (plain spaces separate columns).
    .replace(/(\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))/g, '$1')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !AXIS_CAPTION.test(line));
  const isCount = (token: string): boolean => parseCount(token) !== undefined || parseNumber(token) !== undefined;
  let columns: string[] | undefined;
  let actualAcross = false;
  const rows: { label: string; written: string[] }[] = [];
  for (const line of lines) {
    const tokens = line.split(/\s{2,}|\t|\s*\|\s*/).filter((token) => token !== '');
    const firstCount = tokens.findIndex(isCount);
    // `predicted  0  1  All` as pandas prints a crosstab: the header, though its classes are numbers.
    const axisFirst = columns === undefined && /^(?:pred(?:icted)?|actual|true|y_pred|y_true)$/i.test(tokens[0] ?? '') && tokens.length > 2;
    if (firstCount < 0 || axisFirst) {
      if (!columns) columns = axisFirst ? tokens.slice(1) : splitLabels(line, tokens);
      // `actual  0  1` across: the predictions are down the side.
      if (axisFirst && /^(?:actual|true|y_true)$/i.test(tokens[0] ?? '')) actualAcross = true;
      continue;
    }
    // Aligned grids may put one space between a label and its first count ("Churn 699    1301"): when the
    // header gave the number of columns, a row's last that-many words are its counts.
    const words = tokens.flatMap((token) => token.split(/\s+/));
    const k = columns?.length ?? 0;
    const aligned = k > 0 && words.length > k && words.slice(-k).every(isCount);
    let labelTokens = aligned ? words.slice(0, -k) : tokens.slice(0, firstCount);
    if (labelTokens.length === 1 && firstCount > 0) labelTokens = (labelTokens[0] ?? '').split(/\s+/);
    const labelParts = labelTokens.filter((token, index) => !(index === 0 && labelTokens.length > 1 && /^(actual|true)$/i.test(token)));
    const written = aligned ? words.slice(-k) : tokens.slice(firstCount).flatMap((token) => token.split(/\s+/));
    rows.push({ label: labelParts.join(' '), written });
  }
  if (rows.length === 0) return undefined;
  // A count as written (`1,204`, `1.2k`, `183.100`); a fraction stays the fraction it is (`parseCount` would round it).
  const read = confusionCellReader(rows.flatMap((row) => row.written));
  // `predicted: neg` down the side and `actual: neg` across: rows are the predictions.
  const rowsPredicted =
    actualAcross ||
    (rows.every((row) => /^pred/i.test(row.label)) && (columns === undefined || columns.every((c) => /^(?:actual|true)\b/i.test(c))));
  const named = (text: string): string => classLabel(text);
  const raw = columns && columns.length === rows[0]?.written.length ? columns.map(named) : undefined;
  const kept = rows
    .filter((row) => !MARGIN.test(named(row.label)))
    .map((row) => ({ label: named(row.label), counts: row.written.map((token) => read(token) ?? token) }));
  // A `Total` column (its counts the row's sum) is no class.
  const marginAt = raw?.findIndex((label) => MARGIN.test(label)) ?? -1;
  const cut = <T>(list: readonly T[]): T[] => (marginAt < 0 ? [...list] : list.filter((_v, i) => i !== marginAt));
  const labels = raw ? cut(raw) : kept.map((row, index) => row.label || `Class ${index + 1}`);
  const byLabel = new Map(kept.map((row) => [row.label.toLowerCase(), cut(row.counts)]));
  const ordered = labels.every((label) => byLabel.has(label.toLowerCase()))
    ? labels.map((label) => byLabel.get(label.toLowerCase()) ?? [])
    : kept.map((row) => cut(row.counts));
  return { labels, matrix: ordered, ...(rowsPredicted ? { rowsPredicted } : {}) };
}

/** A count with its thousands grouped by dots (`183.100`, `1.070`; not `0.912`). */
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/**
 * How a confusion matrix's cells read as numbers: as written (`parseNumber`, then `parseCount`), or,
 * when the matrix is written with dots grouping thousands (`183.100  1.070 / 955  2.375`, as German
 * or Italian logs write counts), with the dots dropped. Dots group thousands when every cell is a
 * whole number or so grouped, at least one is grouped, and one reads past 100 as written — no
 * fraction nor percent of a normalized matrix does.
 */
function confusionCellReader(cells: readonly string[]): (text: string) => number | undefined {
  const plain = (text: string): number | undefined => parseNumber(text) ?? parseCount(text);
  const grouped = cells.some((text) => DOT_GROUPED.test(text));
  const whole = cells.every((text) => DOT_GROUPED.test(text) || /^\d+$/.test(text));
  const past100 = cells.some((text) => (parseNumber(text) ?? 0) > 100);
  return grouped && whole && past100 ? (text) => (DOT_GROUPED.test(text) ? Number(text.replaceAll('.', '')) : plain(text)) : plain;
}

/** A confusion matrix's margin (`pd.crosstab(..., margins=True)` writes `All`): a row or column of sums, no class. */
const MARGIN = /^(?:totals?|all|sum|σ|row total|col(?:umn)? total)$/i;

/**
 * Whether a confusion matrix is written with the predictions down the side: its aside says so
 * (`(rows = predicted, columns = actual)`, `rows: pred`), or its corner does (`Predicted \ Actual`).
 */
function rowsArePredicted(qualifier: string, corner = ''): boolean {
  if (/\brows?\b[^,;)]*?\bpred/i.test(qualifier) || /\b(?:columns?|cols?)\b[^,;)]*?\b(?:actual|true)\b/i.test(qualifier)) return true;
  return /^\W*pred/i.test(stripEmphasis(corner)) && /\b(?:actual|true)\b/i.test(corner);
}

/** The matrix with rows and columns swapped: rows actual, columns predicted, as the record holds it. */
function transposed<T>(matrix: readonly (readonly T[])[]): T[][] {
  return (matrix[0] ?? []).map((_v, j) => matrix.map((row) => row[j] as T));
}

/**
 * A confusion matrix as NumPy or scikit-learn print it: `[[2225  275]\n [ 225 2275]]`, `array([[…], […]])`,
 * or a nested list `[[50, 2], [3, 45]]`. Square, at least 2 × 2; the classes are not named in it, so
 * they are `Class 1`, `Class 2`, … in row order unless `labels` names them.
 */
export function parseConfusionMatrixArray(text: string, labels?: readonly string[]): { labels: string[]; matrix: number[][] } | undefined {
  const body = /^\s*(?:(?:np\.)?array\(\s*)?(\[\s*\[[\s\S]*\]\s*\])\s*(?:,\s*dtype=\w+\s*)?\)?\s*$/.exec(text)?.[1];
  if (body === undefined) return undefined;
  const rows = [...body.slice(1, -1).matchAll(/\[([^[\]]*)\]/g)].map((m) =>
    (m[1] ?? '')
      .trim()
      .split(/[\s,]+/)
      .map((token) => parseNumber(token.replace(/\.$/, '')) ?? Number.NaN),
  );
  const n = rows.length;
  if (n < 2 || rows.some((row) => row.length !== n || row.some((v) => !Number.isFinite(v) || v < 0))) return undefined;
  const named = labels !== undefined && labels.length === n ? [...labels] : rows.map((_row, i) => `Class ${i + 1}`);
  return { labels: named, matrix: rows };
}

/** Column labels of a header line; drops a leading "Actual"/"Predicted" caption. */
function splitLabels(line: string, tokens: string[]): string[] {
  const parts = tokens.length > 1 ? tokens : line.split(/\s+/);
  return parts.filter(
    (token, index) => !(index === 0 && /^(actual|predicted|true|pred\.?)([\\/→ -]+\w+)?$/i.test(token) && parts.length > 2),
  );
}

/** A confusion matrix from a GFM table: first column actual labels, header predicted labels. */
function confusionFromTable(table: TableData): { labels: string[]; matrix: (number | string)[][]; rowsPredicted?: boolean } {
  // A `Total` row or column (`pd.crosstab(..., margins=True)`) holds sums, not a class.
  const columns = table.header
    .slice(1)
    .map((cell, index) => ({ label: classLabel(cell.text), index: index + 1 }))
    .filter(({ label }) => !MARGIN.test(label));
  const rows = table.rows.filter((row) => !MARGIN.test(classLabel(row[0]?.text ?? '')));
  // A count as written: `1,204`, `1.2k`, `183.100`; a fraction stays the fraction it is (`parseCount` would round it).
  const read = confusionCellReader(rows.flatMap((row) => columns.map(({ index }) => stripEmphasis(row[index]?.text ?? ''))));
  const matrix = rows.map((row) => columns.map(({ index }) => numberCell(row[index], read) ?? ''));
  const sides =
    table.rows.every((row) => /^\W*pred/i.test(row[0]?.text ?? '')) &&
    table.header.slice(1).every((cell) => /^\W*(?:actual|true)\b/i.test(cell.text));
  return {
    labels: columns.map(({ label }) => label),
    matrix,
    ...(sides || rowsArePredicted('', table.header[0]?.text) ? { rowsPredicted: true } : {}),
  };
}

/** A class label of a confusion table's header or first column, without `Predicted:` / `Actual` before it or `(pred)` after it. */
function classLabel(text: string): string {
  return stripEmphasis(text)
    .replace(/^(?:pred(?:icted)?|actual|true|act)\b\.?[:=\s]*(?=\S)/i, '')
    .replace(/\s*\((?:pred(?:icted)?\.?|actual|true)\)$/i, '')
    .trim();
}

/**
 * Whether a GFM table under the confusion matrix's label (or with an empty corner cell) is a matrix:
 * a corner naming the axes (`Actual \\ Predicted`) over the classes, or square with the same classes across and down
 * (`| | Pred cat | Pred dog |` over `| Actual cat | 50 | 2 |`) and every value a number. Not
 * `| | WER | CER |` over models and their results.
 */
function isMatrixTable(table: TableData): boolean {
  const columns = table.header.slice(1).map((cell) => classLabel(cell.text).toLowerCase());
  const rows = table.rows.map((row) => classLabel(row[0]?.text ?? '').toLowerCase());
  const square = rows.length === columns.length && rows.length >= 2 && table.rows.every((row) => row.length === columns.length + 1);
  const sameClasses = square && [...rows].sort().join('\n') === [...columns].sort().join('\n');
  const axes = /\b(?:actual|true|pred(?:icted)?)\b/i.test(table.header[0]?.text ?? '');
  const numbers = table.rows.every((row) => row.slice(1).every((cell) => parseMetricCell(stripEmphasis(cell.text)) !== undefined));
  // A corner naming the axes says it is a matrix even when a class is missing across or down
  // (validation then says what is wrong); not a table of per-class metrics (`| True label | Precision |`).
  const overlapping = columns.every((label) => rows.includes(label)) || rows.every((label) => columns.includes(label));
  return (axes && overlapping) || (square && sameClasses && numbers);
}

/** The four cells of a binary confusion matrix, by the names people give them. */
const COUNT_NAMES: readonly [RegExp, 'tp' | 'fp' | 'fn' | 'tn'][] = [
  [/^(tp|true positives?)$/, 'tp'],
  [/^(fp|false positives?)$/, 'fp'],
  [/^(fn|false negatives?)$/, 'fn'],
  [/^(tn|true negatives?)$/, 'tn'],
];

/**
 * A binary confusion matrix written as its four counts (`- TP: 3,900`, `- False positives: 386`, …,
 * in any order): rows actual, columns predicted, negative class first, as the template's grid. The
 * classes are "Negative" and "Positive" (the label's aside can name the positive class). Undefined
 * unless the items are exactly the four counts.
 */
export function confusionFromCounts(items: readonly string[]): { labels: string[]; matrix: number[][]; positive: string } | undefined {
  const counts: Partial<Record<'tp' | 'fp' | 'fn' | 'tn', number>> = {};
  for (const text of items) {
    const split = splitKeyValue(text);
    if (!split) return undefined;
    const name = COUNT_NAMES.find(([pattern]) => pattern.test(normalizeLabel(split.key)))?.[1];
    const count = parseCount(stripEmphasis(split.value)) ?? parseNumber(stripEmphasis(split.value));
    if (name === undefined || count === undefined || counts[name] !== undefined) return undefined;
    counts[name] = count;
  }
  const { tp, fp, fn, tn } = counts;
  if (tp === undefined || fp === undefined || fn === undefined || tn === undefined || items.length !== 4) return undefined;
  return {
    labels: ['Negative', 'Positive'],
    matrix: [
      [tn, fp],
      [fn, tp],
    ],
    positive: 'Positive',
  };
}

/** `TP 3,900, FP=386; FN: 27` → the items `confusionFromCounts` reads (`TP: 412`, …); other parts as they are. */
function countsOfLine(text: string): string[] {
  return text
    .split(/[;|]|,(?=\s*[a-z])/i)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => /^([a-z][a-z ]*?)\s*(?:[:=]\s*|\s)(\d[\d,._]*)$/i.exec(part)?.slice(1, 3).join(': ') ?? part);
}

/** The classes a label's aside names: `(labels: cat, dog)`, `(classes=neg,pos)`. */
function asideLabels(qualifier: string): string[] | undefined {
  return /(?:labels|classes)[:=]\s*([^;)]+)/i
    .exec(qualifier)?.[1]
    ?.split(',')
    .map((label) => label.trim().replace(/^["']|["']$/g, ''))
    .filter((label) => label !== '');
}

/**
 * Printed output without what was typed at the interpreter's prompt: `>>> ` and `... ` lines, IPython's
 * `In [3]: …` lines, and the `Out[3]: ` before a result.
 */
function withoutPrompts(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(?:>>>|\.\.\.)(?:\s|$)|^\s*In \[\d*\]:/.test(line))
    .map((line) => line.replace(/^\s*Out\[\d*\]:\s?/, ''))
    .join('\n');
}

/** The confusion matrix: a fenced text grid, a GFM table or its four counts; a `(positive class: …)` aside names the positive label. */
const confusionHandler: Handler = (entry, ctx) => {
  const code = blockOf(entry, ctx, 'code');
  const table = code ? undefined : blockOf(entry, ctx, 'table');
  let parsed: { labels: string[]; matrix: (number | string)[][]; positive?: string; rowsPredicted?: boolean } | undefined;
  let position: SourcePosition | undefined;
  let shares = false;
  if (code) {
    const { text, position: at } = codeOf(code);
    if (isPlaceholder(text)) {
      ctx.b.placeholder(['evaluation', 'confusionMatrix'], at);
      return;
    }
    // `>>> confusion_matrix(y_test, y_pred)` over its output: the call typed at the prompt is no part of the matrix.
    const output = withoutPrompts(text);
    parsed = parseConfusionMatrixArray(output, asideLabels(entry.qualifier)) ?? parseConfusionMatrixText(output);
    position = at;
    // `TBD (threshold not chosen yet)`, `N/A`: not filled in yet (validation lists it as such).
    if (!parsed && (isNotMeasured(text.trim()) || isNotYetWrittenWithAside(text.trim()))) {
      ctx.b.set(['evaluation', 'confusionMatrix'], text, at);
      return;
    }
    if (!parsed) {
      // Not a grid of counts Logbook can read: kept as written beside the matrix, with a warning saying how to write one.
      ctx.b.text(['evaluation', 'confusionMatrixNote'], text, at);
      ctx.b.notes.push({
        path: ['evaluation', 'confusionMatrixNote'],
        position: at,
        label: 'Confusion Matrix',
        message: msg.confusionMatrixUnread(),
        hint: msg.hintConfusionMatrixUnread(),
      });
      return;
    }
  } else if (table) {
    const data = tableOf(ctx.source, table);
    if (!isMatrixTable(data)) {
      // A table of models and their results is read as one; anything else stays as written.
      ctx.consumed.delete(table);
      modelResultsHandler(entry, ctx);
      return;
    }
    parsed = confusionFromTable(data);
    position = startOf(table);
    // `93%`: a share of the row, whole number or not.
    shares = data.rows.some((row) => row.slice(1).some((cell) => /%\s*$/.test(cell.text)));
  } else {
    const list = unreadList(entry, ctx);
    parsed = list ? confusionFromCounts(itemsOf(ctx.source, list).map((item) => item.text)) : undefined;
    if (list && parsed) {
      ctx.consumed.add(list);
      position = startOf(list);
    } else if (!list) {
      // `Confusion matrix: [[50, 3], [4, 43]]` (a printed array), or `Confusion: TP 412, FP 31, FN 27,
      // TN 530` (the four counts), on the label's line.
      const value = stripEmphasis(entry.value);
      parsed = parseConfusionMatrixArray(value, asideLabels(entry.qualifier)) ?? confusionFromCounts(countsOfLine(value));
      if (parsed) position = entry.position;
    }
  }
  if (!parsed || !position) return;
  // Predictions down the side (`(rows = predicted, columns = actual)`): turned to rows actual, as the record holds it.
  if ('rowsPredicted' in parsed && parsed.rowsPredicted === true) parsed = { ...parsed, matrix: transposed(parsed.matrix) };
  else if (rowsArePredicted(entry.qualifier)) parsed = { ...parsed, matrix: transposed(parsed.matrix) };
  // A normalized matrix (fractions of each row or of all): no counts to derive the test-set size or
  // metrics from. Shown as written, with a warning.
  const block = code ?? table;
  if (block && (shares || parsed.matrix.flat().some((value) => typeof value === 'number' && !Number.isInteger(value)))) {
    ctx.consumed.delete(block);
    ctx.b.notes.push({
      path: ['evaluation', 'confusionMatrix'],
      position,
      label: entry.label,
      message: msg.confusionFractions(),
      hint: msg.hintConfusionFractions(),
    });
    return;
  }
  const named = /positive(?: class)?[:=]\s*([^,;)]+)/i.exec(entry.qualifier)?.[1]?.trim();
  // Counts name no classes: the aside's positive class, when it gives one, names the second.
  if (named !== undefined && parsed.positive !== undefined) parsed = { ...parsed, labels: [parsed.labels[0] ?? 'Negative', named] };
  const positive = named ?? parsed.positive;
  // `**Confusion Matrix** (threshold 0.62, test set):` — what the label's parentheses say beyond what
  // was read from them (the positive class, the labels, which way the rows go) is kept as its note.
  const note = rowsArePredicted(entry.qualifier)
    ? ''
    : entry.qualifier
        .replace(/positive(?: class)?[:=]\s*[^,;)]+/i, '')
        .replace(/(?:labels|classes)[:=]\s*[^;)]+/i, '')
        .replace(/\s*([,;])\s*(?:[,;]\s*)+/g, '$1 ')
        .replace(/^[\s,;]+|[\s,;]+$/g, '');
  ctx.b.set(
    ['evaluation', 'confusionMatrix'],
    { labels: parsed.labels, matrix: parsed.matrix, ...(positive ? { positiveLabel: positive } : {}), ...(note !== '' ? { note } : {}) },
    position,
  );
  ctx.b.mark(['evaluation', 'confusionMatrix', 'labels'], position);
  ctx.b.mark(['evaluation', 'confusionMatrix', 'matrix'], position);
};

const GENERIC_GROUP_HEADERS = /^(group|subgroup|segment|cohort|slice|demographic|population)$/;

/** Words after an attribute saying where the groups were measured: `holdout`, `test set`, `n = 6,000`, `2024 Q4`. */
const SET_WORDS = /\b(?:holdout|hold-out|test|val|validation|dev|eval|evaluation|set|split|data|n\s*=)\b|\d/i;

/** Group names that are a sex or gender. */
const SEX_VALUE = /^(?:fe)?males?$|^(?:wo)?m[ae]n$|^non-?binary$|^(?:girls?|boys?)$/i;
/** Group names that are an age band: `Age < 40`, `18–25`, `65+`, `≥ 65`, `under 30`. */
const AGE_VALUE =
  /^(?:age[sd]?\b.*|\d+\s*[-–—]\s*\d+(?:\s*(?:y|yrs?|years?))?|\d+\s*\+|[<>≤≥]=?\s*\d+.*|(?:under|over|below|above)\s+\d+.*)$/i;

/**
 * The attribute of each group in one column holding groups of several attributes, or undefined when
 * they are of one. The attributes are those the label names (`(by sex and age band)`), else sex and
 * age when the names read so. A group goes to the attribute its name starts with (`Age < 40` → age
 * band), else the one its name reads as (`Female` → sex, `65+` → age), else the attribute of the
 * group before it (a table lists one attribute's groups together).
 */
function mixedAttributes(byAside: string | undefined, values: readonly string[]): Map<string, string> | undefined {
  const named = (byAside ?? '')
    .split(/\s*(?:,|&|\/|\band\b|\bx\b|×)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const groups = values.filter((value) => value !== '' && !OVERALL_GROUP_NAME.test(value) && !EMPTY_ATTRIBUTE.test(value));
  const readsAs = (value: string): 'sex' | 'age' | undefined => (SEX_VALUE.test(value) ? 'sex' : AGE_VALUE.test(value) ? 'age' : undefined);
  const names =
    named.length >= 2
      ? named
      : groups.some((value) => readsAs(value) === 'sex') && groups.some((value) => readsAs(value) === 'age')
        ? ['sex', 'age']
        : undefined;
  if (names === undefined) return undefined;
  const keyOf = (kind: 'sex' | 'age'): string | undefined =>
    names.find((name) => (kind === 'sex' ? /\b(?:sex|gender)\b/i : /\bage\b/i).test(name));
  const found = new Map<string, string>();
  let previous: string | undefined;
  for (const value of groups) {
    const lower = value.toLowerCase();
    const kind = readsAs(value);
    const name =
      names.find((candidate) => lower.startsWith(candidate.toLowerCase().split(/\s+/)[0] ?? '')) ??
      (kind === undefined ? undefined : keyOf(kind)) ??
      previous ??
      names[0];
    if (name === undefined) continue;
    found.set(value, toCamelCase(name));
    previous = name;
  }
  return new Set(found.values()).size >= 2 ? found : undefined;
}

/** `9/10`, `47 / 50`: successes out of trials in a cell of a groups table. */
const OUT_OF = /^(\d[\d,]*)\s*\/\s*(\d[\d,]*)$/;

function outOf(text: string): { count: number; of: number } | undefined {
  const match = OUT_OF.exec(text.trim());
  const count = match?.[1] === undefined ? undefined : parseCount(match[1]);
  const of = match?.[2] === undefined ? undefined : parseCount(match[2]);
  return count !== undefined && of !== undefined && of > 0 && count <= of ? { count, of } : undefined;
}

/**
 * A column of a groups table whose every filled cell is a count out of a total (`| Success |` over
 * `10/10`, `9/10`): a proportion per group. Not a column of dates or versions (`3/12`) by its header.
 */
function isOutOfColumn(table: TableData, index: number): boolean {
  if (/date|day|month|year|version|time/i.test(stripEmphasis(table.header[index]?.text ?? ''))) return false;
  const filled = table.rows.map((row) => stripEmphasis(row[index]?.text ?? '')).filter((text) => text !== '' && !isNotMeasured(text));
  return filled.length > 0 && filled.every((text) => outOf(text) !== undefined);
}
const EMPTY_ATTRIBUTE = /^(|-|—|–|all|any|\*)$/i;

/** A group-size column by its name alone: `N`, `Count`, `Support`, `Size`, `Samples`. */
const GROUP_SIZE_HEADER = /^(n|count|support|size|samples?|n samples|number|examples)$/;
/**
 * A column that may count each group's examples, by what it counts (`Utterances`, `# images`,
 * `No. of patients`, `Test users`, `N users`): taken as the group size only when every filled cell is a whole count.
 */
const GROUP_COUNT_HEADER =
  /^(?:(?:no|num|number) of |n |test |eval )?(?:samples|examples|records|rows|instances|images|documents|docs|utterances|users|patients|subjects|participants|people|persons|speakers|customers|accounts|transactions|sessions|queries|clips|files|cases|members|individuals|applicants|borrowers|students|households|respondents|series|studies|scans|videos|reviews|tickets|calls|conversations|dialogues)$/;

/** A count as written: `812`, `11,200`, `11 200`, `2.4k`, `1.2M` (not `12.5`, an average). */
const WHOLE_COUNT = /^(?:\d{1,3}(?:[,\u202f ]\d{3})+|\d+|\d+(?:\.\d+)?\s*[kKmM])$/;

/** The column holding each group's size, or -1: a column named as one, else one counting what the groups hold, in whole numbers. */
function groupSizeColumn(table: TableData): number {
  const named = column(table, GROUP_SIZE_HEADER);
  if (named >= 0) return named;
  return table.header.findIndex((head, index) => {
    if (!GROUP_COUNT_HEADER.test(normalizeLabel(stripEmphasis(head.text)))) return false;
    const filled = table.rows
      .map((row) => stripEmphasis(row[index]?.text ?? '').trim())
      .filter((text) => text !== '' && !isNotMeasured(text));
    return filled.length > 0 && filled.every((text) => WHOLE_COUNT.test(text));
  });
}

/**
 * Disaggregated tables: leading non-numeric columns are attributes (a generic "Group" column takes its
 * name from the label's "(by …)" aside), an `N` column is the group size, the rest are metrics.
 * Several tables and several attribute columns are merged into one list; only the first Overall row is kept.
 * (Not the shared row reader: a row is named by several cells, and rows of several tables share one list.)
 */
const disaggregatedHandler: Handler = (entry, ctx) => {
  // `Demographic parity ratio: 0.89`, `Fairness gap: 0.03`: one figure of the test, not the groups.
  if (entry.blocks.length === 0 && labelMetric(entry, ctx)) return;
  // YOLO's validation table under this label: its rows are the model's classes, no groups of people (kept as written).
  const tables = blocksOf(entry, ctx, 'table').filter((block) => {
    const yolo = isYoloTable(tableOf(ctx.source, block));
    if (yolo) ctx.consumed.delete(block);
    return !yolo;
  });
  // The attribute a generic "Group" column stands for: `(by gender)` beside the label, or the label's own `… by gender`.
  const byAside = /^by (.+)$/i.exec(entry.qualifier)?.[1] ?? BY_ATTRIBUTE.exec(entry.norm)?.[2];
  // `(by SEX attribute, holdout)`: the attribute is `SEX`; what follows the comma says where it was measured.
  // (`(by sex, age band)` names two attributes: each group goes to its own, see `mixedAttributes`.)
  const [named = '', ...context] = byAside?.split(/\s*[,;]\s*/) ?? [];
  const onSet = context.length > 0 && context.every((part) => SET_WORDS.test(part));
  const attributeName =
    byAside === undefined ? undefined : (onSet ? named : byAside).replace(/\s+(?:attributes?|column)$/i, '').trim() || byAside;
  if (onSet) ctx.b.text(['evaluation', 'disaggregatedNote'], context.join(', '), entry.position);
  const rows: Record<string, unknown>[] = [];
  const gapRows: GapRow[] = [];
  // Tables under another label (`### By gender`, then `### By age`) add to the same list.
  const before = ctx.b.get(['evaluation', 'disaggregated']);
  const offset = ctx.b.lengthOf(['evaluation', 'disaggregated']);
  let seenOverall = Array.isArray(before) && before.some((row) => isPlainObject(row) && row['overall'] === true);
  let first: SourcePosition | undefined;
  for (const block of tables) {
    first ??= startOf(block);
    const table = tableOf(ctx.source, block);
    const n = groupSizeColumn(table);
    // `| Users |`: what the sizes count, kept (the page heads the column so; a test split counted in other units is no yardstick).
    const sizeHead = table.header[n];
    if (sizeHead !== undefined && column(table, GROUP_SIZE_HEADER) !== n && ctx.b.get(['evaluation', 'groupSizeLabel']) === undefined)
      ctx.b.set(['evaluation', 'groupSizeLabel'], stripEmphasis(sizeHead.text).trim(), sizeHead.position);
    const outOfColumns = table.header.flatMap((_, index) => (index !== n && isOutOfColumn(table, index) ? [index] : []));
    const attributeColumns: number[] = [];
    for (let index = 0; index < table.header.length; index++) {
      if (index === n || outOfColumns.includes(index)) break;
      const numeric = table.rows.some((row) => {
        const text = stripEmphasis(row[index]?.text ?? '');
        return !OVERALL_GROUP_NAME.test(text) && !EMPTY_ATTRIBUTE.test(text) && parseMetricCell(text) !== undefined;
      });
      if (numeric) break;
      attributeColumns.push(index);
    }
    if (attributeColumns.length === 0) attributeColumns.push(0);
    const attributeNames = attributeColumns.map((index) => {
      const header = normalizeLabel(stripEmphasis(table.header[index]?.text ?? ''));
      if ((GENERIC_GROUP_HEADERS.test(header) || header === '') && attributeName && attributeColumns.length === 1)
        return toCamelCase(attributeName);
      return toCamelCase(table.header[index]?.text ?? '') || `attribute${index + 1}`;
    });
    // One "Group" column holding groups of several attributes (`(by sex and age band)`: Female, Male,
    // Age < 40, …): each row under the attribute it belongs to, so no gap is taken across attributes.
    const generic =
      attributeColumns.length === 1 &&
      GENERIC_GROUP_HEADERS.test(normalizeLabel(stripEmphasis(table.header[attributeColumns[0] ?? 0]?.text ?? '')));
    const mixed = generic
      ? mixedAttributes(
          byAside,
          table.rows.map((row) => stripEmphasis(row[attributeColumns[0] ?? 0]?.text ?? '')),
        )
      : undefined;
    const columns = metricColumns(table, ['evaluation', 'disaggregated'], ctx);
    const textColumns = table.header.flatMap((_, index) =>
      !attributeColumns.includes(index) && index !== n && !outOfColumns.includes(index) && isTextColumn(table, index) ? [index] : [],
    );
    for (const row of table.rows) {
      const path: FieldPath = ['evaluation', 'disaggregated', offset + rows.length];
      const values = attributeColumns.map((index) => stripEmphasis(row[index]?.text ?? ''));
      if (values.every((value) => value === '' || isPlaceholder(value))) continue;
      // `| **Max gap** | | 0.03 | 0.02 |` under the groups: the log's own summary of them, no group.
      const gapForm = statedGapForm(values.filter((value) => !EMPTY_ATTRIBUTE.test(value)).join(' '));
      if (gapForm !== undefined) {
        gapRows.push({
          row,
          label: values.filter((value) => !EMPTY_ATTRIBUTE.test(value)).join(' '),
          form: gapForm,
          columns,
          skip: [...attributeColumns, n],
        });
        continue;
      }
      const overall =
        values.some((value) => OVERALL_GROUP_NAME.test(value)) &&
        values.every((value) => OVERALL_GROUP_NAME.test(value) || EMPTY_ATTRIBUTE.test(value));
      if (overall && seenOverall) continue;
      const record: Record<string, unknown> = {};
      const firstCell = row[attributeColumns[0] ?? 0];
      if (firstCell) {
        ctx.b.mark(path, firstCell.position);
        ctx.b.mark([...path, 'group'], firstCell.position);
      }
      if (overall) {
        seenOverall = true;
        record['group'] = values.find((value) => OVERALL_GROUP_NAME.test(value)) ?? 'Overall';
        record['overall'] = true;
      } else {
        const attributes: Record<string, string> = {};
        values.forEach((value, i) => {
          const name = mixed?.get(value) ?? attributeNames[i] ?? `attribute${i + 1}`;
          if (!EMPTY_ATTRIBUTE.test(value)) attributes[name] = value;
        });
        record['group'] = Object.values(attributes).join(', ');
        record['attributes'] = attributes;
      }
      const nCell = n >= 0 ? row[n] : undefined;
      if (nCell && nCell.text !== '') {
        record['n'] = numberCell(nCell, (t) => parseCount(t) ?? parseNumber(t));
        ctx.b.mark([...path, 'n'], nCell.position);
      }
      // `9/10` with no size column: the group's size is the total its counts are out of, when they share one.
      const totals = new Set(outOfColumns.flatMap((index) => outOf(stripEmphasis(row[index]?.text ?? ''))?.of ?? []));
      const total = totals.size === 1 ? [...totals][0] : undefined;
      if (n < 0 && total !== undefined && outOfColumns[0] !== undefined) {
        record['n'] = total;
        const cell = row[outOfColumns[0]];
        if (cell) ctx.b.mark([...path, 'n'], cell.position);
      }
      const metrics: Record<string, unknown> = {};
      table.header.forEach((head, index) => {
        if (attributeColumns.includes(index) || index === n) return;
        const cell = row[index];
        // `| Scanner |`, `| Note |`: text beside the group's values, kept as written.
        if (textColumns.includes(index)) {
          const text = stripEmphasis(cell?.text ?? '');
          const key = columnKey(stripEmphasis(head.text)) || `column${index + 1}`;
          if (text !== '' && cell !== undefined && !Object.hasOwn(record, key)) {
            record[key] = text;
            ctx.b.mark([...path, key], cell.position);
          }
          return;
        }
        const { key, value } = columns[index] ?? metricColumn(stripEmphasis(head.text), []);
        const counted = outOfColumns.includes(index) ? outOf(stripEmphasis(cell?.text ?? '')) : undefined;
        setOwn(metrics, key, counted === undefined ? value(row[index]) : Number.parseFloat((counted.count / counted.of).toPrecision(12)));
        if (cell) ctx.b.mark([...path, 'metrics', key], cell.position);
      });
      record['metrics'] = metrics;
      rows.push(record);
    }
  }
  if (rows.length > 0) ctx.b.append(['evaluation', 'disaggregated'], rows, first);
  else if (tables.length === 0) groupList(entry, ctx, attributeName === undefined ? 'group' : toCamelCase(attributeName), seenOverall);
  statedGaps(gapRows, ctx);
};

/** A summary row of a groups table (`Max gap`), with the table's columns. */
interface GapRow {
  row: TableData['rows'][number];
  label: string;
  form: 'difference' | 'ratio';
  columns: readonly ReturnType<typeof metricColumn>[];
  /** The columns that are no metric (the group's attributes, its size). */
  skip: readonly number[];
}

/**
 * The label of a row summing up the groups above it, and what it states: `Gap`, `Max gap`,
 * `Difference`, `Disparity`, `Max − min`, `Δ` (the highest value less the lowest) or `Ratio`,
 * `Min/max`, `Disparate impact` (the lowest over the highest).
 */
export function statedGapForm(label: string): 'difference' | 'ratio' | undefined {
  const text = label
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\(.*\)$/, '')
    .replace(/[:.]$/, '');
  if (
    /^(?:(?:min(?:imum)?|lowest)\s*(?:\/|÷|over|to)\s*(?:max(?:imum)?|highest)|(?:min\s*\/\s*max\s*)?ratio|disparate impact|parity ratio)$/.test(
      text,
    )
  )
    return 'ratio';
  if (
    /^(?:(?:max(?:imum)?|abs(?:olute)?|largest|biggest)\s+)?(?:gap|diff(?:erence)?|disparity|spread|range|δ|∆|delta)$/.test(text) ||
    /^(?:max(?:imum)?|highest)\s*(?:-|−|–|minus)\s*(?:min(?:imum)?|lowest)$/.test(text)
  )
    return 'difference';
  return undefined;
}

/** Summary rows of groups tables → `evaluation.statedGaps` (label, difference or ratio, and the values as written). */
function statedGaps(rows: readonly GapRow[], ctx: Context): void {
  const offset = ctx.b.lengthOf(['evaluation', 'statedGaps']);
  const read = rows.map(({ row, label, form, columns, skip }, i) => {
    const path: FieldPath = ['evaluation', 'statedGaps', offset + i];
    const metrics: Record<string, unknown> = {};
    row.forEach((cell, index) => {
      if (skip.includes(index) || cell === undefined || stripEmphasis(cell.text) === '') return;
      const column = columns[index];
      if (column === undefined) return;
      setOwn(metrics, column.key, column.value(cell));
      ctx.b.mark([...path, 'metrics', column.key], cell.position);
    });
    const at = row.find((cell) => cell !== undefined)?.position;
    if (at !== undefined) ctx.b.mark(path, at);
    return { label, form, metrics };
  });
  if (read.length > 0) ctx.b.append(['evaluation', 'statedGaps'], read, rows[0]?.row[0]?.position);
}

/** A group's size closing its list item: `(n=4,120)`, `(n = 4.1k)`, `, n=4120`. */
const GROUP_SIZE = /(?:\s*\(\s*n\s*=\s*([\d.,]+\s*[kKmM]?)\s*\)|\s*[,;]\s*n\s*=\s*([\d.,]+\s*[kKmM]?))\s*$/;

/**
 * Performance by group written as a list, a group per item with its metrics and size
 * (`- Female: AUC 0.905, F1 0.81 (n=4,120)`): read when every item is one; the attribute is the
 * label's (`Fairness (by gender)`), else "group". A list of anything else stays as written.
 */
function groupList(entry: Entry, ctx: Context, attribute: string, seenOverall: boolean): void {
  const list = unreadList(entry, ctx);
  if (!list) return;
  const items = itemsOf(ctx.source, list);
  // `Accuracy per region`: the metric of items that give a bare value (`- EU: 0.91`).
  const named = /^(.+?)\s+(?:by|per|across)\s/i.exec(entry.label)?.[1]?.trim();
  const metric = named !== undefined && metricInfo(named).kind !== null ? named : undefined;
  const readItems = (unknownNames: boolean) =>
    items.map((item) => {
      const size = GROUP_SIZE.exec(item.text);
      const metrics = labelledMetricsItem(size ? { ...item, text: item.text.slice(0, size.index) } : item, metric, { unknownNames });
      return metrics === undefined ? undefined : { ...metrics, size: size?.[1] ?? size?.[2] };
    });
  let read = readItems(false);
  // `- US English: accuracy 96.8%, FRR 2.6% (n=4,210)`, a metric Logbook does not know beside one it
  // does: still a list of groups when every item names the same metrics, one of them known.
  if (read.some((group) => group === undefined)) {
    const lenient = readItems(true);
    const names = (group: (typeof lenient)[number]): string => (group?.metrics.map((m) => m.name.toLowerCase()) ?? []).join('\n');
    const same = lenient.every((group) => group !== undefined && names(group) === names(lenient[0]));
    const known = lenient[0]?.metrics.some((m) => metricInfo(m.name).kind !== null) === true;
    if (same && known) read = lenient;
  }
  if (read.length === 0 || read.some((group) => group === undefined)) return;
  ctx.consumed.add(list);
  const path: FieldPath = ['evaluation', 'disaggregated'];
  const offset = ctx.b.lengthOf(path);
  const rows: Record<string, unknown>[] = [];
  items.forEach((item, i) => {
    const group = read[i] as NonNullable<(typeof read)[number]>;
    const overall = OVERALL_GROUP_NAME.test(group.label);
    if (overall && seenOverall) return;
    const row: FieldPath = [...path, offset + rows.length];
    ctx.b.mark(row, item.position);
    ctx.b.mark([...row, 'group'], item.position);
    const metrics = metricMapOf(row, group.metrics, ctx);
    const n = group.size === undefined ? undefined : (parseCount(group.size) ?? parseNumber(group.size));
    rows.push({
      group: group.label,
      ...(overall ? { overall: true } : { attributes: { [attribute]: group.label } }),
      ...(n === undefined ? {} : { n }),
      metrics,
    });
  });
  ctx.b.append(path, rows, items[0]?.position ?? startOf(list));
}

/** A label naming the attribute its groups are split by: `performance by gender`, `accuracy per region`, `results across age groups`. */
const BY_ATTRIBUTE = /\b(by|per|across) ([a-z][a-z ]*)$/;

/**
 * `### Performance by gender`, `### Accuracy per age group`: a table of groups (no column naming
 * metrics) is performance by group; one with a metric column is test metrics after all.
 */
const byAttributeHandler: Handler = (entry, ctx) => {
  const block = entry.blocks.find((node) => node.type === 'table' && !ctx.consumed.has(node));
  const byMetric = block?.type === 'table' && column(tableOf(ctx.source, block), /metric|name|measure/) >= 0;
  (byMetric ? testMetricsHandler : disaggregatedHandler)(entry, ctx);
};

/** The label `EVALUATION_TABLES` gives a table of models with their results, one row per model (`modelResultsHandler`). */
const MODEL_RESULTS = 'Results by Model and Baseline';

/**
 * `| Model | Top-1 | Top-5 |` under the results, a row for this experiment (**bold**, `this run`,
 * `ours`) among rows for others: the others are its baselines, as the comparison section's table
 * is read, and this row's values its test metrics when the evaluation gives none. A table of
 * models with no row for this experiment is kept as written (which of them was this run is not guessed).
 */
const modelResultsHandler: Handler = (entry, ctx) => {
  const block = entry.blocks.find((node): node is Table => node.type === 'table' && !ctx.consumed.has(node));
  if (block === undefined) return;
  const table = tableOf(ctx.source, block);
  // `| | Accuracy | F1 |` over `| val | … |` and `| test | … |`: a row per split, not per model.
  if (splitRowsUnderEmptyCorner(table)) {
    if (wideTestMetrics(table, startOf(block), ctx)) ctx.consumed.add(block);
    return;
  }
  const current = table.rows.findIndex((row) => isCurrentLabel(row[0]?.text ?? ''));
  // Only a table whose every value reads as a metric: a row of text (`| Notes | … |`) is no result of a model.
  const text = baselineTextColumns(table);
  // `71.2 ± 0.4`, `—` and a change column (`+2.5%`) are results too.
  const changes = deltaColumns(table);
  // A column of text beside the results (`| Cost |` over `$1.50`, `| Hardware |`) is kept as written,
  // as the baselines table keeps it; at least one column must hold results.
  const textColumns = table.header.flatMap((_, index) =>
    index > 0 && index !== text.notes && index !== text.evaluatedOn && !changes.includes(index) && isTextColumn(table, index)
      ? [index]
      : [],
  );
  const resultColumns = table.header.filter(
    (_, index) =>
      index > 0 && index !== text.notes && index !== text.evaluatedOn && !changes.includes(index) && !textColumns.includes(index),
  );
  const readable =
    resultColumns.length > 0 &&
    table.rows.every((row) =>
      row.every((cell, index) => {
        const written = stripEmphasis(cell.text);
        return (
          index === 0 ||
          index === text.notes ||
          index === text.evaluatedOn ||
          textColumns.includes(index) ||
          changes.includes(index) ||
          isNotMeasured(written) ||
          parseMetricCell(written) !== undefined ||
          parseMetricStatement(written) !== undefined
        );
      }),
    );
  if (current < 0 || table.rows.length < 2 || !readable) return;
  ctx.consumed.add(block);
  baselineTable(table, text, startOf(block), ctx);
  const path: FieldPath = ['evaluation', 'testMetrics'];
  if (ctx.b.lengthOf(path) > 0) return;
  const row = table.rows[current] ?? [];
  const metrics = table.header.flatMap((head, index) => {
    const cell = row[index];
    const name = stripEmphasis(head.text);
    const written = stripEmphasis(cell?.text ?? '');
    const read =
      index === 0 || cell === undefined || changes.includes(index)
        ? undefined
        : (parseMetricCell(written) ?? parseMetricStatement(written));
    // A column counting or naming something (`Params`, `Epochs`, `Seeds`) is no metric of the test.
    if (cell === undefined || read === undefined || typeof read.value !== 'number' || isCountLabel(name)) return [];
    return [{ head, cell, metric: { metric: name, ...read } }];
  });
  // `| MOS | 95% CI |`: this row's interval of the metric before it, unless its cell gave one.
  const intervals = intervalColumns(table, [0, text.notes, text.evaluatedOn, ...changes]);
  metrics.forEach(({ head, cell, metric }, index) => {
    const column = [...intervals].find(([, of]) => table.header[of] === head)?.[0];
    const written = column === undefined ? undefined : row[column];
    const interval = written === undefined || 'ci95' in metric ? undefined : parseWrittenInterval(stripEmphasis(written.text));
    ctx.b.set([...path, index], interval === undefined ? metric : { ...metric, ci95: interval }, cell.position);
    ctx.b.mark([...path, index, 'metric'], head.position);
    ctx.b.mark([...path, index, 'value'], cell.position);
    if (interval !== undefined && written !== undefined) ctx.b.mark([...path, index, 'ci95'], written.position);
  });
  const first = metrics[0];
  if (first !== undefined) ctx.b.mark(path, first.cell.position);
};

/** The label a table of per-class results written without one is read under (one under a label of its own stays its rows). */
const PER_CLASS = 'Per-class results';

/** A row under a per-class table averaging its classes (`**mean**`, `macro avg`, `Weighted average`): the word its metrics are named with. */
const CLASS_SUMMARY_ROW = /^(mean|average|avg|macro|micro|weighted)(?: (?:avg|average|mean))?$/;

/**
 * A table of results per class (`| Class | IoU | Precision | Recall |`): the rows averaging the
 * classes (`| **mean** | 0.776 | 0.862 | 0.880 |`) are test metrics named with the row's word (`Mean
 * IoU`, `Macro Recall`), each at its cell; the table stays on the page as written (its classes'
 * rows are no test metrics). Nothing is read when the record already has test metrics or no row averages.
 */
const perClassHandler: Handler = (entry, ctx) => {
  const node = entry.blocks.find((block) => block.type === 'table' && !ctx.consumed.has(block));
  const path: FieldPath = ['evaluation', 'testMetrics'];
  if (node?.type !== 'table' || ctx.b.lengthOf(path) > 0) return;
  const table = tableOf(ctx.source, node);
  let index = 0;
  for (const row of table.rows) {
    const word = CLASS_SUMMARY_ROW.exec(normalizeLabel(stripEmphasis(row[0]?.text ?? '')))?.[1];
    if (word === undefined) continue;
    const prefix = `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;
    table.header.forEach((head, column) => {
      const cell = row[column];
      const read = column === 0 || cell === undefined ? undefined : parseMetricCell(stripEmphasis(cell.text));
      if (cell === undefined || typeof read?.value !== 'number') return;
      ctx.b.set(
        [...path, index],
        { metric: `${prefix} ${stripEmphasis(head.text)}`, value: read.value, ...(read.unit ? { unit: read.unit } : {}) },
        cell.position,
      );
      ctx.b.mark([...path, index, 'value'], cell.position);
      index += 1;
    });
  }
};

/** `**Disaggregated Performance**`, `### Fairness`, `By subgroup`: the groups' results (read in the comparison section too). */
export const DISAGGREGATED_RULE: LabelRule = {
  pattern: /disaggregat|subgroup|fairness|by group|demographic|slice|per group/,
  path: ['evaluation', 'disaggregated'],
  handler: disaggregatedHandler,
};

/** The evaluation's labels, in order: the first match wins. */
/** `Macro-F1 95% CI`, `AUC confidence interval`: the interval of a metric, written on a line of its own (normalized). */
const METRIC_INTERVAL_LABEL = /^(.+?) (?:95 )?(?:ci|confidence interval)$/;

/**
 * `Macro-F1 95% CI (bootstrap, 1 000 resamples): 88.8–90.0%.` — the interval of a test metric given
 * on a line of its own: set as that metric's 95% CI once every section is read (in the metric's
 * scale: `88.8–90.0%` beside 0.894 is 0.888–0.900), the aside kept as `ciNote`. A metric no table
 * or list gives keeps the line as written.
 */
const metricIntervalHandler: Handler = (entry, ctx) => {
  const name =
    METRIC_INTERVAL_LABEL.exec(entry.norm) === null
      ? undefined
      : stripEmphasis(entry.label)
          .replace(/\s*(?:95\s*%\s*)?(?:CI|C\.I\.|confidence interval)\s*$/i, '')
          .trim();
  const written = stripEmphasis(entry.value).trim().replace(/\.$/, '');
  const interval = written === '' ? undefined : parseWrittenInterval(written);
  const keep = (): void => keepUnknown(entry, ['evaluation'], ctx);
  if (name === undefined || name === '' || interval === undefined || typeof interval === 'number') {
    keep();
    return;
  }
  ctx.b.mark(['evaluation'], entry.position);
  (ctx.afterSections ??= []).push(() => {
    const tests: FieldPath = ['evaluation', 'testMetrics'];
    const key = metricInfo(name).key;
    const index = Array.from({ length: ctx.b.lengthOf(tests) }, (_, i) => i).find(
      (i) => metricInfo(String(ctx.b.get([...tests, i, 'metric']))).key === key && ctx.b.get([...tests, i, 'ci95']) === undefined,
    );
    const value = index === undefined ? undefined : ctx.b.get([...tests, index, 'value']);
    if (index === undefined || typeof value !== 'number') {
      keep();
      return;
    }
    // `88.8–90.0%` beside a value written as a fraction (`0.894`): the same interval on the value's scale.
    const percent = /%\s*$/.test(written) && ctx.b.get([...tests, index, 'unit']) !== '%' && Math.abs(value) <= 1;
    const scale = (n: number): number => (percent ? Number.parseFloat((n / 100).toPrecision(12)) : n);
    ctx.b.set([...tests, index, 'ci95'], { low: scale(interval.low), high: scale(interval.high) }, entry.position);
    if (entry.qualifier.trim() !== '') ctx.b.set([...tests, index, 'ciNote'], entry.qualifier.trim(), entry.position);
  });
};

export const EVALUATION_RULES: readonly LabelRule[] = [
  { pattern: METRIC_INTERVAL_LABEL, path: ['evaluation', 'testMetrics'], handler: metricIntervalHandler },
  {
    pattern: new RegExp(`^${normalizeLabel(PER_CLASS)}$`),
    path: ['evaluation', 'testMetrics'],
    handler: perClassHandler,
  },
  { pattern: new RegExp(`^${normalizeLabel(MODEL_RESULTS)}$`), path: ['comparison', 'baselines'], handler: modelResultsHandler },
  { pattern: /confusion/, path: ['evaluation', 'confusionMatrix'], handler: confusionHandler },
  DISAGGREGATED_RULE,
  {
    // Not a split of the evaluation itself: classes, epochs, data splits, folds, seeds, runs, thresholds.
    pattern:
      /^(?!.*\b(by|per|across) (class|label|epoch|split|set|dataset|fold|seed|run|threshold|step|model|baseline)s?\b).*\b(by|per|across) [a-z][a-z ]*$/,
    path: ['evaluation', 'disaggregated'],
    handler: byAttributeHandler,
  },
  // Metrics per class (`### Per-class metrics`, a classification report) or on the validation set are
  // no test metrics: kept as their table.
  {
    pattern:
      /^(?!.*\b(per class|by class|class wise|classwise|classification report|per label|validation|val|dev set)\b).*(test|performance|metric|result|score|benchmark|\bevals?\b)/,
    path: ['evaluation', 'testMetrics'],
    handler: testMetricsHandler,
  },
];

/** Tables of this section written without a label line, by header row, in order: the first match wins. */
export const EVALUATION_TABLES: readonly TableRule[] = [
  { pattern: /^((actual|true|predicted|pred)( (predicted|actual|label|class))?)? \| /, label: 'Confusion Matrix' },
  // lm-evaluation-harness's `Tasks` and `Groups` tables (`lmEvalTable`): results, not groups of people.
  { pattern: LM_EVAL_HEADER, label: 'Test Set Performance' },
  // Ultralytics YOLO's validation table (`yoloTable`): a row per class of the model, not per group of people.
  { pattern: YOLO_TABLE_HEADER, label: 'Test Set Performance' },
  // … in German, French and Spanish too (`Metrik`, `Métrique`, `Métrica`, `Kennzahl`).
  {
    pattern: /^(test )?(metric|measure|benchmark|task|metrik|metrique|metrica|kennzahl|mesure|medida)s?( |$)/,
    label: 'Test Set Performance',
  },
  // `| Split | AUC | logloss |` over a row per split: the test row is the test metrics (`wideTestMetrics`).
  { pattern: /^(split|set|data ?set|subset|partition)s? \| /, label: 'Test Set Performance' },
  {
    pattern: /(^|\| )(n|count|support|size|samples?|n samples)( \||$)|^(group|subgroup|segment|cohort|slice|demographic|population)s?( |$)/,
    label: 'Disaggregated Performance',
  },
  { pattern: /^(model|method|approach|system|experiment|run|variant|modell|modele|modelo|methode|metodo)s?( |$)/, label: MODEL_RESULTS },
  { pattern: /^(class|label|category|classes|categories) \| /, label: PER_CLASS },
];
