import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isDirectory, isFile, readTextIfAny, reasonOf } from '../files.ts';
import { isPlainObject } from '../hash.ts';
import { parseLoggedNumber } from '../history.ts';
import type { MetricPoint } from '../history.ts';
import { toPosix } from '../paths.ts';
import { parsePythonJson } from '../python-json.ts';
import { compareText } from '../../util/compare-text.ts';
import { flattenValues } from './flatten.ts';
import { messages } from './messages.ts';
import type { DvcRun, TrackedFile } from './model.ts';
import { parseSimpleToml } from './toml.ts';

/**
 * Reads a DVC project (or a DVCLive folder) as one run, its workspace: params.yaml and DVCLive's
 * params.yaml; the metrics files (DVCLive's metrics.json and those dvc.yaml lists under
 * `metrics`); DVCLive's `plots/metrics/**.tsv` histories and `plots/sklearn/*.json` confusion
 * matrix; dvc.lock's stages, dependencies and outputs; the git branch and commit checked out.
 * The DVCLive folders are `dvclive/` of the project (or the project folder itself when it has
 * `plots/metrics/`) and every folder whose `plots/metrics` dvc.yaml lists as plots, as DVCLive
 * writes it for `Live("eval")`.
 */
export function readDvcProject(root: string, name: string, warnings: string[]): DvcRun {
  const shown = (path: string): string => toPosix(relative(root, path)) || basename(path);
  const dvcYaml = isFile(join(root, 'dvc.yaml')) ? readStructured(join(root, 'dvc.yaml'), 'dvc.yaml') : undefined;
  const liveDirs = [
    ...new Set([
      ...(isDirectory(join(root, 'dvclive')) ? [join(root, 'dvclive')] : isDirectory(join(root, 'plots', 'metrics')) ? [root] : []),
      ...declaredLiveDirs(dvcYaml)
        .map((dir) => join(root, dir))
        .filter((dir) => isDirectory(join(dir, 'plots', 'metrics'))),
    ]),
  ];
  const run: DvcRun = { runId: 'workspace', name, params: {}, metrics: {}, history: {}, stages: [], deps: [], outs: [] };

  const paramFiles = new Set([
    join(root, 'params.yaml'),
    ...liveDirs.filter((dir) => dir !== root).map((dir) => join(dir, 'params.yaml')),
    ...declaredParamFiles(dvcYaml).map((path) => join(root, path)),
  ]);
  for (const file of paramFiles) {
    if (!isFile(file)) continue;
    for (const [key, value] of Object.entries(flattenValues(readStructured(file, shown(file)), '.')))
      run.params[key in run.params ? `${shown(file)}:${key}` : key] = value;
  }

  const metricFiles = new Set<string>();
  for (const dir of liveDirs) if (isFile(join(dir, 'metrics.json'))) metricFiles.add(join(dir, 'metrics.json'));
  for (const path of declaredMetrics(dvcYaml)) metricFiles.add(join(root, path));
  for (const file of [...metricFiles].sort()) {
    if (!isFile(file)) continue;
    for (const [key, value] of Object.entries(flattenValues(readStructured(file, shown(file)), '/'))) {
      if (key === 'step' && typeof value === 'number') run.metricsStep = value;
      else if (typeof value === 'number' && Number.isFinite(value)) run.metrics[key in run.metrics ? `${shown(file)}:${key}` : key] = value;
      else warnings.push(messages.badMetricValue(shown(file), key));
    }
  }

  let used: string | undefined;
  for (const liveDir of liveDirs) {
    const plots = join(liveDir, 'plots', 'metrics');
    for (const file of listFiles(plots, '.tsv')) {
      const key = toPosix(relative(plots, file)).replace(/\.tsv$/, '');
      run.history[key in run.history ? `${shown(liveDir)}:${key}` : key] = parseDvcliveTsv(readText(file, shown(file)), shown(file));
    }
    for (const file of listFiles(join(liveDir, 'plots', 'sklearn'), '.json')) {
      const rows = readStructured(file, shown(file));
      if (!Array.isArray(rows) || rows.length === 0 || !rows.every((row) => isPlainObject(row) && 'actual' in row && 'predicted' in row)) {
        if (basename(file).startsWith('confusion')) warnings.push(messages.badConfusionMatrix(shown(file)));
        continue;
      }
      if (used !== undefined) {
        warnings.push(messages.extraConfusionMatrix(shown(file), used));
        continue;
      }
      used = shown(file);
      run.confusionMatrix = confusionFromRows(rows as { actual: unknown; predicted: unknown }[]);
    }
  }

  if (isFile(join(root, 'dvc.lock'))) Object.assign(run, readLock(readStructured(join(root, 'dvc.lock'), 'dvc.lock')));
  Object.assign(run, readGitHead(root));
  if (
    Object.keys(run.params).length + Object.keys(run.metrics).length + Object.keys(run.history).length + run.stages.length === 0 &&
    run.confusionMatrix === undefined
  )
    throw messages.noRuns();
  return run;
}

