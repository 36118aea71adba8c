/**
 * What each experiment's charts are made from besides its record — its headline metric, and that
 * metric along its ancestor chain — computed from the records alone (no full analysis), so charts can
 * start rendering as soon as the records are read; pages compute the same inputs.
 */
import type { Experiment } from '../schema/index.ts';
import { headlineChainOf, headlineMetric, lineageAncestors, lineageParents } from '../analysis/index.ts';
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { CompareDoc } from '../charts/compare-views.ts';
import { comparePairs } from '../view/compare-page.ts';

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

/** What the charts of a compare page are made from: each experiment's record and headline metric. */
export function compareDocs(records: readonly Experiment[]): CompareDoc[] {
  return records.map((record) => ({ record, analysis: { headline: headlineMetric(record) } }));
}

/** The compare pages' chart inputs, in the order of their pages. */
export function compareJobs(records: readonly Experiment[]): CompareDoc[][] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return comparePairs(records).flatMap((pair) => {
    const a = byId.get(pair.a);
    const b = byId.get(pair.b);
    return a === undefined || b === undefined ? [] : [compareDocs([a, b])];
  });
}
