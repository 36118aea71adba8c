import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  assignNamedIds,
  chooseTestMetricKeys,
  decideWrite,
  displayPath,
  hashRecord,
  importMessages,
  oneLine,
  parseLoggedNumber,
  recordSchemaReference,
  sealRecord,
  serializeRecord,
  shortestFloat32,
  slugRunName,
} from '../../src/import/index.ts';
import { createProgress } from '../../src/import/progress.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('slugRunName and assignNamedIds', () => {
  test.each([
    ['runs/lr=0.1 (seed 1)', 'runs-lr-0-1-seed-1'],
    ['Épreuve', 'epreuve'],
    ['///', 'run'],
    [undefined, 'run'],
  ])('slugRunName(%j) = %s', (name, slug) => {
    expect(slugRunName(name)).toBe(slug);
  });

  test('names whose slugs collide get 8 hex digits of the SHA-256 of their run id', () => {
    expect(
      assignNamedIds([
        { runId: 'a b', name: 'a b' },
        { runId: 'a-b', name: 'a-b' },
        { runId: 'c', name: 'c' },
      ]),
    ).toEqual(
      new Map([
        ['a b', 'a-b-c8687a08'],
        ['a-b', 'a-b-d44362d6'],
        ['c', 'c'],
      ]),
    );
  });
});

describe('sealRecord', () => {
  test('fills in import.hash of the rest of the record and drops an empty nonFinite', () => {
    const sealed = sealRecord({ id: 'x', import: { source: 'csv', runId: 'r', nonFinite: [] } });
    expect(sealed).toEqual({
      id: 'x',
      import: { source: 'csv', runId: 'r', hash: hashRecord({ id: 'x', import: { source: 'csv', runId: 'r' } }) },
    });
  });
});

describe('decideWrite across sources', () => {
  test('a record imported from another kind of source with the same run id is not ours', () => {
    const dvc = sealRecord({ id: 'x', import: { source: 'dvc', runId: 'workspace' } });
    const csv = sealRecord({ id: 'x', import: { source: 'csv', runId: 'workspace' } });
    expect(decideWrite(dvc, serializeRecord(csv, 'json'), 'json', false)).toEqual({ skipped: importMessages.notImported('dvc') });
    expect(importMessages.notImported('dvc')).toBe('exists and was not imported from this DVC run; use --force to overwrite');
  });
});

describe('numbers as loggers write them', () => {
  test.each([
    ['0.5', 0.5],
    ['-1e-3', -0.001],
    ['.5', 0.5],
    ['nan', Number.NaN],
    ['-inf', Number.NEGATIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['', undefined],
    ['0x10', undefined],
    ['1,5', undefined],
  ])('parseLoggedNumber(%j) = %s', (text, value) => {
    expect(parseLoggedNumber(text)).toBe(value);
  });

  test.each([
    [Math.fround(0.9), 0.9],
    [Math.fround(0.1), 0.1],
    [Math.fround(1 / 3), 0.33333334],
    [0.5, 0.5],
    [Number.NaN, Number.NaN],
  ])('shortestFloat32(%s) = %s', (value, shortest) => {
    expect(shortestFloat32(value)).toBe(shortest);
  });
});

describe('chooseTestMetricKeys', () => {
  test.each([
    [
      ['test_acc', 'test/f1', 'val_acc'],
      [
        ['test_acc', 'acc'],
        ['test/f1', 'f1'],
      ],
    ],
    [
      ['test_acc', 'test/acc'],
      [
        ['test_acc', 'test_acc'],
        ['test/acc', 'test/acc'],
      ],
    ],
    [
      ['val_acc', 'eval/f1', 'loss'],
      [
        ['val_acc', 'val_acc'],
        ['eval/f1', 'eval/f1'],
      ],
    ],
    [['train_loss', 'system/cpu', 'accuracy'], [['accuracy', 'accuracy']]],
  ])('%j → %j', (keys, chosen) => {
    expect(chooseTestMetricKeys(keys).map(({ key, name }) => [key, name])).toEqual(chosen);
  });
});

describe('paths', () => {
  test("recordSchemaReference is the running Logbook's record schema, relative to the out folder", () => {
    const schema = join(ROOT, 'public/schema/experiment.schema.json');
    expect(recordSchemaReference('content/experiments', ROOT)).toBe('../../public/schema/experiment.schema.json');
    expect(resolve('/elsewhere/records', recordSchemaReference('/elsewhere/records', '/p'))).toBe(schema);
  });
  test.each([
    ['/p/a/b.json', '/p', 'a/b.json'],
    ['a/b.json', '/p', 'a/b.json'],
    ['/q/b.json', '/p', '/q/b.json'],
    ['/p', '/p', '.'],
  ])('displayPath(%s, %s) = %s', (path, cwd, shown) => {
    expect(displayPath(path, cwd)).toBe(shown);
  });
  test('oneLine joins lines', () => {
    expect(oneLine('Unexpected token "x",\n  "y" is not JSON')).toBe('Unexpected token "x", "y" is not JSON');
  });
});

describe('createProgress', () => {
  test('redraws when the percentage changes, then clears; nothing when not a terminal', () => {
    const written: string[] = [];
    const io = { env: {}, cwd: '/', isTTY: true, stdout: () => {}, stderr: (text: string) => void written.push(text) };
    const progress = createProgress(io, 'import:x');
    for (let done = 1; done <= 400; done++) progress.update('reading', done, 400, 'runs');
    progress.clear();
    expect(written).toHaveLength(102); // 0% … 100%, then the clear
    expect(written[0]).toBe('\r\x1b[Kimport:x: reading 1/400 runs');
    expect(written[100]).toBe('\r\x1b[Kimport:x: reading 400/400 runs');
    expect(written[101]).toBe('\r\x1b[K');
    const quiet: string[] = [];
    const pipe = createProgress({ ...io, isTTY: false, stderr: (text: string) => void quiet.push(text) }, 'import:x');
    pipe.update('reading', 1, 2, 'runs');
    pipe.clear();
    expect(quiet).toEqual([]);
  });
});
