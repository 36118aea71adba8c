/**
 * The I/O edge of the read step: find record files under a folder, read them, parse, validate, and
 * check the collection. Everything else in the pipeline works on the records this returns.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { Experiment } from '../schema/index.ts';
import * as msg from '../ingest/messages.ts';
import { parseSource } from '../ingest/parse-source.ts';
import type { Diagnostic, SourceFormat } from '../ingest/types.ts';
import { positionOf, validateRecord } from '../ingest/validate.ts';
import { checkCollection, compareIds, type CheckedRecord } from './check-collection.ts';

/** One valid record and where it came from. */
export interface LoadedRecord {
  record: Experiment;
  /** Path as given: `dir` joined with the path under it (relative to the cwd when `dir` is). */
  file: string;
  format: SourceFormat;
}

/** The effects `loadRecords` needs; tests pass fakes. */
export interface LoadEffects {
  /** File paths matching `pattern` under `cwd`, relative to `cwd`, with `/` separators. */
  glob: (pattern: string, options: { cwd: string }) => Promise<string[]>;
  /** The UTF-8 text of a file. */
  readFile: (path: string) => Promise<string>;
}

/** The real file system. */
export const nodeLoadEffects: LoadEffects = {
  glob: (pattern, options) => fg(pattern, { cwd: options.cwd, onlyFiles: true, dot: false }),
  readFile: (path) => readFile(path, 'utf8'),
};

/** The files `loadRecords` reads: JSON and Markdown anywhere under the folder. */
export const RECORD_GLOB = '**/*.{json,md}';

/**
 * Loads every record under `dir` (`**\/*.{json,md}`, in sorted path order): read, parse, validate,
 * then check the collection (duplicate ids, parent cycles, unknown parent/related ids). Returns the
 * valid records sorted by id (the first file wins a duplicate id) and every diagnostic, in file order
 * and then collection order. A file with an error contributes no record. Never throws for bad content.
 */
export async function loadRecords(dir: string, effects: LoadEffects = nodeLoadEffects): Promise<{ records: LoadedRecord[]; diagnostics: Diagnostic[] }> {
  const paths = (await effects.glob(RECORD_GLOB, { cwd: dir })).sort(compareIds);
  const diagnostics: Diagnostic[] = [];
  const checked: (CheckedRecord & { format: SourceFormat })[] = [];
  for (const relative of paths) {
    const file = join(dir, relative);
    let text: string;
    try {
      text = await effects.readFile(file);
    } catch (error) {
      diagnostics.push({ level: 'error', code: 'read-error', file, path: '', message: msg.readFailed(error instanceof Error ? error.message : String(error)) });
      continue;
    }
    const parsed = parseSource(text, { file });
    const result = validateRecord(parsed, { file });
    diagnostics.push(...result.diagnostics);
    if (result.record) checked.push({ record: result.record, file, format: parsed.format, positionOf: (path) => positionOf(parsed, path) });
  }
  const collection = checkCollection(checked);
  diagnostics.push(...collection.diagnostics);
  const records = collection.kept
    .map((entry) => ({ record: entry.record, file: entry.file, format: entry.format }))
    .sort((a, b) => compareIds(a.record.id, b.record.id));
  return { records, diagnostics };
}
