/**
 * Hostile input: records in test/fixtures/hostile carry script tags, event-handler attributes,
 * iframes, attribute break-outs and javascript: URLs in every kind of field; names that are
 * Object.prototype keys (`constructor`, `__proto__`, …); Markdown images by reference and
 * protocol-relative URLs; a group attribute named `image` whose values are URLs (chart tooltips);
 * CJK and symbol tags; a 3,000-epoch history and a 30-class confusion matrix. The site must build
 * (the runner builds it), show the text literally, never run or inject any of it, and never load
 * anything from another origin. A content folder with a symbolic link to a file outside it must
 * not build at all.
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, ROOT } from './lib/build.ts';
import { formatTroubles, guardedContext, openBrowser, scrollThrough, type GuardedContext } from './lib/browser.ts';
import { builtPages } from './lib/crawl.ts';
import { scratchDir, site } from './lib/sites.ts';

const hostile = site('hostile');
const pages = [
  ...builtPages(hostile.dir, hostile.base).filter((p) => p.endsWith('/')),
  `${hostile.base}compare/?ids=hostile-json-001,hostile-md-002,hostile-template-003,hostile-proto-004,hostile-remote-005`,
];

/** The payloads as they are written in the fixtures (each sets window.__pwned and calls alert). */
const PAYLOADS = {
  script: '<script>window.__pwned=1;alert(1)</script>',
  img: '<img src=x onerror="window.__pwned=1;alert(1)">',
  iframe: '<iframe src="javascript:window.__pwned=1;alert(1)"></iframe>',
  breakout: '"><svg onload="window.__pwned=1;alert(1)">',
  singleQuote: "'><img src=x onerror=window.__pwned=1>",
};
const jsonRecord = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/hostile/hostile-json-001.json'), 'utf8')) as { name: string };

interface Injection {
  pwned: unknown;
  iframes: number;
  imgX: number;
  handlers: string[];
  badLinks: string[];
  payloadElements: number;
  payloadScripts: number;
  styleInMain: number;
}

