/**
 * Hostile input: records in test/fixtures/hostile carry script tags, event-handler attributes,
 * iframes, attribute break-outs and javascript: URLs in every kind of field. The site must build
 * (the runner builds it), show the text literally, and never run or inject any of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './lib/build.ts';
import { formatTroubles, guardedContext, openBrowser, scrollThrough, type GuardedContext } from './lib/browser.ts';
import { builtPages } from './lib/crawl.ts';
import { site } from './lib/sites.ts';

const hostile = site('hostile');
const pages = [
  ...builtPages(hostile.dir, hostile.base).filter((p) => p.endsWith('/')),
  `${hostile.base}compare/?ids=hostile-json-001,hostile-md-002,hostile-template-003`,
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
  test('the hostile site has a page for each of the three records (JSON, frontmatter, template)', () => {
    expect(pages.filter((p) => /\/experiments\/[^/]+\/$/.test(p))).toEqual([
      `${hostile.base}experiments/hostile-json-001/`,
      `${hostile.base}experiments/hostile-md-002/`,
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

  test.each(pages)('%s: nothing runs, nothing is injected, no dialog', async (path) => {
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
        await mark.hover({ force: true, timeout: 2_000 }).catch(() => undefined);
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
});
