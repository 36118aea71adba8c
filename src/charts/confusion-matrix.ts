import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, HEAT_RAMP, INK, ON_STRONG, SURFACE, isStrongHeat } from './theme.ts';
import { SPEC_BASE } from './spec-common.ts';
import { rowNormalize } from './format.ts';
import { estimateTextWidth } from './text-width.ts';
import type { ChartDatum, ConfusionMatrixData } from './types.ts';
import { maxOf } from '../util/arrays.ts';

/** Font size of the numbers in the cells. */
const CELL_FONT_SIZE = 12;
/** Room around a cell's number, in pixels. */
const CELL_PADDING = 8;
/** Space between the two maps. */
const SPACING = 40;
/** Cell sizes are multiples of this, so matrices of similar size share one compiled chart shape. */
const CELL_GRID = 4;

/** Heat step (0–7) of a share in [0, 1]: eight equal bins, 1 in the last. */
export function heatStep(share: number): number {
  return Math.max(0, Math.min(HEAT_RAMP.length - 1, Math.floor(share * HEAT_RAMP.length)));
}

/**
 * Confusion-matrix cells, row-major: counts, the share of the row (actual class) and of the largest
 * cell, and the heat step of each (which decides the cell colour and its label's colour).
 * Exported for the data table and tests.
 */
export function confusionMatrixCells(data: ConfusionMatrixData): ChartDatum[] {
  const shares = rowNormalize(data.matrix);
  const max = Math.max(0, maxOf(data.matrix.flat()));
  const cells: ChartDatum[] = [];
  data.matrix.forEach((row, i) => {
    row.forEach((count, j) => {
      const rowShare = shares[i]?.[j] ?? 0;
      const countShare = max > 0 ? count / max : 0;
      const countStep = heatStep(countShare);
      const shareStep = heatStep(rowShare);
      cells.push({
        actual: data.labels[i] ?? `class ${i}`,
        predicted: data.labels[j] ?? `class ${j}`,
        i,
        j,
        count,
        rowShare,
        countShare,
        countStep,
        shareStep,
        countStrong: isStrongHeat(countStep),
        shareStrong: isStrongHeat(shareStep),
      });
    });
  });
  return cells;
}

/** Pixel side of one cell: wide enough for the widest number either map prints, and the matrix at least `matrixSide` across. */
export function confusionCellSize(data: ConfusionMatrixData): number {
  const widest = Math.max(
    estimateTextWidth('100.0%', CELL_FONT_SIZE),
    ...data.matrix.flat().map((v) => estimateTextWidth(new Intl.NumberFormat('en-US').format(v), CELL_FONT_SIZE)),
  );
  const n = Math.max(1, data.labels.length);
  const side = Math.max(widest + CELL_PADDING, CHART_SIZES.matrixSide / n);
  return Math.ceil(side / CELL_GRID) * CELL_GRID;
}

/** The layers of a layered view. */
type Layers = Extract<TopLevelSpec, { layer: unknown }>['layer'];

/** The tooltip of a heat-map cell (after any fields a caller puts first). */
const CELL_TOOLTIP = [
  { field: 'actual', type: 'nominal', title: 'Actual' },
  { field: 'predicted', type: 'nominal', title: 'Predicted' },
  { field: 'count', type: 'quantitative', title: 'Count', format: ',' },
  { field: 'rowShare', type: 'quantitative', title: 'Share of actual', format: '.1%' },
] as const;

/**
 * The two layers of a confusion heat map over `confusionMatrixCells` rows: cells coloured by their
 * heat step, and the number (`count` or `rowShare`, with `format`) in the colour that reads on it.
 * `tooltipFirst` puts fields before the cell's own in the tooltip (the experiment, on compare pages).
 */
