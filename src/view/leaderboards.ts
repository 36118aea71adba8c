import type { Leaderboard } from '../analysis/index.ts';
import type { Cell } from './blocks.ts';
import { formatColumn } from './format.ts';
import { experimentPath, joinBase, slugify } from './urls.ts';

export interface LeaderboardView {
  id: string;
  title: string;
  scopeLabel: string;
  count: number;
  tables: { id: string; metric: string; direction: string; rows: Cell[][] }[];
}

/** Leaderboards per use case and per dataset, each metric ranked in its own better direction. */
export function buildLeaderboardViews(base: string, leaderboards: readonly Leaderboard[]): LeaderboardView[] {
  return leaderboards.map((lb) => {
    const id = `${lb.scope === 'use_case' ? 'use-case' : 'dataset'}-${slugify(lb.value)}`;
    return {
      id,
      title: lb.value,
      scopeLabel: lb.scope === 'use_case' ? 'Use case' : 'Dataset',
      count: lb.experimentIds.length,
      tables: lb.metrics.map((m) => {
        const values = formatColumn(m.entries.map((e) => e.value));
        return {
          id: `${id}-${slugify(m.metric)}`,
          metric: m.metric,
          direction:
            m.betterDirection === 'higher'
              ? 'higher is better'
              : m.betterDirection === 'lower'
                ? 'lower is better'
                : 'direction unknown: not ranked',
          rows: m.entries.map((e, i) => [
            {
              text: e.rank === null ? '—' : String(e.rank),
              numeric: true,
              ...(e.rank === null ? { title: 'Not ranked: direction unknown or a different unit' } : {}),
            },
            { text: e.experimentId, href: joinBase(base, experimentPath(e.experimentId)) },
            { text: e.name ?? '' },
            {
              text: `${values[i] ?? '—'}${e.unit && e.unit !== '%' ? ` ${e.unit}` : e.unit === '%' ? '%' : ''}`,
              numeric: true,
              strong: e.rank === 1,
            },
          ]),
        };
      }),
    };
  });
}
