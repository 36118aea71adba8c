/**
 * The filled-in ML Experiment Tracking Log template (v1.0) → raw record.
 *
 * The Markdown is parsed into mdast (remark-parse + remark-gfm), split into `##` sections, and each
 * section into labelled entries (`**Label**: value`, followed by any list, table or code block).
 * Sections and labels are matched leniently (case, punctuation, extra words). Unknown labels are kept in
 * their section under a camelCase key; unknown sections, and prose no label claims, are kept in
 * `sections` as Markdown, in order. Every value records the line:column it was read from.
 */

import type { Nodes, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';
import { finishRecord, isPlainObject } from './finish.ts';
import {
  codeOf,
  createSource,
  innerSliceOf,
  isBold,
  itemsOf,
  linesOf,
  readLabelLine,
  sliceOf,
  splitKeyValue,
  startOf,
  stripEmphasis,
  tableOf,
  type Cell,
  type Item,
  type Source,
  type TableData,
} from './markdown-blocks.ts';
import { isPlaceholder } from './placeholder.ts';
import { RecordBuilder } from './record-builder.ts';
import { setOwn } from '../util/own.ts';
import { normalizeLabel, toCamelCase } from './text.ts';
import type { FieldPath, ParsedSource, SourcePosition } from './types.ts';
import {
  parseConfidenceInterval,
  parseCount,
  parseDurationHours,
  parseEarlyStopping,
  parseGpuCount,
  parseGpuHours,
  parseMassKg,
  parseMetricCell,
  parseNumber,
  parsePercent,
  parseScalar,
} from './units.ts';

/** The known sections of the template; `header` is everything before the first `##`. */
type SectionKey =
  | 'header'
  | 'overview'
  | 'dataset'
  | 'model'
  | 'training'
  | 'evaluation'
  | 'comparison'
  | 'tuning'
  | 'reproducibility'
  | 'observations'
  | 'nextSteps'
  | 'metadata';

/** Heading keywords → section, first match wins (so "Comparison to Baseline" is not "model"). */
const SECTION_RULES: readonly (readonly [SectionKey, RegExp])[] = [
  ['overview', /\boverview\b/],
  ['comparison', /\bbaselines?\b|\bcompar/],
  ['tuning', /\btuning\b|\bhyperparameter (search|optimi)/],
  ['reproducibility', /\bartifacts?\b|\breproduc/],
  ['observations', /\bobservations?\b|\binsights?\b|\blearnings\b/],
  ['nextSteps', /\bnext steps?\b|\bdeployment\b|\brecommendations?\b/],
  ['metadata', /\bmetadata\b/],
  ['evaluation', /\bevaluation\b|\btest (set|results?)\b/],
  ['training', /\btraining\b/],
  ['dataset', /\bdata(set)?s?\b/],
  ['model', /\bmodel\b/],
];

/** Where unknown labels of a section are kept. */
const SECTION_PATH: Readonly<Record<SectionKey, FieldPath>> = {
  header: [],
  overview: ['overview'],
  dataset: ['dataset'],
  model: ['model'],
  training: ['training'],
  evaluation: ['evaluation'],
  comparison: ['comparison'],
  tuning: ['tuning'],
  reproducibility: ['reproducibility'],
  observations: ['observations'],
  nextSteps: ['nextSteps'],
  metadata: [],
};

/** A labelled entry of a section: the label line and the blocks written under it. */
interface Entry {
  label: string;
  /** The label normalized for matching (lower case, no punctuation, no parenthesised aside). */
  norm: string;
  qualifier: string;
  value: string;
  position: SourcePosition;
  blocks: RootContent[];
}

interface Context {
  b: RecordBuilder;
  source: Source;
  consumed: Set<Nodes>;
}

type Handler = (entry: Entry, ctx: Context) => void;

/** Parses a filled-in template. Never fails: text it cannot place is kept in `sections`. */
export function parseTemplateSource(text: string, file: string): ParsedSource {
  const source = createSource(text);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  const b = new RecordBuilder();
  b.positions.set('', { line: 1, column: 1 });
  const ctx: Context = { b, source, consumed: new Set() };
  const narrative: { title: string; markdown: string; position: SourcePosition }[] = [];

  for (const section of splitSections(source, tree.children)) {
    const key = section.title === undefined ? 'header' : classifySection(section.title);
    if (key === undefined) {
      const markdown = sectionMarkdown(source, section.nodes);
      if (markdown !== '') narrative.push({ title: section.title ?? '', markdown, position: section.position });
      continue;
    }
    const { entries, prose } = readEntries(source, section.nodes);
    const leftover = [...prose];
    for (const entry of entries) {
      applyEntry(entry, key, ctx);
      for (const block of entry.blocks) {
        if (!ctx.consumed.has(block)) leftover.push({ markdown: sliceOf(source, block), order: block.position?.start.offset ?? 0 });
      }
    }
    if (leftover.length > 0) {
      const markdown = leftover
        .sort((x, y) => x.order - y.order)
        .map((part) => part.markdown.trim())
        .filter((part) => part !== '' && !/^-{3,}$/.test(part))
        .join('\n\n');
      if (markdown !== '') narrative.push({ title: section.title ?? 'Notes', markdown, position: section.position });
    }
  }
  narrative.forEach((section, index) => {
    b.set(['sections', index], { title: section.title, markdown: section.markdown }, section.position);
  });

  const title = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (title && !b.has(['title'])) {
    const titleText = innerSliceOf(source, title).trim();
    if (titleText !== '' && normalizeLabel(titleText) !== 'ml experiment tracking log') b.set(['title'], titleText, startOf(title));
  }

  const diagnostics = finishRecord(b.data, { file, placeholders: b.placeholders, idPosition: b.positions.get('id') });
  return { file, format: 'template', data: b.data, positions: b.positions, keyPositions: new Map(), diagnostics };
}

// ── sections and entries ───────────────────────────────────────────────────

interface Section {
  /** Heading text; undefined for the part before the first `##`. */
  title: string | undefined;
  position: SourcePosition;
  nodes: RootContent[];
}

/** Splits the document at `##` headings; `#` titles are skipped, deeper headings stay inside. */
function splitSections(source: Source, nodes: readonly RootContent[]): Section[] {
  const sections: Section[] = [{ title: undefined, position: { line: 1, column: 1 }, nodes: [] }];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 2) sections.push({ title: innerSliceOf(source, node).trim(), position: startOf(node), nodes: [] });
      continue;
    }
    sections.at(-1)?.nodes.push(node);
  }
  return sections;
}

/** The known section a heading names, or undefined. */
function classifySection(title: string): SectionKey | undefined {
  const norm = normalizeLabel(stripEmphasis(title));
  return SECTION_RULES.find(([, pattern]) => pattern.test(norm))?.[0];
}

/** The Markdown of an unknown section, without the `---` rules that separate sections. */
function sectionMarkdown(source: Source, nodes: readonly RootContent[]): string {
  return nodes
    .filter((node) => node.type !== 'thematicBreak')
    .map((node) => sliceOf(source, node).trim())
    .filter((part) => part !== '')
    .join('\n\n');
}

