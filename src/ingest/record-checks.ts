/**
 * The CI gate's own checks: numbers of a record that can never be right, as errors at their
 * file:line — a confusion matrix that is not square (or has ragged rows), split fractions adding up to
 * more than the whole dataset, a completion date before the start date. (A negative count already fails
 * the schema.) What is only suspicious stays a warning on the page (`src/analysis/checks.ts`).
 */
import { FRACTION_SUM_TOLERANCE } from '../analysis/checks.ts';
import { EPSILON, sum } from '../analysis/stats.ts';
import type { Experiment } from '../schema/index.ts';
import * as msg from './messages.ts';
import { joinPath, type Diagnostic, type FieldPath, type SourcePosition } from './types.ts';

/** Every impossible number of a validated record, as errors located by `locate` (where a field path is written). */
export function recordInvariantErrors(
  record: Experiment,
  file: string,
  locate: (path: FieldPath) => SourcePosition | undefined,
): Diagnostic[] {
  const error = (path: FieldPath, code: string, message: string, hint: string): Diagnostic => ({
    level: 'error',
    code,
    file,
    ...locate(path),
    path: joinPath(path),
    message,
    hint,
  });
  const errors: Diagnostic[] = [];
  const cm = record.evaluation?.confusionMatrix;
  if (cm !== undefined) {
    const k = cm.labels.length;
    const path = ['evaluation', 'confusionMatrix', 'matrix'];
    if (cm.matrix.length !== k)
      errors.push(error(path, 'confusion-matrix-shape', msg.matrixRowCount(cm.matrix.length, k), msg.hintMatrixShape()));
    cm.matrix.forEach((row, i) => {
      if (row.length !== k)
        errors.push(
          error([...path, i], 'confusion-matrix-shape', msg.matrixRowLength(i, cm.labels[i], row.length, k), msg.hintMatrixShape()),
        );
    });
  }
  const fractions = (record.dataset?.splits ?? []).map((split) => split.fraction);
  const given = fractions.filter((f): f is number => f !== undefined);
  if (sum(given) > 1 + FRACTION_SUM_TOLERANCE + EPSILON)
    errors.push(error(['dataset', 'splits'], 'split-fractions', msg.splitFractionsPastOne(sum(given), given), msg.hintSplitFractions()));
  const { date, completionDate } = record;
  if (date !== undefined && completionDate !== undefined && completionDate.slice(0, 10) < date.slice(0, 10))
    errors.push(error(['completionDate'], 'date-order', msg.completionBeforeStart(date, completionDate), msg.hintDateOrder()));
  return errors;
}
