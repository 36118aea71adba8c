/**
 * Interop proof for the MLflow import: real MLflow (pinned in scripts/test-interop.ts) logged the
 * same runs into a file store, a SQLite store and a live tracking server (log_runs.py, which also
 * wrote expected.json); here the real CLI imports all three and the records are checked value for
 * value against what was logged, and against each other.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Experiment } from '../../src/schema/index.ts';
import { formatImportError, importMessages, recordIdFor } from '../../src/import/index.ts';
import { messages } from '../../src/import/mlflow/index.ts';
import { readRecords } from './helpers.ts';

interface LoggedRun {
  name: string;
  runId: string;
  experimentId: string;
  experiment: string;
  status: string;
  startTime: number;
  endTime: number | null;
  user: string;
  parentRunId: string | null;
  parentName: string | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  note: string | null;
  git: Record<string, string>;
  sourceName: string;
  metrics: Record<string, [step: number, timestamp: number, value: number | string][]>;
  deleted: boolean;
}
interface Expected {
  mlflowVersion: string;
  stores: Record<StoreName, { uri: string; runs: LoggedRun[] }>;
}
type StoreName = 'file' | 'sqlite' | 'server';

const DIR = process.env['INTEROP_DIR'];
const SERVER_URL = process.env['INTEROP_SERVER_URL'];
if (DIR === undefined || SERVER_URL === undefined)
  throw new Error('run this suite with `npm run test:interop` (it logs the MLflow runs first)');
const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected;
const SOURCES: Record<StoreName, string> = {
  file: join(DIR, 'mlruns'),
  sqlite: `sqlite:///${join(DIR, 'mlflow.db')}`,
  server: SERVER_URL,
};
const STORES: StoreName[] = ['file', 'sqlite', 'server'];

function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(NODE, ['bin/logbook.js', 'import', '--from', 'mlflow', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MLFLOW_TRACKING_TOKEN: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'logbook-interop-out-'));
const outDir = (store: StoreName): string => join(work, store);
const firstImport = new Map<StoreName, ReturnType<typeof runCli>>();
const records = new Map<StoreName, Map<string, Experiment>>();

beforeAll(() => {
  for (const store of STORES) {
    firstImport.set(store, runCli(SOURCES[store], '--out', outDir(store)));
    records.set(store, readRecords(outDir(store)));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STATUS: Record<string, string> = {
  RUNNING: 'running',
  SCHEDULED: 'planned',
  FINISHED: 'completed',
  FAILED: 'failed',
  KILLED: 'cancelled',
};
const isoDate = (millis: number): string => new Date(millis).toISOString().slice(0, 10);
const numberOrNull = (value: number | string): number | null => (typeof value === 'number' ? value : null);

/** The per-step table worked out independently from what was logged. */
function expectedHistory(run: LoggedRun): Record<string, number | null>[] {
  const keys = Object.keys(run.metrics).sort();
  const steps = [...new Set(keys.flatMap((key) => (run.metrics[key] ?? []).map(([step]) => step)))].sort((a, b) => a - b);
  return steps.map((step) => {
    const row: Record<string, number | null> = { epoch: step };
    for (const key of keys) {
      const atStep = (run.metrics[key] ?? []).filter(([s]) => s === step).sort((a, b) => b[1] - a[1]);
      row[key] = atStep[0] === undefined ? null : numberOrNull(atStep[0][2]);
    }
    return row;
  });
}

