import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { MetricPoint } from '../history.ts';
import { EVENT_FILE_PREFIX } from '../detect.ts';
import { toPosix } from '../paths.ts';
import { reasonOf } from '../files.ts';
import { decodeEvent, decodeHParamsPluginData } from './events.ts';
import type { HParamDomain } from './events.ts';
import { messages } from './messages.ts';
import type { TbRun } from './model.ts';
import { readTfRecords } from './tfrecord.ts';

/**
 * Reads TensorBoard event files: every folder under the source that holds `events.out.tfevents.*`
 * files is a run (all its event files, in name order). A folder that holds hparams
 * `session_start_info` (what `add_hparams` writes into a timestamped sub-folder) is merged into
 * its parent folder when that has scalars of its own. Folders with neither scalars nor hparams
 * are not runs.
 */

/** What the reader found. */
export interface TbReadResult {
  runs: TbRun[];
  warnings: string[];
}

/** One folder of event files, decoded. */
interface FolderData {
  path: string;
  scalars: Record<string, MetricPoint[]>;
  hparams?: Record<string, number | string | boolean | null>;
  domains: Record<string, HParamDomain>;
  metricTags: string[];
  status?: number;
  startTime?: number;
  endTime?: number;
}

/**
 * Reads the runs under `root` (an absolute path: a folder, or one event file — its folder with
 * that file only). `source` is how the user wrote it, for messages.
 */
export function readTensorBoard(
  root: string,
  source: string,
  onProgress: (done: number, total: number, unit: string) => void = () => {},
): TbReadResult {
  let folders: Map<string, string[]>;
  let base: string;
  try {
    if (statSync(root).isDirectory()) {
      base = root;
      folders = findEventFolders(root);
    } else {
      base = dirname(root);
      folders = new Map([[base, [root]]]);
    }
  } catch (error) {
    throw messages.unreadableFile(source, reasonOf(error));
  }
  const warnings: string[] = [];
  const data: FolderData[] = [];
  let done = 0;
  for (const [dir, files] of folders) {
    data.push(readFolder(base, dir, files, warnings));
    onProgress(++done, folders.size, 'folders');
  }
  const runs = mergeRuns(data, basename(base));
  if (runs.length === 0) throw messages.noRuns();
  return { runs, warnings };
}

/** Folder → its event files (sorted), for every folder under `root` that has any. */
function findEventFolders(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files = entries
      .filter((entry) => entry.isFile() && entry.name.startsWith(EVENT_FILE_PREFIX))
      .map((entry) => join(dir, entry.name));
    if (files.length > 0) found.set(dir, files);
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.')) walk(join(dir, entry.name));
  };
  walk(root);
  return found;
}

function readFolder(base: string, dir: string, files: readonly string[], warnings: string[]): FolderData {
  const folder: FolderData = { path: toPosix(relative(base, dir)) || '.', scalars: {}, domains: {}, metricTags: [] };
  for (const file of files) {
    const shown = toPosix(relative(base, file));
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw messages.unreadableFile(shown, reasonOf(error));
    }
    const framed = readTfRecords(bytes);
    if (framed.corruptAt !== undefined) throw messages.corruptRecord(shown, framed.corruptAt.record, framed.corruptAt.part);
    if (framed.truncated) warnings.push(messages.truncated(shown));
    readEvents(framed.records, shown, folder);
  }
  return folder;
}

/** Folds the events of one file into `folder`. */
function readEvents(records: readonly Uint8Array[], file: string, folder: FolderData): void {
  // TF2 writes a tag's metadata (plugin name) with its first value only.
  const pluginOf = new Map<string, string>();
  records.forEach((bytes, index) => {
    let event;
    try {
      event = decodeEvent(bytes);
    } catch (error) {
      throw messages.badEvent(file, index + 1, reasonOf(error));
    }
    if (index === 0 && event.fileVersion === undefined) throw messages.badEvent(file, 1, 'it does not start with a file_version event');
    const millis = event.wallTime * 1000;
    if (Number.isFinite(millis) && millis > 0) folder.startTime = Math.min(folder.startTime ?? millis, millis);
    for (const value of event.values) {
      if (value.pluginName !== undefined && value.pluginName !== '') pluginOf.set(value.tag, value.pluginName);
      const plugin = pluginOf.get(value.tag);
      if (plugin === 'hparams' && value.pluginContent !== undefined) {
        readHParams(value.pluginContent, file, index + 1, folder);
        continue;
      }
      const number =
        value.simpleValue ??
        (value.tensorScalar !== undefined && (plugin === 'scalars' || value.dataClass === 1 || plugin === undefined)
          ? value.tensorScalar
          : undefined);
      if (number === undefined || value.tag === '') continue;
      (folder.scalars[value.tag] ??= []).push({ step: event.step, timestamp: millis, value: number });
    }
  });
}

function readHParams(content: Uint8Array, file: string, record: number, folder: FolderData): void {
  let data;
  try {
    data = decodeHParamsPluginData(content);
  } catch (error) {
    throw messages.badEvent(file, record, reasonOf(error));
  }
  if (data.experiment !== undefined) {
    for (const info of data.experiment.hparams) if (info.domain !== undefined) folder.domains[info.name] = info.domain;
    for (const tag of data.experiment.metricTags) if (!folder.metricTags.includes(tag)) folder.metricTags.push(tag);
  }
  if (data.sessionStart !== undefined) folder.hparams = { ...folder.hparams, ...data.sessionStart.hparams };
  if (data.sessionEnd !== undefined) {
    folder.status = data.sessionEnd.status;
    if (data.sessionEnd.endTimeSecs > 0) folder.endTime = data.sessionEnd.endTimeSecs * 1000;
  }
}

