import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRecords, nodeLoadEffects, nodeParseCache } from '../../src/content/index.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'logbook-parse-cache-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('nodeParseCache', () => {
  test('a second load reuses unchanged files and gives the same records and diagnostics', async () => {
    const content = join(work, 'content');
    await mkdir(content, { recursive: true });
    await writeFile(join(content, 'a.json'), '{ "id": "a", "status": "done" }');
    await writeFile(join(content, 'b.json'), '{ "id": "b", "lineage": { "parent": "zz" } }');
    const cache = nodeParseCache(join(work, 'cache'));
    expect(cache).toBeDefined();
    const reads: string[] = [];
    const counting = { ...cache!, get: async (key: string) => { const hit = await cache!.get(key); if (hit) reads.push(key); return hit; } };
    const first = await loadRecords(content, { ...nodeLoadEffects, cache: counting });
    expect(reads).toHaveLength(0);
    const second = await loadRecords(content, { ...nodeLoadEffects, cache: counting });
    expect(reads).toHaveLength(2);
    expect(second).toEqual(first);
    // The collection check still points at the parent's position, from the cached positions.
    expect(second.diagnostics.find((d) => d.code === 'unknown-parent')).toMatchObject({ line: 1, column: 37 });
  });

  test('a cache that cannot be written costs only speed', async () => {
    const content = join(work, 'unwritable');
    await mkdir(content, { recursive: true });
    await writeFile(join(content, 'a.json'), '{ "id": "a" }');
    const cache = nodeParseCache(join(work, 'cache3'))!;
    const failing = { ...cache, set: () => Promise.reject(new Error('disk full')) };
    expect((await loadRecords(content, { ...nodeLoadEffects, cache: failing })).records.map((r) => r.record.id)).toEqual(['a']);
  });

  test('a changed file is parsed again', async () => {
    const content = join(work, 'changed');
    await mkdir(content, { recursive: true });
    const file = join(content, 'a.json');
    await writeFile(file, '{ "id": "a", "name": "one" }');
    const cache = nodeParseCache(join(work, 'cache2'))!;
    expect((await loadRecords(content, { ...nodeLoadEffects, cache })).records[0]?.record.name).toBe('one');
    await writeFile(file, '{ "id": "a", "name": "two" }');
    expect((await loadRecords(content, { ...nodeLoadEffects, cache })).records[0]?.record.name).toBe('two');
    expect(await readFile(file, 'utf8')).toContain('two');
  });
});
