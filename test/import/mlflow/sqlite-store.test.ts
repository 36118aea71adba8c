import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { messages, openSqliteStore, readMlflow, sqlitePath } from '../../../src/import/mlflow/index.ts';

// The tables and columns MLflow's SQLAlchemy store reads here (a subset of its schema).
const MLFLOW_DDL = `
CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name VARCHAR(256) NOT NULL, artifact_location VARCHAR(256),
  lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT);
CREATE TABLE runs (run_uuid VARCHAR(32) PRIMARY KEY, name VARCHAR(250), source_type VARCHAR(20), source_name VARCHAR(500),
  entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(9), start_time BIGINT, end_time BIGINT, source_version VARCHAR(50),
  lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER, deleted_time BIGINT);
CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL, run_uuid VARCHAR(32) NOT NULL,
  step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN DEFAULT '0' NOT NULL);
CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL);
CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(8000), run_uuid VARCHAR(32) NOT NULL);
`;

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logbook-sqlite-'));
  temporary.push(dir);
  return dir;
}

function makeStore(): string {
  const file = join(tempDir(), 'mlflow.db');
  const db = new DatabaseSync(file);
  db.exec(MLFLOW_DDL);
  db.exec(`
    INSERT INTO experiments VALUES (0, 'Default', '', 'active', 1, 1), (1, 'kept', '', 'active', 1, 1), (2, 'gone', '', 'deleted', 1, 1);
    INSERT INTO runs (run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage, experiment_id) VALUES
      ('r1', 'first', 'ann', 'FINISHED', 1717200000000, 1717200060000, 'active', 1),
      ('r2', '', 'ann', 'KILLED', 1717200001000, NULL, 'active', 1),
      ('r3', 'deleted', 'ann', 'FINISHED', 1717200002000, NULL, 'deleted', 1),
      ('r4', 'in deleted experiment', 'ann', 'FINISHED', 1717200003000, NULL, 'active', 2);
    INSERT INTO metrics VALUES ('loss', 0.5, 10, 'r1', 1, 0), ('loss', 0, 11, 'r1', 2, 1), ('loss', 1.7976931348623157e308, 12, 'r1', 3, 0),
      ('loss', -1.7976931348623157e308, 13, 'r1', 4, 0), ('loss', 0.9, 9, 'r1', 0, 0), ('val/acc', 0.75, 12, 'r1', 3, 0);
    INSERT INTO params VALUES ('lr', '0.1', 'r1');
    INSERT INTO tags VALUES ('mlflow.runName', 'second', 'r2'), ('team', 'a', 'r1'), ('empty', NULL, 'r1');
  `);
  db.close();
  return file;
}

describe('openSqliteStore', () => {
  test('lists active experiments and their active runs', async () => {
    const { experiments, runs } = await readMlflow(makeStore());
    expect(experiments).toEqual([
      { id: '0', name: 'Default' },
      { id: '1', name: 'kept' },
    ]);
    expect(runs.map((run) => [run.runId, run.name, run.status, run.endTime])).toEqual([
      ['r1', 'first', 'FINISHED', 1717200060000],
      ['r2', 'second', 'KILLED', undefined],
    ]);
  });

  test('reads params, tags (NULL as empty) and metric histories, decoding is_nan and clamped infinities', async () => {
    const { runs } = await readMlflow(makeStore());
    const run = runs[0];
    expect(run?.params).toEqual({ lr: '0.1' });
    expect(run?.tags).toEqual({ empty: '', team: 'a' });
    expect(run?.metrics['loss']).toEqual([
      { step: 0, timestamp: 9, value: 0.9 },
      { step: 1, timestamp: 10, value: 0.5 },
      { step: 2, timestamp: 11, value: Number.NaN },
      { step: 3, timestamp: 12, value: Number.POSITIVE_INFINITY },
      { step: 4, timestamp: 13, value: Number.NEGATIVE_INFINITY },
    ]);
    expect(run?.metrics['val/acc']).toEqual([{ step: 3, timestamp: 12, value: 0.75 }]);
  });

  test('selects experiments by name or id', async () => {
    const file = makeStore();
    expect((await readMlflow(file, ['kept'])).experiments).toEqual([{ id: '1', name: 'kept' }]);
    expect((await readMlflow(file, ['0'])).runs).toEqual([]);
    await expect(readMlflow(file, ['nope'])).rejects.toThrow(messages.experimentNotFound('nope', ['"Default" (0)', '"kept" (1)']));
  });

  test('rejects a file that is not SQLite, and an empty file', async () => {
    await expect(openSqliteStore('test/fixtures/mlflow/corrupt.db')).rejects.toThrow(messages.notSqlite());
    const empty = join(tempDir(), 'empty.db');
    writeFileSync(empty, '');
    await expect(openSqliteStore(empty)).rejects.toThrow(messages.notSqlite());
  });

  test('rejects a SQLite database without MLflow tables', async () => {
    const file = join(tempDir(), 'other.db');
    const db = new DatabaseSync(file);
    db.exec('CREATE TABLE runs (id INTEGER); CREATE TABLE notes (text TEXT);');
    db.close();
    await expect(openSqliteStore(file)).rejects.toThrow(messages.noMlflowTables(['experiments', 'metrics', 'params', 'tags']));
  });

  test('rejects a damaged database with a readable reason', async () => {
    const file = join(tempDir(), 'damaged.db');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(200, 7)]));
    await expect(openSqliteStore(file)).rejects.toThrow(/^cannot read the SQLite database \(/);
  });
});

describe('sqlitePath', () => {
  test.each([
    ['sqlite:///mlflow.db', 'mlflow.db'],
    ['sqlite:////tmp/x/mlflow.db', '/tmp/x/mlflow.db'],
    ['sqlite:///dir%20with%20space/m.db', 'dir with space/m.db'],
  ])('%s → %s', (uri, expected) => {
    expect(sqlitePath(uri)).toBe(expected);
  });
});
