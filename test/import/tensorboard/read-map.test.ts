import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ExperimentSchema } from '../../../src/schema/index.ts';
import { chooseTestMetrics, encodeTfRecord, messages, readTensorBoard, tbRunToRecord } from '../../../src/import/tensorboard/index.ts';
import type { TbRun } from '../../../src/import/tensorboard/index.ts';
import { eventFile, hparamsEvent, message, sessionStart, simpleScalar, tensorScalar } from './encode.ts';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function logDir(files: Record<string, Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'logbook-tb-'));
  temporary.push(root);
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return root;
}
const EVENTS = 'events.out.tfevents.1717200000.host';

describe('readTensorBoard', () => {
  test('one run per folder of event files; add_hparams sub-folder merged into its run', () => {
    const root = logDir({
      [`run-a/${EVENTS}`]: eventFile([simpleScalar('loss', 0, 0.5), simpleScalar('loss', 1, 0.25)]),
      [`run-a/1717200123.456/${EVENTS}`]: eventFile([
        hparamsEvent(2, [[5, [[1, [[2, 'hparam/acc']]]]]]),
        sessionStart({ lr: 0.01, opt: 'sgd' }),
        hparamsEvent(4, [
          [1, 1],
          [2, 1717203600, 'double'],
        ]),
        simpleScalar('hparam/acc', 0, 0.875),
      ]),
      [`run-b/${EVENTS}`]: eventFile([tensorScalar('epoch_acc', 0, 0.5, 2, true), tensorScalar('epoch_acc', 1, 0.75, 2, false)]),
    });
    const { runs, warnings } = readTensorBoard(root, root);
    expect(warnings).toEqual([]);
    expect(runs.map((run) => run.path)).toEqual(['run-a', 'run-b']);
    const [a, b] = runs;
    expect(a?.hparams).toEqual({ lr: 0.01, opt: 'sgd' });
    expect(a?.finalMetrics['hparam/acc']?.map((point) => point.value)).toEqual([0.875]);
    expect(a?.scalars['loss']?.map((point) => [point.step, point.value])).toEqual([
      [0, 0.5],
      [1, 0.25],
    ]);
    expect(a?.status).toBe(1);
    expect(a?.endTime).toBe(1717203600000);
    expect(b?.scalars['epoch_acc']?.map((point) => point.value)).toEqual([0.5, 0.75]);
  });

  test('the Keras layout: run/train/ and run/validation/ are one run with the run folder’s hparams, a history column per split', () => {
    const root = logDir({
      [`run-lr0.01/${EVENTS}`]: eventFile([sessionStart({ lr: 0.01 })]),
      [`run-lr0.01/train/${EVENTS}`]: eventFile([tensorScalar('epoch_loss', 0, 0.9, 1, true), tensorScalar('epoch_loss', 1, 0.6, 2, true)]),
      [`run-lr0.01/validation/${EVENTS}`]: eventFile([
        tensorScalar('epoch_loss', 0, 1, 1, true),
        tensorScalar('epoch_loss', 1, 0.7, 2, true),
      ]),
      [`no-hparams/train/${EVENTS}`]: eventFile([simpleScalar('epoch_loss', 0, 0.5)]),
    });
    const { runs } = readTensorBoard(root, root);
    expect(runs.map((run) => [run.path, run.name])).toEqual([
      ['no-hparams', 'no-hparams'],
      ['run-lr0.01', 'run-lr0.01'],
    ]);
    const record = tbRunToRecord(runs[1] as TbRun, { id: 'run-lr0-01' });
    expect(record.model?.hyperparameters).toEqual([{ name: 'lr', value: 0.01 }]);
    expect(record.training?.history).toEqual([
      { epoch: 0, 'train/epoch_loss': 0.9, 'validation/epoch_loss': 1 },
      { epoch: 1, 'train/epoch_loss': 0.6, 'validation/epoch_loss': 0.7 },
    ]);
    // The validation split is the test metrics' tier, as for every source; training values are not.
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'validation/epoch_loss', value: 0.7 }]);
    expect(Object.keys(runs[0]?.scalars ?? {})).toEqual(['train/epoch_loss']);
  });

  test('the TF Estimator layout: eval/ and eval_<name>/ beside the training events are one run, eval history and final eval values', () => {
    const root = logDir({
      [`model/${EVENTS}`]: eventFile([
        simpleScalar('loss', 100, 0.875),
        simpleScalar('global_step/sec', 100, 12.5),
        simpleScalar('loss', 200, 0.5),
      ]),
      [`model/eval/${EVENTS}`]: eventFile([
        simpleScalar('loss', 100, 0.75),
        simpleScalar('accuracy', 100, 0.625),
        simpleScalar('loss', 200, 0.5625),
        simpleScalar('accuracy', 200, 0.8125),
      ]),
      [`model/eval_holdout/${EVENTS}`]: eventFile([simpleScalar('accuracy', 200, 0.75)]),
    });
    const { runs } = readTensorBoard(root, root);
    expect(runs.map((run) => [run.path, run.name])).toEqual([['model', 'model']]);
    const record = tbRunToRecord(runs[0] as TbRun, { id: 'model' });
    expect(record.training?.history).toEqual([
      { epoch: 100, 'eval/accuracy': 0.625, 'eval/loss': 0.75, 'eval_holdout/accuracy': null, 'global_step/sec': 12.5, loss: 0.875 },
      { epoch: 200, 'eval/accuracy': 0.8125, 'eval/loss': 0.5625, 'eval_holdout/accuracy': 0.75, 'global_step/sec': null, loss: 0.5 },
    ]);
    // The eval split is the validation tier: its latest values are the test metrics, as Keras's validation/ ones are.
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'eval/accuracy', value: 0.8125 },
      { metric: 'eval/loss', value: 0.5625 },
      { metric: 'eval_holdout/accuracy', value: 0.75 },
    ]);
  });

  test('a run folder named eval among other runs, with no training events above it, is a run of its own', () => {
    const root = logDir({
      [`runs/eval/${EVENTS}`]: eventFile([simpleScalar('loss', 0, 0.5)]),
      [`runs/baseline/${EVENTS}`]: eventFile([simpleScalar('loss', 0, 0.25)]),
    });
    expect(readTensorBoard(root, root).runs.map((run) => [run.path, Object.keys(run.scalars)])).toEqual([
      ['runs/baseline', ['loss']],
      ['runs/eval', ['loss']],
    ]);
  });

  test('the TF2 hparams layout: the config above the runs is not a run, and its domains and metrics apply below it', () => {
    const root = logDir({
      [EVENTS]: eventFile([
        hparamsEvent(2, [
          [
            4,
            [
              [1, 'lr'],
              [
                6,
                [
                  [1, 0.001, 'double'],
                  [2, 0.1, 'double'],
                ],
              ],
            ],
          ],
          [5, [[1, [[2, 'epoch_acc']]]]],
        ]),
      ]),
      [`trial-1/${EVENTS}`]: eventFile([
        sessionStart({ lr: 0.01 }),
        tensorScalar('epoch_acc', 0, 0.5, 1, true),
        simpleScalar('loss', 0, 1),
      ]),
    });
    const { runs } = readTensorBoard(root, root);
    expect(runs.map((run) => run.path)).toEqual(['trial-1']);
    expect(runs[0]?.domains).toEqual({ lr: { kind: 'range', min: 0.001, max: 0.1 } });
    expect(runs[0]?.metricTags).toEqual(['epoch_acc']);
  });

  test('a file cut short is read up to its last complete record, with a warning', () => {
    const bytes = eventFile([simpleScalar('loss', 0, 0.5), simpleScalar('loss', 1, 0.25)]);
    const root = logDir({ [EVENTS]: bytes.subarray(0, bytes.length - 3) });
    const { runs, warnings } = readTensorBoard(root, root);
    expect(runs[0]?.scalars['loss']).toHaveLength(1);
    expect(warnings).toEqual([messages.truncated(EVENTS)]);
  });

  test.each([
    [
      'a corrupt record',
      (bytes: Uint8Array) => bytes.map((byte, index) => (index === bytes.length - 8 ? byte ^ 0x40 : byte)),
      messages.corruptRecord(EVENTS, 3, 'data'),
    ],
    [
      'a file that does not start with file_version',
      () => encodeTfRecord(simpleScalar('loss', 0, 1)),
      messages.badEvent(EVENTS, 1, 'it does not start with a file_version event'),
    ],
    ['an empty file', () => new Uint8Array(), messages.noRuns()],
  ])('%s is an ImportError', (_name, damage, error) => {
    const root = logDir({ [EVENTS]: damage(eventFile([simpleScalar('loss', 0, 0.5), simpleScalar('loss', 1, 0.25)])) });
    expect(() => readTensorBoard(root, root)).toThrow(error.message);
  });

  test('records that are not events are an ImportError naming the file and record', () => {
    const root = logDir({ [EVENTS]: eventFile([new Uint8Array([0x0b])]) });
    expect(() => readTensorBoard(root, root)).toThrow(messages.badEvent(EVENTS, 2, 'unsupported wire type 3 (field 1)').message);
  });

  test('a folder of event files without scalars or hparams has no runs', () => {
    const root = logDir({
      [EVENTS]: eventFile([
        message([
          [1, 1717200000, 'double'],
          [3, 'brain.Event:2'],
        ]),
      ]),
    });
    expect(() => readTensorBoard(root, root)).toThrow(messages.noRuns().message);
  });
});

