import type { HistoryAxis } from '../analysis/history-axis.ts';
/**
 * View data for charts: the small, chart-shaped inputs of the `xxxChartSpec()` functions (not whole
 * records), and `ChartView`, what `buildExperimentCharts()` hands to a page.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Experiment, Scalar } from '../schema/index.ts';
import type { ChartSectionId } from '../view/sections.ts';
import type { ChartDrawing } from './draw/index.ts';

/** Section of the experiment page a chart belongs to (the page places it there): one that holds charts in the sections table. */
export type ChartSection = ChartSectionId;

/** What one experiment's charts are made from: its record and a little of the collection's analysis. */
export interface ExperimentChartsInput {
  record: Experiment;
  /** The record's headline metric (analysis), if any, e.g. "Accuracy": the baselines, default fairness and lineage charts use it. */
  headlineMetric?: string | undefined;
  /** The headline metric's value along the ancestor chain, root first, this experiment last (null = not reported). */
  lineageChain?: readonly { id: string; value: number | null }[] | undefined;
}

/** One cell of a chart's data table. */
export type ChartCell = string | number | null;

/** The "data" table shown next to (or instead of) a chart. */
export interface ChartTable {
  columns: string[];
  rows: ChartCell[][];
  /**
   * Tables that already hold this data in full (the per-epoch training metrics): a static page links
   * to them instead of repeating the rows — the same numbers once per site, not once per chart. The
   * browser's own charts (the in-browser compare page) still show `rows`.
   */
  shownIn?: ChartTableRef[];
}

/** A table on a page: `table` is its anchor id, on the chart's own page or, with `experiment`, on that experiment's page. */
export interface ChartTableRef {
  table: string;
  experiment?: string;
  /** Link text, e.g. "Training metrics" or "Training metrics of exp-7". */
  label: string;
}

/** One row of a named dataset of a chart spec. */
export type ChartDatum = Record<string, string | number | boolean | null>;

/** Named datasets of a chart spec (`spec.datasets`), kept out of the spec's shape so compiled specs can be shared. */
export type ChartDatasets = Record<string, ChartDatum[]>;

/** A chart ready for a page. */
export interface ChartView {
  /** Stable anchor slug, unique on the page, e.g. `training-curves`, `fairness-accuracy-sex`. */
  id: string;
  /** Template section the chart belongs to. */
  section: ChartSection;
  /** Short title, shown as the figure caption and the SVG `<title>`. */
  title: string;
  /** Text alternative: what the chart shows, with its numbers. */
  description: string;
  /** Optional hint on how to interact with the hydrated chart. */
  hint?: string;
  /** Vega-Lite spec; data lives in `spec.datasets`. */
  spec: TopLevelSpec;
  /** What the static SVG is drawn from without Vega (`draw/`); without it the build draws the spec with Vega. */
  drawing?: ChartDrawing | undefined;
  /** The same data as a table. */
  table: ChartTable;
}

/** Training split a per-epoch column belongs to, from its name. */
export type TrainingSplit = 'train' | 'validation' | 'test' | 'other';

/** One per-epoch metric column, e.g. "Val Loss". */
export interface TrainingSeries {
  /** Column name as written. */
  name: string;
  /** Losses and scores go to separate panels. */
  kind: 'loss' | 'score';
  split: TrainingSplit;
  /** Points in epoch order; missing cells are left out; at most `MAX_CHART_POINTS` (see `downsample`). */
  points: { epoch: number; value: number }[];
  /** How many points the column has in the record (more than `points.length` when downsampled). */
  recorded?: number;
}

export interface TrainingCurvesData {
  series: TrainingSeries[];
  /** Epoch of the best model, marked with a rule. */
  bestEpoch?: number | undefined;
  /** Values of the best model by series name (drawn as rings at `bestEpoch`). */
  bestValues?: { series: string; value: number }[] | undefined;
  /** What the points' `epoch` counts (the x axis's name): epoch unless given. */
  axis?: HistoryAxis | undefined;
}

export interface LearningRateData {
  points: { epoch: number; learningRate: number }[];
  /** What the points' `epoch` counts (the x axis's name): epoch unless given. */
  axis?: HistoryAxis | undefined;
}

export interface ConfusionMatrixData {
  /** Class labels in row/column order. */
  labels: string[];
  /** Counts: `matrix[actual][predicted]`. */
  matrix: number[][];
}

export interface TestMetricPoint {
  metric: string;
  value: number;
  /** 95% CI bounds, when known. */
  low?: number | undefined;
  high?: number | undefined;
  /** The point as written beside it, when not its value on the chart's scale (`78.4%` drawn at 0.784). */
  label?: string | undefined;
}

export interface TestMetricsData {
  metrics: TestMetricPoint[];
  /** `%` when the values are percentages (the axis says so), else fractions or numbers. */
  unit?: '%' | undefined;
}

export interface FairnessGroup {
  group: string;
  value: number;
  n?: number | undefined;
}

export interface FairnessData {
  /** Attribute the groups split on, e.g. "sex". */
  attribute: string;
  /** Metric shown, e.g. "Accuracy". */
  metric: string;
  groups: FairnessGroup[];
  /** Value of the Overall row, when known. */
  overall?: number | undefined;
  /**
   * True for a selection rate (selection, approval, acceptance rate): the analysis judges its gap by
   * the four-fifths rule, so the chart draws the 0.8 × best line. False for every other metric.
   */
  fourFifths: boolean;
}

export interface BaselineBar {
  label: string;
  value: number;
  /** True for this experiment's row. */
  current: boolean;
}

export interface BaselinesData {
  metric: string;
  higherIsBetter: boolean;
  rows: BaselineBar[];
}

export interface FeatureImportanceData {
  features: { feature: string; importance: number }[];
  /** How importance was computed (gain, SHAP, …); used in the axis title. */
  method?: string | undefined;
}

/** Search space of one hyperparameter (text spaces are not charted). */
export type ChartSearchSpace =
  { kind: 'range'; min: number; max: number; scale?: 'linear' | 'log' | undefined } | { kind: 'choice'; values: readonly Scalar[] };

export interface SearchSpaceParam {
  name: string;
  /** Value used in this experiment. */
  chosen: Scalar | undefined;
  space: ChartSearchSpace;
}

export interface SearchSpaceData {
  params: SearchSpaceParam[];
}

export interface LineagePoint {
  id: string;
  value: number;
  /** True for the experiment the page is about (the last point). */
  current?: boolean | undefined;
}

export interface LineageTrendData {
  metric: string;
  /** Root first, this experiment last. */
  points: LineagePoint[];
}
