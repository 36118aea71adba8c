import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, INK } from './theme.ts';
import { SPEC_BASE } from './spec-common.ts';
import { rowNormalize } from './format.ts';
import type { ChartDatum, ConfusionMatrixData } from './types.ts';
import { maxOf } from '../util/arrays.ts';

/**
 * Confusion-matrix cells, row-major: counts, the share of the row (actual class) and of the largest cell.
 * Exported for the data table and tests.
 */
export function confusionMatrixCells(data: ConfusionMatrixData): ChartDatum[] {
  const shares = rowNormalize(data.matrix);
  const max = Math.max(0, maxOf(data.matrix.flat()));
  const cells: ChartDatum[] = [];
  data.matrix.forEach((row, i) => {
    row.forEach((count, j) => {
      cells.push({
        actual: data.labels[i] ?? `class ${i}`,
        predicted: data.labels[j] ?? `class ${j}`,
        i,
        j,
        count,
        rowShare: shares[i]?.[j] ?? 0,
        countShare: max > 0 ? count / max : 0,
      });
    });
  });
  return cells;
}

/** One view of an `hconcat`. */
type ConcatItem = Extract<TopLevelSpec, { hconcat: unknown }>['hconcat'][number];

function heatmap(field: 'count' | 'rowShare', title: string, format: string): ConcatItem {
  const shade = field === 'count' ? 'countShare' : 'rowShare';
  return {
    title: { text: title, anchor: 'start', fontSize: 12, fontWeight: 600 },
    width: CHART_SIZES.matrixSide,
    height: CHART_SIZES.matrixSide,
    encoding: {
      x: {
        field: 'predicted',
        type: 'nominal',
        title: 'Predicted',
        sort: { field: 'j', op: 'min' },
        axis: { labelAngle: 0, orient: 'top' },
      },
      y: { field: 'actual', type: 'nominal', title: 'Actual', sort: { field: 'i', op: 'min' } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: { field: shade, type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, legend: null },
          tooltip: [
            { field: 'actual', type: 'nominal', title: 'Actual' },
            { field: 'predicted', type: 'nominal', title: 'Predicted' },
            { field: 'count', type: 'quantitative', title: 'Count', format: ',' },
            { field: 'rowShare', type: 'quantitative', title: 'Share of actual', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field, type: 'quantitative', format },
          color: { condition: { test: `datum.${shade} > 0.55`, value: '#ffffff' }, value: '#1f2937' },
        },
      },
    ],
  };
}

/**
 * Confusion matrix as two heatmaps side by side: counts, and row-normalized shares (each row sums
 * to 100%: per-class recall on the diagonal). Works for binary and multi-class matrices.
 */
export function confusionMatrixSpec(data: ConfusionMatrixData): TopLevelSpec {
  return {
    ...SPEC_BASE,
    datasets: { table: confusionMatrixCells(data) },
    data: { name: 'table' },
    spacing: 40,
    hconcat: [heatmap('count', 'Counts', ','), heatmap('rowShare', 'Row-normalized (share of actual)', '.1%')],
    config: { ...SPEC_BASE.config, axis: { ...SPEC_BASE.config.axis, grid: false, domain: false, ticks: false, labelColor: INK } },
  };
}
