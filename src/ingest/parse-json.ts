/** JSON records: parsed with jsonc-parser so every field path maps to a line:column. */

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { finishRecord, isPlainObject, stripPlaceholders } from './finish.ts';
import * as msg from './messages.ts';
import { createLineIndex } from './text.ts';
import { setOwn } from '../util/own.ts';
import { jsonPositions, jsonWrittenDecimals } from './positions.ts';
import { aliasedDecimals, aliasedPositions, readWrittenShapes } from './written-shapes.ts';
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
export function parseJsonDocument(text: string, file: string): ParsedSource & { root: Node | undefined } {
  const at = createLineIndex(text);
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
  return { file, format: 'json', data: plainValue(text, root), positions, keyPositions, root, diagnostics: [] };
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
  const positions = aliasedPositions(document.positions, aliases);
  const parsed = { ...document, positions, keyPositions: aliasedPositions(document.keyPositions, aliases) };
  // From the syntax tree, so that the paths are those of the source (placeholders not yet removed from lists).
  const writtenDecimals = aliasedDecimals(jsonWrittenDecimals(root, text), aliases);
  const placeholders = stripPlaceholders(data);
  const diagnostics = finishRecord(data, { file, placeholders, idPosition: positions.get('id'), writtenDecimals });
  return { ...parsed, diagnostics };
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
