import type { Experiment, GroupRow, SearchSpace } from '../schema/index.ts';
import {
  BaselineRowSchema,
  BestModelSchema,
  CodeVersionSchema,
  ComparisonSchema,
  DatasetSchema,
  EvaluationSchema,
  ExperimentSchema,
  FeatureImportanceSchema,
  GroupRowSchema,
  HyperparameterSchema,
  InfrastructureSchema,
  LineageSchema,
  ModelSchema,
  NextStepsSchema,
  ObservationsSchema,
  OverviewSchema,
  ReproducibilitySchema,
  SplitSchema,
  TestMetricSchema,
  TrackersSchema,
  TrainingConfigSchema,
  TrainingResultsSchema,
  TuningSchema,
  fieldNames,
} from '../schema/index.ts';
import type { Block, Cell, ChartBlockData, CheckItem, FieldItem, LinkItem, SectionView } from './blocks.ts';
import type { CheckView, ClaimView, DeltaView, ExperimentAnalysisView, NotComparedView } from './analysis-types.ts';
import {
  formatCiText,
  formatColumn,
  formatMetricColumn,
  formatCount,
  formatDate,
  formatPoints,
  formatRelative,
  formatSigned,
  formatValue,
  formatSetting,
  humanize,
  percentDecimals,
} from './format.ts';
import { historyAxisOf, historyAxisTitle } from '../analysis/history-axis.ts';
import { writtenDecimals } from '../analysis/stats.ts';
import { statedGaps, type StatedGap } from '../analysis/fairness.ts';
import { compareText } from '../util/compare-text.ts';
import { metricInfo, nameInUnit } from '../analysis/metrics.ts';
import { classifySection } from '../ingest/template/sections.ts';
import {
  NOT_FILLED,
  field,
  markdownCell,
  numberCell,
  otherFields,
  present,
  textCell,
  unknownCell,
  unknownKeys,
  type FieldContext,
} from './fields.ts';
import {
  absoluteCell,
  deltaMetricCell,
  deltaValueCell,
  fairnessCells,
  intervalCell,
  notComparedCells,
  relativeCell,
  verdictCell,
} from './deltas.ts';
import { anchorHeadings, renderMarkdown } from './markdown.ts';
import { comparePath, experimentPath, joinBase, PLAIN_TAG_KEY, slugify, tagPath } from './urls.ts';
import { buildLineageTree } from './lineage.ts';
import { SECTIONS, TRAINING_TABLE_ID, sectionOfPath, sectionTitle, type ChartSectionId, type SectionId } from './sections.ts';
import { getOwn, isPlainObject } from '../util/own.ts';
import { buildSummaryBlocks } from './summary-band.ts';
import { displaySourcePath } from './source-path.ts';
import { commitUrl, repositoryUrl } from './forge.ts';

/** Everything the experiment page needs, built from the record, its analysis and the collection. */
export interface ExperimentPageData {
  id: string;
  title: string;
  subtitle: string;
  status?: string;
  header: FieldItem[];
  tags: LinkItem[];
  checks: CheckItem[];
  checkCounts: { error: number; warning: number; info: number };
  /** The sections the record has something for, in order (empty ones are left out). */
  sections: SectionView[];
  /** Table of contents: the sections shown, in order. */
  toc: { id: string; title: string }[];
  /** Titles of the template's sections this record has nothing for (not shown; the navigation names them). */
  absent: string[];
}

/** What the page builder needs to know about the rest of the site. */
export interface ExperimentPageContext {
  base: string;
  analysis: ExperimentAnalysisView;
  /** All records by id (for names and lineage). */
  records: ReadonlyMap<string, Experiment>;
  /** Analysis of every record (for lineage edge labels). */
  analyses: ReadonlyMap<string, ExperimentAnalysisView>;
  /** Rendered charts by section id. */
  charts: ReadonlyMap<string, ChartBlockData[]>;
  /** Source file the record came from, as the loader names it (the content folder joined with its path inside it). */
  file?: string;
  /** The content folder as the settings give it (to show `file` relative to it when it is outside the repository). */
  contentDir?: string;
  /** False when the site has no page per compared pair (`comparePages` setting): comparisons link to the in-browser compare page. */
  comparePages?: boolean;
}

/** Keys of each part of the record the page shows in a dedicated place (the rest go to "Other fields"): the fields the schema models. */
const KNOWN = {
  // The status's note (`completed (early stopped)`, `Paused`) is Logbook's reading of a written status, shown beside it.
  top: [...fieldNames(ExperimentSchema), 'statusNote'],
  overview: fieldNames(OverviewSchema),
  lineage: fieldNames(LineageSchema),
  dataset: fieldNames(DatasetSchema),
  split: fieldNames(SplitSchema),
  model: fieldNames(ModelSchema),
  hyperparameter: fieldNames(HyperparameterSchema),
  trainingConfig: fieldNames(TrainingConfigSchema),
  training: fieldNames(TrainingResultsSchema),
  bestModel: fieldNames(BestModelSchema),
  infrastructure: fieldNames(InfrastructureSchema),
  // The metrics by split are Logbook's reading of written shapes (by-split tables, a metrics file's groups), shown as their own table.
  evaluation: [...fieldNames(EvaluationSchema), 'metricsBySplit', 'statedGaps'],
  testMetric: fieldNames(TestMetricSchema),
  group: fieldNames(GroupRowSchema),
  comparison: fieldNames(ComparisonSchema),
  baseline: fieldNames(BaselineRowSchema),
  tuning: fieldNames(TuningSchema),
  reproducibility: fieldNames(ReproducibilitySchema),
  code: fieldNames(CodeVersionSchema),
  observations: fieldNames(ObservationsSchema),
  feature: fieldNames(FeatureImportanceSchema),
  nextSteps: fieldNames(NextStepsSchema),
  trackers: fieldNames(TrackersSchema),
} satisfies Record<string, readonly string[]>;

/** Sections built after the others: they link to the sections that are present. */
const LATE: ReadonlySet<SectionId> = new Set(['checks', 'summary']);

/** The template's own section headings (as words): a section's leftovers under one of them need no heading of their own. */
const TEMPLATE_HEADINGS = new Set([
  'experiment overview',
  'dataset information',
  'model configuration',
  'training results',
  'evaluation results',
  'comparison to baseline',
  'hyperparameter tuning',
  'artifacts reproducibility',
  'observations insights',
  'next steps',
  'experiment metadata',
]);

