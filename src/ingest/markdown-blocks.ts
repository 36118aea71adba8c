/**
 * Reading the building blocks of a filled-in log template from mdast, keeping the text exactly as
 * written (a source slice, so Markdown, HTML and `javascript:` stay plain text) and where it starts.
 */

import type { Code, List, ListItem, Nodes, Paragraph, RootContent, Table, TableCell, TableRow } from 'mdast';
import { htmlTableNode, readHtmlTable } from '../util/html-table.ts';
import type { SourcePosition } from './types.ts';
import { parseNumber, pointDecimal } from './units.ts';

/** The text of a file with helpers to slice it by mdast positions. */
export interface Source {
  text: string;
  lines: readonly string[];
}

/**
 * Top-level HTML blocks that are a table of text (a pasted DataFrame, see `readHtmlTable`) as GFM
 * tables, each cell placed where its text is written; every other node as it is.
 */
export function withHtmlTables(nodes: readonly RootContent[]): RootContent[] {
  return nodes.map((node) => {
    const start = node.position?.start;
    if (node.type !== 'html' || start?.offset === undefined) return node;
    const table = readHtmlTable(node.value);
    if (table === undefined) return node;
    const base = start.offset;
    const pointAt = (offset: number): { line: number; column: number; offset: number } => {
      const before = node.value.slice(0, offset);
      const breaks = before.split('\n').length - 1;
      const column = breaks === 0 ? start.column + offset : offset - before.lastIndexOf('\n');
      return { line: start.line + breaks, column, offset: base + offset };
    };
    return { ...htmlTableNode(table, pointAt), position: node.position };
  });
}

/**
 * Top-level paragraphs that are a GFM table written without its delimiter row (`epoch | loss | acc`
 * over `1 | 0.84 | 0.872`: GFM reads the lines as a paragraph) as the table they were meant to be,
 * each cell placed where its text is written; every other node as it is. Only a paragraph of two
 * lines or more, each of the same number (two or more) of `|`-separated cells, whose first line
 * names the columns (no number, no `Key: value`, no code) and whose every later line holds a number.
 */
export function withPipeTables(source: Source, nodes: readonly RootContent[]): RootContent[] {
  return nodes.map((node) => (node.type === 'paragraph' ? (pipeTableOf(source, node) ?? node) : node));
}

function pipeTableOf(source: Source, node: Paragraph): Table | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const text = source.text.slice(start.offset, end.offset);
  const lines = text.split('\n');
  if (lines.length < 2 || text.includes('`') || lines.some((line) => !line.includes('|'))) return undefined;
  let offset = start.offset;
  const rows = lines.map((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const cells: { text: string; from: number; to: number }[] = [];
    // Cells between pipes; a pipe at either end of the line only closes the row.
    const bounds = [-1, ...[...line.matchAll(/(?<!\\)\|/g)].map((match) => match.index), line.length];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = (bounds[i] ?? 0) + 1;
      const to = bounds[i + 1] ?? line.length;
      const raw = line.slice(from, to);
      const edge = (i === 0 || i + 2 === bounds.length) && raw.trim() === '';
      if (edge) continue;
      const lead = raw.length - raw.trimStart().length;
      cells.push({ text: raw.trim(), from: lineStart + from + lead, to: lineStart + from + lead + raw.trim().length });
    }
    return { cells, line: start.line + index, lineStart };
  });
  const [header, ...body] = rows;
  const width = header?.cells.length ?? 0;
  if (header === undefined || width < 2 || rows.some((row) => row.cells.length !== width)) return undefined;
  const names = header.cells.every((cell) => cell.text !== '' && parseNumber(cell.text) === undefined && !/:\s/.test(cell.text));
  const values = body.every((row) =>
    row.cells.some((cell) => /\d/.test(cell.text) && parseNumber(cell.text.replace(/\s*%$/, '')) !== undefined),
  );
  if (!names || !values) return undefined;
  const point = (at: number, row: { line: number; lineStart: number }) => ({ line: row.line, column: at - row.lineStart + 1, offset: at });
  const rowNode = (row: (typeof rows)[number]): TableRow => ({
    type: 'tableRow',
    children: row.cells.map((cell): TableCell => {
      const position = { start: point(cell.from, row), end: point(cell.to, row) };
      return { type: 'tableCell', children: cell.text === '' ? [] : [{ type: 'text', value: cell.text, position }], position };
    }),
  });
  return { type: 'table', align: header.cells.map(() => null), children: rows.map(rowNode), position: node.position };
}

