/**
 * Number and text formatting for pages. Every figure a page shows is formatted here, so the
 * `.astro` files only print strings, and units and signs are consistent across the site.
 */

const MINUS = '\u2212';

/** Decimal places a number was written with (0.8690 → 3 as a JS number; 45 → 0; 1e-5 → 5). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.slice(0, exp.index);
    const dot = mantissa.indexOf('.');
    return Number(exp[1]) + (dot === -1 ? 0 : mantissa.length - dot - 1);
  }
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : Math.min(text.length - dot - 1, 10);
}

/** A value as written: integers with thousands separators, other numbers with their own precision. */
export function formatValue(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  const places = decimals ?? decimalsOf(value);
  if (places > 6 && Math.abs(value) < 1e-3) return value.toExponential(2).replace('-', MINUS);
  const text = numberFormat(places, Number.isInteger(value) || Math.abs(value) >= 10000).format(value);
  return text.replace('-', MINUS);
}

// Creating an Intl.NumberFormat costs ~100× a format() call, and pages format thousands of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

function numberFormat(places: number, grouping: boolean): Intl.NumberFormat {
  const key = `${places}:${grouping}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: grouping });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A metric value as written, with its unit: `0.869`, `86.9%`, `12 ms`; `—` when absent. The one way
 * the site (index, pages, leaderboards, compare pages) and the pull-request summary show a metric.
 */
export function formatMetricValue(value: number | null | undefined, unit?: string | null): string {
  const text = formatValue(value);
  if (value === null || value === undefined || !unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** A 95% CI as written in a record: a half-width (`±0.012`) or bounds (`[0.857, 0.881]`); `—` when absent. */
export function formatCiText(ci: number | { low: number; high: number } | undefined): string {
  if (ci === undefined) return '—';
  if (typeof ci === 'number') return `±${formatValue(ci)}`;
  return `[${formatValue(ci.low)}, ${formatValue(ci.high)}]`;
}

/** Formats a column of numbers with one precision (the largest any of them was written with, at most 6). */
export function formatColumn(values: readonly (number | null | undefined)[]): string[] {
  const places = Math.min(6, Math.max(0, ...values.map((v) => (typeof v === 'number' ? decimalsOf(v) : 0))));
  return values.map((v) => formatValue(v, places));
}

/** A signed change: `+0.018`, `−3`, `+1.2 pp`. */
export function formatSigned(value: number | null | undefined, decimals: number, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Number(value.toFixed(decimals));
  const sign = rounded > 0 ? '+' : rounded < 0 ? MINUS : '±';
  const body = Math.abs(rounded).toFixed(decimals);
  return `${sign}${body}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`;
}

/** A relative change given as a fraction (0.0212 → `+2.1%`). */
export function formatRelative(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return 'n/a';
  return formatSigned(fraction * 100, 1, '%');
}

/** A ratio such as a fairness min/max ratio (0.6667 → `0.667`). */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'undefined';
  return value.toFixed(3);
}

/** Number of decimals to show for a change in a metric whose values were written with `places` decimals. */
export function deltaDecimals(values: readonly (number | null | undefined)[]): number {
  return Math.min(6, Math.max(0, ...values.map((v) => (typeof v === 'number' ? decimalsOf(v) : 0))));
}

/** A count with thousands separators: 150000 → `150,000`. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return COUNT_FORMAT.format(value);
}

/** A date or timestamp as `YYYY-MM-DD` (timestamps keep their time, in UTC). */
export function formatDate(value: string | undefined): string {
  if (!value) return '—';
  return value.length > 10 ? value.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : value;
}

/** A field name as a label: `successCriteria` → `Success criteria`, `use_case` → `Use case`. */
export function humanize(key: string): string {
  const spaced = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Any JSON value as one line of text, for "Other fields". */
export function formatUnknown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatValue(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}
