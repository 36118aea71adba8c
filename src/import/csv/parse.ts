import { pointDecimal } from '../../ingest/units.ts';
import { messages } from './messages.ts';

/** A CSV table: the header and the rows, every row as long as the header. */
export interface CsvTable {
  columns: string[];
  /** Cells as written (quotes removed); `rows[i]` is on line `lines[i]` of the file. */
  rows: string[][];
  /** 1-based line number each row starts on. */
  lines: number[];
}

/**
 * The cell separator of a file: a semicolon when its first line has semicolons and no comma (what
 * Excel and `to_csv(sep=';', decimal=',')` write where the decimal separator is a comma), else a comma.
 */
function delimiterOf(body: string): ',' | ';' {
  const first = body.slice(0, body.search(/\r?\n|$/));
  return first.includes(';') && !first.includes(',') ? ';' : ',';
}

/**
 * Parses CSV as RFC 4180 describes it (comma-separated, `"` quoting with `""` for a quote,
 * CRLF or LF line ends; a UTF-8 byte-order mark is dropped; blank lines are skipped). A file whose
 * header is separated by semicolons is read with semicolons, and a decimal comma in its cells is
 * a point (`0,532` → `0.532`). Throws an `ImportError` for an unclosed quote, a row with the wrong
 * number of cells, a repeated column name or an empty file.
 */
export function parseCsv(text: string): CsvTable {
  if (text.includes('\u0000')) throw messages.notText();
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let atCellStart = true;
  let rowHasContent = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = delimiterOf(body);
  const endRow = (): void => {
    cells.push(cell);
    if (rowHasContent || cells.length > 1) records.push({ cells, line: recordLine });
    cells = [];
    cell = '';
    atCellStart = true;
    rowHasContent = false;
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && atCellStart) {
      quoted = true;
      quoteLine = line;
      atCellStart = false;
      rowHasContent = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      rowHasContent = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      endRow();
      line++;
      recordLine = line;
    } else {
      cell += char;
      atCellStart = false;
      if (char !== ' ' && char !== '\t') rowHasContent = true;
    }
  }
  if (quoted) throw messages.unterminatedQuote(quoteLine);
  endRow();
  const [header, ...rest] = records;
  if (header === undefined) throw messages.empty();
  const columns = header.cells.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) throw messages.duplicateColumn(name);
    seen.add(name);
  }
  for (const record of rest)
    if (record.cells.length !== columns.length) throw messages.ragged(record.line, record.cells.length, columns.length);
  const decimal = (cell: string): string => {
    const point = pointDecimal(cell.trim());
    return point === cell.trim() ? cell : point;
  };
  const rows = rest.map((record) => (delimiter === ';' ? record.cells.map(decimal) : record.cells));
  return { columns, rows, lines: rest.map((record) => record.line) };
}
