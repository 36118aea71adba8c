/** Messages only the CSV import shows (shared ones are in `../messages.ts`). */
import { ImportError } from '../messages.ts';

export const messages = {
  empty: (): ImportError => new ImportError('the file has no header line', 'export the table with its column names on the first line'),
  unterminatedQuote: (line: number): ImportError =>
    new ImportError(`line ${line}: a quoted cell is never closed`, 'close the quote, or double a quote inside a quoted cell ("")'),
  ragged: (line: number, cells: number, columns: number): ImportError =>
    new ImportError(
      `line ${line}: ${cells} cells, but the header has ${columns} columns`,
      'every row needs one cell per column (quote cells that contain commas)',
    ),
  duplicateColumn: (name: string): ImportError => new ImportError(`the column "${name}" appears twice in the header`, 'rename one of them'),
  unknownColumn: (flag: string, name: string, columns: readonly string[]): ImportError =>
    new ImportError(`${flag} names a column "${name}" that the file does not have`, `the columns are: ${columns.join(', ')}`),
  noStepColumn: (columns: readonly string[]): ImportError =>
    new ImportError(
      'a history table needs a step or epoch column',
      `name it with --step <column> (the columns are: ${columns.join(', ')}), or read the file as a table of runs with --table runs`,
    ),
  badStep: (line: number, text: string): ImportError =>
    new ImportError(`line ${line}: the step "${text}" is not a number`, 'every row of a history table needs a numeric step'),
  duplicateRunId: (id: string): ImportError =>
    new ImportError(
      `two rows have the run id "${id}"`,
      'each row of a table of runs is one run: remove the duplicate, or pick another --id column',
    ),
  noRows: (): ImportError => new ImportError('the file has a header but no rows', 'export the table with its rows'),
  notText: (): ImportError => new ImportError('the file is not UTF-8 text', 'give a .csv file exported as UTF-8'),
} as const;
