import { describe, expect, test } from 'vitest';
import { ExperimentSchema } from '../../../src/schema/index.ts';
import {
  assignRecordIds,
  buildHistory,
  findOneStepSeries,
  hashRecord,
  latestPoint,
  parseParamValue,
  recordIdFor,
  selectTestMetrics,
  toIsoDate,
} from '../../../src/import/index.ts';
import type { MetricPoint } from '../../../src/import/index.ts';
import { readRunStatus, oneStepSeriesWarnings, runToRecord } from '../../../src/import/mlflow/index.ts';
import type { MlflowRun, MlflowStatus } from '../../../src/import/mlflow/index.ts';

const PARENT_ID = '0123456789abcdef0123456789abcdef';
const RUN_ID = 'fedcba9876543210fedcba9876543210';

function makeRun(overrides: Partial<MlflowRun> = {}): MlflowRun {
  return {
    runId: RUN_ID,
    experiment: { id: '7', name: 'fraud' },
    name: 'XGB depth 6',
    status: 'FINISHED',
    startTime: Date.UTC(2024, 2, 31, 23, 30),
    endTime: Date.UTC(2024, 3, 1, 1, 0),
    userId: 'svc',
    params: {},
    tags: {},
    metrics: {},
    ...overrides,
  };
}

const ids = new Map([
  [PARENT_ID, 'parent-01234567'],
  [RUN_ID, 'xgb-depth-6-fedcba98'],
]);
const map = (overrides: Partial<MlflowRun> = {}) => runToRecord(makeRun(overrides), { recordIds: ids });
const points = (...values: [step: number, timestamp: number, value: number][]): MetricPoint[] =>
  values.map(([step, timestamp, value]) => ({ step, timestamp, value }));

