/**
 * Splitting a section into labelled entries: `**Label**: value` lines and headings, each with the
 * blocks written under it — and tables written with no label above them, labelled from their header row.
 */

import type { Code, RootContent, Table } from 'mdast';
import { codeTableOf } from '../training-log.ts';
import { isSettingName } from './settings-block.ts';
import {
  innerSliceOf,
  itemsOf,
  linesOf,
  readLabelLine,
  blockMarkdown,
  splitAside,
  startOf,
  stripEmphasis,
  tableOf,
  type Cell,
  type Item,
  type LabelLine,
  type Source,
} from '../markdown-blocks.ts';
import { normalizeLabel } from '../text.ts';
import type { SourcePosition } from '../types.ts';
import type { Entry, LabelRule } from './context.ts';

/** A line of a paragraph read as a list item would be: its text and where it starts. */
export type LineItem = Pick<Item, 'text' | 'position' | 'nested'>;

/** Markdown of a section that no label claims, with its offset for ordering. */
export interface Prose {
  markdown: string;
  order: number;
}

/** What a section knows about its labels. */
export interface SectionLabels {
  /** The rule that reads a normalized label in this section (section rules, then global ones), or undefined. */
  ruleOf(norm: string): LabelRule | undefined;
  /** The label a table with no label line above it stands for, from its header cells (as written); undefined when none. */
  tableLabel(header: readonly string[]): string | undefined;
  /** The label a list right under the section's heading stands for, from its items; undefined when none. */
  listLabel?(items: readonly Item[]): string | undefined;
  /**
   * Whether a list right under the heading whose every item is `name: value` is read item by item
   * even where some names are no label of the section (the model section's settings: `- Model: …`
   * beside `- batch size: 32`); those items become entries marked `setting`.
   */
  settingsLists?: boolean;
  /**
   * The label a paragraph right under the heading stands for when each of its lines is what a list
   * item of that label would be (`Production (exp-5): Recall@100 0.611, NDCG@10 0.201` on lines of
   * their own: baselines written without list markers); undefined when none.
   */
  paragraphLabel?(lines: readonly LineItem[]): string | undefined;
  /** The label a line of prose stands for when it is a value only (a line of `name=value` settings); undefined when none. */
  lineLabel?(text: string): string | undefined;
  /** The label a code block with no label line above it stands for (a pasted `config.yaml` under `## Config`); undefined when none. */
  codeLabel?(code: Code): string | undefined;
  /**
   * The label, and the value, a list item without a label stands for when it can be nothing else
   * (`- 37 features` under `## Data`: Features, 37); undefined when none. Only in a list whose every
   * item is a label or such an item.
   */
  itemLabel?(text: string): { label: string; value: string } | undefined;
}

/**
 * Splits a section into labelled entries, and prose lines no label claims. A bold label without a
 * colon (`**Dataset Name** x`) is a label only when `labels` knows it. A table opens an entry of
 * its own, labelled from its header row, unless it sits right under a bare label line or belongs to
 * the same rule as the entry above it.
 */
