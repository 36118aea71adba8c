/**
 * An experiment's charts from its record: the one function both the build (static SVG) and the
 * browser runtime (hydration, from the page's API document) use, so both draw the same data. Pure:
 * no Vega, no Node APIs.
 */
import { buildExperimentCharts } from './build.ts';
import type { ChartView, ExperimentChartsInput } from './types.ts';

export type { ExperimentChartsInput };

/** The experiment's chart views, in page order. */
export function experimentChartViews(input: ExperimentChartsInput): ChartView[] {
  return buildExperimentCharts(input);
}
