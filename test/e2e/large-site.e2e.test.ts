/**
 * The settings for a site too large for its host (`staticCharts: false`, `comparePages: false`,
 * README "Very large sites"): the example records built with both, served, and read in Chromium.
 * Charts come without a static image and are drawn by the browser when scrolled into view; without
 * JavaScript and on paper their data tables stand in; comparisons open the in-browser compare page,
 * and no page per pair is written. `staticCharts` is given off; `comparePages` is left to the size of
 * the site, which is over the `largeSite` it is given. Builds its own site (about 10 s).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, E2E_BASE, type BuildResult } from './lib/build.ts';
import { formatTroubles, guardedContext, openBrowser, scrollThrough } from './lib/browser.ts';
import { serveStatic, type StaticServer } from './lib/server.ts';
import { scratchDir } from './lib/sites.ts';

// An example record with a parent among the records, charts in several sections and baselines.
const EXPERIMENT = 'fraud-gbm-003';

describe('a very large site: charts drawn in the browser, no page per compared pair', () => {
  let build: BuildResult;
  let server: StaticServer | undefined;
  let outDir: string;
  let browser: Browser;

  beforeAll(async () => {
    const work = scratchDir('large-site');
    outDir = join(work, 'out');
    build = await buildSite({
      content: 'content/experiments',
      outDir,
      cacheDir: join(work, 'cache'),
      env: { LOGBOOK_STATIC_CHARTS: 'off', LOGBOOK_LARGE_SITE: '9' },
    });
    if (build.status === 0) server = await serveStatic(outDir, E2E_BASE);
    browser = await openBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser.close();
    await server?.close();
  });

  const pageUrl = (path: string): string => `${server?.origin ?? ''}${E2E_BASE}${path}`;

  test('the build says the charts are left to the browser, and writes no chart image and no compare page', () => {
    expect(build.status, build.output.split('\n').slice(-30).join('\n')).toBe(0);
    expect(build.output).toMatch(/logbook: \d+ charts on 10 experiment pages left to the browser to draw \(staticCharts: false\)/);
    // Only the setting left to the size is named.
    expect(build.output).toContain('logbook: 10 experiments, more than 9: comparisons open the in-browser compare page');
    // At each pair's address only a page that sends the reader to the in-browser compare page.
    const pairs = readdirSync(join(outDir, 'compare')).filter((name) => name !== 'index.html');
    expect(pairs.length).toBeGreaterThan(3);
    for (const a of pairs) {
      for (const b of readdirSync(join(outDir, 'compare', a))) {
        const moved = readFileSync(join(outDir, 'compare', a, b, 'index.html'), 'utf8');
        expect(moved).toContain(`<link rel="canonical" href="${E2E_BASE}compare/?ids=${a},${b}">`);
        expect(moved).not.toContain('<svg');
        expect(moved.length).toBeLessThan(1_000);
      }
    }
    const html = readFileSync(join(outDir, 'experiments', EXPERIMENT, 'index.html'), 'utf8');
    expect(html).toContain('data-chart-static="none"');
    expect(html).not.toContain('<svg xmlns="http://www.w3.org/2000/svg" width=');
    // Each compiled chart shape the pages name is served.
    const shapes = [...html.matchAll(/data-chart-shape="([^"]+)"/g)].map((m) => (m[1] ?? '').slice(E2E_BASE.length));
    expect(shapes.length).toBeGreaterThan(3);
    for (const shape of shapes) expect(existsSync(join(outDir, shape)), shape).toBe(true);
  });

  test('a chart is drawn when scrolled into view; its data table, open until then, closes', async () => {
    const guarded = await guardedContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await guarded.newPage();
    await page.goto(pageUrl(`experiments/${EXPERIMENT}/`));
    const figure = page.locator('figure.chart[data-chart="training-curves"]');
    expect(await figure.locator('details.chart-data').count(), 'the curves link to the per-epoch table').toBe(0);
    const withTable = page.locator('figure.chart[data-chart-static="none"]:has(details.chart-data)').first();
    const id = await withTable.getAttribute('data-chart');
    await scrollThrough(page);
    const states = await page.$$eval('figure.chart[data-chart]', (figures) =>
      figures.map((f) => [f.getAttribute('data-chart'), f.getAttribute('data-hydrated'), f.querySelector('.chart-canvas svg') !== null]),
    );
    for (const [chart, hydrated, drawn] of states) expect([chart, hydrated, drawn]).toEqual([chart, 'true', true]);
    expect(await page.locator(`figure.chart[data-chart="${id ?? ''}"] details.chart-data`).getAttribute('open')).toBeNull();
    expect(formatTroubles(guarded.troubles)).toBe('');
    await guarded.close();
  });

  test('without JavaScript and on paper, each chart is its data table', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pageUrl(`experiments/${EXPERIMENT}/`));
    const figures = page.locator('figure.chart[data-chart-static="none"]:has(details.chart-data)');
    expect(await figures.count()).toBeGreaterThan(2);
    await page.emulateMedia({ media: 'print' });
    const shown = await figures.evaluateAll((list) =>
      list.map((f) => {
        const details = f.querySelector('details.chart-data') as HTMLDetailsElement;
        const cell = details.querySelector('td');
        return [details.open, getComputedStyle(details).display !== 'none', cell !== null && cell.getBoundingClientRect().height > 0];
      }),
    );
    for (const row of shown) expect(row).toEqual([true, true, true]);
    await context.close();
  });

  test("a comparison with the parent opens the in-browser compare page of the two, and it draws the pair's charts", async () => {
    const guarded = await guardedContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await guarded.newPage();
    await page.goto(pageUrl(`experiments/${EXPERIMENT}/`));
    const href = await page.locator('#summary a[href*="compare/"]').first().getAttribute('href');
    expect(href).toMatch(new RegExp(`^${E2E_BASE}compare/\\?ids=${EXPERIMENT},[\\w-]+$`));
    // A link to the pair's own page, written before the site grew, leads there too, section and all.
    const pair = (href ?? '').split('ids=')[1]?.split(',') ?? [];
    await page.goto(pageUrl(`compare/${pair.join('/')}/#fairness`));
    await page.waitForURL((url) => url.search === `?ids=${pair.join(',')}`);
    expect(new URL(page.url()).hash).toBe('#fairness');
    await page.goto(`${server?.origin ?? ''}${href ?? ''}`);
    await expect.poll(() => page.locator('#compare-output figure.chart').count()).toBeGreaterThan(1);
    await scrollThrough(page);
    await expect.poll(() => page.locator('#compare-output figure.chart[data-hydrated="true"] svg').count()).toBeGreaterThan(1);
    expect(formatTroubles(guarded.troubles)).toBe('');
    await guarded.close();
  });
});
