/**
 * Compare pages: two or more experiments side by side. One builder for both pages — the static
 * pairwise page (`/compare/<a>/<b>/`, each experiment against its parent or a baseline that is a
 * record) and the in-browser page for any set (`/compare/?ids=`, from the JSON API) — so both show
 * the same sections with the same field names (`compareMany`).
 */
import { compareMany } from '../analysis/compare.ts';
import { inSmallestTimeUnit, isScaleProblem, metricInfo, nameInUnit, scaleValue, type ScaledValue } from '../analysis/metrics.ts';
import { writtenDecimals } from '../analysis/stats.ts';
import type { Experiment } from '../schema/index.ts';
import type { CompareSectionId } from '../charts/compare-views.ts';
import type { ExperimentAnalysisView } from './analysis-types.ts';
import type { Block, Cell, ChartBlockData, SectionView, TableColumn } from './blocks.ts';
import { absoluteCell, deltaMetricCell, deltaValueCell, fairnessCells, intervalCell, relativeCell, verdictCell } from './deltas.ts';
import { formatDate, formatMetricCi, formatMetricValue, formatMetricValues, formatSetting } from './format.ts';
import { maxOf, minOf } from '../util/arrays.ts';
import { apiPath, experimentPath, joinBase } from './urls.ts';
import { compareText } from '../util/compare-text.ts';

/** The sections of a compare page, in order: anchor and heading. */
export const COMPARE_SECTIONS: readonly { id: CompareSectionId | 'changes' | 'fields'; title: string }[] = [
  { id: 'changes', title: 'Change with verdicts' },
  { id: 'metrics', title: 'Test metrics' },
  { id: 'setup', title: 'Hyperparameters and dataset' },
  { id: 'curves', title: 'Training curves' },
  { id: 'confusion', title: 'Confusion matrices' },
  { id: 'fairness', title: 'Fairness gaps' },
  { id: 'fields', title: 'Every field' },
];

/** What is compared: each experiment's record and analysis (its API document). */
export interface CompareDocView {
  record: Experiment;
  analysis: ExperimentAnalysisView;
}

/** A table of a compare page. */
export interface CompareTable {
  caption: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** Said once under the table. */
  note?: string;
}

/** One row of "Every field". */
export interface CompareFieldRow {
  path: string;
  /** Each experiment's value as text (`—` when absent). */
  values: string[];
  same: boolean;
}

export interface ComparePageData {
  title: string;
  /** One sentence saying what is compared. */
  lead: string;
  experiments: { id: string; name: string; href: string }[];
  /** Who is compared: id, name, status, date, dataset (with version), headline metric. */
  overview: CompareTable;
  /** The sections that have something to show, in `COMPARE_SECTIONS` order. */
  sections: SectionView[];
  /** Table of contents: the sections shown. */
  toc: { id: string; title: string }[];
  /** Fields in all, and how many differ. */
  total: number;
  differing: number;
}

/** Pairs that get a static compare page: each experiment against its parent and every baseline that is itself a record. */
export function comparePairs(records: readonly Experiment[]): { a: string; b: string; relation: string }[] {
  const ids = new Set(records.map((r) => r.id));
  const pairs = new Map<string, { a: string; b: string; relation: string }>();
  for (const r of records) {
    const parent = r.lineage?.parent;
    if (parent && ids.has(parent) && parent !== r.id) pairs.set(`${r.id}/${parent}`, { a: r.id, b: parent, relation: 'parent' });
    for (const row of r.comparison?.baselines ?? []) {
      const other = row.experimentId;
      if (other && ids.has(other) && other !== r.id && !pairs.has(`${r.id}/${other}`))
        pairs.set(`${r.id}/${other}`, { a: r.id, b: other, relation: `baseline “${row.label}”` });
    }
  }
  return [...pairs.values()].sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b));
}

const DELTA_COLUMNS: TableColumn[] = [
  { label: 'Metric' },
  { label: 'Change', numeric: true, title: "current − reference, in the metric's unit (pp for percent metrics)" },
  { label: 'Relative', numeric: true, title: '(current − reference) / |reference|' },
  { label: '95% CI of change', numeric: true },
  { label: 'Verdict' },
];

