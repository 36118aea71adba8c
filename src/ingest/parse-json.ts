/** JSON records: parsed with jsonc-parser so every field path maps to a line:column. */

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { finishRecord, isPlainObject, stripPlaceholders, writtenDecimalsOf } from './finish.ts';
import * as msg from './messages.ts';
import { createLineIndex } from './text.ts';
import { joinPath, type FieldPath, type ParsedSource, type SourcePosition } from './types.ts';

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
export function parseJsonDocument(text: string, file: string): ParsedSource & { literals: ReadonlyMap<string, string> } {
  const at = createLineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const positions = new Map<string, SourcePosition>();
  const keyPositions = new Map<string, SourcePosition>();
  const first = errors[0];
  if (first || !root) {
    return {
      file,
      format: 'json',
      data: undefined,
      positions,
      keyPositions,
      literals: new Map(),
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
  const literals = new Map<string, string>();
  const data = toValue(root, [], {
    at,
    positions,
    keyPositions,
    literal: (path, node) => literals.set(path, text.slice(node.offset, node.offset + node.length)),
  });
  return { file, format: 'json', data, positions, keyPositions, diagnostics: [], literals };
}

/** Parses a JSON record. A syntax error yields `data: undefined` and one `json-syntax` error at its line:column. */
export function parseJsonSource(text: string, file: string): ParsedSource {
  const { literals, ...parsed } = parseJsonDocument(text, file);
  const { data, positions } = parsed;
  if (!isPlainObject(data)) return parsed;
  // Before placeholders are removed from lists, so that the paths are those of the source.
  const writtenDecimals = writtenDecimalsOf(data, (path) => literals.get(path));
  const placeholders = stripPlaceholders(data);
  const diagnostics = finishRecord(data, { file, placeholders, idPosition: positions.get('id'), writtenDecimals });
  return { ...parsed, diagnostics };
}

interface Walk {
  at: (offset: number) => SourcePosition;
  positions: Map<string, SourcePosition>;
  keyPositions: Map<string, SourcePosition>;
  /** Receives the node of every number, to keep its source text. */
  literal: (path: string, node: Node) => void;
}

/** Builds the plain value of a node, recording where each field path starts. */
function toValue(node: Node, path: FieldPath, walk: Walk): unknown {
  walk.positions.set(joinPath(path), walk.at(node.offset));
  if (node.type === 'object') {
    // A null-prototype object would surprise consumers; `__proto__` keys are kept as own data properties instead.
    const object: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      walk.keyPositions.set(joinPath([...path, key]), walk.at(keyNode.offset));
      Object.defineProperty(object, key, {
        value: valueNode ? toValue(valueNode, [...path, key], walk) : null,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  if (node.type === 'array') return (node.children ?? []).map((child, index) => toValue(child, [...path, index], walk));
  if (node.type === 'number') walk.literal(joinPath(path), node);
  return node.value as unknown;
}
