import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { categoryFields, chartCategories, labelLookups, labelOf, sameCategories } from '../../src/charts/view-reuse.ts';
import { chartViewRestarts, renderChartSvg, resetChartRenderCaches, splitChartSpec } from '../../src/charts/render.ts';
import { trainingCurvesSpec } from '../../src/charts/training-curves.ts';
import { testMetricsSpec } from '../../src/charts/test-metrics.ts';
import { compareConfusionSpec, compareCurvesSpec, compareTestMetricsSpec } from '../../src/charts/compare.ts';
import { estimateTextWidth } from '../../src/charts/text-width.ts';
import { baselinesSpec } from '../../src/charts/baselines.ts';
import { lineageTrendSpec } from '../../src/charts/lineage-trend.ts';

const losses = (names: readonly string[]): TopLevelSpec =>
  trainingCurvesSpec({
    series: names.map((name) => ({
      name,
      kind: 'loss',
      split: 'train',
      points: [1, 2, 3, 4, 5, 6].map((epoch) => ({ epoch, value: 1 / epoch })),
    })),
  });

const metrics = (names: readonly string[]): TopLevelSpec =>
  testMetricsSpec({ metrics: names.map((metric, i) => ({ metric, value: 0.5 + i / 20 })) });

describe('categoryFields', () => {
  test('nominal fields of scales, groupings and facets, and the fields they are sorted by; not text or tooltips', () => {
    // Series colour and split dash name the lines; the best-epoch label is text only.
    expect(categoryFields(splitChartSpec(losses(['a'])).shape)).toEqual(['series', 'split']);
    // Metric rows sorted by `order`; the written label is text.
    expect(categoryFields(splitChartSpec(metrics(['a'])).shape)).toEqual(['metric', 'order']);
    // One panel per column in `pOrder`, one line per experiment in `eOrder`.
    // Experiments by their place (`eOrder`): their ids are labels, not categories.
    expect(categoryFields(splitChartSpec(compareCurvesSpec([])).shape)).toEqual(['eOrder', 'pOrder', 'panel']);
  });
});

describe('labelOf and labelLookups', () => {
  const lookup = { dataset: 'table', key: 'eOrder', text: 'experiment' };

  test('a lookup written by labelOf is found in axes, legends and headers, once', () => {
    expect(labelLookups(splitChartSpec(compareTestMetricsSpec([])).shape)).toEqual([lookup]);
    expect(labelLookups(splitChartSpec(compareConfusionSpec([])).shape)).toEqual([lookup]);
    expect(labelLookups({ encoding: { x: { axis: { labelExpr: labelOf({ dataset: 'd', key: 'k', text: 't' }) } } } })).toEqual([
      { dataset: 'd', key: 'k', text: 't' },
    ]);
  });

  test('other label expressions are not lookups', () => {
    expect(labelLookups(splitChartSpec(losses(['a'])).shape)).toEqual([]);
    expect(labelLookups({ axis: { labelExpr: "datum.label + ' %'" } })).toEqual([]);
  });

  test('a lookup adds the widths of its categories’ labels, in the categories’ order', () => {
    const rows = [
      { eOrder: 0, experiment: 'mmm' },
      { eOrder: 1, experiment: 'ii' },
      { eOrder: 0, experiment: 'mmm' },
    ];
    const categories = chartCategories({ table: rows }, ['eOrder'], [lookup]);
    // Arial advance widths: m 833, i 222 thousandths of an em, 6% wider for system fonts.
    expect(categories.get('table\u0000eOrder\u0000experiment')).toEqual(
      [3 * 0.833 * 1.06, 2 * 0.222 * 1.06].map((w) => expect.closeTo(w, 12)),
    );
    expect(estimateTextWidth('mmm', 1)).toBeCloseTo(2.64894, 12);
    const sameWidths = chartCategories(
      { table: rows.map((r) => ({ ...r, experiment: r.experiment === 'mmm' ? 'mmm' : 'll' })) },
      ['eOrder'],
      [lookup],
    );
    const otherWidths = chartCategories(
      { table: rows.map((r) => ({ ...r, experiment: r.experiment === 'mmm' ? 'mmm' : 'iii' })) },
      ['eOrder'],
      [lookup],
    );
    // l and i are equally wide: the same layout, one view.
    expect(sameCategories(categories, sameWidths)).toBe(true);
    expect(sameCategories(categories, otherWidths)).toBe(false);
  });
});

describe('chartCategories and sameCategories', () => {
  const fields = ['series'];
  const rows = (names: readonly string[]) => names.map((series, epoch) => ({ series, epoch }));

  test('each dataset’s categories in order of first appearance', () => {
    const categories = chartCategories({ a: rows(['x', 'y', 'x', 'z']), b: [{ other: 1 }] }, fields);
    expect([...categories]).toEqual([
      ['a\u0000series', ['x', 'y', 'z']],
      ['b\u0000series', []],
    ]);
  });

  test.each([
    ['the same categories in the same order', ['x', 'y'], ['x', 'y', 'y'], true],
    ['the same categories in another order', ['x', 'y'], ['y', 'x'], false],
    ['one category more', ['x', 'y'], ['x', 'y', 'z'], false],
    ['one category fewer', ['x', 'y'], ['x'], false],
  ])('%s: %j then %j → reuse %s', (_why, before, after, same) => {
    expect(sameCategories(chartCategories({ t: rows(before) }, fields), chartCategories({ t: rows(after) }, fields))).toBe(same);
  });

  test('a view that drew nothing has no categories to share', () => {
    expect(sameCategories(undefined, chartCategories({ t: [] }, fields))).toBe(false);
  });
});

