import type { Experiment } from '../schema/index.ts';
import type { ExperimentAnalysisView } from './analysis-types.ts';
import type { Cell } from './blocks.ts';
import { isScaleProblem, metricInfo, nameInUnit, scaleValue } from '../analysis/metrics.ts';
import { writtenDecimals } from '../analysis/stats.ts';
import type { TestMetric } from '../schema/index.ts';
import { formatDate, formatMetricValues, humanize, inOneTimeUnit } from './format.ts';
import { experimentPath, joinBase, tagEntries, tagPath } from './urls.ts';
import { compareText } from '../util/compare-text.ts';

/** One row of the experiments table; `sort` holds the raw values the client-side sort uses. */
export interface IndexRow {
  id: string;
  href: string;
  name: string;
  status: string;
  date: string;
  useCase: string;
  useCaseHref?: string;
  modelFamily: string;
  /** One cell per metric column (`IndexPageData.metricColumns`), with the column it belongs to. */
  metrics: { col: string; shown: boolean; cell: Cell }[];
  fairness: Cell;
  checks: Cell;
  /** Text the filter box matches against. */
  search: string;
  sort: Record<string, string | number>;
}

/** A metric column of the experiments table. */
export interface MetricColumn {
  /** Sort key and column id (`m0`, `m1`, …). */
  key: string;
  /** The metric, as most records name it. */
  label: string;
  /** Shown before the reader picks columns (`?cols=` in the address picks others). */
  shown: boolean;
}

export interface IndexPageData {
  total: number;
  metricColumns: MetricColumn[];
  rows: IndexRow[];
  byStatus: { label: string; count: number }[];
  byUseCase: { label: string; count: number; href?: string }[];
  statuses: string[];
  useCases: string[];
}

export interface IndexInput {
  base: string;
  records: readonly Experiment[];
  analyses: ReadonlyMap<string, ExperimentAnalysisView>;
  /** How many metric columns the table shows before the reader picks (the most common test metrics). */
  metricColumnCount?: number;
  /** How many metric columns the reader can pick from (the most common test metrics). */
  metricColumnChoices?: number;
}

function countBy(values: readonly string[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || compareText(a.label, b.label));
}

/** The metrics most records report (one metric however it is written: `Accuracy`, `Accuracy (%)`), named as first written, in first-seen order among ties, at most `n`. */
export function commonMetrics(records: readonly Experiment[], n: number): string[] {
  const seen = new Map<string, { name: string; count: number; first: number }>();
  let order = 0;
  for (const r of records) {
    const keys = new Set((r.evaluation?.testMetrics ?? []).map((m) => metricInfo(m.metric, m.unit).key));
    for (const m of r.evaluation?.testMetrics ?? []) {
      const key = metricInfo(m.metric, m.unit).key;
      if (!keys.delete(key)) continue;
      const e = seen.get(key);
      if (e) e.count += 1;
      else seen.set(key, { name: m.metric, count: 1, first: order++ });
    }
  }
  return [...seen.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, n)
    .map((e) => e.name);
}

/** A record's test metric of the same metric as the column `name` (by key), with the decimals it was written with. */
function columnMetric(record: Experiment, name: string): { tm: TestMetric & { value: number }; decimals: number } | undefined {
  const key = metricInfo(name).key;
  const metrics = record.evaluation?.testMetrics ?? [];
  const index = metrics.findIndex((t) => t.value !== null && metricInfo(t.metric, t.unit).key === key);
  const tm = metrics[index];
  if (tm === undefined || tm.value === null) return undefined;
  return { tm: { ...tm, value: tm.value }, decimals: writtenDecimals(record, `evaluation.testMetrics.${index}.value`, tm.value) };
}

/** The value the index sorts a metric column by: on the common scale, so that 87% and 0.856 order correctly. */
function sortValue(metric: string, value: number, unit: string | null | undefined): number {
  const scaled = scaleValue(metricInfo(metric, unit ?? undefined), value, 0);
  return isScaleProblem(scaled) ? value : scaled.value;
}

/**
 * Builds the index: every experiment, newest first, with counts by status and use case, and a
 * column for each of the most common test metrics (the first few shown; the reader picks others).
 */