function changesTable(docs: readonly CompareDocView[], relation: string): CompareTable | undefined {
  const [a, b] = docs;
  if (a === undefined || b === undefined) return undefined;
  const deltas =
    relation === 'parent'
      ? a.analysis.parentDeltas
      : a.analysis.baselineDeltas.filter((d) =>
          a.record.comparison?.baselines?.some((row) => row.label === d.baseline && row.experimentId === b.record.id),
        );
  if (deltas.length === 0) return undefined;
  const otherData = relation === 'parent' ? a.analysis.checks.find((c) => c.code === 'parent-dataset-differs') : undefined;
  return {
    ...(otherData === undefined ? {} : { note: otherData.message }),
    caption: `${a.record.id} against ${b.record.id}: current − reference`,
    columns: [
      DELTA_COLUMNS[0] as TableColumn,
      { label: a.record.id, numeric: true },
      { label: b.record.id, numeric: true },
      ...DELTA_COLUMNS.slice(1),
    ],
    rows: deltas.map((d) => [
      deltaMetricCell(d),
      deltaValueCell(d, d.current),
      deltaValueCell(d, d.reference),
      absoluteCell(d),
      relativeCell(d),
      intervalCell(d),
      verdictCell(d),
    ]),
  };
}

function overviewTable(base: string, docs: readonly CompareDocView[]): CompareTable {
  return {
    caption: 'Experiments compared',
    columns: [
      { label: 'Experiment' },
      { label: 'Name' },
      { label: 'Status' },
      { label: 'Date' },
      { label: 'Dataset' },
      { label: 'Headline metric', numeric: true },
    ],
    rows: docs.map(({ record, analysis }) => {
      const h = analysis.headline;
      const dataset = record.dataset;
      return [
        { text: record.id, href: joinBase(base, experimentPath(record.id)) },
        { text: record.name ?? '—' },
        { text: record.status ?? '—' },
        { text: formatDate(record.date) },
        { text: dataset?.name ? `${dataset.name}${dataset.version ? ` (version ${dataset.version})` : ''}` : '—' },
        { text: h ? `${h.metric} ${formatMetricValue(h)}` : '—', numeric: true },
      ];
    }),
  };
}

/** A 95% CI written in one unit, in another `factor` times as small (±0.002 s → ±2 ms); as it is for a factor of 1. */
function scaleInterval(ci: number | { low: number; high: number }, factor: number): number | { low: number; high: number } {
  if (factor === 1) return ci;
  const scale = (x: number): number => Number.parseFloat((x * factor).toPrecision(12));
  return typeof ci === 'number' ? scale(ci) : { low: scale(ci.low), high: scale(ci.high) };
}

function metricsTable(docs: readonly CompareDocView[]): CompareTable | undefined {
  const keys: { key: string; name: string }[] = [];
  for (const d of docs)
    for (const m of d.record.evaluation?.testMetrics ?? []) {
      const key = metricInfo(m.metric, m.unit).key;
      if (!keys.some((k) => k.key === key)) keys.push({ key, name: m.metric });
    }
  if (keys.length === 0) return undefined;
  return {
    caption: 'Test-set metrics with their 95% confidence intervals; the best of each row in bold',
    columns: [{ label: 'Metric' }, ...docs.map((d) => ({ label: d.record.id, numeric: true }))],
    rows: keys.map(({ key, name }) => {
      const found = docs.map((d) => {
        const metrics = d.record.evaluation?.testMetrics ?? [];
        const index = metrics.findIndex((m) => metricInfo(m.metric, m.unit).key === key);
        const m = metrics[index];
        if (m === undefined || typeof m.value !== 'number') return m === undefined ? undefined : { m, input: null };
        const decimals = writtenDecimals(d.record, `evaluation.testMetrics.${index}.value`, m.value);
        return { m, input: { metric: m.metric, value: m.value, unit: m.unit, decimals } };
      });
      const direction = metricInfo(name).direction;
      // One display rule and one precision per row; the best found on one scale (87% and 0.866 alike),
      // durations in one unit of time (0.041 s beside 38 ms is 41 ms).
      const placed = found.map((f): ScaledValue | null => {
        if (!f?.input) return null;
        const scaled = scaleValue(metricInfo(f.m.metric, f.m.unit), f.input.value, f.input.decimals);
        return isScaleProblem(scaled) ? null : scaled;
      });
      const timed = inSmallestTimeUnit(placed.filter((x): x is ScaledValue => x !== null));
      let next = 0;
      const shown = found.map((f, i) => {
        const x = placed[i] === null ? undefined : timed[next++];
        if (!f?.input || x === undefined || x.unit === placed[i]?.unit) return f === undefined ? undefined : { ...f, factor: 1 };
        return { m: f.m, input: { metric: f.m.metric, value: x.value, unit: x.unit ?? undefined, decimals: x.decimals }, factor: x.factor };
      });
      const texts = formatMetricValues(shown.map((f) => f?.input ?? { metric: name, value: null }));
      const values = found.map((f, i) => {
        if (!f?.input) return null;
        const x = placed[i];
        return x === null || x === undefined ? f.input.value : x.fraction ? x.value : (shown[i]?.input?.value ?? f.input.value);
      });
      const numbers = values.filter((v): v is number => v !== null);
      const best = direction === null || numbers.length < 2 ? null : direction === 'higher' ? maxOf(numbers) : minOf(numbers);
      return [
        // The row's name in the unit its values are shown in: `p99 latency (s)` over 41 ms and 38 ms is `p99 latency (ms)`.
        {
          text: nameInUnit(
            name,
            timed.map((x) => x.unit),
          ),
        },
        ...shown.map((f, i): Cell => {
          if (f === undefined) return { text: '—', numeric: true };
          const ci = f.input === null || f.m.ci95 === undefined ? '' : ` (${formatMetricCi(f.input, scaleInterval(f.m.ci95, f.factor))})`;
          return {
            text: `${texts[i] ?? '—'}${ci}`,
            numeric: true,
            ...(best !== null && values[i] === best ? { strong: true } : {}),
          };
        }),
      ];
    }),
  };
}

