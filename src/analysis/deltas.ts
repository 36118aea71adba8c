/**
 * Improvement deltas: the current experiment against its baseline rows and its parent, on one scale
 * (proportions as fractions, whatever scale each side was written on), with the 95% interval of the
 * change built from each side's own uncertainty: its reported CI, else the Wilson score interval of
 * its proportion over the right denominator.
 */
import type { BaselineRow, ConfidenceInterval, Experiment, TestMetric } from '../schema/index.ts';
import {
  ambiguousInPercent,
  isScaleProblem,
  metricInfo,
  inOneTimeUnit,
  sameScaleProblem,
  scaleValue,
  type MetricInfo,
  type ScaledValue,
  type ScaleProblem,
} from './metrics.ts';
import type { MetricDelta, NotCompared } from './schema.ts';
import { getOwn } from '../util/own.ts';
import { intervalOnValueScale } from './ci-scale.ts';
import { message } from './messages.ts';
import { isPredictionDenominator, proportionDenominator, testSetSize } from './sizes.ts';
import { agreeAsRoundings, decimalsOf, differenceInterval, isZeroChange, wilsonInterval, writtenDecimals, type Estimate } from './stats.ts';

/** One side of a comparison, as its record writes it. */
export interface DeltaSide {
  /** The value as written. */
  value: number;
  /** The metric as this side names it (its unit decides the scale the value is on). */
  info: MetricInfo;
  /** Decimal places the value was written with (default: those of its shortest form). */
  decimals?: number;
  /** The side's reported 95% CI, in the unit the value is written in. */
  ci?: ConfidenceInterval | null;
  /** The count the proportion is a fraction of, when known. */
  n?: number | null;
  /** Why `n` is not known, for a proportion. */
  nReason?: string | null;
  /** Why a CI the record reports is not used (a half-width that may be points or a fraction). */
  ciReason?: string | null;
}

/** Everything `computeMetricDelta` needs. */
export interface MetricDeltaInput {
  baseline: string;
  source: 'baseline' | 'parent';
  referenceId: string | null;
  /** The metric's name as the current experiment writes it. */
  metric: string;
  current: DeltaSide;
  reference: DeltaSide;
  /** Why the reference's size is what it is (e.g. "assumed evaluated on this experiment's test set"). */
  sizeAssumption?: string | null;
}

/** The changes of a record against its baselines or its parent, and the pairs that could not be put on one scale. */
export interface DeltaResults {
  deltas: MetricDelta[];
  notCompared: NotCompared[];
}

/** How a side's 95% interval was obtained. */
export interface SideInterval {
  estimate: Estimate | null;
  from: 'ci' | 'score' | null;
  /** Why there is none. */
  reason: string | null;
}

function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(15));
}

/** A side's 95% interval on the common scale: its reported CI, else the Wilson score interval of its proportion. */
export function sideInterval(side: DeltaSide, scaled: ScaledValue): SideInterval {
  const ci = side.ci ?? null;
  if (ci !== null) {
    const [low, high] = typeof ci === 'number' ? [side.value - ci, side.value + ci] : [ci.low, ci.high];
    return {
      estimate: { value: scaled.value, low: clean(low * scaled.factor), high: clean(high * scaled.factor) },
      from: 'ci',
      reason: null,
    };
  }
  const n = side.n ?? null;
  if (side.info.isProportion && scaled.fraction && n !== null) {
    const wilson = wilsonInterval(scaled.value, n);
    if (wilson !== null) return { estimate: { value: scaled.value, ...wilson }, from: 'score', reason: null };
  }
  const reason =
    side.ciReason ??
    (side.info.isProportion && scaled.fraction ? (side.nReason ?? 'no 95% CI and no size are given') : 'no 95% CI is given');
  return { estimate: null, from: null, reason };
}

/**
 * The change of one metric on the common scale (`scaleValue`): absolute = current − reference (a
 * difference of fractions for a proportion: ×100 is percentage points); relative = absolute / |reference|,
 * undefined when the reference is 0 or the two values lie on either side of 0.
 * Its 95% interval combines each side's own interval (`differenceInterval`): both reported CIs
 * (√(a² + b²) when symmetric), Newcombe's hybrid score interval when both are proportions of known
 * counts, a reported CI on one side with the Wilson interval of the other, or — when one side has no
 * uncertainty at all — the other side's alone (never narrower than a CI the record reports). Values that
 * cannot be put on one scale give a `NotCompared` with the reason, never a difference.
 */
