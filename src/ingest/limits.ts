/**
 * How big a record may be. `validate` enforces these limits so that whatever it accepts, `build`
 * builds, in bounded time and memory: a record past a limit is an error naming the limit, never a
 * crash or a build that runs for minutes. The README lists them (keep the two in step).
 *
 * Pure: `checkSourceText` runs on a file's text before it is parsed, `checkRecordLimits` on the raw
 * record before the schema does.
 */

import { z } from 'zod';
import { ExperimentSchema, MarkdownSchema } from '../schema/index.ts';
import * as msg from './messages.ts';
import { createLineIndex } from './text.ts';
import { joinPath, type Diagnostic, type FieldPath, type ParsedSource, type SourceFormat, type SourcePosition } from './types.ts';

export const LIMITS = {
  /** Largest record file, in bytes (UTF-8). A larger file is refused before it is read. */
  recordBytes: 5 * 1024 * 1024,
  /** Largest Markdown file with YAML frontmatter, in bytes: YAML parses about ten times slower than JSON. */
  frontmatterBytes: 1024 * 1024,
  /** Deepest nesting of objects and lists in a record (JSON, YAML). */
  nestingDepth: 64,
  /** Most items in one list (test metrics, groups, hyperparameters, …), `training.history` aside. */
  listItems: 1_000,
  /** Most keys in one object (tags, a row's metrics, history columns, attributes, …). */
  objectKeys: 1_000,
  /** Most rows in `training.history`. Charts draw at most `CHART_POINTS` of them; the API keeps all. */
  historyRows: 50_000,
  /** Most classes in a confusion matrix (it is drawn as classes × classes cells). */
  confusionClasses: 100,
  /** Longest id, in characters: it names a folder and a file (`experiments/<id>/`, `api/experiments/<id>.json`). */
  idLength: 100,
  /** Most Markdown in one record, in characters: a template file, or all Markdown fields of a record together. */
  markdownChars: 200_000,
  /**
   * Longest paragraph of Markdown, in characters: a run of lines without a blank line (table rows
   * count one by one). Markdown parsers take time growing with the square of a paragraph's length
   * on some inputs (a `[` or `*` left open), so this bounds the time one record can take.
   */
  markdownParagraphChars: 5_000,
} as const;

/** How much an MLflow import reads from a tracking server (see `src/import/mlflow/rest.ts`). */
export const IMPORT_LIMITS = {
  /** Largest answer to one request, in bytes: reading stops there (a 700 MB answer is not read into memory). */
  responseBytes: 64 * 1024 * 1024,
  /** Most bytes read from the server in one import. */
  totalBytes: 256 * 1024 * 1024,
  /** Most pages of one listing (experiments, the runs of an experiment, one metric's history). */
  pages: 1_000,
  /** Most runs in one import. */
  runs: 10_000,
} as const;

/** Id endings a static host treats as a file rather than a folder (`experiments/index.html/`). */
const FILE_LIKE_ID = /\.(?:html?|json|xml|txt)$/i;

/** The number of bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Character codes `bracketDepthExceeded` looks for. */
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }

/**
 * The deepest nesting of `[`/`{` in `text` and the offset where it first exceeds `limit` (undefined
 * when it never does). Brackets inside JSON strings do not count when `jsonStrings` is set; for YAML
 * every bracket counts (an overestimate only for strings full of brackets).
 */
export function bracketDepthExceeded(text: string, limit: number, jsonStrings: boolean): number | undefined {
  let depth = 0;
  let inString = false;
  // Character codes, not one-character strings: this reads every character of every record.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE && jsonStrings) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      depth++;
      if (depth > limit) return i;
    } else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && depth > 0) depth--;
  }
  return undefined;
}

/** The longest paragraph of a Markdown text (see `LIMITS.markdownParagraphChars`): its length and first line (1-based). */
export function longestMarkdownParagraph(text: string): { chars: number; line: number } {
  const lines = text.split('\n');
  let longest = { chars: 0, line: 1 };
  let chars = 0;
  let start = 0;
  let plain = true;
  let inTable = false;
  const close = (): void => {
    if (chars > longest.chars) longest = { chars, line: start + 1 };
    chars = 0;
    plain = true;
  };
  const alone = (index: number): void => {
    const length = (lines[index] ?? '').length;
    if (length > longest.chars) longest = { chars: length, line: index + 1 };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      close();
      inTable = false;
      continue;
    }
    if (inTable && line.startsWith('|')) {
      // A table row: every cell is parsed on its own.
      alone(i);
      continue;
    }
    inTable = false;
    if (plain && isTableStart(line, lines[i + 1])) {
      close();
      alone(i);
      alone(i + 1);
      i++;
      inTable = true;
      continue;
    }
    if (chars === 0) start = i;
    else chars += 1; // the line break
    chars += line.length;
    plain &&= isPlainLine(line);
  }
  close();
  return longest;
}

