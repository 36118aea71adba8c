/** Readers shared by the sections: text fields, lists, `Key: value` lists, and labels no rule claims. */

import type { List } from 'mdast';
import {
  codeOf,
  itemMarkdown,
  itemsOf,
  splitKeyValue,
  startOf,
  stripEmphasis,
  tableOf,
  type Item,
  type Source,
  withList,
} from '../markdown-blocks.ts';
import { isNotYetWritten, isPlaceholder } from '../placeholder.ts';
import { normalizeLabel, toCamelCase } from '../text.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { blockOf, type Context, type Entry, type Handler, type LabelRule } from './context.ts';
import { z } from 'zod';
import { ExperimentSchema } from '../../schema/index.ts';
import { unwrap } from '../limits.ts';

/** Whether the record's schema types `path` as what text cannot be (an object, a list, a number). */
function holdsNoText(path: FieldPath): boolean {
  let schema: z.ZodType = ExperimentSchema;
  for (const key of path) {
    const inner = unwrap(schema);
    const field = inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType | undefined>)[String(key)] : undefined;
    if (field === undefined) return false;
    schema = field;
  }
  return !schema.safeParse('text').success;
}

/** Sets a text field from the entry's value (or, when the value is empty, its code block). */
export function textField(path: FieldPath, convert?: (text: string) => unknown): Handler {
  return (entry, ctx) => {
    if (entry.value === '') {
      const code = blockOf(entry, ctx, 'code');
      if (code) ctx.b.text(path, codeOf(code).text, codeOf(code).position, convert);
      return;
    }
    ctx.b.text(path, entry.value, entry.position, convert);
  };
}

/** A label rule that reads the entry's value into a text field (converted by `convert`). */
export function textRule(pattern: RegExp, path: FieldPath, convert?: (text: string) => unknown): LabelRule {
  return { pattern, path, handler: textField(path, convert) };
}

/** Sets a list-of-Markdown field from the entry's list (placeholder-only items are dropped and listed). */
export function markdownList(path: FieldPath): Handler {
  return (entry, ctx) => {
    const list = blockOf(entry, ctx, 'list');
    if (!list) {
      if (entry.value !== '') {
        if (isPlaceholder(entry.value)) ctx.b.placeholder(path, entry.position);
        else ctx.b.set(path, [entry.value], entry.position);
      }
      return;
    }
    setItems(path, itemsOf(ctx.source, list), ctx, (item) => itemMarkdown(ctx.source, item));
  };
}

/** A label rule that reads the entry's list into a list-of-Markdown field. */
export function listRule(pattern: RegExp, path: FieldPath): LabelRule {
  return { pattern, path, handler: markdownList(path) };
}

/** Sets an array from list items; items whose text is a placeholder are dropped and listed as `path.index`. */
export function setItems(path: FieldPath, items: readonly Item[], ctx: Context, read: (item: Item, index: number) => unknown): void {
  const values: unknown[] = [];
  items.forEach((item, index) => {
    if (item.text === '' && !item.nested) return;
    // `- TBD` under `**What Worked Well**:`: an item not written yet.
    if (isPlaceholder(item.text) || (isNotYetWritten(stripEmphasis(item.text)) && !item.nested)) {
      ctx.b.placeholder([...path, index], item.position);
      return;
    }
    ctx.b.mark([...path, values.length], item.position);
    values.push(read(item, index));
  });
  if (values.length > 0) ctx.b.set(path, values, items[0]?.position);
}

/** A `Key: value` list item with where its value starts. */
export interface KeyValueItem {
  key: string;
  norm: string;
  value: string;
  position: SourcePosition;
  item: Item;
  index: number;
}

/** A rule for `Key: value` list items: items whose normalized key matches `pattern` are read by `read` into `path`. */
export interface ItemRule {
  readonly pattern: RegExp;
  readonly path: FieldPath;
  readonly read: (item: KeyValueItem, ctx: Context) => void;
}

/** The `Key: value` items of the entry's list (which it consumes); items without a key have key ''. */
export function keyValueItems(entry: Entry, ctx: Context): KeyValueItem[] {
  const list = blockOf(entry, ctx, 'list');
  return list ? keyValueItemsOf(ctx.source, list) : [];
}