const RUN: TbRun = {
  path: 'runs/a',
  name: 'runs/a',
  scalars: {
    'train/loss': [
      { step: 0, timestamp: 1, value: 0.5 },
      { step: 1, timestamp: 2, value: Number.NaN },
    ],
    'val/acc': [{ step: 1, timestamp: 2, value: 0.75 }],
  },
  hparams: { lr: 0.01, weird: Number.POSITIVE_INFINITY },
  domains: { lr: { kind: 'range', min: 0.001, max: 0.1 } },
  metricTags: [],
  finalMetrics: {},
  status: 2,
  startTime: Date.UTC(2024, 5, 1, 12),
  endTime: Date.UTC(2024, 5, 2, 1),
};

describe('tbRunToRecord', () => {
  const record = tbRunToRecord(RUN, { id: 'runs-a', schema: '../schema.json' });

  test('maps the run to a valid record: name, dates, status, platform', () => {
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({
      $schema: '../schema.json',
      id: 'runs-a',
      name: 'runs/a',
      date: '2024-06-01',
      completionDate: '2024-06-02',
      status: 'failed',
      trackingPlatform: 'TensorBoard',
    });
  });

  test('hparams become hyperparameters with their search space; a non-finite value is kept as text', () => {
    expect(record.model?.hyperparameters).toEqual([
      { name: 'lr', value: 0.01, searchSpace: { kind: 'range', min: 0.001, max: 0.1 } },
      { name: 'weird', value: 'Infinity' },
    ]);
  });

  test('scalars become the per-step history; NaN is a null cell listed in import.nonFinite', () => {
    expect(record.training?.history).toEqual([
      { epoch: 0, 'train/loss': 0.5, 'val/acc': null },
      { epoch: 1, 'train/loss': null, 'val/acc': 0.75 },
    ]);
    expect(record.training?.historyAxis).toBe('step');
    expect(record['import']).toMatchObject({
      source: 'tensorboard',
      runId: 'runs/a',
      nonFinite: [{ metric: 'train/loss', step: 1, value: 'NaN' }],
    });
  });

  test('import.runId of the source folder itself is its name (as when a folder above it is imported), not "."', () => {
    const own = tbRunToRecord({ ...RUN, path: '.', name: 'trial0' }, { id: 'trial0' });
    expect(own['import']).toMatchObject({ runId: 'trial0' });
  });

  test.each([
    [1, 'completed'],
    [3, 'running'],
    [0, undefined],
  ])('session status %i maps to %s', (status, expected) => {
    expect(tbRunToRecord({ ...RUN, status }, { id: 'x' }).status).toBe(expected);
  });
});

describe('chooseTestMetrics', () => {
  test('the add_hparams metrics first', () => {
    expect(chooseTestMetrics({ ...RUN, finalMetrics: { 'hparam/acc': [{ step: 0, timestamp: 0, value: 0.9 }] } })).toEqual([
      { metric: 'hparam/acc', value: 0.9 },
    ]);
  });
  test('else the metric tags the hparams experiment names', () => {
    expect(chooseTestMetrics({ ...RUN, metricTags: ['train/loss'] })).toEqual([{ metric: 'train/loss', value: null }]);
  });
  test('else the split tiers: validation metrics when there are no test metrics', () => {
    expect(chooseTestMetrics(RUN)).toEqual([{ metric: 'val/acc', value: 0.75 }]);
  });
});
