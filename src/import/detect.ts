import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ImportSource } from './sources.ts';

/** The file system as detection needs it (tests may pass a fake). */
export interface DetectEffects {
  /** `file`, `dir`, or `undefined` when nothing is there. */
  kindOf(path: string): 'file' | 'dir' | undefined;
  /** Names in a folder ([] when unreadable). */
  list(dir: string): string[];
  /** The first `bytes` bytes of a file as latin1 text ('' when unreadable). */
  head(path: string, bytes: number): string;
}

export const nodeDetectEffects: DetectEffects = {
  kindOf(path) {
    try {
      const stat = statSync(path);
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  },
  head(path, bytes) {
    try {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(bytes);
        const read = readSync(fd, buffer, 0, bytes, 0);
        return buffer.subarray(0, read).toString('latin1');
      } finally {
        closeSync(fd);
      }
    } catch {
      return '';
    }
  },
};

/** The name TensorBoard event files start with. */
export const EVENT_FILE_PREFIX = 'events.out.tfevents.';
/** Files a Hugging Face Trainer writes into its output folder. */
export const TRAINER_FILES = ['trainer_state.json', 'all_results.json', 'eval_results.json', 'train_results.json'] as const;
/** Files and folders that mark a DVC project or a DVCLive output folder. */
export const DVC_MARKERS = ['dvc.yaml', 'dvc.lock', '.dvc', 'dvclive'] as const;

const SQLITE_HEADER = 'SQLite format 3\u0000';
const MAX_DEPTH = 4;

/**
 * The kind of a source, from what is there (first match wins):
 * - a URL (`http(s)://`, `sqlite://`, `file://`) → mlflow;
 * - a file: `events.out.tfevents.*` → tensorboard; a Trainer file (`trainer_state.json`, …) or a
 *   Markdown file with `model-index:` in its frontmatter → huggingface; `dvc.lock`, `dvc.yaml`,
 *   `params.yaml` or a JSON array of revisions (`dvc exp show --json`) → dvc; `.csv` → csv; a
 *   SQLite database → mlflow;
 * - a folder: an MLflow file store (a subfolder with `meta.yaml`, or `mlruns/` itself) → mlflow;
 *   Trainer files (also in `checkpoint-*` subfolders) → huggingface; `dvc.yaml`, `dvc.lock`, `.dvc`,
 *   `dvclive/` or a DVCLive folder (`plots/metrics/`) → dvc; event files within four levels → tensorboard.
 * `undefined` when none applies. `path` is absolute or relative to the current directory.
 */
export function detectSourceKind(source: string, path: string, effects: DetectEffects = nodeDetectEffects): ImportSource | undefined {
  if (/^(https?|sqlite|file):\/\//i.test(source)) return 'mlflow';
  const kind = effects.kindOf(path);
  if (kind === 'file') return detectFile(path, effects);
  if (kind === 'dir') return detectFolder(path, effects);
  return undefined;
}

function detectFile(path: string, effects: DetectEffects): ImportSource | undefined {
  const name = basename(path);
  const extension = extname(name).toLowerCase();
  if (name.startsWith(EVENT_FILE_PREFIX)) return 'tensorboard';
  if ((TRAINER_FILES as readonly string[]).includes(name)) return 'huggingface';
  if (name === 'dvc.lock' || name === 'dvc.yaml' || name === 'params.yaml') return 'dvc';
  if (extension === '.csv') return 'csv';
  const head = effects.head(path, 4096);
  if (head.startsWith(SQLITE_HEADER)) return 'mlflow';
  if (extension === '.md' && /^---\r?\n[\s\S]*?^model-index:/m.test(head)) return 'huggingface';
  if (extension === '.json' && /^\s*\[\s*(\{\s*"rev"|\])/.test(head)) return 'dvc';
  return undefined;
}

function detectFolder(path: string, effects: DetectEffects): ImportSource | undefined {
  const names = effects.list(path);
  const isDir = (name: string): boolean => effects.kindOf(join(path, name)) === 'dir';
  if (names.some((name) => isDir(name) && name !== '.trash' && effects.kindOf(join(path, name, 'meta.yaml')) === 'file')) return 'mlflow';
  if (names.includes('mlruns') && isDir('mlruns') && detectFolder(join(path, 'mlruns'), effects) === 'mlflow') return 'mlflow';
  if (names.some((name) => (TRAINER_FILES as readonly string[]).includes(name))) return 'huggingface';
  if (names.some((name) => /^checkpoint-\d+$/.test(name) && effects.kindOf(join(path, name, 'trainer_state.json')) === 'file'))
    return 'huggingface';
  if (names.some((name) => (DVC_MARKERS as readonly string[]).includes(name))) return 'dvc';
  if (names.includes('plots') && effects.kindOf(join(path, 'plots', 'metrics')) === 'dir') return 'dvc';
  if (hasEventFile(path, effects, MAX_DEPTH)) return 'tensorboard';
  return undefined;
}

function hasEventFile(dir: string, effects: DetectEffects, depth: number): boolean {
  const names = effects.list(dir);
  if (names.some((name) => name.startsWith(EVENT_FILE_PREFIX))) return true;
  if (depth === 0) return false;
  return names.some((name) => effects.kindOf(join(dir, name)) === 'dir' && hasEventFile(join(dir, name), effects, depth - 1));
}
