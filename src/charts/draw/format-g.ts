/**
 * d3-format's `g` with trailing zeros trimmed (`~g`), as Vega writes axis labels given that format:
 * over a linear scale with the precision its tick step needs (vega-format's `formatSpan`), over a
 * log scale with twelve significant digits (its `formatFloat`).
 */
import { tickStep } from './scale.ts';

/** d3-format's `formatTrim`: insignificant trailing zeros (and a bare point) removed, an exponent kept. */
function trimZeros(text: string): string {
  let i0 = -1;
  let i1 = -1;
  for (let i = 1; i < text.length; ++i) {
    const c = text[i] as string;
    if (c === '.') i0 = i1 = i;
    else if (c === '0') {
      if (i0 === 0) i0 = i;
      i1 = i;
    } else if (c >= '1' && c <= '9') {
      if (i0 > 0) i0 = 0;
    } else break;
  }
  return i0 > 0 ? text.slice(0, i0) + text.slice(i1 + 1) : text;
}

/** `value` as d3's `.<precision>~g`: `toPrecision`, trimmed, a minus sign (U+2212) for negatives that do not round to zero. */
export function formatG(value: number, precision: number): string {
  const p = Math.max(1, Math.min(21, precision));
  const text = trimZeros(Math.abs(value).toPrecision(p));
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** d3-format's exponent of a number's decimal form (NaN for 0 and non-finite numbers, as d3's). */
function exponent(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return Number.NaN;
  const text = Math.abs(value).toExponential();
  return Number(text.slice(text.indexOf('e') + 1));
}

/** d3-format's `precisionRound`: significant digits that tell values `step` apart up to `max`. */
export function precisionRound(step: number, max: number): number {
  const s = Math.abs(step);
  return Math.max(0, exponent(Math.abs(max) - s) - exponent(s)) + 1;
}

/** Labels of a linear axis over [lo, hi] with about `count` ticks and format `~g` (vega-format's `formatSpan`). */
export function spanFormatG(lo: number, hi: number, count: number): (value: number) => string {
  const precision = precisionRound(tickStep(lo, hi, count), Math.max(Math.abs(lo), Math.abs(hi)));
  return (value) => formatG(value, Number.isNaN(precision) ? 6 : precision);
}

/** Labels of a log axis with format `~g` (vega-format's `formatFloat`: twelve significant digits, trimmed). */
export function formatFloat(): (value: number) => string {
  return (value) => formatG(value, 12);
}
