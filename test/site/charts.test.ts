import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import type { ChartBlocksBySection, ChartBlocksInput } from '../../src/site/chart-blocks.ts';
import { TASKS_PER_WORKER, type ChartPool } from '../../src/site/chart-pool.ts';
import { chartInputs, renderAhead } from '../../src/site/charts.ts';
import { headlineChain } from '../../src/view/lineage.ts';

const metric = (value: number) => ({ evaluation: { testMetrics: [{ metric: 'AUC', value }] } });
const records: Experiment[] = [
  { id: 'a', ...metric(0.8) },
  { id: 'b', lineage: { parent: 'a' }, ...metric(0.85) },
  { id: 'c', lineage: { parent: 'b' }, ...metric(0.9) },
  { id: 'd', lineage: { parent: 'missing' } },
  { id: 'e', lineage: { parent: 'a' }, evaluation: { testMetrics: [{ metric: 'Loss', value: 0.3 }] } },
];

describe('chartInputs', () => {
  test('headline metric and chain from the records alone equal what the full analysis gives', () => {
    const inputs = chartInputs(records);
    const analysis = analyzeCollection(records);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const record of records) {
      const input = inputs.get(record.id);
      expect(input?.record).toBe(record);
      expect(input?.headlineMetric).toBe(analysis.byId.get(record.id)?.headline?.metric);
      expect(input?.lineageChain).toEqual(headlineChain(record.id, { records: byId, analyses: analysis.byId }));
    }
  });

  test('the chain runs root first with the headline metric of the experiment, null where an ancestor lacks it', () => {
    const inputs = chartInputs(records);
    expect(inputs.get('c')?.lineageChain).toEqual([
      { id: 'a', value: 0.8 },
      { id: 'b', value: 0.85 },
      { id: 'c', value: 0.9 },
    ]);
    expect(inputs.get('e')?.lineageChain).toEqual([
      { id: 'a', value: null },
      { id: 'e', value: 0.3 },
    ]);
    expect(inputs.get('a')?.lineageChain).toBeUndefined();
    expect(inputs.get('d')).toEqual({ record: records[3], headlineMetric: undefined, lineageChain: undefined });
  });
});

/** A pool that records every task and lets the test settle them. */
function fakePool(size: number) {
  const tasks: { id: string; urgent: boolean; reply: boolean; settle: (ok: boolean) => void }[] = [];
  const blocksOf = (id: string): ChartBlocksBySection => [
    ['training', [{ id, title: id, description: '', svg: `<svg>${id}</svg>`, width: 1, height: 1, table: { columns: [], rows: [] } }]],
  ];
  const pool: ChartPool = {
    size,
    render(input: ChartBlocksInput, options = {}) {
      return new Promise((resolve, reject) => {
        const reply = options.reply ?? true;
        tasks.push({
          id: input.record.id,
          urgent: options.urgent ?? false,
          reply,
          settle: (ok) => (ok ? resolve(reply ? blocksOf(input.record.id) : null) : reject(new Error('worker died'))),
        });
      });
    },
    close: () => Promise.resolve(),
  };
  const settle = async (id: string, ok = true): Promise<void> => {
    const i = tasks.findIndex((t) => t.id === id);
    if (i < 0) throw new Error(`no task for ${id}`);
    const [task] = tasks.splice(i, 1);
    task?.settle(ok);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { pool, tasks, settle, blocksOf };
}

function inputsFor(ids: readonly string[]): Map<string, ChartBlocksInput> {
  return new Map(ids.map((id) => [id, { record: { id } }]));
}

describe('renderAhead', () => {
  const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];

  test('a full build starts at once, in page order, four tasks per worker, and keeps going as tasks finish', async () => {
    const { pool, tasks, settle } = fakePool(1);
    renderAhead(ids, inputsFor(ids), pool, { eager: true });
    expect(TASKS_PER_WORKER).toBe(4);
    expect(tasks.map((t) => t.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    await settle('e1');
    expect(tasks.map((t) => t.id)).toEqual(['e2', 'e3', 'e4', 'e5']);
    expect(tasks.every((t) => t.reply && !t.urgent)).toBe(true);
  });

  test('a page gets the blocks rendered ahead for it without a second task', async () => {
    const { pool, tasks, settle, blocksOf } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: true });
    await settle('e1');
    const before = tasks.length;
    expect(await renderer.blocks('e1')).toEqual(blocksOf('e1'));
    expect(tasks.length).toBe(before);
  });

  test('a page not rendered yet goes to the front of the queue', async () => {
    const { pool, tasks } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: true });
    void renderer.blocks('e5');
    expect(tasks.find((t) => t.id === 'e5')).toMatchObject({ urgent: true, reply: true });
  });

  test('an incremental build renders nothing until the first page asks, then from there on', async () => {
    const { pool, tasks } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: false });
    expect(tasks).toEqual([]);
    void renderer.blocks('e3');
    expect(tasks.map((t) => [t.id, t.urgent])).toEqual([
      ['e4', false],
      ['e5', false],
      ['e6', false],
      ['e3', true],
    ]);
  });

  test('an id it was not started with is left to the page thread', () => {
    const { pool } = fakePool(1);
    expect(renderAhead(ids, inputsFor(ids), pool, { eager: true }).blocks('other')).toBeUndefined();
  });

  test('a failed worker task is rendered in the page thread instead', async () => {
    const { pool, settle } = fakePool(1);
    const renderer = renderAhead(['exp'], new Map([['exp', { record: { id: 'exp' } }]]), pool, { eager: true });
    const blocks = renderer.blocks('exp');
    await settle('exp', false);
    // A record without any chartable section has no charts: the in-thread render gives an empty list.
    expect(await blocks).toEqual([]);
  });
});

