/**
 * Metric values in Markdown frontmatter and JSON written the way people write them — `value: 87.3%`,
 * `ci95: ±0.7%`, `ci95: 0.82–0.85`, `F1: TBD`, a per-epoch `val_acc: "81.2%"` or `"0.52"`, a
 * training time `durationHours: 12h 30m` (and, in frontmatter, a status, `status: in progress`, a
 * date, `date: 4 Oct 2026`) — read as the filled-in template's reader reads the same text in a
 * table, instead of refused as "expected a number". Only text that reads as a whole is taken
 * (`87.3%`, not `about 87%`); the rest stays as written, for validation to report.
 */
import { isPlainObject } from './finish.ts';
import { writtenDate } from './dates.ts';
import { statusKeptAsNote, statusFromWords, statusWithAside, statusWithDate } from './status.ts';
import { joinPath, type FieldPath } from './types.ts';
import { setOwn } from '../util/own.ts';
import { isUnitIntervalMetric, metricInfo } from '../analysis/metrics.ts';
import {
  CI_PREFIX,
  literalDecimals,
  parseDurationHours,
  parseMetricCell,
  parseMetricStatement,
  listedBoundsAround,
  parseCount,
  parseNumber,
  parseWrittenInterval,
  writtenInPercent,
} from './units.ts';

/**
 * Reads the written values of `data` in place: each test metric's `value` (its unit, `%` or
 * `ms`, into `unit` unless that says otherwise) and `ci95` (a half-width or bounds; one written in
 * percent only beside a value in percent), the values of every group's and baseline's metric
 * map, the per-epoch values, the training's `durationHours` and, unless `words` is false (JSON,
 * whose schema lists the statuses and the date format for an editor to check), the status in
 * words (`in progress`) and the dates in words (`4 Oct 2026`). Returns the decimals each number
 * read was written with, by path (for `writtenDecimals`).
 */
export function readWrittenValues(data: Record<string, unknown>, options: { words?: boolean } = {}): Record<string, number> {
  const decimals: Record<string, number> = {};
  const note = (path: FieldPath, text: string, value: number): void => {
    const places = literalDecimals(text, value);
    if (places !== undefined) decimals[joinPath(path)] = places;
  };
  const evaluation = data['evaluation'];
  if (isPlainObject(evaluation)) {
    eachItem(evaluation['testMetrics'], (metric, index) => readTestMetric(metric, ['evaluation', 'testMetrics', index], note));
    const groups = subOnePercent(evaluation['disaggregated']);
    eachItem(evaluation['disaggregated'], (row, index) =>
      readMetricMap(row['metrics'], ['evaluation', 'disaggregated', index, 'metrics'], note, undefined, groups),
    );
  }
  const comparison = data['comparison'];
  if (isPlainObject(comparison)) {
    const baselines = subOnePercent(comparison['baselines']);
    eachItem(comparison['baselines'], (row, index) => {
      // A baseline's value written with its interval (`AUC: 0.905 ± 0.004`): the value, and the interval in `ci95`.
      const intervals: Record<string, unknown> = {};
      readMetricMap(row['metrics'], ['comparison', 'baselines', index, 'metrics'], note, intervals, baselines);
      if (Object.keys(intervals).length > 0) row['ci95'] = { ...intervals, ...(isPlainObject(row['ci95']) ? row['ci95'] : {}) };
    });
  }
  readDatasetCounts(data['dataset']);
  const training = data['training'];
  if (isPlainObject(training) && Array.isArray(training['history'])) training['history'] = readHistory(training['history']);
  // `durationHours: 12h 30m`: the hours, and the text as written for the page (as the template reads it).
  const infrastructure = isPlainObject(training) ? training['infrastructure'] : undefined;
  if (isPlainObject(infrastructure) && typeof infrastructure['durationHours'] === 'string') {
    const written = infrastructure['durationHours'].trim();
    const hours = parseDurationHours(written);
    if (hours !== undefined) {
      infrastructure['durationHours'] = hours;
      if (parseNumber(written) === undefined && infrastructure['durationText'] === undefined) infrastructure['durationText'] = written;
    }
  }
  readLineageLinks(data['lineage']);
  if (options.words !== false) readWrittenWords(data);
  return decimals;
}

