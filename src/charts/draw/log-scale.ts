/**
 * A base-10 log scale as Vega draws one on an axis with its default tick count (10): the domain
 * widened to powers of ten, d3's log ticks (1–9 × 10ⁿ while the domain spans fewer decades than the
 * count), and labels only on the ticks d3's log format keeps (`tickLog` in vega-scale), written
 * with Vega's variable-precision format for `~g`. The other ticks keep their grid line and tick.
 */
import { ticks, type ContinuousScale } from './scale.ts';
import { formatFloat } from './format-g.ts';

/** 10ⁿ exactly as d3 writes it (`+"1e-5"`, not `10 ** -5`). */
function pow10(exponent: number): number {
  return Number(`1e${exponent}`);
}

/** d3's log ticks over [lo, hi] (0 < lo ≤ hi) for about `count` ticks. */
export function logTicks(lo: number, hi: number, count: number): number[] {
  const i0 = Math.log10(lo);
  const j0 = Math.log10(hi);
  if (j0 - i0 < count) {
    const out: number[] = [];
    for (let i = Math.floor(i0); i <= Math.ceil(j0); ++i) {
      for (let k = 1; k < 10; ++k) {
        const t = i < 0 ? k / pow10(-i) : k * pow10(i);
        if (t < lo) continue;
        if (t > hi) break;
        out.push(t);
      }
    }
    return out.length * 2 < count ? ticks(lo, hi, count) : out;
  }
  return ticks(i0, j0, Math.min(j0 - i0, count)).map(pow10);
}

/** Whether Vega labels the tick `value` of a log axis with `tickCount` ticks (`all`: the ticks it draws). */
export function isLabelledLogTick(value: number, all: readonly number[], tickCount: number): boolean {
  const k = Math.max(1, (10 * tickCount) / all.length);
  let i = value / pow10(Math.round(Math.log10(value)));
  if (i * 10 < 10 - 0.5) i *= 10;
  return i <= k;
}

/**
 * A log scale over the positive values' extent mapped onto `range`: its `ticks(count)` are d3's, and
 * their format gives the unlabelled ones empty text (an axis draws no label for them).
 */
export function vegaLogScale(values: readonly number[], range: readonly [number, number]): ContinuousScale {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  const lo = pow10(Math.floor(Math.log10(Math.min(...positive))));
  const hi = pow10(Math.ceil(Math.log10(Math.max(...positive))));
  const [r0, r1] = range;
  const l0 = Math.log(lo);
  const span = Math.log(hi) - l0;
  const scale = ((value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((Math.log(value) - l0) / span) * (r1 - r0))) as ContinuousScale;
  const format = formatFloat();
  Object.assign(scale, {
    kind: 'log',
    domain: [lo, hi] as const,
    range: [r0, r1] as const,
    ticks(count: number) {
      const all = logTicks(lo, hi, count);
      return { values: all, format: (value: number) => (isLabelledLogTick(value, all, count) ? format(value) : '') };
    },
  });
  return scale;
}
