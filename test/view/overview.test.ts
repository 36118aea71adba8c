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
        { group: 'F', n: 100, metrics: { Accuracy: 0.6 } },
        { group: 'M', n: 100, metrics: { Accuracy: 0.9 } },
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
  test('formats each metric column with one precision, proportions in percent', () => {
    // Latency: 9.5 and 12 → one decimal for both; accuracy 0.95 and 0.9 → 95% and 90%.
    expect(page.rows.map((r) => r.metrics[1]?.cell.text)).toEqual(['9.5 ms', '12.0 ms']);
    expect(page.rows.map((r) => r.metrics[0]?.cell.text)).toEqual(['95%', '90%']);
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

  test('one column and one scale for 87%, "Accuracy (%)" 86.2 and 0.684; sorted on that scale', () => {
    const mixed: Experiment[] = [
      { id: 'x', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 87, unit: '%' }] } },
      { id: 'y', evaluation: { testMetrics: [{ metric: 'Accuracy (%)', value: 86.2 }] } },
      {
        id: 'z',
        writtenDecimals: { 'evaluation.testMetrics.0.value': 3 },
        evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.68 }] },
      },
    ];
    const data = buildIndexPageData({ base: '/', records: mixed, analyses: analyzeCollection(mixed).byId });
    expect(data.metricColumns).toEqual([{ key: 'm0', label: 'Accuracy', shown: true }]);
    expect(data.rows.map((r) => [r.id, r.metrics[0]?.cell.text, r.sort['m0']])).toEqual([
      ['x', '87.0%', 0.87],
      ['y', '86.2%', 0.862],
      ['z', '68.0%', 0.68],
    ]);
  });
  test('one unit of time per column: 0.041 s beside 38 ms and 1105 ms is 41 ms, and sorts as 41', () => {
    const timed: Experiment[] = [
      { id: 'x', evaluation: { testMetrics: [{ metric: 'p99 latency (ms)', value: 38 }] } },
      { id: 'y', evaluation: { testMetrics: [{ metric: 'p99 latency (s)', value: 0.041 }] } },
      { id: 'z', evaluation: { testMetrics: [{ metric: 'p99 latency', value: 1105, unit: 'ms' }] } },
    ];
    const data = buildIndexPageData({ base: '/', records: timed, analyses: analyzeCollection(timed).byId });
    // 0.041 s × 1000 = 41 ms, written to 3 − 3 = 0 places: no column of "38.000 ms" beside "0.041 s".
    expect(data.rows.map((r) => [r.id, r.metrics[0]?.cell.text, r.sort['m0']])).toEqual([
      ['x', '38 ms', 38],
      ['y', '41 ms', 41],
      ['z', '1,105 ms', 1105],
    ]);
  });
  test('a column named with a unit of time its values were converted from is named in the unit shown', () => {
    const timed: Experiment[] = [
      { id: 'y', date: '2024-01-02', evaluation: { testMetrics: [{ metric: 'p99 latency (s)', value: 0.041 }] } },
      { id: 'x', date: '2024-01-01', evaluation: { testMetrics: [{ metric: 'p99 latency (ms)', value: 38 }] } },
    ];
    const data = buildIndexPageData({ base: '/', records: timed, analyses: analyzeCollection(timed).byId });
    // The first record names the column `p99 latency (s)`; its 0.041 s is shown as 41 ms beside 38 ms.
    expect(data.metricColumns.map((c) => c.label)).toEqual(['p99 latency (ms)']);
    expect(data.rows.map((r) => [r.id, r.metrics[0]?.cell.text, r.sort['m0']])).toEqual([
      ['y', '41 ms', 41],
      ['x', '38 ms', 38],
    ]);
    // Every value in seconds: nothing converted, the name as written.
    const seconds: Experiment[] = [
      { id: 'y', evaluation: { testMetrics: [{ metric: 'p99 latency (s)', value: 0.041 }] } },
      { id: 'x', evaluation: { testMetrics: [{ metric: 'p99 latency (s)', value: 0.038 }] } },
    ];
    const plain = buildIndexPageData({ base: '/', records: seconds, analyses: analyzeCollection(seconds).byId });
    expect(plain.metricColumns.map((c) => c.label)).toEqual(['p99 latency (s)']);
    expect(plain.rows.map((r) => r.metrics[0]?.cell.text)).toEqual(['0.038 s', '0.041 s']);
  });
  test('flags fairness gaps beyond noise', () => {
    // a: accuracy 60% vs 90% on n = 100 each, a 30 pp gap whose 95% interval excludes 0.
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
      ['b', 'B', 'running', '2025-02-01', 'Accuracy 95%'],
      ['a', 'A', 'completed', '2025-01-01', 'Accuracy 90%'],
    ]);
    expect(page.rows[0]?.[0]?.href).toBe('/lb/experiments/b/');
  });
  test('the tag index counts each value', () => {
    expect(buildTagIndex(input)[0]?.values.map((v) => v.count)).toEqual([1, 1]);
  });
});

