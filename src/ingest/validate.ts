/** The validate step: a raw record → a typed `Experiment`, with every problem as a located Diagnostic. */

import { z } from 'zod';
import { ExperimentSchema, type Experiment } from '../schema/index.ts';
import { isPlainObject } from './finish.ts';
import { setOwn } from '../util/own.ts';
import { checkRecordLimits } from './limits.ts';
import * as msg from './messages.ts';
import { isNotYetWritten, isNotYetWrittenWithAside, REQUIRED_LOOKING_FIELDS } from './placeholder.ts';
import { recordInvariantErrors } from './record-checks.ts';
import { findTemplateExamples } from './template-examples.ts';
import { closestMatch } from './text.ts';
import { joinPath, type Diagnostic, type FieldPath, type ParsedSource, type SourcePosition } from './types.ts';
import { isNotMeasured, parseNumber, parseWrittenInterval, tooLongForValue } from './units.ts';
import { pushAll } from '../util/arrays.ts';
import { statusKeptAsNote, statusFromWords } from './status.ts';
import { slashedDayReadings } from './dates.ts';
import { intervalOnValueScale } from '../analysis/ci-scale.ts';
import { metricInfo } from '../analysis/metrics.ts';
import { proportionDenominator } from '../analysis/sizes.ts';
import { otherLevelInterval, TOP_LEVEL_HOMES, topLevelName } from './written-shapes.ts';

/** The parts of a zod issue this module reads (zod's issue union, loosened for uniform access). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  errors?: Issue[][];
  keys?: string[];
}

/**
 * Validates a parsed record against `ExperimentSchema`. Every schema issue becomes an error with the
 * line:column of the field, its dotted path, a plain-English message and a hint where possible; keys
 * close to a known key get a "did you mean" warning (unknown keys are still kept); placeholders in
 * name, status and dates get a warning, and so do results still copied verbatim from the log
 * template's examples (its test metrics, confusion matrix, …); numbers that can never be right (a ragged
 * confusion matrix, split fractions past 1, a completion date before the start: `record-checks.ts`) are
 * errors. `diagnostics` also holds `parsed.diagnostics`, so it is the only list a caller needs.
 * `record` is undefined when there is any error.
 */
export function validateRecord(
  parsed: ParsedSource,
  options: { file: string },
): { record: Experiment | undefined; diagnostics: Diagnostic[] } {
  const { file } = options;
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => ({ ...d, file }));
  if (parsed.data === undefined) return { record: undefined, diagnostics };

  const limits = checkRecordLimits(parsed, (path) => positionOf(parsed, path));
  pushAll(diagnostics, limits);
  // Past the nesting limit the schema's own recursion is not safe to run.
  if (limits.some((d) => d.code === 'too-deep')) return { record: undefined, diagnostics: diagnostics.sort(byPosition) };

  notFilledReferences(parsed.data);
  const first = ExperimentSchema.safeParse(parsed.data);
  // `GPU-hours: TBD`, `Number of Trials: N/A`: a number not known yet is a field not filled in, as a
  // [placeholder] is (shown as such on the page), not an error that keeps the record off the site.
  const notKnown = first.success ? new Map<string, string>() : notFilledNumbers(parsed.data, first.error.issues);
  const result = notKnown.size > 0 ? ExperimentSchema.safeParse(parsed.data) : first;
  const issues = result.success
    ? hasProtoKey(parsed.data)
      ? restoreProtoKeys(ExperimentSchema, parsed.data, result.data, [])
      : []
    : (result.error.issues as unknown as Issue[]);
  for (const issue of issues) pushAll(diagnostics, issueToDiagnostics(issue, [], parsed, file));
  pushAll(diagnostics, unknownKeyWarnings(parsed.data, ExperimentSchema, parsed, file));
  pushAll(diagnostics, placeholderWarnings(parsed, file, notKnown));
  pushAll(diagnostics, otherLevelWarnings(parsed, file));
  if (result.success) pushAll(diagnostics, templateExampleWarnings(result.data, parsed, file));
  // With schema errors the record is refused, but its impossible numbers are still reported in the
  // same run, from the parts that did validate: one run names every problem of the file.
  const checkable = result.success ? result.data : (validParts(ExperimentSchema, parsed.data, 2) as Experiment | undefined);
  const impossible = checkable === undefined ? [] : recordInvariantErrors(checkable, file, (path) => positionOf(parsed, path));
  pushAll(diagnostics, impossible);
  diagnostics.sort(byPosition);
  const ok = result.success && issues.length === 0 && impossible.length === 0 && !limits.some((d) => d.level === 'error');
  if (ok) {
    pushAll(diagnostics, intervalsReadInPercent(result.data, parsed, file));
    diagnostics.sort(byPosition);
  }
  return { record: ok ? result.data : undefined, diagnostics };
}

