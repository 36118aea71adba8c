/**
 * Builds the summary data from the changed files, every loaded record and its diagnostics. Pure: the
 * caller loads the records and asks git what changed.
 */
import { analyzeCollection, type CollectionAnalysis, type ExperimentAnalysis, type MetricDelta } from '../analysis/index.ts';
import { isScaleProblem, metricInfo, scaleValue } from '../analysis/metrics.ts';
import { isZeroChange, writtenDecimals } from '../analysis/stats.ts';
import { compareIds, type LoadedRecord } from '../content/index.ts';
import { formatDiagnostic } from '../ingest/format.ts';
import type { Diagnostic, ParsedSource } from '../ingest/types.ts';
import type { Experiment, TestMetric } from '../schema/index.ts';
import { sectionOfPath } from '../view/sections.ts';
import { experimentUrl } from './links.ts';
import type {
  ChangedExperiment,
  ChangeKind,
  ContentChange,
  Noise,
  RemovedExperiment,
  Summary,
  SummaryCheck,
  SummaryDelta,
  SummaryDiagnostic,
  SummaryFairnessFlag,
  SummaryMetric,
  Verdict,
} from './types.ts';

/** What a file that failed validation says about itself, read leniently from the raw parse. */
export interface RawIdentity {
  id: string | null;
  name: string | null;
  status: string | null;
}

