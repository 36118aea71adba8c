import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isInside, listRecordFiles, loadRecords } from '../../src/content/index.ts';
import { formatDiagnostic } from '../../src/ingest/index.ts';

/**
 * A content folder with every kind of link: `outside/` holds a "secret" record-shaped file and a
 * folder of records that must never be read through the content folder.
 */
let work: string;
let content: string;
const SECRET = 'TOP-SECRET-TOKEN';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'logbook-links-'));
  content = join(work, 'content');
  const outside = join(work, 'outside');
  mkdirSync(join(outside, 'more'), { recursive: true });
  mkdirSync(join(content, 'sub'), { recursive: true });
  mkdirSync(join(content, '.hidden'), { recursive: true });
  const record = (id: string, name = id): string => JSON.stringify({ id, name });
  writeFileSync(join(outside, 'secret.json'), record('leaked', SECRET));
  writeFileSync(join(outside, 'more', 'leaked-too.json'), record('leaked-too', SECRET));
  writeFileSync(join(content, 'exp-1.json'), record('exp-1'));
  writeFileSync(join(content, 'sub', 'exp-2.json'), record('exp-2'));
  writeFileSync(join(content, '.hidden', 'exp-3.json'), record('exp-3'));
  writeFileSync(join(content, 'notes.txt'), 'not a record');
  symlinkSync(join(outside, 'secret.json'), join(content, 'secret.json'));
  symlinkSync('../outside/secret.json', join(content, 'relative-secret.md'));
  symlinkSync(join(outside, 'more'), join(content, 'linked-folder'));
  symlinkSync(join(work, 'nowhere.json'), join(content, 'broken.json'));
  symlinkSync(join(outside, 'secret.json'), join(content, 'not-a-record.txt'));
  // Inside the folder: a link to a record is read; a link to a folder (even a loop) is not followed.
  symlinkSync(join(content, 'sub', 'exp-2.json'), join(content, 'alias.json'));
  symlinkSync(join(content, 'sub'), join(content, 'sub-again'));
  symlinkSync('..', join(content, 'sub', 'loop'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('listRecordFiles', () => {
  test('lists record files inside the folder and refuses links that lead out of it, to nothing, or to a folder outside', async () => {
    const listing = await listRecordFiles(content);
    expect(listing.files.map((f) => f.path)).toEqual(['alias.json', 'exp-1.json', 'sub/exp-2.json']);
    // `{"id":"exp-2","name":"exp-2"}`: 29 bytes.
    expect(listing.files.map((f) => f.bytes)).toEqual([29, 29, 29]);
    expect(listing.refused).toEqual([
      { path: 'broken.json', reason: 'broken', target: join(work, 'nowhere.json') },
      { path: 'linked-folder', reason: 'outside', target: join(work, 'outside', 'more') },
      { path: 'relative-secret.md', reason: 'outside', target: '../outside/secret.json' },
      { path: 'secret.json', reason: 'outside', target: join(work, 'outside', 'secret.json') },
    ]);
    // A text file beside the records is named as left out (a link to one is not followed to say so).
    expect(listing.leftOut).toEqual(['notes.txt']);
  });
});

describe('loadRecords over links', () => {
  test('each refused link is an error naming the link, all in one run, and nothing outside the folder is read', async () => {
    const { records, diagnostics, read } = await loadRecords(content);
    const hint = 'put the record file itself in the content folder (records are read only from inside it)';
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${content}/broken.json: symbolic link to "${work}/nowhere.json" points to nothing — ${hint}`,
      `${content}/linked-folder: symbolic link to "${work}/outside/more" leads outside the content folder; it is not read — ${hint}`,
      `${content}/relative-secret.md: symbolic link to "../outside/secret.json" leads outside the content folder; it is not read — ${hint}`,
      `${content}/secret.json: symbolic link to "${work}/outside/secret.json" leads outside the content folder; it is not read — ${hint}`,
      // The in-folder link reads the same record as its target.
      `${content}/sub/exp-2.json:1:7 id: duplicate id "exp-2": also used by ${content}/alias.json — give every experiment its own id`,
    ]);
    expect(diagnostics.every((d) => d.level === 'error')).toBe(true);
    expect(records.map((r) => r.record.id)).toEqual(['exp-1', 'exp-2']);
    expect([...read].sort()).toEqual([`${content}/alias.json`, `${content}/exp-1.json`, `${content}/sub/exp-2.json`]);
    expect(JSON.stringify({ records, diagnostics })).not.toContain(SECRET);
  });
});

describe('a refused link in a deep folder', () => {
  test('names its whole target, however long the path (CI checkouts live deep)', async () => {
    const deep = join(work, 'a-rather-long-folder-name-for-a-checkout', 'of-a-team-repository', 'in-ci');
    mkdirSync(join(deep, 'content'), { recursive: true });
    const target = join(deep, 'secret-outside-the-content-folder.json');
    writeFileSync(target, JSON.stringify({ id: 'leaked', name: SECRET }));
    symlinkSync(target, join(deep, 'content', 'leak.json'));
    expect(target.length).toBeGreaterThan(60);
    const { diagnostics } = await loadRecords(join(deep, 'content'));
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${deep}/content/leak.json: symbolic link to ${JSON.stringify(target)} leads outside the content folder; it is not read — put the record file itself in the content folder (records are read only from inside it)`,
    ]);
  });
});

describe('isInside', () => {
  test.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/c.json', true],
    ['/a/b', '/a/bc/d.json', false],
    ['/a/b', '/a', false],
    ['/', '/etc/passwd', true],
  ])('%s contains %s: %s', (root, path, inside) => {
    expect(isInside(root, path)).toBe(inside);
  });
});
