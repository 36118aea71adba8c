/**
 * Pages people read: no page of any kind scrolls sideways on a 390 px phone; every chart in the dark
 * scheme has a dark background and light text (measured in the rendered pixels, not read from class
 * names); compare pages carry charts (static SVG on the pairwise page, drawn in the browser on
 * `/compare/?ids=`); an experiment page prints compactly (its PDF page count is asserted).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatTroubles, guardedContext, openBrowser, scrollThrough, type GuardedContext } from './lib/browser.ts';
import { site } from './lib/sites.ts';

const main = site('main');

/** One page of every kind the site builds. */
const PAGE_KINDS: [string, string][] = [
  ['index', ''],
  ['experiment (every chart kind)', 'experiments/fraud-nn-005/'],
  ['experiment (7-class confusion matrix)', 'experiments/derm-effnet-004/'],
  ['lineage', 'lineage/'],
  ['leaderboards', 'leaderboards/'],
  ['fairness', 'fairness/'],
  ['tags', 'tags/'],
  ['tag page', 'tags/use-case/fraud-detection/'],
  ['pairwise compare page', 'compare/fraud-nn-005/fraud-gbm-003/'],
  ['compare page with ?ids=', 'compare/?ids=fraud-gbm-003,fraud-nn-005,fraud-lr-001'],
  ['search', 'search/?q=FT-Transformer'],
];

