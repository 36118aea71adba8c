/**
 * Number and text formatting for pages. Every figure a page shows is formatted here, so the
 * `.astro` files only print strings, and units and signs are consistent across the site.
 *
 * The display rule for metric values (README, "The numbers"): a value of a unit-interval metric
 * (accuracy, precision, recall, F1, AUC, …) that Logbook computes, compares or lines up across
 * records is shown in percent with the digits it was written with (0.684 → 68.4%, 87% → 87%, `0.890` →
 * 89.0%), its changes in percentage points; values shown side by side share the largest precision.
 * Tables that reproduce the record show its numbers as written.
 */
import { inSmallestTimeUnit, isScaleProblem, isUnitIntervalMetric, metricInfo, scaleValue, type ScaledValue } from '../analysis/metrics.ts';

import { maxOf } from '../util/arrays.ts';

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
 * A 95% CI as written in a record: a half-width (`±0.012`) or bounds (`[0.857, 0.881]`), in the
 * value's unit when it has one (`[40, 50] ms`, `[86.6, 88.0]%`; a half-width beside a percentage in
 * percentage points, `±0.7 pp` beside 87.3%, as it is read); `—` when absent. Bounds are
 * shown to the places of the value they belong to (`decimals`) or their own, whichever has more:
 * `[0.842, 0.860]` beside 0.851, not `[0.842, 0.86]`.
 */
