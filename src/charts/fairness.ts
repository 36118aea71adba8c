import type { TopLevelSpec } from 'vega-lite';
import { ACCENT, CHART_SIZES, MUTED, WARNING, WARNING_INK } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import { formatChartNumber } from './format.ts';
import type { ChartDatum, FairnessData } from './types.ts';
import { DEFAULT_FAIRNESS_THRESHOLD } from '../analysis/metrics.ts';

/** The four-fifths rule's ratio, as the analysis judges selection rates by it (0.8). */
const RATIO = DEFAULT_FAIRNESS_THRESHOLD;
/** The layers of a layered spec. */
type Layers = Extract<TopLevelSpec, { layer: unknown }>['layer'];

/** Label of the four-fifths line (exact text). */
export const FOUR_FIFTHS_LABEL = `${RATIO} × best (four-fifths heuristic)`;
const OK = `at or above ${RATIO} × best`;
const BELOW = `below ${RATIO} × best`;

/** Summary numbers of a disaggregated metric: best and worst group, gap (max − min), four-fifths threshold. */
export interface FairnessSummary {
  max: { group: string; value: number };
  min: { group: string; value: number };
  /** max − min. */
  gap: number;
  /** 0.8 × max, for a selection rate (the only metric the analysis judges by the four-fifths rule). */
  threshold: number | undefined;
  /** Groups below the threshold. */
  below: string[];
}

/**
 * Computes the gap (max − min) of a disaggregated metric and, for a selection rate, the 0.8 × max
 * threshold of the four-fifths rule; undefined without groups.
 */
export function summarizeFairness(data: FairnessData): FairnessSummary | undefined {
  const first = data.groups[0];
  if (first === undefined) return undefined;
  let max = first;
  let min = first;
  for (const g of data.groups) {
    if (g.value > max.value) max = g;
    if (g.value < min.value) min = g;
  }
  const threshold = data.fourFifths ? RATIO * max.value : undefined;
  return {
    max: { group: max.group, value: max.value },
    min: { group: min.group, value: min.value },
    gap: max.value - min.value,
    threshold,
    below: threshold === undefined ? [] : data.groups.filter((g) => g.value < threshold).map((g) => g.group),
  };
}

/** The gap written above the chart: "Gap (max − min): 0.27 — Male 0.87 vs Other 0.6". */
export function fairnessGapLabel(summary: FairnessSummary): string {
  return `Gap (max − min): ${formatChartNumber(summary.gap)} — ${summary.max.group} ${formatChartNumber(summary.max.value)} vs ${summary.min.group} ${formatChartNumber(summary.min.value)}`;
}

/** The Overall value's label beside its rule: "Overall 0.85". */
export function overallLabel(value: number): string {
  return `Overall ${formatChartNumber(value)}`;
}

/**
 * Disaggregated performance: one bar per group for one metric, the gap (max − min) annotated, the
 * Overall value as a dashed rule, and — for a selection rate, the only metric the analysis judges by
 * the four-fifths rule — the 0.8 × max line labelled "0.8 × best (four-fifths heuristic)", with groups
 * below it highlighted. Other metrics get no reference line: the analysis judges them by the gap and
 * its interval, which no line across the bars can show.
 */
export function fairnessSpec(data: FairnessData): TopLevelSpec {
  const summary = summarizeFairness(data);
  const threshold = summary?.threshold;
  const groups: ChartDatum[] = data.groups.map((g, order) => ({
    group: g.group,
    order,
    value: g.value,
    n: g.n ?? null,
    ...(threshold === undefined ? {} : { status: g.value < threshold ? BELOW : OK }),
    valueLabel: formatChartNumber(g.value),
  }));
  const gapLabel = summary === undefined ? '' : fairnessGapLabel(summary);
  const annotations: ChartDatum[] = [threshold === undefined ? { gapLabel } : { threshold, thresholdLabel: FOUR_FIFTHS_LABEL, gapLabel }];
  const overall: ChartDatum[] = data.overall === undefined ? [] : [{ value: data.overall, label: overallLabel(data.overall) }];
  const x = { field: 'value', type: 'quantitative', title: data.metric } as const;
  return {
    ...SPEC_BASE,
    datasets: { groups, annotations, overall },
    width: CHART_SIZES.width - 80,
    height: { step: CHART_SIZES.barStep + 4 },
    layer: [
      {
        data: { name: 'groups' },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y: { field: 'group', type: 'nominal', title: data.attribute, sort: { field: 'order', op: 'min' } },
          x,
          // Amber below the four-fifths line; one colour where the rule does not apply.
          color:
            threshold === undefined
              ? { value: ACCENT }
              : { field: 'status', type: 'nominal', title: null, scale: { domain: [OK, BELOW], range: [ACCENT, WARNING] }, legend: null },
          tooltip: [
            { field: 'group', type: 'nominal', title: data.attribute },
            { field: 'value', type: 'quantitative', title: data.metric, format: VALUE_FORMAT },
            { field: 'n', type: 'quantitative', title: 'N', format: ',' },
            ...(threshold === undefined ? [] : [{ field: 'status', type: 'nominal', title: 'Four-fifths check' } as const]),
          ],
        },
      },
      {
        data: { name: 'groups' },
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: {
          y: { field: 'group', type: 'nominal', sort: { field: 'order', op: 'min' } },
          x,
          text: { field: 'valueLabel', type: 'nominal' },
        },
      },
      {
        data: { name: 'overall' },
        mark: { type: 'rule', color: MUTED, strokeDash: [2, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'label', type: 'nominal', title: 'Overall' }] },
      },
      {
        data: { name: 'overall' },
        mark: { type: 'text', color: MUTED, align: 'left', baseline: 'bottom', dx: 4, y: -4 },
        encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
      ...fourFifthsLayers(threshold),
      {
        data: { name: 'annotations' },
        mark: { type: 'text', align: 'left', baseline: 'bottom', x: 0, y: -22, fontWeight: 600 },
        encoding: { text: { field: 'gapLabel', type: 'nominal' } },
      },
    ],
  };
}

/**
 * The four-fifths line and its label, from the `annotations` dataset: a selection rate's only (the
 * `threshold` of any other metric is undefined, and so the chart has no line at all).
 */
function fourFifthsLayers(threshold: number | undefined): Layers {
  if (threshold === undefined) return [];
  return [
    {
      data: { name: 'annotations' },
      mark: { type: 'rule', color: WARNING, strokeDash: [6, 3], strokeWidth: 1.5 },
      encoding: {
        x: { field: 'threshold', type: 'quantitative' },
        tooltip: [{ field: 'threshold', type: 'quantitative', title: FOUR_FIFTHS_LABEL, format: VALUE_FORMAT }],
      },
    },
    {
      data: { name: 'annotations' },
      mark: { type: 'text', color: WARNING_INK, align: 'right', baseline: 'bottom', dx: 4, y: -4 },
      encoding: { x: { field: 'threshold', type: 'quantitative' }, text: { field: 'thresholdLabel', type: 'nominal' } },
    },
  ];
}
