import { describe, expect, test } from 'vitest';
import type { Experiment } from '../../src/schema/index.ts';
import { readSettings, type Settings } from '../../src/settings/index.ts';
import { encodeCachedBlocks, type ChartBlocksBySection, type ChartCacheEffects } from '../../src/site/chart-cache.ts';
import type { ChartJob, ChartPool } from '../../src/site/chart-pool.ts';
import { createChartService, WORKERS_FROM } from '../../src/site/chart-service.ts';
import { compileChartShape } from '../../src/charts/render.ts';
import { experimentChartViews } from '../../src/charts/experiment-views.ts';
import { templateRecord } from '../charts/fixtures.ts';

const records = (n: number): Experiment[] => Array.from({ length: n }, (_, i) => ({ id: `e${String(i).padStart(3, '0')}` }));
const blocksOf = (id: string): ChartBlocksBySection => [
  ['training', [{ id, title: id, description: '', svg: `<svg>${id}</svg>`, shape: 's', width: 1, height: 1, tableHtml: '' }]],
];

/**
 * A service over a fake pool (replying at once) and a cache where every file exists or none does;
 * `readable` (with `cached`): every file read holds the blocks of an experiment "cached".
 */
function service(env: Record<string, string>, cached: boolean, readable = false) {
  const pools: number[] = [];
  const rendered: string[] = [];
  const pool = (size: number): ChartPool => {
    pools.push(size);
    return {
      size,
      render: (input: ChartJob) => {
        const id = 'compare' in input ? `compare ${input.compare.map((d) => d.record.id).join(' ')}` : input.record.id;
        rendered.push(id);
        return Promise.resolve(blocksOf(id));
      },
      close: () => Promise.resolve(),
    };
  };
  const effects: ChartCacheEffects = {
    readFile: () => Promise.resolve(cached && readable ? encodeCachedBlocks(blocksOf('cached')) : undefined),
    writeFile: () => Promise.resolve(),
    exists: () => Promise.resolve(cached),
  };
  const settings: Settings = readSettings({ env: { LOGBOOK_CACHE_DIR: '/cache', ...env } });
  /** How many records each start of the shapes worker got, and the cache folder it was given. */
  const shapeStarts: number[] = [];
  const shapeCaches: (string | null)[] = [];
  const startShapes = (list: readonly Experiment[], options: { cacheDir: string | null }) => {
    shapeStarts.push(list.length);
    shapeCaches.push(options.cacheDir);
    return Promise.resolve(new Map([[`shape-of-${list.length}`, {}]]));
  };
  return {
    pools,
    rendered,
    shapeStarts,
    shapeCaches,
    chartService: createChartService({ settings, parallelism: 2, createPool: pool, effects, startShapes }),
  };
}

