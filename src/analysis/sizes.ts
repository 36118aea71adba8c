/**
 * Test-set sizes of a record, as needed by the two-proportion intervals: the whole test set, and the
 * denominator of a given proportion (actual positives for recall, predicted positives for precision, …).
 */
import type { ConfusionMatrix, Experiment, GroupRow } from '../schema/index.ts';
import type { MetricInfo } from './metrics.ts';
import { sum } from './stats.ts';

/** A test-set size and where it was read from. */
export interface TestSetSize {
  n: number;
  source: 'confusion matrix' | 'test split' | 'overall group';
}

/** True when the row is the Overall row of a disaggregated table. */
export function isOverallGroup(row: GroupRow): boolean {
  if (row.overall === true) return true;
  const hasAttributes = row.attributes !== undefined && Object.keys(row.attributes).length > 0;
  return !hasAttributes && OVERALL_GROUP_NAME.test(row.group.trim());
}

/** How people name the whole population in a disaggregated table: "Overall", "All", "Total", "Everyone", "All groups". */
export const OVERALL_GROUP_NAME = /^(?:overall|all|total|everyone|all groups)$/i;

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
  const overallN = (record.evaluation?.disaggregated ?? []).find(isOverallGroup)?.n;
  if (overallN !== undefined) sizes.push({ n: overallN, source: 'overall group' });
  return sizes;
}

/** Size of the test set: confusion-matrix total, else test split records, else the Overall group's n. */
export function testSetSize(record: Experiment): TestSetSize | null {
  return testSetSizes(record)[0] ?? null;
}

/** Denominator of a proportion metric on a record's test set, with a note when it is approximate. */
export interface ProportionDenominator {
  n: number;
  note: string | null;
}

/**
 * The count a proportion metric is a fraction of: the whole test set for accuracy and error rate; with
 * a binary confusion matrix, actual positives for recall/FNR, predicted positives for precision, actual
 * negatives for specificity/FPR. Without a matrix those fall back to the whole test set, noted.
 */
export function proportionDenominator(record: Experiment, info: MetricInfo): ProportionDenominator | null {
  const size = testSetSize(record);
  if (size === null || !info.isProportion) return null;
  const cm = record.evaluation?.confusionMatrix;
  const perClass =
    info.kind === 'recall' || info.kind === 'fnr' || info.kind === 'precision' || info.kind === 'specificity' || info.kind === 'fpr';
  if (!perClass) return { n: size.n, note: null };
  if (cm !== undefined && size.source === 'confusion matrix' && cm.labels.length === 2 && info.average === null) {
    const p = positiveIndex(cm);
    const q = 1 - p;
    const at = (i: number, j: number): number => cm.matrix[i]?.[j] ?? 0;
    const n =
      info.kind === 'precision'
        ? at(p, p) + at(q, p)
        : info.kind === 'recall' || info.kind === 'fnr'
          ? at(p, p) + at(p, q)
          : at(q, q) + at(q, p);
    return { n, note: null };
  }
  return {
    n: size.n,
    note: `the whole test set (n = ${size.n}) is taken as the denominator of ${info.name}, which understates its interval`,
  };
}

/** Index of the positive class of a binary matrix: `positiveLabel` if it names a label, else the second label. */
export function positiveIndex(cm: ConfusionMatrix): number {
  const index = cm.positiveLabel === undefined ? -1 : cm.labels.indexOf(cm.positiveLabel);
  return index < 0 ? 1 : index;
}