/** Builds the experiment page. */
export function buildExperimentPageData(record: Experiment, ctx: ExperimentPageContext): ExperimentPageData {
  const fctx: FieldContext = { placeholders: new Set(record.placeholders ?? []) };
  const link = (path: string): string => joinBase(ctx.base, path);
  const input: SectionInput = { record, fctx, ctx, link, checks: [], present: () => true };
  const built = new Map<SectionId, SectionView>();
  for (const spec of SECTIONS) if (!LATE.has(spec.id)) built.set(spec.id, SECTION_BUILDERS[spec.id](input));
  const shown = new Set<string>([...LATE, ...[...built].filter(([, s]) => s.empty !== true).map(([id]) => id)]);
  const isShown = (id: string): boolean => shown.has(id);
  // A finding links to the section it is about when the page shows that section.
  const checks = ctx.analysis.checks.map((c): CheckItem => {
    const target = sectionOfPath(c.path);
    return { ...c, ...(isShown(target) ? { href: `#${target}` } : {}) };
  });
  for (const id of LATE) built.set(id, SECTION_BUILDERS[id]({ ...input, checks, present: isShown }));
  // What a template section held besides its fields (a paragraph, a quote, a second table) is shown at
  // the end of that section, where the log put it; the sections the page does not know come before "Other fields".
  const extra: SectionView[] = [];
  // Headings in a log's own text get ids a link can name, unique on the page.
  const headingIds = new Set<string>();
  (record.sections ?? []).forEach((s, i) => {
    const key = classifySection(s.title);
    const home = key === undefined ? undefined : built.get(key === 'nextSteps' ? 'next-steps' : key === 'header' ? 'overview' : key);
    const own = `section-${slugify(s.title)}-${i + 1}`;
    const within = home !== undefined && home.id !== 'checks' ? `${home.id}-${slugify(s.title)}-${i + 1}` : own;
    const block: Block = { kind: 'markdown', html: anchorHeadings(renderMarkdown(s.markdown), within, headingIds) };
    if (home !== undefined && home.id !== 'checks') {
      // Under its own heading when the log named it otherwise (`## Follow-up` is the next steps).
      const words = (text: string): string =>
        text
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
      const same = words(s.title) === words(home.title) || TEMPLATE_HEADINGS.has(words(s.title));
      if (!same) home.blocks.push({ kind: 'subheading', id: within, text: s.title });
      home.blocks.push(block);
      delete home.empty;
    } else extra.push({ id: own, title: s.title, blocks: [block] });
  });
  const ordered = SECTIONS.map((spec) => built.get(spec.id) as SectionView);
  ordered.splice(ordered.length - 1, 0, ...extra);
  const sections = ordered.filter((s) => s.empty !== true);

  const parent = record.lineage?.parent;
  const children = ctx.analysis.lineage.children;
  const source = ctx.file === undefined ? undefined : displaySourcePath(ctx.file, ctx.contentDir ?? '');
  const header = present<FieldItem>([
    field(fctx, 'Status', 'status', record.status, (v: string) => ({ text: v, tone: statusTone(v) })),
    typeof record['statusNote'] === 'string' ? { label: 'Status note', value: textCell(record['statusNote']) } : undefined,
    field(fctx, 'Date', 'date', record.date, (v: string) => ({ text: formatDate(v) })),
    field(fctx, 'Completed', 'completionDate', record.completionDate, (v: string) => ({ text: formatDate(v) })),
    field(fctx, 'Experimenter', 'experimenter', record.experimenter, textCell),
    field(fctx, 'Tracking platform', 'trackingPlatform', record.trackingPlatform, textCell),
    parent ? { label: 'Parent', value: idLink(parent, ctx, link) } : undefined,
    children.length > 0 ? { label: 'Children', value: children.map((c) => idLink(c, ctx, link)) } : undefined,
    field(fctx, 'MLflow run', 'trackers.mlflowRunId', record.trackers?.mlflowRunId, (v: string) =>
      record.trackers?.mlflowUrl ? { ...textCell(record.trackers.mlflowUrl), text: v } : { text: v },
    ),
    field(fctx, 'W&B run', 'trackers.wandbRun', record.trackers?.wandbRun, textCell),
    source ? { label: 'Source', value: { text: source.path, title: `Relative to the ${source.relativeTo}` } } : undefined,
  ]);

  // A plain tag (`tags: [vision]`) reads as itself; a keyed one as `Use case: churn`.
  const tags = Object.entries(record.tags ?? {}).map(([k, v]) => ({
    id: `${k}:${v}`,
    label: v === '' ? k : `${humanize(k)}: ${v}`,
    href: link(v === '' ? tagPath(PLAIN_TAG_KEY, k) : tagPath(k, v)),
  }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const c of checks) counts[c.level] += 1;

  return {
    id: record.id,
    title: record.name ?? record.id,
    subtitle: record.name ? record.id : '',
    ...(record.status ? { status: record.status } : {}),
    header,
    tags,
    checks,
    checkCounts: counts,
    sections,
    toc: sections.map((s) => ({ id: s.id, title: s.title })),
    absent: ordered.filter((s) => s.empty === true).map((s) => s.title),
  };
}

function statusTone(status: string): Cell['tone'] {
  if (status === 'completed') return 'good';
  if (status === 'failed' || status === 'cancelled') return 'bad';
  return 'warn';
}

function idLink(id: string, ctx: ExperimentPageContext, link: (p: string) => string): Cell {
  const known = ctx.records.get(id);
  if (!known) return { text: id, tone: 'warn', title: 'No record with this id' };
  return { text: known.name ? `${id} — ${known.name}` : id, href: link(experimentPath(id)) };
}

/** A section of the given blocks, without empty field lists and without subheadings that head nothing. */
function section(id: SectionId, blocks: (Block | undefined)[]): SectionView {
  const title = sectionTitle(id);
  const nonEmpty = blocks.filter((b): b is Block => b !== undefined && !(b.kind === 'fields' && b.items.length === 0));
  const kept = nonEmpty.filter(
    (b, i) => b.kind !== 'subheading' || (nonEmpty[i + 1] !== undefined && nonEmpty[i + 1]?.kind !== 'subheading'),
  );
  return kept.length > 0 ? { id, title, blocks: kept } : { id, title, blocks: [], empty: true };
}

function fields(items: (FieldItem | undefined)[]): Block {
  return { kind: 'fields', items: present(items) };
}

function chartBlocks(ctx: ExperimentPageContext, sectionId: ChartSectionId): Block[] {
  return (ctx.charts.get(sectionId) ?? []).map((chart) => ({ kind: 'chart', chart }));
}

function listBlock(
  title: string,
  items: readonly string[] | undefined,
  ctx: FieldContext,
  path: string,
  ordered = false,
): Block | undefined {
  if (!items || items.length === 0) {
    return ctx.placeholders.has(path) ? { kind: 'list', title, ordered, items: [NOT_FILLED] } : undefined;
  }
  return { kind: 'list', title, ordered, items: items.map(markdownCell) };
}

/**
 * The fields of `obj` the schema does not model: a list of rows of plain values (`perClassMetrics:
 * [{ Class, Precision, … }]`, `perClass`) as a table captioned with its name, anything else as a field.
 */
function otherBlock(obj: object | undefined, known: readonly string[], prefix = ''): Block[] {
  const record = (obj ?? {}) as Record<string, unknown>;
  const tables = unknownKeys(obj, known).flatMap((key) => {
    const table = rowsTable(prefix ? `${prefix} › ${humanize(key)}` : humanize(key), record[key]);
    return table === undefined ? [] : [[key, table] as const];
  });
  const items = otherFields(obj, [...known, ...tables.map(([key]) => key)], prefix);
  return [...(items.length > 0 ? [{ kind: 'fields' as const, items }] : []), ...tables.map(([, table]) => table)];
}

/**
 * A value that is a list of rows whose values are plain values, as a table (columns in first-seen
 * order), or an object of such rows (`segments: { SMB: { pr_auc, n }, … }`), a row per key with the
 * key first; undefined otherwise.
 */
function rowsTable(caption: string, value: unknown): Block | undefined {
  const plain = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  const isRow = (row: unknown): row is Record<string, unknown> => isPlainObject(row) && Object.values(row).every(plain);
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    // The key's column is named by the caption's last part (`Segments`), which names what the keys are.
    const keyColumn = caption.split(' › ').at(-1) ?? caption;
    const keyed = entries.length > 0 && entries.every(([, row]) => isRow(row) && !Object.hasOwn(row, keyColumn));
    return keyed
      ? rowsTable(
          caption,
          entries.map(([key, row]) => ({ [keyColumn]: key, ...(row as Record<string, unknown>) })),
        )
      : undefined;
  }
  const list: unknown[] = Array.isArray(value) ? value : [];
  if (list.length === 0 || !list.every(isRow)) return undefined;
  const keys = extraColumns(list, []);
  return {
    kind: 'table',
    caption,
    columns: keys.map((key) => ({
      label: humanize(key),
      ...(list.every((row) => typeof row[key] === 'number' || row[key] === undefined || row[key] === null) ? { numeric: true } : {}),
    })),
    rows: list.map((row) => keys.map((key) => (row[key] === undefined ? { text: '' } : unknownCell(row[key])))),
  };
}

