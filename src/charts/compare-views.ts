/**
 * The charts of a comparison of two or more experiments, from their API documents (record and
 * analysis): the one function the build (static SVG on the pairwise compare pages), the chart
 * runtime (hydrating those) and the in-browser compare page (`/compare/?ids=`) use, so all three
 * draw the same data. Pure: no Vega, no Node APIs.
 */
import type { Experiment, Scalar, TestMetric } from '../schema/index.ts';
import { isUnitIntervalMetric, metricInfo, nameInUnit, proportionScale, secondsIn, type ProportionScale } from '../analysis/metrics.ts';
import { historyAxisOf, historyAxisTitle, sharedHistoryAxis, type HistoryAxis } from '../analysis/history-axis.ts';
// The axes alone, not the schema's index: this module runs in the browser, which must not bundle zod.
import { HISTORY_AXES } from '../schema/history-axes.ts';
import { confusionMatrixData, fairnessAttributes, fairnessData, trainingSeries } from './build.ts';
import { compareConfusionSpec, compareCurvesSpec, compareFairnessSpec, compareParamsSpec, compareTestMetricsSpec } from './compare.ts';
import { confusionMatrixCells } from './confusion-matrix.ts';
import { formatChartNumber, spansDecades } from './format.ts';
import type { ChartCell, ChartDatum, ChartView, TrainingSeries } from './types.ts';
import { compareText } from '../util/compare-text.ts';
import { TRAINING_TABLE_ID } from '../view/sections.ts';

/** Sections of a compare page that hold charts. */
export type CompareSectionId = 'metrics' | 'setup' | 'curves' | 'confusion' | 'fairness';

/** What a compare chart is made from, per experiment: its API document (`{ record, analysis }`), or as much of it. */
export interface CompareDoc {
  record: Experiment;
  analysis: { headline: { metric: string } | null };
}

/**
 * A chart of a compare page. `shapeKey` names its compiled shape among `compareChartShapeSpecs`
 * when that is not its id (the curves of histories counted in steps have an axis of their own).
 */
export type CompareChartView = Omit<ChartView, 'section'> & { section: CompareSectionId; shapeKey?: string };

/** The shape key of the overlaid curves of histories counted in `axis`. */
function curvesShapeKey(axis: HistoryAxis): string {
  return `compare-curves-${axis}`;
}

/** Most hyperparameter axes in the parallel-coordinates chart. */
export const MAX_PARAM_AXES = 8;

const num = formatChartNumber;

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Keys (and first-seen names) shared by at least two of the lists, in first-seen order. */
function shared<T>(lists: readonly (readonly T[])[], keyOf: (t: T) => string, nameOf: (t: T) => string): { key: string; name: string }[] {
  const seen = new Map<string, { name: string; count: number }>();
  for (const list of lists) {
    const mine = new Set<string>();
    for (const item of list) {
      const key = keyOf(item);
      if (mine.has(key)) continue;
      mine.add(key);
      const entry = seen.get(key);
      if (entry) entry.count += 1;
      else seen.set(key, { name: nameOf(item), count: 1 });
    }
  }
  return [...seen].filter(([, e]) => e.count >= 2).map(([key, e]) => ({ key, name: e.name }));
}

/** A sum or difference of written decimals without its float noise (84.6 + 1.6 is 86.2, not 86.19999999999999). */
function noiseless(x: number): number {
  return Number(x.toPrecision(12));
}

function ciBounds(value: number, ci: number | { low: number; high: number } | undefined): [number | null, number | null] {
  if (ci === undefined) return [null, null];
  return typeof ci === 'number' ? [noiseless(value - ci), noiseless(value + ci)] : [ci.low, ci.high];
}

/**
 * The factors that put a test metric of each experiment on the scale the experiments share, and the
 * unit of time they then share, if any. Durations in different units of time (0.041 s beside 38 ms)
 * go into the smallest unit among them (×1000 for the seconds). A proportion written as a fraction
 * (0.812) beside the same metric in percent (84.6%) gets ×100, since one axis cannot hold both.
 * Anything else keeps ×1.
 */
