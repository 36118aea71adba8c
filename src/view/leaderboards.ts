import type { Leaderboard, LeaderboardEntry, LeaderboardMetric } from '../analysis/index.ts';
import { nameInUnit } from '../analysis/metrics.ts';
import type { Cell, TableColumn } from './blocks.ts';
import { formatPercent, formatValue, percentDecimals } from './format.ts';
import { experimentPath, joinBase, slugify } from './urls.ts';
import { compareText } from '../util/compare-text.ts';
import { maxOf } from '../util/arrays.ts';

/**
 * One leaderboard table: the experiments of one use case (or one dataset, for experiments without a
 * use case) evaluated on one dataset version, with a column per metric. A ranking never mixes dataset
 * versions.
 */
export interface LeaderboardView {
  id: string;
  scopeLabel: string;
  /** The use case or dataset name. */
  title: string;
  /** The dataset and version every row was evaluated on: `tx, version 1`, `dataset not given`. */
  dataset: string;
  /** Experiments in this table. */
  count: number;
  columns: TableColumn[];
  rows: Cell[][];
  /** Metrics shown but not ranked (direction unknown, or values that cannot be put on one scale). */
  note?: string;
}

/** The dataset and version a ranking is on: `tx, version 1`, `tx, version not given`, `dataset not given`. */
function datasetText(m: Pick<LeaderboardMetric, 'dataset' | 'datasetVersion'>): string {
  if (m.dataset === null) return 'dataset not given';
  return m.datasetVersion === null ? `${m.dataset}, version not given` : `${m.dataset}, version ${m.datasetVersion}`;
}

/**
 * A ranking's metric named in the unit its column shows: times written in s and ms are ranked in ms,
 * so `p99 latency (s)` heads them as `p99 latency (ms)` (`nameInUnit`).
 */
function metricLabel(m: Pick<LeaderboardMetric, 'metric' | 'unit'>): string {
  return nameInUnit(m.metric, [m.unit]);
}

function directionMark(m: LeaderboardMetric): { mark: string; title: string } {
  if (m.betterDirection === 'higher') return { mark: ' ↑', title: `${metricLabel(m)}: higher is better` };
  if (m.betterDirection === 'lower') return { mark: ' ↓', title: `${metricLabel(m)}: lower is better` };
  return { mark: '', title: `${metricLabel(m)}: direction unknown, not ranked` };
}

/** A score (or interval bound) by the display rule: fractions in percent, with the precision written. */
function scoreText(m: LeaderboardMetric, value: number, places: number): string {
  if (m.fraction) return formatPercent(value, places);
  return `${formatValue(value, places)}${m.unit ? ` ${m.unit}` : ''}`;
}

/** Decimal places of a ranking's column: the most any entry was written with, on the scale shown. */
function columnPlaces(m: LeaderboardMetric): number {
  const written = maxOf([0, ...m.entries.map((e) => e.decimals)]);
  return m.fraction ? percentDecimals(written) : Math.min(6, written);
}

/**
 * One experiment's value of one metric, with its rank, its 95% interval and whether it is tied with
 * the leader: the one place a board cell is made.
 */
export function rankCell(m: LeaderboardMetric, entry: LeaderboardEntry | undefined, places: number): Cell {
  if (entry === undefined) return { text: '—', numeric: true };
  if (entry.score === null)
    return {
      text: `${formatValue(entry.value)}${entry.unit ? ` ${entry.unit}` : ''}`,
      numeric: true,
      title: `Not ranked: ${entry.unrankedReason ?? 'not on the scale of the others'}`,
    };
  const interval =
    entry.ciLow === null || entry.ciHigh === null
      ? ''
      : ` [${scoreText(m, entry.ciLow, Math.max(1, places))}, ${scoreText(m, entry.ciHigh, Math.max(1, places))}]`;
  const ranked = m.entries.filter((e) => e.rank !== null).length;
  const title =
    entry.rank === null
      ? `Not ranked: ${entry.unrankedReason ?? ''}`
      : entry.tied && entry.rank === 1 && m.entries.filter((e) => e.tied).length > 1
        ? `Rank 1 of ${ranked}, tied: not told apart from the leader (the 95% interval of their difference includes 0)`
        : `Rank ${entry.rank} of ${ranked}`;
  return {
    text: `${scoreText(m, entry.score, places)}${interval}`,
    numeric: true,
    title,
    ...(entry.rank === 1 ? { strong: true } : {}),
  };
}

