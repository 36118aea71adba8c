import { ExperimentSchema } from '../schema/index.ts';
import type { Experiment } from '../schema/index.ts';
import { compareText } from '../util/compare-text.ts';
import type { Importer, ImportRequest, ImportResult } from './importer.ts';
import { nodeWriteEffects, writeRecords } from './write.ts';
import type { RecordFormat, WriteEffects, WriteOutcome } from './write.ts';

/**
 * Every import, one pipeline: **read** and **map** (the importer) → **validate** (every record
 * against `ExperimentSchema`) → **write** (one file per run; unchanged runs and hand-edited
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
  const records = checkRecords(result.records);
  const outcomes = writeRecords(records, write, effects);
  return { ...result, records, outcomes };
}

/**
 * The records sorted by id, each checked against the record schema. Throws a plain `Error` when
 * one fails it or two share an id: that is a bug in a mapping, not a problem of the source.
 */
export function checkRecords(records: readonly Experiment[]): Experiment[] {
  const sorted = [...records].sort((a, b) => compareText(a.id, b.id));
  sorted.forEach((record, index) => {
    const checked = ExperimentSchema.safeParse(record);
    if (!checked.success) throw new Error(`record ${record.id} does not match the record schema: ${checked.error.message}`);
    if (index > 0 && sorted[index - 1]?.id === record.id) throw new Error(`two records have the id ${record.id}`);
  });
  return sorted;
}
