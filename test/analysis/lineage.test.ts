import { describe, expect, test } from 'vitest';
import {
  buildLineageGraph,
  compareIds,
  diffConfigurations,
  headlineChainOf,
  lineageAncestors,
  lineageParents,
} from '../../src/analysis/lineage.ts';
import { record } from './fixtures.ts';

const hp = (lr: number) => ({
  hyperparameters: [
    { name: 'learning_rate', value: lr },
    { name: 'batch_size', value: 32 },
  ],
});

// a ← b ← c, and b ← d (a branch); e is related to a; f names a parent that does not exist.
const records = [
  record({ id: 'c', lineage: { parent: 'b' }, model: hp(0.001), evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.88 }] } }),
  record({
    id: 'a',
    model: hp(0.01),
    dataset: { name: 'tx', version: '1' },
    evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.8, ci95: 0.02 }] },
  }),
  record({
    id: 'b',
    lineage: { parent: 'a' },
    model: hp(0.005),
    dataset: { name: 'tx', version: '2' },
    evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.85, ci95: 0.02 }] },
  }),
  record({ id: 'd', lineage: { parent: 'b', related: ['c', 'c', 'd', 'nowhere'] } }),
  record({ id: 'e', lineage: { related: ['a'] } }),
  record({ id: 'f', lineage: { parent: 'ghost' } }),
  record({ id: 'a', name: 'duplicate of a, ignored', lineage: { parent: 'c' } }),
];

describe('buildLineageGraph', () => {
  const graph = buildLineageGraph(records);
  const at = (id: string) => graph.byId.get(id);

  test('a chain of three with a branch: parents, children, ancestors nearest first, descendants breadth-first', () => {
    expect(at('a')).toEqual({ parent: null, ancestors: [], children: ['b'], descendants: ['b', 'c', 'd'], related: ['e'], inCycle: false });
    expect(at('b')).toEqual({ parent: 'a', ancestors: ['a'], children: ['c', 'd'], descendants: ['c', 'd'], related: [], inCycle: false });
    expect(at('c')).toEqual({ parent: 'b', ancestors: ['b', 'a'], children: [], descendants: [], related: ['d'], inCycle: false });
    expect(at('d')?.related).toEqual(['c']);
    expect(at('e')?.related).toEqual(['a']);
  });

  test('a parent not among the records makes a root', () => {
    expect(at('f')?.parent).toBeNull();
    expect(graph.roots).toEqual(['a', 'e', 'f']);
  });

  test('trees follow the children, by id', () => {
    expect(graph.trees[0]).toEqual({
      id: 'a',
      children: [
        {
          id: 'b',
          children: [
            { id: 'c', children: [] },
            { id: 'd', children: [] },
          ],
        },
      ],
    });
    expect(graph.cycles).toEqual([]);
  });

  test('each edge carries the metric deltas and the configuration differences', () => {
    expect(graph.edges.map((e) => `${e.parent}→${e.child}`)).toEqual(['a→b', 'b→c', 'b→d']);
    const ab = graph.edges[0];
    expect(ab?.metricDeltas).toHaveLength(1);
    expect(ab?.metricDeltas[0]?.absolute).toBeCloseTo(0.05, 12);
    // √(0.02² + 0.02²) = 0.0282843
    expect(ab?.metricDeltas[0]?.ciLow).toBeCloseTo(0.05 - 0.0282843, 6);
    expect(ab?.differences).toEqual([
      { section: 'dataset', path: 'dataset.version', parent: '1', child: '2' },
      { section: 'hyperparameters', path: 'model.hyperparameters[learning_rate].value', parent: 0.01, child: 0.005 },
    ]);
    // d has no dataset or model: everything b has there is a difference, including the row keys.
    expect(graph.edges[2]?.differences.map((d) => d.path)).toEqual([
      'dataset.name',
      'dataset.version',
      'model.hyperparameters[learning_rate].name',
      'model.hyperparameters[learning_rate].value',
      'model.hyperparameters[batch_size].name',
      'model.hyperparameters[batch_size].value',
    ]);
  });

  test('parent cycles are detected once each and do not hang', () => {
    const cyclic = buildLineageGraph([
      record({ id: 'y', lineage: { parent: 'x' } }),
      record({ id: 'x', lineage: { parent: 'y' } }),
      record({ id: 'w', lineage: { parent: 'x' } }),
      record({ id: 'z', lineage: { parent: 'z' } }),
    ]);
    expect(cyclic.cycles).toEqual([['x', 'y'], ['z']]);
    expect(cyclic.roots).toEqual([]);
    expect(cyclic.trees).toEqual([]);
    expect(cyclic.byId.get('x')).toEqual({
      parent: 'y',
      ancestors: ['y'],
      children: ['w', 'y'],
      descendants: ['w', 'y'],
      related: [],
      inCycle: true,
    });
    expect(cyclic.byId.get('w')).toMatchObject({ ancestors: ['x', 'y'], inCycle: false });
    expect(cyclic.byId.get('z')).toMatchObject({ parent: 'z', ancestors: [], children: ['z'], descendants: [], inCycle: true });
  });

  test('an empty collection has an empty graph', () => {
    expect(buildLineageGraph([])).toEqual({ byId: new Map(), roots: [], trees: [], edges: [], cycles: [] });
  });
});

