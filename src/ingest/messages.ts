/**
 * Every message and hint Logbook prints about a record, as functions, so tests assert exact strings
 * (after Vega-Lite's `src/log/message.ts`). Messages say what is wrong; hints say how to fix it.
 */

import { oneLine } from '../util/log-text.ts';

/** Quotes a value for a message: strings in double quotes, shortened past 60 characters. */
export function quote(text: string, limit = 60): string {
  const short = text.length > limit ? `${text.slice(0, limit - 3)}…` : text;
  return JSON.stringify(short);
}

/** Quotes a file path for a message: a path is how a reader finds the file, so it is cut only past 400 characters. */
export const quotePath = (path: string): string => quote(path, 400);

/** Names a received value in plain English: `the string "high"`, `the number 5`, `a list`, … */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  // JSON and YAML read a number past ±1.8e308 as infinity: say so, since the file shows no "Infinity".
  if (typeof value === 'number' && !Number.isFinite(value) && !Number.isNaN(value))
    return `${value < 0 ? 'minus ' : ''}infinity (a number too large to store, such as 1e309)`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Names an expected type in plain English: `number` → `a number`, `int` → `a whole number`. */
export function describeExpected(expected: string): string {
  const nouns: Readonly<Record<string, string>> = {
    number: 'a number',
    int: 'a whole number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    record: 'an object',
    null: 'null',
    nan: 'a number',
  };
  return nouns[expected] ?? `a ${expected}`;
}

/** Joins alternatives: `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

// ── reading files ──────────────────────────────────────────────────────────

/** A JSON syntax error; `problem` is e.g. `expected a comma`. */
export const jsonSyntax = (problem: string): string => `invalid JSON: ${problem}`;

/** YAML's `.nan` or `.inf` in a frontmatter (as `yaml.dump` writes a float that is no number). */
export const notANumber = (written: string): string => `${written} is no number; it is read as null (a value not measured)`;
export const hintNotANumber = (): string =>
  'write null, or leave the field out, for a value not measured (a diverged loss, an undefined metric)';

/** A `NaN` or `Infinity` in a JSON record (as Python's `json.dump` writes them). */
export const jsonNonFinite = (token: string): string => `${token} is no JSON number; it is read as null (a value not measured)`;
export const hintJsonNonFinite = (): string =>
  "Python's json.dump writes NaN and Infinity for floats that are no numbers (a diverged loss): write null for a value not measured";

/** A `nan` or `inf` in a table's cell (as pandas and NumPy print a float that is no number). */
export const printedNonFinite = (token: string): string =>
  `"${token}" is no number (a value pandas or NumPy prints for a diverged or missing float); it is read as null, shown as no value`;
export const hintPrintedNonFinite = (): string =>
  'leave the cell empty, or write "-", for a value not measured; a note under the table can say why';

/** A YAML frontmatter syntax error; `problem` is the YAML parser's first line. */
export const yamlSyntax = (problem: string): string => `invalid YAML frontmatter: ${problem}`;

/** The frontmatter opened with `---` but never closed. */
export const frontmatterUnclosed = (): string => 'the frontmatter has no closing "---" line';

/** A `+++` TOML frontmatter block (Hugo, Zola), which Logbook does not read. */
export const orgMode = (): string =>
  'this file is written in Org mode (`#+TITLE:`, `* Results`): Logbook reads Markdown, so the file is kept as a note on the page and its tables and most of its fields are not read';
export const hintOrgMode = (): string =>
  'export it to Markdown ("pandoc -f org -t gfm log.org -o log.md", or C-c C-e m m in Emacs) and keep the .md file in the content folder';
export const tomlFrontmatter = (): string =>
  'the "+++" block at the top is TOML frontmatter, which Logbook does not read: its fields are kept as text in the notes';

/** Hint for a TOML frontmatter block. */
export const hintTomlFrontmatter = (): string =>
  'write the frontmatter in YAML between "---" lines (`title = "x"` → `title: x`, `tags = ["a", "b"]` → `tags: [a, b]`), or the fields as the template\'s labels';

/** Hint for an unclosed frontmatter. */
export const hintCloseFrontmatter = (): string => 'end the frontmatter with a line containing only "---"';

