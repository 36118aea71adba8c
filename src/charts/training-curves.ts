import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, MUTED } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import type { ChartDatum, TrainingCurvesData, TrainingSeries } from './types.ts';
import { maxOf, minOf } from '../util/arrays.ts';
import { historyAxisTitle } from '../analysis/history-axis.ts';

/** Longest series (in epochs) that still gets a marker on every point. */
export const MAX_MARKED_POINTS = 40;

const SPLIT_LABEL: Record<TrainingSeries['split'], string> = { train: 'train', validation: 'validation', test: 'test', other: 'other' };

/** Panel title of a kind of series: "Loss", or "Accuracy" when every score column is an accuracy. */
export function trainingPanelLabel(kind: TrainingSeries['kind'], series: readonly TrainingSeries[]): string {
  if (kind === 'loss') return 'Loss';
  const scores = series.filter((s) => s.kind === 'score');
  return scores.length > 0 && scores.every((s) => /acc/i.test(s.name)) ? 'Accuracy' : 'Metric';
}

/**
 * Training curves: per-epoch metric columns by epoch, losses and scores in separate panels stacked
 * on a shared epoch axis (independent y), the best epoch marked with a rule and a label, the best
 * model's values as rings. Drag pans and Shift + wheel zooms the epoch axis once hydrated, in either
 * panel (one selection bound to the shared scale). Each layer of each panel has its own named dataset (`<kind>_values`, `<kind>_best`,
 * `<kind>_rings`) rather than one table filtered per layer: Vega then keeps no filter state per data
 * point, which makes this, the largest chart of a page, about a quarter cheaper to render.
 */
export function trainingCurvesSpec(
  data: TrainingCurvesData,
  size: { width: number; panelHeight: number } = { width: CHART_SIZES.width, panelHeight: CHART_SIZES.panelHeight },
): TopLevelSpec {
  const kinds = (['loss', 'score'] as const).filter((k) => data.series.some((s) => s.kind === k && s.points.length > 0));
  // Point markers help read a few epochs; on long histories they only add weight to the page.
  const markers = Math.max(0, maxOf(data.series.map((s) => s.points.length))) <= MAX_MARKED_POINTS;
  const epochs = data.series.flatMap((s) => s.points.map((p) => p.epoch));
  const best = data.bestEpoch;
  // The label goes on the side of the rule with more room.
  const lo = Math.min(best ?? Infinity, minOf(epochs));
  const hi = Math.max(best ?? -Infinity, maxOf(epochs));
  const side = best !== undefined && hi > lo && (best - lo) / (hi - lo) > 0.5 ? 'left' : 'right';
  const datasets: Record<string, ChartDatum[]> = {};
  const axis = data.axis ?? 'epoch';
  const x = { field: 'epoch', type: 'quantitative', title: historyAxisTitle(axis), axis: { format: '~d', tickMinStep: 1 } } as const;
  const y = { field: 'value', type: 'quantitative', title: null, scale: { zero: false } } as const;
  const color = { field: 'series', type: 'nominal', title: null } as const;
  // The epoch axis is drawn once, under the last panel, as a facet would.
  const xOf = (last: boolean) => (last ? x : { ...x, axis: { ...x.axis, title: null, labels: false, ticks: false } });
  const panels = kinds.map((kind, i) => {
    const name = (role: string): string => `${kind}_${role}`;
    const x = xOf(i === kinds.length - 1);
    const series = data.series.filter((s) => s.kind === kind);
    datasets[name('values')] = series.flatMap((s) =>
      s.points.map((p) => ({ series: s.name, split: SPLIT_LABEL[s.split], epoch: p.epoch, value: p.value })),
    );
    datasets[name('best')] = best === undefined ? [] : [{ epoch: best, label: `best: ${axis} ${best}` }];
    datasets[name('rings')] = (data.bestValues ?? []).flatMap((b) => {
      const s = series.find((x) => x.name === b.series);
      return s === undefined || best === undefined ? [] : [{ series: s.name, split: SPLIT_LABEL[s.split], epoch: best, value: b.value }];
    });
    return {
      title: { text: trainingPanelLabel(kind, data.series), anchor: 'start', fontSize: 12, fontWeight: 600, offset: 6 },
      width: size.width,
      height: size.panelHeight,
      layer: [
        {
          name: name('lines'),
          data: { name: name('values') },
          mark: markers ? { type: 'line', clip: true, point: { filled: true, size: 28 } } : { type: 'line', clip: true },
          encoding: {
            x,
            y,
            color,
            strokeDash: {
              field: 'split',
              type: 'nominal',
              legend: null,
              scale: {
                domain: ['train', 'validation', 'test', 'other'],
                range: [
                  [1, 0],
                  [6, 3],
                  [2, 2],
                  [8, 2, 2, 2],
                ],
              },
            },
            tooltip: [
              { field: 'series', type: 'nominal', title: 'Series' },
              { field: 'epoch', type: 'quantitative', title: historyAxisTitle(axis) },
              { field: 'value', type: 'quantitative', title: 'Value', format: VALUE_FORMAT },
            ],
          },
        },
        {
          data: { name: name('best') },
          mark: { type: 'rule', clip: true, color: MUTED, strokeDash: [4, 3] },
          encoding: { x, tooltip: [{ field: 'label', type: 'nominal', title: 'Best model' }] },
        },
        {
          data: { name: name('best') },
          mark:
            side === 'right'
              ? { type: 'text', clip: true, align: 'left', baseline: 'top', dx: 4, y: 2, color: MUTED }
              : { type: 'text', clip: true, align: 'right', baseline: 'top', dx: -4, y: 2, color: MUTED },
          encoding: { x, text: { field: 'label', type: 'nominal' } },
        },
        {
          data: { name: name('rings') },
          mark: { type: 'point', clip: true, filled: false, size: 140, strokeWidth: 2 },
          encoding: {
            x,
            y,
            color,
            tooltip: [
              { field: 'series', type: 'nominal', title: 'Best model' },
              { field: 'epoch', type: 'quantitative', title: historyAxisTitle(axis) },
              { field: 'value', type: 'quantitative', title: 'Value', format: VALUE_FORMAT },
            ],
          },
        },
      ],
    };
  });
  return {
    ...SPEC_BASE,
    datasets,
    // One selection over both panels' lines, bound to the shared epoch scale: dragging or zooming in
    // either panel moves both.
    params: [
      {
        name: 'zoom',
        select: { type: 'interval', encodings: ['x'], zoom: 'wheel![event.shiftKey]' },
        bind: 'scales',
        views: kinds.map((kind) => `${kind}_lines`),
      },
    ],
    vconcat: panels,
    spacing: 12,
    resolve: { scale: { x: 'shared', y: 'independent' } },
  } as TopLevelSpec;
}
