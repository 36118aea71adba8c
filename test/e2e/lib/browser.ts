/**
 * Browser helpers for the e2e suites: connect to the Chromium that `npm run test:e2e` launched (or
 * launch one), and open pages that record every console error, page error, failed request, HTTP
 * error response, dialog and request that tries to leave 127.0.0.1 (those are aborted).
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const CHROMIUM_PATH = process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Shared memory in /tmp, not /dev/shm: a container's /dev/shm is often 64 MB, and a renderer
  // that cannot get more stalls (pages whose charts never draw) rather than fails.
  '--disable-dev-shm-usage',
  // A page the browser deems in the background (another page of the context opened after it) gets
  // its timers and frames throttled, and an IntersectionObserver that never reports: charts that
  // never hydrate in a test, though they do for a reader looking at the page.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/**
 * A browser of the suite's own. Until 2026-11-30 the suites shared one Chromium for the whole run,
 * launched by the runner; late suites' compare pages then missed their charts' hydration for a
 * minute and a half in three official CI runs while nothing else ran — what one suite's pages leave
 * behind in the browser (renderers, caches, route handlers) no longer reaches the next suite's.
 */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Trouble {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http' | 'offsite' | 'dialog';
  page: string;
  detail: string;
}

export interface GuardedContext {
  context: BrowserContext;
  troubles: Trouble[];
  /** A new page whose problems land in `troubles`. */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/** The requests each page has sent and not yet seen finish or fail (for a timeout's message). */
const inFlight = new WeakMap<Page, Set<string>>();

function isLoopback(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
    return u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * A browser context in which every request leaving 127.0.0.1 is aborted and recorded, and every
 * page reports console errors, uncaught errors, failed requests, 4xx/5xx responses and dialogs.
 * `allowHttpErrors` lists URL substrings whose error status is expected (e.g. a deliberate 404).
 */
export async function guardedContext(
  browser: Browser,
  options: BrowserContextOptions & { allowHttpErrors?: string[] } = {},
): Promise<GuardedContext> {
  const { allowHttpErrors = [], ...contextOptions } = options;
  const context = await browser.newContext({ serviceWorkers: 'block', ...contextOptions });
  const troubles: Trouble[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopback(url)) await route.continue();
    else {
      troubles.push({ kind: 'offsite', page: route.request().frame().url(), detail: `${route.request().method()} ${url}` });
      await route.abort('blockedbyclient');
    }
  });
  const watch = (page: Page): void => {
    const pending = new Set<string>();
    inFlight.set(page, pending);
    page.on('request', (request) => pending.add(request.url()));
    page.on('requestfinished', (request) => pending.delete(request.url()));
    page.on('requestfailed', (request) => pending.delete(request.url()));
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const where = msg.location();
        // Chromium logs every 4xx as a console error too; an expected one is not a problem.
        if (msg.text().startsWith('Failed to load resource') && allowHttpErrors.some((a) => where.url.includes(a))) return;
        troubles.push({
          kind: 'console',
          page: page.url(),
          detail: `${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`,
        });
      }
    });
    page.on('pageerror', (error) => troubles.push({ kind: 'pageerror', page: page.url(), detail: error.stack ?? error.message }));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // Offsite requests are already recorded as such.
      if (reason.includes('ERR_BLOCKED_BY_CLIENT') && !isLoopback(request.url())) return;
      // Chromium aborts what is still in flight (the favicon, a lazy chunk) when the tab navigates
      // on; a resource that is really missing shows up as a 4xx response instead.
      if (reason === 'net::ERR_ABORTED') return;
      troubles.push({ kind: 'requestfailed', page: page.url(), detail: `${request.method()} ${request.url()}: ${reason}` });
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !allowHttpErrors.some((s) => response.url().includes(s))) {
        troubles.push({ kind: 'http', page: page.url(), detail: `${response.status()} ${response.url()}` });
      }
    });
    page.on('dialog', (dialog) => {
      troubles.push({ kind: 'dialog', page: page.url(), detail: `${dialog.type()}: ${dialog.message()}` });
      void dialog.dismiss().catch(() => undefined);
    });
  };
  context.on('page', watch);
  return {
    context,
    troubles,
    newPage: () => context.newPage(),
    close: () => context.close(),
  };
}

/** Troubles as readable lines. */
export function formatTroubles(troubles: readonly Trouble[]): string {
  return troubles.map((t) => `  [${t.kind}] ${t.page}: ${t.detail}`).join('\n');
}

/** Scrolls through the whole page so lazy charts hydrate; resolves when none is still loading. */
export async function scrollThrough(page: Page): Promise<void> {
  // The page a reader scrolls is the one in front: only that one is sure to render frames.
  await page.bringToFront();
  await page.evaluate(async () => {
    // A rendered frame, or 250 ms if none comes: a page starved of frames must not hang the step (the
    // wait for hydration below then fails, naming the charts).
    const frame = (): Promise<void> =>
      new Promise((done) => {
        const next = (): void => void setTimeout(done, 16);
        const timer = setTimeout(next, 250);
        requestAnimationFrame(() => (clearTimeout(timer), next()));
      });
    const step = Math.max(200, Math.floor(window.innerHeight * 0.8));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await frame();
    }
    // A chart hydrates when the page's IntersectionObserver sees it near the viewport. On a busy
    // machine the observer can miss a chart the steps above passed (seen in CI: a page's first
    // charts never reported), as it would for a reader flinging past it; bring each one the
    // observer has not started back into view, as a reader scrolling back would, for up to 30 s.
    const unseen = (): HTMLElement[] =>
      [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')].filter(
        (f) => (f.dataset['chartSrc'] ?? '') !== '' && f.dataset['hydrated'] === undefined,
      );
    const deadline = Date.now() + 30_000;
    for (let pending = unseen(); pending.length > 0 && Date.now() < deadline; pending = unseen()) {
      for (const figure of pending) {
        figure.scrollIntoView({ block: 'center' });
        await frame();
        await frame();
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  // Polled on a timer, not on animation frames: a check that waits for a frame cannot tell a page
  // starved of frames from a chart that never hydrates.
  const settled = await page
    .waitForFunction(
      () => {
        const figures = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')].filter(
          (f) => (f.dataset['chartSrc'] ?? '') !== '' || f.dataset['hydrated'] !== undefined,
        );
        return figures.every((f) => f.dataset['hydrated'] !== undefined && f.dataset['hydrated'] !== 'loading');
      },
      undefined,
      { timeout: 60_000, polling: 250 },
    )
    .then(
      () => true,
      (error: unknown) => {
        // A timeout is reported below with what the page was still doing; anything else as it is.
        if (error instanceof Error && error.name === 'TimeoutError') return false;
        throw error;
      },
    );
  if (!settled) throw new Error(`charts still not drawn after 60 s on ${page.url()}: ${await chartStates(page)}`);
}

/** Each chart figure's id and hydration state, and the requests of the page still unanswered. */
async function chartStates(page: Page): Promise<string> {
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')].map((f) => {
      const box = f.getBoundingClientRect();
      return `${f.id || (f.dataset['chart'] ?? '?')}=${f.dataset['hydrated'] ?? 'not started'} (top ${Math.round(box.top)}, height ${Math.round(box.height)})`;
    }),
  );
  const pending = [...(inFlight.get(page) ?? [])];
  return `${figures.join(', ')}; requests unanswered: ${pending.join(' ') || 'none'}`;
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** axe-core's browser bundle. */
export function axeScript(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}
