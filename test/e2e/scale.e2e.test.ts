/**
 * Scale sanity: a generated folder of 300 records with 1,000-epoch histories, 50 groups and 30
 * baselines each builds, and every page of it passes the link crawler and loads in Chromium with no
 * console error, uncaught error, failed request or offsite request. Skipped with
 * LOGBOOK_E2E_SKIP_SCALE=1 (for quick local runs; CI runs it). Builds its own site and runs last,
 * alone (see test/e2e/vitest.config.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, E2E_BASE, ROOT, type BuildResult } from './lib/build.ts';
import { formatTroubles, guardedContext, openBrowser, type Trouble } from './lib/browser.ts';
import { builtPages, crawlSite, formatProblems } from './lib/crawl.ts';
import { generateScaleContent, SCALE_OPTIONS } from './lib/scale.ts';
import { serveStatic, type StaticServer } from './lib/server.ts';
import { scratchDir } from './lib/sites.ts';

const skip = process.env['LOGBOOK_E2E_SKIP_SCALE'] === '1';
const PAGE_SIZE = 120;

describe.skipIf(skip)(
  `scale: ${SCALE_OPTIONS.count} records × ${SCALE_OPTIONS.epochs} epochs, ${SCALE_OPTIONS.groups} groups, ${SCALE_OPTIONS.baselines} baselines`,
  () => {
    let build: BuildResult;
    let server: StaticServer | undefined;
    let outDir: string;
    let pages: string[];

    beforeAll(async () => {
      const work = scratchDir('scale');
      const content = join(work, 'content');
      mkdirSync(content, { recursive: true });
      for (const file of generateScaleContent()) writeFileSync(join(content, file.name), file.text);
      outDir = join(work, 'out');
      // 120 experiments to an overview page, so the 300 records put the overviews on three pages.
      build = await buildSite({
        content: relative(ROOT, content),
        outDir,
        cacheDir: join(work, 'cache'),
        env: { LOGBOOK_PAGE_SIZE: String(PAGE_SIZE) },
      });
      console.log(`scale: build exited ${build.status} after ${(build.durationMs / 1000).toFixed(0)} s`);
      if (build.status === 0) {
        server = await serveStatic(outDir, E2E_BASE);
        pages = builtPages(outDir, E2E_BASE);
      }
    }, 1_200_000);
    afterAll(async () => {
      await server?.close();
    });

    test('the build succeeds and writes a page per record', () => {
      expect(build.status, build.output.split('\n').slice(-40).join('\n')).toBe(0);
      expect(pages.filter((p) => /\/experiments\/[^/]+\/$/.test(p)).length).toBe(SCALE_OPTIONS.count);
    });

    test('the overviews are in pages of the pageSize setting: 120, 120 and 60 experiments', async () => {
      const rowsOf = (path: string): number => (readFileSync(join(outDir, path), 'utf8').match(/<tr data-id=/g) ?? []).length;
      expect(['index.html', 'page/2/index.html', 'page/3/index.html'].map(rowsOf)).toEqual([120, 120, 60]);
      expect(existsSync(join(outDir, 'page/4/index.html'))).toBe(false);
      for (const first of ['fairness/', 'lineage/']) expect(existsSync(join(outDir, first, '2/index.html')), first).toBe(true);
      const home = readFileSync(join(outDir, 'index.html'), 'utf8');
      expect(home).toContain('Experiments 1–120 of 300 (page 1 of 3)');
      expect(home).toContain(`<a href="${E2E_BASE}page/2/" rel="next">`);
      // With its script, the filter's count says it is this page's.
      const browser: Browser = await openBrowser();
      const guarded = await guardedContext(browser);
      const page = await guarded.newPage();
      await page.goto(`${server?.origin ?? ''}${E2E_BASE}page/3/`);
      await page.fill('#index-tools input[name="q"]', 'fraud');
      const count = await page.textContent('#index-count');
      // Metric columns picked on one page go with the links to the others.
      await page.click('.column-picker summary');
      const box = page.locator('.column-picker input[name="col"]').first();
      const metric = await box.getAttribute('data-metric');
      const wasShown = await box.isChecked();
      await box.click();
      const links = await page.$$eval('nav.pager a', (as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('cols')),
      );
      await guarded.close();
      await browser.close();
      expect(count).toMatch(/^\d+ of 60 shown on this page$/);
      expect(links.length).toBeGreaterThan(0);
      for (const cols of links) expect(cols === null ? null : cols.split(',').includes(metric ?? '')).toBe(!wasShown);
      expect(guarded.troubles).toEqual([]);
    });

    test('zero broken links, missing anchors or duplicate ids', { timeout: 300_000 }, async () => {
      expect(server).toBeDefined();
      const report = await crawlSite({ origin: server?.origin ?? '', base: E2E_BASE, dir: outDir });
      console.log(
        `links [scale] ${report.pages.length} pages, ${report.links} links, ${report.anchors} anchors, ${report.problems.length} problems`,
      );
      expect(report.pages.length).toBe(pages.length);
      expect(report.problems.length, `link problems on the scale site:\n${formatProblems(report.problems, 20)}`).toBe(0);
    });

    test('every page loads with no console error, page error, failed or offsite request', { timeout: 900_000 }, async () => {
      expect(server).toBeDefined();
      const origin = server?.origin ?? '';
      // Its own browser: see `openBrowser`.
      const browser: Browser = await openBrowser();
      const guarded = await guardedContext(browser);
      const queue = pages.filter((p) => p.endsWith('/'));
      const started = Date.now();
      // Two tabs: the runner has two cores and one of them is busy with the other suites.
      await Promise.all(
        [0, 1].map(async () => {
          const page = await guarded.newPage();
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
            const response = await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
            if (response?.status() !== 200)
              guarded.troubles.push({ kind: 'http', page: path, detail: `status ${response?.status()}` } satisfies Trouble);
            // Charts near the top hydrate straight away; wait until none is still loading.
            await page.waitForFunction(
              () => ![...document.querySelectorAll<HTMLElement>('figure.chart')].some((f) => f.dataset['hydrated'] === 'loading'),
              undefined,
              { timeout: 30_000, polling: 250 },
            );
            const failed = await page.$$eval('figure.chart[data-hydrated="error"]', (fs) => fs.map((f) => f.id));
            for (const id of failed) guarded.troubles.push({ kind: 'console', page: path, detail: `chart ${id} failed to hydrate` });
          }
          await page.close();
        }),
      );
      console.log(`scale: loaded ${pages.filter((p) => p.endsWith('/')).length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      await guarded.close();
      await browser.close();
      expect(guarded.troubles.length, `problems on the scale site:\n${formatTroubles(guarded.troubles.slice(0, 30))}`).toBe(0);
    });
  },
);
