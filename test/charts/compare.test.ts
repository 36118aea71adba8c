import { describe, expect, test } from 'vitest';
import { compile } from 'vega-lite';
import { payloadSize, vegaLiteSchemaErrors } from './helpers.ts';
import { templateRecord } from './fixtures.ts';
import type { Experiment } from '../../src/schema/index.ts';
import { axisPositions, compareChartShapeSpecs, compareChartViews, type CompareDoc } from '../../src/charts/compare-views.ts';
import { splitChartSpec } from '../../src/charts/payload.ts';
import { renderChartView } from '../../src/charts/render.ts';

const doc = (record: Experiment): CompareDoc => ({ record, analysis: { headline: { metric: 'Accuracy' } } });

const a = doc(templateRecord);
const b = doc({
  ...templateRecord,
  id: 'exp-124',
  model: {
    hyperparameters: [
      { name: 'learning_rate', value: 0.01 },
      { name: 'batch_size', value: 64 },
      { name: 'optimizer', value: 'sgd' },
    ],
  },
  evaluation: {
    ...templateRecord.evaluation,
    testMetrics: [
      { metric: 'Accuracy', value: 0.88, ci95: 0.01 },
      { metric: 'F1', value: 0.85 },
    ],
    confusionMatrix: {
      labels: ['Neg', 'Pos'],
      matrix: [
        [90, 10],
        [20, 80],
      ],
    },
  },
});
const c = doc({
  ...templateRecord,
  id: 'exp-125',
  model: {
    hyperparameters: [
      { name: 'learning_rate', value: 0.0001 },
      { name: 'batch_size', value: 128 },
      { name: 'optimizer', value: 'adam' },
    ],
  },
  evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.9 }] },
});
const withParams = (d: CompareDoc, hp: { name: string; value: number | string }[]): CompareDoc => ({
  ...d,
  record: { ...d.record, model: { hyperparameters: hp } },
});
const a3 = withParams(a, [
  { name: 'learning_rate', value: 0.001 },
  { name: 'batch_size', value: 64 },
  { name: 'optimizer', value: 'adam' },
]);

