import { describe, expect, test } from 'vitest';
import { compareMany, compareRecords, mergeKeyOrder } from '../../src/analysis/compare.ts';
import { record } from './fixtures.ts';

describe('compareRecords', () => {
  const a = record({
    id: 'a',
    name: 'A',
    tags: { use_case: 'fraud' },
    evaluation: {
      testMetrics: [
        { metric: 'Accuracy', value: 0.8, ci95: 0.01 },
        { metric: 'F1', value: 0.7 },
      ],
      confusionMatrix: {
        labels: ['n', 'p'],
        matrix: [
          [1, 2],
          [3, 4],
        ],
      },
    },
    model: {
      hyperparameters: [
        { name: 'lr', value: 0.1, searchSpace: { kind: 'choice', values: [0.1, 0.2] } },
        { name: 'depth', value: 6 },
      ],
    },
    training: {
      history: [
        { epoch: 1, Loss: 0.5 },
        { epoch: 2, Loss: 0.4 },
      ],
    },
    comparison: {
      baselines: [
        { label: 'This run', current: true, metrics: { Accuracy: 0.8 } },
        { label: 'Prod', metrics: { Accuracy: 0.75 } },
      ],
    },
    placeholders: [],
  });
  const b = record({
    id: 'b',
    tags: { use_case: 'fraud', team: 'risk' },
    date: '2025-01-02',
    evaluation: {
      testMetrics: [
        { metric: 'F1 Score', value: 0.72 },
        { metric: 'Accuracy', value: 0.8, ci95: 0.01 },
      ],
      confusionMatrix: {
        labels: ['n', 'p'],
        matrix: [
          [1, 2],
          [3, 5],
        ],
      },
    },
    model: {
      hyperparameters: [
        { name: 'depth', value: 6 },
        { name: 'lr', value: 0.2, searchSpace: { kind: 'choice', values: [0.1, 0.2] } },
        { name: 'depth', value: 7 },
      ],
    },
    training: { history: [{ epoch: 2, Loss: 0.4 }] },
    comparison: {
      baselines: [
        { label: 'Current Experiment', current: true, metrics: { Accuracy: 0.8 } },
        { label: 'prod', metrics: { Accuracy: 0.75 } },
      ],
    },
  });
  const rows = compareRecords(a, b);
  const row = (path: string) => rows.find((r) => r.path === path);

  test('leaf fields side by side in record order, fields only in b after their predecessor', () => {
    expect(rows.slice(0, 5).map((r) => r.path)).toEqual(['id', 'date', 'name', 'tags.use_case', 'tags.team']);
    expect(row('id')).toEqual({ path: 'id', a: 'a', b: 'b', same: false, onlyIn: null });
    expect(row('name')).toEqual({ path: 'name', a: 'A', b: null, same: false, onlyIn: 'a' });
    expect(row('tags.team')).toEqual({ path: 'tags.team', a: null, b: 'risk', same: false, onlyIn: 'b' });
    expect(row('tags.use_case')?.same).toBe(true);
  });

  test('test metrics are matched by metric key, not position', () => {
    expect(row('evaluation.testMetrics[Accuracy].value')).toMatchObject({ a: 0.8, b: 0.8, same: true });
    expect(row('evaluation.testMetrics[F1].value')).toMatchObject({ a: 0.7, b: 0.72, same: false });
    expect(row('evaluation.testMetrics[F1].metric')).toMatchObject({ a: 'F1', b: 'F1 Score', same: false });
  });

  test('hyperparameters by name (duplicates numbered), history by epoch, baselines by label with the current rows paired', () => {
    expect(row('model.hyperparameters[lr].value')).toMatchObject({ a: 0.1, b: 0.2, same: false });
    expect(row('model.hyperparameters[lr].searchSpace.values[1]')).toMatchObject({ a: 0.2, b: 0.2, same: true });
    expect(row('model.hyperparameters[depth#2].value')).toMatchObject({ a: null, b: 7, onlyIn: 'b' });
    expect(row('training.history[1].Loss')).toMatchObject({ a: 0.5, b: null, onlyIn: 'a' });
    expect(row('training.history[2].Loss')?.same).toBe(true);
    expect(row('comparison.baselines[This run].label')).toMatchObject({ a: 'This run', b: 'Current Experiment', same: false });
    expect(row('comparison.baselines[Prod].metrics.Accuracy')?.same).toBe(true);
  });

  test('confusion-matrix cells by their classes, other arrays by position, and empty containers as leaves', () => {
    expect(row('evaluation.confusionMatrix.matrix[actual p].predicted p')).toMatchObject({ a: 4, b: 5, same: false });
    expect(row('evaluation.confusionMatrix.matrix[actual n].predicted p')).toMatchObject({ a: 2, b: 2, same: true });
    expect(rows.filter((r) => r.path.startsWith('evaluation.confusionMatrix.matrix')).map((r) => r.path)).toEqual([
      'evaluation.confusionMatrix.matrix[actual n].predicted n',
      'evaluation.confusionMatrix.matrix[actual n].predicted p',
      'evaluation.confusionMatrix.matrix[actual p].predicted n',
      'evaluation.confusionMatrix.matrix[actual p].predicted p',
    ]);
    expect(row('evaluation.confusionMatrix.labels[0]')?.same).toBe(true);
    expect(row('placeholders')).toEqual({ path: 'placeholders', a: [], b: null, same: false, onlyIn: 'a' });
  });

  test('"differences only" is a filter on same', () => {
    const diffs = rows.filter((r) => !r.same).map((r) => r.path);
    expect(diffs).toContain('evaluation.testMetrics[F1].value');
    expect(diffs).not.toContain('evaluation.testMetrics[Accuracy].value');
  });

  test('rows without their key field are matched by position', () => {
    const x = record({ id: 'x', sections: [{ title: 'Notes', markdown: 'a' }] });
    const y = record({ id: 'x', sections: [{ title: 'Notes', markdown: 'b' }] });
    expect(compareRecords(x, y).find((r) => r.path === 'sections[Notes].markdown')).toMatchObject({ a: 'a', b: 'b' });
    const raw = compareRecords({ id: 'x', splitsLike: [1] }, { id: 'x', splitsLike: [{ k: 1 }] });
    expect(raw.map((r) => r.path)).toEqual(['id', 'splitsLike[0]']);
    const keyless = compareRecords(
      { id: 'x', dataset: { splits: [{ fraction: 0.5 }] } } as never,
      { id: 'x', dataset: { splits: [{ fraction: 0.5 }] } } as never,
    );
    expect(keyless.map((r) => r.path)).toEqual(['id', 'dataset.splits[0].fraction']);
  });
});