/**
 * A section's other fields after its sub-sections: under a heading of their own, so they do not read
 * as part of the last sub-section ("Random seeds", "Training infrastructure").
 */
function otherBlocksAfterSubheadings(obj: object | undefined, known: readonly string[], sectionId: string): Block[] {
  const blocks = otherBlock(obj, known);
  return blocks.length === 0 ? [] : [{ kind: 'subheading', id: `${sectionId}-other-fields`, text: 'Other fields' }, ...blocks];
}

/** Columns a loose row type carries beyond the known ones, in first-seen order. */
function extraColumns(rows: readonly object[] | undefined, known: readonly string[]): string[] {
  const seen = new Set<string>();
  const knownSet = new Set(known);
  for (const row of rows ?? []) for (const k of Object.keys(row)) if (!knownSet.has(k)) seen.add(k);
  return [...seen];
}

function extraCells(row: object, keys: readonly string[]): Cell[] {
  return keys.map((k) => unknownCell((row as Record<string, unknown>)[k]));
}

function checksSection(checks: CheckItem[]): SectionView {
  if (checks.length === 0)
    return {
      id: 'checks',
      title: sectionTitle('checks'),
      blocks: [{ kind: 'note', tone: 'info', text: 'No findings: the numbers in this record agree with each other.' }],
    };
  return { id: 'checks', title: sectionTitle('checks'), blocks: [{ kind: 'checks', items: checks }] };
}

function overviewSection(r: Experiment, c: FieldContext): SectionView {
  const o = r.overview;
  return section('overview', [
    fields([
      field(c, 'Experiment name', 'name', r.name, textCell),
      field(c, 'Objective', 'overview.objective', o?.objective, markdownCell),
      field(c, 'Hypothesis', 'overview.hypothesis', o?.hypothesis, markdownCell),
      field(c, 'Success criteria', 'overview.successCriteria', o?.successCriteria, markdownCell),
    ]),
    ...otherBlock(o, KNOWN.overview),
  ]);
}

/**
 * The share of each split computed from the records counts, where the log gives counts but no
 * fractions (`Training: 200,000`): records ÷ the records of all splits. Undefined for a split whose
 * share cannot be computed (a count missing from any split, or a total of 0).
 */
export function splitShares(splits: readonly { records?: number | undefined }[]): (number | undefined)[] {
  const counts = splits.map((s) => s.records);
  const total = counts.reduce<number>((sum, n) => sum + (n ?? Number.NaN), 0);
  return counts.map((n) => (n !== undefined && Number.isFinite(total) && total > 0 ? n / total : undefined));
}

function shareCell(fraction: number | undefined, computed: number | undefined): Cell {
  const percent = (share: number): string => `${formatValue(Math.round(share * 1000) / 10)}%`;
  if (fraction !== undefined) return { text: percent(fraction), numeric: true };
  if (computed === undefined) return { text: '—', numeric: true };
  return { text: percent(computed), numeric: true, title: 'Computed from the records: this split’s records ÷ the records of all splits' };
}

function datasetSection(r: Experiment, c: FieldContext): SectionView {
  const d = r.dataset;
  const splits = d?.splits ?? [];
  const extra = extraColumns(splits, KNOWN.split);
  const counts = formatColumn(splits.map((s) => s.records));
  const shares = splitShares(splits);
  const splitTable: Block | undefined =
    splits.length > 0
      ? {
          kind: 'table',
          caption: 'Train/validation/test split',
          columns: [
            { label: 'Split' },
            { label: 'Share', numeric: true },
            { label: 'Records', numeric: true },
            ...extra.map((k) => ({ label: humanize(k) })),
          ],
          rows: splits.map((s, i) => [
            { text: s.name },
            shareCell(s.fraction, shares[i]),
            { text: counts[i] ?? '—', numeric: true },
            ...extraCells(s, extra),
          ]),
        }
      : undefined;
  return section('dataset', [
    fields([
      field(c, 'Dataset name', 'dataset.name', d?.name, textCell),
      field(c, 'Version', 'dataset.version', d?.version, textCell),
      field(c, 'Location', 'dataset.location', d?.location, textCell),
      field(c, 'Records', 'dataset.records', d?.records, (v: number) => ({ text: formatCount(v), numeric: true })),
      field(c, 'Features', 'dataset.features', d?.features, (v: number) => ({ text: formatCount(v), numeric: true })),
      field(c, 'Features, as written', 'dataset.featuresText', d?.featuresText, textCell),
      field(c, 'Feature names', 'dataset.featureNames', d?.featureNames, (names: readonly string[]) => ({ text: names.join(', ') })),
      field(c, 'Size', 'dataset.sizeText', d?.sizeText, textCell),
      field(c, 'Split strategy', 'dataset.splitStrategy', d?.splitStrategy, textCell),
      field(c, 'Split seed', 'dataset.randomSeed', d?.randomSeed, (v: number) => ({ text: String(v), numeric: true })),
      field(c, 'Seeds (a run each)', 'dataset.randomSeeds', d?.randomSeeds, (v: readonly number[]) => ({ text: v.join(', ') })),
    ]),
    splitTable,
    listBlock('Preprocessing', d?.preprocessing, c, 'dataset.preprocessing', true),
    ...otherBlock(d, KNOWN.dataset),
  ]);
}

/** A setting's value: text as written, a number as settings are written (`formatSetting`). */
function settingCell(value: unknown): Cell {
  return typeof value === 'number' ? { text: formatSetting(value), numeric: true } : unknownCell(value);
}

function searchSpaceText(space: SearchSpace): string {
  if (space.kind === 'range') return `[${formatSetting(space.min)}, ${formatSetting(space.max)}]${space.scale === 'log' ? ' (log)' : ''}`;
  if (space.kind === 'choice') return `{${space.values.map((v) => formatSetting(v)).join(', ')}}`;
  return space.text;
}

function modelSection(r: Experiment, c: FieldContext, ctx: ExperimentPageContext): SectionView {
  const m = r.model;
  const hps = m?.hyperparameters ?? [];
  const extra = extraColumns(hps, KNOWN.hyperparameter);
  // No column of dashes for what no row gives (settings from a config block have no search space).
  const searched = hps.some((h) => h.searchSpace !== undefined);
  const tuned = hps.some((h) => h.tuningMethod !== undefined);
  const t = m?.training;
  const es = t?.earlyStopping;
  return section('model', [
    fields([field(c, 'Model type', 'model.type', m?.type, textCell)]),
    m?.architecture
      ? { kind: 'code', title: 'Architecture', text: m.architecture }
      : c.placeholders.has('model.architecture')
        ? fields([{ label: 'Architecture', value: NOT_FILLED }])
        : undefined,
    hps.length > 0
      ? {
          kind: 'table',
          id: 'hyperparameters',
          caption: 'Hyperparameters',
          columns: [
            { label: 'Parameter' },
            { label: 'Value', numeric: true },
            ...(searched ? [{ label: 'Search space' }] : []),
            ...(tuned ? [{ label: 'Tuning method' }] : []),
            ...extra.map((k) => ({ label: humanize(k) })),
          ],
          rows: hps.map((h) => [
            { text: h.name },
            h.value === undefined ? { text: '—', numeric: true } : { ...settingCell(h.value), numeric: true },
            ...(searched ? [{ text: h.searchSpace ? searchSpaceText(h.searchSpace) : '—' }] : []),
            ...(tuned ? [{ text: h.tuningMethod ?? '—' }] : []),
            ...extraCells(h, extra),
          ]),
        }
      : undefined,
    ...chartBlocks(ctx, 'model'),
    { kind: 'subheading', id: 'training-configuration', text: 'Training configuration' },
    fields([
      field(c, 'Optimizer', 'model.training.optimizer', t?.optimizer, textCell),
      field(c, 'Loss function', 'model.training.lossFunction', t?.lossFunction, textCell),
      field(c, 'Early stopping', 'model.training.earlyStopping', es, () => ({
        text: es
          ? `${es.enabled ? 'Yes' : 'No'}${es.patience !== undefined ? ` (patience = ${es.patience})` : ''}${es.monitor ? `, monitoring ${es.monitor}` : ''}`
          : '—',
      })),
      field(c, 'Learning-rate schedule', 'model.training.learningRateSchedule', t?.learningRateSchedule, textCell),
      field(c, 'Epochs', 'model.training.epochs', t?.epochs, (v: number) => numberCell(v)),
      ...otherFields(es, ['enabled', 'patience', 'monitor'], 'Early stopping'),
      ...otherFields(t, KNOWN.trainingConfig),
    ]),
    ...otherBlocksAfterSubheadings(m, KNOWN.model, 'model'),
  ]);
}

