/**
 * `logbook validate [folder]` — checks every record under the content folder and prints each problem
 * as `file:line:col field.path: message — hint` (prefixed with its level) on stderr, then one summary
 * line; then the consistency checks the pages show, as warnings. Exits 1 when any problem is an
 * error. Folder: the argument, else the `content` setting. Under
 * GitHub Actions it also prints `::error`/`::warning` annotations.
 */
import { stat } from 'node:fs/promises';
import { analyzeCollection, type CollectionAnalysis } from '../analysis/index.ts';
import { compareIds } from '../content/check-collection.ts';
import { loadRecords, nodeLoadEffects, nodeParseCache, type LoadEffects, type LoadedRecord } from '../content/load.ts';
import type { Diagnostic } from '../ingest/types.ts';
import type { Experiment } from '../schema/index.ts';
import { formatDiagnostic, formatGithubAnnotation } from '../ingest/format.ts';
import { parseSource, positionOf } from '../ingest/index.ts';
import * as msg from '../ingest/messages.ts';
import { recordCacheDir, type Settings } from '../settings/index.ts';
import { parseCommandArgs } from './args.ts';
import type { CommandIO } from './io.ts';
import { commandSettings } from './settings.ts';

/** What validating touches, injectable for tests. */
export interface ValidateIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  isDirectory: (path: string) => Promise<boolean>;
  effects: LoadEffects;
}

/** The real file system, printing through `io`; parse results of unchanged files come from the record cache. */
export function nodeValidateIo(settings: Settings, io: Pick<CommandIO, 'stdout' | 'stderr'>): ValidateIo {
  const cacheDir = recordCacheDir(settings);
  return {
    stdout: (line) => io.stdout(`${line}\n`),
    stderr: (line) => io.stderr(`${line}\n`),
    isDirectory: async (path) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false,
    effects: { ...nodeLoadEffects, cache: cacheDir === undefined ? undefined : nodeParseCache(cacheDir) },
  };
}

/** The records of a content folder without errors, and their analysis, as validating found them. */
export interface ValidContent {
  records: readonly Experiment[];
  analysis: CollectionAnalysis;
}

/**
 * Validates the `content` folder of `settings`; returns the exit status (0 ok, 1 errors found or no
 * folder). With no error, `valid` (when given) gets the records and their analysis.
 */
export async function validateContent(settings: Settings, io: ValidateIo, valid?: (content: ValidContent) => void): Promise<number> {
  const dir = settings.content;
  if (!(await io.isDirectory(dir))) {
    io.stderr(msg.folderNotFound(dir));
    return 1;
  }
  const loaded = await loadRecords(dir, io.effects);
  const { records } = loaded;
  const analysis = analyzeCollection(records.map(({ record }) => record));
  const consistency = await consistencyWarnings(records, analysis, io.effects.readFile);
  const diagnostics = [...loaded.diagnostics, ...consistency].sort((a, b) => compareIds(a.file, b.file));
  for (const d of diagnostics) {
    io.stderr(`${d.level}: ${formatDiagnostic(d)}`);
    if (settings.githubActions) io.stderr(formatGithubAnnotation(d));
  }
  const errors = diagnostics.filter((d) => d.level === 'error').length;
  const warnings = diagnostics.filter((d) => d.level === 'warning').length;
  io.stderr(msg.validateSummary(records.length, errors, warnings, loaded.leftOut));
  if (errors > 0) return 1;
  valid?.({ records: records.map(({ record }) => record), analysis });
  return 0;
}

/** Checks the collection already reports (an unknown parent, a cycle), with its own words. */
const REPORTED_BY_LOAD = new Set(['dangling-reference', 'lineage-cycle']);

/**
 * The consistency checks the site shows on each experiment's page (a 95% interval that leaves out
 * its value, a metric the confusion matrix contradicts, splits that do not add up, …) as warnings
 * at the field they are about, found before the pages are. A file with any is read again for where
 * its fields are written (the load keeps no positions); each warning is placed at the nearest one.
 */
async function consistencyWarnings(
  records: readonly LoadedRecord[],
  analysis: CollectionAnalysis,
  readFile: (path: string) => Promise<string>,
): Promise<Diagnostic[]> {
  const warnings: Diagnostic[] = [];
  for (const { record, file } of records) {
    const checks = (analysis.byId.get(record.id)?.checks ?? []).filter(
      (check) => check.level === 'warning' && !REPORTED_BY_LOAD.has(check.code),
    );
    if (checks.length === 0) continue;
    const parsed = await readFile(file).then(
      (text) => parseSource(text, { file }),
      () => undefined,
    );
    for (const check of checks) {
      // `positionOf` falls back to the nearest field written above the check's.
      const position = parsed === undefined ? undefined : positionOf(parsed, check.path.split('.'));
      warnings.push({
        level: 'warning',
        code: check.code,
        file,
        ...position,
        path: check.path,
        message: check.message,
        ...(check.hint === undefined ? {} : { hint: check.hint }),
      });
    }
  }
  return warnings;
}

/** `logbook validate`: returns the exit status (0 ok, 1 errors found, 2 bad usage). */
export async function runValidateCommand(
  args: readonly string[],
  io: CommandIO,
  validateIo?: (settings: Settings) => ValidateIo,
): Promise<number> {
  const parsed = parseCommandArgs(
    'validate',
    args,
    { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    msg.validateUsage(),
    io,
  );
  if (parsed === undefined) return 2;
  if (parsed.values.help === true) {
    io.stdout(`${msg.validateUsage()}\n`);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    io.stderr(`${msg.unknownArgument(parsed.positionals[1] ?? '')}\n${msg.validateUsage()}\n`);
    return 2;
  }
  const outcome = await commandSettings('validate', io, { content: parsed.positionals[0] }, parsed.values.config);
  if ('exit' in outcome) return outcome.exit;
  return validateContent(outcome.settings, (validateIo ?? ((s) => nodeValidateIo(s, io)))(outcome.settings));
}
