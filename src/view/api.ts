import type { Experiment } from '../schema/index.ts';
import type { ExperimentAnalysisView } from './analysis-types.ts';
import { experimentPath, joinBase } from './urls.ts';

/** Version of the JSON API documents (bumped on breaking changes). */
export const API_SCHEMA_VERSION = 1;

/** One entry of `api/experiments.json`. */
export interface ApiSummary {
  id: string;
  name: string | null;
  status: string | null;
  date: string | null;
  completionDate: string | null;
  tags: Record<string, string>;
  parent: string | null;
  headline: { metric: string; value: number; betterDirection: 'higher' | 'lower' | null } | null;
  metrics: Record<string, number | null>;
  url: string;
  api: string;
}

/** `api/experiments.json`: one summary per experiment, sorted by id. */
export function buildApiIndex(base: string, records: readonly Experiment[], analyses: ReadonlyMap<string, ExperimentAnalysisView>) {
  const experiments = [...records]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r): ApiSummary => {
      const h = analyses.get(r.id)?.headline ?? null;
      return {
        id: r.id,
        name: r.name ?? null,
        status: r.status ?? null,
        date: r.date ?? null,
        completionDate: r.completionDate ?? null,
        tags: r.tags ?? {},
        parent: r.lineage?.parent ?? null,
        headline: h ? { metric: h.metric, value: h.value, betterDirection: h.betterDirection } : null,
        metrics: Object.fromEntries((r.evaluation?.testMetrics ?? []).map((m) => [m.metric, m.value])),
        url: joinBase(base, experimentPath(r.id)),
        api: joinBase(base, `api/experiments/${encodeURIComponent(r.id)}.json`),
      };
    });
  return { schemaVersion: API_SCHEMA_VERSION, count: experiments.length, experiments };
}

/** `api/experiments/<id>.json`: the record and its analysis under fixed keys other tools rely on. */
export function buildApiDocument(record: Experiment, analysis: ExperimentAnalysisView) {
  return {
    schemaVersion: API_SCHEMA_VERSION,
    record,
    analysis: {
      headline: analysis.headline,
      baselineDeltas: analysis.baselineDeltas,
      parentDeltas: analysis.parentDeltas,
      fairness: analysis.fairness,
      checks: analysis.checks,
      lineage: analysis.lineage,
    },
  };
}
