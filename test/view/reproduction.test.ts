/**
 * Issue #13, reproduced as a new user wrote it (test/fixtures/numbers-repro/): churn-xgb-002 is a
 * filled-in template with `| Accuracy | 87% | ±0.7% |`, a baseline table in fractions (`0.87`, `0.85`,
 * `0.856`), n = 10,000 from its confusion matrix (TN 7399, FP 601, FN 699, TP 1301), and claims in
 * percentage points; churn-xgb-001 is its parent (`85.6%` ± 0.7%); churn-xgb-003 writes its accuracy
 * in an `Accuracy (%)` column (86.2 ± 0.7) against a baseline row of `0.851`.
 *
 * Before the fix the page said "+0.02 pp [−0.236, +0.276], better, within noise" against the
 * baseline, "+0.014 pp, within noise" against the parent's row, flagged "+2pp vs production", warned
 * "0.87 in the baseline table but 87 in the test metrics", the PR summary printed "0.87%", and
 * churn-xgb-003 got "+85.349 pp, +10029%".
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeCollection, type CollectionAnalysis, type ExperimentAnalysis } from '../../src/analysis/index.ts';
import { loadRecords, type LoadedRecord } from '../../src/content/load.ts';
import type { Diagnostic } from '../../src/ingest/types.ts';
import { buildSummary } from '../../src/summary/build.ts';
import { renderMarkdown } from '../../src/summary/markdown.ts';
import { buildExperimentPageData } from '../../src/view/experiment.ts';
import { buildIndexPageData } from '../../src/view/index-page.ts';

const DIR = 'test/fixtures/numbers-repro';
let records: LoadedRecord[] = [];
let diagnostics: Diagnostic[] = [];
let analysis: CollectionAnalysis;
let child: ExperimentAnalysis;

beforeAll(async () => {
  ({ records, diagnostics } = await loadRecords(DIR));
  analysis = analyzeCollection(records.map((r) => r.record));
  const found = analysis.byId.get('churn-xgb-002');
  if (found === undefined) throw new Error('churn-xgb-002 did not load');
  child = found;
});

/** The rows of a table of the experiment page, as text. */
function tableRows(id: string, tableId: string): string[] {
  const record = records.find((r) => r.record.id === id)?.record;
  const own = analysis.byId.get(id);
  if (record === undefined || own === undefined) throw new Error(`no ${id}`);
  const page = buildExperimentPageData(record, {
    base: '/',
    analysis: own,
    records: new Map(records.map((r) => [r.record.id, r.record])),
    analyses: analysis.byId,
    charts: new Map(),
  });
  const table = page.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.id === tableId);
  if (table?.kind !== 'table') throw new Error(`no table ${tableId}`);
  return table.rows.map((row) => row.map((cell) => cell.text).join(' | '));
}