export function computeMetricDelta(input: MetricDeltaInput): MetricDelta | NotCompared {
  const { current, reference } = input;
  const info = metricInfo(input.metric);
  const subject = { baseline: input.baseline, source: input.source, referenceId: input.referenceId, metric: input.metric, key: info.key };
  const [cur, ref] = onOneScale(current, reference);
  const problem = isScaleProblem(cur) ? cur : isScaleProblem(ref) ? ref : sameScaleProblem(cur, ref);
  if (problem !== null || isScaleProblem(cur) || isScaleProblem(ref)) {
    return {
      ...subject,
      current: current.value,
      currentUnit: current.info.unit,
      reference: reference.value,
      referenceUnit: reference.info.unit,
      reason: problem?.reason ?? '',
    };
  }
  const absolute = cur.value - ref.value;
  const zero = isZeroChange(absolute, cur.value, ref.value);
  // A change relative to a value across 0 (an R² from −0.12 to 0.41) is no share of anything.
  const relativeUndefinedReason =
    ref.value === 0 ? 'the reference value is 0' : cur.value * ref.value < 0 ? 'the two values lie on either side of 0' : null;
  const relative = relativeUndefinedReason === null ? absolute / Math.abs(ref.value) : null;
  const direction = current.info.direction ?? info.direction;
  const improved = direction === null ? null : zero ? false : direction === 'higher' ? absolute > 0 : absolute < 0;

  const a = sideInterval(current, cur);
  const b = sideInterval(reference, ref);
  let interval: { low: number; high: number } | null = null;
  let method: MetricDelta['method'] = null;
  let intervalReason: string | null = null;
  const assumptions: string[] = [];
  if (a.from === 'score') assumptions.push(`this experiment has no 95% CI: the Wilson score interval over n = ${current.n ?? ''} is used`);
  if (b.from === 'score') {
    assumptions.push(`"${input.baseline}" has no 95% CI: the Wilson score interval over n = ${reference.n ?? ''} is used`);
    if (input.sizeAssumption !== undefined && input.sizeAssumption !== null) assumptions.push(input.sizeAssumption);
  }
  const exact = (value: number): Estimate => ({ value, low: value, high: value });
  if (a.estimate !== null && b.estimate !== null) {
    interval = differenceInterval(a.estimate, b.estimate);
    method = a.from === 'ci' && b.from === 'ci' ? 'ci' : a.from === 'score' && b.from === 'score' ? 'two-proportion' : 'ci-and-score';
    assumptions.push(
      method === 'two-proportion'
        ? 'samples treated as independent (conservative when both were scored on the same items)'
        : 'the two estimates are independent',
    );
  } else if (a.estimate !== null || b.estimate !== null) {
    interval = differenceInterval(a.estimate ?? exact(cur.value), b.estimate ?? exact(ref.value));
    method = 'one-side';
    const [missing, why] = a.estimate === null ? ['this experiment', a.reason] : [`"${input.baseline}"`, b.reason];
    assumptions.push(
      `${missing} has no uncertainty to combine (${why ?? ''}), so it is taken as exact and the interval is the other side's alone`,
    );
  } else {
    intervalReason =
      a.reason === b.reason
        ? `neither side can give one: ${a.reason ?? ''}`
        : `this experiment: ${a.reason ?? ''}; "${input.baseline}": ${b.reason ?? ''}`;
  }
  return {
    ...subject,
    current: cur.value,
    reference: ref.value,
    absolute,
    absoluteUnit: cur.fraction ? null : (cur.unit ?? ref.unit) === '%' ? 'pp' : (cur.unit ?? ref.unit),
    relative,
    relativeUndefinedReason,
    betterDirection: direction,
    improved,
    ciLow: interval === null ? null : interval.low,
    ciHigh: interval === null ? null : interval.high,
    significant: interval === null ? null : interval.low > 0 || interval.high < 0,
    unit: cur.fraction ? null : (cur.unit ?? ref.unit),
    fraction: cur.fraction,
    decimals: Math.max(cur.decimals, ref.decimals),
    method,
    assumption: assumptions.length === 0 ? null : `${assumptions.join('; ')}.`,
    intervalReason,
  };
}

/** True for a computed change; false for a pair that could not be put on one scale. */
export function isMetricDelta(x: MetricDelta | NotCompared): x is MetricDelta {
  return 'absolute' in x;
}

/** The side of a test metric with a value (its index in `evaluation.testMetrics`): the value as written, its CI, and the denominator of its proportion. */
export function testMetricSide(record: Experiment, tm: TestMetric & { value: number }, index: number): DeltaSide {
  const info = metricInfo(tm.metric, tm.unit);
  const denominator = proportionDenominator(record, info);
  const ci = testInterval(info, tm, denominator?.n);
  return {
    value: tm.value,
    info,
    decimals: writtenDecimals(record, `evaluation.testMetrics.${index}.value`, tm.value),
    ci,
    n: denominator?.n ?? null,
    nReason: denominator?.reason ?? null,
    ciReason: ci === null && tm.ci95 !== undefined ? message.ciSetAside(tm.ci95) : null,
  };
}

