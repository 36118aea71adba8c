/**
 * Charts drawn to static SVG without Vega. Vega draws a chart in 2–7 ms, most of it the same work
 * for every chart (its dataflow, axes, legends); these drawings take a small fraction of that and
 * put marks, ticks and labels where Vega-Lite puts them with the theme (`theme.ts`), so the page
 * reads the same before and after the interactive view replaces the drawing in the browser. A chart
 * view says which drawing it has (`ChartView.drawing`); one without is drawn by Vega (`render.ts`).
 */
import type { HistoryAxis } from '../../analysis/history-axis.ts';
import type {
  BaselinesData,
  ChartDatum,
  ConfusionMatrixData,
  FairnessData,
  FeatureImportanceData,
  LearningRateData,
  LineageTrendData,
  SearchSpaceData,
  TestMetricsData,
  TrainingCurvesData,
} from '../types.ts';
import { drawBaselines } from './baselines.ts';
import { drawCompareConfusion } from './compare-confusion.ts';
import { drawCompareCurves } from './compare-curves.ts';
import { drawCompareFairness } from './compare-fairness.ts';
import { drawCompareTestMetrics } from './compare-test-metrics.ts';
import { drawConfusionMatrix } from './confusion-matrix.ts';
import { drawFairness } from './fairness.ts';
import { drawFeatureImportance } from './feature-importance.ts';
import type { Drawing } from './svg.ts';
import { drawCompareParams } from './compare-params.ts';
import { drawLearningRate } from './learning-rate.ts';
import { drawLineageTrend } from './lineage-trend.ts';
import { drawSearchSpace } from './search-space.ts';
import { drawTestMetrics } from './test-metrics.ts';
import { drawTrainingCurves } from './training-curves.ts';

/** What a chart is drawn from: its kind and the data its spec function was given. */
export type ChartDrawing =
  | { kind: 'test-metrics'; data: TestMetricsData }
  | { kind: 'training-curves'; data: TrainingCurvesData; size?: { width: number; panelHeight: number } | undefined }
  | { kind: 'learning-rate'; data: LearningRateData }
  | { kind: 'lineage-trend'; data: LineageTrendData; size?: { width: number; height: number } | undefined }
  | { kind: 'search-space'; data: SearchSpaceData }
  | { kind: 'compare-test-metrics'; data: readonly ChartDatum[] }
  | { kind: 'compare-curves'; data: readonly ChartDatum[]; axis: HistoryAxis }
  | { kind: 'compare-params'; data: readonly ChartDatum[] }
  | { kind: 'fairness'; data: FairnessData }
  | { kind: 'baselines'; data: BaselinesData }
  | { kind: 'compare-fairness'; data: readonly ChartDatum[] }
  | { kind: 'feature-importance'; data: FeatureImportanceData }
  | { kind: 'confusion-matrix'; data: ConfusionMatrixData }
  | { kind: 'compare-confusion'; data: readonly ChartDatum[] };

type Drawer<K extends ChartDrawing['kind']> = (drawing: Extract<ChartDrawing, { kind: K }>) => Drawing | undefined;

/** The drawer of each kind; one returning undefined leaves its chart to Vega. */
const DRAWERS: { [K in ChartDrawing['kind']]: Drawer<K> } = {
  'test-metrics': (d) => drawTestMetrics(d.data),
  'training-curves': (d) => drawTrainingCurves(d.data, d.size),
  'learning-rate': (d) => drawLearningRate(d.data),
  'lineage-trend': (d) => drawLineageTrend(d.data, d.size),
  'search-space': (d) => drawSearchSpace(d.data),
  'compare-test-metrics': (d) => drawCompareTestMetrics(d.data),
  'compare-curves': (d) => drawCompareCurves(d.data, d.axis),
  'compare-params': (d) => drawCompareParams(d.data),
  fairness: (d) => drawFairness(d.data),
  baselines: (d) => drawBaselines(d.data),
  'compare-fairness': (d) => drawCompareFairness(d.data),
  'feature-importance': (d) => drawFeatureImportance(d.data),
  'confusion-matrix': (d) => drawConfusionMatrix(d.data),
  'compare-confusion': (d) => drawCompareConfusion(d.data),
};

/** The chart as a finished static SVG (sized, on the chart surface, labelled by `title`), or undefined when it must be drawn by Vega. */
export function drawChart(drawing: ChartDrawing, options: { title?: string | undefined } = {}): string | undefined {
  // Each drawer takes the drawing of its own kind, which `DRAWERS`' type checks.
  const drawer = DRAWERS[drawing.kind] as (d: ChartDrawing) => Drawing | undefined;
  return drawer(drawing)?.toSvg({ title: options.title });
}