/** An Obsidian link to another note, `[[exp-07]]` or `[[exp-07|previous run]]`: the note's name. */
const WIKI_LINK = /^\s*\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]\s*$/;

/**
 * `parent: "[[asr-whisper-07|previous run]]"`, `related: ["[[exp-3]]"]`: Obsidian writes a note's
 * links to other notes so in its properties; the id is the linked note's name, as in the log's body.
 */
function readLineageLinks(lineage: unknown): void {
  if (!isPlainObject(lineage)) return;
  const id = (value: unknown): unknown => (typeof value === 'string' ? (WIKI_LINK.exec(value)?.[1]?.trim() ?? value) : value);
  if (typeof lineage['parent'] === 'string') lineage['parent'] = id(lineage['parent']);
  if (Array.isArray(lineage['related'])) lineage['related'] = lineage['related'].map(id);
}

/** A count as written: `41,200`, `41 200`, `41200`, `41.2k`, `1.2M` (not `41,200.5`). */
const WRITTEN_COUNT = /^(?:\d{1,3}(?:[,\u202f ]\d{3})+|\d+|\d+(?:\.\d+)?\s*[kKmMbB])$/;

/** A count written as text: `41,200`, `41 200`, `41.2k`, `1.2M` (whole numbers only). */
function writtenCount(value: unknown): number | undefined {
  if (typeof value !== 'string' || !WRITTEN_COUNT.test(value.trim())) return undefined;
  const count = parseCount(value.trim());
  return count !== undefined && Number.isInteger(count) && count >= 0 ? count : undefined;
}

/**
 * The dataset's counts and split shares written as text (`records: "41,200"`, `fraction: "80%"`),
 * as the template reads them: 41200 and 0.8. Anything else stays as written, for validation to report.
 */
function readDatasetCounts(dataset: unknown): void {
  if (!isPlainObject(dataset)) return;
  for (const key of ['records', 'features']) {
    const count = writtenCount(dataset[key]);
    if (count !== undefined) dataset[key] = count;
  }
  eachItem(dataset['splits'], (split) => {
    const count = writtenCount(split['records']);
    if (count !== undefined) split['records'] = count;
    const share = typeof split['fraction'] === 'string' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(split['fraction'].trim()) : null;
    if (share?.[1] !== undefined && Number(share[1]) <= 100) split['fraction'] = Number((Number(share[1]) / 100).toPrecision(12));
  });
}

/** A status and dates in words (`status: in progress`, `date: 4 Oct 2026`), as the template reads them. */
function readWrittenWords(data: Record<string, unknown>): void {
  // `status: in progress`, `status: Done`: the status those words mean, as the template reads them.
  const status = data['status'];
  // `status: Completed on 2026-11-20`: the status, and the day it ended (a run not ended keeps it as a note).
  const dated = typeof status === 'string' ? statusWithDate(status) : undefined;
  if (dated !== undefined) {
    data['status'] = dated.status;
    if (dated.completionDate !== undefined && data['completionDate'] === undefined) data['completionDate'] = dated.completionDate;
    if (dated.note !== undefined && data['statusNote'] === undefined) data['statusNote'] = dated.note;
  }
  const meant = typeof status === 'string' && dated === undefined ? statusFromWords(status) : undefined;
  const aside = typeof status === 'string' && meant === undefined && dated === undefined ? statusWithAside(status) : undefined;
  if (meant !== undefined) data['status'] = meant;
  // `status: completed (early stopped)`: the status, and the aside as its note.
  if (aside !== undefined && data['statusNote'] === undefined) {
    data['status'] = aside.status;
    data['statusNote'] = aside.note;
  }
  // `status: paused`: running (it has not ended), the word kept as its note.
  const paused =
    typeof status === 'string' && meant === undefined && dated === undefined && aside === undefined ? statusKeptAsNote(status) : undefined;
  if (paused !== undefined) {
    data['status'] = paused.status;
    if (data['statusNote'] === undefined) data['statusNote'] = paused.note;
  }
  // `date: 4 Oct 2026`, `completionDate: 04.10.2026`: the day they name, as the template reads them.
  for (const field of ['date', 'completionDate']) {
    const written = data[field];
    if (typeof written === 'string') data[field] = writtenDate(written);
    // `date: 20250304`: YAML reads the basic ISO form as a number.
    else if (typeof written === 'number' && Number.isInteger(written) && /^\d{8}$/.test(String(written))) {
      const day = writtenDate(String(written));
      if (day !== String(written)) data[field] = day;
    }
  }
}

