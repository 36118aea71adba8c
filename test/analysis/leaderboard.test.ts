import { describe, expect, test } from 'vitest';
import { buildLeaderboards } from '../../src/analysis/leaderboard.ts';
import type { ExperimentInput } from '../../src/schema/index.ts';
import { record } from './fixtures.ts';

type Metric = { metric: string; value: number | null; unit?: string; ci95?: number };

const exp = (id: string, useCase: string | null, dataset: ExperimentInput['dataset'] | null, testMetrics: Metric[]) =>
  record({
    id,
    name: `run ${id}`,
    ...(useCase === null ? {} : { tags: { use_case: useCase } }),
    ...(dataset === null ? {} : { dataset }),
    evaluation: { testMetrics },
  });

describe('buildLeaderboards', () => {
  const v1 = { name: 'tx', version: '1.0' };
  const v2 = { name: 'tx', version: '2.0' };
  const records = [
    exp('r3', 'fraud', v1, [
      { metric: 'Latency (ms)', value: 45 },
      { metric: 'Accuracy', value: 0.869, ci95: 0.005 },
      { metric: 'Score', value: 3 },
    ]),
    exp('r1', 'fraud', v1, [
      { metric: 'Latency (ms)', value: 42 },
      { metric: 'Accuracy', value: 85.1, unit: '%', ci95: 0.5 },
      { metric: 'Score', value: 5 },
    ]),
    exp('r5', 'fraud', v1, [{ metric: 'Accuracy', value: 0.866, ci95: 0.005 }]),
    exp('r2', 'fraud', v2, [
      { metric: 'Latency', value: 42, unit: 'ms' },
      { metric: 'Accuracy', value: 0.9 },
      { metric: 'Accuracy', value: 0.1 },
    ]),
    exp('r4', 'fraud', v2, [
      { metric: 'Latency', value: 1, unit: 's' },
      { metric: 'Only Here', value: 1 },
      { metric: 'Recall', value: null },
      { metric: 'Precision', value: 130 },
    ]),
    exp('r6', 'fraud', v2, [{ metric: 'Precision', value: 0.5 }]),
    exp('r7', 'fraud', v2, [{ metric: 'Latency', value: 3, unit: 'MB' }]),
    exp('s1', 'churn', { splits: [{ name: 'Test', records: 100 }] }, [{ metric: 'Accuracy', value: 0.7 }]),
    exp('s3', 'churn', { splits: [{ name: 'Test', records: 100 }] }, [{ metric: 'Accuracy', value: 0.75 }]),
    exp('s4', 'ads', null, [{ metric: 'Accuracy', value: 0.75 }]),
    exp('s2', ' ', { name: 'tx' }, []),
  ];
  const boards = buildLeaderboards(records);
  const fraud = boards.find((b) => b.value === 'fraud');
  const ranking = (key: string, version: string) => fraud?.metrics.find((m) => m.key === key && m.datasetVersion === version);

  test('one leaderboard per use case and per dataset with two or more experiments', () => {
    expect(boards.map((b) => [b.scope, b.value, b.experimentIds])).toEqual([
      ['use_case', 'churn', ['s1', 's3']],
      ['use_case', 'fraud', ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']],
      ['dataset', 'tx', ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 's2']],
    ]);
  });

  test('dataset versions are never mixed in one ranking', () => {
    expect(fraud?.metrics.map((m) => [m.key, m.dataset, m.datasetVersion, m.entries.map((e) => e.experimentId)])).toEqual([
      ['latency', 'tx', '1.0', ['r1', 'r3']],
      ['accuracy', 'tx', '1.0', ['r3', 'r5', 'r1']],
      ['score', 'tx', '1.0', ['r1', 'r3']],
      ['latency', 'tx', '2.0', ['r2', 'r4', 'r7']],
      ['precision', 'tx', '2.0', ['r6', 'r4']],
    ]);
  });

  test('a lower-is-better metric ranks the smallest first; another unit of time is converted, any other unit is unranked, with the reason', () => {
    expect(ranking('latency', '1.0')).toMatchObject({ metric: 'Latency (ms)', betterDirection: 'lower', unit: 'ms', fraction: false });
    expect(ranking('latency', '1.0')?.entries.map((e) => [e.experimentId, e.score, e.rank, e.tied])).toEqual([
      ['r1', 42, 1, false],
      ['r3', 45, 2, false],
    ]);
    // r4's 1 s is 1000 ms: ranked after r2's 42 ms (it was left unranked, and shown as "1 ms"); r7's 3 MB is no time.
    expect(ranking('latency', '2.0')?.entries.map((e) => [e.experimentId, e.score, e.decimals, e.rank, e.unrankedReason])).toEqual([
      ['r2', 42, 0, 1, null],
      ['r4', 1000, 0, 2, null],
      ['r7', 3, 0, null, "its unit (MB) differs from the others' (ms)"],
    ]);
    expect(ranking('latency', '2.0')?.unit).toBe('ms');
  });

  test('entries within noise of the leader are tied with it, not ranked 1, 2, 3; percent and fraction on one scale', () => {
    const accuracy = ranking('accuracy', '1.0');
    expect(accuracy).toMatchObject({ unit: null, fraction: true });
    // r3 0.869 ± 0.005 leads; r5 0.866 ± 0.005: difference 0.003 ± √2·0.005 = [−0.0041, 0.0101] includes 0 → tied.
    // r1 85.1% ± 0.5 = 0.851 ± 0.005: difference 0.018 ± 0.0071 excludes 0 → rank 3 (two entries ahead).
    expect(accuracy?.entries.map((e) => [e.experimentId, e.value, e.score, e.rank, e.tied])).toEqual([
      ['r3', 0.869, 0.869, 1, true],
      ['r5', 0.866, 0.866, 1, true],
      ['r1', 85.1, 0.851, 3, false],
    ]);
    expect(accuracy?.entries[2]).toMatchObject({ decimals: 3, ciLow: 0.846, ciHigh: 0.856, name: 'run r1' });
  });

  test('without a CI a proportion has the Wilson interval over its test set: 0.75 vs 0.7 on n = 100 is a tie', () => {
    const churn = boards.find((b) => b.value === 'churn')?.metrics[0];
    expect(churn).toMatchObject({ dataset: null, datasetVersion: null });
    // statsmodels: Wilson(70, 100) = [0.6041515, 0.7810511]; newcomb (75/100 vs 70/100) = [−0.0734, 0.1714] includes 0
    expect(churn?.entries[1]?.ciLow).toBeCloseTo(0.6041514536665332, 10);
    expect(churn?.entries.map((e) => [e.experimentId, e.rank, e.tied])).toEqual([
      ['s3', 1, true],
      ['s1', 1, true],
    ]);
  });

  test('a value on neither scale is unranked, with the reason', () => {
    expect(ranking('precision', '2.0')?.entries.map((e) => [e.experimentId, e.score, e.rank, e.unrankedReason])).toEqual([
      ['r6', 0.5, 1, null],
      ['r4', null, null, 'its value is neither a fraction nor a percentage'],
    ]);
  });

  test('a metric of unknown direction is listed unranked, by id; metrics of one experiment are left out', () => {
    const score = ranking('score', '1.0');
    expect(score?.betterDirection).toBeNull();
    expect(score?.entries.map((e) => [e.experimentId, e.rank, e.unrankedReason])).toEqual([
      ['r1', null, 'which way this metric is better is not known'],
      ['r3', null, 'which way this metric is better is not known'],
    ]);
  });

  test('no groups, no leaderboards', () => expect(buildLeaderboards([record({ id: 'x' })])).toEqual([]));
});
