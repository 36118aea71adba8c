/** Charts: view data → Vega-Lite specs (`*ChartSpec`), the charts of a page (`buildExperimentCharts`), SVG (`render.ts`). */
export * from './types.ts';
export { chartConfig, CHART_SIZES, CHART_FONT } from './theme.ts';
export { formatChartNumber, rowNormalize, slugify, spansDecades } from './format.ts';
export { trainingCurvesSpec } from './training-curves.ts';
export { learningRateSpec } from './learning-rate.ts';
export { confusionMatrixSpec, confusionMatrixCells } from './confusion-matrix.ts';
export { testMetricsSpec } from './test-metrics.ts';
export { fairnessSpec, summarizeFairness, FOUR_FIFTHS_LABEL } from './fairness.ts';
export type { FairnessSummary } from './fairness.ts';
export { baselinesSpec } from './baselines.ts';
export { featureImportanceSpec } from './feature-importance.ts';
export { searchSpaceSpec, searchPosition } from './search-space.ts';
export { lineageTrendSpec } from './lineage-trend.ts';
export { buildExperimentCharts } from './build.ts';
export type { ExperimentChartOptions, FairnessChartRequest } from './build.ts';
export { chartSpecWithData, type ChartDataEntry } from './payload.ts';