/** The id, name and status a raw parse declares, when they are strings (nothing else is trusted). */
export function rawIdentity(parsed: Pick<ParsedSource, 'data'>): RawIdentity {
  const data = parsed.data;
  const text = (key: string): string | null => {
    if (typeof data !== 'object' || data === null) return null;
    const value = (data as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  return { id: text('id'), name: text('name'), status: text('status') };
}

/** Everything `buildSummary` needs. */
export interface SummaryInput {
  /** Base ref as given. */
  base: string;
  mergeBase: string;
  /** Site root for links ('' for relative links), from `resolveSite`. */
  site: string;
  /** Added, modified, renamed and removed record files (removed ones are ignored here; see `removed`). */
  changes: readonly ContentChange[];
  removed: readonly RemovedExperiment[];
  /** Every valid record of the folder (the analysis needs the whole collection). */
  records: readonly LoadedRecord[];
  /** Every diagnostic of the folder. */
  diagnostics: readonly Diagnostic[];
  /** The CI run whose artifacts hold the site built from this branch (`--run-url`). */
  runUrl?: string | undefined;
  /** For changed files that gave no record: what their raw parse declares. */
  rawIdentities?: ReadonlyMap<string, RawIdentity>;
  /** Ratio below which a fairness gap is flagged. Default 0.8. */
  fairnessThreshold?: number;
}

/** The verdict of a change, by the metric's direction. */
export function verdictOf(d: Pick<MetricDelta, 'absolute' | 'current' | 'reference' | 'betterDirection'>): Verdict {
  if (isZeroChange(d.absolute, d.current, d.reference)) return 'no-change';
  if (d.betterDirection === null) return 'no-direction';
  return (d.betterDirection === 'higher') === d.absolute > 0 ? 'better' : 'worse';
}

/** Whether the 95% interval of the change excludes 0. */
export function noiseOf(d: Pick<MetricDelta, 'significant'>): Noise {
  return d.significant === null ? 'no-interval' : d.significant ? 'outside-noise' : 'within-noise';
}

/** A computed delta as the summary shows it. */
export function toSummaryDelta(d: MetricDelta): SummaryDelta {
  return {
    reference: d.baseline,
    referenceId: d.referenceId,
    metric: d.metric,
    current: d.current,
    referenceValue: d.reference,
    absolute: d.absolute,
    absoluteUnit: d.absoluteUnit,
    relative: d.relative,
    ciLow: d.ciLow,
    ciHigh: d.ciHigh,
    betterDirection: d.betterDirection,
    unit: d.unit,
    fraction: d.fraction,
    decimals: d.decimals,
    verdict: verdictOf(d),
    noise: noiseOf(d),
    intervalReason: d.intervalReason,
  };
}

/** A test metric (the `index`-th of its record) with its CI, on the common scale: a unit-interval metric as a fraction. */
export function toSummaryMetric(record: Experiment, tm: TestMetric & { value: number }, index: number): SummaryMetric {
  const info = metricInfo(tm.metric, tm.unit);
  const scaled = scaleValue(info, tm.value, writtenDecimals(record, `evaluation.testMetrics.${index}.value`, tm.value));
  const placed = isScaleProblem(scaled) ? { value: tm.value, decimals: 0, unit: info.unit, fraction: false, factor: 1 } : scaled;
  const f = (x: number): number => Number.parseFloat((x * placed.factor).toPrecision(15));
  const ci = tm.ci95;
  return {
    metric: tm.metric,
    value: placed.value,
    unit: placed.fraction ? null : info.unit,
    fraction: placed.fraction,
    decimals: isScaleProblem(scaled) ? writtenDecimals(record, `evaluation.testMetrics.${index}.value`, tm.value) : scaled.decimals,
    betterDirection: info.direction,
    ciHalfWidth: typeof ci === 'number' ? f(ci) : null,
    ciLow: ci === undefined ? null : typeof ci === 'number' ? placed.value - f(ci) : f(ci.low),
    ciHigh: ci === undefined ? null : typeof ci === 'number' ? placed.value + f(ci) : f(ci.high),
  };
}

/** The flagged fairness gaps: four-fifths flags first, lowest ratio first; then gap flags, largest gap first. */
export function fairnessFlags(analysis: Pick<ExperimentAnalysis, 'fairness'>): SummaryFairnessFlag[] {
  return analysis.fairness
    .flatMap((gap) =>
      gap.flagged && gap.flagRule !== null
        ? [
            {
              attribute: gap.attribute,
              metric: gap.metric,
              rule: gap.flagRule,
              reason: gap.flagReason,
              ratio: gap.ratio,
              threshold: gap.threshold,
              difference: gap.difference,
              unit: gap.unit,
              fraction: gap.fraction,
              worstGroup: gap.worstGroup ?? gap.min,
              bestGroup: gap.bestGroup ?? gap.max,
              directionKnown: gap.worstGroup !== null && gap.bestGroup !== null,
            },
          ]
        : [],
    )
    .sort((a, b) =>
      a.rule !== b.rule
        ? a.rule === 'four-fifths'
          ? -1
          : 1
        : a.rule === 'four-fifths'
          ? (a.ratio ?? 0) - (b.ratio ?? 0)
          : b.difference - a.difference,
    );
}

function toSummaryDiagnostic(d: Diagnostic): SummaryDiagnostic {
  return { level: d.level, code: d.code, text: formatDiagnostic(d) };
}

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;

function changedRecord(
  change: ContentChange & { kind: ChangeKind },
  loaded: LoadedRecord | undefined,
  analysis: CollectionAnalysis,
  input: SummaryInput,
  byId: ReadonlyMap<string, Experiment>,
  addedIds: ReadonlySet<string>,
): ChangedExperiment {
  const isNew = (id: string): boolean => addedIds.has(id);
  const diagnostics = input.diagnostics
    .filter((d) => d.file === change.file)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
    .map(toSummaryDiagnostic);
  const common = { file: change.file, change: change.kind, diagnostics, previousFile: change.previousFile ?? null };
  const result = loaded === undefined ? undefined : analysis.byId.get(loaded.record.id);
  if (loaded === undefined || result === undefined) {
    const raw = input.rawIdentities?.get(change.file) ?? { id: null, name: null, status: null };
    return {
      id: raw.id,
      file: common.file,
      change: common.change,
      name: raw.name,
      status: raw.status,
      url: null,
      pageAfterMerge: false,
      headline: [],
      parentDeltas: [],
      baselineDeltas: [],
      notCompared: [],
      fairnessFlags: [],
      checks: [],
      diagnostics,
      previousFile: common.previousFile,
      valid: false,
      parent: null,
    };
  }
  const record = loaded.record;
  const parentId = result.lineage.parent;
  const checks: SummaryCheck[] = result.checks.map((c) => ({
    level: c.level,
    code: c.code,
    message: c.message,
    path: c.path,
    section: sectionOfPath(c.path),
  }));
  return {
    id: record.id,
    file: common.file,
    change: common.change,
    name: record.name ?? null,
    status: record.status ?? null,
    url: isNew(record.id) || !linksToSite(input.site) ? null : experimentUrl(input.site, record.id),
    pageAfterMerge: isNew(record.id),
    headline: (record.evaluation?.testMetrics ?? []).flatMap((tm, index) =>
      tm.value === null ? [] : [toSummaryMetric(record, { ...tm, value: tm.value }, index)],
    ),
    parentDeltas: result.parentDeltas.map(toSummaryDelta),
    baselineDeltas: result.baselineDeltas.map(toSummaryDelta),
    notCompared: result.notCompared.map((n) => ({ reference: n.baseline, source: n.source, metric: n.metric, reason: n.reason })),
    fairnessFlags: fairnessFlags(result),
    checks,
    diagnostics,
    previousFile: common.previousFile,
    valid: true,
    parent:
      parentId === null || !byId.has(parentId)
        ? null
        : { id: parentId, url: isNew(parentId) || !linksToSite(input.site) ? null : experimentUrl(input.site, parentId) },
  };
}

/**
 * True when `site` is an http(s) root: a pull-request comment resolves any other link against the
 * pull request's own page (`…/pull/7/experiments/x/`), where it leads nowhere, so none is written.
 */
export function linksToSite(site: string): boolean {
  return /^https?:\/\//i.test(site);
}

/** True when a changed record has an error: it failed validation, or carries an error diagnostic or check. */
export function hasErrors(c: ChangedExperiment): boolean {
  return !c.valid || c.diagnostics.some((d) => d.level === 'error') || c.checks.some((k) => k.level === 'error');
}

/** True when a changed record carries a warning-level diagnostic or check. */
export function hasWarnings(c: ChangedExperiment): boolean {
  return c.diagnostics.some((d) => d.level === 'warning') || c.checks.some((k) => k.level === 'warning');
}

/**
 * The summary: one entry per added, modified or renamed record file (those that fail validation first,
 * then by id, then by file), with headline metrics, deltas against the parent and the baselines,
 * flagged fairness gaps, check findings and diagnostics; and the removed files.
 */
export function buildSummary(input: SummaryInput): Summary {
  const analysis = analyzeCollection(
    input.records.map((r) => r.record),
    input.fairnessThreshold === undefined ? {} : { fairnessThreshold: input.fairnessThreshold },
  );
  const byFile = new Map(input.records.map((r) => [r.file, r]));
  const byId = new Map(input.records.map((r) => [r.record.id, r.record]));
  // Records added on this branch have no page on the deployed site until it is merged.
  const addedIds = new Set(input.changes.flatMap((c) => (c.kind === 'added' ? [byFile.get(c.file)?.record.id ?? ''] : [])));
  const changed = input.changes
    .filter((c): c is ContentChange & { kind: ChangeKind } => c.kind !== 'removed')
    .map((c) => changedRecord(c, byFile.get(c.file), analysis, input, byId, addedIds))
    .sort((a, b) => Number(a.valid) - Number(b.valid) || compareIds(a.id ?? '\uffff', b.id ?? '\uffff') || compareIds(a.file, b.file));
  const removed = [...input.removed].sort((a, b) => compareIds(a.file, b.file));
  return { base: input.base, mergeBase: input.mergeBase, site: input.site, runUrl: input.runUrl ?? null, changed, removed };
}
