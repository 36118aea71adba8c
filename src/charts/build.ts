/**
 * Record (+ a little analysis) → the charts of an experiment page. Pure: decides which charts exist
 * — a chart whose data is absent or unusable is skipped, never drawn broken — and prepares each
 * chart's view data, spec, text alternative and data table. Rendering is `render.ts`'s job.
 */
import type { ConfusionMatrix, EpochRow, Experiment, GroupRow, TestMetric } from '../schema/index.ts';
import {
  isLearningRateColumn,
  isLossMetric,
  isScaleProblem,
  isSelectionRateMetric,
  isUnitIntervalMetric,
  metricInfo,
  scaleValue,
} from '../analysis/metrics.ts';
import { isOverallGroup } from '../analysis/sizes.ts';
import { historyAxisOf, historyAxisTitle, type HistoryAxis } from '../analysis/history-axis.ts';
import { baselinesSpec } from './baselines.ts';
import { confusionMatrixCells, confusionMatrixSpec } from './confusion-matrix.ts';
import { fairnessSpec, FOUR_FIFTHS_LABEL, summarizeFairness } from './fairness.ts';
import { featureImportanceSpec, sortFeatures } from './feature-importance.ts';
import { formatChartNumber, formatShare, slugify, spansDecades } from './format.ts';
import { downsample } from './downsample.ts';
import { CHART_SIZES } from './theme.ts';
import { learningRateSpec } from './learning-rate.ts';
import { lineageTrendSpec } from './lineage-trend.ts';
import { isLogRange, searchPosition, searchSpaceSpec } from './search-space.ts';
import { formatWithInterval, testMetricsSpec } from './test-metrics.ts';
import { trainingCurvesSpec, trainingPanelLabel } from './training-curves.ts';
import type {
  BaselinesData,
  ChartCell,
  ChartView,
  ConfusionMatrixData,
  ExperimentChartsInput,
  FairnessData,
  SearchSpaceParam,
  TestMetricPoint,
  TrainingSeries,
} from './types.ts';
import { getOwn } from '../util/own.ts';
import { TRAINING_TABLE_ID } from '../view/sections.ts';
import { maxOf, minOf } from '../util/arrays.ts';

/** One fairness chart to draw: a metric disaggregated by one attribute. */
export interface FairnessChartRequest {
  /** Attribute key of `evaluation.disaggregated[].attributes` (e.g. "sex"); "group" when rows have none. */
  attribute: string;
  /** Metric column, e.g. "Accuracy" (matched case-insensitively). */
  metric: string;
}

/** What `buildExperimentCharts` can be told besides the chart input. */
export interface ExperimentChartOptions {
  /** Fairness charts to draw; default: the headline (or first) metric by every attribute. */
  fairness?: readonly FairnessChartRequest[] | undefined;
  /** Most features shown in the feature-importance chart (default 20). */
  maxFeatures?: number | undefined;
}

/** True when a smaller value of the metric is better (the metric vocabulary's direction; unknown metrics count as higher-is-better). */
function isLowerBetter(metric: string): boolean {
  return metricInfo(metric).direction === 'lower';
}

/** Split of a per-epoch column as the training curves name it. */
function seriesSplit(column: string): TrainingSeries['split'] {
  const split = metricInfo(column).split;
  return split === 'val' ? 'validation' : (split ?? 'other');
}

const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** Up to 4 significant digits as `formatChartNumber` gives them, thousands grouped: 41250 → "41,250". */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
const count = (n: number): string => EN.format(n);
const num = formatChartNumber;

