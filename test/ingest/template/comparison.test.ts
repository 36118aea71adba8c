import { describe, expect, test } from 'vitest';
import { parseClaim } from '../../../src/ingest/template/index.ts';
import { idInLabel, proseClaim } from '../../../src/ingest/template/comparison.ts';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';
import { computeBaselineDeltas } from '../../../src/analysis/deltas.ts';
import { analyzeCollection } from '../../../src/analysis/index.ts';
import type { Experiment } from '../../../src/schema/index.ts';

describe('parseClaim', () => {
  test.each([
    ['+2.1% vs previous best', { value: 2.1, unit: '%', reference: 'previous best' }],
    ['+3ms vs previous best (acceptable)', { value: 3, unit: 'abs', reference: 'previous best', comment: 'acceptable' }],
    ['-1.2 pp', { value: -1.2, unit: 'pp' }],
    ['−0.5 points vs baseline', { value: -0.5, unit: 'pp', reference: 'baseline' }],
    ['+0.018 over production', { value: 0.018, unit: 'abs', reference: 'production' }],
    ['3x vs previous best', { value: 3, unit: 'x', reference: 'previous best' }],
    ['improved by 2pp vs production', { value: 2, unit: 'pp', reference: 'production' }],
  ])('%s', (text, expected) => {
    expect(parseClaim('Accuracy', text)).toEqual({ metric: 'Accuracy', text, ...expected });
  });

  test('keeps a claim without a number as text (and the reference it names)', () => {
    expect(parseClaim('F1', 'much better')).toEqual({ metric: 'F1', text: 'much better' });
    expect(parseClaim('F1', 'much better than production')).toEqual({
      metric: 'F1',
      text: 'much better than production',
      reference: 'production',
    });
  });
});

describe('a list of signed changes under the comparison heading', () => {
  const read = (...items: string[]) =>
    (
      parseSource(['**Experiment ID**: c-1', '', '## vs baseline', '', ...items].join('\n'), { file: 'c-1.md' }).data as Record<
        string,
        unknown
      >
    )['comparison'];

  test('`- F1: +0.012`, `- Accuracy: +2.1 pp vs exp-101`: the improvement claims, each with its reference', () => {
    expect(read('- Accuracy: +2.1 pp vs exp-101', '- F1: +0.012', '- Latency: −3 ms')).toEqual({
      claims: [
        { metric: 'Accuracy', text: '+2.1 pp vs exp-101', value: 2.1, unit: 'pp', reference: 'exp-101' },
        { metric: 'F1', text: '+0.012', value: 0.012, unit: 'abs' },
        { metric: 'Latency', text: '−3 ms', value: -3, unit: 'abs' },
      ],
    });
  });

  test('an item without a sign is no claim: the list stays as written', () => {
    expect(read('- Accuracy: +2.1 pp', '- Notes: better on long inputs')).toBeUndefined();
  });

  test('`- PR-AUC: TBD` is a claim not written yet, not a claim of "TBD"', () => {
    const text = [
      '**Experiment ID**: c-1',
      '',
      '## Comparison',
      '',
      '**Improvement vs Baseline**:',
      '- Accuracy: +2.1 pp',
      '- PR-AUC: TBD',
      '- F1: N/A',
    ].join('\n');
    const parsed = parseSource(text, { file: 'c-1.md' }).data as { comparison: unknown; placeholders: string[] };
    expect(parsed.comparison).toEqual({ claims: [{ metric: 'Accuracy', text: '+2.1 pp', value: 2.1, unit: 'pp' }] });
    expect(parsed.placeholders).toEqual(['comparison.claims.1']);
  });
});

