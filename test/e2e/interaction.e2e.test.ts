/**
 * Interaction on the example site: sorting and filtering the experiments table, comparing picked
 * experiments, "Differences only", "Copy link", and site search with pagefind.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatTroubles, guardedContext, openBrowser, type GuardedContext } from './lib/browser.ts';
import { site } from './lib/sites.ts';

const main = site('main');

let browser: Browser;
let guarded: GuardedContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  guarded = await guardedContext(browser, { viewport: { width: 1280, height: 900 } });
  await guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: main.origin });
  page = await guarded.newPage();
});
afterAll(async () => {
  await guarded.close();
  await browser.close();
  expect(guarded.troubles, formatTroubles(guarded.troubles)).toEqual([]);
});

interface Row {
  id: string;
  date: string;
  search: string;
  status: string;
  sort: Record<string, string | number>;
}

async function rows(): Promise<Row[]> {
  return page.$$eval('#experiments tbody tr', (trs) =>
    trs.map((tr) => ({
      id: (tr as HTMLElement).dataset['id'] ?? '',
      date: tr.querySelector('td.nowrap')?.textContent ?? '',
      search: (tr as HTMLElement).dataset['search'] ?? '',
      status: (tr as HTMLElement).dataset['status'] ?? '',
      sort: JSON.parse((tr as HTMLElement).dataset['sort'] ?? '{}') as Record<string, string | number>,
    })),
  );
}

async function visibleIds(): Promise<string[]> {
  return page.$$eval('#experiments tbody tr', (trs) =>
    trs
      .filter((tr) => !(tr as HTMLElement).hidden && (tr as HTMLElement).offsetParent !== null)
      .map((tr) => (tr as HTMLElement).dataset['id'] ?? ''),
  );
}

async function ariaSorts(): Promise<Record<string, string | null>> {
  return page.$$eval('#experiments th[data-sort-key]', (ths) =>
    Object.fromEntries(ths.map((th) => [(th as HTMLElement).dataset['sortKey'] ?? '', th.getAttribute('aria-sort')])),
  );
}

describe('the experiments table', () => {
  let initial: Row[];

  beforeAll(async () => {
    await page.goto(main.url);
    initial = await rows();
  });

  test('starts newest first (date descending, then id) with every row shown', async () => {
    expect(initial.length).toBeGreaterThanOrEqual(2);
    const newestFirst = [...initial].sort(
      (a, b) => String(b.sort['date'] ?? '').localeCompare(String(a.sort['date'] ?? '')) || a.id.localeCompare(b.id),
    );
    expect(initial.map((r) => r.id)).toEqual(newestFirst.map((r) => r.id));
    await expect(page.textContent('#index-count')).resolves.toBe(`${initial.length} of ${initial.length} shown`);
  });

  test('clicking "Date" sorts by date ascending, clicking again descending, and sets aria-sort', async () => {
    const dates = initial.map((r) => String(r.sort['date'] ?? ''));
    const byDate = (dir: 1 | -1): string[] =>
      [...initial]
        .sort((a, b) => {
          const x = String(a.sort['date'] ?? '');
          const y = String(b.sort['date'] ?? '');
          if (x === '' && y !== '') return 1;
          if (y === '' && x !== '') return -1;
          return dir * x.localeCompare(y);
        })
        .map((r) => r.id);
    expect(new Set(dates).size, 'the example records have different dates').toBeGreaterThan(1);
    await page.click('#experiments th[data-sort-key="date"] button');
    expect((await rows()).map((r) => r.id)).toEqual(byDate(1));
    expect((await rows()).map((r) => r.id)).not.toEqual(initial.map((r) => r.id));
    const sorts = await ariaSorts();
    expect(sorts['date']).toBe('ascending');
    expect(Object.entries(sorts).filter(([k, v]) => k !== 'date' && v !== 'none')).toEqual([]);
    await page.click('#experiments th[data-sort-key="date"] button');
    expect((await rows()).map((r) => r.id)).toEqual(byDate(-1));
    expect((await ariaSorts())['date']).toBe('descending');
  });

  test('clicking a metric column sorts numerically, empty cells last', async () => {
    const key = 'm0';
    await page.click(`#experiments th[data-sort-key="${key}"] button`);
    const values = (await rows()).map((r) => r.sort[key]);
    const numbers = values.filter((v): v is number => typeof v === 'number');
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(values.slice(0, numbers.length)).toEqual(numbers);
    expect((await ariaSorts())[key]).toBe('ascending');
    expect((await ariaSorts())['date']).toBe('none');
  });

  test('typing in Filter shows only the matching rows and says how many', async () => {
    const query = 'fraud';
    const expected = initial.filter((r) => r.search.includes(query)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(initial.length);
    await page.fill('#index-tools input[name="q"]', query);
    expect((await visibleIds()).sort()).toEqual([...expected].sort());
    await expect(page.textContent('#index-count')).resolves.toBe(`${expected.length} of ${initial.length} shown`);
    await page.fill('#index-tools input[name="q"]', 'no-such-experiment-anywhere');
    expect(await visibleIds()).toEqual([]);
    await expect(page.textContent('#index-count')).resolves.toBe(`0 of ${initial.length} shown`);
    await page.fill('#index-tools input[name="q"]', '');
    expect((await visibleIds()).length).toBe(initial.length);
  });

  test('the Status filter keeps only rows with that status', async () => {
    const status = initial.find((r) => r.status !== 'completed')?.status ?? 'completed';
    const expected = initial.filter((r) => r.status === status).map((r) => r.id);
    await page.selectOption('#index-tools select[name="status"]', status);
    expect((await visibleIds()).sort()).toEqual([...expected].sort());
    await expect(page.textContent('#index-count')).resolves.toBe(`${expected.length} of ${initial.length} shown`);
    await page.selectOption('#index-tools select[name="status"]', '');
    expect((await visibleIds()).length).toBe(initial.length);
  });

  test('picking two experiments and pressing "Compare selected" opens /compare/?ids=… with a table', async () => {
    const button = page.locator('#compare-selected');
    await expect(button.isDisabled()).resolves.toBe(true);
    const [a, b] = (await rows()).map((r) => r.id);
    await page.check(`#experiments input.pick[value="${a}"]`);
    await expect(button.isDisabled()).resolves.toBe(true);
    await page.check(`#experiments input.pick[value="${b}"]`);
    await expect(button.isDisabled()).resolves.toBe(false);
    await expect(button.textContent()).resolves.toBe('Compare 2 selected');
    // The checked boxes are in table order, which is the current sort order.
    const picked = await page.$$eval('#experiments input.pick:checked', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await Promise.all([page.waitForURL(/\/compare\/\?ids=/), button.click()]);
    expect(page.url()).toBe(`${main.url}compare/?ids=${picked.map(encodeURIComponent).join(',')}`);
    await page.waitForSelector('#compare-output table');
    const heads = await page.$$eval('#fields-table thead th', (ths) => ths.map((th) => th.textContent));
    expect(heads).toEqual(['Field', ...picked]);
    const status = await page.textContent('#compare-status');
    const total = await page.locator('#fields-table tbody tr').count();
    const differing = await page.locator('#fields-table tbody tr:not(.same)').count();
    expect(status).toBe(`${total} fields, ${differing} differ.`);
    expect(differing).toBeGreaterThan(0);
    expect(differing).toBeLessThan(total);
  });

  test('"Differences only" is on at first: unchecking shows the equal rows, checking hides exactly them again', async () => {
    const same = page.locator('#fields-table tbody tr.same');
    const differs = page.locator('#fields-table tbody tr:not(.same)');
    const visible = async (rowsOf: typeof same): Promise<number> =>
      await rowsOf.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).length);
    const sameCount = await same.count();
    expect(sameCount).toBeGreaterThan(0);
    await expect(page.isChecked('#diff-only')).resolves.toBe(true);
    expect(await visible(same)).toBe(0);
    expect(await visible(differs)).toBe(await differs.count());
    await page.uncheck('#diff-only');
    expect(await visible(same)).toBe(sameCount);
    await page.check('#diff-only');
    expect(await visible(same)).toBe(0);
  });

  test('"Differences only" works the same on a static compare page, whose identical rows load when it is turned off', async () => {
    await page.goto(`${main.url}compare/fraud-nn-005/fraud-gbm-003/`);
    const same = page.locator('#fields-table tbody tr.same');
    const differs = page.locator('#fields-table tbody tr:not(.same)');
    const shown = (trs: Element[]): number => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).length;
    const paths = (trs: Element[]): string[] => trs.map((tr) => tr.querySelector('th')?.textContent ?? '');
    // The page says how many fields there are and how many differ: "(12 of 80 fields differ; …)".
    const counts = /\((\d+) of (\d+) fields differ/.exec((await page.locator('.field-diff .compare-controls').textContent()) ?? '');
    const [differing, total] = [Number(counts?.[1]), Number(counts?.[2])];
    expect(differing).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(differing);
    // As built: only the differing rows, all shown; the switch is on.
    await expect(same.count()).resolves.toBe(0);
    await expect(differs.count()).resolves.toBe(differing);
    const differingPaths = await differs.evaluateAll(paths);
    await expect(page.isChecked('#diff-only')).resolves.toBe(true);
    // Off: every field, the identical ones fetched from the API documents, the differing ones unchanged.
    await page.uncheck('#diff-only');
    await expect.poll(() => same.evaluateAll(shown), { timeout: 10_000 }).toBe(total - differing);
    await expect(differs.evaluateAll(paths)).resolves.toEqual(differingPaths);
    await expect(differs.evaluateAll(shown)).resolves.toBe(differing);
    // On again: the identical rows hide, nothing is fetched twice.
    await page.check('#diff-only');
    await expect(same.evaluateAll(shown)).resolves.toBe(0);
    await expect(same.count()).resolves.toBe(total - differing);
  });

  test('without JavaScript a static compare page lists the differing fields, says where the others are, and has no dead buttons', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noJs = await context.newPage();
      await noJs.goto(`${main.url}compare/fraud-nn-005/fraud-gbm-003/`);
      await expect(noJs.locator('#diff-only').isVisible()).resolves.toBe(false);
      await expect(noJs.locator('.field-diff .compare-controls').textContent()).resolves.toMatch(
        /\d+ of \d+ fields differ; each experiment's page lists the \d+ that are the same/,
      );
      await expect(noJs.locator('#fields-table tbody tr').count()).resolves.toBeGreaterThan(0);
      // Buttons that need JavaScript are added by the page's script: without it there are none.
      await expect(noJs.locator('button.copy-link, button.chart-actions').count()).resolves.toBe(0);
      await expect(noJs.locator('.section-heading a.anchor').count()).resolves.toBeGreaterThan(3);
    } finally {
      await context.close();
    }
  });
});

describe('metric columns of the experiments table', () => {
  test('picking a column shows it and puts the choice in the address; the address brings it back', async () => {
    await page.goto(main.url);
    const picker = page.locator('#index-tools details.column-picker');
    await expect(picker.isVisible()).resolves.toBe(true);
    const boxes = picker.locator('input[name="col"]');
    const hiddenKey = await boxes.evaluateAll((els) => (els as HTMLInputElement[]).find((b) => !b.checked)?.value ?? '');
    const metric = await picker.locator(`input[value="${hiddenKey}"]`).getAttribute('data-metric');
    expect(hiddenKey).not.toBe('');
    const column = page.locator(`#experiments thead th[data-col="${hiddenKey}"]`);
    await expect(column.isVisible()).resolves.toBe(false);
    await picker.locator('summary').click();
    await picker.locator(`input[value="${hiddenKey}"]`).check();
    await expect(column.isVisible()).resolves.toBe(true);
    const shown = await boxes.evaluateAll((els) =>
      (els as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.dataset['metric'] ?? ''),
    );
    expect(new URL(page.url()).searchParams.get('cols')).toBe(shown.join(','));
    expect(shown).toContain(metric);
    // Only that metric, from the address.
    await page.goto(`${main.url}?cols=${encodeURIComponent(metric ?? '')}`);
    const visibleCols = await page.$$eval('#experiments thead th[data-col]', (ths) =>
      ths.filter((th) => (th as HTMLElement).offsetParent !== null).map((th) => th.textContent?.trim()),
    );
    expect(visibleCols).toEqual([metric]);
  });

  test('without JavaScript the table shows its default columns and no picker', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(main.url);
    await expect(plain.locator('details.column-picker').isVisible()).resolves.toBe(false);
    const cols = await plain.$$eval('#experiments thead th[data-col]', (ths) => ths.filter((th) => !(th as HTMLElement).hidden).length);
    expect(cols).toBe(3);
    await context.close();
  });
});

describe('"Copy link" on an experiment page', () => {
  test('puts the URL with #section in the address bar and on the clipboard', async () => {
    const path = `${main.url}experiments/fraud-nn-005/`;
    await page.goto(path);
    const button = page.locator('section.section > .section-heading button.copy-link').nth(1);
    const anchor = await button.getAttribute('data-copy-anchor');
    expect(anchor).toBeTruthy();
    await button.click();
    await expect.poll(() => page.url()).toBe(`${path}#${anchor}`);
    await expect.poll(() => button.textContent()).toBe('Copied');
    await expect(button.getAttribute('data-copied')).resolves.toBe(`${path}#${anchor}`);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${path}#${anchor}`);
    await expect(page.locator(`#${anchor ?? ''}`).count()).resolves.toBe(1);
    await expect.poll(() => button.textContent(), { timeout: 3_000 }).toBe('Copy link');
  });
});

describe('"Copy link" on a table', () => {
  test('every table with an id has one, and it links that table', async () => {
    const path = `${main.url}experiments/fraud-nn-005/`;
    await page.goto(path);
    const ids = await page.$$eval('.table-block[id]', (blocks) => blocks.map((b) => b.id));
    expect(ids.length).toBeGreaterThan(3);
    const anchors = await page.$$eval('.table-block[id] > button.copy-link', (buttons) =>
      buttons.map((b) => b.getAttribute('data-copy-anchor')),
    );
    expect(anchors).toEqual(ids);
    const button = page.locator('#test-metrics-table > button.copy-link');
    await button.click();
    await expect.poll(() => page.url()).toBe(`${path}#test-metrics-table`);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${path}#test-metrics-table`);
  });
});

describe('site search', () => {
  test('searching for an experiment by name finds its page and the result link opens it', async () => {
    await page.goto(`${main.url}experiments/fraud-nn-005/`);
    const title = (await page.textContent('h1'))?.trim() ?? '';
    expect(title).not.toBe('');
    await page.goto(`${main.url}search/`);
    const input = page.locator('.pagefind-ui__search-input');
    await input.fill('FT-Transformer');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const href = await result.getAttribute('href');
    expect(href).toBe(`${main.base}experiments/fraud-nn-005/`);
    await Promise.all([page.waitForURL(`${main.url}experiments/fraud-nn-005/`), result.click()]);
    await expect(page.textContent('h1')).resolves.toBe(title);
  });

  test('/search/?q= runs the search on load', async () => {
    await page.goto(`${main.url}search/?q=FT-Transformer`);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    await expect(result.getAttribute('href')).resolves.toBe(`${main.base}experiments/fraud-nn-005/`);
  });
});