/** The key named `wanted` (case aside), else the key of the same metric under another name (`WER (%)` for `WER`). */
function findKey(keys: readonly string[], wanted: string | undefined): string | undefined {
  if (wanted === undefined) return undefined;
  const w = wanted.trim().toLowerCase();
  const metric = metricInfo(wanted).key;
  return keys.find((k) => k.trim().toLowerCase() === w) ?? keys.find((k) => metricInfo(k).key === metric);
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

// ---------------------------------------------------------------------------------------------
// Training

/** Per-epoch metric columns as series (learning-rate columns excluded), in first-seen column order. */
export function trainingSeries(history: readonly EpochRow[]): TrainingSeries[] {
  const columns = new Set<string>();
  for (const row of history) for (const key of Object.keys(row)) if (key !== 'epoch') columns.add(key);
  return [...columns]
    .filter((c) => !isLearningRateColumn(c))
    .map((name) => {
      const points = history.flatMap((row) => {
        const value = getOwn(row, name);
        return isNumber(value) && isNumber(row.epoch) ? [{ epoch: row.epoch, value }] : [];
      });
      const shown = downsample(points, (p) => p.value);
      return {
        name,
        kind: isLossMetric(metricInfo(name)) ? ('loss' as const) : ('score' as const),
        split: seriesSplit(name),
        points: shown,
        ...(shown.length < points.length ? { recorded: points.length } : {}),
      };
    })
    .filter((s) => s.points.length > 0);
}

/** `sampledText` for a set of series: that of the one drawn from the most recorded epochs. */
function seriesSampledText(series: readonly TrainingSeries[], axis: HistoryAxis): string {
  const longest = series.reduce(
    (most, s) => (s.recorded !== undefined && s.recorded > (most?.recorded ?? 0) ? s : most),
    undefined as TrainingSeries | undefined,
  );
  return sampledText(longest?.points.length ?? 0, longest?.recorded, axis);
}

/** The sentence a downsampled chart's description ends with ('' when nothing was left out). */
function sampledText(shown: number, recorded: number | undefined, axis: HistoryAxis): string {
  return recorded === undefined || recorded <= shown
    ? ''
    : ` Drawn from ${count(shown)} of ${count(recorded)} ${axis}s (each stretch's lowest and highest value kept); the JSON API has every ${axis}.`;
}

/** "Val Loss goes from 0.53 (epoch 1) to …": the history's rows named as what they count (`axis`). */
function describeSeries(s: TrainingSeries, axis: HistoryAxis): string {
  const first = s.points[0];
  const last = s.points[s.points.length - 1];
  if (first === undefined || last === undefined) return '';
  const best = s.points.reduce((b, p) => ((s.kind === 'loss' ? p.value < b.value : p.value > b.value) ? p : b), first);
  const extreme = s.kind === 'loss' ? 'lowest' : 'highest';
  return `${s.name} goes from ${num(first.value)} (${axis} ${first.epoch}) to ${num(last.value)} (${axis} ${last.epoch}), ${extreme} ${num(best.value)} at ${axis} ${best.epoch}`;
}

/** The page's per-epoch table, where the training charts' data is shown in full (every row and column of the history). */
const TRAINING_TABLE = { table: TRAINING_TABLE_ID, label: 'Training metrics' };

function trainingCharts(record: Experiment): ChartView[] {
  const history = record.training?.history;
  if (history === undefined || history.length === 0) return [];
  const charts: ChartView[] = [];
  const axis = historyAxisOf(record);
  const axisTitle = historyAxisTitle(axis);
  const describe = (s: TrainingSeries): string => describeSeries(s, axis);
  const series = trainingSeries(history);
  const best = record.training?.bestModel;
  const bestEpoch = isNumber(best?.epoch) ? best.epoch : undefined;
  if (series.length > 0) {
    const bestValues = Object.entries(best?.metrics ?? {}).flatMap(([metric, value]) => {
      const s = series.find((x) => x.name.toLowerCase() === metric.toLowerCase());
      return s !== undefined && isNumber(value) ? [{ series: s.name, value }] : [];
    });
    const epochs = [...new Set(series.flatMap((s) => s.points.map((p) => p.epoch)))].sort((a, b) => a - b);
    const byEpoch = series.map((s) => new Map(s.points.map((p) => [p.epoch, p.value])));
    const rows: ChartCell[][] = epochs.map((epoch) => [epoch, ...byEpoch.map((values) => values.get(epoch) ?? null)]);
    const panels = [...new Set(series.map((s) => trainingPanelLabel(s.kind, series)))];
    const bestText =
      bestEpoch === undefined
        ? ''
        : ` Best model at ${axis} ${bestEpoch}${best?.selectedBy ? ` (selected by ${best.selectedBy})` : ''}${bestValues.length > 0 ? `: ${bestValues.map((b) => `${b.series} ${num(b.value)}`).join(', ')}` : ''}.`;
    charts.push({
      id: 'training-curves',
      section: 'training',
      title: 'Training curves',
      description: `${panels.join(' and ')} by ${axis} for ${series.length} column${series.length === 1 ? '' : 's'}, ${axis}s ${epochs[0]}–${epochs[epochs.length - 1]}. ${series.map(describe).join('; ')}.${bestText}${seriesSampledText(series, axis)}`,
      hint: `Drag to pan, Shift + scroll to zoom the ${axis} axis, double-click to reset.`,
      spec: trainingCurvesSpec({ series, bestEpoch, bestValues, axis }),
      drawing: { kind: 'training-curves', data: { series, bestEpoch, bestValues, axis } },
      table: { columns: [axisTitle, ...series.map((s) => s.name)], rows, shownIn: [TRAINING_TABLE] },
    });
  }
  const lrColumn =
    Object.keys(history[0] ?? {}).find((k) => k !== 'epoch' && isLearningRateColumn(k)) ??
    history.flatMap((r) => Object.keys(r)).find((k) => k !== 'epoch' && isLearningRateColumn(k));
  if (lrColumn !== undefined) {
    const recorded = history.flatMap((row) => {
      const lr = getOwn(row, lrColumn);
      return isNumber(lr) && lr > 0 && isNumber(row.epoch) ? [{ epoch: row.epoch, learningRate: lr }] : [];
    });
    const points = downsample(recorded, (p) => p.learningRate);
    if (points.length >= 2) {
      const values = points.map((p) => p.learningRate);
      const log = spansDecades(values);
      charts.push({
        id: 'learning-rate',
        section: 'training',
        title: 'Learning-rate schedule',
        description: `${lrColumn} by ${axis}${log ? ' (log scale)' : ''}: from ${num(values[0] as number)} at ${axis} ${points[0]?.epoch} to ${num(values[values.length - 1] as number)} at ${axis} ${points[points.length - 1]?.epoch}; range ${num(minOf(values))}–${num(maxOf(values))}${record.model?.training?.learningRateSchedule ? `, ${record.model.training.learningRateSchedule} schedule` : ''}.${sampledText(points.length, recorded.length, axis)}`,
        spec: learningRateSpec({ points, axis }),
        drawing: { kind: 'learning-rate', data: { points, axis } },
        table: { columns: [axisTitle, lrColumn], rows: points.map((p) => [p.epoch, p.learningRate]), shownIn: [TRAINING_TABLE] },
      });
    }
  }
  return charts;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** Metric families measured in units (time, memory, size, throughput, cost), never drawn on a proportion's axis. */
const MEASURED_KINDS: ReadonlySet<string> = new Set(['latency', 'time', 'memory', 'size', 'throughput', 'cost']);

/**
 * The commensurable test metrics to chart: unit-interval metrics on one scale (fractions, whatever
 * scale they were written on: `87%` next to `0.684`) and other 0–1 values without a unit; else
 * other percent metrics. Drawn as written: in percent when every one was written in percent
 * (`unit: '%'`); else each point written in percent keeps its percent as its label.
 */
export function chartableTestMetrics(metrics: readonly TestMetric[]): {
  shown: TestMetricPoint[];
  omitted: string[];
  unit: '%' | undefined;
} {
  type Point = TestMetricPoint & { scale: 'fraction' | 'percent' | 'other'; asWritten?: TestMetricPoint | undefined };
  const points = metrics.flatMap((m): Point[] => {
    if (!isNumber(m.value)) return [];
    const ci = m.ci95;
    // Without binary noise: 78.4 + 0.9 is 79.3, not 79.30000000000001.
    const clean = (x: number): number => Number.parseFloat(x.toPrecision(15));
    const [low, high] =
      ci === undefined ? [undefined, undefined] : typeof ci === 'number' ? [clean(m.value - ci), clean(m.value + ci)] : [ci.low, ci.high];
    const scaled = scaleValue(metricInfo(m.metric, m.unit), m.value, 0);
    if (!isScaleProblem(scaled) && scaled.fraction) {
      const f = (x: number | undefined): number | undefined =>
        x === undefined ? undefined : Number.parseFloat((x * scaled.factor).toPrecision(15));
      const asWritten = scaled.factor === 1 ? undefined : { metric: m.metric, value: m.value, low, high };
      return [{ metric: m.metric, value: scaled.value, low: f(low), high: f(high), scale: 'fraction', asWritten }];
    }
    // A unit written in the name (`p99 latency (s)`) is a unit too; times, sizes and rates are never
    // proportions, whatever their value (a latency of 0.041 s is not a share beside an accuracy).
    const info = metricInfo(m.metric, m.unit);
    const unit = m.unit ?? info.unit ?? '';
    const measured = info.kind !== null && MEASURED_KINDS.has(info.kind);
    const scale = !measured && unit === '' && m.value >= 0 && m.value <= 1 ? 'fraction' : unit === '%' ? 'percent' : 'other';
    return [{ metric: m.metric, value: m.value, low, high, scale }];
  });
  const fraction = points.filter((p) => p.scale === 'fraction');
  const percent = points.filter((p) => p.scale === 'percent');
  const omitted = (shown: readonly Point[]): string[] => points.filter((p) => !shown.includes(p)).map((p) => p.metric);
  if (fraction.length === 0)
    return {
      shown: percent.map(({ metric, value, low, high }) => ({ metric, value, low, high })),
      omitted: omitted(percent),
      unit: percent.length > 0 ? '%' : undefined,
    };
  // Every proportion written in percent: drawn in percent, as the page's table shows them.
  if (fraction.every((p) => p.asWritten !== undefined))
    return { shown: fraction.map((p) => p.asWritten as TestMetricPoint), omitted: omitted(fraction), unit: '%' };
  return {
    shown: fraction.map(({ metric, value, low, high, asWritten }) =>
      asWritten === undefined
        ? { metric, value, low, high }
        : { metric, value, low, high, label: formatWithInterval(asWritten.value, asWritten.low, asWritten.high, '%') },
    ),
    omitted: omitted(fraction),
    unit: undefined,
  };
}

/** A confusion matrix fit to draw (square, labelled, non-negative counts), or undefined. */
export function confusionMatrixData(cm: ConfusionMatrix): ConfusionMatrixData | undefined {
  const n = cm.labels.length;
  if (n < 2 || cm.matrix.length !== n || cm.matrix.some((row) => row.length !== n || row.some((v) => !isNumber(v) || v < 0)))
    return undefined;
  return { labels: cm.labels, matrix: cm.matrix };
}

function describeConfusion(data: ConfusionMatrixData): string {
  const total = data.matrix.flat().reduce((a, b) => a + b, 0);
  const recalls = data.labels.map((label, i) => {
    const row = data.matrix[i] ?? [];
    const rowTotal = row.reduce((a, b) => a + b, 0);
    const hit = row[i] ?? 0;
    return `${label} ${rowTotal > 0 ? formatShare(hit / rowTotal) : 'n/a'} (${count(hit)} of ${count(rowTotal)})`;
  });
  let worst: { from: string; to: string; n: number } | undefined;
  data.matrix.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i !== j && v > 0 && (worst === undefined || v > worst.n)) worst = { from: data.labels[i] ?? '', to: data.labels[j] ?? '', n: v };
    }),
  );
  const kind = data.labels.length === 2 ? 'Binary' : `${data.labels.length}-class`;
  const confusion =
    worst === undefined ? ' No misclassifications.' : ` Most frequent error: ${count(worst.n)} ${worst.from} predicted as ${worst.to}.`;
  return `${kind} confusion matrix of ${count(total)} test samples (rows: actual, columns: predicted), as counts and as shares of each actual class. Correct per actual class: ${recalls.join(', ')}.${confusion}`;
}