function trainingSection(r: Experiment, c: FieldContext, ctx: ExperimentPageContext): SectionView {
  const t = r.training;
  const history = t?.history ?? [];
  const columns = [...new Set(history.flatMap((row) => Object.keys(row)))].filter((k) => k !== 'epoch');
  const formatted = columns.map((col) =>
    formatMetricColumn(
      col,
      history.map((row) => getOwn(row, col) ?? null),
    ),
  );
  const best = t?.bestModel;
  const bestEpoch = best?.epoch;
  const infra = t?.infrastructure;
  const axis = historyAxisOf(r);
  const axisTitle = historyAxisTitle(axis);
  return section('training', [
    ...chartBlocks(ctx, 'training'),
    history.length > 0
      ? {
          kind: 'table',
          id: TRAINING_TABLE_ID,
          caption: `Training metrics (${history.length} ${axis}${history.length === 1 ? '' : 's'})`,
          columns: [{ label: axisTitle, numeric: true }, ...columns.map((col) => ({ label: col, numeric: true }))],
          rows: history.map((row, i) => [
            { text: String(row.epoch), numeric: true, strong: row.epoch === bestEpoch },
            ...columns.map((_, j) => ({ text: formatted[j]?.[i] ?? '—', numeric: true, strong: row.epoch === bestEpoch })),
          ]),
          collapsedAfter: 25,
        }
      : undefined,
    { kind: 'subheading', id: 'best-model', text: 'Best model' },
    fields([
      field(c, axisTitle, 'training.bestModel.epoch', best?.epoch, (v: number) => ({ text: String(v), numeric: true })),
      field(c, 'Selected by', 'training.bestModel.selectedBy', best?.selectedBy, textCell),
      ...Object.entries(best?.metrics ?? {}).map(([k, v]) => ({ label: k, value: numberCell(v) })),
      ...otherFields(best, KNOWN.bestModel),
    ]),
    { kind: 'subheading', id: 'training-infrastructure', text: 'Training infrastructure' },
    fields([
      field(c, 'Hardware', 'training.infrastructure.hardware', infra?.hardware, textCell),
      field(c, 'GPUs', 'training.infrastructure.gpuCount', infra?.gpuCount, (v: number) => numberCell(v)),
      infra?.durationText !== undefined
        ? field(c, 'Training duration', 'training.infrastructure.durationText', infra.durationText, textCell)
        : field(c, 'Training duration', 'training.infrastructure.durationHours', infra?.durationHours, (v: number) => numberCell(v, ' h')),
      field(c, 'GPU-hours', 'training.infrastructure.gpuHours', infra?.gpuHours, (v: number) => numberCell(v)),
      field(c, 'Estimated CO₂', 'training.infrastructure.co2Kg', infra?.co2Kg, (v: number) => numberCell(v, ' kg')),
      ...otherFields(infra, KNOWN.infrastructure),
    ]),
    ...otherBlocksAfterSubheadings(t, KNOWN.training, 'training'),
  ]);
}

function evaluationSection(r: Experiment, c: FieldContext, ctx: ExperimentPageContext): SectionView {
  const e = r.evaluation;
  const metrics = e?.testMetrics ?? [];
  const extra = extraColumns(metrics, KNOWN.testMetric);
  const cm = e?.confusionMatrix;
  const total = cm ? cm.matrix.flat().reduce((a, b) => a + b, 0) : 0;
  // The test set as written beside the results (`Test set: 250,000 transactions (Oct 2024)`), else its size.
  const testSet: FieldItem | undefined =
    e?.testSetNote !== undefined
      ? { label: 'Test set', value: textCell(e.testSetNote) }
      : e?.testSetSize !== undefined
        ? { label: 'Test set size', value: { text: formatCount(e.testSetSize), numeric: true } }
        : undefined;
  return section('evaluation', [
    testSet === undefined ? undefined : fields([testSet]),
    metrics.length > 0
      ? {
          kind: 'table',
          id: 'test-metrics-table',
          caption: 'Test set performance',
          columns: [
            { label: 'Metric' },
            { label: 'Value', numeric: true },
            { label: '95% CI', numeric: true },
            ...extra.map((k) => ({ label: humanize(k) })),
          ],
          rows: metrics.map((m, index) => {
            // The value to the places it was written with (`0.90`, not `0.9`); its interval at least to those.
            const places = m.value === null ? undefined : writtenDecimals(r, `evaluation.testMetrics.${index}.value`, m.value);
            return [
              { text: m.metric },
              numberCell(m.value, m.unit && m.unit !== '%' ? ` ${m.unit}` : m.unit === '%' ? '%' : '', places),
              { text: formatCiText(m.ci95, m.unit, places), numeric: true },
              ...extraCells(m, extra),
            ];
          }),
        }
      : c.placeholders.has('evaluation.testMetrics')
        ? fields([{ label: 'Test set performance', value: NOT_FILLED }])
        : undefined,
    ...chartBlocks(ctx, 'evaluation'),
    cm
      ? {
          kind: 'table',
          id: 'confusion-matrix-table',
          caption: `Confusion matrix (rows: actual, columns: predicted; ${formatCount(total)} examples)`,
          columns: [{ label: 'Actual \\ Predicted' }, ...cm.labels.map((l) => ({ label: l, numeric: true }))],
          rows: cm.matrix.map((row, i) => [
            { text: cm.labels[i] ?? `class ${i + 1}`, strong: true },
            ...row.map((v) => ({ text: formatCount(v), numeric: true })),
          ]),
          ...(cm.positiveLabel ? { note: `Positive class: ${cm.positiveLabel}` } : {}),
        }
      : undefined,
    ...otherBlock(cm, ['labels', 'matrix', 'positiveLabel'], 'Confusion matrix'),
    splitMetricsTable(e),
    ...otherBlock(e, KNOWN.evaluation),
  ]);
}

/**
 * The metrics by data split (`evaluation.metricsBySplit`: a table with a row per split, a metrics
 * file's `train`/`test` groups) as a table, a row per split and a column per metric, values as
 * written; anything else under that name is left to the section's other fields.
 */
function splitMetricsTable(e: object | undefined): Block | undefined {
  const rows = (e as Record<string, unknown> | undefined)?.['metricsBySplit'];
  // None written: nothing to show (not an empty "Metrics by split" field on every page).
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row)))
    return otherBlock({ metricsBySplit: rows }, [])[0];
  const keys = extraColumns(rows as object[], []);
  return {
    kind: 'table',
    id: 'metrics-by-split-table',
    caption: 'Metrics by data split',
    columns: keys.map((key, index) => ({ label: index === 0 ? humanize(key) : key, numeric: index > 0 })),
    rows: (rows as object[]).map((row) => extraCells(row, keys).map((cell, index) => (index === 0 ? cell : { ...cell, numeric: true }))),
  };
}

