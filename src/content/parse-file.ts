/**
 * Parsing and validating one record file: the part of the read step that takes the time (about
 * 2 ms a record), pure, and so run on the parse workers (`parse-pool.ts`) when a build has many
 * files to parse, or in the calling thread.
 */
import { IdSchema, type Experiment } from '../schema/index.ts';
import { isPlainObject } from '../ingest/finish.ts';
import * as msg from '../ingest/messages.ts';
import { parseSource } from '../ingest/parse-source.ts';
import type { Diagnostic, SourceFormat, SourcePosition } from '../ingest/types.ts';
import { positionOf, validateRecord } from '../ingest/validate.ts';

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

/** What parsing one file gave; `cacheable` is false when the parser failed (a bug the next version may fix). */
export interface ParsedFile {
  value: CachedParse;
  cacheable: boolean;
}

/** Parses and validates one file. Never throws. */
export function parseFile(file: string, text: string): ParsedFile {
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

