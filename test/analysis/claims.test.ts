import { describe, expect, test } from 'vitest';
import {
  changeFromValueBefore,
  checkClaims,
  matchBaselineRow,
  parseClaimText,
  readClaim,
  rowOfFromValue,
} from '../../src/analysis/claims.ts';
import { analyzeCollection } from '../../src/analysis/index.ts';
import { computeBaselineDeltas, computeParentDeltas } from '../../src/analysis/deltas.ts';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';
import type { BaselineRow } from '../../src/schema/index.ts';
import { record, templateRecord } from './fixtures.ts';

describe('parseClaimText', () => {
  test.each([
    ['+2.1% vs previous best', { value: 2.1, decimals: 1, signed: true, unit: '%', reference: 'previous best', comment: null }],
    ['+2pp vs production', { value: 2, decimals: 0, signed: true, unit: 'pp', reference: 'production', comment: null }],
    ['F1 Score: +1.6 pp over baseline', { value: 1.6, decimals: 1, signed: true, unit: 'pp', reference: 'baseline', comment: null }],
    [
      '+3ms vs previous best (acceptable)',
      { value: 3, decimals: 0, signed: true, unit: 'abs', reference: 'previous best', comment: 'acceptable' },
    ],
    ['reduced by 3 ms', { value: 3, decimals: 0, signed: false, unit: 'abs', reference: null, comment: null }],
    ['−4 ms', { value: -4, decimals: 0, signed: true, unit: 'abs', reference: null, comment: null }],
    ['3x vs previous best', { value: 3, decimals: 0, signed: false, unit: 'x', reference: 'previous best', comment: null }],
    ['+2 vs production', { value: 2, decimals: 0, signed: true, unit: 'abs', reference: 'production', comment: null }],
    [
      'Accuracy improved by 2.10 percentage points compared to the baseline',
      { value: 2.1, decimals: 2, unit: 'pp', reference: 'the baseline' },
    ],
    ['+1,200 QPS than before', { value: 1200, unit: 'abs', reference: 'before' }],
    ['much better vs previous best', { value: null, unit: null, reference: 'previous best', comment: null }],
    // A decimal comma, as much of Europe writes it; thousands keep their groups of three.
    ['+0,7 pp vs churn-xgb-v3', { value: 0.7, decimals: 1, unit: 'pp', reference: 'churn-xgb-v3' }],
    ['+1,204 ms', { value: 1204, decimals: 0, unit: 'abs' }],
    // Basis points are hundredths of a percentage point: 22 bps = 0.22 pp.
    ['+22 bps vs prod', { value: 0.22, decimals: 2, unit: 'pp', reference: 'prod' }],
    ['-15 basis points', { value: -0.15, decimals: 2, unit: 'pp' }],
    // Which way the words say the metric moved, for a number without a sign (the first such word counts).
    ['improved by 1.2 pp over previous best', { value: 1.2, signed: false, says: 'better' }],
    ['error reduced by 0.3 pp, better than prod', { value: 0.3, signed: false, says: 'down' }],
    ['Latency increased by 3 ms (worse)', { value: 3, signed: false, says: 'up' }],
    ['+1.2 pp, improved', { value: 1.2, signed: true, says: null }],
    // A currency sign between the sign and the number keeps the sign: −$1,250 is a drop of 1,250.
    ['−$1,250 (−5.1%)', { value: -1250, signed: true, unit: 'abs', comment: '−5.1%' }],
    ['+€630', { value: 630, signed: true, unit: 'abs' }],
    // Before → after: the change written after them, else after − before (8.7 − 9.9 = −1.2 pp; 7.9 − 8.4 = −0.5 ms).
    ['9.9% → 8.7%, i.e. −1.2 pp absolute (12.1% relative reduction)', { value: -1.2, unit: 'pp', comment: '12.1% relative reduction' }],
    ['80.2% → 82.9% (+2.7 pp)', { value: 2.7, unit: 'pp' }],
    ['6.41 → 5.83 (−9.0% relative)', { value: -9, unit: '%' }],
    ['9.9% → 8.7%', { value: -1.2, decimals: 1, signed: true, unit: 'pp', comment: null }],
    ['8.4 → 7.9 ms, i.e. 6% faster', { value: -0.5, unit: 'abs', comment: 'i.e. 6% faster' }],
    ['0.842 → 0.873 vs exp-12', { value: 0.031, decimals: 3, unit: 'abs', reference: 'exp-12', comment: null }],
    // This run's value vs the one compared with: the change written after them, else this − that
    // (0.81 − 0.88 = −0.07; 11.2 − 14.6 = −3.4 pp).
    ['0.81 vs 0.88 (−8%)', { value: -8, unit: '%', signed: true }],
    ['0.81 vs 0.88 (−8%) vs forecast-tft-006', { value: -8, unit: '%', reference: 'forecast-tft-006' }],
    // Decimal commas; the change in brackets after words naming the parent.
    ['14,9 % vs 19,3 % in parent (−4,4 pp)', { value: -4.4, decimals: 1, unit: 'pp', reference: 'parent' }],
    ['14,9 % vs 19,3 % in parent', { value: -4.4, decimals: 1, unit: 'pp', reference: 'parent' }],
    ['0.81 vs 0.88', { value: -0.07, decimals: 2, signed: true, unit: 'abs', reference: null }],
    ['11.2% versus 14.6%', { value: -3.4, decimals: 1, unit: 'pp' }],
    // A change first, then `vs` and words: the words name the reference, no pair.
    ['+2.1% vs 80.1% before', { value: 2.1, unit: '%' }],
    // A change written first is the claim; the values after it are its comment.
    ['−0.7 pts vs parent (8.3% → 7.6%)', { value: -0.7, unit: 'pp', reference: 'parent', comment: '8.3% → 7.6%' }],
  ])('"%s" → %o', (text, expected) => expect(parseClaimText(text)).toMatchObject(expected));
});

