/**
 * Charts: server-rendered SVG works without JavaScript; with JavaScript a chart hydrates when it
 * scrolls into view, keeps the static image's size, and shows a tooltip with the value on hover.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatTroubles, guardedContext, openBrowser, type GuardedContext } from './lib/browser.ts';
import { site } from './lib/sites.ts';

const main = site('main');
/** The richest example record: it has every chart kind the site draws. */
const EXPERIMENT = 'experiments/fraud-nn-005/';
const EXPECTED_CHARTS = [
  'lineage-trend',
  'search-space',
  'training-curves',
  'learning-rate',
  'test-metrics',
  'confusion-matrix',
  'fairness-accuracy-age',
  'baselines-accuracy',
  'feature-importance',
];

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

interface Box {
  width: number;
  height: number;
}

async function staticSizes(page: Page): Promise<Record<string, Box>> {
  return page.$$eval('figure.chart', (figs) =>
    Object.fromEntries(
      figs.map((f) => {
        const r = f.querySelector('.chart-canvas svg')?.getBoundingClientRect();
        return [f.id, { width: r?.width ?? -1, height: r?.height ?? -1 }];
      }),
    ),
  );
}

describe('charts without JavaScript', () => {
  test('every figure.chart on an experiment page holds a server-rendered <svg>', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(main.url + EXPERIMENT);
    const figures = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => ({
        id: f.id,
        svgs: f.querySelectorAll('.chart-canvas > svg').length,
        marks: f.querySelectorAll('svg .mark-group, svg path, svg line').length,
        hydrated: (f as HTMLElement).dataset['hydrated'] ?? null,
      })),
    );
    await context.close();
    expect(figures.map((f) => f.id)).toEqual(EXPECTED_CHARTS);
    for (const f of figures) {
      expect(f.svgs, `${f.id}: one static <svg>`).toBe(1);
      expect(f.marks, `${f.id}: the static <svg> draws something`).toBeGreaterThan(0);
      expect(f.hydrated, `${f.id}: nothing hydrates without JavaScript`).toBeNull();
    }
  });
});

