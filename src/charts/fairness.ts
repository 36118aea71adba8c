import type { TopLevelSpec } from 'vega-lite';
import { ACCENT, CHART_SIZES, MUTED, WARNING, WARNING_INK } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import { formatChartNumber } from './format.ts';
import type { ChartDatum, FairnessData } from './types.ts';

/** Label of the four-fifths line (exact text). */
export const FOUR_FIFTHS_LABEL = '0.8 × best (four-fifths heuristic)';
const OK = 'at or above 0.8 × best';
const BELOW = 'below 0.8 × best';
const NOT_APPLICABLE = 'group';

/** Summary numbers of a disaggregated metric: best and worst group, gap (max − min), four-fifths threshold. */
export interface FairnessSummary {
  max: { group: string; value: number };
  min: { group: string; value: number };
  /** max − min. */
  gap: number;
  /** 0.8 × max, when higher is better. */
  threshold: number | undefined;
  /** Groups below the threshold. */
  below: string[];
}

/** Computes the gap (max − min) and the 0.8 × max threshold of a disaggregated metric; undefined without groups. */
export function summarizeFairness(data: FairnessData): FairnessSummary | undefined {
  const first = data.groups[0];
  if (first === undefined) return undefined;
  let max = first;
  let min = first;
  for (const g of data.groups) {
    if (g.value > max.value) max = g;
    if (g.value < min.value) min = g;
  }
  const threshold = data.higherIsBetter ? 0.8 * max.value : undefined;
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
 * Overall value as a dashed rule, and — when higher is better — the 0.8 × max line labelled
 * "0.8 × best (four-fifths heuristic)", with groups below it highlighted.
 */
export function fairnessSpec(data: FairnessData): TopLevelSpec {
  const summary = summarizeFairness(data);
  const threshold = summary?.threshold;
  const groups: ChartDatum[] = data.groups.map((g, order) => ({
    group: g.group,
    order,
    value: g.value,
    n: g.n ?? null,
    status: threshold === undefined ? NOT_APPLICABLE : g.value < threshold ? BELOW : OK,
    valueLabel: formatChartNumber(g.value),
  }));
  const gapLabel = summary === undefined ? '' : fairnessGapLabel(summary);
  const annotations: ChartDatum[] = [{ threshold: threshold ?? null, thresholdLabel: FOUR_FIFTHS_LABEL, gapLabel }];
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
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: [OK, BELOW, NOT_APPLICABLE], range: [ACCENT, WARNING, ACCENT] },
            legend: null,
          },
          tooltip: [
            { field: 'group', type: 'nominal', title: data.attribute },
            { field: 'value', type: 'quantitative', title: data.metric, format: VALUE_FORMAT },
            { field: 'n', type: 'quantitative', title: 'N', format: ',' },
            { field: 'status', type: 'nominal', title: 'Four-fifths check' },
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
      {
        data: { name: 'annotations' },
        transform: [{ filter: 'isValid(datum.threshold)' }],
        mark: { type: 'rule', color: WARNING, strokeDash: [6, 3], strokeWidth: 1.5 },
        encoding: {
          x: { field: 'threshold', type: 'quantitative' },
          tooltip: [{ field: 'threshold', type: 'quantitative', title: FOUR_FIFTHS_LABEL, format: VALUE_FORMAT }],
        },
      },
      {
        data: { name: 'annotations' },
        transform: [{ filter: 'isValid(datum.threshold)' }],
        mark: { type: 'text', color: WARNING_INK, align: 'right', baseline: 'bottom', dx: 4, y: -4 },
        encoding: { x: { field: 'threshold', type: 'quantitative' }, text: { field: 'thresholdLabel', type: 'nominal' } },
      },
      {
        data: { name: 'annotations' },
        mark: { type: 'text', align: 'left', baseline: 'bottom', x: 0, y: -22, fontWeight: 600 },
        encoding: { text: { field: 'gapLabel', type: 'nominal' } },
      },
    ],
  };
}
