import { nameInUnit } from '../analysis/metrics.ts';
import type { Cell } from './blocks.ts';
import type { DeltaView, FairnessView, NotComparedView } from './analysis-types.ts';
import {
  decimalsOf,
  formatCount,
  formatPercent,
  formatPoints,
  formatRatio,
  formatRelative,
  formatSigned,
  formatValue,
  percentDecimals,
} from './format.ts';

/** Decimal places a change is shown with: those of the values, in percent for fractions. */
function changePlaces(d: Pick<DeltaView, 'fraction' | 'decimals'>): number {
  return d.fraction ? percentDecimals(d.decimals) : Math.min(6, d.decimals);
}

/**
 * The metric a change is of, named in the unit its values are shown in: `p99 latency (s)` against a
 * baseline in ms is compared in ms, so its row reads `p99 latency (ms)` (`nameInUnit`).
 */
export function deltaMetricCell(d: Pick<DeltaView, 'metric' | 'unit'>): Cell {
  return { text: nameInUnit(d.metric, [d.unit]) };
}

/** A value of a delta by the display rule: a fraction in percent, anything else in its unit. */
export function deltaValueCell(d: DeltaView, value: number | null): Cell {
  if (value === null) return { text: '—', numeric: true };
  const places = changePlaces(d);
  const text = d.fraction ? formatPercent(value, places) : `${formatValue(value, places)}${d.unit ? ` ${d.unit}` : ''}`;
  return { text, numeric: true };
}

/** A change with its sign: percentage points for fractions, else the metric's unit. */
function signedChange(d: Pick<DeltaView, 'fraction' | 'decimals' | 'unit'>, value: number, extraPlaces = 0): string {
  const places = changePlaces(d) + extraPlaces;
  return d.fraction
    ? formatPoints(value, places)
    : formatSigned(value, places, d.unit && d.unit !== '%' ? d.unit : d.unit === '%' ? 'pp' : '');
}

/** The absolute change with its sign and unit: `+1.8 pp`, `−3 ms`, `+0.018` (the column's header says what it is). */
export function absoluteCell(d: DeltaView): Cell {
  return {
    text: d.absolute === null ? '—' : signedChange(d, d.absolute),
    numeric: true,
    tone: toneOf(d),
  };
}

/** The relative change as a percentage of the reference value. */
export function relativeCell(d: DeltaView): Cell {
  if (d.relative === null) {
    return { text: 'n/a', numeric: true, title: 'Relative change is undefined: the reference value is 0' };
  }
  // The column's header says how it is computed.
  return { text: formatRelative(d.relative), numeric: true, tone: toneOf(d) };
}

const METHODS: Readonly<Record<string, string>> = {
  ci: 'from both reported 95% CIs (√(a² + b²) when symmetric)',
  'two-proportion': "Newcombe's hybrid score interval (Wilson intervals of both proportions)",
  'ci-and-score': 'from one side’s reported 95% CI and the other’s Wilson score interval',
  'one-side': 'from one side’s interval alone: the other has no uncertainty to combine',
};

/** The 95% interval of the difference, and whether it excludes zero; when there is none, why. */
export function intervalCell(d: DeltaView): Cell {
  if (d.ciLow === null || d.ciHigh === null)
    return { text: 'unknown', title: d.intervalReason ?? 'No CIs or test-set sizes to estimate one' };
  const places = changePlaces(d) + 1;
  const scale = d.fraction ? 100 : 1;
  const unit = d.fraction || d.unit === '%' ? ' pp' : d.unit ? ` ${d.unit}` : '';
  const text = `[${formatSigned(d.ciLow * scale, places)}, ${formatSigned(d.ciHigh * scale, places)}]${unit}`;
  return { text, numeric: true, title: sentences([METHODS[d.method ?? ''] ?? d.method ?? '', d.assumption ?? '']) };
}

