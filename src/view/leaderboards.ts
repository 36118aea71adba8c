import type { Leaderboard, LeaderboardEntry, LeaderboardMetric } from '../analysis/index.ts';
import type { Cell, TableColumn } from './blocks.ts';
import { formatPercent, formatValue, percentDecimals } from './format.ts';
import { experimentPath, joinBase, slugify } from './urls.ts';

export interface LeaderboardView {
  id: string;
  title: string;
  scopeLabel: string;
  count: number;
  tables: { id: string; metric: string; direction: string; dataset: string; caption: string; columns: TableColumn[]; rows: Cell[][] }[];
}

const COLUMNS: TableColumn[] = [
  { label: 'Rank', numeric: true },
  { label: 'Experiment' },
  { label: 'Name' },
  { label: 'Dataset' },
  { label: 'Value', numeric: true },
  { label: '95% CI', numeric: true },
];

/** The dataset and version a ranking is on: `churn-snapshots v2.0.0`, `dataset not given`. */
function datasetLabel(m: LeaderboardMetric): string {
  if (m.dataset === null) return 'dataset not given';
  return m.datasetVersion === null ? `${m.dataset} (version not given)` : `${m.dataset} v${m.datasetVersion}`;
}

/** An entry's score (and interval bounds) by the display rule: fractions in percent, with the precision written. */
function scoreText(m: LeaderboardMetric, value: number | null, places: number): string {
  if (value === null) return '—';
  if (m.fraction) return formatPercent(value, places);
  return `${formatValue(value, places)}${m.unit ? ` ${m.unit}` : ''}`;
}

function rankCell(e: LeaderboardEntry): Cell {
  if (e.rank === null) return { text: '—', numeric: true, title: `Not ranked: ${e.unrankedReason ?? ''}` };
  if (e.tied)
    return {
      text: `${e.rank} (tied)`,
      numeric: true,
      title: 'Not told apart from the leader: the 95% interval of their difference includes 0',
    };
  return { text: String(e.rank), numeric: true };
}

/**
 * Leaderboards per use case and per dataset, each metric ranked in its own better direction, one
 * table per dataset version; entries not told apart from the leader are shown tied with it.
 */
export function buildLeaderboardViews(base: string, leaderboards: readonly Leaderboard[]): LeaderboardView[] {
  return leaderboards.map((lb) => {
    const id = `${lb.scope === 'use_case' ? 'use-case' : 'dataset'}-${slugify(lb.value)}`;
    return {
      id,
      title: lb.value,
      scopeLabel: lb.scope === 'use_case' ? 'Use case' : 'Dataset',
      count: lb.experimentIds.length,
      tables: lb.metrics.map((m) => {
        const written = Math.max(0, ...m.entries.map((e) => e.decimals));
        const places = m.fraction ? percentDecimals(written) : Math.min(6, written);
        const direction =
          m.betterDirection === 'higher'
            ? 'higher is better'
            : m.betterDirection === 'lower'
              ? 'lower is better'
              : 'direction unknown: not ranked';
        const dataset = datasetLabel(m);
        return {
          id: `${id}-${slugify(m.metric)}${m.dataset === null ? '' : `-${slugify(dataset)}`}`,
          metric: m.metric,
          direction,
          dataset,
          caption: `${m.metric} (${direction}) on ${dataset}`,
          columns: COLUMNS,
          rows: m.entries.map((e) => [
            rankCell(e),
            { text: e.experimentId, href: joinBase(base, experimentPath(e.experimentId)) },
            { text: e.name ?? '' },
            { text: dataset },
            {
              text: e.score === null ? `${formatValue(e.value)}${e.unit ? ` ${e.unit}` : ''}` : scoreText(m, e.score, places),
              numeric: true,
              strong: e.rank === 1,
            },
            {
              text:
                e.ciLow === null || e.ciHigh === null
                  ? '—'
                  : `${scoreText(m, e.ciLow, Math.max(1, places))} – ${scoreText(m, e.ciHigh, Math.max(1, places))}`,
              numeric: true,
            },
          ]),
        };
      }),
    };
  });
}