describe('renderAhead beyond the reply window', () => {
  test('experiments far ahead of the pages only fill the cache, and are read back when their page comes', async () => {
    const many = Array.from({ length: 205 }, (_, i) => `x${String(i).padStart(3, '0')}`);
    const { pool, tasks, settle, blocksOf } = fakePool(1);
    const renderer = renderAhead(many, inputsFor(many), pool, { eager: true, window: 200 });
    for (let i = 0; i < 200; i++) await settle(many[i] as string);
    // The first 200 came back with their blocks; the next ones are cache-only.
    expect(tasks.map((t) => [t.id, t.reply])).toEqual([
      ['x200', false],
      ['x201', false],
      ['x202', false],
      ['x203', false],
    ]);
    await settle('x200');
    const page = renderer.blocks('x200');
    await new Promise((r) => setTimeout(r, 0));
    // Already in the cache: one urgent task reads it back.
    expect(tasks.find((t) => t.id === 'x200')).toMatchObject({ urgent: true, reply: true });
    await settle('x200');
    expect(await page).toEqual(blocksOf('x200'));
  });
});

describe('chart data and shapes files', () => {
  test('each chart is its shape id plus its data; together they give the compiled spec with data', async () => {
    const { chartData, chartShapes } = await import('../../src/site/chart-blocks.ts');
    const { buildExperimentCharts } = await import('../../src/charts/build.ts');
    const { compileChartSpec, splitChartSpec } = await import('../../src/charts/render.ts');
    const { chartSpecWithData } = await import('../../src/charts/payload.ts');
    const { templateRecord } = await import('../charts/fixtures.ts');
    const input = { record: templateRecord, headlineMetric: 'Accuracy' };
    const data = chartData(input);
    const shapes = chartShapes(input);
    const views = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy' });
    expect(Object.keys(data)).toEqual(views.map((v) => v.id));
    for (const view of views) {
      const entry = data[view.id];
      expect(entry?.shape).toMatch(/^[0-9a-f]{16}$/);
      expect(entry?.data).toEqual(splitChartSpec(view.spec).data);
      const shape = shapes.get(entry?.shape ?? '');
      expect(shape).toBe(compileChartSpec(view.spec));
      expect(JSON.stringify(shape)).not.toContain('"values"');
      expect(chartSpecWithData(shape as object, entry?.data ?? {})).toMatchObject({ data: expect.any(Array) as unknown });
    }
    // Another experiment with the same kinds of charts shares their shapes.
    const other = chartData({ record: { ...templateRecord, id: 'exp-other', name: 'other' }, headlineMetric: 'Accuracy' });
    expect(other['confusion-matrix']?.shape).toBe(data['confusion-matrix']?.shape);
  });
});

describe('renderAhead as the pages move on', () => {
  test('an experiment only cached is fetched back as soon as the window reaches it, before its page asks', async () => {
    const many = Array.from({ length: 205 }, (_, i) => `x${String(i).padStart(3, '0')}`);
    const { pool, tasks, settle, blocksOf } = fakePool(1);
    const renderer = renderAhead(many, inputsFor(many), pool, { eager: true, window: 200 });
    for (let i = 0; i < 200; i++) await settle(many[i] as string);
    await settle('x200'); // cache only: the window is x000–x199
    expect(tasks.map((t) => [t.id, t.reply])).toEqual([
      ['x201', false],
      ['x202', false],
      ['x203', false],
      ['x204', false],
    ]);
    expect(await renderer.blocks('x000')).toEqual(blocksOf('x000'));
    expect(await renderer.blocks('x001')).toEqual(blocksOf('x001'));
    // The window is now x001–x200: x200 comes back with a reply once a worker is free.
    await settle('x201');
    expect(tasks.find((t) => t.id === 'x200')).toMatchObject({ reply: true, urgent: false });
    await settle('x200');
    const before = tasks.length;
    for (let i = 2; i <= 200; i++) expect(await renderer.blocks(many[i] as string)).toEqual(blocksOf(many[i] as string));
    expect(tasks.length).toBeLessThanOrEqual(before + TASKS_PER_WORKER);
  });
});
