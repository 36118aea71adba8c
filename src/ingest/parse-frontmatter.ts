/**
 * Markdown with YAML frontmatter: structured fields in the frontmatter; the Markdown body becomes
 * `notes`, or, written as the template's sections, is read as the template for what the frontmatter
 * does not give.
 */

import { parseDocument } from 'yaml';
import { finishRecord, isPlainObject, stripPlaceholders } from './finish.ts';
import { readWrittenValues } from './written-values.ts';
import { aliasedDecimals, aliasedPositions, readWrittenShapes } from './written-shapes.ts';
import { readWrittenClaims } from './written-claims.ts';
import * as msg from './messages.ts';
import { createLineIndex } from './text.ts';
import { yamlPositions, yamlWrittenDecimals } from './positions.ts';
import type { Diagnostic, ParsedSource, PositionLookup, SourcePosition } from './types.ts';
import { parseTemplateSource } from './template/parse.ts';
import { classifySection } from './template/sections.ts';
import { setOwn } from '../util/own.ts';

/** True when a Markdown file starts with a `---` frontmatter fence. */
export function hasFrontmatter(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/.test(text);
}

/**
 * Parses `---\nyaml\n---\nmarkdown`. Frontmatter keys are exactly the JSON record's keys. A body with
 * one of the template's `##` sections fills, read as the template (at its own lines), every field the
 * frontmatter does not give — a field both give keeps the frontmatter's value, with a `given-twice`
 * warning; any other non-empty body is appended to `notes`. Bad YAML yields `data: undefined` and one `yaml-syntax` error at its line:column.
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

  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, merge: true });
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
  const notANumber = yamlNonFinite(data, text, yamlPositions(document.contents, (offset) => at(start + offset), new Map()).positions, file);
  // Pinned positions: the whole record, and `notes` when it comes from the Markdown body.
  const fixed = new Map<string, SourcePosition>([['', at(0)]]);

  const body = text.slice(bodyStart).replace(/^[ \t]*\r?\n/, '');
  const trimmedBody = body.trim();
  // A body written as the template's sections (`## Evaluation Results` and its table) is read as the
  // template is, for every field the frontmatter does not give; the frontmatter wins where both do.
  const fromBody = readsAsTemplate(body)
    ? parseTemplateSource(text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart), file, { body: true })
    : undefined;
  const bodyDiagnostics: Diagnostic[] = [];
  let bodyDecimals: Record<string, number> = {};
  let bodyPlaceholders: string[] = [];
  /** Where the body's `#` heading is, when it became the record's title (see below). */
  let bodyTitleAt: SourcePosition | undefined;
  if (fromBody !== undefined && isPlainObject(fromBody.data)) {
    const read = fromBody.data;
    // The body's id, when it has none, is the file name: the frontmatter's finish gives that again.
    const namedById = !fromBody.diagnostics.some((d) => d.code === 'missing-id');
    bodyDecimals = isPlainObject(read['writtenDecimals']) ? (read['writtenDecimals'] as Record<string, number>) : {};
    bodyPlaceholders = Array.isArray(read['placeholders']) ? read['placeholders'].filter((p): p is string => typeof p === 'string') : [];
    for (const key of ['writtenDecimals', 'placeholders', ...(namedById ? [] : ['id'])]) delete read[key];
    // `# LightGBM PD model v4` over a body whose frontmatter names the run `LightGBM PD model v4 —
    // bureau + open banking features`: the body's heading is the record's title, not a second name.
    const headingAt = fromBody.positions.get('name');
    if (
      typeof data['name'] === 'string' &&
      typeof read['name'] === 'string' &&
      read['name'] !== data['name'] &&
      data['title'] === undefined &&
      read['title'] === undefined &&
      headingAt !== undefined &&
      /^#\s/.test(text.split('\n')[headingAt.line - 1] ?? '')
    ) {
      read['title'] = read['name'];
      delete read['name'];
      bodyTitleAt = headingAt;
    }
    for (const path of fillMissing(data, read, [])) {
      // The body's value is not dropped: it stays beside the frontmatter's, as `<field>InBody`, shown on the page.
      const keys = path.split('.');
      const last = keys.pop() ?? '';
      const bodyValue = keys.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), read);
      const holder = keys.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), data);
      const kept = isPlainObject(bodyValue) && isPlainObject(holder) && !Object.hasOwn(holder, `${last}InBody`);
      if (kept) setOwn(holder, `${last}InBody`, bodyValue[last]);
      bodyDiagnostics.push({
        level: 'warning',
        code: 'given-twice',
        file,
        ...(fromBody.positions.get(path) ?? {}),
        path,
        message: msg.givenTwice(kept ? `${last}InBody` : undefined),
        hint: msg.hintGivenTwice(),
      });
    }
    for (const d of fromBody.diagnostics) if (d.code !== 'missing-id') bodyDiagnostics.push(d);
  } else if (trimmedBody !== '') {
    const leading = body.length - body.trimStart().length;
    if (typeof data['notes'] === 'string' && data['notes'].trim() !== '') data['notes'] = `${data['notes'].trim()}\n\n${trimmedBody}`;
    else {
      data['notes'] = trimmedBody;
      fixed.set('notes', at(text.length - body.length + leading));
    }
  }
  const source = yamlPositions(document.contents, (offset) => at(start + offset), fixed);
  const aliases = readWrittenShapes(data);
  for (const [path, from] of readWrittenClaims(data)) aliases.set(path, from);
  const bodyPositions: PositionLookup | undefined =
    fromBody === undefined ? undefined : { get: (path) => (path === 'title' ? bodyTitleAt : undefined) ?? fromBody.positions.get(path) };
  const positions = orElse(aliasedPositions(source.positions, aliases), bodyPositions);
  const keyPositions = orElse(aliasedPositions(source.keyPositions, aliases), fromBody?.keyPositions);
  // From the syntax tree, so that the paths are those of the source (placeholders not yet removed from lists).
  // Values written as text (`87.3%`, `±0.7%`) are read before placeholders leave lists, so their paths are the source's too.
  const writtenDecimals = {
    ...bodyDecimals,
    ...aliasedDecimals(yamlWrittenDecimals(document.contents, yamlText), aliases),
    ...readWrittenValues(data),
  };
  const placeholders = [...stripPlaceholders(data), ...bodyPlaceholders];
  const diagnostics = [
    ...notANumber,
    ...finishRecord(data, { file, placeholders, idPosition: positions.get('id'), writtenDecimals }),
    ...bodyDiagnostics,
  ];
  return { file, format: 'frontmatter', data, positions, keyPositions, diagnostics };
}