type Note = (path: FieldPath, text: string, value: number) => void;

/**
 * Per-epoch values written as text (`"0.52"`, `"81.2%"`, `"N/A"`): the numbers (null for a value
 * not measured), as the template reads the cells of an epoch table. A proportion's column written
 * all in percent is keyed `Name (%)`, as the template keys it, so `"0.9%"` is not read as 90%;
 * text with another unit or words stays as written, for validation to report.
 */
function readHistory(rows: readonly unknown[]): unknown[] {
  const objects = rows.filter(isPlainObject);
  const keys = [...new Set(objects.flatMap((row) => Object.keys(row)))];
  const renamed = new Map<string, string>();
  for (const key of keys) {
    const cells = objects.map((row) => row[key]);
    if (!cells.some((cell) => typeof cell === 'string')) continue;
    const read = cells.map((cell) => (typeof cell === 'string' ? parseMetricCell(cell) : undefined));
    const inPercent =
      read.some((r) => r?.unit === '%') &&
      cells.every((cell, i) => cell === undefined || cell === null || read[i]?.unit === '%' || read[i]?.value === null);
    const info = metricInfo(key);
    if (inPercent && info.unit === null && isUnitIntervalMetric(info) && !keys.includes(`${key} (%)`)) renamed.set(key, `${key} (%)`);
    objects.forEach((row, i) => {
      const r = read[i];
      // Only a bare number or one in percent: a history holds numbers, and `45 ms` needs its unit kept.
      if (r !== undefined && (r.unit === undefined || r.unit === '%')) row[key] = r.value;
    });
  }
  if (renamed.size === 0) return [...rows];
  return rows.map((row) => {
    if (!isPlainObject(row)) return row;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) setOwn(out, renamed.get(key) ?? key, value);
    return out;
  });
}

function eachItem(list: unknown, read: (item: Record<string, unknown>, index: number) => void): void {
  if (Array.isArray(list)) list.forEach((item, index) => isPlainObject(item) && read(item, index));
}

function readTestMetric(metric: Record<string, unknown>, path: FieldPath, note: Note): void {
  const value = metric['value'];
  if (typeof value === 'string') {
    const read = parseMetricCell(value);
    // A unit the record states otherwise (`value: 87%` with `unit: ms`) is left for validation to report.
    if (read !== undefined && (read.unit === undefined || metric['unit'] === undefined || metric['unit'] === read.unit)) {
      metric['value'] = read.value;
      if (read.unit !== undefined) metric['unit'] = read.unit;
      if (read.value !== null) note([...path, 'value'], value, read.value);
    } else if (read === undefined && metric['ci95'] === undefined) {
      // `value: 0.912 ± 0.004`, `value: 71.5% (95% CI: 69.9–73.1%)`: the value and its interval, as in a table cell.
      const statement = parseMetricStatement(value);
      if (statement !== undefined && (statement.unit === undefined || metric['unit'] === undefined || metric['unit'] === statement.unit)) {
        metric['value'] = statement.value;
        if (statement.unit !== undefined) metric['unit'] = statement.unit;
        if (statement.ci95 !== undefined) metric['ci95'] = statement.ci95;
        // `0.87 ± 0.02 SD`: a spread, not an interval.
        if (statement.std !== undefined && metric['std'] === undefined) metric['std'] = statement.std;
        if (statement.standardError !== undefined && metric['standardError'] === undefined)
          metric['standardError'] = statement.standardError;
        note([...path, 'value'], value, statement.value);
        return;
      }
    }
  }
  const ci = metric['ci95'];
  if (typeof ci === 'string') {
    // `±0.7%` is 0.7 beside 87.3%, but beside 0.873 it would have to be 0.007: that one stays as written.
    // (The `95%` of a `95% CI` prefix is no unit.)
    if (writtenInPercent(ci.replace(CI_PREFIX, '')) && metric['unit'] !== '%') return;
    const read = parseWrittenInterval(ci) ?? listedBoundsAround(ci, metric['value']);
    if (read === undefined) return;
    metric['ci95'] = read;
    const written = ci.replace(CI_PREFIX, '');
    if (typeof read === 'number') note([...path, 'ci95'], written, read);
    else {
      const [low, high] = written.match(/[+\-\u2212]?\.?\d[\d,]*(?:\.\d*)?(?:[eE][+-]?\d+)?/g) ?? [];
      if (low !== undefined) note([...path, 'ci95', 'low'], low, read.low);
      if (high !== undefined) note([...path, 'ci95', 'high'], high, read.high);
    }
  }
}

