/**
 * Every chart with a drawing, drawn both ways: the drawing must be exactly as large as Vega's SVG of
 * the same spec (the interactive view replaces it in place) and show the same texts (ticks, titles,
 * legends, value labels). Inputs: generated records of every shape the benchmark uses, the template
 * example, and records with awkward names.
 */
import { describe, expect, test } from 'vitest';
import { buildExperimentCharts } from '../../../src/charts/build.ts';
import { compareChartViews } from '../../../src/charts/compare-views.ts';
import { renderChartView } from '../../../src/charts/render.ts';
import { drawChart } from '../../../src/charts/draw/index.ts';
import { chartInputs } from '../../../src/site/chart-inputs.ts';
import { compareDocs } from '../../../src/site/chart-inputs.ts';
import { generateRecords } from '../../../src/generate/index.ts';
import type { ChartView } from '../../../src/charts/types.ts';
import type { Experiment } from '../../../src/schema/index.ts';
import { templateRecord } from '../fixtures.ts';
import { sortedTexts } from './placed.ts';

/** A record whose names are hostile or long: quotes, markup, ampersands, a 300-character series. */
function awkward(): Experiment {
  const record = structuredClone(templateRecord);
  record.id = 'exp-awkward';
  const long = `val_${'very_long_metric_name_'.repeat(14)}loss`;
  record.training = {
    ...record.training,
    history: [1, 2, 3].map((epoch) => ({ epoch, 'Train <Loss> & "x"': 1 / epoch, [long]: 1.2 / epoch, 'Val Acc': 0.5 + epoch / 10 })),
  };
  for (const m of record.evaluation?.testMetrics ?? []) m.metric = `${m.metric} <&> "q"`;
  return record;
}

const records = [
  ...generateRecords({ count: 12, seed: 7, epochs: 30 }),
  ...generateRecords({ count: 6, seed: 3, epochs: 120 }),
  templateRecord,
  awkward(),
];
const inputs = chartInputs(records);
const views: [string, ChartView][] = records.flatMap((r) =>
  buildExperimentCharts(inputs.get(r.id) ?? { record: r }).map((v) => [`${r.id} ${v.id}`, v] as [string, ChartView]),
);
for (let i = 0; i + 1 < records.length; i += 2)
  for (const v of compareChartViews(compareDocs([records[i] as Experiment, records[i + 1] as Experiment])))
    views.push([`${records[i]?.id ?? ''} vs ${v.id}`, v as unknown as ChartView]);
const drawn = views.filter(([, v]) => v.drawing !== undefined);

describe('drawn charts against Vega', () => {
  test('every drawn kind is exercised', () => {
    const kinds = new Set(drawn.map(([, v]) => v.drawing?.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'test-metrics',
        'training-curves',
        'fairness',
        'baselines',
        'compare-fairness',
        'confusion-matrix',
        'feature-importance',
        'compare-confusion',
        'learning-rate',
        'lineage-trend',
        'search-space',
        'compare-curves',
        'compare-test-metrics',
      ]),
    );
  });

  test.each(drawn)('%s: same size and texts as Vega', async (_name, view) => {
    const vega = await renderChartView(view, { vega: true });
    const mine = await renderChartView(view);
    // Compare pages' confusion matrices of different classes are Vega's to draw (`drawCompareConfusion`).
    if (view.drawing?.kind === 'compare-confusion' && drawChart(view.drawing) === undefined) {
      expect(mine.svg).toBe(vega.svg);
      return;
    }
    expect(mine.svg).not.toBe(vega.svg);
    expect({ width: mine.width, height: mine.height }).toEqual({ width: vega.width, height: vega.height });
    expect(sortedTexts(mine.svg)).toEqual(sortedTexts(vega.svg));
    // The interactive view is made from the same compiled shape and data either way.
    expect(mine.shape).toBe(vega.shape);
    expect(mine.data).toEqual(vega.data);
  });
});
