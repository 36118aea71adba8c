import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import { buildIndexPageData, commonMetrics } from '../../src/view/index-page.ts';
import { buildFairnessOverview, buildTagIndex, buildTagPages } from '../../src/view/overview-pages.ts';
import { comparePairs } from '../../src/view/compare-page.ts';
import { buildLeaderboardViews } from '../../src/view/leaderboards.ts';

const records: Experiment[] = [
  {
    id: 'a',
    name: 'A',
    date: '2025-01-01',
    status: 'completed',
    tags: { use_case: 'Fraud Detection' },
    evaluation: {
      testMetrics: [
        { metric: 'Accuracy', value: 0.9 },
        { metric: 'Latency (ms)', value: 12 },
      ],
      disaggregated: [
        { group: 'F', metrics: { Accuracy: 0.6 } },
        { group: 'M', metrics: { Accuracy: 0.9 } },
      ],
    },
  },
  {
    id: 'b',
    name: 'B',
    date: '2025-02-01',
    status: 'running',
    tags: { use_case: 'fraud-detection' },
    lineage: { parent: 'a' },
    comparison: {
      baselines: [
        { label: 'Current', current: true, metrics: { Accuracy: 0.95 } },
        { label: 'Old (a)', experimentId: 'a', metrics: { Accuracy: 0.9 } },
      ],
    },
    evaluation: {
      testMetrics: [
        { metric: 'Accuracy', value: 0.95 },
        { metric: 'Latency (ms)', value: 9.5 },
      ],
    },
  },
];
const analysis = analyzeCollection(records);
const input = { base: '/lb/', records, analyses: analysis.byId };

describe('buildIndexPageData', () => {
  const page = buildIndexPageData(input);
  test('lists the newest first, with counts by status and use case', () => {
    expect(page.rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(page.byStatus).toEqual([
      { label: 'completed', count: 1 },
      { label: 'running', count: 1 },
    ]);
    expect(page.rows[0]?.href).toBe('/lb/experiments/b/');
  });
  test('shows metric values as written, as the experiment page and the summary do', () => {
    expect(page.rows.map((r) => r.metrics[1]?.cell.text)).toEqual(['9.5', '12']);
    expect(page.rows.map((r) => r.metrics[0]?.cell.text)).toEqual(['0.95', '0.9']);
  });
  test('offers the common metrics as columns, the first three shown until the reader picks', () => {
    const few = buildIndexPageData({ ...input, metricColumnCount: 1 });
    expect(few.metricColumns).toEqual([
      { key: 'm0', label: 'Accuracy', shown: true },
      { key: 'm1', label: 'Latency (ms)', shown: false },
    ]);
    expect(few.rows[0]?.metrics.map((m) => [m.col, m.shown])).toEqual([
      ['m0', true],
      ['m1', false],
    ]);
  });
  test('flags fairness gaps below the four-fifths heuristic', () => {
    // a: 0.6 / 0.9 = 0.667 < 0.8.
    expect(page.rows.find((r) => r.id === 'a')?.fairness).toMatchObject({ text: '1 flagged', tone: 'bad' });
  });
});

describe('commonMetrics', () => {
  test('takes the metrics most records report, first seen first among ties', () => {
    expect(commonMetrics(records, 1)).toEqual(['Accuracy']);
  });
});

describe('tags', () => {
  test('values that slug alike share a page, and the count is in words', () => {
    const pages = buildTagPages(input);
    expect(pages.map((p) => `${p.keySlug}/${p.valueSlug}`)).toEqual(['use-case/fraud-detection']);
    expect(pages[0]?.countText).toBe('2 experiments');
  });
  test('a tag page lists its experiments newest first, with their headline metric', () => {
    const page = buildTagPages(input)[0]!;
    expect(page.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['b', 'B', 'running', '2025-02-01', 'Accuracy 0.95'],
      ['a', 'A', 'completed', '2025-01-01', 'Accuracy 0.9'],
    ]);
    expect(page.rows[0]?.[0]?.href).toBe('/lb/experiments/b/');
  });
  test('the tag index counts each value', () => {
    expect(buildTagIndex(input)[0]?.values.map((v) => v.count)).toEqual([1, 1]);
  });
});

