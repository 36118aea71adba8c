import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import type { Block } from '../../src/view/blocks.ts';
import type { DeltaView, FairnessView } from '../../src/view/analysis-types.ts';
import { bestBaselineDelta, isHeadlineDelta, buildSummaryBlocks, worstFairnessGap } from '../../src/view/summary-band.ts';

const parent: Experiment = { id: 'p', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.8, ci95: 0.01 }] } };
const child: Experiment = {
  id: 'c',
  lineage: { parent: 'p' },
  evaluation: {
    testMetrics: [{ metric: 'Accuracy', value: 0.85, ci95: 0.01 }],
    disaggregated: [
      { group: 'A', attributes: { sex: 'A' }, n: 200, metrics: { Accuracy: 0.9 } },
      { group: 'B', attributes: { sex: 'B' }, n: 200, metrics: { Accuracy: 0.6 } },
    ],
  },
  comparison: {
    baselines: [
      { label: 'This', current: true, metrics: { Accuracy: 0.85 } },
      { label: 'Old', metrics: { Accuracy: 0.82 } },
      { label: 'Strong', metrics: { Accuracy: 0.84 } },
    ],
  },
};

function band(record: Experiment, records: Experiment[], comparePages?: boolean): Block[] {
  const analysis = analyzeCollection(records);
  return buildSummaryBlocks({
    record,
    analysis: analysis.byId.get(record.id)!,
    known: (id) => records.some((r) => r.id === id),
    base: '/b/',
    comparePages,
    present: (id) => id !== 'comparison',
  });
}

describe('buildSummaryBlocks', () => {
  const blocks = band(child, [parent, child]);

  test('leads with the headline metric and its interval', () => {
    expect(blocks[0]).toEqual({
      kind: 'headline',
      label: 'Accuracy',
      value: { text: '85%', numeric: true },
      interval: { text: '95% CI 84% – 86%', numeric: true },
      note: 'headline metric, higher is better',
    });
  });

  test('a headline with no reported CI but a known count gets its Wilson score interval, and says so', () => {
    // 37 of 40 correct: Wilson 95% interval of 0.925 over n = 40 is [0.80136, 0.97416] → 80.1% – 97.4%.
    const tiny: Experiment = {
      id: 't',
      dataset: { splits: [{ name: 'Test', records: 40 }] },
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.925 }] },
    };
    expect(band(tiny, [tiny])[0]).toMatchObject({
      kind: 'headline',
      value: { text: '92.5%' },
      interval: { text: '95% CI 80.1% – 97.4% (Wilson score interval over n = 40)', numeric: true },
    });
    // Without a size there is nothing to compute: no interval.
    const unsized: Experiment = { id: 'u', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.925 }] } };
    expect(band(unsized, [unsized])[0]).not.toHaveProperty('interval');
  });

  test('a headline CI the analysis sets aside (a half-width that may be points or a fraction) is shown as not used', () => {
    const auc: Experiment = { id: 'a', evaluation: { testMetrics: [{ metric: 'AUC', value: 77.45, unit: '%', ci95: 0.04 }] } };
    expect(band(auc, [auc])[0]).toMatchObject({
      interval: { text: '95% CI 77.41% – 77.49% as written, not used: it may be percentage points or a fraction (see the report checks)' },
    });
  });

  test('gives the change against the parent and the best baseline, each with its interval and verdict', () => {
    const table = blocks[1] as Extract<Block, { kind: 'table' }>;
    expect(table.kind).toBe('table');
    const text = table.rows.map((row) => row.map((c) => c.text));
    // Parent: 0.85 − 0.80 = +0.05; relative 0.05 / 0.8 = 6.25%, which in binary floating point is
    // 6.2499…% (0.85 − 0.8 = 0.04999…), so +6.2%; interval ±√(0.01² + 0.01²) = ±0.01414 → [+0.036, +0.064].
    expect(text[0]).toEqual(['Parent: p (80%)', '+5 pp (+6.2%)', '[+3.6, +6.4] pp', 'better']);
    expect(table.rows[0]?.[0]?.href).toBe('/b/compare/c/p/');
    // The best baseline is the highest (Accuracy is higher-is-better): Strong 0.84 → +1 pp (+1.2%); the row has no CI, so the interval is the record's own ±1 pp: [0, +2] pp, which touches 0.
    expect(text[1]).toEqual(['Best baseline: Strong (84%)', '+1 pp (+1.2%)', '[0.0, +2.0] pp', 'better, within noise']);
    // The comparison section is not on this page: no link.
    expect(table.rows[1]?.[0]?.href).toBeUndefined();
  });

  test('on a site without pages per compared pair, the parent comparison opens the in-browser compare page', () => {
    const table = band(child, [parent, child], false)[1] as Extract<Block, { kind: 'table' }>;
    expect(table.rows[0]?.[0]?.href).toBe('/b/compare/?ids=c,p');
  });

  test('counts the checks and names the worst fairness gap', () => {
    const facts = blocks[2] as Extract<Block, { kind: 'fields' }>;
    expect(facts.items.map((i) => i.label)).toEqual(['Report checks', 'Worst fairness gap']);
    const gap = facts.items[1]?.value as { text: string; tone?: string; href?: string };
    // 0.9 vs 0.6 (n = 200 each): difference 30 pp ≥ 5 pp; Newcombe 95% interval [21.8, 37.7] pp excludes 0 → flagged.
    expect(gap.text).toBe(
      'sex · Accuracy: gap 30 pp, ratio 0.667 — The gap of 30 pp is at least 5 pp, and its 95% interval [21.8, 37.7] pp excludes 0.',
    );
    expect(gap.tone).toBe('bad');
    expect(gap.href).toBe('#fairness');
  });

  test('says so when there is no headline, or nothing to compare with', () => {
    expect(band({ id: 'x' }, [{ id: 'x' }])[0]).toMatchObject({
      kind: 'note',
      text: 'No test metric has a value yet: there is no headline to show.',
    });
    expect(band(parent, [parent])[1]).toMatchObject({
      kind: 'note',
      text: 'No parent or baseline reports this metric: there is no change to show.',
    });
    const facts = band(parent, [parent])[2] as Extract<Block, { kind: 'fields' }>;
    expect(facts.items[1]?.value).toEqual({ text: 'no results by group', tone: 'neutral' });
  });

  test('adds the chart last', () => {
    const analysis = analyzeCollection([parent]);
    const chart = { id: 'lineage-trend', title: 't', description: 'd', svg: '<svg/>', shape: 's', width: 1, height: 1, tableHtml: '' };
    const out = buildSummaryBlocks({
      record: parent,
      analysis: analysis.byId.get('p')!,
      known: () => true,
      base: '/',
      present: () => true,
      chart,
    });
    expect(out.at(-1)).toEqual({ kind: 'chart', chart });
  });
});