/** The frontmatter is not a mapping of keys to values. */
export const frontmatterNotMapping = (got: unknown): string =>
  `the frontmatter must be a mapping of keys to values, got ${describeValue(got)}`;

/** The file could not be read at all. */
export const readFailed = (reason: string): string => `could not read the file: ${reason}`;

/** A symbolic link whose real path leaves the content folder; `target` is the link as written. */
export const linkOutsideFolder = (target: string): string =>
  `symbolic link to ${quotePath(target)} leads outside the content folder; it is not read`;

/** A symbolic link to nothing. */
export const brokenLink = (target: string): string => `symbolic link to ${quotePath(target)} points to nothing`;

/** A record-named entry that is not a regular file (a FIFO, a socket, a device). */
export const notARegularFile = (): string => 'not a regular file; it is not read';

/** Hint for a refused link or special file. */
export const hintReplaceLink = (): string => 'put the record file itself in the content folder (records are read only from inside it)';

/** The id is missing or a placeholder, so the file name is used instead. */
export const missingId = (fallback: string, wasPlaceholder: boolean): string =>
  `${wasPlaceholder ? 'the experiment id is still a template placeholder' : 'the record has no experiment id'}; using the file name ${quote(fallback)}`;

/** Hint for a missing id. */
export const hintReferenceId = (): string =>
  'name the other experiment by its id alone (such as "exp-041"); words about it go in brackets after the id (`exp-041 (abandoned)`) or in the lineage note';
export const hintSetId = (): string => 'set "id" (or "**Experiment ID**:" in a template) to a unique id such as "exp-042"';

/** A required-looking field is still an unfilled template placeholder. */
export const placeholderField = (path: string): string =>
  `the ${path.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} is still the template's placeholder (its [bracketed] text), not a value`;

/** A required-looking field written as not known yet (`TBD`, `—`). */
export const notKnownField = (path: string, written: string): string =>
  `the ${path.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} is not filled in yet (written ${quote(written)}); it is shown as not filled`;
export const hintNotKnownField = (): string => 'write the value when it is known, or leave the line out';

/** Hint for a placeholder field. */
export const hintFillPlaceholder = (): string => 'replace the bracketed text with a value, or delete the line';

// ── limits (see limits.ts) ────────────────────────────────────────────────

const count = (n: number): string => n.toLocaleString('en-US');

/** A record file larger than the limit. */
export const recordTooLarge = (bytes: number, limit: number): string =>
  `the file is ${count(bytes)} bytes; a record may be at most ${count(limit)} bytes`;

/** Hint for a record past a size limit. */
export const hintSplitRecord = (): string => 'split it into several records, or keep bulky data (logs, raw predictions) outside the record';

/** A frontmatter record larger than the limit. */
export const frontmatterTooLarge = (bytes: number, limit: number): string =>
  `the file is ${count(bytes)} bytes; a record with YAML frontmatter may be at most ${count(limit)} bytes`;

/** Hint for a frontmatter record past its limit. */
export const hintUseJson = (jsonLimit: number): string =>
  `write a record this large as JSON (up to ${count(jsonLimit)} bytes), or split it`;

/** Objects and lists nested deeper than the limit. */
export const nestedTooDeep = (limit: number): string => `objects and lists are nested more than ${limit} levels deep`;

/** Hint for nesting past the limit. */
export const hintFlatten = (): string => 'flatten the structure: no record field needs that much nesting';

/** A list longer than the limit. */
export const tooManyItems = (items: number, limit: number): string =>
  `the list has ${count(items)} items; at most ${count(limit)} are allowed`;

/** Hint for a training history past the limit. */
export const hintThinHistory = (): string => 'log every n-th step, or keep the full history in your tracker and link it';

/** An object with more keys than the limit. */
export const tooManyKeys = (keys: number, limit: number): string =>
  `the object has ${count(keys)} keys; at most ${count(limit)} are allowed`;

/** A confusion matrix with more classes than the limit. */
export const tooManyClasses = (classes: number, limit: number): string =>
  `the confusion matrix has ${count(classes)} classes; at most ${count(limit)} are allowed`;

/** Hint for a confusion matrix past the limit. */
export const hintGroupClasses = (): string => 'group rare classes together, or report per-class metrics instead';

