import { buildLeaderboards, type LeaderboardEntry, type LeaderboardMetric } from '../analysis/index.ts';
import type { Experiment } from '../schema/index.ts';
import type { Cell, TableColumn } from './blocks.ts';
import { formatMetricValue } from './format.ts';
import { experimentPath, joinBase, slugify } from './urls.ts';
import { compareText } from '../util/compare-text.ts';

/** One leaderboard: the experiments of one use case (or, without one, one dataset) on one dataset version. */
export interface LeaderboardView {
  id: string;
  scopeLabel: 'Use case' | 'Dataset';
  title: string;
  /** The dataset and version every experiment of the board was evaluated on. */
  dataset: string;
  count: number;
  columns: TableColumn[];
  rows: Cell[][];
  /** Metrics shown but not ranked (direction unknown, or a unit that differs). */
  note?: string;
}

/** The dataset a record was evaluated on, as a board groups it: name and version. */
function datasetOf(record: Experiment): { name: string; version: string } {
  return { name: record.dataset?.name?.trim() ?? '', version: record.dataset?.version?.trim() ?? '' };
}

function datasetText(d: { name: string; version: string }): string {
  if (d.name === '') return 'dataset not given';
  return d.version === '' ? `${d.name}, version not given` : `${d.name}, version ${d.version}`;
}

function directionMark(m: LeaderboardMetric): { mark: string; title: string } {
  if (m.betterDirection === 'higher') return { mark: ' ↑', title: `${m.metric}: higher is better` };
  if (m.betterDirection === 'lower') return { mark: ' ↓', title: `${m.metric}: lower is better` };
  return { mark: '', title: `${m.metric}: direction unknown, not ranked` };
}

/**
 * One experiment's value of one metric, with its rank: the one place a board cell is made (where a
 * "tied with the leader" mark will go when the analysis provides one).
 */
export function rankCell(entry: LeaderboardEntry | undefined, ranked: number): Cell {
  if (entry === undefined) return { text: '—', numeric: true };
  const value = formatMetricValue(entry.value, entry.unit);
  if (entry.rank === null) return { text: value, numeric: true, title: 'Not ranked: direction unknown or a different unit' };
  return { text: value, numeric: true, title: `Rank ${entry.rank} of ${ranked}`, ...(entry.rank === 1 ? { strong: true } : {}) };
}

/**
 * Leaderboards: one table per use case and dataset version (experiments without a use case by
 * dataset version), never mixing dataset versions in one ranking. Metric columns; rows ordered by
 * the first ranked metric (each column ranked by the analysis, in its own better direction).
 * Groups with fewer than two experiments get no board.
 */
export function buildLeaderboardViews(base: string, records: readonly Experiment[]): LeaderboardView[] {
  const groups = new Map<
    string,
    { scope: 'use_case' | 'dataset'; value: string; dataset: { name: string; version: string }; members: Experiment[] }
  >();
  for (const record of records) {
    const useCase = record.tags?.['use_case']?.trim() ?? '';
    const dataset = datasetOf(record);
    if (useCase === '' && dataset.name === '') continue;
    const scope = useCase === '' ? 'dataset' : 'use_case';
    const key = JSON.stringify([scope, useCase, dataset.name, dataset.version]);
    const group = groups.get(key) ?? { scope, value: useCase === '' ? dataset.name : useCase, dataset, members: [] };
    group.members.push(record);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.members.length >= 2)
    .sort(
      (x, y) =>
        // Use cases first, then datasets without one.
        Number(x.scope === 'dataset') - Number(y.scope === 'dataset') ||
        compareText(x.value, y.value) ||
        compareText(x.dataset.name, y.dataset.name) ||
        compareText(x.dataset.version, y.dataset.version),
    )
    .map((g): LeaderboardView => {
      // Every member shares the scope value, so the analysis's first board over them ranks them all.
      const board = buildLeaderboards(g.members)[0];
      const metrics = board?.metrics ?? [];
      const lead = metrics.find((m) => m.betterDirection !== null);
      const ids = [...g.members.map((m) => m.id)].sort((a, b) => {
        const ra = lead?.entries.find((e) => e.experimentId === a)?.rank ?? null;
        const rb = lead?.entries.find((e) => e.experimentId === b)?.rank ?? null;
        return (ra ?? Infinity) - (rb ?? Infinity) || compareText(a, b);
      });
      const byId = new Map(g.members.map((m) => [m.id, m]));
      const unranked = metrics.filter((m) => m.entries.some((e) => e.rank === null)).map((m) => m.metric);
      const scopeSlug = g.scope === 'use_case' ? 'use-case' : 'dataset';
      return {
        id: [
          scopeSlug,
          slugify(g.value),
          ...(g.scope === 'use_case' ? [slugify(g.dataset.name || 'no-dataset')] : []),
          slugify(g.dataset.version || 'no-version'),
        ].join('-'),
        scopeLabel: g.scope === 'use_case' ? 'Use case' : 'Dataset',
        title: g.value,
        dataset: datasetText(g.dataset),
        count: g.members.length,
        columns: [
          { label: 'Rank', numeric: true, title: lead ? `By ${lead.metric}` : 'No metric with a known direction' },
          { label: 'Experiment' },
          { label: 'Name' },
          ...metrics.map((m) => {
            const d = directionMark(m);
            return { label: `${m.metric}${d.mark}`, numeric: true, title: d.title };
          }),
        ],
        rows: ids.map((id) => {
          const leadRank = lead?.entries.find((e) => e.experimentId === id)?.rank ?? null;
          return [
            { text: leadRank === null ? '—' : String(leadRank), numeric: true },
            { text: id, href: joinBase(base, experimentPath(id)) },
            { text: byId.get(id)?.name ?? '' },
            ...metrics.map((m) =>
              rankCell(
                m.entries.find((e) => e.experimentId === id),
                m.entries.filter((e) => e.rank !== null).length,
              ),
            ),
          ];
        }),
        ...(unranked.length > 0 ? { note: `Not ranked (direction unknown, or a unit that differs): ${unranked.join(', ')}.` } : {}),
      };
    });
}
