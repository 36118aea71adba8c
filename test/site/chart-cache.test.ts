import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExperimentCharts } from '../../src/charts/build.ts';
import { renderChartView } from '../../src/charts/render.ts';
import { cacheChartBlocks, renderChartBlocks, type ChartBlocksInput } from '../../src/site/chart-blocks.ts';
import { chartCacheDir, chartCacheKey, readCachedCharts, type ChartCacheEffects } from '../../src/site/chart-cache.ts';
import { templateRecord } from '../charts/fixtures.ts';

const input: ChartBlocksInput = { record: templateRecord, headlineMetric: 'Accuracy' };
const views = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy' });

/** In-memory cache files, counting reads and writes. */
function memoryEffects() {
  const files = new Map<string, string>();
  const counts = { reads: 0, writes: 0 };
  const effects: ChartCacheEffects = {
    readFile: (p) => {
      counts.reads++;
      return Promise.resolve(files.get(p));
    },
    writeFile: (p, t) => {
      counts.writes++;
      files.set(p, t);
      return Promise.resolve();
    },
  };
  return { files, counts, effects };
}

describe('chartCacheKey', () => {
  test('is the same for the same charts and changes with a title, a description or one data value', () => {
    const key = chartCacheKey(views);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(chartCacheKey(buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy' }))).toBe(key);
    const [first, ...rest] = views;
    if (first === undefined) throw new Error('the template record has charts');
    expect(chartCacheKey([{ ...first, title: `${first.title}!` }, ...rest])).not.toBe(key);
    expect(chartCacheKey([{ ...first, description: `${first.description}!` }, ...rest])).not.toBe(key);
    const changed = structuredClone(templateRecord);
    const row = changed.training?.history?.[0];
    if (row === undefined) throw new Error('the template record has a history');
    row['Train Loss'] = 0.123456;
    expect(chartCacheKey(buildExperimentCharts({ record: changed, headlineMetric: 'Accuracy' }))).not.toBe(key);
  });

  test('ignores what is not drawn: the section and the data table', () => {
    const key = chartCacheKey(views);
    expect(chartCacheKey(views.map((v) => ({ ...v, section: 'lineage' as const, table: { columns: [], rows: [] } })))).toBe(key);
  });
});

describe('renderChartBlocks through the cache', () => {
  test('renders once, then reads one file per experiment with the same blocks', async () => {
    const { files, counts, effects } = memoryEffects();
    const first = await renderChartBlocks(input, { cacheDir: '/cache', effects, env: {} });
    expect(counts).toEqual({ reads: 1, writes: 1 });
    expect([...files.keys()]).toEqual([join('/cache', chartCacheKey(views).slice(0, 2), `${chartCacheKey(views)}.json`)]);
    const second = await renderChartBlocks(input, { cacheDir: '/cache', effects, env: {} });
    expect(counts).toEqual({ reads: 2, writes: 1 });
    expect(second).toEqual(first);
    // Every chart of the experiment, in page order, with the SVG the renderer makes.
    expect(first.flatMap(([, list]) => list.map((c) => c.id))).toEqual(views.map((v) => v.id));
    const trainingCurves = views.find((v) => v.id === 'training-curves');
    if (trainingCurves === undefined) throw new Error('the template record has training curves');
    const svg = first.flatMap(([, list]) => list).find((c) => c.id === 'training-curves')?.svg;
    expect(svg).toBe((await renderChartView(trainingCurves, { env: {} })).svg);
  });

  test('a damaged or mismatched cache file is rendered again and replaced', async () => {
    const { files, counts, effects } = memoryEffects();
    const path = join('/cache', chartCacheKey(views).slice(0, 2), `${chartCacheKey(views)}.json`);
    const good = await renderChartBlocks(input, { cacheDir: null, env: {} });
    for (const bad of ['{not json', '[{"id":"x","svg":"<svg/>","width":1,"height":1}]', '[{"id":"training-curves","svg":"oops"}]']) {
      files.set(path, bad);
      expect(await renderChartBlocks(input, { cacheDir: '/cache', effects, env: {} })).toEqual(good);
      expect(files.get(path)?.startsWith('[{"id":')).toBe(true);
      expect(files.get(path)).not.toBe(bad);
    }
    expect(counts.writes).toBe(3);
  });

  test('cacheChartBlocks fills the cache without building page blocks', async () => {
    const { files, effects } = memoryEffects();
    await cacheChartBlocks(input, { cacheDir: '/cache', effects, env: {} });
    const cached = await readCachedCharts('/cache', chartCacheKey(views), effects);
    expect(cached?.map((c) => c.id)).toEqual(views.map((v) => v.id));
    expect(files.size).toBe(1);
  });

  test('with LOGBOOK_CHARTS=off there are no blocks and nothing is cached', async () => {
    const { counts, effects } = memoryEffects();
    expect(await renderChartBlocks(input, { cacheDir: '/cache', effects, env: { LOGBOOK_CHARTS: 'off' } })).toEqual([]);
    expect(counts).toEqual({ reads: 0, writes: 0 });
  });

  test('an unwritable cache folder costs speed, never the build', async () => {
    const effects: ChartCacheEffects = {
      readFile: () => Promise.resolve(undefined),
      writeFile: () => Promise.reject(new Error('EROFS: read-only file system')),
    };
    const blocks = await renderChartBlocks(input, { cacheDir: '/read-only', effects, env: {} });
    expect(blocks.length).toBeGreaterThan(0);
  });
});

describe('the cache on disk', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-chart-cache-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('one file per experiment, in a folder named by the first two hex digits of its key', async () => {
    const first = await renderChartBlocks(input, { cacheDir: dir, env: {} });
    const again = await renderChartBlocks(input, { cacheDir: dir, env: {} });
    expect(again).toEqual(first);
    const shards = await readdir(dir);
    expect(shards).toEqual([chartCacheKey(views).slice(0, 2)]);
    expect(await readdir(join(dir, shards[0] as string))).toEqual([`${chartCacheKey(views)}.json`]);
  });

  test('folder comes from the environment', () => {
    expect(chartCacheDir({})).toBe(join('node_modules', '.cache', 'logbook', 'charts'));
    expect(chartCacheDir({ LOGBOOK_CACHE_DIR: '/tmp/lb' })).toBe(join('/tmp/lb', 'charts'));
    expect(chartCacheDir({ LOGBOOK_CACHE_DIR: '/tmp/lb', LOGBOOK_NO_CHART_CACHE: '1' })).toBeNull();
  });
});