describe('plain tags (`tags: [churn, gbm]`)', () => {
  const plain: Experiment[] = [
    { id: 'p1', tags: { churn: '', gbm: '' } },
    { id: 'p2', tags: { churn: '', use_case: 'retention' } },
  ];
  const plainInput = { base: '/', records: plain, analyses: new Map() };

  test('are the values of one "tag" key, each with its page at tags/tag/<name>/', () => {
    const group = buildTagIndex(plainInput).find((g) => g.key === 'tag');
    expect(group?.values.map((v) => [v.value, v.count, v.href])).toEqual([
      ['churn', 2, '/tags/tag/churn/'],
      ['gbm', 1, '/tags/tag/gbm/'],
    ]);
    expect(buildTagPages(plainInput).map((p) => `${p.keySlug}/${p.valueSlug} ${p.countText}`)).toEqual([
      'tag/churn 2 experiments',
      'tag/gbm 1 experiment',
      'use-case/retention 1 experiment',
    ]);
  });
});

describe('tags whose slugs would collide', () => {
  const tagged = (id: string, lang: string): Experiment => ({ id, tags: { lang } });
  // All CJK values slug to "x"; "C++" and "C#" both to "c".
  const values = ['日本語', '中文', 'C++', 'C#', 'C'];
  const tagInput = { base: '/', records: values.map((v, i) => tagged(`e${i}`, v)), analyses: new Map() };

  test('each distinct value gets its own page and URL', () => {
    const pages = buildTagPages(tagInput);
    expect(pages.map((p) => [p.value, p.rows.map((row) => row[0]?.text)])).toHaveLength(5);
    expect(new Set(pages.map((p) => p.valueSlug)).size).toBe(5);
    expect(pages.find((p) => p.value === 'C')?.valueSlug).toBe('c');
    for (const page of pages) expect(page.rows).toHaveLength(1);
    const hrefs = buildTagIndex(tagInput)[0]?.values.map((v) => v.href) ?? [];
    expect(new Set(hrefs).size).toBe(5);
    expect(hrefs.every((href) => /^\/tags\/lang\/[a-z0-9-]+\/$/.test(href))).toBe(true);
  });
});

describe('buildFairnessOverview', () => {
  test('lists experiments with gaps, flagged first, and the rest as without', () => {
    const { rows, without } = buildFairnessOverview(input);
    expect(rows.map((r) => [r.id, r.flagged])).toEqual([['a', 1]]);
    expect(rows[0]?.gaps[0]).toMatchObject({ worst: 'F (60%, n = 100)', best: 'M (90%, n = 100)' });
    // The columns' explanations are in the headers, once; a cell keeps a title only when it says something else.
    const gap = rows[0]?.gaps[0];
    expect([gap?.difference.title, gap?.ratio.title, gap?.flag.title]).toEqual([undefined, undefined, undefined]);
    // Newcombe: Wilson 0.9/100 = [0.8256, 0.9448], 0.6/100 = [0.5020, 0.6906];
    // 0.3 − √(0.0744² + 0.0906²) = 0.1828, 0.3 + √(0.0448² + 0.0980²) = 0.4077.
    expect(gap?.interval).toMatchObject({ text: '[+18.3, +40.8] pp' });
    expect(gap?.interval.title).toBeUndefined();
    const slow: Experiment = {
      ...records[0]!,
      evaluation: {
        disaggregated: [
          { group: 'F', n: 100, metrics: { 'Latency (ms)': 12 } },
          { group: 'M', n: 100, metrics: { 'Latency (ms)': 20 } },
        ],
      },
    };
    const latency = buildFairnessOverview({ base: '/lb/', records: [slow], analyses: analyzeCollection([slow]).byId });
    expect(latency.rows[0]?.gaps[0]?.interval).toMatchObject({
      text: 'unknown',
      title: expect.stringContaining('not a proportion') as unknown,
    });
    expect(without.map((w) => w.id)).toEqual(['b']);
  });
});

describe('comparePairs', () => {
  test('pairs each experiment with its parent and with baselines that are records, once', () => {
    expect(comparePairs(records)).toEqual([{ a: 'b', b: 'a', relation: 'parent' }]);
  });
});

