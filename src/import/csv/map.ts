import type { Experiment, Hyperparameter, Status, TestMetric } from '../../schema/index.ts';
import { metricInfo } from '../../analysis/metrics.ts';
import { historyAxisOfHeader } from '../../analysis/history-axis.ts';
import { buildHistory, chooseTestMetricKeys, finiteOrNull, parseLoggedNumber, selectTestMetrics } from '../history.ts';
import type { MetricPoint } from '../history.ts';
import type { CsvFlags } from '../importer.ts';
import {
  assignNamedIds,
  assignRecordIds,
  dropUndefined,
  nonEmptyOrUndefined,
  parseParamValue,
  sealRecord,
  slugRunName,
  toIsoDate,
} from '../record.ts';
import { compareText } from '../../util/compare-text.ts';
import { messages } from './messages.ts';
import type { CsvTable } from './parse.ts';
import { setOwn } from '../../util/own.ts';

/**
 * The pure half of the CSV import: decide what each column means (`planCsv`, printed so the user
 * can override it with flags), then turn the table into records (`csvToRecords`). The mapping
 * table is in the README ("Import from CSV"); keep the two in step.
 */

/** What a column becomes. */
export type ColumnRole =
  | 'id'
  | 'name'
  | 'status'
  | 'date'
  | 'completionDate'
  | 'experimenter'
  | 'notes'
  | 'commit'
  | 'tags'
  | 'parent'
  | 'step'
  | 'tag'
  | 'param'
  | 'metric'
  | 'ignored';

export interface ColumnPlan {
  column: string;
  role: ColumnRole;
  /** Hyperparameter, metric or tag name (the column name with a `params.`/`metrics.`/`tags.` prefix stripped). */
  key: string;
  /** Why: `flag` (given on the command line), `name` (the column name says so), `values` (what the cells hold). */
  because: 'flag' | 'name' | 'values';
}

export interface CsvPlan {
  table: 'runs' | 'history';
  /** True when `--table` chose the kind of table. */
  tableFromFlag: boolean;
  columns: ColumnPlan[];
}

/** Column names (lower case) with a fixed meaning, as MLflow's and W&B's run-table exports and `mlflow.search_runs()` name them. */
const NAMED_COLUMNS: readonly [ColumnRole, readonly string[]][] = [
  ['id', ['run id', 'run_id', 'runid', 'run_uuid', 'id']],
  ['name', ['name', 'run name', 'run_name', 'display name', 'display_name', 'tags.mlflow.runname']],
  ['status', ['status', 'state']],
  ['date', ['start time', 'start_time', 'created', 'created_at', 'date', 'start']],
  ['completionDate', ['end time', 'end_time', 'finished_at', 'end']],
  ['experimenter', ['user', 'user_id', 'username', 'owner', 'tags.mlflow.user']],
  ['notes', ['notes', 'description', 'tags.mlflow.note.content']],
  ['commit', ['commit', 'git commit', 'git_commit', 'tags.mlflow.source.git.commit']],
  ['tags', ['tags']],
  ['parent', ['parent run id', 'parent_run_id', 'parent', 'parent_id', 'tags.mlflow.parentrunid']],
];

/** Step columns of a history table, most specific first. */
const STEP_COLUMNS = ['step', 'global_step', '_step', 'epoch', 'iteration', 'iter'];

/** Columns that describe the export or the machine, not the run: left out. */
const SYSTEM_COLUMNS = new Set([
  'duration',
  'runtime',
  'source type',
  'source name',
  'source',
  'artifact_uri',
  'artifact uri',
  'experiment_id',
  'experiment id',
  'lifecycle_stage',
  'sweep',
  'models',
  'version',
  'wall time',
  'wall_time',
  'timestamp',
  '_timestamp',
  '_runtime',
  '_step',
  '_wandb',
  'time',
]);

const PARAM_PREFIX = /^(params?\.|config[./]|hparams?\/|hp\/)/i;
const METRIC_PREFIX = /^(metrics?\.|summary[./])/i;
const TAG_PREFIX = /^tags\./i;

/**
 * Decides what the table is (`--table`, else a table of runs when a run id or name column is
 * there, else a history table when a step column is there, else a table of runs) and what each
 * column becomes (flags first, then the column name, then the values).
 */