describe('a chart drawn on a reused view is the chart a fresh view draws, whatever came before', () => {
  /** Draws the charts in order on the kept views, and each again on a fresh view. */
  async function drawn(specs: readonly TopLevelSpec[]): Promise<{ reused: string[]; fresh: string[] }> {
    resetChartRenderCaches();
    const reused: string[] = [];
    for (const spec of specs) reused.push((await renderChartSvg(spec)).svg);
    const fresh: string[] = [];
    for (const spec of specs) fresh.push((await renderChartSvg(spec, { reuseViews: false })).svg);
    return { reused, fresh };
  }

  test('a legend whose entries are another chart’s in another order (Vega lays them out in the order it kept)', async () => {
    const { reused, fresh } = await drawn([losses(['Beta loss', 'Cappa loss with a long name']), losses(['A loss', 'Beta loss'])]);
    expect(reused).toEqual(fresh);
  });

  test('rows sorted by their order after a chart with no rows (Vega kept an earlier chart’s order)', async () => {
    const { reused, fresh } = await drawn([
      metrics(['learning_rate', 'batch_size', 'weight_decay']),
      metrics(['dropout', 'batch_size', 'learning_rate']),
      metrics([]),
      metrics(['dropout', 'n_layers', 'weight_decay', 'batch_size']),
    ]);
    expect(reused).toEqual(fresh);
  });

  /** Compare-page rows: one per experiment and panel, a short curve each. */
  const compared = (ids: readonly string[]): TopLevelSpec =>
    compareCurvesSpec(
      ids.flatMap((experiment, eOrder) =>
        [1, 2, 3].map((epoch) => ({
          panel: 'Val Loss',
          pOrder: 0,
          series: 'Val Loss',
          experiment,
          eOrder,
          epoch,
          value: eOrder + 1 / epoch,
        })),
      ),
    );

  test('compare charts of other experiments with ids as wide, and with ids wider or narrower (Vega keeps a legend entry’s old width)', async () => {
    const pairs = [
      ['churn-cnn-0069', 'churn-cnn-0068'],
      ['churn-gbm-0069', 'churn-gbm-0068'],
      ['churn-gbm-0070', 'churn-gbm-0069'],
      ['churn-cnn-0070', 'churn-cnn-0069'],
      ['a', 'a-much-longer-experiment-id'],
    ];
    resetChartRenderCaches();
    const before = chartViewRestarts();
    const { reused, fresh } = await drawn(pairs.map((ids) => compared(ids)));
    expect(reused).toEqual(fresh);
    expect(reused[1]).toContain('>churn-gbm-0069<');
    // Fresh views for the ids of new widths (cnn, gbm, the last pair); gbm-0070 and cnn-0070 reuse a view.
    expect(chartViewRestarts() - before).toBe(3);
  });

  test('baselines named after another parent, and lineage chains of other ids (rows by order, labels looked up)', async () => {
    const baselines = (parent: string, value: number): TopLevelSpec =>
      baselinesSpec({
        metric: 'F1',
        higherIsBetter: true,
        rows: [
          { label: 'Current Experiment', value, current: true },
          { label: `Parent (${parent})`, value: 0.71, current: false },
          { label: 'Rule-based system', value: 0.6, current: false },
        ],
      });
    const chain = (ids: readonly string[]): TopLevelSpec =>
      lineageTrendSpec({ metric: 'F1', points: ids.map((id, i) => ({ id, value: 0.6 + i / 50, current: i === ids.length - 1 })) });
    const specs = [
      baselines('exp-0041', 0.72),
      baselines('exp-0042', 0.74),
      baselines('a-parent-with-a-long-name', 0.73),
      chain(['exp-0001', 'exp-0002', 'exp-0003']),
      chain(['exp-0002', 'exp-0003', 'exp-0004']),
      chain(['root', 'exp-0003', 'a-much-longer-experiment-id']),
    ];
    resetChartRenderCaches();
    const before = chartViewRestarts();
    const { reused, fresh } = await drawn(specs);
    expect(reused).toEqual(fresh);
    expect(reused[1]).toContain('>Parent (exp-0042)<');
    expect(reused[4]).toContain('>exp-0004<');
    // A fresh view for the first of each and for the names of other widths; the second of each reuses one.
    expect(chartViewRestarts() - before).toBe(4);
  });

  test('charts with the categories of a kept view are drawn on it', async () => {
    resetChartRenderCaches();
    const before = chartViewRestarts();
    for (const names of [['a', 'b'], ['c'], ['a', 'b'], ['c'], ['a', 'b']]) await renderChartSvg(metrics(names));
    // Two sets of categories: two fresh views, then each chart on the view of its set.
    expect(chartViewRestarts() - before).toBe(2);
  });
});
