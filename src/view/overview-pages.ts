import type { Experiment } from '../schema/index.ts';
import type { ExperimentAnalysisView } from './analysis-types.ts';
import type { Cell, TableColumn } from './blocks.ts';
import { fairnessCells } from './deltas.ts';
import { formatDate, formatMetricValue, humanize } from './format.ts';
import { distinctSlug, experimentPath, joinBase, tagEntries, tagPath } from './urls.ts';
import { compareText } from '../util/compare-text.ts';
import { minOf } from '../util/arrays.ts';

export interface OverviewInput {
  base: string;
  records: readonly Experiment[];
  analyses: ReadonlyMap<string, ExperimentAnalysisView>;
}

/** One experiment's largest gaps on the fairness overview. */
export interface FairnessOverviewRow {
  id: string;
  href: string;
  name: string;
  flagged: number;
  gaps: { attribute: string; metric: string; worst: string; best: string; difference: Cell; ratio: Cell; flag: Cell; interval: Cell }[];
}

/**
 * What the fairness overview's number columns hold, said once in their headers rather than in every
 * cell (at 1,000 experiments to a page, the same three explanations in each row were 40% of it); a
 * cell keeps its own title only when it says something else (an undefined ratio, an unknown interval).
 */
export const FAIRNESS_OVERVIEW_TITLES = {
  difference: 'max − min over groups',
  ratio: 'min / max over groups',
  interval: "Newcombe's hybrid score 95% interval of the gap between the two extreme groups (Wilson interval of each over its denominator)",
} as const;

function withoutTitle(cell: Cell, title: string | undefined): Cell {
  if (cell.title === undefined || cell.title !== title) return cell;
  const { title: _title, ...rest } = cell;
  return rest;
}

/** Every experiment that reports disaggregated performance: flagged ones first, then by smallest ratio. */
export function buildFairnessOverview(input: OverviewInput): { rows: FairnessOverviewRow[]; without: { id: string; href: string }[] } {
  const rows: (FairnessOverviewRow & { minRatio: number })[] = [];
  const without: { id: string; href: string }[] = [];
  for (const r of input.records) {
    const gaps = input.analyses.get(r.id)?.fairness ?? [];
    const href = joinBase(input.base, `${experimentPath(r.id)}#fairness`);
    if (gaps.length === 0) {
      without.push({ id: r.id, href: joinBase(input.base, experimentPath(r.id)) });
      continue;
    }
    const sorted = [...gaps].sort((a, b) => Number(b.flagged) - Number(a.flagged) || (a.ratio ?? 1) - (b.ratio ?? 1));
    rows.push({
      id: r.id,
      href,
      name: r.name ?? '',
      flagged: gaps.filter((g) => g.flagged).length,
      minRatio: minOf(gaps.map((g) => g.ratio ?? 1)),
      gaps: sorted.slice(0, 3).map((g) => {
        const cells = fairnessCells(g);
        return {
          attribute: g.attribute,
          metric: g.metric,
          worst: cells.worst.text,
          best: cells.best.text,
          difference: withoutTitle(cells.difference, FAIRNESS_OVERVIEW_TITLES.difference),
          ratio: withoutTitle(cells.ratio, FAIRNESS_OVERVIEW_TITLES.ratio),
          // The flag's text says which rule applied and why; the page's introduction states the rules.
          flag: withoutTitle(cells.flag, cells.flag.title),
          interval: withoutTitle(cells.interval, FAIRNESS_OVERVIEW_TITLES.interval),
        };
      }),
    });
  }
  rows.sort((a, b) => b.flagged - a.flagged || a.minRatio - b.minRatio || compareText(a.id, b.id));
  return { rows: rows.map(({ minRatio: _minRatio, ...row }) => row), without };
}

export interface TagGroup {
  key: string;
  label: string;
  slug: string;
  values: { value: string; slug: string; href: string; count: number }[];
}

/** All tags with their values and counts, keys and values sorted. */
export function buildTagIndex(input: OverviewInput): TagGroup[] {
  const keys = new Map<string, Map<string, number>>();
  for (const r of input.records) {
    for (const [k, v] of tagEntries(r.tags)) {
      const values = keys.get(k) ?? new Map<string, number>();
      values.set(v, (values.get(v) ?? 0) + 1);
      keys.set(k, values);
    }
  }
  return [...keys]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, values]) => ({
      key,
      label: humanize(key),
      slug: distinctSlug(key),
      values: [...values]
        .sort(([a], [b]) => compareText(a, b))
        .map(([value, count]) => ({ value, slug: distinctSlug(value), href: joinBase(input.base, tagPath(key, value)), count })),
    }));
}

/** A tag page: one (key, value) and the experiments carrying it. */
export interface TagPage {
  key: string;
  value: string;
  keySlug: string;
  valueSlug: string;
  /** "1 experiment", "3 experiments". */
  countText: string;
  columns: TableColumn[];
  /** One row per experiment, newest first: id (linked), name, status, date, headline metric. */
  rows: Cell[][];
}

export const TAG_PAGE_COLUMNS: TableColumn[] = [
  { label: 'Experiment' },
  { label: 'Name' },
  { label: 'Status' },
  { label: 'Date' },
  { label: 'Headline metric', numeric: true },
];

/**
 * One page per (tag key, value): the experiments carrying it. Values that differ only in case or
 * in spaces, `-`, `_` and `.` share a page; any other difference gives its own (see `distinctSlug`).
 */
export function buildTagPages(input: OverviewInput): TagPage[] {
  const pages = new Map<string, { key: string; value: string; keySlug: string; valueSlug: string; members: Experiment[] }>();
  for (const r of input.records) {
    for (const [key, value] of tagEntries(r.tags)) {
      const keySlug = distinctSlug(key);
      const valueSlug = distinctSlug(value);
      const id = `${keySlug}/${valueSlug}`;
      const page = pages.get(id) ?? { key, value, keySlug, valueSlug, members: [] };
      page.members.push(r);
      pages.set(id, page);
    }
  }
  return [...pages.values()]
    .sort((a, b) => compareText(`${a.keySlug}/${a.valueSlug}`, `${b.keySlug}/${b.valueSlug}`))
    .map(({ members, ...page }) => ({
      ...page,
      countText: `${members.length} experiment${members.length === 1 ? '' : 's'}`,
      columns: TAG_PAGE_COLUMNS,
      rows: [...members]
        .sort((a, b) => compareText(b.date ?? '', a.date ?? '') || compareText(a.id, b.id))
        .map((r) => {
          const h = input.analyses.get(r.id)?.headline;
          return [
            { text: r.id, href: joinBase(input.base, experimentPath(r.id)) },
            { text: r.name ?? '' },
            { text: r.status ?? 'unknown' },
            { text: formatDate(r.date) },
            { text: h ? `${h.metric} ${formatMetricValue(h)}` : '—', numeric: true },
          ];
        }),
    }));
}