/** Creates a `Source` for text with `\n` line endings. */
export function createSource(text: string): Source {
  return { text, lines: text.split('\n') };
}

/** Where a node starts. */
export function startOf(node: Nodes): SourcePosition {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** The source text of a node, exactly as written. */
export function sliceOf(source: Source, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.text.slice(start, end);
}

/**
 * A block's Markdown as it stands on its own, to be shown apart from what was around it: its source
 * text, except that an indented code block (a classification report pasted with four spaces, as
 * nbconvert writes a cell's output) becomes a fenced one — trimmed or moved, its indentation would
 * no longer make it code.
 */
export function blockMarkdown(source: Source, node: Nodes): string {
  const text = sliceOf(source, node);
  if (node.type !== 'code' || /^\s*(```|~~~)/.test(text)) return text;
  const longest = Math.max(0, ...[...node.value.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${node.value}\n${fence}`;
}

/** The source text spanned by a node's children (a table cell without its pipes, a list item's paragraph). */
export function innerSliceOf(source: Source, node: Nodes): string {
  if (!('children' in node) || node.children.length === 0) return '';
  const first = node.children[0];
  const last = node.children.at(-1);
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.text.slice(start, end);
}

/** A `**Label** (qualifier): value` line. */
export interface LabelLine {
  label: string;
  qualifier: string;
  value: string;
  /** False for `**Label** value` (no colon inside or after the bold): a label only when the caller knows it. */
  colon: boolean;
  labelPosition: SourcePosition;
  valuePosition: SourcePosition;
}

/** A label and its trailing aside: `Train/Val/Test Split (stratified)` → label and qualifier "stratified". */
export function splitAside(text: string): { label: string; qualifier: string } {
  const aside = /^(.*?)\s*\(([^)]*)\)$/.exec(text.trim());
  return aside?.[1] ? { label: aside[1].trim(), qualifier: (aside[2] ?? '').trim() } : { label: text.trim(), qualifier: '' };
}

/** `**Label** (aside): value`; the aside may hold brackets of its own (`(\`pd.crosstab(y_true, y_pred)\`)`), one level deep. */
const LABEL_LINE = /^(\s*)(\*\*|__)(.+?)\2(?:\s*\(((?:[^()]|\([^()]*\))*)\))?\s*(:?)[ \t]*(.*)$/;

/**
 * Reads a line that starts with a bold label: `**Label**: value`, `**Label:** value`,
 * `**Label** (aside): value`, `**Label (aside):** value`, `__Label__: value`, or `**Label** value`
 * without a colon (`colon: false`); undefined for any other line.
 */
export function readLabelLine(line: string, lineNumber: number, columnOffset = 0): LabelLine | undefined {
  const match = LABEL_LINE.exec(line);
  if (!match) return undefined;
  let label = (match[3] ?? '').trim();
  const colonInside = label.endsWith(':');
  if (colonInside) label = label.slice(0, -1).trim();
  let qualifier = (match[4] ?? '').trim();
  if (match[4] === undefined) ({ label, qualifier } = splitAside(label));
  // `**Hypothesis** — text`: a dash stands for the colon.
  const colon = colonInside || match[5] === ':';
  const dashed = colon ? undefined : /^[—–-][ \t]+/.exec(match[6] ?? '');
  if (dashed) match[6] = (match[6] ?? '').slice(dashed[0].length);
  const value = (match[6] ?? '').trim();
  const valueColumn = value === '' ? (match[1] ?? '').length + 1 : line.length - (match[6] ?? '').length + 1;
  return {
    label,
    qualifier,
    value,
    colon,
    labelPosition: { line: lineNumber, column: (match[1] ?? '').length + 1 + columnOffset },
    valuePosition: { line: lineNumber, column: valueColumn + columnOffset },
  };
}

/** One line of a paragraph with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/** The source lines a paragraph spans. */
export function linesOf(source: Source, paragraph: Paragraph): SourceLine[] {
  const first = paragraph.position?.start.line ?? 1;
  const last = paragraph.position?.end.line ?? first;
  const result: SourceLine[] = [];
  for (let line = first; line <= last; line++) result.push({ text: source.lines[line - 1] ?? '', line });
  return result;
}

/** A list item as written: its first paragraph's text, checkbox state and any nested list. */
export interface Item {
  text: string;
  position: SourcePosition;
  checked: boolean | null;
  nested: List | undefined;
  node: ListItem;
}

/** The items of a list, in order. */
export function itemsOf(source: Source, list: List): Item[] {
  return list.children.map((item) => {
    const paragraph = item.children.find((child) => child.type === 'paragraph');
    const nested = item.children.find((child): child is List => child.type === 'list');
    return {
      text: paragraph ? sliceOf(source, paragraph).trim() : '',
      position: paragraph ? startOf(paragraph) : startOf(item),
      checked: item.checked ?? null,
      nested,
      node: item,
    };
  });
}

/**
 * A list item's Markdown as a field holds it: its text, and the list nested under it (sub-steps,
 * sub-tasks, a reason under a point) after a blank line, unindented — so nothing written under an
 * item is lost when the item becomes a field's entry.
 */
export function itemMarkdown(source: Source, item: Item): string {
  return item.nested === undefined ? item.text : withList(source, item.text, item.nested);
}

/** `text`, then `list` after a blank line, unindented (a list nested under the item whose text it is). */
export function withList(source: Source, text: string, list: List): string {
  const indent = startOf(list).column - 1;
  const nested = sliceOf(source, list)
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.slice(Math.min(indent, line.length - line.trimStart().length))))
    .join('\n');
  return text === '' ? nested : `${text}\n\n${nested}`;
}