/** Splits a section into labelled entries, and prose lines no label claims. */
function readEntries(source: Source, nodes: readonly RootContent[]): { entries: Entry[]; prose: { markdown: string; order: number }[] } {
  const entries: Entry[] = [];
  const prose: { markdown: string; order: number }[] = [];
  let current: Entry | undefined;
  const open = (label: string, qualifier: string, value: string, position: SourcePosition): Entry => {
    const entry: Entry = { label, norm: normalizeLabel(label), qualifier, value, position, blocks: [] };
    entries.push(entry);
    return entry;
  };
  for (const node of nodes) {
    if (node.type === 'thematicBreak' || node.type === 'definition') continue;
    if (node.type === 'heading') {
      const heading = innerSliceOf(source, node).trim();
      const aside = /\(([^)]*)\)\s*:?\s*$/.exec(heading);
      current = open(stripEmphasis(heading.replace(/\([^)]*\)\s*:?\s*$/, '').replace(/:$/, '')), aside?.[1] ?? '', '', startOf(node));
      continue;
    }
    if (node.type !== 'paragraph') {
      if (current) current.blocks.push(node);
      else prose.push({ markdown: sliceOf(source, node), order: node.position?.start.offset ?? 0 });
      continue;
    }
    // A paragraph right after a label with no value is that label's value; otherwise it is prose.
    let target: Entry | undefined = current && current.value === '' && current.blocks.length === 0 ? current : undefined;
    const proseLines: string[] = [];
    for (const { text, line } of linesOf(source, node)) {
      const label = readLabelLine(text, line);
      if (label) {
        target = open(label.label, label.qualifier, label.value, label.value === '' ? label.labelPosition : label.valuePosition);
        current = target;
      } else if (target) {
        if (target.value === '') target.position = { line, column: text.length - text.trimStart().length + 1 };
        target.value = target.value === '' ? text.trim() : `${target.value}\n${text.trim()}`;
      } else {
        proseLines.push(text);
      }
    }
    if (proseLines.length > 0) prose.push({ markdown: proseLines.join('\n'), order: node.position?.start.offset ?? 0 });
  }
  return { entries, prose };
}

/** Dispatches an entry to the handler its label names, or keeps it as an unknown label. */
function applyEntry(entry: Entry, section: SectionKey, ctx: Context): void {
  const handler =
    SECTION_HANDLERS[section].find(([pattern]) => pattern.test(entry.norm))?.[1] ??
    GLOBAL_HANDLERS.find(([pattern]) => pattern.test(entry.norm))?.[1];
  if (handler) handler(entry, ctx);
  else keepUnknown(entry, SECTION_PATH[section], ctx);
}

// ── generic helpers ────────────────────────────────────────────────────────

/** The first block of a type under an entry (marked as consumed). */
function blockOf<T extends RootContent['type']>(entry: Entry, ctx: Context, type: T): Extract<RootContent, { type: T }> | undefined {
  const block = entry.blocks.find((node) => node.type === type && !ctx.consumed.has(node));
  if (block) ctx.consumed.add(block);
  return block as Extract<RootContent, { type: T }> | undefined;
}

/** Every block of a type under an entry (marked as consumed). */
function blocksOf<T extends RootContent['type']>(entry: Entry, ctx: Context, type: T): Extract<RootContent, { type: T }>[] {
  const blocks = entry.blocks.filter((node) => node.type === type && !ctx.consumed.has(node));
  for (const block of blocks) ctx.consumed.add(block);
  return blocks as Extract<RootContent, { type: T }>[];
}

/** Sets a text field from the entry's value (or, when the value is empty, its code block). */
function textField(path: FieldPath, convert?: (text: string) => unknown): Handler {
  return (entry, ctx) => {
    if (entry.value === '') {
      const code = blockOf(entry, ctx, 'code');
      if (code) ctx.b.text(path, codeOf(code).text, codeOf(code).position, convert);
      return;
    }
    ctx.b.text(path, entry.value, entry.position, convert);
  };
}

/** Sets a list-of-Markdown field from the entry's list (placeholder-only items are dropped and listed). */
function markdownList(path: FieldPath): Handler {
  return (entry, ctx) => {
    const list = blockOf(entry, ctx, 'list');
    if (!list) {
      if (entry.value !== '') {
        if (isPlaceholder(entry.value)) ctx.b.placeholder(path, entry.position);
        else ctx.b.set(path, [entry.value], entry.position);
      }
      return;
    }
    setItems(path, itemsOf(ctx.source, list), ctx, (item) => item.text);
  };
}

/** Sets an array from list items; items whose text is a placeholder are dropped and listed as `path.index`. */
function setItems(path: FieldPath, items: readonly Item[], ctx: Context, read: (item: Item, index: number) => unknown): void {
  const values: unknown[] = [];
  items.forEach((item, index) => {
    if (item.text === '' && !item.nested) return;
    if (isPlaceholder(item.text)) {
      ctx.b.placeholder([...path, index], item.position);
      return;
    }
    ctx.b.mark([...path, values.length], item.position);
    values.push(read(item, index));
  });
  if (values.length > 0) ctx.b.set(path, values, items[0]?.position);
}

/** A `Key: value` list item with where its value starts. */
interface KeyValueItem {
  key: string;
  norm: string;
  value: string;
  position: SourcePosition;
  item: Item;
  index: number;
}

/** The `Key: value` items of the entry's list; items without a key have key ''. */
function keyValueItems(entry: Entry, ctx: Context): KeyValueItem[] {
  const list = blockOf(entry, ctx, 'list');
  if (!list) return [];
  return itemsOf(ctx.source, list).map((item, index) => {
    const split = splitKeyValue(item.text);
    if (!split) return { key: '', norm: '', value: item.text, position: item.position, item, index };
    const firstLineOffset = split.valueOffset;
    return {
      key: split.key,
      norm: normalizeLabel(split.key),
      value: split.value,
      position: { line: item.position.line, column: item.position.column + firstLineOffset },
      item,
      index,
    };
  });
}

/** Applies `Key: value` items to fields by key pattern; unmatched keys go to `path.<camelCaseKey>`. */
function keyValueFields(path: FieldPath, rules: readonly (readonly [RegExp, (item: KeyValueItem, ctx: Context) => void])[]): Handler {
  return (entry, ctx) => {
    for (const item of keyValueItems(entry, ctx)) {
      const rule = rules.find(([pattern]) => pattern.test(item.norm));
      if (rule) rule[1](item, ctx);
      else if (item.key !== '' && item.item.nested) itemList([...path, toCamelCase(item.key) || item.key])(item, ctx);
      else if (item.key !== '') ctx.b.text([...path, toCamelCase(item.key) || item.key], item.value, item.position);
      else ctx.b.text([...path, 'notes'], item.value, item.position);
    }
  };
}

/** Sets `path` from a `Key: value` item's value. */
function itemText(path: FieldPath, convert?: (text: string) => unknown): (item: KeyValueItem, ctx: Context) => void {
  return (item, ctx) => ctx.b.text(path, item.value, item.position, convert);
}

/** Sets a list field from a `Key: value` item: its nested list, or its value as one item. */
function itemList(path: FieldPath): (item: KeyValueItem, ctx: Context) => void {
  return (item, ctx) => {
    if (item.item.nested) {
      setItems(path, itemsOf(ctx.source, item.item.nested), ctx, (sub) => sub.text);
      return;
    }
    if (item.value === '') return;
    if (isPlaceholder(item.value)) ctx.b.placeholder(path, item.position);
    else ctx.b.set(path, [item.value], item.position);
  };
}