function toSharedScale(metrics: readonly (TestMetric | undefined)[]): { factors: number[]; timeUnit: string | undefined } {
  const infos = metrics.map((m) => (m === undefined || !isNumber(m.value) ? undefined : metricInfo(m.metric, m.unit)));
  const seconds = infos.map((info) => secondsIn(info?.unit));
  const timed = seconds.filter((x): x is number => x !== undefined);
  if (new Set(timed).size > 1) {
    const smallest = Math.min(...timed);
    return {
      factors: seconds.map((x) => (x === undefined ? 1 : x / smallest)),
      timeUnit: infos[seconds.indexOf(smallest)]?.unit ?? undefined,
    };
  }
  const scales = infos.map((info, i) => {
    const value = metrics[i]?.value;
    return info !== undefined && isNumber(value) && isUnitIntervalMetric(info) ? proportionScale(info, value) : null;
  });
  const mixed = scales.includes('percent') && scales.includes('fraction');
  return { factors: scales.map((scale) => (mixed && scale === 'fraction' ? 100 : 1)), timeUnit: undefined };
}

function testMetricsChart(docs: readonly CompareDoc[]): CompareChartView[] {
  const lists = docs.map((d) => (d.record.evaluation?.testMetrics ?? []).filter((m) => isNumber(m.value)));
  const metrics = shared(
    lists,
    (m) => metricInfo(m.metric, m.unit).key,
    (m) => m.metric,
  );
  if (metrics.length === 0) return [];
  const rows: ChartDatum[] = [];
  const names: string[] = [];
  metrics.forEach(({ key, name: written }, mOrder) => {
    const found = docs.map((_, eOrder) => lists[eOrder]?.find((t) => metricInfo(t.metric, t.unit).key === key));
    const { factors, timeUnit } = toSharedScale(found);
    // Durations put into one unit are named in it (`p99 latency (s)` over 41 ms is `p99 latency (ms)`).
    const name = timeUnit === undefined ? written : nameInUnit(written, [timeUnit]);
    names.push(name);
    docs.forEach((d, eOrder) => {
      const m = found[eOrder];
      if (m === undefined || !isNumber(m.value)) return;
      const factor = factors[eOrder] ?? 1;
      const scaled = (x: number | null): number | null => (x === null ? null : noiseless(x * factor));
      const value = scaled(m.value) as number;
      const [low, high] = ciBounds(m.value, m.ci95).map(scaled) as [number | null, number | null];
      const unit =
        timeUnit !== undefined ? ` ${timeUnit}` : factor !== 1 ? '%' : m.unit === undefined ? '' : m.unit === '%' ? '%' : ` ${m.unit}`;
      rows.push({
        metric: name,
        mOrder,
        experiment: d.record.id,
        eOrder,
        value,
        low,
        high,
        label: `${num(value)}${unit}`,
        interval: low !== null && high !== null ? `[${num(low)}, ${num(high)}]` : '',
      });
    });
  });
  return [
    {
      id: 'compare-test-metrics',
      section: 'metrics',
      title: 'Test metrics with 95% confidence intervals',
      description: `${metrics.length} test metric${metrics.length === 1 ? '' : 's'} reported by more than one experiment. ${names
        .map(
          (name) =>
            `${name}: ${rows
              .filter((r) => r['metric'] === name)
              .map((r) => `${String(r['experiment'])} ${String(r['label'])}${r['interval'] ? ` ${String(r['interval'])}` : ''}`)
              .join(', ')}`,
        )
        .join('; ')}.`,
      spec: compareTestMetricsSpec(rows),
      drawing: { kind: 'compare-test-metrics', data: rows },
      table: {
        columns: ['Metric', 'Experiment', 'Value', '95% CI low', '95% CI high'],
        rows: rows.map((r) => [
          r['metric'] as string,
          r['experiment'] as string,
          r['value'] as number,
          r['low'] as number | null,
          r['high'] as number | null,
        ]),
      },
    },
  ];
}

/**
 * How a per-epoch column of a proportion (accuracy, F1, …) is written: in percent when a value lies in
 * (1, 100] or its name carries the unit "%", else as fractions; null for other metrics and for values
 * on neither scale. A column is one scale: an epoch at 0.9% in a percent column is still percent.
 */
function columnScale(series: TrainingSeries): ProportionScale | null {
  const info = metricInfo(series.name);
  const scales = new Set(series.points.map((p) => proportionScale(info, p.value)));
  if (scales.size === 0 || scales.has(null)) return null;
  return scales.has('percent') ? 'percent' : 'fraction';
}