/** Everything on the page that the payloads could have produced. */
function injections(page: Page): Promise<Injection> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const unsafe = (url: string | null): boolean => /^\s*(javascript|vbscript|data):/i.test(url ?? '');
    // Pagefind's own search form is the one javascript: URL the site itself writes.
    const own = (el: Element, url: string | null): boolean => el.matches('form.pagefind-ui__form') && url === 'javascript:void(0);';
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      iframes: document.querySelectorAll('iframe, frame, object, embed').length,
      imgX: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}="${a.value}">`),
      ),
      badLinks: [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'xlink:href']
          .map((n) => el.getAttribute(n))
          .filter((v) => unsafe(v) && !own(el, v))
          .map((v) => `<${el.localName}> ${v ?? ''}`),
      ),
      payloadElements: [...document.querySelectorAll('main form button, main details[ontoggle]')].filter(
        (el) => el.textContent === 'go' || el.hasAttribute('ontoggle'),
      ).length,
      payloadScripts: [...document.scripts].filter((s) => s.type !== 'application/json' && (s.textContent ?? '').includes('__pwned'))
        .length,
      styleInMain: document.querySelectorAll('main style').length,
    };
  });
}

let browser: Browser;
let guarded: GuardedContext;

beforeAll(async () => {
  browser = await openBrowser();
  guarded = await guardedContext(browser, { viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await guarded.close();
  await browser.close();
});

describe('hostile input', () => {
  test('the hostile site has a page for each record (JSON, frontmatter, template)', () => {
    expect(pages.filter((p) => /\/experiments\/[^/]+\/$/.test(p))).toEqual([
      `${hostile.base}experiments/hostile-history-006/`,
      `${hostile.base}experiments/hostile-json-001/`,
      `${hostile.base}experiments/hostile-md-002/`,
      `${hostile.base}experiments/hostile-proto-004/`,
      `${hostile.base}experiments/hostile-remote-005/`,
      `${hostile.base}experiments/hostile-template-003/`,
    ]);
  });

  test('the injection detector itself sees payloads when they do land in a page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (d) => void d.dismiss());
    await page.setContent(
      `<main>${Object.values(PAYLOADS).join(' ')}<a href="javascript:alert(1)">x</a><form action="javascript:x"><button>go</button></form></main>`,
    );
    const found = await injections(page);
    await context.close();
    expect(found.pwned).toBe(1);
    expect(found.iframes).toBe(1);
    expect(found.imgX).toBe(2);
    expect(found.handlers.length).toBe(3);
    expect(found.badLinks.length).toBe(3);
    expect(found.payloadElements).toBe(1);
    expect(found.payloadScripts).toBe(1);
  });

  // Three minutes: this suite shares two cores with the scale suite's crawl (CI, stop 21: 60 s ran out
  // on a page that loads in seconds alone).
  test.each(pages)('%s: nothing runs, nothing is injected, no dialog', { timeout: 180_000 }, async (path) => {
    const before = guarded.troubles.length;
    const page = await guarded.newPage();
    try {
      await page.goto(hostile.origin + path, { waitUntil: 'load' });
      if (path.includes('compare/?ids=')) await page.waitForSelector('#compare-output table');
      await scrollThrough(page);
      await page.waitForLoadState('networkidle');
      // Hover every chart mark: tooltips render record text too.
      for (const mark of (
        await page.locator('.chart-live svg .role-mark path, .chart-live svg .role-mark line, .chart-live svg .role-mark rect').all()
      ).slice(0, 40)) {
        // Marks of a chart the page keeps hidden (a collapsed panel) cannot be hovered.
        if (!(await mark.isVisible())) continue;
        await mark.hover({ force: true, timeout: 1_000 }).catch(() => undefined);
      }
      const found = await injections(page);
      expect(found, JSON.stringify(found, null, 2)).toEqual({
        pwned: undefined,
        iframes: 0,
        imgX: 0,
        handlers: [],
        badLinks: [],
        payloadElements: 0,
        payloadScripts: 0,
        styleInMain: 0,
      });
      await expect(page.locator('#vg-tooltip-element *:not(table, tbody, tr, td, th, h2, span, br)').count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
    const troubles = guarded.troubles.slice(before);
    expect(troubles, `problems on ${path}:\n${formatTroubles(troubles)}`).toEqual([]);
  });

  test('the JSON record shows every payload as literal text', async () => {
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}experiments/hostile-json-001/`);
    await expect(page.locator('h1').first().innerText()).resolves.toBe(jsonRecord.name);
    await expect(page.title()).resolves.toBe(`${jsonRecord.name} · Logbook`);
    const text = await page.locator('main').innerText();
    for (const [kind, payload] of Object.entries(PAYLOADS)) expect(text, `${kind} payload shown as text`).toContain(payload);
    // Table cells: a metric name, a group name, a baseline label, a hyperparameter name.
    const cells = await page.$$eval('main table :is(td, th)', (cs) => cs.map((c) => (c as HTMLElement).innerText.trim()));
    for (const cell of [
      `Accuracy ${PAYLOADS.script}`,
      `Group ${PAYLOADS.breakout}`,
      `Baseline ${PAYLOADS.breakout}`,
      `lr ${PAYLOADS.script}`,
    ]) {
      expect(
        cells.some((c) => c.includes(cell)),
        `a table cell shows ${cell}`,
      ).toBe(true);
    }
    // javascript: URLs are shown, not linked.
    expect(text).toContain('javascript:window.__pwned=1;alert(1)');
    await page.close();
  });

  test('the frontmatter and template records show their payloads as literal text', async () => {
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}experiments/hostile-md-002/`);
    await expect(page.locator('h1').first().innerText()).resolves.toBe(`Frontmatter ${PAYLOADS.script} ${PAYLOADS.breakout}`);
    const md = await page.locator('main').innerText();
    expect(md).toContain(`Notes ${PAYLOADS.script}`);
    expect(md).toContain(`Body text ${PAYLOADS.img} and ${PAYLOADS.iframe}.`);
    await page.goto(`${hostile.url}experiments/hostile-template-003/`);
    const tpl = await page.locator('main').innerText();
    expect(tpl).toContain(`Template ${PAYLOADS.breakout}`);
    expect(tpl).toContain(PAYLOADS.script);
    expect(tpl).toContain(PAYLOADS.img);
    await page.close();
  });

  test('a Markdown "# heading" in notes does not add a second <h1> to the page', async () => {
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}experiments/hostile-md-002/`);
    const h1s = await page.$$eval('h1', (hs) => hs.map((h) => (h as HTMLElement).innerText));
    await page.close();
    expect(h1s).toEqual([`Frontmatter ${PAYLOADS.script} ${PAYLOADS.breakout}`]);
  });

  test('the index lists the hostile names as text', async () => {
    const page = await guarded.newPage();
    await page.goto(hostile.url);
    const names = await page.$$eval('#experiments tbody tr td:nth-child(2)', (tds) => tds.map((td) => (td as HTMLElement).innerText));
    expect(names).toContain(jsonRecord.name);
    await page.close();
  });

  test('every page carries a Content-Security-Policy that allows only the site itself', async () => {
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}experiments/hostile-remote-005/`);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    await page.close();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).not.toMatch(/https?:|\*/);
  });

  test('Markdown images by reference show as links, and a tooltip with an "image" field loads nothing', async () => {
    const before = guarded.troubles.length;
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}experiments/hostile-remote-005/`);
    expect(await page.locator('main img').count()).toBe(0);
    const links = await page.$$eval('main a[href*="evil.example"]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining([
        'https://evil.example/objective.png',
        '//evil.example/hypothesis.png',
        'https://evil.example/notes.png',
        '//evil.example/notes-pr.png',
      ]),
    );
    await scrollThrough(page);
    // Vega draws bars as paths in the mark's group.
    const fairness = page.locator('figure.chart[data-chart^="fairness-"] .chart-live svg .mark-rect.role-mark path');
    expect(await fairness.count()).toBeGreaterThan(0);
    for (const bar of await fairness.all()) {
      await bar.hover({ force: true });
      await expect.poll(() => page.locator('#vg-tooltip-element').innerText()).toContain('evil.example');
      expect(await page.locator('#vg-tooltip-element img, #vg-tooltip-element h2').count()).toBe(0);
    }
    await page.waitForLoadState('networkidle');
    await page.close();
    expect(guarded.troubles.slice(before), formatTroubles(guarded.troubles.slice(before))).toEqual([]);
  });

  test('names like constructor and __proto__ are shown as data, and every chart of that record is drawn', async () => {
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}experiments/hostile-proto-004/`);
    const text = await page.locator('main').innerText();
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'then']) expect(text).toContain(name);
    expect(text).toContain('a top-level field named __proto__');
    // The summary band's curves, training, test metrics, confusion matrix, six fairness charts, baselines, search space, feature importance.
    expect(await page.locator('figure.chart[data-chart] svg').count()).toBe(13);
    await page.close();
  });

  test('a 3,000-epoch history is charted from at most 1,000 points per series; the API keeps all of it', async () => {
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}experiments/hostile-history-006/`);
    const description = await page.locator('figure.chart[data-chart="training-curves"] figcaption').first().textContent();
    // Each of at most 500 stretches keeps its lowest and highest point; repeated epochs count once.
    const drawn = /Drawn from ([\d,]+) of 3,000 epochs/.exec(description ?? '')?.[1];
    expect(drawn).toBeDefined();
    expect(Number(drawn?.replace(/,/g, ''))).toBeLessThanOrEqual(1_000);
    const summary = await page.locator('figure.chart[data-chart="summary-curves"] figcaption').first().textContent();
    expect(summary).toMatch(/Drawn from [\d,]+ of 3,000 epochs/);
    expect(await page.locator('figure.chart[data-chart="confusion-matrix"] svg').count()).toBe(1);
    await page.close();
    const api = (await (await fetch(`${hostile.url}api/experiments/hostile-history-006.json`)).json()) as {
      record: { training: { history: unknown[] } };
    };
    expect(api.record.training.history).toHaveLength(3_000);
  });

  test('tags that slug alike (日本語, 中文, C++) each have their own page', async () => {
    const page = await guarded.newPage();
    await page.goto(`${hostile.url}tags/`);
    const hrefs = await page.$$eval('main a[href*="/tags/lang/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    await page.close();
    expect(hrefs).toHaveLength(2);
    expect(new Set(hrefs).size).toBe(2);
    for (const href of hrefs) expect((await fetch(hostile.origin + href)).status).toBe(200);
  });
});

describe('hostile content that must not build', () => {
  test('a symbolic link to a file outside the content folder stops the build, and its text is nowhere in the output', async () => {
    const work = scratchDir('hostile-symlink');
    const content = join(work, 'content');
    const outDir = join(work, 'out');
    mkdirSync(content, { recursive: true });
    const secret = join(work, 'secret.json');
    writeFileSync(secret, JSON.stringify({ id: 'leaked', name: 'TOP-SECRET-VALUE' }));
    writeFileSync(join(content, 'ok.json'), JSON.stringify({ id: 'ok' }));
    symlinkSync(secret, join(content, 'leak.json'));
    const result = await buildSite({ content, outDir, cacheDir: join(work, 'cache') });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${content}/leak.json: symbolic link to "${secret}" leads outside the content folder; it is not read`);
    expect(result.output).not.toContain('TOP-SECRET-VALUE');
    expect(readdirSync(work)).not.toContain('out');
  });
});
