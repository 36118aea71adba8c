import { ExperimentSchema } from '../schema/index.ts';
import type { Experiment } from '../schema/index.ts';
import { compareText } from '../util/compare-text.ts';
import { checkRecordLimits } from '../ingest/limits.ts';
import { recordInvariantErrors } from '../ingest/record-checks.ts';
import type { ParsedSource } from '../ingest/types.ts';
import type { Importer, ImportRequest, ImportResult } from './importer.ts';
import { importMessages } from './messages.ts';
import { sealRecord } from './record.ts';
import type { ImportMeta } from './record.ts';
import { nodeWriteEffects, writeRecords } from './write.ts';
import type { RecordFormat, WriteEffects, WriteOutcome } from './write.ts';

/**
 * Every import, one pipeline: **read** and **map** (the importer) → **validate** (every record
 * against `ExperimentSchema`, `validate`'s limits and record checks; an end before the start is
 * left out with a warning) → **write** (one file per run; unchanged runs and hand-edited
 * records left alone). Nothing is written before every record has been read, mapped and
 * validated, so a source that fails writes nothing.
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
  /** The records, sorted by id. */
  records: Experiment[];
  outcomes: WriteOutcome[];
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
  const records = checkRecords(result.records.map((record) => withConsistentDates(record, warnings)));
  const outcomes = writeRecords(records, write, effects);
  return { ...result, warnings, records, outcomes };
}

/**
 * The records sorted by id, each checked against the record schema and the checks `validate`
 * makes of a whole record (`checkRecordLimits`, `recordInvariantErrors`). Throws a plain `Error`
 * when one fails the schema or two share an id: that is a bug in a mapping, not a problem of the
 * source; an `ImportError` naming the run when `validate` would reject the record for what its
 * run holds.
 */
export function checkRecords(records: readonly Experiment[]): Experiment[] {
  const sorted = [...records].sort((a, b) => compareText(a.id, b.id));
  sorted.forEach((record, index) => {
    const checked = ExperimentSchema.safeParse(record);
    if (!checked.success) throw new Error(`record ${record.id} does not match the record schema: ${checked.error.message}`);
    if (index > 0 && sorted[index - 1]?.id === record.id) throw new Error(`two records have the id ${record.id}`);
    const parsed = asParsedRecord(record);
    const invalid = checkRecordLimits(parsed, () => undefined)[0] ?? recordInvariantErrors(record, parsed.file, () => undefined)[0];
    if (invalid !== undefined) throw importMessages.recordInvalid(runIdOf(record), invalid.path, invalid.message, invalid.hint ?? '');
  });
  return sorted;
}

/** An imported record as `validate`'s checks take a file's contents: the record, named `<id>.json`, with no positions. */
export function asParsedRecord(record: Experiment): ParsedSource {
  return { file: `${record.id}.json`, format: 'json', data: record, positions: new Map(), keyPositions: new Map(), diagnostics: [] };
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
