import { describe, expect, test } from 'vitest';
import { isRecordPath, parseNameStatus, parsePathList, toContentChanges } from '../../src/summary/changes.ts';

describe('parseNameStatus', () => {
  test('reads added, modified, type-changed, deleted, renamed and copied entries from -z output', () => {
    const out = [
      'A',
      'c/new.md',
      'M',
      'c/mod.json',
      'T',
      'c/type.md',
      'D',
      'c/gone.md',
      'R087',
      'c/old name.md',
      'c/new name.md',
      'C100',
      'c/a.md',
      'c/b.md',
      '',
    ].join('\0');
    expect(parseNameStatus(out)).toEqual([
      { kind: 'added', path: 'c/new.md' },
      { kind: 'modified', path: 'c/mod.json' },
      { kind: 'modified', path: 'c/type.md' },
      { kind: 'removed', path: 'c/gone.md' },
      { kind: 'renamed', path: 'c/new name.md', previousPath: 'c/old name.md' },
      { kind: 'added', path: 'c/b.md' },
    ]);
  });

  test('returns nothing for empty output', () => {
    expect(parseNameStatus('')).toEqual([]);
  });
});

describe('parsePathList', () => {
  test('splits NUL-separated paths, keeping spaces and newlines in names', () => {
    expect(parsePathList('a b.md\0c\nd.json\0')).toEqual(['a b.md', 'c\nd.json']);
  });
});

describe('isRecordPath', () => {
  test.each([
    ['exp.md', true],
    ['sub/exp.json', true],
    ['exp.txt', false],
    ['.hidden.json', false],
    ['.drafts/exp.md', false],
    ['exp.json.bak', false],
  ])('%s → %s', (path, expected) => {
    expect(isRecordPath(path)).toBe(expected);
  });
});

describe('toContentChanges', () => {
  test('keeps record files under the folder, named as the loader names them, sorted by file', () => {
    const changes = toContentChanges(
      [
        { kind: 'modified', path: 'site/content/experiments/b.md' },
        { kind: 'added', path: 'site/content/experiments/a.json' },
        { kind: 'added', path: 'site/content/experiments/notes.txt' },
        { kind: 'modified', path: 'src/index.ts' },
      ],
      'site/content/experiments',
      'content/experiments',
    );
    expect(changes).toEqual([
      { kind: 'added', file: 'content/experiments/a.json', repoPath: 'site/content/experiments/a.json' },
      { kind: 'modified', file: 'content/experiments/b.md', repoPath: 'site/content/experiments/b.md' },
    ]);
  });

  test('keeps renames within the folder, and splits renames to or from a non-record name', () => {
    const changes = toContentChanges(
      [
        { kind: 'renamed', path: 'c/new.md', previousPath: 'c/old.md' },
        { kind: 'renamed', path: 'c/draft.txt', previousPath: 'c/was.json' },
        { kind: 'renamed', path: 'c/now.json', previousPath: 'c/was.txt' },
      ],
      'c',
      '/abs/c',
    );
    expect(changes).toEqual([
      { kind: 'renamed', file: '/abs/c/new.md', repoPath: 'c/new.md', previousFile: '/abs/c/old.md' },
      { kind: 'added', file: '/abs/c/now.json', repoPath: 'c/now.json' },
      { kind: 'removed', file: '/abs/c/was.json', repoPath: 'c/was.json' },
    ]);
  });

  test('takes the first report of a file (a tracked change wins over the same path untracked)', () => {
    expect(
      toContentChanges(
        [
          { kind: 'modified', path: 'x.md' },
          { kind: 'added', path: 'x.md' },
        ],
        '',
        '.',
      ),
    ).toEqual([{ kind: 'modified', file: 'x.md', repoPath: 'x.md' }]);
  });
});