/** An id longer than the limit. */
export const idTooLong = (length: number, limit: number): string =>
  `the id is ${count(length)} characters long; at most ${count(limit)} are allowed`;

/** Hint for a long id. */
export const hintShortenId = (): string => 'use a short id such as "fraud-gbm-003" (it names the page folder and the API file)';

/** An id ending in a file extension the site's host would serve as a file. */
export const idLooksLikeFile = (id: string): string => `the id ${quote(id)} ends like a file name`;

/** Hint for an id with a file extension. */
export const hintIdExtension = (): string => 'drop the extension: the id becomes a folder (experiments/<id>/) on the site';

/** More Markdown than the limit. */
export const markdownTooLong = (chars: number, limit: number): string =>
  `the record has ${count(chars)} characters of Markdown; at most ${count(limit)} are allowed`;

/** A Markdown paragraph longer than the limit. */
export const markdownParagraphTooLong = (chars: number, limit: number): string =>
  `a Markdown paragraph is ${count(chars)} characters long; at most ${count(limit)} are allowed (long paragraphs make Markdown slow to render)`;

/** Hint for a long Markdown paragraph. */
export const hintSplitParagraph = (): string => 'split it with blank lines into shorter paragraphs';

/** A parser failed on the text (a bug or an input no limit caught); `reason` is its message. */
export const parseFailed = (reason: string): string => `could not read the record: ${reason}`;

/** Hint for a parser failure. */
export const hintParseFailed = (): string => 'simplify the file; if it looks valid, report this as a Logbook bug';

/** Too many YAML aliases (a YAML "billion laughs"). */
export const yamlTooManyAliases = (): string =>
  'invalid YAML frontmatter: too many aliases (*name); the frontmatter would expand without bound';

/** Hint for YAML aliases. */
export const hintYamlAliases = (): string => 'write the values out instead of repeating them through anchors (&name) and aliases (*name)';

// ── validating records ─────────────────────────────────────────────────────

/** A part of a record is still the log template's example results; `items` names the matching rows or values. */
export const templateExample = (part: string, items: readonly string[]): string =>
  `still the template's example ${part} (${items.join('; ')}), not this experiment's results`;

/** Hint for a template example left in a record. */
export const hintReplaceExample = (): string => "replace it with this experiment's own results, or delete it";

/** A value of the wrong type. */
export const hintApproximate = (number: string): string => `write the number alone, ${number}; say how near it is in a note beside it`;
export const hintOneRecordPerFile = (): string =>
  'a file holds one experiment: put each in a file of its own (named by its id), or bring a table of runs in with "logbook import csv"';
/** Per-epoch columns written as lists of other lengths. */
export const hintHistoryColumnLengths = (lengths: readonly (readonly [string, number])[]): string =>
  `its columns have different lengths (${lengths.map(([name, n]) => `${name} ${n}`).join(', ')}), so Logbook cannot tell which epoch each value is of — write one value per epoch in every column, null where there is none (a validation run every other epoch: null at the others), or a list of rows ({ "epoch": 1, "loss": 0.5 })`;
export const invalidType = (expected: string, got: unknown): string => `expected ${describeExpected(expected)}, got ${describeValue(got)}`;

/** A required field that is absent. */
export const missingField = (expected: string): string => `required field is missing (expected ${describeExpected(expected)})`;

/** A value outside a fixed set of options. */
export const invalidOption = (options: readonly unknown[], got: unknown): string =>
  `expected one of ${options.map((option) => JSON.stringify(option)).join(', ')}, got ${describeValue(got)}`;

/** A string that does not match its required format; `rule` is the schema's own sentence. */
export const invalidFormat = (rule: string, got: unknown): string => `${rule}, got ${describeValue(got)}`;

/** A number, list or string that is too large. */
export const tooBig = (origin: string, limit: number | bigint, inclusive: boolean, got: unknown): string => {
  const bound = `${inclusive ? 'at most' : 'less than'} ${String(limit)}`;
  if (origin === 'array') return `must have ${bound} items, got ${Array.isArray(got) ? got.length : describeValue(got)}`;
  if (origin === 'string') return `must be ${bound} characters long`;
  return `must be ${bound}, got ${describeValue(got)}`;
};