function evaluationCharts(record: Experiment): ChartView[] {
  const charts: ChartView[] = [];
  const tm = record.evaluation?.testMetrics;
  if (tm !== undefined) {
    const { shown, omitted, unit } = chartableTestMetrics(tm);
    if (shown.length > 0) {
      charts.push({
        id: 'test-metrics',
        section: 'evaluation',
        title: 'Test-set metrics with 95% confidence intervals',
        description: `${shown.map((m) => `${m.metric} ${m.label ?? formatWithInterval(m.value, m.low, m.high, unit ?? '')}`).join('; ')}.${omitted.length > 0 ? ` Not charted (different unit): ${omitted.join(', ')}.` : ''}`,
        spec: testMetricsSpec({ metrics: shown, unit }),
        drawing: { kind: 'test-metrics', data: { metrics: shown, unit } },
        table: {
          columns: ['Metric', unit === '%' ? 'Value (%)' : 'Value', '95% CI low', '95% CI high'],
          rows: shown.map((m) => [m.metric, m.value, m.low ?? null, m.high ?? null]),
        },
      });
    }
  }
  const cm = record.evaluation?.confusionMatrix;
  const data = cm === undefined ? undefined : confusionMatrixData(cm);
  if (data !== undefined) {
    charts.push({
      id: 'confusion-matrix',
      section: 'evaluation',
      title: 'Confusion matrix',
      description: describeConfusion(data),
      spec: confusionMatrixSpec(data),
      drawing: { kind: 'confusion-matrix', data },
      table: {
        columns: ['Actual', 'Predicted', 'Count', 'Share of actual class'],
        rows: confusionMatrixCells(data).map((c) => [
          c['actual'] as string,
          c['predicted'] as string,
          c['count'] as number,
          Number((c['rowShare'] as number).toFixed(4)),
        ]),
      },
    });
  }
  return charts;
}

