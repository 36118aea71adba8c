/**
 * Fairness gaps of a disaggregated-performance table, with Fairlearn `MetricFrame` definitions:
 * `difference()`/`ratio()` between groups and to the overall value, per attribute and per metric, on one
 * scale (proportions as fractions). Which gaps are flagged, and why not, follows two rules: the
 * four-fifths rule for selection-rate-like metrics, and a gap that noise cannot explain for error and
 * accuracy rates; neither from groups below a minimum size.
 */
import type { Experiment, GroupRow } from '../schema/index.ts';
import { message } from './messages.ts';
import {
  ambiguousInPercent,
  DEFAULT_FAIRNESS_THRESHOLD,
  isScaleProblem,
  isSelectionRateMetric,
  metricInfo,
  scaleValue,
  type MetricInfo,
} from './metrics.ts';
import type { FairnessGap, GroupValue } from './schema.ts';
import { groupDenominator, isGroupCountColumn, isOverallGroup } from './sizes.ts';
import { differenceInterval, EPSILON, sum, wilsonInterval, writtenDecimals, type Interval } from './stats.ts';
import { getOwn } from '../util/own.ts';
import { maxOf, minOf } from '../util/arrays.ts';

// Defined beside `isSelectionRateMetric` in metrics.ts: the fairness chart, which runs in the browser too,
// reads the rule there without bundling this module.
export { DEFAULT_FAIRNESS_THRESHOLD };

/** Default smallest gap flagged for other proportions: 0.05 (5 percentage points), when its 95% interval also excludes 0. */
export const DEFAULT_FAIRNESS_DIFFERENCE = 0.05;

/** Default smallest group a flag may rest on: groups with fewer examples are too noisy to flag anything. */
export const DEFAULT_MIN_GROUP_SIZE = 30;

/** A ratio whose larger value is below this (1%) is near 0/0: the four-fifths rule never flags it. */
export const NEAR_ZERO_RATE = 0.01;

/** Options of `computeFairnessGaps`. */
export interface FairnessOptions {
  /** Ratio below which a selection-rate gap is flagged; in (0, 1]. Default 0.8 (the four-fifths rule). */
  threshold?: number;
  /** Smallest gap (a difference of fractions) flagged for other proportions; in (0, 1]. Default 0.05. */
  differenceThreshold?: number;
  /** Smallest group size a flag may rest on. Default 30. */
  minGroupSize?: number;
  /** Size of the whole evaluated population when the table has no Overall row with an n (e.g. the test split size). */
  totalN?: number | null;
  /**
   * The record's `writtenDecimals`, when `rows` are its `evaluation.disaggregated`: the places each
   * group's value was written with (`89.0` is the number 89, written to one place).
   */
  writtenDecimals?: Experiment['writtenDecimals'];
}

/** The groups of one attribute (or one intersection of attributes). */
export interface AttributeGroups {
  attribute: string;
  rows: GroupRow[];
}

/**
 * Splits the non-overall rows by attribute: rows with one attribute under its name, rows with several
 * under the names joined by " × " (an intersection), rows with none under "group". First-seen order.
 */
export function groupRowsByAttribute(rows: readonly GroupRow[]): AttributeGroups[] {
  const byAttribute = new Map<string, GroupRow[]>();
  for (const row of rows) {
    if (isOverallGroup(row)) continue;
    const names = Object.keys(row.attributes ?? {});
    const attribute = names.length === 0 ? 'group' : names.join(' × ');
    const list = byAttribute.get(attribute) ?? [];
    list.push(row);
    byAttribute.set(attribute, list);
  }
  return [...byAttribute].map(([attribute, groupRows]) => ({ attribute, rows: groupRows }));
}

/** Throws a RangeError unless the threshold is in (0, 1]. */
export function assertThreshold(threshold: number, name = 'fairness threshold'): void {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${threshold}`);
}

/**
 * Fairlearn's `ratio(method='to_overall')`: the minimum over groups of group/overall, inverted when
 * above 1. A group and overall both 0 give 0/0, which (like pandas' NaN-skipping `min`) is left out.
 */
function ratioToOverall(values: readonly number[], overall: number): number | null {
  const ratios = values
    .filter((v) => !(v === 0 && overall === 0))
    .map((v) => (overall === 0 ? 0 : v / overall))
    .map((r) => (r <= 1 ? r : 1 / r));
  return ratios.length === 0 ? null : minOf(ratios);
}

/**
 * A column of a groups table that counts what each group holds (`Users (M)`, `Volumes`, `# images`,
 * `Support`, `Sessions`): a size, not a metric — no gap between groups is computed for it.
 */