/**
 * The groups' table; one per attribute when each attribute's groups were written with other
 * columns (`| Site | Volumes | Dice | HD95 |` and `| Sex | Dice | N |`): in one table every other
 * cell would be empty. The Overall row heads each table. Kept as one table when the Overall row has
 * a value none of the tables would show, or when the log gives summary rows (`Max gap`).
 */
/** Decimal places a group's value of a metric was written with (`89.0` is the number 89, written to one place). */
type GroupPlaces = (row: GroupRow, metric: string, value: number) => number;

function groupTables(groups: readonly GroupRow[], stated: readonly StatedGap[], placesOf: GroupPlaces, sizeLabel = 'N'): Block[] {
  if (groups.length === 0) return [];
  const overall = groups.filter((g) => g.overall === true);
  const byAttributes = new Map<string, GroupRow[]>();
  for (const g of groups) {
    if (g.overall === true) continue;
    const key = Object.keys(g.attributes ?? {})
      .sort(compareText)
      .join('\u0000');
    byAttributes.set(key, [...(byAttributes.get(key) ?? []), g]);
  }
  const parts = [...byAttributes.values()];
  const columnsOf = (rows: readonly GroupRow[]) => [
    ...new Set(
      rows.flatMap((g) => [
        ...Object.keys(g.metrics).filter((m) => getOwn(g.metrics, m) != null),
        ...(g.n === undefined ? [] : ['\u0000n']),
      ]),
    ),
  ];
  const shown = new Set(parts.flatMap(columnsOf));
  const split =
    parts.length > 1 &&
    stated.length === 0 &&
    extraColumns(groups, KNOWN.group).length === 0 &&
    new Set(parts.map((rows) => columnsOf(rows).sort(compareText).join('\u0000'))).size > 1 &&
    columnsOf(overall).every((column) => shown.has(column));
  if (!split) return [groupTable(groups, 'disaggregated-performance', 'Disaggregated performance', stated, sizeLabel, placesOf)];
  // An Overall row heading a table is a copy of the record's: its places are the original's.
  const originals = new Map<GroupRow, GroupRow>();
  return parts.map((rows, index) => {
    const attributes = Object.keys(rows[0]?.attributes ?? {}).map(humanize);
    const caption = `Disaggregated performance by ${attributes.join(' × ').toLowerCase() || 'group'}`;
    const columns = new Set(columnsOf(rows));
    const head = overall.map(({ n, ...g }) => ({
      ...g,
      // In the order the table's groups give their columns.
      metrics: Object.fromEntries(
        [...columns].flatMap((m) => {
          const value = getOwn(g.metrics, m);
          return value === undefined ? [] : [[m, value] as const];
        }),
      ),
      ...(n !== undefined && columns.has('\u0000n') ? { n } : {}),
    }));
    head.forEach((copy, i) => originals.set(copy, overall[i] ?? copy));
    return groupTable(
      [...head, ...rows],
      index === 0 ? 'disaggregated-performance' : `disaggregated-performance-${index + 1}`,
      caption,
      [],
      sizeLabel,
      (row, metric, value) => placesOf(originals.get(row) ?? row, metric, value),
    );
  });
}

/** One table of groups: their attributes when a label is more than its one value, metrics, size, other columns. */
function groupTable(
  groups: readonly GroupRow[],
  id: string,
  caption: string,
  stated: readonly StatedGap[],
  sizeLabel: string,
  placesOf: GroupPlaces,
): Block {
  // Columns in the order the groups give them, then any only the Overall row has.
  const ordered = [...groups.filter((g) => g.overall !== true), ...groups.filter((g) => g.overall === true)];
  const metricCols = [...new Set(ordered.flatMap((g) => Object.keys(g.metrics)))];
  // Attribute columns only add information when a group label is not just its one attribute value.
  const redundant = groups.every((g) => {
    const values = Object.values(g.attributes ?? {});
    return values.length === 0 || (values.length === 1 && values[0] === g.group);
  });
  const attrCols = redundant ? [] : [...new Set(groups.flatMap((g) => Object.keys(g.attributes ?? {})))];
  const extra = extraColumns(groups, KNOWN.group);
  const formatted = metricCols.map((m) =>
    formatMetricColumn(
      m,
      groups.map((g) => getOwn(g.metrics, m) ?? null),
      groups.map((g) => {
        const value = getOwn(g.metrics, m);
        return typeof value === 'number' ? placesOf(g, m, value) : 0;
      }),
    ),
  );
  const anyN = groups.some((g) => g.n !== undefined);
  return {
    kind: 'table',
    id,
    caption,
    columns: [
      { label: 'Group' },
      ...attrCols.map((a) => ({ label: humanize(a) })),
      ...metricCols.map((m) => ({ label: m, numeric: true })),
      ...(anyN ? [{ label: sizeLabel, numeric: true }] : []),
      ...extra.map((k) => ({ label: humanize(k) })),
    ],
    rows: [
      ...groups.map((g, i) => [
        { text: g.group, strong: g.overall === true },
        ...attrCols.map((a) => ({ text: getOwn(g.attributes, a) ?? '—' })),
        ...metricCols.map((_, j) => ({ text: formatted[j]?.[i] ?? '—', numeric: true, strong: g.overall === true })),
        ...(anyN ? [{ text: formatCount(g.n), numeric: true }] : []),
        ...extraCells(g, extra),
      ]),
      // The log's own summary rows (`Max gap`), its numbers as written; the gaps table below computes them.
      ...stated.map((gap) => [
        { text: `${gap.label} (as written)` },
        ...attrCols.map(() => ({ text: '' })),
        ...metricCols.map((m) => {
          const value = getOwn(gap.metrics, m);
          const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '—';
          return { text, numeric: true };
        }),
        ...(anyN ? [{ text: '' }] : []),
        ...extra.map(() => ({ text: '' })),
      ]),
    ],
  };
}

/** The places each of the record's groups wrote its values with, by the row's place in `evaluation.disaggregated`. */
function groupPlaces(r: Experiment): GroupPlaces {
  const place = new Map((r.evaluation?.disaggregated ?? []).map((row, i) => [row, i]));
  return (row, metric, value) => writtenDecimals(r, `evaluation.disaggregated.${place.get(row) ?? -1}.metrics.${metric}`, value);
}

function fairnessSection(r: Experiment, ctx: ExperimentPageContext): SectionView {
  const groups = r.evaluation?.disaggregated ?? [];
  const gaps = [...ctx.analysis.fairness].sort((a, b) => Number(b.flagged) - Number(a.flagged));
  return section('fairness', [
    ...groupTables(groups, statedGaps(r), groupPlaces(r), r.evaluation?.groupSizeLabel),
    gaps.length > 0
      ? {
          kind: 'table',
          id: 'fairness-gaps',
          caption: 'Gaps between groups (Fairlearn MetricFrame definitions)',
          columns: [
            { label: 'Attribute' },
            { label: 'Metric' },
            { label: 'Worst group' },
            { label: 'Best group' },
            { label: 'Difference', numeric: true, title: 'max − min' },
            { label: 'Ratio', numeric: true, title: 'min / max' },
            { label: 'Diff. to overall', numeric: true },
            { label: 'Ratio to overall', numeric: true },
            { label: '95% CI of gap', numeric: true },
            { label: 'Flag' },
          ],
          rows: gaps.map((f) => {
            const cells = fairnessCells(f);
            return [
              { text: f.attribute },
              { text: f.metric },
              cells.worst,
              cells.best,
              cells.difference,
              cells.ratio,
              cells.toOverall,
              cells.ratioToOverall,
              cells.interval,
              cells.flag,
            ];
          }),
          note: fairnessNote(gaps),
        }
      : undefined,
    ...chartBlocks(ctx, 'fairness'),
  ]);
}

