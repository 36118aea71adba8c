/**
 * The pages of each overview (see src/view/pagination.ts), computed once per build and shared by the
 * route of page 1 and the route of the others: the experiments table, the fairness overview, each
 * tag's page and the lineage trees, split by the `pageSize` setting.
 */
import type { FairnessOverviewRow, TagPage } from '../view/overview-pages.ts';
import { buildFairnessOverview, buildTagPages } from '../view/overview-pages.ts';
import { buildIndexPageData, type IndexPageData } from '../view/index-page.ts';
import { buildLineageForest } from '../view/lineage.ts';
import { buildLeaderboardViews, type LeaderboardView } from '../view/leaderboards.ts';
import type { LineageTreeNode } from '../view/blocks.ts';
import { buildPager, pagePath, splitPages, type Pager } from '../view/pagination.ts';
import { joinBase, tagPath } from '../view/urls.ts';
import type { SiteModel } from './data.ts';

/** Values derived from a site model, computed once per model (see `derived`). */
const derivedValues = new WeakMap<SiteModel, Map<string, unknown>>();

/**
 * A value computed from the site once and shared by every page that asks for it under `key`: the
 * pages of one overview (page 1, page 2, …) each render a slice of the same rows.
 */
function derived<T>(site: SiteModel, key: string, make: () => T): T {
  let values = derivedValues.get(site);
  if (values === undefined) derivedValues.set(site, (values = new Map<string, unknown>()));
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as T;
}

/** The `getStaticPaths` entries of pages 2, 3, … of an overview (page 1 is its own route). */
export function laterPages<T extends { pager: Pager }>(pages: readonly T[]): { params: { n: string }; props: { page: T } }[] {
  return pages.slice(1).map((page) => ({ params: { n: String(page.pager.page) }, props: { page } }));
}

/** One page of the experiments table: its rows, and the site-wide counts and columns. */
export interface IndexPage {
  data: IndexPageData;
  pager: Pager;
}

/** The experiments table's pages, newest first (page 1 is the site root, then `page/2/`, …). */
export function indexPages(site: SiteModel): IndexPage[] {
  return derived(site, 'index-pages', () => {
    const data = buildIndexPageData({ base: site.base, records: site.records, analyses: site.analyses });
    const pages = splitPages(data.rows, site.settings.pageSize);
    return pages.map((p, i) => ({
      data: { ...data, rows: p.items },
      pager: buildPager({ base: site.base, first: '', sub: 'page/', page: i + 1, pages, total: data.total }),
    }));
  });
}

/** One page of the fairness overview: experiments with gaps (flagged first), then those without. */
export interface FairnessPage {
  rows: FairnessOverviewRow[];
  without: { id: string; href: string }[];
  pager: Pager;
}

/** The fairness overview's pages (`fairness/`, `fairness/2/`, …). */
export function fairnessPages(site: SiteModel): FairnessPage[] {
  return derived(site, 'fairness-pages', () => {
    const { rows, without } = buildFairnessOverview({ base: site.base, records: site.records, analyses: site.analyses });
    type Item = { row: FairnessOverviewRow } | { without: { id: string; href: string } };
    const items: Item[] = [...rows.map((row) => ({ row })), ...without.map((w) => ({ without: w }))];
    const pages = splitPages(items, site.settings.pageSize);
    return pages.map((p, i) => ({
      rows: p.items.flatMap((item) => ('row' in item ? [item.row] : [])),
      without: p.items.flatMap((item) => ('without' in item ? [item.without] : [])),
      pager: buildPager({ base: site.base, first: 'fairness/', page: i + 1, pages, total: site.records.length }),
    }));
  });
}

/** One page of a tag value's experiments. */
export interface TagPageSlice {
  tag: TagPage;
  page: number;
  pager: Pager;
}

/** Every tag value's pages (`tags/<key>/<value>/`, then `…/2/`, …). */
export function tagPages(site: SiteModel): TagPageSlice[] {
  return derived(site, 'tag-pages', () =>
    buildTagPages({ base: site.base, records: site.records, analyses: site.analyses }).flatMap((tag) => {
      const pages = splitPages(tag.rows, site.settings.pageSize);
      const first = tagPath(tag.key, tag.value);
      return pages.map((p, i) => ({
        tag: { ...tag, rows: p.items },
        page: i + 1,
        pager: buildPager({ base: site.base, first, page: i + 1, pages, total: tag.rows.length }),
      }));
    }),
  );
}

/** One page of the lineage overview: whole trees, then experiments without parent or children. */
export interface LineagePage {
  trees: LineageTreeNode[];
  singles: LineageTreeNode[];
  pager: Pager;
}

function treeSize(node: LineageTreeNode): number {
  return 1 + node.children.reduce((n, c) => n + treeSize(c), 0);
}

/** The lineage overview's pages (`lineage/`, `lineage/2/`, …); a tree is never split across pages. */
export function lineagePages(site: SiteModel): LineagePage[] {
  return derived(site, 'lineage-pages', () => {
    const forest = buildLineageForest({
      base: site.base,
      records: site.byId,
      analyses: site.analyses,
      comparePages: site.settings.comparePages,
    });
    const ordered = [...forest.filter((t) => t.children.length > 0), ...forest.filter((t) => t.children.length === 0)];
    const pages = splitPages(ordered, site.settings.pageSize, treeSize);
    const total = ordered.reduce((n, t) => n + treeSize(t), 0);
    return pages.map((p, i) => ({
      trees: p.items.filter((t) => t.children.length > 0),
      singles: p.items.filter((t) => t.children.length === 0),
      pager: buildPager({ base: site.base, first: 'lineage/', page: i + 1, pages, total }),
    }));
  });
}

/** One page of the leaderboards: whole tables, and the contents of every page. */
export interface LeaderboardsPage {
  boards: LeaderboardView[];
  /** Every table of every page, linked: `#id` on its own page, `leaderboards/<n>/#id` on another. */
  toc: { href: string; label: string }[];
  pager: Pager;
}

/** The leaderboards' pages (`leaderboards/`, `leaderboards/2/`, …), by experiments ranked; a table is never split. */
export function leaderboardPages(site: SiteModel): LeaderboardsPage[] {
  return derived(site, 'leaderboard-pages', () => {
    const boards = buildLeaderboardViews(site.base, site.analysis.leaderboards);
    const pages = splitPages(boards, site.settings.pageSize, (b) => b.count);
    const total = boards.reduce((n, b) => n + b.count, 0);
    return pages.map((p, i) => ({
      boards: p.items,
      toc: pages.flatMap((other, j) =>
        other.items.map((b) => ({
          href: j === i ? `#${b.id}` : `${joinBase(site.base, pagePath('leaderboards/', j + 1))}#${b.id}`,
          label: `${b.scopeLabel}: ${b.title} · ${b.dataset}`,
        })),
      ),
      pager: buildPager({ base: site.base, first: 'leaderboards/', page: i + 1, pages, total, noun: 'Ranked entries' }),
    }));
  });
}