describe('compareChartViews', () => {
  const two = compareChartViews([a, b]);
  const byId = new Map(two.map((v) => [v.id, v]));

  test('two experiments: test metrics, curves, confusion matrices and fairness, in page order; no parallel coordinates', () => {
    expect(two.map((v) => [v.id, v.section])).toEqual([
      ['compare-test-metrics', 'metrics'],
      ['compare-curves', 'curves'],
      ['compare-confusion', 'confusion'],
      ['compare-fairness', 'fairness'],
    ]);
  });

  test('test metrics are matched by meaning (F1 Score = F1) and only when both report them', () => {
    const table = byId.get('compare-test-metrics')!.table;
    expect([...new Set(table.rows.map((r) => r[0]))]).toEqual(['Accuracy', 'F1 Score']);
    // Accuracy 0.869 ± 0.012 → [0.857, 0.881]; exp-124 0.88 ± 0.01 → [0.87, 0.89].
    expect(table.rows[0]).toEqual(['Accuracy', 'exp-123', 0.869, 0.857, 0.881]);
    expect(table.rows[1]?.[0]).toBe('Accuracy');
    expect(table.rows[1]?.slice(1, 3)).toEqual(['exp-124', 0.88]);
    expect(table.rows[1]?.[3]).toBeCloseTo(0.87);
    expect(byId.get('compare-test-metrics')!.description).toContain('Accuracy: exp-123 0.869 [0.857, 0.881], exp-124 0.88 [0.87, 0.89]');
  });

  test('curves: one panel per shared per-epoch column, one column per experiment in the data table', () => {
    const view = byId.get('compare-curves')!;
    expect(view.table.columns).toEqual([
      'Epoch',
      'Train Loss (exp-123)',
      'Train Loss (exp-124)',
      'Train Acc (exp-123)',
      'Train Acc (exp-124)',
      'Val Loss (exp-123)',
      'Val Loss (exp-124)',
      'Val Acc (exp-123)',
      'Val Acc (exp-124)',
    ]);
    expect(view.table.rows.map((r) => r[0])).toEqual([1, 10, 20, 50, 100]);
    // A static compare page links to each experiment's per-epoch table instead of repeating it.
    expect(view.table.shownIn).toEqual([
      { table: 'training-metrics', experiment: 'exp-123', label: 'Training metrics of exp-123' },
      { table: 'training-metrics', experiment: 'exp-124', label: 'Training metrics of exp-124' },
    ]);
    expect(byId.get('compare-test-metrics')!.table.shownIn).toBeUndefined();
    expect(view.description).toContain('Val Loss: exp-123 0.356 at epoch 100, exp-124 0.356 at epoch 100');
  });

  test('curves: a proportion one experiment wrote in percent and the other as fractions is drawn in percent for both', () => {
    const history = (acc: number[]) => acc.map((value, i) => ({ epoch: i + 1, 'Val Loss': 0.5 - i / 10, 'Val Acc': value }));
    const fractions = doc({ ...templateRecord, id: 'frac', training: { history: history([0.5, 0.75, 0.892]) } });
    const percent = doc({ ...templateRecord, id: 'pct', training: { history: history([0.9, 61.5, 89.2]) } });
    const view = compareChartViews([fractions, percent]).find((v) => v.id === 'compare-curves')!;
    // 'pct' holds 0.9 at epoch 1, but 61.5 and 89.2 put the whole column in percent; 'frac' × 100.
    expect(view.table.columns).toEqual(['Epoch', 'Val Loss (frac)', 'Val Loss (pct)', 'Val Acc (frac)', 'Val Acc (pct)']);
    expect(view.table.rows).toEqual([
      [1, 0.5, 0.5, 50, 0.9],
      [2, 0.4, 0.4, 75, 61.5],
      [3, 0.3, 0.3, 89.2, 89.2],
    ]);
    expect(view.description).toContain('Val Acc: frac 89.2 at epoch 3, pct 89.2 at epoch 3');
    expect(view.description).toContain("In percent: frac's Val Acc was written as fractions and is drawn ×100.");
    // A loss is not a proportion: left as written; two experiments on one scale are left alone.
    const same = compareChartViews([fractions, { ...fractions, record: { ...fractions.record, id: 'frac2' } }]).find(
      (v) => v.id === 'compare-curves',
    )!;
    expect(same.table.rows[2]).toEqual([3, 0.3, 0.3, 0.892, 0.892]);
    expect(same.description).not.toContain('In percent');
  });

  test('confusion matrices by class, row-normalized', () => {
    const rows = byId.get('compare-confusion')!.table.rows;
    // exp-124: Pos row 20 / 100 → 0.2 predicted Neg.
    expect(rows.find((r) => r[0] === 'exp-124' && r[1] === 'Pos' && r[2] === 'Neg')).toEqual(['exp-124', 'Pos', 'Neg', 20, 0.2]);
    expect(byId.get('compare-confusion')!.description).toContain('exp-124: Neg 90.0%, Pos 80.0%');
  });

  test('fairness: the headline metric by group, a column per experiment', () => {
    const view = byId.get('compare-fairness')!;
    expect(view.title).toBe('Accuracy by group');
    expect(view.table.columns).toEqual(['Attribute', 'Group', 'exp-123', 'exp-124']);
    expect(view.table.rows).toEqual([
      ['sex', 'Female', 0.865, 0.865],
      ['sex', 'Male', 0.873, 0.873],
    ]);
  });

  test('three experiments add the parallel coordinates, differing parameters first and the headline last', () => {
    const view = compareChartViews([a3, b, c]).find((v) => v.id === 'compare-params')!;
    expect(view.table.columns).toEqual(['Experiment', 'learning_rate', 'batch_size', 'optimizer', 'Accuracy']);
    expect(view.table.rows).toEqual([
      ['exp-123', 0.001, 64, 'adam', 0.869],
      ['exp-124', 0.01, 64, 'sgd', 0.88],
      ['exp-125', 0.0001, 128, 'adam', 0.9],
    ]);
  });

  test('fewer than two experiments, or nothing shared, gives no chart', () => {
    expect(compareChartViews([a])).toEqual([]);
    expect(compareChartViews([doc({ id: 'x' }), doc({ id: 'y' })])).toEqual([]);
  });
});

describe('axisPositions', () => {
  test('numbers min–max, log across decades, others by sorted order, missing stays missing', () => {
    expect(axisPositions([1, 2, 3])).toEqual([0, 0.5, 1]);
    // 0.001, 0.01, 0.1: log scale → 0, 0.5, 1.
    const log = axisPositions([0.001, 0.01, 0.1]);
    expect(log[1]).toBeCloseTo(0.5);
    expect(axisPositions([5, 5])).toEqual([0.5, 0.5]);
    expect(axisPositions(['sgd', 'adam', undefined, 'adam'])).toEqual([1, 0, undefined, 0]);
    expect(axisPositions(['x', 'x'])).toEqual([0.5, 0.5]);
  });
});

