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
    for (const record of records) {
      const input = inputs.get(record.id);
      expect(input?.record).toBe(record);
      expect(input?.headlineMetric).toBe(analysis.byId.get(record.id)?.headline?.metric);
      expect(input?.lineageChain).toEqual(headlineChain(record.id, { analyses: analysis.byId }));
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
    ['training', [{ id, title: id, description: '', svg: `<svg>${id}</svg>`, shape: 'shape', width: 1, height: 1, tableHtml: '' }]],
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

  test('a full build starts at once, in page order, up to its capacity, and keeps going as tasks finish', async () => {
    const { pool, tasks, settle } = fakePool(1);
    renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4 });
    expect(tasks.map((t) => t.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    await settle('e1');
    expect(tasks.map((t) => t.id)).toEqual(['e2', 'e3', 'e4', 'e5']);
    expect(tasks.every((t) => t.reply && !t.urgent)).toBe(true);
  });

  test('a page gets the blocks rendered ahead for it without a second task', async () => {
    const { pool, tasks, settle, blocksOf } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4 });
    await settle('e1');
    const before = tasks.length;
    expect(await renderer.blocks('e1')).toEqual(blocksOf('e1'));
    expect(tasks.length).toBe(before);
  });

  test('a page not rendered yet goes to the front of the queue', async () => {
    const { pool, tasks } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4 });
    void renderer.blocks('e5');
    expect(tasks.find((t) => t.id === 'e5')).toMatchObject({ urgent: true, reply: true });
  });

  test('an incremental build renders nothing until the first page asks, then from there on', async () => {
    const { pool, tasks } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: false, capacity: 4 });
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
    expect(renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4 }).blocks('other')).toBeUndefined();
  });

  test('a failed worker task is rendered in the page thread instead', async () => {
    const { pool, settle } = fakePool(1);
    const renderer = renderAhead(['exp'], new Map([['exp', { record: { id: 'exp' } }]]), pool, { eager: true, capacity: 4 });
    const blocks = renderer.blocks('exp');
    await settle('exp', false);
    // A record without any chartable section has no charts: the in-thread render gives an empty list.
    expect(await blocks).toEqual([]);
  });
});

/** 205 experiments, a 200-experiment window and a 4-task capacity, once the window's 200 replies came back. */
async function windowFilled() {
  const many = Array.from({ length: 205 }, (_, i) => `x${String(i).padStart(3, '0')}`);
  const fake = fakePool(1);
  const renderer = renderAhead(many, inputsFor(many), fake.pool, { eager: true, window: 200, capacity: 4 });
  for (let i = 0; i < 200; i++) await fake.settle(many[i] as string);
  return { ...fake, many, renderer };
}

describe('renderAhead beyond the reply window', () => {
  test('experiments far ahead of the pages only fill the cache, and are read back when their page comes', async () => {
    const { tasks, settle, blocksOf, renderer } = await windowFilled();
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

describe('chart data in the browser', () => {
  test('the runtime builds, from the API document, exactly the chart data the build rendered', async () => {
    const { experimentChartViews } = await import('../../src/charts/experiment-views.ts');
    const { buildExperimentDocument } = await import('../../src/analysis/index.ts');
    const { chartShapes } = await import('../../src/site/chart-blocks.ts');
    const { templateRecord } = await import('../charts/fixtures.ts');
    const collection: Experiment[] = [
      { ...templateRecord, id: 'root' },
      { ...templateRecord, id: 'child', lineage: { parent: 'root' } },
      { ...templateRecord, id: 'grandchild', lineage: { parent: 'child' } },
    ];
    const analysis = analyzeCollection(collection);
    const inputs = chartInputs(collection);
    for (const record of collection) {
      const built = experimentChartViews(inputs.get(record.id) as ChartBlocksInput);
      const doc = JSON.parse(JSON.stringify(buildExperimentDocument(record, analysis.byId.get(record.id) as never))) as ReturnType<
        typeof buildExperimentDocument
      >;
      const inBrowser = experimentChartViews({
        record: doc.record,
        headlineMetric: doc.analysis.headline?.metric,
        lineageChain: doc.analysis.headlineChain ?? undefined,
      });
      expect(inBrowser.map((v) => v.spec)).toEqual(built.map((v) => v.spec));
    }
    expect(experimentChartViews(inputs.get('grandchild') as ChartBlocksInput).some((v) => v.id === 'lineage-trend')).toBe(true);
    // Shapes are shared: every experiment here draws the same kinds of charts.
    const shapes = [...chartShapes(inputs.get('root') as ChartBlocksInput).keys()];
    expect(shapes.every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
    expect([...chartShapes(inputs.get('child') as ChartBlocksInput).keys()]).toEqual(expect.arrayContaining(shapes));
  });
});

describe('renderAhead as the pages move on', () => {
  test('an experiment only cached is fetched back as soon as the window reaches it, before its page asks', async () => {
    const { many, tasks, settle, blocksOf, renderer } = await windowFilled();
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
    expect(tasks.length).toBeLessThanOrEqual(before + 4);
  });
});

test('by default each worker holds TASKS_PER_WORKER tasks', () => {
  const many = Array.from({ length: 100 }, (_, i) => `y${i}`);
  const { pool, tasks } = fakePool(2);
  renderAhead(many, inputsFor(many), pool, { eager: true });
  expect(tasks).toHaveLength(2 * TASKS_PER_WORKER);
});