describe('buildFairnessOverview', () => {
  test('lists experiments with gaps, flagged first, and the rest as without', () => {
    const { rows, without } = buildFairnessOverview(input);
    expect(rows.map((r) => [r.id, r.flagged])).toEqual([['a', 1]]);
    expect(rows[0]?.gaps[0]).toMatchObject({ worst: 'F (0.6)', best: 'M (0.9)' });
    expect(without.map((w) => w.id)).toEqual(['b']);
  });
});

describe('comparePairs', () => {
  test('pairs each experiment with its parent and with baselines that are records, once', () => {
    expect(comparePairs(records)).toEqual([{ a: 'b', b: 'a', relation: 'parent' }]);
  });
});

describe('buildLeaderboardViews', () => {
  const exp = (
    id: string,
    useCase: string | undefined,
    dataset: { name: string; version?: string } | undefined,
    metrics: [string, number][],
  ): Experiment => ({
    id,
    ...(useCase ? { tags: { use_case: useCase } } : {}),
    ...(dataset ? { dataset } : {}),
    evaluation: { testMetrics: metrics.map(([metric, value]) => ({ metric, value })) },
  });
  const board = [
    exp('a', 'fraud', { name: 'tx', version: '1' }, [
      ['Accuracy', 0.9],
      ['Latency (ms)', 12],
      ['Score', 3],
    ]),
    exp('b', 'fraud', { name: 'tx', version: '1' }, [
      ['Accuracy', 0.95],
      ['Latency (ms)', 9.5],
      ['Score', 4],
    ]),
    exp('c', 'fraud', { name: 'tx', version: '2' }, [['Accuracy', 0.97]]),
    exp('d', 'fraud', { name: 'tx', version: '2' }, [['Accuracy', 0.96]]),
    exp('e', undefined, { name: 'faces' }, [['Error rate', 0.2]]),
    exp('f', undefined, { name: 'faces' }, [['Error rate', 0.1]]),
    exp('g', 'fraud', { name: 'tx', version: '3' }, [['Accuracy', 0.5]]),
    exp('h', undefined, undefined, [['Accuracy', 0.5]]),
  ];
  const views = buildLeaderboardViews('/lb/', board);

  test('one board per use case and dataset version, then per dataset version without a use case; lone experiments get none', () => {
    expect(views.map((v) => [v.id, v.scopeLabel, v.title, v.dataset, v.count])).toEqual([
      ['use-case-fraud-tx-1', 'Use case', 'fraud', 'tx, version 1', 2],
      ['use-case-fraud-tx-2', 'Use case', 'fraud', 'tx, version 2', 2],
      ['dataset-faces-no-version', 'Dataset', 'faces', 'faces, version not given', 2],
    ]);
  });

  test('metric columns with their direction; rows by the first ranked metric; values as written; the best in bold', () => {
    const v1 = views[0]!;
    expect(v1.columns.map((c) => c.label)).toEqual(['Rank', 'Experiment', 'Name', 'Accuracy ↑', 'Latency (ms) ↓', 'Score']);
    expect(v1.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['1', 'b', '', '0.95', '9.5 ms', '4'],
      ['2', 'a', '', '0.9', '12 ms', '3'],
    ]);
    expect(v1.rows[0]?.[1]?.href).toBe('/lb/experiments/b/');
    expect(v1.rows[0]?.[3]).toMatchObject({ strong: true, title: 'Rank 1 of 2' });
    expect(v1.rows[1]?.[5]).toMatchObject({ title: 'Not ranked: direction unknown or a different unit' });
    expect(v1.note).toBe('Not ranked (direction unknown, or a unit that differs): Score.');
    // Lower is better: 0.1 ranks first.
    expect(views[2]!.rows.map((row) => [row[0]?.text, row[1]?.text])).toEqual([
      ['1', 'f'],
      ['2', 'e'],
    ]);
  });
});
