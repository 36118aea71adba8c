import { openSync, readSync, closeSync, statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { reasonOf } from '../files.ts';
import { messages } from './messages.ts';
import { decodeMetricValue, parseInteger, readRunStatus } from './model.ts';
import type { MetricPoint } from '../history.ts';
import type { MlflowExperiment, MlflowReader, MlflowRun } from './model.ts';

/**
 * Reads an MLflow SQL store kept in SQLite (`mlflow.db`), through the tables MLflow's
 * SQLAlchemy store defines: `experiments`, `runs`, `metrics` (full history; `is_nan` marks NaN,
 * and ±inf are stored clamped to ±1.797e308), `params`, `tags`. Opened read-only.
 * `node:sqlite` is loaded on first use, so other sources never trigger its ExperimentalWarning.
 */
export async function openSqliteStore(path: string): Promise<MlflowReader> {
  if (!hasSqliteHeader(path)) throw messages.notSqlite();
  const { DatabaseSync } = await import('node:sqlite');
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (error) {
    throw messages.sqliteUnreadable(reasonOf(error));
  }
  const query = <T>(sql: string, ...params: (string | number)[]): T[] => {
    try {
      return db.prepare(sql).all(...params) as T[];
    } catch (error) {
      throw messages.sqliteUnreadable(reasonOf(error));
    }
  };
  try {
    const tables = new Set(query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => row.name));
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) throw messages.noMlflowTables(missing);
  } catch (error) {
    db.close();
    throw error;
  }

  const warnings: string[] = [];
  return {
    kind: 'sqlite',
    warnings,
    listExperiments() {
      const rows = query<{ experiment_id: number | string; name: string; lifecycle_stage: string | null }>(
        'SELECT experiment_id, name, lifecycle_stage FROM experiments ORDER BY experiment_id',
      );
      return Promise.resolve(
        rows.filter((row) => row.lifecycle_stage !== 'deleted').map((row) => ({ id: String(row.experiment_id), name: row.name })),
      );
    },
    listRuns(experiment) {
      const rows = query<RunRow>(
        `SELECT run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage
           FROM runs WHERE experiment_id = ? ORDER BY start_time, run_uuid`,
        Number(experiment.id),
      );
      return Promise.resolve(rows.filter((row) => row.lifecycle_stage !== 'deleted').map((row) => readRun(row, experiment)));
    },
    close() {
      db.close();
    },
  };

  function readRun(row: RunRow, experiment: MlflowExperiment): MlflowRun {
    const keyValues = (table: 'params' | 'tags'): Record<string, string> => {
      // Keys are user data (`__proto__`, `constructor`): no prototype to collide with.
      const values = Object.create(null) as Record<string, string>;
      for (const kv of query<{ key: string; value: string | null }>(
        `SELECT key, value FROM ${table} WHERE run_uuid = ? ORDER BY key`,
        row.run_uuid,
      )) {
        values[kv.key] = kv.value ?? '';
      }
      return values;
    };
    const tags = keyValues('tags');
    const metrics = Object.create(null) as Record<string, MetricPoint[]>;
    const metricRows = query<{ key: string; value: number; timestamp: number; step: number | null; is_nan: number | null }>(
      'SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = ? ORDER BY key, step, timestamp',
      row.run_uuid,
    );
    for (const metric of metricRows) {
      const value = metric.is_nan === 1 ? Number.NaN : (decodeMetricValue(metric.value) ?? Number.NaN);
      (metrics[metric.key] ??= []).push({ step: metric.step ?? 0, timestamp: metric.timestamp, value });
    }
    return {
      runId: row.run_uuid,
      experiment,
      name: row.name === null || row.name === '' ? tags['mlflow.runName'] : row.name,
      status: readRunStatus(row.status, row.run_uuid, warnings),
      startTime: parseInteger(row.start_time),
      endTime: parseInteger(row.end_time),
      userId: row.user_id ?? undefined,
      params: keyValues('params'),
      tags,
      metrics,
    };
  }
}

interface RunRow {
  run_uuid: string;
  name: string | null;
  user_id: string | null;
  status: string | null;
  start_time: number | null;
  end_time: number | null;
  lifecycle_stage: string | null;
}

const REQUIRED_TABLES = ['experiments', 'runs', 'metrics', 'params', 'tags'] as const;

/** True when the file starts with SQLite's magic header. An empty file is not a database here. */
function hasSqliteHeader(path: string): boolean {
  if (!statSync(path).isFile()) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}