describe('claims written as sentences', () => {
  test.each([
    ['+7.4 pp NDCG@10 over BM25', { metric: 'NDCG@10', change: '+7.4 pp', reference: 'BM25' }],
    ['P@5 improves by 23% relative to BM25', { metric: 'P@5', change: '+23%', reference: 'BM25' }],
    // "Improves" is down for a lower-is-better metric; "reduces", "dropped", "went down" always down.
    ['WER improved by 0.8 pp vs whisper-small', { metric: 'WER', change: '−0.8 pp', reference: 'whisper-small' }],
    ['Reduces FPR by 15% vs production', { metric: 'FPR', change: '−15%', reference: 'production' }],
    ['FPR dropped by 1.2 pp vs v2', { metric: 'FPR', change: '−1.2 pp', reference: 'v2' }],
    ['Latency went up by 3 ms compared to the previous best.', { metric: 'Latency', change: '+3 ms', reference: 'previous best' }],
    ['**Accuracy increased by 2.1 points**', { metric: 'Accuracy', change: '+2.1 points' }],
    // The metric, then its signed change.
    ['sMAPE −3.4 pp vs seasonal naive', { metric: 'sMAPE', change: '−3.4 pp', reference: 'seasonal naive' }],
    ['NDCG@10 +0.9% vs sasrec-039 (within noise)', { metric: 'NDCG@10', change: '+0.9%', reference: 'sasrec-039 (within noise)' }],
    ['Val loss -0.02', { metric: 'Val loss', change: '-0.02' }],
  ])('%s', (text, expected) => {
    expect(proseClaim(text)).toEqual(expected);
  });

  test('a sentence without a known metric, a sign or a verb with a direction is none', () => {
    expect(proseClaim('Much easier to deploy than BM25')).toBeUndefined();
    expect(proseClaim('Widgetness improves by 3% vs v1')).toBeUndefined();
    expect(proseClaim('Accuracy changed by 2% vs v1')).toBeUndefined();
    expect(proseClaim('Widgetness +3% vs v1')).toBeUndefined();
  });

  test('under "Claims" and "Improvement vs Baseline" alike, checked against the baseline table; other lines kept as a note', () => {
    const text = [
      '**Experiment ID**: rank-1',
      '',
      '## Comparison to Baseline',
      '',
      '| Model | NDCG@10 | P@5 | FPR |',
      '|---|---|---|---|',
      '| BM25 | 0.338 | 0.231 | 0.050 |',
      '| This run | 0.412 | 0.284 | 0.040 |',
      '',
      '**Claims**:',
      '- +7.4 pp NDCG@10 over BM25',
      '- P@5 improves by 30% relative to BM25',
      '',
      '**Improvement vs Baseline**:',
      '- Reduces FPR by 20% vs BM25',
      '- Much easier to deploy than BM25',
    ].join('\n');
    const parsed = parseSource(text, { file: 'rank-1.md' });
    const record = validateRecord(parsed, { file: 'rank-1.md' }).record as Experiment;
    const comparison = record.comparison as Record<string, unknown>;
    expect(comparison['claimsNote']).toBe('Much easier to deploy than BM25');
    const claims = analyzeCollection([record]).byId.get('rank-1')?.claims ?? [];
    // NDCG@10: 0.412 − 0.338 = 0.074 = 7.4 pp ✓. P@5: 0.284 / 0.231 − 1 = 22.9%, not 30% ✗.
    // FPR: 0.040 / 0.050 − 1 = −20% ✓ (lower is better, so "reduces" is the improvement).
    expect(claims.map((c) => [c.metric, c.claimed, c.claimedUnit, c.status])).toEqual([
      ['NDCG@10', 7.4, 'pp', 'accepted'],
      ['P@5', 30, '%', 'mismatch'],
      ['FPR', -20, '%', 'accepted'],
    ]);
    expect(claims[1]?.computedRelative).toBeCloseTo(0.2294, 4);
  });
});