/** A number, list or string that is too small. */
export const tooSmall = (origin: string, limit: number | bigint, inclusive: boolean, got: unknown): string => {
  const bound = `${inclusive ? 'at least' : 'more than'} ${String(limit)}`;
  if (origin === 'array') return `must have ${bound} items, got ${Array.isArray(got) ? got.length : describeValue(got)}`;
  if (origin === 'string') return `must be ${bound} characters long`;
  return `must be ${bound}, got ${describeValue(got)}`;
};

/** A value matching none of a union's forms. */
export const noAlternativeMatches = (alternatives: readonly string[], got: unknown): string =>
  `expected ${orList(alternatives.map((a) => (a === 'boolean' ? 'a boolean' : describeExpected(a))))}, got ${describeValue(got)}`;

/** A value matching none of a union's forms, when the forms are not simple types. */
export const noFormMatches = (got: unknown): string => `does not match any of the allowed forms, got ${describeValue(got)}`;

/** A search space in none of its three forms. */
export const invalidSearchSpace = (got: unknown): string =>
  `expected a search space { kind: "range", min, max }, { kind: "choice", values } or { kind: "text", text }, got ${describeValue(got)}`;

/** A schema rule with no friendlier wording; `text` is the schema's message. */
export const otherProblem = (text: string): string => text;

/** A key the schema does not define, close to one it does (unknown keys are kept). */
export const unknownKey = (key: string): string => `unknown field ${quote(key)} (it is kept, but nothing reads it)`;

/** Suggests the closest known name. */
export const hintDidYouMean = (suggestion: string): string => `did you mean ${quote(suggestion)}?`;

/** Suggests where a field that tracking tools name differently lives in a record. */
export const hintWhereItLives = (path: string): string =>
  `Logbook reads this as ${quote(path)}: move it there to have it checked, compared and charted`;

/** Hint for a number written where text is expected. */
export const hintQuoteIt = (value: string): string => `put it in quotes to keep it as text: ${quote(value)}`;

/** Hint naming the closest existing experiment id. */
export const hintClosestId = (id: string): string => `the closest existing id is ${quote(id)}`;

/** Hint for a number written in quotes. */
export const hintUnquote = (value: string): string => `write it as a plain number, without quotes or separators: ${value}`;

/** Hint for a number written with a unit or words. */
export const hintPlainNumber = (): string => 'write a plain number, without units or words';
export const hintNumberOrNothing = (): string => 'write a number, or leave the field out while it is not known';
export const hintOneNumber = (isValue: boolean): string =>
  isValue ? 'write one number; a 95% interval goes in `ci95` ([low, high] or a half-width)' : 'write one number, not a list';

/** Hint for a number written in percent (`"87.3%"`) where a number is expected. */
export const hintPercentNumber = (number: string): string =>
  `write the number alone: ${number} (a test metric says "unit": "%" beside it; a proportion above 1 is read as percent)`;

/**
 * Hint for a 95% CI written as text that was not read: in percent (`"±0.7%"`) beside a value that
 * is not (Logbook does not guess whether ±0.7% of 0.79 means ±0.007), or beside no value it fits.
 */
export const hintIntervalText = (): string =>
  'write the half-width in the value\'s unit (±0.7% beside 0.79 → 0.007), the value in percent too (79%), or the bounds as { "low": 0.857, "high": 0.881 }';

/**
 * Hint for a date in another format; for day and month with slashes that can be read either way
 * (`03/09/2026`), the two days it may be (`readings`: day first, then month first); for one that
 * can only be one day (`25/10/2026` in JSON, which does not read dates as text), that day.
 */
export const hintDateFormat = (readings: readonly string[] = []): string =>
  readings.length === 2
    ? `it could be ${longDay(readings[0] ?? '')} or ${longDay(readings[1] ?? '')}: write ${readings[0]} or ${readings[1]} (YYYY-MM-DD)`
    : readings.length === 1
      ? `write ${readings[0]} (YYYY-MM-DD)`
      : 'write dates as YYYY-MM-DD, e.g. 2025-01-15';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** `2026-09-03` → `3 September 2026`. */