/** A list's items split at their `Key:`, each positioned at its value; items without a key have key ''. */
export function keyValueItemsOf(source: Source, list: List): KeyValueItem[] {
  return itemsOf(source, list).map((item, index) => {
    const split = splitKeyValue(item.text);
    if (!split) return { key: '', norm: '', value: item.text, position: item.position, item, index };
    return {
      key: split.key,
      norm: normalizeLabel(split.key),
      value: split.value,
      position: { line: item.position.line, column: item.position.column + split.valueOffset },
      item,
      index,
    };
  });
}

/** The first item rule whose pattern matches a normalized key, or undefined. */
export function findItemRule(norm: string, rules: readonly ItemRule[]): ItemRule | undefined {
  return rules.find(({ pattern }) => pattern.test(norm));
}

/** Applies `Key: value` items to fields by the first matching rule; unmatched keys go to `path.<camelCaseKey>`. */
export function keyValueFields(path: FieldPath, rules: readonly ItemRule[]): Handler {
  return (entry, ctx) => {
    for (const item of keyValueItems(entry, ctx)) {
      const rule = findItemRule(item.norm, rules);
      if (rule) rule.read(item, ctx);
      else if (item.key !== '' && item.item.nested) itemList([...path, toCamelCase(item.key) || item.key])(item, ctx);
      else if (item.key !== '') ctx.b.text([...path, toCamelCase(item.key) || item.key], item.value, item.position);
      else ctx.b.text([...path, 'notes'], item.value, item.position);
    }
  };
}

/**
 * Sets `path` from a `Key: value` item's value. A value its converter cannot read whole but can
 * read before an aside (`Epochs: 10 (early stopped at 7)`, `Epochs: 10; early stopping 3`) is that
 * value, the aside kept beside it as `<field>Note` (an aside after a comma or semicolon only when it
 * has words: `10, 20, 30` is a list, left for the validator to report).
 */
export function itemText(path: FieldPath, convert?: (text: string) => unknown): (item: KeyValueItem, ctx: Context) => void {
  return (item, ctx) => {
    const aside = convert === undefined ? undefined : valueWithAside(item.value, convert);
    if (aside === undefined) {
      ctx.b.text(path, item.value, item.position, convert);
      return;
    }
    ctx.b.set(path, aside.value, item.position);
    ctx.b.set([...path.slice(0, -1), `${String(path.at(-1))}Note`], aside.note, item.position);
  };
}

/** `10 (early stopped at 7)` → 10 and its aside, when `convert` reads the part before it but not the whole. */
function valueWithAside(text: string, convert: (text: string) => unknown): { value: unknown; note: string } | undefined {
  const trimmed = stripEmphasis(text.trim());
  if (trimmed === '' || isPlaceholder(trimmed) || convert(trimmed) !== undefined) return undefined;
  // A comma between digits is a decimal comma (`61,2 kg`), not the start of an aside.
  const match = /^(.*?)\s*(?:\(([^()]+)\)|(?:;|,(?!\d)|(?<!\d),)\s*(.*[A-Za-z].*))\s*\.?$/.exec(trimmed);
  const head = match?.[1]?.trim();
  const note = (match?.[2] ?? match?.[3])?.trim().replace(/\.$/, '');
  if (head === undefined || head === '' || note === undefined || note === '') return undefined;
  const value = convert(head);
  return value === undefined ? undefined : { value, note };
}

/** An item rule that reads the item's value into a text field (converted by `convert`). */
export function itemRule(pattern: RegExp, path: FieldPath, convert?: (text: string) => unknown): ItemRule {
  return { pattern, path, read: itemText(path, convert) };
}

/** Sets a list field from a `Key: value` item: its nested list, or its value as one item. */
export function itemList(path: FieldPath): (item: KeyValueItem, ctx: Context) => void {
  return (item, ctx) => {
    if (item.item.nested) {
      setItems(path, itemsOf(ctx.source, item.item.nested), ctx, (sub) => itemMarkdown(ctx.source, sub));
      return;
    }
    if (item.value === '') return;
    if (isPlaceholder(item.value)) ctx.b.placeholder(path, item.position);
    else ctx.b.set(path, [item.value], item.position);
  };
}

/** Turns a labelled entry into a `Key: value` item so list rules can serve labels too. */
function asItem(entry: Entry): KeyValueItem {
  const item: Item = {
    text: entry.value,
    position: entry.position,
    checked: null,
    nested: undefined,
    node: { type: 'listItem', children: [] },
  };
  return { key: entry.label, norm: entry.norm, value: entry.value, position: entry.position, item, index: 0 };
}

