/**
 * Scales as Vega draws them with Vega-Lite's defaults, so a drawing made at build time and the
 * interactive view that replaces it in the browser put ticks at the same values: linear domains
 * made "nice" and ticked with d3's step rule (1, 2 or 5 × 10ⁿ), labels with the step's precision,
 * log scales ticked at powers of ten, and point/band scales for categories.
 */

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3-array's tick specification: integer bounds and the increment (negative: its inverse). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && count >= 0.5 && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** The tick increment for about `count` ticks over [start, stop] (negative: 1 / step), as d3's `tickIncrement`. */
export function tickIncrement(start: number, stop: number, count: number): number {
  return tickSpec(start, stop, count)[2];
}

/** The step between ticks (always positive). */
export function tickStep(start: number, stop: number, count: number): number {
  const inc = tickIncrement(start, stop, count);
  return inc < 0 ? -1 / inc : inc;
}

/** About `count` round values in [start, stop], as d3's `ticks` (start ≤ stop). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0) || !Number.isFinite(start) || !Number.isFinite(stop)) return [];
  if (start === stop) return [start];
  const [i1, i2, inc] = tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  return Array.from({ length: n }, (_, i) => (inc < 0 ? (i1 + i) / -inc : (i1 + i) * inc));
}

/** [start, stop] widened to round values, as d3's `nice(count)` (Vega's `nice: true` is count 10). */
export function niceDomain(start: number, stop: number, count = 10): [number, number] {
  let lo = start;
  let hi = stop;
  let previous: number | undefined;
  for (let i = 0; i < 10 && hi > lo; i++) {
    const step = tickIncrement(lo, hi, count);
    if (step === previous) break;
    if (step > 0) {
      lo = Math.floor(lo / step) * step;
      hi = Math.ceil(hi / step) * step;
    } else if (step < 0) {
      lo = Math.ceil(lo * step) / step;
      hi = Math.floor(hi * step) / step;
    } else break;
    previous = step;
  }
  return [lo, hi];
}

/** Digits after the point a label needs at this tick step (d3's `precisionFixed`). */
export function precisionFixed(step: number): number {
  // d3 finds no exponent for a step of 0 (a domain of one value), and its format keeps its default six digits.
  if (!(step > 0) || !Number.isFinite(step)) return 6;
  const exponent = Math.floor(Math.log10(Math.abs(step)) + 1e-9);
  return Math.max(0, -exponent);
}

const GROUPED = new Map<number, Intl.NumberFormat>();

/** Formats like d3's `,.Nf`: thousands separated by commas, N decimals, a minus sign (U+2212) as d3 writes it. */
export function fixed(value: number, digits: number): string {
  let format = GROUPED.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
    GROUPED.set(digits, format);
  }
  const text = format.format(value);
  return text.startsWith('-') ? (/^-0(\.0*)?$/.test(text) ? text.slice(1) : `\u2212${text.slice(1)}`) : text;
}

/** A linear axis's labels: d3's default tick format for these ticks (Vega's when no format is given). */
export function linearTickFormat(step: number): (value: number) => string {
  const digits = precisionFixed(step);
  return (value) => fixed(value, digits);
}

/** Vega-Lite's `format: '~d'`: integers, no separators, trailing zeros trimmed (an integer axis). */
export function integerFormat(value: number): string {
  const rounded = Math.round(value);
  return rounded < 0 ? `\u2212${-rounded}` : String(rounded);
}

/** A continuous scale: a value's position, and the ticks an axis draws. */
export interface ContinuousScale {
  readonly kind: 'linear' | 'log';
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  (value: number): number;
  /** Tick values for about `count` ticks, and their labels. */
  ticks(count: number, options?: { integer?: boolean }): { values: number[]; format: (value: number) => string };
}

/** Options of `linearScale`. */
export interface LinearOptions {
  /** Include 0 in the domain (Vega-Lite's default for bars, off for lines and `zero: false`). */
  zero?: boolean;
  /** Round the domain out to tick values (Vega-Lite's default for x and y). */
  nice?: boolean;
  /** Smallest step between ticks (`tickMinStep`: 1 for counts such as epochs). */
  minStep?: number;
}

