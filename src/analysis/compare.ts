/**
 * Side-by-side comparison of records: every leaf field as a row, in record order, with tables
 * matched by their row key (metric, hyperparameter name, group, epoch, …) rather than by position,
 * so the UI can offer "differences only". The one flattening both compare pages use (the static
 * pairwise pages and the in-browser page for any set), so a field has one name everywhere.
 */
import type { Experiment } from '../schema/index.ts';
import { metricInfo } from './metrics.ts';
import { getOwn } from '../util/own.ts';

/** One leaf field of any of the compared records. */
export interface CompareManyRow {
  /**
   * Dotted path; table rows are addressed by their key in brackets: `evaluation.testMetrics[Accuracy].value`,
   * confusion-matrix cells by their classes: `evaluation.confusionMatrix.matrix[actual Fraud].predicted Legit`.
   */
  path: string;
  /** The value in each record, in the order given (null when absent). */
  values: unknown[];
  /** Whether each record has the field. */
  present: boolean[];
  /** True when every record has the field with the same value. */
  same: boolean;
}

/** One leaf field of either of two records. */
export interface CompareRow {
  /** Dotted path, as in `CompareManyRow`. */
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

/** Key of the rows of a confusion matrix once `comparable` has named them by class. */
const ACTUAL = '\u0000actual';

/** Tables compared by row key, by their path with the row keys left out. */
const ROW_KEYS: Readonly<Record<string, RowKey>> = {
  'evaluation.testMetrics': byMetric,
  'comparison.claims': byMetric,
  'model.hyperparameters': byField('name'),
  'evaluation.disaggregated': byField('group'),
  'evaluation.confusionMatrix.matrix': (row) => {
    const label = text(row[ACTUAL]);
    return label === undefined ? undefined : { key: label, label: `actual ${label}` };
  },
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

/** Merges key orders, keeping each one's relative order: keys only in a later list go right after their predecessor there. */
export function mergeKeyOrder(...lists: readonly (readonly string[])[]): string[] {
  // The usual case, records of one shape: the same keys in the same order (each list's keys are distinct).
  const [first = []] = lists;
  if (
    lists.every((keys) => keys.length === first.length && keys.every((key, i) => key === first[i])) &&
    new Set(first).size === first.length
  )
    return [...first];
  const result: string[] = [];
  for (const keys of lists) {
    let previous: string | undefined;
    for (const key of keys) {
      if (!result.includes(key)) result.splice(previous === undefined ? 0 : result.indexOf(previous) + 1, 0, key);
      previous = key;
    }
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

/**
 * A confusion matrix with its rows named by class: `matrix` becomes one object per actual class,
 * `{ [ACTUAL]: label, 'predicted <label>': count, … }`, so cells compare by class, not position.
 * Other values pass through.
 */
function comparable(value: unknown, schemaPath: string): unknown {
  if (schemaPath !== 'evaluation.confusionMatrix' || !isPlainObject(value)) return value;
  const labels = value['labels'];
  const matrix = value['matrix'];
  if (!Array.isArray(labels) || !Array.isArray(matrix) || !matrix.every((r) => Array.isArray(r) && r.length === labels.length))
    return value;
  const names = (labels as unknown[]).map((l, i) => text(l) ?? `class ${i + 1}`);
  const rows = (matrix as unknown[][]).map((row, i): Row => {
    const named: Row = { [ACTUAL]: names[i] };
    row.forEach((n, j) => (named[`predicted ${names[j] as string}`] = n));
    return named;
  });
  return { ...value, matrix: rows };
}

function walk(raw: readonly unknown[], path: string, schemaPath: string, rows: CompareManyRow[]): void {
  const values = raw.map((v) => comparable(v, schemaPath));
  const defined = values.filter((v) => v !== undefined);
  if (defined.length > 0 && defined.every(isPlainObject) && defined.some((o) => Object.keys(o).length > 0)) {
    const objects = values.map((v) => (isPlainObject(v) ? v : {}));
    for (const key of mergeKeyOrder(...objects.map((o) => Object.keys(o).filter((k) => k !== ACTUAL))))
      walk(
        objects.map((o) => getOwn(o, key)),
        join(path, key),
        join(schemaPath, key),
        rows,
      );
    return;
  }
  if (defined.length > 0 && defined.every(Array.isArray) && defined.some((o) => (o as unknown[]).length > 0)) {
    const arrays = values.map((v) => (Array.isArray(v) ? (v as unknown[]) : []));
    const keyOf = ROW_KEYS[schemaPath];
    if (keyOf === undefined) {
      const length = Math.max(...arrays.map((a) => a.length));
      for (let i = 0; i < length; i++)
        walk(
          arrays.map((a) => a[i]),
          `${path}[${i}]`,
          schemaPath,
          rows,
        );
      return;
    }
    const keyed = arrays.map((a) => keyedRows(a, keyOf));
    const labels = new Map([...keyed].reverse().flatMap((k) => k.map((r) => [r.key, r.label] as const)));
    // The first row with a key is the one compared (a numbered repeat can meet a written `a#2`).
    const rowsByKey = keyed.map((k) => {
      const byKey = new Map<string, unknown>();
      for (const r of k) if (!byKey.has(r.key)) byKey.set(r.key, r.row);
      return byKey;
    });
    for (const key of mergeKeyOrder(...keyed.map((k) => k.map((r) => r.key)))) {
      walk(
        rowsByKey.map((byKey) => byKey.get(key)),
        `${path}[${labels.get(key) ?? key}]`,
        schemaPath,
        rows,
      );
    }
    return;
  }
  const present = values.map((v) => v !== undefined);
  // Leaves are mostly numbers and strings: only objects and arrays (a leaf's empty ones) are compared as JSON.
  let first: string | undefined;
  const same =
    present.every(Boolean) &&
    values.every((v) => v === values[0] || (typeof v === 'object' && JSON.stringify(v) === (first ??= JSON.stringify(values[0]))));
  rows.push({ path, values: values.map((v) => v ?? null), present, same });
}

/**
 * Every leaf field of any number of records side by side, in record order (a field missing from the
 * first record placed after its predecessor in the record that has it). Objects are flattened;
 * tables (test metrics, hyperparameters, groups, epochs, baselines, splits, …) are matched by row
 * key, confusion-matrix cells by class; other arrays by position.
 */
export function compareMany(records: readonly Experiment[]): CompareManyRow[] {
  const rows: CompareManyRow[] = [];
  // `writtenDecimals` is the parser's note of how numbers were written, not data to compare.
  const data = records.map(({ writtenDecimals: _, ...rest }) => rest);
  walk(data, '', '', rows);
  return rows;
}

/** `compareMany` for two records, with which one alone has a field. */
export function compareRecords(a: Experiment, b: Experiment): CompareRow[] {
  return compareMany([a, b]).map((r) => ({
    path: r.path,
    a: r.values[0],
    b: r.values[1],
    same: r.same,
    onlyIn: r.present[0] && r.present[1] ? null : r.present[0] ? 'a' : 'b',
  }));
}
