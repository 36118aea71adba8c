import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';
import { parseMetricCell, parseMetricStatement } from '../../../src/ingest/units.ts';
import { columnKey } from '../../../src/ingest/text.ts';

/** Parses and validates a template note; fails the test when the record is refused. */
function load(lines: readonly string[]) {
  const text = ['**Experiment ID**: long-1', '', ...lines].join('\n');
  const parsed = parseSource(text, { file: 'long-1.md' });
  const { record, diagnostics } = validateRecord(parsed, { file: 'long-1.md' });
  if (record === undefined) throw new Error(diagnostics.map((d) => `${d.line}:${d.column} ${d.path}: ${d.message}`).join('\n'));
  return { record, parsed, warnings: diagnostics.filter((d) => d.level === 'warning') };
}

describe('what long logs write beside their numbers is kept, and never refuses the record', () => {
  test('a unit of measurement Logbook has no name for (mm, MW) is the metric unit, its interval in it too', () => {
    expect(parseMetricCell('6.3 mm')).toEqual({ value: 6.3, unit: 'mm' });
    expect(parseMetricCell('1.87 MW')).toEqual({ value: 1.87, unit: 'MW' });
    expect(parseMetricStatement('6.4 s ± 0.3 s')).toEqual({ value: 6.4, unit: 's', ci95: 0.3 });
    // 700K is no temperature: a count, as before.
    expect(parseMetricCell('700K')).toBeUndefined();
    const { record, warnings } = load([
      '## Evaluation Results',
      '',
      '| Metric | Value | 95% CI |',
      '|---|---|---|',
      '| HD95 | 6.3 mm | ±0.8 mm |',
      '| MAE | 1.87 MW | ±0.05 MW |',
      '| Dice | 0.84 | wide |',
    ]);
    expect(record.evaluation?.testMetrics).toEqual([
      { metric: 'HD95', value: 6.3, unit: 'mm', ci95: 0.8 },
      { metric: 'MAE', value: 1.87, unit: 'MW', ci95: 0.05 },
      // An interval that cannot be read is kept beside the metric as written, with a warning at its cell.
      { metric: 'Dice', value: 0.84, ciNote: 'wide' },
    ]);
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.path}`)).toEqual(['9:17 evaluation.testMetrics.2.ciNote']);
  });

  test.each([
    ['Train Loss', 'trainLoss'],
    ['p-value', 'pValue'],
    ['F1 Score', 'f1Score'],
    // What camelCase would lose — an aside, a symbol, a number after a word — keeps the header as written.
    ['Support (test)', 'Support (test)'],
    ['Grader agreement (κ)', 'Grader agreement (κ)'],
    ['Seed 1', 'Seed 1'],
    ['(κ)', '(κ)'],
    ['', ''],
  ])('the key of an unmodelled column headed %j is %j', (header, key) => {
    expect(columnKey(header)).toBe(key);
  });

  test('unmodelled columns of the test-metrics table keep their asides and numbers', () => {
    const { record } = load([
      '## Evaluation Results',
      '',
      '| Metric | Value | 95% CI | Std (3 seeds) | Seed 1 | Grader agreement (κ) | Notes |',
      '|---|---|---|---|---|---|---|',
      '| Top-1 Accuracy | 91.3% | ±0.15% | 0.11 | 91.2% | 0.81 | EMA |',
    ]);
    expect(record.evaluation?.testMetrics?.[0]).toEqual({
      metric: 'Top-1 Accuracy',
      value: 91.3,
      unit: '%',
      ci95: 0.15,
      // A standard-deviation column is the metric's spread, a modelled field.
      std: 0.11,
      'Seed 1': '91.2%',
      'Grader agreement (κ)': '0.81',
      notes: 'EMA',
    });
  });

  test('a bold-keyed item of an unmodelled label keeps the list nested under it, and its aside', () => {
    const { record } = load([
      '## Error analysis',
      '',
      '- **Missed lesions** (11 volumes): all < 5 mm',
      '- **Over-segmentation of vessels** (8 volumes): portal vein branches labelled as lesion',
      '  1. 5 of 8 were arterial-phase scans',
      '  2. 3 of 8 had contrast timing issues',
    ]);
    const observations = record.observations as Record<string, unknown>;
    expect(observations['overSegmentationOfVessels']).toBe(
      'portal vein branches labelled as lesion\n\n1. 5 of 8 were arterial-phase scans\n2. 3 of 8 had contrast timing issues',
    );
    expect([observations['missedLesionsNote'], observations['overSegmentationOfVesselsNote']]).toEqual(['11 volumes', '8 volumes']);
    // Nothing of the list is left over as a section of its own.
    expect(JSON.stringify(record.sections ?? [])).not.toContain('arterial');
  });

  test("an aside after a label Logbook does not model is kept beside its value (the label's words make the key)", () => {
    const { record } = load([
      '## Evaluation Results',
      '',
      '**Cold days** (daily mean below −10 °C, 23 days in 2024):',
      '',
      '| Metric | TFT (this run) | SARIMAX |',
      '|---|---|---|',
      '| MAPE | 4.61% | 6.92% |',
      '',
      '**Peak days** (top 5% load): MAPE 5.1%',
      '',
      '**Winter days**: MAPE 4.0%',
    ]);
    const evaluation = record.evaluation as Record<string, unknown>;
    expect(evaluation['coldDays']).toEqual([{ Metric: 'MAPE', 'TFT (this run)': '4.61%', SARIMAX: '6.92%' }]);
    expect(evaluation['coldDaysNote']).toBe('daily mean below −10 °C, 23 days in 2024');
    expect([evaluation['peakDays'], evaluation['peakDaysNote']]).toEqual(['MAPE 5.1%', 'top 5% load']);
    // No aside, no note.
    expect(Object.keys(evaluation).filter((k) => k.startsWith('winterDays'))).toEqual(['winterDays']);
  });

  test('a column of words in a group or baseline table is text beside the row; counts in millions are counts', () => {
    const { record, warnings } = load([
      '## Evaluation Results',
      '',
      '**Per-site results**:',
      '',
      '| Site | Volumes | Dice | Scanner | Note |',
      '|---|---|---|---|---|',
      '| Hospital A | 121 | 0.862 | Siemens SOMATOM Force | +4.9 pp vs parent |',
      '| Hospital B | 2.1M | 0.848 | GE Revolution | still weak |',
      '',
      '## Comparison to Baseline',
      '',
      '| Model | mAP | Params | Framework |',
      '|---|---|---|---|',
      '| YOLOv8-m | 0.61 | 25.9M | PyTorch |',
      '| RT-DETR | ~0.63 | 32.0M | Paddle |',
    ]);
    expect(record.evaluation?.disaggregated?.[1]).toEqual({
      group: 'Hospital B',
      attributes: { site: 'Hospital B' },
      metrics: { Volumes: 2_100_000, Dice: 0.848 },
      scanner: 'GE Revolution',
      note: 'still weak',
    });
    expect(record.comparison?.baselines).toEqual([
      { label: 'YOLOv8-m', metrics: { mAP: 0.61, Params: 25_900_000 }, framework: 'PyTorch' },
      // A cell of words in a column of numbers: no value, its text in the row's notes, with a warning.
      { label: 'RT-DETR', metrics: { mAP: null, Params: 32_000_000 }, framework: 'Paddle', notes: 'mAP: ~0.63' },
    ]);
    expect(warnings.map((w) => w.path)).toEqual(['comparison.baselines.1.metrics.mAP']);
  });

  test('a per-epoch column of words is a table of its own beside the epochs; steps in millions are counted', () => {
    const { record } = load([
      '## Training Results',
      '',
      '| Step | Stage | Mean reward |',
      '|---|---|---|',
      '| 50M | warm-up | 12.5 |',
      '| 1B | main | 40.1 |',
    ]);
    expect(record.training?.history).toEqual([
      { epoch: 50_000_000, 'Mean reward': 12.5 },
      { epoch: 1_000_000_000, 'Mean reward': 40.1 },
    ]);
    expect((record.training as Record<string, unknown>)['textByEpoch']).toEqual([
      { Step: 50_000_000, Stage: 'warm-up' },
      { Step: 1_000_000_000, Stage: 'main' },
    ]);
  });

  test('seeds and best-model values with words beside them: the number, the words in a note', () => {
    const { record } = load([
      '## Training Results',
      '',
      '**Best Model**:',
      '- Validation Accuracy: 0.914 (EMA weights)',
      '- Weights: EMA',
      '',
      '## Artifacts & Reproducibility',
      '',
      '**Random Seeds**:',
      '- Global seed: 17 (also 23, 42 for the CI)',
      '- CI seeds: 23, 42',
      '- Data order: fixed by the loader',
    ]);
    expect(record.training?.bestModel).toEqual({
      metrics: { 'Validation Accuracy': 0.914 },
      note: 'Validation Accuracy: EMA weights; Weights: EMA',
    });
    expect(record.reproducibility?.seeds).toEqual({ 'Global seed': 17, 'CI seeds 1': 23, 'CI seeds 2': 42 });
    expect((record.reproducibility as Record<string, unknown>)['seedsNote']).toBe(
      'Global seed: also 23, 42 for the CI; Data order: fixed by the loader',
    );
  });

  test('a list nested under an item (sub-steps, sub-tasks, a reason) stays with its item, unindented', () => {
    const { record } = load([
      '## Observations & Insights',
      '',
      '**What Worked Well**:',
      '- Speed perturbation helped the 8 kHz subset most',
      '  - probably because it mimics cheap headsets',
      '  - not verified',
      '',
      '## Next Steps',
      '',
      '- [ ] Mine hard negatives',
      '   - [ ] measure how many this removes',
      '- [x] Re-run with 3 seeds',
    ]);
    expect(record.observations?.worked).toEqual([
      'Speed perturbation helped the 8 kHz subset most\n\n- probably because it mimics cheap headsets\n- not verified',
    ]);
    expect(record.nextSteps?.recommendations).toEqual([
      { text: 'Mine hard negatives\n\n- [ ] measure how many this removes', done: false },
      { text: 'Re-run with 3 seeds', done: true },
    ]);
  });

  test('a size naming several counts: the first is the records, the whole text kept', () => {
    const { record } = load(['## Dataset Information', '', '**Dataset Size**: 412M interactions, 18.3M users, 2.7M items']);
    expect(record.dataset).toMatchObject({ records: 412_000_000, sizeText: '412M interactions, 18.3M users, 2.7M items' });
  });

  test('a paragraph "Context for reviewers: …" is the section text, not the Reviewer Notes label', () => {
    const { record, warnings } = load([
      '## Experiment Overview',
      '',
      'Context for reviewers: numbers before 2025-04-28 are not comparable.',
      '',
      '## Experiment Metadata',
      '',
      '**Reviewer Notes**: approved by @ana',
    ]);
    expect(record.reviewerNotes).toBe('approved by @ana');
    expect(JSON.stringify(record)).toContain('numbers before 2025-04-28 are not comparable.');
    expect(warnings).toEqual([]);
  });

  test('a # title beside an Experiment Name label is kept as the title, without a warning to move it', () => {
    const text = ['# Lesion segmentation — nnU-Net', '', '**Experiment ID**: seg-1', '**Experiment Name**: nnU-Net 3d_fullres'].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'seg-1.md' }), { file: 'seg-1.md' });
    expect(record).toMatchObject({ name: 'nnU-Net 3d_fullres', title: 'Lesion segmentation — nnU-Net' });
    expect(diagnostics).toEqual([]);
  });

  test("a frontmatter record's body: its first ## heading is a section, not the name; a value given in both is kept beside", () => {
    const text = [
      '---',
      'id: sft-1',
      'name: SFT on tickets',
      'evaluation:',
      '  testMetrics:',
      '    - { metric: Accuracy, value: 0.962 }',
      '---',
      '',
      '## Notes',
      '',
      '### Config used',
      '',
      '```yaml',
      'lora_dropout: 0.05',
      '```',
      '',
      '## Evaluation Results',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| Accuracy | 96.0% |',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'sft-1.md' }), { file: 'sft-1.md' });
    expect(record?.name).toBe('SFT on tickets');
    expect(record?.sections?.map((section) => section.title)).toEqual(['Notes']);
    expect(record?.sections?.[0]?.markdown).toContain('lora_dropout: 0.05');
    expect(record?.evaluation?.testMetrics).toEqual([{ metric: 'Accuracy', value: 0.962 }]);
    expect((record?.evaluation as Record<string, unknown>)['testMetricsInBody']).toEqual([{ metric: 'Accuracy', value: 96, unit: '%' }]);
    expect(diagnostics.map((d) => `${d.level} ${d.path}`)).toEqual(['warning evaluation.testMetrics']);
    expect(diagnostics[0]?.message).toContain('kept beside it as "testMetricsInBody"');
  });

  test("a frontmatter record's `# heading` that differs from its `name:` is its title, not a second name", () => {
    const text = [
      '---',
      'id: credit-21',
      'name: LightGBM PD model v4 — bureau + open banking features',
      '---',
      '',
      '# LightGBM PD model v4',
      '',
      '## Dataset Information',
      '',
      '**Dataset Name**: retail-loans-pd',
    ].join('\n');
    const parsed = parseSource(text, { file: 'credit-21.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'credit-21.md' });
    expect(diagnostics).toEqual([]);
    expect([record?.name, record?.title]).toEqual(['LightGBM PD model v4 — bureau + open banking features', 'LightGBM PD model v4']);
    expect(parsed.positions.get('title')).toEqual({ line: 6, column: 1 });
    // A name label in the body that differs is a second name: kept beside, with a warning.
    const labelled = text.replace('# LightGBM PD model v4', '**Experiment Name**: PD v4');
    const second = validateRecord(parseSource(labelled, { file: 'credit-21.md' }), { file: 'credit-21.md' });
    expect(second.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['given-twice name']);
  });
});
