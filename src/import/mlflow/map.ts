import type { Experiment, Hyperparameter, Status } from '../../schema/index.ts';
import { buildHistory, selectTestMetrics } from '../history.ts';
import { dropUndefined, nonEmpty, parseParamValue, recordIdFor, sealRecord, toIsoDate } from '../record.ts';
import { setOwn } from '../../util/own.ts';
import { messages } from './messages.ts';
import type { MlflowRun, MlflowStatus } from './model.ts';

/**
 * The pure half of the MLflow import: one neutral `MlflowRun` → one normalized record.
 * The mapping table lives in `src/import/mlflow/README.md`; keep the two in step.
 */

/** What `runToRecord` needs besides the run. */
export interface RecordContext {
  /** Run id → record id, for every run of this import (parents are looked up here). */
  recordIds: ReadonlyMap<string, string>;
  /** `$schema` reference to write, if any. */
  schema?: string;
}

const STATUS: Record<MlflowStatus, Status> = {
  RUNNING: 'running',
  SCHEDULED: 'planned',
  FINISHED: 'completed',
  FAILED: 'failed',
  KILLED: 'cancelled',
};

/** MLflow system tags the mapping reads. */
export const MLFLOW_TAGS = {
  runName: 'mlflow.runName',
  parentRunId: 'mlflow.parentRunId',
  user: 'mlflow.user',
  note: 'mlflow.note.content',
  gitCommit: 'mlflow.source.git.commit',
  gitRepoUrl: 'mlflow.source.git.repoURL',
  gitBranch: 'mlflow.source.git.branch',
  sourceName: 'mlflow.source.name',
  /** Older MLflow versions wrote the repository URL here. */
  legacyGitRepoUrl: 'mlflow.gitRepoURL',
} as const;

/** Tag that carries the MLflow experiment name on every imported record. */
export const EXPERIMENT_TAG = 'mlflow_experiment';

/**
 * Maps one run to a record. Pure and deterministic: the same run and context always give the
 * same record (and hash). The result passes `ExperimentSchema`; `import.hash` is filled in.
 */
export function runToRecord(run: MlflowRun, context: RecordContext): Experiment {
  const id = context.recordIds.get(run.runId) ?? recordIdFor(run.name, run.runId);
  const tag = (key: string): string | undefined => nonEmpty(run.tags[key]);

  const tags: Record<string, string> = {};
  for (const key of Object.keys(run.tags).sort()) {
    const value = run.tags[key];
    if (!key.startsWith('mlflow.') && value !== undefined) setOwn(tags, key, value);
  }
  tags[EXPERIMENT_TAG] = run.experiment.name;

  const parentRunId = tag(MLFLOW_TAGS.parentRunId);
  const parentId = parentRunId === undefined ? undefined : context.recordIds.get(parentRunId);
  const history = buildHistory(run.metrics);
  const testMetrics = selectTestMetrics(run.metrics);
  const hyperparameters: Hyperparameter[] = Object.keys(run.params)
    .sort()
    .map((name) => ({ name, value: parseParamValue(run.params[name] ?? '') }));
  const code = dropUndefined({
    repository: tag(MLFLOW_TAGS.gitRepoUrl) ?? tag(MLFLOW_TAGS.legacyGitRepoUrl),
    branch: tag(MLFLOW_TAGS.gitBranch),
    commit: tag(MLFLOW_TAGS.gitCommit),
    entryPoint: tag(MLFLOW_TAGS.sourceName),
  });
  return sealRecord({
    ...dropUndefined({
      $schema: context.schema,
      id,
      name: run.name ?? tag(MLFLOW_TAGS.runName),
      date: runDate(run, 'start time', run.startTime),
      completionDate: runDate(run, 'end time', run.endTime),
      experimenter: tag(MLFLOW_TAGS.user) ?? nonEmpty(run.userId),
      trackingPlatform: 'MLflow',
      status: run.status === undefined ? undefined : STATUS[run.status],
      tags,
      lineage: parentId === undefined ? undefined : { parent: parentId },
      model: hyperparameters.length === 0 ? undefined : { hyperparameters },
      // MLflow logs by step (its charts' x axis): the rows are steps, whatever a run made them count.
      training: history.rows.length === 0 ? undefined : { history: history.rows, historyAxis: 'step' },
      evaluation: testMetrics.length === 0 ? undefined : { testMetrics },
      reproducibility: Object.keys(code).length === 0 ? undefined : { code },
      trackers: dropUndefined({
        mlflowRunId: run.runId,
        mlflowUrl: run.url,
        mlflowExperimentId: run.experiment.id,
        mlflowParentRunId: parentRunId,
      }),
      notes: tag(MLFLOW_TAGS.note)?.trim() || undefined,
    }),
    import: { source: 'mlflow', runId: run.runId, nonFinite: history.nonFinite },
  });
}

/** A run's start or end date; a time that is not a date in the years 0–9999 stops the import with an `ImportError`. */
function runDate(run: MlflowRun, field: string, millis: number | undefined): string | undefined {
  const date = toIsoDate(millis);
  if (millis !== undefined && date === undefined) throw messages.badRunTime(run.runId, field, millis);
  return date;
}
