import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES } from './theme.ts';
import { SPEC_BASE } from './spec-common.ts';
import { spansDecades } from './format.ts';
import { MAX_MARKED_POINTS } from './training-curves.ts';
import type { LearningRateData } from './types.ts';
import { historyAxisTitle } from '../analysis/history-axis.ts';

/**
 * Learning-rate schedule by epoch; log scale when the rates span more than one decade. Like the
 * training curves, a point marker on every epoch only up to `MAX_MARKED_POINTS` epochs.
 */
export function learningRateSpec(data: LearningRateData): TopLevelSpec {
  const log = spansDecades(data.points.map((p) => p.learningRate));
  const markers = data.points.length <= MAX_MARKED_POINTS;
  const title = historyAxisTitle(data.axis ?? 'epoch');
  return {
    ...SPEC_BASE,
    datasets: { table: data.points.map((p) => ({ epoch: p.epoch, learningRate: p.learningRate })) },
    data: { name: 'table' },
    width: CHART_SIZES.width,
    height: CHART_SIZES.lineHeight,
    mark: markers ? { type: 'line', point: { filled: true, size: 28 } } : { type: 'line' },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title, axis: { format: '~d', tickMinStep: 1 } },
      y: {
        field: 'learningRate',
        type: 'quantitative',
        title: log ? 'Learning rate (log scale)' : 'Learning rate',
        scale: log ? { type: 'log' } : { zero: false },
        axis: { format: '~g' },
      },
      tooltip: [
        { field: 'epoch', type: 'quantitative', title },
        { field: 'learningRate', type: 'quantitative', title: 'Learning rate', format: '~g' },
      ],
    },
  };
}