describe('a list of values before and after', () => {
  const read = (text: string) => {
    const parsed = parseSource(text, { file: 'ba.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'ba.md' });
    return { parsed, record, problems: diagnostics.map((d) => d.message) };
  };

  test("under a heading naming the baseline: its values a baseline, this run's the test metrics, the change a claim", () => {
    const { parsed, record, problems } = read(
      [
        '**Experiment ID**: asr-12',
        '',
        '## Compared to baseline (asr-09)',
        '',
        '- WER: 14.1% → 12.4% (−1.7 pp)',
        '- CER: 5.9% -> 5.1%',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(record?.comparison?.baselines).toEqual([
      { label: 'asr-09', experimentId: 'asr-09', metrics: { 'WER (%)': 14.1, 'CER (%)': 5.9 } },
    ]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'WER', value: 12.4, unit: '%' },
      { metric: 'CER', value: 5.1, unit: '%' },
    ]);
    expect(record?.comparison?.claims).toEqual([{ metric: 'WER', text: '−1.7 pp', value: -1.7, unit: 'pp', reference: 'asr-09' }]);
    expect(parsed.positions.get('comparison.baselines.0.metrics.CER (%)')).toEqual({ line: 6, column: 8 });
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 6, column: 16 });
    // The claim holds: 12.4 − 14.1 = −1.7 pp, WER lower and so better.
    const wer = computeBaselineDeltas(record as Experiment).deltas.find((d) => d.metric === 'WER');
    expect(wer).toMatchObject({ absoluteUnit: 'pp', improved: true });
    expect(wer?.absolute).toBeCloseTo(-1.7, 10);
  });

  test('under the results, with the test metrics given elsewhere: those are kept; no id named, the parent is the baseline', () => {
    const { record } = read(
      [
        '**Experiment ID**: asr-12',
        '**Parent**: asr-10',
        '',
        '## Results',
        '',
        '- Accuracy: 85.1% → 87.3%',
        '',
        '## Test set',
        '',
        '- Accuracy: 87.2%',
      ].join('\n'),
    );
    expect(record?.comparison?.baselines).toEqual([{ label: 'asr-10', experimentId: 'asr-10', metrics: { 'Accuracy (%)': 85.1 } }]);
    // The test set's list, below, gives the accuracy: the value after the arrow adds no second one.
    expect(record?.evaluation?.testMetrics).toEqual([{ metric: 'Accuracy', value: 87.2, unit: '%' }]);
  });

  test('without a name or a parent the baseline is "Before"; an item that is no before → after keeps the list as written', () => {
    expect(read('**Experiment ID**: a\n\n## vs baseline\n\n- F1: 0.81 → 0.84\n').record?.comparison?.baselines).toEqual([
      { label: 'Before', metrics: { F1: 0.81 } },
    ]);
    const mixed = read('**Experiment ID**: a\n\n## vs baseline\n\n- F1: 0.81 → 0.84\n- We also tried focal loss.\n').record;
    expect(mixed?.comparison?.baselines).toBeUndefined();
    expect(JSON.stringify(mixed)).toContain('0.81 → 0.84');
  });
});

describe('a table of models with a change column', () => {
  const table = [
    '| Model | mIoU | Dice | Δ mIoU |',
    '|---|---|---|---|',
    '| U-Net (seg-28) | 71.2 ± 0.4 | 0.823 | — |',
    '| **U-Net + CBAM** | **73.0 ± 0.3** | **0.839** | +2.5% |',
  ];

  test.each([['## Comparison to baseline'], ['## Results (val, 3 seeds)']])(
    'under `%s`: the change is a claim about this run against the row with none, not a metric',
    (heading) => {
      const { record, problems } = (() => {
        const text = ['**Experiment ID**: seg-31', '', heading, '', ...table].join('\n');
        const { record, diagnostics } = validateRecord(parseSource(text, { file: 's.md' }), { file: 's.md' });
        return { record, problems: diagnostics.map((d) => d.message) };
      })();
      expect(problems).toEqual([]);
      expect(record?.comparison?.baselines?.map((b) => b.metrics)).toEqual([
        { mIoU: 71.2, Dice: 0.823 },
        { mIoU: 73, Dice: 0.839 },
      ]);
      expect(record?.comparison?.claims).toEqual([{ metric: 'mIoU', text: '+2.5%', value: 2.5, unit: '%', reference: 'U-Net (seg-28)' }]);
      // The claim holds: 73.0 / 71.2 − 1 = 2.53%, which rounds to the 2.5% written.
      const miou = computeBaselineDeltas(record as Experiment).deltas.find((d) => d.metric === 'mIoU');
      expect(miou?.relative).toBeCloseTo(73 / 71.2 - 1, 12);
    },
  );

  test('under the results, the bold row is the test metrics, `73.0 ± 0.3` with its interval', () => {
    const text = ['**Experiment ID**: seg-31', '', '## Results', '', ...table].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 's.md' }), { file: 's.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'mIoU', value: 73, ci95: 0.3 },
      { metric: 'Dice', value: 0.839 },
    ]);
  });
});