/** Keeps an unknown label under `<section>.<camelCaseLabel>`: text, a list of strings, table rows or code. */
function keepUnknown(entry: Entry, sectionPath: FieldPath, ctx: Context): void {
  const path = [...sectionPath, toCamelCase(entry.label) || 'field'];
  if (entry.value !== '') {
    ctx.b.text(path, entry.value, entry.position);
    return;
  }
  const block = entry.blocks[0];
  if (!block) return;
  if (block.type === 'list') {
    ctx.consumed.add(block);
    setItems(path, itemsOf(ctx.source, block), ctx, (item) => item.text);
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

/** Finds a table column by header pattern; returns -1 when none matches. */
function column(table: TableData, pattern: RegExp, exclude: readonly number[] = []): number {
  return table.header.findIndex((cell, index) => !exclude.includes(index) && pattern.test(normalizeLabel(stripEmphasis(cell.text))));
}

/** Reads a number cell: a number, or the text as written when it is not one (validation reports it). */
function numberCell(cell: Cell | undefined, read: (text: string) => number | undefined = parseNumber): number | string | undefined {
  if (!cell) return undefined;
  const text = stripEmphasis(cell.text);
  if (text === '') return undefined;
  return read(text) ?? text;
}

/** Reads a metric cell: number, null for `-`/empty, or the text as written. */
function metricCell(cell: Cell | undefined): number | null | string {
  const text = stripEmphasis(cell?.text ?? '');
  const parsed = parseMetricCell(text);
  return parsed ? parsed.value : text;
}

// ── header and metadata ────────────────────────────────────────────────────

/** Lower-cases a status written in any case (`Completed` → `completed`). */
function readStatus(text: string): string {
  const lower = stripEmphasis(text).toLowerCase();
  return ['planned', 'running', 'completed', 'failed', 'cancelled'].includes(lower) ? lower : stripEmphasis(text);
}

/** `Key: value` tags list → `tags`. */
const tagsHandler: Handler = (entry, ctx) => {
  for (const item of keyValueItems(entry, ctx)) {
    const key = item.key === '' ? item.value : item.key;
    if (key === '') continue;
    if (item.key === '') {
      if (isPlaceholder(item.value)) ctx.b.placeholder(['tags', item.index], item.position);
      else ctx.b.set(['tags', key], '', item.position);
    } else ctx.b.text(['tags', key], item.value, item.position);
  }
  if (entry.value !== '' && !isPlaceholder(entry.value)) {
    for (const tag of entry.value
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '')) {
      const split = splitKeyValue(tag);
      ctx.b.set(['tags', split?.key ?? tag], split?.value ?? '', entry.position);
    }
  } else if (isPlaceholder(entry.value)) ctx.b.placeholder(['tags'], entry.position);
};

/** Ids in a `Related:` value: comma- or space-separated, Markdown links reduced to their text. */
function readIds(text: string): string[] {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/[,;\s]+/)
    .map((id) => id.trim().replace(/^`|`$/g, ''))
    .filter((id) => id !== '' && !/^(none|n\/a|-)$/i.test(id));
}

/** `- Parent: exp-1` / `- Related: exp-2, exp-3` → `lineage`. */
const lineageHandler: Handler = (entry, ctx) => {
  for (const item of keyValueItems(entry, ctx)) {
    if (/parent/.test(item.norm)) ctx.b.text(['lineage', 'parent'], item.value, item.position, (t) => readIds(t)[0]);
    else if (/related|sibling|see also/.test(item.norm)) {
      if (isPlaceholder(item.value)) ctx.b.placeholder(['lineage', 'related'], item.position);
      else {
        const ids = readIds(item.value);
        if (ids.length > 0) ctx.b.set(['lineage', 'related'], ids, item.position);
      }
    } else if (item.key !== '') ctx.b.text(['lineage', toCamelCase(item.key)], item.value, item.position);
  }
};

/** Labels recognised in every section (the header, the metadata section, the template footer). */
const GLOBAL_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/^(experiment )?id$|^experiment identifier$|^run id$/, textField(['id'])],
  [/^(experiment )?name$|^experiment title$/, textField(['name'])],
  [/completion date|completed( on)?$|end date|date completed|finished( on)?$/, textField(['completionDate'])],
  [/^(start )?date$|^date started$|^started( on)?$/, textField(['date'])],
  [/experimenter|^author|^owner|researcher/, textField(['experimenter'])],
  [/tracking platform|tracking tool|^tracker$|^platform$/, textField(['trackingPlatform'])],
  [/^status$/, textField(['status'], readStatus)],
  [/template version/, textField(['templateVersion'])],
  [/^based on/, textField(['basedOn'])],
  [/review/, textField(['reviewerNotes'])],
  [/mlflow.*(url|link)/, textField(['trackers', 'mlflowUrl'])],
  [/mlflow/, textField(['trackers', 'mlflowRunId'])],
  [/weights and biases|\bw and b\b|wandb/, textField(['trackers', 'wandbRun'])],
  [/neptune/, textField(['trackers', 'neptuneRun'])],
  [/comet/, textField(['trackers', 'cometExperiment'])],
  [/^tags?$|^labels$/, tagsHandler],
  [/related experiments?|lineage/, lineageHandler],
  [/^parent/, textField(['lineage', 'parent'], (t) => readIds(t)[0])],
];

// ── overview ───────────────────────────────────────────────────────────────

const OVERVIEW_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/objective|goal|aim|purpose/, textField(['overview', 'objective'])],
  [/hypothes/, textField(['overview', 'hypothesis'])],
  [/success/, textField(['overview', 'successCriteria'])],
];

// ── dataset ────────────────────────────────────────────────────────────────

/** `1M records, 125 features` → records and features; anything else also keeps `sizeText`. */
const datasetSizeHandler: Handler = (entry, ctx) => {
  if (entry.value === '') return;
  if (isPlaceholder(entry.value)) {
    ctx.b.placeholder(['dataset', 'records'], entry.position);
    return;
  }
  let understood = true;
  for (const part of entry.value.split(/,|;|\band\b|\bx\b|×/)) {
    const match = /^\s*(\S+)\s+(records?|rows?|samples?|examples?|instances?|features?|columns?|cols?)\s*$/i.exec(part);
    const count = match?.[1] ? parseCount(match[1]) : undefined;
    if (!match?.[2] || count === undefined) {
      if (part.trim() !== '') understood = false;
      continue;
    }
    const key = /^(features?|columns?|cols?)$/i.test(match[2]) ? 'features' : 'records';
    ctx.b.set(['dataset', key], count, entry.position);
  }
  if (!understood) ctx.b.set(['dataset', 'sizeText'], entry.value, entry.position);
};

/** `Training: 70% (700K records)` → `{ name, fraction, records }`. */
function readSplit(name: string, value: string): Record<string, unknown> {
  const split: Record<string, unknown> = { name };
  const percent = /([+-]?\d+(?:\.\d+)?)\s*%/.exec(value);
  if (percent?.[0]) split['fraction'] = parsePercent(percent[0]);
  else {
    const fraction = /^(0?\.\d+|1(?:\.0+)?|0)\b/.exec(value.trim());
    if (fraction?.[1]) split['fraction'] = parseNumber(fraction[1]);
  }
  const records = /(\d[\d,.]*\s*[kKmMbB]?)\s*(?:records?|rows?|samples?|examples?|instances?)/.exec(value);
  if (records?.[1]) split['records'] = parseCount(records[1].replace(/\s+/g, '')) ?? records[1];
  if (split['fraction'] === undefined && split['records'] === undefined && value !== '') split['text'] = value;
  return split;
}

