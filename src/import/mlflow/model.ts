import { parseLoggedNumber } from '../history.ts';
import type { MetricPoint } from '../history.ts';
import { messages } from './messages.ts';

/**
 * The neutral MLflow run model: what every reader (file store, SQLite store, tracking server)
 * produces, and the only input of `runToRecord()`. It mirrors MLflow's own entities (Experiment,
 * RunInfo, RunData) with the store-specific encodings already undone: statuses are names,
 * experiment ids are strings, and metric values are plain numbers (`NaN`, `±Infinity` included).
 */

/** An MLflow run status, as MLflow names it. */
export type MlflowStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

/** An active MLflow experiment. */
export interface MlflowExperiment {
  /** Experiment id, as a string (`"0"`, `"642233443113521094"`). */
  id: string;
  /** Experiment name. */
  name: string;
}

/** An active MLflow run with its full metric histories. */
export interface MlflowRun {
  /** Run id (32 hex digits when MLflow made it). */
  runId: string;
  /** The experiment the run belongs to. */
  experiment: MlflowExperiment;
  /** Run name (`run_name`, else the `mlflow.runName` tag), when there is one. */
  name: string | undefined;
  /** The run's status; `undefined` when the store holds a status that is none of MLflow's (a warning says so). */
  status: MlflowStatus | undefined;
  /** Start time in milliseconds since the Unix epoch, when known. */
  startTime: number | undefined;
  /** End time in milliseconds since the Unix epoch, when the run has ended. */
  endTime: number | undefined;
  /** `user_id` of the run info (the `mlflow.user` tag wins when set). */
  userId: string | undefined;
  /** Parameter key → raw logged value (MLflow stores every parameter as a string). */
  params: Record<string, string>;
  /** Tag key → value, `mlflow.*` system tags included. */
  tags: Record<string, string>;
  /** Metric key → every logged value, in store order (unsorted). */
  metrics: Record<string, MetricPoint[]>;
  /** Link to the run in the MLflow UI, when the source is a tracking server. */
  url?: string;
}

/** What a reader found: experiments and runs, deleted ones already left out. */
export interface MlflowReadResult {
  experiments: MlflowExperiment[];
  runs: MlflowRun[];
  /** Problems that did not stop the import (a malformed run folder, a bad metric line). */
  warnings: string[];
}

/** The kind of store a source points at. */
export type SourceKind = 'file' | 'sqlite' | 'rest';

/**
 * One reader per source kind. `listExperiments()` returns active experiments only;
 * `listRuns()` returns the experiment's active runs with full metric histories.
 * Both reject with an `ImportError` when the source cannot be read.
 */
export interface MlflowReader {
  readonly kind: SourceKind;
  listExperiments(): Promise<MlflowExperiment[]>;
  listRuns(experiment: MlflowExperiment): Promise<MlflowRun[]>;
  /** Problems that did not stop reading, collected so far. */
  readonly warnings: readonly string[];
  close(): void;
}

/** MLflow's numeric run status codes (file store `meta.yaml`), by code. */
const STATUS_BY_CODE: Record<number, MlflowStatus> = { 1: 'RUNNING', 2: 'SCHEDULED', 3: 'FINISHED', 4: 'FAILED', 5: 'KILLED' };
const STATUS_NAMES: readonly MlflowStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];

/** Turns a stored status (a name, or the file store's integer code) into a name; unknown → `undefined`. */
export function parseStatus(raw: unknown): MlflowStatus | undefined {
  if (typeof raw === 'number' || typeof raw === 'bigint') return STATUS_BY_CODE[Number(raw)];
  if (typeof raw === 'string') {
    const upper = raw.trim().toUpperCase();
    if (/^\d+$/.test(upper)) return STATUS_BY_CODE[Number(upper)];
    return STATUS_NAMES.find((name) => name === upper);
  }
  return undefined;
}

/**
 * A run's stored status as a name. A missing one is `RUNNING`, as MLflow reads it; one that is
 * none of MLflow's (`99`, `PAUSED`) is `undefined`, with a warning naming the run.
 */
export function readRunStatus(raw: unknown, runId: string, warnings: string[]): MlflowStatus | undefined {
  if (raw === undefined || raw === null) return 'RUNNING';
  const status = parseStatus(raw);
  if (status === undefined) warnings.push(messages.unknownStatus(runId, raw));
  return status;
}

/**
 * Undoes how SQL stores and the REST API encode non-finite metric values: SQL stores clamp
 * `±inf` to `±1.7976931348623157e308` (the largest double), and the REST API writes
 * `"NaN"`, `"Infinity"`, `"-Infinity"` as strings. Returns `undefined` for anything else that
 * is not a number.
 */
export function decodeMetricValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') {
    if (raw >= Number.MAX_VALUE) return Number.POSITIVE_INFINITY;
    if (raw <= -Number.MAX_VALUE) return Number.NEGATIVE_INFINITY;
    return raw;
  }
  if (typeof raw === 'string') {
    const value = parseLoggedNumber(raw);
    return value === undefined ? undefined : decodeMetricValue(value);
  }
  return undefined;
}

/** Parses a stored integer (a number, or an int64 written as a string); `undefined` when absent or not an integer. */
export function parseInteger(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string' && /^-?\d+$/.test(raw.trim())) return Number(raw.trim());
  return undefined;
}