/** Adds `path` to the record's list of fields left unfilled (`placeholders`). */
function markNotFilled(data: Record<string, unknown>, path: string): void {
  const listed = Array.isArray(data['placeholders']) ? (data['placeholders'] as unknown[]) : [];
  if (!listed.includes(path)) data['placeholders'] = [...listed, path];
}

/**
 * Removes the fields where a number was expected and the text says it is not known (`TBD`, `N/A`,
 * `not measured`, `-`), each listed as not filled in; how many it removed. Also where a table, list
 * or matrix was expected (`Confusion Matrix:` over a code block of `TBD (threshold not chosen yet)`),
 * with or without a word on what will go there. Only fields of objects (an item of a list would
 * shift the rest).
 */
function notFilledNumbers(data: unknown, issues: readonly Issue[]): Map<string, string> {
  const removed = new Map<string, string>();
  if (!isPlainObject(data)) return removed;
  for (const issue of issues) {
    // `GPU-hours: TBD` where a number goes; `Completion Date: —` where a date goes (never the record's own id).
    const number = issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int');
    const structure = issue.code === 'invalid_type' && (issue.expected === 'object' || issue.expected === 'array');
    if (!number && !structure && issue.code !== 'invalid_format') continue;
    const path = issue.path as FieldPath;
    const parent = valueAtPath(data, path.slice(0, -1));
    const key = path.at(-1);
    if (!isPlainObject(parent) || typeof key !== 'string' || (path.length === 1 && key === 'id')) continue;
    const value = parent[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (!isNotMeasured(value.trim()) && !(structure && (isNotYetWritten(value) || isNotYetWrittenWithAside(value)))) continue;
    delete parent[key];
    markNotFilled(data, joinPath(path));
    removed.set(joinPath(path), value.trim());
  }
  return removed;
}

/** `Related: TBD`, `Parent: N/A`: no experiment named, so none is looked for (the field is listed as not filled in). */
function notFilledReferences(data: unknown): void {
  if (!isPlainObject(data) || !isPlainObject(data['lineage'])) return;
  const lineage = data['lineage'];
  const unknown = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '' && isNotMeasured(v.trim());
  if (unknown(lineage['parent'])) {
    delete lineage['parent'];
    markNotFilled(data, 'lineage.parent');
  }
  const related = lineage['related'];
  if (Array.isArray(related) && related.some(unknown)) {
    const named = related.filter((v) => !unknown(v));
    if (named.length > 0) lineage['related'] = named;
    else delete lineage['related'];
    markNotFilled(data, 'lineage.related');
  }
}

function valueAtPath(data: unknown, path: FieldPath): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (isPlainObject(at) && typeof key === 'string') at = at[key];
    else return undefined;
  }
  return at;
}

/**
 * Test-metric CIs written as fractions beside a value in percent (`90.2%` with `[0.896, 0.908]`),
 * read in percent in the record itself, so that its table, charts and changes agree (see
 * `intervalOnValueScale`); a note for each, at the interval. Mutates `record`.
 */
function intervalsReadInPercent(record: Experiment, parsed: ParsedSource, file: string): Diagnostic[] {
  const notes: Diagnostic[] = [];
  (record.evaluation?.testMetrics ?? []).forEach((tm, i) => {
    if (tm.ci95 === undefined || tm.value === null) return;
    const info = metricInfo(tm.metric, tm.unit);
    const read = intervalOnValueScale(info, tm.value, tm.ci95, proportionDenominator(record, info)?.n);
    if (read.reading !== 'percent') return;
    const path = `evaluation.testMetrics.${i}.ci95`;
    notes.push({
      level: 'info',
      code: 'ci-scale',
      file,
      ...(positionOf(parsed, ['evaluation', 'testMetrics', i, 'ci95']) ?? { line: 1, column: 1 }),
      path,
      message: msg.ciReadInPercent(tm.metric, tm.value, tm.ci95, read.ci),
      hint: msg.hintCiInPercent(),
    });
    tm.ci95 = read.ci;
    // The places written shift with the scale: 0.900 is 90.0.
    const decimals = record.writtenDecimals;
    if (decimals !== undefined)
      for (const key of [path, `${path}.low`, `${path}.high`]) {
        const places = decimals[key];
        if (places !== undefined) decimals[key] = Math.max(0, places - 2);
      }
  });
  return notes;
}

