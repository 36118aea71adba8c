/**
 * What each experiment's charts are made from besides its record — its headline metric, and that
 * metric along its ancestor chain — computed from the records alone (no full analysis), so charts can
 * start rendering as soon as the records are read; pages compute the same inputs.
 */
import type { Experiment } from '../schema/index.ts';
import { headlineChainOf, headlineMetric, lineageAncestors, lineageParents } from '../analysis/index.ts';
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';

/** Every experiment's chart input, by id. */
export function chartInputs(records: readonly Experiment[]): Map<string, ExperimentChartsInput> {
  const { byRecordId, parentOf } = lineageParents(records);
  return new Map(
    [...byRecordId.values()].map((record) => {
      const metric = headlineMetric(record)?.metric;
      const chain = headlineChainOf(record.id, metric, lineageAncestors(record.id, parentOf), byRecordId);
      return [record.id, { record, headlineMetric: metric, lineageChain: chain ?? undefined }];
    }),
  );
}
