import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeCollection, buildExperimentDocument } from '../../src/analysis/index.ts';
import { generateRecords } from '../../src/generate/index.ts';
import { buildSearchIndex, searchRecordsOf, SearchIndexError, startSearchIndex } from '../../src/site/search-index.ts';
import { buildApiIndex } from '../../src/view/api.ts';

/** Every file under `dir` (relative path → bytes), to compare two indexes byte for byte. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const e of entries.filter((e) => e.isFile()).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(e.parentPath, e.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return files;
}

describe('search index', () => {
  const records = generateRecords({ count: 6, seed: 3, epochs: 4 });
  const analysis = analyzeCollection(records);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-search-test-'));
    await mkdir(join(dir, 'tmp'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has one record per experiment, by id, with its page, its text and its check findings', () => {
    const reversed = [...records].reverse();
    const list = searchRecordsOf(reversed, analysis);
    expect(list.map((r) => r.meta['id'])).toEqual(records.map((r) => r.id).sort());
    const first = records.find((r) => r.id === list[0]?.meta['id']);
    expect(list[0]?.url).toBe(`/experiments/${first?.id}/`);
    expect(list[0]?.content).toContain(first?.name ?? 'no name');
    const checks = analysis.byId.get(first?.id ?? '')?.checks ?? [];
    for (const check of checks) expect(list[0]?.content).toContain(check.message);
  });

  it('written alongside the pages, it is the index a build reads back from the JSON API', async () => {
    // The site's API: what `buildSearchIndex` reads after a build without the validate step.
    const site = join(dir, 'site');
    await mkdir(join(site, 'api', 'experiments'), { recursive: true });
    await writeFile(join(site, 'api', 'experiments.json'), JSON.stringify(buildApiIndex('/', records, analysis.byId)));
    for (const r of records) {
      const analysed = analysis.byId.get(r.id);
      if (analysed === undefined) throw new Error(`no analysis of ${r.id}`);
      await writeFile(join(site, 'api', 'experiments', `${r.id}.json`), JSON.stringify(buildExperimentDocument(r, analysed)));
    }
    expect(await buildSearchIndex(site)).toBe(records.length);
    const fromApi = await filesOf(join(site, 'pagefind'));

    const other = join(dir, 'other');
    await mkdir(join(other, 'pagefind'), { recursive: true });
    await writeFile(join(other, 'pagefind', 'stale.txt'), 'from an earlier build');
    const pending = await startSearchIndex(searchRecordsOf(records, analysis), { tempDir: join(dir, 'tmp') });
    expect(await pending.finish(other)).toBe(records.length);
    const fromWorker = await filesOf(join(other, 'pagefind'));

    expect([...fromWorker.keys()]).toContain('pagefind-entry.json');
    expect([...fromWorker.keys()]).toEqual([...fromApi.keys()]);
    for (const [name, bytes] of fromApi) expect(fromWorker.get(name)?.equals(bytes), name).toBe(true);
    // The worker's own folder is gone.
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('a cancelled index leaves nothing behind', async () => {
    const pending = await startSearchIndex(searchRecordsOf(records, analysis), { tempDir: join(dir, 'tmp') });
    await pending.cancel();
    // The worker's own folder is gone.
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('a worker that fails or stops early fails the step with its reason', async () => {
    const failing = join(dir, 'failing.mjs');
    await writeFile(
      failing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ error: 'search index: disk full' });\n",
    );
    const failed = await startSearchIndex([], { workerFile: failing, tempDir: join(dir, 'tmp') });
    await expect(failed.finish(join(dir, 'out'))).rejects.toThrow(new SearchIndexError('search index: disk full'));

    const quitting = join(dir, 'quitting.mjs');
    await writeFile(quitting, 'process.exit(3);\n');
    const quit = await startSearchIndex([], { workerFile: quitting, tempDir: join(dir, 'tmp') });
    await expect(quit.finish(join(dir, 'out'))).rejects.toThrow(/the worker stopped \(exit code 3\) before it finished/);
    // The worker's own folder is gone.
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });
});
