import { ExperimentSchema } from '../../schema/index.ts';
import type { Experiment } from '../../schema/index.ts';
import { findOneStepSeries } from '../history.ts';
import { assignRecordIds } from '../record.ts';
import { runToRecord } from './map.ts';
import { messages } from './messages.ts';
import type { MlflowExperiment, MlflowReadResult, MlflowRun } from './model.ts';
import type { RestOptions } from './rest.ts';
import { openSource } from './source.ts';
import type { Importer } from '../importer.ts';
import { importMessages } from '../messages.ts';
import { compareText } from '../../util/compare-text.ts';
import { pushAll } from '../../util/arrays.ts';

/**
 * MLflow import, one pipeline: **read** (one reader per store kind → neutral `MlflowRun`s) →
 * **map** (pure `runToRecord`); the import command then validates and writes (`../command.ts`).
 * Everything is read and mapped before the first file is written, so a source that fails writes
 * nothing.
 */

/** Where `readMlflow` resolves relative paths, and whom it tells how far it got. */
export interface ReadOptions {
  /** Directory relative paths are resolved against (default: the current directory). */
  cwd?: string;
  /** Called after each experiment's runs are read: experiments done of total. */
  onProgress?: (done: number, total: number, unit: string) => void;
}

/** Reads the active experiments (optionally only the selected ones) and their active runs. */
export async function readMlflow(
  source: string,
  selectors: readonly string[] = [],
  rest: RestOptions = {},
  options: ReadOptions = {},
): Promise<MlflowReadResult> {
  const reader = await openSource(source, rest, options.cwd);
  try {
    const all = await reader.listExperiments();
    const experiments = selectExperiments(all, selectors);
    const runs: MlflowRun[] = [];
    for (const [index, experiment] of experiments.entries()) {
      pushAll(runs, await reader.listRuns(experiment));
      options.onProgress?.(index + 1, experiments.length, 'experiments');
    }
    return { experiments, runs: sortRuns(runs), warnings: [...reader.warnings] };
  } finally {
    reader.close();
  }
}

/**
 * Maps runs to records the schema accepts, sorted by id. A run that cannot become one — a time
 * outside the years 0–9999, two runs with one record id, anything the schema refuses — stops the
 * import with an `ImportError` naming the run. A record past one of `validate`'s limits is left to
 * the import pipeline (`checkRecords`), which writes the other runs and reports that one.
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
      return record;
    })
    .sort((a, b) => compareText(a.id, b.id));
}

/** The MLflow importer: reads the store (experiments selected by `--experiment`), maps every active run. */
export const mlflowImporter: Importer = {
  kind: 'mlflow',
  async read(request) {
    const rest = {
      token: request.env['MLFLOW_TRACKING_TOKEN'],
      username: request.env['MLFLOW_TRACKING_USERNAME'],
      password: request.env['MLFLOW_TRACKING_PASSWORD'],
    };
    const read = await readMlflow(request.source, request.experiments, rest, { cwd: request.cwd, onProgress: request.onProgress });
    return {
      records: mapRuns(read.runs, request.schema),
      from: importMessages.plural(read.experiments.length, 'experiment'),
      notes: [],
      warnings: [...read.warnings, ...oneStepSeriesWarnings(read.runs)],
    };
  },
};

/**
 * A warning per run with a metric whose values are all at one step (`findOneStepSeries`: logged
 * without a step): the history keeps one of them, so the rest are not imported. In run order.
 */
export function oneStepSeriesWarnings(runs: readonly MlflowRun[]): string[] {
  return runs.flatMap((run) => {
    const series = findOneStepSeries(run.metrics);
    return series.length === 0 ? [] : [messages.oneStepSeries(run.runId, series)];
  });
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
