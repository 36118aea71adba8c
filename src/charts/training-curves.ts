import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, MUTED } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import type { ChartDatum, TrainingCurvesData, TrainingSeries } from './types.ts';

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
 * Training curves: per-epoch metric columns by epoch, losses and scores in separate panels
 * (independent y), the best epoch marked with a rule and a label, the best model's values as rings.
 * Drag pans and Shift + wheel zooms the epoch axis once hydrated.
 */
export function trainingCurvesSpec(data: TrainingCurvesData): TopLevelSpec {
  const kinds = (['loss', 'score'] as const).filter((k) => data.series.some((s) => s.kind === k && s.points.length > 0));
  // Point markers help read a few epochs; on long histories they only add weight to the page.
  const markers = Math.max(0, ...data.series.map((s) => s.points.length)) <= MAX_MARKED_POINTS;
  const panel = (kind: TrainingSeries['kind']): string => trainingPanelLabel(kind, data.series);
  const order = (kind: TrainingSeries['kind']): number => (kind === 'loss' ? 0 : 1);
  const rows: ChartDatum[] = [];
  for (const s of data.series) {
    for (const p of s.points) {
      rows.push({
        role: 'value',
        panel: panel(s.kind),
        panelOrder: order(s.kind),
        series: s.name,
        split: SPLIT_LABEL[s.split],
        epoch: p.epoch,
        value: p.value,
      });
    }
  }
  if (data.bestEpoch !== undefined) {
    const epochs = data.series.flatMap((s) => s.points.map((p) => p.epoch));
    const lo = Math.min(data.bestEpoch, ...epochs);
    const hi = Math.max(data.bestEpoch, ...epochs);
    // The label goes on the side of the rule with more room.
    const side = hi > lo && (data.bestEpoch - lo) / (hi - lo) > 0.5 ? 'left' : 'right';
    for (const kind of kinds) {
      rows.push({
        role: 'best',
        panel: panel(kind),
        panelOrder: order(kind),
        series: null,
        split: null,
        epoch: data.bestEpoch,
        value: null,
        label: `best: epoch ${data.bestEpoch}`,
        side,
      });
    }
    for (const b of data.bestValues ?? []) {
      const s = data.series.find((x) => x.name === b.series);
      if (s === undefined) continue;
      rows.push({
        role: 'bestValue',
        panel: panel(s.kind),
        panelOrder: order(s.kind),
        series: s.name,
        split: SPLIT_LABEL[s.split],
        epoch: data.bestEpoch,
        value: b.value,
      });
    }
  }
  const x = { field: 'epoch', type: 'quantitative', title: 'Epoch', axis: { format: '~d', tickMinStep: 1 } } as const;
  const y = { field: 'value', type: 'quantitative', title: null, scale: { zero: false } } as const;
  const color = { field: 'series', type: 'nominal', title: null } as const;
  return {
    ...SPEC_BASE,
    datasets: { table: rows },
    data: { name: 'table' },
    facet: {
      row: {
        field: 'panel',
        type: 'nominal',
        sort: { field: 'panelOrder', op: 'min' },
        header: { title: null, labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left' },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: CHART_SIZES.width,
      height: CHART_SIZES.panelHeight,
      layer: [
        {
          transform: [{ filter: "datum.role === 'value'" }],
          params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x'], zoom: 'wheel![event.shiftKey]' }, bind: 'scales' }],
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
              { field: 'epoch', type: 'quantitative', title: 'Epoch' },
              { field: 'value', type: 'quantitative', title: 'Value', format: VALUE_FORMAT },
            ],
          },
        },
        {
          transform: [{ filter: "datum.role === 'best'" }],
          mark: { type: 'rule', clip: true, color: MUTED, strokeDash: [4, 3] },
          encoding: { x, tooltip: [{ field: 'label', type: 'nominal', title: 'Best model' }] },
        },
        {
          transform: [{ filter: "datum.role === 'best' && datum.side === 'right'" }],
          mark: { type: 'text', clip: true, align: 'left', baseline: 'top', dx: 4, y: 2, color: MUTED },
          encoding: { x, text: { field: 'label', type: 'nominal' } },
        },
        {
          transform: [{ filter: "datum.role === 'best' && datum.side === 'left'" }],
          mark: { type: 'text', clip: true, align: 'right', baseline: 'top', dx: -4, y: 2, color: MUTED },
          encoding: { x, text: { field: 'label', type: 'nominal' } },
        },
        {
          transform: [{ filter: "datum.role === 'bestValue'" }],
          mark: { type: 'point', clip: true, filled: false, size: 140, strokeWidth: 2 },
          encoding: {
            x,
            y,
            color,
            tooltip: [
              { field: 'series', type: 'nominal', title: 'Best model' },
              { field: 'epoch', type: 'quantitative', title: 'Epoch' },
              { field: 'value', type: 'quantitative', title: 'Value', format: VALUE_FORMAT },
            ],
          },
        },
      ],
    },
  };
}