/** Test metrics and typed hyperparameters per run, worked out by hand from log_runs.py. */
const TEST_METRICS: Record<string, { metric: string; value: number | null }[] | undefined> = {
  'sweep parent': [
    { metric: 'accuracy', value: 0.8125 },
    { metric: 'f1', value: 0.75 },
  ],
  'trial 1': [{ metric: 'val_acc', value: 0.625 }],
  'trial 1 fold 0': [{ metric: 'val_acc', value: 0.375 }],
  'trial 2': undefined,
  'still running': [{ metric: 'loss', value: 2.5 }],
  'xgb baseline': [
    { metric: 'auc', value: 0.875 },
    { metric: 'logloss', value: 0.4375 },
  ],
};
const HYPERPARAMETERS: Record<string, Record<string, string | number | boolean | null>> = {
  'sweep parent': { batch_size: 64, lr: 0.01, 'model/depth': 18, optimizer: 'adam', use_amp: true },
  'trial 1': { lr: 0.02, scheduler: null },
  'trial 1 fold 0': { fold: 0 },
  'trial 2': { lr: 0.04 },
  'still running': { lr: 0.08 },
  'xgb baseline': { eta: 0.001, max_depth: null, objective: 'binary:logistic' },
};
const NON_FINITE: Record<string, { metric: string; step: number; value: string }[]> = {
  'trial 1': [{ metric: 'loss', step: 1, value: 'NaN' }],
  'xgb baseline': [
    { metric: 'logloss', step: 0, value: 'Infinity' },
    { metric: 'train_logloss', step: 1, value: '-Infinity' },
  ],
};

test('log_runs.py logged the scenario into all three stores', () => {
  for (const store of STORES)
    expect(expected.stores[store].runs.map((run) => run.name)).toEqual([
      'sweep parent',
      'trial 1',
      'trial 1 fold 0',
      'trial 2',
      'still running',
      'deleted run',
      'xgb baseline',
      'run in deleted experiment',
    ]);
});

