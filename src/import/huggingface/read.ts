import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isDirectory, isFile, listDir, readTextIfAny, reasonOf } from '../files.ts';
import { isPlainObject } from '../hash.ts';
import { toPosix } from '../paths.ts';
import { parsePythonJson } from '../python-json.ts';
import { parseModelCard } from './card.ts';
import { messages } from './messages.ts';
import type { HfRun, LogEntry, TrainerState } from './model.ts';

/**
 * Reads Hugging Face Trainer output. A run is a folder (the source or one below it, not inside a
 * `checkpoint-*` folder) with a trainer_state.json, a results file (`all_results.json`,
 * `eval_results.json`, `test_results.json`, `train_results.json`), a `checkpoint-<step>/`
 * folder with a trainer_state.json (the highest step is read when the folder has no state of its
 * own), or a model card README.md with `model-index`. A README.md given as the source is a run
 * on its own.
 */

/** Results files the Trainer's example scripts write (`trainer.save_metrics`), merged in this order. */
export const RESULTS_FILES = ['train_results.json', 'eval_results.json', 'test_results.json', 'all_results.json'] as const;

const MAX_DEPTH = 4;

export interface HfReadResult {
  runs: HfRun[];
  warnings: string[];
}

/** Reads the runs at `root` (absolute: a folder, a README.md, or a file in an output folder). */
export function readHuggingFace(root: string, onProgress: (done: number, total: number, unit: string) => void = () => {}): HfReadResult {
  const warnings: string[] = [];
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch (error) {
    throw messages.unreadableFile(basename(root), reasonOf(error));
  }
  if (!isDir && /\.md$/i.test(root)) {
    const card = parseModelCard(readText(root, basename(root)), basename(root), warnings);
    const folder = basename(dirname(root));
    return { runs: [{ path: '.', runId: folder || '.', name: card.modelName ?? folder, results: {}, card }], warnings };
  }
  const base = isDir ? root : dirname(root);
  const folders = findRunFolders(base);
  const runs: HfRun[] = [];
  folders.forEach((dir, index) => {
    runs.push(readRun(base, dir, warnings));
    onProgress(index + 1, folders.length, 'folders');
  });
  if (runs.length === 0) throw messages.noRuns();
  return { runs, warnings };
}

/** Output folders at and below `base` (not inside checkpoint folders, TensorBoard `runs/` or hidden folders). */
function findRunFolders(base: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    const names = listDir(dir);
    const isRun =
      names.includes('trainer_state.json') ||
      RESULTS_FILES.some((file) => names.includes(file)) ||
      latestCheckpoint(dir, names) !== undefined ||
      (names.includes('README.md') && /^model-index:/m.test((readTextIfAny(join(dir, 'README.md')) ?? '').slice(0, 65536)));
    if (isRun) found.push(dir);
    if (depth === 0) return;
    for (const name of names) {
      if (name.startsWith('.') || /^checkpoint-\d+$/.test(name) || name === 'runs') continue;
      if (isDirectory(join(dir, name))) walk(join(dir, name), depth - 1);
    }
  };
  walk(base, MAX_DEPTH);
  return found;
}

function readRun(base: string, dir: string, warnings: string[]): HfRun {
  const path = toPosix(relative(base, dir)) || '.';
  const shown = (file: string): string => toPosix(relative(base, join(dir, file)));
  const names = listDir(dir);
  const run: HfRun = { path, runId: path === '.' ? basename(base) || '.' : path, name: path === '.' ? basename(base) : path, results: {} };

  let stateFile: string | undefined;
  if (names.includes('trainer_state.json')) stateFile = 'trainer_state.json';
  else {
    const checkpoint = latestCheckpoint(dir, names);
    if (checkpoint !== undefined) {
      stateFile = `${checkpoint}/trainer_state.json`;
      run.stateFrom = checkpoint;
    }
  }
  if (stateFile !== undefined) run.state = parseTrainerState(readJson(join(dir, stateFile), shown(stateFile)), shown(stateFile));

  for (const file of RESULTS_FILES) {
    if (!names.includes(file)) continue;
    const value = readJson(join(dir, file), shown(file));
    if (!isPlainObject(value)) throw messages.notJson(shown(file), 'not an object');
    for (const [key, number] of Object.entries(value)) {
      if (typeof number === 'number') run.results[key] = number;
      else warnings.push(messages.notANumber(shown(file), key));
    }
  }
  if (names.includes('training_args.json')) {
    const args = readJson(join(dir, 'training_args.json'), shown('training_args.json'));
    if (isPlainObject(args)) run.trainingArgs = args;
  }
  if (names.includes('config.json')) {
    const config = readJson(join(dir, 'config.json'), shown('config.json'));
    if (isPlainObject(config)) {
      const modelConfig: NonNullable<HfRun['modelConfig']> = {};
      if (typeof config['model_type'] === 'string') modelConfig.modelType = config['model_type'];
      if (Array.isArray(config['architectures']))
        modelConfig.architectures = config['architectures'].filter((item): item is string => typeof item === 'string');
      run.modelConfig = modelConfig;
    }
  }
  if (names.includes('README.md'))
    run.card = parseModelCard(readText(join(dir, 'README.md'), shown('README.md')), shown('README.md'), warnings);
  return run;
}

