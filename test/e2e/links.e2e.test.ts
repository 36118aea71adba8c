/**
 * Link crawler over the built sites: from the root and every built page, every same-origin `href`
 * and `src` must answer 200 under the base path, and every `#anchor` must name an id on its page.
 * Runs over the example site, a second small content folder and the hostile-input fixtures.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, E2E_BASE } from './lib/build.ts';
import { crawlSite, formatProblems, type CrawlReport } from './lib/crawl.ts';
import { serveStatic } from './lib/server.ts';
import { scratchDir, site, type SiteName } from './lib/sites.ts';

/** Pages that are deliberately not linked from anywhere. */
const STANDALONE = ['404.html'];

async function crawl(name: SiteName): Promise<CrawlReport> {
  const s = site(name);
  const report = await crawlSite({ origin: s.origin, base: s.base, dir: s.dir });
  console.log(
    `links [${name}] ${report.pages.length} pages, ${report.links} links, ${report.anchors} anchors, ${report.external.length} external (not followed), ` +
      `${report.problems.length} problems, unreachable: ${report.unreachable.join(', ') || 'none'}`,
  );
  return report;
}

describe.each<[SiteName, number]>([
  // [site, number of experiment pages its content folder has]
  ['main', 10],
  ['second', 4],
  ['hostile', 6],
])('links of the %s site', (name, experiments) => {
  let report: CrawlReport;

  test('zero broken links, zero missing anchors, zero duplicate ids', async () => {
    report = await crawl(name);
    expect(report.problems, `broken links on the ${name} site:\n${formatProblems(report.problems)}`).toEqual([]);
  });

  test('the crawl reached every experiment page and the overview pages', () => {
    const base = site(name).base;
    expect(report.pages.filter((p) => /\/experiments\/[^/]+\/$/.test(p)).length).toBe(experiments);
    for (const page of ['', 'lineage/', 'leaderboards/', 'fairness/', 'tags/', 'compare/', 'search/'])
      expect(report.pages).toContain(base + page);
    expect(report.anchors).toBeGreaterThan(0);
  });

  test('every built page is linked from somewhere', () => {
    const base = site(name).base;
    expect(report.unreachable).toEqual(STANDALONE.map((p) => base + p));
  });
});

describe('the base path', () => {
  test('a stray BASE_URL in the build environment does not override LOGBOOK_BASE', { timeout: 120_000 }, async () => {
    // CI systems and shells commonly export BASE_URL; Vite-based tools read it into import.meta.env.
    const work = scratchDir('stray-base-url');
    const outDir = join(work, 'out');
    const result = await buildSite({ content: 'test/fixtures/e2e-second', outDir, cacheDir: join(work, 'cache'), env: { BASE_URL: '/' } });
    expect(result.status, result.output).toBe(0);
    const server = await serveStatic(outDir, E2E_BASE);
    try {
      const report = await crawlSite({ origin: server.origin, base: E2E_BASE, dir: outDir });
      const outside = report.problems.filter((p) => p.problem.includes('outside the base path'));
      expect(outside.length, `links that ignore LOGBOOK_BASE=${E2E_BASE}:\n${formatProblems(outside, 10)}`).toBe(0);
    } finally {
      await server.close();
    }
  });
});
