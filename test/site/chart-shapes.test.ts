import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentChartViews } from '../../src/charts/experiment-views.ts';
import { compileChartShape } from '../../src/charts/render.ts';
import { generateRecords } from '../../src/generate/index.ts';
import { chartBlocksKey, compareChartsKey } from '../../src/site/chart-blocks.ts';
import { chartInputs, compareJobs } from '../../src/site/chart-inputs.ts';
import type { ChartCacheEffects } from '../../src/site/chart-cache.ts';
import { cachedExperimentChartShapes, chartShapesKey, experimentChartShapes, startChartShapes } from '../../src/site/chart-shapes.ts';
import { emptyRecord, templateRecord } from '../charts/fixtures.ts';

describe('chart shapes', () => {
  const records = [...generateRecords({ count: 5, seed: 2, epochs: 6 }), templateRecord, emptyRecord];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-shapes-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are the compiled shapes of every chart of every experiment, once each, in id order', () => {
    const expected = new Map<string, unknown>();
    for (const input of chartInputs(records).values())
      for (const view of experimentChartViews(input)) {
        const shape = compileChartShape(view.spec);
        expected.set(shape.id, shape.vgSpec);
      }
    const shapes = experimentChartShapes(records);
    expect([...shapes.keys()]).toEqual([...expected.keys()].sort());
    for (const [id, spec] of shapes) expect(spec).toEqual(expected.get(id));
    // Many charts, far fewer shapes: charts of one kind share theirs.
    const charts = [...chartInputs(records).values()].reduce((n, input) => n + experimentChartViews(input).length, 0);
    expect(shapes.size).toBeGreaterThan(3);
    expect(shapes.size).toBeLessThan(charts);
  });

  it('worked out on a worker thread are the same, in the same order', async () => {
    const shapes = await startChartShapes(records);
    const here = experimentChartShapes(records);
    expect([...shapes.keys()]).toEqual([...here.keys()]);
    expect(JSON.stringify([...shapes])).toBe(JSON.stringify([...here]));
  });

  it('are kept in the chart cache under a key of every experiment’s chart key, and read from it next time', async () => {
    const files = new Map<string, string>();
    const counts = { reads: 0, writes: 0 };
    const effects: ChartCacheEffects = {
      readFile: (p) => (counts.reads++, Promise.resolve(files.get(p))),
      writeFile: (p, t) => (counts.writes++, files.set(p, t), Promise.resolve()),
      exists: (p) => Promise.resolve(files.has(p)),
    };
    const here = experimentChartShapes(records);
    const key = chartShapesKey(records, '/cache');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const file = join('/cache', 'shapes', `${key}.json`);
    expect(JSON.stringify([...(await cachedExperimentChartShapes(records, '/cache', { effects }))])).toBe(JSON.stringify([...here]));
    expect([...files.keys()]).toEqual([file]);
    expect(counts).toEqual({ reads: 1, writes: 1 });
    // Read back, not worked out: what the file holds is what comes back.
    files.set(file, JSON.stringify([['kept', { marks: [] }]]));
    expect([...(await cachedExperimentChartShapes(records, '/cache', { effects }))]).toEqual([['kept', { marks: [] }]]);
    expect(counts).toEqual({ reads: 2, writes: 1 });
    // The same experiments in another order are the same key; a changed record or another set is another.
    expect(chartShapesKey([...records].reverse(), '/cache')).toBe(key);
    const renamed = records.map((r, i) => (i === 0 ? { ...r, name: 'Renamed' } : r));
    expect(chartShapesKey(renamed, '/cache')).not.toBe(key);
    expect(chartShapesKey(records.slice(1), '/cache')).not.toBe(key);
    // A damaged file is worked out again and replaced.
    for (const bad of ['{not json', '[["id"]]', '{"a":1}', '[[1,{}]]']) {
      files.set(file, bad);
      expect(JSON.stringify([...(await cachedExperimentChartShapes(records, '/cache', { effects }))])).toBe(JSON.stringify([...here]));
      expect(files.get(file)).toBe(JSON.stringify([...here]));
    }
    // Without a cache folder nothing is read or written.
    const before = { ...counts };
    expect(chartShapesKey(records, null)).toBeNull();
    expect(JSON.stringify([...(await cachedExperimentChartShapes(records, null, { effects }))])).toBe(JSON.stringify([...here]));
    expect(counts).toEqual(before);
  });

  it('a cache folder that cannot be written costs the next build time, not the shapes', async () => {
    const effects: ChartCacheEffects = {
      readFile: () => Promise.resolve(undefined),
      writeFile: () => Promise.reject(new Error('EROFS: read-only file system')),
      exists: () => Promise.resolve(false),
    };
    expect(JSON.stringify([...(await cachedExperimentChartShapes(records, '/cache', { effects }))])).toBe(
      JSON.stringify([...experimentChartShapes(records)]),
    );
  });

  it('the worker fills the cache folder it is given, and the next worker reads it', async () => {
    const cacheDir = join(dir, 'cache');
    const first = await startChartShapes(records, { cacheDir });
    const [file] = await readdir(join(cacheDir, 'shapes'));
    expect(file).toBe(`${chartShapesKey(records, cacheDir)}.json`);
    await writeFile(join(cacheDir, 'shapes', file ?? ''), JSON.stringify([['kept', {}]]));
    expect([...(await startChartShapes(records, { cacheDir }))]).toEqual([['kept', {}]]);
    expect(first.size).toBeGreaterThan(3);
  });

  it('with prune, the cache keeps the entries of every experiment, compare page and these shapes, and loses old unused ones', async () => {
    const cacheDir = join(dir, 'pruned');
    const old = Date.now() / 1000 - 30 * 24 * 60 * 60;
    const family = records.map((r, i) => (i === 1 ? { ...r, lineage: { ...r.lineage, parent: records[0]?.id ?? '' } } : r));
    const inputs = [...chartInputs(family).values()];
    const experimentKey = chartBlocksKey(inputs[2] as (typeof inputs)[number], { cacheDir }) ?? '';
    const [pair] = compareJobs(family);
    const compareKey = compareChartsKey(pair ?? [], { cacheDir }) ?? '';
    const stale = 'ab'.repeat(32);
    const write = async (key: string): Promise<string> => {
      const file = join(cacheDir, key.slice(0, 2), `${key}.json`);
      await mkdir(join(cacheDir, key.slice(0, 2)), { recursive: true });
      await writeFile(file, '[]\n');
      await utimes(file, old, old);
      return file;
    };
    const files = await Promise.all([experimentKey, compareKey, stale].map(write));
    await cachedExperimentChartShapes(family, cacheDir, { prune: { comparePages: true } });
    const shapesFile = join(cacheDir, 'shapes', `${chartShapesKey(family, cacheDir) ?? ''}.json`);
    await utimes(shapesFile, old, old);
    // A second build: the shapes are read, and the same entries are in use.
    await cachedExperimentChartShapes(family, cacheDir, { prune: { comparePages: true } });
    const exists = (file: string) =>
      readFile(file).then(
        () => true,
        () => false,
      );
    expect(await Promise.all([...files, shapesFile].map(exists))).toEqual([true, true, false, true]);
    // Without compare pages, their entries are not in use.
    await cachedExperimentChartShapes(family, cacheDir, { prune: { comparePages: false } });
    expect(await Promise.all([...files, shapesFile].map(exists))).toEqual([true, false, false, true]);
  });

  it('a worker that fails, stops early or is not there costs time, not the shapes: they are worked out here', async () => {
    const here = JSON.stringify([...experimentChartShapes(records)]);
    const failing = join(dir, 'failing.mjs');
    await writeFile(failing, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ error: 'out of memory' });\n");
    const quitting = join(dir, 'quitting.mjs');
    await writeFile(quitting, 'process.exit(3);\n');
    const throwing = join(dir, 'throwing.mjs');
    await writeFile(throwing, "throw new Error('broken');\n");
    for (const workerFile of [failing, quitting, throwing, join(dir, 'missing.mjs')])
      expect(JSON.stringify([...(await startChartShapes(records, { workerFile }))])).toBe(here);
  });
});