// ---------------------------------------------------------------------------------------------
// Fairness

/** Attributes of the disaggregated table, in first-seen order; ["group"] when rows carry none. */
export function fairnessAttributes(rows: readonly GroupRow[]): string[] {
  const attrs: string[] = [];
  for (const r of rows) for (const k of Object.keys(r.attributes ?? {})) if (!attrs.includes(k)) attrs.push(k);
  return attrs.length > 0 ? attrs : rows.some((r) => !isOverallGroup(r)) ? ['group'] : [];
}

/** View data of one fairness chart, or undefined when fewer than two groups have the metric. */
export function fairnessData(rows: readonly GroupRow[], request: FairnessChartRequest): FairnessData | undefined {
  const metricKeys = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))];
  const metric = findKey(metricKeys, request.metric);
  if (metric === undefined) return undefined;
  const groupsOf = (candidates: readonly GroupRow[]) =>
    candidates.flatMap((r) => {
      const value = getOwn(r.metrics, metric);
      return isNumber(value)
        ? [{ group: request.attribute === 'group' ? r.group : (getOwn(r.attributes, request.attribute) ?? r.group), value, n: r.n }]
        : [];
    });
  const nonOverall = rows.filter((r) => !isOverallGroup(r));
  let groups =
    request.attribute === 'group'
      ? groupsOf(nonOverall.filter((r) => Object.keys(r.attributes ?? {}).length === 0))
      : groupsOf(
          nonOverall.filter((r) => {
            const keys = Object.keys(r.attributes ?? {});
            return keys.length === 1 && keys[0] === request.attribute;
          }),
        );
  if (groups.length < 2 && request.attribute !== 'group') {
    // Only intersectional rows (e.g. "Female, 18-29"): chart every row that has the attribute, by its full label.
    groups = nonOverall
      .filter((r) => getOwn(r.attributes, request.attribute) !== undefined)
      .flatMap((r) => {
        const value = getOwn(r.metrics, metric);
        return isNumber(value) ? [{ group: r.group, value, n: r.n }] : [];
      });
  }
  if (groups.length < 2) return undefined;
  const overallValue = getOwn(rows.find(isOverallGroup)?.metrics, metric);
  return {
    attribute: request.attribute,
    metric,
    groups,
    overall: isNumber(overallValue) ? overallValue : undefined,
    fourFifths: isSelectionRateMetric(metricInfo(metric)),
  };
}