describe('runToRecord', () => {
  test('maps the run id to trackers.mlflowRunId and import.runId, and the record id from the context', () => {
    const record = map();
    expect(record.id).toBe('xgb-depth-6-fedcba98');
    expect(record.trackers).toEqual({ mlflowRunId: RUN_ID, mlflowExperimentId: '7' });
    expect(record['import']).toMatchObject({ source: 'mlflow', runId: RUN_ID });
  });

  test('maps the run name to name, falling back to the mlflow.runName tag', () => {
    expect(map().name).toBe('XGB depth 6');
    expect(map({ name: undefined, tags: { 'mlflow.runName': 'from tag' } }).name).toBe('from tag');
    expect(map({ name: undefined }).name).toBeUndefined();
  });

  test('puts the experiment name in the mlflow_experiment tag', () => {
    expect(map().tags).toEqual({ mlflow_experiment: 'fraud' });
  });

  test.each<[MlflowStatus, string]>([
    ['RUNNING', 'running'],
    ['SCHEDULED', 'planned'],
    ['FINISHED', 'completed'],
    ['FAILED', 'failed'],
    ['KILLED', 'cancelled'],
  ])('maps status %s to %s', (status, expected) => {
    expect(map({ status }).status).toBe(expected);
  });

  test('maps start and end time to UTC dates', () => {
    const record = map();
    expect(record.date).toBe('2024-03-31');
    expect(record.completionDate).toBe('2024-04-01');
    expect(map({ endTime: undefined }).completionDate).toBeUndefined();
  });

  test('maps params to model.hyperparameters sorted by name, values typed', () => {
    const record = map({ params: { max_depth: '6', booster: 'gbtree', lr: '1e-3', early: 'False' } });
    expect(record.model?.hyperparameters).toEqual([
      { name: 'booster', value: 'gbtree' },
      { name: 'early', value: false },
      { name: 'lr', value: 0.001 },
      { name: 'max_depth', value: 6 },
    ]);
    expect(map().model).toBeUndefined();
  });

  test('maps metric histories to training.history, one column per key, rows by step', () => {
    const record = map({ metrics: { loss: points([1, 20, 0.4], [0, 10, 0.9]), 'val/acc': points([1, 21, 0.8]) } });
    expect(record.training?.history).toEqual([
      { epoch: 0, loss: 0.9, 'val/acc': null },
      { epoch: 1, loss: 0.4, 'val/acc': 0.8 },
    ]);
    // MLflow logs by step: the rows are named steps on the page.
    expect(record.training?.historyAxis).toBe('step');
  });

  test('maps the latest test_ metrics to evaluation.testMetrics with the prefix stripped', () => {
    const record = map({
      metrics: { test_auc: points([0, 1, 0.9], [3, 2, 0.93]), 'test/f1': points([3, 5, 0.7]), loss: points([3, 5, 0.1]) },
    });
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'auc', value: 0.93 },
      { metric: 'f1', value: 0.7 },
    ]);
  });

  test('maps mlflow.parentRunId to lineage.parent (the parent record id) and trackers.mlflowParentRunId', () => {
    const record = map({ tags: { 'mlflow.parentRunId': PARENT_ID } });
    expect(record.lineage).toEqual({ parent: 'parent-01234567' });
    expect(record.trackers?.['mlflowParentRunId']).toBe(PARENT_ID);
  });

  test('leaves lineage out when the parent run is not part of the import', () => {
    const record = map({ tags: { 'mlflow.parentRunId': 'ffffffffffffffffffffffffffffffff' } });
    expect(record.lineage).toBeUndefined();
    expect(record.trackers?.['mlflowParentRunId']).toBe('ffffffffffffffffffffffffffffffff');
  });

  test('maps git and source tags to reproducibility.code', () => {
    const record = map({
      tags: {
        'mlflow.source.git.commit': 'abc123',
        'mlflow.source.name': 'train.py',
        'mlflow.source.git.repoURL': 'https://example.com/repo.git',
        'mlflow.source.git.branch': 'main',
      },
    });
    expect(record.reproducibility).toEqual({
      code: { repository: 'https://example.com/repo.git', branch: 'main', commit: 'abc123', entryPoint: 'train.py' },
    });
    expect(map({ tags: { 'mlflow.gitRepoURL': 'legacy-url' } }).reproducibility).toEqual({ code: { repository: 'legacy-url' } });
    expect(map().reproducibility).toBeUndefined();
  });

  test('maps mlflow.note.content to notes, trimmed', () => {
    expect(map({ tags: { 'mlflow.note.content': '\nA *note*.\n\n' } }).notes).toBe('A *note*.');
    expect(map({ tags: { 'mlflow.note.content': '  ' } }).notes).toBeUndefined();
  });

  test('maps mlflow.user to experimenter, falling back to the run user id', () => {
    expect(map({ tags: { 'mlflow.user': 'ada' } }).experimenter).toBe('ada');
    expect(map().experimenter).toBe('svc');
    expect(map({ userId: undefined }).experimenter).toBeUndefined();
  });

  test('keeps non-mlflow. tags as tags and drops other mlflow. system tags', () => {
    const record = map({ tags: { team: 'risk', 'mlflow.source.type': 'LOCAL', 'mlflow.log-model.history': '[]' } });
    expect(record.tags).toEqual({ team: 'risk', mlflow_experiment: 'fraud' });
  });

  test('sets trackingPlatform to MLflow and trackers.mlflowUrl for tracking-server runs', () => {
    const record = map({ url: 'http://127.0.0.1:5000/#/experiments/7/runs/x' });
    expect(record.trackingPlatform).toBe('MLflow');
    expect(record.trackers?.mlflowUrl).toBe('http://127.0.0.1:5000/#/experiments/7/runs/x');
  });

  test('writes non-finite values as null and lists them in import.nonFinite', () => {
    const record = map({
      metrics: { loss: points([0, 1, Number.NaN], [1, 2, Number.POSITIVE_INFINITY], [2, 3, Number.NEGATIVE_INFINITY]) },
    });
    expect(record.training?.history).toEqual([
      { epoch: 0, loss: null },
      { epoch: 1, loss: null },
      { epoch: 2, loss: null },
    ]);
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'loss', value: null }]);
    expect(record['import']).toMatchObject({
      nonFinite: [
        { metric: 'loss', step: 0, value: 'NaN' },
        { metric: 'loss', step: 1, value: 'Infinity' },
        { metric: 'loss', step: 2, value: '-Infinity' },
      ],
    });
  });

  test('writes $schema when given', () => {
    expect(runToRecord(makeRun(), { recordIds: ids, schema: '../../public/schema/experiment.schema.json' }).$schema).toBe(
      '../../public/schema/experiment.schema.json',
    );
  });

  test('stores the hash of the record in import.hash', () => {
    const record = map({ params: { a: '1' } });
    expect(record['import']).toMatchObject({ hash: hashRecord(record) });
    expect(hashRecord(record)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashRecord(map({ params: { a: '2' } }))).not.toBe(hashRecord(record));
  });

  test('produces records that pass ExperimentSchema, including the fullest one', () => {
    const record = map({
      params: { a: '1', b: 'x' },
      tags: { team: 't', 'mlflow.parentRunId': PARENT_ID, 'mlflow.note.content': 'n', 'mlflow.source.git.commit': 'c' },
      metrics: { epoch: points([0, 1, 1]), test_acc: points([0, 1, Number.NaN]), loss: points([0, 1, 2]) },
      url: 'http://x',
    });
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
    expect(ExperimentSchema.safeParse(map({ name: undefined, startTime: undefined, endTime: undefined, userId: undefined })).success).toBe(
      true,
    );
  });

  test('is deterministic', () => {
    const run = makeRun({ params: { b: '2', a: '1' }, tags: { z: '1', a: '2' }, metrics: { y: points([1, 1, 1]), x: points([0, 1, 1]) } });
    expect(JSON.stringify(runToRecord(run, { recordIds: ids }))).toBe(
      JSON.stringify(runToRecord(structuredClone(run), { recordIds: ids })),
    );
  });
});