/** `Key: value` split of a list item (`Model File: s3://…` → key "Model File"); a URL scheme is not a key. */
export function splitKeyValue(text: string): { key: string; value: string; valueOffset: number } | undefined {
  // `**Precision:** 90.8%`: the colon inside the bold.
  const bold = /^(?:\*\*([^:*]+?):\*\*|__([^:_]+?):__)[ \t]*(.*)$/s.exec(text);
  const boldKey = bold?.[1] ?? bold?.[2];
  if (boldKey !== undefined)
    return { key: boldKey.trim(), value: (bold?.[3] ?? '').trim(), valueOffset: text.length - (bold?.[3] ?? '').length };
  // `mAP@0.5:0.95: 41.8%`, `Time 12:30: …`: a colon between two numbers is part of the key (not
  // one after a word's digit: `Estimated CO2:2.4 kg` is `Estimated CO2` and `2.4 kg`).
  // `mAP@[.5:.95]: 52.2%`: a colon inside square brackets is part of the key too (masked, same length).
  const masked = text.replace(/\[[^\]\n]*\]/g, (bracketed) => bracketed.replace(/:/g, '\u0001'));
  const match = /^((?:[^:]|(?<=(?:^|[^A-Za-z\d])[\d.]*\d):(?=\d))+?)(?:(?<!(?:^|[^A-Za-z\d])[\d.]*\d):|:(?!\d))(?!\/\/)[ \t]*(.*)$/s.exec(
    masked,
  );
  if (!match?.[1]) return undefined;
  const valueOffset = text.length - (match[2] ?? '').length;
  const key = stripEmphasis(text.slice(0, match[1].length).trim());
  const value = text.slice(valueOffset).trim();
  return { key, value, valueOffset };
}

/** Removes a wrapping `**…**`, `__…__`, `*…*` or `_…_`. */
export function stripEmphasis(text: string): string {
  const match = /^(\*\*|__|\*|_)(.+)\1$/s.exec(text.trim());
  return match?.[2] ? match[2].trim() : text.trim();
}

/** True when a cell is wrapped in `**…**` or `__…__`. */
export function isBold(text: string): boolean {
  return /^(\*\*|__).+\1$/s.test(text.trim());
}

/** A table cell as written, with where it starts. */
export interface Cell {
  text: string;
  position: SourcePosition;
}

/** A GFM table: its header cells and body rows. */
export interface TableData {
  header: Cell[];
  rows: Cell[][];
}

/** A `<br>` in a GFM table's cell. */
const LINE_BREAK = /\s*<br\s*\/?>\s*/gi;

