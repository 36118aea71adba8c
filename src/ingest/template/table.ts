/**
 * The shared table reader: find columns by header pattern, then read each body row into a record
 * under `path.<index>`, marking where every value was written. Rows whose key cell is empty or a
 * placeholder are skipped, so the indices of the rows kept stay dense.
 */

import { setOwn } from '../../util/own.ts';
import { isUnitIntervalMetric, metricInfo } from '../../analysis/metrics.ts';
import { stripEmphasis, type Cell, type TableData } from '../markdown-blocks.ts';
import { isPlaceholder } from '../placeholder.ts';
import { normalizeLabel } from '../text.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { isNotMeasured, parseCount, parseMetricCell, parseMetricStatement, parseNumber } from '../units.ts';
import type { Context } from './context.ts';
import * as msg from '../messages.ts';

/** Finds a table column by header pattern (over the normalized header text); returns -1 when none matches. */
export function column(table: TableData, pattern: RegExp, exclude: readonly number[] = []): number {
  return table.header.findIndex((cell, index) => !exclude.includes(index) && pattern.test(normalizeLabel(stripEmphasis(cell.text))));
}

/** A column of changes (`Δ`, `Δ mIoU`, `Delta`, `Improvement`, `Gain`): claims about this experiment, not values. */
export const DELTA_COLUMN =
  /^(?:(?:abs(?:olute)?|rel(?:ative)?)\.?\s+)?(?:Δ|∆|(?:delta|diff(?:erence)?|change|improvement|gain|lift|uplift)\b)/i;

/** The change columns of a table (not the first, which names the rows). */
export function deltaColumns(table: TableData): number[] {
  return table.header.flatMap((head, index) => (index > 0 && DELTA_COLUMN.test(stripEmphasis(head.text)) ? [index] : []));
}

/** Reads a number cell: a number, or the text as written when it is not one (validation reports it). */
export function numberCell(cell: Cell | undefined, read: (text: string) => number | undefined = parseNumber): number | string | undefined {
  if (!cell) return undefined;
  const text = stripEmphasis(cell.text);
  if (text === '') return undefined;
  return read(text) ?? text;
}

/**
 * The key a metric gets in a metric map (a group's or a baseline's metrics) read from table cells:
 * its name as written, with the unit its cells carry and the name lacks added — ` (%)` for a
 * proportion when any cell has the percent sign (`FNR` over `18.8%` and `0.9%` → `FNR (%)`), and
 * for any other metric the one unit every value was written with (`WER` over `10.8%` → `WER (%)`,
 * `Latency` over `340 ms` → `Latency (ms)`). A map holds bare numbers, so the unit moves to the
 * name, where every reader of the metric finds it: `0.9%` stays 0.9 percent instead of reading as the
 * fraction 0.9 (90%), and `18.8%` is not reported as written without a unit.
 */
export function mapMetricKey(name: string, cells: readonly (Cell | undefined)[]): string {
  const info = metricInfo(name);
  if (info.unit !== null) return name;
  const units = cells.flatMap((cell) => {
    const written = stripEmphasis(cell?.text ?? '');
    const parsed = cell === undefined ? undefined : (parseMetricCell(written) ?? parseMetricStatement(written));
    return typeof parsed?.value === 'number' ? [parsed.unit ?? ''] : [];
  });
  if (isUnitIntervalMetric(info)) return units.includes('%') ? `${name} (%)` : name;
  // `| WER |` over `10.8%`, `| Latency |` over `340 ms`: the unit every value was written with.
  const [unit] = units;
  return unit !== undefined && unit !== '' && units.every((u) => u === unit) ? `${name} (${unit})` : name;
}

/** Seconds in each time unit a metric cell may be written in. */
const SECONDS: Readonly<Record<string, number>> = { ns: 1e-9, µs: 1e-6, us: 1e-6, ms: 1e-3, s: 1, sec: 1, min: 60, h: 3600 };

/**
 * A metric column of a table (a group's or a baseline's metrics): its key (`mapMetricKey`) and how
 * each of its cells is read (`metricCell`). A column of durations written in several units (`340 ms`
 * beside `0.4 s`) is read in the unit most of its cells use, each value converted (`0.4 s` → 400 ms),
 * so a gap or a change never compares 340 with 0.4.
 */