describe('a table of models with an empty corner under the comparison heading', () => {
  test('is the baseline table: the bold row is this run, the others its baselines, and claims are checked against them', () => {
    const text = [
      '**Experiment ID**: rec-44',
      '',
      '## Comparison',
      '',
      '| | NDCG@10 | HR@10 |',
      '|---|---:|---:|',
      '| Popularity | 0.0211 | 5.1% |',
      '| rec-39 (ID-only) | 0.0904 | 16.5% |',
      '| **rec-44** | **0.0912** | **16.8%** |',
      '',
      'Claims:',
      '- HR@10: +0.3 pp vs rec-39',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'r.md' }), { file: 'r.md' });
    expect(diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    expect(record?.comparison?.baselines?.map((b) => [b.label, b.metrics])).toEqual([
      ['Popularity', { 'NDCG@10': 0.0211, 'HR@10 (%)': 5.1 }],
      ['rec-39 (ID-only)', { 'NDCG@10': 0.0904, 'HR@10 (%)': 16.5 }],
      ['rec-44', { 'NDCG@10': 0.0912, 'HR@10 (%)': 16.8 }],
    ]);
    // 16.8% − 16.5% = +0.3 pp, as claimed.
    const analysis = analyzeCollection([record as Experiment]).byId.get('rec-44');
    expect(analysis?.claims.map((c) => [c.baseline, c.status])).toEqual([['rec-39 (ID-only)', 'accepted']]);
  });
});

describe('a spread column beside a baseline table’s results', () => {
  test('`| Mean return | Std |`: the std is kept beside the row, not compared as a metric of its own', () => {
    const text = [
      '**Experiment ID**: ppo-12',
      '',
      '## Comparison to baseline',
      '',
      '| Method | Mean return | Std | Source |',
      '|---|---|---|---|',
      '| PPO (ppo-10) | 4380 | 710 | our run |',
      '| **This run** | **5210** | **640** | |',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'p.md' }), { file: 'p.md' });
    expect(record?.comparison?.baselines?.map((b) => b.metrics)).toEqual([{ 'Mean return': 4380 }, { 'Mean return': 5210 }]);
    expect(record?.comparison?.baselines?.[0]?.['std']).toBe('710');
    // 5210 − 4380 = +830, the one change; none for "Std".
    const deltas = computeBaselineDeltas(record as Experiment).deltas;
    expect(deltas.map((d) => [d.metric, d.absolute])).toEqual([['Mean return', 830]]);
  });
});

describe('tables headed in German, French or Spanish', () => {
  test('`| Métrique | Valeur | IC 95 % |` is the test metrics; `| Modell | Präzision |` the baselines, its names understood', () => {
    const text = [
      '**Experiment ID**: ner-3',
      '',
      '## Evaluation Results',
      '',
      '| Métrique | Valeur | IC 95 % |',
      '|---|---|---|',
      '| Précision | 0,905 | ±0,005 |',
      '| Rappel | 0,919 | ±0,004 |',
      '',
      '## Comparison',
      '',
      '| Modell | Präzision |',
      '|---|---|',
      '| ner-2 | 0,889 |',
      '| **ner-3** | **0,905** |',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'n.md' }), { file: 'n.md' });
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Précision', value: 0.905, ci95: 0.005 },
      { metric: 'Rappel', value: 0.919, ci95: 0.004 },
    ]);
    // Präzision and Précision are one metric: 0.905 − 0.889 = +1.6 pp, higher is better.
    const [delta] = computeBaselineDeltas(record as Experiment).deltas;
    expect([delta?.metric, delta?.betterDirection, delta?.improved]).toEqual(['Präzision', 'higher', true]);
    expect(delta?.absolute).toBeCloseTo(0.016, 12);
  });
});

describe('a claim on the line of a label naming what it is against', () => {
  test('`Improvement vs parent: +830 mean return (+19%), still about half of SAC.`: checked, 5210 − 4380 = 830', () => {
    const text = [
      '**Experiment ID**: ppo-12',
      '**Parent**: ppo-10',
      '',
      '## Comparison to baseline',
      '',
      '| Method | Mean return |',
      '|---|---|',
      '| PPO (ppo-10) | 4380 |',
      '| **This run** | **5210** |',
      '',
      'Improvement vs parent: +830 mean return (+19%), still about half of SAC.',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'p.md' }), { file: 'p.md' });
    expect(diagnostics.filter((d) => d.code === 'value-kept-as-note')).toEqual([]);
    expect(record?.comparison?.claims).toEqual([
      {
        metric: 'mean return',
        text: '+830 mean return (+19%), still about half of SAC.',
        value: 830,
        unit: 'abs',
        reference: 'parent',
        comment: '+19%',
      },
    ]);
    const analysis = analyzeCollection([record as Experiment]).byId.get('ppo-12');
    expect(analysis?.claims.map((c) => [c.status, c.computedAbsolute])).toEqual([['accepted', 830]]);
  });
});