export function heatLayers(
  field: 'count' | 'rowShare',
  format: string,
  tooltipFirst: readonly { field: string; type: 'nominal'; title: string }[],
): Layers {
  const [stepField, strongField] = field === 'count' ? ['countStep', 'countStrong'] : ['shareStep', 'shareStrong'];
  return [
    {
      mark: { type: 'rect', stroke: SURFACE, strokeWidth: 1 },
      encoding: {
        color: { field: stepField, type: 'ordinal', scale: { domain: HEAT_RAMP.map((_, k) => k), range: [...HEAT_RAMP] }, legend: null },
        tooltip: [...tooltipFirst, ...CELL_TOOLTIP],
      },
    },
    {
      mark: { type: 'text', fontSize: CELL_FONT_SIZE },
      encoding: {
        text: { field, type: 'quantitative', format },
        color: { condition: { test: `datum.${strongField}`, value: ON_STRONG }, value: INK },
      },
    },
  ];
}

/** Positions of the heat-map cells: predicted classes across the top (angled when their names are wider than a cell), actual ones down the side, in matrix order. */
export function cellEncoding(angled: boolean) {
  return {
    x: {
      field: 'predicted',
      type: 'nominal',
      title: 'Predicted',
      sort: { field: 'j', op: 'min' },
      axis: angled ? ({ labelAngle: -40, labelAlign: 'left', orient: 'top' } as const) : ({ labelAngle: 0, orient: 'top' } as const),
    },
    y: { field: 'actual', type: 'nominal', title: 'Actual', sort: { field: 'i', op: 'min' } },
  } as const;
}

/** One view of an `hconcat` / `vconcat`. */
type ConcatItem = Extract<TopLevelSpec, { hconcat: unknown }>['hconcat'][number];

function heatmap(field: 'count' | 'rowShare', title: string, format: string, step: number, angled: boolean): ConcatItem {
  return {
    title: { text: title, anchor: 'start', fontSize: 12, fontWeight: 600 },
    width: { step },
    height: { step },
    encoding: cellEncoding(angled),
    layer: heatLayers(field, format, []),
  };
}

/** Titles of the two maps. */
export const COUNTS_TITLE = 'Counts';
export const SHARES_TITLE = 'Row-normalized (share of actual)';
/** Space between the two maps (the concat's `spacing`). */
export const MAP_SPACING = SPACING;

/** How the two maps are laid out: cell side, whether class names across the top are angled, and whether the maps sit side by side. */
export function confusionLayout(data: ConfusionMatrixData): { step: number; angled: boolean; beside: boolean } {
  const step = confusionCellSize(data);
  const n = data.labels.length;
  const labelWidth = Math.min(220, Math.max(0, ...data.labels.map((l) => estimateTextWidth(l, 11))));
  // Class names wider than a cell would run into each other across the top: angle them.
  const angled = labelWidth > step - 6;
  // One map is its cells, its class names and its axis title; two add the spacing and the padding.
  const oneMap = n * step + labelWidth + 30;
  const beside = 2 * oneMap + SPACING + 2 * (SPEC_BASE.config.padding as number) <= CHART_SIZES.column;
  return { step, angled, beside };
}

/**
 * Confusion matrix as two heat maps, counts and row-normalized shares (each row sums to 100%: per-class
 * recall on the diagonal), side by side when both fit the text column and one above the other when
 * not. Cells grow with the widest number, so labels are never clipped; a label's colour is chosen by
 * its cell's luminance. Works for binary and multi-class matrices.
 */
export function confusionMatrixSpec(data: ConfusionMatrixData): TopLevelSpec {
  const { step, angled, beside } = confusionLayout(data);
  const views = [heatmap('count', COUNTS_TITLE, ',', step, angled), heatmap('rowShare', SHARES_TITLE, '.1%', step, angled)];
  return {
    ...SPEC_BASE,
    datasets: { table: confusionMatrixCells(data) },
    data: { name: 'table' },
    spacing: SPACING,
    ...(beside ? { hconcat: views } : { vconcat: views }),
    config: { ...SPEC_BASE.config, axis: { ...SPEC_BASE.config.axis, grid: false, domain: false, ticks: false, labelColor: INK } },
  };
}