describe('readClaim', () => {
  test.each([
    [{ metric: 'Accuracy', text: '+2.1% vs previous best' }, undefined, { value: 2.1, decimals: 1, signed: true, unit: '%' }],
    [
      { metric: 'F1', text: '+2.0% vs previous best', value: 2, unit: '%' as const },
      undefined,
      { value: 2, decimals: 1, signed: true, unit: '%' },
    ],
    [{ metric: 'Latency', text: 'about two', value: 2.25 }, undefined, { value: 2.25, decimals: 2, signed: false, unit: 'abs' }],
    // A JSON claim value written as 2.10 keeps the two places it was written with (writtenDecimals).
    [{ metric: 'Accuracy', text: 'better', value: 2.1, unit: 'pp' as const }, 2, { value: 2.1, decimals: 2, unit: 'pp' }],
    [{ metric: 'Speed', text: '2x faster' }, undefined, { value: 2, unit: 'x' }],
  ])('%o (written with %s places) → %o', (claim, decimals, expected) => expect(readClaim(claim, decimals)).toMatchObject(expected));

  test('a claim without a number cannot be read', () => {
    expect(readClaim({ metric: 'Accuracy', text: 'much better' })).toBeNull();
  });
});

describe('matchBaselineRow', () => {
  const rows: BaselineRow[] = templateRecord().comparison?.baselines ?? [];
  test.each([
    ['previous best', 'Previous Best (exp-042)'],
    ['Previous Best', 'Previous Best (exp-042)'],
    ['exp-042', 'Previous Best (exp-042)'],
    ['the simple baseline', 'Simple Baseline'],
    ['business rules', 'Business Rules'],
    ['production model', undefined],
    ['current experiment', undefined],
  ])('"%s" → %s', (reference, label) => expect(matchBaselineRow(reference, rows)?.label).toBe(label));
});

