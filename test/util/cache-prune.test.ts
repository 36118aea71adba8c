import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PRUNE_AFTER_MS, pruneCacheFolder } from '../../src/util/cache-prune.ts';

const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 24 * 60 * 60 * 1000;
const key = (c: string): string => c.repeat(64);

describe('pruneCacheFolder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-prune-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes `<dir>/<folder>/<name>` last modified `age` ms before NOW. */
  const entry = async (folder: string, name: string, age: number): Promise<void> => {
    await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, folder, name), '{}');
    const at = (NOW - age) / 1000;
    await utimes(join(dir, folder, name), at, at);
  };
  const files = async (folder: string): Promise<string[]> => (await readdir(join(dir, folder))).sort();

  test('removes the entries not in use that are older than a week; keeps the rest', async () => {
    await entry('aa', `${key('a')}.json`, 30 * DAY); // in use, however old
    await entry('bb', `${key('b')}.json`, 8 * DAY); // not in use, older than a week: removed
    await entry('cc', `${key('c')}.json`, 6 * DAY); // not in use, but used within the week (another site)
    await entry('dd', `${key('d')}.json.1234.k3j4.tmp`, 8 * DAY); // a half-written file of an old entry
    await entry('dd', `${key('d')}.json.tmp`, 8 * DAY);
    await entry('ee', 'notes.txt', 30 * DAY); // not ours
    await entry('shapes', `${key('f')}.json`, 8 * DAY); // a folder named by the caller
    await entry('shapes', `${key('e')}.json`, 30 * DAY);
    await entry('zz', `${key('9')}.json`, 30 * DAY); // not a two-hex folder: not looked in
    const result = await pruneCacheFolder(dir, new Set([key('a'), key('e')]), { now: NOW, extraFolders: ['shapes'] });
    expect(result).toEqual({ removed: 4, kept: 3 });
    expect(await files('aa')).toEqual([`${key('a')}.json`]);
    expect(await files('bb')).toEqual([]);
    expect(await files('cc')).toEqual([`${key('c')}.json`]);
    expect(await files('dd')).toEqual([]);
    expect(await files('ee')).toEqual(['notes.txt']);
    expect(await files('shapes')).toEqual([`${key('e')}.json`]);
    expect(await files('zz')).toEqual([`${key('9')}.json`]);
  });

  test('the age is a week unless given, counted from now', async () => {
    expect(PRUNE_AFTER_MS).toBe(7 * DAY);
    await entry('bb', `${key('b')}.json`, 2 * DAY);
    expect(await pruneCacheFolder(dir, new Set(), { now: NOW })).toEqual({ removed: 0, kept: 1 });
    expect(await pruneCacheFolder(dir, new Set(), { now: NOW, olderThanMs: DAY })).toEqual({ removed: 1, kept: 0 });
  });

  test('a folder that does not exist (no build cached anything yet) prunes nothing', async () => {
    expect(await pruneCacheFolder(join(dir, 'missing'), new Set(), { now: NOW, extraFolders: ['shapes'] })).toEqual({
      removed: 0,
      kept: 0,
    });
  });
});
