/**
 * The chart stylesheet's version for its link (`chart-theme.css?v=…`), so a new theme reaches readers
 * at once. Build-side only (the chart theme itself is shared with the browser); computed once per
 * build, not per page.
 */
import { createHash } from 'node:crypto';
import { chartThemeCss } from '../charts/theme.ts';

let version: string | undefined;

/** A short hash of `chartThemeCss()`. */
export function chartThemeVersion(): string {
  version ??= createHash('sha256').update(chartThemeCss()).digest('hex').slice(0, 10);
  return version;
}