export function planCsv(table: CsvTable, flags: CsvFlags, baseName = 'value'): CsvPlan {
  for (const [flag, names] of [
    ['--id', [flags.id]],
    ['--name', [flags.name]],
    ['--step', [flags.step]],
    ['--parent', [flags.parent]],
    ['--param', flags.params],
    ['--metric', flags.metrics],
    ['--ignore', flags.ignore],
  ] as const) {
    for (const name of names)
      if (name !== undefined && !table.columns.includes(name)) throw messages.unknownColumn(flag, name, table.columns);
  }
  const lower = table.columns.map((column) => column.toLowerCase());
  const named = (role: ColumnRole): boolean =>
    NAMED_COLUMNS.some(([r, names]) => r === role && lower.some((column) => names.includes(column)));
  const stepColumn =
    flags.step ??
    table.columns.find((_, index) => STEP_COLUMNS.includes(lower[index] ?? '') && lower[index] !== '_step') ??
    table.columns.find((_, index) => lower[index] === '_step');
  const kind: CsvPlan['table'] =
    flags.table ??
    (flags.id !== undefined || flags.name !== undefined || named('id') || named('name')
      ? 'runs'
      : stepColumn !== undefined
        ? 'history'
        : 'runs');
  if (kind === 'history' && stepColumn === undefined) throw messages.noStepColumn(table.columns);

  const taken = new Set<ColumnRole>();
  const columns = table.columns.map((column, index): ColumnPlan => {
    const name = lower[index] ?? '';
    const values = table.rows.map((row) => (row[index] ?? '').trim()).filter((value) => value !== '');
    const numeric = values.length > 0 && values.every((value) => parseLoggedNumber(value) !== undefined);
    const plan = (role: ColumnRole, because: ColumnPlan['because'], key = column): ColumnPlan => ({ column, role, key, because });
    if (flags.ignore.includes(column)) return plan('ignored', 'flag');
    if (flags.params.includes(column)) return plan('param', 'flag', column.replace(PARAM_PREFIX, ''));
    if (flags.metrics.includes(column)) return plan('metric', 'flag', column.replace(METRIC_PREFIX, ''));
    if (kind === 'history') {
      if (column === stepColumn) return plan('step', flags.step === undefined ? 'name' : 'flag');
      if (SYSTEM_COLUMNS.has(name)) return plan('ignored', 'name');
      return numeric ? plan('metric', 'values', column.replace(METRIC_PREFIX, '')) : plan('ignored', 'values');
    }
    if (column === flags.id) return plan('id', 'flag');
    if (column === flags.name) return plan('name', 'flag');
    if (column === flags.parent) return plan('parent', 'flag');
    for (const [role, names] of NAMED_COLUMNS) {
      const flagged =
        (role === 'id' && flags.id !== undefined) ||
        (role === 'name' && flags.name !== undefined) ||
        (role === 'parent' && flags.parent !== undefined);
      if (names.includes(name) && !taken.has(role) && !flagged) {
        taken.add(role);
        return plan(role, 'name');
      }
    }
    if (SYSTEM_COLUMNS.has(name)) return plan('ignored', 'name');
    if (PARAM_PREFIX.test(column)) return plan('param', 'name', column.replace(PARAM_PREFIX, ''));
    if (METRIC_PREFIX.test(column)) return plan('metric', 'name', column.replace(METRIC_PREFIX, ''));
    if (TAG_PREFIX.test(column)) return plan(/^tags\.mlflow\./i.test(column) ? 'ignored' : 'tag', 'name', column.replace(TAG_PREFIX, ''));
    if (values.length === 0) return plan('ignored', 'values');
    return numeric && metricInfo(column).kind !== null ? plan('metric', 'values') : plan('param', 'values');
  });
  // TensorBoard's CSV download names its one value column "Value": the metric is named after the file.
  const metricColumns = columns.filter((column) => column.role === 'metric');
  if (kind === 'history' && metricColumns.length === 1 && metricColumns[0]?.key === 'Value') metricColumns[0].key = baseName;
  return { table: kind, tableFromFlag: flags.table !== undefined, columns };
}