describe('diffConfigurations', () => {
  test('model fields other than hyperparameters are in the model section', () => {
    const diff = diffConfigurations(
      record({ id: 'p', model: { type: 'XGBoost' } }),
      record({ id: 'q', model: { type: 'LightGBM' }, notes: 'x' }),
    );
    expect(diff).toEqual([{ section: 'model', path: 'model.type', parent: 'XGBoost', child: 'LightGBM' }]);
  });

  test('in the order of the whole comparison, other fields (history) left out, a top-level "model.…" key included', () => {
    const history = (loss: number) => [{ epoch: 1, 'Val Loss': loss }];
    // Plain objects, so the fields stay in the order written: the dataset comes after the model in p, before it in c.
    const parent = { id: 'p', model: { type: 'A' }, training: { history: history(0.5) }, dataset: { name: 'd1' } } as never;
    const child = {
      id: 'c',
      training: { history: history(0.4) },
      dataset: { name: 'd2', version: '2' },
      model: { type: 'B', hyperparameters: [{ name: 'lr', value: 0.1 }] },
      'model.note': 'x',
    } as never;
    expect(diffConfigurations(parent, child)).toEqual([
      { section: 'model', path: 'model.type', parent: 'A', child: 'B' },
      { section: 'hyperparameters', path: 'model.hyperparameters[lr].name', parent: null, child: 'lr' },
      { section: 'hyperparameters', path: 'model.hyperparameters[lr].value', parent: null, child: 0.1 },
      { section: 'model', path: 'model.note', parent: null, child: 'x' },
      { section: 'dataset', path: 'dataset.name', parent: 'd1', child: 'd2' },
      { section: 'dataset', path: 'dataset.version', parent: null, child: '2' },
    ]);
  });
});

describe('compareIds', () => {
  test('code-point order', () => expect(['b', 'B', 'a', 'a'].sort(compareIds)).toEqual(['B', 'a', 'a', 'b']));
});

describe('headlineChainOf', () => {
  const { byRecordId, parentOf } = lineageParents(records);
  test('the headline metric from the root down to the experiment; null where a record has no value for it', () => {
    // c's ancestors are b (nearest) then a; d has no test metrics at all.
    expect(lineageAncestors('c', parentOf)).toEqual(['b', 'a']);
    expect(headlineChainOf('c', 'Accuracy', ['b', 'a'], byRecordId)).toEqual([
      { id: 'a', value: 0.8 },
      { id: 'b', value: 0.85 },
      { id: 'c', value: 0.88 },
    ]);
    expect(headlineChainOf('d', 'Accuracy', lineageAncestors('d', parentOf), byRecordId)).toEqual([
      { id: 'a', value: 0.8 },
      { id: 'b', value: 0.85 },
      { id: 'd', value: null },
    ]);
  });
  test("in the unit the experiment writes its headline in: a parent's 0.856 is 85.6 next to 87%; other units are null", () => {
    const chain = new Map(
      [
        record({
          id: 'm1',
          evaluation: {
            testMetrics: [
              { metric: 'Accuracy', value: 0.856 },
              { metric: 'Latency (s)', value: 0.05 },
            ],
          },
        }),
        record({
          id: 'm2',
          lineage: { parent: 'm1' },
          evaluation: {
            testMetrics: [
              { metric: 'Accuracy', value: 87, unit: '%' },
              { metric: 'Latency (ms)', value: 45 },
            ],
          },
        }),
      ].map((r) => [r.id, r]),
    );
    expect(headlineChainOf('m2', 'Accuracy', ['m1'], chain)).toEqual([
      { id: 'm1', value: 85.6 },
      { id: 'm2', value: 87 },
    ]);
    expect(headlineChainOf('m2', 'Latency (ms)', ['m1'], chain)).toEqual([
      { id: 'm1', value: null },
      { id: 'm2', value: 45 },
    ]);
  });
  test('null without a metric or without ancestors', () => {
    expect(headlineChainOf('c', undefined, ['b', 'a'], byRecordId)).toBeNull();
    expect(headlineChainOf('c', '', ['b', 'a'], byRecordId)).toBeNull();
    expect(headlineChainOf('a', 'Accuracy', [], byRecordId)).toBeNull();
  });
  test('lineageParents keeps the first record of a duplicated id and only parents among the records', () => {
    expect(byRecordId.get('a')?.name).toBeUndefined();
    expect(parentOf.has('f')).toBe(false);
    expect(parentOf.get('a')).toBeUndefined();
  });
});
