/**
 * `logbook validate [folder]` — checks every record under the content folder and prints each problem
 * as `file:line:col field.path: message — hint` (prefixed with its level) on stderr, then one summary
 * line. Exits 1 when any problem is an error. Folder: the argument, else the `content` setting. Under
 * GitHub Actions it also prints `::error`/`::warning` annotations.
 */
import { stat } from 'node:fs/promises';
import { loadRecords, nodeLoadEffects, nodeParseCache, type LoadEffects } from '../content/load.ts';
import { formatDiagnostic, formatGithubAnnotation } from '../ingest/format.ts';
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

/** Validates the `content` folder of `settings`; returns the exit status (0 ok, 1 errors found or no folder). */
export async function validateContent(settings: Settings, io: ValidateIo): Promise<number> {
  const dir = settings.content;
  if (!(await io.isDirectory(dir))) {
    io.stderr(msg.folderNotFound(dir));
    return 1;
  }
  const { records, diagnostics } = await loadRecords(dir, io.effects);
  for (const d of diagnostics) {
    io.stderr(`${d.level}: ${formatDiagnostic(d)}`);
    if (settings.githubActions) io.stderr(formatGithubAnnotation(d));
  }
  const errors = diagnostics.filter((d) => d.level === 'error').length;
  const warnings = diagnostics.filter((d) => d.level === 'warning').length;
  io.stderr(msg.validateSummary(records.length, errors, warnings));
  return errors > 0 ? 1 : 0;
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