const longDay = (day: string): string => {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTH_NAMES[(month ?? 1) - 1]} ${year}`;
};

/** Hint for a fraction written as a percentage. */
export const hintFraction = (): string => 'write fractions between 0 and 1 (70% → 0.7)';

/** A field written twice in a template record (the later value is kept). */
export const valueWrittenTwice = (earlierLine: number, earlier: unknown): string =>
  `also written on line ${earlierLine} (${JSON.stringify(earlier)}); this value is kept and that one is not used`;
/** Hint for a field written twice. */
export const hintValueWrittenTwice = (): string => 'remove the one you do not mean';

/** A test metric's CI written as fractions beside a value in percent, read in percent. */
export const ciReadInPercent = (
  metric: string,
  value: number,
  written: number | { low: number; high: number },
  read: number | { low: number; high: number },
): string =>
  `the 95% CI of ${metric}, ${showInterval(written)}, is written as fractions beside its value ${value}%: it is read in percent, ${showInterval(read)}`;
/** Hint for a CI read in percent. */
export const hintCiInPercent = (): string => "write the interval on the value's scale to say so yourself";
const showInterval = (ci: number | { low: number; high: number }): string =>
  typeof ci === 'number' ? `±${Number(ci.toPrecision(12))}` : `[${Number(ci.low.toPrecision(12))}, ${Number(ci.high.toPrecision(12))}]`;

/** A bare fraction-sized value in a per-epoch column written in percent. */
export const bareValueInPercentColumn = (column: string, text: string): string =>
  `${column} is written in percent in this table, but ${text} has no % sign: it is read as ${text}%`;
/** A bare fraction among percentages above 1% in one column: read as the fraction. */
export const bareFractionInPercentColumn = (column: string, text: string, value: number): string =>
  `${column} is written in percent in this table, but ${text} has no % sign: it is read as the fraction ${text}, ${percentOf(value)}%`;
/** Hint for a bare fraction read in a column written in percent. */
export const hintBareFractionInPercentColumn = (value: number): string =>
  `write ${percentOf(value)}% to say so; if it is ${value}%, add the sign`;
const percentOf = (value: number): number => Number.parseFloat((value * 100).toPrecision(12));
/** Hint for a bare value in a column written in percent. */
export const hintBareValueInPercentColumn = (value: number): string =>
  `if it is the fraction ${value}, write ${Number.parseFloat((value * 100).toPrecision(12))}%; if it is ${value}%, add the sign`;

/** A column of intervals at another confidence level than 95%. */
export const otherConfidenceLevel = (header: string, level: number): string =>
  `"${header}" gives ${level}% intervals, not 95% ones: they are shown as each metric's note, and no change or check is computed with them`;
export const otherLevelInterval = (level: number): string =>
  `the interval is at the ${level}% level, not 95%: it is kept as written and shown, and no change or check is computed with it`;
export const hintOtherLevelInterval = (): string => 'give the 95% interval as "ci95" to have changes and checks use it';
/** Hint for an interval at another level given under its own key (`ci90`). */
export const hintOtherLevelKey = (key: string): string =>
  `"${key}" is kept as written; only 95% intervals ("ci95") are used for changes and checks — give the 95% interval there, not this one renamed`;
/** Hint for intervals at another level. */
export const hintOtherConfidenceLevel = (): string => 'give the 95% intervals (a 95% CI column) to have changes and checks use them';

/** Hint for a status saying the run is stopped for now (`On hold`): it has not ended. */
export const hintPausedStatus = (words: string, status = 'running'): string =>
  status === 'running'
    ? `a run that is ${words.toLowerCase()} has not ended: write "running", with "statusNote": ${JSON.stringify(words)}`
    : `write "${status}", with "statusNote": ${JSON.stringify(words)}`;

/** Hint listing the allowed options. */
export const hintUseOneOf = (options: readonly unknown[]): string => `use one of: ${options.map(String).join(', ')}`;

// ── numbers that can never be right (record-checks.ts) ─────────────────────

/** A confusion-matrix row whose length is not the number of labels. */
export const matrixRowLength = (row: number, label: string | undefined, length: number, labels: number): string =>
  `row ${row + 1}${label === undefined ? '' : ` (${quote(label)})`} of the confusion matrix has ${length} count${length === 1 ? '' : 's'}, but there are ${labels} labels`;
/** A confusion matrix whose number of rows is not the number of labels. */
export const matrixRowCount = (rows: number, labels: number): string =>
  `the confusion matrix has ${rows} row${rows === 1 ? '' : 's'}, but ${labels} labels: it must be square, one row and one column per label`;