/** The Rank column's cell: the rank by the first ranked metric, `1 (tied)` for entries tied with the leader. */
function leadRankCell(lead: LeaderboardMetric | undefined, id: string): Cell {
  const entry = lead?.entries.find((e) => e.experimentId === id);
  if (entry === undefined || entry.rank === null) return { text: '—', numeric: true };
  const tied = entry.tied && lead !== undefined && lead.entries.filter((e) => e.tied).length > 1;
  return {
    text: tied ? `${entry.rank} (tied)` : String(entry.rank),
    numeric: true,
    ...(tied ? { title: 'Not told apart from the leader: the 95% interval of their difference includes 0' } : {}),
  };
}

/**
 * Leaderboards: one table per use case and dataset version, then per dataset version for the
 * datasets' experiments across use cases (left out when it repeats a use case's table), with a column per metric ranked by the analysis in its own better direction (ties
 * with the leader marked, 95% intervals shown); rows follow the first ranked metric.
 */
export function buildLeaderboardViews(base: string, leaderboards: readonly Leaderboard[]): LeaderboardView[] {
  const views: LeaderboardView[] = [];
  // A dataset's table that repeats a use case's (same dataset version, same experiments) is left out.
  const shown = new Set<string>();
  for (const lb of [...leaderboards].sort((a, b) => Number(a.scope === 'dataset') - Number(b.scope === 'dataset'))) {
    const byDataset = new Map<string, LeaderboardMetric[]>();
    for (const m of lb.metrics) {
      const key = JSON.stringify([m.dataset, m.datasetVersion]);
      byDataset.set(key, [...(byDataset.get(key) ?? []), m]);
    }
    const scopeSlug = lb.scope === 'use_case' ? 'use-case' : 'dataset';
    for (const metrics of byDataset.values()) {
      const first = metrics[0];
      if (first === undefined) continue;
      const lead = metrics.find((m) => m.betterDirection !== null && m.entries.some((e) => e.rank !== null));
      const names = new Map<string, string>();
      for (const m of metrics) for (const e of m.entries) if (!names.has(e.experimentId)) names.set(e.experimentId, e.name ?? '');
      // The lead metric's ranked entries are best first (entries tied with the leader all have rank 1: their
      // order is the scores'); the others after them, by id.
      const placeOf = (id: string): number => {
        const index = lead?.entries.findIndex((e) => e.experimentId === id && e.rank !== null) ?? -1;
        return index < 0 ? Infinity : index;
      };
      const ids = [...names.keys()].sort((a, b) => placeOf(a) - placeOf(b) || compareText(a, b));
      const same = JSON.stringify([first.dataset, first.datasetVersion, [...ids].sort(compareText)]);
      if (shown.has(same)) continue;
      shown.add(same);
      const places = metrics.map(columnPlaces);
      const unranked = metrics.filter((m) => m.entries.some((e) => e.rank === null)).map(metricLabel);
      views.push({
        id: [
          scopeSlug,
          slugify(lb.value),
          ...(lb.scope === 'use_case' ? [slugify(first.dataset ?? 'no-dataset')] : []),
          slugify(first.datasetVersion ?? 'no-version'),
        ].join('-'),
        scopeLabel: lb.scope === 'use_case' ? 'Use case' : 'Dataset',
        title: lb.value,
        dataset: datasetText(first),
        count: ids.length,
        columns: [
          { label: 'Rank', numeric: true, title: lead ? `By ${metricLabel(lead)}` : 'No metric with a known direction' },
          { label: 'Experiment' },
          { label: 'Name' },
          ...metrics.map((m) => {
            const d = directionMark(m);
            return { label: `${metricLabel(m)}${d.mark}`, numeric: true, title: d.title };
          }),
        ],
        rows: ids.map((id) => [
          leadRankCell(lead, id),
          { text: id, href: joinBase(base, experimentPath(id)) },
          { text: names.get(id) ?? '' },
          ...metrics.map((m, i) =>
            rankCell(
              m,
              m.entries.find((e) => e.experimentId === id),
              places[i] ?? 0,
            ),
          ),
        ]),
        ...(unranked.length > 0 ? { note: `Not ranked (direction unknown, or values not on one scale): ${unranked.join(', ')}.` } : {}),
      });
    }
  }
  return views;
}