describe('compare chart specs', () => {
  const views = [...compareChartViews([a, b]), ...compareChartViews([a3, b, c]).filter((v) => v.id === 'compare-params')];

  test.each(views.map((v) => [v.id, v.spec] as const))('%s is valid against the Vega-Lite JSON Schema', (_id, spec) => {
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });

  test.each(compareChartShapeSpecs().map((s) => [s.id, s.spec] as const))('%s without data is valid and compiles', (_id, spec) => {
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
    expect(() => compile(splitChartSpec(spec).shape)).not.toThrow();
  });

  test.each(views.map((v) => [v.id, v] as const))('%s has the shape of its kind whatever the data', (id, view) => {
    const empty = compareChartShapeSpecs().find((s) => s.id === id)!.spec;
    expect(splitChartSpec(view.spec).shape).toEqual(splitChartSpec(empty).shape);
  });

  test.each(views.map((v) => [v.id, v] as const))('%s renders, and the browser payload renders at the static size', async (_id, view) => {
    const r = await renderChartView({ ...view, section: 'summary' });
    expect(r.svg.startsWith('<svg')).toBe(true);
    expect(await payloadSize(r)).toEqual({ width: r.width, height: r.height });
  });
});

describe('compare test metrics on one scale', () => {
  const run = (id: string, testMetrics: NonNullable<Experiment['evaluation']>['testMetrics']): CompareDoc =>
    doc({ ...structuredClone(templateRecord), id, evaluation: { testMetrics } });

  test('an accuracy of 84.6% ± 1.6 beside one of 0.812 [0.795, 0.829] is drawn in percent: 81.2% [79.5, 82.9]', () => {
    const view = compareChartViews([
      run('pct', [{ metric: 'Accuracy', value: 84.6, unit: '%', ci95: 1.6 }]),
      run('frac', [{ metric: 'Accuracy', value: 0.812, ci95: { low: 0.795, high: 0.829 } }]),
    ]).find((v) => v.id === 'compare-test-metrics');
    // 84.6 ± 1.6 is 83–86.2 (not 86.19999999999999); 0.812 × 100 = 81.2, its bounds 79.5 and 82.9.
    expect(view?.table.rows).toEqual([
      ['Accuracy', 'pct', 84.6, 83, 86.2],
      ['Accuracy', 'frac', 81.2, 79.5, 82.9],
    ]);
    expect(view?.description).toContain('frac 81.2% [79.5, 82.9]');
  });

  test('a p99 latency of 0.041 s ± 0.002 beside 38 ms is drawn in ms, named in ms: 41 ms [39, 43] and 38 ms', () => {
    const view = compareChartViews([
      run('sec', [{ metric: 'p99 latency (s)', value: 0.041, ci95: 0.002 }]),
      run('ms', [{ metric: 'p99 latency', value: 38, unit: 'ms' }]),
    ]).find((v) => v.id === 'compare-test-metrics');
    // 0.041 s × 1000 = 41 ms, its bounds 0.039 and 0.043 s = 39 and 43 ms; 38 ms as written.
    expect(view?.table.rows).toEqual([
      ['p99 latency (ms)', 'sec', 41, 39, 43],
      ['p99 latency (ms)', 'ms', 38, null, null],
    ]);
    expect(view?.description).toContain('p99 latency (ms): sec 41 ms [39, 43], ms 38 ms.');
    // The drawing gets the same rows: one axis in ms.
    expect(view?.drawing).toMatchObject({
      data: [
        { value: 41, label: '41 ms' },
        { value: 38, label: '38 ms' },
      ],
    });
  });

  test('durations in one unit of time keep it', () => {
    const view = compareChartViews([
      run('a', [{ metric: 'Latency', value: 41, unit: 'ms' }]),
      run('b', [{ metric: 'Latency', value: 38, unit: 'ms' }]),
    ]).find((v) => v.id === 'compare-test-metrics');
    expect(view?.table.rows).toEqual([
      ['Latency', 'a', 41, null, null],
      ['Latency', 'b', 38, null, null],
    ]);
  });

  test('the same metric in fractions on both sides stays in fractions', () => {
    const view = compareChartViews([
      run('x', [{ metric: 'Accuracy', value: 0.846 }]),
      run('y', [{ metric: 'Accuracy', value: 0.812 }]),
    ]).find((v) => v.id === 'compare-test-metrics');
    expect(view?.table.rows.map((r) => r[2])).toEqual([0.846, 0.812]);
  });
});