describe('checkClaims', () => {
  const base = templateRecord();
  const { deltas } = computeBaselineDeltas(base);

  test('the template claims are accepted: accuracy and F1 as relative, latency as absolute', () => {
    const { claims, checks } = checkClaims(base, deltas);
    expect(checks).toEqual([]);
    expect(claims.map((c) => [c.metric, c.status, c.claimKind, c.baseline])).toEqual([
      ['Accuracy', 'accepted', 'relative', 'Previous Best (exp-042)'],
      ['F1 Score', 'accepted', 'relative', 'Previous Best (exp-042)'],
      ['Latency', 'accepted', 'absolute', 'Previous Best (exp-042)'],
    ]);
    expect(claims[0]?.computedRelative).toBeCloseTo(0.0211516, 6);
    expect(claims[0]).toMatchObject({ computedFraction: true, computedDecimals: 3 });
    expect(claims[1]?.computedRelative).toBeCloseTo(0.0195599, 6);
    expect(claims[2]).toMatchObject({ computedAbsolute: 3, computedFraction: false, computedDecimals: 0 });
  });

  test.each([
    ['Accuracy', '+2.1% vs previous best', 'accepted', 'relative'],
    ['Accuracy', '+1.8% vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '+1.8pp vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '+0.018 vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '+1.8 vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '2.1% vs previous best', 'accepted', 'relative'],
    ['Accuracy', '+2.5% vs previous best', 'mismatch', null],
    ['Accuracy', '-2.1% vs previous best', 'mismatch', null],
    ['Accuracy', '+2.1pp vs previous best', 'mismatch', null],
    ['Latency (ms)', '+3ms vs previous best', 'accepted', 'absolute'],
    ['Latency (ms)', '-3ms vs previous best', 'mismatch', null],
    ['Latency (ms)', '+7.1% vs previous best', 'accepted', 'relative'],
    ['Latency (ms)', '+3% vs previous best', 'mismatch', null],
    // Another unit of time: 0.003 s is 3 ms (good to ±0.0005 s = ±0.5 ms); 0.03 s is 30 ms; 3000 µs is 3 ms.
    ['Latency (ms)', '+0.003 s vs previous best', 'accepted', 'absolute'],
    ['Latency (ms)', '+0.03s vs previous best', 'mismatch', null],
    ['Latency (ms)', '+3000 µs vs previous best', 'accepted', 'absolute'],
    ['Accuracy', '+11.9 points vs simple baseline', 'accepted', 'absolute'],
    // An unsigned number takes its sign from the words: accuracy rose 1.8 pp (85.1% → 86.9%), latency rose 3 ms (42 → 45).
    ['Accuracy', 'improved by 1.8 pp over previous best', 'accepted', 'absolute'],
    ['Accuracy', 'dropped by 1.8 pp vs previous best', 'mismatch', null],
    ['Accuracy', 'worse by 1.8 pp vs previous best', 'mismatch', null],
    ['Latency (ms)', 'increased by 3 ms vs previous best', 'accepted', 'absolute'],
    // Latency is lower-is-better: 3 ms more is no improvement.
    ['Latency (ms)', 'improved by 3 ms vs previous best', 'mismatch', null],
    ['Latency (ms)', 'worse by 3 ms vs previous best', 'accepted', 'absolute'],
    // No sign and no word for the way: the size alone is checked.
    ['Latency (ms)', '3 ms vs previous best', 'accepted', 'absolute'],
  ])('%s "%s" → %s (%s)', (metric, text, status, kind) => {
    const r = templateRecord({ comparison: { ...base.comparison, claims: [{ metric, text }] } });
    const { claims } = checkClaims(r, deltas);
    expect(claims[0]).toMatchObject({ status, claimKind: kind });
  });

  test('a mismatch is a warning naming both numbers, proportions in percent', () => {
    const r = templateRecord({ comparison: { ...base.comparison, claims: [{ metric: 'Accuracy', text: '+2.5% vs previous best' }] } });
    expect(checkClaims(r, deltas).checks).toEqual([
      {
        level: 'warning',
        code: 'claim-mismatch',
        message:
          'Claim "+2.5% vs previous best" does not match the numbers: Accuracy went from 85.1% (Previous Best (exp-042)) to 86.9%, a change of +1.8 pp (+2.115% relative).',
        path: 'comparison.claims.0',
        hint: 'A "%" claim is accepted as a relative change or as percentage points; give the change as the table implies it.',
      },
    ]);
  });

  test('the hint of a mismatch fits how the claim is written: points, or a change in the metric’s unit', () => {
    const hintOf = (text: string) =>
      checkClaims(templateRecord({ comparison: { ...base.comparison, claims: [{ metric: 'Accuracy', text }] } }), deltas).checks[0]?.hint;
    expect(hintOf('+2.5 pp vs previous best')).toBe(
      'A claim in points is the difference of the two percentages; give the change the table implies, or correct the values it compares.',
    );
    expect(hintOf('+0.025 vs previous best')).toBe(
      "Give the change the table implies (this run's value minus the other's), or correct the values it compares.",
    );
  });

  test.each([
    // NDCG@10 0.398 → 0.412: +0.014, reported ×100 as retrieval papers do (+1.4 points), or +3.5% relative.
    ['+1.4 pts vs BM25', 'accepted', 'absolute'],
    ['+1.4 pp vs BM25', 'accepted', 'absolute'],
    ['+0.014 vs BM25', 'accepted', 'absolute'],
    ['+3.5% vs BM25', 'accepted', 'relative'],
    ['+1.4% vs BM25', 'mismatch', null],
    ['+2.4 pts vs BM25', 'mismatch', null],
  ])('a score between 0 and 1 changes in points ×100: NDCG@10 "%s" → %s (%s)', (text, status, kind) => {
    const r = record({
      id: 'rank',
      comparison: {
        baselines: [
          { label: 'This run', current: true, metrics: { 'NDCG@10': 0.412 } },
          { label: 'BM25', metrics: { 'NDCG@10': 0.398 } },
        ],
        claims: [{ metric: 'NDCG@10', text }],
      },
    });
    expect(checkClaims(r, computeBaselineDeltas(r).deltas).claims[0]).toMatchObject({ status, claimKind: kind });
  });

  test('a mismatch against a zero reference names only the absolute change', () => {
    const r = record({
      id: 'z',
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Errors: 2 } },
          { label: 'Old', metrics: { Errors: 0 } },
        ],
        claims: [{ metric: 'Errors', text: '+5' }],
      },
    });
    const { checks } = checkClaims(r, computeBaselineDeltas(r).deltas);
    expect(checks[0]?.message).toBe('Claim "+5" does not match the numbers: Errors went from 0 (Old) to 2, a change of +2.');
  });

  test.each([
    [
      { metric: 'Accuracy', text: 'much better vs previous best' },
      'Claim "much better vs previous best" states no change that can be checked.',
    ],
    [{ metric: 'Speed', text: '2x faster vs previous best' }, 'Claim "2x faster vs previous best" is a ratio; ratios are not checked.'],
    [
      { metric: 'Accuracy', text: '+2.1% vs production', reference: 'production' },
      'Claim "+2.1% vs production" refers to "production", which matches no row of the baseline table.',
    ],
    [
      { metric: 'Accuracy', text: '+2.1%' },
      'Claim "+2.1%" does not say what it is compared to, and there is no single baseline to check it against.',
    ],
    [
      { metric: 'AUC', text: '+1% vs previous best' },
      'Claim "+1% vs previous best" cannot be checked: the baseline table has no AUC value for both Previous Best (exp-042) and the current experiment.',
    ],
  ])('%o is unresolved: %s', (claim, text) => {
    const r = templateRecord({ comparison: { ...base.comparison, claims: [claim] } });
    const { claims, checks } = checkClaims(r, deltas);
    expect(claims[0]?.status).toBe('unresolved');
    expect(checks).toEqual([{ level: 'info', code: 'claim-unresolved', message: text, path: 'comparison.claims.0' }]);
  });

  test('a claim about values that could not be compared says why', () => {
    const r = record({
      id: 'u',
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { 'Cost ($)': 45 } },
          { label: 'Old', metrics: { 'Cost (€)': 42 } },
        ],
        claims: [{ metric: 'Cost', text: '+3 $ vs old' }],
      },
    });
    const { deltas: none, notCompared } = computeBaselineDeltas(r);
    expect(checkClaims(r, none, [], notCompared).checks[0]?.message).toBe(
      'Claim "+3 $ vs old" cannot be checked: the values are not comparable (the values are in different units ($ and €)).',
    );
  });

  test('a claim in milliseconds about durations in ms and s: 45 ms − 0.042 s = +3 ms', () => {
    const r = record({
      id: 'u',
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { 'Latency (ms)': 45 } },
          { label: 'Old', metrics: { 'Latency (s)': 0.042 } },
        ],
        claims: [
          { metric: 'Latency', text: '+3 ms vs old' },
          { metric: 'Latency', text: '+5 ms vs old' },
        ],
      },
    });
    const { deltas } = computeBaselineDeltas(r);
    expect(checkClaims(r, deltas, [], []).claims.map((c) => c.status)).toEqual(['accepted', 'mismatch']);
  });

  test('a claim without reference is checked against the only baseline row', () => {
    const r = record({
      id: 'one',
      comparison: {
        baselines: [
          { label: 'Now', current: true, metrics: { Accuracy: 0.9 } },
          { label: 'Old', metrics: { Accuracy: 0.8 } },
        ],
        claims: [{ metric: 'Accuracy', text: '+10 pp' }],
      },
    });
    expect(checkClaims(r, computeBaselineDeltas(r).deltas).claims[0]).toMatchObject({
      baseline: 'Old',
      status: 'accepted',
      claimKind: 'absolute',
    });
  });

  test('a claim "vs parent" is checked against the parent deltas', () => {
    const parent = record({ id: 'p', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.8 }] } });
    const child = record({
      id: 'c',
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.9 }] },
      comparison: { claims: [{ metric: 'Accuracy', text: '+12.5% vs parent' }] },
    });
    const result = checkClaims(child, [], computeParentDeltas(child, parent).deltas);
    expect(result.claims[0]).toMatchObject({ baseline: 'p', status: 'accepted', claimKind: 'relative' });
  });

  test('a record without claims has none', () => {
    expect(checkClaims(record({ id: 'x' }), [])).toEqual({ claims: [], checks: [] });
  });
});