/** The Train/Val/Test Split list: splits plus split strategy and random seed. */
const splitsHandler: Handler = (entry, ctx) => {
  const splits: Record<string, unknown>[] = [];
  let first: SourcePosition | undefined;
  for (const item of keyValueItems(entry, ctx)) {
    if (/strategy|method/.test(item.norm)) ctx.b.text(['dataset', 'splitStrategy'], item.value, item.position);
    else if (/seed/.test(item.norm)) ctx.b.text(['dataset', 'randomSeed'], item.value, item.position, parseNumber);
    else if (item.key === '') ctx.b.text(['dataset', 'splitNotes'], item.value, item.position);
    else if (isPlaceholder(item.value)) ctx.b.placeholder(['dataset', 'splits', splits.length], item.position);
    else {
      first ??= item.item.position;
      ctx.b.mark(['dataset', 'splits', splits.length], item.item.position);
      ctx.b.mark(['dataset', 'splits', splits.length, 'fraction'], item.position);
      ctx.b.mark(['dataset', 'splits', splits.length, 'records'], item.position);
      splits.push(readSplit(item.key, item.value));
    }
  }
  if (splits.length > 0) ctx.b.set(['dataset', 'splits'], splits, first);
};

/** Numbered preprocessing steps. */
const preprocessingHandler: Handler = (entry, ctx) => markdownList(['dataset', 'preprocessing'])(entry, ctx);

const DATASET_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/split strategy|splitting strategy/, textField(['dataset', 'splitStrategy'])],
  [/seed/, textField(['dataset', 'randomSeed'], parseNumber)],
  [/split/, splitsHandler],
  [/preprocess|processing|cleaning|transform/, preprocessingHandler],
  [/version/, textField(['dataset', 'version'])],
  [/location|path|uri|url|source|storage/, textField(['dataset', 'location'])],
  [/size|records|rows/, datasetSizeHandler],
  [/^(number of )?features$|feature count/, textField(['dataset', 'features'], parseCount)],
  [/name/, textField(['dataset', 'name'])],
];

// ── model ──────────────────────────────────────────────────────────────────