const ROLE_TEXT: Record<ColumnRole, string> = {
  id: 'run id',
  name: 'run name',
  status: 'status',
  date: 'date (start)',
  completionDate: 'completion date',
  experimenter: 'experimenter',
  notes: 'notes',
  commit: 'reproducibility.code.commit',
  tags: 'tags.tags',
  parent: 'parent run (lineage.parent)',
  step: 'step (history row)',
  tag: 'tag',
  param: 'hyperparameter',
  metric: 'metric',
  ignored: 'ignored',
};

/** The mapping as the command prints it: the kind of table, then one line per column with the flag that changes it. */
export function describeCsvPlan(plan: CsvPlan): string[] {
  const lines = [
    plan.table === 'runs'
      ? `read as a table of runs (one row per run)${plan.tableFromFlag ? '' : '; --table history reads it as one run’s history'}`
      : `read as one run's history (one row per step)${plan.tableFromFlag ? '' : '; --table runs reads it as a table of runs'}`,
  ];
  for (const column of plan.columns) {
    const target =
      column.role === 'param' || column.role === 'metric' || column.role === 'tag'
        ? `${ROLE_TEXT[column.role]} "${column.key}"`
        : ROLE_TEXT[column.role];
    const change =
      column.role === 'param'
        ? `--metric or --ignore ${quote(column.column)}`
        : column.role === 'metric'
          ? `--param or --ignore ${quote(column.column)}`
          : column.role === 'ignored'
            ? `--param or --metric ${quote(column.column)}`
            : undefined;
    lines.push(
      `  column ${JSON.stringify(column.column)} → ${target}${change === undefined || column.because === 'flag' ? '' : ` (${change} to change)`}`,
    );
  }
  return lines;
}

function quote(column: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(column) ? column : JSON.stringify(column);
}

/** What `csvToRecords` needs besides the table. */
export interface CsvContext {
  /** The file's name without `.csv`: a history table's run name. */
  baseName: string;
  schema?: string | undefined;
}

/** Turns the table into records as `plan` says. Throws an `ImportError` for a bad step or a repeated run id. */
export function csvToRecords(table: CsvTable, plan: CsvPlan, context: CsvContext): Experiment[] {
  if (table.rows.length === 0) throw messages.noRows();
  return plan.table === 'history' ? [historyRecord(table, plan, context)] : runRecords(table, plan, context);
}

function historyRecord(table: CsvTable, plan: CsvPlan, context: CsvContext): Experiment {
  const stepIndex = plan.columns.findIndex((column) => column.role === 'step');
  const metrics = plan.columns.map((column, index) => ({ column, index })).filter(({ column }) => column.role === 'metric');
  const series: Record<string, MetricPoint[]> = {};
  table.rows.forEach((row, rowIndex) => {
    const stepText = (row[stepIndex] ?? '').trim();
    const step = parseLoggedNumber(stepText);
    if (step === undefined || !Number.isFinite(step)) throw messages.badStep(table.lines[rowIndex] ?? 0, stepText);
    for (const { column, index } of metrics) {
      const value = parseLoggedNumber(row[index] ?? '');
      if (value !== undefined) (series[column.key] ??= []).push({ step, timestamp: rowIndex, value });
    }
  });
  const history = buildHistory(series);
  const testMetrics = selectTestMetrics(series);
  return sealRecord({
    ...dropUndefined({
      $schema: context.schema,
      id: slugRunName(context.baseName),
      name: context.baseName,
      // The step column names what the rows count (`epoch`, `step`, `global_step`, `iteration`).
      training:
        history.rows.length === 0
          ? undefined
          : dropUndefined({ history: history.rows, historyAxis: historyAxisOfHeader(plan.columns[stepIndex]?.column ?? '') }),
      evaluation: testMetrics.length === 0 ? undefined : { testMetrics },
    }),
    import: { source: 'csv', runId: context.baseName, nonFinite: history.nonFinite },
  });
}

const STATUS_WORDS: readonly [Status, RegExp][] = [
  ['completed', /^(finished|completed?|success|succeeded|done)$/i],
  ['running', /^(running|active)$/i],
  ['failed', /^(failed|crashed|error)$/i],
  ['cancelled', /^(killed|cancell?ed|stopped|aborted)$/i],
  ['planned', /^(scheduled|queued|pending|planned)$/i],
];

