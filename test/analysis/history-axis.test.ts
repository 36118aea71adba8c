import { describe, expect, test } from 'vitest';
import { historyAxisOf, historyAxisOfHeader, historyAxisTitle, sharedHistoryAxis } from '../../src/analysis/history-axis.ts';
import { checkTraining } from '../../src/analysis/checks.ts';
import { buildExperimentCharts } from '../../src/charts/build.ts';
import { compareChartShapeSpecs, compareChartViews } from '../../src/charts/compare-views.ts';
import { compareChartBlocks } from '../../src/client/compare-charts.ts';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';
import type { Experiment } from '../../src/schema/index.ts';

/** A run logged by step: 3 rows at steps 500, 1000, 1500, the best at step 1000. */
const stepped: Experiment = {
  id: 'llm-3',
  model: { training: { epochs: 3, earlyStopping: { enabled: true, patience: 2 } } },
  training: {
    historyAxis: 'step',
    history: [
      { epoch: 500, 'train/loss': 1.21, 'eval/loss': 1.25 },
      { epoch: 1000, 'train/loss': 1.02, 'eval/loss': 1.11 },
      { epoch: 1500, 'train/loss': 0.95, 'eval/loss': 1.08 },
    ],
    bestModel: { epoch: 1000, selectedBy: 'eval/loss' },
  },
  reproducibility: { artifacts: [{ name: 'checkpoint', uri: 's3://b/epoch-2.pt' }] },
};

describe('what a history counts', () => {
  test('epochs unless the record says; a header names steps, iterations, rounds', () => {
    expect(historyAxisOf({})).toBe('epoch');
    expect(historyAxisOf(stepped)).toBe('step');
    expect(historyAxisTitle('iteration')).toBe('Iteration');
    expect(['Epoch', 'epoch/step', 'global_step', 'Step', 'iter', 'Round', 'loss'].map(historyAxisOfHeader)).toEqual([
      undefined,
      undefined,
      'step',
      'step',
      'iteration',
      'round',
      undefined,
    ]);
    expect(sharedHistoryAxis(['step', 'step'])).toBe('step');
    expect(sharedHistoryAxis(['step', 'epoch'])).toBeUndefined();
  });

  test('a log table headed `step`, and JSON rows keyed `step`, are histories counted in steps', () => {
    const md = parseSource(
      ['**Experiment ID**: s', '', '## Training Results', '', '| Step | Loss |', '|---|---|', '| 500 | 1.2 |', '| 1000 | 1.0 |'].join('\n'),
      {
        file: 's.md',
      },
    );
    expect(md.data).toMatchObject({
      training: {
        historyAxis: 'step',
        history: [
          { epoch: 500, Loss: 1.2 },
          { epoch: 1000, Loss: 1 },
        ],
      },
    });
    expect(md.positions.get('training.historyAxis')).toEqual({ line: 5, column: 3 });
    const json =
      '{\n  "id": "j",\n  "training": { "history": [\n    { "global_step": 100, "loss": 1 },\n    { "global_step": "x", "loss": 0.9 }\n  ] }\n}';
    // Every row must have the counter for it to be one; else each row's missing epoch is reported at its line.
    const bad = validateRecord(parseSource(json, { file: 'j.json' }), { file: 'j.json' });
    expect(bad.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^j\.json:4:\d+ training\.history\.0\.epoch: required/),
      expect.stringMatching(/^j\.json:5:\d+ training\.history\.1\.epoch: required/),
      'j.json:5:22 training.history.1.global_step: expected a number, got the string "x" — write a number, or leave the field out while it is not known',
    ]);
    const good = validateRecord(parseSource(json.replace('"x"', '200'), { file: 'j.json' }), { file: 'j.json' });
    expect(good.record?.training).toEqual({
      historyAxis: 'step',
      history: [
        { epoch: 100, loss: 1 },
        { epoch: 200, loss: 0.9 },
      ],
    });
  });

  test('charts, captions and tables name steps; the data table is headed Step', () => {
    const charts = buildExperimentCharts({ record: stepped });
    const curves = charts.find((c) => c.id === 'training-curves');
    expect(curves?.description).toContain('by step for 2 columns, steps 500–1500');
    expect(curves?.description).toContain('eval/loss goes from 1.25 (step 500) to 1.08 (step 1500), lowest 1.08 at step 1500');
    expect(curves?.description).toContain('Best model at step 1000 (selected by eval/loss)');
    expect(curves?.table.columns[0]).toBe('Step');
    expect(JSON.stringify(curves?.spec)).toContain('"title":"Step"');
    expect(JSON.stringify(curves?.spec)).not.toContain('Epoch');
    expect(charts.find((c) => c.id === 'summary-curves')?.title).toBe('Loss by step');
  });

  test('checks speak of steps, and skip what counts epochs (configured epochs, patience, checkpoint epochs)', () => {
    const checks = checkTraining(stepped);
    expect(checks.map((c) => c.message)).toEqual([
      'The best model (step 1000) is chosen by eval/loss (lower is better) with 1.11, but step 1500 has 1.08.',
    ]);
    // The same numbers counted in epochs: each of those checks applies.
    const asEpochs = checkTraining({ ...stepped, training: { ...stepped.training, historyAxis: undefined } });
    expect(asEpochs.map((c) => c.code)).toEqual([
      'best-epoch-mismatch',
      'best-epoch-mismatch',
      'early-stopping-mismatch',
      'checkpoint-epoch-mismatch',
    ]);
  });

  test('compare pages overlay curves of one axis only, on a shape of that axis', () => {
    const doc = (record: Experiment) => ({ record, analysis: { headline: null } });
    const other = { ...stepped, id: 'llm-4' } as Experiment;
    const views = compareChartViews([doc(stepped), doc(other)]);
    const curves = views.find((v) => v.id === 'compare-curves');
    expect(curves?.shapeKey).toBe('compare-curves-step');
    expect(curves?.table.columns[0]).toBe('Step');
    expect(curves?.description).toContain('llm-3 1.08 at step 1500');
    expect(compareChartShapeSpecs().map((s) => s.id)).toContain('compare-curves-step');
    // The in-browser compare page finds the shape by that key.
    const blocks = compareChartBlocks([doc(stepped), doc(other)], ['a', 'b'], { 'compare-curves-step': '/s.json' });
    expect([...blocks.values()].flat().map((b) => [b.id, b.shapeUrl])).toEqual([['compare-curves', '/s.json']]);
    const epochs = { ...other, training: { ...other.training, historyAxis: undefined } } as Experiment;
    expect(compareChartViews([doc(stepped), doc(epochs)]).find((v) => v.id === 'compare-curves')).toBeUndefined();
  });
});
