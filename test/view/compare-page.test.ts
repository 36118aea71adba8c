import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import type { Block, ChartBlockData } from '../../src/view/blocks.ts';
import { buildComparePageData, compareFieldRows, COMPARE_SECTIONS } from '../../src/view/compare-page.ts';

const parent: Experiment = {
  id: 'p',
  name: 'Parent',
  status: 'completed',
  date: '2025-01-01',
  dataset: { name: 'tx', version: '1.0' },
  model: {
    type: 'GBM',
    hyperparameters: [
      { name: 'lr', value: 0.1, searchSpace: { kind: 'choice', values: [0.1, 0.2] } },
      { name: 'depth', value: 6 },
    ],
  },
  evaluation: {
    testMetrics: [{ metric: 'Accuracy', value: 0.8, ci95: 0.01 }],
    disaggregated: [
      { group: 'A', attributes: { sex: 'A' }, n: 200, metrics: { Accuracy: 0.9 } },
      { group: 'B', attributes: { sex: 'B' }, n: 200, metrics: { Accuracy: 0.6 } },
    ],
  },
};
const child: Experiment = {
  ...parent,
  id: 'c',
  name: 'Child',
  lineage: { parent: 'p' },
  model: {
    type: 'GBM',
    hyperparameters: [
      { name: 'lr', value: 0.2, searchSpace: { kind: 'choice', values: [0.1, 0.2] } },
      { name: 'depth', value: 6 },
    ],
  },
  evaluation: {
    testMetrics: [
      { metric: 'Accuracy', value: 0.85, ci95: 0.01 },
      { metric: 'F1', value: 0.7 },
    ],
  },
};
const analysis = analyzeCollection([parent, child]);
const docs = [child, parent].map((record) => ({ record, analysis: analysis.byId.get(record.id)! }));
const blocksOf = (data: ReturnType<typeof buildComparePageData>, id: string): Block[] =>
  data.sections.find((s) => s.id === id)?.blocks ?? [];