/**
 * The proportions some row of a list of metric maps (groups, baselines) writes as a percentage of 1
 * or less (`"FPR": "0.6%"`): in every row of the list, their percentages keep the `%` in their name.
 */
function subOnePercent(rows: unknown): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(rows)) return names;
  for (const row of rows) {
    const metrics = isPlainObject(row) ? row['metrics'] : undefined;
    if (!isPlainObject(metrics)) continue;
    for (const [name, value] of Object.entries(metrics)) {
      const read = typeof value === 'string' ? (parseMetricCell(value) ?? parseMetricStatement(value)) : undefined;
      if (read?.unit === '%' && typeof read.value === 'number' && read.value <= 1 && isUnitIntervalMetric(metricInfo(name)))
        names.add(name);
    }
  }
  return names;
}

/**
 * A map of metric values written as text (`"sMAPE": "15.2%"`, `"F1": "0.91 [0.89, 0.93]"`) → numbers.
 * A map holds bare numbers, so a value's `%` goes into its name (`sMAPE (%)`, `FPR (%)`, as a
 * table's column names it) unless the name gives a unit already: without it 15.2 would be compared
 * with 11.8% as a value of no unit, and an FPR of `"0.6%"` read as the fraction 0.6.
 */
function readMetricMap(
  metrics: unknown,
  path: FieldPath,
  note: Note,
  intervals?: Record<string, unknown>,
  subOne: ReadonlySet<string> = new Set(),
): void {
  if (!isPlainObject(metrics)) return;
  const renamed = new Map<string, string>();
  const inPercent = (name: string, unit: string | undefined): string => {
    const info = metricInfo(name);
    // A proportion's `78%` reads the same as 78 (`scaleValue`); but where a row of the list has a
    // percentage of 1 or less (`"0.6%"`), kept as 0.6 it would read as the fraction 0.6 (60%).
    if (unit !== '%' || info.unit !== null || (isUnitIntervalMetric(info) && !subOne.has(name))) return name;
    renamed.set(name, `${name} (%)`);
    return `${name} (%)`;
  };
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value !== 'string') continue;
    const statement = intervals === undefined || parseMetricCell(value) !== undefined ? undefined : parseMetricStatement(value);
    if (statement?.ci95 !== undefined && (statement.unit === undefined || statement.unit === '%')) {
      metrics[name] = statement.value;
      setOwn(intervals as Record<string, unknown>, name, statement.ci95);
      note([...path, inPercent(name, statement.unit)], value, statement.value);
      continue;
    }
    const read = parseMetricCell(value);
    // Only a value in percent or without a unit: a map holds bare numbers, and `45 ms` has no place there.
    if (read === undefined || (read.unit !== undefined && read.unit !== '%')) continue;
    metrics[name] = read.value;
    if (read.value !== null) note([...path, inPercent(name, read.unit)], value, read.value);
  }
  if (renamed.size === 0) return;
  // Renamed in place, in the order written.
  const entries = Object.entries(metrics);
  for (const [name] of entries) delete metrics[name];
  for (const [name, value] of entries) setOwn(metrics, renamed.get(name) ?? name, value);
  if (intervals === undefined) return;
  for (const [from, to] of renamed)
    if (Object.prototype.hasOwnProperty.call(intervals, from)) {
      setOwn(intervals, to, intervals[from]);
      delete intervals[from];
    }
}
