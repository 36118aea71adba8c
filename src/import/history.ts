import type { EpochRow, TestMetric } from '../schema/index.ts';
import { compareText } from '../util/compare-text.ts';
import { setOwn } from '../util/own.ts';

/**
 * Metric series → the record's per-step table and test metrics, the same way for every source
 * that logs values by step (MLflow, TensorBoard, DVCLive).
 */

/** One logged metric value. */
export interface MetricPoint {
  /** Training step (`0` when the source did not record one). */
  step: number;
  /** When it was logged, in milliseconds since the Unix epoch (`0` when unknown). */
  timestamp: number;
  /** The value; may be `NaN`, `Infinity` or `-Infinity`. */
  value: number;
}

/** A metric value that was not a finite number. */
export interface NonFiniteValue {
  metric: string;
  step: number;
  value: 'NaN' | 'Infinity' | '-Infinity';
}

/**
 * The per-step table: one row per step any metric was logged at, sorted by step; one column per
 * metric key (keys sorted), `null` where the metric has no value at that step or its value is not
 * finite. When a metric has several values at one step, the one with the latest timestamp wins
 * (ties: the larger value, as MLflow picks its "latest" value).
 */
export function buildHistory(metrics: Readonly<Record<string, readonly MetricPoint[]>>): { rows: EpochRow[]; nonFinite: NonFiniteValue[] } {
  const keys = Object.keys(metrics).sort();
  const byKey = new Map<string, Map<number, MetricPoint>>();
  const steps = new Set<number>();
  for (const key of keys) {
    const perStep = new Map<number, MetricPoint>();
    for (const point of metrics[key] ?? []) {
      const current = perStep.get(point.step);
      if (current === undefined || comparePoints(point, current) > 0) perStep.set(point.step, point);
      steps.add(point.step);
    }
    byKey.set(key, perStep);
  }
  const nonFinite: NonFiniteValue[] = [];
  const rows = [...steps]
    .sort((a, b) => a - b)
    .map((step) => {
      const row: EpochRow = { epoch: step };
      for (const key of keys) {
        const point = byKey.get(key)?.get(step);
        setOwn(row, historyColumn(key), point === undefined ? null : finiteOrNull(point.value));
        if (point !== undefined && !Number.isFinite(point.value))
          nonFinite.push({ metric: key, step, value: describeNonFinite(point.value) });
      }
      return row;
    });
  nonFinite.sort((a, b) => compareText(a.metric, b.metric) || a.step - b.step);
  return { rows, nonFinite };
}

/** A metric whose values were all logged at one step: `buildHistory` keeps only the latest. */
export interface OneStepSeries {
  metric: string;
  /** Values logged (2 or more). */
  values: number;
  /** The step they share. */
  step: number;
}

/**
 * The metrics with two or more values, all at one step (sorted by metric): a series logged without
 * steps, of which the history keeps one value. Values re-logged at some steps of a series are not
 * listed (the latest at a step is the one meant).
 */
export function findOneStepSeries(metrics: Readonly<Record<string, readonly MetricPoint[]>>): OneStepSeries[] {
  return Object.keys(metrics)
    .sort(compareText)
    .flatMap((metric) => {
      const points = metrics[metric] ?? [];
      const first = points[0];
      return first !== undefined && points.length > 1 && points.every((point) => point.step === first.step)
        ? [{ metric, values: points.length, step: first.step }]
        : [];
    });
}

/** The history column of a metric: its key, except that a metric named `epoch` becomes `epoch (metric)` (the row's own `epoch` is the step). */
export function historyColumn(key: string): string {
  return key === 'epoch' ? 'epoch (metric)' : key;
}

const TEST_PREFIX = /^test[_/]/i;
const VALIDATION_PREFIX = /^(val|valid|validation|eval)[_/]/i;
const SPLIT_PREFIX = /^(train|training|test|val|valid|validation|eval)[_/]/i;
const SYSTEM_PREFIX = /^system\//;

