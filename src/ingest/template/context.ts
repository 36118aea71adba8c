/** What every label reader of the template parser works with: the entry it reads and the record it writes. */

import type { Code, List, Nodes, RootContent, Table } from 'mdast';
import { pastedTableOf, tableOf, type Source, type TableData } from '../markdown-blocks.ts';
import type { RecordBuilder } from '../record-builder.ts';
import type { FieldPath, SourcePosition } from '../types.ts';

/** A labelled entry of a section: the label line and the blocks written under it. */
export interface Entry {
  label: string;
  /** The label normalized for matching (lower case, no punctuation, no parenthesised aside). */
  norm: string;
  qualifier: string;
  value: string;
  position: SourcePosition;
  blocks: RootContent[];
  /** An item of a list of settings (`- batch size: 32` under `## Setup`): a value no label rule reads is a hyperparameter, text too. */
  setting?: boolean;
  /** Opened by a heading (`## Fairness`, `### Confusion matrix`): the prose under it is a note of its own, not a value written for the label. */
  heading?: boolean;
}

/** The record being built, the source it is read from, and the blocks already read into it. */
export interface Context {
  b: RecordBuilder;
  source: Source;
  consumed: Set<Nodes>;
  /**
   * Settings written as labels of their own in the model section (`**Learning rate**: 2e-4`), added
   * to the hyperparameters after every section is read, so a hyperparameter table anywhere keeps them.
   */
  settings?: { name: string; value: number | boolean | string | null; position: SourcePosition }[];
  /** The document's `#` title as written, known before its sections are read (which column of a table is this experiment). */
  title?: string;
  /** The heading of the section being read, as written (`Compared to baseline (exp-09)`); none above the first. */
  section?: string | undefined;
  /** Reads that depend on the whole record (what other sections give), run in order once every section is read. */
  afterSections?: (() => void)[];
}

/** Reads one labelled entry into the record. */
export type Handler = (entry: Entry, ctx: Context) => void;

/** A label rule: entries whose normalized label matches `pattern` are read by `handler` into `path` (and fields next to it). */
export interface LabelRule {
  readonly pattern: RegExp;
  /** The field the rule fills (for a reader of several fields, the main one or their parent). */
  readonly path: FieldPath;
  readonly handler: Handler;
}

/**
 * A table rule: a table with no label line above it whose header row (cells normalized with
 * `normalizeLabel` and joined with " | ") matches `pattern` is read as if `label` were written above it.
 */
export interface TableRule {
  readonly pattern: RegExp;
  readonly label: string;
}

/** The first block of a type under an entry (marked as consumed). */
export function blockOf<T extends RootContent['type']>(entry: Entry, ctx: Context, type: T): Extract<RootContent, { type: T }> | undefined {
  const block = entry.blocks.find((node) => node.type === type && !ctx.consumed.has(node));
  if (block) ctx.consumed.add(block);
  return block as Extract<RootContent, { type: T }> | undefined;
}

/**
 * The first table under an entry (marked as consumed): a Markdown table, or a code block that holds
 * one (`pastedTableOf`: a pasted CSV, a table drawn in text), with its cells.
 */
export function tableBlockOf(entry: Entry, ctx: Context): { block: Table | Code; table: TableData } | undefined {
  for (const node of entry.blocks) {
    if (ctx.consumed.has(node)) continue;
    const table = node.type === 'table' ? tableOf(ctx.source, node) : node.type === 'code' ? pastedTableOf(ctx.source, node) : undefined;
    if (table === undefined || (node.type !== 'table' && node.type !== 'code')) continue;
    ctx.consumed.add(node);
    return { block: node, table };
  }
  return undefined;
}

/** The first list under an entry that nothing has read yet, without taking it. */
export function unreadList(entry: Entry, ctx: Context): List | undefined {
  return entry.blocks.find((node): node is List => node.type === 'list' && !ctx.consumed.has(node));
}

/** The first code block under an entry, not read yet, that `read` reads, with what it read (the block is not marked consumed). */
export function firstCodeRead<T>(entry: Entry, ctx: Context, read: (code: Code) => T | undefined): { node: Code; value: T } | undefined {
  for (const node of entry.blocks) {
    if (node.type !== 'code' || ctx.consumed.has(node)) continue;
    const value = read(node);
    if (value !== undefined) return { node, value };
  }
  return undefined;
}

/** Every block of a type under an entry (marked as consumed). */
export function blocksOf<T extends RootContent['type']>(entry: Entry, ctx: Context, type: T): Extract<RootContent, { type: T }>[] {
  const blocks = entry.blocks.filter((node) => node.type === type && !ctx.consumed.has(node));
  for (const block of blocks) ctx.consumed.add(block);
  return blocks as Extract<RootContent, { type: T }>[];
}

/**
 * The test metrics read so far, each as its name and value (a name that is no text is ''), in
 * order: what later readers of the record compare their own tables with.
 */
export function testMetricsSoFar(ctx: Context): { metric: string; value: unknown }[] {
  const written = ctx.b.get(['evaluation', 'testMetrics']);
  return (Array.isArray(written) ? (written as unknown[]) : []).map((m) => {
    const { metric, value } = m !== null && typeof m === 'object' ? (m as { metric?: unknown; value?: unknown }) : {};
    return { metric: typeof metric === 'string' ? metric : '', value };
  });
}
