/**
 * Test-set sizes of a record, as needed by the two-proportion intervals: the whole test set, and the
 * denominator of a given proportion (actual positives for recall, predicted positives for precision, …).
 */
import type { ConfusionMatrix, Experiment, GroupRow } from '../schema/index.ts';
import { isScaleProblem, metricInfo, scaleValue, type MetricInfo } from './metrics.ts';
import { agreesWithinRounding, decimalsOf, sum } from './stats.ts';

/** A test-set size and where it was read from. */
export interface TestSetSize {
  n: number;
  source: 'confusion matrix' | 'test split' | 'test set label' | 'overall group';
}

/** True when the row is the Overall row of a disaggregated table. */
export function isOverallGroup(row: GroupRow): boolean {
  if (row.overall === true) return true;
  const hasAttributes = row.attributes !== undefined && Object.keys(row.attributes).length > 0;
  return !hasAttributes && OVERALL_GROUP_NAME.test(row.group.trim());
}

/** How people name the whole population in a disaggregated table: "Overall", "All", "Total", "Everyone", "All groups". */
export const OVERALL_GROUP_NAME =
  /^(?:overall|all|total|everyone|all (?:groups|users|patients|customers|subjects|participants|people|samples|examples|records|regions|sites|classes|speakers|series|queries|images))$/i;

/** True when a matrix is square and matches its labels. */
export function isWellFormedMatrix(cm: ConfusionMatrix): boolean {
  return cm.matrix.length === cm.labels.length && cm.matrix.every((row) => row.length === cm.labels.length);
}

/** Total count of a confusion matrix. */
export function matrixTotal(cm: ConfusionMatrix): number {
  return sum(cm.matrix.map((row) => sum(row)));
}

/** The split named like a test split ("Test", "Test set", "Holdout"), if any. */
export function findTestSplit(record: Experiment): { index: number; records: number | undefined } | null {
  const splits = record.dataset?.splits ?? [];
  const index = splits.findIndex((s) => /\b(?:test|testing|holdout)\b/i.test(s.name));
  return index < 0 ? null : { index, records: splits[index]?.records };
}

/** Sizes of the test set as stated in different places of the record, in order of trust. */
export function testSetSizes(record: Experiment): TestSetSize[] {
  const sizes: TestSetSize[] = [];
  const cm = record.evaluation?.confusionMatrix;
  if (cm !== undefined && isWellFormedMatrix(cm)) sizes.push({ n: matrixTotal(cm), source: 'confusion matrix' });
  const testRecords = findTestSplit(record)?.records;
  if (testRecords !== undefined) sizes.push({ n: testRecords, source: 'test split' });
  const labelled = record.evaluation?.testSetSize;
  if (labelled !== undefined) sizes.push({ n: labelled, source: 'test set label' });
  const overallN = (record.evaluation?.disaggregated ?? []).find(isOverallGroup)?.n;
  if (overallN !== undefined) sizes.push({ n: overallN, source: 'overall group' });
  return sizes;
}

/** Size of the test set: confusion-matrix total, else test split records, else the size written beside the results, else the Overall group's n. */
export function testSetSize(record: Experiment): TestSetSize | null {
  return testSetSizes(record)[0] ?? null;
}

/** The count a proportion is a fraction of, and what that count is; or why it is not known. */
export type Denominator = { n: number; of: string; reason?: undefined } | { n: null; of?: undefined; reason: string };

/** What the denominator of a proportion metric counts: the whole set, actual positives, predicted positives or actual negatives. */
export type DenominatorKind = 'all' | 'actual positives' | 'predicted positives' | 'actual negatives';

/**
 * What a proportion metric is a fraction of: accuracy, error and selection rate of every example;
 * recall (TPR) and FNR of the actual positives; precision of the predicted positives; specificity and
 * FPR of the actual negatives. Null for a metric that is not a proportion of counts, or one averaged
 * over classes (macro/weighted), which is not a proportion of a single count (micro is accuracy).
 */
export function denominatorKind(info: MetricInfo): DenominatorKind | null {
  if (!info.isProportion) return null;
  if (info.kind === 'recall' || info.kind === 'fnr')
    return info.average === null ? 'actual positives' : info.average === 'micro' ? 'all' : null;
  if (info.kind === 'precision') return info.average === null ? 'predicted positives' : info.average === 'micro' ? 'all' : null;
  if (info.kind === 'specificity' || info.kind === 'fpr') return info.average === null ? 'actual negatives' : null;
  return 'all';
}

/** True when the denominator depends on the model's predictions (precision: predicted positives), so another model on the same test set has its own. */
export function isPredictionDenominator(info: MetricInfo): boolean {
  return denominatorKind(info) === 'predicted positives';
}

/**
 * The denominator of a proportion metric on a record's test set: the test-set size for a proportion of
 * every example; with a binary confusion matrix, its actual positives, predicted positives or actual
 * negatives. Never the whole test set for a proportion of a subset: when the subset's size is not known,
 * `n` is null and `reason` says why. Null for a metric that is not a proportion of counts.
 */
