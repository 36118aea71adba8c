/**
 * `logbook import [<kind>] <source> [options]`: the command-line verb over `runImport()`. Parses
 * arguments, detects the kind of source, prints progress (on a terminal), one line per record
 * written, one error line per run whose record `validate` would reject, and one summary line;
 * exit code 0 (imported), 1 (the source could not be imported: one error line, nothing written;
 * or some runs were rejected: the others are written) or 2 (bad arguments). Never prints a stack
 * trace.
 */
import { resolve } from 'node:path';
import type { CommandIO } from '../cli/io.ts';
import { commandSettings } from '../cli/settings.ts';
import { resolveContentDir } from '../scaffold/run.ts';
import { IMPORT_USAGE, parseImportArgs } from './args.ts';
import { detectSourceKind, nodeDetectEffects } from './detect.ts';
import { IMPORTERS } from './importers.ts';
import { commandPrefix, formatImportError, ImportError, importMessages, oneLine } from './messages.ts';
import { displayPath, recordSchemaReference } from './paths.ts';
import { runImport } from './pipeline.ts';
import { createProgress } from './progress.ts';
import type { ImportSource } from './sources.ts';
import type { WriteOutcome } from './write.ts';

/** Runs `import` with `args` (the words after `import`); resolves to the exit code. */
export async function runImportCommand(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseImportArgs(args);
  if (parsed.help) {
    io.stdout(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if ('error' in parsed) return usageError(io, parsed.kind, parsed.error);
  const options = parsed.args;
  const source = options.source;
  const kind: ImportSource | undefined = options.kind ?? detectSourceKind(source, resolve(io.cwd, source));
  if (kind === undefined) {
    const problem = /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? importMessages.unknownKind() : missingOrUnknown(source, io.cwd);
    io.stderr(`${formatImportError(source, problem, undefined)}\n`);
    return 1;
  }
  const csvFlags = options.csv;
  const csvGiven =
    csvFlags.table ??
    csvFlags.id ??
    csvFlags.name ??
    csvFlags.step ??
    csvFlags.parent ??
    [...csvFlags.params, ...csvFlags.metrics, ...csvFlags.ignore][0];
  if (kind !== 'csv' && csvGiven !== undefined)
    return usageError(io, kind, `the csv options are for csv sources only, and ${source} is ${kind}`);

  const prefix = commandPrefix(kind);
  const settings = await commandSettings('import', io, {});
  if ('exit' in settings) return settings.exit;
  const outDir = resolveContentDir(io.cwd, settings.settings, options.out);
  const progress = createProgress(io, prefix);
  try {
    const report = await runImport(
      IMPORTERS[kind],
      {
        source,
        cwd: io.cwd,
        env: io.env,
        schema: options.format === 'json' ? recordSchemaReference(outDir, io.cwd) : undefined,
        experiments: options.experiments,
        csv: csvFlags,
        onProgress: (done, total, unit) => progress.update('reading', done, total, unit),
      },
      {
        outDir,
        format: options.format,
        force: options.force,
        onProgress: (done, total) => progress.update('writing', done, total, 'records'),
      },
    );
    progress.clear();
    for (const note of report.notes) io.stdout(`${prefix}: ${note}\n`);
    for (const warning of report.warnings) io.stderr(`${prefix}: warning: ${oneLine(warning)}\n`);
    for (const outcome of report.outcomes) io.stdout(`${formatOutcome(outcome, io.cwd)}\n`);
    for (const { error } of report.rejected) io.stderr(`${importMessages.runError(prefix, error)}\n`);
    const count = (action: WriteOutcome['action']): number => report.outcomes.filter((outcome) => outcome.action === action).length;
    io.stdout(
      `${prefix}: ${source}: ${importMessages.summary({
        runs: report.records.length + report.rejected.length,
        ...(report.from === undefined ? {} : { from: report.from }),
        written: count('written'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
        rejected: report.rejected.length,
      })}\n`,
    );
    // A rejected run is a problem found: CI should notice, though the other runs are written.
    return report.rejected.length === 0 ? 0 : 1;
  } catch (error) {
    progress.clear();
    if (error instanceof ImportError) io.stderr(`${formatImportError(source, error, kind)}\n`);
    else
      io.stderr(`${prefix}: ${source}: ${oneLine(importMessages.internalError(error instanceof Error ? error.message : String(error)))}\n`);
    return 1;
  }
}

/** One line per record: the action, padded, then the file (relative to `cwd`) and why it was skipped. */
export function formatOutcome(outcome: WriteOutcome, cwd: string): string {
  const line = `${outcome.action.padEnd(9)} ${displayPath(outcome.file, cwd)}`;
  return oneLine(outcome.reason === undefined ? line : `${line} — ${outcome.reason}`);
}

function usageError(io: CommandIO, kind: ImportSource | undefined, problem: string): number {
  io.stderr(`${commandPrefix(kind)}: ${problem}\n\n${IMPORT_USAGE}\n`);
  return 2;
}

function missingOrUnknown(source: string, cwd: string): ImportError {
  return nodeDetectEffects.kindOf(resolve(cwd, source)) === undefined ? importMessages.noSuchSource() : importMessages.unknownKind();
}
