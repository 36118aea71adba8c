/**
 * Consistency checks: numbers of a record that contradict other numbers of the same record (or the
 * collection). Each finding is a `Check` with a stable code, a message naming the numbers, and the
 * dotted path of the field concerned. Nothing here throws on odd input: a record that parsed is checked.
 *
 * Tolerances are "beyond rounding": a reported number may be off by half a unit of the last decimal
 * place it was written with (`writtenDecimals`: `0.890` is good to ±0.0005, not ±0.005), plus
 * `EPSILON`; counts written like "150K" may be off by `COUNT_TOLERANCE` of the total. Values of one
 * metric written on different scales (87% and 0.87) are compared on one scale (`scaleValue`).
 *
 * What can never be right (a ragged confusion matrix, split fractions summing past 1, a completion date
 * before the start) is not checked here: `logbook validate` fails on it (`src/ingest/record-checks.ts`).
 */
import { historyAxisOf } from './history-axis.ts';
import type { ConfusionMatrix, EpochRow, Experiment, GroupRow, Scalar, TestMetric } from '../schema/index.ts';
import { isBetter, isScaleProblem, isUnitIntervalMetric, metricInfo, proportionScale, scaleValue, type MetricInfo } from './metrics.ts';
import { message } from './messages.ts';
import type { Check } from './schema.ts';
import { groupRowsByAttribute, statedGaps } from './fairness.ts';
import { findCurrentRow, sameQuantity, testMetricByKey, type DeltaSide } from './deltas.ts';
import {
  findTestSplit,
  isOverallGroup,
  isWellFormedMatrix,
  matrixTotal,
  positiveClass,
  positiveIndex,
  proportionDenominator,
  testSetSizes,
} from './sizes.ts';
import { agreeAsRoundings, agreesWithinRounding, decimalsOf, EPSILON, halfUnit, sum, writtenDecimals } from './stats.ts';
import { getOwn } from '../util/own.ts';
import { maxOf } from '../util/arrays.ts';
import { intervalOnValueScale } from './ci-scale.ts';

/**
 * Whether a value written in one place is the test metric's: the same quantity (`sameQuantity`), or
 * — for a metric that is no proportion, so no scale puts the two together — a percentage and the
 * fraction it is (`WER (%)` 11.2 in a table, `wer: 0.112` in the frontmatter). Only for these
 * checks: no change is ever worked out across the two.
 */
function sameWritten(a: Pick<DeltaSide, 'value' | 'info' | 'decimals'>, b: Pick<DeltaSide, 'value' | 'info' | 'decimals'>): boolean {
  if (sameQuantity(a, b)) return true;
  const [percent, bare] = a.info.unit === '%' && b.info.unit === null ? [a, b] : b.info.unit === '%' && a.info.unit === null ? [b, a] : [];
  if (percent === undefined || bare === undefined || Math.abs(bare.value) > 1) return false;
  const places = bare.decimals ?? decimalsOf(bare.value);
  return agreeAsRoundings(percent.value, Number((bare.value * 100).toPrecision(12)), percent.decimals, Math.max(0, places - 2));
}

/** Relative slack for counts that are usually written rounded ("700K", "1M"). */
export const COUNT_TOLERANCE = 0.005;

/** Slack for split fractions that should add up to 1. */
export const FRACTION_SUM_TOLERANCE = 0.01;

const LEVEL_ORDER: Readonly<Record<Check['level'], number>> = { error: 0, warning: 1, info: 2 };

/** Checks ordered errors first, then warnings, then info; stable within a level. */
export function sortChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

function countsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= COUNT_TOLERANCE * Math.max(a, b);
}

// ---------------------------------------------------------------------------------------------
// Confusion matrix