describe('one claim parser for all three input forms', () => {
  const rows = [
    { label: 'Current Experiment', current: true, metrics: { Accuracy: 0.869 } },
    { label: 'Previous Best (exp-042)', metrics: { Accuracy: 0.851 } },
  ];
  const json = (text: string): string =>
    JSON.stringify({ id: 'j', comparison: { baselines: rows, claims: [{ metric: 'Accuracy', text }] } });
  const frontmatter = (text: string): string =>
    [
      '---',
      'id: f',
      'comparison:',
      '  baselines:',
      '    - { label: Current Experiment, current: true, metrics: { Accuracy: 0.869 } }',
      '    - { label: Previous Best (exp-042), metrics: { Accuracy: 0.851 } }',
      '  claims:',
      `    - { metric: Accuracy, text: "${text}" }`,
      '---',
      '',
    ].join('\n');
  const template = (text: string): string =>
    [
      '# ML Experiment Tracking Log',
      '',
      '**Experiment ID**: t',
      '',
      '## Comparison to Baseline',
      '',
      '**Baseline Models**:',
      '| Model | Accuracy | Notes |',
      '|-------|----------|-------|',
      '| **Current Experiment** | **0.869** | - |',
      '| Previous Best (exp-042) | 0.851 | Production model |',
      '',
      '**Improvement vs Baseline**:',
      `- Accuracy: ${text}`,
      '',
    ].join('\n');
  const statusOf = (text: string, file: string): string[] => {
    const parsed = parseSource(text, { file });
    const { record: r } = validateRecord(parsed, { file });
    if (r === undefined) throw new Error(`${file} does not validate`);
    const analysis = analyzeCollection([r]).byId.get(r.id);
    return (analysis?.claims ?? []).map((c) => `${c.status} ${c.claimedUnit ?? ''} ${c.claimKind ?? ''}`);
  };

  test.each([
    ['3x vs previous best', 'unresolved x '],
    ['+2.1% vs previous best', 'accepted % relative'],
    ['+1.8pp vs previous best', 'accepted pp absolute'],
    ['+1.8 vs previous best', 'accepted abs absolute'],
    ['+5% vs previous best', 'mismatch % '],
  ])('"%s" means the same as JSON, frontmatter and template: %s', (text, expected) => {
    expect(statusOf(json(text), 'a.json')).toEqual([expected]);
    expect(statusOf(frontmatter(text), 'a.md')).toEqual([expected]);
    expect(statusOf(template(text), 'b.md')).toEqual([expected]);
  });
});