/** What the fairness gaps table's flags mean, with the thresholds in use. */
function fairnessNote(gaps: ExperimentAnalysisView['fairness']): string {
  const first = gaps[0];
  const ratio = first?.threshold ?? 0.8;
  const difference = formatValue((first?.differenceThreshold ?? 0.05) * 100);
  return (
    `Selection rates are flagged by the four-fifths rule (ratio below ${formatValue(ratio)}), a heuristic and not a legal or statistical test; ` +
    `other rates (accuracy, error, recall, FPR, …) when the gap is at least ${difference} pp and its 95% interval excludes 0. ` +
    'No flag rests on a group below the minimum size, or on a ratio near 0/0. Proportions are compared as percentages, gaps in percentage points. ' +
    'For lower-is-better metrics (FPR, FNR, error) the worst group has the highest value.'
  );
}

function deltaRows(deltas: readonly DeltaView[], notCompared: readonly NotComparedView[]): Cell[][] {
  return [
    ...deltas.map((d) => [
      { text: d.baseline },
      deltaMetricCell(d),
      deltaValueCell(d, d.current),
      deltaValueCell(d, d.reference),
      absoluteCell(d),
      relativeCell(d),
      intervalCell(d),
      verdictCell(d),
    ]),
    ...notCompared.map((n) => {
      const cells = notComparedCells(n);
      const none: Cell = { text: '—', numeric: true };
      return [{ text: n.baseline }, { text: n.metric }, cells.current, cells.reference, none, none, none, cells.verdict];
    }),
  ];
}

const DELTA_COLUMNS = [
  { label: 'Against' },
  { label: 'Metric' },
  { label: 'Current', numeric: true },
  { label: 'Reference', numeric: true },
  { label: 'Absolute', numeric: true, title: "current − reference: percentage points for proportions, else the metric's unit" },
  { label: 'Relative', numeric: true, title: '(current − reference) / |reference|' },
  { label: '95% CI of difference', numeric: true },
  { label: 'Verdict' },
];

function comparisonSection(r: Experiment, c: FieldContext, ctx: ExperimentPageContext, link: (p: string) => string): SectionView {
  const cmp = r.comparison;
  const rows = cmp?.baselines ?? [];
  const metricCols = [...new Set(rows.flatMap((b) => Object.keys(b.metrics)))];
  const formatted = metricCols.map((m) =>
    formatMetricColumn(
      m,
      rows.map((b) => getOwn(b.metrics, m) ?? null),
    ),
  );
  const extra = extraColumns(rows, KNOWN.baseline);
  // An interval's assumptions are in its cell's note (`intervalCell`); only those of deltas without one go under the table.
  const assumptions = [
    ...new Set(
      ctx.analysis.baselineDeltas
        .filter((d) => d.ciLow === null || d.ciHigh === null)
        .map((d) => d.assumption)
        .filter((a): a is string => !!a),
    ),
  ];
  const claims = cmp?.claims ?? [];
  // Rows that are themselves records get a compare page (see comparePairs).
  const isRecordRow = (b: (typeof rows)[number]): boolean => !!b.experimentId && b.experimentId !== r.id && ctx.records.has(b.experimentId);
  const comparable = rows.some(isRecordRow);
  // No column of dashes when no row has notes.
  const noted = rows.some((b) => !!b.notes);
  return section('comparison', [
    rows.length > 0
      ? {
          kind: 'table',
          id: 'baselines',
          caption: 'Baseline models',
          columns: [
            { label: 'Model' },
            ...metricCols.map((m) => ({ label: m, numeric: true })),
            ...(noted ? [{ label: 'Notes' }] : []),
            ...extra.map((k) => ({ label: humanize(k) })),
            ...(comparable ? [{ label: 'Compare' }] : []),
          ],
          rows: rows.map((b, i) => [
            b.experimentId && ctx.records.has(b.experimentId)
              ? { text: b.label, href: link(experimentPath(b.experimentId)), strong: b.current === true }
              : { text: b.label, strong: b.current === true },
            ...metricCols.map((m, j) => {
              // A value written with its interval (`0.905 ± 0.004`) is shown with it.
              const ci = getOwn(b.ci95 ?? {}, m);
              const value = getOwn(b.metrics, m);
              const text = formatted[j]?.[i] ?? '—';
              const places = typeof value === 'number' ? writtenDecimals(r, `comparison.baselines.${i}.metrics.${m}`, value) : 0;
              return {
                text: ci === undefined ? text : `${text} ${formatCiText(ci, undefined, places)}`,
                numeric: true,
                strong: b.current === true,
              };
            }),
            ...(noted ? [b.notes ? markdownCell(b.notes) : { text: '—' }] : []),
            ...extraCells(b, extra),
            ...(comparable
              ? [
                  isRecordRow(b)
                    ? { text: `vs ${b.experimentId ?? ''}`, href: link(comparePath(r.id, b.experimentId ?? '', ctx.comparePages)) }
                    : { text: '—' },
                ]
              : []),
          ]),
        }
      : undefined,
    ...chartBlocks(ctx, 'comparison'),
    ctx.analysis.baselineDeltas.length > 0 || ctx.analysis.notCompared.some((n) => n.source === 'baseline')
      ? {
          kind: 'table',
          id: 'baseline-deltas',
          caption: 'Improvement vs each baseline (computed)',
          columns: DELTA_COLUMNS,
          rows: deltaRows(
            ctx.analysis.baselineDeltas,
            ctx.analysis.notCompared.filter((n) => n.source === 'baseline'),
          ),
          ...(assumptions.length ? { note: assumptions.join(' ') } : {}),
        }
      : undefined,
    ctx.analysis.parentDeltas.length > 0 || ctx.analysis.notCompared.some((n) => n.source === 'parent')
      ? {
          kind: 'table',
          id: 'parent-deltas',
          caption: `Change vs parent ${r.lineage?.parent ?? ''}`.trim(),
          columns: DELTA_COLUMNS,
          rows: deltaRows(
            ctx.analysis.parentDeltas,
            ctx.analysis.notCompared.filter((n) => n.source === 'parent'),
          ),
          ...parentDataNote(ctx.analysis.checks),
        }
      : undefined,
    claims.length > 0
      ? {
          kind: 'table',
          id: 'claims',
          caption: 'Improvement vs baseline, as claimed in the record, checked against the numbers',
          columns: [
            { label: 'Metric' },
            { label: 'Claim' },
            { label: 'Compared with' },
            { label: 'Computed', numeric: true },
            { label: 'Check' },
          ],
          rows: claims.map((cl, i) => {
            const check = ctx.analysis.claims.find((k) => k.index === i);
            // The change's unit, from the change the claim was checked against.
            const key = metricInfo(cl.metric).key;
            const unit = [...ctx.analysis.baselineDeltas, ...ctx.analysis.parentDeltas].find(
              (d) => d.baseline === check?.baseline && metricInfo(d.metric).key === key,
            )?.unit;
            return [
              // Named in the unit of the computed change beside it (`p99 latency (ms)` for a change in ms).
              { text: nameInUnit(cl.metric, [unit]) },
              { text: cl.text },
              { text: check?.baseline ?? '—' },
              claimComputed(check, unit ?? null),
              claimVerdict(check),
            ];
          }),
        }
      : c.placeholders.has('comparison.claims')
        ? fields([{ label: 'Improvement vs baseline', value: NOT_FILLED }])
        : undefined,
    ...otherBlock(cmp, KNOWN.comparison),
  ]);
}

/** The note under the changes against the parent when it was evaluated on other data (`parent-dataset-differs`). */
function parentDataNote(checks: readonly CheckView[]): { note?: string } {
  const check = checks.find((c) => c.code === 'parent-dataset-differs');
  return check === undefined ? {} : { note: check.message };
}