/** Parts joined as sentences: each starts with a capital and ends with a full stop. */
function sentences(parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}${/[.!?]$/.test(part) ? '' : '.'}`)
    .join(' ');
}

/** The verdict: better, worse, no change, or no verdict; never "better" without saying when it is within noise. */
export function verdictCell(d: DeltaView): Cell {
  if (d.improved === null || d.betterDirection === null)
    return { text: 'no verdict', tone: 'neutral', title: 'Direction of this metric is unknown' };
  if (d.absolute === 0) return { text: 'no change', tone: 'neutral' };
  const word = d.improved ? 'better' : 'worse';
  if (d.significant === false)
    return { text: `${word}, within noise`, tone: 'neutral', title: 'The 95% interval of the difference includes 0' };
  if (d.significant === null)
    return { text: `${word} (no interval)`, tone: d.improved ? 'good' : 'bad', title: d.intervalReason ?? 'No interval could be computed' };
  return { text: word, tone: d.improved ? 'good' : 'bad', title: 'The 95% interval of the difference excludes 0' };
}

function toneOf(d: DeltaView): Cell['tone'] {
  if (d.improved === null || d.absolute === 0) return 'neutral';
  if (d.significant === false) return 'neutral';
  return d.improved ? 'good' : 'bad';
}

/** A pair that could not be put on one scale: its values as written, no change, and the reason in place of a verdict. */
export function notComparedCells(n: NotComparedView): { current: Cell; reference: Cell; verdict: Cell } {
  const asWritten = (value: number, unit: string | null): Cell => ({
    text: `${formatValue(value)}${unit === null ? '' : unit === '%' ? '%' : ` ${unit}`}`,
    numeric: true,
  });
  return {
    current: asWritten(n.current, n.currentUnit),
    reference: asWritten(n.reference, n.referenceUnit),
    verdict: {
      text: `not compared: ${n.reason}`,
      tone: 'warn',
      title: 'The two values cannot be put on one scale, so no change is computed',
    },
  };
}

/** Short edge label for lineage: `F1 Score +1.6 pp`. */
export function edgeCell(d: DeltaView | undefined): Cell | undefined {
  if (!d) return undefined;
  const abs = absoluteCell(d);
  return { ...abs, text: `${deltaMetricCell(d).text} ${abs.text}` };
}

/**
 * Decimals beyond the groups' that a difference to the overall value needs: the overall value may be
 * written more precisely than the groups (0.533 against 0.60 and 0.45: 8.3 pp, not 8 pp). At most two
 * more; floating-point noise (0.08300000000000002) is not precision.
 */
function overallExtra(difference: number, written: number): number {
  return Math.min(2, Math.max(0, decimalsOf(Number(difference.toPrecision(12))) - written));
}

/** The gap between groups, with the ratio, its interval, and the flag with its rule and reason. */
export function fairnessCells(f: FairnessView): {
  worst: Cell;
  best: Cell;
  difference: Cell;
  ratio: Cell;
  toOverall: Cell;
  ratioToOverall: Cell;
  flag: Cell;
  interval: Cell;
} {
  // The places the groups were written with: 89.0% is the number 89, but shown as 89.0%.
  const written = Math.max(...[f.min, f.max].map((g) => (g === null ? 0 : (g.decimals ?? decimalsOf(g.value)))));
  const places = f.fraction ? percentDecimals(written) : Math.min(6, written);
  const value = (v: number): string => (f.fraction ? formatPercent(v, places) : formatValue(v, places));
  const gap = (v: number, extra = 0): string =>
    (f.fraction ? formatPoints(v, places + extra) : formatSigned(v, places + extra, f.unit === '%' ? 'pp' : (f.unit ?? ''))).replace(
      /^\+/,
      '',
    );
  const worst = f.betterDirection === 'lower' ? f.max : f.min;
  const best = f.betterDirection === 'lower' ? f.min : f.max;
  const group = (g: FairnessView['min']): Cell => ({
    text: g ? `${g.group} (${value(g.value)}${g.n === null || g.n === undefined ? '' : `, n = ${formatCount(g.n)}`})` : '—',
  });
  const unit = f.fraction || f.unit === '%' ? ' pp' : f.unit ? ` ${f.unit}` : '';
  const scale = f.fraction ? 100 : 1;
  const interval: Cell =
    f.ciLow === null || f.ciHigh === null
      ? { text: 'unknown', title: f.intervalReason ?? 'Group sizes not given' }
      : {
          text: `[${formatSigned(f.ciLow * scale, places + 1)}, ${formatSigned(f.ciHigh * scale, places + 1)}]${unit}`,
          numeric: true,
          title:
            "Newcombe's hybrid score 95% interval of the gap between the two extreme groups (Wilson interval of each over its denominator)",
        };
  const rule =
    f.flagRule === 'four-fifths'
      ? 'the four-fifths rule (selection rates)'
      : f.flagRule === 'difference'
        ? `a gap of at least ${formatValue((f.differenceThreshold ?? 0.05) * 100)} pp whose 95% interval excludes 0`
        : 'none applies to this metric';
  return {
    worst: group(worst),
    best: group(best),
    difference: { text: f.difference === null ? '—' : gap(f.difference), numeric: true, title: 'max − min over groups' },
    ratio: {
      text: formatRatio(f.ratio),
      numeric: true,
      tone: f.flagged && f.flagRule === 'four-fifths' ? 'bad' : 'neutral',
      title: f.ratio === null ? 'Undefined: the largest value is 0' : 'min / max over groups',
    },
    toOverall: {
      text: f.differenceToOverall === null ? '—' : gap(f.differenceToOverall, overallExtra(f.differenceToOverall, written)),
      numeric: true,
      title: 'max |group − overall|',
    },
    ratioToOverall: {
      text: f.ratioToOverall === null ? '—' : formatRatio(f.ratioToOverall),
      numeric: true,
      title: 'min over groups of group/overall (or overall/group when above overall)',
    },
    flag: { text: f.flagReason, tone: f.flagged ? 'bad' : 'neutral', title: `Rule: ${rule}` },
    interval,
  };
}