describe.each(STORES)('import from the %s store', (store) => {
  const logged = expected.stores[store].runs;
  const active = logged.filter((run) => !run.deleted);
  const idOf = (run: LoggedRun): string => recordIdFor(run.name, run.runId);
  const recordOf = (run: LoggedRun): Experiment => {
    const record = records.get(store)?.get(idOf(run));
    if (record === undefined) throw new Error(`no record for ${run.name} (${idOf(run)})`);
    return record;
  };

  test('the CLI writes one record per active run, prints each and a summary', () => {
    const result = firstImport.get(store);
    expect(result?.stderr).toBe('');
    expect(result?.status).toBe(0);
    const lines = result?.stdout.trim().split('\n') ?? [];
    expect(lines.slice(0, -1)).toEqual(active.map((run) => `written   ${join(outDir(store), `${idOf(run)}.json`)}`).sort());
    expect(lines.at(-1)).toBe(`import:mlflow: ${SOURCES[store]}: 6 runs from 3 experiments — 6 written, 0 updated, 0 unchanged, 0 skipped`);
    expect([...(records.get(store)?.keys() ?? [])].sort()).toEqual(active.map(idOf).sort());
  });

  test('deleted runs and runs of deleted experiments are not imported', () => {
    for (const run of logged.filter((r) => r.deleted)) expect(records.get(store)?.has(idOf(run))).toBe(false);
  });

  test.each(active.map((run) => [run.name, run] as const))(
    '%s: run info, tags, lineage, code and notes match what was logged',
    (_name, run) => {
      const record = recordOf(run);
      expect(record.id).toBe(idOf(run));
      expect(record.name).toBe(run.name);
      expect(record.status).toBe(STATUS[run.status]);
      expect(record.date).toBe(isoDate(run.startTime));
      expect(record.completionDate).toBe(run.endTime === null ? undefined : isoDate(run.endTime));
      expect(record.experimenter).toBe(run.user);
      expect(record.trackingPlatform).toBe('MLflow');
      expect(record.tags).toEqual({ ...run.tags, mlflow_experiment: run.experiment });
      const parent = run.parentName === null ? undefined : logged.find((r) => r.name === run.parentName);
      expect(record.lineage).toEqual(parent === undefined ? undefined : { parent: idOf(parent) });
      expect(record.notes).toBe(run.note?.trim());
      expect(record.reproducibility?.code).toEqual({
        ...(run.git['repoURL'] === undefined ? {} : { repository: run.git['repoURL'] }),
        ...(run.git['branch'] === undefined ? {} : { branch: run.git['branch'] }),
        ...(run.git['commit'] === undefined ? {} : { commit: run.git['commit'] }),
        entryPoint: run.sourceName,
      });
      expect(record.trackers).toEqual({
        mlflowRunId: run.runId,
        mlflowExperimentId: run.experimentId,
        ...(store === 'server' ? { mlflowUrl: `${SERVER_URL}/#/experiments/${run.experimentId}/runs/${run.runId}` } : {}),
        ...(run.parentRunId === null ? {} : { mlflowParentRunId: run.parentRunId }),
      });
      expect(record['import']).toMatchObject({ source: 'mlflow', runId: run.runId, hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    },
  );

  test.each(active.map((run) => [run.name, run] as const))(
    '%s: params, metric history and test metrics match what was logged',
    (name, run) => {
      const record = recordOf(run);
      expect(Object.fromEntries((record.model?.hyperparameters ?? []).map((h) => [h.name, h.value]))).toEqual(HYPERPARAMETERS[name]);
      expect(record.model?.hyperparameters?.map((h) => h.name)).toEqual(Object.keys(run.params).sort());
      const history = expectedHistory(run);
      expect(record.training?.history).toEqual(history.length === 0 ? undefined : history);
      expect(record.evaluation?.testMetrics).toEqual(TEST_METRICS[name]);
      expect((record['import'] as { nonFinite?: unknown }).nonFinite).toEqual(NON_FINITE[name]);
    },
  );

  test('a second import leaves every record unchanged, byte for byte', () => {
    const before = new Map(readdirSync(outDir(store)).map((file) => [file, readFileSync(join(outDir(store), file), 'utf8')]));
    const again = runCli(SOURCES[store], '--out', outDir(store));
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toBe(
      `import:mlflow: ${SOURCES[store]}: 6 runs from 3 experiments — 0 written, 0 updated, 6 unchanged, 0 skipped`,
    );
    for (const [file, text] of before) expect(readFileSync(join(outDir(store), file), 'utf8')).toBe(text);
  });

  test('a record edited by hand is skipped, and overwritten only with --force', () => {
    const run = active[0] as LoggedRun;
    const file = join(outDir(store), `${idOf(run)}.json`);
    const original = readFileSync(file, 'utf8');
    const edited = original.replace('"name": "sweep parent"', '"name": "Sweep parent (renamed by hand)"');
    expect(edited).not.toBe(original);
    writeFileSync(file, edited);
    const skipped = runCli(SOURCES[store], '--out', outDir(store));
    expect(skipped.stdout).toContain(`skipped   ${file} — ${importMessages.editedByHand()}`);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const forced = runCli(SOURCES[store], '--out', outDir(store), '--force');
    expect(forced.stdout).toContain(`updated   ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  test('--experiment selects by name and --format md writes frontmatter records', () => {
    const dir = join(work, `${store}-md`);
    const result = runCli(SOURCES[store], '--out', dir, '--experiment', 'interop-tabular', '--format', 'md');
    expect(result.status).toBe(0);
    const xgb = logged.find((run) => run.name === 'xgb baseline') as LoggedRun;
    expect(readdirSync(dir)).toEqual([`${idOf(xgb)}.md`]);
    expect(readFileSync(join(dir, `${idOf(xgb)}.md`), 'utf8')).toMatch(/^---\nid: xgb-baseline-[0-9a-f]{8}\nname: xgb baseline\n/);
  });
});

describe('the three imports agree', () => {
  /** A record with its store-specific parts (run ids, experiment ids, URL, hash) replaced by run names. */
  function normalize(store: StoreName, record: Experiment): unknown {
    let text = JSON.stringify(record);
    for (const run of expected.stores[store].runs) {
      text = text.replaceAll(recordIdFor(run.name, run.runId), `<${run.name}>`).replaceAll(run.runId, `<run ${run.name}>`);
    }
    const value = JSON.parse(text) as Record<string, unknown> & { trackers: Record<string, unknown>; import: Record<string, unknown> };
    delete value.trackers['mlflowExperimentId'];
    delete value.trackers['mlflowUrl'];
    delete value.import['hash'];
    return value;
  }

  test('file store, SQLite store and tracking server give the same records', () => {
    const [file, sqlite, server] = STORES.map((store) =>
      [...(records.get(store)?.values() ?? [])]
        .map((record) => normalize(store, record))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(file).toHaveLength(6);
    expect(sqlite).toEqual(file);
    expect(server).toEqual(file);
  });

  test('a SQLite store given as a plain path imports the same as its sqlite:/// URI', () => {
    const dir = join(work, 'sqlite-plain');
    expect(runCli(join(DIR, 'mlflow.db'), '--out', dir).status).toBe(0);
    expect(readRecords(dir)).toEqual(records.get('sqlite'));
  });
});

/** A tiny HTTP server that answers 401 to everything and prints its port. */
const UNAUTHORIZED_SERVER = `
const server = require('node:http').createServer((request, response) => {
  response.writeHead(401, { 'content-type': 'application/json' });
  response.end('{"error_code":"UNAUTHENTICATED","message":"You are not authenticated."}');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

describe('bad sources fail with one line and write nothing', () => {
  let unauthorizedUrl = '';
  let closedUrl = '';
  // The 401 server runs in its own process: the CLI runs synchronously and would block this one.
  let unauthorized: ChildProcess | undefined;
  beforeAll(async () => {
    unauthorized = spawn(NODE, ['-e', UNAUTHORIZED_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<string>((done, failed) => {
      unauthorized?.stdout?.once('data', (chunk: Buffer) => done(chunk.toString().trim()));
      unauthorized?.once('exit', (code) => failed(new Error(`401 server exited with ${code}`)));
    });
    unauthorizedUrl = `http://127.0.0.1:${port}`;
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((done) => probe.close(done));
  });
  afterAll(() => {
    unauthorized?.kill();
  });

  function expectFailure(source: string, error: Parameters<typeof formatImportError>[1], ...args: string[]): void {
    const out = join(work, 'never-written');
    const result = runCli(source, '--out', out, ...args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${formatImportError(source, error, 'mlflow')}\n`);
    expect(existsSync(out)).toBe(false);
  }

  test('a tracking server that is down (closed port)', () => {
    expectFailure(closedUrl, messages.serverUnreachable('connection refused'));
  });

  test('a tracking server that answers 401', () => {
    expectFailure(unauthorizedUrl, messages.serverUnauthorized(401, false));
  });

  test('a folder that is not an mlruns store', () => {
    expectFailure(join(ROOT, 'test/fixtures/mlflow/not-a-store'), messages.notAFileStore(undefined));
  });

  test('the folder above an mlruns store, with a suggestion', () => {
    expectFailure(DIR, messages.notAFileStore(join(DIR, 'mlruns')));
  });

  test('a file that is not SQLite', () => {
    expectFailure(join(ROOT, 'test/fixtures/mlflow/corrupt.db'), messages.notSqlite());
  });

  test('a SQLite file without MLflow tables', () => {
    const file = join(work, 'not-mlflow.db');
    const db = new DatabaseSync(file);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    expectFailure(file, messages.noMlflowTables(['experiments', 'runs', 'metrics', 'params', 'tags']));
  });

  test('a path that does not exist', () => {
    expectFailure(join(work, 'missing', 'mlruns'), importMessages.sourceMissing('mlflow'));
  });

  test('an experiment that is not in the store', () => {
    expectFailure(
      SOURCES.sqlite,
      messages.experimentNotFound('nope', ['"Default" (0)', '"interop-vision" (1)', '"interop-tabular" (2)']),
      '--experiment',
      'nope',
    );
  });
});