/** Groups of settings the setup table shows, in its order: hyperparameters first, then training, model, dataset. */
const SETTING_GROUPS = ['model.hyperparameters[', 'model.training.', 'model.', 'dataset.'] as const;

/**
 * Rank of a field in the setup table, or -1 when it is not a setting (search spaces, tuning methods
 * and a hyperparameter's name, which its path already says, are left out).
 */
function settingRank(path: string): number {
  if (/\.(searchSpace|tuningMethod)(\.|\[|$)|^model\.hyperparameters\[[^\]]*\]\.name$/.test(path)) return -1;
  return SETTING_GROUPS.findIndex((prefix) => path.startsWith(prefix));
}

function fairnessTable(docs: readonly CompareDocView[]): CompareTable | undefined {
  const keys: { attribute: string; metric: string }[] = [];
  for (const d of docs)
    for (const f of d.analysis.fairness)
      if (!keys.some((k) => k.attribute === f.attribute && metricInfo(k.metric).key === metricInfo(f.metric).key))
        keys.push({ attribute: f.attribute, metric: f.metric });
  if (keys.length === 0) return undefined;
  return {
    caption: 'Gap between the best and the worst group (ratio min / max), per attribute and metric',
    columns: [{ label: 'Attribute' }, { label: 'Metric' }, ...docs.map((d) => ({ label: d.record.id, numeric: true }))],
    rows: keys.map(({ attribute, metric }) => [
      { text: attribute },
      { text: metric },
      ...docs.map((d): Cell => {
        const f = d.analysis.fairness.find((g) => g.attribute === attribute && metricInfo(g.metric).key === metricInfo(metric).key);
        if (f === undefined) return { text: '—', numeric: true };
        const cells = fairnessCells(f);
        return {
          text: `${cells.difference.text} (ratio ${cells.ratio.text})${f.flagged ? ' flagged' : ''}`,
          numeric: true,
          tone: f.flagged ? 'bad' : 'neutral',
          title: cells.flag.text,
        };
      }),
    ]),
  };
}

/** What a compare page is built from. */
export interface CompareInput {
  base: string;
  /** The experiments compared (two or more), in order. */
  docs: readonly CompareDocView[];
  /** What `docs[1]` is to `docs[0]` on a pairwise page (`parent`, `baseline “…”`): adds the change with verdicts. */
  relation?: string | undefined;
  /** Chart blocks by compare section (rendered at build time, or placeholders the browser draws into). */
  charts?: ReadonlyMap<string, ChartBlockData[]> | undefined;
  /**
   * `on-demand` (static pages): "Every field" lists the differing fields, and the browser fetches
   * the rest from the API documents when asked (see the `field-diff` block's `sameFrom`).
   */
  sameFields?: 'inline' | 'on-demand' | undefined;
}

function table(id: string, t: CompareTable | undefined, extra: Partial<Extract<Block, { kind: 'table' }>> = {}): Block[] {
  return t === undefined || t.rows.length === 0
    ? []
    : [
        {
          kind: 'table',
          id,
          caption: t.caption,
          columns: t.columns,
          rows: t.rows,
          ...(t.note === undefined ? {} : { note: t.note }),
          ...extra,
        },
      ];
}

/** True for a field of the per-epoch table (`training.history[3].Val Loss`). */
function isHistoryPath(path: string): boolean {
  return path === 'training.history' || path.startsWith('training.history[') || path.startsWith('training.history.');
}