/**
 * The 95% interval of the test metric at `index` on the common scale (`scaleValue`): its reported CI,
 * else the Wilson score interval of its proportion over its denominator (`sideInterval`); with where
 * it came from, the count, and the factor from the unit as written. Null when there is none.
 */
export function testMetricInterval(
  record: Experiment,
  index: number,
): { low: number; high: number; from: 'ci' | 'score'; n: number | null; factor: number } | null {
  const tm = record.evaluation?.testMetrics?.[index];
  if (tm === undefined || tm.value === null) return null;
  const side = testMetricSide(record, { ...tm, value: tm.value }, index);
  const scaled = scaleValue(side.info, side.value, side.decimals ?? 0);
  if (isScaleProblem(scaled)) return null;
  const { estimate, from } = sideInterval(side, scaled);
  return estimate === null || from === null
    ? null
    : { low: estimate.low, high: estimate.high, from, n: side.n ?? null, factor: scaled.factor };
}

/**
 * A test metric's reported CI on its value's scale: one written as fractions beside a value in
 * percent is read in percent; a half-width that may be either (`±0.011` beside `81.5%`, no test-set
 * size to judge it by) is not used (a change against it would look significant either way), and the
 * checks say so.
 */
function testInterval(info: MetricInfo, tm: TestMetric & { value: number }, n: number | null | undefined): ConfidenceInterval | null {
  if (tm.ci95 === undefined) return null;
  const scaled = intervalOnValueScale(info, tm.value, tm.ci95, n);
  return scaled.reading === 'doubtful' ? null : scaled.ci;
}

/** The record's first test metric of `key` with a value, as a side; undefined when it has none. */
export function testMetricByKey(record: Experiment, key: string): DeltaSide | undefined {
  const metrics = record.evaluation?.testMetrics ?? [];
  const index = metrics.findIndex((tm) => tm.value !== null && metricInfo(tm.metric, tm.unit).key === key);
  const tm = metrics[index];
  return tm === undefined || tm.value === null ? undefined : testMetricSide(record, { ...tm, value: tm.value }, index);
}

/**
 * Two sides of one metric on the scale they are compared on (`scaleValue`, a bare value read in
 * percent beside percentages), durations in one unit of time: `812 ms` against `0.79 s` is 812
 * against 790 ms. A side that cannot be placed is its `ScaleProblem`.
 */
function onOneScale(
  a: Pick<DeltaSide, 'value' | 'info' | 'decimals'>,
  b: Pick<DeltaSide, 'value' | 'info' | 'decimals'>,
): [ScaledValue | ScaleProblem, ScaledValue | ScaleProblem] {
  const shared = ambiguousInPercent([a, b]);
  const x = scaleValue(a.info, a.value, a.decimals ?? decimalsOf(a.value), shared);
  const y = scaleValue(b.info, b.value, b.decimals ?? decimalsOf(b.value), shared);
  return isScaleProblem(x) || isScaleProblem(y) ? [x, y] : inOneTimeUnit(x, y);
}

/** True when two sides are the same quantity: on one scale, and equal up to the rounding of both. */
export function sameQuantity(
  a: Pick<DeltaSide, 'value' | 'info' | 'decimals'>,
  b: Pick<DeltaSide, 'value' | 'info' | 'decimals'>,
): boolean {
  const [x, y] = onOneScale(a, b);
  if (isScaleProblem(x) || isScaleProblem(y) || sameScaleProblem(x, y) !== null) return false;
  return agreeAsRoundings(x.value, y.value, x.decimals, y.decimals);
}

/** The row of the baseline table marked current, if any. */
export function findCurrentRow(record: Experiment): BaselineRow | undefined {
  return (record.comparison?.baselines ?? []).find((row) => row.current === true);
}

/** A value of a baseline row as a side: as written, with the precision written and the 95% CI written with it. */
function rowSide(record: Experiment, rowIndex: number, name: string, value: number): DeltaSide {
  const ci = getOwn(record.comparison?.baselines?.[rowIndex]?.ci95 ?? {}, name);
  const info = metricInfo(name);
  return {
    value,
    info,
    decimals: writtenDecimals(record, `comparison.baselines.${rowIndex}.metrics.${name}`, value),
    ...(ci === undefined ? {} : { ci: intervalOnValueScale(info, value, ci).ci }),
  };
}

/** A metric of the current experiment: the name it is shown under and its side. */
interface CurrentValue {
  name: string;
  side: DeltaSide;
}