/** A search space as written: `[0.0001, 0.01]` range, `[16, 32, 64]` choice, otherwise text. */
export function parseSearchSpace(text: string): Record<string, unknown> | undefined {
  const trimmed = stripEmphasis(text);
  if (trimmed === '' || /^(-|—|n\/a|none|fixed)$/i.test(trimmed)) return undefined;
  const scale = /\blog/i.test(trimmed) ? { scale: 'log' } : {};
  const bracketed = /^(?:[a-z_-]*)\s*[[({]\s*(.*?)\s*[\])}]$/i.exec(trimmed);
  if (bracketed) {
    const items = (bracketed[1] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const numbers = items.map((item) => parseNumber(item));
    const isChoice = trimmed.startsWith('{') || /choice/i.test(trimmed);
    if (!isChoice && items.length === 2 && numbers.every((n) => n !== undefined)) {
      return { kind: 'range', min: numbers[0], max: numbers[1], ...scale };
    }
    if (items.length > 0) return { kind: 'choice', values: items.map((item) => parseScalar(item.replace(/^["']|["']$/g, ''))) };
  }
  const range = /^(\S+)\s*(?:-|–|—|to|\.\.)\s*(\S+?)(?:\s*\((log|linear)[^)]*\))?$/i.exec(trimmed);
  const min = range?.[1] ? parseNumber(range[1]) : undefined;
  const max = range?.[2] ? parseNumber(range[2]) : undefined;
  if (min !== undefined && max !== undefined) return { kind: 'range', min, max, ...(range?.[3] ? { scale: range[3].toLowerCase() } : {}) };
  return { kind: 'text', text: trimmed };
}

/** True when a search-space cell is a placeholder: bracketed prose or alternatives (`[Search space]`, `[a | b]`), not a list. */
function isSearchSpacePlaceholder(text: string): boolean {
  const inner = /^\[([^[\]]*)\]$/.exec(text.trim())?.[1];
  if (inner === undefined) return false;
  return inner.includes('|') || (!inner.includes(',') && parseNumber(inner) === undefined);
}

/** The hyperparameter table: name, value, search space, tuning method (other columns kept). */
const hyperparametersHandler: Handler = (entry, ctx) => {
  const block = blockOf(entry, ctx, 'table');
  if (!block) return;
  const table = tableOf(ctx.source, block);
  const name = Math.max(0, column(table, /param|name/));
  const space = column(table, /search|space|range|grid|candidates|distribution/, [name]);
  const method = column(table, /tuning|method|strategy/, [name, space]);
  const value = column(table, /value|used|final|chosen|setting/, [name, space, method]);
  const rows: Record<string, unknown>[] = [];
  table.rows.forEach((row) => {
    const path: FieldPath = ['model', 'hyperparameters', rows.length];
    const nameCell = row[name];
    if (!nameCell || nameCell.text === '') return;
    if (isPlaceholder(nameCell.text)) {
      ctx.b.placeholder([...path, 'name'], nameCell.position);
      return;
    }
    const hp: Record<string, unknown> = { name: stripEmphasis(nameCell.text) };
    ctx.b.mark(path, nameCell.position);
    ctx.b.mark([...path, 'name'], nameCell.position);
    row.forEach((cell, index) => {
      if (index === name || cell.text === '') return;
      const field =
        index === value
          ? 'value'
          : index === space
            ? 'searchSpace'
            : index === method
              ? 'tuningMethod'
              : toCamelCase(table.header[index]?.text ?? '') || `column${index + 1}`;
      const isPlaceholderCell = field === 'searchSpace' ? isSearchSpacePlaceholder(cell.text) : isPlaceholder(cell.text);
      if (isPlaceholderCell) {
        ctx.b.placeholder([...path, field], cell.position);
        return;
      }
      ctx.b.mark([...path, field], cell.position);
      if (field === 'value') hp[field] = parseScalar(stripEmphasis(cell.text));
      else if (field === 'searchSpace') {
        const parsed = parseSearchSpace(cell.text);
        if (parsed) hp[field] = parsed;
      } else hp[field] = stripEmphasis(cell.text);
    });
    rows.push(hp);
  });
  if (rows.length > 0) ctx.b.set(['model', 'hyperparameters'], rows, startOf(block));
};

/** Training-configuration items (also usable as labels of their own). */
const TRAINING_CONFIG_RULES: readonly (readonly [RegExp, (item: KeyValueItem, ctx: Context) => void])[] = [
  [/optimi[sz]er/, itemText(['model', 'training', 'optimizer'])],
  [/loss/, itemText(['model', 'training', 'lossFunction'])],
  [/early stop/, itemText(['model', 'training', 'earlyStopping'], parseEarlyStopping)],
  [/schedule|scheduler/, itemText(['model', 'training', 'learningRateSchedule'])],
  [/epochs?$/, itemText(['model', 'training', 'epochs'], parseNumber)],
];

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

/** A label handled by one of the `Key: value` item rules. */
function viaItemRule(rule: (item: KeyValueItem, ctx: Context) => void): Handler {
  return (entry, ctx) => rule(asItem(entry), ctx);
}

const MODEL_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/architecture|structure|layers/, textField(['model', 'architecture'])],
  [/hyperparam|parameters/, hyperparametersHandler],
  [/training config|config|training setup/, keyValueFields(['model', 'training'], TRAINING_CONFIG_RULES)],
  ...TRAINING_CONFIG_RULES.map(([pattern, rule]) => [pattern, viaItemRule(rule)] as const),
  [/type|family|algorithm|^model$/, textField(['model', 'type'])],
];

// ── training results ───────────────────────────────────────────────────────

/** The per-epoch table: first (or `Epoch`/`Step`) column is the epoch, the others metrics by header as written. */
const historyHandler: Handler = (entry, ctx) => {
  const block = blockOf(entry, ctx, 'table');
  if (!block) return;
  const table = tableOf(ctx.source, block);
  const epoch = Math.max(0, column(table, /epoch|step|iteration|iter/));
  const rows: Record<string, unknown>[] = [];
  table.rows.forEach((row) => {
    const path: FieldPath = ['training', 'history', rows.length];
    const epochCell = row[epoch];
    if (!epochCell || epochCell.text === '' || isPlaceholder(epochCell.text)) return;
    const record: Record<string, unknown> = { epoch: numberCell(epochCell) };
    ctx.b.mark(path, epochCell.position);
    ctx.b.mark([...path, 'epoch'], epochCell.position);
    table.header.forEach((head, index) => {
      if (index === epoch) return;
      const key = stripEmphasis(head.text);
      const cell = row[index];
      setOwn(record, key, metricCell(cell));
      if (cell) ctx.b.mark([...path, key], cell.position);
    });
    rows.push(record);
  });
  if (rows.length > 0) ctx.b.set(['training', 'history'], rows, startOf(block));
};

/** A metric name normalized so "Validation Accuracy" matches the table's "Val Acc". */
function metricKey(name: string): string {
  return normalizeLabel(name)
    .replace(/\bvalidation\b/g, 'val')
    .replace(/\btraining\b/g, 'train')
    .replace(/\baccuracy\b/g, 'acc')
    .replace(/\blearning rate\b/g, 'lr')
    .replace(/\s+/g, '');
}

/** The best-model list: epoch, selected-by, and metric values keyed like the epoch table where possible. */
const bestModelHandler: Handler = (entry, ctx) => {
  const byQualifier = /^by (.+)$/i.exec(entry.qualifier)?.[1];
  if (byQualifier && !/validation metric|metric$/i.test(byQualifier))
    ctx.b.set(['training', 'bestModel', 'selectedBy'], byQualifier, entry.position);
  const history = ctx.b.data['training'];
  const columns =
    isPlainObject(history) && Array.isArray(history['history']) && isPlainObject(history['history'][0])
      ? Object.keys(history['history'][0])
      : [];
  for (const item of keyValueItems(entry, ctx)) {
    if (item.key === '') continue;
    if (/^(best )?(epoch|step|iteration)$/.test(item.norm))
      ctx.b.text(['training', 'bestModel', 'epoch'], item.value, item.position, parseNumber);
    else if (/selected by|selection|criterion|chosen by/.test(item.norm))
      ctx.b.text(['training', 'bestModel', 'selectedBy'], item.value, item.position);
    else {
      const key = columns.find((name) => metricKey(name) === metricKey(item.key)) ?? item.key;
      ctx.b.text(['training', 'bestModel', 'metrics', key], item.value, item.position, (t) => parseMetricCell(t)?.value);
    }
  }
};

/** Training-infrastructure items (also usable as labels of their own). */
const INFRASTRUCTURE_RULES: readonly (readonly [RegExp, (item: KeyValueItem, ctx: Context) => void])[] = [
  [/gpu ?hours|gpu h/, itemText(['training', 'infrastructure', 'gpuHours'], parseGpuHours)],
  [/co2|carbon|emission/, itemText(['training', 'infrastructure', 'co2Kg'], parseMassKg)],
  [/duration|time|wall/, itemText(['training', 'infrastructure', 'durationHours'], parseDurationHours)],
  [/^(number of )?gpus?( count)?$|gpu count/, itemText(['training', 'infrastructure', 'gpuCount'], parseNumber)],
  [
    /hardware|device|accelerator|^instance( type)?$|^compute$/,
    (item, ctx) => {
      ctx.b.text(['training', 'infrastructure', 'hardware'], item.value, item.position);
      const count = isPlaceholder(item.value) ? undefined : parseGpuCount(item.value);
      if (count !== undefined) ctx.b.set(['training', 'infrastructure', 'gpuCount'], count, item.position);
    },
  ],
];

const TRAINING_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/best/, bestModelHandler],
  [/infrastructure|resources|cost/, keyValueFields(['training', 'infrastructure'], INFRASTRUCTURE_RULES)],
  [/metric|history|epoch|curve|progress/, historyHandler],
  ...INFRASTRUCTURE_RULES.map(([pattern, rule]) => [pattern, viaItemRule(rule)] as const),
];

// ── evaluation ─────────────────────────────────────────────────────────────

/** The test-metric table: metric, value (a `%` value keeps percent with unit "%"), 95% CI. */
const testMetricsHandler: Handler = (entry, ctx) => {
  const block = blockOf(entry, ctx, 'table');
  if (!block) return;
  const table = tableOf(ctx.source, block);
  const metric = Math.max(0, column(table, /metric|name|measure/));
  let ci = column(table, /\bci\b|confidence|interval|error|std/, [metric]);
  let value = column(table, /value|score|result|test|estimate/, [metric, ci]);
  if (value < 0) value = table.header.findIndex((_, index) => index !== metric && index !== ci);
  if (ci < 0 && table.header.length > 2) ci = table.header.findIndex((_, index) => index !== metric && index !== value);
  const rows: Record<string, unknown>[] = [];
  table.rows.forEach((row) => {
    const path: FieldPath = ['evaluation', 'testMetrics', rows.length];
    const nameCell = row[metric];
    if (!nameCell || nameCell.text === '' || isPlaceholder(nameCell.text)) return;
    const record: Record<string, unknown> = { metric: stripEmphasis(nameCell.text) };
    ctx.b.mark(path, nameCell.position);
    ctx.b.mark([...path, 'metric'], nameCell.position);
    const valueCell = row[value];
    if (valueCell && isPlaceholder(valueCell.text)) ctx.b.placeholder([...path, 'value'], valueCell.position);
    else {
      const parsed = parseMetricCell(stripEmphasis(valueCell?.text ?? ''));
      record['value'] = parsed ? parsed.value : stripEmphasis(valueCell?.text ?? '');
      if (parsed?.unit) record['unit'] = parsed.unit;
      if (valueCell) ctx.b.mark([...path, 'value'], valueCell.position);
    }
    const ciCell = row[ci];
    const ciText = stripEmphasis(ciCell?.text ?? '').replace(/\s*%$/, '');
    if (ciCell && ciText !== '' && !/^(-|—|n\/a)$/i.test(ciText)) {
      if (isPlaceholder(ciText)) ctx.b.placeholder([...path, 'ci95'], ciCell.position);
      else {
        record['ci95'] = parseConfidenceInterval(ciText) ?? ciText;
        ctx.b.mark([...path, 'ci95'], ciCell.position);
      }
    }
    table.header.forEach((head, index) => {
      if (index === metric || index === value || index === ci) return;
      const cellText = row[index]?.text ?? '';
      if (cellText !== '') record[toCamelCase(head.text) || `column${index + 1}`] = stripEmphasis(cellText);
    });
    rows.push(record);
  });
  if (rows.length > 0) ctx.b.set(['evaluation', 'testMetrics'], rows, startOf(block));
};

/**
 * A confusion matrix written as a fenced text grid (rows actual, columns predicted):
 * a header line of predicted labels, then one line per actual label with its counts.
 * Lines holding only "Predicted"/"Actual" are decoration; a leading "Actual" on a row is dropped.
 */
export function parseConfusionMatrixText(text: string): { labels: string[]; matrix: (number | string)[][] } | undefined {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(predicted|actual|pred\.?|true)(\s*(→|->|\\|\/)?\s*(predicted|actual))?:?$/i.test(line));
  const isCount = (token: string): boolean => parseCount(token) !== undefined || parseNumber(token) !== undefined;
  let columns: string[] | undefined;
  const rows: { label: string; counts: (number | string)[] }[] = [];
  for (const line of lines) {
    const tokens = line.split(/\s{2,}|\t|\s*\|\s*/).filter((token) => token !== '');
    const firstCount = tokens.findIndex(isCount);
    if (firstCount < 0) {
      if (!columns) columns = splitLabels(line, tokens);
      continue;
    }
    let labelTokens = tokens.slice(0, firstCount);
    if (labelTokens.length === 1 && firstCount > 0) labelTokens = (labelTokens[0] ?? '').split(/\s+/);
    const labelParts = labelTokens.filter((token, index) => !(index === 0 && labelTokens.length > 1 && /^(actual|true)$/i.test(token)));
    const counts = tokens
      .slice(firstCount)
      .flatMap((token) => token.split(/\s+/))
      .map((token) => parseCount(token) ?? parseNumber(token) ?? token);
    rows.push({ label: labelParts.join(' '), counts });
  }
  if (rows.length === 0) return undefined;
  const labels =
    columns && columns.length === rows[0]?.counts.length ? columns : rows.map((row, index) => row.label || `Class ${index + 1}`);
  const byLabel = new Map(rows.map((row) => [row.label.toLowerCase(), row.counts]));
  const ordered = labels.every((label) => byLabel.has(label.toLowerCase()))
    ? labels.map((label) => byLabel.get(label.toLowerCase()) ?? [])
    : rows.map((row) => row.counts);
  return { labels, matrix: ordered };
}