/** Everything a compare page shows, for the experiments in `input.docs` (two or more, in the order given). */
/**
 * The rows of "Every field" for `records`, in order, and how many per-epoch values are left out:
 * they are the bulk of two records (100 epochs × 4 columns × 2), the overlaid curves draw them,
 * and each experiment's page lists them in full (linked under the curves). The browser calls this
 * too, to give a static page its identical rows back.
 */
export function compareFieldRows(records: readonly Experiment[]): { fields: CompareFieldRow[]; historyRows: number } {
  const all = compareMany(records).filter((r) => r.path !== '$schema');
  const rows = all.filter((r) => !isHistoryPath(r.path));
  const fields = rows.map((r): CompareFieldRow => ({
    path: r.path,
    values: r.values.map((v, i) => (r.present[i] ? formatSetting(v) : '—')),
    same: r.same,
  }));
  return { fields, historyRows: all.length - rows.length };
}

export function buildComparePageData(input: CompareInput): ComparePageData {
  const { base, docs, relation } = input;
  const ids = docs.map((d) => d.record.id);
  const { fields, historyRows } = compareFieldRows(docs.map((d) => d.record));
  const settingColumns: TableColumn[] = [{ label: 'Setting' }, ...ids.map((id) => ({ label: id }))];
  const setting = (r: CompareFieldRow): Cell[] => [{ text: r.path }, ...r.values.map((v) => ({ text: v }))];
  const settings = fields
    .map((r) => ({ r, rank: settingRank(r.path) }))
    .filter((x) => x.rank >= 0)
    .sort((x, y) => x.rank - y.rank)
    .map((x) => x.r);
  const differingSettings = settings.filter((r) => !r.same);
  const sameSettings = settings.filter((r) => r.same);
  const charts = (id: string): Block[] => (input.charts?.get(id) ?? []).map((chart) => ({ kind: 'chart', chart }));
  const differing = fields.filter((r) => !r.same).length;
  const blocks: Record<(typeof COMPARE_SECTIONS)[number]['id'], Block[]> = {
    changes: table('change-table', relation === undefined ? undefined : changesTable(docs, relation)),
    metrics: [...table('metrics-table', metricsTable(docs)), ...charts('metrics')],
    setup: [
      ...(differingSettings.length > 0
        ? table('settings-differing', { caption: 'Settings that differ', columns: settingColumns, rows: differingSettings.map(setting) })
        : settings.length > 0
          ? [{ kind: 'note' as const, tone: 'info' as const, text: 'Every hyperparameter, model and dataset setting is the same.' }]
          : []),
      ...table(
        'settings-same',
        { caption: 'Settings that are the same', columns: settingColumns, rows: sameSettings.map(setting) },
        { collapsedAfter: 0 },
      ),
      ...charts('setup'),
    ],
    curves: charts('curves'),
    confusion: charts('confusion'),
    fairness: [...table('fairness-table', fairnessTable(docs)), ...charts('fairness')],
    fields: [
      {
        kind: 'field-diff',
        id: 'fields-table',
        columns: ['Field', ...ids],
        total: fields.length,
        differing,
        ...(input.sameFields === 'on-demand'
          ? { rows: fields.filter((r) => !r.same), sameFrom: ids.map((id) => joinBase(base, apiPath(id))) }
          : { rows: fields }),
      },
      ...(historyRows === 0
        ? []
        : [
            {
              kind: 'note' as const,
              tone: 'info' as const,
              text: `The ${historyRows.toLocaleString('en-US')} per-epoch values (training.history) are not repeated here: the training curves above draw them, and each experiment's page lists them in full (linked under the curves).`,
            },
          ]),
    ],
  };
  const sections = COMPARE_SECTIONS.filter((s) => blocks[s.id].length > 0).map((s): SectionView => ({
    id: s.id,
    title: s.title,
    blocks: blocks[s.id],
  }));
  const [a, b] = docs;
  return {
    title: ids.join(' vs '),
    lead:
      relation !== undefined && a !== undefined && b !== undefined
        ? `${a.record.id}${a.record.name ? ` (${a.record.name})` : ''} compared with its ${relation} ${b.record.id}${b.record.name ? ` (${b.record.name})` : ''}.`
        : `${ids.length} experiments side by side.`,
    experiments: docs.map((d) => ({ id: d.record.id, name: d.record.name ?? '', href: joinBase(base, experimentPath(d.record.id)) })),
    overview: overviewTable(base, docs),
    sections,
    toc: sections.map((s) => ({ id: s.id, title: s.title })),
    total: fields.length,
    differing,
  };
}