describe('a claim naming a metric the results report on a split', () => {
  // Eval PPL 6.41 → 5.83: (5.83 − 6.41) / 6.41 = −9.05% relative, −0.58 absolute.
  const r = record({
    id: 'llm-4',
    evaluation: { testMetrics: [{ metric: 'Eval PPL', value: 5.83 }] },
    comparison: {
      baselines: [{ label: 'llm-3', metrics: { 'Eval PPL': 6.41 } }],
      claims: [
        { metric: 'Perplexity', text: '−9.0% relative' },
        { metric: 'PPL', text: '−0.58' },
      ],
    },
  });

  test('is checked against that split’s change when the metric is on one split only', () => {
    const { claims } = checkClaims(r, computeBaselineDeltas(r).deltas);
    expect(claims.map((c) => [c.metric, c.status, c.claimKind])).toEqual([
      ['Perplexity', 'accepted', 'relative'],
      ['PPL', 'accepted', 'absolute'],
    ]);
    expect(claims[0]?.computedRelative).toBeCloseTo(-0.0904836, 6);
  });

  test('a claim naming a metric without its qualifier: `Latency p99` for `Serving latency p99` (31 − 24 = +7 ms)', () => {
    const served = record({
      id: 'rec-3',
      evaluation: { testMetrics: [{ metric: 'Serving latency p99', value: 31, unit: 'ms' }] },
      comparison: {
        baselines: [{ label: 'v2', metrics: { 'Serving latency p99 (ms)': 24 } }],
        claims: [{ metric: 'Latency p99', text: '+7 ms vs v2' }],
      },
    });
    expect(checkClaims(served, computeBaselineDeltas(served).deltas).claims.map((c) => [c.status, c.claimKind])).toEqual([
      ['accepted', 'absolute'],
    ]);
  });

  test('a claim naming a metric without the aside after it: `Latency / image` for `Latency / image (A100, 8 steps)` (0.34 − 2.28 = −1.94 s)', () => {
    const timed = record({
      id: 'rec-4',
      evaluation: { testMetrics: [{ metric: 'Latency / image (A100, 8 steps)', value: 0.34, unit: 's' }] },
      comparison: {
        baselines: [{ label: 'teacher', metrics: { 'Latency / image (A100, 8 steps) (s)': 2.28 } }],
        claims: [{ metric: 'Latency / image', text: '−1.94 s vs teacher' }],
      },
    });
    const [claim] = checkClaims(timed, computeBaselineDeltas(timed).deltas).claims;
    expect([claim?.status, claim?.claimKind]).toEqual(['accepted', 'absolute']);
    expect(claim?.computedAbsolute).toBeCloseTo(-1.94, 10);
  });

  test('a claim naming a split is checked on that split only', () => {
    const named = record({ ...r, comparison: { ...r.comparison, claims: [{ metric: 'Test perplexity', text: '−9.0%' }] } });
    expect(checkClaims(named, computeBaselineDeltas(named).deltas).claims[0]?.status).toBe('unresolved');
  });
});