function runRecords(table: CsvTable, plan: CsvPlan, context: CsvContext): Experiment[] {
  const indexOf = (role: ColumnRole): number => plan.columns.findIndex((column) => column.role === role);
  const cell = (row: readonly string[], role: ColumnRole): string | undefined => {
    const index = indexOf(role);
    const value = index === -1 ? undefined : row[index]?.trim();
    return value === '' ? undefined : value;
  };
  const hasId = indexOf('id') !== -1;
  const names = table.rows.map((row) => cell(row, 'name'));
  const uniqueNames = new Set(names).size === names.length && names.every((name) => name !== undefined);
  const runs = table.rows.map((row, index) => {
    const runId = cell(row, 'id') ?? (uniqueNames ? (names[index] ?? '') : `row ${index + 1}`);
    return { runId, name: cell(row, 'name') ?? cell(row, 'id') ?? `row ${index + 1}`, row };
  });
  const seen = new Set<string>();
  for (const run of runs) {
    if (seen.has(run.runId)) throw messages.duplicateRunId(run.runId);
    seen.add(run.runId);
  }
  const recordIds = hasId ? assignRecordIds(runs) : assignNamedIds(runs);
  return runs.map(({ runId, name, row }) => {
    const hyperparameters: Hyperparameter[] = [];
    const metricValues: Record<string, number | null> = {};
    const tags: Record<string, string> = {};
    plan.columns.forEach((column, index) => {
      const text = (row[index] ?? '').trim();
      if (text === '') return;
      if (column.role === 'param') hyperparameters.push({ name: column.key, value: parseParamValue(text) });
      else if (column.role === 'metric') metricValues[column.key] = finiteOrNull(parseLoggedNumber(text) ?? Number.NaN);
      else if (column.role === 'tag') setOwn(tags, column.key, text);
      else if (column.role === 'tags') tags['tags'] = text;
    });
    hyperparameters.sort((a, b) => compareText(a.name, b.name));
    const chosen = chooseTestMetricKeys(Object.keys(metricValues));
    const testMetrics: TestMetric[] = chosen
      .map(({ key, name: metric }) => ({ metric, value: metricValues[key] ?? null }))
      .sort((a, b) => compareText(a.metric, b.metric));
    const finalMetrics = Object.fromEntries(
      Object.keys(metricValues)
        .filter((key) => !chosen.some((choice) => choice.key === key))
        .sort(compareText)
        .map((key) => [key, metricValues[key] ?? null]),
    );
    const parentRun = cell(row, 'parent');
    const parent = parentRun === undefined ? undefined : recordIds.get(parentRun);
    const status = cell(row, 'status');
    const commit = cell(row, 'commit');
    return sealRecord({
      ...dropUndefined({
        $schema: context.schema,
        id: recordIds.get(runId) ?? slugRunName(name),
        name,
        date: parseDate(cell(row, 'date')),
        completionDate: parseDate(cell(row, 'completionDate')),
        experimenter: cell(row, 'experimenter'),
        status: status === undefined ? undefined : STATUS_WORDS.find(([, pattern]) => pattern.test(status))?.[0],
        tags: nonEmptyOrUndefined(tags),
        lineage: parent === undefined || parent === recordIds.get(runId) ? undefined : { parent },
        model: hyperparameters.length === 0 ? undefined : { hyperparameters },
        training: Object.keys(finalMetrics).length === 0 ? undefined : { finalMetrics },
        evaluation: testMetrics.length === 0 ? undefined : { testMetrics },
        reproducibility: commit === undefined ? undefined : { code: { commit } },
        notes: cell(row, 'notes'),
      }),
      import: { source: 'csv', runId },
    });
  });
}

/** A date cell → `YYYY-MM-DD`: ISO-like text (`2024-05-01 10:00:00+00:00`), or epoch seconds / milliseconds. */
export function parseDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(text);
  if (iso !== null) return iso[1];
  const number = parseLoggedNumber(text);
  if (number === undefined || !Number.isFinite(number) || number <= 0) return undefined;
  return toIsoDate(number > 1e11 ? number : number * 1000);
}
