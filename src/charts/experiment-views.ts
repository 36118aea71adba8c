/**
 * An experiment's charts from its record: the one function both the build (static SVG) and the
 * browser runtime (hydration, from the page's API document) use, so both draw the same data. Pure:
 * no Vega, no Node APIs.
 */
import type { Experiment } from '../schema/index.ts';
import { metricInfo } from '../analysis/metrics.ts';
import { buildExperimentCharts } from './build.ts';
import type { ChartView } from './types.ts';

/** What one experiment's charts depend on besides the record itself. */
export interface ExperimentChartsInput {
  record: Experiment;
  /** The record's headline metric (analysis), if any. */
  headlineMetric?: string | undefined;
  /** The headline metric's value along the ancestor chain, root first, this experiment last. */
  lineageChain?: { id: string; value: number | null }[] | undefined;
}

/** The experiment's chart views, in page order. */
export function experimentChartViews(input: ExperimentChartsInput): ChartView[] {
  const { record, headlineMetric, lineageChain } = input;
  return buildExperimentCharts({
    record,
    ...(headlineMetric ? { headlineMetric } : {}),
    ...(lineageChain ? { lineageChain } : {}),
    isLowerBetter: (m) => metricInfo(m).direction === 'lower',
  });
}
