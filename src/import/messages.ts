/**
 * Messages every importer shares, as functions, so tests assert the exact text. A fatal problem
 * is an `ImportError` (what is wrong + how to fix it); the command prints it as one line,
 * `import:<kind>: <source>: <problem> — <hint>`. Messages of one source kind live in that
 * importer's own `messages.ts`.
 */
import { oneLine as logOneLine } from '../util/log-text.ts';
import { IMPORT_SOURCES, SOURCE_KINDS } from './sources.ts';
import type { ImportSource } from './sources.ts';

/** A problem that stops the import before anything is written. */
export class ImportError extends Error {
  readonly problem: string;
  readonly hint: string;
  constructor(problem: string, hint: string) {
    super(`${problem} — ${hint}`);
    this.name = 'ImportError';
    this.problem = problem;
    this.hint = hint;
  }
}

/** The prefix of every line the import command prints: `import`, or `import:<kind>` once the kind is known. */
export function commandPrefix(kind: ImportSource | undefined): string {
  return kind === undefined ? 'import' : `import:${kind}`;
}

/** The one line the command prints for a fatal problem (line breaks inside a quoted parser message become spaces). */
export function formatImportError(source: string, error: ImportError, kind: ImportSource | undefined): string {
  return oneLine(`${commandPrefix(kind)}: ${source}: ${error.problem} — ${error.hint}`);
}

/** Text on one line: runs of whitespace with a line break become one space, and any other control character is shown escaped (`logOneLine`). */
export function oneLine(text: string): string {
  return logOneLine(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const importMessages = {
  // Any source
  noSuchSource: (): ImportError => new ImportError('no such file or folder', 'check the path (`--help` lists the kinds of source)'),
  internalError: (message: string): string => `internal error: ${message} — this is a bug in Logbook; please report it with the source`,
  sourceMissing: (kind: ImportSource): ImportError => new ImportError('no such file or folder', `give ${IMPORT_SOURCES[kind].describe}`),
  unknownKind: (): ImportError =>
    new ImportError(
      'cannot tell what kind of source this is',
      `name it with --from ${SOURCE_KINDS.join('|')} (${SOURCE_KINDS.map((kind) => `${kind}: ${IMPORT_SOURCES[kind].describe}`).join('; ')})`,
    ),
  nothingFound: (kind: ImportSource, what: string): ImportError =>
    new ImportError(`no ${IMPORT_SOURCES[kind].label} runs found (${what})`, `give ${IMPORT_SOURCES[kind].describe}`),
  unreadable: (what: string, reason: string): ImportError =>
    new ImportError(`cannot read ${what} (${reason})`, 'check that the file is complete and readable'),

  // Checking records
  endBeforeStart: (runId: string, date: string, completionDate: string): string =>
    `run ${JSON.stringify(runId)}: its end (${completionDate}) is before its start (${date}); completionDate left out — check the run's end time in the source`,
  recordInvalid: (runId: string, path: string, problem: string, hint: string): ImportError =>
    new ImportError(
      `run ${JSON.stringify(runId)} maps to a record validate rejects (${path === '' ? '' : `${path}: `}${problem}); not written`,
      hint,
    ),
  mostOfIt: (problem: string, path: string, items: number | undefined): string =>
    `${problem}; ${path}${items === undefined ? '' : ` (${items.toLocaleString('en-US')} items)`} is most of it`,
  hintImportAsJson: (jsonLimit: number): string =>
    `import with --format json: a JSON record may be up to ${jsonLimit.toLocaleString('en-US')} bytes`,
  hintFewerSteps: (): string =>
    "downsample the history: log the run's metrics at fewer steps (every n-th) or fewer metrics and import it again, or keep the full history in your tracker and link it",

  // Writing
  editedByHand: (): string => 'edited by hand since the last import; use --force to overwrite',
  notImported: (kind: ImportSource = 'mlflow'): string =>
    `exists and was not imported from this ${IMPORT_SOURCES[kind].label} run; use --force to overwrite`,
  otherFormatExists: (other: string): string =>
    `a record with this id already exists as ${other}; remove it or import with the same --format`,

  // Progress and summary
  progress: (phase: 'reading' | 'writing', done: number, total: number, unit: string): string => `${phase} ${done}/${total} ${unit}`,
  summary: (counts: {
    runs: number;
    from?: string;
    written: number;
    updated: number;
    unchanged: number;
    skipped: number;
    rejected?: number;
  }): string =>
    `${plural(counts.runs, 'run')}${counts.from === undefined ? '' : ` from ${counts.from}`} — ` +
    `${counts.written} written, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped` +
    // Only when there are any: most imports have none, and their summary stays as it was.
    `${counts.rejected === undefined || counts.rejected === 0 ? '' : `, ${counts.rejected} rejected (not written)`}`,
  /** The line for a run whose record is not written (`import:<kind>: error: …`), beside the warnings' `import:<kind>: warning: …`. */
  runError: (prefix: string, error: ImportError): string =>
    oneLine(`${prefix}: error: ${error.problem}${error.hint === '' ? '' : ` — ${error.hint}`}`),
  plural,
} as const;
