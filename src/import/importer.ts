import type { Experiment } from '../schema/index.ts';
import type { ImportSource } from './sources.ts';

/**
 * The contract between the import command and one importer. Every importer is one pipeline:
 * **read** (the source → a neutral model of its runs, everything read before anything is
 * written) → **map** (pure: one run → one record, `import.hash` sealed). The command then
 * validates every record and writes them (`write.ts`).
 */

/** Mapping choices for CSV sources, from `--table`, `--id`, `--name`, `--step`, `--param`, `--metric`, `--ignore`, `--parent`. */
export interface CsvFlags {
  table?: 'runs' | 'history';
  id?: string;
  name?: string;
  step?: string;
  parent?: string;
  params: readonly string[];
  metrics: readonly string[];
  ignore: readonly string[];
}

/** What an importer is given. */
export interface ImportRequest {
  /** The source as the user wrote it (a path relative to `cwd`, or a URL). */
  source: string;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Environment variables (credentials of an MLflow tracking server). */
  env: Readonly<Record<string, string | undefined>>;
  /** `$schema` to write into each record (JSON records only); none when undefined. */
  schema: string | undefined;
  /** MLflow experiment names or ids to import (`--experiment`); all when empty. */
  experiments: readonly string[];
  csv: CsvFlags;
  /** Called as runs are read: runs (or folders, experiments) done of total. */
  onProgress: (done: number, total: number, unit: string) => void;
}

/** What an importer found. */
export interface ImportResult {
  /** One record per run, `import.hash` sealed (order does not matter). */
  records: Experiment[];
  /** What the runs came from, for the summary line (`2 experiments`); none when there is nothing to say. */
  from?: string;
  /** Lines that explain the mapping (the CSV column mapping), printed before the outcomes. */
  notes: string[];
  /** Problems that did not stop the import (a truncated event file, a bad metric line). */
  warnings: string[];
}

/** One importer per source kind. `read` rejects with an `ImportError` when the source cannot be read. */
export interface Importer {
  readonly kind: ImportSource;
  read(request: ImportRequest): Promise<ImportResult>;
}