/** Reads a GFM table into header cells and body rows (cells are source text without pipes). */
export function tableOf(source: Source, table: Table): TableData {
  const [head, ...body] = table.children.map((row) =>
    row.children.map((cell) => ({
      // A cell of an HTML table (`htmlTableNode`) carries its decoded text; a GFM cell is its source,
      // where `<br>` is the only way to break a line.
      text: cell.data?.htmlText ?? innerSliceOf(source, cell).replace(LINE_BREAK, ' ').trim(),
      position: cell.children[0] ? startOf(cell.children[0]) : startOf(cell),
    })),
  );
  return { header: head ?? [], rows: withDecimalCommas(body) };
}

/** A cell that is one number with a decimal comma no thousands could be (`0,874`, `38,4`, `1,2345`), maybe in percent. */
const COMMA_DECIMAL = /^[+\-−]?(?:0,\d+|\d+,\d{1,2}|\d+,\d{4,})\s*%?$/;
/** A cell that is one number with a decimal point no thousands could be (`0.874`, `38.4`). */
const POINT_DECIMAL = /^[+\-−]?(?:0\.\d+|\d+\.\d{1,2}|\d+\.\d{4,})\s*%?$/;
/** A number a comma or a point could have grouped into thousands, or given decimals: `3,912`, `1.500`, `1.204.551`. */
const AMBIGUOUS = /^([+\-−]?)(\d{1,3})((?:[.,]\d{3})+)(\s*%?)$/;

/**
 * The rows of a table written with decimal commas (`0,874`, `38,4` and no `0.874`): its `3,912` is
 * 3.912, not 3,912, and its `1.500` is 1,500 — read as the rest of the table is written. Cells are
 * rewritten in place (same length, so positions hold); a table with decimal points, or with neither
 * kind, is returned as it is.
 */
function withDecimalCommas(rows: Cell[][]): Cell[][] {
  const plain = rows.flatMap((row) => row.map((cell) => stripEmphasis(cell.text).trim()));
  if (!plain.some((text) => COMMA_DECIMAL.test(text)) || plain.some((text) => POINT_DECIMAL.test(text))) return rows;
  return rows.map((row) =>
    row.map((cell) => {
      const match = AMBIGUOUS.exec(stripEmphasis(cell.text).trim());
      if (match === null) return cell;
      const [written, sign = '', head = '', groups = '', rest = ''] = match;
      // `3,912` (one comma group) is a decimal; `1.500` and `1.204.551` (points) group thousands.
      const comma = groups.startsWith(',');
      if (comma && groups.length !== 4) return cell;
      const read = comma ? `${sign}${head}.${groups.slice(1)}${rest}` : `${sign}${head}${groups.replace(/\./g, ',')}${rest}`;
      return { ...cell, text: cell.text.replace(written, read) };
    }),
  );
}

/** Splits one line of CSV at `delimiter`, honouring double quotes (`"a, b"`, `""` for a quote); cells trimmed, with their offsets. */
function splitDelimited(line: string, delimiter: string): { text: string; offset: number }[] {
  const cells: { text: string; offset: number }[] = [];
  let text = '';
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        text += '"';
        i++;
      } else if (c === '"') quoted = false;
      else if (c !== undefined) text += c;
    } else if (c === '"' && text.trim() === '') {
      quoted = true;
      text = '';
    } else if (c === delimiter || c === undefined) {
      const leading = line.slice(start, i).length - line.slice(start, i).trimStart().length;
      cells.push({ text: text.trim(), offset: start + leading });
      text = '';
      start = i + 1;
    } else text += c;
  }
  return cells;
}

/**
 * A fenced block of comma-, semicolon- or tab-separated values (what `metrics.csv` holds, pasted as
 * ```csv), read as a table: its first line the header, each cell placed where it is written.
 * Undefined unless the block is marked `csv`/`tsv` (or not marked), has a header of two or more
 * cells and at least one row, and every row has as many cells as the header. Commas separate cells
 * when they can; semicolons otherwise, and then a comma in a number is its decimal separator
 * (`0,532` is 0.532).
 */