export function proportionDenominator(record: Experiment, info: MetricInfo): Denominator | null {
  if (!info.isProportion) return null;
  const kind = denominatorKind(info);
  if (kind === null) return { n: null, reason: `${info.name} is averaged over classes, not a proportion of one count` };
  const size = testSetSize(record);
  if (kind === 'all')
    return size === null ? { n: null, reason: 'the test-set size is not given' } : { n: size.n, of: `the test set (${size.source})` };
  const cm = record.evaluation?.confusionMatrix;
  if (cm === undefined || !isWellFormedMatrix(cm) || cm.labels.length !== 2)
    return { n: null, reason: `the number of ${kind} (the denominator of ${info.name}) is not known without a binary confusion matrix` };
  const p = positiveClass(record, cm);
  const q = 1 - p;
  const at = (i: number, j: number): number => cm.matrix[i]?.[j] ?? 0;
  const n = kind === 'predicted positives' ? at(p, p) + at(q, p) : kind === 'actual positives' ? at(p, p) + at(p, q) : at(q, q) + at(q, p);
  return { n, of: `the ${kind} of the confusion matrix` };
}

/** Names of count columns of a disaggregated table: a group's actual positives, and its predicted positives. */
const POSITIVES_COLUMN = /^(?:#\s*|n\s*)?(?:actual\s+|true\s+)?positives?$|^n[\s_]?pos(?:itives?)?$/i;
const PREDICTED_POSITIVES_COLUMN = /^(?:#\s*|n\s*)?(?:predicted\s+positives?|selected|flagged)$/i;

/** True for a column of a disaggregated table that counts examples (positives, predicted positives) rather than holds a metric. */
export function isGroupCountColumn(name: string): boolean {
  return POSITIVES_COLUMN.test(name.trim()) || PREDICTED_POSITIVES_COLUMN.test(name.trim());
}

/**
 * The denominator of a proportion metric within one group of a disaggregated table: the group's n for
 * a proportion of every example; its actual positives (a "Positives" column), predicted positives
 * ("Predicted positives") or actual negatives (n − positives) otherwise. Never the group's n for a
 * proportion of a subset. Null for a metric that is not a proportion of counts.
 */
export function groupDenominator(row: GroupRow, info: MetricInfo): Denominator | null {
  if (!info.isProportion) return null;
  const kind = denominatorKind(info);
  if (kind === null) return { n: null, reason: `${info.name} is averaged over classes, not a proportion of one count` };
  const count = (pattern: RegExp): number | null => {
    const entry = Object.entries(row.metrics).find(([name, value]) => pattern.test(name.trim()) && typeof value === 'number');
    return entry === undefined ? null : entry[1];
  };
  const positives = count(POSITIVES_COLUMN);
  const n =
    kind === 'all'
      ? (row.n ?? null)
      : kind === 'actual positives'
        ? positives
        : kind === 'predicted positives'
          ? count(PREDICTED_POSITIVES_COLUMN)
          : row.n === undefined || positives === null
            ? null
            : row.n - positives;
  if (n !== null) return { n, of: kind === 'all' ? 'the group size' : `the group's ${kind}` };
  return {
    n: null,
    reason:
      kind === 'all'
        ? `the size of group "${row.group}" is not given`
        : `the ${kind} of group "${row.group}" (the denominator of ${info.name}) are not given`,
  };
}

/** Index of the positive class of a binary matrix: `positiveLabel` if it names a label, else the second label. */
export function positiveIndex(cm: ConfusionMatrix): number {
  const index = cm.positiveLabel === undefined ? -1 : cm.labels.indexOf(cm.positiveLabel);
  return index < 0 ? 1 : index;
}

/** Labels that name the positive class of a binary matrix, and the negative one. */
const POSITIVE_LABEL = /^(?:1|true|yes|y|pos|positive|\+)$/i;
const NEGATIVE_LABEL = /^(?:0|false|no|n|neg|negative|-|−)$/i;

/**
 * The positive class of a record's binary matrix: its `positiveLabel`; else the label that reads as
 * positive (`1`, `yes`, `positive`) beside one that reads as negative; else the class whose precision
 * and recall from the matrix are the reported ones, when only one of the two classes gives them
 * (`[Fraud, Legit]` with the fraud class's recall reported); else the second label. Recall's
 * denominator (actual positives) and every binary figure derived from the matrix depend on it.
 */
export function positiveClass(record: Experiment, cm: ConfusionMatrix): number {
  if (cm.positiveLabel !== undefined && cm.labels.includes(cm.positiveLabel)) return positiveIndex(cm);
  const [a = '', b = ''] = cm.labels.map((label) => label.trim());
  if (POSITIVE_LABEL.test(a) && NEGATIVE_LABEL.test(b)) return 0;
  if (POSITIVE_LABEL.test(b) && NEGATIVE_LABEL.test(a)) return 1;
  const at = (i: number, j: number): number => cm.matrix[i]?.[j] ?? 0;
  const reported = (record.evaluation?.testMetrics ?? []).flatMap((tm) => {
    const info = metricInfo(tm.metric, tm.unit);
    if (tm.value === null || info.average !== null || (info.kind !== 'precision' && info.kind !== 'recall')) return [];
    if (info.split !== null && info.split !== 'test') return [];
    const scaled = scaleValue(info, tm.value, decimalsOf(tm.value));
    return isScaleProblem(scaled) ? [] : [{ kind: info.kind, value: scaled.value, decimals: scaled.decimals }];
  });
  const fits = (p: number): boolean => {
    const q = 1 - p;
    const derived = { precision: at(p, p) / (at(p, p) + at(q, p)), recall: at(p, p) / (at(p, p) + at(p, q)) };
    return reported.every((r) => agreesWithinRounding(r.value, derived[r.kind as 'precision' | 'recall'], 0, r.decimals));
  };
  if (reported.length > 0 && fits(0) && !fits(1)) return 0;
  return positiveIndex(cm);
}
