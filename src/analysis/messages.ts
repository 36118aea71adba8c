import type { HistoryAxis } from './history-axis.ts';
import type { ClaimUnit } from './claims.ts';
import { decimalsOf } from './stats.ts';
/**
 * Every message and hint of the consistency checks, as functions, so tests can assert exact text.
 *
 * Messages are diagnostics, not display: numbers are rendered plainly by `show()` (as stored, or to
 * four significant digits for computed values) so a reader can redo the arithmetic.
 */

/** A number as plain text: integers and stored values as they are, computed values to 4 significant digits. */
export function show(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

/** A signed change: "+0.018", "-3". */
export function showSigned(x: number): string {
  return x > 0 ? `+${show(x)}` : show(x);
}

/** A fraction in percent for a message: 0.87 → "87%". */
export function showPercent(fraction: number): string {
  return `${show(fraction * 100)}%`;
}

/** A change of fractions in percentage points: 0.02 → "+2 pp". */
function showPoints(change: number): string {
  return `${showSigned(change * 100)} pp`;
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

export const message = {
  metricMismatch: (metric: string, reported: number, derived: number, formula: string, source: string, unit = ''): string =>
    `${metric} is reported as ${show(reported)}${unit}, but the ${source} gives ${show(derived)}${unit} (${formula}).`,
  metricMismatchHint: (): string => 'Check that the metrics and the confusion matrix come from the same evaluation run.',
  f1Mismatch: (where: string, f1: number, precision: number, recall: number, derived: number): string =>
    `${where} F1 is ${show(f1)}, but precision ${show(precision)} and recall ${show(recall)} give F1 = 2PR / (P + R) = ${show(derived)}.`,
  matrixEmpty: (): string => 'The confusion matrix contains no counts.',
  positiveLabelUnknown: (label: string, labels: readonly string[]): string =>
    `Positive label "${label}" is not one of the confusion-matrix labels (${list(labels)}); the second label is used.`,
  testSizeMismatch: (sizes: ReadonlyArray<{ n: number; source: string }>): string =>
    `The test set size differs between places: ${list(sizes.map((s) => `${s.n} (${s.source})`))}.`,
  splitFractionSum: (total: number, fractions: readonly number[]): string =>
    `Split fractions add up to ${show(total)} (${list(fractions.map(show))}), not 1.`,
  splitRecordSum: (total: number, records: readonly number[], datasetRecords: number): string =>
    `Split record counts add up to ${show(total)} (${list(records.map(show))}), but the dataset has ${show(datasetRecords)} records.`,
  splitFractionRecords: (split: string, fraction: number, datasetRecords: number, records: number): string =>
    `Split "${split}" is ${show(fraction)} of ${show(datasetRecords)} records = ${show(fraction * datasetRecords)}, but it is said to have ${show(records)} records.`,
  groupSizeSum: (attribute: string, total: number, sizes: readonly number[], expected: number, expectedSource: string): string =>
    `Group sizes for ${attribute} add up to ${show(total)} (${list(sizes.map(show))}), but the ${expectedSource} is ${show(expected)}.`,
  groupOverallMean: (metric: string, attribute: string, weighted: number, overall: number): string =>
    `The size-weighted mean of ${metric} over the ${attribute} groups is ${show(weighted)}, but the Overall row says ${show(overall)}.`,
  statedFairness: (metric: string, stated: number, attribute: string, computed: number, form: 'difference' | 'ratio'): string =>
    `${metric} is stated as ${show(stated)}, but the ${attribute === 'group' ? '' : `${attribute} `}groups' rates give ${show(computed)} (${form === 'difference' ? 'the highest rate less the lowest' : 'the lowest rate over the highest'}).`,
  statedGap: (label: string, metric: string, stated: number, attribute: string, computed: number, form: 'difference' | 'ratio'): string =>
    `The "${label}" row gives ${metric} as ${show(stated)}, but the ${attribute === 'group' ? '' : `${attribute} `}groups above it give ${show(computed)} (${form === 'difference' ? 'the highest less the lowest' : 'the lowest over the highest'}).`,
  overallVsTest: (metric: string, overall: number, test: number): string =>
    `${metric} is ${show(overall)} in the Overall row of the disaggregated table but ${show(test)} in the test metrics.`,
  /** What a claim written as before → after is compared to when no baseline row holds the value before. */
  valueBefore: (written: string): string => `the value before (${written})`,
  currentRowVsTest: (metric: string, row: number, test: number): string =>
    `${metric} is ${show(row)} in the current row of the baseline table but ${show(test)} in the test metrics.`,
  computeMismatch: (gpuHours: number, gpuCount: number, durationHours: number): string =>
    `GPU-hours are ${show(gpuHours)}, but ${show(gpuCount)} GPUs × ${show(durationHours)} hours = ${show(gpuCount * durationHours)}.`,
  bestEpochValue: (epoch: number, metric: string, best: number, history: number, axis: HistoryAxis = 'epoch'): string =>
    `The best model (${axis} ${show(epoch)}) has ${metric} ${show(best)}, but the training history row of ${axis} ${show(epoch)} says ${show(history)}.`,
  bestEpochNotBest: (
    epoch: number,
    metric: string,
    best: number,
    betterEpoch: number,
    betterValue: number,
    direction: string,
    axis: HistoryAxis = 'epoch',
  ): string =>
    `The best model (${axis} ${show(epoch)}) is chosen by ${metric} (${direction} is better) with ${show(best)}, but ${axis} ${show(betterEpoch)} has ${show(betterValue)}.`,
  bestEpochDominated: (epoch: number, betterEpoch: number, metrics: readonly string[], axis: HistoryAxis = 'epoch'): string =>
    `The best model (${axis} ${show(epoch)}) is worse than ${axis} ${show(betterEpoch)} on every metric it reports (${list(metrics)}).`,
  bestEpochBeyondTraining: (epoch: number, epochs: number): string =>
    `The best model is at epoch ${show(epoch)}, but training is configured for ${show(epochs)} epochs.`,
  earlyStopping: (bestEpoch: number, patience: number, lastEpoch: number): string =>
    `With early stopping (patience ${show(patience)}) and the best model at epoch ${show(bestEpoch)}, training should have stopped by epoch ${show(bestEpoch + patience)}, but the history reaches epoch ${show(lastEpoch)}.`,
  earlyStoppingHint: (): string => 'This is expected only if early stopping monitored a different metric than the best-model selection.',
  historyOrder: (previous: number, next: number, axis: HistoryAxis = 'epoch'): string =>
    `The training history is not in ${axis} order: ${axis} ${show(next)} follows ${axis} ${show(previous)}.`,
  checkpointEpoch: (artifact: string, checkpointEpoch: number, bestEpoch: number): string =>
    `Artifact "${artifact}" is a checkpoint of epoch ${show(checkpointEpoch)}, but the best model is at epoch ${show(bestEpoch)}.`,
  claimMismatch: (
    text: string,
    d: { metric: string; reference: number; current: number; absolute: number; relative: number | null; fraction: boolean },
    baseline: string,
  ): string =>
    `Claim "${text}" does not match the numbers: ${d.metric} went from ${d.fraction ? showPercent(d.reference) : show(d.reference)} (${baseline}) to ${
      d.fraction ? showPercent(d.current) : show(d.current)
    }, a change of ${d.fraction ? showPoints(d.absolute) : showSigned(d.absolute)}` +
    (d.relative === null ? '.' : ` (${showSigned(d.relative * 100)}% relative).`),
  claimMismatchHint: (unit: ClaimUnit | null = '%'): string =>
    unit === '%'
      ? 'A "%" claim is accepted as a relative change or as percentage points; give the change as the table implies it.'
      : unit === 'pp'
        ? 'A claim in points is the difference of the two percentages; give the change the table implies, or correct the values it compares.'
        : "Give the change the table implies (this run's value minus the other's), or correct the values it compares.",
  claimRatio: (text: string): string => `Claim "${text}" is a ratio; ratios are not checked.`,
  claimNotCompared: (text: string, reason: string): string =>
    `Claim "${text}" cannot be checked: the values are not comparable (${reason}).`,
  claimNoBaseline: (text: string, reference: string | null): string =>
    reference === null
      ? `Claim "${text}" does not say what it is compared to, and there is no single baseline to check it against.`
      : `Claim "${text}" refers to "${reference}", which matches no row of the baseline table.`,
  claimNoMetric: (text: string, metric: string, baseline: string): string =>
    `Claim "${text}" cannot be checked: the baseline table has no ${metric} value for both ${baseline} and the current experiment.`,
  claimNoNumber: (text: string): string => `Claim "${text}" states no change that can be checked.`,
  gapNotAProportion: (metric: string): string => `${metric} is not a proportion of counts, so its gap has no interval`,
  gapNoSizes: (a: string, b: string): string => `the sizes of "${a}" and "${b}" do not give an interval`,
  gapAssumption: (a: string, na: number, ofA: string, b: string, nb: number, ofB: string): string =>
    `${a} and ${b} treated as independent samples: n = ${na} (${ofA}) and n = ${nb} (${ofB}).`,
  flagNoDirection: (metric: string): string => `Not flagged: which way ${metric} is better is not known.`,
  flagNoRule: (metric: string): string =>
    `Not flagged: ${metric} is not a proportion of counts, so its gap cannot be told from noise (the four-fifths rule is for selection rates only).`,
  flagSmallGroups: (groups: ReadonlyArray<{ group: string; n: number }>, min: number): string =>
    `Not flagged: ${list(groups.map((g) => `${g.group} (n = ${g.n})`))} ${groups.length === 1 ? 'is' : 'are'} below the minimum group size of ${min}.`,
  flagAmongSized: (small: ReadonlyArray<{ group: string; n: number }>, min: number, high: string, low: string, reason: string): string =>
    `${list(small.map((g) => `${g.group} (n = ${g.n})`))} ${small.length === 1 ? 'is' : 'are'} below the minimum group size of ${min}; among the groups of that size or more, ${high} against ${low}: ${reason}`,
  flagPastNoisyExtremes: (maxGroup: string, minGroup: string, high: string, low: string, reason: string): string =>
    `${maxGroup} against ${minGroup} (the extreme groups) cannot be told from noise, but ${high} against ${low}: ${reason}`,
  ciSetAside: (ci: number | { low: number; high: number }): string =>
    `its 95% CI ${typeof ci === 'number' ? `±${ci}` : `[${ci.low}, ${ci.high}]`} may be percentage points or a fraction, so it is not used: see the report checks`,
  flagNearZero: (floor: number): string =>
    `Not flagged: the rates are near 0 (the larger is below ${showPercent(floor)}), so their ratio is near 0/0.`,
  flagRatioOk: (ratio: number, threshold: number): string =>
    `Ratio ${ratio.toFixed(3)} is at or above ${show(threshold)} (four-fifths rule).`,
  flagRatioNoise: (ratio: number, threshold: number): string =>
    `Not flagged: the ratio ${ratio.toFixed(3)} is below ${show(threshold)}, but the 95% interval of the gap includes 0.`,
  flagRatio: (ratio: number, threshold: number, tested: boolean): string =>
    `Ratio ${ratio.toFixed(3)} is below ${show(threshold)} (four-fifths rule, a heuristic)${tested ? ', and the 95% interval of the gap excludes 0' : '; group sizes are not given, so the gap is not tested against noise'}.`,
  flagNoInterval: (reason: string): string => `Not flagged: the gap has no 95% interval (${reason}), so it cannot be told from noise.`,
  flagSmallGap: (difference: number, threshold: number): string =>
    `The gap of ${show(difference * 100)} pp is below ${show(threshold * 100)} pp.`,
  flagGapNoise: (difference: number): string =>
    `Not flagged: the gap of ${show(difference * 100)} pp is within noise (its 95% interval includes 0).`,
  flagGap: (difference: number, threshold: number, interval: { low: number; high: number }): string =>
    `The gap of ${show(difference * 100)} pp is at least ${show(threshold * 100)} pp, and its 95% interval [${(interval.low * 100).toFixed(1)}, ${(interval.high * 100).toFixed(1)}] pp excludes 0.`,
  danglingParent: (parent: string): string => `Parent experiment "${parent}" is not among the records.`,
  danglingRelated: (related: string): string => `Related experiment "${related}" is not among the records.`,
  danglingBaseline: (label: string, id: string): string =>
    `Baseline "${label}" refers to experiment "${id}", which is not among the records.`,
  parentDatasetDiffers: (parent: string, theirs: string, mine: string): string =>
    `The parent ${parent} was evaluated on ${theirs}, this experiment on ${mine}: a change against the parent mixes the model's effect with the data's.`,
  lineageCycle: (cycle: readonly string[]): string => `The parent chain loops: ${[...cycle, cycle[0] ?? ''].join(' → ')}.`,
  placeholders: (paths: readonly string[]): string =>
    `${paths.length} field${paths.length === 1 ? ' is' : 's are'} still unfilled template placeholders: ${list(paths)}.`,
  ciExcludesValue: (metric: string, value: number, low: number, high: number): string =>
    `The 95% CI of ${metric} [${show(low)}, ${show(high)}] does not contain its value ${show(value)}.`,
  /** `sizeHelps`: the metric is a proportion of counts whose count is not given (giving it settles the reading). */
  ciDoubtfulScale: (metric: string, value: number, halfWidth: number, sizeHelps = true): string => {
    // At most 12 places: a half-width of 5e-324 has 324, more than any reader (or `toFixed`) takes.
    const places = Math.min(12, Math.max(decimalsOf(value), decimalsOf(halfWidth)));
    // No "-0.00": a bound that rounds to 0 is 0.
    const fixed = (x: number): string => x.toFixed(places).replace(/^-(?=0\.?0*$)/, '');
    const bounds = `${fixed(value - halfWidth)}–${fixed(value + halfWidth)}%`;
    return `The 95% CI of ${metric} is ±${show(halfWidth)} beside its value ${show(value)}%: read as ±${show(halfWidth)} percentage points, an interval few test sets are large enough for, so changes are computed without it. If it is a fraction (±${show(halfWidth * 100)} points), write ±${show(halfWidth * 100)}%; if it is points, ${sizeHelps ? "give the test set's size" : `write its bounds, ${bounds}`}.`;
  },
  ciReversed: (metric: string, low: number, high: number): string =>
    `The 95% CI of ${metric} has its low bound ${show(low)} above its high bound ${show(high)}.`,
  proportionAsPercent: (metric: string, value: number): string =>
    `${metric} is ${show(value)} with no unit: it is read as ${show(value)}% (give it the unit "%", or write ${show(value / 100)}, to say so).`,
  notAProportion: (metric: string, value: number): string =>
    `${metric} is ${show(value)}, neither a fraction (0–1) nor a percentage (0–100).`,
  outOfRange: (metric: string, value: number, max: number): string => `${metric} is ${show(value)}, outside 0–${show(max)}.`,
  hyperparameterTuned: (name: string, tuned: string, used: string): string =>
    `Tuning found ${name} = ${tuned}, but the hyperparameter table uses ${used}.`,
} as const;