function fairnessCharts(record: Experiment, input: ExperimentChartsInput & ExperimentChartOptions): ChartView[] {
  const rows = record.evaluation?.disaggregated ?? [];
  if (rows.length === 0) return [];
  let requests = input.fairness;
  if (requests === undefined) {
    const metricKeys = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].filter((k) => !/^n$/i.test(k));
    const metric = findKey(metricKeys, input.headlineMetric) ?? metricKeys.find((k) => rows.some((r) => isNumber(getOwn(r.metrics, k))));
    requests = metric === undefined ? [] : fairnessAttributes(rows).map((attribute) => ({ attribute, metric }));
  }
  const seen = new Set<string>();
  return requests.flatMap((request) => {
    const data = fairnessData(rows, request);
    const summary = data === undefined ? undefined : summarizeFairness(data);
    if (data === undefined || summary === undefined) return [];
    const id = `fairness-${slugify(data.metric)}-${slugify(data.attribute)}`;
    if (seen.has(id)) return [];
    seen.add(id);
    // The four-fifths rule is said only where the analysis applies it: selection rates.
    const threshold =
      summary.threshold === undefined
        ? ''
        : ` ${FOUR_FIFTHS_LABEL}: ${num(summary.threshold)}; ${summary.below.length === 0 ? 'no group is below it' : `below it: ${summary.below.join(', ')}`}.`;
    return [
      {
        id,
        section: 'fairness' as const,
        title: `${data.metric} by ${data.attribute}`,
        description: `${data.metric} for ${data.groups.length} ${data.attribute} groups: ${data.groups.map((g) => `${g.group} ${num(g.value)}`).join(', ')}${data.overall === undefined ? '' : ` (overall ${num(data.overall)})`}. Gap (max − min): ${num(summary.gap)}, between ${summary.max.group} and ${summary.min.group}.${threshold}`,
        spec: fairnessSpec(data),
        drawing: { kind: 'fairness' as const, data },
        table: { columns: [data.attribute, data.metric, 'N'], rows: data.groups.map((g) => [g.group, g.value, g.n ?? null]) },
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Comparison

function baselinesCharts(record: Experiment, input: ExperimentChartsInput): ChartView[] {
  const rows = record.comparison?.baselines ?? [];
  const current = rows.find((r) => r.current === true);
  if (current === undefined || rows.length < 2) return [];
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))];
  const metric =
    findKey(keys, input.headlineMetric) ??
    keys.find((k) => isNumber(getOwn(current.metrics, k)) && rows.filter((r) => isNumber(getOwn(r.metrics, k))).length >= 2);
  const cur = metric === undefined ? undefined : getOwn(current.metrics, metric);
  if (metric === undefined || !isNumber(cur)) return [];
  const bars = rows.flatMap((r) => {
    const value = getOwn(r.metrics, metric);
    return isNumber(value) ? [{ label: r.label, value, current: r === current }] : [];
  });
  if (bars.length < 2) return [];
  const data: BaselinesData = { metric, higherIsBetter: !isLowerBetter(metric), rows: bars };
  const others = bars.filter((b) => !b.current);
  const better = others.filter((b) => (data.higherIsBetter ? b.value > cur : b.value < cur)).map((b) => b.label);
  return [
    {
      id: `baselines-${slugify(metric)}`,
      section: 'comparison',
      title: `${metric}: this experiment vs baselines`,
      description: `${metric} (${data.higherIsBetter ? 'higher' : 'lower'} is better): this experiment ${num(cur)}; ${others.map((b) => `${b.label} ${num(b.value)}`).join(', ')}. ${better.length === 0 ? 'No baseline is better.' : `Better than this experiment: ${better.join(', ')}.`}`,
      spec: baselinesSpec(data),
      drawing: { kind: 'baselines', data },
      table: { columns: ['Model', metric, 'This experiment'], rows: bars.map((b) => [b.label, b.value, b.current ? 'yes' : null]) },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Model, observations, lineage

function searchSpaceCharts(record: Experiment): ChartView[] {
  const best = record.tuning?.bestHyperparameters ?? {};
  const params: SearchSpaceParam[] = (record.model?.hyperparameters ?? []).flatMap((h): SearchSpaceParam[] => {
    const space = h.searchSpace;
    if (space === undefined || space.kind === 'text') return [];
    if (space.kind === 'range' && !(isNumber(space.min) && isNumber(space.max))) return [];
    if (space.kind === 'choice' && space.values.length === 0) return [];
    const fromTuning = best[h.name];
    const chosen =
      h.value !== undefined
        ? h.value
        : typeof fromTuning === 'number' || typeof fromTuning === 'string' || typeof fromTuning === 'boolean'
          ? fromTuning
          : undefined;
    return [
      {
        name: h.name,
        chosen,
        space:
          space.kind === 'range'
            ? { kind: 'range', min: space.min, max: space.max, scale: space.scale }
            : { kind: 'choice', values: space.values },
      },
    ];
  });
  if (params.length === 0) return [];
  const spaceText = (p: SearchSpaceParam): string =>
    p.space.kind === 'range'
      ? `[${num(p.space.min)}, ${num(p.space.max)}]${isLogRange(p.space) ? ' (log)' : ''}`
      : `{${p.space.values.map(String).join(', ')}}`;
  const chosenText = (p: SearchSpaceParam): string => {
    if (p.chosen === undefined || p.chosen === null) return 'no value';
    const pos = searchPosition(p);
    const v = typeof p.chosen === 'number' ? num(p.chosen) : String(p.chosen);
    return pos === undefined ? `${v} (outside the search space)` : `${v} (at ${Math.round(pos * 100)}% of the space)`;
  };
  const outside = params.filter((p) => p.chosen !== undefined && p.chosen !== null && searchPosition(p) === undefined).map((p) => p.name);
  return [
    {
      id: 'search-space',
      section: 'model',
      title: 'Hyperparameter search space and chosen values',
      description: `${params.length} hyperparameter${params.length === 1 ? '' : 's'}: ${params.map((p) => `${p.name} ${chosenText(p)} in ${spaceText(p)}`).join('; ')}.${outside.length > 0 ? ` Outside the search space: ${outside.join(', ')}.` : ''}`,
      spec: searchSpaceSpec({ params }),
      drawing: { kind: 'search-space', data: { params } },
      table: {
        columns: ['Hyperparameter', 'Chosen', 'Search space', 'Position (0–1)'],
        rows: params.map((p) => {
          const pos = searchPosition(p);
          return [
            p.name,
            p.chosen === undefined || p.chosen === null ? null : typeof p.chosen === 'number' ? p.chosen : String(p.chosen),
            spaceText(p),
            pos === undefined ? null : Number(pos.toFixed(3)),
          ];
        }),
      },
    },
  ];
}

function featureImportanceCharts(record: Experiment, maxFeatures: number): ChartView[] {
  const all = (record.observations?.featureImportance ?? []).filter((f) => isNumber(f.importance));
  if (all.length === 0) return [];
  const sorted = sortFeatures(all.map((f) => ({ feature: f.feature, importance: f.importance })));
  const shown = sorted.slice(0, maxFeatures);
  const method = record.observations?.featureImportanceMethod;
  return [
    {
      id: 'feature-importance',
      section: 'observations',
      title: 'Feature importance',
      description: `${shown.length === sorted.length ? `${sorted.length} features` : `Top ${shown.length} of ${sorted.length} features`} by importance${method ? ` (${method})` : ''}: ${shown.map((f) => `${f.feature} ${num(f.importance)}`).join(', ')}.`,
      spec: featureImportanceSpec({ features: shown, method }),
      drawing: { kind: 'feature-importance', data: { features: shown, method } },
      table: { columns: ['Feature', 'Importance'], rows: shown.map((f) => [f.feature, f.importance]) },
    },
  ];
}

/** The headline metric along the lineage, drawn small for the summary band; undefined without two values on the chain. */
function lineageTrendChart(record: Experiment, input: ExperimentChartsInput): ChartView | undefined {
  const chain = (input.lineageChain ?? []).flatMap((p) =>
    isNumber(p.value) ? [{ id: p.id, value: p.value, current: p.id === record.id }] : [],
  );
  if (chain.length < 2) return undefined;
  const metric = input.headlineMetric ?? 'Headline metric';
  const first = chain[0] as { id: string; value: number };
  const last = chain[chain.length - 1] as { id: string; value: number };
  // A proportion reads in percent and its change in points, whichever scale this record wrote it on
  // (the chain is on this record's scale), so the same lineage reads alike from every page on it.
  const unit = record.evaluation?.testMetrics?.find((m) => m.metric === metric)?.unit;
  const info = metricInfo(metric, unit);
  const inPercent = info.unit === '%' || unit === '%';
  const asFraction = !inPercent && isUnitIntervalMetric(info) && chain.every((p) => p.value >= 0 && p.value <= 1);
  const scale = asFraction ? 100 : 1;
  // Another unit (ms, tokens/s) goes after each value and the change; large values are grouped (41,250).
  const other = inPercent || asFraction ? null : (unit ?? info.unit);
  const text = (v: number): string => GROUPED.format(Number.parseFloat(num(v)));
  const shown = (v: number): string =>
    `${text(Number.parseFloat((v * scale).toPrecision(12)))}${inPercent || asFraction ? '%' : other === null ? '' : ` ${other}`}`;
  const change = Number.parseFloat(((last.value - first.value) * scale).toPrecision(12));
  const changeText = `${change >= 0 ? '+' : ''}${text(change)}${inPercent || asFraction ? ' pp' : other === null ? '' : ` ${other}`}`;
  return {
    id: 'lineage-trend',
    section: 'summary',
    title: `${metric} along the lineage`,
    description: `${metric} across ${chain.length} experiments from ${first.id} to ${last.id}: ${chain.map((p) => `${p.id} ${shown(p.value)}`).join(' → ')} (change ${changeText}).`,
    spec: lineageTrendSpec({ metric, points: chain }, CHART_SIZES.summary),
    drawing: { kind: 'lineage-trend', data: { metric, points: chain }, size: CHART_SIZES.summary },
    table: { columns: ['Experiment', metric], rows: chain.map((p) => [p.id, p.value]) },
  };
}

/** One panel of the training curves (losses when there are any), drawn small for the summary band. */
function summaryCurvesChart(record: Experiment): ChartView | undefined {
  const all = trainingSeries(record.training?.history ?? []);
  const kind = all.some((s) => s.kind === 'loss') ? 'loss' : 'score';
  const series = all.filter((s) => s.kind === kind);
  if (series.length === 0) return undefined;
  const best = record.training?.bestModel?.epoch;
  const bestEpoch = isNumber(best) ? best : undefined;
  const epochs = [...new Set(series.flatMap((s) => s.points.map((p) => p.epoch)))].sort((a, b) => a - b);
  const label = trainingPanelLabel(kind, all);
  const axis = historyAxisOf(record);
  return {
    id: 'summary-curves',
    section: 'summary',
    title: `${label} by ${axis}`,
    description: `${label} by ${axis} for ${series.length} column${series.length === 1 ? '' : 's'}. ${series.map((s) => describeSeries(s, axis)).join('; ')}.${bestEpoch === undefined ? '' : ` Best model at ${axis} ${bestEpoch}.`}${seriesSampledText(series, axis)}`,
    spec: trainingCurvesSpec({ series, bestEpoch, axis }, { width: CHART_SIZES.summary.width, panelHeight: CHART_SIZES.summary.height }),
    drawing: {
      kind: 'training-curves',
      data: { series, bestEpoch, axis },
      size: { width: CHART_SIZES.summary.width, panelHeight: CHART_SIZES.summary.height },
    },
    table: {
      columns: [historyAxisTitle(axis), ...series.map((s) => s.name)],
      rows: epochs.map((epoch) => [epoch, ...series.map((s) => s.points.find((p) => p.epoch === epoch)?.value ?? null)]),
      shownIn: [TRAINING_TABLE],
    },
  };
}

/**
 * The summary band's one small chart: the headline metric along the lineage when there is one, else
 * the training curves of one kind; none when the record has neither.
 */
function summaryCharts(record: Experiment, input: ExperimentChartsInput): ChartView[] {
  const chart = lineageTrendChart(record, input) ?? summaryCurvesChart(record);
  return chart === undefined ? [] : [chart];
}

/**
 * The charts of one experiment page, in page order. Charts whose data is absent (or too little to
 * draw: one group, one baseline, a malformed matrix) are left out. Ids are stable anchor slugs.
 */
export function buildExperimentCharts(input: ExperimentChartsInput & ExperimentChartOptions): ChartView[] {
  const { record } = input;
  return [
    ...summaryCharts(record, input),
    ...trainingCharts(record),
    ...evaluationCharts(record),
    ...fairnessCharts(record, input),
    ...baselinesCharts(record, input),
    ...searchSpaceCharts(record),
    ...featureImportanceCharts(record, input.maxFeatures ?? 20),
  ];
}
