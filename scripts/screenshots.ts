/**
 * `node_modules/.bin/node scripts/screenshots.ts [site folder] [--only name,…]` — the README's screenshots
 * (`docs/screenshots/*.png`), taken in the e2e suites' Chromium (`/usr/bin/chromium`, or
 * `E2E_CHROMIUM`) from a built site (default `dist/`, built with the default base path `/`):
 *
 *   npm run build && node_modules/.bin/node scripts/screenshots.ts
 *
 * Each shot is one page at a fixed viewport and colour scheme, after its scripts have settled and
 * the charts in view have hydrated. `mlflow.png` needs a site built from the MLflow demo store
 * (see `docs/mlflow-demo/log_demo.py`): pass that site's folder, `--only mlflow` and the page to
 * show (`--path experiments/<id>/`; the ids carry MLflow's run ids).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, scrollThrough } from '../test/e2e/lib/browser.ts';
import { serveStatic } from '../test/e2e/lib/server.ts';

interface Shot {
  name: string;
  path: string;
  width: number;
  height: number;
  scheme: 'light' | 'dark';
  /** Scroll the page to this element before the shot. */
  at?: string;
  /** Wait for this element (something the page's scripts draw). */
  ready?: string;
}

const SHOTS: Shot[] = [
  { name: 'index', path: '', width: 1280, height: 760, scheme: 'light' },
  { name: 'experiment', path: 'experiments/fraud-nn-005/', width: 1280, height: 760, scheme: 'light' },
  { name: 'experiment-dark', path: 'experiments/derm-effnet-004/', width: 1280, height: 760, scheme: 'dark', at: '#confusion-matrix' },
  { name: 'compare', path: 'compare/fraud-nn-005/fraud-gbm-003/', width: 1280, height: 760, scheme: 'light', at: '#metrics' },
  {
    name: 'compare-many',
    path: 'compare/?ids=fraud-gbm-003,fraud-nn-005,fraud-lr-001',
    width: 1280,
    height: 760,
    scheme: 'dark',
    at: '#compare-params',
    ready: '#compare-output table',
  },
  { name: 'leaderboards', path: 'leaderboards/', width: 1280, height: 760, scheme: 'light' },
  { name: 'lineage', path: 'lineage/', width: 1280, height: 760, scheme: 'light' },
  { name: 'phone', path: 'experiments/fraud-gbm-003/', width: 390, height: 844, scheme: 'dark', at: '#summary' },
  { name: 'mlflow', path: '', width: 1280, height: 900, scheme: 'light' },
];

function parseArgs(argv: readonly string[]): { dir: string; only: Set<string> | undefined; path: string | undefined } {
  let dir = 'dist';
  let only: Set<string> | undefined;
  let path: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--only') only = new Set((argv[++i] ?? '').split(','));
    else if (arg === '--path') path = argv[++i] ?? '';
    else dir = arg;
  }
  return { dir, only, path };
}

async function settle(page: Page, shot: Shot): Promise<void> {
  if (shot.ready !== undefined) await page.waitForSelector(shot.ready);
  if (shot.at !== undefined) {
    await page.locator(shot.at).first().scrollIntoViewIfNeeded();
    await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), shot.at);
  }
  await scrollThrough(page).catch(() => undefined);
  if (shot.at !== undefined) await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), shot.at);
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState('networkidle');
  // Let hydrated charts and fonts paint.
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  const { dir, only, path } = parseArgs(process.argv.slice(2));
  const shots = SHOTS.filter((s) => (only === undefined ? s.name !== 'mlflow' : only.has(s.name))).map((s) =>
    path === undefined ? s : { ...s, path },
  );
  const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dir, '/');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const shot of shots) {
      const context = await browser.newContext({
        viewport: { width: shot.width, height: shot.height },
        colorScheme: shot.scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(server.url + shot.path, { waitUntil: 'networkidle' });
      await settle(page, shot);
      await page.screenshot({ path: join(out, `${shot.name}.png`) });
      process.stdout.write(`screenshots: docs/screenshots/${shot.name}.png (${shot.width}×${shot.height}, ${shot.scheme})\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
