import { describe, expect, test } from 'vitest';
import type { ExperimentChartsInput } from '../../src/charts/experiment-views.ts';
import type { ChartBlocksBySection } from '../../src/site/chart-cache.ts';
import { TASKS_PER_WORKER, type ChartPool } from '../../src/site/chart-pool.ts';
import { renderAhead } from '../../src/site/render-ahead.ts';

/** A pool that records every task and lets the test settle them. */
function fakePool(size: number) {
  const tasks: { id: string; urgent: boolean; reply: boolean; settle: (ok: boolean) => void }[] = [];
  const blocksOf = (id: string): ChartBlocksBySection => [
    ['training', [{ id, title: id, description: '', svg: `<svg>${id}</svg>`, shape: 'shape', width: 1, height: 1, tableHtml: '' }]],
  ];
  const pool: ChartPool = {
    size,
    render(input: ExperimentChartsInput, options = {}) {
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
  /** Renders in the page thread (what a page falls back to), marking the blocks as rendered here. */
  const renderHere = (input: ExperimentChartsInput): Promise<ChartBlocksBySection> => Promise.resolve(blocksOf(`here:${input.record.id}`));
  return { pool, tasks, settle, blocksOf, renderHere };
}

function inputsFor(ids: readonly string[]): Map<string, ExperimentChartsInput> {
  return new Map(ids.map((id) => [id, { record: { id } }]));
}

describe('renderAhead', () => {
  const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];

  test('a full build starts at once, in page order, up to its capacity, and keeps going as tasks finish', async () => {
    const { pool, tasks, settle, renderHere } = fakePool(1);
    renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4, renderHere });
    expect(tasks.map((t) => t.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    await settle('e1');
    expect(tasks.map((t) => t.id)).toEqual(['e2', 'e3', 'e4', 'e5']);
    expect(tasks.every((t) => t.reply && !t.urgent)).toBe(true);
  });

  test('a page gets the blocks rendered ahead for it without a second task', async () => {
    const { pool, tasks, settle, blocksOf, renderHere } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4, renderHere });
    await settle('e1');
    const before = tasks.length;
    expect(await renderer.blocks('e1')).toEqual(blocksOf('e1'));
    expect(tasks.length).toBe(before);
  });

  test('a page not rendered yet goes to the front of the queue', async () => {
    const { pool, tasks, renderHere } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4, renderHere });
    void renderer.blocks('e5');
    expect(tasks.find((t) => t.id === 'e5')).toMatchObject({ urgent: true, reply: true });
  });

  test('started lazily, it renders nothing until the first page asks, then from there on', async () => {
    const { pool, tasks, renderHere } = fakePool(1);
    const renderer = renderAhead(ids, inputsFor(ids), pool, { eager: false, capacity: 4, renderHere });
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
    const { pool, renderHere } = fakePool(1);
    expect(renderAhead(ids, inputsFor(ids), pool, { eager: true, capacity: 4, renderHere }).blocks('other')).toBeUndefined();
  });

  test('a failed worker task is rendered in the page thread instead', async () => {
    const { pool, settle, renderHere, blocksOf } = fakePool(1);
    const renderer = renderAhead(['exp'], new Map([['exp', { record: { id: 'exp' } }]]), pool, { eager: true, capacity: 4, renderHere });
    const blocks = renderer.blocks('exp');
    await settle('exp', false);
    expect(await blocks).toEqual(blocksOf('here:exp'));
  });
});

/** 205 experiments, a 200-experiment window and a 4-task capacity, once the window's 200 replies came back. */
async function windowFilled() {
  const many = Array.from({ length: 205 }, (_, i) => `x${String(i).padStart(3, '0')}`);
  const fake = fakePool(1);
  const renderer = renderAhead(many, inputsFor(many), fake.pool, { eager: true, window: 200, capacity: 4, renderHere: fake.renderHere });
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
  const { pool, tasks, renderHere } = fakePool(2);
  renderAhead(many, inputsFor(many), pool, { eager: true, renderHere });
  expect(tasks).toHaveLength(2 * TASKS_PER_WORKER);
});
