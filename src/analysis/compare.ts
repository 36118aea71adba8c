/**
 * Side-by-side comparison of two records: every leaf field as a row, in record order, with tables
 * matched by their row key (metric, hyperparameter name, group, epoch, …) rather than by position,
 * so the UI can offer "differences only".
 */
import type { Experiment } from '../schema/index.ts';
import { metricInfo } from './metrics.ts';
import { getOwn } from '../util/own.ts';

/** One leaf field of either record. */
export interface CompareRow {
  /** Dotted path; table rows are addressed by their key in brackets: `evaluation.testMetrics[Accuracy].value`. */
  path: string;
  /** Value in record a (null when absent). */
  a: unknown;
  /** Value in record b (null when absent). */
  b: unknown;
  /** True when both records have the same value. */
  same: boolean;
  /** Which record alone has the field; null when both have it. */
  onlyIn: 'a' | 'b' | null;
}

type Row = Record<string, unknown>;

function isPlainObject(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** How rows of a table are matched: a matching key and the label shown in the path. */
type RowKey = (row: Row) => { key: string; label: string } | undefined;

function byField(field: string, normalize: (s: string) => string = (s) => s.trim().toLowerCase()): RowKey {
  return (row) => {
    const label = text(getOwn(row, field));
    return label === undefined ? undefined : { key: normalize(label), label };
  };
}

const byMetric: RowKey = (row) => {
  const label = text(row['metric']);
  return label === undefined ? undefined : { key: metricInfo(label, text(row['unit'])).key, label };
};

/** Tables compared by row key, by their path with the row keys left out. */
const ROW_KEYS: Readonly<Record<string, RowKey>> = {
  'evaluation.testMetrics': byMetric,
  'comparison.claims': byMetric,
  'model.hyperparameters': byField('name'),
  'evaluation.disaggregated': byField('group'),
  'training.history': byField('epoch'),
  'comparison.baselines': (row) => {
    const label = text(row['label']);
    if (row['current'] === true) return { key: '\u0000current', label: label ?? 'current' };
    return label === undefined ? undefined : { key: label.trim().toLowerCase(), label };
  },
  'dataset.splits': byField('name'),
  'reproducibility.artifacts': byField('name'),
  'observations.featureImportance': byField('feature'),
  'nextSteps.recommendations': byField('text'),
  sections: byField('title'),
};

/** Merges two key orders, keeping each one's relative order: keys only in b go right after their predecessor in b. */
export function mergeKeyOrder(aKeys: readonly string[], bKeys: readonly string[]): string[] {
  const result = [...aKeys];
  let previous: string | undefined;
  for (const key of bKeys) {
    if (!result.includes(key)) result.splice(previous === undefined ? 0 : result.indexOf(previous) + 1, 0, key);
    previous = key;
  }
  return result;
}

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

function keyedRows(rows: readonly unknown[], keyOf: RowKey): Array<{ key: string; label: string; row: unknown }> {
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const found = isPlainObject(row) ? keyOf(row) : undefined;
    const base = found ?? { key: `\u0000${i}`, label: String(i) };
    const count = (seen.get(base.key) ?? 0) + 1;
    seen.set(base.key, count);
    return count === 1 ? { ...base, row } : { key: `${base.key}#${count}`, label: `${base.label}#${count}`, row };
  });
}

function walk(a: unknown, b: unknown, path: string, schemaPath: string, rows: CompareRow[]): void {
  const objects = [a, b].filter((v) => v !== undefined);
  if (objects.length > 0 && objects.every(isPlainObject) && objects.some((o) => Object.keys(o).length > 0)) {
    const aObj = isPlainObject(a) ? a : {};
    const bObj = isPlainObject(b) ? b : {};
    for (const key of mergeKeyOrder(Object.keys(aObj), Object.keys(bObj)))
      walk(getOwn(aObj, key), getOwn(bObj, key), join(path, key), join(schemaPath, key), rows);
    return;
  }
  if (objects.length > 0 && objects.every(Array.isArray) && objects.some((o) => (o as unknown[]).length > 0)) {
    const aRows = Array.isArray(a) ? (a as unknown[]) : [];
    const bRows = Array.isArray(b) ? (b as unknown[]) : [];
    const keyOf = ROW_KEYS[schemaPath];
    if (keyOf === undefined) {
      for (let i = 0; i < Math.max(aRows.length, bRows.length); i++) walk(aRows[i], bRows[i], `${path}[${i}]`, schemaPath, rows);
      return;
    }
    const aKeyed = keyedRows(aRows, keyOf);
    const bKeyed = keyedRows(bRows, keyOf);
    const labels = new Map([...bKeyed, ...aKeyed].map((r) => [r.key, r.label]));
    const order = mergeKeyOrder(
      aKeyed.map((r) => r.key),
      bKeyed.map((r) => r.key),
    );
    for (const key of order) {
      walk(
        aKeyed.find((r) => r.key === key)?.row,
        bKeyed.find((r) => r.key === key)?.row,
        `${path}[${labels.get(key) ?? key}]`,
        schemaPath,
        rows,
      );
    }
    return;
  }
  const same = a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
  rows.push({ path, a: a ?? null, b: b ?? null, same, onlyIn: a === undefined ? 'b' : b === undefined ? 'a' : null });
}

/**
 * Every leaf field of two records side by side, in record order (fields only in b placed after their
 * predecessor in b). Objects are flattened; tables (test metrics, hyperparameters, groups, epochs,
 * baselines, splits, …) are matched by row key; other arrays by position.
 */
export function compareRecords(a: Experiment, b: Experiment): CompareRow[] {
  const rows: CompareRow[] = [];
  // `writtenDecimals` is the parser's note of how numbers were written, not data to compare.
  const { writtenDecimals: _a, ...aData } = a;
  const { writtenDecimals: _b, ...bData } = b;
  walk(aData, bData, '', '', rows);
  return rows;
}
