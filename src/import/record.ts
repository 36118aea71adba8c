import { createHash } from 'node:crypto';
import type { Experiment, Scalar } from '../schema/index.ts';
import { hashRecord } from './hash.ts';
import type { NonFiniteValue } from './history.ts';
import type { ImportSource } from './sources.ts';

/**
 * What every importer shares when it builds a record: the `import` object, record ids, dates and
 * typed parameter values. Each importer's `map.ts` builds the rest of the record.
 */

/** The `import` object every imported record carries. */
export interface ImportMeta {
  /** The kind of source the record came from. */
  source: ImportSource;
  /** The run's identity in that source (an MLflow run id, a folder path, a DVC revision); a re-import of the same run has the same one. */
  runId: string;
  /** `hashRecord()` of the record as written; a different hash of the file on disk means a hand edit. */
  hash: string;
  /** Metric values JSON cannot hold (NaN, ±Infinity), written as `null` in the record. */
  nonFinite?: NonFiniteValue[];
}

/** A record before `sealRecord`: its `import` has no hash yet. */
export type UnsealedRecord = Experiment & { import: Omit<ImportMeta, 'hash'> };

/** Fills in `import.hash` (of everything else in the record) and drops empty `nonFinite`. */
export function sealRecord(record: UnsealedRecord): Experiment {
  const { nonFinite, ...meta } = record.import;
  const sealed = nonFinite === undefined || nonFinite.length === 0 ? meta : { ...meta, nonFinite };
  const unsealed: Experiment = { ...record, import: sealed };
  return { ...unsealed, import: { ...sealed, hash: hashRecord(unsealed) } };
}

/** A run name as an id part: lowercase ASCII letters, digits and `-`, at most 60 characters; `run` when nothing is left. */
export function slugRunName(name: string | undefined): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'run' : slug;
}

/**
 * Record id for a run with a tracker-made id: the run name slugified (`slugRunName`), then `-`
 * and the first `runIdLength` characters of the run id.
 */
export function recordIdFor(runName: string | undefined, runId: string, runIdLength = 8): string {
  const suffix = runId
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '')
    .slice(0, runIdLength);
  return `${slugRunName(runName)}-${suffix}`;
}

/** A run as id assignment sees it. */
export interface RunIdentity {
  runId: string;
  name: string | undefined;
}

/**
 * Record ids for runs with tracker-made ids (run id → record id): `recordIdFor(name, runId)`.
 * Runs whose 8-character ids collide get their full run id instead, so ids are unique and depend
 * only on the set of runs.
 */
export function assignRecordIds(runs: readonly RunIdentity[]): Map<string, string> {
  return assignUnique(
    runs,
    (run) => recordIdFor(run.name, run.runId),
    (run) => recordIdFor(run.name, run.runId, Infinity),
  );
}

/**
 * Record ids for runs known only by name (a folder path, a CSV row): the name slugified. Runs
 * whose slugs collide get `-` and 8 hex digits of the SHA-256 of their run id appended.
 */
export function assignNamedIds(runs: readonly RunIdentity[]): Map<string, string> {
  return assignUnique(
    runs,
    (run) => slugRunName(run.name),
    (run) => `${slugRunName(run.name)}-${createHash('sha256').update(run.runId).digest('hex').slice(0, 8)}`,
  );
}

function assignUnique(
  runs: readonly RunIdentity[],
  short: (run: RunIdentity) => string,
  long: (run: RunIdentity) => string,
): Map<string, string> {
  const shortIds = runs.map(short);
  const counts = new Map<string, number>();
  for (const id of shortIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = new Map<string, string>();
  runs.forEach((run, index) => {
    const id = shortIds[index] ?? '';
    ids.set(run.runId, (counts.get(id) ?? 0) > 1 ? long(run) : id);
  });
  return ids;
}

/**
 * Maps runs known by folder path and name (`assignNamedIds` over all of them), in their order.
 * `map` gets each run with its record id and the `$schema` to write.
 */
export function mapNamedRuns<R extends { path: string; name: string }>(
  runs: readonly R[],
  map: (run: R, context: { id: string; schema?: string | undefined }) => Experiment,
  schema: string | undefined,
): Experiment[] {
  const ids = assignNamedIds(runs.map((run) => ({ runId: run.path, name: run.name })));
  return runs.map((run) => map(run, { id: ids.get(run.path) ?? slugRunName(run.name), schema }));
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

/** The first and last instant a record's date can hold (four-digit years), in milliseconds since the epoch. */
const FIRST_DATE = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST_DATE = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** Milliseconds since the epoch → `YYYY-MM-DD` in UTC; `undefined` when unknown or outside the years 0–9999. */
export function toIsoDate(millis: number | undefined): string | undefined {
  if (millis === undefined || !Number.isFinite(millis) || millis < FIRST_DATE || millis > LAST_DATE) return undefined;
  return new Date(millis).toISOString().slice(0, 10);
}

/** `undefined` for a missing or blank string. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Drops `undefined` members (exactOptionalPropertyTypes: an absent key, not an undefined one). */
export function dropUndefined<T extends Record<string, unknown>>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** `undefined` for an empty array or object, so empty sections are left out of a record. */
export function nonEmptyOrUndefined<T extends object>(value: T): T | undefined {
  return Object.keys(value).length === 0 ? undefined : value;
}
