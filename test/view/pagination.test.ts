import { describe, expect, test } from 'vitest';
import { buildPager, pagePath, splitPages } from '../../src/view/pagination.ts';

describe('splitPages', () => {
  test("pages of at most `size` items, in order, with each page's first and last position", () => {
    const pages = splitPages(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3);
    expect(pages).toEqual([
      { items: ['a', 'b', 'c'], first: 1, last: 3 },
      { items: ['d', 'e', 'f'], first: 4, last: 6 },
      { items: ['g'], first: 7, last: 7 },
    ]);
  });

  test('a list that fits is one page; an empty list is one empty page', () => {
    expect(splitPages([1, 2], 1000)).toEqual([{ items: [1, 2], first: 1, last: 2 }]);
    expect(splitPages([], 1000)).toEqual([{ items: [], first: 0, last: 0 }]);
  });

  test('weighted items (trees of 4, 1, 3 and 2 nodes, 5 to a page) are never split; a heavier one gets a page alone', () => {
    // 4 + 1 = 5 fills page 1; 3 + 2 = 5 is page 2.
    expect(splitPages([4, 1, 3, 2], 5, (n) => n)).toEqual([
      { items: [4, 1], first: 1, last: 5 },
      { items: [3, 2], first: 6, last: 10 },
    ]);
    // A tree of 7 nodes is more than a page: alone on page 2 (positions 3–9), then the rest.
    expect(splitPages([2, 7, 1], 5, (n) => n)).toEqual([
      { items: [2], first: 1, last: 2 },
      { items: [7], first: 3, last: 9 },
      { items: [1], first: 10, last: 10 },
    ]);
  });

  test('a size below 1 or not whole is a programming error', () => {
    expect(() => splitPages([1], 0)).toThrow(RangeError);
    expect(() => splitPages([1], 2.5)).toThrow(RangeError);
  });
});

describe('pagePath', () => {
  test("page 1 keeps the overview's address; page n is <first><sub>n/", () => {
    expect(pagePath('fairness/', 1)).toBe('fairness/');
    expect(pagePath('fairness/', 3)).toBe('fairness/3/');
    expect(pagePath('', 1, 'page/')).toBe('');
    expect(pagePath('', 2, 'page/')).toBe('page/2/');
    expect(pagePath('tags/use-case/churn/', 2)).toBe('tags/use-case/churn/2/');
  });
});

describe('buildPager', () => {
  const pagesOf = (total: number, size: number) =>
    splitPages(
      Array.from({ length: total }, (_, i) => i),
      size,
    );

  test('every page linked when there are at most nine; the current one marked; previous and next', () => {
    const pager = buildPager({ base: '/repo/', first: '', sub: 'page/', page: 2, pages: pagesOf(2500, 1000), total: 2500 });
    expect(pager.summary).toBe('Experiments 1,001–2,000 of 2,500 (page 2 of 3)');
    expect(pager.entries).toEqual([
      { kind: 'page', n: 1, href: '/repo/', current: false },
      { kind: 'page', n: 2, href: '/repo/page/2/', current: true },
      { kind: 'page', n: 3, href: '/repo/page/3/', current: false },
    ]);
    expect([pager.prev, pager.next]).toEqual(['/repo/', '/repo/page/3/']);
  });

  test('of 20 pages, page 10 links 1, 8–12 and 20, with gaps between', () => {
    const pager = buildPager({ base: '/', first: 'fairness/', page: 10, pages: pagesOf(10_000, 500), total: 10_000 });
    const shown = pager.entries.map((e) => (e.kind === 'gap' ? '…' : String(e.n)));
    expect(shown).toEqual(['1', '…', '8', '9', '10', '11', '12', '…', '20']);
    expect(pager.summary).toBe('Experiments 4,501–5,000 of 10,000 (page 10 of 20)');
  });

  test('the first page has no previous link and the last no next; one page is a pager of one', () => {
    const pages = pagesOf(30, 10);
    expect(buildPager({ base: '/', first: 'lineage/', page: 1, pages, total: 30 }).prev).toBeUndefined();
    expect(buildPager({ base: '/', first: 'lineage/', page: 3, pages, total: 30 }).next).toBeUndefined();
    const single = buildPager({ base: '/', first: 'lineage/', page: 1, pages: pagesOf(4, 10), total: 4 });
    expect([single.pages, single.prev, single.next]).toEqual([1, undefined, undefined]);
    expect(single.summary).toBe('Experiments 1–4 of 4 (page 1 of 1)');
    // A last page of one experiment names it alone.
    expect(buildPager({ base: '/', first: 'lineage/', page: 2, pages: pagesOf(11, 10), total: 11 }).summary).toBe(
      'Experiments 11 of 11 (page 2 of 2)',
    );
  });

  test('a gap never stands for a single page: of 10 pages, page 5 links 1–7, a gap, and 10', () => {
    const pager = buildPager({ base: '/', first: 'fairness/', page: 5, pages: pagesOf(100, 10), total: 100 });
    expect(pager.entries.map((e) => (e.kind === 'gap' ? '…' : String(e.n)))).toEqual(['1', '2', '3', '4', '5', '6', '7', '…', '10']);
  });
});