/** A metric derived from a confusion matrix, with the formula that gives it. */
export interface DerivedMetric {
  value: number;
  formula: string;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function derived(value: number | null, formula: string): DerivedMetric | null {
  return value === null ? null : { value, formula };
}

/**
 * The value of a metric derived from a well-formed confusion matrix. Binary matrices give accuracy,
 * error, precision, recall, F1, specificity, FPR, FNR, NPV and balanced accuracy for the positive class
 * (`positiveLabel`, default the second label); multi-class matrices (or a named average) give
 * accuracy, error and macro (default), weighted or micro precision, recall and F1; any matrix gives
 * MCC and Cohen's (unweighted) kappa. Null when the
 * metric cannot be derived or divides by zero.
 */
export function deriveFromMatrix(cm: ConfusionMatrix, info: MetricInfo, positive = positiveIndex(cm)): DerivedMetric | null {
  const k = cm.labels.length;
  const at = (i: number, j: number): number => cm.matrix[i]?.[j] ?? 0;
  const total = matrixTotal(cm);
  const trace = sum(cm.labels.map((_, i) => at(i, i)));
  if (info.kind === 'accuracy') return derived(ratio(trace, total), `correct / total = ${trace} / ${total}`);
  if (info.kind === 'error') return derived(ratio(total - trace, total), `incorrect / total = ${total - trace} / ${total}`);
  // Agreement of the predicted with the actual classes, over every class: Matthews' correlation (Gorodkin's
  // form; for two classes the same as (TP·TN − FP·FN) / √(…)) and Cohen's kappa. A weighted kappa needs its weights.
  if (info.kind === 'agreement') {
    if (info.average !== null || /(?:^|_)(?:quadratic|linear)(?:_|$)/.test(info.key)) return null;
    const actual = cm.labels.map((_, i) => sum(cm.labels.map((__, j) => at(i, j))));
    const predicted = cm.labels.map((_, j) => sum(cm.labels.map((__, i) => at(i, j))));
    const chance = sum(actual.map((t, i) => t * (predicted[i] ?? 0)));
    const agreement = trace * total - chance;
    const spread = (counts: readonly number[]): number => total * total - sum(counts.map((x) => x * x));
    if (/(?:^|_)mcc(?:_|$)/.test(info.key))
      return derived(
        ratio(agreement, Math.sqrt(spread(predicted) * spread(actual))),
        `(correct × total − Σ predicted × actual) / √((total² − Σ predicted²)(total² − Σ actual²)) = ${agreement} / √(${spread(predicted)} × ${spread(actual)})`,
      );
    // The family's other member: Cohen's kappa.
    return derived(
      ratio(agreement, total * total - chance),
      `(correct × total − Σ predicted × actual) / (total² − Σ predicted × actual) = ${agreement} / ${total * total - chance}`,
    );
  }
  if (k === 2 && info.average === null) {
    const p = positive;
    const q = 1 - p;
    const tp = at(p, p);
    const fn = at(p, q);
    const fp = at(q, p);
    const tn = at(q, q);
    switch (info.kind) {
      case 'precision':
        return derived(ratio(tp, tp + fp), `TP / (TP + FP) = ${tp} / (${tp} + ${fp})`);
      case 'recall':
        return derived(ratio(tp, tp + fn), `TP / (TP + FN) = ${tp} / (${tp} + ${fn})`);
      case 'f1':
        return derived(ratio(2 * tp, 2 * tp + fp + fn), `2TP / (2TP + FP + FN) = ${2 * tp} / (${2 * tp} + ${fp} + ${fn})`);
      case 'specificity':
        return derived(ratio(tn, tn + fp), `TN / (TN + FP) = ${tn} / (${tn} + ${fp})`);
      case 'fpr':
        return derived(ratio(fp, fp + tn), `FP / (FP + TN) = ${fp} / (${fp} + ${tn})`);
      case 'fnr':
        return derived(ratio(fn, fn + tp), `FN / (FN + TP) = ${fn} / (${fn} + ${tp})`);
      case 'npv':
        return derived(ratio(tn, tn + fn), `TN / (TN + FN) = ${tn} / (${tn} + ${fn})`);
      case 'balanced-accuracy': {
        const r = ratio(tp, tp + fn);
        const s = ratio(tn, tn + fp);
        return derived(r === null || s === null ? null : (r + s) / 2, `(TPR + TNR) / 2 = (${tp}/${tp + fn} + ${tn}/${tn + fp}) / 2`);
      }
      default:
        return null;
    }
  }
  if (info.kind !== 'precision' && info.kind !== 'recall' && info.kind !== 'f1') return null;
  const average = info.average ?? 'macro';
  if (average === 'micro') return derived(ratio(trace, total), `micro average = correct / total = ${trace} / ${total}`);
  const perClass = cm.labels.map((_, c) => {
    const tp = at(c, c);
    const predicted = sum(cm.labels.map((__, i) => at(i, c)));
    const actual = sum(cm.matrix[c] ?? []);
    const value =
      info.kind === 'precision' ? ratio(tp, predicted) : info.kind === 'recall' ? ratio(tp, actual) : ratio(2 * tp, predicted + actual);
    return { value, support: actual };
  });
  if (perClass.some((c) => c.value === null)) return null;
  const formulas: Readonly<Record<string, string>> = { precision: 'TP / (TP + FP)', recall: 'TP / (TP + FN)', f1: '2TP / (2TP + FP + FN)' };
  const formula = formulas[info.kind] ?? '';
  if (average === 'weighted') {
    const weighted = ratio(sum(perClass.map((c) => (c.value ?? 0) * c.support)), total);
    return derived(weighted, `support-weighted average over ${k} classes of ${formula}`);
  }
  return derived(sum(perClass.map((c) => c.value ?? 0)) / k, `macro average over ${k} classes of ${formula}`);
}

/** Words of a metric's own name that a class label may also be (`False positive rate` names no class `positive`). */
const METRIC_WORDS = /^(?:positive|negative|true|false|class|rate|score|macro|micro|weighted|overall|all|average|mean)$/i;

/**
 * The class of the matrix a metric is scoped to: named in its parentheses or brackets
 * (`Sensitivity (malignant)`), after `class` or `for` (`Recall for malignant`), or before the metric
 * (`Malignant recall`). Labels without a letter (`0`, `1`) and words of metric names are never read
 * so. Undefined when the metric names none, or several.
 */
export function scopedClass(metric: string, labels: readonly string[]): number | undefined {
  const found = labels.flatMap((label, index) => {
    if (!/\p{L}/u.test(label) || METRIC_WORDS.test(label.trim())) return [];
    const word = label.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const named = new RegExp(
      `[([]\\s*(?:class\\s*[:=]?\\s*)?${word}\\s*[)\\]]|\\b(?:class|for)\\s*[:=]?\\s*${word}(?![\\p{L}\\p{N}])|^${word}\\s`,
      'iu',
    );
    return named.test(metric.trim()) ? [index] : [];
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * A multi-class matrix seen from one class against the rest: a binary matrix whose positive class
 * (the second label) is that class. TP is its diagonal cell, FN the rest of its row, FP the rest
 * of its column, TN everything else.
 */
export function oneVsRest(cm: ConfusionMatrix, c: number): ConfusionMatrix {
  const at = (i: number, j: number): number => cm.matrix[i]?.[j] ?? 0;
  const tp = at(c, c);
  const fn = sum(cm.matrix[c] ?? []) - tp;
  const fp = sum(cm.labels.map((_, i) => at(i, c))) - tp;
  const tn = matrixTotal(cm) - tp - fn - fp;
  return {
    labels: [`not ${cm.labels[c] ?? ''}`, cm.labels[c] ?? ''],
    matrix: [
      [tn, fp],
      [fn, tp],
    ],
  };
}

/** Test metrics the confusion matrix contradicts (`metric-mismatch`), and a matrix without counts or with an unknown positive label. */
export function checkConfusionMatrix(record: Experiment): Check[] {
  const cm = record.evaluation?.confusionMatrix;
  // A malformed matrix fails validation (record-checks.ts); nothing can be derived from one.
  if (cm === undefined || !isWellFormedMatrix(cm)) return [];
  const path = 'evaluation.confusionMatrix';
  const checks: Check[] = [];
  if (matrixTotal(cm) === 0)
    return [{ level: 'warning', code: 'confusion-matrix-empty', message: message.matrixEmpty(), path: `${path}.matrix` }];
  if (cm.positiveLabel !== undefined && !cm.labels.includes(cm.positiveLabel)) {
    checks.push({
      level: 'warning',
      code: 'confusion-matrix-positive-label',
      message: message.positiveLabelUnknown(cm.positiveLabel, cm.labels),
      path: `${path}.positiveLabel`,
    });
  }
  const positive = cm.labels.length === 2 ? positiveClass(record, cm) : 1;
  (record.evaluation?.testMetrics ?? []).forEach((tm, i) => {
    const info = metricInfo(tm.metric, tm.unit);
    // The matrix is of the test set at top-1: train/validation and top-k metrics are not derivable from it.
    if (tm.value === null || (info.split !== null && info.split !== 'test') || /(?:^|_)top_(?!1(?:_|$))/.test(info.key)) return;
    // A metric of a second test set (`VisA FPR@95TPR` beside the MVTec AD matrix) is of other examples.
    if (tm['testSet'] !== undefined) return;
    // `Sensitivity (malignant)`: that class against the rest, not an average over the classes.
    const scoped = info.kind === 'accuracy' || info.kind === 'error' ? undefined : scopedClass(tm.metric, cm.labels);
    const d =
      scoped === undefined ? deriveFromMatrix(cm, info, positive) : deriveFromMatrix(oneVsRest(cm, scoped), { ...info, average: null }, 1);
    const valuePath = `evaluation.testMetrics.${i}.value`;
    const reported = scaleValue(info, tm.value, writtenDecimals(record, valuePath, tm.value));
    if (d === null || isScaleProblem(reported)) return;
    // A multi-class `F1` that names no average may be any of them (scikit-learn's reports give macro and
    // weighted side by side): it disagrees only when it is none of them.
    const averages =
      cm.labels.length > 2 && info.average === null && scoped === undefined
        ? (['weighted', 'micro'] as const).map((average) => deriveFromMatrix(cm, { ...info, average }, positive))
        : [];
    const agrees = (x: DerivedMetric | null): boolean => x !== null && agreesWithinRounding(reported.value, x.value, 0, reported.decimals);
    if (!agrees(d) && !averages.some(agrees)) {
      checks.push({
        level: 'warning',
        code: 'metric-mismatch',
        message: message.metricMismatch(
          tm.metric,
          tm.value,
          d.value / reported.factor,
          d.formula,
          'confusion matrix',
          tm.unit === '%' ? '%' : '',
        ),
        path: valuePath,
        hint: message.metricMismatchHint(),
      });
    }
  });
  return checks;
}

/** The test-set size stated by the matrix, the test split and the Overall group must agree (`test-size-mismatch`). */
export function checkTestSize(record: Experiment): Check[] {
  const sizes = testSetSizes(record);
  const first = sizes[0];
  if (first === undefined || sizes.every((s) => countsAgree(s.n, first.n))) return [];
  return [{ level: 'warning', code: 'test-size-mismatch', message: message.testSizeMismatch(sizes), path: 'evaluation' }];
}

// ---------------------------------------------------------------------------------------------
// Dataset splits

/**
 * `split-mismatch`: fractions that add up to less than 1 (−0.01; past 1 fails validation), record
 * counts that do not add up to the dataset size, or a fraction × dataset size that is not the split's
 * record count, beyond rounding.
 */
export function checkSplits(record: Experiment): Check[] {
  const dataset = record.dataset;
  const splits = dataset?.splits ?? [];
  if (dataset === undefined || splits.length === 0) return [];
  const checks: Check[] = [];
  const fractions = splits.map((s) => s.fraction);
  if (fractions.every((f) => f !== undefined)) {
    const total = sum(fractions);
    if (total < 1 - FRACTION_SUM_TOLERANCE - EPSILON) {
      checks.push({
        level: 'warning',
        code: 'split-mismatch',
        message: message.splitFractionSum(total, fractions),
        path: 'dataset.splits',
      });
    }
  }
  const datasetRecords = dataset.records;
  if (datasetRecords === undefined || datasetRecords === 0) return checks;
  const records = splits.map((s) => s.records);
  if (records.every((r) => r !== undefined)) {
    const total = sum(records);
    if (!countsAgree(total, datasetRecords)) {
      checks.push({
        level: 'warning',
        code: 'split-mismatch',
        message: message.splitRecordSum(total, records, datasetRecords),
        path: 'dataset.splits',
      });
    }
  }
  splits.forEach((split, i) => {
    if (split.fraction === undefined || split.records === undefined) return;
    // A fraction written as "70%" is good to ±0.005; the counts themselves to COUNT_TOLERANCE.
    const tolerance = halfUnit(Math.max(2, writtenDecimals(record, `dataset.splits.${i}.fraction`, split.fraction))) + COUNT_TOLERANCE;
    if (Math.abs(split.records / datasetRecords - split.fraction) > tolerance + EPSILON) {
      checks.push({
        level: 'warning',
        code: 'split-mismatch',
        message: message.splitFractionRecords(split.name, split.fraction, datasetRecords, split.records),
        path: `dataset.splits.${i}.records`,
      });
    }
  });
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Disaggregated table

/** A reported metric value with where it is written and the unit it is written in. */
interface Reported {
  name: string;
  value: number;
  unit?: string | undefined;
  path: string;
}

/** F1 of reported precision and recall is consistent with the reported F1, allowing for the rounding of all three (on one scale). */
function checkF1(record: Experiment, metrics: readonly Reported[], where: string): Check[] {
  const infos = metrics.map((m) => ({ ...m, info: metricInfo(m.name, m.unit) }));
  const plain = (kind: string) =>
    infos.find((m) => m.info.kind === kind && m.info.average === null && (m.info.split === null || m.info.split === 'test'));
  const [p, r, f] = [plain('precision'), plain('recall'), plain('f1')].map((m) => {
    if (m === undefined) return undefined;
    const scaled = scaleValue(m.info, m.value, writtenDecimals(record, m.path, m.value));
    return isScaleProblem(scaled) ? undefined : { ...m, scaled };
  });
  if (p === undefined || r === undefined || f === undefined || !/^f1$|(?:^|_)f1$/.test(f.info.key)) return [];
  const f1 = (a: number, b: number): number => (a + b === 0 ? 0 : (2 * a * b) / (a + b));
  const hp = halfUnit(p.scaled.decimals);
  const hr = halfUnit(r.scaled.decimals);
  const low = f1(p.scaled.value - hp, r.scaled.value - hr);
  const high = f1(p.scaled.value + hp, r.scaled.value + hr);
  const hf = halfUnit(f.scaled.decimals) + EPSILON;
  if (f.scaled.value >= low - hf && f.scaled.value <= high + hf) return [];
  return [
    {
      level: 'warning',
      code: 'metric-mismatch',
      message: message.f1Mismatch(where, f.value, p.value, r.value, f1(p.scaled.value, r.scaled.value) / f.scaled.factor),
      path: f.path,
    },
  ];
}

/**
 * A value of a unit-interval metric on neither scale (`value-out-of-range`: an accuracy of 130, of −0.1,
 * of 120%), or written without a unit above 1 (`percent-without-unit`, info: it is read as a percentage).
 */
function checkRange(name: string, value: number | null, unit: string | undefined, path: string): Check[] {
  const info = metricInfo(name, unit);
  if (value === null || !isUnitIntervalMetric(info)) return [];
  const scale = proportionScale(info, value);
  if (scale === null)
    return [
      {
        level: 'warning',
        code: 'value-out-of-range',
        message: info.unit === '%' ? message.outOfRange(name, value, 100) : message.notAProportion(name, value),
        path,
      },
    ];
  if (info.unit === null && scale === 'percent')
    return [{ level: 'info', code: 'percent-without-unit', message: message.proportionAsPercent(name, value), path }];
  return [];
}

function entries(metrics: Readonly<Record<string, number | null>>, prefix: string): Reported[] {
  return Object.entries(metrics).flatMap(([name, value]) => (value === null ? [] : [{ name, value, path: `${prefix}.${name}` }]));
}

/** Words that count rows of any kind: a size counted in them may be of the same things as any other. */
const GENERIC_COUNT = /^(?:n|count|size|number|records?|rows?|samples?|examples?|instances?|items?|data ?points?|observations?)$/;

/** The thing a count is of (`Users` → user, `5.2M interactions` → interaction), singular; undefined when generic or none. */
function countedThing(text: string | undefined, afterNumber: boolean): string | undefined {
  if (text === undefined) return undefined;
  const word = afterNumber
    ? /\d[\d,.]*\s*[kKmMbB]?\s+([A-Za-z][A-Za-z-]+)/.exec(text)?.[1]
    : /([A-Za-z][A-Za-z-]+)\s*(?:\(n\))?\s*$/.exec(text.replace(/^(?:#|no\.|num(?:ber)?(?: of)?)\s*/i, ''))?.[1];
  const noun = word?.toLowerCase().replace(/s$/, '');
  return noun === undefined || GENERIC_COUNT.test(noun) ? undefined : noun;
}

/**
 * True when the groups are counted in other things than the test split (`Users` against a split of
 * `5.2M interactions`): their sizes need not add up to it.
 */
function countsOtherThings(groupSizeLabel: string | undefined, splitText: string | undefined): boolean {
  const groups = countedThing(groupSizeLabel, false);
  const split = countedThing(splitText, true);
  return groups !== undefined && split !== undefined && groups !== split;
}

/**
 * The disaggregated table: group sizes against the overall n (`group-size-mismatch`), the Overall row
 * against the test metrics and against the size-weighted mean of the groups (`group-overall-mismatch`),
 * F1 against precision and recall per group, and proportions out of range.
 */
export function checkGroups(record: Experiment): Check[] {
  const rows = record.evaluation?.disaggregated ?? [];
  if (rows.length === 0) return [];
  const checks: Check[] = [];
  const index = new Map<GroupRow, number>(rows.map((row, i) => [row, i]));
  const overall = rows.find(isOverallGroup);
  const overallIndex = overall === undefined ? -1 : rows.indexOf(overall);
  const testSplit = findTestSplit(record);
  const written = testSplit === null ? undefined : record.dataset?.splits?.[testSplit.index]?.['text'];
  const splitText = typeof written === 'string' ? written : undefined;
  const expected =
    overall?.n !== undefined
      ? { n: overall.n, source: 'Overall row n' }
      : testSplit?.records !== undefined && !countsOtherThings(record.evaluation?.groupSizeLabel, splitText)
        ? { n: testSplit.records, source: 'test split size' }
        : null;
  const metricPath = (row: GroupRow, name: string): string => `evaluation.disaggregated.${index.get(row) ?? 0}.metrics.${name}`;

  rows.forEach((row, i) => {
    const metrics = entries(row.metrics, `evaluation.disaggregated.${i}.metrics`);
    for (const m of metrics) checks.push(...checkRange(m.name, m.value, undefined, m.path));
    checks.push(...checkF1(record, metrics, `Group "${row.group}":`));
  });

  for (const { attribute, rows: groupRows } of groupRowsByAttribute(rows)) {
    const sizes = groupRows.map((row) => row.n);
    if (expected === null || !sizes.every((n) => n !== undefined)) continue;
    const total = sum(sizes);
    const firstIndex = index.get(groupRows[0] as GroupRow) ?? 0;
    if (!countsAgree(total, expected.n)) {
      checks.push({
        level: 'warning',
        code: 'group-size-mismatch',
        message: message.groupSizeSum(attribute, total, sizes, expected.n, expected.source),
        path: `evaluation.disaggregated.${firstIndex}.n`,
      });
      continue;
    }
    if (overall === undefined) continue;
    // The groups partition the population: an overall proportion of counts is their size-weighted mean.
    for (const { name, value, path } of entries(overall.metrics, `evaluation.disaggregated.${overallIndex}.metrics`)) {
      const info = metricInfo(name);
      if (info.kind !== 'accuracy' && info.kind !== 'error' && info.kind !== 'selection-rate') continue;
      const values = groupRows.map((row) => getOwn(row.metrics, name));
      if (!values.every((v) => typeof v === 'number')) continue;
      const weighted = sum(groupRows.map((row, g) => (values[g] as number) * (row.n as number))) / total;
      const slack =
        sum(groupRows.map((row, g) => halfUnit(writtenDecimals(record, metricPath(row, name), values[g] as number)) * (row.n as number))) /
        total;
      if (!agreesWithinRounding(value, weighted, slack, writtenDecimals(record, path, value))) {
        checks.push({
          level: 'warning',
          code: 'group-overall-mismatch',
          message: message.groupOverallMean(name, attribute, weighted, value),
          path,
        });
      }
    }
  }

  if (overall !== undefined) {
    for (const { name, value, path } of entries(overall.metrics, `evaluation.disaggregated.${overallIndex}.metrics`)) {
      const info = metricInfo(name);
      const test = testMetricByKey(record, info.key);
      if (test === undefined || sameWritten({ value, info, decimals: writtenDecimals(record, path, value) }, test)) continue;
      checks.push({ level: 'warning', code: 'group-overall-mismatch', message: message.overallVsTest(name, value, test.value), path });
    }
  }
  return checks;
}

/** The group rates a stated fairness figure is computed from. */
type GroupRate = 'selection' | 'tpr' | 'fpr';

/**
 * Fairness figures a log states as one number (as fairlearn names them), and how each is computed
 * from the groups' rates: a difference is the largest group's rate less the smallest's, a ratio the
 * smallest over the largest; over two rates (equalized odds) the larger difference, the smaller ratio.
 */
const STATED_FAIRNESS: readonly { pattern: RegExp; rates: readonly GroupRate[]; form: 'difference' | 'ratio' }[] = [
  { pattern: /^(?:demographic|statistical) parity (?:difference|diff|gap)$/, rates: ['selection'], form: 'difference' },
  { pattern: /^(?:demographic parity ratio|disparate impact(?: ratio)?)$/, rates: ['selection'], form: 'ratio' },
  { pattern: /^equali[sz]ed odds (?:difference|diff|gap)$/, rates: ['tpr', 'fpr'], form: 'difference' },
  { pattern: /^equali[sz]ed odds ratio$/, rates: ['tpr', 'fpr'], form: 'ratio' },
  { pattern: /^equal opportunity (?:difference|diff|gap)$/, rates: ['tpr'], form: 'difference' },
  { pattern: /^equal opportunity ratio$/, rates: ['tpr'], form: 'ratio' },
];

/** Which rate a group column holds: a selection (approval, positive) rate, the TPR (recall) or the FPR. */
function groupRate(info: MetricInfo): GroupRate | undefined {
  if (info.kind === 'selection-rate') return 'selection';
  if (info.kind === 'recall') return 'tpr';
  if (info.kind === 'fpr') return 'fpr';
  return undefined;
}

/**
 * A fairness figure stated as a test metric (`Demographic parity ratio: 0.89`, `Equalized odds
 * difference: 0.03`) against the same figure computed from the groups' rates (`fairness-mismatch`),
 * within the rounding of what is written. Checked when exactly one attribute's groups give every
 * rate the figure needs; rates in percent are read as fractions.
 */
export function checkStatedFairness(record: Experiment): Check[] {
  const rows = (record.evaluation?.disaggregated ?? []).filter((row) => !isOverallGroup(row));
  if (rows.length < 2) return [];
  const index = new Map<GroupRow, number>((record.evaluation?.disaggregated ?? []).map((row, i) => [row, i]));
  const checks: Check[] = [];
  (record.evaluation?.testMetrics ?? []).forEach((tm, i) => {
    const figure = STATED_FAIRNESS.find(({ pattern }) => pattern.test(metricInfo(tm.metric).name.toLowerCase().replace(/[_-]+/g, ' ')));
    if (figure === undefined || typeof tm.value !== 'number') return;
    const computed = groupRowsByAttribute(rows).flatMap(({ attribute, rows: groups }) => {
      // Per rate: every group's value as a fraction, with half a unit of how it was written.
      const perRate = figure.rates.map((rate) => {
        const values = groups.map((row) => {
          const name = Object.keys(row.metrics).find((key) => groupRate(metricInfo(key)) === rate);
          const value = name === undefined ? undefined : getOwn(row.metrics, name);
          if (name === undefined || typeof value !== 'number') return undefined;
          const decimals = writtenDecimals(record, `evaluation.disaggregated.${index.get(row) ?? 0}.metrics.${name}`, value);
          const scaled = scaleValue(metricInfo(name), value, decimals);
          return isScaleProblem(scaled) ? undefined : { value: scaled.value, slack: halfUnit(scaled.decimals) };
        });
        return values.every((v) => v !== undefined) ? values : undefined;
      });
      if (perRate.some((values) => values === undefined)) return [];
      const per = (perRate as { value: number; slack: number }[][]).map((values) => {
        const low = values.reduce((a, b) => (b.value < a.value ? b : a));
        const high = values.reduce((a, b) => (b.value > a.value ? b : a));
        if (figure.form === 'difference') return { value: high.value - low.value, slack: high.slack + low.slack };
        if (high.value <= 0) return undefined;
        const ratio = low.value / high.value;
        return { value: ratio, slack: ratio * (low.slack / Math.max(low.value, EPSILON) + high.slack / high.value) };
      });
      if (per.some((p) => p === undefined)) return [];
      const all = per as { value: number; slack: number }[];
      const pick = all.reduce((a, b) => ((figure.form === 'difference' ? b.value > a.value : b.value < a.value) ? b : a));
      return [{ attribute, ...pick }];
    });
    const only = computed.length === 1 ? computed[0] : undefined;
    if (only === undefined) return;
    const path = `evaluation.testMetrics.${i}.value`;
    const decimals = writtenDecimals(record, path, tm.value);
    // A difference may be written in percentage points (`4.0` for 0.04).
    const stated = figure.form === 'difference' && tm.value > 1 && tm.value <= 100 ? tm.value / 100 : tm.value;
    const statedDecimals = stated === tm.value ? decimals : decimals + 2;
    if (agreesWithinRounding(stated, only.value, only.slack, statedDecimals)) return;
    checks.push({
      level: 'warning',
      code: 'fairness-mismatch',
      message: message.statedFairness(tm.metric, tm.value, only.attribute, only.value, figure.form),
      path,
    });
  });
  return checks;
}

/**
 * A log's own summary of its groups (`| Max gap | | 0.03 | 0.02 |` under them, read into
 * `evaluation.statedGaps`) against the same figure computed from the groups' values in that column
 * (`fairness-mismatch`): the highest value less the lowest (its size, whatever its sign), or the
 * lowest over the highest, on the scale the column is written in, within the rounding of what is
 * written. Checked when the groups are of one attribute and every group has the column.
 */
export function checkStatedGaps(record: Experiment): Check[] {
  const all = record.evaluation?.disaggregated ?? [];
  const stated = statedGaps(record);
  const attributes = groupRowsByAttribute(all.filter((row) => !isOverallGroup(row)));
  const only = attributes.length === 1 ? attributes[0] : undefined;
  if (stated.length === 0 || only === undefined || only.rows.length < 2) return [];
  const index = new Map<GroupRow, number>(all.map((row, i) => [row, i]));
  const checks: Check[] = [];
  stated.forEach((gap, i) => {
    for (const [metric, value] of Object.entries(gap.metrics)) {
      if (typeof value !== 'number') continue;
      const values = only.rows.map((row) => {
        const v = getOwn(row.metrics, metric);
        if (typeof v !== 'number') return undefined;
        return {
          value: v,
          slack: halfUnit(writtenDecimals(record, `evaluation.disaggregated.${index.get(row) ?? 0}.metrics.${metric}`, v)),
        };
      });
      if (values.some((v) => v === undefined)) continue;
      const known = values as { value: number; slack: number }[];
      const low = known.reduce((a, b) => (b.value < a.value ? b : a));
      const high = known.reduce((a, b) => (b.value > a.value ? b : a));
      if (gap.form === 'ratio' && high.value <= 0) continue;
      const computed =
        gap.form === 'difference'
          ? { value: high.value - low.value, slack: high.slack + low.slack }
          : {
              value: low.value / high.value,
              slack: (low.value / high.value) * (low.slack / Math.max(low.value, EPSILON) + high.slack / high.value),
            };
      const path = `evaluation.statedGaps.${i}.metrics.${metric}`;
      const written = gap.form === 'difference' ? Math.abs(value) : value;
      if (agreesWithinRounding(written, computed.value, computed.slack, writtenDecimals(record, path, value))) continue;
      checks.push({
        level: 'warning',
        code: 'fairness-mismatch',
        message: message.statedGap(gap.label, metric, value, only.attribute, computed.value, gap.form),
        path,
      });
    }
  });
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Test metrics and baseline table

function ciChecks(record: Experiment, tm: TestMetric, i: number): Check[] {
  if (tm.ci95 === undefined || tm.value === null) return [];
  const path = `evaluation.testMetrics.${i}.ci95`;
  // A half-width that may be points or a fraction (one written as fractions beside a value in
  // percent is read in percent when the record is read, and said there).
  const info = metricInfo(tm.metric, tm.unit);
  const n = proportionDenominator(record, info)?.n ?? null;
  const scaled = intervalOnValueScale(info, tm.value, tm.ci95, n);
  // Giving the size settles it only for a proportion of counts whose size is not known yet.
  if (scaled.reading === 'doubtful' && typeof tm.ci95 === 'number')
    return [
      {
        level: 'warning',
        code: 'ci-scale',
        message: message.ciDoubtfulScale(tm.metric, tm.value, tm.ci95, info.isProportion && n === null),
        path,
      },
    ];
  const ci = tm.ci95;
  if (typeof ci === 'number') return [];
  if (ci.low > ci.high) return [{ level: 'warning', code: 'ci-mismatch', message: message.ciReversed(tm.metric, ci.low, ci.high), path }];
  const slack = (bound: number, name: 'low' | 'high'): number => halfUnit(writtenDecimals(record, `${path}.${name}`, bound)) + EPSILON;
  if (tm.value < ci.low - slack(ci.low, 'low') || tm.value > ci.high + slack(ci.high, 'high')) {
    return [{ level: 'warning', code: 'ci-mismatch', message: message.ciExcludesValue(tm.metric, tm.value, ci.low, ci.high), path }];
  }
  return [];
}

/**
 * Test metrics and the baseline table: values out of range, CIs that do not contain their value,
 * F1 against precision and recall, and the current baseline row against the test metrics (on one
 * scale: 0.87 in the table is 87% in the test metrics).
 */
export function checkMetricValues(record: Experiment): Check[] {
  const checks: Check[] = [];
  const testMetrics = record.evaluation?.testMetrics ?? [];
  testMetrics.forEach((tm, i) => {
    checks.push(...checkRange(tm.metric, tm.value, tm.unit, `evaluation.testMetrics.${i}.value`), ...ciChecks(record, tm, i));
  });
  const multiClass = (record.evaluation?.confusionMatrix?.labels.length ?? 2) > 2;
  if (!multiClass) {
    const values = testMetrics.flatMap((tm, i) =>
      tm.value === null ? [] : [{ name: tm.metric, value: tm.value, unit: tm.unit, path: `evaluation.testMetrics.${i}.value` }],
    );
    checks.push(...checkF1(record, values, 'Test'));
  }
  const baselines = record.comparison?.baselines ?? [];
  baselines.forEach((row, i) => {
    for (const m of entries(row.metrics, `comparison.baselines.${i}.metrics`))
      checks.push(...checkRange(m.name, m.value, undefined, m.path));
  });
  const current = findCurrentRow(record);
  if (current !== undefined) {
    const i = baselines.indexOf(current);
    for (const { name, value, path } of entries(current.metrics, `comparison.baselines.${i}.metrics`)) {
      const info = metricInfo(name);
      const test = testMetricByKey(record, info.key);
      if (test === undefined || sameWritten({ value, info, decimals: writtenDecimals(record, path, value) }, test)) continue;
      checks.push({
        level: 'warning',
        code: 'baseline-current-mismatch',
        message: message.currentRowVsTest(name, value, test.value),
        path,
      });
    }
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Training

/** `compute-mismatch`: GPU-hours against GPU count × duration, allowing for the rounding of each. */
export function checkCompute(record: Experiment): Check[] {
  const infra = record.training?.infrastructure;
  const { gpuHours, gpuCount, durationHours } = infra ?? {};
  if (gpuHours === undefined || gpuCount === undefined || durationHours === undefined) return [];
  const tolerance =
    halfUnit(writtenDecimals(record, 'training.infrastructure.gpuHours', gpuHours)) +
    gpuCount * halfUnit(writtenDecimals(record, 'training.infrastructure.durationHours', durationHours)) +
    EPSILON;
  if (Math.abs(gpuHours - gpuCount * durationHours) <= tolerance) return [];
  return [
    {
      level: 'warning',
      code: 'compute-mismatch',
      message: message.computeMismatch(gpuHours, gpuCount, durationHours),
      path: 'training.infrastructure.gpuHours',
    },
  ];
}

/** The metric columns of a history, in the order they first appear. */
function historyColumns(history: readonly EpochRow[]): string[] {
  const columns = new Set<string>();
  for (const row of history) for (const column of Object.keys(row)) if (column !== 'epoch') columns.add(column);
  return [...columns];
}

/** The column of `columns` (see `historyColumns`) that holds metric `name`. */
function historyColumn(columns: readonly string[], name: string): string | undefined {
  const key = metricInfo(name).key;
  return columns.find((c) => metricInfo(c).key === key);
}

function numberAt(row: EpochRow, column: string): number | null {
  const value = getOwn(row, column);
  return typeof value === 'number' ? value : null;
}

/** Two reported values of one metric agree up to the rounding they were written with, on one scale. */
function agree(record: Experiment, a: Reported, b: Reported): boolean {
  return sameQuantity(
    { value: a.value, info: metricInfo(a.name, a.unit), decimals: writtenDecimals(record, a.path, a.value) },
    { value: b.value, info: metricInfo(b.name, b.unit), decimals: writtenDecimals(record, b.path, b.value) },
  );
}

/** A reported value on the common scale (as written when it cannot be placed), so that values of one metric written as 87.8 and 0.878 order correctly. */
function onScale(r: Reported): number {
  const scaled = scaleValue(metricInfo(r.name, r.unit), r.value, 0);
  return isScaleProblem(scaled) ? r.value : scaled.value;
}

/**
 * The best model against the training history: its values against the history row of its epoch, its
 * selection metric against the other rows (`best-epoch-mismatch`), the configured epochs and early
 * stopping, the order of the history, and checkpoint artifacts of another epoch.
 */
export function checkTraining(record: Experiment): Check[] {
  const training = record.training;
  const history = training?.history ?? [];
  const axis = historyAxisOf(record);
  const checks: Check[] = [];
  for (let i = 1; i < history.length; i++) {
    const previous = history[i - 1]?.epoch ?? 0;
    const next = history[i]?.epoch ?? 0;
    if (next <= previous) {
      checks.push({
        level: 'info',
        code: 'history-order',
        message: message.historyOrder(previous, next, axis),
        path: `training.history.${i}.epoch`,
      });
      break;
    }
  }
  const best = training?.bestModel;
  const epoch = best?.epoch;
  if (best === undefined || epoch === undefined) return checks;
  const bestMetrics = entries(best.metrics ?? {}, 'training.bestModel.metrics');
  const rowIndex = history.findIndex((r) => r.epoch === epoch);
  const row = history[rowIndex];
  // Each row's index and the columns are found once: the loops below visit every row for every metric.
  const indexOf = new Map<EpochRow, number>();
  history.forEach((r, i) => {
    if (!indexOf.has(r)) indexOf.set(r, i);
  });
  const columns = historyColumns(history);
  const cell = (r: EpochRow, column: string): Reported | null => {
    const value = numberAt(r, column);
    return value === null ? null : { name: column, value, path: `training.history.${indexOf.get(r) ?? -1}.${column}` };
  };

  for (const m of bestMetrics) {
    const column = historyColumn(columns, m.name);
    const historyValue = row === undefined || column === undefined ? null : cell(row, column);
    if (historyValue !== null && !agree(record, m, historyValue)) {
      checks.push({
        level: 'warning',
        code: 'best-epoch-mismatch',
        message: message.bestEpochValue(epoch, m.name, m.value, historyValue.value, axis),
        path: m.path,
      });
    }
  }

  const others = history.filter((r) => r.epoch !== epoch);
  const selectedColumn = best.selectedBy === undefined ? undefined : historyColumn(columns, best.selectedBy);
  if (selectedColumn !== undefined) {
    const info = metricInfo(selectedColumn);
    const own = bestMetrics.find((m) => metricInfo(m.name).key === info.key) ?? (row === undefined ? null : cell(row, selectedColumn));
    if (own !== null && info.direction !== null) {
      const direction = info.direction;
      let better: Reported | null = null;
      let betterEpoch = 0;
      for (const r of others) {
        const v = cell(r, selectedColumn);
        if (
          v !== null &&
          isBetter(onScale(v), onScale(own), direction) &&
          !agree(record, v, own) &&
          (better === null || isBetter(onScale(v), onScale(better), direction))
        ) {
          better = v;
          betterEpoch = r.epoch;
        }
      }
      if (better !== null) {
        checks.push({
          level: 'warning',
          code: 'best-epoch-mismatch',
          message: message.bestEpochNotBest(epoch, selectedColumn, own.value, betterEpoch, better.value, direction, axis),
          path: 'training.bestModel.epoch',
        });
      }
    }
  } else {
    // Selection metric unknown: flag only an epoch that beats the best model on every metric it reports.
    const compared = bestMetrics.flatMap((m) => {
      const column = historyColumn(columns, m.name);
      const direction = metricInfo(m.name).direction;
      return column === undefined || direction === null ? [] : [{ ...m, column, direction }];
    });
    const dominating =
      compared.length === 0
        ? undefined
        : others.find((r) =>
            compared.every((m) => {
              const v = cell(r, m.column);
              return v !== null && isBetter(onScale(v), onScale(m), m.direction) && !agree(record, v, m);
            }),
          );
    if (dominating !== undefined) {
      checks.push({
        level: 'warning',
        code: 'best-epoch-mismatch',
        message: message.bestEpochDominated(
          epoch,
          dominating.epoch,
          compared.map((m) => m.name),
          axis,
        ),
        path: 'training.bestModel.epoch',
      });
    }
  }

  // The configured epochs, the early-stopping patience and a checkpoint's epoch count epochs: a
  // history counted in steps says nothing about them.
  if (axis !== 'epoch') return checks;
  const config = record.model?.training;
  if (config?.epochs !== undefined && epoch > config.epochs) {
    checks.push({
      level: 'warning',
      code: 'best-epoch-mismatch',
      message: message.bestEpochBeyondTraining(epoch, config.epochs),
      path: 'training.bestModel.epoch',
    });
  }
  const patience = config?.earlyStopping?.enabled === true ? config.earlyStopping.patience : undefined;
  const lastEpoch = maxOf(history.map((r) => r.epoch));
  if (patience !== undefined && history.length > 0 && lastEpoch > epoch + patience) {
    checks.push({
      level: 'warning',
      code: 'early-stopping-mismatch',
      message: message.earlyStopping(epoch, patience, lastEpoch),
      path: 'model.training.earlyStopping.patience',
      hint: message.earlyStoppingHint(),
    });
  }
  (record.reproducibility?.artifacts ?? []).forEach((artifact, i) => {
    const match = /epoch[-_ ]?(\d+)/i.exec(`${artifact.name} ${artifact.uri}`);
    if (match !== null && Number(match[1]) !== epoch) {
      checks.push({
        level: 'info',
        code: 'checkpoint-epoch-mismatch',
        message: message.checkpointEpoch(artifact.name, Number(match[1]), epoch),
        path: `reproducibility.artifacts.${i}.uri`,
      });
    }
  });
  return checks;
}

// ---------------------------------------------------------------------------------------------
// References, placeholders, tuning

/** `dangling-reference`: parent and related ids (warning) and baseline experiment ids (info) not among `ids`. */
export function checkReferences(record: Experiment, ids: ReadonlySet<string>): Check[] {
  const checks: Check[] = [];
  const parent = record.lineage?.parent;
  if (parent !== undefined && !ids.has(parent)) {
    checks.push({ level: 'warning', code: 'dangling-reference', message: message.danglingParent(parent), path: 'lineage.parent' });
  }
  (record.lineage?.related ?? []).forEach((id, i) => {
    if (!ids.has(id))
      checks.push({ level: 'warning', code: 'dangling-reference', message: message.danglingRelated(id), path: `lineage.related.${i}` });
  });
  (record.comparison?.baselines ?? []).forEach((row, i) => {
    if (row.experimentId !== undefined && !ids.has(row.experimentId)) {
      checks.push({
        level: 'info',
        code: 'dangling-reference',
        message: message.danglingBaseline(row.label, row.experimentId),
        path: `comparison.baselines.${i}.experimentId`,
      });
    }
  });
  return checks;
}

/** A dataset as a record names it, `name (version v)`, and its comparable form; undefined without a name. */
function datasetOf(record: Experiment): { label: string; name: string; version: string | undefined } | undefined {
  const name = record.dataset?.name?.trim();
  if (name === undefined || name === '') return undefined;
  const version = record.dataset?.version === undefined ? undefined : String(record.dataset.version).trim();
  return {
    label: version === undefined || version === '' ? name : `${name} (version ${version})`,
    name: name.toLowerCase(),
    // `v2.0`, `2.0` and `2.0.0` are one version.
    version:
      version === undefined || version === ''
        ? undefined
        : version
            .toLowerCase()
            .replace(/^v(?=\d)/, '')
            .replace(/(?:\.0)+$/, ''),
  };
}

/**
 * `parent-dataset-differs` (info): the parent was evaluated on another dataset, or another version of
 * it, so a change against the parent mixes the model's effect with the data's. Said only when both
 * name their dataset (and, for the same name, both give a version).
 */
export function checkParentDataset(record: Experiment, parent: Experiment): Check[] {
  const mine = datasetOf(record);
  const theirs = datasetOf(parent);
  if (mine === undefined || theirs === undefined) return [];
  const differs =
    mine.name !== theirs.name || (mine.version !== undefined && theirs.version !== undefined && mine.version !== theirs.version);
  if (!differs) return [];
  return [
    {
      level: 'info',
      code: 'parent-dataset-differs',
      message: message.parentDatasetDiffers(parent.id, theirs.label, mine.label),
      path: 'dataset',
    },
  ];
}

/** `placeholder`: one info item listing the fields left as unfilled template placeholders. */
export function checkPlaceholders(record: Experiment): Check[] {
  const paths = record.placeholders ?? [];
  return paths.length === 0 ? [] : [{ level: 'info', code: 'placeholder', message: message.placeholders(paths), path: 'placeholders' }];
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sameScalar(a: unknown, b: Scalar): boolean {
  return (
    a === b ||
    (typeof a === 'string' && typeof b === 'number' && Number(a) === b) ||
    (typeof a === 'number' && typeof b === 'string' && Number(b) === a)
  );
}

/** `hyperparameter-mismatch` (info): a best hyperparameter found by tuning differs from the value in the hyperparameter table. */
export function checkTuning(record: Experiment): Check[] {
  const best = record.tuning?.bestHyperparameters ?? {};
  const table = record.model?.hyperparameters ?? [];
  return table.flatMap((hp, i) => {
    if (!(hp.name in best) || hp.value === undefined || sameScalar(best[hp.name], hp.value)) return [];
    return [
      {
        level: 'info' as const,
        code: 'hyperparameter-mismatch',
        message: message.hyperparameterTuned(hp.name, showValue(best[hp.name]), showValue(hp.value)),
        path: `model.hyperparameters.${i}.value`,
      },
    ];
  });
}

/** Context of the collection a record is checked in. */
export interface CheckContext {
  /** Ids of all records in the collection. */
  ids: ReadonlySet<string>;
  /** The parent cycle this record is on, if any. */
  cycle?: readonly string[] | null;
}

/** All record-level checks (claims are checked with the deltas), errors first. */
export function checkRecord(record: Experiment, context: CheckContext): Check[] {
  const cycle = context.cycle ?? null;
  return sortChecks([
    ...(cycle === null
      ? []
      : [{ level: 'error' as const, code: 'lineage-cycle', message: message.lineageCycle(cycle), path: 'lineage.parent' }]),
    ...checkConfusionMatrix(record),
    ...checkTestSize(record),
    ...checkMetricValues(record),
    ...checkGroups(record),
    ...checkStatedFairness(record),
    ...checkStatedGaps(record),
    ...checkSplits(record),
    ...checkCompute(record),
    ...checkTraining(record),
    ...checkReferences(record, context.ids),
    ...checkTuning(record),
    ...checkPlaceholders(record),
  ]);
}
