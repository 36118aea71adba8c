/**
 * Chart data tables as HTML text: built where a chart is rendered (the build, or the browser's
 * compare page) and inserted as is, so a page with a thousand data cells costs one string. Record
 * text (group names, metric names) is escaped: shown, never interpreted.
 */
import type { ChartCell } from '../charts/types.ts';
import { formatValue } from './format.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: record text (group names, metric names) is shown, never interpreted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A chart's data table as `<thead>` + `<tbody>` HTML, every cell escaped. */
export function tableHtml(columns: readonly string[], rows: readonly (readonly ChartCell[])[]): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cellText(cell))}</td>`).join('')}</tr>`).join('');
  return `<thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
}

function cellText(cell: ChartCell): string {
  if (cell === null) return '—';
  return typeof cell === 'number' ? formatValue(cell) : cell;
}

/** A value as JSON to put inside a `<script type="application/json">` element (`<` escaped, so no `</script>` ends it early). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
