/**
 * Chart specs of the compare pages: two or more experiments on one set of axes. Every spec's shape
 * (the spec without its data) is independent of the data — facets, sort orders and colours come
 * from fields of the data — so the build compiles each kind once and the in-browser compare page
 * (`/compare/?ids=`) draws any set of experiments with the same compiled shapes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, FAINT, MUTED, PALETTE } from './theme.ts';
import { cellEncoding, heatLayers } from './confusion-matrix.ts';
import { INTERVAL_TOOLTIP } from './test-metrics.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import type { ChartDatum } from './types.ts';
import { labelOf } from './view-reuse.ts';
import { historyAxisTitle, type HistoryAxis } from '../analysis/history-axis.ts';

/** Side of one cell of the side-by-side confusion matrices (fits "100.0%" at 12 px, see `confusionCellSize`). */
export const COMPARE_CELL = 52;

/**
 * Experiments are categories by their place in the comparison (field `eOrder`), not by their id, and
 * axes, legends and panel headers look the id up (field `experiment`). Every pair of experiments has
 * other ids but the same places, so one kept Vega view draws every pair whose ids are as wide as the
 * last pair's (the generated `exp-0041`, `exp-0042`, …) as a fresh view would (`view-reuse.ts`):
 * without a new view per compare page, its charts take less than half the time.
 */
const EXPERIMENT_LABEL = labelOf({ dataset: 'table', key: 'eOrder', text: 'experiment' });

/** The experiments as a nominal field, in the order given. */
const experimentField = { field: 'eOrder', type: 'nominal', sort: { field: 'eOrder', op: 'min' } } as const;

/** The experiments' colour: in the order given, from the categorical palette. */
const experimentColor = {
  ...experimentField,
  title: null,
  scale: { range: PALETTE },
  legend: { labelExpr: EXPERIMENT_LABEL },
} as const;

/** Facet header reading left to right above each panel. */
const PANEL_HEADER = {
  title: null,
  labelAngle: 0,
  labelOrient: 'top',
  labelAnchor: 'start',
  labelFontSize: 12,
  labelFontWeight: 600,
  labelLimit: 400,
} as const;

/**
 * Test metrics side by side: one panel per metric (rows `metric`, in `mOrder`), each experiment a
 * dot with its 95% CI as a rule (rows `experiment`, `eOrder`, `value`, `low`, `high`, `label`). Each
 * panel has its own x scale, so 0.9953 vs 0.9956 is not lost on a 0–1 axis.
 */