/** The change a claim was checked against: absolute in its unit (points for a percentage, `ms` for a latency) and relative. */
function claimComputed(check: ClaimView | undefined, unit: string | null): Cell {
  if (!check || (check.computedAbsolute === null && check.computedRelative === null)) return { text: '—', numeric: true };
  const decimals = check.computedDecimals ?? 3;
  const suffix = unit === '%' ? ' pp' : unit !== null ? ` ${unit}` : ' absolute';
  const abs =
    check.computedAbsolute === null
      ? ''
      : check.computedFraction
        ? `${formatPoints(check.computedAbsolute, percentDecimals(decimals))} absolute`
        : `${formatSigned(check.computedAbsolute, Math.min(6, decimals))}${suffix}`;
  const rel = check.computedRelative === null ? '' : formatRelative(check.computedRelative);
  return { text: [abs, rel && `${rel} relative`].filter(Boolean).join(' · '), numeric: true };
}

function claimVerdict(check: ClaimView | undefined): Cell {
  if (!check || check.status === 'unresolved')
    return { text: 'could not be checked', tone: 'neutral', title: 'No matching baseline or metric was found' };
  if (check.status === 'mismatch') return { text: 'does not match the numbers', tone: 'bad' };
  return { text: `matches (read as ${check.claimKind ?? 'a'} change)`, tone: 'good' };
}

function tuningSection(r: Experiment, c: FieldContext): SectionView {
  const t = r.tuning;
  const best = t?.bestHyperparameters;
  return section('tuning', [
    fields([
      field(c, 'Tuning method', 'tuning.method', t?.method, textCell),
      field(c, 'Tuning tool', 'tuning.tool', t?.tool, textCell),
      field(c, 'Number of trials', 'tuning.trials', t?.trials, (v: number) => numberCell(v)),
      field(c, 'Tuning budget', 'tuning.budget', t?.budget, textCell),
      field(c, 'Budget (GPU-hours)', 'tuning.budgetGpuHours', t?.budgetGpuHours, (v: number) => numberCell(v)),
      field(c, 'Tuning results', 'tuning.visualization', t?.visualization, textCell),
    ]),
    best && Object.keys(best).length > 0
      ? {
          kind: 'table',
          id: 'best-hyperparameters',
          caption: 'Best hyperparameters found',
          columns: [{ label: 'Parameter' }, { label: 'Value', numeric: true }],
          rows: Object.entries(best).map(([k, v]) => [{ text: k }, { ...settingCell(v), numeric: true }]),
        }
      : undefined,
    ...otherBlock(t, KNOWN.tuning),
  ]);
}

function reproducibilitySection(r: Experiment, c: FieldContext): SectionView {
  const rep = r.reproducibility;
  const code = rep?.code;
  return section('reproducibility', [
    (rep?.artifacts ?? []).length > 0
      ? {
          kind: 'table',
          id: 'artifacts',
          caption: 'Model artifacts',
          columns: [{ label: 'Artifact' }, { label: 'Location' }],
          rows: (rep?.artifacts ?? []).map((a) => [{ text: a.name }, textCell(a.uri)]),
        }
      : undefined,
    { kind: 'subheading', id: 'code-version', text: 'Code version' },
    fields([
      field(c, 'Repository', 'reproducibility.code.repository', code?.repository, (v: string) => {
        const web = repositoryUrl(v);
        return web !== undefined && web !== v ? { text: v, href: web } : textCell(v);
      }),
      field(c, 'Branch', 'reproducibility.code.branch', code?.branch, textCell),
      field(c, 'Commit', 'reproducibility.code.commit', code?.commit, (v: string) => {
        const href = code?.repository === undefined ? undefined : commitUrl(code.repository, v);
        return href === undefined ? textCell(v) : { text: v, href, title: 'This commit in its repository' };
      }),
      field(c, 'Tag', 'reproducibility.code.tag', code?.tag, textCell),
      field(c, 'Entry point', 'reproducibility.code.entryPoint', code?.entryPoint, textCell),
      ...otherFields(code, KNOWN.code),
    ]),
    { kind: 'subheading', id: 'environment', text: 'Environment' },
    fields(Object.entries(rep?.environment ?? {}).map(([k, v]) => ({ label: k, value: textCell(v) }))),
    { kind: 'subheading', id: 'random-seeds', text: 'Random seeds' },
    fields(seedRows(rep?.seeds ?? {}).map(([k, v]) => ({ label: k, value: { text: v, numeric: true } }))),
    ...otherBlocksAfterSubheadings(rep, KNOWN.reproducibility, 'reproducibility'),
  ]);
}

/**
 * The seeds as rows: by name, except that the seeds of one line (`Seeds: 0, 1, 2, 3, 4`, kept as
 * `Seeds 1` … `Seeds 5`) are one row again, "Seeds: 0, 1, 2, 3, 4", not five rows whose numbers
 * read as the seeds' own.
 */
export function seedRows(seeds: Readonly<Record<string, number>>): [string, string][] {
  const rows: [string, string][] = [];
  const entries = Object.entries(seeds);
  for (let i = 0; i < entries.length;) {
    const base = /^(.*\S) 1$/.exec(entries[i]?.[0] ?? '')?.[1];
    let j = i + 1;
    while (base !== undefined && entries[j]?.[0] === `${base} ${j - i + 1}`) j += 1;
    if (base !== undefined && j - i >= 2) {
      rows.push([
        base,
        entries
          .slice(i, j)
          .map(([, seed]) => String(seed))
          .join(', '),
      ]);
      i = j;
    } else {
      const [name, seed] = entries[i] as [string, number];
      rows.push([name, String(seed)]);
      i += 1;
    }
  }
  return rows;
}

function observationsSection(r: Experiment, c: FieldContext, ctx: ExperimentPageContext): SectionView {
  const o = r.observations;
  const fi = o?.featureImportance ?? [];
  const formatted = formatColumn(fi.map((f) => f.importance));
  const extra = extraColumns(fi, KNOWN.feature);
  return section('observations', [
    listBlock('What worked well', o?.worked, c, 'observations.worked'),
    listBlock("What didn't work", o?.didNotWork, c, 'observations.didNotWork'),
    listBlock('Key learnings', o?.learnings, c, 'observations.learnings'),
    fi.length > 0
      ? {
          kind: 'table',
          id: 'feature-importance-table',
          caption: `Feature importance${o?.featureImportanceMethod ? ` (${o.featureImportanceMethod})` : ''}`,
          columns: [
            { label: 'Feature' },
            { label: 'Importance', numeric: true },
            { label: 'Description' },
            ...extra.map((k) => ({ label: humanize(k) })),
          ],
          rows: fi.map((f, i) => [
            { text: f.feature },
            { text: formatted[i] ?? '—', numeric: true },
            { text: f.description ?? '—' },
            ...extraCells(f, extra),
          ]),
        }
      : undefined,
    ...chartBlocks(ctx, 'observations'),
    ...otherBlock(o, KNOWN.observations),
  ]);
}

function nextStepsSection(r: Experiment, c: FieldContext): SectionView {
  const n = r.nextSteps;
  const recs = n?.recommendations ?? [];
  const ready = n?.readyForProduction;
  return section('next-steps', [
    recs.length > 0
      ? {
          kind: 'checklist',
          title: 'Recommendations',
          items: recs.map((x) => ({ html: renderMarkdown(x.text).replace(/^<p>([\s\S]*)<\/p>$/, '$1'), done: x.done })),
        }
      : c.placeholders.has('nextSteps.recommendations')
        ? { kind: 'list', title: 'Recommendations', ordered: false, items: [NOT_FILLED] }
        : undefined,
    { kind: 'subheading', id: 'deployment-readiness', text: 'Deployment readiness' },
    fields([
      field(c, 'Ready for production', 'nextSteps.readyForProduction', ready, (v: string) => ({
        text: v === 'needs-review' ? 'Needs review' : v === 'yes' ? 'Yes' : 'No',
        tone: v === 'yes' ? 'good' : v === 'no' ? 'bad' : 'warn',
      })),
    ]),
    listBlock('Blockers', n?.blockers, c, 'nextSteps.blockers'),
    listBlock('Action items', n?.actionItems, c, 'nextSteps.actionItems'),
    ...otherBlocksAfterSubheadings(n, KNOWN.nextSteps, 'next-steps'),
  ]);
}

