/**
 * The DVC import. test/fixtures/dvc/ holds files written by DVC 3.67.1 and DVCLive 3.49.1 (made by
 * test/interop/log_dvc.py, the .git and .dvc folders left out): a project whose one stage logs with
 * DVCLive, and `dvc exp show --json` after one `dvc exp run --set-param train.lr=0.5`.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { assignRecordIds } from '../../../src/import/index.ts';
import { ExperimentSchema } from '../../../src/schema/index.ts';
import {
  confusionFromRows,
  dvcRunToRecord,
  flattenValues,
  historySeries,
  messages,
  parseDvcliveTsv,
  parseExpShow,
  parseSimpleToml,
  readDvcProject,
  readLock,
  seedParams,
} from '../../../src/import/dvc/index.ts';
import type { DvcRun } from '../../../src/import/dvc/index.ts';

const FIXTURES = resolve('test/fixtures/dvc');
const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function copyProject(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'logbook-dvc-')), 'project');
  temporary.push(join(dir, '..'));
  cpSync(join(FIXTURES, 'project'), dir, { recursive: true });
  return dir;
}

describe('readDvcProject + dvcRunToRecord', () => {
  const warnings: string[] = [];
  const run = readDvcProject(join(FIXTURES, 'project'), 'project', warnings);
  const record = dvcRunToRecord(run, { recordIds: new Map([['workspace', 'project']]) });

  test('the workspace is one valid record', () => {
    expect(warnings).toEqual([]);
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({
      id: 'project',
      name: 'project',
      trackingPlatform: 'DVC',
      import: { source: 'dvc', runId: 'workspace' },
    });
  });

  test('params.yaml (nested keys joined with .) and DVCLive params become hyperparameters; seed also a seed', () => {
    expect(record.model?.hyperparameters).toEqual([
      { name: 'model', value: 'logreg' },
      { name: 'seed', value: 7 },
      { name: 'train.epochs', value: 3 },
      { name: 'train.lr', value: 0.5 },
      { name: 'train.optimizer', value: 'sgd' },
    ]);
    expect(record.reproducibility?.seeds).toEqual({ seed: 7 });
  });

  test('plots/metrics/**.tsv become the history (name = path without .tsv), nan a null cell', () => {
    expect(record.training?.history).toEqual([
      { epoch: 0, grad_ratio: 0, 'train/loss': 0.85134, 'val/acc': 0.5 },
      { epoch: 1, grad_ratio: null, 'train/loss': 0.42567, 'val/acc': 0.6 },
      { epoch: 2, grad_ratio: 0.5, 'train/loss': 0.28378, 'val/acc': 0.7 },
    ]);
    expect(record.training?.historyAxis).toBe('step');
    expect(record['import']).toMatchObject({ nonFinite: [{ metric: 'grad_ratio', step: 1, value: 'NaN' }] });
  });

  test('metrics.json: test/ metrics become test metrics; the confusion matrix counts actual × predicted', () => {
    expect(record.evaluation).toEqual({
      testMetrics: [{ metric: 'acc', value: 0.81 }],
      confusionMatrix: {
        labels: ['0', '1'],
        matrix: [
          [2, 1],
          [1, 2],
        ],
      },
    });
  });

  test('dvc.lock: the command, the dependencies with their md5, the outputs as artifacts', () => {
    expect(record.reproducibility?.code).toEqual({ entryPoint: 'python train.py' });
    expect(record.reproducibility?.['dependencies']).toEqual([
      { path: 'data.csv', md5: '6882d119e6fd5bd2d1474e01431f8d82', size: 12 },
      { path: 'train.py', md5: '2e2fceb7f27206a968b049dc8ef6e9c7', size: 677 },
    ]);
    expect(record.reproducibility?.artifacts?.map((artifact) => artifact.name)).toEqual(['dvclive/metrics.json', 'dvclive/plots']);
  });

  test('the git branch and commit of a checked-out repository', () => {
    const dir = copyProject();
    const sha = 'a'.repeat(40);
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git/HEAD'), 'ref: refs/heads/feature/x\n');
    writeFileSync(join(dir, '.git/packed-refs'), `# pack-refs\n${sha} refs/heads/feature/x\n`);
    expect(readDvcProject(dir, 'p', [])).toMatchObject({ branch: 'feature/x', commit: sha });
  });

  test.each([
    ['params.yaml', 'a: [1', 'params.yaml'],
    ['dvclive/metrics.json', '{', 'dvclive/metrics.json'],
  ])('a broken %s is an ImportError', (file, text, shown) => {
    const dir = copyProject();
    writeFileSync(join(dir, file), text);
    expect(() => readDvcProject(dir, 'p', [])).toThrow(`${shown} is not valid`);
  });

  test('a bare NaN or Infinity in metrics.json (as json.dump writes a diverged metric) is left out with a warning, not an ImportError', () => {
    const dir = copyProject();
    writeFileSync(join(dir, 'dvclive/metrics.json'), '{"test": {"acc": 0.81, "f1": NaN}, "loss": Infinity, "step": 2}');
    const warnings: string[] = [];
    const run = readDvcProject(dir, 'p', warnings);
    expect(run.metrics).toEqual({ 'test/acc': 0.81 });
    expect(warnings).toEqual([
      messages.badMetricValue('dvclive/metrics.json', 'test/f1'),
      messages.badMetricValue('dvclive/metrics.json', 'loss'),
    ]);
  });

  test('a DVCLive folder other than dvclive/ (Live("eval")) is found where dvc.yaml lists its plots', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'logbook-dvc-')), 'eval-project');
    temporary.push(join(dir, '..'));
    mkdirSync(join(dir, 'eval/plots/metrics'), { recursive: true });
    mkdirSync(join(dir, 'eval/plots/sklearn/cm'), { recursive: true });
    // As DVCLive 3 writes dvc.yaml for Live("eval") with log_sklearn_plot("confusion_matrix", …, name="cm/test.json").
    writeFileSync(
      join(dir, 'dvc.yaml'),
      [
        'metrics:',
        '- eval/metrics.json',
        'plots:',
        '- eval/plots/metrics:',
        '    x: step',
        '- eval/plots/sklearn/cm/test.json:',
        '    template: confusion',
        '    x: actual',
        '    y: predicted',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'eval/metrics.json'), '{"test": {"acc": 0.75}, "step": 1}');
    writeFileSync(join(dir, 'eval/plots/metrics/loss.tsv'), 'timestamp\tstep\tloss\n1717200000000\t0\t0.5\n1717200001000\t1\t0.25\n');
    writeFileSync(
      join(dir, 'eval/plots/sklearn/cm/test.json'),
      '[{"actual": 0, "predicted": 0}, {"actual": 1, "predicted": 0}, {"actual": 1, "predicted": 1}]',
    );
    const warnings: string[] = [];
    const mapped = dvcRunToRecord(readDvcProject(dir, 'eval-project', warnings), { recordIds: new Map() });
    expect(warnings).toEqual([]);
    expect(mapped.training?.history).toEqual([
      { epoch: 0, loss: 0.5 },
      { epoch: 1, loss: 0.25 },
    ]);
    expect(mapped.evaluation).toEqual({
      testMetrics: [{ metric: 'acc', value: 0.75 }],
      confusionMatrix: {
        labels: ['0', '1'],
        matrix: [
          [1, 0],
          [1, 1],
        ],
      },
    });
  });

  test('a history file in dvclive/ and in a second DVCLive folder: the second one’s name is prefixed with its folder', () => {
    const dir = copyProject();
    mkdirSync(join(dir, 'eval/plots/metrics/train'), { recursive: true });
    writeFileSync(join(dir, 'dvc.yaml'), 'plots:\n- dvclive/plots/metrics:\n    x: step\n- eval/plots/metrics:\n    x: step\n');
    writeFileSync(join(dir, 'eval/plots/metrics/train/loss.tsv'), 'step\tloss\n0\t0.75\n');
    const history = readDvcProject(dir, 'p', []).history;
    expect(Object.keys(history).sort()).toEqual(['eval:train/loss', 'grad_ratio', 'train/loss', 'val/acc']);
    expect(history['eval:train/loss']).toEqual([{ step: 0, timestamp: 0, value: 0.75 }]);
  });

  test('a params file a stage of dvc.yaml names (`- config/train.yaml: [optimizer.lr]`) is read beside params.yaml', () => {
    const dir = copyProject();
    mkdirSync(join(dir, 'config'));
    writeFileSync(
      join(dir, 'dvc.yaml'),
      'stages:\n  train:\n    cmd: python train.py\n    params:\n    - train.lr\n    - config/train.yaml:\n      - optimizer.lr\n',
    );
    writeFileSync(join(dir, 'config/train.yaml'), 'optimizer:\n  lr: 0.003\n  name: adam\nseed: 11\n');
    const params = readDvcProject(dir, 'p', []).params;
    expect(params['optimizer.lr']).toBe(0.003);
    expect(params['optimizer.name']).toBe('adam');
    // params.yaml has a seed too: this one is named with its file.
    expect(params['seed']).toBe(7);
    expect(params['config/train.yaml:seed']).toBe(11);
  });

  test('a broken DVCLive tsv is an ImportError naming the line', () => {
    const dir = copyProject();
    writeFileSync(join(dir, 'dvclive/plots/metrics/grad_ratio.tsv'), 'step\tgrad_ratio\n0\t0.1\n1\n');
    expect(() => readDvcProject(dir, 'p', [])).toThrow(
      messages.badTsv('dvclive/plots/metrics/grad_ratio.tsv', 3, 'expected 2 tab-separated numbers, got "1"').message,
    );
  });
});

describe('parseExpShow', () => {
  const runs = parseExpShow(readFileSync(join(FIXTURES, 'exp-show.json'), 'utf8'), 'exp-show.json');
  const recordIds = assignRecordIds(runs);
  const records = runs.map((run) => dvcRunToRecord(run, { recordIds }));

  test('every committed revision and experiment, not the workspace; the experiment’s parent is its baseline', () => {
    expect(records.map((record) => record.id)).toEqual(['main-060b8324', 'fast-lr-c707c974']);
    expect(records[1]?.lineage).toEqual({ parent: 'main-060b8324' });
    expect(records[1]?.tags).toEqual({ dvc_experiment: 'fast-lr' });
    expect(records[0]?.reproducibility?.code).toEqual({ branch: 'main', commit: '060b8324e513a960b6ec812de55313ade7642331' });
  });

  test('params per revision, the metrics as one history row at their step, date from the timestamp', () => {
    expect(records[0]?.model?.hyperparameters?.find((item) => item.name === 'train.lr')?.value).toBe(0.1);
    expect(records[1]?.model?.hyperparameters?.find((item) => item.name === 'train.lr')?.value).toBe(0.5);
    expect(records[0]?.training?.history).toEqual([
      { epoch: 2, grad_ratio: 0.5, 'test/acc': 0.81, 'train/loss': 0.333333, 'val/acc': 0.7 },
    ]);
    expect(records[0]?.date).toBe('2026-11-30');
    expect(records[0]?.status).toBe('completed');
  });

  test.each([
    ['not JSON', '[', /is not the output of `dvc exp show --json` \(/],
    ['not a list', '{}', /\(not a list\)/],
    ['a row without rev', '[{"name": "x"}]', /\(\[0\] has no rev\)/],
    ['only the workspace', '[{"rev": "workspace", "data": {}}]', /lists no committed revisions or experiments/],
    ['experiments that are not a list', '[{"rev": "abc", "experiments": 3}]', /\[0\]\.experiments is not a list/],
  ])('%s is an ImportError', (_name, text, message) => {
    expect(() => parseExpShow(text, 'e.json')).toThrow(message);
  });

  test('an error in a revision makes it failed', () => {
    expect(parseExpShow('[{"rev": "abc1234", "name": "main", "error": {"msg": "boom"}}]', 'e.json')[0]?.status).toBe('failed');
  });
});

describe('parseDvcliveTsv', () => {
  test('reads step, value and an optional timestamp column', () => {
    expect(parseDvcliveTsv('timestamp\tstep\tacc\n1000\t0\t0.5\n2000\t1\tinf\n', 'f')).toEqual([
      { step: 0, timestamp: 1000, value: 0.5 },
      { step: 1, timestamp: 2000, value: Number.POSITIVE_INFINITY },
    ]);
  });
  test('a header without step is an ImportError', () => {
    expect(() => parseDvcliveTsv('acc\n0.5\n', 'f')).toThrow(messages.badTsv('f', 1, 'no `step` column in the header').message);
  });
});

describe('confusionFromRows', () => {
  test('numeric labels in numeric order, counts by actual then predicted', () => {
    expect(
      confusionFromRows([
        { actual: '10', predicted: '2' },
        { actual: '2', predicted: '2' },
        { actual: '10', predicted: '10' },
      ]),
    ).toEqual({
      labels: ['2', '10'],
      matrix: [
        [1, 0],
        [1, 1],
      ],
    });
  });
  test('text labels in text order', () => {
    expect(confusionFromRows([{ actual: 'dog', predicted: 'cat' }]).labels).toEqual(['cat', 'dog']);
  });
});

describe('readLock', () => {
  test('a path one stage writes and another reads is an output, not a dependency; list commands joined', () => {
    const lock = {
      schema: '2.0',
      stages: {
        prep: {
          cmd: ['python a.py', 'python b.py'],
          deps: [{ path: 'raw.csv', md5: 'r' }],
          outs: [{ path: 'clean.csv', md5: 'c', size: 3 }],
        },
        train: { cmd: 'python train.py', deps: [{ path: 'clean.csv', md5: 'c' }], outs: [{ path: 'model.pkl', md5: 'm' }] },
      },
    };
    expect(readLock(lock)).toEqual({
      stages: [
        { name: 'prep', cmd: 'python a.py && python b.py' },
        { name: 'train', cmd: 'python train.py' },
      ],
      deps: [{ path: 'raw.csv', md5: 'r' }],
      outs: [
        { path: 'clean.csv', md5: 'c', size: 3 },
        { path: 'model.pkl', md5: 'm' },
      ],
    });
  });
  test('a lock file without stages is an ImportError', () => {
    expect(() => readLock({ md5: 'x' })).toThrow('no stages mapping');
  });
});

describe('small rules', () => {
  test('flattenValues joins nested keys and keeps lists as JSON', () => {
    expect(flattenValues({ a: { b: 1, c: [1, 2] }, d: 'x' }, '.')).toEqual({ 'a.b': 1, 'a.c': '[1,2]', d: 'x' });
  });
  test('seedParams: integer params named seed, *.seed or *_seed', () => {
    expect(seedParams({ seed: 1, 'data.seed': 2, split_seed: 3, seeds: 4, 'x.seed': 1.5 })).toEqual({
      seed: 1,
      'data.seed': 2,
      split_seed: 3,
    });
  });
  test('parseSimpleToml reads tables, numbers, strings, booleans and comments', () => {
    expect(parseSimpleToml('# metrics\nacc = 0.9 # best\n[test]\nf1 = 8.1e-1\nname = "a # b"\nok = true\nloss = nan\n')).toEqual({
      acc: 0.9,
      test: { f1: 0.81, name: 'a # b', ok: true, loss: Number.NaN },
    });
    expect(() => parseSimpleToml('a = [1, 2]')).toThrow('line 1: unsupported value [1, 2]');
  });
});

describe('dvcRunToRecord with a TSV history and more metrics', () => {
  const run: DvcRun = {
    runId: 'workspace',
    name: 'proj',
    params: {},
    metrics: { 'train/loss': 0.46, 'test/acc': 0.875, auc: 0.9375, 'per_class/cat': 0.9, best_epoch: 2 },
    metricsStep: 1,
    history: {
      'train/loss': [
        { step: 0, timestamp: 0, value: 0.91 },
        { step: 1, timestamp: 0, value: 0.46 },
      ],
    },
    stages: [],
    deps: [],
    outs: [],
  };

  test('a second metrics file’s values and summary keys join the history at the metrics’ step; test metrics stay test metrics', () => {
    const record = dvcRunToRecord(run, { recordIds: new Map() });
    expect(record.training?.history).toEqual([
      { epoch: 0, auc: null, best_epoch: null, 'per_class/cat': null, 'train/loss': 0.91 },
      { epoch: 1, auc: 0.9375, best_epoch: 2, 'per_class/cat': 0.9, 'train/loss': 0.46 },
    ]);
    expect(record.evaluation?.testMetrics).toEqual([{ metric: 'acc', value: 0.875 }]);
  });

  test('without a step in the metrics files, at the history’s last step', () => {
    const { metricsStep: _step, ...noStep } = run;
    expect(historySeries(noStep)['auc']).toEqual([{ step: 1, timestamp: 0, value: 0.9375 }]);
  });
});