/**
 * Folders → runs: an hparams folder whose parent folder has scalars of its own is merged into it
 * (its scalars become the parent's final metrics); the `train/` and `validation/` folders Keras's
 * TensorBoard callback writes under a run folder are merged into it (their scalars its history, as
 * `train/<tag>` and `validation/<tag>`), and so are the `eval/` and `eval_<name>/` folders TF
 * Estimator writes beside its training events (as `eval/<tag>`: a validation split, so its latest
 * values are the test metrics); folders with neither scalars nor hparams are dropped; experiment
 * summaries (metric tags, domains) of a folder apply to the runs at and below it.
 */

/** The sub-folders Keras's `TensorBoard` callback writes each split's scalars to, under the run's folder. */
const KERAS_SPLITS: readonly string[] = ['train', 'validation'];
/**
 * The sub-folder TF Estimator writes evaluation events to, in the `model_dir` that holds its
 * training events: `eval`, or `eval_<name>` for `evaluate(name=…)`. Only beside training events,
 * so a run of its own named `eval` among other runs stays one.
 */
const ESTIMATOR_EVAL = /^eval(?:_.+)?$/;
function mergeRuns(folders: readonly FolderData[], rootName: string): TbRun[] {
  const byPath = new Map(folders.map((folder) => [folder.path, folder]));
  const parentPath = (path: string): string | undefined =>
    path === '.' ? undefined : path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  const merged = new Set<string>();
  const runs = new Map<string, TbRun>();
  const runOf = (folder: FolderData): TbRun => {
    let run = runs.get(folder.path);
    if (run === undefined) {
      run = {
        path: folder.path,
        name: folder.path === '.' ? rootName : folder.path,
        scalars: folder.scalars,
        hparams: { ...folder.hparams },
        domains: { ...folder.domains },
        metricTags: [...folder.metricTags],
        finalMetrics: {},
        ...(folder.status === undefined ? {} : { status: folder.status }),
        ...(folder.startTime === undefined ? {} : { startTime: folder.startTime }),
        ...(folder.endTime === undefined ? {} : { endTime: folder.endTime }),
      };
      runs.set(folder.path, run);
    }
    return run;
  };
  const isRunOfItsOwn = (folder: FolderData): boolean => Object.keys(folder.scalars).length > 0;
  for (const folder of folders) {
    const parent = byPath.get(parentPath(folder.path) ?? '');
    // Only into a folder with scalars of its own: the TF2 hparams API keeps its config (no scalars) above its runs.
    if (folder.hparams === undefined || parent === undefined || !isRunOfItsOwn(parent)) continue;
    const run = runOf(parent);
    merged.add(folder.path);
    run.hparams = { ...run.hparams, ...folder.hparams };
    run.domains = { ...run.domains, ...folder.domains };
    for (const tag of folder.metricTags) if (!run.metricTags.includes(tag)) run.metricTags.push(tag);
    for (const [tag, points] of Object.entries(folder.scalars)) (run.finalMetrics[tag] ??= []).push(...points);
    if (folder.status !== undefined) run.status = folder.status;
    if (folder.endTime !== undefined) run.endTime = folder.endTime;
  }
  // Before the splits are merged in: a folder with scalars of its own in the files it holds.
  const withScalars = new Set(folders.filter(isRunOfItsOwn).map((folder) => folder.path));
  for (const folder of folders) {
    const at = parentPath(folder.path);
    if (at === undefined || merged.has(folder.path) || folder.hparams !== undefined || !isRunOfItsOwn(folder)) continue;
    const split = folder.path.slice(folder.path.lastIndexOf('/') + 1);
    const parent = byPath.get(at);
    const estimator = ESTIMATOR_EVAL.test(split) && withScalars.has(at) && !merged.has(at);
    if (!KERAS_SPLITS.includes(split) && !estimator) continue;
    const run = runOf(parent ?? { path: at, scalars: {}, domains: {}, metricTags: [] });
    merged.add(folder.path);
    for (const [tag, points] of Object.entries(folder.scalars)) run.scalars[`${split}/${tag}`] = points;
    if (folder.startTime !== undefined && (run.startTime === undefined || folder.startTime < run.startTime))
      run.startTime = folder.startTime;
  }
  for (const folder of folders) {
    if (merged.has(folder.path)) continue;
    if (Object.keys(folder.scalars).length > 0 || folder.hparams !== undefined) runOf(folder);
  }
  // Experiment summaries (the hparams config) apply to the runs at and below their folder.
  for (const folder of folders) {
    if (folder.metricTags.length === 0 && Object.keys(folder.domains).length === 0) continue;
    for (const run of runs.values()) {
      if (folder.path !== '.' && run.path !== folder.path && !run.path.startsWith(`${folder.path}/`)) continue;
      run.domains = { ...folder.domains, ...run.domains };
      for (const tag of folder.metricTags) if (!run.metricTags.includes(tag)) run.metricTags.push(tag);
    }
  }
  return [...runs.values()];
}