function curvesChart(docs: readonly CompareDoc[]): CompareChartView[] {
  // Histories counting different things (epochs against steps) cannot share an x axis.
  const axis = sharedHistoryAxis(docs.map((d) => historyAxisOf(d.record)));
  if (axis === undefined) return [];
  const series = docs.map((d) => trainingSeries(d.record.training?.history ?? []));
  const keyOf = (s: { name: string }): string => metricInfo(s.name).key;
  const panels = shared(series, keyOf, (s) => s.name);
  if (panels.length === 0) return [];
  const rows: ChartDatum[] = [];
  const byEpoch = new Map<number, Map<string, number>>();
  const rescaled: string[] = [];
  panels.forEach(({ key, name }, pOrder) => {
    const mine = docs.map((_d, eOrder) => series[eOrder]?.find((x) => keyOf(x) === key));
    // One panel, one scale: a proportion written as 0.892 by one experiment and 89.2 by another is
    // drawn in percent for both (the site shows proportions in percent), and the description says so.
    const scales = mine.map((s) => (s === undefined ? null : columnScale(s)));
    const toPercent = scales.includes('percent') && scales.includes('fraction');
    docs.forEach((d, eOrder) => {
      const s = mine[eOrder];
      const factor = toPercent && scales[eOrder] === 'fraction' ? 100 : 1;
      if (factor !== 1) rescaled.push(`${d.record.id}'s ${s?.name ?? name}`);
      for (const p of s?.points ?? []) {
        const value = factor === 1 ? p.value : Number.parseFloat((p.value * factor).toPrecision(15));
        rows.push({ panel: name, pOrder, series: s?.name ?? name, experiment: d.record.id, eOrder, epoch: p.epoch, value });
        const cells = byEpoch.get(p.epoch) ?? new Map<string, number>();
        cells.set(`${name}\u0000${d.record.id}`, value);
        byEpoch.set(p.epoch, cells);
      }
    });
  });
  const columns = panels.flatMap(({ name }) => docs.map((d) => ({ name, id: d.record.id })));
  const last = (id: string, name: string): string => {
    const points = rows.filter((r) => r['experiment'] === id && r['panel'] === name);
    const end = points[points.length - 1];
    return end === undefined ? `${id} —` : `${id} ${num(end['value'] as number)} at ${axis} ${String(end['epoch'])}`;
  };
  return [
    {
      id: 'compare-curves',
      section: 'curves',
      title: 'Training curves, overlaid',
      description: `${panels.length} per-${axis} column${panels.length === 1 ? '' : 's'} shared by the experiments, one panel each, one line per experiment. Last values: ${panels
        .map(({ name }) => `${name}: ${docs.map((d) => last(d.record.id, name)).join(', ')}`)
        .join(
          '; ',
        )}.${rescaled.length === 0 ? '' : ` In percent: ${rescaled.join(', ')} ${rescaled.length === 1 ? 'was' : 'were'} written as fractions and ${rescaled.length === 1 ? 'is' : 'are'} drawn ×100.`}`,
      hint: 'Hover a line for its values.',
      spec: compareCurvesSpec(rows, axis),
      drawing: { kind: 'compare-curves', data: rows, axis },
      ...(axis === 'epoch' ? {} : { shapeKey: curvesShapeKey(axis) }),
      table: {
        columns: [historyAxisTitle(axis), ...columns.map((c) => `${c.name} (${c.id})`)],
        rows: [...byEpoch]
          .sort(([a], [b]) => a - b)
          .map(([epoch, cells]): ChartCell[] => [epoch, ...columns.map((c) => cells.get(`${c.name}\u0000${c.id}`) ?? null)]),
        // Each experiment's page holds its per-epoch values in full.
        shownIn: docs.map((d) => ({ table: TRAINING_TABLE_ID, experiment: d.record.id, label: `Training metrics of ${d.record.id}` })),
      },
    },
  ];
}

function confusionChart(docs: readonly CompareDoc[]): CompareChartView[] {
  const matrices = docs.flatMap((d, eOrder) => {
    const cm = d.record.evaluation?.confusionMatrix;
    const data = cm === undefined ? undefined : confusionMatrixData(cm);
    return data === undefined ? [] : [{ id: d.record.id, eOrder, data }];
  });
  if (matrices.length < 2) return [];
  const rows: ChartDatum[] = matrices.flatMap((m) =>
    confusionMatrixCells(m.data).map((c) => ({ ...c, experiment: m.id, eOrder: m.eOrder })),
  );
  const recall = (m: (typeof matrices)[number]): string =>
    m.data.labels
      .map((label, i) => {
        const row = m.data.matrix[i] ?? [];
        const total = row.reduce((a, b) => a + b, 0);
        return `${label} ${total > 0 ? `${(((row[i] ?? 0) / total) * 100).toFixed(1)}%` : 'n/a'}`;
      })
      .join(', ');
  return [
    {
      id: 'compare-confusion',
      section: 'confusion',
      title: 'Confusion matrices, row-normalized',
      description: `Each experiment's confusion matrix as shares of each actual class (rows: actual, columns: predicted). Correct per actual class — ${matrices.map((m) => `${m.id}: ${recall(m)}`).join('; ')}.`,
      spec: compareConfusionSpec(rows),
      drawing: { kind: 'compare-confusion', data: rows },
      table: {
        columns: ['Experiment', 'Actual', 'Predicted', 'Count', 'Share of actual class'],
        rows: rows.map((c) => [
          c['experiment'] as string,
          c['actual'] as string,
          c['predicted'] as string,
          c['count'] as number,
          Number((c['rowShare'] as number).toFixed(4)),
        ]),
      },
    },
  ];
}