describe('a claim against the parent when the parent is a row of the baseline table', () => {
  // WER 9.8% → 8.7%: −1.1 pp, (8.7 − 9.8) / 9.8 = −11.2% relative.
  const r = record({
    id: 'asr-33',
    lineage: { parent: 'asr-29' },
    evaluation: { testMetrics: [{ metric: 'WER', value: 8.7, unit: '%' }] },
    comparison: {
      baselines: [
        { label: 'Whisper small', metrics: { 'WER (%)': 12.4 } },
        { label: 'Conformer-M (asr-29)', experimentId: 'asr-29', metrics: { 'WER (%)': 9.8 } },
      ],
      claims: [{ metric: 'WER', text: '−1.1 pp vs parent (11.2% relative)' }],
    },
  });

  test('is checked against that row when there is no parent record', () => {
    const { claims } = checkClaims(r, computeBaselineDeltas(r).deltas);
    expect(claims.map((c) => [c.baseline, c.status, c.claimKind])).toEqual([['Conformer-M (asr-29)', 'accepted', 'absolute']]);
  });

  test('a row whose note says it is the parent, when no row carries the parent’s id', () => {
    const noted = record({
      ...r,
      lineage: {},
      comparison: {
        ...r.comparison,
        baselines: [
          { label: 'Whisper small', metrics: { 'WER (%)': 12.4 } },
          { label: 'Conformer-M', metrics: { 'WER (%)': 9.8 }, notes: 'parent' },
        ],
      },
    });
    const { claims } = checkClaims(noted, computeBaselineDeltas(noted).deltas);
    expect(claims.map((c) => [c.baseline, c.status])).toEqual([['Conformer-M', 'accepted']]);
  });

  test('a row labelled with the parent’s id (a JSON map keyed by it), without the id linked', () => {
    const keyed = record({
      ...r,
      comparison: {
        ...r.comparison,
        baselines: [
          { label: 'Whisper small', metrics: { 'WER (%)': 12.4 } },
          { label: 'asr-29 (last week)', metrics: { 'WER (%)': 9.8 } },
        ],
      },
    });
    const { claims } = checkClaims(keyed, computeBaselineDeltas(keyed).deltas);
    expect(claims.map((c) => [c.baseline, c.status, c.claimKind])).toEqual([['asr-29 (last week)', 'accepted', 'absolute']]);
  });
});

