/**
 * Experiments side by side in a table of metrics (`| Benchmark | v2 (r=8) | **v3 (r=16)** | Δ |`):
 * which column is this experiment's, whether the table is in the results or in the comparison.
 */
import { parseClaimText } from '../../analysis/claims.ts';
import { isBold, stripEmphasis, type TableData } from '../markdown-blocks.ts';
import { isPlaceholder } from '../placeholder.ts';
import { isNotMeasured, parseMetricCell } from '../units.ts';

/** A column header naming this experiment among others: `Ours`, `This run`, `Current`, `New`, `Proposed`, `@ thr = 0.73 (chosen)`. */
export const CURRENT_COLUMN =
  /\b(?:ours|this (?:run|experiment|model|one)|current|new|proposed|chosen|selected|deployed|shipped|treatment|candidate|challenger)\b/i;

/** Whether a column's filled cells all read as metric values (`0.912`, `63.5%`, `7.09 ± 0.1`). */
export function isMetricColumn(table: TableData, index: number): boolean {
  const cells = table.rows
    .map((row) => stripEmphasis(row[index]?.text ?? ''))
    .filter((text) => !isNotMeasured(text) && !isPlaceholder(text));
  return cells.length > 0 && cells.every((text) => parseMetricCell(text) !== undefined);
}

/** What a record says of itself that may name a column of a table: its id, its title, its parent's id. */
export interface OwnNames {
  id: string | undefined;
  title: string | undefined;
  parent: string | undefined;
}

/** A column header as a name: without emphasis and parenthesised asides, lower case. */
function headerName(table: TableData, index: number): string {
  return stripEmphasis(table.header[index]?.text ?? '')
    .replace(/\(.*\)/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether `name` is the experiment id `id`, or its last part (`v3` of `llama-lora-sft-v3`). */
function namesId(name: string, id: string | undefined): boolean {
  if (id === undefined) return false;
  const own = id.toLowerCase();
  return name === own || (/^[a-z0-9.]{2,}$/.test(name) && (own.endsWith(`-${name}`) || own.endsWith(`_${name}`)));
}

/** Whether `name` stands in the title as words of their own (`v3` in `Fraud detection — LightGBM v3`). */
function namedInTitle(name: string, title: string | undefined): boolean {
  if (title === undefined || name.length < 2) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`).test(title.toLowerCase());
}

/**
 * Of two columns of values beside a change column, the one the changes lead to: the change is this
 * experiment's value less the other's (`| v2 | v3 | Δ |` with `0.612 | 0.648 | +0.036`), in every row
 * that gives all three, within their rounding. Undefined when the changes say neither, or both.
 */
function changedTo(table: TableData, columns: readonly number[], delta: number | undefined): number | undefined {
  const [a, b] = columns;
  // Only a signed difference: an "improvement" of a loss may be written as the old value less the new.
  const signed = /^(?:Δ|∆)|^(?:delta|diff(?:erence)?|change)\b/i.test(stripEmphasis(table.header[delta ?? -1]?.text ?? ''));
  if (columns.length !== 2 || a === undefined || b === undefined || delta === undefined || !signed) return undefined;
  let forward = true;
  let backward = true;
  let rows = 0;
  for (const row of table.rows) {
    const cells = [row[a], row[b], row[delta]].map((cell) => stripEmphasis(cell?.text ?? ''));
    const [x, y] = cells.slice(0, 2).map((text) => parseMetricCell(text)?.value);
    const change = parseClaimText(cells[2] ?? '').value;
    if (typeof x !== 'number' || typeof y !== 'number' || typeof change !== 'number') continue;
    rows += 1;
    const slack = cells.reduce((sum, text) => sum + 0.5 * 10 ** -(/\.(\d+)/.exec(text)?.[1]?.length ?? 0), 1e-9);
    forward &&= Math.abs(y - x - change) <= slack;
    backward &&= Math.abs(x - y - change) <= slack;
  }
  if (rows === 0 || forward === backward) return undefined;
  return forward ? b : a;
}

/**
 * Of several columns of values, the one that is this experiment: the only bold header, else the only
 * one naming it as such (`CURRENT_COLUMN`), else the only one named by the record's id or its last
 * part (`v3 (r=16)` in `llama-lora-sft-v3`); of two, the one not named by the parent's id, else the
 * one a change column leads to (`changedTo`); else the only one its title names (`v3` in `LightGBM
 * v3`). Undefined when none or several are.
 */
export function currentColumn(table: TableData, columns: readonly number[], own: OwnNames, delta: number | undefined): number | undefined {
  const only = (found: readonly number[]): number | undefined => (found.length === 1 ? found[0] : undefined);
  const header = (index: number): string => table.header[index]?.text ?? '';
  const parents = columns.filter((index) => namesId(headerName(table, index), own.parent));
  return (
    only(columns.filter((index) => isBold(header(index)))) ??
    only(columns.filter((index) => CURRENT_COLUMN.test(stripEmphasis(header(index))))) ??
    only(columns.filter((index) => namesId(headerName(table, index), own.id))) ??
    (columns.length === 2 && parents.length === 1 ? columns.find((index) => index !== parents[0]) : undefined) ??
    changedTo(table, columns, delta) ??
    // Last, as the weakest sign: a title may name the baseline it beats (`improving on v2`).
    only(columns.filter((index) => namedInTitle(headerName(table, index), own.title)))
  );
}