/** The page has finished what its scripts draw (the client compare page, search results). */
async function settle(page: Page, path: string): Promise<void> {
  if (path.startsWith('compare/?')) await page.waitForSelector('#compare-output table');
  if (path.startsWith('search/?')) await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
}

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('on a 390 px phone', () => {
  let guarded: GuardedContext;
  beforeAll(async () => {
    guarded = await guardedContext(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  });
  afterAll(async () => {
    await guarded.close();
    expect(guarded.troubles, formatTroubles(guarded.troubles)).toEqual([]);
  });

  test.each(PAGE_KINDS)('the %s page does not scroll sideways', { timeout: 300_000 }, async (_kind, path) => {
    const page = await guarded.newPage();
    try {
      await page.goto(main.url + path, { waitUntil: 'networkidle' });
      await settle(page, path);
      await scrollThrough(page);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const scroll = document.documentElement.scrollWidth - width;
        // Only a page that is too wide is searched for the culprits (a slow walk on a page of hydrated charts).
        if (scroll <= 0) return { scroll, culprits: [] };
        // Elements sticking out of the page (not out of a box that scrolls or clips them), for the message.
        const culprits = [...document.querySelectorAll('body *')]
          .filter((e) => {
            if (e.getBoundingClientRect().right <= width + 0.5) return false;
            for (let p = e.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return false;
            return true;
          })
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${String(e.className)}`);
        return { scroll, culprits };
      });
      expect(overflow.scroll, `${path || '/'} is ${overflow.scroll}px too wide: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });

  test('chart text stays at least 11 px: charts scroll inside their figure instead of shrinking', async () => {
    const page = await guarded.newPage();
    try {
      await page.goto(`${main.url}experiments/derm-effnet-004/`, { waitUntil: 'networkidle' });
      await scrollThrough(page);
      // A text's size on screen: its font size times how much its chart is scaled (1 when it is never shrunk).
      const smallest = await page.$$eval('figure.chart .chart-canvas svg', (svgs) =>
        Math.min(
          ...svgs.flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width') ?? svg.getBoundingClientRect().width);
            return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          }),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual(11);
    } finally {
      await page.close();
    }
  });
});

/** Rendered pixels of an element, and of each of the given text boxes inside it, read back in the page. */
async function pixelsOf(page: Page, selector: string): Promise<{ background: number; texts: number[]; size: number }> {
  const element = page.locator(selector);
  await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const frame = await element.boundingBox();
  if (frame === null) throw new Error(`${selector} has no box`);
  // A clip of the page, not the element's own screenshot: that one first waits for the element to be
  // "stable" over animation frames, which a page starved by the scale suite's crawl may not get for 30 s.
  const png = (await page.screenshot({ clip: frame })).toString('base64');
  const boxes = await element.evaluate((el) =>
    [...el.querySelectorAll('.role-axis-label text, .role-axis-title text, .role-title-text, .role-legend-label text')]
      // Labels Vega hides (overlapping axis labels get opacity 0) draw nothing.
      .filter((t) => t.getAttribute('opacity') !== '0' && getComputedStyle(t).opacity !== '0')
      .map((t) => t.getBoundingClientRect())
      .filter((r) => r.width > 2 && r.height > 2)
      .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
  );
  return page.evaluate(
    async ({ png, frame, boxes }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (ctx === null) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const scale = img.naturalWidth / frame.width;
      const lum = (r: number, g: number, b: number): number => {
        const f = (c: number): number => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const all = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      // The background: the most common colour of the chart.
      const counts = new Map<number, number>();
      for (let i = 0; i < all.length; i += 4) {
        const key = ((all[i] ?? 0) << 16) | ((all[i + 1] ?? 0) << 8) | (all[i + 2] ?? 0);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const [bg] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0];
      const background = lum((bg >> 16) & 255, (bg >> 8) & 255, bg & 255);
      // Each text box's ink: the pixel that differs most from the background.
      const texts = boxes.map((box) => {
        const x = Math.max(0, Math.floor((box.x - frame.x) * scale));
        const y = Math.max(0, Math.floor((box.y - frame.y) * scale));
        const w = Math.min(canvas.width - x, Math.ceil(box.width * scale));
        const h = Math.min(canvas.height - y, Math.ceil(box.height * scale));
        if (w <= 0 || h <= 0) return background;
        const d = ctx.getImageData(x, y, w, h).data;
        let ink = background;
        for (let i = 0; i < d.length; i += 4) {
          const l = lum(d[i] ?? 0, d[i + 1] ?? 0, d[i + 2] ?? 0);
          if (Math.abs(l - background) > Math.abs(ink - background)) ink = l;
        }
        return ink;
      });
      return { background, texts, size: canvas.width * canvas.height };
    },
    { png, frame, boxes },
  );
}

describe('charts in the dark scheme', () => {
  const pages = ['experiments/fraud-nn-005/', 'experiments/derm-effnet-004/', 'compare/fraud-nn-005/fraud-gbm-003/'];

  test.each(pages.flatMap((path) => [true, false].map((js) => [path, js] as const)))(
    'every chart on %s (JavaScript %s) has a dark background and light text',
    // Generous: this suite shares two cores with the scale suite's crawl, which can starve hydration.
    { timeout: 240_000 },
    async (path, js) => {
      const guarded = await guardedContext(browser, { colorScheme: 'dark', javaScriptEnabled: js, viewport: { width: 1280, height: 900 } });
      try {
        const page = await guarded.newPage();
        await page.goto(main.url + path, { waitUntil: 'networkidle' });
        if (js) await scrollThrough(page);
        const ids = await page.$$eval('figure.chart', (figs) => figs.map((f) => f.id));
        expect(ids.length).toBeGreaterThan(2);
        for (const id of ids) {
          // Scrolled by the page itself: Playwright's scrollIntoViewIfNeeded first waits for the
          // figure to be "stable" over animation frames, which a starved page may not get for 30 s.
          await page.$eval(`figure#${id}`, (figure) => figure.scrollIntoView({ block: 'center' }));
          const { background, texts } = await pixelsOf(page, `figure#${id} .chart-canvas`);
          expect(background, `${id}: background luminance`).toBeLessThan(0.05);
          expect(texts.length, `${id}: text boxes measured`).toBeGreaterThan(0);
          const dim = texts.filter((ink) => ink < 0.45);
          expect(dim, `${id}: ${dim.length} of ${texts.length} texts are not light (luminance < 0.45)`).toEqual([]);
        }
        expect(guarded.troubles, formatTroubles(guarded.troubles)).toEqual([]);
      } finally {
        await guarded.close();
      }
    },
  );

  test('the same charts in the light scheme have a light background and dark text (the measure tells them apart)', async () => {
    const guarded = await guardedContext(browser, { colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    try {
      const page = await guarded.newPage();
      await page.goto(`${main.url}experiments/fraud-nn-005/`, { waitUntil: 'networkidle' });
      const { background, texts } = await pixelsOf(page, 'figure#test-metrics .chart-canvas');
      expect(background).toBeGreaterThan(0.9);
      expect(Math.max(...texts)).toBeLessThan(0.2);
    } finally {
      await guarded.close();
    }
  });
});

describe('compare pages', () => {
  test('a pairwise compare page carries static charts, readable without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${main.url}compare/fraud-nn-005/fraud-gbm-003/`);
    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => [f.id, f.querySelectorAll('.chart-canvas > svg path, .chart-canvas > svg line').length] as const),
    );
    await context.close();
    expect(charts.map(([id]) => id)).toEqual(['compare-test-metrics', 'compare-curves', 'compare-confusion', 'compare-fairness']);
    for (const [id, marks] of charts) expect(marks, `${id} draws something`).toBeGreaterThan(0);
  });

  test('/compare/?ids= draws the same kinds of charts in the browser, plus parallel coordinates for three', async () => {
    const guarded = await guardedContext(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const page = await guarded.newPage();
      await page.goto(`${main.url}compare/?ids=fraud-gbm-003,fraud-nn-005,fraud-lr-001`);
      await page.waitForSelector('#compare-output table');
      await scrollThrough(page);
      const charts = await page.$$eval('figure.chart', (figs) =>
        figs.map(
          (f) => `${f.id}=${(f as HTMLElement).dataset['hydrated'] ?? 'none'}:${f.querySelectorAll('.chart-live svg path').length > 0}`,
        ),
      );
      expect(charts).toEqual([
        'compare-test-metrics=true:true',
        'compare-params=true:true',
        'compare-curves=true:true',
        'compare-confusion=true:true',
        'compare-fairness=true:true',
      ]);
      // Both compare pages name a field the same way.
      await expect(page.locator('#fields-table tbody th', { hasText: 'dataset.splits[Training].fraction' }).count()).resolves.toBe(1);
      await page.goto(`${main.url}compare/fraud-nn-005/fraud-gbm-003/`);
      // The static page loads its identical fields (this one among them) when "Differences only" is off.
      await page.uncheck('#diff-only');
      await expect
        .poll(() => page.locator('#fields-table tbody th', { hasText: 'dataset.splits[Training].fraction' }).count(), { timeout: 10_000 })
        .toBe(1);
      expect(guarded.troubles, formatTroubles(guarded.troubles)).toEqual([]);
    } finally {
      await guarded.close();
    }
  });
});

describe('links into a page', () => {
  test('a link to a collapsed table opens it, on arrival and when followed on the page', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${main.url}experiments/derm-resnet-001/#training-metrics`, { waitUntil: 'networkidle' });
      expect(await page.$eval('#training-metrics > details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.$eval('#training-metrics > details', (d) => ((d as HTMLDetailsElement).open = false));
      await page.evaluate(() => (window.location.hash = ''));
      await page.evaluate(() => (window.location.hash = '#training-metrics'));
      await page.waitForFunction(() => (document.querySelector('#training-metrics > details') as HTMLDetailsElement).open);
    } finally {
      await page.close();
    }
  });
});

describe('print', () => {
  test('printed from the dark scheme, a page has the light colours: dark text on white, light panels', async () => {
    const guarded = await guardedContext(browser, { colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    try {
      const page = await guarded.newPage();
      await page.goto(`${main.url}experiments/fraud-nn-005/`, { waitUntil: 'networkidle' });
      const colours = () =>
        page.evaluate(() => {
          const style = getComputedStyle(document.documentElement);
          return {
            panel: style.getPropertyValue('--panel').trim(),
            muted: style.getPropertyValue('--muted').trim(),
            bg: style.getPropertyValue('--bg').trim(),
          };
        });
      expect(await colours()).toEqual({ panel: '#161b22', muted: '#9da7b3', bg: '#0d1117' });
      await page.emulateMedia({ media: 'print' });
      // The light scheme's: muted text #57606a is 6.4:1 on white (the dark scheme's #9da7b3 was 2.4:1 on paper).
      expect(await colours()).toEqual({ panel: '#f6f8fa', muted: '#57606a', bg: '#fff' });
    } finally {
      await guarded.close();
    }
  });

  test('on the in-browser compare page, a chart not drawn yet prints as its data table', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${main.url}compare/?ids=fraud-gbm-003,fraud-nn-005,fraud-lr-001`, { waitUntil: 'networkidle' });
      await page.waitForSelector('#compare-output table');
      await page.emulateMedia({ media: 'print' });
      const undrawn = await page.$$eval('figure.chart:not([data-hydrated="true"])', (figures) =>
        figures.map((f) => [
          f.id,
          f.getAttribute('data-chart-static'),
          (f.querySelector('details.chart-data')?.getClientRects().length ?? 0) > 0,
        ]),
      );
      expect(undrawn.length).toBeGreaterThan(0);
      for (const [id, marked, tableShown] of undrawn) expect([id, marked, tableShown]).toEqual([id, 'none', true]);
    } finally {
      await page.close();
    }
  });

  test('an experiment page prints in at most 9 A4 pages (18 before the print stylesheet), without controls', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${main.url}experiments/fraud-nn-005/`, { waitUntil: 'networkidle' });
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(3);
      expect(pages).toBeLessThanOrEqual(9);
      await page.emulateMedia({ media: 'print' });
      // Rendered elements have boxes; hidden ones (or inside hidden ones) have none.
      const visible = await page.$$eval('button, summary, details.chart-data, nav.toc', (els) =>
        els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(visible).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