describe('idInLabel', () => {
  test.each([
    ['Previous best (exp-042)', 'exp-042'],
    ['exp-199 (r=8)', 'exp-199'],
    ['run_12', 'run_12'],
    ['Experiment-7 baseline', 'Experiment-7'],
    ['ResNet-50', undefined],
    ['Logistic regression', undefined],
    ['U-Net (seg-28)', 'seg-28'],
    // Settings written as an aside are no run: shots, top-k, precision, bits, folds, a model's size.
    ['MMLU (5-shot)', undefined],
    ['Accuracy (top-5)', undefined],
    ['Llama (fp16)', undefined],
    ['GPTQ (4-bit)', undefined],
    ['CV AUC (5-fold)', undefined],
    ['Llama 3 (8B)', undefined],
  ])('%s → %s', (label, id) => {
    expect(idInLabel(label)).toBe(id);
  });

  test('a column of another run in a table of metrics links that run', () => {
    const text = [
      '**Experiment ID**: exp-203',
      '',
      '## Eval',
      '',
      '| Benchmark | exp-199 (r=8) | exp-203 (r=16) |',
      '|---|---|---|',
      '| MT-Bench | 6.91 | 7.12 |',
    ];
    const { record } = validateRecord(parseSource(text.join('\n'), { file: 'e.md' }), { file: 'e.md' });
    expect(record?.comparison?.baselines).toEqual([{ label: 'exp-199 (r=8)', experimentId: 'exp-199', metrics: { 'MT-Bench': 6.91 } }]);
    expect(record?.evaluation?.testMetrics).toEqual([{ metric: 'MT-Bench', value: 7.12 }]);
  });
});