describe('compareMany', () => {
  test('any number of records: one value per record, same only when all have it and agree', () => {
    const rows = compareMany([
      record({ id: 'a', tags: { x: '1' }, evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.8 }] } }),
      record({
        id: 'b',
        tags: { x: '1' },
        evaluation: {
          testMetrics: [
            { metric: 'accuracy', value: 0.8 },
            { metric: 'AUC', value: 0.9 },
          ],
        },
      }),
      record({ id: 'c', tags: { x: '1', y: '2' } }),
    ]);
    const row = (path: string) => rows.find((r) => r.path === path);
    expect(row('tags.x')).toEqual({ path: 'tags.x', values: ['1', '1', '1'], present: [true, true, true], same: true });
    expect(row('tags.y')).toEqual({ path: 'tags.y', values: [null, null, '2'], present: [false, false, true], same: false });
    expect(row('evaluation.testMetrics[Accuracy].value')).toMatchObject({ values: [0.8, 0.8, null], same: false });
    expect(row('evaluation.testMetrics[AUC].value')).toMatchObject({ values: [null, 0.9, null], present: [false, true, false] });
  });

  test('matrices with different classes line up by class; a malformed matrix by position', () => {
    const rows = compareMany([
      record({
        id: 'a',
        evaluation: {
          confusionMatrix: {
            labels: ['x', 'y'],
            matrix: [
              [1, 2],
              [3, 4],
            ],
          },
        },
      }),
      record({
        id: 'b',
        evaluation: {
          confusionMatrix: {
            labels: ['y', 'x'],
            matrix: [
              [4, 3],
              [2, 1],
            ],
          },
        },
      }),
    ]);
    expect(rows.filter((r) => r.path.includes('.matrix')).every((r) => r.same)).toBe(true);
    // Not a valid record (a row longer than the labels), as an unvalidated API document might be.
    const odd = compareMany([{ id: 'a', evaluation: { confusionMatrix: { labels: ['x'], matrix: [[1, 2]] } } }]);
    expect(odd.filter((r) => r.path.includes('.matrix')).map((r) => r.path)).toEqual([
      'evaluation.confusionMatrix.matrix[0][0]',
      'evaluation.confusionMatrix.matrix[0][1]',
    ]);
  });

  test('same compares values as JSON: equal objects, different strings and numbers, a number against its text', () => {
    const same = (values: unknown[]) => compareMany(values.map((v) => ({ id: 'x', v }) as never)).find((r) => r.path === 'v')?.same;
    expect(same([0.5, 0.5, 0.5])).toBe(true);
    expect(same([0.5, 0.25])).toBe(false);
    expect(same(['a', 'b'])).toBe(false);
    expect(same([1, '1'])).toBe(false);
    expect(same([0, -0])).toBe(true);
    expect(same([true, false])).toBe(false);
    expect(same([null, null])).toBe(true);
    // Leaves that are empty containers or mixed kinds are compared whole, as JSON.
    expect(same([[], []])).toBe(true);
    expect(same([{}, {}])).toBe(true);
    expect(same([{}, []])).toBe(false);
  });

  test('a repeated row key: the first row with it is the one compared', () => {
    // Rows "a", "a" and "a#2": the second "a" is keyed "a#2", like the third.
    const withSplits = (id: string, last: number) =>
      record({
        id,
        dataset: {
          splits: [
            { name: 'a', records: 1 },
            { name: 'a', records: 2 },
            { name: 'a#2', records: last },
          ],
        },
      });
    const rows = compareMany([withSplits('p', 3), withSplits('q', 4)]);
    expect(rows.filter((r) => r.path.endsWith('.records')).map((r) => [r.path, r.values])).toEqual([
      ['dataset.splits[a].records', [1, 1]],
      ['dataset.splits[a#2].records', [2, 2]],
    ]);
  });
});

describe('mergeKeyOrder', () => {
  test.each([
    [
      ['a', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ],
    [['b'], ['a', 'b'], ['a', 'b']],
    [[], ['x', 'y'], ['x', 'y']],
    [
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
    ],
  ])('%o + %o → %o', (a, b, merged) => expect(mergeKeyOrder(a, b)).toEqual(merged));
  test('three lists', () => expect(mergeKeyOrder(['a'], ['a', 'b'], ['c', 'a'])).toEqual(['c', 'a', 'b']));
  test('a key new to a later list goes right after its predecessor, before keys placed there earlier', () =>
    expect(mergeKeyOrder(['a', 'b', 'c'], ['b', 'x', 'c'], ['b', 'y'], ['z'])).toEqual(['z', 'a', 'b', 'y', 'x', 'c']));
  test('a repeated key is kept once, and still counts as the predecessor', () =>
    expect(mergeKeyOrder(['a', 'a', 'b'], ['c', 'b', 'b', 'd'])).toEqual(['c', 'a', 'b', 'd']));
  test('no lists', () => expect(mergeKeyOrder()).toEqual([]));
});