export function readEntries(source: Source, nodes: readonly RootContent[], labels: SectionLabels): { entries: Entry[]; prose: Prose[] } {
  const entries: Entry[] = [];
  const prose: Prose[] = [];
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
      current.heading = true;
      continue;
    }
    if (node.type === 'table' && !(current && current.value === '' && current.blocks.length === 0)) {
      const pairs = labelValueRows(source, node, labels);
      if (pairs) {
        for (const [key, value] of pairs)
          current = open(key.label, key.qualifier, value.text, value.text === '' ? key.labelPosition : value.position);
        continue;
      }
      const label = tableLabel(source, node, labels);
      if (label !== undefined && (!current || labels.ruleOf(current.norm) !== labels.ruleOf(normalizeLabel(label)))) {
        current = open(label, '', '', startOf(node));
        current.blocks.push(node);
        continue;
      }
    }
    // A pasted `metrics.csv` (```csv) or training log stands for the table it holds, labelled from its header row like one.
    if (node.type === 'code' && !(current && current.value === '' && current.blocks.length === 0)) {
      const data = codeTableOf(source, node);
      const label = data === undefined ? labels.codeLabel?.(node) : labels.tableLabel(data.header.map((cell) => cell.text));
      if (label !== undefined && (!current || labels.ruleOf(current.norm) !== labels.ruleOf(normalizeLabel(label)))) {
        current = open(label, '', '', startOf(node));
        current.blocks.push(node);
        continue;
      }
    }
    if (node.type === 'list' && !current) {
      const items = itemsOf(source, node);
      const label = labels.listLabel?.(items);
      if (label !== undefined) {
        current = open(label, '', '', startOf(node));
        current.blocks.push(node);
        continue;
      }
      // `- Commit: 9f8e7d6`, `- Seed: 7` right under the heading: each item one of the section's labels;
      // `- **Dataset Name**: imdb` is a label whatever it names, as the same line outside a list is.
      // A bold label's nested list is what it labels (`- **Train/Val/Test Split**:` over the splits).
      const asLabels = items.map((item) => {
        const bold = readLabelLine(item.text, item.position.line, item.position.column - 1);
        if (bold?.colon === true) return bold;
        if (item.nested) return undefined;
        const plain = plainLabelLine(item.text, item.position.line, labels, item.position.column - 1);
        const implied = plain === undefined ? labels.itemLabel?.(item.text) : undefined;
        return implied === undefined
          ? plain
          : { ...implied, qualifier: '', colon: true, labelPosition: item.position, valuePosition: item.position };
      });
      // Most items the section's labels and the others `Key: value` too (`- Classes: 10` beside `- Name:`
      // and `- Version:`): the others become labels of their own, kept under the section, as a
      // label-value table's are. Not where a list of settings reads them (`settingsLists`).
      const known = asLabels.filter((l) => l !== undefined).length;
      const lines =
        known < items.length && known >= 2 && known * 2 > items.length && labels.settingsLists !== true
          ? asLabels.map((l, index) => l ?? unknownItemLabel(items[index]))
          : asLabels;
      if (lines.length > 0 && lines.every((l) => l !== undefined)) {
        lines.forEach((l, index) => {
          if (!l) return;
          // `- Seed: 42 · Hardware: 1× A100 · Train time: 14 min`: each label of the run as an item of its own.
          const item = items[index];
          const run = item && !item.nested ? labelRun(item.text, item.position.line, labels, item.position.column - 1) : undefined;
          if (run) {
            for (const part of run)
              open(part.label, part.qualifier, part.value, part.value === '' ? part.labelPosition : part.valuePosition);
            return;
          }
          const entry = open(l.label, l.qualifier, l.value, l.value === '' ? l.labelPosition : l.valuePosition);
          const nested = items[index]?.nested;
          if (nested) entry.blocks.push(nested);
        });
        continue;
      }
      const settings = labels.settingsLists === true ? settingLines(items) : undefined;
      if (settings !== undefined) {
        for (const l of settings)
          open(l.label, l.qualifier, l.value, l.valuePosition).setting = labels.ruleOf(normalizeLabel(l.label)) === undefined;
        continue;
      }
    }
    if (node.type !== 'paragraph') {
      if (current) current.blocks.push(node);
      else prose.push({ markdown: blockMarkdown(source, node), order: node.position?.start.offset ?? 0 });
      continue;
    }
    if (!current && labels.paragraphLabel !== undefined) {
      const lines = linesOf(source, node).map(({ text, line }) => ({
        text: text.trim(),
        position: { line, column: text.length - text.trimStart().length + 1 },
        nested: undefined,
      }));
      const label = labels.paragraphLabel(lines);
      if (label !== undefined) {
        current = open(label, '', '', startOf(node));
        current.blocks.push(node);
        continue;
      }
    }
    // A paragraph right after a label with no value is that label's value; otherwise it is prose.
    let target: Entry | undefined = current && current.value === '' && current.blocks.length === 0 ? current : undefined;
    const proseLines: string[] = [];
    for (const { text, line } of linesOf(source, node)) {
      // `**Owner:** Ada · **Date:** 2026-11-03 · **Status:** done`: several label lines written as one.
      const run = labelRun(text, line, labels);
      if (run) {
        for (const part of run)
          target = open(part.label, part.qualifier, part.value, part.value === '' ? part.labelPosition : part.valuePosition);
        current = target;
        continue;
      }
      const label = readLabelLine(text, line) ?? plainLabelLine(text, line, labels);
      if (label && (label.colon || labels.ruleOf(normalizeLabel(label.label)) !== undefined)) {
        target = open(label.label, label.qualifier, label.value, label.value === '' ? label.labelPosition : label.valuePosition);
        current = target;
        continue;
      }
      // `Owner: Aiko` then `Created: March 3, 2025`: a label line of its own, not more of the owner.
      const unknown = target && target.value !== '' ? UNKNOWN_LABEL_LINE.exec(text) : null;
      if (unknown) {
        const value = (unknown[3] ?? '').trim();
        target = open(unknown[2] ?? '', '', value, { line, column: text.trimEnd().length - value.length + 1 });
        current = target;
        continue;
      }
      if (target) {
        if (target.value === '') target.position = { line, column: text.length - text.trimStart().length + 1 };
        target.value = target.value === '' ? text.trim() : `${target.value}\n${text.trim()}`;
        continue;
      }
      // `learning_rate=0.03, num_leaves=63` on a line of its own under `## Params`: that label's value.
      const lineLabel = labels.lineLabel?.(text);
      if (lineLabel !== undefined) current = open(lineLabel, '', text.trim(), { line, column: text.length - text.trimStart().length + 1 });
      else proseLines.push(text);
    }
    if (proseLines.length > 0) prose.push({ markdown: proseLines.join('\n'), order: node.position?.start.offset ?? 0 });
  }
  return { entries, prose };
}