describe('buildLeaderboardViews', () => {
  test('metric columns with their direction, ranked in it (lower-is-better ascending); each experiment linked', () => {
    const same = records.map((r) => ({ ...r, tags: { use_case: 'fraud' } }));
    const views = buildLeaderboardViews('/lb/', analyzeCollection(same).leaderboards);
    expect(views.map((v) => [v.id, v.scopeLabel, v.title, v.dataset, v.count])).toEqual([
      ['use-case-fraud-no-dataset-no-version', 'Use case', 'fraud', 'dataset not given', 2],
    ]);
    const board = views[0]!;
    expect(board.columns.map((c) => c.label)).toEqual(['Rank', 'Experiment', 'Name', 'Accuracy ↑', 'Latency (ms) ↓']);
    // Accuracy 0.95 and 0.9 → percent at 0 places; latency 9.5 and 12 → one place for both. No intervals: no ties.
    expect(board.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['1', 'b', 'B', '95%', '9.5 ms'],
      ['2', 'a', 'A', '90%', '12.0 ms'],
    ]);
    expect(board.rows[0]?.[1]?.href).toBe('/lb/experiments/b/');
    expect(board.rows[0]?.[3]).toMatchObject({ strong: true, title: 'Rank 1 of 2' });
  });

  test('shows proportions in percent and entries within noise of the leader as tied; one table per dataset version', () => {
    const boards = analyzeCollection([
      {
        id: 'p',
        tags: { use_case: 'u' },
        dataset: { name: 'd', version: '1' },
        evaluation: { testMetrics: [{ metric: 'Accuracy', value: 87, unit: '%', ci95: 0.7 }] },
      },
      {
        id: 'q',
        tags: { use_case: 'u' },
        dataset: { name: 'd', version: '1' },
        evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.866, ci95: 0.007 }] },
      },
      {
        id: 'r',
        tags: { use_case: 'u' },
        dataset: { name: 'd', version: '2' },
        evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.5 }] },
      },
    ]).leaderboards;
    const views = buildLeaderboardViews('/', boards);
    // Version 2 has one experiment: no ranking, no table.
    expect(views.map((v) => [v.id, v.dataset])).toEqual([['use-case-u-d-1', 'd, version 1']]);
    // 87% ± 0.7 vs 0.866 ± 0.007: difference 0.4 pp, interval ± √(0.7² + 0.7²) = ± 0.99 pp includes 0 → tied.
    // Written to three places as fractions (87 → 0.87 is two; 0.866 three) → one place in percent.
    expect(views[0]?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['1 (tied)', 'p', '', '87.0% [86.3%, 87.7%]'],
      ['1 (tied)', 'q', '', '86.6% [85.9%, 87.3%]'],
    ]);
  });

  test('a time written in s beside one in ms is ranked and headed in ms: 0.041 s (41 ms) is second to 38 ms', () => {
    const boards = analyzeCollection([
      { id: 'a', tags: { use_case: 'u' }, evaluation: { testMetrics: [{ metric: 'p99 latency (s)', value: 0.041 }] } },
      { id: 'b', tags: { use_case: 'u' }, evaluation: { testMetrics: [{ metric: 'p99 latency', value: 38, unit: 'ms' }] } },
    ]).leaderboards;
    const board = buildLeaderboardViews('/', boards)[0]!;
    // The ranking is named by its first record by id, `a`: `p99 latency (s)`, over values shown in ms.
    expect([board.columns[0]?.title, board.columns[3]?.label, board.columns[3]?.title]).toEqual([
      'By p99 latency (ms)',
      'p99 latency (ms) ↓',
      'p99 latency (ms): lower is better',
    ]);
    // Lower is better: 38 ms before 0.041 s = 41 ms.
    expect(board.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['1', 'b', '', '38 ms'],
      ['2', 'a', '', '41 ms'],
    ]);
  });

  test('entries tied with the leader follow it in the order of their scores, not of their ids', () => {
    const rec = (id: string, value: number, ci95: number) => ({
      id,
      tags: { use_case: 'u' },
      dataset: { name: 'd', version: '1' },
      evaluation: { testMetrics: [{ metric: 'Accuracy', value, ci95 }] },
    });
    // a 0.846 ± 0.016, b 0.861 ± 0.015: b − a = 0.015 ± √(0.015² + 0.016²) = ± 0.0219 includes 0 → tied; b leads.
    // c 0.812 ± 0.017 against b: 0.049 ± 0.0227 excludes 0 → rank 3.
    const views = buildLeaderboardViews(
      '/',
      analyzeCollection([rec('a', 0.846, 0.016), rec('b', 0.861, 0.015), rec('c', 0.812, 0.017)]).leaderboards,
    );
    expect(views[0]?.rows.map((row) => [row[0]?.text, row[1]?.text])).toEqual([
      ['1 (tied)', 'b'],
      ['1 (tied)', 'a'],
      ['3', 'c'],
    ]);
  });
});