/**
 * Which metrics become test metrics, and under which name: the first tier that has any of
 * 1. `test_`/`test/` metrics, prefix stripped (`test/accuracy` → `accuracy`; kept as written
 *    when two would get the same name);
 * 2. else `val_`/`valid_`/`validation_`/`eval_` (or `/`) metrics, names as written;
 * 3. else metrics with no split prefix (`accuracy`, not `train_loss`, not `system/…`), as written.
 * Returns `{ key, name }` pairs in the order of `keys`.
 */
export function chooseTestMetricKeys(keys: readonly string[]): { key: string; name: string }[] {
  const test = keys.filter((key) => TEST_PREFIX.test(key) && key.replace(TEST_PREFIX, '') !== '');
  if (test.length > 0) {
    const stripped = test.map((key) => key.replace(TEST_PREFIX, ''));
    return test.map((key, index) => {
      const name = stripped[index] ?? key;
      return { key, name: stripped.filter((other) => other === name).length > 1 ? key : name };
    });
  }
  const validation = keys.filter((key) => VALIDATION_PREFIX.test(key));
  const tier = validation.length > 0 ? validation : keys.filter((key) => !SPLIT_PREFIX.test(key) && !SYSTEM_PREFIX.test(key));
  return tier.map((key) => ({ key, name: key }));
}

/**
 * The evaluation table: the latest value (largest step, then latest timestamp) of the metrics
 * `chooseTestMetricKeys` picks, sorted by metric name; a non-finite latest value is `null`.
 */
export function selectTestMetrics(metrics: Readonly<Record<string, readonly MetricPoint[]>>): TestMetric[] {
  const keys = Object.keys(metrics).filter((key) => (metrics[key]?.length ?? 0) > 0);
  return chooseTestMetricKeys(keys)
    .map(({ key, name }) => ({ metric: name, value: finiteOrNull(latestPoint(metrics[key] ?? [])?.value ?? Number.NaN) }))
    .sort((a, b) => compareText(a.metric, b.metric));
}

/** MLflow's "latest" value of a metric: largest step, then latest timestamp, then largest value. */
export function latestPoint(points: readonly MetricPoint[]): MetricPoint | undefined {
  let latest: MetricPoint | undefined;
  for (const point of points) {
    if (latest === undefined || point.step > latest.step || (point.step === latest.step && comparePoints(point, latest) > 0))
      latest = point;
  }
  return latest;
}

/** Orders two values logged at the same step: later timestamp first, then larger value (NaN smallest). */
function comparePoints(a: MetricPoint, b: MetricPoint): number {
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  if (Number.isNaN(a.value) || Number.isNaN(b.value)) return Number(!Number.isNaN(a.value)) - Number(!Number.isNaN(b.value));
  return a.value === b.value ? 0 : a.value > b.value ? 1 : -1;
}

/** The value, or `null` when it is NaN or ±Infinity (JSON cannot hold those). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** How a non-finite value is named in `import.nonFinite`. */
export function describeNonFinite(value: number): NonFiniteValue['value'] {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/**
 * A float32 as the shortest decimal that reads back as the same float32 (`0.9`, not
 * `0.8999999761581421`), the way numpy prints it. Non-finite values are returned as they are.
 */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value)) return value;
  const single = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return single;
}

/**
 * A number as loggers write it in text files: decimal or exponent notation, or `nan`, `inf`,
 * `-inf`, `infinity` (any case, as Python's `str(float)` and numpy write them). `undefined`
 * for anything else.
 */
export function parseLoggedNumber(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'nan' || value === '-nan' || value === '+nan') return Number.NaN;
  if (value === 'inf' || value === '+inf' || value === 'infinity' || value === '+infinity') return Number.POSITIVE_INFINITY;
  if (value === '-inf' || value === '-infinity') return Number.NEGATIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(value)) return undefined;
  return Number(value);
}
