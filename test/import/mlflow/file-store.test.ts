import { cpSync, mkdtempSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ImportError } from '../../../src/import/index.ts';
import { messages, openFileStore, parseMetricFile, readMlflow } from '../../../src/import/mlflow/index.ts';
import type { MlflowRun } from '../../../src/import/mlflow/index.ts';

const STORE = 'test/fixtures/mlflow/mlruns';
const PARENT = 'aaaa1111aaaa1111aaaa1111aaaa1111';
const CHILD = 'bbbb2222bbbb2222bbbb2222bbbb2222';
const GRANDCHILD = 'cccc3333cccc3333cccc3333cccc3333';

async function readRuns(): Promise<Map<string, MlflowRun>> {
  const { runs } = await readMlflow(STORE);
  return new Map(runs.map((run) => [run.runId, run]));
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logbook-mlruns-'));
  temporary.push(dir);
  return dir;
}

describe('openFileStore', () => {
  test('lists active experiments, reading an integer experiment_id as a string, and not .trash or models/', async () => {
    expect(await openFileStore(STORE).listExperiments()).toEqual([
      { id: '0', name: 'Default' },
      { id: '1', name: 'vision' },
    ]);
  });

  test('lists active runs only: not deleted runs, folders without meta.yaml, tags/, datasets/ or models/', async () => {
    expect([...(await readRuns()).keys()].sort()).toEqual([PARENT, CHILD, GRANDCHILD]);
  });

  test('reads run info: name, status code, times, user', async () => {
    const parent = (await readRuns()).get(PARENT);
    expect(parent).toMatchObject({
      name: 'Baseline CNN',
      status: 'FINISHED',
      startTime: 1717200000000,
      endTime: 1717290000000,
      userId: 'alice',
      experiment: { id: '1', name: 'vision' },
    });
    const grandchild = (await readRuns()).get(GRANDCHILD);
    expect(grandchild).toMatchObject({ name: 'grand child', status: 'RUNNING', endTime: undefined });
    expect((await readRuns()).get(CHILD)?.status).toBe('FAILED');
  });

  test('reads params and tags as raw file contents, nested folders as keys with /', async () => {
    const parent = (await readRuns()).get(PARENT);
    expect(parent?.params).toEqual({
      batch_size: '32',
      'data/version': 'v2',
      lr: '0.001',
      max_depth: 'None',
      optimizer: 'adam',
      use_bn: 'True',
    });
    expect(parent?.tags['mlflow.note.content']).toBe('First try.\n\nUses **batch norm**.\n');
    expect(parent?.tags['team']).toBe('vision');
  });

  test('reads metric histories, nested metric keys included', async () => {
    const parent = (await readRuns()).get(PARENT);
    expect(Object.keys(parent?.metrics ?? {}).sort()).toEqual(['loss', 'test/acc', 'test_loss', 'val/acc']);
    expect(parent?.metrics['loss']).toEqual([
      { timestamp: 1717200001000, value: 0.9, step: 0 },
      { timestamp: 1717200002000, value: 0.7, step: 1 },
      { timestamp: 1717200003000, value: 0.5, step: 2 },
      { timestamp: 1717200002500, value: 0.65, step: 1 },
    ]);
  });

  test('reads a 2-column metric file with step 0, and nan/inf/-inf values', async () => {
    const child = (await readRuns()).get(CHILD);
    expect(child?.metrics['acc']).toEqual([{ timestamp: 1717300001000, value: 0.5, step: 0 }]);
    expect(child?.metrics['loss']?.map((point) => point.value)).toEqual([
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
  });

  test('rejects a folder that is not an mlruns store', () => {
    expect(() => openFileStore('test/fixtures/mlflow/not-a-store')).toThrow(messages.notAFileStore(undefined));
  });

  test('suggests the mlruns/ folder inside the folder given', () => {
    const error = (() => {
      try {
        openFileStore('test/fixtures/mlflow');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).hint).toBe('did you mean test/fixtures/mlflow/mlruns?');
  });

  test('skips experiments marked deleted outside .trash, and runs recorded in another experiment, with a warning', async () => {
    const root = tempDir();
    cpSync(STORE, root, { recursive: true });
    writeFileSync(join(root, '0', 'meta.yaml'), 'experiment_id: 0\nname: Default\nlifecycle_stage: deleted\n');
    mkdirSync(join(root, '1', 'abcabc'));
    writeFileSync(join(root, '1', 'abcabc', 'meta.yaml'), "run_id: abcabc\nexperiment_id: '5'\nstatus: 3\n");
    mkdirSync(join(root, '1', 'broken'));
    writeFileSync(join(root, '1', 'broken', 'meta.yaml'), '- not a mapping\n');
    const result = await readMlflow(root);
    expect(result.experiments).toEqual([{ id: '1', name: 'vision' }]);
    expect(result.runs).toHaveLength(3);
    expect(result.warnings).toEqual([
      messages.runInWrongExperiment(join('1', 'abcabc'), '5'),
      messages.unreadableRunMeta(join('1', 'broken', 'meta.yaml'), 'not a YAML mapping'),
    ]);
  });

  test('a run folder or an experiment folder without meta.yaml is skipped with a warning naming it; artifacts alone stay silent', async () => {
    const root = tempDir();
    cpSync(STORE, root, { recursive: true });
    rmSync(join(root, '1', PARENT, 'meta.yaml'));
    mkdirSync(join(root, '7', 'r1', 'params'), { recursive: true });
    mkdirSync(join(root, '7', 'r2', 'metrics'), { recursive: true });
    mkdirSync(join(root, '8', 'only-artifacts', 'artifacts'), { recursive: true });
    const result = await readMlflow(root);
    // PARENT gone; CHILD and GRANDCHILD stay (the fixture's ffff6666… holds only artifacts/: silent).
    expect(result.runs.map((run) => run.runId).sort()).toEqual([CHILD, GRANDCHILD]);
    expect(result.warnings).toEqual([messages.experimentSkipped('7', 'no meta.yaml', 2), messages.runWithoutMeta(join('1', PARENT))]);
    expect(messages.runWithoutMeta('1/abc')).toBe(
      '1/abc: a run folder (params/, metrics/ or tags/) with no meta.yaml; run skipped, as MLflow skips it (its child runs, if any, get no parent)',
    );
    expect(messages.experimentSkipped('7', 'no meta.yaml', 2)).toBe(
      '7: an experiment folder whose runs cannot be read (no meta.yaml); its 2 run folders skipped',
    );
  });

  test('a status code that is none of MLflow’s (99) is left out with a warning, not read as running', async () => {
    const root = tempDir();
    cpSync(STORE, root, { recursive: true });
    writeFileSync(join(root, '1', CHILD, 'meta.yaml'), `run_id: ${CHILD}\nexperiment_id: '1'\nstatus: 99\nstart_time: 1717200000000\n`);
    const result = await readMlflow(root);
    expect(result.runs.find((run) => run.runId === CHILD)?.status).toBeUndefined();
    expect(result.warnings).toEqual([messages.unknownStatus(CHILD, 99n)]);
  });

  test('keeps every digit of a large experiment id written without quotes', async () => {
    const root = tempDir();
    mkdirSync(join(root, '642233443113521094'));
    writeFileSync(join(root, '642233443113521094', 'meta.yaml'), 'experiment_id: 642233443113521094\nname: big\nlifecycle_stage: active\n');
    expect(await openFileStore(root).listExperiments()).toEqual([{ id: '642233443113521094', name: 'big' }]);
  });
});

describe('openFileStore with symbolic links', () => {
  const run = join('1', PARENT);
  /** A copy of the fixture store and, next to it, a folder outside the store holding a "secret". */
  function storeWithOutside(): { root: string; outside: string } {
    const dir = tempDir();
    const root = join(dir, 'mlruns');
    const outside = join(dir, 'outside');
    cpSync(STORE, root, { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret'), 'TOP-SECRET');
    return { root, outside };
  }
  async function failure(root: string): Promise<ImportError> {
    const error = await readMlflow(root).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }

  test.each(['params', 'tags', 'metrics'])('refuses a %s/ folder linked outside the store, naming it', async (folder) => {
    const { root, outside } = storeWithOutside();
    rmSync(join(root, run, folder), { recursive: true });
    symlinkSync(outside, join(root, run, folder));
    const error = await failure(root);
    expect(error.message).toBe(messages.linkOutsideStore(join(run, folder), outside).message);
    expect(error.message).toBe(
      `${join(run, folder)} is a symbolic link to "${outside}" that leads outside the store — copy the store without links (cp -rL, or rsync without --links) and import the copy`,
    );
  });

  test('refuses a param file and a run meta.yaml linked outside the store', async () => {
    const { root, outside } = storeWithOutside();
    symlinkSync(join(outside, 'secret'), join(root, run, 'params', 'stolen'));
    expect((await failure(root)).problem).toBe(
      `${join(run, 'params', 'stolen')} is a symbolic link to "${join(outside, 'secret')}" that leads outside the store`,
    );
    rmSync(join(root, run, 'params', 'stolen'));
    renameSync(join(root, run, 'meta.yaml'), join(outside, 'meta.yaml'));
    symlinkSync(join(outside, 'meta.yaml'), join(root, run, 'meta.yaml'));
    expect((await failure(root)).problem).toBe(
      `${join(run, 'meta.yaml')} is a symbolic link to "${join(outside, 'meta.yaml')}" that leads outside the store`,
    );
  });

  test('reads a params/ folder linked to another folder inside the store', async () => {
    const { root } = storeWithOutside();
    renameSync(join(root, run, 'params'), join(root, 'shared-params'));
    symlinkSync(join('..', '..', 'shared-params'), join(root, run, 'params'));
    const { runs } = await readMlflow(root);
    expect(runs.find((r) => r.runId === PARENT)?.params['lr']).toBe('0.001');
  });
});

describe('parseMetricFile', () => {
  test('skips malformed lines with a warning and keeps the rest', () => {
    const warnings: string[] = [];
    expect(parseMetricFile('1 0.5 0\nbad line here too\n2 x 1\n\n3 0.25 2\n', 'm/loss', warnings)).toEqual([
      { timestamp: 1, value: 0.5, step: 0 },
      { timestamp: 3, value: 0.25, step: 2 },
    ]);
    expect(warnings).toEqual([messages.badMetricLine('m/loss', 2, 'bad line here too'), messages.badMetricLine('m/loss', 3, '2 x 1')]);
  });
});
