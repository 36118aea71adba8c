/**
 * "Every field" on a static compare page lists only the fields that differ (the identical ones
 * repeat both experiments' pages, and were a third of the page). Turning "Differences only" off
 * fetches the experiments' API documents and rebuilds the table with every field, in the order and
 * with the values the build would have written (`compareFieldRows`); the page's stylesheet then
 * hides and shows the identical rows as the switch goes. Loaded only when the switch is first used.
 */
import { compareFieldRows } from '../view/compare-page.ts';
import type { Experiment } from '../schema/index.ts';
import { fieldRowNode } from './render-blocks.ts';

/** Replaces the rows of the table that `toggle` controls with every field of the experiments in its `data-same-from`. */
export async function showSameFields(toggle: HTMLInputElement): Promise<void> {
  const urls = (toggle.dataset['sameFrom'] ?? '').split(' ').filter(Boolean);
  const docs = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(new URL(url, document.baseURI));
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return (await response.json()) as { record: Experiment };
    }),
  );
  const body = toggle.closest('.field-diff')?.querySelector('table tbody');
  if (!body) throw new Error('no "Every field" table beside the switch');
  body.replaceChildren(...compareFieldRows(docs.map((d) => d.record)).fields.map(fieldRowNode));
}
