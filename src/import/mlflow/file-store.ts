import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isInside } from '../../content/list.ts';
import { parse as parseYaml } from 'yaml';
import { isDirectory, listDir, reasonOf } from '../files.ts';
import { ImportError } from '../messages.ts';
import { messages } from './messages.ts';
import { parseInteger, readRunStatus, decodeMetricValue } from './model.ts';
import type { MetricPoint } from '../history.ts';
import type { MlflowExperiment, MlflowReader, MlflowRun } from './model.ts';

/**
 * Reads an MLflow file store (`mlruns/`), as MLflow's `FileStore` lays it out:
 * `<root>/<experiment-id>/meta.yaml`, `<root>/<experiment-id>/<run-id>/meta.yaml`, and under each
 * run `params/`, `tags/` (one file per key, the raw value) and `metrics/` (one file per key, lines
 * `timestamp value step`, or `timestamp value` with step 0 in old stores). Keys containing `/` are
 * nested folders. Deleted experiments live in `.trash/`; `models/` is the model registry;
 * `tags/`, `datasets/`, `traces/` and `models/` inside an experiment are not runs.
 *
 * Nothing outside the store is read: a symbolic link (a `meta.yaml`, a `params/`, `tags/` or
 * `metrics/` folder, or a file in one) whose real path leaves `root` stops the import with an
 * `ImportError` naming it; linked experiment and run folders are not followed.
 */
export function openFileStore(root: string): MlflowReader {
  const experimentDirs = listExperimentDirs(root);
  if (experimentDirs.length === 0) {
    const nested = join(root, 'mlruns');
    throw messages.notAFileStore(existsSync(nested) && listExperimentDirs(nested).length > 0 ? nested : undefined);
  }
  const store = storeGuard(root);
  const warnings: string[] = skippedExperimentWarnings(root, experimentDirs);
  const dirOf = new Map<string, string>();

  return {
    kind: 'file',
    warnings,
    listExperiments() {
      const experiments: MlflowExperiment[] = [];
      for (const dir of experimentDirs) {
        const metaFile = join(dir, 'meta.yaml');
        let meta: Record<string, unknown>;
        try {
          meta = readYamlObject(store.checked(metaFile));
        } catch (error) {
          if (error instanceof ImportError) throw error;
          warnings.push(messages.unreadableExperimentMeta(relative(root, metaFile), reasonOf(error)));
          continue;
        }
        const id = idString(meta['experiment_id']);
        const name = meta['name'];
        if (id === undefined || typeof name !== 'string') continue;
        if (meta['lifecycle_stage'] === 'deleted') continue;
        dirOf.set(id, dir);
        experiments.push({ id, name });
      }
      return Promise.resolve(experiments);
    },
    listRuns(experiment) {
      const dir = dirOf.get(experiment.id) ?? join(root, experiment.id);
      const runs: MlflowRun[] = [];
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || NOT_RUNS.has(entry.name)) continue;
        const runDir = join(dir, entry.name);
        const metaFile = join(runDir, 'meta.yaml');
        // A folder without meta.yaml is not a run (artifacts kept in the store, for instance), unless
        // it holds what only a run holds: then its run is lost, and a child run its parent.
        if (!existsSync(metaFile)) {
          if (isRunLike(runDir)) warnings.push(messages.runWithoutMeta(relative(root, runDir)));
          continue;
        }
        const run = readRun(store, runDir, experiment, warnings);
        if (run !== undefined) runs.push(run);
      }
      return Promise.resolve(runs);
    },
    close() {},
  };
}

/** Folders inside an experiment folder that are not runs. */
const NOT_RUNS = new Set(['tags', 'datasets', 'traces', 'models', '.trash']);

/** Experiment folders: direct subfolders of `root` (not `.trash`, not `models`) with a `meta.yaml` naming an experiment. */
function listExperimentDirs(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && entry.name !== '.trash' && entry.name !== 'models')
    .map((entry) => join(root, entry.name))
    .filter((dir) => {
      try {
        const meta = readYamlObject(join(dir, 'meta.yaml'));
        return typeof meta['name'] === 'string' && idString(meta['experiment_id']) !== undefined;
      } catch {
        return false;
      }
    })
    .sort();
}

/** What MLflow writes only in a run folder. */
const RUN_PARTS = ['params', 'metrics', 'tags'] as const;

/** True when a folder holds what MLflow writes only in a run folder: `params/`, `metrics/` or `tags/`. */
function isRunLike(dir: string): boolean {
  return RUN_PARTS.some((part) => isDirectory(join(dir, part)));
}

/**
 * Warnings for the folders of `root` that hold runs (a subfolder with a meta.yaml, `params/`,
 * `metrics/` or `tags/`) but are no experiment `listExperimentDirs` found: their meta.yaml is
 * missing or does not name an experiment, so their runs are skipped.
 */
function skippedExperimentWarnings(root: string, experimentDirs: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const name of listDir(root)) {
    const dir = join(root, name);
    if (name === '.trash' || name === 'models' || experimentDirs.includes(dir) || !isDirectory(dir)) continue;
    const runs = listDir(dir).filter(
      (entry) =>
        !NOT_RUNS.has(entry) && isDirectory(join(dir, entry)) && (existsSync(join(dir, entry, 'meta.yaml')) || isRunLike(join(dir, entry))),
    ).length;
    if (runs === 0) continue;
    const metaFile = join(dir, 'meta.yaml');
    let reason = 'no meta.yaml';
    if (existsSync(metaFile)) {
      try {
        const meta = readYamlObject(metaFile);
        reason = typeof meta['name'] !== 'string' ? 'meta.yaml has no experiment name' : 'meta.yaml has no experiment_id';
      } catch (error) {
        reason = `meta.yaml is unreadable: ${reasonOf(error)}`;
      }
    }
    warnings.push(messages.experimentSkipped(relative(root, dir), reason, runs));
  }
  return warnings;
}