/**
 * The current experiment's values by metric key: the baseline row marked current, or the test metrics
 * when no row is marked. A value of the current row that is the test metric of the same key (on one
 * scale, up to rounding) is that test metric, with its CI and denominator.
 */
function currentValues(record: Experiment): Map<string, CurrentValue> {
  const values = new Map<string, CurrentValue>();
  const row = findCurrentRow(record);
  if (row === undefined) {
    (record.evaluation?.testMetrics ?? []).forEach((tm, index) => {
      const key = metricInfo(tm.metric, tm.unit).key;
      if (tm.value !== null && !values.has(key))
        values.set(key, { name: tm.metric, side: testMetricSide(record, { ...tm, value: tm.value }, index) });
    });
    return values;
  }
  const rowIndex = (record.comparison?.baselines ?? []).indexOf(row);
  for (const [name, value] of Object.entries(row.metrics)) {
    const key = metricInfo(name).key;
    if (value === null || values.has(key)) continue;
    const written = rowSide(record, rowIndex, name, value);
    const tmSide = testMetricByKey(record, key);
    if (tmSide !== undefined && sameQuantity(written, tmSide)) values.set(key, { name, side: tmSide });
    else {
      const denominator = proportionDenominator(record, written.info);
      values.set(key, { name, side: { ...written, n: denominator?.n ?? null, nReason: denominator?.reason ?? null } });
    }
  }
  return values;
}

function collect(results: ReadonlyArray<MetricDelta | NotCompared>): DeltaResults {
  return { deltas: results.filter(isMetricDelta), notCompared: results.filter((r): r is NotCompared => !isMetricDelta(r)) };
}

/**
 * Changes of the current experiment against every non-current baseline row, per metric both carry.
 * A row with an `experimentId` found in `records` whose test value is the row's value is that record's
 * test metric (its CI and its own denominators). Other rows are taken as evaluated on the current
 * experiment's test set (the same count for accuracy, recall, FPR, …; precision's predicted positives
 * are the model's own, so unknown) unless they name `evaluatedOn`.
 */
export function computeBaselineDeltas(record: Experiment, records: ReadonlyMap<string, Experiment> = new Map()): DeltaResults {
  const current = currentValues(record);
  const size = testSetSize(record);
  const results: Array<MetricDelta | NotCompared> = [];
  (record.comparison?.baselines ?? []).forEach((row, rowIndex) => {
    if (row.current === true) return;
    const referenced = row.experimentId === undefined ? undefined : records.get(row.experimentId);
    const sameTestSet = row.evaluatedOn === undefined;
    for (const [name, value] of Object.entries(row.metrics)) {
      const written = rowSide(record, rowIndex, name, value ?? 0);
      const cur = current.get(written.info.key);
      if (value === null || cur === undefined) continue;
      const refSide = referenced === undefined ? undefined : testMetricByKey(referenced, written.info.key);
      let reference: DeltaSide;
      let sizeAssumption: string | null = null;
      if (refSide !== undefined && sameQuantity(written, refSide)) reference = refSide;
      else if (!sameTestSet)
        reference = { ...written, n: null, nReason: `"${row.label}" was evaluated on ${row.evaluatedOn ?? ''}, whose size is not given` };
      else if (isPredictionDenominator(written.info))
        reference = {
          ...written,
          n: null,
          nReason: `the predicted positives of "${row.label}" (the denominator of ${name}) are not known`,
        };
      else {
        reference = { ...written, n: cur.side.n ?? null, nReason: cur.side.nReason ?? null };
        if (size !== null)
          sizeAssumption = `"${row.label}" assumed evaluated on this experiment's test set (n = ${size.n}, from the ${size.source})`;
      }
      results.push(
        computeMetricDelta({
          baseline: row.label,
          source: 'baseline',
          referenceId: row.experimentId ?? null,
          metric: cur.name,
          current: cur.side,
          reference,
          sizeAssumption,
        }),
      );
    }
  });
  return collect(results);
}

/** Changes of the current experiment's test metrics against its parent's, per metric both report (each side with its own CI and denominators). */
export function computeParentDeltas(record: Experiment, parent: Experiment): DeltaResults {
  const results: Array<MetricDelta | NotCompared> = [];
  const seen = new Set<string>();
  (record.evaluation?.testMetrics ?? []).forEach((tm, index) => {
    const key = metricInfo(tm.metric, tm.unit).key;
    const reference = testMetricByKey(parent, key);
    if (tm.value === null || reference === undefined || seen.has(key)) return;
    seen.add(key);
    results.push(
      computeMetricDelta({
        baseline: parent.id,
        source: 'parent',
        referenceId: parent.id,
        metric: tm.metric,
        current: testMetricSide(record, { ...tm, value: tm.value }, index),
        reference,
      }),
    );
  });
  return collect(results);
}