/**
 * A linear scale over the data's extent: [min, max] of `values` (and 0 with `zero`), made nice, mapped
 * onto `range` (for y: [height, 0]); a domain of one value maps to the middle of the range, as d3's does.
 */
export function linearScale(values: readonly number[], range: readonly [number, number], options: LinearOptions = {}): ContinuousScale {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = finite.length === 0 ? 0 : Math.min(...finite);
  let hi = finite.length === 0 ? 1 : Math.max(...finite);
  if (options.zero === true) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (options.nice !== false) [lo, hi] = niceDomain(lo, hi);
  return linearOver([lo, hi], range, options.minStep);
}

/**
 * Vega's tick count under `tickMinStep`: no more ticks than steps of `minStep` fit, then fewer until
 * d3's step is at least `minStep` (d3's steps grow as the count shrinks).
 */
export function minStepCount(lo: number, hi: number, count: number, minStep: number): number {
  let wanted = Math.min(count, Math.floor((hi - lo) / minStep || 1) + 1);
  if (lo < hi) while (wanted > 1 && tickStep(lo, hi, wanted) < minStep) --wanted;
  return wanted;
}

/** A linear scale over a given domain. */
export function linearOver(domain: readonly [number, number], range: readonly [number, number], minStep?: number): ContinuousScale {
  const [lo, hi] = domain;
  const [r0, r1] = range;
  const span = hi - lo;
  // d3's arithmetic (normalize, then interpolate), so positions agree with Vega's to the last bit:
  // Vega bounds a text 6.000000000000004 px above the plot one pixel taller than 6 px.
  const scale = ((value: number) => {
    if (span === 0) return (r0 + r1) / 2;
    const t = (value - lo) / span;
    return r0 * (1 - t) + r1 * t;
  }) as ContinuousScale;
  Object.assign(scale, {
    kind: 'linear',
    domain: [lo, hi] as const,
    range: [r0, r1] as const,
    ticks(count: number, options: { integer?: boolean } = {}) {
      const wanted = minStep === undefined ? count : minStepCount(lo, hi, count, minStep);
      const values = ticks(lo, hi, Math.max(1, wanted));
      const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : tickStep(lo, hi, Math.max(1, wanted));
      return { values, format: options.integer === true ? integerFormat : linearTickFormat(step) };
    },
  });
  return scale;
}

/**
 * Places of categories along an axis: Vega-Lite's point scale (`padding` 0.5: each category in the
 * middle of its step) or band scale (a bar of `step × (1 − paddingInner)`), `step` pixels each.
 */
export interface BandScale {
  /** Centre of the category's step (undefined for a category not in the domain). */
  center(category: string): number | undefined;
  /** Top (or left) edge of the category's band. */
  start(category: string): number | undefined;
  /** Width of a band. */
  readonly bandwidth: number;
  readonly domain: readonly string[];
  /** The whole axis length. */
  readonly length: number;
}

/** A band scale of `step` pixels per category: bands of `step × (1 − paddingInner)`, outer padding `paddingOuter × step` at each end. */
export function bandScale(
  domain: readonly string[],
  step: number,
  options: { paddingInner?: number; paddingOuter?: number } = {},
): BandScale {
  const inner = options.paddingInner ?? 0.1;
  const outer = options.paddingOuter ?? inner / 2;
  const index = new Map<string, number>();
  domain.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  const n = domain.length;
  const length = step * (n - inner + 2 * outer);
  const bandwidth = step * (1 - inner);
  const startOf = (i: number): number => step * (outer + i);
  return {
    center: (c) => (index.has(c) ? startOf(index.get(c) as number) + bandwidth / 2 : undefined),
    start: (c) => (index.has(c) ? startOf(index.get(c) as number) : undefined),
    bandwidth,
    domain,
    length,
  };
}

/** Vega-Lite's point scale with `padding` 0.5: category i at `step × (i + 0.5)`, the axis `step × n` long. */
export function pointScale(domain: readonly string[], step: number): BandScale {
  return bandScale(domain, step, { paddingInner: 1, paddingOuter: 0.5 });
}

/** Distinct values in order of first appearance. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Distinct values sorted as Vega sorts a nominal domain (ascending, by code unit). */
export function sortedDomain(values: readonly string[]): string[] {
  return distinct(values).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
