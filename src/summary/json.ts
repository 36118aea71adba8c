/** The summary as JSON (`--format json`): the same content as the Markdown, numbers unrounded. */
import { overviewText } from './markdown.ts';
import type { Summary } from './types.ts';

/**
 * `{ base, mergeBase, site, runUrl, overview, changed, removed }` pretty-printed with a trailing newline. Keys
 * are always present (null or [] when empty) and in a fixed order, so consumers and diffs are stable.
 */
export function renderJson(summary: Summary): string {
  const document = {
    base: summary.base,
    mergeBase: summary.mergeBase,
    site: summary.site,
    runUrl: summary.runUrl,
    overview: overviewText(summary),
    changed: summary.changed,
    removed: summary.removed,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