function fairnessChart(docs: readonly CompareDoc[]): CompareChartView[] {
  const groups = docs.map((d) => d.record.evaluation?.disaggregated ?? []);
  const metricLists = groups.map((rows) => [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].filter((k) => !/^n$/i.test(k)));
  const candidates = shared(
    metricLists,
    (m) => metricInfo(m).key,
    (m) => m,
  );
  const headline = docs[0]?.analysis.headline?.metric;
  const chosen = candidates.find((c) => headline !== undefined && c.key === metricInfo(headline).key) ?? candidates[0];
  if (chosen === undefined) return [];
  const rows: ChartDatum[] = [];
  const attributes: string[] = [];
  const groupNames: string[] = [];
  docs.forEach((d, eOrder) => {
    const list = groups[eOrder] ?? [];
    const metric = metricLists[eOrder]?.find((m) => metricInfo(m).key === chosen.key);
    if (metric === undefined) return;
    for (const attribute of fairnessAttributes(list)) {
      const data = fairnessData(list, { attribute, metric });
      if (data === undefined) continue;
      if (!attributes.includes(attribute)) attributes.push(attribute);
      for (const g of data.groups) {
        if (!groupNames.includes(`${attribute}\u0000${g.group}`)) groupNames.push(`${attribute}\u0000${g.group}`);
        rows.push({
          attribute,
          aOrder: attributes.indexOf(attribute),
          group: g.group,
          gOrder: groupNames.indexOf(`${attribute}\u0000${g.group}`),
          metric: chosen.name,
          experiment: d.record.id,
          eOrder,
          value: g.value,
        });
      }
    }
  });
  if (new Set(rows.map((r) => r['experiment'])).size < 2) return [];
  return [
    {
      id: 'compare-fairness',
      section: 'fairness',
      title: `${chosen.name} by group`,
      description: `${chosen.name} of each group, one dot per experiment, by ${attributes.join(', ')}: ${groupNames
        .map((key) => {
          const [attribute, group] = key.split('\u0000') as [string, string];
          const values = rows.filter((r) => r['attribute'] === attribute && r['group'] === group);
          return `${group} ${values.map((r) => `${String(r['experiment'])} ${num(r['value'] as number)}`).join(' / ')}`;
        })
        .join('; ')}.`,
      spec: compareFairnessSpec(rows),
      drawing: { kind: 'compare-fairness', data: rows },
      table: {
        columns: ['Attribute', 'Group', ...docs.map((d) => d.record.id)],
        rows: groupNames.map((key) => {
          const [attribute, group] = key.split('\u0000') as [string, string];
          return [
            attribute,
            group,
            ...docs.map(
              (d) =>
                (rows.find((r) => r['attribute'] === attribute && r['group'] === group && r['experiment'] === d.record.id)?.['value'] as
                  number | undefined) ?? null,
            ),
          ];
        }),
      },
    },
  ];
}

function scalarText(v: Scalar): string {
  return typeof v === 'number' ? num(v) : String(v);
}

/** Positions 0–1 of each experiment's value on one axis: numbers min–max (log across decades), other values by their sorted order. */
export function axisPositions(values: readonly (Scalar | undefined)[]): (number | undefined)[] {
  const present = values.filter((v): v is Scalar => v !== undefined && v !== null);
  if (present.length > 0 && present.every(isNumber)) {
    const nums = present;
    const log = spansDecades(nums);
    const t = (v: number): number => (log ? Math.log(v) : v);
    const lo = Math.min(...nums.map(t));
    const hi = Math.max(...nums.map(t));
    return values.map((v) => (isNumber(v) ? (hi === lo ? 0.5 : (t(v) - lo) / (hi - lo)) : undefined));
  }
  const distinct = [...new Set(present.map(String))].sort(compareText);
  return values.map((v) => {
    if (v === undefined || v === null) return undefined;
    const i = distinct.indexOf(String(v));
    return distinct.length === 1 ? 0.5 : i / (distinct.length - 1);
  });
}