export const hintMatrixShape = (): string => 'give one row per actual class and one count per predicted class, in the order of the labels';
/** Split fractions adding up to more than the whole dataset. */
export const splitFractionsPastOne = (total: number, fractions: readonly number[]): string =>
  `the split fractions add up to ${Number(total.toPrecision(4))} (${fractions.map((f) => String(f)).join(' + ')}), more than the whole dataset`;
export const hintSplitFractions = (): string => 'give each split as its share of the dataset (70% → 0.7); together they can be at most 1';
/** A completion date before the start date. */
export const completionBeforeStart = (date: string, completionDate: string): string =>
  `the completion date ${completionDate} is before the start date ${date}`;
export const hintDateOrder = (): string => 'check that "date" is when the experiment started and "completionDate" when it finished';

// ── checking the collection ────────────────────────────────────────────────

/** Two records share an id. */
export const duplicateId = (id: string, otherFile: string): string => `duplicate id ${quote(id)}: also used by ${otherFile}`;

/** Hint for a duplicate id. */
export const hintUniqueId = (): string => 'give every experiment its own id';

/** Two ids that differ only in case. */
export const idDiffersInCase = (id: string, other: string, otherFile: string): string =>
  `id ${quote(id)} differs from ${quote(other)} (${otherFile}) only in case: on macOS and Windows their pages are one folder and one overwrites the other`;

/** Hint for ids that differ only in case. */
export const hintIdCase = (): string => 'make the ids differ in more than letter case';

/** An id Windows cannot use as a folder name. */
export const idWindowsReserved = (id: string): string =>
  `id ${quote(id)} is a name Windows reserves (or ends in "."): its page folder cannot be created on Windows`;

/** Hint for a Windows-reserved id. */
export const hintIdWindows = (): string => 'rename it, e.g. by adding a prefix ("exp-con")';

/** Parents form a loop; `ids` lists the cycle in order, starting and ending with the same id. */
export const parentCycle = (ids: readonly string[]): string => `parent cycle: ${ids.join(' → ')}`;

/** Hint for a parent cycle. */
export const hintBreakCycle = (): string => 'an experiment cannot be its own ancestor: change "lineage.parent" in one of them';

/** A parent id no record has. */
export const unknownParent = (id: string, refusedFile?: string): string =>
  refusedFile === undefined
    ? `parent ${quote(id)} is not the id of any experiment`
    : `parent ${quote(id)} is the id of ${oneLine(refusedFile)}, which has errors and is left out of the site (its errors are listed with it)`;

/** A related id no record has. */
export const unknownRelated = (id: string, refusedFile?: string): string =>
  refusedFile === undefined
    ? `related experiment ${quote(id)} is not the id of any experiment`
    : `related experiment ${quote(id)} is the id of ${oneLine(refusedFile)}, which has errors and is left out of the site (its errors are listed with it)`;

// ── the validate command ───────────────────────────────────────────────────

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The last line `npm run validate` prints. */
export const validateSummary = (records: number, errors: number, warnings: number, leftOut: readonly string[] = []): string =>
  `validate: ${plural(records, 'record')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${leftOut.length === 0 ? '' : `; ${filesLeftOut(leftOut)}`}`;

/** How many files of the folder are not read, and the first few: a record in another format is not silently missing. */
export const filesLeftOut = (paths: readonly string[]): string => {
  const shown = paths.slice(0, 3).map(oneLine).join(', ');
  const more = paths.length > 3 ? `, and ${paths.length - 3} more` : '';
  return `${plural(paths.length, 'file')} left out, not JSON or Markdown (${shown}${more}) — records are .json or .md files; convert others with \`logbook import\``;
};

/** Something nothing else caught stopped the command. */
export const unexpectedFailure = (reason: string): string => `validate: unexpected failure: ${oneLine(reason)}`;

/** The content folder does not exist. */
export const folderNotFound = (dir: string): string => `validate: content folder not found: ${oneLine(dir)}`;

/** An argument the command does not understand. */
export const unknownArgument = (arg: string): string => `validate: unknown argument ${quote(arg)}`;

