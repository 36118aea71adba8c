/**
 * Overview pages split into pages of at most `pageSize` experiments (the `pageSize` setting): the
 * experiments table, the fairness overview, a tag's page and the lineage trees. At 10,000 experiments
 * a single page would be 15–20 MB of HTML. Page 1 keeps the address it always had; page n is at
 * `<first><sub>n/` (`page/2/` for the experiments table, `fairness/2/`, `tags/k/v/2/`, `lineage/2/`).
 */
import { joinBase } from './urls.ts';
import { formatCount } from './format.ts';

/** Items split into pages, each with the experiments it holds. */
export interface Paged<T> {
  items: T[];
  /** Position of the page's first and last experiment in the whole list (1-based), and its length. */
  first: number;
  last: number;
}

/**
 * Splits `items` into pages of at most `size` experiments, in order. `weight` says how many
 * experiments an item holds (a lineage tree: its nodes; default 1); an item is never split, so one
 * heavier than `size` gets a page of its own. An empty list is one empty page.
 */
export function splitPages<T>(items: readonly T[], size: number, weight: (item: T) => number = () => 1): Paged<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a whole number ≥ 1, got ${size}`);
  const pages: Paged<T>[] = [];
  let current: T[] = [];
  let held = 0;
  let before = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && held + w > size) {
      pages.push({ items: current, first: before + 1, last: before + held });
      before += held;
      current = [];
      held = 0;
    }
    current.push(item);
    held += w;
  }
  pages.push({ items: current, first: current.length === 0 ? 0 : before + 1, last: before + held });
  return pages;
}

/** Site-relative path of page `n` of an overview whose first page is at `first` (`fairness/`, or `` for the site root). */
export function pagePath(first: string, n: number, sub = ''): string {
  return n <= 1 ? first : `${first}${sub}${n}/`;
}

/** One entry of a pager: a page's link, or a gap (…) between far-apart pages. */
export type PagerEntry = { kind: 'page'; n: number; href: string; current: boolean } | { kind: 'gap' };

/** The navigation between the pages of one overview. */
export interface Pager {
  page: number;
  pages: number;
  /** "Experiments 1,001–2,000 of 10,000 (page 2 of 10)". */
  summary: string;
  entries: PagerEntry[];
  prev: string | undefined;
  next: string | undefined;
}

/**
 * The pager of page `page` (1-based) of `pages`, for an overview at `first` (see `pagePath`): every
 * page's link when there are at most nine, else the first, the last and the two either side of this one.
 */
export function buildPager(input: {
  base: string;
  first: string;
  sub?: string;
  page: number;
  pages: readonly Paged<unknown>[];
  total: number;
  noun?: string;
}): Pager {
  const { base, first, sub = '', page, pages, total, noun = 'Experiments' } = input;
  const count = pages.length;
  const href = (n: number): string => joinBase(base, pagePath(first, n, sub));
  const near = (n: number): boolean => count <= 9 || n === 1 || n === count || Math.abs(n - page) <= 2;
  // A gap would stand for one page only: that page's link instead (1 2 3 4 5 … rather than 1 … 3 4 5).
  const shown = (n: number): boolean => near(n) || (near(n - 1) && near(n + 1));
  const entries: PagerEntry[] = [];
  for (let n = 1; n <= count; n += 1) {
    if (shown(n)) entries.push({ kind: 'page', n, href: href(n), current: n === page });
    else if (entries.at(-1)?.kind !== 'gap') entries.push({ kind: 'gap' });
  }
  const here = pages[page - 1];
  const range =
    here === undefined || here.last === 0
      ? ''
      : here.first === here.last
        ? `${formatCount(here.first)} of `
        : `${formatCount(here.first)}–${formatCount(here.last)} of `;
  return {
    page,
    pages: count,
    summary: `${noun} ${range}${formatCount(total)} (page ${page} of ${count})`,
    entries,
    prev: page > 1 ? href(page - 1) : undefined,
    next: page < count ? href(page + 1) : undefined,
  };
}
