/**
 * Every page of the example site loads in Chromium with no console error, no uncaught error, no
 * failed request, no 4xx/5xx response and no request leaving 127.0.0.1; every chart on it, once
 * scrolled into view, hydrates (none ends in `data-hydrated="error"`).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { formatTroubles, guardedContext, openBrowser, scrollThrough, type GuardedContext } from './lib/browser.ts';
import { builtPages } from './lib/crawl.ts';
import { site } from './lib/sites.ts';

const main = site('main');
const pages = builtPages(main.dir, main.base).filter((p) => p.endsWith('/'));

let browser: Browser;
let guarded: GuardedContext;

beforeAll(async () => {
  browser = await openBrowser();
  guarded = await guardedContext(browser);
});
afterAll(async () => {
  await guarded.close();
  await browser.close();
});

describe('every page of the example site', () => {
  test('the build has the pages the site promises', () => {
    expect(pages).toContain(main.base);
    expect(pages).toContain(`${main.base}lineage/`);
    expect(pages).toContain(`${main.base}compare/`);
    expect(pages).toContain(`${main.base}search/`);
    expect(pages.filter((p) => p.startsWith(`${main.base}experiments/`)).length).toBe(10);
  });

  // Two minutes a page: this suite shares two cores with the scale suite's crawl of 531 heavy pages,
  // and once (CI, stop 19) a 2-second page took over 60 s. Each step has its own timeout below, so a
  // page that truly hangs fails naming the step.
  test.each(pages)('%s loads cleanly and its charts hydrate', { timeout: 120_000 }, async (path) => {
    const before = guarded.troubles.length;
    const page = await guarded.newPage();
    try {
      const response = await page.goto(main.origin + path, { waitUntil: 'load', timeout: 45_000 });
      expect(response?.status()).toBe(200);
      await scrollThrough(page);
      await page.waitForLoadState('networkidle', { timeout: 30_000 });
      const charts = await page.$$eval('figure.chart[data-chart][data-chart-src]', (figs) =>
        figs.map((f) => `${f.id}=${(f as HTMLElement).dataset['hydrated'] ?? 'none'}`),
      );
      expect(
        charts.filter((c) => !c.endsWith('=true')),
        'charts that did not hydrate',
      ).toEqual([]);
    } finally {
      await page.close();
    }
    const troubles = guarded.troubles.slice(before);
    expect(troubles, `problems on ${path}:\n${formatTroubles(troubles)}`).toEqual([]);
  });

  test('the 404 page is served with status 404 for an unknown address and loads cleanly', async () => {
    const guarded404 = await guardedContext(browser, { allowHttpErrors: ['/no-such-page/'] });
    const page = await guarded404.newPage();
    const response = await page.goto(`${main.url}no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await page.waitForLoadState('networkidle');
    await guarded404.close();
    expect(guarded404.troubles, formatTroubles(guarded404.troubles)).toEqual([]);
  });
});
