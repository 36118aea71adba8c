/**
 * `src/analysis/` — the **analyze** step of Logbook's pipeline:
 *
 * ```
 * read → validate → normalize → [analyze] → view data → render
 *                                  │
 *   records ──┬─ buildLineageGraph ─┼─ parent, children, ancestors, descendants, related, edge deltas, cycles
 *             ├─ per record:        │
 *             │   computeBaselineDeltas ─┐  (one scale: proportions as fractions)
 *             │   computeParentDeltas ───┴─ checkClaims (parseClaimText: the one claim parser)
 *             │   computeFairnessGaps
 *             │   checkRecord (+ claim checks) → checks, errors first
 *             │   headlineMetric
 *             └─ buildLeaderboards ─ per use case and dataset, per shared test metric
 * ```
 *
 * Everything here is a pure function of the validated records: no I/O, no clock, no formatting.
 * Numbers are returned unrounded. Values of unit-interval metrics (accuracy, precision, recall, F1,
 * AUC, …) that are compared — deltas, fairness gaps, leaderboard scores — are fractions whatever scale
 * they were written on (`fraction: true`; the pages show them in percent); other values keep their unit.
 */
import type { Experiment } from '../schema/index.ts';
import { setOwn } from '../util/own.ts';
import { checkParentDataset, checkRecord, sortChecks } from './checks.ts';
import { checkClaims } from './claims.ts';
import { computeBaselineDeltas, computeParentDeltas } from './deltas.ts';
import {
  assertThreshold,
  computeFairnessGaps,
  DEFAULT_FAIRNESS_DIFFERENCE,
  DEFAULT_FAIRNESS_THRESHOLD,
  DEFAULT_MIN_GROUP_SIZE,
} from './fairness.ts';
import { buildLeaderboards, type Leaderboard } from './leaderboard.ts';
import { buildLineageGraph, headlineChainOf, type LineageGraph } from './lineage.ts';
import { metricInfo } from './metrics.ts';
import { ANALYSIS_SCHEMA_VERSION, type ExperimentAnalysis, type ExperimentDocument, type Headline, type SummaryItem } from './schema.ts';
import { findTestSplit } from './sizes.ts';
import { writtenDecimals } from './stats.ts';

export * from './schema.ts';
export { historyAxisOf, historyAxisOfHeader, historyAxisTitle, sharedHistoryAxis, type HistoryAxis } from './history-axis.ts';
export {
  metricInfo,
  normalizeUnit,
  isUnitIntervalMetric,
  scaleValue,
  isScaleProblem,
  type Direction,
  type MetricInfo,
  type ScaledValue,
} from './metrics.ts';
export { computeMetricDelta, computeBaselineDeltas, computeParentDeltas, type DeltaResults } from './deltas.ts';
export { checkClaims, matchBaselineRow, parseClaimText, readClaim, matchClaim, type ClaimText } from './claims.ts';
export {
  computeFairnessGaps,
  DEFAULT_FAIRNESS_THRESHOLD,
  DEFAULT_FAIRNESS_DIFFERENCE,
  DEFAULT_MIN_GROUP_SIZE,
  type FairnessOptions,
} from './fairness.ts';
export { writtenDecimals } from './stats.ts';
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
  /** Ratio below which a selection-rate gap is flagged, in (0, 1]. Default 0.8 (the four-fifths rule). */
  fairnessThreshold?: number;
  /** Smallest gap of another proportion that is flagged (a difference of fractions), in (0, 1]. Default 0.05. */
  fairnessDifference?: number;
  /** Smallest group a fairness flag may rest on. Default 30. */
  fairnessMinGroupSize?: number;
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
  const metrics = record.evaluation?.testMetrics ?? [];
  const index = metrics.findIndex((t) => t.value !== null);
  const tm = metrics[index];
  if (tm === undefined || tm.value === null) return null;
  const info = metricInfo(tm.metric, tm.unit);
  return {
    metric: tm.metric,
    value: tm.value,
    betterDirection: info.direction,
    unit: info.unit,
    decimals: writtenDecimals(record, `evaluation.testMetrics.${index}.value`, tm.value),
  };
}

/**
 * Analyzes every record in the context of the collection: lineage, deltas against baselines and the
 * parent, claims, fairness gaps, consistency checks, headline metric, and leaderboards.
 * Throws a RangeError when `fairnessThreshold` or `fairnessDifference` is not in (0, 1].
 */
export function analyzeCollection(records: readonly Experiment[], options: AnalyzeOptions = {}): CollectionAnalysis {
  const threshold = options.fairnessThreshold ?? DEFAULT_FAIRNESS_THRESHOLD;
  const differenceThreshold = options.fairnessDifference ?? DEFAULT_FAIRNESS_DIFFERENCE;
  const minGroupSize = options.fairnessMinGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  assertThreshold(threshold);
  assertThreshold(differenceThreshold, 'fairness difference threshold');
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
    const baseline = computeBaselineDeltas(record, recordsById);
    const parentResults = parent === undefined ? { deltas: [], notCompared: [] } : computeParentDeltas(record, parent);
    const notCompared = [...baseline.notCompared, ...parentResults.notCompared];
    const claims = checkClaims(record, baseline.deltas, parentResults.deltas, notCompared);
    const fairness = computeFairnessGaps(record.evaluation?.disaggregated ?? [], {
      threshold,
      differenceThreshold,
      minGroupSize,
      totalN: findTestSplit(record)?.records ?? null,
      writtenDecimals: record.writtenDecimals,
    });
    const checks = sortChecks([
      ...checkRecord(record, { ids, cycle: cycleOf.get(record.id) ?? null }),
      ...claims.checks,
      ...(parent === undefined ? [] : checkParentDataset(record, parent)),
    ]);
    const headline = headlineMetric(record);
    byId.set(record.id, {
      baselineDeltas: baseline.deltas,
      parentDeltas: parentResults.deltas,
      notCompared,
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

/**
 * The per-experiment API document `{ schemaVersion, record, analysis }` (see `public/schema/analysis.schema.json`).
 * The record is as written; the computed figures are rounded to 12 significant digits, which drops
 * floating-point noise (`0.0739` rather than `0.07390000000000008`) and nothing a reader could use.
 */
export function buildExperimentDocument(record: Experiment, analysis: ExperimentAnalysis): ExperimentDocument {
  return { schemaVersion: ANALYSIS_SCHEMA_VERSION, record, analysis: withoutFloatNoise(analysis) };
}

/** Significant digits the API keeps of a computed figure. */
export const COMPUTED_DIGITS = 12;

/** A copy of `value` with every non-integer number rounded to `COMPUTED_DIGITS` significant digits. */
export function withoutFloatNoise<T>(value: T): T {
  if (typeof value === 'number')
    return (Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(COMPUTED_DIGITS)) : value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutFloatNoise(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, withoutFloatNoise(item));
    return copy as T;
  }
  return value;
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
