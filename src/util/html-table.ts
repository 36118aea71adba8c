/**
 * A plain HTML table as a grid of text: what a notebook writes when a log pastes a pandas DataFrame
 * (`df.to_html()`, or an exported notebook's output: `<div><style scoped>…</style><table
 * class="dataframe">…</table></div>`), or a wiki or document exports (Confluence, Google Docs,
 * Notion: every cell wrapped in `<p>`, headers in `<strong>`). Only tables of text are read — tags
 * `table`, `thead`, `tbody`, `tfoot`, `tr`, `th`, `td` with any attributes, and inside a cell only
 * inline markup (`INLINE`), of which the text is kept — so nothing of the HTML is ever kept but its
 * text: the caller shows it as text, or reads numbers from it. Anything else is not a table here
 * (undefined), and stays as written.
 */

import type { Table, TableCell, TableRow, Text } from 'mdast';

/** One cell: its text (entities decoded, trimmed) and where that text starts in the HTML. */
export interface HtmlTableCell {
  text: string;
  /** Offset of the text in the HTML (of the cell's start when it is empty). */
  offset: number;
  /** End offset of the text as written (its entities undecoded). */
  end: number;
}

/** A table's header row (one, merged from several header rows) and body rows, all of one width. */
export interface HtmlTable {
  header: HtmlTableCell[];
  rows: HtmlTableCell[][];
}

/** What may surround the table: whitespace, `<div>` wrappers and `<style>` blocks (a notebook's). */
const AROUND = /^(?:\s|<div\b[^<>]*>|<\/div\s*>|<style\b[^<>]*>[^<]*<\/style\s*>)*$/i;
const TABLE_OPEN = /<table\b[^<>]*>/i;
const TABLE_CLOSE = /<\/table\s*>/gi;
/** Any tag inside the table; the structural ones are matched by name. */
const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^<>]*)>/gi;
const STRUCTURE = new Set(['thead', 'tbody', 'tfoot']);
/** Markup a cell may hold, dropped for its text: paragraphs and line breaks part words (a space), the others do not. */
const INLINE = new Set(['p', 'div', 'br', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'sub', 'sup', 'font', 'small', 'a', 'mark']);
const PARTS_WORDS = new Set(['p', 'div', 'br']);
const SPAN = (name: string): RegExp => new RegExp(String.raw`\b${name}\s*=\s*["']?(\d+)`, 'i');
/** The most a span may repeat a cell, and the most cells a table may place: hostile spans must not build a huge grid. */
const MAX_SPAN = 1000;
const MAX_CELLS = 100_000;

/** Named entities a table of numbers and names carries (escapes, spaces, dashes, ±); others stay as written. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  ndash: '–',
  mdash: '—',
  minus: '−',
  plusmn: '±',
  times: '×',
  hellip: '…',
};

/** Decodes numeric entities and the named ones of `NAMED_ENTITIES`. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? all;
  });
}

interface RawCell extends HtmlTableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
}

/** Cells placed on a grid, spans repeated (a pandas MultiIndex writes its repeated labels as spans); undefined past `MAX_CELLS`. */
function place(rows: readonly RawCell[][]): HtmlTableCell[][] | undefined {
  const grid: (HtmlTableCell | undefined)[][] = rows.map(() => []);
  let placed = 0;
  for (const [r, row] of rows.entries()) {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c] !== undefined) c += 1;
      const down = Math.min(cell.rowspan, rows.length - r);
      placed += down * cell.colspan;
      if (placed > MAX_CELLS) return undefined;
      for (let dr = 0; dr < down; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) (grid[r + dr] as (HtmlTableCell | undefined)[])[c + dc] = cell;
      c += cell.colspan;
    }
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (grid.length * width > MAX_CELLS) return undefined;
  return grid.map((row) =>
    Array.from({ length: width }, (_, c) => row[c] ?? { text: '', offset: row.at(-1)?.end ?? 0, end: row.at(-1)?.end ?? 0 }),
  );
}

/** Header rows as one: each column's non-empty texts, top to bottom, joined by a space. */
function mergeHeader(rows: readonly HtmlTableCell[][]): HtmlTableCell[] {
  const [first] = rows;
  if (first === undefined) return [];
  return first.map((cell, c) => {
    const parts: HtmlTableCell[] = [];
    for (const row of rows) {
      const part = row[c];
      if (part !== undefined && part.text !== '' && !parts.includes(part)) parts.push(part);
    }
    const [head] = parts;
    return head === undefined ? cell : { text: parts.map((p) => p.text).join(' '), offset: head.offset, end: head.end };
  });
}

/** A first column with no header whose cells count 0, 1, 2, … (or 1, 2, …): a DataFrame's default index, not data. */
function isRowNumbers(header: readonly HtmlTableCell[], rows: readonly HtmlTableCell[][]): boolean {
  if (header[0]?.text !== '' || header.length < 2 || rows.length === 0) return false;
  const first = Number(rows[0]?.[0]?.text);
  return (first === 0 || first === 1) && rows.every((row, i) => row[0]?.text === String(first + i));
}

/** Text written between two tags of a cell, and its offset. */
interface TextPart {
  text: string;
  at: number;
}

/**
 * A cell's text from the text between its tags: entities decoded, runs of white space as one space,
 * trimmed; placed from its first written character to its last (`start` when there is none).
 */
