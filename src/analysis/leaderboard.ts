/**
 * Leaderboards: experiments of one use case (`tags.use_case`) or one dataset (`dataset.name`) ranked
 * by each test metric they share, in the metric's own better direction, on one scale (proportions as
 * fractions), one ranking per dataset and version (never mixing versions), with entries that cannot be
 * told apart from the leader (the 95% interval of their difference includes 0) marked tied with it.
 */
import type { Experiment } from '../schema/index.ts';
import { sideInterval, testMetricSide, type DeltaSide } from './deltas.ts';
import {
  inSmallestTimeUnit,
  isScaleProblem,
  metricInfo,
  scaleValue,
  type Direction,
  type ScaledValue,
  type ScaleProblem,
} from './metrics.ts';
import { compareIds } from './lineage.ts';
import { differenceInterval, EPSILON, type Estimate, type Interval } from './stats.ts';

/** One experiment's value on a leaderboard. */
export interface LeaderboardEntry {
  experimentId: string;
  /** Experiment name, when given. */
  name: string | null;
  /** Metric name as this experiment writes it. */
  metric: string;
  /** The value as written. */
  value: number;
  /** The unit as written. */
  unit: string | null;
  /** The value on the ranking scale (a fraction when the metric's `fraction`); null when it cannot be placed on it. */
  score: number | null;
  /** Decimal places the value was written with, on the scale of `score`. */
  decimals: number;
  /** The 95% interval of `score`: the reported CI, else the Wilson interval of a proportion over its denominator; null when unknown. */
  ciLow: number | null;
  ciHigh: number | null;
  /** 1 = best; ties share a rank (1, 1, 3), and every entry tied with the leader has rank 1. Null when not ranked. */
  rank: number | null;
  /** True for the leader and every entry not told apart from it (the 95% interval of their difference includes 0), when there is any. */
  tied: boolean;
  /** Why the entry is not ranked, when it is not. */
  unrankedReason: string | null;
}

/** One ranking: a metric on one dataset version. */
export interface LeaderboardMetric {
  /** Metric name as first written. */
  metric: string;
  key: string;
  betterDirection: Direction | null;
  /** Unit of `score`: null for fractions and unitless metrics. */
  unit: string | null;
  /** True when scores are fractions (a unit-interval metric): shown in percent. */
  fraction: boolean;
  /** The dataset the ranked experiments were evaluated on (null when they do not say) and its version. */
  dataset: string | null;
  datasetVersion: string | null;
  /** Ranked entries first (best first, ties by id), then unranked ones by id. */
  entries: LeaderboardEntry[];
}

/** A leaderboard of one use case or one dataset. */
export interface Leaderboard {
  scope: 'use_case' | 'dataset';
  /** The use case or dataset name. */
  value: string;
  /** Experiments in the scope, by id. */
  experimentIds: string[];
  /** One ranking per metric and dataset version reported by at least two of them, in first-seen order. */
  metrics: LeaderboardMetric[];
}

interface Candidate {
  entry: LeaderboardEntry;
  unit: string | null;
  fraction: boolean;
  interval: Interval | null;
}

/**
 * True when an entry cannot be told apart from the leader: the 95% interval of their difference, built
 * from both entries' intervals as for deltas (`differenceInterval`; an entry without one is taken as
 * exact), includes 0. Two entries without intervals are tied only when their scores are equal.
 */
function tiedWith(a: Candidate, leader: Candidate): boolean {
  const estimate = (c: Candidate): Estimate => {
    const score = c.entry.score ?? 0;
    return { value: score, low: c.interval?.low ?? score, high: c.interval?.high ?? score };
  };
  const d = differenceInterval(estimate(a), estimate(leader));
  return d.low <= EPSILON && d.high >= -EPSILON;
}

/**
 * Ranks entries of one metric: best first by score (competition ranking, ties share a rank); entries
 * tied with the leader (`tiedWith`) share its rank 1 and are marked tied. Entries whose score could
 * not be placed or whose unit differs from the first rankable entry's, or all of them when the direction
 * is unknown, are listed unranked by id with the reason.
 */
function rankMetric(candidates: readonly Candidate[], direction: Direction | null): LeaderboardEntry[] {
  const placed = candidates.filter((c) => c.entry.score !== null);
  const unit = placed[0]?.unit ?? null;
  const rankable = direction === null ? [] : placed.filter((c) => c.unit === unit);
  const reason = (c: Candidate): string =>
    direction === null
      ? 'which way this metric is better is not known'
      : c.entry.score === null
        ? 'its value is neither a fraction nor a percentage'
        : `its unit (${c.unit ?? 'none'}) differs from the others' (${unit ?? 'none'})`;
  const unranked = candidates.filter((c) => !rankable.includes(c)).map((c) => ({ ...c.entry, rank: null, unrankedReason: reason(c) }));
  const sign = direction === 'lower' ? 1 : -1;
  const score = (c: Candidate): number => c.entry.score ?? 0;
  const sorted = [...rankable].sort((x, y) => sign * (score(x) - score(y)) || compareIds(x.entry.experimentId, y.entry.experimentId));
  const leader = sorted[0];
  const tiedWithLeader = new Set(sorted.filter((c) => leader !== undefined && c !== leader && tiedWith(c, leader)));
  if (leader !== undefined && tiedWithLeader.size > 0) tiedWithLeader.add(leader);
  const ranked = sorted.map((c) => ({
    ...c.entry,
    tied: tiedWithLeader.has(c),
    rank: tiedWithLeader.has(c) ? 1 : 1 + rankable.filter((o) => sign * (score(o) - score(c)) < 0).length,
  }));
  return [...ranked, ...unranked.sort((x, y) => compareIds(x.experimentId, y.experimentId))];
}