describe('charts with JavaScript', () => {
  let guarded: GuardedContext;
  let page: Page;
  let before: Record<string, Box>;

  beforeAll(async () => {
    guarded = await guardedContext(browser, { viewport: { width: 1280, height: 800 } });
    page = await guarded.newPage();
    await page.goto(main.url + EXPERIMENT);
    before = await staticSizes(page);
  });
  afterAll(async () => {
    await guarded.close();
    expect(guarded.troubles, formatTroubles(guarded.troubles)).toEqual([]);
  });

  test('a chart far below the fold is still static until it scrolls into view', async () => {
    const last = EXPECTED_CHARTS.at(-1) ?? '';
    await expect(page.getAttribute(`figure#${last}`, 'data-hydrated')).resolves.toBeNull();
  });

  test.each(EXPECTED_CHARTS)('%s hydrates after scrolling into view, at the static size (±1px)', async (id) => {
    const figure = page.locator(`figure#${id}`);
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-hydrated'), { timeout: 15_000 }).toBe('true');
    const live = await figure.locator('.chart-live svg').boundingBox();
    const still = before[id];
    expect(live).not.toBeNull();
    expect(still).toBeDefined();
    expect(
      Math.abs((live?.width ?? 0) - (still?.width ?? 0)),
      `${id} width: live ${live?.width} vs static ${still?.width}`,
    ).toBeLessThanOrEqual(1);
    expect(
      Math.abs((live?.height ?? 0) - (still?.height ?? 0)),
      `${id} height: live ${live?.height} vs static ${still?.height}`,
    ).toBeLessThanOrEqual(1);
    await expect(figure.locator('.chart-canvas > svg').count()).resolves.toBe(0);
  });

  test('hovering a point of the test-metrics chart shows a tooltip with its metric and value', async () => {
    const figure = page.locator('figure#test-metrics');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-hydrated')).toBe('true');
    // The first row of the chart's data table is the top-most point.
    const [metric, value] = await figure.locator('details.chart-data tbody tr').first().locator('td').allTextContents();
    expect(metric).toBe('Accuracy');
    expect(value).toBe('0.9953');
    const points = await figure.locator('.chart-live svg .mark-symbol path').all();
    const boxes = await Promise.all(points.map((p) => p.boundingBox()));
    const top = boxes.reduce(
      (best, b) => (b && (!best || b.y < best.y) ? b : best),
      null as null | { x: number; y: number; width: number; height: number },
    );
    expect(top).not.toBeNull();
    await page.mouse.move((top?.x ?? 0) + (top?.width ?? 0) / 2, (top?.y ?? 0) + (top?.height ?? 0) / 2);
    const tooltip = page.locator('#vg-tooltip-element');
    await expect.poll(() => tooltip.getAttribute('class')).toContain('visible');
    const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`Metric ${metric}`);
    expect(text).toContain(`Value ${value}`);
    await page.mouse.move(0, 0);
    await expect.poll(() => tooltip.getAttribute('class')).not.toContain('visible');
  });

  test('"Save / view spec" opens vega-embed\'s menu (SVG, PNG, the Vega-Lite spec with its data) and keeps the chart\'s size', async () => {
    const figure = page.locator('figure#test-metrics');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-hydrated')).toBe('true');
    const before = await figure.locator('.chart-live svg').boundingBox();
    const button = figure.locator('button[data-chart-actions]');
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    const links = figure.locator('.vega-embed .vega-actions a');
    await expect
      .poll(() => links.allTextContents(), { timeout: 20_000 })
      .toEqual(['Save as SVG', 'Save as PNG', 'View Vega-Lite spec and data']);
    await expect(links.first().isVisible()).resolves.toBe(true);
    const after = await figure.locator('.vega-embed svg.marks').boundingBox();
    expect(Math.abs((after?.width ?? 0) - (before?.width ?? 0)), 'width').toBeLessThanOrEqual(1);
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0)), 'height').toBeLessThanOrEqual(1);
    await expect(button.isHidden()).resolves.toBe(true);
    // "View …" opens the spec, data included, in a new window.
    const [popup] = await Promise.all([page.context().waitForEvent('page'), links.nth(2).click()]);
    await popup.waitForLoadState();
    const source = await popup.textContent('body');
    expect(source).toContain('"$schema": "https://vega.github.io/schema/vega-lite/v6.json"');
    expect(source).toContain('"datasets"');
    expect(source).toContain('"metric": "Accuracy"');
    await popup.close();
    // The PNG link is filled in on mousedown with an image of the chart.
    await links.nth(1).dispatchEvent('mousedown');
    await expect.poll(() => links.nth(1).getAttribute('href')).toMatch(/^data:image\/png;base64,/);
  });

  test('dragging either training-curve panel pans the shared epoch axis of both', async () => {
    const figure = page.locator('figure#training-curves');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-hydrated')).toBe('true');
    const svg = figure.locator('.chart-live svg');
    // A horizontal drag moves only the epoch axis (drawn under the last panel); the y axes stay.
    const epochLabels = async (): Promise<string> => (await svg.locator('.role-axis-label text').allTextContents()).join(' ');
    const box = await svg.boundingBox();
    if (box === null) throw new Error('the hydrated chart has no box');
    const drag = async (yFraction: number): Promise<void> => {
      const y = box.y + box.height * yFraction;
      const x = box.x + box.width * 0.6;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 120, y, { steps: 6 });
      await page.mouse.up();
    };
    expect(await svg.locator('.role-title-text').allTextContents()).toEqual(['Loss', 'Accuracy']);
    const before = await epochLabels();
    await drag(0.6); // the lower panel
    const afterLower = await epochLabels();
    expect(afterLower).not.toBe(before);
    await drag(0.15); // the upper panel
    expect(await epochLabels()).not.toBe(afterLower);
  });
});