describe('the reproduction of issue #13', () => {
  test('loads without diagnostics, the confusion matrix included (n = 10,000)', () => {
    expect(diagnostics).toEqual([]);
    expect(records.find((r) => r.record.id === 'churn-xgb-002')?.record.evaluation?.confusionMatrix?.matrix).toEqual([
      [7399, 601],
      [699, 1301],
    ]);
  });

  test('87% against the baseline row 0.85 is +2 pp with a tight interval: better', () => {
    const d = child.baselineDeltas.find((x) => x.baseline === 'Production' && x.key === 'accuracy');
    expect(d).toMatchObject({ current: 0.87, reference: 0.85, fraction: true, method: 'ci-and-score', improved: true, significant: true });
    expect(d?.absolute).toBeCloseTo(0.02, 12);
    // The record's ±0.7 pp with the Wilson interval of 0.85 over n = 10000 (statsmodels: [0.842867, 0.856864]):
    // 0.02 − √(0.007² + 0.006864²) = 0.010196, 0.02 + √(0.007² + 0.007133²) = 0.029994.
    expect(d?.ciLow).toBeCloseTo(0.010196186870424534, 10);
    expect(d?.ciHigh).toBeCloseTo(0.029993852383828252, 10);
  });

  test('the parent and the parent as a baseline row give the same +1.4 pp, better', () => {
    const parent = child.parentDeltas.find((x) => x.key === 'accuracy');
    const row = child.baselineDeltas.find((x) => x.baseline === 'Parent (churn-xgb-001)' && x.key === 'accuracy');
    // 0.87 − 0.856 = 0.014 ± √(0.007² + 0.007²) = ±0.0098995 → [0.0041005, 0.0238995]
    for (const d of [parent, row]) {
      expect(d?.absolute).toBeCloseTo(0.014, 12);
      expect(d?.ciLow).toBeCloseTo(0.0041005, 6);
      expect(d).toMatchObject({ method: 'ci', significant: true, improved: true });
    }
  });

  test('the claims in points match; no false "0.87 vs 87" warning; no check at all', () => {
    expect(child.claims.map((c) => [c.text, c.status, c.claimKind])).toEqual([
      ['+2pp vs production', 'accepted', 'absolute'],
      ['+2.4 pp vs production', 'accepted', 'absolute'],
      ['+1.4 pp vs parent', 'accepted', 'absolute'],
    ]);
    expect(child.checks).toEqual([]);
  });

  test('the page shows +2 pp, 87% and 85%, and the interval in points', () => {
    expect(tableRows('churn-xgb-002', 'baseline-deltas')).toEqual([
      'Production | Accuracy | 87% | 85% | +2 pp | +2.4% | [+1.0, +3.0] pp | better',
      'Production | Precision | 68.4% | 66.0% | +2.4 pp | +3.6% | [+0.30, +4.50] pp | better',
      'Parent (churn-xgb-001) | Accuracy | 87.0% | 85.6% | +1.4 pp | +1.6% | [+0.41, +2.39] pp | better',
      'Parent (churn-xgb-001) | Precision | 68.4% | 67.1% | +1.3 pp | +1.9% | [−1.74, +4.34] pp | better, within noise',
    ]);
    expect(tableRows('churn-xgb-002', 'parent-deltas')[0]).toBe(
      'churn-xgb-001 | Accuracy | 87.0% | 85.6% | +1.4 pp | +1.6% | [+0.41, +2.39] pp | better',
    );
  });

  test('"Accuracy (%)" = 86.2 against a baseline "Accuracy" = 0.851 is +1.1 pp, not "+85.349 pp, +10029%"', () => {
    const d = analysis.byId.get('churn-xgb-003')?.baselineDeltas[0];
    expect(d?.absolute).toBeCloseTo(0.011, 12);
    expect(d?.relative).toBeCloseTo(0.011 / 0.851, 12);
    // The row has no size: the interval is the record's own ±0.7 pp.
    expect(tableRows('churn-xgb-003', 'baseline-deltas')).toEqual([
      'Previous model | Accuracy (%) | 86.2% | 85.1% | +1.1 pp | +1.3% | [+0.40, +1.80] pp | better',
    ]);
  });

  test('the index shows every accuracy and precision on one scale, like the page', () => {
    const index = buildIndexPageData({ base: '/', records: records.map((r) => r.record), analyses: analysis.byId });
    expect(index.metricColumns.map((c) => c.label)).toEqual(['Accuracy', 'Precision', 'Recall']);
    expect(index.rows.map((r) => [r.id, ...r.metrics.map((m) => m.cell.text)])).toEqual([
      ['churn-xgb-003', '86.2%', '—', '—'],
      ['churn-xgb-002', '87.0%', '68.4%', '65.1%'],
      ['churn-xgb-001', '85.6%', '67.1%', '—'],
    ]);
  });

  test('the PR summary prints 87.0%, not "0.87%", and +2 pp', () => {
    const file = records.find((r) => r.record.id === 'churn-xgb-002')?.file ?? '';
    const md = renderMarkdown(
      buildSummary({
        base: 'main',
        mergeBase: '0123456789abcdef',
        site: '',
        changes: [{ kind: 'added', file, repoPath: file }],
        removed: [],
        records,
        diagnostics,
      }),
    );
    expect(md).toContain('**Test metrics** (95% CI): Accuracy 87.0% ± 0.7 pp · Precision 68.4% ± 2.1 pp · Recall 65.1% ± 2.1 pp\n');
    expect(md).toContain('| Production | Accuracy | 87% | 85% | +2 pp (+2.4%) | [+1.0, +3.0] pp | ✅ better |');
    expect(md).not.toContain('0.87%');
  });

  test('the leaderboard ranks on one scale and within noise: 87% and 86.2% tied, 85.6% third', () => {
    const accuracy = analysis.leaderboards[0]?.metrics.find((m) => m.key === 'accuracy');
    // 0.87 − 0.862 = 0.008 ± 0.0099 includes 0 (tied); 0.87 − 0.856 = 0.014 ± 0.0099 excludes 0.
    expect(accuracy?.entries.map((e) => [e.experimentId, e.score, e.rank, e.tied])).toEqual([
      ['churn-xgb-002', 0.87, 1, true],
      ['churn-xgb-003', 0.862, 1, true],
      ['churn-xgb-001', 0.856, 3, false],
    ]);
  });
});
