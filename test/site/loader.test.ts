import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { readSettings } from '../../src/settings/index.ts';
import { logbookLoader } from '../../src/site/loader.ts';
import { loadedRecords, publishRecords } from '../../src/site/loaded-records.ts';
import { recordDigest } from '../../src/util/record-digest.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

/** What the loader uses of Astro's context: a store, a logger, the config, a digest. */
function fakeContext(watcher?: EventEmitter): { context: LoaderContext; entries: Map<string, Entry>; errors: string[] } {
  const errors: string[] = [];
  const entries = new Map<string, Entry>();
  const store = {
    clear: () => entries.clear(),
    set: (entry: Entry) => {
      entries.set(entry.id, entry);
      return true;
    },
  };
  const logger = { warn: () => undefined, info: () => undefined, error: (m: string) => errors.push(m), debug: () => undefined };
  // A digest that changes with its input (Astro's is a hash; any injective stand-in will do here).
  const generateDigest = (data: Record<string, unknown> | string): string => (typeof data === 'string' ? data : JSON.stringify(data));
  const watched = Object.assign(watcher ?? new EventEmitter(), { add: () => undefined });
  const context = {
    store,
    logger,
    config: { integrations: [] },
    generateDigest,
    ...(watcher ? { watcher: watched } : {}),
  } as unknown as LoaderContext;
  return { context, entries, errors };
}

const example = readFileSync('content/experiments/derm-resnet-001.json', 'utf8');
let dir: string | undefined;

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  publishRecords(undefined);
});

describe('logbookLoader', () => {
  test('hands the records to the pages in this process; the store holds each entry’s file and a digest of its record', async () => {
    dir = mkdtempSync(join(tmpdir(), 'logbook-loader-'));
    const record = JSON.parse(example) as Record<string, unknown>;
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...record, id: 'exp-a' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...record, id: 'exp-b' }));
    const settings = readSettings({ env: { LOGBOOK_CONTENT: dir, LOGBOOK_NO_RECORD_CACHE: '1' } });
    const { context, entries } = fakeContext();

    await logbookLoader(settings).load(context);

    expect(loadedRecords()?.map((r) => [r.record.id, r.file, r.format])).toEqual([
      ['exp-a', join(dir, 'a.json'), 'json'],
      ['exp-b', join(dir, 'b.json'), 'json'],
    ]);
    expect([...entries.values()].map((e) => e.data)).toEqual([
      { file: join(dir, 'a.json'), format: 'json' },
      { file: join(dir, 'b.json'), format: 'json' },
    ]);
    // A changed record is a changed entry, though the store does not hold the record.
    const before = entries.get('exp-a')?.digest;
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...record, id: 'exp-a', name: 'Renamed' }));
    await logbookLoader(settings).load(context);
    expect(entries.get('exp-a')?.digest).not.toEqual(before);
    expect(entries.get('exp-b')?.digest).toBeDefined();
    // The digest the chart cache keys hash: each record is stringified once per build.
    for (const { record } of loadedRecords() ?? []) expect(entries.get(record.id)?.digest).toBe(recordDigest(record));
  });

  test('prunes the record cache of entries no record uses that are a week old', async () => {
    dir = mkdtempSync(join(tmpdir(), 'logbook-loader-'));
    const content = join(dir, 'content');
    const cache = join(dir, 'cache');
    mkdirSync(content);
    writeFileSync(join(content, 'a.json'), example);
    const settings = readSettings({ env: { LOGBOOK_CONTENT: content, LOGBOOK_CACHE_DIR: cache } });
    const records = join(cache, 'records');
    const month = Date.now() / 1000 - 30 * 24 * 60 * 60;
    const entries = (): string[] =>
      readdirSync(records, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .sort();
    await logbookLoader(settings).load(fakeContext().context);
    const [used] = entries();
    expect(entries()).toHaveLength(1);
    // The record's entry, a month old, stays; an entry of a record since changed goes; a recent one stays.
    utimesSync(join(records, used ?? ''), month, month);
    const stale = join(records, 'ab', `${'ab'.repeat(32)}.json`);
    const recent = join(records, 'cd', `${'cd'.repeat(32)}.json`);
    for (const file of [stale, recent]) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '{}');
    }
    utimesSync(stale, month, month);
    await logbookLoader(settings).load(fakeContext().context);
    expect(entries()).toEqual([used, join('cd', `${'cd'.repeat(32)}.json`)].sort());
  });

  test('an invalid record stops the load and publishes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'logbook-loader-'));
    writeFileSync(join(dir, 'bad.json'), '{ "id": 3 }');
    const settings = readSettings({ env: { LOGBOOK_CONTENT: dir, LOGBOOK_NO_RECORD_CACHE: '1' } });
    await expect(logbookLoader(settings).load(fakeContext().context)).rejects.toThrow(/bad\.json/);
    expect(loadedRecords()).toBeUndefined();
  });

  test('in dev, a changed record file is read again; an invalid one is reported and the records before it kept', async () => {
    dir = mkdtempSync(join(tmpdir(), 'logbook-loader-'));
    const record = JSON.parse(example) as Record<string, unknown>;
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify({ ...record, id: 'exp-a' }));
    const settings = readSettings({ env: { LOGBOOK_CONTENT: dir, LOGBOOK_NO_RECORD_CACHE: '1' } });
    const watcher = new EventEmitter();
    const { context, entries, errors } = fakeContext(watcher);
    await logbookLoader(settings).load(context);
    const first = loadedRecords();

    writeFileSync(file, JSON.stringify({ ...record, id: 'exp-a', name: 'Renamed' }));
    watcher.emit('change', file);
    await vi.waitFor(() => expect(loadedRecords()).not.toBe(first));
    expect(loadedRecords()?.[0]?.record.name).toBe('Renamed');

    // Not a record file: nothing is read.
    const second = loadedRecords();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    watcher.emit('add', join(dir, 'notes.txt'));
    await new Promise((done) => setTimeout(done, 250));
    expect(loadedRecords()).toBe(second);

    writeFileSync(file, '{ "id": 3 }');
    watcher.emit('change', file);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatch(/a\.json:\d+:\d+ id: /);
    expect(loadedRecords()).toBe(second);
    expect([...entries.keys()]).toEqual(['exp-a']);
  });
});