describe('an approximate value in a baseline or group table', () => {
  test('`~0.86` is kept without a value, its text in the row’s note, with a warning (not an error dropping the record)', () => {
    const text = [
      '**Experiment ID**: b-1',
      '',
      '## Comparison to Baseline',
      '',
      '| Model | Accuracy | Notes |',
      '|---|---|---|',
      '| Logistic | ~0.86 | quick run |',
      '| Forest | 0.88 | |',
      '',
      '## Fairness',
      '',
      '| Group | N | Accuracy |',
      '|---|---|---|',
      '| A | 100 | ≈ 0.9 |',
      '| B | 200 | 0.88 |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'b-1.md' }), { file: 'b-1.md' });
    expect(diagnostics.map((d) => `${d.level} ${d.line}:${d.column} ${d.path}`)).toEqual([
      'warning 7:14 comparison.baselines.0.metrics.Accuracy',
      'warning 14:13 evaluation.disaggregated.0.metrics.Accuracy',
    ]);
    expect(record?.comparison?.baselines?.[0]).toMatchObject({
      label: 'Logistic',
      metrics: { Accuracy: null },
      notes: 'quick run; Accuracy: ~0.86',
    });
    expect(record?.evaluation?.disaggregated?.[0]).toMatchObject({ group: 'A', metrics: { Accuracy: null }, note: 'Accuracy: ≈ 0.9' });
  });
});

describe('the groups written among the comparisons', () => {
  test('**Disaggregated Performance** under "Comparison to Baseline" is the groups, as under the results', () => {
    const text = [
      '# **Credit default – CatBoost**',
      '',
      '**Experiment ID**: cd-3',
      '',
      '## **Comparison to Baseline**',
      '',
      '**Baseline Models**:',
      '',
      '| Model | AUC-ROC |',
      '| --- | --- |',
      '| Scorecard v7 | 0.781 |',
      '',
      '**Disaggregated Performance** (by age band):',
      '| Group | Approval rate | N |',
      '| --- | --- | --- |',
      '| 18–25 | 31.5 % | 4,210 |',
      '| 26–40 | 44.2 % | 11,930 |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'cd-3.md' }), { file: 'cd-3.md' });
    expect(diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    // A heading a document exports in bold names the experiment without its asterisks.
    expect(record?.name).toBe('Credit default – CatBoost');
    expect(record?.comparison).toEqual({ baselines: [{ label: 'Scorecard v7', metrics: { 'AUC-ROC': 0.781 } }] });
    expect(record?.evaluation?.disaggregated).toEqual([
      { group: '18–25', attributes: { ageBand: '18–25' }, n: 4210, metrics: { 'Approval rate (%)': 31.5 } },
      { group: '26–40', attributes: { ageBand: '26–40' }, n: 11930, metrics: { 'Approval rate (%)': 44.2 } },
    ]);
  });
});

describe('a row of changes in a baseline table', () => {
  test('`| **Δ vs qa-mt5-l-07** | +1.7 |` is a claim per metric against the row it names, not a second current row', () => {
    const text = [
      '**Experiment ID**: qa-9',
      '',
      '## Comparison to Baseline',
      '',
      '| Model | TyDiQA F1 | MLQA F1 | Notes |',
      '|---|---|---|---|',
      '| **Current Experiment** | **74.8** | **66.1** | |',
      '| qa-mt5-l-07 | 73.1 | 65.9 | prod |',
      '| **Δ vs qa-mt5-l-07** | +1.7 | +0.2 pp | rounded |',
      '| Diff. | −0.3 | — | |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'qa-9.md' }), { file: 'qa-9.md' });
    expect(diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    expect(record?.comparison?.baselines?.map((b) => b.label)).toEqual(['Current Experiment', 'qa-mt5-l-07']);
    expect(record?.comparison?.claims).toEqual([
      { metric: 'TyDiQA F1', text: '+1.7', value: 1.7, unit: 'abs', reference: 'qa-mt5-l-07' },
      { metric: 'MLQA F1', text: '+0.2 pp', value: 0.2, unit: 'pp', reference: 'qa-mt5-l-07' },
      // No reference named: the claim is against the baseline the analysis picks, as a claim list's is.
      { metric: 'TyDiQA F1', text: '−0.3', value: -0.3, unit: 'abs' },
    ]);
  });
});

describe('a comparison line naming the baseline after its `vs`', () => {
  const read = (...lines: string[]) =>
    parseSource(
      [
        '**Experiment ID**: nlp-x-03',
        '',
        '## Evaluation Results',
        '',
        '- Entity F1: 0.873',
        '',
        '## Comparison to Baseline',
        '',
        ...lines,
      ].join('\n'),
      { file: 'nlp-x-03.md' },
    ).data as { evaluation?: Record<string, unknown>; comparison?: Record<string, unknown> };

  test("the values before are that baseline, this run's after are its test metrics, the change its claim", () => {
    const data = read('- vs spaCy en_core_web_trf: F1 0.842 → 0.873 (+3.1 pts); EM 71.0% → 74.2%');
    // `F1` 0.873 is the `Entity F1` the results gave: named so, not a second test metric.
    expect(data.comparison).toEqual({
      baselines: [{ label: 'spaCy en_core_web_trf', metrics: { 'Entity F1': 0.842, 'EM (%)': 71 } }],
      claims: [{ metric: 'Entity F1', text: '+3.1 pts', value: 3.1, unit: 'pp', reference: 'spaCy en_core_web_trf' }],
    });
    expect(data.evaluation?.['testMetrics']).toEqual([
      { metric: 'Entity F1', value: 0.873 },
      { metric: 'EM', value: 74.2, unit: '%' },
    ]);
  });

  test("an experiment named is the baseline's experiment; a line that is no transition stays as written", () => {
    expect(read('- Versus exp-12: F1 0.851 → 0.873').comparison?.['baselines']).toEqual([
      { label: 'exp-12', experimentId: 'exp-12', metrics: { 'Entity F1': 0.851 } },
    ]);
    // A line of changes is a claim against the run it names.
    expect(read('- vs previous best: F1 +1.2 pp').comparison).toEqual({
      claims: [{ metric: 'F1', text: '+1.2 pp', value: 1.2, unit: 'pp', reference: 'previous best' }],
    });
    // A line that is neither stays as written beside the comparison.
    expect(read('- vs previous best: a clear gain on F1').comparison).toEqual({ vsPreviousBestNote: 'a clear gain on F1' });
  });
});

describe('a list of baselines, each with its metrics', () => {
  const read = (...items: string[]) =>
    (
      parseSource(['**Experiment ID**: rec-2', '', '## Comparison to Baseline', '', ...items].join('\n'), { file: 'rec-2.md' })
        .data as Record<string, unknown>
    )['comparison'];

  test('the same lines without list markers, right under the heading, are the baselines too; prose among them is not', () => {
    const lines = [
      'Previous production model (rec-two-tower-05): Recall@100 0.611, NDCG@10 0.201.',
      'BM25 + popularity: Recall@100 0.402.',
    ];
    expect(read(...lines)).toEqual({
      baselines: [
        {
          label: 'Previous production model (rec-two-tower-05)',
          experimentId: 'rec-two-tower-05',
          metrics: { 'Recall@100': 0.611, 'NDCG@10': 0.201 },
        },
        { label: 'BM25 + popularity', metrics: { 'Recall@100': 0.402 } },
      ],
    });
    const parsed = parseSource(['**Experiment ID**: rec-2', '', '## Comparison to Baseline', '', ...lines, 'We beat both.'].join('\n'), {
      file: 'rec-2.md',
    });
    expect((parsed.data as Record<string, unknown>)['comparison']).toBeUndefined();
    expect(JSON.stringify(parsed.data)).toContain('We beat both.');
    // Where each row was written: line 5 is the first baseline's.
    expect(
      parseSource(['**Experiment ID**: rec-2', '', '## Comparison to Baseline', '', ...lines].join('\n'), {
        file: 'rec-2.md',
      }).positions.get('comparison.baselines.1'),
    ).toEqual({ line: 6, column: 1 });
  });

  test('a value with its unit (`p99 latency 10.9 ms`) and a closing period are read; the unit names the key', () => {
    expect(
      read(
        '- Previous production model (rec-two-tower-05): Recall@100 0.611, NDCG@10 0.201, p99 latency 10.9 ms.',
        '- BM25 + popularity: Recall@100 0.402.',
      ),
    ).toEqual({
      baselines: [
        {
          label: 'Previous production model (rec-two-tower-05)',
          experimentId: 'rec-two-tower-05',
          metrics: { 'Recall@100': 0.611, 'NDCG@10': 0.201, 'p99 latency (ms)': 10.9 },
        },
        { label: 'BM25 + popularity', metrics: { 'Recall@100': 0.402 } },
      ],
    });
  });
});

describe('claims written as people write them, mixed in one list', () => {
  const claimsOf = (lines: readonly string[]) => {
    const text = [
      '**Experiment ID**: fc-3',
      '',
      '## Test Results',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| MASE | 0.81 |',
      '| MAPE | 11.2% |',
      '',
      '## Baselines',
      '',
      '| Model | MASE | MAPE |',
      '|---|---|---|',
      '| Seasonal naive | 0.88 | 14.6% |',
      '',
      ...lines,
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'fc-3.md' }), { file: 'fc-3.md' });
    return { claims: record?.comparison?.claims, problems: diagnostics, sections: record?.sections };
  };

  test('`Metric: this vs that (change)` and `vs <run>: Metric change` items are claims, each against its run', () => {
    const { claims, sections } = claimsOf([
      '## Improvement vs Baseline',
      '',
      '- MASE: 0.81 vs 0.88 (−8%)',
      '- vs seasonal naive: MAPE −3.4 pp, MASE −0.07',
    ]);
    expect(claims).toEqual([
      { metric: 'MASE', text: '0.81 vs 0.88 (−8%)', value: -8, unit: '%' },
      { metric: 'MAPE', text: '−3.4 pp', value: -3.4, unit: 'pp', reference: 'seasonal naive' },
      { metric: 'MASE', text: '−0.07', value: -0.07, unit: 'abs', reference: 'seasonal naive' },
    ]);
    expect(sections).toBeUndefined();
  });

  test('a `vs <run>` label over changes on its line: a claim per metric, against that run', () => {
    const { claims } = claimsOf(['## Comparison', '', '**vs Seasonal naive**: MAPE −3.4 pp, MASE −8%']);
    expect(claims).toEqual([
      { metric: 'MAPE', text: '−3.4 pp', value: -3.4, unit: 'pp', reference: 'Seasonal naive' },
      { metric: 'MASE', text: '−8%', value: -8, unit: '%', reference: 'Seasonal naive' },
    ]);
  });

  test('a list of values alone is no claim list (`MASE: 0.81` is a result, not a change)', () => {
    const { claims } = claimsOf(['## Improvement vs Baseline', '', '- MASE: 0.81', '- MAPE: −3.4 pp']);
    expect(claims).toBeUndefined();
  });
});

describe('experiments side by side in the comparison section, a row per metric', () => {
  const log = (table: readonly string[], label = '') =>
    [
      '**Experiment ID**: llm-sft-007',
      '',
      '## Results',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| HumanEval pass@1 | 41.5% |',
      '| MMLU (5-shot) | 64.9% |',
      '| Wikitext perplexity | 6.84 |',
      '',
      '## Comparison to Baseline',
      '',
      ...(label === '' ? [] : [label, '']),
      ...table,
    ].join('\n');
  const read = (text: string) => {
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'llm.md' }), { file: 'llm.md' });
    return { record: record as Experiment, diagnostics };
  };
  const table = [
    '| Benchmark | llm-sft-004 (parent) | **llm-sft-007** | Δ |',
    '|---|---|---|---|',
    '| HumanEval pass@1 | 33.5% | **41.5%** | +8.0 pp |',
    '| MMLU (5-shot) | 65.3% | **64.9%** | −0.4 pp |',
    '| Wikitext perplexity | 6.71 | **6.84** | +1.9% |',
  ];

  test.each([
    ['under no label', ''],
    ['under "Baseline Models"', '**Baseline Models**:'],
  ])('%s: each other column is a baseline, the change column its claims', (_, label) => {
    const { record, diagnostics } = read(log(table, label));
    expect(diagnostics).toEqual([]);
    expect(record.comparison?.baselines?.map((b) => [b.label, b.current ?? false, b.metrics])).toEqual([
      ['llm-sft-004 (parent)', false, { 'HumanEval pass@1 (%)': 33.5, 'MMLU (5-shot) (%)': 65.3, 'Wikitext perplexity': 6.71 }],
      ['llm-sft-007', true, { 'HumanEval pass@1 (%)': 41.5, 'MMLU (5-shot) (%)': 64.9, 'Wikitext perplexity': 6.84 }],
    ]);
    // HumanEval 41.5 − 33.5 = +8.0 pp; MMLU 64.9 − 65.3 = −0.4 pp; perplexity 6.84 / 6.71 − 1 = +1.94%.
    const deltas = computeBaselineDeltas(record).deltas.map((d) => [d.metric, Number(d.absolute.toFixed(4)), d.improved]);
    expect(deltas).toEqual([
      ['HumanEval pass@1 (%)', 0.08, true],
      ['MMLU (5-shot) (%)', -0.004, false],
      ['Wikitext perplexity', 0.13, false],
    ]);
    const analysis = analyzeCollection([record]).byId.get('llm-sft-007');
    expect(analysis?.claims.map((c) => [c.metric, c.text, c.status])).toEqual([
      ['HumanEval pass@1', '+8.0 pp', 'accepted'],
      ['MMLU (5-shot)', '−0.4 pp', 'accepted'],
      ['Wikitext perplexity', '+1.9%', 'accepted'],
    ]);
  });

  test("no column marked: the one whose values are the record's test metrics is this experiment", () => {
    const plain = table.map((line) => line.replaceAll('**', ''));
    const { record } = read(log(plain).replace('**Experiment ID**: llm-sft-007', '**Experiment ID**: code-mix'));
    expect(record.comparison?.baselines?.map((b) => [b.label, b.current ?? false])).toEqual([
      ['llm-sft-004 (parent)', false],
      ['llm-sft-007', true],
    ]);
  });

  test('an interval column is of the experiment before it', () => {
    const withCi = [
      '| Benchmark | llm-sft-004 | **llm-sft-007** | 95% CI |',
      '|---|---|---|---|',
      '| HumanEval pass@1 | 33.5% | **41.5%** | [34.0, 49.4] |',
      '| MMLU (5-shot) | 65.3% | **64.9%** | ±0.8 |',
    ];
    const { record, diagnostics } = read(log(withCi));
    expect(diagnostics).toEqual([]);
    expect(record.comparison?.baselines?.map((b) => [b.label, b.metrics, b.ci95])).toEqual([
      ['llm-sft-004', { 'HumanEval pass@1 (%)': 33.5, 'MMLU (5-shot) (%)': 65.3 }, undefined],
      [
        'llm-sft-007',
        { 'HumanEval pass@1 (%)': 41.5, 'MMLU (5-shot) (%)': 64.9 },
        { 'HumanEval pass@1 (%)': { low: 34, high: 49.4 }, 'MMLU (5-shot) (%)': 0.8 },
      ],
    ]);
  });

  test('a column neither values, interval nor change keeps the table as it was read before: a row per model', () => {
    const withNotes = [
      '| Benchmark | llm-sft-004 | **llm-sft-007** | Notes |',
      '|---|---|---|---|',
      '| HumanEval pass@1 | 33.5% | **41.5%** | greedy decoding |',
      '| MMLU (5-shot) | 65.3% | **64.9%** | lm-eval-harness |',
    ];
    const { record } = read(log(withNotes));
    expect(record.comparison?.baselines?.map((b) => b.label)).toEqual(['HumanEval pass@1', 'MMLU (5-shot)']);
  });
});
