import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import { generateRecords } from '../../src/generate/index.ts';
import { readSettings } from '../../src/settings/index.ts';
import type { SiteModel } from '../../src/site/data.ts';
import { fairnessPages, indexPages, laterPages, leaderboardPages, lineagePages, tagPages } from '../../src/site/overview-pages.ts';
import { buildLeaderboardViews } from '../../src/view/leaderboards.ts';
import { buildFairnessOverview, buildTagPages } from '../../src/view/overview-pages.ts';
import type { LineageTreeNode } from '../../src/view/blocks.ts';

function siteOf(count: number, pageSize: number): SiteModel {
  const records = generateRecords({ count, seed: 7, epochs: 3 }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const analysis = analyzeCollection(records);
  return {
    settings: { ...readSettings({ env: {} }), pageSize },
    base: '/lb/',
    records,
    byId: new Map(records.map((r) => [r.id, r])),
    files: new Map(records.map((r) => [r.id, `${r.id}.json`])),
    analysis,
    analyses: analysis.byId,
  };
}

const site = siteOf(25, 10);

describe('the overviews in pages of the pageSize setting (25 experiments, 10 to a page)', () => {
  test('the experiments table: 10, 10 and 5 rows, newest first across the pages, every experiment once', () => {
    const pages = indexPages(site);
    expect(pages.map((p) => p.data.rows.length)).toEqual([10, 10, 5]);
    const rows = pages.flatMap((p) => p.data.rows);
    expect(new Set(rows.map((r) => r.id)).size).toBe(25);
    const dates = rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // The counts and metric columns are the whole site's on every page.
    expect(pages.map((p) => p.data.total)).toEqual([25, 25, 25]);
    expect(pages[2]?.data.metricColumns).toEqual(pages[0]?.data.metricColumns);
    expect(pages[2]?.pager).toMatchObject({ page: 3, pages: 3, prev: '/lb/page/2/', next: undefined });
    expect(pages[2]?.pager.summary).toBe('Experiments 21–25 of 25 (page 3 of 3)');
    expect(pages[0]?.pager.entries[0]).toEqual({ kind: 'page', n: 1, href: '/lb/', current: true });
  });

  test('computed once per site: page 1 and the route of the others share the same pages', () => {
    expect(indexPages(site)).toBe(indexPages(site));
    // The route of the others gets pages 2 and 3, each at its number.
    expect(laterPages(indexPages(site)).map((p) => [p.params.n, p.props.page.pager.page])).toEqual([
      ['2', 2],
      ['3', 3],
    ]);
  });

  test('the fairness overview: the one-page order (flagged first), cut into pages, then those without groups', () => {
    const whole = buildFairnessOverview({ base: site.base, records: site.records, analyses: site.analyses });
    const pages = fairnessPages(site);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole.rows.map((r) => r.id));
    expect(pages.flatMap((p) => p.without.map((w) => w.id))).toEqual(whole.without.map((w) => w.id));
    expect(pages.map((p) => p.rows.length + p.without.length)).toEqual([10, 10, 5]);
    expect(pages[1]?.pager.prev).toBe('/lb/fairness/');
  });

  test("a tag's page: its experiments in the same order, 10 to a page, at tags/<key>/<value>/<n>/", () => {
    const whole = buildTagPages({ base: site.base, records: site.records, analyses: site.analyses });
    const slices = tagPages(site);
    for (const tag of whole) {
      const mine = slices.filter((s) => s.tag.key === tag.key && s.tag.value === tag.value);
      expect(mine.map((s) => s.page)).toEqual(mine.map((_, i) => i + 1));
      expect(mine.flatMap((s) => s.tag.rows)).toEqual(tag.rows);
      expect(mine.map((s) => s.tag.countText)).toEqual(mine.map(() => tag.countText));
    }
    const big = slices.find((s) => s.page === 2);
    expect(big?.pager.prev).toBe(`/lb/tags/${big?.tag.keySlug}/${big?.tag.valueSlug}/`);
  });

  test('the lineage trees: never split, at most 10 experiments to a page unless one tree is bigger, every experiment once', () => {
    const size = (n: LineageTreeNode): number => 1 + n.children.reduce((s, c) => s + size(c), 0);
    const ids = (n: LineageTreeNode): string[] => [n.id, ...n.children.flatMap(ids)];
    const pages = lineagePages(site);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flatMap((p) => [...p.trees, ...p.singles].flatMap(ids));
    expect(all.sort()).toEqual(site.records.map((r) => r.id).sort());
    for (const p of pages) {
      const held = [...p.trees, ...p.singles].map(size);
      if (held.length > 1) expect(held.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10);
    }
  });

  test('the leaderboards: whole tables, at most 10 ranked entries to a page unless one table is bigger; the contents link every table on its page', () => {
    const whole = buildLeaderboardViews(site.base, site.analysis.leaderboards);
    const pages = leaderboardPages(site);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.boards)).toEqual(whole);
    for (const [i, p] of pages.entries()) {
      if (p.boards.length > 1) expect(p.boards.reduce((n, b) => n + b.count, 0)).toBeLessThanOrEqual(10);
      expect(p.toc.map((t) => t.label)).toEqual(whole.map((b) => `${b.scopeLabel}: ${b.title} · ${b.dataset}`));
      // A table on this page is linked by its anchor; one on page j by that page's address.
      for (const [j, other] of pages.entries()) {
        for (const b of other.boards) {
          const href = p.toc[whole.findIndex((w) => w.id === b.id)]?.href;
          expect(href).toBe(j === i ? `#${b.id}` : `${j === 0 ? '/lb/leaderboards/' : `/lb/leaderboards/${j + 1}/`}#${b.id}`);
        }
      }
    }
  });

  test('a site within one page has no further pages', () => {
    const small = siteOf(25, 1000);
    expect([indexPages(small), fairnessPages(small), lineagePages(small), leaderboardPages(small)].map((p) => p.length)).toEqual([
      1, 1, 1, 1,
    ]);
    expect(tagPages(small).every((s) => s.page === 1)).toBe(true);
  });
});
