/**
 * What a record's training history counts along its rows — epochs unless the record says steps,
 * iterations or rounds (`training.historyAxis`, set where a log's table is headed `step` and by the
 * importers of step-logged runs) — and how the pages and charts name it. One home, so a chart axis,
 * a caption, a table header and a check message never call step 1,500 "epoch 1,500".
 */
import type { HistoryAxis } from '../schema/history-axes.ts';

export type { HistoryAxis };

/** The record's history axis (`epoch` when it does not say). */
export function historyAxisOf(record: { training?: { historyAxis?: HistoryAxis | undefined } | undefined }): HistoryAxis {
  return record.training?.historyAxis ?? 'epoch';
}

/** The axis as a column or axis title: "Epoch", "Step", "Iteration", "Round". */
export function historyAxisTitle(axis: HistoryAxis): string {
  return axis.charAt(0).toUpperCase() + axis.slice(1);
}

/** The axis the histories of several records share; undefined when they count different things (their curves cannot share an axis). */
export function sharedHistoryAxis(axes: readonly HistoryAxis[]): HistoryAxis | undefined {
  const [first] = axes;
  return first !== undefined && axes.every((axis) => axis === first) ? first : undefined;
}

/** A table header naming a history's counter: `Epoch`, `Ep.`, `Step`, `global_step`, `Iteration`, `iter`, `Round` (not `Best Iter`, `Total steps`). */
export const HISTORY_COUNTER_HEADER =
  /^(?!.*\b(?:best|early|stop(?:ped|ping)?|last|final|max|min|total|num|n)\b)(?:.*(?:epoch|step|iter|round)|\s*ep\.?\s*$)/i;

/** Keys of a history row's counter other than `epoch`, as trainers and loggers write them (first found wins). */
export const HISTORY_STEP_KEYS: readonly string[] = ['step', 'global_step', 'iteration', 'iter', 'round'];

/** The axis name a table header reading a history takes (`Step`, `global_step`, `Iteration`, `Round`); undefined for an epoch or anything else. */
export function historyAxisOfHeader(header: string): Exclude<HistoryAxis, 'epoch'> | undefined {
  const norm = header.toLowerCase();
  if (/epoch/.test(norm)) return undefined;
  if (/step/.test(norm)) return 'step';
  if (/iter/.test(norm)) return 'iteration';
  if (/round/.test(norm)) return 'round';
  return undefined;
}
