import type { EpochRow, Experiment, Hyperparameter, Scalar, Status, TestMetric } from '../../schema/index.ts';
import { setOwn } from '../../util/own.ts';
import { hashRecord } from './hash.ts';
import { messages } from './messages.ts';
import type { MetricPoint, MlflowRun, MlflowStatus } from './model.ts';

/**
 * The pure half of the MLflow import: one neutral `MlflowRun` → one normalized record.
 * The mapping table lives in `src/import/mlflow/README.md`; keep the two in step.
 */

/** The `import` object every imported record carries. */
export interface ImportMeta {
  source: 'mlflow';
  runId: string;
  /** `hashRecord()` of the record as written; a different hash of the file on disk means a hand edit. */
  hash: string;
  /** Metric values JSON cannot hold (NaN, ±Infinity), written as `null` in the record. */
  nonFinite?: NonFiniteValue[];
}

/** A metric value that was not a finite number. */
export interface NonFiniteValue {
  metric: string;
  step: number;
  value: 'NaN' | 'Infinity' | '-Infinity';
}

/** What `runToRecord` needs besides the run. */
export interface RecordContext {
  /** Run id → record id, for every run of this import (parents are looked up here). */
  recordIds: ReadonlyMap<string, string>;
  /** `$schema` reference to write, if any. */
  schema?: string;
}

const STATUS: Record<MlflowStatus, Status> = {
  RUNNING: 'running',
  SCHEDULED: 'planned',
  FINISHED: 'completed',
  FAILED: 'failed',
  KILLED: 'cancelled',
};

/** MLflow system tags the mapping reads. */
export const MLFLOW_TAGS = {
  runName: 'mlflow.runName',
  parentRunId: 'mlflow.parentRunId',
  user: 'mlflow.user',
  note: 'mlflow.note.content',
  gitCommit: 'mlflow.source.git.commit',
  gitRepoUrl: 'mlflow.source.git.repoURL',
  gitBranch: 'mlflow.source.git.branch',
  sourceName: 'mlflow.source.name',
  /** Older MLflow versions wrote the repository URL here. */
  legacyGitRepoUrl: 'mlflow.gitRepoURL',
} as const;

/** Tag that carries the MLflow experiment name on every imported record. */
export const EXPERIMENT_TAG = 'mlflow_experiment';

/**
 * Maps one run to a record. Pure and deterministic: the same run and context always give the
 * same record (and hash). The result passes `ExperimentSchema`; `import.hash` is filled in.
 */
export function runToRecord(run: MlflowRun, context: RecordContext): Experiment {
  const id = context.recordIds.get(run.runId) ?? recordIdFor(run.name, run.runId);
  const tag = (key: string): string | undefined => nonEmpty(run.tags[key]);

  const tags: Record<string, string> = {};
  for (const key of Object.keys(run.tags).sort()) {
    const value = run.tags[key];
    if (!key.startsWith('mlflow.') && value !== undefined) setOwn(tags, key, value);
  }
  tags[EXPERIMENT_TAG] = run.experiment.name;

  const parentRunId = tag(MLFLOW_TAGS.parentRunId);
  const parentId = parentRunId === undefined ? undefined : context.recordIds.get(parentRunId);
  const history = buildHistory(run.metrics);
  const testMetrics = selectTestMetrics(run.metrics);
  const hyperparameters: Hyperparameter[] = Object.keys(run.params)
    .sort()
    .map((name) => ({ name, value: parseParamValue(run.params[name] ?? '') }));
  const code = dropUndefined({
    repository: tag(MLFLOW_TAGS.gitRepoUrl) ?? tag(MLFLOW_TAGS.legacyGitRepoUrl),
    branch: tag(MLFLOW_TAGS.gitBranch),
    commit: tag(MLFLOW_TAGS.gitCommit),
    entryPoint: tag(MLFLOW_TAGS.sourceName),
  });
  const nonFinite = history.nonFinite;
  const meta: Omit<ImportMeta, 'hash'> = { source: 'mlflow', runId: run.runId, ...(nonFinite.length > 0 ? { nonFinite } : {}) };

  const record = dropUndefined({
    $schema: context.schema,
    id,
    name: run.name ?? tag(MLFLOW_TAGS.runName),
    date: runDate(run, 'start time', run.startTime),
    completionDate: runDate(run, 'end time', run.endTime),
    experimenter: tag(MLFLOW_TAGS.user) ?? nonEmpty(run.userId),
    trackingPlatform: 'MLflow',
    status: STATUS[run.status],
    tags,
    lineage: parentId === undefined ? undefined : { parent: parentId },
    model: hyperparameters.length === 0 ? undefined : { hyperparameters },
    training: history.rows.length === 0 ? undefined : { history: history.rows },
    evaluation: testMetrics.length === 0 ? undefined : { testMetrics },
    reproducibility: Object.keys(code).length === 0 ? undefined : { code },
    trackers: dropUndefined({
      mlflowRunId: run.runId,
      mlflowUrl: run.url,
      mlflowExperimentId: run.experiment.id,
      mlflowParentRunId: parentRunId,
    }),
    notes: tag(MLFLOW_TAGS.note)?.trim() || undefined,
    import: meta,
  }) as Experiment;
  const hash = hashRecord(record);
  return { ...record, import: { ...meta, hash } };
}

