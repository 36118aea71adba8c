/**
 * Leaderboards: experiments of one use case (`tags.use_case`) or one dataset (`dataset.name`) ranked
 * by each test metric they share, in the metric's own better direction.
 */
import type { Experiment } from '../schema/index.ts';
import { isUnitIntervalMetric, metricInfo, type Direction } from './metrics.ts';
import { compareIds } from './lineage.ts';

/** One experiment's value on a leaderboard. */
export interface LeaderboardEntry {
  experimentId: string;
  /** Experiment name, when given. */
  name: string | null;
  /** Metric name as this experiment writes it. */
  metric: string;
  value: number;
  unit: string | null;
  /** 1 = best; ties share a rank (1, 2, 2, 4). Null when the metric's direction is unknown or the unit is not comparable. */
  rank: number | null;
}

/** One metric of a leaderboard. */
export interface LeaderboardMetric {
  /** Metric name as first written. */
  metric: string;
  key: string;
  betterDirection: Direction | null;
  unit: string | null;
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
  /** Metrics reported by at least two of them, in first-seen order. */
  metrics: LeaderboardMetric[];
}

interface Candidate {
  entry: LeaderboardEntry;
  /** Value on a common scale: percent-unit proportions as fractions. */
  comparable: number;
  /** Unit after that normalization. */
  comparableUnit: string | null;
}

/**
 * Ranks entries of one metric (competition ranking: ties share a rank). Entries whose unit differs
 * from the first entry's, or all of them when the direction is unknown, are listed unranked by id.
 */
function rankMetric(candidates: readonly Candidate[], direction: Direction | null): LeaderboardEntry[] {
  const unit = candidates[0]?.comparableUnit ?? null;
  const rankable = direction === null ? [] : candidates.filter((c) => c.comparableUnit === unit);
  const unranked = candidates.filter((c) => !rankable.includes(c)).map((c) => ({ ...c.entry, rank: null }));
  const sign = direction === 'lower' ? 1 : -1;
  const ranked = [...rankable]
    .sort((x, y) => sign * (x.comparable - y.comparable) || compareIds(x.entry.experimentId, y.entry.experimentId))
    .map((c) => ({ ...c.entry, rank: 1 + rankable.filter((o) => sign * (o.comparable - c.comparable) < 0).length }));
  return [...ranked, ...unranked.sort((x, y) => compareIds(x.experimentId, y.experimentId))];
}

function buildLeaderboard(scope: Leaderboard['scope'], value: string, records: readonly Experiment[]): Leaderboard {
  const sorted = [...records].sort((x, y) => compareIds(x.id, y.id));
  const byKey = new Map<string, { metric: string; candidates: Candidate[] }>();
  for (const record of sorted) {
    const seen = new Set<string>();
    for (const tm of record.evaluation?.testMetrics ?? []) {
      const info = metricInfo(tm.metric, tm.unit);
      if (tm.value === null || seen.has(info.key)) continue;
      seen.add(info.key);
      const percentProportion = info.unit === '%' && isUnitIntervalMetric(info);
      const group = byKey.get(info.key) ?? { metric: tm.metric, candidates: [] };
      group.candidates.push({
        entry: { experimentId: record.id, name: record.name ?? null, metric: tm.metric, value: tm.value, unit: info.unit, rank: null },
        comparable: percentProportion ? tm.value / 100 : tm.value,
        comparableUnit: percentProportion ? null : info.unit,
      });
      byKey.set(info.key, group);
    }
  }
  const metrics = [...byKey].flatMap(([key, { metric, candidates }]) => {
    if (candidates.length < 2) return [];
    const info = metricInfo(metric, candidates[0]?.entry.unit ?? undefined);
    return [{ metric, key, betterDirection: info.direction, unit: info.unit, entries: rankMetric(candidates, info.direction) }];
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
