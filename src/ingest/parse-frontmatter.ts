/** Markdown with YAML frontmatter: structured fields in the frontmatter, the Markdown body becomes `notes`. */

import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { finishRecord, isPlainObject, stripPlaceholders, writtenDecimalsOf } from './finish.ts';
import * as msg from './messages.ts';
import { createLineIndex } from './text.ts';
import { joinPath, type FieldPath, type ParsedSource, type SourcePosition } from './types.ts';

/** True when a Markdown file starts with a `---` frontmatter fence. */
export function hasFrontmatter(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/.test(text);
}

/**
 * Parses `---\nyaml\n---\nmarkdown`. Frontmatter keys are exactly the JSON record's keys; a non-empty
 * body is appended to `notes`. Bad YAML yields `data: undefined` and one `yaml-syntax` error at its line:column.
 */
export function parseFrontmatterSource(text: string, file: string): ParsedSource {
  const at = createLineIndex(text);
  const positions = new Map<string, SourcePosition>();
  const keyPositions = new Map<string, SourcePosition>();
  const fail = (offset: number, message: string, hint?: string): ParsedSource => ({
    file,
    format: 'frontmatter',
    data: undefined,
    positions,
    keyPositions,
    diagnostics: [{ level: 'error', code: 'yaml-syntax', file, ...at(offset), path: '', message, ...(hint ? { hint } : {}) }],
  });

  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  const start = open ? open[0].length : 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(start));
  if (!close) return fail(0, msg.frontmatterUnclosed(), msg.hintCloseFrontmatter());
  const yamlText = text.slice(start, start + close.index);
  const bodyStart = start + close.index + close[0].length;

  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) return fail(start + error.pos[0], msg.yamlSyntax(error.message.split('\n')[0] ?? error.message));

  const data: unknown = document.contents === null ? {} : document.toJS({ maxAliasCount: 100 });
  if (!isPlainObject(data)) return fail(start, msg.frontmatterNotMapping(data));
  positions.set('', at(0));
  const literals = new Map<string, string>();
  if (document.contents)
    recordPositions(document.contents, [], {
      at: (offset) => at(start + offset),
      positions,
      keyPositions,
      literal: (path, range) => literals.set(path, yamlText.slice(range[0], range[1])),
    });

  const body = text.slice(bodyStart).replace(/^[ \t]*\r?\n/, '');
  const trimmedBody = body.trim();
  if (trimmedBody !== '') {
    const leading = body.length - body.trimStart().length;
    if (typeof data['notes'] === 'string' && data['notes'].trim() !== '') data['notes'] = `${data['notes'].trim()}\n\n${trimmedBody}`;
    else {
      data['notes'] = trimmedBody;
      positions.set('notes', at(text.length - body.length + leading));
    }
  }
  // Before placeholders are removed from lists, so that the paths are those of the source.
  const writtenDecimals = writtenDecimalsOf(data, (path) => literals.get(path));
  const placeholders = stripPlaceholders(data);
  const diagnostics = finishRecord(data, { file, placeholders, idPosition: positions.get('id'), writtenDecimals });
  return { file, format: 'frontmatter', data, positions, keyPositions, diagnostics };
}

interface Walk {
  at: (offset: number) => SourcePosition;
  positions: Map<string, SourcePosition>;
  keyPositions: Map<string, SourcePosition>;
  /** Receives the source range of every number scalar, to keep its text. */
  literal: (path: string, range: readonly [number, number]) => void;
}

/** Records where every field path's value (and key) starts, and the source text of every number. */
function recordPositions(node: unknown, path: FieldPath, walk: Walk): void {
  if (isScalar(node) && typeof node.value === 'number' && node.range) {
    walk.literal(joinPath(path), [node.range[0], node.range[1]]);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const keyNode = pair.key as YamlNode;
      const childPath = [...path, key];
      if (keyNode.range) walk.keyPositions.set(joinPath(childPath), walk.at(keyNode.range[0]));
      const value = pair.value as YamlNode | null;
      const offset = value?.range?.[0] ?? keyNode.range?.[0];
      if (offset !== undefined) walk.positions.set(joinPath(childPath), walk.at(offset));
      recordPositions(value, childPath, walk);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const range = (item as YamlNode | null)?.range;
      if (range) walk.positions.set(joinPath([...path, index]), walk.at(range[0]));
      recordPositions(item, [...path, index], walk);
    });
  }
}