describe('createChartService', () => {
  test('without charts: no workers and no blocks', async () => {
    const { pools, chartService } = service({ LOGBOOK_CHARTS: 'off' }, false);
    expect(await chartService.start(records(100))).toEqual({ workers: 0 });
    expect(await chartService.blocks({ record: { id: 'e000' } })).toEqual([]);
    expect(pools).toEqual([]);
  });

  test('charts drawn in the browser (staticCharts off): no workers, blocks without SVG but with shape and data table, counted', async () => {
    const { pools, rendered, chartService } = service({ LOGBOOK_STATIC_CHARTS: 'off' }, false);
    expect(await chartService.start(records(100))).toEqual({ workers: 0 });
    const blocks = (await chartService.blocks({ record: templateRecord })).flatMap(([, list]) => list);
    const views = experimentChartViews({ record: templateRecord });
    expect(blocks.map((b) => b.id)).toEqual(views.map((v) => v.id));
    for (const [i, block] of blocks.entries()) {
      expect(block).toMatchObject({ svg: '', width: 0, height: 0, shape: compileChartShape((views[i] as (typeof views)[number]).spec).id });
      expect(block.error).toBeUndefined();
    }
    // Each chart's data stays on the page: its own table, or a link to the table that holds it.
    for (const block of blocks) expect(block.tableHtml.includes('<td') || (block.dataIn ?? []).length > 0).toBe(true);
    expect(blocks.filter((b) => b.tableHtml.includes('<td')).length).toBeGreaterThan(0);
    expect(pools).toEqual([]);
    expect(rendered).toEqual([]);
    expect(await chartService.close()).toEqual({ pages: 1, charts: blocks.length });
  });

  test('without compare pages (comparePages off), no compare charts are drawn ahead', async () => {
    const { rendered, chartService } = service({ LOGBOOK_COMPARE_PAGES: 'off' }, false);
    const family = records(60).map((r, i) => (i === 1 ? { ...r, lineage: { parent: 'e000' } } : r));
    await chartService.start(family);
    expect(rendered.slice(0, 2)).toEqual(['e000', 'e001']);
    expect(rendered.filter((id) => id.startsWith('compare'))).toEqual([]);
  });

  test(`a site of fewer than ${WORKERS_FROM} experiments renders in the page thread`, async () => {
    const { pools, chartService } = service({}, false);
    expect(await chartService.start(records(WORKERS_FROM - 1))).toEqual({ workers: 0 });
    // A record with nothing to chart has no blocks; what matters is that no worker was started.
    expect(await chartService.blocks({ record: { id: 'e000' } })).toEqual([]);
    expect(pools).toEqual([]);
  });

  test('many charts missing from the cache: workers (one per core) start rendering at once, in page order', async () => {
    const { pools, rendered, chartService } = service({}, false);
    expect(await chartService.start(records(60))).toEqual({ workers: 2, eager: true });
    expect(pools).toEqual([2]);
    expect(rendered.slice(0, 3)).toEqual(['e000', 'e001', 'e002']);
    expect(await chartService.blocks({ record: { id: 'e000' } })).toEqual(blocksOf('e000'));
  });

  test('compare pages: their charts go to the workers first (their pages are built first), and a page waits for its own', async () => {
    const { rendered, chartService } = service({}, false);
    const family = records(60).map((r, i) => (i === 1 ? { ...r, lineage: { parent: 'e000' } } : r));
    await chartService.start(family);
    expect(rendered.slice(0, 2)).toEqual(['compare e001 e000', 'e000']);
    // Nothing to chart in these records: the page gets no blocks, read back through the cache.
    const [child, parent] = [family[1] as Experiment, family[0] as Experiment];
    expect(
      await chartService.compareBlocks([
        { record: child, analysis: { headline: null } },
        { record: parent, analysis: { headline: null } },
      ]),
    ).toEqual([]);
  });

  test('charts already cached: every page reads its own in the page thread, and no worker starts', async () => {
    const { pools, rendered, chartService } = service({}, true, true);
    expect(await chartService.start(records(200))).toEqual({ workers: 2, eager: false });
    for (const record of records(200)) expect(await chartService.blocks({ record })).toEqual(blocksOf('cached'));
    expect(pools).toEqual([]);
    expect(rendered).toEqual([]);
    expect(await chartService.close()).toEqual({ pages: 200, charts: 200 });
  });

  test(`cache files that turn out unreadable: pages render in the page thread until ${WORKERS_FROM} had to, then workers start`, async () => {
    const { pools, chartService } = service({}, true);
    expect(await chartService.start(records(60))).toEqual({ workers: 2, eager: false });
    for (let i = 0; i < WORKERS_FROM; i++) await chartService.blocks({ record: { id: `e${String(i).padStart(3, '0')}` } });
    expect(pools).toEqual([]);
    expect(await chartService.blocks({ record: { id: 'e050' } })).toEqual(blocksOf('e050'));
    expect(pools).toEqual([2]);
  });

  test('LOGBOOK_CHART_WORKERS chooses the worker count; 0 keeps every chart in the page thread', async () => {
    const three = service({ LOGBOOK_CHART_WORKERS: '3' }, false);
    expect(await three.chartService.start(records(10))).toEqual({ workers: 3, eager: false });
    const none = service({ LOGBOOK_CHART_WORKERS: '0' }, false);
    expect(await none.chartService.start(records(100))).toEqual({ workers: 0 });
    expect(none.pools).toEqual([]);
  });

  test(`the chart shapes are worked out on a worker from ${WORKERS_FROM} experiments, with static charts or without`, async () => {
    const few = service({}, false);
    await few.chartService.start(records(WORKERS_FROM - 1));
    expect(few.chartService.shapes()).toBeUndefined();
    for (const env of [{}, { LOGBOOK_STATIC_CHARTS: 'off' }, { LOGBOOK_CHART_WORKERS: '0' }]) {
      const many = service(env, true);
      await many.chartService.start(records(WORKERS_FROM));
      expect(many.shapeStarts).toEqual([WORKERS_FROM]);
      // Through the chart cache: a build whose charts are all cached works out no chart spec.
      expect(many.shapeCaches).toEqual(['/cache/charts']);
      expect([...((await many.chartService.shapes()) ?? [])]).toEqual([[`shape-of-${WORKERS_FROM}`, {}]]);
      await many.chartService.close();
      expect(many.chartService.shapes()).toBeUndefined();
    }
    const none = service({ LOGBOOK_CHARTS: 'off' }, false);
    await none.chartService.start(records(100));
    expect(none.shapeStarts).toEqual([]);
    expect(none.chartService.shapes()).toBeUndefined();
  });

  test('counts the pages and charts it served, and starts afresh once closed', async () => {
    const { chartService } = service({}, false);
    await chartService.start(records(60));
    await chartService.blocks({ record: { id: 'e000' } });
    await chartService.blocks({ record: { id: 'e001' } });
    expect(chartService.stats()).toEqual({ pages: 2, charts: 2 });
    expect(await chartService.close()).toEqual({ pages: 2, charts: 2 });
    expect(chartService.stats()).toEqual({ pages: 0, charts: 0 });
  });
});