export function buildIndexPageData(input: IndexInput): IndexPageData {
  const metricColumns = commonMetrics(input.records, input.metricColumnChoices ?? 12);
  const shownCount = input.metricColumnCount ?? 3;
  const sorted = [...input.records].sort((a, b) => compareText(b.date ?? '', a.date ?? '') || compareText(a.id, b.id));
  // One display rule and one precision per metric column, so the numbers line up (87% and 0.856 both in percent).
  const cells = metricColumns.map((m) => sorted.map((r) => columnMetric(r, m)));
  // Durations in one unit of time per column: 0.041 s beside 38 ms is 41 ms, shown and sorted so.
  const columnInputs = cells.map((column) =>
    inOneTimeUnit(
      column.map((c) =>
        c === undefined ? { metric: '', value: null } : { metric: c.tm.metric, value: c.tm.value, unit: c.tm.unit, decimals: c.decimals },
      ),
    ),
  );
  const columnText = columnInputs.map(formatMetricValues);
  // Each column named in the unit it shows: `p99 latency (s)` over 41 ms and 38 ms is `p99 latency (ms)`.
  const columnLabels = metricColumns.map((name, i) =>
    nameInUnit(
      name,
      (columnInputs[i] ?? []).map((c) =>
        c.value === null || c.value === undefined ? null : metricInfo(c.metric, c.unit ?? undefined).unit,
      ),
    ),
  );
  const rows = sorted.map((r, rowIndex): IndexRow => {
    const a = input.analyses.get(r.id);
    const flagged = (a?.fairness ?? []).filter((f) => f.flagged);
    const errors = (a?.checks ?? []).filter((c) => c.level === 'error').length;
    const warnings = (a?.checks ?? []).filter((c) => c.level === 'warning').length;
    const useCase = r.tags?.['use_case'] ?? '';
    const metricValues = columnInputs.map((column) => {
      const c = column[rowIndex];
      return c === undefined || c.value === null || c.value === undefined ? null : sortValue(c.metric, c.value, c.unit);
    });
    const sort: Record<string, string | number> = {
      id: r.id,
      name: r.name ?? '',
      status: r.status ?? '',
      date: r.date ?? '',
      useCase,
      modelFamily: r.tags?.['model_family'] ?? '',
      fairness: flagged.length,
      checks: errors * 1000 + warnings,
    };
    metricColumns.forEach((_, i) => {
      const v = metricValues[i];
      sort[`m${i}`] = v === null || v === undefined ? '' : v;
    });
    return {
      id: r.id,
      href: joinBase(input.base, experimentPath(r.id)),
      name: r.name ?? '',
      status: r.status ?? 'unknown',
      date: formatDate(r.date),
      useCase: useCase || '—',
      ...(useCase ? { useCaseHref: joinBase(input.base, tagPath('use_case', useCase)) } : {}),
      modelFamily: r.tags?.['model_family'] ?? '—',
      // One display rule and one precision per column, as the experiment page and the pull-request summary show them.
      metrics: metricColumns.map((_, i) => ({
        col: `m${i}`,
        shown: i < shownCount,
        cell: { text: columnText[i]?.[rowIndex] ?? '—', numeric: true },
      })),
      fairness:
        flagged.length > 0
          ? {
              text: `${flagged.length} flagged`,
              tone: 'bad',
              title: flagged.map((f) => `${f.attribute} / ${f.metric}: ${f.flagReason}`).join('; '),
            }
          : (a?.fairness.length ?? 0) > 0
            ? { text: 'ok', tone: 'neutral' }
            : { text: '—' },
      checks:
        errors + warnings > 0
          ? {
              text: [
                errors ? `${errors} error${errors > 1 ? 's' : ''}` : '',
                warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : '',
              ]
                .filter(Boolean)
                .join(', '),
              tone: errors ? 'bad' : 'warn',
            }
          : { text: 'ok', tone: 'neutral' },
      search: [
        r.id,
        r.name,
        r.status,
        useCase,
        r.tags?.['model_family'],
        r.model?.type,
        r.dataset?.name,
        ...tagEntries(r.tags).map(([, v]) => v),
      ]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
      sort,
    };
  });
  const useCases = countBy(input.records.map((r) => r.tags?.['use_case'] ?? 'untagged'));
  return {
    total: input.records.length,
    metricColumns: metricColumns.map((name, i) => ({ key: `m${i}`, label: columnLabels[i] ?? name, shown: i < shownCount })),
    rows,
    byStatus: countBy(input.records.map((r) => r.status ?? 'unknown')),
    byUseCase: useCases.map((u) => (u.label === 'untagged' ? u : { ...u, href: joinBase(input.base, tagPath('use_case', u.label)) })),
    statuses: [...new Set(input.records.map((r) => r.status ?? 'unknown'))].sort(),
    useCases: [...new Set(input.records.map((r) => r.tags?.['use_case']).filter((u): u is string => !!u))].sort(),
  };
}

export { humanize };
