import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderChartBlocks, type ChartBlocksInput } from '../../src/site/chart-blocks.ts';
import { chartCacheKey, chartCodeFingerprint } from '../../src/site/chart-cache.ts';
import { createChartPool, type ChartPool } from '../../src/site/chart-pool.ts';
import { templateRecord } from '../charts/fixtures.ts';

// Real worker threads running src/site/chart-worker.ts, as a build does.
describe('chart pool', () => {
  let dir = '';
  let pool: ChartPool;
  const saved = process.env['LOGBOOK_CACHE_DIR'];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-chart-pool-'));
    process.env['LOGBOOK_CACHE_DIR'] = dir; // workers copy the environment when they start
    pool = createChartPool({ file: join(process.cwd(), 'src', 'site', 'chart-worker.ts'), size: 2 });
  });
  afterAll(async () => {
    await pool.close();
    if (saved === undefined) delete process.env['LOGBOOK_CACHE_DIR'];
    else process.env['LOGBOOK_CACHE_DIR'] = saved;
    await rm(dir, { recursive: true, force: true });
  });

  test('a worker renders the same blocks as the page thread', async () => {
    const input: ChartBlocksInput = { record: templateRecord, headlineMetric: 'Accuracy' };
    const [fromWorker, here] = await Promise.all([pool.render(input), renderChartBlocks(input, { cacheDir: null })]);
    expect(pool.size).toBe(2);
    expect(fromWorker).toEqual(here);
  });

  test('without a reply nothing comes back, and the charts land in the cache', async () => {
    const record = { ...templateRecord, id: 'exp-cache-only', name: 'cache only' };
    const result = await pool.render({ record }, { reply: false });
    expect(result).toBeNull();
    const key = chartCacheKey({ record }, chartCodeFingerprint() ?? '');
    expect(await readdir(join(dir, 'charts', key.slice(0, 2)))).toContain(`${key}.json`);
  });

  test('a closed pool refuses work', async () => {
    const closing = createChartPool({ file: join(process.cwd(), 'src', 'site', 'chart-worker.ts'), size: 1 });
    await closing.close();
    await expect(closing.render({ record: templateRecord })).rejects.toThrow('closed');
  });
});
