import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExperimentChartsInput } from '../../src/charts/experiment-views.ts';
import { renderChartBlocks } from '../../src/site/chart-blocks.ts';
import { chartCacheKey, chartCodeFingerprint } from '../../src/site/chart-cache.ts';
import { createChartPool, type ChartPool } from '../../src/site/chart-pool.ts';
import { CHART_WORKER_FILE } from '../../src/site/chart-service.ts';
import { templateRecord } from '../charts/fixtures.ts';

// Real worker threads running src/site/chart-worker.ts, as a build does.
describe('chart pool', () => {
  let dir = '';
  let pool: ChartPool;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-chart-pool-'));
    pool = createChartPool({ file: CHART_WORKER_FILE, size: 2, data: { cacheDir: join(dir, 'charts') } });
  });
  afterAll(async () => {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  });

  // Starting a worker loads Vega: allow for a busy machine.
  test('a worker renders the same blocks as the page thread', { timeout: 30_000 }, async () => {
    const input: ExperimentChartsInput = { record: templateRecord, headlineMetric: 'Accuracy' };
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
    const closing = createChartPool({ file: CHART_WORKER_FILE, size: 1, data: { cacheDir: null } });
    await closing.close();
    await expect(closing.render({ record: templateRecord })).rejects.toThrow('closed');
  });
});
