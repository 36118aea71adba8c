import type { Cell, FieldItem } from './blocks.ts';
import { formatUnknown, formatValue, humanize } from './format.ts';
import { isLinkLike, isStorageUri, safeHref } from './urls.ts';
import { escapeHtml, renderInlineMarkdown } from './markdown.ts';
import { isPlainObject } from '../util/own.ts';

/**
 * Helpers that turn record values into cells, so every section builder presents values, links and
 * placeholders the same way.
 */

export const NOT_FILLED: Cell = { text: 'not filled', placeholder: true, title: 'Left as a template placeholder' };

/** Context for one record: which of its field paths were unfilled placeholders. */
export interface FieldContext {
  placeholders: ReadonlySet<string>;
}

/**
 * Markdown a person plainly meant in a field or cell: `**bold**` set off from the words around it,
 * `` `code` ``, `[text](https://…)`, and a list on the lines after the text (sub-points kept with their
 * item). Only these pieces become markup; everything else is shown as written, escaped
 * (`x**2 + y**2`, a glob's `**` between slashes, `2*3*4`, `__init__.py`, `[1e-5, 1e-2](log)`).
 */
const MEANT_PIECE = /`([^`\n]+)`|(?<![\w/*])\*\*([^*\s](?:[^*\n]*[^*\s])?)\*\*(?![\w/*])|\[([^\]\n]+)\]\((https?:\/\/[^()\s]+)\)/g;
const LIST_LINE = /^[ \t]*(?:([-*+])|(\d+)[.)])[ \t]+(\S.*)$/;

/** One line's meant pieces as markup, the rest escaped; undefined when it has none. */
function meantInline(text: string): string | undefined {
  let html = '';
  let at = 0;
  let found = false;
  for (const match of text.matchAll(MEANT_PIECE)) {
    const [whole, code, bold, linkText, url] = match;
    const href = url === undefined ? undefined : safeHref(url);
    if (code === undefined && bold === undefined && href === undefined) continue;
    html += escapeHtml(text.slice(at, match.index));
    html +=
      code !== undefined
        ? `<code>${escapeHtml(code)}</code>`
        : bold !== undefined
          ? `<strong>${escapeHtml(bold)}</strong>`
          : `<a href="${escapeHtml(href ?? '')}">${escapeHtml(linkText ?? '')}</a>`;
    at = match.index + whole.length;
    found = true;
  }
  return found ? html + escapeHtml(text.slice(at)) : undefined;
}

/**
 * A value's meant Markdown as HTML (see `MEANT_PIECE`): its paragraphs and, where a paragraph's every
 * line is a list item, that list; undefined when the value holds none of it.
 */
export function meantMarkdown(value: string): string | undefined {
  const blocks = value.split(/\n[ \t]*\n/).map((block) => block.split('\n').filter((line) => line.trim() !== ''));
  const lists = blocks.map((lines) => lines.length > 0 && lines.every((line) => LIST_LINE.test(line)));
  const multi = blocks.filter((lines) => lines.length > 0).length > 1;
  if (!lists.some(Boolean) || (!multi && !lists[0])) {
    if (value.includes('\n')) return undefined;
    return meantInline(value);
  }
  return blocks
    .map((lines, index) => {
      if (lines.length === 0) return '';
      if (!lists[index]) return `<p>${lines.map((line) => meantInline(line.trim()) ?? escapeHtml(line.trim())).join('<br>')}</p>`;
      const ordered = LIST_LINE.exec(lines[0] ?? '')?.[2] !== undefined;
      const items = lines.map((line) => {
        const text = LIST_LINE.exec(line)?.[3] ?? line.trim();
        return `<li>${meantInline(text) ?? escapeHtml(text)}</li>`;
      });
      return ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`;
    })
    .join('');
}

/**
 * A text value: a link for a web URL, copyable text for a storage location (`s3://…`), the Markdown a
 * person plainly meant (`meantMarkdown`) as markup, plain text otherwise.
 */
export function textCell(value: string): Cell {
  if (isLinkLike(value)) {
    const href = safeHref(value);
    return href ? { text: value, href } : { text: value };
  }
  if (isStorageUri(value)) return { text: value, copy: true };
  const html = meantMarkdown(value);
  return html === undefined ? { text: value } : { text: value, html };
}

/** A Markdown value rendered inline (sanitized). */
export function markdownCell(value: string): Cell {
  return { text: value, html: renderInlineMarkdown(value) };
}

/** A number as written. */
export function numberCell(value: number | null | undefined, suffix = '', decimals?: number): Cell {
  const text = formatValue(value, decimals);
  return { text: value === null || value === undefined ? text : `${text}${suffix}`, numeric: true };
}

/** Any value of unknown shape. */
export function unknownCell(value: unknown): Cell {
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return numberCell(value);
  return { text: formatUnknown(value) };
}

/**
 * A labelled field: the value when present, "not filled" when `path` was a placeholder, and
 * nothing (the field is left out) when it is simply absent.
 */
export function field(
  ctx: FieldContext,
  label: string,
  path: string,
  value: unknown,
  toCell: (v: never) => Cell | Cell[] = unknownCell,
): FieldItem | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    return ctx.placeholders.has(path) ? { label, value: NOT_FILLED } : undefined;
  }
  return { label, value: toCell(value as never) };
}

/** Drops absent fields. */
export function present<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((x): x is T => x !== undefined);
}

/** Keys of `obj` that `known` does not list, in the object's order. */
export function unknownKeys(obj: object | undefined, known: readonly string[]): string[] {
  if (!obj) return [];
  const set = new Set(known);
  return Object.keys(obj).filter((k) => !set.has(k));
}

/** How deep `otherFields` spells out nested objects; anything deeper is one line of JSON. */
const NESTED_DEPTH = 4;

/**
 * One unmodelled value as fields: an object as a field per key (`Cost breakdown › GPU hours`), to
 * `NESTED_DEPTH` levels; a list of plain values as that list; anything else as one cell.
 */
function nestedFields(label: string, value: unknown, depth: number): FieldItem[] {
  if (isPlainObject(value) && Object.keys(value).length > 0 && depth < NESTED_DEPTH)
    return Object.keys(value).flatMap((key) => nestedFields(`${label} › ${humanize(key)}`, value[key], depth + 1));
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v === null || typeof v !== 'object'))
    return [{ label, value: value.map(unknownCell) }];
  return [{ label, value: unknownCell(value) }];
}

/** Fields for keys the schema does not model, so nothing in a record is lost; nested objects a field per key. */
export function otherFields(obj: object | undefined, known: readonly string[], prefix = ''): FieldItem[] {
  if (!obj) return [];
  const record = obj as Record<string, unknown>;
  return unknownKeys(obj, known).flatMap((key) => nestedFields(prefix ? `${prefix} › ${humanize(key)}` : humanize(key), record[key], 0));
}

/** Placeholder paths under a section, e.g. every `dataset.*` path. */
export function placeholdersUnder(ctx: FieldContext, prefix: string): string[] {
  return [...ctx.placeholders].filter((p) => p === prefix || p.startsWith(`${prefix}.`)).sort();
}