/**
 * A DVCLive metric file: a header `step<TAB><name>` (DVCLive ≥ 3; a `timestamp` column may come
 * first) and one row per step. The value is the last column; `nan`/`inf` allowed.
 */
export function parseDvcliveTsv(text: string, file: string): MetricPoint[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const stepColumn = header.indexOf('step');
  const timeColumn = header.indexOf('timestamp');
  if (lines.length === 0 || stepColumn === -1 || header.length < 2) throw messages.badTsv(file, 1, 'no `step` column in the header');
  return lines.slice(1).map((line, index) => {
    const cells = line.split('\t');
    const step = parseLoggedNumber(cells[stepColumn] ?? '');
    const value = parseLoggedNumber(cells[header.length - 1] ?? '');
    const timestamp = timeColumn === -1 ? 0 : parseLoggedNumber(cells[timeColumn] ?? '');
    if (cells.length !== header.length || step === undefined || !Number.isInteger(step) || value === undefined || timestamp === undefined)
      throw messages.badTsv(file, index + 2, `expected ${header.length} tab-separated numbers, got "${line}"`);
    return { step, timestamp, value };
  });
}

/** DVCLive's confusion-matrix rows (`{actual, predicted}`) → labels (numeric order when all are numbers) and counts. */
export function confusionFromRows(rows: readonly { actual: unknown; predicted: unknown }[]): { labels: string[]; matrix: number[][] } {
  const label = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
  const set = new Set<string>();
  for (const row of rows) {
    set.add(label(row.actual));
    set.add(label(row.predicted));
  }
  const labels = [...set];
  const numeric = labels.every((text) => parseLoggedNumber(text) !== undefined);
  labels.sort(numeric ? (a, b) => Number(a) - Number(b) : compareText);
  const index = new Map(labels.map((text, position) => [text, position]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const row of rows) {
    const line = matrix[index.get(label(row.actual)) ?? 0];
    const column = index.get(label(row.predicted)) ?? 0;
    if (line !== undefined) line[column] = (line[column] ?? 0) + 1;
  }
  return { labels, matrix };
}

/** dvc.lock (schema 2.0) → stages (name, cmd), dependencies and outputs (paths produced by a stage are not dependencies). */
export function readLock(lock: unknown): Pick<DvcRun, 'stages' | 'deps' | 'outs'> {
  if (!isPlainObject(lock) || !isPlainObject(lock['stages']))
    throw messages.badLock('dvc.lock', 'no stages mapping (DVC 1 lock files are not read)');
  const stages: DvcRun['stages'] = [];
  const deps = new Map<string, TrackedFile>();
  const outs = new Map<string, TrackedFile>();
  for (const [name, stage] of Object.entries(lock['stages'])) {
    if (!isPlainObject(stage)) throw messages.badLock('dvc.lock', `stage ${name} is not a mapping`);
    const cmd = stage['cmd'];
    stages.push({
      name,
      cmd: Array.isArray(cmd)
        ? cmd.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' && ')
        : typeof cmd === 'string'
          ? cmd
          : '',
    });
    for (const entry of Array.isArray(stage['deps']) ? stage['deps'] : []) {
      const file = trackedFile(entry);
      if (file !== undefined) deps.set(file.path, file);
    }
    for (const entry of Array.isArray(stage['outs']) ? stage['outs'] : []) {
      const file = trackedFile(entry);
      if (file !== undefined) outs.set(file.path, file);
    }
  }
  for (const path of outs.keys()) deps.delete(path);
  const sorted = (files: Map<string, TrackedFile>): TrackedFile[] => [...files.values()].sort((a, b) => compareText(a.path, b.path));
  return { stages, deps: sorted(deps), outs: sorted(outs) };
}

function trackedFile(entry: unknown): TrackedFile | undefined {
  if (!isPlainObject(entry) || typeof entry['path'] !== 'string') return undefined;
  const file: TrackedFile = { path: entry['path'] };
  const md5 = entry['md5'] ?? entry['etag'] ?? entry['checksum'];
  if (typeof md5 === 'string') file.md5 = md5;
  if (typeof entry['size'] === 'number') file.size = entry['size'];
  return file;
}