/** Validates and reads a trainer_state.json object. Throws an `ImportError` when it is not one. */
export function parseTrainerState(value: unknown, file: string): TrainerState {
  if (!isPlainObject(value)) throw messages.notTrainerState(file, 'not a JSON object');
  const history = value['log_history'];
  if (!Array.isArray(history)) throw messages.notTrainerState(file, 'no log_history list');
  const logHistory: LogEntry[] = history.map((entry: unknown, index) => {
    if (!isPlainObject(entry)) throw messages.notTrainerState(file, `log_history[${index}] is not an object`);
    const numbers: LogEntry = {};
    // A NaN metric is kept (it becomes a null cell listed in `import.nonFinite`); a step must be a number.
    for (const [key, number] of Object.entries(entry))
      if (typeof number === 'number' && (key !== 'step' || Number.isFinite(number))) numbers[key] = number;
    return numbers;
  });
  const state: TrainerState = { logHistory };
  const number = (key: string): number | undefined =>
    typeof value[key] === 'number' && Number.isFinite(value[key]) ? value[key] : undefined;
  const assign = <K extends keyof TrainerState>(key: K, item: TrainerState[K] | undefined): void => {
    if (item !== undefined) state[key] = item;
  };
  assign('globalStep', number('global_step'));
  assign('maxSteps', number('max_steps'));
  assign('numTrainEpochs', number('num_train_epochs'));
  assign('trainBatchSize', number('train_batch_size'));
  assign('bestMetric', number('best_metric'));
  assign('bestGlobalStep', number('best_global_step'));
  assign('bestModelCheckpoint', typeof value['best_model_checkpoint'] === 'string' ? value['best_model_checkpoint'] : undefined);
  assign('trialName', typeof value['trial_name'] === 'string' ? value['trial_name'] : undefined);
  const trialParams = value['trial_params'];
  if (isPlainObject(trialParams)) {
    const params: NonNullable<TrainerState['trialParams']> = {};
    for (const [key, item] of Object.entries(trialParams))
      if (typeof item === 'number' && !Number.isFinite(item))
        params[key] = String(item); // JSON has no NaN: kept as its name
      else if (item === null || ['string', 'number', 'boolean'].includes(typeof item))
        params[key] = item as string | number | boolean | null;
    state.trialParams = params;
  }
  const callbacks = value['stateful_callbacks'];
  const early = isPlainObject(callbacks) ? callbacks['EarlyStoppingCallback'] : undefined;
  const earlyArgs = isPlainObject(early) ? early['args'] : undefined;
  if (
    isPlainObject(earlyArgs) &&
    typeof earlyArgs['early_stopping_patience'] === 'number' &&
    Number.isFinite(earlyArgs['early_stopping_patience'])
  )
    state.earlyStoppingPatience = earlyArgs['early_stopping_patience'];
  return state;
}

/** The `checkpoint-<step>` subfolder with the highest step that holds a trainer_state.json. */
function latestCheckpoint(dir: string, names: readonly string[]): string | undefined {
  return names
    .filter((name) => /^checkpoint-\d+$/.test(name))
    .sort((a, b) => Number(b.slice(11)) - Number(a.slice(11)))
    .find((name) => isFile(join(dir, name, 'trainer_state.json')));
}

function readJson(path: string, shown: string): unknown {
  const text = readText(path, shown);
  try {
    // The Trainer writes a NaN or infinite value as Python does (bare `NaN`, `Infinity`).
    return parsePythonJson(text);
  } catch (error) {
    throw messages.notJson(shown, reasonOf(error));
  }
}

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw messages.unreadableFile(shown, reasonOf(error));
  }
}
