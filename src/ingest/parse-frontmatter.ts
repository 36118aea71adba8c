/** Markdown with YAML frontmatter: structured fields in the frontmatter, the Markdown body becomes `notes`. */

import { parseDocument } from 'yaml';
import { finishRecord, isPlainObject, stripPlaceholders } from './finish.ts';
import { readWrittenMetrics } from './written-values.ts';
import { aliasedPositions, readWrittenShapes } from './written-shapes.ts';
import * as msg from './messages.ts';
import { createLineIndex } from './text.ts';
import { yamlPositions, yamlWrittenDecimals } from './positions.ts';
import type { ParsedSource, SourcePosition } from './types.ts';

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
  const none = new Map<string, SourcePosition>();
  const fail = (offset: number, message: string, hint?: string): ParsedSource => ({
    file,
    format: 'frontmatter',
    data: undefined,
    positions: none,
    keyPositions: none,
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

  let data: unknown;
  try {
    data = document.contents === null ? {} : document.toJS({ maxAliasCount: 100 });
  } catch (failure) {
    // A "billion laughs": aliases that expand past maxAliasCount values.
    if (failure instanceof ReferenceError && /alias/i.test(failure.message))
      return fail(start, msg.yamlTooManyAliases(), msg.hintYamlAliases());
    throw failure;
  }
  if (!isPlainObject(data)) return fail(start, msg.frontmatterNotMapping(data));
  // Pinned positions: the whole record, and `notes` when it comes from the Markdown body.
  const fixed = new Map<string, SourcePosition>([['', at(0)]]);

  const body = text.slice(bodyStart).replace(/^[ \t]*\r?\n/, '');
  const trimmedBody = body.trim();
  if (trimmedBody !== '') {
    const leading = body.length - body.trimStart().length;
    if (typeof data['notes'] === 'string' && data['notes'].trim() !== '') data['notes'] = `${data['notes'].trim()}\n\n${trimmedBody}`;
    else {
      data['notes'] = trimmedBody;
      fixed.set('notes', at(text.length - body.length + leading));
    }
  }
  const source = yamlPositions(document.contents, (offset) => at(start + offset), fixed);
  const aliases = readWrittenShapes(data);
  const positions = aliasedPositions(source.positions, aliases);
  const keyPositions = aliasedPositions(source.keyPositions, aliases);
  // From the syntax tree, so that the paths are those of the source (placeholders not yet removed from lists).
  // Values written as text (`87.3%`, `±0.7%`) are read before placeholders leave lists, so their paths are the source's too.
  const writtenDecimals = { ...yamlWrittenDecimals(document.contents, yamlText), ...readWrittenMetrics(data) };
  const placeholders = stripPlaceholders(data);
  const diagnostics = finishRecord(data, { file, placeholders, idPosition: positions.get('id'), writtenDecimals });
  return { file, format: 'frontmatter', data, positions, keyPositions, diagnostics };
}
