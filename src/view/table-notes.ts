/**
 * Explanations of table cells, made readable everywhere. A cell's `title` (how an interval was
 * computed, why a verdict says "within noise", which rule flags a gap) shows only on hover: not on a
 * phone, not on paper, and a table of eight baselines wrote the same sentence eight times. Before a
 * table is rendered, its cell titles become numbered notes printed under it — one per distinct
 * sentence, the cell marked with its number — except a sentence every titled cell of a column
 * shares, which explains the column: the header is marked with it instead (or, when the header has
 * its own title, which explains the column already, it is left out).
 * `DataTable.astro` and the browser's `render-blocks.ts` both render through this.
 *
 * It also marks cells of long prose (a flag's reason, a note): in a table wider than the page, the
 * browser squeezes such a column to its longest word, a sentence then standing one word per line.
 */
import type { Cell, TableColumn } from './blocks.ts';

/** A cell whose title became note number `note` (1-based); `long` when it is prose to be given room. */
export type NotedCell = Omit<Cell, 'title'> & { note?: number; long?: true };

/** Text longer than this (and not a number) is prose: its cell keeps a readable width. */
export const LONG_CELL_CHARS = 60;

/** A column whose cells' one shared sentence became note number `note`. */
export type NotedColumn = TableColumn & { note?: number };

export interface NotedTable {
  columns: NotedColumn[];
  rows: NotedCell[][];
  /** The notes, in the order their numbers were given (first use, row by row). */
  notes: string[];
}

function withoutTitle(cell: Cell): NotedCell {
  const { title: _title, ...rest } = cell;
  return cell.numeric !== true && cell.text.length > LONG_CELL_CHARS ? { ...rest, long: true } : rest;
}

/** A note as a sentence: it starts with a capital. */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A table's cell titles as notes (see the module comment); columns and rows are not mutated. */
export function tableNotes(columns: readonly TableColumn[], rows: readonly (readonly Cell[])[]): NotedTable {
  const width = Math.max(columns.length, ...rows.map((row) => row.length));
  const columnTitle: (string | undefined)[] = [];
  for (let j = 0; j < width; j++) {
    const titles = new Set<string>();
    let titled = 0;
    for (const row of rows) {
      const title = row[j]?.title;
      if (title !== undefined && title !== '') {
        titles.add(title);
        titled++;
      }
    }
    // A sentence on every titled cell of a column (more than one) explains the column.
    columnTitle.push(titles.size === 1 && titled > 1 ? [...titles][0] : undefined);
  }
  const numbers = new Map<string, number>();
  const noteOf = (title: string): number => {
    let note = numbers.get(title);
    if (note === undefined) {
      note = numbers.size + 1;
      numbers.set(title, note);
    }
    return note;
  };
  // A column's sentence is said once, at its header, unless the header explains the column itself.
  const notedColumns = columns.map((column, j): NotedColumn => {
    const shared = columnTitle[j];
    return shared === undefined || (column.title !== undefined && column.title !== '') ? column : { ...column, note: noteOf(shared) };
  });
  const notedRows = rows.map((row) =>
    row.map((cell, j): NotedCell => {
      const title = cell.title;
      if (title === undefined || title === '' || columnTitle[j] === title) return withoutTitle(cell);
      return { ...withoutTitle(cell), note: noteOf(title) };
    }),
  );
  return { columns: notedColumns, rows: notedRows, notes: [...numbers.keys()].map(sentence) };
}