function paramsChart(docs: readonly CompareDoc[]): CompareChartView[] {
  if (docs.length < 3) return [];
  const scalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  const lists = docs.map((d) =>
    (d.record.model?.hyperparameters ?? []).filter((h) => h.value !== undefined && h.value !== null && scalar(h.value)),
  );
  const params = shared(
    lists,
    (h) => h.name,
    (h) => h.name,
  );
  const valueOf = (i: number, name: string): Scalar | undefined => lists[i]?.find((h) => h.name === name)?.value;
  // Parameters that differ between the experiments first: they are what the chart is for.
  const differs = (name: string): boolean => new Set(docs.map((_, i) => JSON.stringify(valueOf(i, name) ?? null))).size > 1;
  const axes = [...params.filter((p) => differs(p.name)), ...params.filter((p) => !differs(p.name))].slice(0, MAX_PARAM_AXES);
  const headline = docs[0]?.analysis.headline?.metric;
  const headlineKey = headline === undefined ? undefined : metricInfo(headline).key;
  const headlineValues = docs.map((d) => {
    const tm = (d.record.evaluation?.testMetrics ?? []).find(
      (t) => headlineKey !== undefined && metricInfo(t.metric, t.unit).key === headlineKey,
    );
    return isNumber(tm?.value) ? tm.value : undefined;
  });
  const all: { name: string; values: (Scalar | undefined)[] }[] = [
    ...axes.map((a) => ({ name: a.name, values: docs.map((_, i) => valueOf(i, a.name)) })),
    ...(headline !== undefined && headlineValues.filter((v) => v !== undefined).length >= 2
      ? [{ name: headline, values: headlineValues }]
      : []),
  ];
  if (all.length < 2) return [];
  const rows: ChartDatum[] = [];
  all.forEach((axis, aOrder) => {
    rows.push({ axis: axis.name, aOrder, track: true, experiment: null, eOrder: null, pos: null, label: null });
    const positions = axisPositions(axis.values);
    docs.forEach((d, eOrder) => {
      const pos = positions[eOrder];
      const value = axis.values[eOrder];
      const missing = pos === undefined || value === undefined || value === null;
      rows.push({
        axis: axis.name,
        aOrder,
        track: false,
        experiment: d.record.id,
        eOrder,
        pos: missing ? null : pos,
        label: missing ? '' : scalarText(value),
      });
    });
  });
  return [
    {
      id: 'compare-params',
      section: 'setup',
      title: `Hyperparameters${headline === undefined ? '' : ` and ${headline}`}, parallel coordinates`,
      description: `One vertical axis per hyperparameter${headline === undefined ? '' : ` and ${headline} last`}, each experiment a line through its values (numbers from lowest to highest, on a log scale when they span decades; other values in sorted order). ${docs
        .map(
          (d, i) =>
            `${d.record.id}: ${all.map((a) => `${a.name} ${a.values[i] === undefined || a.values[i] === null ? '—' : scalarText(a.values[i] as Scalar)}`).join(', ')}`,
        )
        .join('; ')}.`,
      spec: compareParamsSpec(rows),
      drawing: { kind: 'compare-params', data: rows },
      table: {
        columns: ['Experiment', ...all.map((a) => a.name)],
        rows: docs.map((d, i) => [
          d.record.id,
          ...all.map((a) => {
            const v = a.values[i];
            return v === undefined || v === null ? null : typeof v === 'number' ? v : String(v);
          }),
        ]),
      },
    },
  ];
}

/**
 * The charts comparing `docs` (two or more experiments, in the order given), in page order. A chart
 * needs at least two experiments with its data (the parallel coordinates three); others are left out.
 */
export function compareChartViews(docs: readonly CompareDoc[]): CompareChartView[] {
  if (docs.length < 2) return [];
  return [...testMetricsChart(docs), ...paramsChart(docs), ...curvesChart(docs), ...confusionChart(docs), ...fairnessChart(docs)];
}

/** One spec of every compare chart kind, without data: their compiled shapes are the ones any comparison uses. */
export function compareChartShapeSpecs(): { id: string; spec: ChartView['spec'] }[] {
  return [
    { id: 'compare-test-metrics', spec: compareTestMetricsSpec([]) },
    { id: 'compare-params', spec: compareParamsSpec([]) },
    ...HISTORY_AXES.map((axis) => ({ id: axis === 'epoch' ? 'compare-curves' : curvesShapeKey(axis), spec: compareCurvesSpec([], axis) })),
    { id: 'compare-confusion', spec: compareConfusionSpec([]) },
    { id: 'compare-fairness', spec: compareFairnessSpec([]) },
  ];
}
