/**
 * The I/O edge of the read step: find record files under a folder, read them, parse, validate, and
 * check the collection. Everything else in the pipeline works on the records this returns.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sourceFingerprint } from '../util/source-fingerprint.ts';
import { IdSchema, type Experiment } from '../schema/index.ts';
import { isPlainObject } from '../ingest/finish.ts';
import * as msg from '../ingest/messages.ts';
import { parseSource } from '../ingest/parse-source.ts';
import type { Diagnostic, SourceFormat, SourcePosition } from '../ingest/types.ts';
import { LIMITS } from '../ingest/limits.ts';
import { positionOf, validateRecord } from '../ingest/validate.ts';
import { checkCollection, compareIds, type CheckedRecord, type IdUse } from './check-collection.ts';
import { listRecordFiles, type RecordListing, type RefusedEntry } from './list.ts';

/** One valid record and where it came from. */
export interface LoadedRecord {
  record: Experiment;
  /** Path as given: `dir` joined with the path under it (relative to the cwd when `dir` is). */
  file: string;
  format: SourceFormat;
}

/** The effects `loadRecords` needs; tests pass fakes. */
export interface LoadEffects {
  /** The record files under a folder (paths relative to it, `/` separators) and the entries refused (see `listRecordFiles`). */
  list: (dir: string) => Promise<RecordListing>;
  /** The UTF-8 text of a file. */
  readFile: (path: string) => Promise<string>;
  /** Parse results of unchanged files from an earlier run (optional). */
  cache?: ParseCache | undefined;
}

/** What parsing and validating one file gave: enough to skip both when the file has not changed. */
export interface CachedParse {
  format: SourceFormat;
  record?: Experiment | undefined;
  diagnostics: Diagnostic[];
  /** Positions of the fields the collection checks point at (`id`, `lineage.parent`, `lineage.related.N`). */
  positions: Record<string, SourcePosition>;
  /** The id a refused record gives (a valid one), so a second file with the same id is reported in the same run. */
  refusedId?: string | undefined;
}

/** A store of `CachedParse` by key; keys cover the file's path and text and the parser's code. */
export interface ParseCache {
  key(file: string, text: string): string;
  get(key: string): Promise<CachedParse | undefined>;
  set(key: string, value: CachedParse): Promise<void>;
}

/** The real file system. */
export const nodeLoadEffects: LoadEffects = {
  list: listRecordFiles,
  readFile: (path) => readFile(path, 'utf8'),
};

/** A file's text and, when a cache is given, its cache key and what the cache holds for it. */
interface ReadFile {
  text: string;
  key: string | undefined;
  hit: CachedParse | undefined;
}

/** Reads a file and looks it up in the cache; the read error when it cannot be read. Rejects only when the cache's `get` does. */
async function readRecordFile(file: string, effects: LoadEffects): Promise<ReadFile | { error: unknown }> {
  let text: string;
  try {
    text = await effects.readFile(file);
  } catch (error) {
    return { error };
  }
  const key = effects.cache?.key(file, text);
  return { text, key, hit: key === undefined ? undefined : await effects.cache?.get(key) };
}

/** Parses and validates one file; `cacheable` is false when the parser failed (a bug the next version may fix). Never throws. */
function parseFile(file: string, text: string): { value: CachedParse; cacheable: boolean } {
  try {
    const parsed = parseSource(text, { file });
    const result = validateRecord(parsed, { file });
    const paths: (string | number)[][] = [['id'], ['lineage', 'parent'], ...(result.record?.lineage?.related ?? []).map((_, i) => ['lineage', 'related', i])];
    const positions: Record<string, SourcePosition> = {};
    for (const path of paths) {
      const position = positionOf(parsed, path);
      if (position) positions[path.join('.')] = position;
    }
    const id = isPlainObject(parsed.data) ? parsed.data['id'] : undefined;
    const refusedId = result.record === undefined && typeof id === 'string' && IdSchema.safeParse(id).success ? id : undefined;
    return { value: { format: parsed.format, record: result.record, diagnostics: result.diagnostics, positions, refusedId }, cacheable: true };
  } catch (error) {
    // A bug, or an input no limit caught: one error for this file, and the run goes on.
    const reason = error instanceof Error ? error.message : String(error);
    const diagnostics: Diagnostic[] = [{ level: 'error', code: 'parse-failed', file, path: '', message: msg.parseFailed(reason), hint: msg.hintParseFailed() }];
    return { value: { format: 'json', diagnostics, positions: {} }, cacheable: false };
  }
}

/** How many files are read (and looked up in the cache) ahead of the one being parsed. */
const READ_AHEAD = 8;

/** The error for a folder entry that is not read. */
function refusedDiagnostic(file: string, entry: RefusedEntry): Diagnostic {
  const base = { level: 'error' as const, code: entry.reason === 'special' ? 'not-a-file' : 'refused-link', file, path: '' };
  if (entry.reason === 'outside') return { ...base, message: msg.linkOutsideFolder(entry.target ?? ''), hint: msg.hintReplaceLink() };
  if (entry.reason === 'broken') return { ...base, message: msg.brokenLink(entry.target ?? ''), hint: msg.hintReplaceLink() };
  if (entry.reason === 'unreadable') return { ...base, code: 'read-error', message: msg.readFailed(entry.target ?? '') };
  return { ...base, message: msg.notARegularFile(), hint: msg.hintReplaceLink() };
}

/** Bumped when the cached shape changes. */
const PARSE_CACHE_VERSION = '1';