export function metricColumn(
  name: string,
  cells: readonly (Cell | undefined)[],
): { key: string; value: (cell: Cell | undefined) => number | null | string } {
  const parsed = cells.map((cell) => parseMetricCell(stripEmphasis(cell?.text ?? '')));
  const units = parsed.flatMap((p) => (typeof p?.value === 'number' && p.unit !== undefined ? [p.unit] : []));
  const counted = [...new Set(units)].map((unit) => ({ unit, n: units.filter((u) => u === unit).length }));
  const info = metricInfo(name);
  const mixed = info.unit === null && counted.length > 1 && counted.every(({ unit }) => SECONDS[unit] !== undefined);
  const target = mixed ? counted.reduce((most, next) => (next.n > most.n ? next : most)).unit : undefined;
  if (target === undefined && fractionsAmongPercentages(info, parsed)) {
    // `64.6%`, `0.701`, `51.7%` down a Recall column: the bare value is the fraction 70.1%, not 0.701%.
    return {
      key: `${name} (%)`,
      value: (cell) => {
        const read = parseMetricCell(stripEmphasis(cell?.text ?? ''));
        return typeof read?.value === 'number' && read.unit === undefined
          ? Number.parseFloat((read.value * 100).toPrecision(12))
          : metricCell(cell);
      },
    };
  }
  if (target === undefined) return { key: mapMetricKey(name, cells), value: metricCell };
  return {
    key: `${name} (${target})`,
    value: (cell) => {
      const read = parseMetricCell(stripEmphasis(cell?.text ?? ''));
      if (typeof read?.value !== 'number' || read.unit === undefined) return metricCell(cell);
      const factor = (SECONDS[read.unit] ?? 1) / (SECONDS[target] ?? 1);
      return Number.parseFloat((read.value * factor).toPrecision(12));
    },
  };
}

/**
 * Whether a proportion's column mixes percentages and fractions: some cells carry `%` with a value
 * above 1 (so they are in percent, not fractions of a percent) and every bare value lies in [0, 1].
 */
export function fractionsAmongPercentages(
  info: ReturnType<typeof metricInfo>,
  parsed: readonly (ReturnType<typeof parseMetricCell> | undefined)[],
): boolean {
  if (info.unit !== null || !isUnitIntervalMetric(info)) return false;
  const numbers = parsed.flatMap((p) => (typeof p?.value === 'number' ? [{ value: p.value, unit: p.unit }] : []));
  const bare = numbers.filter((p) => p.unit === undefined);
  return bare.length > 0 && bare.every((p) => p.value >= 0 && p.value <= 1) && numbers.some((p) => p.unit === '%' && p.value > 1);
}

/**
 * A warning at each bare fraction a table's column of percentages reads in percent (`0.701` among
 * `64.6%` and `51.7%`, read as 70.1%: `metricColumn`), so the author sees what was read.
 */
function noteFractionsInPercent(name: string, cells: readonly (Cell | undefined)[], path: FieldPath, ctx: Context): void {
  const parsed = cells.map((cell) => parseMetricCell(stripEmphasis(cell?.text ?? '')));
  if (!fractionsAmongPercentages(metricInfo(name), parsed)) return;
  cells.forEach((cell, index) => {
    const read = parsed[index];
    if (cell === undefined || typeof read?.value !== 'number' || read.unit !== undefined) return;
    const text = stripEmphasis(cell.text);
    ctx.b.notes.push({
      path,
      position: cell.position,
      label: name,
      message: msg.bareFractionInPercentColumn(name, text, read.value),
      hint: msg.hintBareFractionInPercentColumn(read.value),
    });
  });
}

/**
 * Every column of a group's or a baseline's table as `metricColumn` reads it, once per table (not
 * once per row), with a warning at each fraction read in percent (`noteFractionsInPercent`) under `path`.
 */
export function metricColumns(table: TableData, path: FieldPath, ctx: Context): ReturnType<typeof metricColumn>[] {
  return table.header.map((head, index) => {
    const name = stripEmphasis(head.text);
    const cells = table.rows.map((row) => row[index]);
    noteFractionsInPercent(name, cells, path, ctx);
    return metricColumn(name, cells);
  });
}

/** Reads a metric cell: number (`0.91`, `91%`, the value of `71.2 ± 0.4`, `44.1M`), null for `-`/empty, or the text as written. */
export function metricCell(cell: Cell | undefined): number | null | string {
  const text = stripEmphasis(cell?.text ?? '');
  const parsed = parseMetricCell(text);
  return parsed ? parsed.value : (parseMetricStatement(text)?.value ?? scaledCount(text) ?? text);
}

/** A count written in thousands, millions or billions (`2.1M` users, `44.1M` parameters, `1B` steps). */
export function scaledCount(text: string): number | undefined {
  return /^\d+(?:\.\d+)?\s*[KMB]$/i.test(text.trim()) ? parseCount(text) : undefined;
}

/**
 * A column of the spread of the result beside it (`| Mean return | Std |`, `SD`, `σ`): no metric of
 * its own, so no change is worked out for it; kept as written beside the row's results.
 */
export const SPREAD_HEADER = /^(?:std|sd|s\.d\.|std\.? ?dev\.?|stdev|standard deviation|σ|±\s*(?:std|sd)|spread)$/i;

/** A column of notes by its header (`Note`, `Comments`, `Remarks`). */
const NOTES_HEADER = /^(?:notes?|comments?|remarks?|description|details|observations?)$/i;

/**
 * Whether a table's column holds text, not values: notes by its header, or words in every filled cell
 * (`| Scanner |` over `Siemens SOMATOM Force`, `| Stage |` over `weak`/`gold`). Such a column is kept
 * as text beside the row's values, never read as a metric.
 */
