import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { categoryFields, chartCategories, sameCategories } from '../../src/charts/view-reuse.ts';
import { chartViewRestarts, renderChartSvg, resetChartRenderCaches, splitChartSpec } from '../../src/charts/render.ts';
import { trainingCurvesSpec } from '../../src/charts/training-curves.ts';
import { testMetricsSpec } from '../../src/charts/test-metrics.ts';
import { compareCurvesSpec } from '../../src/charts/compare.ts';

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
    expect(categoryFields(splitChartSpec(compareCurvesSpec([])).shape)).toEqual(['eOrder', 'experiment', 'pOrder', 'panel']);
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

  test('charts with the categories of a kept view are drawn on it', async () => {
    resetChartRenderCaches();
    const before = chartViewRestarts();
    for (const names of [['a', 'b'], ['c'], ['a', 'b'], ['c'], ['a', 'b']]) await renderChartSvg(metrics(names));
    // Two sets of categories: two fresh views, then each chart on the view of its set.
    expect(chartViewRestarts() - before).toBe(2);
  });
});