describe('buildComparePageData', () => {
  const chart: ChartBlockData = {
    id: 'compare-test-metrics',
    title: 't',
    description: 'd',
    svg: '<svg/>',
    shape: 's',
    width: 1,
    height: 1,
    tableHtml: '',
  };
  const input = { base: '/b/', docs, relation: 'parent', charts: new Map([['metrics', [chart]]]) };
  const data = buildComparePageData(input);

  test('sections in the table order, those with nothing left out; the same page for any set without the change', () => {
    expect(data.sections.map((s) => s.id)).toEqual(['changes', 'metrics', 'setup', 'fairness', 'fields']);
    expect(data.toc.map((t) => t.id)).toEqual(data.sections.map((s) => s.id));
    expect(data.sections.every((s) => COMPARE_SECTIONS.some((c) => c.id === s.id && c.title === s.title))).toBe(true);
    const any = buildComparePageData({ base: '/b/', docs });
    expect(any.sections.map((s) => s.id)).toEqual(['metrics', 'setup', 'fairness', 'fields']);
    expect(any.lead).toBe('2 experiments side by side.');
    expect(data.lead).toBe('c (Child) compared with its parent p (Parent).');
  });

  test('the change against the parent, with its interval and verdict', () => {
    const table = blocksOf(data, 'changes')[0] as Extract<Block, { kind: 'table' }>;
    expect(table.columns.map((c) => c.label)).toEqual(['Metric', 'c', 'p', 'Change', 'Relative', '95% CI of change', 'Verdict']);
    // +0.05 ± √(0.01² + 0.01²) = ±0.0141 → [+3.6, +6.4] pp: better.
    expect(table.rows[0]?.map((c) => c.text)).toEqual(['Accuracy', '85%', '80%', '+5 pp', '+6.2%', '[+3.6, +6.4] pp', 'better']);
  });

  test('no note under the change when both were evaluated on the same data; a note when the parent was not', () => {
    const table = blocksOf(data, 'changes')[0] as Extract<Block, { kind: 'table' }>;
    expect(table.note).toBeUndefined();
    const newer: Experiment = { ...child, dataset: { name: 'tx', version: '2.0' } };
    const mixed = analyzeCollection([parent, newer]);
    const other = buildComparePageData({
      base: '/b/',
      relation: 'parent',
      docs: [newer, parent].map((record) => ({ record, analysis: mixed.byId.get(record.id)! })),
    });
    expect((blocksOf(other, 'changes')[0] as Extract<Block, { kind: 'table' }>).note).toBe(
      "The parent p was evaluated on tx (version 1.0), this experiment on tx (version 2.0): a change against the parent mixes the model's effect with the data's.",
    );
  });

  test('test metrics side by side with intervals, the best in bold, then the charts', () => {
    const [table, chartBlock] = blocksOf(data, 'metrics') as [Extract<Block, { kind: 'table' }>, Block];
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Accuracy', '85% (84% – 86%)', '80% (79% – 81%)'],
      ['F1', '70%', '—'],
    ]);
    expect(table.rows[0]?.[1]?.strong).toBe(true);
    expect(table.rows[0]?.[2]?.strong).toBeUndefined();
    expect(chartBlock).toEqual({ kind: 'chart', chart });
  });

  test('durations in different units of time are shown and ranked in one unit: 0.041 s (41 ms) loses to 38 ms', () => {
    const slow: Experiment = { id: 's', evaluation: { testMetrics: [{ metric: 'p99 latency (s)', value: 0.041, ci95: 0.002 }] } };
    const fast: Experiment = { id: 'f', evaluation: { testMetrics: [{ metric: 'p99 latency', value: 38, unit: 'ms' }] } };
    const both = analyzeCollection([slow, fast]);
    const page = buildComparePageData({
      base: '/b/',
      docs: [slow, fast].map((record) => ({ record, analysis: both.byId.get(record.id)! })),
    });
    const [table] = blocksOf(page, 'metrics') as [Extract<Block, { kind: 'table' }>];
    // 0.041 s = 41 ms (± 0.002 s = ± 2 ms: 39–43 ms); lower is better, so 38 ms is the best. The row
    // is named as the first record writes it, in the unit shown: not "(s)" over values in ms.
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([['p99 latency (ms)', '41 ms (39 ms – 43 ms)', '38 ms']]);
    expect(table.rows[0]?.[1]?.strong).toBeUndefined();
    expect(table.rows[0]?.[2]?.strong).toBe(true);
  });

  test('settings that differ first (hyperparameter values, not their names or search spaces), the same ones one click away', () => {
    const [differing, same] = blocksOf(data, 'setup') as Extract<Block, { kind: 'table' }>[];
    expect(differing?.rows.map((r) => r.map((c) => c.text))).toEqual([['model.hyperparameters[lr].value', '0.2', '0.1']]);
    expect(same?.rows.map((r) => r[0]?.text)).toEqual([
      'model.hyperparameters[depth].value',
      'model.type',
      'dataset.name',
      'dataset.version',
    ]);
    expect(same?.collapsedAfter).toBe(0);
  });

  test('fairness gaps side by side', () => {
    const table = blocksOf(data, 'fairness')[0] as Extract<Block, { kind: 'table' }>;
    // p: 0.9 vs 0.6 (n = 200 each) → gap 30 pp, ratio 0.667, flagged (interval excludes 0); c has no groups.
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([['sex', 'Accuracy', '—', '30 pp (ratio 0.667) flagged']]);
  });

  test('every field, named as compareMany names it, differences counted', () => {
    const fields = blocksOf(data, 'fields')[0] as Extract<Block, { kind: 'field-diff' }>;
    expect(fields.columns).toEqual(['Field', 'c', 'p']);
    expect(fields.rows.find((r) => r.path === 'model.hyperparameters[lr].value')).toEqual({
      path: 'model.hyperparameters[lr].value',
      values: ['0.2', '0.1'],
      same: false,
    });
    expect(fields.rows.find((r) => r.path === 'lineage.parent')).toEqual({ path: 'lineage.parent', values: ['p', '—'], same: false });
    expect(fields.differing).toBe(fields.rows.filter((r) => !r.same).length);
    expect(data.differing).toBe(fields.differing);
    expect(fields.rows.some((r) => r.path === '$schema')).toBe(false);
  });

  test('on a static page "Every field" holds the differing rows and where to fetch the rest; the counts are of every field', () => {
    const onDemand = buildComparePageData({ ...input, sameFields: 'on-demand' });
    const all = blocksOf(data, 'fields')[0] as Extract<Block, { kind: 'field-diff' }>;
    const fields = blocksOf(onDemand, 'fields')[0] as Extract<Block, { kind: 'field-diff' }>;
    expect(fields.rows).toEqual(all.rows.filter((r) => !r.same));
    expect(fields.rows.length).toBeLessThan(all.rows.length);
    expect([fields.total, fields.differing]).toEqual([all.total, all.differing]);
    // The API documents of c and p, under the site's base (/b/).
    expect(fields.sameFrom).toEqual(['/b/api/experiments/c.json', '/b/api/experiments/p.json']);
    expect(all.sameFrom).toBeUndefined();
  });

  test('compareFieldRows gives the browser the rows the build writes', () => {
    const all = blocksOf(data, 'fields')[0] as Extract<Block, { kind: 'field-diff' }>;
    expect(compareFieldRows([child, parent]).fields).toEqual(all.rows);
  });

  test('the experiments compared: dataset with its version, headline metric', () => {
    expect(data.overview.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['c', 'Child', 'completed', '2025-01-01', 'tx (version 1.0)', 'Accuracy 85%'],
      ['p', 'Parent', 'completed', '2025-01-01', 'tx (version 1.0)', 'Accuracy 80%'],
    ]);
    expect(data.overview.rows[0]?.[0]?.href).toBe('/b/experiments/c/');
  });
});

describe('per-epoch values on a compare page', () => {
  test('are left out of the field table, with a note saying where they are', () => {
    const withHistory = (record: Experiment, losses: number[]): Experiment => ({
      ...record,
      training: { history: losses.map((loss, i) => ({ epoch: i + 1, loss })) },
    });
    const a = withHistory(child, [0.9, 0.5]);
    const b = withHistory(parent, [0.8, 0.6, 0.4]);
    const both = analyzeCollection([a, b]);
    const data = buildComparePageData({
      base: '/',
      docs: [a, b].map((record) => ({ record, analysis: both.byId.get(record.id)! })),
    });
    const [table, note] = blocksOf(data, 'fields') as [Extract<Block, { kind: 'field-diff' }>, Extract<Block, { kind: 'note' }>];
    expect(table.rows.some((r) => r.path.startsWith('training.history'))).toBe(false);
    // Epochs 1–3 × (epoch, loss): 3 × 2 = 6 rows, one of them (epoch 3) in b only.
    expect(note.text).toBe(
      "The 6 per-epoch values (training.history) are not repeated here: the training curves above draw them, and each experiment's page lists them in full (linked under the curves).",
    );
    expect(data.total).toBe(table.rows.length);
  });
});