function lineageSection(r: Experiment, ctx: ExperimentPageContext, link: (p: string) => string): SectionView {
  const lin = ctx.analysis.lineage;
  // A parent or related experiment the record names that is not among the records: listed as written, not linked.
  const elsewhere = [...(r.lineage?.parent === undefined ? [] : [r.lineage.parent]), ...(r.lineage?.related ?? [])].filter(
    (id) => !ctx.records.has(id),
  );
  const unlisted: Block | undefined =
    elsewhere.length === 0
      ? undefined
      : {
          kind: 'fields',
          items: [
            ...(r.lineage?.parent !== undefined && !ctx.records.has(r.lineage.parent)
              ? [{ label: 'Parent (not among the records)', value: { text: r.lineage.parent } }]
              : []),
            ...(r.lineage?.related ?? [])
              .filter((id) => !ctx.records.has(id))
              .map((id) => ({ label: 'Related (not among the records)', value: { text: id } })),
          ],
        };
  // What else the record says of its lineage (`note: Forked from exp-5 …`, `method: distillation`), here with it.
  const written = otherFields(r.lineage, KNOWN.lineage);
  const others: Block | undefined = written.length === 0 ? undefined : { kind: 'fields', items: written };
  if (!lin.parent && lin.children.length === 0 && lin.related.length === 0) {
    return {
      id: 'lineage',
      title: sectionTitle('lineage'),
      blocks:
        unlisted === undefined && others === undefined
          ? [{ kind: 'note', tone: 'info', text: 'This experiment has no parent, children or related experiments.' }]
          : present<Block>([unlisted, others]),
    };
  }
  const tree = buildLineageTree(r.id, { base: ctx.base, records: ctx.records, analyses: ctx.analyses, comparePages: ctx.comparePages });
  const related = lin.related.map((id): LinkItem => {
    const rec = ctx.records.get(id);
    return { id, label: rec?.name ? `${id} — ${rec.name}` : id, href: rec ? link(experimentPath(id)) : '' };
  });
  const compare: Block | undefined =
    lin.parent && ctx.records.has(lin.parent)
      ? {
          kind: 'fields',
          items: [
            {
              label: 'Compare',
              value: { text: `${r.id} vs parent ${lin.parent}`, href: link(comparePath(r.id, lin.parent, ctx.comparePages)) },
            },
          ],
        }
      : undefined;
  return section('lineage', [{ kind: 'lineage', tree, related }, compare, unlisted, others, ...chartBlocks(ctx, 'lineage')]);
}

function metadataSection(r: Experiment, c: FieldContext): SectionView {
  const t = r.trackers;
  return section('metadata', [
    fields([
      field(c, 'Experiment ID', 'id', r.id, textCell),
      field(c, 'MLflow run ID', 'trackers.mlflowRunId', t?.mlflowRunId, textCell),
      field(c, 'MLflow run', 'trackers.mlflowUrl', t?.mlflowUrl, textCell),
      field(c, 'Weights & Biases run', 'trackers.wandbRun', t?.wandbRun, textCell),
      field(c, 'Neptune run', 'trackers.neptuneRun', t?.neptuneRun, textCell),
      field(c, 'Comet experiment', 'trackers.cometExperiment', t?.cometExperiment, textCell),
      ...otherFields(t, KNOWN.trackers, 'Tracker'),
      // Tags without a value (`tags: nlp, ner`) are one list; `use_case: churn` is a field of its own.
      ...(Object.entries(r.tags ?? {}).some(([, v]) => v === '')
        ? [
            {
              label: 'Tags',
              value: textCell(
                Object.entries(r.tags ?? {})
                  .filter(([, v]) => v === '')
                  .map(([k]) => k)
                  .join(', '),
              ),
            },
          ]
        : []),
      ...Object.entries(r.tags ?? {})
        .filter(([, v]) => v !== '')
        .map(([k, v]) => ({ label: `Tag: ${k}`, value: textCell(v) })),
      ...[...c.placeholders].filter((p) => p.startsWith('tags.')).map((p) => ({ label: `Tag: ${p.slice(5)}`, value: NOT_FILLED })),
      field(c, 'Status', 'status', r.status, textCell),
      field(c, 'Completion date', 'completionDate', r.completionDate, (v: string) => ({ text: formatDate(v) })),
      field(c, 'Reviewer notes', 'reviewerNotes', r.reviewerNotes, markdownCell),
      field(c, 'Template version', 'templateVersion', r.templateVersion, textCell),
      field(c, 'Based on', 'basedOn', r.basedOn, textCell),
    ]),
  ]);
}

function notesSection(r: Experiment): SectionView {
  return section('notes', [r.notes ? { kind: 'markdown', html: anchorHeadings(renderMarkdown(r.notes), 'notes', new Set()) } : undefined]);
}

function otherSection(r: Experiment, c: FieldContext): SectionView {
  // A list of rows (`reviewers: [{ name, verdict }]`) as a table, like a section's other fields.
  const blocks: Block[] = otherBlock(r, KNOWN.top);
  const placeholders = [...c.placeholders].sort();
  if (placeholders.length > 0) {
    blocks.push({
      kind: 'list',
      title: `Fields left as template placeholders (${placeholders.length})`,
      ordered: false,
      items: placeholders.map((p) => ({ text: p })),
    });
  }
  return blocks.length > 0
    ? { id: 'other', title: sectionTitle('other'), blocks }
    : { id: 'other', title: sectionTitle('other'), blocks: [], empty: true };
}

/** What every section builder gets. */
interface SectionInput {
  record: Experiment;
  fctx: FieldContext;
  ctx: ExperimentPageContext;
  link: (path: string) => string;
  /** The report's findings, linked to their sections (only the late sections get them). */
  checks: CheckItem[];
  /** Whether a section is shown on the page (only the late sections get a real answer). */
  present: (id: string) => boolean;
}

/** One builder per section of the table in `sections.ts`, which gives their order. */
const SECTION_BUILDERS: Readonly<Record<SectionId, (input: SectionInput) => SectionView>> = {
  summary: ({ record, ctx, present }) => ({
    id: 'summary',
    title: sectionTitle('summary'),
    blocks: buildSummaryBlocks({
      record,
      analysis: ctx.analysis,
      known: (id) => ctx.records.has(id),
      base: ctx.base,
      comparePages: ctx.comparePages,
      chart: ctx.charts.get('summary')?.[0],
      present,
    }),
  }),
  checks: ({ checks }) => checksSection(checks),
  overview: ({ record, fctx }) => overviewSection(record, fctx),
  dataset: ({ record, fctx }) => datasetSection(record, fctx),
  model: ({ record, fctx, ctx }) => modelSection(record, fctx, ctx),
  training: ({ record, fctx, ctx }) => trainingSection(record, fctx, ctx),
  evaluation: ({ record, fctx, ctx }) => evaluationSection(record, fctx, ctx),
  fairness: ({ record, ctx }) => fairnessSection(record, ctx),
  comparison: ({ record, fctx, ctx, link }) => comparisonSection(record, fctx, ctx, link),
  tuning: ({ record, fctx }) => tuningSection(record, fctx),
  reproducibility: ({ record, fctx }) => reproducibilitySection(record, fctx),
  observations: ({ record, fctx, ctx }) => observationsSection(record, fctx, ctx),
  'next-steps': ({ record, fctx }) => nextStepsSection(record, fctx),
  lineage: ({ record, ctx, link }) => lineageSection(record, ctx, link),
  metadata: ({ record, fctx }) => metadataSection(record, fctx),
  notes: ({ record }) => notesSection(record),
  other: ({ record, fctx }) => otherSection(record, fctx),
};