const delta = (baseline: string, reference: number, betterDirection: DeltaView['betterDirection']): DeltaView => ({
  baseline,
  metric: 'm',
  current: 1,
  reference,
  absolute: 1 - reference,
  relative: null,
  betterDirection,
  improved: null,
  ciLow: null,
  ciHigh: null,
  significant: null,
  fraction: false,
  decimals: 0,
});

describe('bestBaselineDelta', () => {
  test('the highest reference when higher is better, the lowest when lower is, the first when unknown', () => {
    expect(bestBaselineDelta([delta('a', 1, 'higher'), delta('b', 3, 'higher'), delta('c', 2, 'higher')], { metric: 'm' })?.baseline).toBe(
      'b',
    );
    expect(bestBaselineDelta([delta('a', 2, 'lower'), delta('b', 3, 'lower'), delta('c', 1, 'lower')], { metric: 'm' })?.baseline).toBe(
      'c',
    );
    expect(bestBaselineDelta([delta('a', 2, null), delta('b', 3, null)], { metric: 'm' })?.baseline).toBe('a');
    expect(bestBaselineDelta([delta('a', 2, 'higher')], { metric: 'other' })).toBeUndefined();
  });

  test('a baseline evaluated on another test set is the best only when no other is', () => {
    const deltas = [delta('prod', 2, 'higher'), delta('paper', 3, 'higher')];
    expect(bestBaselineDelta(deltas, { metric: 'm' }, new Set(['paper']))?.baseline).toBe('prod');
    expect(bestBaselineDelta([delta('paper', 3, 'higher')], { metric: 'm' }, new Set(['paper']))?.baseline).toBe('paper');
  });
});

describe('the headline metric in a baseline table under another name', () => {
  test('a baseline column `WER (%)` is the headline `WER` by its key; another metric is not', () => {
    const wer = { ...delta('parent', 8.3, 'lower'), metric: 'WER (%)', key: 'wer', current: 7.6 };
    const rtf = { ...delta('parent', 0.2, null), metric: 'RTF', key: 'rtf' };
    expect(isHeadlineDelta(wer, { metric: 'WER', unit: '%' })).toBe(true);
    expect(isHeadlineDelta(rtf, { metric: 'WER', unit: '%' })).toBe(false);
    expect(bestBaselineDelta([rtf, wer], { metric: 'WER', unit: '%' })?.metric).toBe('WER (%)');
    // Without a key (an older API document), by name.
    expect(isHeadlineDelta(delta('a', 1, 'higher'), { metric: 'm' })).toBe(true);
  });
});

describe('worstFairnessGap', () => {
  const gap = (attribute: string, ratio: number | null, flagged: boolean): FairnessView => ({
    attribute,
    metric: 'm',
    betterDirection: 'higher',
    min: null,
    max: null,
    difference: null,
    ratio,
    flagRule: null,
    flagReason: '',
    fraction: false,
    differenceToOverall: null,
    ratioToOverall: null,
    flagged,
    ciLow: null,
    ciHigh: null,
  });
  test('flagged gaps first, then the smallest ratio', () => {
    expect(worstFairnessGap([gap('a', 0.5, false), gap('b', 0.7, true), gap('c', 0.6, true)])?.attribute).toBe('c');
    expect(worstFairnessGap([gap('a', 0.9, false), gap('b', null, false), gap('c', 0.85, false)])?.attribute).toBe('c');
    expect(worstFairnessGap([])).toBeUndefined();
  });
});