/**
 * The parts of `data` that `schema` accepts: the whole when it validates; otherwise, `depth` levels
 * down an object schema, an object of the fields that validate on their own (each whole, below
 * `depth`). Undefined when nothing does. What it returns holds only validated values, with fields a
 * full record would require possibly missing: for checks that read optional parts only.
 */
export function validParts(schema: z.ZodType, data: unknown, depth: number): unknown {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  if (depth <= 0 || !isPlainObject(data)) return undefined;
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (!(inner instanceof z.ZodObject)) return undefined;
  const parts: Record<string, unknown> = {};
  for (const [key, field] of Object.entries<z.ZodType>(inner.shape)) {
    if (!Object.hasOwn(data, key)) continue;
    const part = validParts(field, data[key], depth - 1);
    if (part !== undefined) setOwn(parts, key, part);
  }
  return Object.keys(parts).length > 0 ? parts : undefined;
}

/** Every issue of a failed zod parse of `parsed.data` as located errors (plain-English message, hint where possible). */
export function schemaDiagnostics(error: z.ZodError, parsed: ParsedSource, file: string): Diagnostic[] {
  return (error.issues as unknown as Issue[]).flatMap((issue) => issueToDiagnostics(issue, [], parsed, file));
}

/** True when an object anywhere in `value` has a `__proto__` key of its own (rare: most records have nothing to restore). */
function hasProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (Object.hasOwn(value, '__proto__')) return true;
  for (const key in value) if (Object.hasOwn(value, key) && hasProtoKey((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * Puts `__proto__` keys back. zod leaves them out of what it returns (assigning one would replace
 * the object's prototype) and does not check their values; here a metric, tag or column named
 * `__proto__` is data like any other. Each is checked against its field's schema and set as an own
 * property of `output`; returns the issues of those that do not pass (paths from the record's root).
 */
function restoreProtoKeys(schema: z.ZodType, input: unknown, output: unknown, path: FieldPath): Issue[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  if (typeof input !== 'object' || input === null || typeof output !== 'object' || output === null) return [];
  if (inner instanceof z.ZodArray) {
    if (!Array.isArray(input) || !Array.isArray(output)) return [];
    const element = inner.element as z.ZodType;
    return input.flatMap((item: unknown, index) => restoreProtoKeys(element, item, output[index], [...path, index]));
  }
  let known: Readonly<Record<string, z.ZodType>> = {};
  let rest: z.ZodType | undefined;
  if (inner instanceof z.ZodObject) {
    known = inner.shape;
    const catchall = inner._zod.def.catchall as z.ZodType | undefined;
    rest = catchall instanceof z.ZodNever ? undefined : catchall;
  } else if (inner instanceof z.ZodRecord) {
    rest = inner._zod.def.valueType as z.ZodType;
  } else return [];
  const issues: Issue[] = [];
  const source = input as Record<string, unknown>;
  const target = output as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const child = Object.hasOwn(known, key) ? known[key] : rest;
    if (child === undefined) continue;
    if (key !== '__proto__') {
      if (Object.hasOwn(target, key)) pushAll(issues, restoreProtoKeys(child, source[key], target[key], [...path, key]));
      continue;
    }
    const checked = child.safeParse(source[key]);
    if (!checked.success) {
      for (const issue of checked.error.issues as unknown as Issue[]) issues.push({ ...issue, path: [...path, key, ...issue.path] });
      continue;
    }
    setOwn(target, key, checked.data);
    pushAll(issues, restoreProtoKeys(child, source[key], checked.data, [...path, key]));
    // Keep the record's key order (history columns, table columns): move the keys after it behind it.
    const keys = Object.keys(source);
    for (const later of keys.slice(keys.indexOf(key) + 1)) {
      if (!Object.hasOwn(target, later)) continue;
      const value = target[later];
      delete target[later];
      setOwn(target, later, value);
    }
  }
  return issues;
}

/** Orders diagnostics by line, then column; file-wide ones first. Stable otherwise. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** The value at a path of a raw record (undefined when absent). */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Where a field is written: its own position, else the nearest enclosing field's. */
export function positionOf(parsed: ParsedSource, path: FieldPath, preferKey = false): SourcePosition | undefined {
  for (let length = path.length; length >= 0; length--) {
    const key = joinPath(path.slice(0, length));
    const position = (preferKey ? parsed.keyPositions.get(key) : undefined) ?? parsed.positions.get(key);
    if (position) return position;
  }
  return undefined;
}

/**
 * The earliest position recorded for `path` or anything inside it (a value built from several lines,
 * as the template parser records them); else `positionOf` (JSON and YAML values start where they are written).
 */
function firstPositionWithin(parsed: ParsedSource, path: FieldPath): SourcePosition | undefined {
  if (!(parsed.positions instanceof Map)) return positionOf(parsed, path);
  const key = joinPath(path);
  let first: SourcePosition | undefined;
  for (const [at, position] of parsed.positions as ReadonlyMap<string, SourcePosition>) {
    if (at !== key && !at.startsWith(`${key}.`)) continue;
    if (!first || position.line < first.line || (position.line === first.line && position.column < first.column)) first = position;
  }
  return first ?? positionOf(parsed, path);
}

/** Turns one zod issue into diagnostics (a union issue may stand for the issues of its matching branch). */
function issueToDiagnostics(issue: Issue, prefix: FieldPath, parsed: ParsedSource, file: string): Diagnostic[] {
  const path: FieldPath = [...prefix, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
  const value = valueAt(parsed.data, path);

  if (issue.code === 'invalid_union' && issue.errors) {
    const branch = matchingBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => issueToDiagnostics(inner, path, parsed, file));
  }
  const { code, message, hint } = describeIssue(issue, path, value);
  const position = value === undefined && path.length > 0 ? positionOf(parsed, path.slice(0, -1)) : positionOf(parsed, path);
  return [{ level: 'error', code, file, ...position, path: joinPath(path), message, ...(hint ? { hint } : {}) }];
}

/**
 * The union branch the value was meant for: the only one whose issues are not about a literal
 * discriminator (`kind`) — so `{ kind: "range", min: "a" }` reports `min`, not "no form matches".
 */
function matchingBranch(branches: Issue[][]): Issue[] | undefined {
  const candidates = branches.filter(
    (issues) =>
      issues.length > 0 &&
      issues.every((issue) => issue.path.length > 0) &&
      !issues.some((issue) => issue.code === 'invalid_value' && issue.path.length === 1),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

const ID_FIELDS = new Set(['id', 'experimentId']);
/** Fields naming other experiments by id. */
const REFERENCE_FIELDS = new Set(['parent', 'related']);
const DATE_FIELDS = new Set(['date', 'completionDate']);

/** Message, hint and code for one issue. */
function describeIssue(issue: Issue, path: FieldPath, value: unknown): { code: string; message: string; hint?: string } {
  const field = [...path].reverse().find((key) => typeof key === 'string') ?? '';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected ?? 'value';
      if (value === undefined) return { code: 'missing-field', message: msg.missingField(expected) };
      return { code: 'invalid-type', message: msg.invalidType(expected, value), ...typeHint(expected, value, path) };
    }
    case 'invalid_value': {
      const options = issue.values ?? [];
      // A status in other words ("Done") is suggested by meaning; anything else by spelling.
      const meant = field === 'status' && typeof value === 'string' ? statusFromWords(value) : undefined;
      // A run on hold has not ended: running, with the words as its note.
      const paused = field === 'status' && typeof value === 'string' ? statusKeptAsNote(value) : undefined;
      const suggestion = meant ?? (typeof value === 'string' ? closestMatch(value, options.map(String)) : undefined);
      return {
        code: 'invalid-value',
        message: msg.invalidOption(options, value),
        hint: paused
          ? msg.hintPausedStatus(paused.note, paused.status)
          : suggestion
            ? msg.hintDidYouMean(suggestion)
            : msg.hintUseOneOf(options),
      };
    }
    case 'invalid_format': {
      let hint: string | undefined;
      if (REFERENCE_FIELDS.has(field)) hint = msg.hintReferenceId();
      else if (ID_FIELDS.has(field)) hint = msg.hintSetId();
      else if (DATE_FIELDS.has(field)) hint = msg.hintDateFormat(typeof value === 'string' ? slashedDayReadings(value) : []);
      return { code: 'invalid-format', message: msg.invalidFormat(issue.message, value), ...(hint ? { hint } : {}) };
    }
    case 'too_big': {
      const hint = issue.maximum === 1 && typeof value === 'number' && value > 1 && value <= 100 ? msg.hintFraction() : undefined;
      return {
        code: 'out-of-range',
        message: msg.tooBig(issue.origin ?? 'number', issue.maximum ?? 0, issue.inclusive ?? true, value),
        ...(hint ? { hint } : {}),
      };
    }
    case 'too_small':
      return { code: 'out-of-range', message: msg.tooSmall(issue.origin ?? 'number', issue.minimum ?? 0, issue.inclusive ?? true, value) };
    case 'invalid_union': {
      if (field === 'searchSpace') return { code: 'invalid-type', message: msg.invalidSearchSpace(value) };
      const alternatives = (issue.errors ?? []).map((branch) =>
        branch.length === 1 && branch[0]?.path.length === 0 && branch[0].code === 'invalid_type' ? branch[0].expected : undefined,
      );
      if (alternatives.every((a): a is string => a !== undefined)) {
        const hint =
          field === 'ci95' && typeof value === 'string' && parseWrittenInterval(value) !== undefined ? msg.hintIntervalText() : undefined;
        return { code: 'invalid-type', message: msg.noAlternativeMatches([...new Set(alternatives)], value), ...(hint ? { hint } : {}) };
      }
      return { code: 'invalid-type', message: msg.noFormMatches(value) };
    }
    default:
      return { code: 'schema', message: msg.otherProblem(issue.message) };
  }
}

/** A hint for a wrong type: quotes to add or remove, units to drop. */
function typeHint(expected: string, value: unknown, path: FieldPath): { hint?: string } {
  if ((expected === 'number' || expected === 'int') && typeof value === 'string') {
    // Text far longer than any number is written: no reading of it (each would take long), only what to write.
    if (tooLongForValue(value)) return { hint: msg.hintNumberOrNothing() };
    const number = parseNumber(value);
    // `"41,200"`: the number as JSON and YAML read it, with no separator (41,200 unquoted is no number in either).
    if (number !== undefined) return { hint: msg.hintUnquote(String(number)) };
    const percent = /^\s*(.+?)\s*%\s*$/.exec(value)?.[1];
    if (percent !== undefined && parseNumber(percent) !== undefined) {
      if (path.at(-1) === 'fraction') return { hint: msg.hintFraction() };
      // A metric's value: a test metric's, or one in a group's or baseline's metrics.
      if (path.includes('testMetrics') || path.at(-2) === 'metrics') return { hint: msg.hintPercentNumber(percent) };
    }
    // `~0.91`, `≈0.8`: the number without the sign (how near it is can go in a note).
    const approximate = /^\s*(?:~|≈|about|approx\.?|circa|ca\.)\s*(.+?)\s*$/i.exec(value)?.[1];
    if (approximate !== undefined && parseNumber(approximate.replace(/\s*%$/, '')) !== undefined)
      return { hint: msg.hintApproximate(approximate) };
    if (/\d/.test(value)) return { hint: msg.hintPlainNumber() };
    // `"lots"`, `"unknown"`: no number in it at all.
    return { hint: msg.hintNumberOrNothing() };
  }
  // `value: [0.91, 0.93]`: one number (an interval has its own field).
  if ((expected === 'number' || expected === 'int') && Array.isArray(value)) return { hint: msg.hintOneNumber(path.at(-1) === 'value') };
  // A file of several records (`[{ "id": "a-1" }, …]`): one experiment per file.
  if (path.length === 0 && expected === 'object' && Array.isArray(value)) return { hint: msg.hintOneRecordPerFile() };
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return { hint: msg.hintQuoteIt(String(value)) };
  // `history: { loss: [6 values], val_loss: [3 values] }` (Keras with `validation_freq=2`): columns of other lengths.
  if (expected === 'array' && path.at(-1) === 'history' && isPlainObject(value)) {
    const lengths = Object.entries(value).flatMap(([name, column]) => (Array.isArray(column) ? [[name, column.length] as const] : []));
    if (lengths.length > 1 && new Set(lengths.map(([, n]) => n)).size > 1) return { hint: msg.hintHistoryColumnLengths(lengths) };
  }
  return {};
}

const objectShapes = new WeakMap<z.ZodType, { shape: Record<string, z.ZodType>; keysAreData: boolean } | null>();

/** The object schema inside optional/nullable wrappers, with its known keys; undefined for anything else. */
function objectShape(schema: z.ZodType): { shape: Record<string, z.ZodType>; keysAreData: boolean } | undefined {
  const known = objectShapes.get(schema);
  if (known !== undefined) return known ?? undefined;
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  let found: { shape: Record<string, z.ZodType>; keysAreData: boolean } | undefined;
  if (inner instanceof z.ZodObject) {
    const catchall = inner._zod.def.catchall;
    found = { shape: inner.shape, keysAreData: catchall !== undefined && !(catchall instanceof z.ZodUnknown) };
  }
  objectShapes.set(schema, found ?? null);
  return found;
}

const arrayElements = new WeakMap<z.ZodType, z.ZodType | null>();

/** The element schema of an array inside optional/nullable wrappers. */
function arrayElement(schema: z.ZodType): z.ZodType | undefined {
  const known = arrayElements.get(schema);
  if (known !== undefined) return known ?? undefined;
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  const element = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
  arrayElements.set(schema, element ?? null);
  return element;
}

/**
 * Top-level names other tools give to what a record holds deeper down (MLflow's `params` and
 * `metrics`, a `history` dict, a `parent`): an unknown key with one of these names gets a hint
 * naming the field, though it is not spelt alike. Those of `TOP_LEVEL_HOMES` are moved there when
 * they can be (see written-shapes.ts), so the hint is for one that could not; the others have no
 * single home to move to.
 */
const TOP_LEVEL_ELSEWHERE: ReadonlyMap<string, string> = new Map([
  // Not `fairness` or `baselines` left where written: the words name other things too (a note, a figure).
  ...[...TOP_LEVEL_HOMES]
    .filter(([, home]) => home.holds !== 'groups' && home.holds !== 'baselines')
    .map(([name, home]) => [name, home.path.join('.')] as const),
  ['results', 'evaluation.testMetrics'],
  ['user', 'experimenter'],
  ['runid', 'trackers'],
  ['seed', 'reproducibility.seeds'],
  ['randomseed', 'reproducibility.seeds'],
  // Settings written at the top (`lr: 2e-5`, `batch_size: 32`): no "did you mean id".
  ...['lr', 'learningrate', 'batchsize', 'epochs', 'numepochs', 'optimizer', 'weightdecay', 'dropout', 'warmup', 'momentum'].map(
    (name) => [name, 'model.hyperparameters'] as const,
  ),
]);

/** "Did you mean" warnings for unknown keys close to a known key, at every level the schema defines. */
function unknownKeyWarnings(value: unknown, schema: z.ZodType, parsed: ParsedSource, file: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  // One path, extended and cut back as the walk goes (a history has a hundred thousand values); copied only for a warning.
  const at: (string | number)[] = [];
  const visit = (item: unknown, itemSchema: z.ZodType): void => {
    const element = arrayElement(itemSchema);
    if (element && Array.isArray(item)) {
      for (let index = 0; index < item.length; index++) {
        at.push(index);
        visit(item[index], element);
        at.pop();
      }
      return;
    }
    const object = objectShape(itemSchema);
    if (!object || !isPlainObject(item)) return;
    for (const [key, child] of Object.entries(item)) {
      const childSchema = Object.hasOwn(object.shape, key) ? object.shape[key] : undefined;
      if (childSchema) {
        at.push(key);
        visit(child, childSchema);
        at.pop();
        continue;
      }
      if (object.keysAreData) continue;
      // The template parser's note beside a field (`hyperparametersNote`) has its own warning.
      if (key.endsWith('Note') && object.shape[key.slice(0, -'Note'.length)] !== undefined) continue;
      // A body's value kept beside the frontmatter's (`hyperparametersInBody`) has its own warning (`given-twice`).
      if (key.endsWith('InBody') && object.shape[key.slice(0, -'InBody'.length)] !== undefined) continue;
      const suggestion = closestMatch(key, Object.keys(object.shape));
      // A list of names (a model card's `metrics: [accuracy]`) holds no values to move there: no hint, no warning.
      const names = Array.isArray(child) && child.every((name) => typeof name === 'string');
      // A note's `# Title` beside its `**Experiment Name**` (or its frontmatter's `name:`) is kept as
      // `title` by the reader itself, and a `title:` written beside a `name:` is meant as one: nothing to move.
      const ownTitle = at.length === 0 && key === 'title' && (parsed.format === 'template' || typeof item['name'] === 'string');
      const lives = at.length === 0 && !names && !ownTitle ? TOP_LEVEL_ELSEWHERE.get(topLevelName(key)) : undefined;
      if (!suggestion && !lives) continue;
      // `ci: […]` beside `ci_level: 0.9` is no misspelt `ci95`: `otherLevelWarnings` says what it is.
      if (suggestion === 'ci95' && otherLevelInterval(item) !== undefined) continue;
      const keyPath = [...at, key];
      warnings.push({
        level: 'warning',
        code: 'unknown-key',
        file,
        ...positionOf(parsed, keyPath, true),
        path: joinPath(keyPath),
        message: msg.unknownKey(key),
        // Where a top-level name lives says more than a field spelt like it (`lr` is no misspelt `id`);
        // a `ci90` is no misspelt `ci95`: renaming it would call a 90% interval a 95% one.
        hint: lives
          ? msg.hintWhereItLives(lives)
          : /^ci\d{2}$/i.test(key) && suggestion === 'ci95'
            ? msg.hintOtherLevelKey(key)
            : msg.hintDidYouMean(suggestion ?? ''),
      });
    }
  };
  visit(value, schema);
  return warnings;
}

/** A warning at each test metric's interval given at another level than 95% (`ci_level: 0.9`): it is not used. */
function otherLevelWarnings(parsed: ParsedSource, file: string): Diagnostic[] {
  const evaluation = isPlainObject(parsed.data) ? parsed.data['evaluation'] : undefined;
  const metrics = isPlainObject(evaluation) ? evaluation['testMetrics'] : undefined;
  if (!Array.isArray(metrics)) return [];
  return metrics.flatMap((metric: unknown, index) => {
    const other = isPlainObject(metric) ? otherLevelInterval(metric) : undefined;
    if (other === undefined) return [];
    const path = ['evaluation', 'testMetrics', index, ...other.at];
    return [
      {
        level: 'warning' as const,
        code: 'ci-level',
        file,
        ...positionOf(parsed, path),
        path: joinPath(path),
        message: msg.otherLevelInterval(other.level),
        hint: msg.hintOtherLevelInterval(),
      },
    ];
  });
}

/** Warnings for required-looking fields left as placeholders (the id has its own `missing-id` warning). */
function placeholderWarnings(parsed: ParsedSource, file: string, notKnown: ReadonlyMap<string, string>): Diagnostic[] {
  const listed = isPlainObject(parsed.data) && Array.isArray(parsed.data['placeholders']) ? parsed.data['placeholders'] : [];
  return REQUIRED_LOOKING_FIELDS.filter((field) => field !== 'id' && listed.includes(field)).map((field) => {
    // `Completion Date: TBD`: written as not known yet, not the template's [bracketed] text.
    const written = notKnown.get(field);
    return {
      level: 'warning' as const,
      code: 'placeholder',
      file,
      ...positionOf(parsed, [field]),
      path: field,
      message: written === undefined ? msg.placeholderField(field) : msg.notKnownField(field, written),
      hint: written === undefined ? msg.hintFillPlaceholder() : msg.hintNotKnownField(),
    };
  });
}

/** Warnings for parts of a record that are still the log template's example results. */
function templateExampleWarnings(record: Experiment, parsed: ParsedSource, file: string): Diagnostic[] {
  return findTemplateExamples(record).map(({ path, part, items }) => ({
    level: 'warning' as const,
    code: 'template-example',
    file,
    ...firstPositionWithin(parsed, path),
    path: joinPath(path),
    message: msg.templateExample(part, items),
    hint: msg.hintReplaceExample(),
  }));
}