export function compareTestMetricsSpec(rows: readonly ChartDatum[]): TopLevelSpec {
  const y = { ...experimentField, title: null, axis: { labelExpr: EXPERIMENT_LABEL } } as const;
  const tooltip = [{ field: 'experiment', type: 'nominal', title: 'Experiment' }, ...INTERVAL_TOOLTIP] as const;
  return {
    ...SPEC_BASE,
    datasets: { table: [...rows] },
    data: { name: 'table' },
    facet: { row: { field: 'metric', type: 'nominal', sort: { field: 'mOrder', op: 'min' }, header: PANEL_HEADER } },
    spacing: 14,
    spec: {
      width: CHART_SIZES.width - 160,
      height: { step: CHART_SIZES.barStep - 4 },
      encoding: { y },
      layer: [
        {
          transform: [{ filter: 'isValid(datum.low) && isValid(datum.high)' }],
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            x: { field: 'low', type: 'quantitative', title: null, scale: { zero: false } },
            x2: { field: 'high' },
            color: { ...experimentColor, legend: null },
            tooltip: [...tooltip],
          },
        },
        {
          mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: { x: { field: 'value', type: 'quantitative' }, color: { ...experimentColor, legend: null }, tooltip: [...tooltip] },
        },
        {
          mark: { type: 'text', align: 'left', dx: 8 },
          encoding: { x: { value: 'width' }, text: { field: 'label', type: 'nominal' } },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  };
}

/**
 * Training curves overlaid: one panel per metric column (`panel`, in `pOrder`, two per row), each
 * experiment a line (rows `experiment`, `eOrder`, `epoch`, `value`), each panel with its own y scale.
 */
export function compareCurvesSpec(rows: readonly ChartDatum[], axis: HistoryAxis = 'epoch'): TopLevelSpec {
  const title = historyAxisTitle(axis);
  return {
    ...SPEC_BASE,
    datasets: { table: [...rows] },
    data: { name: 'table' },
    facet: { field: 'panel', type: 'nominal', sort: { field: 'pOrder', op: 'min' }, header: PANEL_HEADER },
    columns: 2,
    spacing: { row: 16, column: 24 },
    spec: {
      width: 330,
      height: 150,
      mark: { type: 'line', strokeWidth: 2, clip: true },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', title, axis: { format: '~d', tickMinStep: 1 } },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
        color: experimentColor,
        tooltip: [
          { field: 'experiment', type: 'nominal', title: 'Experiment' },
          { field: 'series', type: 'nominal', title: 'Column' },
          { field: 'epoch', type: 'quantitative', title },
          { field: 'value', type: 'quantitative', title: 'Value', format: VALUE_FORMAT },
        ],
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/**
 * Confusion matrices side by side, row-normalized (each row sums to 100%: per-class recall on the
 * diagonal), one panel per experiment with its own class names (rows `experiment`, `eOrder`,
 * `actual`, `predicted`, `i`, `j`, `count`, `rowShare`, `shareStep`, `shareStrong`, as
 * `confusionMatrixCells` gives them). Labels take the colour that reads on their cell.
 */
export function compareConfusionSpec(rows: readonly ChartDatum[]): TopLevelSpec {
  return {
    ...SPEC_BASE,
    datasets: { table: [...rows] },
    data: { name: 'table' },
    facet: { ...experimentField, header: { ...PANEL_HEADER, labelExpr: EXPERIMENT_LABEL } },
    columns: 2,
    spacing: { row: 24, column: 40 },
    spec: {
      width: { step: COMPARE_CELL },
      height: { step: COMPARE_CELL },
      encoding: cellEncoding(true),
      layer: heatLayers('rowShare', '.1%', [{ field: 'experiment', type: 'nominal', title: 'Experiment' }]),
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    config: { ...SPEC_BASE.config, axis: { ...SPEC_BASE.config.axis, grid: false, domain: false, ticks: false } },
  };
}

/**
 * One metric by group, side by side: a panel per attribute (`attribute`, `aOrder`), a row per group
 * (`group`, `gOrder`) with a dot per experiment (`experiment`, `eOrder`, `value`, `label`).
 */
export function compareFairnessSpec(rows: readonly ChartDatum[]): TopLevelSpec {
  return {
    ...SPEC_BASE,
    datasets: { table: [...rows] },
    data: { name: 'table' },
    facet: { row: { field: 'attribute', type: 'nominal', sort: { field: 'aOrder', op: 'min' }, header: PANEL_HEADER } },
    spacing: 14,
    spec: {
      width: CHART_SIZES.width - 120,
      height: { step: CHART_SIZES.barStep },
      layer: [
        {
          mark: { type: 'rule', color: FAINT, strokeWidth: 1 },
          encoding: {
            y: { field: 'group', type: 'nominal', title: null, sort: { field: 'gOrder', op: 'min' } },
            x: { aggregate: 'min', field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
            x2: { aggregate: 'max', field: 'value' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 70, opacity: 1 },
          encoding: {
            y: { field: 'group', type: 'nominal', title: null, sort: { field: 'gOrder', op: 'min' } },
            x: { field: 'value', type: 'quantitative' },
            color: experimentColor,
            tooltip: [
              { field: 'experiment', type: 'nominal', title: 'Experiment' },
              { field: 'attribute', type: 'nominal', title: 'Attribute' },
              { field: 'group', type: 'nominal', title: 'Group' },
              { field: 'metric', type: 'nominal', title: 'Metric' },
              { field: 'value', type: 'quantitative', title: 'Value', format: VALUE_FORMAT },
            ],
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/**
 * Parallel coordinates of hyperparameters against the headline metric: an axis per parameter (and
 * the metric last; `axis`, `aOrder`), each experiment a line through its normalized positions (`pos`
 * 0–1, `experiment`, `eOrder`; null where it has no value, which breaks its line) labelled with
 * its values (`label`). Axis tracks come from the rows with `track` true.
 */
export function compareParamsSpec(rows: readonly ChartDatum[]): TopLevelSpec {
  const x = {
    field: 'axis',
    type: 'nominal',
    title: null,
    sort: { field: 'aOrder', op: 'min' },
    axis: { orient: 'top', labelAngle: 0, labelFontWeight: 600, domain: false, ticks: false, labelLimit: 120 },
  } as const;
  // A margin above and below the axes, so values at the ends clear the axis names.
  const y = {
    field: 'pos',
    type: 'quantitative',
    title: null,
    scale: { domain: [-0.06, 1.06] as number[], nice: false },
    axis: null,
  } as const;
  return {
    ...SPEC_BASE,
    datasets: { table: [...rows] },
    width: { step: 120 },
    height: 220,
    layer: [
      {
        data: { name: 'table' },
        transform: [{ filter: 'datum.track' }],
        mark: { type: 'rule', color: MUTED, strokeWidth: 1 },
        encoding: { x, y: { datum: 0, type: 'quantitative', scale: y.scale, axis: null }, y2: { datum: 1 } },
      },
      {
        data: { name: 'table' },
        transform: [{ filter: '!datum.track' }],
        // A missing value breaks the line rather than joining its neighbours across the axis.
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 40 }, invalid: 'break-paths-filter-domains' },
        encoding: {
          x,
          y,
          detail: { field: 'eOrder', type: 'nominal' },
          color: experimentColor,
          order: { field: 'aOrder', type: 'quantitative' },
          tooltip: [
            { field: 'experiment', type: 'nominal', title: 'Experiment' },
            { field: 'axis', type: 'nominal', title: 'Axis' },
            { field: 'label', type: 'nominal', title: 'Value' },
          ],
        },
      },
      {
        data: { name: 'table' },
        transform: [{ filter: '!datum.track && isValid(datum.pos)' }],
        mark: { type: 'text', align: 'left', dx: 6, baseline: 'middle' },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