/** Refuses paths whose real location leaves the store. */
interface StoreGuard {
  root: string;
  /** `path`, after checking that it (a file or folder, possibly a link) stays inside the store; throws an `ImportError` otherwise. */
  checked(path: string): string;
}

function storeGuard(root: string): StoreGuard {
  const realRoot = realpathSync(root);
  return {
    root,
    checked(path) {
      const info = lstatSync(path, { throwIfNoEntry: false });
      if (info === undefined || !info.isSymbolicLink()) return path;
      let real: string | undefined;
      try {
        real = realpathSync(path);
      } catch {
        real = undefined;
      }
      if (real === undefined || !isInside(realRoot, real)) {
        let target = '';
        try {
          target = readlinkSync(path);
        } catch {
          // Unreadable link: named without its target.
        }
        throw messages.linkOutsideStore(relative(root, path), target);
      }
      return path;
    },
  };
}

function readRun(store: StoreGuard, runDir: string, experiment: MlflowExperiment, warnings: string[]): MlflowRun | undefined {
  const root = store.root;
  const metaFile = join(runDir, 'meta.yaml');
  let meta: Record<string, unknown>;
  try {
    meta = readYamlObject(store.checked(metaFile));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    warnings.push(messages.unreadableRunMeta(relative(root, metaFile), reasonOf(error)));
    return undefined;
  }
  if (meta['lifecycle_stage'] === 'deleted') return undefined;
  const recorded = idString(meta['experiment_id']);
  if (recorded !== undefined && recorded !== experiment.id) {
    warnings.push(messages.runInWrongExperiment(relative(root, runDir), recorded));
    return undefined;
  }
  const runId = idString(meta['run_id']) ?? idString(meta['run_uuid']);
  if (runId === undefined) {
    warnings.push(messages.unreadableRunMeta(relative(root, metaFile), 'no run_id'));
    return undefined;
  }
  const tags = readKeyFiles(store, join(runDir, 'tags'));
  const runName = typeof meta['run_name'] === 'string' && meta['run_name'] !== '' ? meta['run_name'] : tags['mlflow.runName'];
  const metrics: Record<string, MetricPoint[]> = Object.create(null) as Record<string, MetricPoint[]>;
  for (const [key, file] of listKeyFiles(store, join(runDir, 'metrics'))) {
    metrics[key] = parseMetricFile(readFileSync(file, 'utf8'), relative(root, file), warnings);
  }
  return {
    runId,
    experiment,
    name: runName,
    status: readRunStatus(meta['status'], runId, warnings),
    startTime: parseInteger(meta['start_time']),
    endTime: parseInteger(meta['end_time']),
    userId: typeof meta['user_id'] === 'string' ? meta['user_id'] : undefined,
    params: readKeyFiles(store, join(runDir, 'params')),
    tags,
    metrics,
  };
}

/**
 * Parses a metric file: one `timestamp value [step]` line per logged value (`nan`, `inf`, `-inf`
 * allowed). Malformed lines are skipped with a warning.
 */
export function parseMetricFile(text: string, file: string, warnings: string[]): MetricPoint[] {
  const points: MetricPoint[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    const parts = trimmed.split(/\s+/);
    const timestamp = parseInteger(parts[0]);
    const value = decodeMetricValue(parts[1]);
    const step = parts.length === 3 ? parseInteger(parts[2]) : 0;
    if ((parts.length !== 2 && parts.length !== 3) || timestamp === undefined || value === undefined || step === undefined) {
      warnings.push(messages.badMetricLine(file, index + 1, trimmed));
      return;
    }
    points.push({ step, timestamp, value });
  });
  return points;
}

/** Key → file path for every file under `dir` (links checked against the store); a key with `/` is a nested path. Sorted by key. */
function listKeyFiles(store: StoreGuard, dir: string): [string, string][] {
  if (!existsSync(store.checked(dir)) || !statSync(dir).isDirectory()) return [];
  const found: [string, string][] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = store.checked(join(folder, entry.name));
      const info = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : entry;
      if (info?.isDirectory() === true) walk(path, `${prefix}${entry.name}/`);
      else if (info?.isFile() === true) found.push([`${prefix}${entry.name}`, path]);
    }
  };
  walk(dir, '');
  return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Key → raw file content, for params and tags (MLflow writes values without a trailing newline). */
function readKeyFiles(store: StoreGuard, dir: string): Record<string, string> {
  // Keys are user data: `__proto__` and `constructor` are ordinary keys here.
  const values = Object.create(null) as Record<string, string>;
  for (const [key, file] of listKeyFiles(store, dir)) values[key] = readFileSync(file, 'utf8');
  return values;
}

function readYamlObject(file: string): Record<string, unknown> {
  // Integers as BigInt: a large experiment id written without quotes must not lose digits.
  const parsed: unknown = parseYaml(readFileSync(file, 'utf8'), { intAsBigInt: true, logLevel: 'error' });
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a YAML mapping');
  return parsed as Record<string, unknown>;
}

/** Ids are strings; old stores wrote experiment ids as integers. */
function idString(raw: unknown): string | undefined {
  if (typeof raw === 'string' && raw !== '') return raw;
  if ((typeof raw === 'number' && Number.isInteger(raw)) || typeof raw === 'bigint') return String(raw);
  return undefined;
}
