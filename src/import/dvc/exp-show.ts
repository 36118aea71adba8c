import type { Scalar, Status } from '../../schema/index.ts';
import { isPlainObject } from '../hash.ts';
import { flattenValues } from './flatten.ts';
import { messages } from './messages.ts';
import type { DvcRun, TrackedFile } from './model.ts';

/**
 * Reads the output of `dvc exp show --json` (DVC 3): a list of revisions — the `workspace`, then
 * each baseline commit with its `experiments[].revs[]`. Every committed revision and every
 * experiment becomes a run (the workspace is left out: it is uncommitted state, usually a copy of
 * the last experiment applied); an experiment's parent is its baseline. `file` names the file in
 * messages. Throws an `ImportError` when the text is not that output.
 */
export function parseExpShow(text: string, file: string): DvcRun[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw messages.badExpShow(file, error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(data)) throw messages.badExpShow(file, 'not a list');
  const runs: DvcRun[] = [];
  data.forEach((entry: unknown, index) => {
    const row = revisionRow(entry, file, `[${index}]`);
    if (row.rev === 'workspace') return;
    runs.push(toRun(row, { branch: row.name }));
    const experiments = isPlainObject(entry) ? entry['experiments'] : undefined;
    if (experiments === null || experiments === undefined) return;
    if (!Array.isArray(experiments)) throw messages.badExpShow(file, `[${index}].experiments is not a list`);
    experiments.forEach((group: unknown, groupIndex) => {
      const revs = isPlainObject(group) ? group['revs'] : undefined;
      if (!Array.isArray(revs)) throw messages.badExpShow(file, `[${index}].experiments[${groupIndex}] has no revs list`);
      revs.forEach((rev: unknown, revIndex) => {
        const experiment = revisionRow(rev, file, `[${index}].experiments[${groupIndex}].revs[${revIndex}]`);
        runs.push(
          toRun(experiment, {
            parent: row.rev,
            experimentName: experiment.name ?? (isPlainObject(group) && typeof group['name'] === 'string' ? group['name'] : undefined),
          }),
        );
      });
    });
  });
  if (runs.length === 0) throw messages.noExperiments(file);
  return runs;
}

interface RevisionRow {
  rev: string;
  name: string | undefined;
  data: Record<string, unknown>;
  error: unknown;
}

function revisionRow(entry: unknown, file: string, where: string): RevisionRow {
  if (!isPlainObject(entry) || typeof entry['rev'] !== 'string' || entry['rev'] === '')
    throw messages.badExpShow(file, `${where} has no rev`);
  const data = entry['data'];
  if (data !== undefined && data !== null && !isPlainObject(data)) throw messages.badExpShow(file, `${where}.data is not an object`);
  return {
    rev: entry['rev'],
    name: typeof entry['name'] === 'string' ? entry['name'] : undefined,
    data: data ?? {},
    error: entry['error'],
  };
}

function toRun(row: RevisionRow, extra: { branch?: string | undefined; parent?: string; experimentName?: string | undefined }): DvcRun {
  const params: Record<string, Scalar> = {};
  for (const [paramsFile, content] of Object.entries(isPlainObject(row.data['params']) ? row.data['params'] : {})) {
    const values = flattenValues(isPlainObject(content) ? content['data'] : undefined, '.');
    for (const [key, value] of Object.entries(values)) params[key in params ? `${paramsFile}:${key}` : key] = value;
  }
  const metrics: Record<string, number> = {};
  let metricsStep: number | undefined;
  for (const [metricsFile, content] of Object.entries(isPlainObject(row.data['metrics']) ? row.data['metrics'] : {})) {
    const values = flattenValues(isPlainObject(content) ? content['data'] : undefined, '/');
    for (const [key, value] of Object.entries(values)) {
      if (key === 'step' && typeof value === 'number') metricsStep = value;
      else if (typeof value === 'number') metrics[key in metrics ? `${metricsFile}:${key}` : key] = value;
    }
  }
  const timestamp = row.data['timestamp'];
  const status: Status = row.error !== null && row.error !== undefined ? 'failed' : 'completed';
  const run: DvcRun = {
    runId: row.rev,
    name: extra.experimentName ?? row.name ?? row.rev.slice(0, 7),
    status,
    params,
    metrics,
    history: {},
    stages: [],
    deps: trackedFiles(row.data['deps']),
    outs: trackedFiles(row.data['outs']),
    commit: row.rev,
  };
  if (typeof timestamp === 'string' && /^\d{4}-\d{2}-\d{2}/.test(timestamp)) run.date = timestamp.slice(0, 10);
  if (metricsStep !== undefined) run.metricsStep = metricsStep;
  if (extra.parent !== undefined) run.parentRunId = extra.parent;
  if (extra.parent === undefined && extra.branch !== undefined) run.branch = extra.branch;
  if (extra.parent !== undefined && extra.experimentName !== undefined) run.experimentName = extra.experimentName;
  return run;
}

/** `{ path: { hash, size } }` → tracked files sorted by path. */
function trackedFiles(value: unknown): TrackedFile[] {
  if (!isPlainObject(value)) return [];
  return Object.keys(value)
    .sort()
    .map((path) => {
      const info = value[path];
      const file: TrackedFile = { path };
      if (isPlainObject(info)) {
        if (typeof info['hash'] === 'string') file.md5 = info['hash'];
        if (typeof info['size'] === 'number') file.size = info['size'];
      }
      return file;
    });
}
