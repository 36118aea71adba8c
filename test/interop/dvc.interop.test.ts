/**
 * Interop proof for the DVC import: test/interop/log_dvc.py made a git + DVC project whose stage
 * logs with DVCLive, ran it (`dvc repro`), committed, ran one `dvc exp run --set-param`, and saved
 * `dvc exp show --json`. Here the real CLI imports the project folder and the exp show output.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { column, interopDir, readRecords, runLogbook } from './helpers.ts';

interface Expected {
  baselineRev: string;
  baselineLr: number;
  baselineLoss: number;
  params: Record<string, string | number>;
  history: Record<string, (number | null)[]>;
  testMetrics: Record<string, number>;
  confusionMatrix: { labels: string[]; matrix: number[][] };
  experiment: { name: string; lr: number };
}

const PROJECT = join(interopDir(), 'dvc', 'project');
const expected = JSON.parse(readFileSync(join(interopDir(), 'dvc', 'expected.json'), 'utf8')) as Expected;
const work = mkdtempSync(join(tmpdir(), 'logbook-interop-dvc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('DVC import of a real project', () => {
  const out = join(work, 'project');
  const result = runLogbook('import', PROJECT, '--out', out);
  const record = readRecords(out).get('project');

  test('detects the project and imports its workspace as one record', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(record?.trackingPlatform).toBe('DVC');
  });

  test('params.yaml and DVCLive params become hyperparameters', () => {
    expect(Object.fromEntries((record?.model?.hyperparameters ?? []).map((item) => [item.name, item.value]))).toEqual(expected.params);
  });

  test('DVCLive metric files become the history; NaN is a null cell', () => {
    for (const [name, values] of Object.entries(expected.history)) expect(column(record, name), name).toEqual(values);
    expect(record?.['import']).toMatchObject({ nonFinite: [{ metric: 'grad_ratio', step: 1, value: 'NaN' }] });
  });

  test('test/ metrics of metrics.json become test metrics; the sklearn confusion matrix is read', () => {
    expect(Object.fromEntries((record?.evaluation?.testMetrics ?? []).map((metric) => [metric.metric, metric.value]))).toEqual(
      expected.testMetrics,
    );
    expect(record?.evaluation?.confusionMatrix).toEqual(expected.confusionMatrix);
  });

  test('dvc.lock gives the command and the dependency hashes', () => {
    const lock = parseYaml(readFileSync(join(PROJECT, 'dvc.lock'), 'utf8')) as {
      stages: { train: { cmd: string; deps: { path: string; md5: string }[] } };
    };
    expect(record?.reproducibility?.code?.entryPoint).toBe(lock.stages.train.cmd);
    const deps = (record?.reproducibility?.['dependencies'] ?? []) as { path: string; md5: string }[];
    expect(deps.map((dep) => [dep.path, dep.md5])).toEqual(lock.stages.train.deps.map((dep) => [dep.path, dep.md5]).sort());
    expect(record?.reproducibility?.code?.branch).toBe('main');
  });
});

describe('DVC import of `dvc exp show --json`', () => {
  const out = join(work, 'experiments');
  const result = runLogbook('import', join(PROJECT, 'exp-show.json'), '--out', out);
  const records = [...readRecords(out).values()];
  const baseline = records.find((record) => (record['import'] as { runId: string }).runId === expected.baselineRev);
  const experiment = records.find((record) => record.tags?.['dvc_experiment'] === expected.experiment.name);

  test('one record per committed revision and experiment', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(records).toHaveLength(2);
    expect(result.stdout.trim().split('\n').at(-1)).toContain('2 runs from 1 baseline — 2 written');
  });

  test('the experiment has its baseline as parent, and each its own params and metrics', () => {
    expect(experiment?.lineage?.parent).toBe(baseline?.id);
    const lr = (record: typeof baseline): unknown => record?.model?.hyperparameters?.find((item) => item.name === 'train.lr')?.value;
    expect(lr(baseline)).toBe(expected.baselineLr);
    expect(lr(experiment)).toBe(expected.experiment.lr);
    expect(column(baseline, 'train/loss')).toEqual([expected.baselineLoss]);
    expect(baseline?.reproducibility?.code?.commit).toBe(expected.baselineRev);
  });
});