/** Metrics files dvc.yaml declares: top-level `metrics:` and each stage's `metrics:` outputs. */
function declaredMetrics(dvcYaml: unknown): string[] {
  return declaredPaths(dvcYaml, 'metrics').filter((path) => /\.(json|ya?ml|toml)$/i.test(path));
}

/**
 * Params files dvc.yaml names besides params.yaml: the top-level `params:` list and each stage's
 * `- <file>: [keys]` entries (a bare key is of params.yaml). JSON, YAML or TOML; not Python.
 */
export function declaredParamFiles(dvcYaml: unknown): string[] {
  if (!isPlainObject(dvcYaml)) return [];
  const files = declaredPaths(dvcYaml, 'params', 'top');
  if (isPlainObject(dvcYaml['stages']))
    for (const stage of Object.values(dvcYaml['stages']))
      if (isPlainObject(stage) && Array.isArray(stage['params']))
        for (const item of stage['params']) if (isPlainObject(item)) files.push(...Object.keys(item));
  return files.filter((path) => /\.(json|ya?ml|toml)$/i.test(path));
}

/**
 * DVCLive folders dvc.yaml names: the folder above each `<dir>/plots/metrics` it lists as plots
 * (top-level or a stage's), as DVCLive writes dvc.yaml (`eval` for `Live("eval")`).
 */
export function declaredLiveDirs(dvcYaml: unknown): string[] {
  return declaredPaths(dvcYaml, 'plots').flatMap((path) => {
    const match = /^(?:\.\/)?(.+?)\/plots\/metrics\/?$/.exec(path);
    return match?.[1] === undefined ? [] : [match[1]];
  });
}

/** The paths dvc.yaml lists under `section` at the top and (unless `top`) in each stage (a path, or the key of `path: {options}`). */
function declaredPaths(dvcYaml: unknown, section: 'metrics' | 'plots' | 'params', only?: 'top'): string[] {
  if (!isPlainObject(dvcYaml)) return [];
  const paths: string[] = [];
  const collect = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item === 'string') paths.push(item);
      else if (isPlainObject(item)) paths.push(...Object.keys(item));
    }
  };
  collect(dvcYaml[section]);
  if (only !== 'top' && isPlainObject(dvcYaml['stages']))
    for (const stage of Object.values(dvcYaml['stages'])) if (isPlainObject(stage)) collect(stage[section]);
  return paths;
}

/** The branch and commit checked out in `root/.git` (a plain repository, not a worktree file). */
function readGitHead(root: string): Pick<DvcRun, 'branch' | 'commit'> {
  const git = join(root, '.git');
  const head = readTextIfAny(join(git, 'HEAD'))?.trim();
  if (head === undefined) return {};
  const ref = /^ref: (refs\/heads\/(.+))$/.exec(head);
  if (ref === null) return /^[0-9a-f]{40}$/.test(head) ? { commit: head } : {};
  const commit =
    readTextIfAny(join(git, ...(ref[1] ?? '').split('/')))?.trim() ?? packedRef(readTextIfAny(join(git, 'packed-refs')), ref[1] ?? '');
  return { branch: ref[2] ?? '', ...(commit !== undefined && /^[0-9a-f]{40}$/.test(commit) ? { commit } : {}) };
}

function packedRef(text: string | undefined, ref: string): string | undefined {
  for (const line of (text ?? '').split('\n')) {
    const [sha, name] = line.trim().split(' ');
    if (name === ref) return sha;
  }
  return undefined;
}

/** JSON, YAML or TOML by extension (`.lock` and others as YAML). */
function readStructured(file: string, shownName: string): unknown {
  const text = readText(file, shownName);
  const extension = extname(file).toLowerCase();
  try {
    // Python's json.dump writes a diverged metric as a bare NaN or Infinity (`parsePythonJson`).
    if (extension === '.json') return parsePythonJson(text);
    if (extension === '.toml') return parseSimpleToml(text);
    return parseYaml(text, { logLevel: 'error' }) as unknown;
  } catch (error) {
    throw messages.badFile(shownName, reasonOf(error));
  }
}

function readText(file: string, shownName: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw messages.unreadableFile(shownName, reasonOf(error));
  }
}

function listFiles(dir: string, extension: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(extension)) found.push(path);
    }
  };
  walk(dir);
  return found.sort(compareText);
}
