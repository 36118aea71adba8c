import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Experiment } from '../schema/index.ts';
import { hashRecord, isPlainObject } from './hash.ts';
import { importMessages as messages } from './messages.ts';
import { isImportSource } from './sources.ts';
import { QUOTED_NON_FINITE, rewriteValues } from '../util/json-values.ts';

/** How records are written: JSON, or Markdown with YAML frontmatter (`notes` becomes the body). */
export type RecordFormat = 'json' | 'md';

/** What happened to one record. */
export interface WriteOutcome {
  id: string;
  /** Path of the record file, `outDir` joined with `<id>.<json|md>`. */
  file: string;
  /** `written`: new file; `updated`: re-imported run changed; `unchanged`: same content, file untouched; `skipped`: not ours to overwrite. */
  action: 'written' | 'updated' | 'unchanged' | 'skipped';
  /** Why a record was skipped. */
  reason?: string;
}

/** The file system as the writer needs it (tests may pass a fake). */
export interface WriteEffects {
  /** File content, or `undefined` when there is no such file. */
  readFile(path: string): string | undefined;
  writeFile(path: string, text: string): void;
}

/** Real files; a write goes to a temporary file first and is renamed into place. */
export const nodeWriteEffects: WriteEffects = {
  readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  writeFile: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  },
};

/**
 * Writes one record file text per format. In JSON, a string `validate` would read as a number that
 * is no number (a tag or parameter `"nan"`, a hyperparameter kept as `"NaN"`: `QUOTED_NON_FINITE`)
 * has its first letter escaped (`"\u006ean"`), so that it is read back as the text it is.
 */
export function serializeRecord(record: Experiment, format: RecordFormat): string {
  if (format === 'json') return `${escapeNonFiniteText(JSON.stringify(record, null, 2))}\n`;
  const { notes, ...frontmatter } = record;
  const yaml = stringifyYaml(frontmatter, { lineWidth: 0 });
  return `---\n${yaml}---\n${notes === undefined ? '' : `\n${notes}\n`}`;
}

/** `QUOTED_NON_FINITE` anywhere in a text. */
const ANY_QUOTED_NON_FINITE = new RegExp(QUOTED_NON_FINITE.source);

/** JSON text with each string value `QUOTED_NON_FINITE` matches written with its first letter as a `\u` escape (keys are left as they are). */
function escapeNonFiniteText(text: string): string {
  if (!ANY_QUOTED_NON_FINITE.test(text)) return text;
  return rewriteValues(text, (written, offset) => {
    QUOTED_NON_FINITE.lastIndex = offset;
    const quoted = QUOTED_NON_FINITE.exec(written)?.[0];
    // A key named so (`"nan": 1`) is read as a key.
    if (quoted === undefined || /^\s*:/.test(written.slice(offset + quoted.length, offset + quoted.length + 16))) return undefined;
    const escaped = `\\u${quoted.charCodeAt(1).toString(16).padStart(4, '0')}`;
    return { length: quoted.length, by: `"${escaped}${quoted.slice(2)}` };
  });
}

/** Reads a record file back into the object it holds; `undefined` when it is not parseable. */
export function parseRecordFile(text: string, format: RecordFormat): Record<string, unknown> | undefined {
  try {
    if (format === 'json') {
      const value: unknown = JSON.parse(text);
      return isPlainObject(value) ? value : undefined;
    }
    const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n([\s\S]*))?$/.exec(text);
    if (match === null) return undefined;
    const data: unknown = parseYaml(match[1] ?? '', { logLevel: 'error' });
    if (!isPlainObject(data)) return undefined;
    const body = (match[2] ?? '').trim();
    return body === '' ? data : { ...data, notes: body };
  } catch {
    return undefined;
  }
}

/**
 * Decides what to do with one record, given the text of the file already at its path (if any):
 * - no file → `written`;
 * - a file this import wrote for the same run of the same kind of source (`import.source` and
 *   `import.runId` match), untouched since (its content still hashes to its stored
 *   `import.hash`) → `unchanged` when the new record has the same hash, else `updated`;
 * - a file edited by hand, or not imported from this run → `skipped`, unless `force`.
 */
export function decideWrite(
  record: Experiment,
  existingText: string | undefined,
  format: RecordFormat,
  force: boolean,
): WriteOutcome['action'] | { skipped: string } {
  if (existingText === undefined) return 'written';
  const existing = parseRecordFile(existingText, format);
  const meta = existing?.['import'];
  const ours = isPlainObject(record['import']) ? record['import'] : {};
  const source = typeof ours['source'] === 'string' && isImportSource(ours['source']) ? ours['source'] : undefined;
  if (existing === undefined || !isPlainObject(meta) || meta['source'] !== source || meta['runId'] !== ours['runId']) {
    return force ? 'updated' : { skipped: messages.notImported(source) };
  }
  if (hashRecord(existing) !== meta['hash']) return force ? 'updated' : { skipped: messages.editedByHand() };
  return meta['hash'] === ours['hash'] ? 'unchanged' : 'updated';
}

/**
 * Writes records as `<outDir>/<id>.<json|md>`, following `decideWrite` for each. A record whose
 * id already exists in the other format is skipped (two files with one id would clash).
 * `onProgress` is called before each record with (records done + 1, total).
 */
export function writeRecords(
  records: readonly Experiment[],
  options: { outDir: string; format: RecordFormat; force: boolean; onProgress?: (done: number, total: number) => void },
  effects: WriteEffects = nodeWriteEffects,
): WriteOutcome[] {
  const otherFormat: RecordFormat = options.format === 'json' ? 'md' : 'json';
  return records.map((record, index) => {
    options.onProgress?.(index + 1, records.length);
    const file = join(options.outDir, `${record.id}.${options.format}`);
    const other = join(options.outDir, `${record.id}.${otherFormat}`);
    if (effects.readFile(other) !== undefined) return { id: record.id, file, action: 'skipped', reason: messages.otherFormatExists(other) };
    const decision = decideWrite(record, effects.readFile(file), options.format, options.force);
    if (typeof decision === 'object') return { id: record.id, file, action: 'skipped', reason: decision.skipped };
    if (decision !== 'unchanged') effects.writeFile(file, serializeRecord(record, options.format));
    return { id: record.id, file, action: decision };
  });
}
