import type { Cell, FieldItem } from './blocks.ts';
import { formatUnknown, formatValue, humanize } from './format.ts';
import { isLinkLike, isStorageUri, safeHref } from './urls.ts';
import { renderInlineMarkdown } from './markdown.ts';

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
 * Markdown a person plainly meant in a field or cell: `**bold**`, `` `code` ``, `[text](url)`, a list
 * on the lines after the text (sub-points kept with their item). Only these render; anything else
 * stays as written (`lr*2*batch`, `model_v2_final`, a lone `*`).
 */
const MEANT_MARKDOWN = /\*\*[^*\s](?:[^*\n]*[^*\s])?\*\*|`[^`\n]+`|\[[^\]\n]+\]\([^()\s]+\)|\n[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S/;

/**
 * A text value: a link for a web URL, copyable text for a storage location (`s3://…`), rendered
 * (sanitized) when it holds Markdown a person plainly meant (`MEANT_MARKDOWN`), plain text otherwise.
 */
export function textCell(value: string): Cell {
  if (isLinkLike(value)) {
    const href = safeHref(value);
    return href ? { text: value, href } : { text: value };
  }
  if (isStorageUri(value)) return { text: value, copy: true };
  if (MEANT_MARKDOWN.test(value)) return markdownCell(value);
  return { text: value };
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