/** The item rules as label rules, in the same order, so each item can also be written as a label of its own. */
export function asLabelRules(rules: readonly ItemRule[]): LabelRule[] {
  return rules.map(({ pattern, path, read }) => ({ pattern, path, handler: (entry, ctx) => read(asItem(entry), ctx) }));
}

/** `Name: value` items → a map keyed by the name as written (values converted by `convert`). */
export function mapHandler(path: FieldPath, convert?: (text: string) => unknown): Handler {
  return (entry, ctx) => {
    // On the label's line (`Seed: 7`, `**Environment**: Python 3.11`): one entry named by the label.
    if (entry.value !== '') ctx.b.text([...path, entry.label], entry.value, entry.position, convert);
    for (const item of keyValueItems(entry, ctx)) {
      if (item.key === '') {
        if (item.value !== '') ctx.b.text([...path, item.value], item.value, item.position, convert);
        continue;
      }
      ctx.b.text([...path, item.key], item.value, item.position, convert);
    }
  };
}

/**
 * The key an unknown label is kept under: its words in camel case (`Training notes` →
 * `trainingNotes`, shown as "Training notes"), or the label as written when its words alone would
 * garble it (`Per-class AP@0.5`, `Latency p95/p50`, `Größe`, `AP per class`: symbols, letters and acronyms a camel-case key drops or lower-cases).
 * Either way without the parenthesised aside, which is kept beside it.
 */
export function unknownLabelKey(label: string): string {
  const written = label
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[.:]$/, '');
  // `AP per class`, `mAP by IoU`: an acronym a camel-case key would lower-case (`Ap per class`).
  const acronym = /[A-Z][A-Za-z]*[A-Z]/.test(written.replace(/\b[A-Z][a-z]+\b/g, ''));
  return acronym || /[^A-Za-z0-9\s_-]/.test(written) ? written : toCamelCase(label) || 'field';
}

/** The key of the note kept beside field `key`: `<key>Note`, or `<key> (note)` beside a label kept as written. */
export function noteKey(key: string): string {
  return /^[A-Za-z0-9]+$/.test(key) ? `${key}Note` : `${key} (note)`;
}

/** Keeps an unknown label under `<section>.<unknownLabelKey>`: text, a list of strings, table rows or code. */
export function keepUnknown(entry: Entry, sectionPath: FieldPath, ctx: Context): void {
  const key = unknownLabelKey(entry.label);
  // `Training: 4 epochs on 1 GPU` above the sections: text where the record holds an object (the
  // training a `## Training` section fills) would be replaced by it or refused; kept beside it.
  const path = holdsNoText([...sectionPath, key]) ? [...sectionPath, noteKey(key)] : [...sectionPath, key];
  // `**Cold days** (daily mean below −10 °C, 23 days in 2024):` over a table: the aside says what the
  // table holds, and the key cannot (it is the label's words only); kept beside it as `<key>Note`.
  const aside = entry.qualifier.trim();
  const keepAside = (): void => {
    if (aside !== '') ctx.b.text([...path.slice(0, -1), noteKey(String(path.at(-1) ?? key))], aside, entry.position);
  };
  if (entry.value !== '') {
    // `- **Over-segmentation** (8 volumes): vessels as lesion` over a numbered list of causes: the
    // list is part of what the label says, not prose cut off from it.
    const list = entry.blocks[0]?.type === 'list' ? entry.blocks[0] : undefined;
    if (list !== undefined) ctx.consumed.add(list);
    ctx.b.text(path, list === undefined ? entry.value : withList(ctx.source, entry.value, list), entry.position);
    keepAside();
    return;
  }
  if (entry.blocks[0] !== undefined) keepAside();
  const block = entry.blocks[0];
  if (!block) return;
  if (block.type === 'list') {
    ctx.consumed.add(block);
    setItems(path, itemsOf(ctx.source, block), ctx, (item) => itemMarkdown(ctx.source, item));
  } else if (block.type === 'table') {
    ctx.consumed.add(block);
    const table = tableOf(ctx.source, block);
    const rows = table.rows.map((row) => Object.fromEntries(table.header.map((head, i) => [head.text, row[i]?.text ?? ''])));
    ctx.b.set(path, rows, startOf(block));
  } else if (block.type === 'code') {
    ctx.consumed.add(block);
    ctx.b.text(path, codeOf(block).text, codeOf(block).position);
  }
}
