import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';
import { findTemplateExamples } from '../../src/ingest/template-examples.ts';
import * as msg from '../../src/scaffold/messages.ts';
import { formatDate, resolveContentDir, runNew, type NewEffects, type ParseSourceFn } from '../../src/scaffold/run.ts';

const TEMPLATE = readFileSync(join(import.meta.dirname, '../../src/scaffold/template.md'), 'utf8');
const CWD = '/work/project';
const DIR = `${CWD}/content/experiments`;

const PARENT_JSON = JSON.stringify({
  id: 'fraud-gbm-002',
  dataset: {
    name: 'tx',
    version: '3.1.0',
    location: 's3://b/tx',
    records: 1000,
    splits: [{ name: 'Training', fraction: 1, records: 1000 }],
  },
  model: { type: 'XGBoost', hyperparameters: [{ name: 'eta', value: 0.1 }], training: { optimizer: 'Boosting' } },
  evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.9 }] },
});
const PARENT_TEMPLATE = TEMPLATE.replace('[experiment-id]', 'derm-cnn-001')
  .replace('[dataset-name-v1.2]', 'derm-v2')
  .replace('[XGBoost | RandomForest | Neural Network | Transformer]', 'CNN');

function fakeEffects(
  files: Record<string, string>,
  parser?: ParseSourceFn | { error: string },
): NewEffects & { files: Map<string, string> } {
  const fs = new Map(Object.entries(files));
  return {
    files: fs,
    cwd: CWD,
    settings: { content: 'content/experiments' },
    now: () => new Date('2025-09-04T23:30:00Z'),
    listRecordFiles: (dir) => Promise.resolve([...fs.keys()].filter((f) => f.startsWith(`${dir}/`) && /\.(json|md)$/.test(f))),
    readText: (path) => Promise.resolve(fs.get(path) ?? ''),
    exists: (path) => Promise.resolve(fs.has(path)),
    writeNewFile: (path, text) => {
      if (fs.has(path)) return Promise.reject(new Error('EEXIST'));
      fs.set(path, text);
      return Promise.resolve();
    },
    schemaFile: `${CWD}/public/schema/experiment.schema.json`,
    loadTemplate: () => Promise.resolve(TEMPLATE),
    loadParser: () => Promise.resolve(parser),
  };
}

