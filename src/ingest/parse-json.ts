/** JSON records: parsed with jsonc-parser so every field path maps to a line:column. */

import { findNodeAtOffset, getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { finishRecord, isPlainObject, stripPlaceholders } from './finish.ts';
import * as msg from './messages.ts';
import { createLineIndex } from './text.ts';
import { setOwn } from '../util/own.ts';
import { BARE_NON_FINITE, QUOTED_NON_FINITE, rewriteValues } from '../util/json-values.ts';
import { jsonPositions, jsonWrittenDecimals } from './positions.ts';
import { aliasedDecimals, aliasedPositions, readWrittenShapes } from './written-shapes.ts';
import { readWrittenClaims } from './written-claims.ts';
import { readWrittenValues } from './written-values.ts';
import type { ParsedSource } from './types.ts';

const PROBLEMS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the record',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid Unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/**
 * Parses a JSON document with the line:column of every field (a syntax error yields `data: undefined`
 * and one `json-syntax` error at its line:column). Records and the config file both start here.
 */
export function parseJsonDocument(written: string, file: string): ParsedSource & { root: Node | undefined } {
  // Python's `json.dump` writes `NaN` and `Infinity` for floats that are no numbers (a diverged loss):
  // read as null (missing), each with a warning at its place in the file.
  const { text, replaced, originalOffset } = nonFiniteAsNull(written);
  const atWritten = createLineIndex(written);
  const at = replaced.length === 0 ? atWritten : (offset: number) => atWritten(originalOffset(offset));
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const { positions, keyPositions } = jsonPositions(root, at);
  const first = errors[0];
  if (first || !root) {
    return {
      file,
      format: 'json',
      data: undefined,
      positions,
      keyPositions,
      root: undefined,
      diagnostics: [
        {
          level: 'error',
          code: 'json-syntax',
          file,
          ...at(first?.offset ?? 0),
          path: '',
          message: msg.jsonSyntax(first ? (PROBLEMS[printParseErrorCode(first.error)] ?? 'unexpected input') : 'the file is empty'),
        },
      ],
    };
  }
  const data = plainValue(text, root);
  const diagnostics = replaced.flatMap(({ token, offset }, k) => {
    // Its place in the read text: each `NaN` before it added a character.
    const node = findNodeAtOffset(root, offset + replaced.slice(0, k).filter((r) => r.token === 'NaN').length);
    const path = node === undefined ? [] : getNodePath(node);
    if (token.startsWith('"') && (isImportNonFiniteValue(path) || !MEASURED_SECTIONS.has(String(path[0])))) {
      // Text outside the measured sections (a tag "nan", a run named "NaN", a hyperparameter kept as
      // "inf"), and an importer's own note of the value it wrote as null: text, as written.
      setAtPath(data, path, JSON.parse(token) as string);
      return [];
    }
    return [
      {
        level: 'warning' as const,
        code: 'json-not-a-number',
        file,
        ...atWritten(offset),
        path: path.join('.'),
        message: msg.jsonNonFinite(token),
        hint: msg.hintJsonNonFinite(),
      },
    ];
  });
  return { file, format: 'json', data, positions, keyPositions, root, diagnostics };
}

/**
 * The sections whose quoted `"nan"`/`"inf"` is a number that is not one (a diverged loss written by
 * pandas or a logger): training history, test metrics, comparisons and tuning scores. Elsewhere the
 * same text is text.
 */
const MEASURED_SECTIONS: ReadonlySet<string> = new Set(['training', 'evaluation', 'comparison', 'tuning']);

/** `import.nonFinite[n].value`, where importers name a metric value JSON cannot hold (`"NaN"`, `"Infinity"`, `"-Infinity"`). */
function isImportNonFiniteValue(path: readonly (string | number)[]): boolean {
  return path.length === 4 && path[0] === 'import' && path[1] === 'nonFinite' && typeof path[2] === 'number' && path[3] === 'value';
}

/** Sets the value at `path` of a parsed document, when it is there (a repeated key keeps only its last value). */
function setAtPath(data: unknown, path: readonly (string | number)[], value: unknown): void {
  let parent: unknown = data;
  for (const key of path.slice(0, -1))
    parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
  const last = path[path.length - 1];
  if (typeof parent === 'object' && parent !== null && last !== undefined) setOwn(parent as Record<string, unknown>, String(last), value);
}

/**
 * `text` with each non-finite number Python writes replaced by `null` (an `Infinity` padded to its
 * length with spaces; a `NaN` one character longer), where each was written, and the offset in
 * `text` of an offset in the result.
 */
export function nonFiniteAsNull(text: string): {
  text: string;
  replaced: { token: string; offset: number }[];
  originalOffset: (offset: number) => number;
} {
  const replaced: { token: string; offset: number }[] = [];
  // Most records hold none: the scan below runs only on a text with such a token (not on `"infrastructure"`).
  if (!/NaN|Infinity|"(?:nan|NAN|-?(?:inf|Inf|INF|infinity))"/.test(text)) return { text, replaced, originalOffset: (offset) => offset };
  const out = rewriteValues(text, (written, i) => {
    BARE_NON_FINITE.lastIndex = i;
    const token = BARE_NON_FINITE.exec(written)?.[0];
    if (token) {
      replaced.push({ token, offset: i });
      return { length: token.length, by: token === 'NaN' ? 'null' : 'null'.padEnd(token.length, ' ') };
    }
    QUOTED_NON_FINITE.lastIndex = i;
    const quoted = QUOTED_NON_FINITE.exec(written)?.[0];
    // A key named so (`{"a": 1, "nan": 2}`) is no value.
    if (!quoted || /^\s*:/.test(written.slice(i + quoted.length, i + quoted.length + 16))) return undefined;
    // As long as null and a space or more: no offset moves.
    replaced.push({ token: quoted, offset: i });
    return { length: quoted.length, by: 'null'.padEnd(quoted.length, ' ') };
  });
  // Each `NaN` became one character longer: an offset after it lies that much further on.
  const grown = replaced.filter(({ token }) => token === 'NaN').map(({ offset }, k) => offset + k + 4);
  return {
    text: out,
    replaced,
    originalOffset: (offset) => offset - grown.filter((end) => end <= offset).length,
  };
}

/**
 * The plain value of a document the syntax tree holds without errors: `JSON.parse` builds the same
 * value (`__proto__` as an own key, the last of a repeated key in the first one's place) several
 * times faster. Both follow RFC 8259, so `JSON.parse` should take whatever parsed without errors; if
 * it ever refuses such text, the value is built from the tree as before.
 */
function plainValue(text: string, root: Node): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return toValue(root);
  }
}

