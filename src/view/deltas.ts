import type { Cell } from './blocks.ts';
import type { DeltaView, FairnessView } from './analysis-types.ts';
import { deltaDecimals, formatRatio, formatRelative, formatSigned } from './format.ts';

/** Whether a metric's values are in percent (so changes are in percentage points). */
export function isPercentUnit(unit: string | null | undefined, metric: string): boolean {
  return unit === '%' || /\(%\)|%$/.test(metric);
}

/** The absolute change with its sign and unit: `+0.018`, `−3 ms`, `+1.2 pp`. */
export function absoluteCell(d: DeltaView): Cell {
  const decimals = deltaDecimals([d.current, d.reference]);
  const percent = isPercentUnit(d.unit, d.metric);
  const unit = percent ? 'pp' : d.unit && d.unit !== '%' ? d.unit : '';
  return {
    text: formatSigned(d.absolute, decimals, unit),
    numeric: true,
    tone: toneOf(d),
    title: percent ? 'Absolute change in percentage points' : 'Absolute change (current − reference)',
  };
}

/** The relative change as a percentage of the reference value. */
export function relativeCell(d: DeltaView): Cell {
  if (d.relative === null) {
    return { text: 'n/a', numeric: true, title: 'Relative change is undefined: the reference value is 0' };
  }
  return {
    text: formatRelative(d.relative),
    numeric: true,
    tone: toneOf(d),
    title: 'Relative change: (current − reference) / |reference|',
  };
}

/** The 95% interval of the difference, and whether it excludes zero. */
export function intervalCell(d: DeltaView): Cell {
  if (d.ciLow === null || d.ciHigh === null) return { text: 'unknown', title: 'No CIs or test-set sizes to estimate one' };
  const decimals = deltaDecimals([d.current, d.reference]) + 1;
  const text = `[${formatSigned(d.ciLow, decimals)}, ${formatSigned(d.ciHigh, decimals)}]`;
  const how =
    d.method === 'two-proportion'
      ? 'two-proportion normal approximation'
      : d.method === 'ci'
        ? 'from both 95% CIs, √(a² + b²)'
        : (d.method ?? '');
  return { text, numeric: true, title: [how, d.assumption].filter(Boolean).join('. ') };
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
    return { text: `${word} (no interval)`, tone: d.improved ? 'good' : 'bad', title: 'No interval could be computed' };
  return { text: word, tone: d.improved ? 'good' : 'bad', title: 'The 95% interval of the difference excludes 0' };
}

function toneOf(d: DeltaView): Cell['tone'] {
  if (d.improved === null || d.absolute === 0) return 'neutral';
  if (d.significant === false) return 'neutral';
  return d.improved ? 'good' : 'bad';
}

/** Short edge label for lineage: `F1 Score +0.016`. */
export function edgeCell(d: DeltaView | undefined): Cell | undefined {
  if (!d) return undefined;
  const abs = absoluteCell(d);
  return { ...abs, text: `${d.metric} ${abs.text}` };
}

/** The gap between groups, with the ratio and the heuristic flag. */
export function fairnessCells(f: FairnessView): {
  difference: Cell;
  ratio: Cell;
  toOverall: Cell;
  ratioToOverall: Cell;
  flag: Cell;
  interval: Cell;
} {
  const decimals = deltaDecimals([f.min?.value, f.max?.value]);
  const percent = isPercentUnit(null, f.metric);
  const unit = percent ? 'pp' : '';
  const interval =
    f.ciLow === null || f.ciHigh === null
      ? { text: 'unknown', title: 'Group sizes not given' }
      : {
          text: `[${formatSigned(f.ciLow, decimals + 1)}, ${formatSigned(f.ciHigh, decimals + 1)}]`,
          numeric: true,
          title: 'Two-proportion 95% interval of the gap between the two extreme groups',
        };
  return {
    difference: { text: formatSigned(f.difference, decimals, unit).replace(/^\+/, ''), numeric: true, title: 'max − min over groups' },
    ratio: {
      text: formatRatio(f.ratio),
      numeric: true,
      tone: f.flagged ? 'bad' : 'neutral',
      title: f.ratio === null ? 'Undefined: the largest value is 0' : 'min / max over groups',
    },
    toOverall: {
      text: f.differenceToOverall === null ? '—' : formatSigned(f.differenceToOverall, decimals, unit).replace(/^\+/, ''),
      numeric: true,
      title: 'max |group − overall|',
    },
    ratioToOverall: {
      text: f.ratioToOverall === null ? '—' : formatRatio(f.ratioToOverall),
      numeric: true,
      title: 'min over groups of group/overall (or overall/group when above overall)',
    },
    flag: f.flagged
      ? { text: `below ${f.threshold ?? 0.8} (four-fifths heuristic)`, tone: 'bad' }
      : { text: 'ok', tone: 'neutral', title: `Ratio at or above ${f.threshold ?? 0.8}, the four-fifths heuristic` },
    interval,
  };
}
