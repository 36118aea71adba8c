/**
 * Accessibility: axe-core finds no violations on the index, an experiment page (before and after
 * its charts hydrate), the lineage page, both compare pages, the leaderboards, a tag page and the
 * search page with results, in the light and the dark scheme.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeScript, formatTroubles, guardedContext, openBrowser, scrollThrough } from './lib/browser.ts';
import { site } from './lib/sites.ts';

const main = site('main');

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeScript() });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html.slice(0, 200), failureSummary: n.failureSummary ?? '' })),
    }));
  });
}

/** Violations as readable text: rule, impact, what to fix, and each offending element. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}\n` +
        v.nodes
          .slice(0, 8)
          .map((n) => `      at ${n.target.join(' ')}\n        ${n.html}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
          .join('\n') +
        (v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more elements` : ''),
    )
    .join('\n');
}

const PAGES: [string, string, boolean][] = [
  // [label, path under the base, scroll through first (hydrate every chart)]
  ['index', '', false],
  ['experiment page (charts static)', 'experiments/fraud-nn-005/', false],
  ['experiment page (charts hydrated)', 'experiments/fraud-nn-005/', true],
  ['lineage page', 'lineage/', false],
  ['static compare page', 'compare/fraud-nn-005/fraud-gbm-003/', false],
  ['compare page with ?ids=', 'compare/?ids=fraud-gbm-003,fraud-nn-005,fraud-lr-001', false],
  ['leaderboards page', 'leaderboards/', false],
  ['tag page', 'tags/use-case/fraud-detection/', false],
  ['search page with results', 'search/?q=FT-Transformer', false],
];

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each(['light', 'dark'] as const)('accessibility in the %s scheme', (scheme) => {
  test.each(PAGES)('%s has no axe violations', async (_label, path, scroll) => {
    const guarded = await guardedContext(browser, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    try {
      const page = await guarded.newPage();
      await page.goto(main.url + path, { waitUntil: 'networkidle' });
      await expect(page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).resolves.toBe(scheme === 'dark');
      if (path.startsWith('compare/?')) await page.waitForSelector('#compare-output table');
      if (path.startsWith('search/?')) await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      if (scroll) await scrollThrough(page);
      const violations = await axe(page);
      expect(
        violations.map((v) => `${v.id} ×${v.nodes.length}`),
        `axe violations on ${path || '/'} (${scheme}):\n${formatViolations(violations)}`,
      ).toEqual([]);
      expect(guarded.troubles, formatTroubles(guarded.troubles)).toEqual([]);
    } finally {
      await guarded.close();
    }
  });
});
