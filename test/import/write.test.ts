import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ExperimentSchema } from '../../src/schema/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import {
  decideWrite,
  hashRecord,
  importMessages as messages,
  parseRecordFile,
  serializeRecord,
  writeRecords,
} from '../../src/import/index.ts';
import type { RecordFormat } from '../../src/import/index.ts';
import { runToRecord } from '../../src/import/mlflow/index.ts';
import { parseSource } from '../../src/ingest/parse-source.ts';
import { validateRecord } from '../../src/ingest/validate.ts';
import type { MlflowRun } from '../../src/import/mlflow/index.ts';

const RUN: MlflowRun = {
  runId: '0123456789abcdef0123456789abcdef',
  experiment: { id: '1', name: 'e' },
  name: 'my run',
  status: 'FINISHED',
  startTime: 1717200000000,
  endTime: 1717200060000,
  userId: 'ann',
  params: { lr: '0.1', opt: 'sgd' },
  tags: { 'mlflow.note.content': 'Notes with *markdown*\n\n- and: a list', team: 'x' },
  metrics: { loss: [{ step: 0, timestamp: 1, value: 0.5 }], test_acc: [{ step: 0, timestamp: 1, value: Number.NaN }] },
};
const record = (run: MlflowRun = RUN): Experiment => runToRecord(run, { recordIds: new Map() });

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logbook-write-'));
  temporary.push(dir);
  return dir;
}

describe('writeRecords', () => {
  test.each<RecordFormat>(['json', 'md'])('writes a new %s record, then leaves it unchanged on re-import', (format) => {
    const outDir = join(tempDir(), 'nested', 'out');
    const first = writeRecords([record()], { outDir, format, force: false });
    const file = join(outDir, `my-run-01234567.${format}`);
    expect(first).toEqual([{ id: 'my-run-01234567', file, action: 'written' }]);
    const written = readFileSync(file, 'utf8');
    expect(writeRecords([record()], { outDir, format, force: false })).toEqual([{ id: 'my-run-01234567', file, action: 'unchanged' }]);
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(readdirSync(outDir)).toEqual([`my-run-01234567.${format}`]);
  });

  test('updates a record whose run changed in MLflow', () => {
    const outDir = tempDir();
    writeRecords([record()], { outDir, format: 'json', force: false });
    const changed = record({ ...RUN, status: 'FAILED' });
    expect(writeRecords([changed], { outDir, format: 'json', force: false })[0]?.action).toBe('updated');
    expect(JSON.parse(readFileSync(join(outDir, 'my-run-01234567.json'), 'utf8'))).toEqual(changed);
  });

  test.each<RecordFormat>(['json', 'md'])('never overwrites a %s record edited by hand, unless forced', (format) => {
    const outDir = tempDir();
    const file = join(outDir, `my-run-01234567.${format}`);
    writeRecords([record()], { outDir, format, force: false });
    const edited = readFileSync(file, 'utf8').replace('sgd', 'adam');
    writeFileSync(file, edited);
    const changed = record({ ...RUN, status: 'KILLED' });
    expect(writeRecords([changed], { outDir, format, force: false })).toEqual([
      { id: 'my-run-01234567', file, action: 'skipped', reason: messages.editedByHand() },
    ]);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(writeRecords([changed], { outDir, format, force: true })[0]?.action).toBe('updated');
    expect(readFileSync(file, 'utf8')).toBe(serializeRecord(changed, format));
  });

  test('skips a file with the same id that was not imported from this run', () => {
    const outDir = tempDir();
    const file = join(outDir, 'my-run-01234567.json');
    writeFileSync(file, '{"id": "my-run-01234567", "name": "written by a person"}\n');
    expect(writeRecords([record()], { outDir, format: 'json', force: false })[0]).toEqual({
      id: 'my-run-01234567',
      file,
      action: 'skipped',
      reason: messages.notImported(),
    });
  });

  test('skips a record whose id already exists in the other format', () => {
    const outDir = tempDir();
    writeRecords([record()], { outDir, format: 'md', force: false });
    expect(writeRecords([record()], { outDir, format: 'json', force: true })[0]).toMatchObject({
      action: 'skipped',
      reason: messages.otherFormatExists(join(outDir, 'my-run-01234567.md')),
    });
  });
});

describe('decideWrite', () => {
  test('treats an unparseable file as not ours', () => {
    expect(decideWrite(record(), '{ broken', 'json', false)).toEqual({ skipped: messages.notImported() });
    expect(decideWrite(record(), 'no frontmatter', 'md', false)).toEqual({ skipped: messages.notImported() });
  });

  test('ignores formatting changes that keep the content', () => {
    const compact = JSON.stringify(record());
    expect(decideWrite(record(), compact, 'json', false)).toBe('unchanged');
  });
});

describe('serializeRecord and parseRecordFile', () => {
  test.each<RecordFormat>(['json', 'md'])('round-trip a record through %s with the same hash', (format) => {
    const original = record();
    const parsed = parseRecordFile(serializeRecord(original, format), format);
    expect(parsed).toEqual(original);
    expect(hashRecord(parsed ?? {})).toBe(hashRecord(original));
    expect(ExperimentSchema.safeParse(parsed).success).toBe(true);
  });

  test('writes Markdown as YAML frontmatter with the notes as body', () => {
    const text = serializeRecord(record(), 'md');
    expect(text.startsWith('---\nid: my-run-01234567\n')).toBe(true);
    expect(text.endsWith('---\n\nNotes with *markdown*\n\n- and: a list\n')).toBe(true);
  });
});

describe('serializeRecord: strings validate would read as numbers that are no numbers', () => {
  const run: MlflowRun = {
    ...RUN,
    name: 'inf',
    params: { dropout: 'nan', lr: '0.1' },
    tags: { best_epoch: 'NaN', 'mlflow.note.content': 'nan' },
    metrics: { loss: [{ step: 0, timestamp: 1, value: Number.NaN }] },
  };

  test('are written with their first letter escaped, keys and other strings as they are', () => {
    const text = serializeRecord(record(run), 'json');
    expect(text).toContain('"name": "\\u0069nf",');
    expect(text).toContain('{\n        "name": "dropout",\n        "value": "\\u006ean"\n      },');
    expect(text).toContain('"best_epoch": "\\u004eaN",');
    expect(text).toContain('"notes": "\\u006ean"');
    expect(text).toContain('"value": "\\u004eaN"\n');
    expect(JSON.parse(text)).toEqual(record(run));
  });

  test('validate reads the record back as the import wrote it, with no warning (it refused a tag "NaN" as null where a string goes)', () => {
    const written = record(run);
    const text = serializeRecord(written, 'json');
    const file = `${written.id}.json`;
    const { record: read, diagnostics } = validateRecord(parseSource(text, { file }), { file });
    expect(diagnostics).toEqual([]);
    expect(read?.name).toBe('inf');
    expect(read?.tags).toEqual({ best_epoch: 'NaN', mlflow_experiment: 'e' });
    expect(read?.model?.hyperparameters).toEqual([
      { name: 'dropout', value: 'nan' },
      { name: 'lr', value: 0.1 },
    ]);
    expect(read?.notes).toBe('nan');
    expect(decideWrite(written, text, 'json', false)).toBe('unchanged');
  });
});