describe('recordIdFor', () => {
  test.each([
    ['XGB depth 6', RUN_ID, 'xgb-depth-6-fedcba98'],
    ['  Résumé: run #2 (final) ', RUN_ID, 'resume-run-2-final-fedcba98'],
    ['日本語', RUN_ID, 'run-fedcba98'],
    [undefined, RUN_ID, 'run-fedcba98'],
    ['a'.repeat(80), RUN_ID, `${'a'.repeat(60)}-fedcba98`],
  ])('%j → %s', (name, runId, expected) => {
    expect(recordIdFor(name, runId)).toBe(expected);
  });
});

describe('assignRecordIds', () => {
  test('uses the full run id for runs whose short ids collide', () => {
    const a = { runId: 'abcdef0011111111', name: 'same' };
    const b = { runId: 'abcdef0022222222', name: 'same' };
    const c = { runId: 'abcdef0033333333', name: 'other' };
    expect([...assignRecordIds([a, b, c])]).toEqual([
      [a.runId, 'same-abcdef0011111111'],
      [b.runId, 'same-abcdef0022222222'],
      [c.runId, 'other-abcdef00'],
    ]);
  });
});

describe('parseParamValue', () => {
  test.each([
    ['0.01', 0.01],
    ['1e-3', 0.001],
    ['-2', -2],
    ['+3.5', 3.5],
    ['.5', 0.5],
    ['10.', 10],
    ['0', 0],
    ['True', true],
    ['false', false],
    ['None', null],
    ['null', null],
    ['adam', 'adam'],
    ['007', '007'],
    ['12345678901234567890', '12345678901234567890'],
    ['nan', 'nan'],
    ['inf', 'inf'],
    ['[1, 2]', '[1, 2]'],
    ['', ''],
    [' 3 ', 3],
  ])('%j → %j', (raw, expected) => {
    expect(parseParamValue(raw)).toEqual(expected);
  });
});

describe('buildHistory', () => {
  test('keeps the value with the latest timestamp when a step has several', () => {
    const { rows } = buildHistory({ loss: points([1, 30, 0.3], [1, 50, 0.5], [1, 40, 0.4]) });
    expect(rows).toEqual([{ epoch: 1, loss: 0.5 }]);
  });

  test('breaks a timestamp tie by the larger value, NaN lowest, whatever the order', () => {
    expect(buildHistory({ m: points([0, 9, 2], [0, 9, 5], [0, 9, Number.NaN]) }).rows).toEqual([{ epoch: 0, m: 5 }]);
    expect(buildHistory({ m: points([0, 9, Number.NaN], [0, 9, 5], [0, 9, 2]) }).rows).toEqual([{ epoch: 0, m: 5 }]);
    expect(buildHistory({ m: points([0, 9, Number.NaN], [0, 9, Number.NaN]) }).rows).toEqual([{ epoch: 0, m: null }]);
  });

  test('sorts rows by step numerically and columns by key', () => {
    const { rows } = buildHistory({ b: points([10, 1, 1], [2, 1, 2]), a: points([9, 1, 3]) });
    expect(rows.map((row) => row.epoch)).toEqual([2, 9, 10]);
    expect(Object.keys(rows[0] ?? {})).toEqual(['epoch', 'a', 'b']);
  });

  test('renames a metric called epoch to "epoch (metric)" so the step stays the row epoch', () => {
    expect(buildHistory({ epoch: points([100, 1, 1]) }).rows).toEqual([{ epoch: 100, 'epoch (metric)': 1 }]);
  });

  test('returns no rows for no metrics', () => {
    expect(buildHistory({})).toEqual({ rows: [], nonFinite: [] });
  });
});

describe('findOneStepSeries', () => {
  test('the metrics with two or more values all at one step, sorted; not one re-logged step of a series, not a single value', () => {
    expect(
      findOneStepSeries({
        loss: points([0, 1, 0.9], [0, 2, 0.6], [0, 3, 0.4]),
        acc: points([1, 1, 0.5], [2, 2, 0.6], [2, 3, 0.7]),
        lr: points([0, 1, 0.1]),
        'best/acc': points([7, 1, 0.5], [7, 2, 0.6]),
      }),
    ).toEqual([
      { metric: 'best/acc', values: 2, step: 7 },
      { metric: 'loss', values: 3, step: 0 },
    ]);
  });
});