/** Parses a JSON record. A syntax error yields `data: undefined` and one `json-syntax` error at its line:column. */
export function parseJsonSource(text: string, file: string): ParsedSource {
  const { root, ...document } = parseJsonDocument(text, file);
  const { data } = document;
  if (!isPlainObject(data)) return document;
  const aliases = readWrittenShapes(data);
  for (const [path, from] of readWrittenClaims(data)) aliases.set(path, from);
  const positions = aliasedPositions(document.positions, aliases);
  const parsed = { ...document, positions, keyPositions: aliasedPositions(document.keyPositions, aliases) };
  // From the syntax tree, so that the paths are those of the source (placeholders not yet removed from lists).
  // Numbers written as text (`"87.3%"`, `"±0.7%"`) are read as in frontmatter, before placeholders
  // leave lists; a status or a date stays as written (the schema lists what an editor accepts).
  const writtenDecimals = { ...aliasedDecimals(jsonWrittenDecimals(root, text), aliases), ...readWrittenValues(data, { words: false }) };
  const placeholders = stripPlaceholders(data);
  const diagnostics = finishRecord(data, { file, placeholders, idPosition: positions.get('id'), writtenDecimals });
  return { ...parsed, diagnostics: [...document.diagnostics, ...diagnostics] };
}

/** Builds the plain value of a node. */
function toValue(node: Node): unknown {
  if (node.type === 'object') {
    // A null-prototype object would surprise consumers; `__proto__` keys are kept as own data properties instead.
    const object: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      setOwn(object, keyNode.value, valueNode ? toValue(valueNode) : null);
    }
    return object;
  }
  if (node.type === 'array') return (node.children ?? []).map(toValue);
  return node.value as unknown;
}
