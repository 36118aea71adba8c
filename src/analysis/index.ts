/**
 * `src/analysis/` — the **analyze** step of Logbook's pipeline:
 *
 * ```
 * read → validate → normalize → [analyze] → view data → render
 *                                  │
 *   records ──┬─ buildLineageGraph ─┼─ parent, children, ancestors, descendants, related, edge deltas, cycles
 *             ├─ per record:        │
 *             │   computeBaselineDeltas ─┐
 *             │   computeParentDeltas ───┴─ checkClaims
 *             │   computeFairnessGaps
 *             │   checkRecord (+ claim checks) → checks, errors first
 *             │   headlineMetric
 *             └─ buildLeaderboards ─ per use case and dataset, per shared test metric
 * ```
 *
 * Everything here is a pure function of the validated records: no I/O, no clock, no formatting.
 * Numbers are returned unrounded in the units the records use (percent-unit metrics in percent,
 * their changes in percentage points); the view layer formats them.
 */
import type { Experiment } from '../schema/index.ts';
import { checkRecord, sortChecks } from './checks.ts';
import { checkClaims, computeBaselineDeltas, computeParentDeltas } from './deltas.ts';
import { assertThreshold, computeFairnessGaps, DEFAULT_FAIRNESS_THRESHOLD } from './fairness.ts';
import { buildLeaderboards, type Leaderboard } from './leaderboard.ts';
import { buildLineageGraph, headlineChainOf, type LineageGraph } from './lineage.ts';
import { metricInfo } from './metrics.ts';
import { ANALYSIS_SCHEMA_VERSION, type ExperimentAnalysis, type ExperimentDocument, type Headline, type SummaryItem } from './schema.ts';
import { findTestSplit } from './sizes.ts';

export * from './schema.ts';
export { metricInfo, normalizeUnit, isUnitIntervalMetric, type Direction, type MetricInfo } from './metrics.ts';
export {
  computeMetricDelta,
  computeBaselineDeltas,
  computeParentDeltas,
  checkClaims,
  matchBaselineRow,
  parseClaim,
  matchClaim,
} from './deltas.ts';
export { computeFairnessGaps, DEFAULT_FAIRNESS_THRESHOLD, type FairnessOptions } from './fairness.ts';
export { checkRecord, deriveFromMatrix, type CheckContext } from './checks.ts';
export {
  buildLineageGraph,
  headlineChainOf,
  lineageAncestors,
  lineageParents,
  type LineageGraph,
  type LineageEdge,
  type LineageTree,
  type FieldDifference,
} from './lineage.ts';
export { buildLeaderboards, type Leaderboard, type LeaderboardMetric, type LeaderboardEntry } from './leaderboard.ts';
export { compareRecords, type CompareRow } from './compare.ts';

/** Options of `analyzeCollection`. */
export interface AnalyzeOptions {
  /** Ratio below which a fairness gap is flagged, in (0, 1]. Default 0.8 (the four-fifths heuristic). */
  fairnessThreshold?: number;
}

/** Everything computed over a collection of records. */
export interface CollectionAnalysis {
  /** Per-experiment analysis by id (the first record of a duplicated id). */
  byId: Map<string, ExperimentAnalysis>;
  lineage: LineageGraph;
  leaderboards: Leaderboard[];
}

/** The record's headline metric: its first test metric with a value; null when it has none. */
export function headlineMetric(record: Experiment): Headline | null {
  const tm = (record.evaluation?.testMetrics ?? []).find((t) => t.value !== null);
  if (tm === undefined || tm.value === null) return null;
  const info = metricInfo(tm.metric, tm.unit);
  return { metric: tm.metric, value: tm.value, betterDirection: info.direction, unit: info.unit };
}

/**
 * Analyzes every record in the context of the collection: lineage, deltas against baselines and the
 * parent, claims, fairness gaps, consistency checks, headline metric, and leaderboards.
 * Throws a RangeError when `fairnessThreshold` is not in (0, 1].
 */
export function analyzeCollection(records: readonly Experiment[], options: AnalyzeOptions = {}): CollectionAnalysis {
  const threshold = options.fairnessThreshold ?? DEFAULT_FAIRNESS_THRESHOLD;
  assertThreshold(threshold);
  const recordsById = new Map<string, Experiment>();
  for (const record of records) if (!recordsById.has(record.id)) recordsById.set(record.id, record);
  const ids = new Set(recordsById.keys());
  const lineage = buildLineageGraph(records);
  const cycleOf = new Map(lineage.cycles.flatMap((cycle) => cycle.map((id) => [id, cycle] as const)));

  const byId = new Map<string, ExperimentAnalysis>();
  for (const record of recordsById.values()) {
    const place = lineage.byId.get(record.id) ?? {
      parent: null,
      ancestors: [],
      children: [],
      descendants: [],
      related: [],
      inCycle: false,
    };
    const parent = place.parent === null ? undefined : recordsById.get(place.parent);
    const baselineDeltas = computeBaselineDeltas(record, recordsById);
    const parentDeltas = parent === undefined ? [] : computeParentDeltas(record, parent);
    const claims = checkClaims(record, baselineDeltas, parentDeltas);
    const fairness = computeFairnessGaps(record.evaluation?.disaggregated ?? [], {
      threshold,
      totalN: findTestSplit(record)?.records ?? null,
    });
    const checks = sortChecks([...checkRecord(record, { ids, cycle: cycleOf.get(record.id) ?? null }), ...claims.checks]);
    const headline = headlineMetric(record);
    byId.set(record.id, {
      baselineDeltas,
      parentDeltas,
      claims: claims.claims,
      fairness,
      checks,
      lineage: place,
      headline,
      headlineChain: headlineChainOf(record.id, headline?.metric, place.ancestors, recordsById),
    });
  }
  return { byId, lineage, leaderboards: buildLeaderboards([...recordsById.values()]) };
}

/** The per-experiment API document `{ schemaVersion, record, analysis }` (see `public/schema/analysis.schema.json`). */
export function buildExperimentDocument(record: Experiment, analysis: ExperimentAnalysis): ExperimentDocument {
  return { schemaVersion: ANALYSIS_SCHEMA_VERSION, record, analysis };
}

/** One item of the summary list of experiments. */
export function buildSummaryItem(record: Experiment, analysis: ExperimentAnalysis, links: { url: string; api: string }): SummaryItem {
  const count = (level: 'error' | 'warning' | 'info'): number => analysis.checks.filter((c) => c.level === level).length;
  return {
    id: record.id,
    name: record.name ?? null,
    date: record.date ?? null,
    status: record.status ?? null,
    useCase: record.tags?.['use_case'] ?? null,
    dataset: record.dataset?.name ?? null,
    parent: analysis.lineage.parent,
    completionDate: record.completionDate ?? null,
    tags: record.tags ?? {},
    headline: analysis.headline,
    checkCounts: { error: count('error'), warning: count('warning'), info: count('info') },
    fairnessFlags: analysis.fairness.filter((f) => f.flagged).length,
    url: links.url,
    api: links.api,
  };
}