const SIZE_COLUMN =
  /^(?:#|n|no\.?|number of|count of|num)?\s*(?:users?|customers?|patients?|volumes?|images?|samples?|examples?|instances?|records?|rows?|items?|sessions?|queries|documents?|docs|utterances?|clips?|videos?|files?|transactions?|events?|ratings?|interactions?|support|count|size|trials?|episodes?|scans?|calls?)(?:\s*\([^)]*\))?$/i;

/** True for a groups-table column that is a size of each group (`SIZE_COLUMN`) and no metric Logbook knows. */
export function isGroupSizeColumn(name: string): boolean {
  return SIZE_COLUMN.test(name.trim()) && metricInfo(name).kind === null;
}

/** One group's value of a metric on the common scale, with the decimals it was written with on that scale. */
interface Entry {
  row: GroupRow;
  value: number;
  decimals: number;
}

/** Decimal places the value of `metric` in a row was written with (`writtenDecimals` by the row's place in the table). */
type PlacesOf = (row: GroupRow, metric: string, value: number) => number;

/** A metric column's values on one scale: fractions for a unit-interval metric, as written otherwise (or when any value cannot be placed). */
function columnValues(
  rows: readonly GroupRow[],
  metric: string,
  info: MetricInfo,
  overall: number | null,
  placesOf: PlacesOf,
): { entries: Entry[]; fraction: boolean; shared: 'percent' | undefined } {
  const raw = rows.flatMap((row) => {
    const value = getOwn(row.metrics, metric);
    return value === null || value === undefined ? [] : [{ row, value, decimals: placesOf(row, metric, value) }];
  });
  // `FPR` 1.1, 1.4 and 0.9 (overall 1.2): one column, in percent (`ambiguousInPercent`).
  const shared = ambiguousInPercent([...raw, ...(overall === null ? [] : [{ value: overall }])].map((e) => ({ info, value: e.value })));
  const scaled = raw.map((e) => scaleValue(info, e.value, e.decimals, shared));
  if (scaled.some(isScaleProblem) || !scaled.every((x) => !isScaleProblem(x) && x.fraction))
    return { entries: raw, fraction: false, shared };
  return {
    entries: raw.map((e, i) => {
      const x = scaled[i] as { value: number; decimals: number };
      return { row: e.row, value: x.value, decimals: x.decimals };
    }),
    fraction: true,
    shared,
  };
}

/** The 95% interval of the gap between two groups (Newcombe: Wilson intervals over each group's denominator), or why there is none. */
function gapInterval(info: MetricInfo, high: Entry, low: Entry): { interval: Interval; assumption: string } | { reason: string } {
  // The caller asks only for proportions of counts, whose denominators are never null.
  const notAProportion = { n: null, reason: message.gapNotAProportion(info.name) };
  const a = groupDenominator(high.row, info) ?? notAProportion;
  const b = groupDenominator(low.row, info) ?? notAProportion;
  if (a.n === null) return { reason: a.reason };
  if (b.n === null) return { reason: b.reason };
  const wa = wilsonInterval(high.value, a.n);
  const wb = wilsonInterval(low.value, b.n);
  if (wa === null || wb === null) return { reason: message.gapNoSizes(high.row.group, low.row.group) };
  return {
    interval: differenceInterval({ value: high.value, ...wa }, { value: low.value, ...wb }),
    assumption: message.gapAssumption(high.row.group, a.n, a.of, low.row.group, b.n, b.of),
  };
}

/**
 * Fairness gaps of every metric column for every attribute and intersection of the table:
 * difference = max − min, ratio = min / max (null when max is 0), to overall when an Overall row
 * exists, best/worst group by the metric's direction, the 95% interval of the difference between the
 * two extreme groups (Newcombe's hybrid score interval over each group's own denominator: its size for
 * accuracy, error and selection rate, its positives for recall, …; none when that is not known), and
 * coverage = Σ group n / overall n. Unit-interval metrics are compared as fractions.
 *
 * Flags (`flagRule`, `flagReason` says why or why not): a selection-rate-like metric by the four-fifths
 * rule — ratio below `threshold`, unless the larger rate is below 1% (near 0/0) or, with group sizes
 * known, the gap's interval includes 0; another proportion with a direction (accuracy, error, recall,
 * FPR, …) when the gap is at least `differenceThreshold` and its 95% interval excludes 0. No flag rests
 * on a group of fewer than `minGroupSize` examples; when the extremes are not flagged (one too small, or
 * their gap within noise), each pair of the groups of that size or more is judged the same way, widest
 * gap first, and the first past the rule flags the gap. Never for other metrics (F1, AUC: no interval).
 */
export function computeFairnessGaps(rows: readonly GroupRow[], options: FairnessOptions = {}): FairnessGap[] {
  const threshold = options.threshold ?? DEFAULT_FAIRNESS_THRESHOLD;
  const differenceThreshold = options.differenceThreshold ?? DEFAULT_FAIRNESS_DIFFERENCE;
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  assertThreshold(threshold);
  assertThreshold(differenceThreshold, 'fairness difference threshold');
  const overall = rows.find(isOverallGroup);
  const totalN = overall?.n ?? options.totalN ?? null;
  const place = new Map(rows.map((row, i) => [row, i]));
  const written = { writtenDecimals: options.writtenDecimals };
  const placesOf: PlacesOf = (row, metric, value) =>
    writtenDecimals(written, `evaluation.disaggregated.${place.get(row) ?? -1}.metrics.${metric}`, value);
  const gaps: FairnessGap[] = [];
  for (const { attribute, rows: groupRows } of groupRowsByAttribute(rows)) {
    const sizes = groupRows.map((row) => row.n);
    const coverage = totalN !== null && totalN > 0 && sizes.every((n) => n !== undefined) ? sum(sizes) / totalN : null;
    const metrics = [...new Set(groupRows.flatMap((row) => Object.keys(row.metrics)))].filter(
      (m) => !isGroupCountColumn(m) && !isGroupSizeColumn(m),
    );
    for (const metric of metrics) {
      const info = metricInfo(metric);
      const overallRaw = getOwn(overall?.metrics, metric) ?? null;
      const { entries, fraction, shared } = columnValues(groupRows, metric, info, overallRaw, placesOf);
      const first = entries[0];
      if (first === undefined || entries.length < 2) continue;
      let min = first;
      let max = first;
      for (const entry of entries) {
        if (entry.value < min.value) min = entry;
        if (entry.value > max.value) max = entry;
      }
      const overallScaled = overallRaw === null ? null : scaleValue(info, overallRaw, 0, shared);
      const overallValue = overallScaled === null ? null : isScaleProblem(overallScaled) || !fraction ? overallRaw : overallScaled.value;
      const values = entries.map((e) => e.value);
      const groupValue = (e: Entry): GroupValue => ({ group: e.row.group, value: e.value, n: e.row.n ?? null, decimals: e.decimals });
      const difference = max.value - min.value;
      const ratio = max.value === 0 ? null : min.value / max.value;

      const gap = info.isProportion && fraction ? gapInterval(info, max, min) : { reason: message.gapNotAProportion(metric) };
      const interval = 'interval' in gap ? gap.interval : null;
      const small = [max, min].filter((e) => e.row.n !== undefined && e.row.n < minGroupSize);
      const flagRule: FairnessGap['flagRule'] = isSelectionRateMetric(info)
        ? 'four-fifths'
        : info.isProportion && info.direction !== null && fraction
          ? 'difference'
          : null;
      const judge = { rule: flagRule, info, threshold, differenceThreshold, minGroupSize };
      let flag = decideFlag({
        ...judge,
        ratio,
        difference,
        maxValue: max.value,
        interval,
        intervalReason: 'reason' in gap ? gap.reason : null,
        small: small.map((e) => ({ group: e.row.group, n: e.row.n ?? 0 })),
      });
      // A group too small to judge, or too noisy to tell from the others, at an extreme hides nothing
      // about the rest: the pairs of groups of the minimum size or more are judged too (the widest gap
      // first), and the first past the rule flags the gap.
      const sized = entries.filter((e) => e.row.n !== undefined && e.row.n >= minGroupSize);
      if (!flag.flagged && flagRule !== null && sized.length >= 2) {
        const pair = flaggedPair(sized, (high, low) => {
          const inner = info.isProportion && fraction ? gapInterval(info, high, low) : { reason: message.gapNotAProportion(metric) };
          return decideFlag({
            ...judge,
            ratio: high.value === 0 ? null : low.value / high.value,
            difference: high.value - low.value,
            maxValue: high.value,
            interval: 'interval' in inner ? inner.interval : null,
            intervalReason: 'reason' in inner ? inner.reason : null,
            small: [],
          });
        });
        if (pair !== null)
          flag = {
            flagged: true,
            reason:
              small.length > 0
                ? message.flagAmongSized(
                    small.map((e) => ({ group: e.row.group, n: e.row.n ?? 0 })),
                    minGroupSize,
                    pair.high.row.group,
                    pair.low.row.group,
                    pair.reason,
                  )
                : message.flagPastNoisyExtremes(max.row.group, min.row.group, pair.high.row.group, pair.low.row.group, pair.reason),
          };
      }
      gaps.push({
        attribute,
        metric,
        betterDirection: info.direction,
        min: groupValue(min),
        max: groupValue(max),
        difference,
        ratio,
        differenceToOverall: overallValue === null ? null : maxOf(values.map((v) => Math.abs(v - overallValue))),
        ratioToOverall: overallValue === null ? null : ratioToOverall(values, overallValue),
        flagged: flag.flagged,
        flagRule,
        flagReason: flag.reason,
        threshold,
        differenceThreshold,
        minGroupSize,
        ciLow: interval === null ? null : interval.low,
        ciHigh: interval === null ? null : interval.high,
        intervalReason: 'reason' in gap ? gap.reason : null,
        coverage,
        bestGroup: info.direction === null ? null : groupValue(info.direction === 'higher' ? max : min),
        worstGroup: info.direction === null ? null : groupValue(info.direction === 'higher' ? min : max),
        unit: fraction ? null : info.unit,
        fraction,
        assumption: 'assumption' in gap ? gap.assumption : null,
      });
    }
  }
  return gaps;
}

/** Most pairs of groups `flaggedPair` judges: a table of more groups is judged by its extremes only. */
const MAX_JUDGED_PAIRS = 20_000;

/**
 * The pair of entries (higher value first) with the widest gap that `judge` flags, or null. Each pair
 * once, widest first, so the pair named is the one a reader sees the most of.
 */
function flaggedPair(
  entries: readonly Entry[],
  judge: (high: Entry, low: Entry) => { flagged: boolean; reason: string },
): { high: Entry; low: Entry; reason: string } | null {
  const sorted = [...entries].sort((a, b) => b.value - a.value);
  const pairs: Array<[Entry, Entry]> = [];
  for (let i = 0; i < sorted.length && pairs.length < MAX_JUDGED_PAIRS; i += 1)
    for (let j = sorted.length - 1; j > i && pairs.length < MAX_JUDGED_PAIRS; j -= 1) pairs.push([sorted[i] as Entry, sorted[j] as Entry]);
  pairs.sort(([a, b], [c, d]) => c.value - d.value - (a.value - b.value));
  for (const [high, low] of pairs) {
    const verdict = judge(high, low);
    if (verdict.flagged) return { high, low, reason: verdict.reason };
  }
  return null;
}

/** What `decideFlag` weighs. */
interface FlagInput {
  rule: FairnessGap['flagRule'];
  info: MetricInfo;
  ratio: number | null;
  threshold: number;
  difference: number;
  differenceThreshold: number;
  maxValue: number;
  interval: Interval | null;
  intervalReason: string | null;
  small: ReadonlyArray<{ group: string; n: number }>;
  minGroupSize: number;
}

/** Whether a gap is flagged under its rule, and the sentence that says why (or why not). */
function decideFlag(x: FlagInput): { flagged: boolean; reason: string } {
  const no = (reason: string): { flagged: boolean; reason: string } => ({ flagged: false, reason });
  if (x.rule === null) return no(x.info.direction === null ? message.flagNoDirection(x.info.name) : message.flagNoRule(x.info.name));
  if (x.small.length > 0) return no(message.flagSmallGroups(x.small, x.minGroupSize));
  // EPSILON: 0.6 / 0.8 is 0.7499999999999999 in binary floating point, and must not be below 0.75.
  const noise = x.interval !== null && x.interval.low <= 0;
  if (x.rule === 'four-fifths') {
    if (x.ratio === null || x.maxValue < NEAR_ZERO_RATE) return no(message.flagNearZero(NEAR_ZERO_RATE));
    if (x.ratio >= x.threshold - EPSILON) return no(message.flagRatioOk(x.ratio, x.threshold));
    if (noise) return no(message.flagRatioNoise(x.ratio, x.threshold));
    return { flagged: true, reason: message.flagRatio(x.ratio, x.threshold, x.interval !== null) };
  }
  if (x.interval === null) return no(message.flagNoInterval(x.intervalReason ?? ''));
  if (x.difference < x.differenceThreshold - EPSILON) return no(message.flagSmallGap(x.difference, x.differenceThreshold));
  if (noise) return no(message.flagGapNoise(x.difference));
  return { flagged: true, reason: message.flagGap(x.difference, x.differenceThreshold, x.interval) };
}

/** A summary row of a groups table as the template reads it (`evaluation.statedGaps`). */
export interface StatedGap {
  label: string;
  form: 'difference' | 'ratio';
  metrics: Record<string, unknown>;
}

/** The summary rows of a record's groups tables (`Max gap`, `Ratio`), as the template reads them. */
export function statedGaps(record: Experiment): StatedGap[] {
  const list = (record.evaluation as Record<string, unknown> | undefined)?.['statedGaps'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { label, form, metrics } = item as Record<string, unknown>;
    return typeof label === 'string' && (form === 'difference' || form === 'ratio') && typeof metrics === 'object' && metrics !== null
      ? [{ label, form, metrics: metrics as Record<string, unknown> }]
      : [];
  });
}