/** Column labels of a header line; drops a leading "Actual"/"Predicted" caption. */
function splitLabels(line: string, tokens: string[]): string[] {
  const parts = tokens.length > 1 ? tokens : line.split(/\s+/);
  return parts.filter(
    (token, index) => !(index === 0 && /^(actual|predicted|true|pred\.?)([\\/→ -]+\w+)?$/i.test(token) && parts.length > 2),
  );
}

/** A confusion matrix from a GFM table: first column actual labels, header predicted labels. */
function confusionFromTable(table: TableData): { labels: string[]; matrix: (number | string)[][] } {
  const labels = table.header.slice(1).map((cell) => stripEmphasis(cell.text).replace(/^(pred(icted)?)[:\s]+/i, ''));
  const matrix = table.rows.map((row) => row.slice(1).map((cell) => numberCell(cell, (t) => parseCount(t) ?? parseNumber(t)) ?? ''));
  return { labels, matrix };
}

const confusionHandler: Handler = (entry, ctx) => {
  const code = blockOf(entry, ctx, 'code');
  const table = code ? undefined : blockOf(entry, ctx, 'table');
  let parsed: { labels: string[]; matrix: (number | string)[][] } | undefined;
  let position: SourcePosition | undefined;
  if (code) {
    const { text, position: at } = codeOf(code);
    if (isPlaceholder(text)) {
      ctx.b.placeholder(['evaluation', 'confusionMatrix'], at);
      return;
    }
    parsed = parseConfusionMatrixText(text);
    position = at;
    if (!parsed) {
      ctx.b.set(['evaluation', 'confusionMatrix'], text, at);
      return;
    }
  } else if (table) {
    parsed = confusionFromTable(tableOf(ctx.source, table));
    position = startOf(table);
  }
  if (!parsed || !position) return;
  const positive = /positive(?: class)?[:=]\s*([^,;)]+)/i.exec(entry.qualifier)?.[1]?.trim();
  ctx.b.set(
    ['evaluation', 'confusionMatrix'],
    { labels: parsed.labels, matrix: parsed.matrix, ...(positive ? { positiveLabel: positive } : {}) },
    position,
  );
  ctx.b.mark(['evaluation', 'confusionMatrix', 'labels'], position);
  ctx.b.mark(['evaluation', 'confusionMatrix', 'matrix'], position);
};

const GENERIC_GROUP_HEADERS = /^(group|subgroup|segment|cohort|slice|demographic|population)$/;
const OVERALL = /^(overall|all|total|everyone|all groups)$/i;
const EMPTY_ATTRIBUTE = /^(|-|—|–|all|any|\*)$/i;

/**
 * Disaggregated tables: leading non-numeric columns are attributes (a generic "Group" column takes its
 * name from the label's "(by …)" aside), an `N` column is the group size, the rest are metrics.
 * Several tables and several attribute columns are merged into one list; only the first Overall row is kept.
 */
const disaggregatedHandler: Handler = (entry, ctx) => {
  const tables = blocksOf(entry, ctx, 'table');
  const byAside = /^by (.+)$/i.exec(entry.qualifier)?.[1];
  const rows: Record<string, unknown>[] = [];
  let seenOverall = false;
  let first: SourcePosition | undefined;
  for (const block of tables) {
    first ??= startOf(block);
    const table = tableOf(ctx.source, block);
    const n = column(table, /^(n|count|support|size|samples?|n samples|number|examples)$/);
    const attributeColumns: number[] = [];
    for (let index = 0; index < table.header.length; index++) {
      if (index === n) break;
      const numeric = table.rows.some((row) => {
        const text = stripEmphasis(row[index]?.text ?? '');
        return !OVERALL.test(text) && !EMPTY_ATTRIBUTE.test(text) && parseMetricCell(text) !== undefined;
      });
      if (numeric) break;
      attributeColumns.push(index);
    }
    if (attributeColumns.length === 0) attributeColumns.push(0);
    const attributeNames = attributeColumns.map((index) => {
      const header = normalizeLabel(stripEmphasis(table.header[index]?.text ?? ''));
      if ((GENERIC_GROUP_HEADERS.test(header) || header === '') && byAside && attributeColumns.length === 1) return toCamelCase(byAside);
      return toCamelCase(table.header[index]?.text ?? '') || `attribute${index + 1}`;
    });
    for (const row of table.rows) {
      const path: FieldPath = ['evaluation', 'disaggregated', rows.length];
      const values = attributeColumns.map((index) => stripEmphasis(row[index]?.text ?? ''));
      if (values.every((value) => value === '' || isPlaceholder(value))) continue;
      const overall =
        values.some((value) => OVERALL.test(value)) && values.every((value) => OVERALL.test(value) || EMPTY_ATTRIBUTE.test(value));
      if (overall && seenOverall) continue;
      const record: Record<string, unknown> = {};
      const firstCell = row[attributeColumns[0] ?? 0];
      if (firstCell) {
        ctx.b.mark(path, firstCell.position);
        ctx.b.mark([...path, 'group'], firstCell.position);
      }
      if (overall) {
        seenOverall = true;
        record['group'] = values.find((value) => OVERALL.test(value)) ?? 'Overall';
        record['overall'] = true;
      } else {
        const attributes: Record<string, string> = {};
        values.forEach((value, i) => {
          if (!EMPTY_ATTRIBUTE.test(value)) attributes[attributeNames[i] ?? `attribute${i + 1}`] = value;
        });
        record['group'] = Object.values(attributes).join(', ');
        record['attributes'] = attributes;
      }
      const nCell = n >= 0 ? row[n] : undefined;
      if (nCell && nCell.text !== '') {
        record['n'] = numberCell(nCell, parseCount);
        ctx.b.mark([...path, 'n'], nCell.position);
      }
      const metrics: Record<string, unknown> = {};
      table.header.forEach((head, index) => {
        if (attributeColumns.includes(index) || index === n) return;
        const key = stripEmphasis(head.text);
        setOwn(metrics, key, metricCell(row[index]));
        const cell = row[index];
        if (cell) ctx.b.mark([...path, 'metrics', key], cell.position);
      });
      record['metrics'] = metrics;
      rows.push(record);
    }
  }
  if (rows.length > 0) ctx.b.set(['evaluation', 'disaggregated'], rows, first);
};