/**
 * A line that can only be paragraph text at the top level (so a table after it is a table, never a
 * lazy continuation of a list item or quote): no indentation, no container or block marker.
 */
function isPlainLine(line: string): boolean {
  return !/^(?:\s|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|#|<|\[|\||`{3}|~{3}|[=-]+\s*$|_{3})/.test(line);
}

/** A GFM table head: a `|…|` row followed by a delimiter row with as many cells (written the strict way). */
function isTableStart(head: string, delimiter: string | undefined): boolean {
  if (delimiter === undefined) return false;
  const h = head.trimEnd();
  const d = delimiter.trimEnd();
  if (!h.startsWith('|') || !h.endsWith('|') || h.length < 2 || h.includes('\\')) return false;
  if (!/^\|(?:\s*:?-+:?\s*\|)+$/.test(d)) return false;
  return h.split('|').length === d.split('|').length;
}

/** Problems with a Markdown text against the Markdown limits (`path` names the field in messages). */
function markdownProblem(text: string): { message: string; hint: string; line: number } | undefined {
  const paragraph = longestMarkdownParagraph(text);
  if (paragraph.chars > LIMITS.markdownParagraphChars) {
    return {
      message: msg.markdownParagraphTooLong(paragraph.chars, LIMITS.markdownParagraphChars),
      hint: msg.hintSplitParagraph(),
      line: paragraph.line,
    };
  }
  return undefined;
}

/**
 * Limits that apply to a file's text, checked before it is parsed: its size, how deeply JSON or YAML
 * brackets nest, and for a template (a Markdown file) the Markdown limits. One error, or none.
 */
export function checkSourceText(text: string, file: string, format: SourceFormat): Diagnostic | undefined {
  const bytes = utf8Length(text);
  if (bytes > LIMITS.recordBytes) {
    return {
      level: 'error',
      code: 'too-large',
      file,
      path: '',
      message: msg.recordTooLarge(bytes, LIMITS.recordBytes),
      hint: msg.hintSplitRecord(),
    };
  }
  if (format === 'frontmatter' && bytes > LIMITS.frontmatterBytes) {
    return {
      level: 'error',
      code: 'too-large',
      file,
      path: '',
      message: msg.frontmatterTooLarge(bytes, LIMITS.frontmatterBytes),
      hint: msg.hintUseJson(LIMITS.recordBytes),
    };
  }
  if (format === 'json' || format === 'frontmatter') {
    const offset = bracketDepthExceeded(text, LIMITS.nestingDepth, format === 'json');
    if (offset !== undefined) {
      return {
        level: 'error',
        code: 'too-deep',
        file,
        ...createLineIndex(text)(offset),
        path: '',
        message: msg.nestedTooDeep(LIMITS.nestingDepth),
        hint: msg.hintFlatten(),
      };
    }
    return undefined;
  }
  if (text.length > LIMITS.markdownChars) {
    return {
      level: 'error',
      code: 'too-large',
      file,
      path: '',
      message: msg.markdownTooLong(text.length, LIMITS.markdownChars),
      hint: msg.hintSplitRecord(),
    };
  }
  const problem = markdownProblem(text);
  return problem === undefined
    ? undefined
    : { level: 'error', code: 'too-large', file, line: problem.line, column: 1, path: '', message: problem.message, hint: problem.hint };
}

/** The schema inside optional/nullable wrappers. */
/** A schema without the optional and nullable wrappers around it. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** True for the Markdown string schema (also when re-described: `.describe()` keeps its definition). */
function isMarkdown(schema: z.ZodType): boolean {
  return unwrap(schema)._zod.def === MarkdownSchema._zod.def;
}

const holdsMarkdown = new WeakMap<z.ZodType, boolean>();

/** True when a value of `schema` can contain Markdown (so a 50,000-row history of numbers is not walked). */
function canHoldMarkdown(schema: z.ZodType): boolean {
  const known = holdsMarkdown.get(schema);
  if (known !== undefined) return known;
  const inner = unwrap(schema);
  let result = isMarkdown(schema);
  if (!result && inner instanceof z.ZodArray) result = canHoldMarkdown(inner.element as z.ZodType);
  if (!result && inner instanceof z.ZodObject) result = Object.values(inner.shape).some(canHoldMarkdown);
  holdsMarkdown.set(schema, result);
  return result;
}

/** Every Markdown text of a raw record with its path (fields the schema types as Markdown). */
export function markdownFields(data: unknown, schema: z.ZodType = ExperimentSchema): [FieldPath, string][] {
  const found: [FieldPath, string][] = [];
  const visit = (value: unknown, s: z.ZodType, at: FieldPath): void => {
    if (!canHoldMarkdown(s)) return;
    if (isMarkdown(s)) {
      if (typeof value === 'string') found.push([at, value]);
      return;
    }
    const inner = unwrap(s);
    if (inner instanceof z.ZodArray && Array.isArray(value)) {
      value.forEach((item, index) => visit(item, inner.element as z.ZodType, [...at, index]));
    } else if (inner instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const shape = inner.shape as Record<string, z.ZodType>;
      for (const key of Object.keys(shape)) {
        const child = shape[key];
        if (child !== undefined && Object.hasOwn(value, key)) visit((value as Record<string, unknown>)[key], child, [...at, key]);
      }
    }
  };
  visit(data, schema, []);
  return found;
}

/**
 * Limits on the raw record (before the schema): nesting depth, list and object sizes, history rows,
 * confusion-matrix classes, the id, and the Markdown fields. Every problem found, with its position.
 */
export function checkRecordLimits(parsed: ParsedSource, positionOf: (path: FieldPath) => SourcePosition | undefined): Diagnostic[] {
  const { file, data } = parsed;
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, path: FieldPath, message: string, hint: string): void => {
    diagnostics.push({ level: 'error', code, file, ...positionOf(path), path: joinPath(path), message, hint });
  };

  // Depth and sizes, iteratively (a deep record must not overflow the stack here). Paths are built
  // only for problems: a history has hundreds of thousands of values.
  interface At {
    parent: At | undefined;
    key: string | number;
  }
  const pathOf = (at: At | undefined): FieldPath => {
    const path: (string | number)[] = [];
    for (let a = at; a !== undefined; a = a.parent) path.push(a.key);
    return path.reverse();
  };
  let tooDeep = false;
  const stack: [unknown, At | undefined, number][] = [[data, undefined, 0]];
  while (stack.length > 0) {
    const [value, at, depth] = stack.pop() as [unknown, At | undefined, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= LIMITS.nestingDepth) {
      if (!tooDeep) error('too-deep', pathOf(at), msg.nestedTooDeep(LIMITS.nestingDepth), msg.hintFlatten());
      tooDeep = true;
      continue;
    }
    if (Array.isArray(value)) {
      const isHistory = depth === 2 && at?.key === 'history' && at.parent?.key === 'training' && at.parent.parent === undefined;
      const limit = isHistory ? LIMITS.historyRows : LIMITS.listItems;
      if (value.length > limit)
        error('too-large', pathOf(at), msg.tooManyItems(value.length, limit), isHistory ? msg.hintThinHistory() : msg.hintSplitRecord());
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { parent: at, key: i }, depth + 1]);
    } else {
      const keys = Object.keys(value);
      if (keys.length > LIMITS.objectKeys)
        error('too-large', pathOf(at), msg.tooManyKeys(keys.length, LIMITS.objectKeys), msg.hintSplitRecord());
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push([(value as Record<string, unknown>)[key], { parent: at, key }, depth + 1]);
      }
    }
  }
  if (tooDeep || typeof data !== 'object' || data === null || Array.isArray(data)) return diagnostics;
  const record = data as Record<string, unknown>;

  const id = record['id'];
  if (typeof id === 'string') {
    if (id.length > LIMITS.idLength) error('invalid-id', ['id'], msg.idTooLong(id.length, LIMITS.idLength), msg.hintShortenId());
    else if (FILE_LIKE_ID.test(id)) error('invalid-id', ['id'], msg.idLooksLikeFile(id), msg.hintIdExtension());
  }

  const matrix = (record['evaluation'] as { confusionMatrix?: { labels?: unknown; matrix?: unknown } } | undefined)?.confusionMatrix;
  const classes = Math.max(
    Array.isArray(matrix?.labels) ? matrix.labels.length : 0,
    Array.isArray(matrix?.matrix) ? matrix.matrix.length : 0,
  );
  if (classes > LIMITS.confusionClasses) {
    error('too-large', ['evaluation', 'confusionMatrix'], msg.tooManyClasses(classes, LIMITS.confusionClasses), msg.hintGroupClasses());
  }

  // Each Markdown field is rendered on its own (a template's were also checked as one file before parsing).
  let total = 0;
  for (const [path, text] of markdownFields(record)) {
    total += text.length;
    const problem = markdownProblem(text);
    if (problem !== undefined) error('too-large', path, problem.message, problem.hint);
  }
  if (total > LIMITS.markdownChars) error('too-large', [], msg.markdownTooLong(total, LIMITS.markdownChars), msg.hintSplitRecord());
  return diagnostics;
}
