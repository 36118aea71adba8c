import { ExperimentSchema } from '../schema/index.ts';
import type { Experiment } from '../schema/index.ts';
import { compareText } from '../util/compare-text.ts';
import { checkRecordLimits, checkSourceText, LIMITS, utf8Length } from '../ingest/limits.ts';
import { recordInvariantErrors } from '../ingest/record-checks.ts';
import type { Diagnostic, ParsedSource } from '../ingest/types.ts';
import type { Importer, ImportRequest, ImportResult } from './importer.ts';
import { importMessages } from './messages.ts';
import type { ImportError } from './messages.ts';
import { sealRecord } from './record.ts';
import type { ImportMeta } from './record.ts';
import { nodeWriteEffects, serializeRecord, writeRecords } from './write.ts';
import type { RecordFormat, WriteEffects, WriteOutcome } from './write.ts';

/**
 * Every import, one pipeline: **read** and **map** (the importer) → **validate** (every record
 * against `ExperimentSchema`, `validate`'s limits and record checks; an end before the start is
 * left out with a warning) → **write** (one file per run; unchanged runs and hand-edited
 * records left alone). Nothing is written before every record has been read, mapped and
 * validated, so a source that cannot be read writes nothing. A run whose record `validate` would
 * reject (too large, past a limit) is not written and is reported in `rejected`; the other runs
 * are written, so that one huge run does not cost the rest.
 */

export interface WriteRequest {
  /** Folder the records go to (created when missing). */
  outDir: string;
  format: RecordFormat;
  /** Overwrite hand-edited records and records not imported from the same run. */
  force: boolean;
  /** Called before each record is written: records done of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport extends ImportResult {
  /** The records that passed the checks (those written or left alone), sorted by id. */
  records: Experiment[];
  /** The runs whose records failed the checks and were not written, sorted by record id. */
  rejected: RejectedRun[];
  outcomes: WriteOutcome[];
}

/** A run whose record `validate` would reject: not written. */
export interface RejectedRun {
  /** The record id it would have had. */
  id: string;
  /** Names the run and says what is wrong and what to do (`importMessages.recordInvalid`). */
  error: ImportError;
}

/** Runs one import. Rejects with an `ImportError` (nothing written) when the source cannot be read. */
export async function runImport(
  importer: Importer,
  request: ImportRequest,
  write: WriteRequest,
  effects: WriteEffects = nodeWriteEffects,
): Promise<ImportReport> {
  const result = await importer.read(request);
  const warnings = [...result.warnings];
  const { records, rejected } = checkRecords(
    result.records.map((record) => withConsistentDates(record, warnings)),
    write.format,
  );
  const outcomes = writeRecords(records, write, effects);
  return { ...result, warnings, records, rejected, outcomes };
}

/**
 * The records sorted by id, each checked against the record schema and the checks `validate`
 * makes of a whole record: those of the file it is written to, in `format` (`checkSourceText`:
 * its size, the nesting of its brackets), then `checkRecordLimits` and `recordInvariantErrors`.
 * Throws a plain `Error` when one fails the schema or two share an id: that is a bug in a
 * mapping, not a problem of the source. A record `validate` would reject for what its run holds
 * goes to `rejected` instead, with an `ImportError` naming the run and its first problem.
 */
export function checkRecords(
  records: readonly Experiment[],
  format: RecordFormat = 'json',
): { records: Experiment[]; rejected: RejectedRun[] } {
  const sorted = [...records].sort((a, b) => compareText(a.id, b.id));
  const rejected: RejectedRun[] = [];
  const passed = sorted.filter((record, index) => {
    const checked = ExperimentSchema.safeParse(record);
    if (!checked.success) throw new Error(`record ${record.id} does not match the record schema: ${checked.error.message}`);
    if (index > 0 && sorted[index - 1]?.id === record.id) throw new Error(`two records have the id ${record.id}`);
    const error = recordProblem(record, format);
    if (error !== undefined) rejected.push({ id: record.id, error });
    return error === undefined;
  });
  return { records: passed, rejected };
}