const EVALUATION_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/confusion/, confusionHandler],
  [/disaggregat|subgroup|fairness|by group|demographic|slice|per group/, disaggregatedHandler],
  [/test|performance|metric|result|score/, testMetricsHandler],
];

// ── comparison ─────────────────────────────────────────────────────────────

/** An id in a baseline label: `Previous Best (exp-042)` → `exp-042` (an aside with a digit, no spaces). */
function idInLabel(label: string): string | undefined {
  const aside = /\(([A-Za-z0-9][A-Za-z0-9._-]*)\)\s*$/.exec(label)?.[1];
  return aside && /\d/.test(aside) ? aside : undefined;
}

/** The baseline table: label, `current` for the **bold** row, metric columns, notes. */
const baselinesHandler: Handler = (entry, ctx) => {
  const block = blockOf(entry, ctx, 'table');
  if (!block) return;
  const table = tableOf(ctx.source, block);
  const label = 0;
  const notes = column(table, /note|comment|remark|description/, [label]);
  const evaluatedOn = column(table, /evaluated on|test set|eval set|dataset/, [label, notes]);
  const rows: Record<string, unknown>[] = [];
  table.rows.forEach((row) => {
    const path: FieldPath = ['comparison', 'baselines', rows.length];
    const labelCell = row[label];
    if (!labelCell || labelCell.text === '' || isPlaceholder(labelCell.text)) return;
    const text = stripEmphasis(labelCell.text);
    const record: Record<string, unknown> = { label: text };
    ctx.b.mark(path, labelCell.position);
    ctx.b.mark([...path, 'label'], labelCell.position);
    if (isBold(labelCell.text) || /^(current|this) (experiment|model|run)$/i.test(text)) record['current'] = true;
    const id = idInLabel(text);
    if (id) {
      record['experimentId'] = id;
      ctx.b.mark([...path, 'experimentId'], labelCell.position);
    }
    const metrics: Record<string, unknown> = {};
    table.header.forEach((head, index) => {
      const cell = row[index];
      if (index === label || !cell) return;
      const cellText = stripEmphasis(cell.text);
      if (index === notes || index === evaluatedOn) {
        if (cellText !== '' && !/^(-|—|–)$/.test(cellText)) {
          record[index === notes ? 'notes' : 'evaluatedOn'] = cellText;
          ctx.b.mark([...path, index === notes ? 'notes' : 'evaluatedOn'], cell.position);
        }
        return;
      }
      const key = stripEmphasis(head.text);
      setOwn(metrics, key, metricCell(cell));
      ctx.b.mark([...path, 'metrics', key], cell.position);
    });
    record['metrics'] = metrics;
    rows.push(record);
  });
  if (rows.length > 0) ctx.b.set(['comparison', 'baselines'], rows, startOf(block));
};

/** An improvement claim: `+2.1% vs previous best`, `+3ms vs previous best (acceptable)`, `-1.2 pp`. */
export function parseClaim(metric: string, text: string): Record<string, unknown> {
  const claim: Record<string, unknown> = { metric, text };
  const match =
    /^([+\-−–]?\s*\d[\d,]*(?:\.\d+)?)\s*(%|pp|p\.p\.|percentage points?|points?|pts?|[A-Za-zµ]+)?\s*(?:(?:vs\.?|versus|over|compared (?:to|with)|relative to|than|against|from)\s+([^()]+?))?\s*(?:\(([^)]*)\))?\s*$/i.exec(
      text.trim(),
    );
  if (!match?.[1]) return claim;
  const value = parseNumber(match[1].replace(/\s+/g, ''));
  if (value === undefined) return claim;
  claim['value'] = value;
  const unit = (match[2] ?? '').toLowerCase();
  claim['unit'] = unit === '%' ? '%' : /^(pp|p\.p\.|percentage points?|points?|pts?)$/.test(unit) ? 'pp' : 'abs';
  if (match[3]) claim['reference'] = match[3].trim();
  if (match[4]) claim['comment'] = match[4].trim();
  return claim;
}

/** The "Improvement vs Baseline" list: `Metric: claim` items. */
const claimsHandler: Handler = (entry, ctx) => {
  const claims: Record<string, unknown>[] = [];
  let first: SourcePosition | undefined;
  for (const item of keyValueItems(entry, ctx)) {
    const path: FieldPath = ['comparison', 'claims', claims.length];
    if (item.value === '' || item.key === '') continue;
    if (isPlaceholder(item.value)) {
      ctx.b.placeholder(path, item.position);
      continue;
    }
    first ??= item.item.position;
    ctx.b.mark(path, item.item.position);
    ctx.b.mark([...path, 'value'], item.position);
    claims.push(parseClaim(item.key, item.value));
  }
  if (claims.length > 0) ctx.b.set(['comparison', 'claims'], claims, first);
};

const COMPARISON_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/improvement|delta|gain|\bvs\b|versus|uplift/, claimsHandler],
  [/baseline|comparison|models/, baselinesHandler],
];

// ── tuning ─────────────────────────────────────────────────────────────────

/** The ```yaml block of best hyperparameters → an object (text it cannot read is kept as written). */
const bestHyperparametersHandler: Handler = (entry, ctx) => {
  const code = blockOf(entry, ctx, 'code');
  if (!code) {
    if (entry.value !== '') ctx.b.text(['tuning', 'bestHyperparameters'], entry.value, entry.position);
    return;
  }
  const { text, position } = codeOf(code);
  if (isPlaceholder(text)) {
    ctx.b.placeholder(['tuning', 'bestHyperparameters'], position);
    return;
  }
  const document = parseDocument(text, { prettyErrors: false });
  const value: unknown = document.errors.length === 0 ? document.toJS() : undefined;
  if (!isPlainObject(value)) {
    ctx.b.set(['tuning', 'bestHyperparameters'], text, position);
    return;
  }
  ctx.b.set(['tuning', 'bestHyperparameters'], value, position);
  text.split('\n').forEach((line, index) => {
    const key = /^([^\s#:][^:]*):/.exec(line)?.[1]?.trim();
    if (key) ctx.b.mark(['tuning', 'bestHyperparameters', key], { line: position.line + index, column: position.column });
  });
};

const TUNING_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/best/, bestHyperparametersHandler],
  [/visuali|dashboard|results|link|plot/, textField(['tuning', 'visualization'])],
  [/method|strategy|algorithm|approach/, textField(['tuning', 'method'])],
  [/tool|framework|library/, textField(['tuning', 'tool'])],
  [/trials|iterations|runs/, textField(['tuning', 'trials'], parseCount)],
  [
    /budget/,
    (entry, ctx) => {
      ctx.b.text(['tuning', 'budget'], entry.value, entry.position);
      const gpuHours = /gpu/i.test(entry.value) && !isPlaceholder(entry.value) ? parseGpuHours(entry.value) : undefined;
      if (gpuHours !== undefined) ctx.b.set(['tuning', 'budgetGpuHours'], gpuHours, entry.position);
    },
  ],
];