/**
 * A label line without bold, `Status: completed`: `Key: value` whose key is one of the section's
 * labels. The value may be left for the lines or list below (`Related Experiments:`).
 */
const PLAIN_LABEL_LINE = /^(\s*)([A-Za-z][^:*`[\]]{0,48}?)\s*:(?:[ \t]+(\S.*))?[ \t]*$/;

/** `name: value` or `name = value`, the name as settings are named (`isSettingName`). */
const SETTING_LINE = /^(\s*)([A-Za-z_][\w. -]*?)\s*[:=][ \t]+(\S.*?)[ \t]*$/;

/** Every item of a list as `name: value` with a setting's name and a value, or undefined. */
function settingLines(items: readonly Item[]): LabelLine[] | undefined {
  const lines = items.map((item) => {
    const match = item.nested ? null : SETTING_LINE.exec(item.text);
    const name = match?.[2]?.trim();
    const value = match?.[3]?.trim();
    if (name === undefined || value === undefined || value === '' || !isSettingName(name)) return undefined;
    const labelPosition = { line: item.position.line, column: item.position.column + (match?.[1] ?? '').length };
    const valuePosition = { line: item.position.line, column: item.position.column + item.text.trimEnd().length - value.length };
    return { label: name, qualifier: '', value, colon: true, labelPosition, valuePosition };
  });
  return lines.length > 0 && lines.every((l) => l !== undefined) ? lines : undefined;
}

/** What stands between labels written on one line: a middle dot, a bullet, a bar or a dash with spaces around it. */
const LABEL_SEPARATOR = /[ \t]+[·•|—–][ \t]+/g;

/**
 * A line of several labels and their values joined by separators (`**Owner:** Ada · **Date:** 2026-11-03`,
 * `Team: vision | Owner: Ada`), each part read as the label line it would be on a line of its own;
 * a separator not followed by a label stays in the value before it (`**Team:** vision · NLP`).
 * Undefined unless the line starts with a label and holds at least two.
 */
function labelRun(text: string, line: number, labels: SectionLabels, offset = 0): LabelLine[] | undefined {
  const labelAt = (part: string, offset: number): LabelLine | undefined => {
    const bold = readLabelLine(part, line, offset);
    if (bold?.colon === true) return bold;
    const plain = plainLabelLine(part, line, labels, offset);
    if (plain !== undefined) return plain.value === '' ? undefined : plain;
    // `Team: vision` beside other labels: a label of its own, as on a line after a label line.
    return unknownLabelLine(part, line, offset);
  };
  const starts = [0];
  for (const match of text.matchAll(LABEL_SEPARATOR)) {
    const next = match.index + match[0].length;
    if (labelAt(text.slice(next), offset + next) !== undefined) starts.push(next);
  }
  if (starts.length < 2) return undefined;
  const parts = starts.map((start, i) => {
    const end = starts[i + 1];
    const part = end === undefined ? text.slice(start) : text.slice(start, end).replace(/[ \t]+[·•|—–][ \t]+$/, '');
    return labelAt(part, offset + start);
  });
  return parts.every((part) => part !== undefined) ? parts : undefined;
}

/** A list item written `Key: value` whose key is no label of the section (see `UNKNOWN_LABEL_LINE`), or undefined. */
function unknownItemLabel(item: Item | undefined): LabelLine | undefined {
  return item === undefined || item.nested ? undefined : unknownLabelLine(item.text, item.position.line, item.position.column - 1);
}

/** `Team: vision` as a label line of its own (`UNKNOWN_LABEL_LINE`), its text starting at column `offset + 1`; or undefined. */
function unknownLabelLine(text: string, line: number, offset: number): LabelLine | undefined {
  const unknown = UNKNOWN_LABEL_LINE.exec(text);
  if (!unknown) return undefined;
  const value = (unknown[3] ?? '').trim();
  return {
    label: unknown[2] ?? '',
    qualifier: '',
    value,
    colon: true,
    labelPosition: { line, column: offset + (unknown[1] ?? '').length + 1 },
    valuePosition: { line, column: offset + text.trimEnd().length - value.length + 1 },
  };
}

/** `Created: March 3, 2025` after a label line: a capitalised name of up to four words, a colon and a value. */
const UNKNOWN_LABEL_LINE = /^(\s*)([A-Z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+){0,3})\s*:[ \t]+(\S.*?)[ \t]*$/;

function plainLabelLine(text: string, line: number, labels: SectionLabels, columnOffset = 0): LabelLine | undefined {
  const match = PLAIN_LABEL_LINE.exec(text);
  if (!match?.[2]) return undefined;
  const { label, qualifier } = splitAside(match[2]);
  // `Optuna, 40 trials, TPE, objective: val AUC`: a sentence with a colon in it, not a label (a
  // plain label is a name; `**Train, val, test**:` in bold still is one).
  if (/[,;]/.test(label) || labels.ruleOf(normalizeLabel(label)) === undefined) return undefined;
  const value = (match[3] ?? '').trim();
  const labelPosition = { line, column: (match[1] ?? '').length + 1 + columnOffset };
  return {
    label,
    qualifier,
    value,
    colon: true,
    labelPosition,
    valuePosition: match[3] === undefined ? labelPosition : { line, column: text.trimEnd().length - value.length + 1 + columnOffset },
  };
}

/**
 * A two-column table of labels and their values, written instead of label lines:
 * `| Dataset Name | txns-2025q1 |`, under an empty header row or one that is itself such a pair.
 * Taken only when most rows name one of the section's labels (a `Parameter | Value` table of
 * hyperparameters names none); its other rows become labels of their own, so nothing is dropped.
 */
function labelValueRows(source: Source, table: Table, labels: SectionLabels): [LabelLine, Cell][] | undefined {
  const { header, rows } = tableOf(source, table);
  if (header.length !== 2 || rows.some((row) => row.length !== 2)) return undefined;
  const keyOf = (cell: Cell | undefined): LabelLine | undefined => {
    const text = stripEmphasis(cell?.text ?? '').replace(/\s*:$/, '');
    if (!cell || text === '') return undefined;
    return {
      ...splitAside(text),
      value: '',
      colon: true,
      labelPosition: cell.position,
      valuePosition: cell.position,
    };
  };
  const known = (key: LabelLine | undefined): boolean => key !== undefined && labels.ruleOf(normalizeLabel(key.label)) !== undefined;
  const headerEmpty = header.every((cell) => cell.text === '');
  // `| Field | Value |`, `| Property | Value |`: a header naming the two columns, over the pairs.
  const generic =
    /^(?:field|property|key|attribute|item|name|label)s?$/i.test(stripEmphasis(header[0]?.text ?? '')) &&
    /^(?:values?|details?|info|setting)$/i.test(stripEmphasis(header[1]?.text ?? ''));
  const headerKey = keyOf(header[0]);
  if (!headerEmpty && !generic && !known(headerKey)) return undefined;
  // `| Split | Rows |` over `| train | 120,000 |`: a header naming its columns, not a pair of its own.
  const digit = (cell: Cell | undefined): boolean => /\d/.test(cell?.text ?? '');
  const namesColumns = !digit(header[1]) && rows.length > 0 && rows.every((row) => digit(row[1]));
  const all = (headerEmpty || generic || namesColumns ? rows : [header, ...rows]).map((row) => [keyOf(row[0]), row[1]] as const);
  if (all.filter(([key]) => known(key)).length * 2 <= all.length) return undefined;
  return all.flatMap(([key, value]) =>
    key && value ? [[key, { text: stripEmphasis(value.text), position: value.position }] as [LabelLine, Cell]] : [],
  );
}

/** The label a table stands for when no label line names it, from its header row. */
function tableLabel(source: Source, table: Table, labels: SectionLabels): string | undefined {
  return labels.tableLabel(tableOf(source, table).header.map((cell) => cell.text));
}