/** Usage text of `logbook validate`. */
export const validateUsage = (): string =>
  [
    'Usage: logbook validate [folder] [--config <file>]',
    '',
    'Checks every experiment record (*.json, *.md) under the folder and prints each problem as',
    'file:line:col field.path: message — hint. Exits with status 1 when any problem is an error.',
    '',
    '  folder            content folder (default: "content" in logbook.config.json, $LOGBOOK_CONTENT,',
    '                    else content/experiments)',
    '  --config <file>   settings file (default: logbook.config.json, when there is one)',
    '  -h, --help        show this message',
  ].join('\n');

/** An item of a test-metric list whose value is not a number Logbook reads (`Accuracy: ~87%`). */
export const durationKeptAsText = (written: string): string =>
  `"${written}" is not a duration Logbook can read; it is shown as written, but GPU-hours and other checks cannot use it`;
export const hintDurationKeptAsText = (): string =>
  'write the time alone, in one of these forms: "12 h", "12h 30m", "90 min", "2 days", "1:30:00"; put anything else in a note';
export const confusionFractions = (): string =>
  'the confusion matrix holds fractions, not counts (a normalized matrix); it is shown as written, but the test-set size and the metrics derived from a matrix need its counts';
export const hintConfusionFractions = (): string =>
  'give the matrix of counts (how many test examples of each actual class were predicted as each class); a normalized matrix can stay beside it as a table of its own';
export const metricCellKeptAsNote = (cell: string): string =>
  `"${cell}" is not a metric value Logbook can read; the metric is kept without a value, "${cell}" as its note, shown on the page`;
export const noCurrentColumn = (columns: readonly string[]): string =>
  `the table gives the metrics of ${columns.map((c) => `"${c}"`).join(', ')} side by side and none is marked as this experiment, so no test metric is read from it; it is kept on the page as written`;
export const hintNoCurrentColumn = (): string =>
  'mark this experiment\'s column: write its header in bold, or name it after the experiment ("this run", its id or its title)';
export const intervalCellKeptAsNote = (cell: string): string =>
  `"${cell}" is not an interval Logbook can read; it is kept beside the metric as written, and no change or check uses it`;
export const hintIntervalCellKeptAsNote = (): string =>
  'write the 95% interval in the value\'s unit, as a half-width ("±0.7", "±0.7%") or as bounds ("85.6–88.1", "[0.856, 0.881]")';
export const metricItemKeptAsNote = (item: string): string =>
  `"${item}" is not a metric value Logbook can read; it is kept as a note beside the test metrics and shown on the page`;
export const hintMetricItemKeptAsNote = (): string =>
  'write the value as a number, with its unit and interval if any ("87%", "0.87 ± 0.01", "45 ms"); words go in parentheses after it ("0.87 (5 seeds)")';
export const valueKeptAsNote = (label: string): string =>
  `the text after "${label}:" is not what Logbook reads there; it is kept as a note and shown on the page`;
export const notYetWrittenNote = (label: string, text: string): string =>
  `"${label}" is not filled in yet (${JSON.stringify(text)}); the text is kept as a note and shown on the page`;
export const hintNotYetWrittenNote = (label: string): string =>
  `when known, put the values under the "${label}" label as the template does (a table or a list)`;
export const hintValueKeptAsNote = (label: string): string =>
  `to have it read, put the values under the "${label}" label as the template does (a table or a list); to keep it as prose, leave it`;

/** A field the frontmatter and the Markdown body both give, with different values. */
export const givenTwice = (keptAs?: string): string =>
  `given in both the frontmatter and the Markdown body, with different values: the frontmatter’s is used${keptAs === undefined ? '' : `, the body’s is kept beside it as "${keptAs}" and shown on the page`}`;

/** Hint for a field given twice. */
export const hintGivenTwice = (): string => 'keep it in one place: the frontmatter or the body';

/** A code block under the confusion matrix's label that holds no grid of counts Logbook reads. */
export const confusionMatrixUnread = (): string =>
  'the block under "Confusion Matrix" is not a matrix of counts Logbook can read; it is kept as written and shown on the page, and no metric is derived from it';
export const hintConfusionMatrixUnread = (): string =>
  'write the counts as a table (a row per actual class, a column per predicted class), or paste the matrix as NumPy or scikit-learn print it ([[50 2] [3 45]])';