export function delimitedTableOf(source: Source, code: Code): TableData | undefined {
  if (code.lang && !/^(csv|tsv|text|txt)$/i.test(code.lang)) return undefined;
  const first = codeOf(code).position;
  const lines = code.value.split('\n').map((text, index) => ({ text: text.replace(/\r$/, ''), line: first.line + index }));
  const filled = lines.filter((l) => l.text.trim() !== '');
  const headerLine = filled[0]?.text ?? '';
  const tableWith = (delimiter: string): TableData | undefined => {
    const cellsOf = ({ text, line }: { text: string; line: number }): Cell[] => {
      const written = source.lines[line - 1] ?? text;
      const indent = Math.max(0, written.indexOf(text));
      return splitDelimited(text, delimiter).map((cell) => ({
        text: delimiter === ';' ? pointDecimal(cell.text) : cell.text,
        position: { line, column: indent + cell.offset + 1 },
      }));
    };
    const [header, ...rows] = filled.map(cellsOf);
    if (!header || header.length < 2 || rows.length === 0 || rows.some((row) => row.length !== header.length)) return undefined;
    return { header, rows };
  };
  if (code.lang?.toLowerCase() === 'tsv' || headerLine.includes('\t')) return tableWith('\t');
  return tableWith(',') ?? (headerLine.includes(';') ? tableWith(';') : undefined);
}

/** A column rule of a table drawn in text: `|`, `│`, `┃`, `║`. */
const VERTICAL_RULE = /[|│┃║]/;
/** A line that only draws: no letter or digit, and a horizontal rule (`+------+`, `┡━━━╇━━━┩`, `|---|:--|`). */
const isRuleLine = (text: string): boolean => !/[\p{L}\p{N}]/u.test(text) && /[-=─━═┄┈╌]/.test(text);

/**
 * A table drawn in text, as a console prints one: PyTorch Lightning's `trainer.test()` box (rich),
 * `tabulate(…, tablefmt="grid")`, PrettyTable, `psql` with borders, or a Markdown table inside a code
 * block. Every line that is not blank is a rule (`+---+`, `┡━━━╇━━━┩`) or a row between vertical
 * rules (`│ test_acc │ 0.977 │`); the first row is the header, each cell placed where it is written.
 * Undefined unless the block is unmarked or marked as text, has a rule line, a header of two or more
 * cells and at least one row, and every row has as many cells as the header.
 */
export function ruledTableOf(source: Source, code: Code): TableData | undefined {
  if (code.lang && !/^(text|txt|table|console|output|plaintext)$/i.test(code.lang)) return undefined;
  const first = codeOf(code).position;
  const rows: Cell[][] = [];
  let ruled = false;
  const lines = code.value.split('\n');
  for (const [index, raw] of lines.entries()) {
    const text = raw.replace(/\r$/, '');
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (isRuleLine(trimmed)) {
      ruled = true;
      continue;
    }
    const drawn = VERTICAL_RULE.test(trimmed[0] ?? '') && VERTICAL_RULE.test(trimmed.at(-1) ?? '') && trimmed.length >= 2;
    // `Testing DataLoader 0: 100%|██████████| 39/39 [00:08<00:00]` above Lightning's table: what the
    // terminal printed before the table began is no part of it.
    if (!drawn && !ruled && rows.length === 0) continue;
    if (!drawn) return undefined;
    const line = first.line + index;
    const indent = Math.max(0, (source.lines[line - 1] ?? text).indexOf(text));
    const cells: Cell[] = [];
    let start = text.indexOf(trimmed) + 1;
    for (let i = start; i < text.length; i++) {
      if (!VERTICAL_RULE.test(text[i] ?? '')) continue;
      const cell = text.slice(start, i);
      const leading = cell.length - cell.trimStart().length;
      cells.push({ text: cell.trim(), position: { line, column: indent + start + leading + 1 } });
      start = i + 1;
    }
    rows.push(cells);
  }
  const [header, ...body] = rows;
  if (!ruled || !header || header.length < 2 || body.length === 0 || body.some((row) => row.length !== header.length)) return undefined;
  return { header, rows: body };
}

/** The table a code block pasted as data holds: comma-, semicolon- or tab-separated values, or a table drawn in text. */
export function pastedTableOf(source: Source, code: Code): TableData | undefined {
  return delimitedTableOf(source, code) ?? ruledTableOf(source, code);
}

/** The content of a fenced code block and the position of its first content line. */
export function codeOf(code: Code): { text: string; position: SourcePosition } {
  const start = startOf(code);
  return { text: code.value, position: { line: start.line + 1, column: start.column } };
}