describe('claims written as before → after', () => {
  const rows: BaselineRow[] = [
    { label: 'conformer-m', metrics: { 'WER (%)': 12.9 } },
    { label: 'Whisper-small', metrics: { 'WER (%)': 17.3 } },
  ];
  const asr = (claims: { metric: string; text: string }[], testMetrics = [{ metric: 'WER', value: 11.6, unit: '%' }]) =>
    record({ id: 'asr', evaluation: { testMetrics }, comparison: { baselines: rows, claims } });
  const check = (r: ReturnType<typeof asr>) => {
    const { deltas } = computeBaselineDeltas(r);
    return checkClaims(r, deltas).claims.map((c) => [c.baseline, c.status, c.claimKind]);
  };

  test('the row that holds the value before is the baseline: 11.6 − 12.9 = −1.3 pp, −1.3 / 12.9 = −10.1%', () => {
    const r = asr([
      { metric: 'WER', text: '12.9% → 11.6% (−1.3 pp, −10.1% relative)' },
      { metric: 'WER', text: '17.3% → 11.6% (−32.9% relative)' },
      { metric: 'WER', text: '12.9% → 11.6% (−2.0 pp)' },
    ]);
    expect(rowOfFromValue(r, { metric: 'WER', text: '12.9% → 11.6%' }, rows)?.label).toBe('conformer-m');
    expect(rowOfFromValue(r, { metric: 'WER', text: 'down by 1.3 pp' }, rows)).toBeUndefined();
    // (11.6 − 17.3) / 17.3 = −32.95%.
    expect(check(r)).toEqual([
      ['conformer-m', 'accepted', 'absolute'],
      ['Whisper-small', 'accepted', 'relative'],
      ['conformer-m', 'mismatch', null],
    ]);
  });

  test('a value before that no row holds: checked against its own numbers — (0.164 − 0.24) / 0.24 = −31.7%', () => {
    const fraud = record({
      id: 'fraud',
      evaluation: { testMetrics: [{ metric: 'FPR', value: 0.164, unit: '%' }] },
      comparison: {
        claims: [
          { metric: 'FPR', text: '0.24% → 0.164% (−32% relative)' },
          { metric: 'FPR', text: '0.24% → 0.164% (−40% relative)' },
        ],
      },
    });
    expect(check(fraud)).toEqual([
      ['the value before (0.24%)', 'accepted', 'relative'],
      ['the value before (0.24%)', 'mismatch', null],
    ]);
    // With no test metric of its own, to the value after: 0.794 − 0.781 = +1.3 points.
    const auc = record({ id: 'auc', comparison: { claims: [{ metric: 'AUROC', text: '0.781 → 0.794 (+1.3 pt)' }] } });
    expect(check(auc)).toEqual([['the value before (0.781)', 'accepted', 'absolute']]);
    expect(changeFromValueBefore(auc, { metric: 'AUROC', text: '0.781 → lower' })).toBeUndefined();
    expect(changeFromValueBefore(auc, { metric: 'AUROC', text: '+1.3 pt' })).toBeUndefined();
    // Values on no common scale: no change to check against.
    expect(changeFromValueBefore(auc, { metric: 'Latency', text: '40% → 12 (−28)' })).toBeUndefined();
  });
});