export function formatCiText(ci: number | { low: number; high: number } | undefined, unit?: string | null, decimals = 0): string {
  if (ci === undefined) return '—';
  const suffix = unit === undefined || unit === null || unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`;
  const places = (x: number): number => Math.min(6, Math.max(decimals, decimalsOf(x)));
  if (typeof ci === 'number') return `±${formatValue(ci, places(ci))}${unit === '%' ? ' pp' : suffix}`;
  const both = Math.max(places(ci.low), places(ci.high));
  return `[${formatValue(ci.low, both)}, ${formatValue(ci.high, both)}]${suffix}`;
}

/**
 * Formats a column of numbers with one precision (the largest any of them was written with, at most
 * 6). A value those decimals would show with fewer than two significant digits keeps its own
 * (`4.40e−7`): at 6 decimals a learning rate of 4.4e−7 would read `0.000000`. `places` gives the
 * decimals each value was written with where the number shows fewer (`89.0` is the number 89).
 */
export function formatColumn(values: readonly (number | null | undefined)[], places: readonly number[] = []): string[] {
  const written = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(decimalsOf(v), places[i] ?? 0) : 0));
  const shared = Math.min(6, Math.max(0, maxOf(written)));
  const tooSmall = (v: number | null | undefined, i: number): boolean =>
    typeof v === 'number' && v !== 0 && (written[i] ?? 0) > shared && Math.abs(v) < 10 ** (1 - shared);
  return values.map((v, i) => formatValue(v, tooSmall(v, i) ? undefined : shared));
}

/**
 * A record's column of one metric (a per-epoch column, a group's or a baseline's values), as written:
 * `formatColumn`, with the percent sign back on a proportion written in percent. Table cells keep
 * only the number of `87.3%`, so a column of accuracies the analysis reads as percent (every value
 * above 1 or 0, none above 100) shows `87.3%`, not `87.3` beside an F1 of `0.834`. `places`: the
 * decimals each value was written with, as `formatColumn` takes them (`89.0%` stays `89.0%`).
 */
export function formatMetricColumn(
  metric: string,
  values: readonly (number | null | undefined)[],
  places: readonly number[] = [],
): string[] {
  const texts = formatColumn(values, places);
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const info = metricInfo(metric);
  // Every value one the analysis reads as percent (above 1, up to 100; 0 is 0% on either scale).
  const percent =
    isUnitIntervalMetric(info) && info.unit === null && numbers.some((v) => v > 1) && numbers.every((v) => v === 0 || (v > 1 && v <= 100));
  return percent ? texts.map((text, i) => (typeof values[i] === 'number' && Number.isFinite(values[i]) ? `${text}%` : text)) : texts;
}

/**
 * A signed change: `+0.018`, `−3`, `+1.2 pp`. No change at all is `0 pp` (a `±` there would read as
 * an interval); a change that rounds to 0 at these decimals is `±0.00`.
 */
export function formatSigned(value: number | null | undefined, decimals: number, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Number(value.toFixed(decimals));
  const sign = rounded > 0 ? '+' : rounded < 0 ? MINUS : value === 0 ? '' : '±';
  // Thousands separators as `formatValue` writes the values beside it: −2,900 next to 41,200.
  const body = numberFormat(decimals, Number.isInteger(rounded) || Math.abs(rounded) >= 10000).format(Math.abs(rounded));
  return `${sign}${body}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`;
}

/**
 * A relative change given as a fraction (0.0212 → `+2.1%`): one decimal, or two significant digits
 * when that would round a change that is not 0 to 0 (0.000111 → `+0.011%`, not `±0.0%`).
 */
export function formatRelative(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return 'n/a';
  const percent = fraction * 100;
  const small = percent !== 0 && Math.abs(percent) < 0.05;
  return formatSigned(percent, small ? Math.min(6, 1 - Math.floor(Math.log10(Math.abs(percent)))) : 1, '%');
}

/** A ratio such as a fairness min/max ratio (0.6667 → `0.667`). */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'undefined';
  return value.toFixed(3);
}

/** Number of decimals to show for a change in a metric whose values were written with `places` decimals. */
export function deltaDecimals(values: readonly (number | null | undefined)[]): number {
  return Math.min(6, Math.max(0, maxOf(values.map((v) => (typeof v === 'number' ? decimalsOf(v) : 0)))));
}

/** Decimal places of a fraction shown in percent: two fewer than written (0.684 → 68.4%), never below 0, at most 4. */
export function percentDecimals(fractionDecimals: number): number {
  return Math.max(0, Math.min(6, fractionDecimals) - 2);
}

/** A fraction in percent with `places` decimals: 0.684 → `68.4%`. */
export function formatPercent(fraction: number | null | undefined, places: number): string {
  if (fraction === null || fraction === undefined) return '—';
  return `${formatValue(Number.parseFloat((fraction * 100).toPrecision(15)), places)}%`;
}

/** A change of fractions in percentage points with `places` decimals: 0.02 → `+2 pp`, −0.0143 → `−1.4 pp`. */
export function formatPoints(change: number | null | undefined, places: number): string {
  return change === null || change === undefined ? '—' : formatSigned(change * 100, places, 'pp');
}

/** A value with its unit as written: `45 ms`, `12.5%`, `0.869`. */
function withUnit(text: string, unit: string | null | undefined): string {
  if (!unit || text === '—') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** One metric value to show: its name, the value and unit as written, and the decimals written (default: its shortest form). */
export interface MetricValueInput {
  metric: string;
  value: number | null | undefined;
  unit?: string | null | undefined;
  decimals?: number | undefined;
}

/**
 * Metric values shown side by side (a column, a comparison), by the display rule: a unit-interval
 * metric in percent, anything else in its unit; all with the largest precision any of them was written
 * with (on the scale shown).
 */
export function formatMetricValues(values: readonly MetricValueInput[]): string[] {
  const shown = values.map((v) => {
    if (v.value === null || v.value === undefined) return null;
    const decimals = v.decimals ?? decimalsOf(v.value);
    const info = metricInfo(v.metric, v.unit ?? undefined);
    const scaled = scaleValue(info, v.value, decimals);
    if (isScaleProblem(scaled) || !scaled.fraction) return { percent: false, value: v.value, places: decimals, unit: info.unit };
    return { percent: true, value: scaled.value, places: percentDecimals(scaled.decimals), unit: null };
  });
  const places = Math.min(6, Math.max(0, ...shown.map((x) => x?.places ?? 0)));
  return shown.map((x) => {
    if (x === null) return '—';
    return x.percent ? formatPercent(x.value, places) : withUnit(formatValue(x.value, places), x.unit);
  });
}

/**
 * A column of values of one metric with its durations in the smallest unit of time among them
 * (`0.041 s` beside `38 ms` is `41 ms`, written to three places fewer), so that they are shown with
 * one unit and one precision and ordered as the times they are; other values as they are.
 */
export function inOneTimeUnit(values: readonly MetricValueInput[]): MetricValueInput[] {
  const placed = values.map((v): ScaledValue | null => {
    if (v.value === null || v.value === undefined) return null;
    const scaled = scaleValue(metricInfo(v.metric, v.unit ?? undefined), v.value, v.decimals ?? decimalsOf(v.value));
    return isScaleProblem(scaled) ? null : scaled;
  });
  const timed = inSmallestTimeUnit(placed.filter((x): x is ScaledValue => x !== null));
  let next = 0;
  return values.map((v, i) => {
    const written = placed[i];
    if (written === null || written === undefined) return v;
    const x = timed[next++] ?? written;
    return x.unit === written.unit ? v : { ...v, value: x.value, unit: x.unit, decimals: x.decimals };
  });
}

/** One metric value by the display rule (see `formatMetricValues`). */
export function formatMetricValue(input: MetricValueInput): string {
  return formatMetricValues([input])[0] ?? '—';
}

/**
 * A metric's 95% interval by the same display rule as its value (`formatMetricValues`): the bounds,
 * from a half-width (`±0.012`) or as written (`[0.857, 0.881]`), at the precision of the value or
 * the interval, whichever was written with more; `—` when there is none.
 */
export function formatMetricCi(input: MetricValueInput, ci: number | { low: number; high: number } | undefined): string {
  if (ci === undefined || input.value === null || input.value === undefined) return '—';
  const low = typeof ci === 'number' ? input.value - ci : ci.low;
  const high = typeof ci === 'number' ? input.value + ci : ci.high;
  const written = typeof ci === 'number' ? decimalsOf(ci) : Math.max(decimalsOf(ci.low), decimalsOf(ci.high));
  const decimals = Math.min(6, Math.max(input.decimals ?? decimalsOf(input.value), written));
  const [a, b] = formatMetricValues([
    { ...input, value: low, decimals },
    { ...input, value: high, decimals },
  ]);
  return `${a ?? '—'} – ${b ?? '—'}`;
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

/**
 * A key that is an identifier: camelCase, PascalCase of two or more words, lower snake_case or
 * kebab-case. A hump without a lower-case letter (`IoU`, `mIoU`) or a capital in snake case
 * (`ROC-AUC`, `GPU-hours`) is an acronym as written.
 */
const IDENTIFIER = /^(?:[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)*|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+|[a-z0-9]+(?:[_-][a-z0-9]+)+)$/;

/**
 * Words of an identifier that are acronyms or names with their own case (`pr_auc` → `PR AUC`,
 * `gpu_hours` → `GPU hours`, `val_miou` → `Val mIoU`), as ML logs and tools spell them.
 */
const SPELLED: ReadonlyMap<string, string> = new Map([
  ...'ai api auc auroc auprc bleu ci cer cpu csv dcf dvc ece eer f1 fid fnr fpr gpu http id json kl llm lr mae mape mrr mse ndcg nll nlp npv ood ppv pr psnr ram rmse roc rouge sgd smape sql ssim tnr tpr tpu ui url vram wer yaml'
    .split(' ')
    .map((word) => [word, word.toUpperCase()] as const),
  ['iou', 'IoU'],
  ['miou', 'mIoU'],
  ['gpus', 'GPUs'],
  ['cpus', 'CPUs'],
  ['tpus', 'TPUs'],
  ['ids', 'IDs'],
  ['urls', 'URLs'],
  ['mlflow', 'MLflow'],
  ['wandb', 'W&B'],
]);

/** A field name as a label: `successCriteria` → `Success criteria`, `use_case` → `Use case`; a written label as it is. */
export function humanize(key: string): string {
  // A label as people write it (`TFT (this run)`, `SARIMAX`, `Train Loss`, `Metric`) is shown as
  // written; only identifiers (`successCriteria`, `use_case`, `ModelName`) are spelled out.
  if (!IDENTIFIER.test(key)) return key.trim();
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
    .split(' ')
    .map((word) => SPELLED.get(word) ?? word);
  const spaced = words.join(' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Any JSON value as one line of text, for "Other fields". */
/**
 * A setting's value as settings are written: a number below 0.001 in exponent form, shortest
 * (`3e−4`, `2.5e−5`, as a learning rate is written, not `0.0003`); anything else as `formatUnknown`.
 */
export function formatSetting(value: unknown): string {
  if (typeof value === 'number' && value !== 0 && Number.isFinite(value) && Math.abs(value) < 1e-3)
    return value.toExponential().replace('e-', `e${MINUS}`).replace('-', MINUS);
  return formatUnknown(value);
}

export function formatUnknown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatValue(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}