describe('runNew', () => {
  test("writes the template with id, date and parent, and copies a JSON parent's dataset and model", async () => {
    const fx = fakeEffects({ [`${DIR}/fraud-gbm-002.json`]: PARENT_JSON });
    const result = await runNew(['fraud-gbm-003', '--parent', 'fraud-gbm-002'], fx);
    expect(result).toEqual({
      code: 0,
      stdout: 'Wrote content/experiments/fraud-gbm-003.md\n',
      stderr: '',
      path: `${DIR}/fraud-gbm-003.md`,
    });
    const text = fx.files.get(`${DIR}/fraud-gbm-003.md`) ?? '';
    expect(text).toContain('**Experiment ID**: fraud-gbm-003\n**Date**: 2025-09-04');
    expect(text).toContain('- Parent: fraud-gbm-002');
    expect(text).toContain('**Dataset Name**: tx\n**Dataset Version**: 3.1.0\n**Dataset Location**: s3://b/tx');
    expect(text).toContain('- Training: 100% (1K records)\n- Split Strategy: [Temporal | Random | Stratified]');
    expect(text).toContain('**Model Type**: XGBoost');
    expect(text).toContain('| eta | 0.1 | - | - |\n\n**Training Configuration**:\n- Optimizer: Boosting');
  });

  test('with the Logbook parser, a child of a template-form parent gets what the parent has and placeholders elsewhere', async () => {
    // The parent still carries the template's example dataset version and results; only its dataset and model are copied.
    const fx = fakeEffects({ [`${DIR}/derm-cnn-001.md`]: PARENT_TEMPLATE }, parseSource);
    await runNew(['derm-cnn-002', '--parent', 'derm-cnn-001'], fx);
    const file = `${DIR}/derm-cnn-002.md`;
    const { record } = validateRecord(parseSource(fx.files.get(file) ?? '', { file }), { file });
    expect(record?.dataset?.name).toBe('derm-v2');
    expect(record?.model?.type).toBe('CNN');
    expect(record?.lineage).toEqual({ parent: 'derm-cnn-001' });
    expect(record?.training).toBeUndefined();
    expect(record?.evaluation).toBeUndefined();
    expect(record === undefined ? ['no record'] : findTemplateExamples(record)).toEqual([]);
  });

  test('writes a JSON skeleton with a $schema path relative to the output folder', async () => {
    const fx = fakeEffects({ [`${DIR}/p.md`]: '---\nid: fraud-gbm-002\nmodel:\n  type: LightGBM\n---\nnotes' });
    const result = await runNew(['child', '--parent', 'fraud-gbm-002', '--format', 'json', '--dir', 'logs/2025'], fx);
    expect(result.code).toBe(1); // the parent is not in logs/2025
    const ok = await runNew(['child', '--parent', 'fraud-gbm-002', '--format', 'json'], fx);
    expect(ok.stdout).toBe('Wrote content/experiments/child.json\n');
    expect(JSON.parse(fx.files.get(`${DIR}/child.json`) ?? '')).toEqual({
      $schema: '../../public/schema/experiment.schema.json',
      id: 'child',
      date: '2025-09-04',
      status: 'planned',
      lineage: { parent: 'fraud-gbm-002' },
      model: { type: 'LightGBM' },
    });
  });

  test("a frontmatter parent's hyperparameters written as a map are inherited, read as the build reads them", async () => {
    const parent =
      '---\nid: churn-gbm-001\nmodel:\n  type: LightGBM\n  hyperparameters: { learning_rate: 0.05, num_leaves: 63 }\n---\nnotes';
    const fx = fakeEffects({ [`${DIR}/churn-gbm-001.md`]: parent }, parseSource);
    await runNew(['churn-gbm-003', '--parent', 'churn-gbm-001', '--format', 'json'], fx);
    expect(JSON.parse(fx.files.get(`${DIR}/churn-gbm-003.json`) ?? '')['model']).toEqual({
      type: 'LightGBM',
      hyperparameters: [
        { name: 'learning_rate', value: 0.05 },
        { name: 'num_leaves', value: 63 },
      ],
    });
    // Without the parser the raw map is no list of settings: the model fails the schema and is left out, not copied broken.
    const raw = fakeEffects({ [`${DIR}/churn-gbm-001.md`]: parent });
    await runNew(['churn-gbm-004', '--parent', 'churn-gbm-001', '--format', 'json'], raw);
    expect(JSON.parse(raw.files.get(`${DIR}/churn-gbm-004.json`) ?? '')['model']).toBeUndefined();
  });

  test('--dir, then the content setting', async () => {
    const fx = fakeEffects({});
    await runNew(['a', '--format', 'json', '--dir', 'logs'], fx);
    expect(JSON.parse(fx.files.get(`${CWD}/logs/a.json`) ?? '')['$schema']).toBe('../public/schema/experiment.schema.json');
    expect(resolveContentDir(CWD, { content: '/data/exp' })).toBe('/data/exp');
    expect(resolveContentDir(CWD, { content: 'content/experiments' })).toBe(DIR);
    expect(resolveContentDir(CWD, { content: '/data/exp' }, 'here')).toBe(`${CWD}/here`);
  });

  test('a template-form parent goes through the Logbook parser when it is available', async () => {
    const parser: ParseSourceFn = (text, { file }) => ({ data: { id: 'derm-cnn-001', model: { type: `parsed ${file} ${text.length}` } } });
    const fx = fakeEffects({ [`${DIR}/derm-cnn-001.md`]: PARENT_TEMPLATE }, parser);
    await runNew(['derm-cnn-002', '--parent', 'derm-cnn-001', '--format', 'json'], fx);
    expect(JSON.parse(fx.files.get(`${DIR}/derm-cnn-002.json`) ?? '')['model']).toEqual({
      type: `parsed content/experiments/derm-cnn-001.md ${PARENT_TEMPLATE.length}`,
    });
  });

  test("without the parser, a template-form parent's sections are copied as text (md) or its labelled fields read (json)", async () => {
    const fx = fakeEffects(
      { [`${DIR}/derm-cnn-001.md`]: PARENT_TEMPLATE.replace('**Dataset Size**:', '**Extra**: copied\n**Dataset Size**:') },
      { error: 'boom' },
    );
    const md = await runNew(['derm-cnn-002', '--parent', 'derm-cnn-001'], fx);
    expect(md.stderr).toBe(`${msg.parserUnavailable('boom')}\n`);
    expect(fx.files.get(`${DIR}/derm-cnn-002.md`)).toContain('**Dataset Name**: derm-v2\n**Dataset Version**: 1.2.0');
    expect(fx.files.get(`${DIR}/derm-cnn-002.md`)).toContain('**Extra**: copied');
    await runNew(['derm-cnn-003', '--parent', 'derm-cnn-001', '--format', 'json'], fx);
    const json = JSON.parse(fx.files.get(`${DIR}/derm-cnn-003.json`) ?? '');
    expect(json['dataset']).toEqual({ name: 'derm-v2', version: '1.2.0', location: 's3://bucket/datasets/dataset-name-v1.2.0' });
    expect(json['model']).toEqual({ type: 'CNN' });
  });

  test.each([
    [['bad id'], 1, msg.invalidId('bad id')],
    [['a', '--parent', 'b/c'], 1, msg.invalidParentId('b/c')],
    [['a', '--parent', 'a'], 1, msg.parentIsSelf('a')],
    [['a', '--parent', 'fraud-gmb-002'], 1, msg.unknownParent('fraud-gmb-002', 'content/experiments', 'fraud-gbm-002')],
    [['a', '--parent', 'zzz'], 1, msg.unknownParent('zzz', 'content/experiments', undefined)],
    [['fraud-gbm-002', '--format', 'json'], 1, msg.fileExists('content/experiments/fraud-gbm-002.json')],
    [['fraud-gbm-002'], 1, msg.idTaken('fraud-gbm-002', 'content/experiments/fraud-gbm-002.json')],
  ])('refuses %j', async (argv, code, message) => {
    const fx = fakeEffects({ [`${DIR}/fraud-gbm-002.json`]: PARENT_JSON });
    expect(await runNew(argv, fx)).toEqual({ code, stdout: '', stderr: `error: ${message}\n` });
    expect(fx.files.size).toBe(1);
  });

  test('refuses to overwrite an existing file, whatever id it holds', async () => {
    const fx = fakeEffects({ [`${DIR}/a.md`]: '---\nid: other\n---\n' });
    expect(await runNew(['a'], fx)).toEqual({ code: 1, stdout: '', stderr: `error: ${msg.fileExists('content/experiments/a.md')}\n` });
    expect(fx.files.get(`${DIR}/a.md`)).toBe('---\nid: other\n---\n');
  });

  test('bad arguments print the usage and exit 2; --help prints it and exits 0', async () => {
    expect(await runNew([], fakeEffects({}))).toEqual({ code: 2, stdout: '', stderr: `error: ${msg.missingId()}\n\n${msg.USAGE}\n` });
    expect(await runNew(['-h'], fakeEffects({}))).toEqual({ code: 0, stdout: `${msg.USAGE}\n`, stderr: '' });
  });
});

test('formatDate is the UTC calendar date', () => {
  expect(formatDate(new Date('2025-09-04T23:30:00-05:00'))).toBe('2025-09-05');
});