export function isTextColumn(table: TableData, index: number): boolean {
  if (NOTES_HEADER.test(stripEmphasis(table.header[index]?.text ?? ''))) return true;
  const filled = table.rows.map((row) => stripEmphasis(row[index]?.text ?? '')).filter((text) => text !== '' && !isNotMeasured(text));
  return filled.length > 0 && filled.every((text) => typeof metricCell({ text, position: { line: 1, column: 1 } }) === 'string');
}

/** Writes the fields of one row's record, marking where each was read. */
export interface RowWriter {
  /** The row's path, e.g. `['model', 'hyperparameters', 2]`. */
  readonly path: FieldPath;
  /** Sets `field` on the row's record; marks `path.field` at the cell it was read from, when given. */
  set(field: string, value: unknown, cell?: Cell): void;
  /** Marks `path.<subpath>` at a cell without setting a value (e.g. `['metrics', 'F1']`). */
  mark(subpath: FieldPath, cell: Cell): void;
  /** Lists `path.field` as an unfilled placeholder (the field stays absent). */
  placeholder(field: string, cell: Cell): void;
}

/** How to read a table's body rows. */
export interface RowsSpec {
  /** Where the rows go, e.g. `['training', 'history']`. */
  path: FieldPath;
  /** The column whose cell names the row. */
  key: number;
  /** The field the key cell is read into. */
  keyField: string;
  /** Reads the key cell (default: its text without emphasis). */
  readKey?: (cell: Cell) => unknown;
  /** When the key cell is a placeholder, list `path.<index>.<keyField>` as one (default: skip the row silently). */
  listPlaceholderKey?: boolean;
  /** Reads the row's other cells. */
  readRow: (row: readonly Cell[], write: RowWriter) => void;
  /**
   * The index of a row already in the list that a row with this key adds its fields to, instead of
   * being a row of its own (a second per-epoch table of other columns, for epochs of the first).
   */
  mergeInto?: (key: unknown) => number | undefined;
}

/** Reads every body row of `table` into `spec.path` (set at `position`, the table's start) when any row is kept. */
export function readTableRows(table: TableData, position: SourcePosition, ctx: Context, spec: RowsSpec): void {
  const rows: Record<string, unknown>[] = [];
  // A second table of the same kind (`### Classification` and `### Latency`, both test metrics) adds its rows.
  const offset = ctx.b.lengthOf(spec.path);
  for (const row of table.rows) {
    const path: FieldPath = [...spec.path, offset + rows.length];
    const keyCell = row[spec.key];
    if (!keyCell || keyCell.text === '') continue;
    if (isPlaceholder(keyCell.text)) {
      if (spec.listPlaceholderKey) ctx.b.placeholder([...path, spec.keyField], keyCell.position);
      continue;
    }
    const record: Record<string, unknown> = { [spec.keyField]: spec.readKey ? spec.readKey(keyCell) : stripEmphasis(keyCell.text) };
    const into = spec.mergeInto?.(record[spec.keyField]);
    if (into !== undefined) {
      const target: FieldPath = [...spec.path, into];
      spec.readRow(row, {
        path: target,
        set(field, value, cell) {
          ctx.b.set([...target, field], value, cell?.position);
        },
        mark(subpath, cell) {
          ctx.b.mark([...target, ...subpath], cell.position);
        },
        placeholder(field, cell) {
          ctx.b.placeholder([...target, field], cell.position);
        },
      });
      continue;
    }
    ctx.b.mark(path, keyCell.position);
    ctx.b.mark([...path, spec.keyField], keyCell.position);
    spec.readRow(row, {
      path,
      set(field, value, cell) {
        setOwn(record, field, value);
        if (cell) ctx.b.mark([...path, field], cell.position);
      },
      mark(subpath, cell) {
        ctx.b.mark([...path, ...subpath], cell.position);
      },
      placeholder(field, cell) {
        ctx.b.placeholder([...path, field], cell.position);
      },
    });
    rows.push(record);
  }
  if (rows.length > 0) ctx.b.append(spec.path, rows, position);
}

/** Labels of columns and lines that count or name something, not a metric of the test (`Params`, `Epochs`, `# ratings`). */
export const NOT_A_METRIC_LABEL =
  /\b(size|count|n|samples|examples|records|rows|instances|images|documents|seeds?|runs?|folds?|epochs?|steps?|repeats?|trials?|version|date|checkpoint|id|params|parameters|ratings|votes|raters|annotators|judgments|judgements|prompts|questions|utterances|users|volumes|patients|subjects|participants)\b|^(decision |classification )?(threshold|cut ?off)$/;

/** A column counting something (`# ratings`, `No. of prompts`, `Number of raters`, `Num users`): no metric of the test. */
export function isCountLabel(name: string): boolean {
  return NOT_A_METRIC_LABEL.test(normalizeLabel(name)) || /^(?:#|no\.|nr\.|num\b|number of)/i.test(name.trim());
}