/** Whether a body has a `##` heading that names one of the template's sections (`## Evaluation Results`). */
function readsAsTemplate(body: string): boolean {
  return (
    /^#{2,3}[ \t]+\S/m.test(body) &&
    [...body.matchAll(/^#{2,3}[ \t]+(.+?)[ \t#]*$/gm)].some((m) => classifySection(m[1] ?? '') !== undefined)
  );
}

/**
 * Copies into `target` what `source` gives and `target` does not, object by object; returns the paths
 * both give with different values (the target's is kept).
 */
function fillMissing(target: Record<string, unknown>, source: Record<string, unknown>, path: string[]): string[] {
  const conflicts: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (!Object.hasOwn(target, key) || target[key] === undefined || target[key] === null) setOwn(target, key, value);
    else if (isPlainObject(target[key]) && isPlainObject(value)) conflicts.push(...fillMissing(target[key], value, [...path, key]));
    else if (JSON.stringify(target[key]) !== JSON.stringify(value)) conflicts.push([...path, key].join('.'));
  }
  return conflicts;
}

/** Positions from `first`, else from `second`. */
function orElse(first: PositionLookup, second: PositionLookup | undefined): PositionLookup {
  return second === undefined ? first : { get: (path) => first.get(path) ?? second.get(path) };
}

/**
 * YAML's `.nan`, `.inf` and `-.inf` (as `yaml.dump` writes a float that is no number, such as a
 * diverged loss): each set to null (a value not measured), with a warning at its place. A number
 * too large to store (`1e309`) is no such spelling and stays, for validation to report.
 */
function yamlNonFinite(data: unknown, text: string, positions: PositionLookup, file: string): Diagnostic[] {
  const lines = text.split('\n');
  const found: Diagnostic[] = [];
  const visit = (value: unknown, path: string[], set: (v: unknown) => void): void => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      const at = positions.get(path.join('.'));
      const written = at === undefined ? undefined : /^[-+]?\.(?:nan|inf)\b/i.exec((lines[at.line - 1] ?? '').slice(at.column - 1))?.[0];
      if (at === undefined || written === undefined) return;
      set(null);
      found.push({
        level: 'warning',
        code: 'yaml-not-a-number',
        file,
        ...at,
        path: path.join('.'),
        message: msg.notANumber(written),
        hint: msg.hintNotANumber(),
      });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, String(index)], (v) => (value[index] = v)));
    else if (isPlainObject(value)) for (const key of Object.keys(value)) visit(value[key], [...path, key], (v) => (value[key] = v));
  };
  visit(data, [], () => undefined);
  return found;
}
