import { checkRecordLimits } from '../../ingest/limits.ts';
import { ExperimentSchema } from '../../schema/index.ts';
import type { Experiment } from '../../schema/index.ts';
import { assignRecordIds, runToRecord } from './map.ts';
import { messages } from './messages.ts';
import type { MlflowExperiment, MlflowReadResult, MlflowRun } from './model.ts';
import type { RestOptions } from './rest.ts';
import { openSource } from './source.ts';
import { nodeWriteEffects, writeRecords } from './write.ts';
import type { RecordFormat, WriteEffects, WriteOutcome } from './write.ts';
import { compareText } from '../../util/compare-text.ts';
import { pushAll } from '../../util/arrays.ts';

/**
 * MLflow import, one pipeline: **read** (one reader per source kind → neutral `MlflowRun`s) →
 * **map** (pure `runToRecord`) → **validate** (`ExperimentSchema`) → **write** (one file per run,
 * unchanged runs and hand-edited records left alone). Everything is read and mapped before the
 * first file is written, so a source that fails writes nothing.
 */

export interface ImportOptions {
  /** `mlruns/` folder, `mlflow.db` file, `sqlite:///path`, `file:///path` or tracking-server URL. */
  source: string;
  /** Experiment names or ids to import; all active experiments when empty. */
  experiments?: readonly string[];
  /** Folder the records go to (created when missing). */
  outDir: string;
  format: RecordFormat;
  /** Overwrite hand-edited records and records not imported from the same run. */
  force: boolean;
  /** `$schema` value for JSON records (a path relative to `outDir`); none when undefined. */
  schema?: string;
  /** Credentials and fetch for tracking-server sources. */
  rest?: RestOptions;
}

export interface ImportReport {
  /** Experiments imported from. */
  experiments: MlflowExperiment[];
  /** One record per imported run, sorted by id. */
  records: Experiment[];
  outcomes: WriteOutcome[];
  warnings: string[];
}

/** Reads the active experiments (optionally only the selected ones) and their active runs. */
export async function readMlflow(source: string, selectors: readonly string[] = [], rest: RestOptions = {}): Promise<MlflowReadResult> {
  const reader = await openSource(source, rest);
  try {
    const all = await reader.listExperiments();
    const experiments = selectExperiments(all, selectors);
    const runs: MlflowRun[] = [];
    for (const experiment of experiments) pushAll(runs, await reader.listRuns(experiment));
    return { experiments, runs: sortRuns(runs), warnings: [...reader.warnings] };
  } finally {
    reader.close();
  }
}

/**
 * Maps runs to validated records, sorted by id. A run that cannot become a record `validate` accepts
 * — a time outside the years 0–9999, a value past a limit (`LIMITS`), two runs with one record id,
 * anything the schema refuses — stops the import with an `ImportError` naming the run.
 */
export function mapRuns(runs: readonly MlflowRun[], schema?: string): Experiment[] {
  const recordIds = assignRecordIds(runs);
  const runOf = new Map<string, string>();
  for (const run of runs) {
    const id = recordIds.get(run.runId) ?? '';
    const other = runOf.get(id);
    if (other !== undefined) throw messages.duplicateRecordId(id, [other, run.runId]);
    runOf.set(id, run.runId);
  }
  return runs
    .map((run) => {
      const record = runToRecord(run, { recordIds, ...(schema === undefined ? {} : { schema }) });
      const checked = ExperimentSchema.safeParse(record);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw messages.runNotARecord(run.runId, (issue?.path ?? []).map(String).join('.'), issue?.message ?? 'invalid');
      }
      const parsed = {
        file: `${record.id}.json`,
        format: 'json' as const,
        data: record,
        positions: new Map(),
        keyPositions: new Map(),
        diagnostics: [],
      };
      const over = checkRecordLimits(parsed, () => undefined)[0];
      if (over !== undefined)
        throw messages.runOverLimit(run.runId, `${over.path === '' ? '' : `${over.path}: `}${over.message}`, over.hint ?? '');
      return record;
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Runs the whole import. Rejects with an `ImportError` (nothing written) when the source cannot be read. */
export async function importMlflow(options: ImportOptions, effects: WriteEffects = nodeWriteEffects): Promise<ImportReport> {
  const read = await readMlflow(options.source, options.experiments ?? [], options.rest ?? {});
  const records = mapRuns(read.runs, options.format === 'json' ? options.schema : undefined);
  const outcomes = writeRecords(records, { outDir: options.outDir, format: options.format, force: options.force }, effects);
  return { experiments: read.experiments, records, outcomes, warnings: read.warnings };
}

/** Experiments matching any selector by id or by name; all when there are no selectors. */
export function selectExperiments(experiments: readonly MlflowExperiment[], selectors: readonly string[]): MlflowExperiment[] {
  if (selectors.length === 0) return [...experiments];
  for (const selector of selectors) {
    if (!experiments.some((experiment) => experiment.id === selector || experiment.name === selector)) {
      throw messages.experimentNotFound(
        selector,
        experiments.map((experiment) => `"${experiment.name}" (${experiment.id})`),
      );
    }
  }
  return experiments.filter((experiment) => selectors.includes(experiment.id) || selectors.includes(experiment.name));
}

/** Stable order: by experiment id, then start time, then run id. */
function sortRuns(runs: MlflowRun[]): MlflowRun[] {
  return runs.sort(
    (a, b) =>
      compareText(a.experiment.id, b.experiment.id) ||
      (a.startTime ?? 0) - (b.startTime ?? 0) ||
      (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0),
  );
}
