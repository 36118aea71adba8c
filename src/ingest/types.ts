/** Shared types of the ingest layer (read → validate). */

/** Which of the three input forms a file was written in. */
export type SourceFormat = 'json' | 'frontmatter' | 'template';

/** A 1-based line and column in a source file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One problem found in a file or in the collection, ready to print with `formatDiagnostic`. */
export interface Diagnostic {
  level: 'error' | 'warning' | 'info';
  /** Stable kind, e.g. 'json-syntax', 'yaml-syntax', 'invalid-type', 'duplicate-id', 'parent-cycle', 'unknown-parent', 'placeholder', 'missing-id'. */
  code: string;
  /** Path as given (relative to the cwd when the loader is used). */
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Dotted field path, e.g. 'evaluation.testMetrics.0.value'; '' for the whole file. */
  path: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** A path into a record: object keys and array indices. */
export type FieldPath = readonly (string | number)[];

/** Where dotted field paths are written in a file (a `Map` is one; JSON and YAML look them up on demand). */
export interface PositionLookup {
  get(path: string): SourcePosition | undefined;
}

/**
 * The raw result of reading one file, before schema validation.
 * `data` is undefined when the text could not be parsed at all (then `diagnostics` holds the syntax error).
 */
export interface ParsedSource {
  file: string;
  format: SourceFormat;
  /** The raw record (placeholders already removed and listed in `data.placeholders`). */
  data: unknown;
  /** Dotted field path → where its value starts in the file. */
  positions: PositionLookup;
  /** Dotted field path → where its key is written (JSON and frontmatter only). */
  keyPositions: PositionLookup;
  /** Problems found while reading (syntax errors, missing id, …). */
  diagnostics: Diagnostic[];
}

/** Joins a field path the way diagnostics print it: `evaluation.testMetrics.0.value`. */
export function joinPath(path: FieldPath): string {
  return path.join('.');
}
