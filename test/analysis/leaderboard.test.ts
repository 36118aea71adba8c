import { describe, expect, test } from 'vitest';
import { buildLeaderboards } from '../../src/analysis/leaderboard.ts';
import { record } from './fixtures.ts';

const exp = (
  id: string,
  useCase: string | null,
  dataset: string | null,
  testMetrics: Array<{ metric: string; value: number | null; unit?: string }>,
) =>
  record({
    id,
    name: `run ${id}`,
    ...(useCase === null ? {} : { tags: { use_case: useCase } }),
    ...(dataset === null ? {} : { dataset: { name: dataset } }),
    evaluation: { testMetrics },
  });

describe('buildLeaderboards', () => {
  const records = [
    exp('r3', 'fraud', 'tx', [
      { metric: 'Latency (ms)', value: 45 },
      { metric: 'Accuracy', value: 0.869 },
      { metric: 'Score', value: 3 },
    ]),
    exp('r1', 'fraud', 'tx', [
      { metric: 'Latency (ms)', value: 42 },
      { metric: 'Accuracy', value: 85.1, unit: '%' },
      { metric: 'Score', value: 5 },
    ]),
    exp('r2', 'fraud', null, [
      { metric: 'Latency', value: 42, unit: 'ms' },
      { metric: 'Accuracy', value: 0.9 },
      { metric: 'Accuracy', value: 0.1 },
    ]),
    exp('r4', 'fraud', null, [
      { metric: 'Latency', value: 1, unit: 's' },
      { metric: 'Only Here', value: 1 },
      { metric: 'Recall', value: null },
    ]),
    exp('s1', 'churn', null, [{ metric: 'Accuracy', value: 0.7 }]),
    exp('s3', 'churn', null, [{ metric: 'Accuracy', value: 0.75 }]),
    exp('s4', 'ads', null, [{ metric: 'Accuracy', value: 0.75 }]),
    exp('s2', ' ', 'tx', []),
  ];
  const boards = buildLeaderboards(records);
  const fraud = boards.find((b) => b.value === 'fraud');

  test('one leaderboard per use case and per dataset with two or more experiments', () => {
    expect(boards.map((b) => [b.scope, b.value, b.experimentIds])).toEqual([
      ['use_case', 'churn', ['s1', 's3']],
      ['use_case', 'fraud', ['r1', 'r2', 'r3', 'r4']],
      ['dataset', 'tx', ['r1', 'r3', 's2']],
    ]);
  });

  test('a lower-is-better metric ranks the smallest first, ties share a rank, another unit is unranked', () => {
    const latency = fraud?.metrics.find((m) => m.key === 'latency');
    expect(latency).toMatchObject({ metric: 'Latency (ms)', betterDirection: 'lower', unit: 'ms' });
    expect(latency?.entries.map((e) => [e.experimentId, e.value, e.unit, e.rank])).toEqual([
      ['r1', 42, 'ms', 1],
      ['r2', 42, 'ms', 1],
      ['r3', 45, 'ms', 3],
      ['r4', 1, 's', null],
    ]);
  });

  test('a higher-is-better proportion ranks percent and fraction values on one scale', () => {
    const accuracy = fraud?.metrics.find((m) => m.key === 'accuracy');
    expect(accuracy?.entries.map((e) => [e.experimentId, e.value, e.rank])).toEqual([
      ['r2', 0.9, 1],
      ['r3', 0.869, 2],
      ['r1', 85.1, 3],
    ]);
    expect(accuracy?.entries[0]?.name).toBe('run r2');
  });

  test('a metric of unknown direction is listed unranked, by id; metrics of one experiment are left out', () => {
    const score = fraud?.metrics.find((m) => m.key === 'score');
    expect(score?.betterDirection).toBeNull();
    expect(score?.entries.map((e) => [e.experimentId, e.rank])).toEqual([
      ['r1', null],
      ['r3', null],
    ]);
    expect(fraud?.metrics.map((m) => m.key)).toEqual(['latency', 'accuracy', 'score']);
  });

  test('no groups, no leaderboards', () => expect(buildLeaderboards([record({ id: 'x' })])).toEqual([]));
});
