import type { Experiment } from '../schema/index.ts';
import {
  ANALYSIS_SCHEMA_VERSION,
  buildExperimentDocument,
  buildSummaryItem,
  type ExperimentAnalysis,
  type ExperimentDocument,
  type SummaryItem,
} from '../analysis/index.ts';
import { apiPath, experimentPath, joinBase } from './urls.ts';
import { compareText } from '../util/compare-text.ts';

/** `api/experiments.json`: one summary per experiment, sorted by id (see `$defs.Index` in `schema/analysis.schema.json`). */
export function buildApiIndex(
  base: string,
  records: readonly Experiment[],
  analyses: ReadonlyMap<string, ExperimentAnalysis>,
): { schemaVersion: number; count: number; experiments: SummaryItem[] } {
  const experiments = [...records]
    .sort((a, b) => compareText(a.id, b.id))
    .flatMap((r) => {
      const analysis = analyses.get(r.id);
      return analysis
        ? [buildSummaryItem(r, analysis, { url: joinBase(base, experimentPath(r.id)), api: joinBase(base, apiPath(r.id)) })]
        : [];
    });
  return { schemaVersion: ANALYSIS_SCHEMA_VERSION, count: experiments.length, experiments };
}

/** `api/experiments/<id>.json`: `{ schemaVersion, record, analysis }` under fixed keys other tools rely on. */
export function buildApiDocument(record: Experiment, analysis: ExperimentAnalysis): ExperimentDocument {
  return buildExperimentDocument(record, analysis);
}