/**
 * Record id for a run: the run name slugified (lowercase ASCII letters, digits and `-`, at most
 * 60 characters; `run` when nothing is left), then `-` and the first 8 characters of the run id.
 */
export function recordIdFor(runName: string | undefined, runId: string, runIdLength = 8): string {
  const slug = (runName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  const suffix = runId
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '')
    .slice(0, runIdLength);
  return `${slug === '' ? 'run' : slug}-${suffix}`;
}

/**
 * Record ids for a set of runs (run id → record id). Runs whose 8-character ids collide get
 * their full run id instead, so ids are unique and depend only on the set of runs.
 */
export function assignRecordIds(runs: readonly Pick<MlflowRun, 'runId' | 'name'>[]): Map<string, string> {
  const short = runs.map((run) => recordIdFor(run.name, run.runId));
  const counts = new Map<string, number>();
  for (const id of short) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = new Map<string, string>();
  runs.forEach((run, index) => {
    const id = short[index] ?? '';
    ids.set(run.runId, (counts.get(id) ?? 0) > 1 ? recordIdFor(run.name, run.runId, Infinity) : id);
  });
  return ids;
}

/**
 * A parameter's logged string as a typed value: decimal numbers (`0.01`, `1e-3`, `-2`) become
 * numbers, `true`/`false` (any case) booleans, `None`/`null` null; anything else — including
 * `nan`, integers beyond 2^53 and numbers with leading zeros such as `007` — stays a string.
 */
export function parseParamValue(raw: string): Scalar {
  const text = raw.trim();
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (text === 'None' || text === 'null') return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?0\d/.test(text)) {
    const value = Number(text);
    const isInteger = /^[+-]?\d+$/.test(text);
    if (Number.isFinite(value) && (!isInteger || Number.isSafeInteger(value))) return value;
  }
  return raw;
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
  nonFinite.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.step - b.step));
  return { rows, nonFinite };
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
 * The evaluation table: the latest value (largest step, then latest timestamp) of the metrics of
 * the first tier that has any —
 * 1. `test_`/`test/` metrics, prefix stripped (`test/accuracy` → `accuracy`; kept as written
 *    when two would get the same name);
 * 2. else `val_`/`valid_`/`validation_`/`eval_` (or `/`) metrics, names as written;
 * 3. else metrics with no split prefix (`accuracy`, not `train_loss`, not `system/…`), as written.
 * Sorted by metric name; a non-finite latest value is `null`.
 */
export function selectTestMetrics(metrics: Readonly<Record<string, readonly MetricPoint[]>>): TestMetric[] {
  const keys = Object.keys(metrics).filter((key) => (metrics[key]?.length ?? 0) > 0);
  const test = keys.filter((key) => TEST_PREFIX.test(key) && key.replace(TEST_PREFIX, '') !== '');
  let chosen: { key: string; name: string }[];
  if (test.length > 0) {
    const stripped = test.map((key) => key.replace(TEST_PREFIX, ''));
    chosen = test.map((key, index) => {
      const name = stripped[index] ?? key;
      return { key, name: stripped.filter((other) => other === name).length > 1 ? key : name };
    });
  } else {
    const validation = keys.filter((key) => VALIDATION_PREFIX.test(key));
    const tier = validation.length > 0 ? validation : keys.filter((key) => !SPLIT_PREFIX.test(key) && !SYSTEM_PREFIX.test(key));
    chosen = tier.map((key) => ({ key, name: key }));
  }
  return chosen
    .map(({ key, name }) => ({ metric: name, value: finiteOrNull(latestPoint(metrics[key] ?? [])?.value ?? Number.NaN) }))
    .sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
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

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function describeNonFinite(value: number): NonFiniteValue['value'] {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/** The first and last instant a record's date can hold (four-digit years), in milliseconds since the epoch. */
const FIRST_DATE = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST_DATE = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** Milliseconds since the epoch → `YYYY-MM-DD` in UTC; `undefined` when unknown or outside the years 0–9999. */
export function toIsoDate(millis: number | undefined): string | undefined {
  if (millis === undefined || !Number.isFinite(millis) || millis < FIRST_DATE || millis > LAST_DATE) return undefined;
  return new Date(millis).toISOString().slice(0, 10);
}

/** A run's start or end date; a time that is not a date in the years 0–9999 stops the import with an `ImportError`. */
function runDate(run: MlflowRun, field: string, millis: number | undefined): string | undefined {
  const date = toIsoDate(millis);
  if (millis !== undefined && date === undefined) throw messages.badRunTime(run.runId, field, millis);
  return date;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Drops `undefined` members (exactOptionalPropertyTypes: an absent key, not an undefined one). */
function dropUndefined<T extends Record<string, unknown>>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
