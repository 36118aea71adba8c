/**
 * The HTML of a chart tooltip in the browser. vega-tooltip's own formatter treats two keys
 * specially: `title` becomes a heading and `image` becomes `<img src>` — so a group or metric named
 * "image" whose value is a URL would make the page load it on hover. Here every key, those two
 * included, is one plain table row, and every key and value is escaped text.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A value as tooltip text: strings as they are, anything else as JSON (cycles and depth cut). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? '[object]';
  } catch {
    return '[object]';
  }
}

/** `formatTooltip` for vega-tooltip's `Handler`: a table of escaped key/value rows, never a heading or an image. */
export function formatTooltipHtml(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return escape(text(value));
  const rows = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => `<tr><td class="key">${escape(key)}</td><td class="value">${escape(text(v))}</td></tr>`);
  return rows.length === 0 ? '' : `<table>${rows.join('')}</table>`;
}