/** One experiment's value of a metric, as its record writes it and on the common scale. */
interface Side {
  record: Experiment;
  metric: string;
  side: DeltaSide;
  scaled: ScaledValue | ScaleProblem;
}

/**
 * The candidates of one ranking, durations in the smallest unit of time among them (`0.041 s` beside
 * `38 ms` is 41 ms, ranked with it), each with its 95% interval on that scale.
 */
function candidatesOf(sides: readonly Side[]): Candidate[] {
  const placed = sides.flatMap((s) => (isScaleProblem(s.scaled) ? [] : [s.scaled]));
  const timed = inSmallestTimeUnit(placed);
  let next = 0;
  return sides.map(({ record, metric, side, scaled: written }) => {
    const scaled = isScaleProblem(written) ? written : (timed[next++] ?? written);
    const interval = isScaleProblem(scaled) ? null : sideInterval(side, scaled).estimate;
    return {
      entry: {
        experimentId: record.id,
        name: record.name ?? null,
        metric,
        value: side.value,
        unit: side.info.unit,
        score: isScaleProblem(scaled) ? null : scaled.value,
        decimals: isScaleProblem(scaled) ? (side.decimals ?? 0) : scaled.decimals,
        ciLow: interval?.low ?? null,
        ciHigh: interval?.high ?? null,
        rank: null,
        tied: false,
        unrankedReason: null,
      },
      unit: isScaleProblem(scaled) ? side.info.unit : scaled.unit,
      fraction: !isScaleProblem(scaled) && scaled.fraction,
      interval: interval === null ? null : { low: interval.low, high: interval.high },
    };
  });
}

function buildLeaderboard(scope: Leaderboard['scope'], value: string, records: readonly Experiment[]): Leaderboard {
  const sorted = [...records].sort((x, y) => compareIds(x.id, y.id));
  const groups = new Map<string, { metric: string; key: string; dataset: string | null; version: string | null; sides: Side[] }>();
  for (const record of sorted) {
    const seen = new Set<string>();
    const dataset = record.dataset?.name?.trim() || null;
    const version = record.dataset?.version?.trim() || null;
    (record.evaluation?.testMetrics ?? []).forEach((tm, index) => {
      const info = metricInfo(tm.metric, tm.unit);
      if (tm.value === null || seen.has(info.key)) return;
      seen.add(info.key);
      const side = testMetricSide(record, { ...tm, value: tm.value }, index);
      const group = JSON.stringify([info.key, dataset, version]);
      const entries = groups.get(group) ?? { metric: tm.metric, key: info.key, dataset, version, sides: [] };
      entries.sides.push({ record, metric: tm.metric, side, scaled: scaleValue(side.info, side.value, side.decimals ?? 0) });
      groups.set(group, entries);
    });
  }
  const metrics = [...groups.values()].flatMap(({ metric, key, dataset, version, sides }) => {
    if (sides.length < 2) return [];
    const candidates = candidatesOf(sides);
    const info = metricInfo(metric, candidates[0]?.entry.unit ?? undefined);
    const first = candidates.find((c) => c.entry.score !== null);
    return [
      {
        metric,
        key,
        betterDirection: info.direction,
        unit: first?.unit ?? null,
        fraction: first?.fraction ?? false,
        dataset,
        datasetVersion: version,
        entries: rankMetric(candidates, info.direction),
      },
    ];
  });
  return { scope, value, experimentIds: sorted.map((r) => r.id), metrics };
}

/**
 * Leaderboards per use case (`tags.use_case`) and per dataset (`dataset.name`) with at least two
 * experiments: use cases first, then datasets, each by name.
 */
export function buildLeaderboards(records: readonly Experiment[]): Leaderboard[] {
  const scopes: Array<[Leaderboard['scope'], (r: Experiment) => string | undefined]> = [
    ['use_case', (r) => r.tags?.['use_case']],
    ['dataset', (r) => r.dataset?.name],
  ];
  return scopes.flatMap(([scope, valueOf]) => {
    const groups = new Map<string, Experiment[]>();
    for (const record of records) {
      const value = valueOf(record)?.trim();
      if (value === undefined || value === '') continue;
      groups.set(value, [...(groups.get(value) ?? []), record]);
    }
    return [...groups]
      .filter(([, members]) => members.length >= 2)
      .sort(([x], [y]) => compareIds(x, y))
      .map(([value, members]) => buildLeaderboard(scope, value, members));
  });
}
