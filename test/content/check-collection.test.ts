import { describe, expect, test } from 'vitest';
import { checkCollection, findParentCycles, isWindowsReserved } from '../../src/content/check-collection.ts';
import { formatDiagnostic } from '../../src/ingest/index.ts';
import type { Experiment } from '../../src/schema/index.ts';

describe('findParentCycles', () => {
  test('finds a three-record cycle once, starting at its smallest id, in parent order', () => {
    expect(
      findParentCycles([
        ['b', 'c'],
        ['c', 'a'],
        ['a', 'b'],
      ]),
    ).toEqual([['a', 'b', 'c']]);
  });

  test('finds a record that is its own parent', () => {
    expect(findParentCycles([['a', 'a']])).toEqual([['a']]);
  });

  test('finds nothing in a chain, and ignores parents that are not records', () => {
    expect(
      findParentCycles([
        ['a', undefined],
        ['b', 'a'],
        ['c', 'b'],
        ['d', 'zzz'],
      ]),
    ).toEqual([]);
  });

  test('finds a cycle reached from a tail, and two separate cycles', () => {
    expect(
      findParentCycles([
        ['tail', 'x'],
        ['x', 'y'],
        ['y', 'x'],
        ['p', 'q'],
        ['q', 'p'],
      ]),
    ).toEqual([
      ['p', 'q'],
      ['x', 'y'],
    ]);
  });
});

describe('ids that collide on other file systems', () => {
  const entry = (id: string, file: string) => ({ record: { id } as Experiment, file, positionOf: () => ({ line: 1, column: 8 }) });

  test('an unknown parent is suggested the id a typo away, not one that shares little with it', () => {
    const child = (id: string, parent: string) => ({
      record: { id, lineage: { parent } } as Experiment,
      file: `${id}.json`,
      positionOf: () => ({ line: 3, column: 5 }),
    });
    const hints = (parent: string): (string | undefined)[] =>
      checkCollection([entry('exp-042', 'a.json'), entry('credit-lr-5', 'b.json'), child('c-1', parent)]).diagnostics.map((d) => d.hint);
    expect(hints('exp-04')).toEqual(['the closest existing id is "exp-042"']);
    // `asr-whisper-09` is 10 edits from `credit-lr-5`: no suggestion.
    expect(hints('asr-whisper-09')).toEqual([undefined]);
  });

  test('warns about ids that differ only in case, and about names Windows reserves', () => {
    const { kept, diagnostics } = checkCollection([entry('Exp-1', 'a.json'), entry('exp-1', 'b.json'), entry('CON', 'c.json'), entry('ok', 'd.json')]);
    expect(kept.map((k) => k.record.id)).toEqual(['Exp-1', 'exp-1', 'CON', 'ok']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'b.json:1:8 id: id "exp-1" differs from "Exp-1" (a.json) only in case: on macOS and Windows their pages are one folder and one overwrites the other — make the ids differ in more than letter case',
      'c.json:1:8 id: id "CON" is a name Windows reserves (or ends in "."): its page folder cannot be created on Windows — rename it, e.g. by adding a prefix ("exp-con")',
    ]);
    expect(diagnostics.every((d) => d.level === 'warning')).toBe(true);
  });

  test.each([
    ['CON', true],
    ['nul', true],
    ['Com1', true],
    ['lpt9.v2', true],
    ['run.', true],
    ['console', false],
    ['com', false],
    ['exp-nul', false],
  ])('%s is reserved on Windows: %s', (name, reserved) => {
    expect(isWindowsReserved(name)).toBe(reserved);
  });
});

describe('baseline rows labelled with another record’s id', () => {
  test('link that record (a label with an aside or written as a Markdown link too); other labels stay as written', () => {
    const labels = ['cv-002', 'cv-003 (prod)', '[cv-004](../cv-004/)', '**cv-005**', 'cv-999', 'ResNet-50 pretrained', 'cv-001', '[BM25](https://example.org)'];
    const current = {
      id: 'cv-001',
      comparison: { baselines: labels.map((label) => ({ label, metrics: { accuracy: 0.9 } })) },
    } as Experiment;
    const entry = (record: Experiment) => ({ record, file: `${record.id}.json`, positionOf: () => undefined });
    const others = ['cv-002', 'cv-003', 'cv-004', 'cv-005'].map((id) => entry({ id }));
    const { kept } = checkCollection([entry(current), ...others]);
    const rows = kept[0]?.record.comparison?.baselines?.map((row) => [row.label, row.experimentId]);
    expect(rows).toEqual([
      ['cv-002', 'cv-002'],
      ['cv-003 (prod)', 'cv-003'],
      ['cv-004', 'cv-004'],
      ['**cv-005**', 'cv-005'],
      // No such record, not another record (its own id), or no id at all: as written.
      ['cv-999', undefined],
      ['ResNet-50 pretrained', undefined],
      ['cv-001', undefined],
      ['[BM25](https://example.org)', undefined],
    ]);
  });
});

describe('unknown lineage ids', () => {
  test('each is warned about; the first ten of a record get a suggestion, and an id past any id’s length none', () => {
    const entry = (record: Experiment) => ({ record, file: `${record.id}.json`, positionOf: () => undefined });
    // `exp-00Nx` is one or two edits from `exp-001`; the last is 300 characters long.
    const related = [...Array.from({ length: 12 }, (_, i) => `exp-00${i % 10}x`), `exp-001${'y'.repeat(300)}`];
    const { diagnostics } = checkCollection([entry({ id: 'exp-001' }), entry({ id: 'exp-002', lineage: { related } })]);
    expect(diagnostics.map((d) => d.code)).toEqual(Array.from({ length: 13 }, () => 'unknown-related'));
    expect(diagnostics.map((d) => d.hint)).toEqual([
      ...Array.from({ length: 10 }, () => 'the closest existing id is "exp-001"'),
      undefined,
      undefined,
      undefined,
    ]);
  });
});