describe('oneStepSeriesWarnings', () => {
  test('a run whose metric was logged without a step (all at step 0): one warning naming the run, the metric and the count', () => {
    // Three epochs logged with mlflow.log_metric("loss", v): MLflow stores each at step 0; the history keeps the last, 0.4.
    const run = makeRun({ metrics: { loss: points([0, 1, 0.9], [0, 2, 0.6], [0, 3, 0.4]), acc: points([0, 3, 0.8]) } });
    expect(runToRecord(run, { recordIds: ids }).training?.history).toEqual([{ epoch: 0, acc: 0.8, loss: 0.4 }]);
    expect(
      oneStepSeriesWarnings([run, makeRun({ runId: 'other', metrics: { loss: points([0, 1, 0.5], [1, 2, 0.4], [1, 3, 0.3]) } })]),
    ).toEqual([
      'run "fedcba9876543210fedcba9876543210": "loss" has 3 values, all at step 0; the history keeps the latest — ' +
        'a value logged with no step is at step 0: log each with its step (mlflow.log_metric(key, value, step=epoch)) to import the whole series',
    ]);
  });
});

describe('selectTestMetrics', () => {
  test('falls back to val_/eval_ metrics, names as written, when there are no test metrics', () => {
    expect(
      selectTestMetrics({
        val_loss: points([0, 1, 0.5]),
        'eval/acc': points([0, 1, 0.8]),
        train_loss: points([0, 1, 0.4]),
        loss: points([0, 1, 9]),
      }),
    ).toEqual([
      { metric: 'eval/acc', value: 0.8 },
      { metric: 'val_loss', value: 0.5 },
    ]);
  });

  test('falls back to metrics without a split prefix when there are no test or validation metrics', () => {
    expect(
      selectTestMetrics({
        accuracy: points([0, 1, 0.9]),
        train_loss: points([0, 1, 0.4]),
        'system/cpu_utilization_percentage': points([0, 1, 50]),
      }),
    ).toEqual([{ metric: 'accuracy', value: 0.9 }]);
  });

  test('returns nothing when only training metrics were logged', () => {
    expect(selectTestMetrics({ train_loss: points([0, 1, 0.4]), training_acc: points([0, 1, 0.4]) })).toEqual([]);
  });

  test('keeps the names as written when two test metrics strip to the same name', () => {
    expect(selectTestMetrics({ test_acc: points([0, 1, 0.1]), 'test/acc': points([0, 1, 0.2]), test_f1: points([0, 1, 0.3]) })).toEqual([
      { metric: 'f1', value: 0.3 },
      { metric: 'test/acc', value: 0.2 },
      { metric: 'test_acc', value: 0.1 },
    ]);
  });

  test('matches the prefixes case-insensitively', () => {
    expect(selectTestMetrics({ TEST_AUC: points([0, 1, 0.7]) })).toEqual([{ metric: 'AUC', value: 0.7 }]);
  });
});

describe('latestPoint', () => {
  test('picks the largest step, then the latest timestamp', () => {
    expect(latestPoint(points([5, 1, 0.5], [9, 0, 0.9], [9, 2, 0.8], [3, 99, 0.3]))).toEqual({ step: 9, timestamp: 2, value: 0.8 });
    expect(latestPoint([])).toBeUndefined();
  });
});

describe('toIsoDate', () => {
  test.each([
    [Date.UTC(2024, 0, 1, 23, 59, 59), '2024-01-01'],
    [0, '1970-01-01'],
    [undefined, undefined],
  ])('%j → %j', (millis, expected) => {
    expect(toIsoDate(millis)).toBe(expected);
  });
});

describe('readRunStatus', () => {
  test.each<[unknown, string | undefined]>([
    [3, 'FINISHED'],
    [3n, 'FINISHED'],
    ['KILLED', 'KILLED'],
    [undefined, 'RUNNING'],
    [null, 'RUNNING'],
  ])('%s is %s, with no warning', (raw, status) => {
    const warnings: string[] = [];
    expect(readRunStatus(raw, 'r1', warnings)).toBe(status);
    expect(warnings).toEqual([]);
  });

  test.each([[99n], ['PAUSED']])('%s, none of MLflow’s, is left out with a warning naming the run (not "running")', (raw) => {
    const warnings: string[] = [];
    expect(readRunStatus(raw, 'd6919ef4', warnings)).toBeUndefined();
    expect(warnings).toEqual([
      `run "d6919ef4": status "${String(raw)}" is none of MLflow's (RUNNING, SCHEDULED, FINISHED, FAILED, KILLED, or codes 1–5); status left out`,
    ]);
    expect(map({ status: undefined }).status).toBeUndefined();
  });
});
