/**
 * Settings as a command sees them: `logbook.config.json` (or `--config <file>`), then `LOGBOOK_*`
 * variables, then the command's flags. Paths in the config file are relative to the file; the
 * settings keep them relative to the directory the command runs in, so printed paths stay short.
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatDiagnostic } from '../ingest/format.ts';
import { CONFIG_FILE, parseConfigFile } from '../settings/config-file.ts';
import { readSettings, SettingsError, type Settings, type SettingsInput } from '../settings/index.ts';
import { CACHE_DIR_HINT, cacheDirProblem } from '../site/out-dir.ts';
import type { CommandIO } from './io.ts';
import * as msg from './messages.ts';

/** Settings, or the exit status of a command that cannot run with what it was given (problems already printed). */
export type SettingsOutcome = { settings: Settings } | { exit: number };

/** A path as the user should see it: relative to where they ran the command, when that is shorter. */
export function shownPath(io: Pick<CommandIO, 'cwd'>, path: string): string {
  return relative(io.cwd, resolve(io.cwd, path)) || '.';
}

/** Reads the config file (when there is one), the environment and `flags` into settings, printing every problem. */
export async function commandSettings(
  command: string,
  io: CommandIO,
  flags: SettingsInput,
  configOption?: string,
): Promise<SettingsOutcome> {
  const file = resolve(io.cwd, configOption ?? CONFIG_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    if (configOption !== undefined) {
      io.stderr(`${msg.configNotFound(command, shownPath(io, file))}\n`);
      return { exit: 2 };
    }
  }
  let config: SettingsInput = {};
  if (text !== undefined) {
    const parsed = parseConfigFile(text, shownPath(io, file));
    if (parsed.config === undefined) {
      for (const d of parsed.diagnostics) io.stderr(`error: ${formatDiagnostic(d)}\n`);
      io.stderr(`${msg.configInvalid(command, shownPath(io, file))}\n`);
      return { exit: 1 };
    }
    config = relativeToCwd(parsed.config, dirname(file), io.cwd);
  }
  let settings: Settings;
  try {
    settings = readSettings({ env: io.env, config, flags });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) io.stderr(`${command}: ${problem}\n`);
    return { exit: 2 };
  }
  // A folder inside the repository that is a link out of it (`records -> /`, `site -> ~/.ssh`): a pull
  // request can commit such a link, so the build would read, publish or write the runner's other files.
  let refused = false;
  for (const [name, folder] of [
    ['content', settings.content],
    ['output', settings.outDir],
  ] as const) {
    const real = await linkedOutside(io.cwd, folder);
    if (real === undefined) continue;
    io.stderr(`${command}: ${msg.folderLinksOutside(name, shownPath(io, folder), real)}\n`);
    refused = true;
  }
  const cache = cacheDirProblem(settings.cacheDir, { content: settings.content }, io.cwd);
  if (cache !== undefined) {
    io.stderr(`${command}: ${cache}\n  hint: ${CACHE_DIR_HINT}\n`);
    refused = true;
  }
  return refused ? { exit: 1 } : { settings };
}

/**
 * Where `folder` really is when it lies inside the working directory by its path but outside it through
 * a symbolic link (it, or a folder above it); undefined otherwise. A folder outside by its own path
 * (`--out /srv/site`, given by the workflow) is the workflow's choice, not a link's. A folder not created
 * yet is judged by the nearest one above it that exists.
 */
export async function linkedOutside(cwd: string, folder: string): Promise<string | undefined> {
  const path = resolve(cwd, folder);
  if (!isInside(cwd, path)) return undefined;
  const root = await realpath(cwd).catch(() => cwd);
  let existing = path;
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      const full = join(real, relative(existing, path));
      return isInside(root, full) ? undefined : full;
    }
    const up = dirname(existing);
    if (up === existing) return undefined;
    existing = up;
  }
}

/** Whether `path` is `dir` or lies under it (both absolute). */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** The config file's folder paths, made relative to the working directory instead of the file. */
function relativeToCwd(config: SettingsInput, from: string, cwd: string): SettingsInput {
  const move = (path: string | undefined): string | undefined =>
    path === undefined ? undefined : relative(cwd, resolve(from, path)) || '.';
  return { ...config, content: move(config.content), outDir: move(config.outDir), cacheDir: move(config.cacheDir) };
}