// ── reproducibility ────────────────────────────────────────────────────────

/** `Name: uri` items → artifacts. */
const artifactsHandler: Handler = (entry, ctx) => {
  const artifacts: Record<string, unknown>[] = [];
  let first: SourcePosition | undefined;
  for (const item of keyValueItems(entry, ctx)) {
    const path: FieldPath = ['reproducibility', 'artifacts', artifacts.length];
    if (item.value === '') continue;
    if (isPlaceholder(item.value)) {
      ctx.b.placeholder(path, item.position);
      continue;
    }
    first ??= item.item.position;
    ctx.b.mark(path, item.item.position);
    ctx.b.mark([...path, 'uri'], item.position);
    artifacts.push({ name: item.key === '' ? item.value : item.key, uri: item.value });
  }
  if (artifacts.length > 0) ctx.b.set(['reproducibility', 'artifacts'], artifacts, first);
};

const CODE_RULES: readonly (readonly [RegExp, (item: KeyValueItem, ctx: Context) => void])[] = [
  [/repo/, itemText(['reproducibility', 'code', 'repository'])],
  [/branch/, itemText(['reproducibility', 'code', 'branch'])],
  [/commit|sha|hash|revision/, itemText(['reproducibility', 'code', 'commit'])],
  [/tag/, itemText(['reproducibility', 'code', 'tag'])],
  [/entry|script|notebook|command/, itemText(['reproducibility', 'code', 'entryPoint'])],
];

/** `Name: value` items → a map keyed by the name as written (values converted by `convert`). */
function mapHandler(path: FieldPath, convert?: (text: string) => unknown): Handler {
  return (entry, ctx) => {
    for (const item of keyValueItems(entry, ctx)) {
      if (item.key === '') {
        if (item.value !== '') ctx.b.text([...path, item.value], item.value, item.position, convert);
        continue;
      }
      ctx.b.text([...path, item.key], item.value, item.position, convert);
    }
  };
}

const REPRODUCIBILITY_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/artifact|outputs/, artifactsHandler],
  [/code|git|source|version control/, keyValueFields(['reproducibility', 'code'], CODE_RULES)],
  [/environment|dependencies|software|packages/, mapHandler(['reproducibility', 'environment'])],
  [/seed/, mapHandler(['reproducibility', 'seeds'], parseNumber)],
];

// ── observations ───────────────────────────────────────────────────────────

const IMPORTANCE_METHOD = /\b(shap|gain|permutation|split|weight|cover|lime|impurity|gini)\b/i;

/** The feature-importance table: feature, importance, description (other columns kept). */
const featureImportanceHandler: Handler = (entry, ctx) => {
  const method = entry.qualifier
    .split(/[,;]/)
    .map((part) => part.trim())
    .find((part) => IMPORTANCE_METHOD.test(part));
  if (method) ctx.b.set(['observations', 'featureImportanceMethod'], method, entry.position);
  const block = blockOf(entry, ctx, 'table');
  if (!block) return;
  const table = tableOf(ctx.source, block);
  const feature = Math.max(0, column(table, /feature|name|variable/));
  const importance = column(table, /importance|score|weight|gain|shap|value/, [feature]);
  const description = column(table, /desc|meaning|notes?/, [feature, importance]);
  const rows: Record<string, unknown>[] = [];
  table.rows.forEach((row) => {
    const path: FieldPath = ['observations', 'featureImportance', rows.length];
    const featureCell = row[feature];
    if (!featureCell || featureCell.text === '' || isPlaceholder(featureCell.text)) return;
    const record: Record<string, unknown> = { feature: stripEmphasis(featureCell.text) };
    ctx.b.mark(path, featureCell.position);
    ctx.b.mark([...path, 'feature'], featureCell.position);
    table.header.forEach((head, index) => {
      const cell = row[index];
      if (index === feature || !cell || cell.text === '') return;
      const key =
        index === importance ? 'importance' : index === description ? 'description' : toCamelCase(head.text) || `column${index + 1}`;
      if (isPlaceholder(cell.text)) {
        ctx.b.placeholder([...path, key], cell.position);
        return;
      }
      record[key] = index === importance ? numberCell(cell) : stripEmphasis(cell.text);
      ctx.b.mark([...path, key], cell.position);
    });
    rows.push(record);
  });
  if (rows.length > 0) ctx.b.set(['observations', 'featureImportance'], rows, startOf(block));
};

const OBSERVATIONS_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/didn t|did not|not work|failed|negative|unsuccessful/, markdownList(['observations', 'didNotWork'])],
  [/worked|work well|went well|success|positive/, markdownList(['observations', 'worked'])],
  [/learning|lesson|takeaway/, markdownList(['observations', 'learnings'])],
  [/importance method|importance type/, textField(['observations', 'featureImportanceMethod'])],
  [/importance|features/, featureImportanceHandler],
];

// ── next steps ─────────────────────────────────────────────────────────────

/** `Yes` / `No` / `Needs Review` → 'yes' / 'no' / 'needs-review' (anything else kept as written). */
function readReadiness(text: string): string {
  const norm = normalizeLabel(text);
  if (/^yes\b/.test(norm)) return 'yes';
  if (/^no\b/.test(norm)) return 'no';
  if (/needs? review|review/.test(norm)) return 'needs-review';
  return text;
}

/** Checkbox list → recommendations with `done`. */
const recommendationsHandler: Handler = (entry, ctx) => {
  const list = blockOf(entry, ctx, 'list');
  if (!list) {
    if (entry.value !== '') ctx.b.text(['nextSteps', 'recommendations'], entry.value, entry.position, (text) => [{ text, done: false }]);
    return;
  }
  setItems(['nextSteps', 'recommendations'], itemsOf(ctx.source, list), ctx, (item) => ({ text: item.text, done: item.checked === true }));
};

const DEPLOYMENT_RULES: readonly (readonly [RegExp, (item: KeyValueItem, ctx: Context) => void])[] = [
  [/ready|readiness|production/, itemText(['nextSteps', 'readyForProduction'], readReadiness)],
  [/blocker/, itemList(['nextSteps', 'blockers'])],
  [/action/, itemList(['nextSteps', 'actionItems'])],
];

const NEXT_STEPS_HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/recommend|next|todo|to do|follow/, recommendationsHandler],
  [/deploy|readiness/, keyValueFields(['nextSteps'], DEPLOYMENT_RULES)],
  ...DEPLOYMENT_RULES.map(([pattern, rule]) => [pattern, viaItemRule(rule)] as const),
];

/** Section → its label handlers (checked before the global ones). */
const SECTION_HANDLERS: Readonly<Record<SectionKey, readonly (readonly [RegExp, Handler])[]>> = {
  header: [],
  overview: OVERVIEW_HANDLERS,
  dataset: DATASET_HANDLERS,
  model: MODEL_HANDLERS,
  training: TRAINING_HANDLERS,
  evaluation: EVALUATION_HANDLERS,
  comparison: COMPARISON_HANDLERS,
  tuning: TUNING_HANDLERS,
  reproducibility: REPRODUCIBILITY_HANDLERS,
  observations: OBSERVATIONS_HANDLERS,
  nextSteps: NEXT_STEPS_HANDLERS,
  metadata: [],
};
