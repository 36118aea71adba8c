/**
 * Fairness gaps of a disaggregated-performance table, with Fairlearn `MetricFrame` definitions:
 * `difference()`/`ratio()` between groups and to the overall value, per attribute and per metric.
 */
import type { GroupRow } from '../schema/index.ts';
import { metricInfo, percentScale } from './metrics.ts';
import type { FairnessGap, GroupValue } from './schema.ts';
import { isOverallGroup } from './sizes.ts';
import { EPSILON, sum, twoProportionHalfWidth } from './stats.ts';
import { getOwn } from '../util/own.ts';
import { maxOf, minOf } from '../util/arrays.ts';

/** Default ratio threshold for `flagged`: the four-fifths heuristic. */
export const DEFAULT_FAIRNESS_THRESHOLD = 0.8;

/** Options of `computeFairnessGaps`. */
export interface FairnessOptions {
  /** Ratio below which a gap is flagged; in (0, 1]. Default 0.8 (the four-fifths heuristic). */
  threshold?: number;
  /** Size of the whole evaluated population when the table has no Overall row with an n (e.g. the test split size). */
  totalN?: number | null;
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
export function assertThreshold(threshold: number): void {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`fairness threshold must be in (0, 1], got ${threshold}`);
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
 * Fairness gaps of every metric column for every attribute and intersection of the table:
 * difference = max − min, ratio = min / max (null when max is 0), to overall when an Overall row
 * exists, best/worst group by the metric's direction, a 95% CI of the difference between the two
 * extreme groups for proportions with known group sizes, and coverage = Σ group n / overall n.
 */
export function computeFairnessGaps(rows: readonly GroupRow[], options: FairnessOptions = {}): FairnessGap[] {
  const threshold = options.threshold ?? DEFAULT_FAIRNESS_THRESHOLD;
  assertThreshold(threshold);
  const overall = rows.find(isOverallGroup);
  const totalN = overall?.n ?? options.totalN ?? null;
  const gaps: FairnessGap[] = [];
  for (const { attribute, rows: groupRows } of groupRowsByAttribute(rows)) {
    const sizes = groupRows.map((row) => row.n);
    const coverage = totalN !== null && totalN > 0 && sizes.every((n) => n !== undefined) ? sum(sizes) / totalN : null;
    const metrics = [...new Set(groupRows.flatMap((row) => Object.keys(row.metrics)))];
    for (const metric of metrics) {
      const entries = groupRows.flatMap((row) => {
        const value = getOwn(row.metrics, metric);
        return value === null || value === undefined ? [] : [{ row, value }];
      });
      const first = entries[0];
      if (first === undefined || entries.length < 2) continue;
      let min = first;
      let max = first;
      for (const entry of entries) {
        if (entry.value < min.value) min = entry;
        if (entry.value > max.value) max = entry;
      }
      const info = metricInfo(metric);
      const overallValue = getOwn(overall?.metrics, metric) ?? null;
      const values = entries.map((e) => e.value);
      const minValue: GroupValue = { group: min.row.group, value: min.value };
      const maxValue: GroupValue = { group: max.row.group, value: max.value };
      const difference = max.value - min.value;
      const ratio = max.value === 0 ? null : min.value / max.value;

      let ciLow: number | null = null;
      let ciHigh: number | null = null;
      let assumption: string | null = null;
      if (info.isProportion && min.row.n !== undefined && max.row.n !== undefined) {
        const scale = percentScale(info);
        const hw = twoProportionHalfWidth(max.value / scale, max.row.n, min.value / scale, min.row.n);
        if (hw !== null) {
          ciLow = difference - hw * scale;
          ciHigh = difference + hw * scale;
          assumption =
            `${max.row.group} and ${min.row.group} treated as independent samples of n = ${max.row.n} and ${min.row.n}` +
            (info.kind === 'accuracy' || info.kind === 'error' || info.kind === 'selection-rate'
              ? '.'
              : `; the group size is taken as the denominator of ${metric}, which understates the interval.`);
        }
      }
      gaps.push({
        attribute,
        metric,
        betterDirection: info.direction,
        min: minValue,
        max: maxValue,
        difference,
        ratio,
        differenceToOverall: overallValue === null ? null : maxOf(values.map((v) => Math.abs(v - overallValue))),
        ratioToOverall: overallValue === null ? null : ratioToOverall(values, overallValue),
        // EPSILON: 0.6 / 0.8 is 0.7499999999999999 in binary floating point, and must not be below 0.75.
        flagged: ratio !== null && ratio < threshold - EPSILON,
        threshold,
        ciLow,
        ciHigh,
        coverage,
        bestGroup: info.direction === null ? null : info.direction === 'higher' ? maxValue : minValue,
        worstGroup: info.direction === null ? null : info.direction === 'higher' ? minValue : maxValue,
        unit: info.unit,
        assumption,
      });
    }
  }
  return gaps;
}