function cellText(parts: readonly TextPart[], start: number): { text: string; start: number; end: number } {
  const written = parts.filter((part) => part.text.trim() !== '');
  const first = written[0];
  const last = written.at(-1);
  if (first === undefined || last === undefined) return { text: '', start, end: start };
  const text = decodeEntities(parts.map((part) => part.text).join(''))
    .replace(/\s+/g, ' ')
    .trim();
  const leading = first.text.length - first.text.trimStart().length;
  return { text, start: first.at + leading, end: last.at + last.text.trimEnd().length };
}

/**
 * Reads `html` as a table of text, or undefined when it is anything else: more than one table, text
 * or other elements around it, markup inside a cell other than `INLINE`, rows nested in rows.
 */
export function readHtmlTable(html: string): HtmlTable | undefined {
  // Found without a lazy match over the whole text (quadratic on `<table>` repeated).
  const open = TABLE_OPEN.exec(html);
  const close = open === null ? undefined : [...html.matchAll(TABLE_CLOSE)].at(-1);
  if (open === null || close === undefined || close.index < open.index) return undefined;
  if (!AROUND.test(html.slice(0, open.index)) || !AROUND.test(html.slice(close.index + close[0].length))) return undefined;
  const bodyStart = open.index + open[0].length;
  const inner = html.slice(bodyStart, close.index);
  const head: RawCell[][] = [];
  const body: RawCell[][] = [];
  let section: 'thead' | 'tbody' | 'tfoot' | undefined;
  let row: RawCell[] | undefined;
  let cell: { header: boolean; start: number; attributes: string; parts: TextPart[] } | undefined;
  let last = 0;
  for (const tag of inner.matchAll(TAG)) {
    const [all, slash, rawName, attributes] = tag as unknown as [string, string, string, string];
    const name = rawName.toLowerCase();
    const at = tag.index;
    const between = inner.slice(last, at);
    const betweenAt = last;
    last = at + all.length;
    if (cell === undefined && between.trim() !== '') return undefined;
    if (cell !== undefined && INLINE.has(name)) {
      cell.parts.push({ text: between, at: betweenAt }, { text: PARTS_WORDS.has(name) ? ' ' : '', at });
      continue;
    }
    if (cell !== undefined && !(slash === '/' && (name === 'th' || name === 'td'))) return undefined;
    if (STRUCTURE.has(name)) {
      if (row !== undefined) return undefined;
      section = slash === '/' ? undefined : (name as 'thead' | 'tbody' | 'tfoot');
    } else if (name === 'tr') {
      if (slash === '/') {
        if (row === undefined) return undefined;
        (section === 'thead' ? head : body).push(row);
        row = undefined;
      } else {
        if (row !== undefined) return undefined;
        row = [];
      }
    } else if (name === 'th' || name === 'td') {
      if (slash === '/') {
        if (cell === undefined || row === undefined) return undefined;
        const { text, start, end } = cellText([...cell.parts, { text: between, at: betweenAt }], cell.start);
        const span = (attribute: string): number =>
          Math.min(MAX_SPAN, Math.max(1, Number(SPAN(attribute).exec(cell?.attributes ?? '')?.[1] ?? 1)));
        row.push({
          text,
          offset: bodyStart + start,
          end: bodyStart + end,
          header: cell.header,
          colspan: span('colspan'),
          rowspan: span('rowspan'),
        });
        cell = undefined;
      } else {
        if (row === undefined || cell !== undefined) return undefined;
        cell = { header: name === 'th', start: last, attributes, parts: [] };
      }
    } else return undefined;
  }
  if (row !== undefined || cell !== undefined || inner.slice(last).trim() !== '') return undefined;
  // Without a <thead>, a first row of <th> cells is the header.
  if (head.length === 0 && body[0] !== undefined && body[0].every((c) => c.header)) head.push(body.shift() as RawCell[]);
  if (head.length === 0 || body.length === 0) return undefined;
  const grid = place([...head, ...body]);
  if (grid === undefined) return undefined;
  let header = mergeHeader(grid.slice(0, head.length));
  let rows = grid.slice(head.length);
  if (isRowNumbers(header, rows)) {
    header = header.slice(1);
    rows = rows.map((r) => r.slice(1));
  }
  return header.length > 0 ? { header, rows } : undefined;
}

/** A point in the source (mdast's), for the cells' positions. */
interface Point {
  line: number;
  column: number;
  offset: number;
}

/**
 * The table as an mdast (GFM) table of text cells, so whatever reads or renders Markdown tables reads
 * and renders it: each cell one text node, placed at its text in the source when `pointAt` (an offset
 * in the HTML → a point in the source) is given. Cells are marked `data.htmlText`: their text is the
 * decoded value, not the source slice (`&amp;` is `&`).
 */
export function htmlTableNode(table: HtmlTable, pointAt?: (offset: number) => Point): Table {
  const cellNode = (cell: HtmlTableCell): TableCell => {
    const position = pointAt === undefined ? undefined : { start: pointAt(cell.offset), end: pointAt(cell.end) };
    const text: Text = { type: 'text', value: cell.text, ...(position === undefined ? {} : { position }) };
    return {
      type: 'tableCell',
      children: cell.text === '' ? [] : [text],
      data: { htmlText: cell.text },
      ...(position === undefined ? {} : { position }),
    };
  };
  const rowNode = (cells: readonly HtmlTableCell[]): TableRow => ({ type: 'tableRow', children: cells.map(cellNode) });
  return { type: 'table', align: table.header.map(() => null), children: [rowNode(table.header), ...table.rows.map(rowNode)] };
}

declare module 'mdast' {
  interface TableCellData {
    /** The cell's text when it was read from an HTML table (see `htmlTableNode`). */
    htmlText?: string | undefined;
  }
}