/**
 * A parse cache in `dir` (one JSON file per key). Keys include a fingerprint of this module and
 * everything it imports (the parsers, the schema, the collection checks), so a changed parser never
 * serves old results; when that code cannot be read, nothing is cached.
 */
export function nodeParseCache(dir: string): ParseCache | undefined {
  const sources = sourceFingerprint(new URL(import.meta.url));
  if (sources === undefined) return undefined;
  const code = createHash('sha256').update(PARSE_CACHE_VERSION).update(sources).digest('hex');
  const fileOf = (key: string): string => join(dir, key.slice(0, 2), `${key}.json`);
  // 256 folders for thousands of entries: each is made once per run, not once per entry.
  const made = new Set<string>();
  return {
    key: (file, text) => createHash('sha256').update(code).update(file).update('\0').update(text).digest('hex'),
    async get(key) {
      try {
        return JSON.parse(await readFile(fileOf(key), 'utf8')) as CachedParse;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      // A cache that cannot be written only costs speed.
      try {
        const target = fileOf(key);
        const folder = dirname(target);
        if (!made.has(folder)) {
          await mkdir(folder, { recursive: true });
          made.add(folder);
        }
        await writeFile(`${target}.tmp`, JSON.stringify(value));
        await rename(`${target}.tmp`, target);
      } catch {
        /* ignored */
      }
    },
  };
}

/**
 * Loads every record under `dir` (`**\/*.{json,md}`, in sorted path order): read, parse, validate,
 * then check the collection (duplicate ids, parent cycles, unknown parent/related ids). Returns the
 * valid records sorted by id (the first file wins a duplicate id), every diagnostic, in file order
 * and then collection order, and the files it read. A file with an error contributes no record; a
 * link leaving the folder and a file past `LIMITS.recordBytes` are errors and are not read. Never
 * throws for bad content.
 */
export async function loadRecords(
  dir: string,
  effects: LoadEffects = nodeLoadEffects,
): Promise<{ records: LoadedRecord[]; diagnostics: Diagnostic[]; read: ReadonlySet<string>; leftOut: readonly string[] }> {
  const listing = await effects.list(dir);
  const entries = [
    ...listing.files.map((f) => ({ path: f.path, bytes: f.bytes, refused: undefined })),
    ...listing.refused.map((r) => ({ path: r.path, bytes: undefined, refused: r })),
  ].sort((a, b) => compareIds(a.path, b.path));
  const diagnostics: Diagnostic[] = [];
  const checked: (CheckedRecord & { format: SourceFormat })[] = [];
  const idsInFileOrder: IdUse[] = [];
  const read = new Set<string>();
  // Reading waits on the disk, parsing does not: the next files are read (and looked up in the cache)
  // while one is parsed, and cache entries are written while the next ones are parsed; results are
  // still taken in file order.
  const files = entries.map((entry) => join(dir, entry.path));
  const readable = entries.map((entry) => entry.refused === undefined && !(entry.bytes !== undefined && entry.bytes > LIMITS.recordBytes));
  const reads = new Map<number, Promise<ReadFile | { error: unknown }>>();
  let next = 0;
  const readAhead = (upTo: number): void => {
    for (; next < entries.length && next <= upTo; next++) if (readable[next]) reads.set(next, readRecordFile(files[next] as string, effects));
  };
  const writes: Promise<void>[] = [];
  for (const [index, entry] of entries.entries()) {
    const file = files[index] as string;
    if (entry.refused !== undefined) {
      diagnostics.push(refusedDiagnostic(file, entry.refused));
      continue;
    }
    if (entry.bytes !== undefined && entry.bytes > LIMITS.recordBytes) {
      diagnostics.push({ level: 'error', code: 'too-large', file, path: '', message: msg.recordTooLarge(entry.bytes, LIMITS.recordBytes), hint: msg.hintSplitRecord() });
      continue;
    }
    readAhead(index + READ_AHEAD);
    const got = await (reads.get(index) as Promise<ReadFile | { error: unknown }>);
    reads.delete(index);
    if ('error' in got) {
      const { error } = got;
      diagnostics.push({ level: 'error', code: 'read-error', file, path: '', message: msg.readFailed(error instanceof Error ? error.message : String(error)) });
      continue;
    }
    read.add(file);
    let result = got.hit;
    if (result === undefined) {
      const parsed = parseFile(file, got.text);
      result = parsed.value;
      // A cache that cannot be written only costs speed.
      if (got.key !== undefined && parsed.cacheable && effects.cache !== undefined) writes.push(effects.cache.set(got.key, result).catch(() => undefined));
    }
    for (const d of result.diagnostics) diagnostics.push(d);
    const id = result.record?.id ?? result.refusedId;
    if (id !== undefined) {
      const position = result.positions['id'];
      idsInFileOrder.push({ id, file, position });
    }
    if (result.record) {
      const positions = result.positions;
      checked.push({ record: result.record, file, format: result.format, positionOf: (path) => positions[path.join('.')] });
    }
  }
  await Promise.all(writes);
  const collection = checkCollection(checked, idsInFileOrder);
  for (const d of collection.diagnostics) diagnostics.push(d);
  const records = collection.kept
    .map((entry) => ({ record: entry.record, file: entry.file, format: entry.format }))
    .sort((a, b) => compareIds(a.record.id, b.record.id));
  return { records, diagnostics, read, leftOut: listing.leftOut ?? [] };
}
