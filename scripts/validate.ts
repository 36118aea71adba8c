/**
 * `npm run validate [folder]` — checks every record under the content folder and prints each problem
 * as `file:line:col field.path: message — hint` (prefixed with its level) on stderr, then one summary
 * line. Exits 1 when any problem is an error. Folder: first argument, else $LOGBOOK_CONTENT, else
 * content/experiments. Under GitHub Actions it also prints `::error`/`::warning` annotations.
 */

import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { loadRecords, nodeLoadEffects, nodeParseCache, recordCacheDir, type LoadEffects } from '../src/content/load.ts';
import { formatDiagnostic, formatGithubAnnotation } from '../src/ingest/format.ts';
import * as msg from '../src/ingest/messages.ts';

/** What the command touches, injectable for tests. */
export interface ValidateIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  isDirectory: (path: string) => Promise<boolean>;
  effects: LoadEffects;
}

const nodeIo: ValidateIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  isDirectory: async (path) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false,
  effects: { ...nodeLoadEffects, cache: cacheFor(process.env) },
};

/** Parse results of unchanged files are reused from the record cache (see `recordCacheDir`). */
function cacheFor(env: Readonly<Record<string, string | undefined>>) {
  const dir = recordCacheDir(env);
  return dir === undefined ? undefined : nodeParseCache(dir);
}

/** Runs the command; returns the exit status (0 ok, 1 errors found, 2 bad usage). */
export async function runValidate(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: ValidateIo = nodeIo,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(msg.validateUsage());
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined || args.length > 1) {
    io.stderr(msg.unknownArgument(unknown ?? args[1] ?? ''));
    io.stderr(msg.validateUsage());
    return 2;
  }
  const dir = args[0] ?? (env['LOGBOOK_CONTENT'] || undefined) ?? 'content/experiments';
  if (!(await io.isDirectory(dir))) {
    io.stderr(msg.folderNotFound(dir));
    return 1;
  }
  const { records, diagnostics } = await loadRecords(dir, io.effects);
  const github = env['GITHUB_ACTIONS'] === 'true';
  for (const d of diagnostics) {
    io.stderr(`${d.level}: ${formatDiagnostic(d)}`);
    if (github) io.stderr(formatGithubAnnotation(d));
  }
  const errors = diagnostics.filter((d) => d.level === 'error').length;
  const warnings = diagnostics.filter((d) => d.level === 'warning').length;
  io.stderr(msg.validateSummary(records.length, errors, warnings));
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await runValidate(process.argv.slice(2), process.env);
  } catch (error) {
    // One line, never a stack trace.
    process.stderr.write(`${msg.unexpectedFailure(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  }
}
