/**
 * `logbook new <id> [--parent <id>] [--format md|json] [--dir <folder>]` — starts a new experiment
 * record. The I/O edge (files, clock) for `runNew` in src/scaffold/. The date is today's (UTC), or the
 * one in SOURCE_DATE_EPOCH (seconds) when that is set, for reproducible runs.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseSource } from '../ingest/parse-source.ts';
import { runNew, type NewEffects } from '../scaffold/run.ts';
import type { Settings } from '../settings/index.ts';
import { RECORD_SCHEMA_FILE, TEMPLATE_FILE } from '../util/package-files.ts';
import type { CommandIO } from './io.ts';
import { commandSettings } from './settings.ts';

/** The real file system and clock. */
export function nodeNewEffects(settings: Settings, io: Pick<CommandIO, 'cwd'>): NewEffects {
  const epoch = settings.sourceDateEpoch;
  return {
    cwd: io.cwd,
    settings,
    now: () => (epoch !== undefined ? new Date(epoch * 1000) : new Date()),
    async listRecordFiles(dir) {
      let entries: string[];
      try {
        entries = await readdir(dir, { recursive: true });
      } catch {
        return [];
      }
      const files: string[] = [];
      for (const entry of entries) {
        if (!/\.(json|md)$/i.test(entry) || entry.split(/[\\/]/).some((part) => part.startsWith('.'))) continue;
        const path = join(dir, entry);
        if ((await stat(path)).isFile()) files.push(path);
      }
      return files;
    },
    readText: (path) => readFile(path, 'utf8'),
    exists: (path) =>
      stat(path).then(
        () => true,
        () => false,
      ),
    async writeNewFile(path, text) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
    },
    schemaFile: RECORD_SCHEMA_FILE,
    loadTemplate: () => readFile(TEMPLATE_FILE, 'utf8'),
    loadParser: () => Promise.resolve(parseSource),
  };
}

/** `logbook new`: returns the exit status (0 written, 1 refused, 2 bad usage). */
export async function runNewCommand(args: readonly string[], io: CommandIO): Promise<number> {
  const configAt = args.indexOf('--config');
  const configOption = configAt >= 0 ? args[configAt + 1] : undefined;
  const rest = configAt >= 0 ? [...args.slice(0, configAt), ...args.slice(configAt + 2)] : args;
  const outcome = await commandSettings('new', io, {}, configOption);
  if ('exit' in outcome) return outcome.exit;
  const result = await runNew(rest, nodeNewEffects(outcome.settings, io));
  io.stdout(result.stdout);
  io.stderr(result.stderr);
  return result.code;
}
