/**
 * Every message only the MLflow import shows, as functions, so tests assert the exact text (the
 * ones every importer shares are in `../messages.ts`). A fatal problem is an `ImportError`; the
 * command prints it as `import:mlflow: <source>: <problem> — <hint>`.
 */
import { ImportError } from '../messages.ts';

const URL_EXAMPLE = 'e.g. http://127.0.0.1:5000';

const count = (n: number): string => n.toLocaleString('en-US');
/** A name from the store in a message: quoted, shortened, on one line. */
const quoted = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text);

export const messages = {
  // Any source
  experimentNotFound: (selector: string, available: readonly string[]): ImportError =>
    new ImportError(
      `no experiment named or numbered "${selector}"`,
      available.length === 0 ? 'the store has no active experiments' : `the store has: ${available.join(', ')}`,
    ),

  // File store
  notAFileStore: (suggestion: string | undefined): ImportError =>
    new ImportError(
      'not an MLflow file store (no <experiment-id>/meta.yaml with an experiment name in it)',
      suggestion === undefined ? 'point at the mlruns/ folder MLflow writes (the one holding 0/meta.yaml)' : `did you mean ${suggestion}?`,
    ),
  linkOutsideStore: (path: string, target: string): ImportError =>
    new ImportError(
      `${path} is a symbolic link${target === '' ? '' : ` to "${target}"`} that leads outside the store`,
      'copy the store without links (cp -rL, or rsync without --links) and import the copy',
    ),
  unreadableExperimentMeta: (file: string, reason: string): string =>
    `${file}: experiment metadata is unreadable (${reason}); experiment skipped`,
  unreadableRunMeta: (file: string, reason: string): string => `${file}: run metadata is unreadable (${reason}); run skipped`,
  runWithoutMeta: (dir: string): string =>
    `${dir}: a run folder (params/, metrics/ or tags/) with no meta.yaml; run skipped, as MLflow skips it (its child runs, if any, get no parent)`,
  experimentSkipped: (dir: string, reason: string, runs: number): string =>
    `${dir}: an experiment folder whose runs cannot be read (${reason}); its ${runs} run folder${runs === 1 ? '' : 's'} skipped`,
  runInWrongExperiment: (dir: string, recorded: string): string =>
    `${dir}: meta.yaml says experiment ${recorded}; MLflow ignores such a run, and so does the import`,
  unknownStatus: (runId: string, status: unknown): string =>
    `run ${quoted(runId)}: status ${quoted(String(status))} is none of MLflow's (RUNNING, SCHEDULED, FINISHED, FAILED, KILLED, or codes 1–5); status left out`,
  oneStepSeries: (runId: string, series: readonly { metric: string; values: number; step: number }[]): string =>
    `run ${quoted(runId)}: ${series
      .map(({ metric, values, step }) => `${quoted(metric)} has ${count(values)} values, all at step ${count(step)}`)
      .join('; ')}; the history keeps the latest — a value logged with no step is at step 0: ` +
    'log each with its step (mlflow.log_metric(key, value, step=epoch)) to import the whole series',
  badMetricLine: (file: string, line: number, text: string): string =>
    `${file}:${line}: metric line "${text}" is not "timestamp value [step]"; line skipped`,

  // SQLite store
  notSqlite: (): ImportError =>
    new ImportError(
      'not a SQLite database',
      'give the mlflow.db that `mlflow server --backend-store-uri sqlite:///mlflow.db` or `mlflow.set_tracking_uri("sqlite:///mlflow.db")` writes',
    ),
  sqliteUnreadable: (reason: string): ImportError =>
    new ImportError(
      `cannot read the SQLite database (${reason})`,
      'check that the file is a complete copy and not locked by another program',
    ),
  noMlflowTables: (missing: readonly string[]): ImportError =>
    new ImportError(
      `the SQLite database has no MLflow tables (missing: ${missing.join(', ')})`,
      'give the database MLflow tracks into (its tables are experiments, runs, metrics, params, tags)',
    ),

  // Tracking server
  serverUnreachable: (reason: string): ImportError =>
    new ImportError(
      `cannot reach the MLflow tracking server (${reason})`,
      `start it with \`mlflow server --host 127.0.0.1 --port 5000\` or check the URL (${URL_EXAMPLE})`,
    ),
  serverUnauthorized: (status: number, hasToken: boolean): ImportError =>
    new ImportError(
      `the tracking server refused the request (HTTP ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'})`,
      hasToken
        ? 'MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME/PASSWORD) was sent but not accepted: check it and its permissions'
        : 'set MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD) to credentials the server accepts',
    ),
  serverNotMlflow: (endpoint: string, status: number): ImportError =>
    new ImportError(`${endpoint} answered HTTP ${status}`, `is this an MLflow tracking server? Give its root URL (${URL_EXAMPLE})`),
  serverError: (endpoint: string, status: number, detail: string): ImportError =>
    new ImportError(
      `${endpoint} answered HTTP ${status}${detail === '' ? '' : `: ${detail}`}`,
      'check the server log; retry when the server is healthy',
    ),
  serverBadAnswer: (endpoint: string, reason: string): ImportError =>
    new ImportError(
      `${endpoint} answered something that is not MLflow's REST API 2.0 (${reason})`,
      `give the root URL of an MLflow tracking server (${URL_EXAMPLE})`,
    ),
  responseTooLarge: (endpoint: string, limit: number): ImportError =>
    new ImportError(
      `${endpoint} answered more than ${count(limit)} bytes; reading stopped there`,
      'import fewer runs at a time (--experiment), or check that the URL is an MLflow tracking server',
    ),
  importTooLarge: (limit: number): ImportError =>
    new ImportError(
      `the tracking server sent more than ${count(limit)} bytes in all; the import stopped`,
      'import fewer experiments at a time (--experiment)',
    ),
  tooManyPages: (endpoint: string, limit: number): ImportError =>
    new ImportError(
      `${endpoint} still had a next page after ${count(limit)} pages; the import stopped`,
      'import fewer runs at a time (--experiment), or check the server: it may return a next_page_token forever',
    ),
  repeatedPageToken: (endpoint: string): ImportError =>
    new ImportError(
      `${endpoint} returned a next_page_token it had already returned (the listing would never end)`,
      'check the tracking server: its paging is broken',
    ),
  tooManyRuns: (limit: number): ImportError =>
    new ImportError(`the import has more than ${count(limit)} runs`, 'import fewer experiments at a time (--experiment)'),
  badUrl: (): ImportError => new ImportError('not a valid URL', `give the tracking server's root URL (${URL_EXAMPLE})`),

  // Mapping runs to records
  badRunTime: (runId: string, field: string, millis: number): ImportError =>
    new ImportError(
      `run ${quoted(runId)}: ${field} ${String(millis)} ms is not a date between the years 0 and 9999`,
      'check the run in the tracking server: its time is corrupt',
    ),
  duplicateRecordId: (id: string, runs: readonly string[]): ImportError =>
    new ImportError(
      `runs ${runs.map(quoted).join(' and ')} would both become the record ${quoted(id)} (their ids differ only in case, or repeat)`,
      'fix the run ids in the store: MLflow gives every run its own id',
    ),
  runNotARecord: (runId: string, path: string, problem: string): ImportError =>
    new ImportError(
      `run ${quoted(runId)} does not map to a valid record (${path === '' ? '' : `${path}: `}${problem})`,
      'check the run in the store for unusual values; if they look fine, report this as a Logbook bug',
    ),
  unexpected: (reason: string): ImportError =>
    new ImportError(`unexpected failure: ${reason}`, 'report this as a Logbook bug, with the source if you can share it'),
} as const;