/** The first problem `validate` would find in the record as `checkRecords` checks it, as an error naming its run. */
function recordProblem(record: Experiment, format: RecordFormat): ImportError | undefined {
  const parsed = asParsedRecord(record, format);
  const invalid =
    checkRecordFile(record, format) ??
    checkRecordLimits(parsed, () => undefined)[0] ??
    recordInvariantErrors(record, parsed.file, () => undefined)[0];
  return invalid === undefined
    ? undefined
    : importMessages.recordInvalid(runIdOf(record), invalid.path, invalid.message, invalid.hint ?? '');
}

/**
 * An imported record as `validate`'s checks take a file's contents: the record, named
 * `<id>.<json|md>` and read in the form `validate` reads that file in, with no positions.
 */
export function asParsedRecord(record: Experiment, format: RecordFormat = 'json'): ParsedSource {
  const file = `${record.id}.${format}`;
  // What `serializeRecord` writes for `md` starts with `---`: frontmatter, never a filled-in template.
  const sourceFormat = format === 'json' ? 'json' : 'frontmatter';
  return { file, format: sourceFormat, data: record, positions: new Map(), keyPositions: new Map(), diagnostics: [] };
}

/**
 * `validate`'s check of a file's text (`checkSourceText`) on the text the import writes for the
 * record. A file too large says which part of the record makes it so, and the hint is what to
 * change in the import or the run: `--format json` for a Markdown record a JSON file could hold,
 * fewer steps for a history that is most of it.
 */
export function checkRecordFile(record: Experiment, format: RecordFormat): Diagnostic | undefined {
  const parsed = asParsedRecord(record, format);
  const text = serializeRecord(record, format);
  const refused = checkSourceText(text, parsed.file, parsed.format);
  if (refused?.code !== 'too-large') return refused;
  const bulk = largestPart(record);
  const message = bulk === undefined ? refused.message : importMessages.mostOfIt(refused.message, bulk.path, bulk.items);
  const asJson = format === 'md' ? checkSourceText(serializeRecord(record, 'json'), `${record.id}.json`, 'json') : refused;
  const hint =
    asJson === undefined
      ? importMessages.hintImportAsJson(LIMITS.recordBytes)
      : bulk?.path === 'training.history'
        ? importMessages.hintFewerSteps()
        : refused.hint;
  return { ...refused, message, ...(hint === undefined ? {} : { hint }) };
}

/**
 * The field of a record that is more than half of it (as compact JSON), as deep as one such
 * field goes: `training.history` in a record of 40,000 steps. `items` is its length when it is a
 * list. Undefined when no field is.
 */
export function largestPart(record: Experiment): { path: string; items?: number } | undefined {
  const size = (value: unknown): number => utf8Length(JSON.stringify(value) ?? '');
  const whole = size(record);
  const path: string[] = [];
  let at: unknown = record;
  for (;;) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) break;
    const entries: [string, unknown][] = Object.entries(at);
    const found = entries.find(([, value]) => size(value) * 2 > whole);
    if (found === undefined) break;
    path.push(found[0]);
    at = found[1];
  }
  if (path.length === 0) return undefined;
  return { path: path.join('.'), ...(Array.isArray(at) ? { items: at.length } : {}) };
}

/**
 * The record without its `completionDate` (sealed again) when that is before its `date`, with a
 * warning naming the run: the source's end time is wrong, and `validate` would reject the record.
 */
export function withConsistentDates(record: Experiment, warnings: string[]): Experiment {
  const { date, completionDate, import: meta, ...rest } = record;
  const reversed = recordInvariantErrors(record, '', () => undefined).some((error) => error.code === 'date-order');
  if (date === undefined || completionDate === undefined || !reversed) return record;
  warnings.push(importMessages.endBeforeStart(runIdOf(record), date, completionDate));
  const { hash: _hash, ...unsealed } = meta as ImportMeta;
  return sealRecord({ ...rest, date, import: unsealed });
}

/** The run a record came from, for messages: `import.runId`, else the record id. */
function runIdOf(record: Experiment): string {
  const meta = record['import'] as Partial<ImportMeta> | undefined;
  return meta?.runId ?? record.id;
}
