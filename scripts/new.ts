/**
 * `npm run new -- <id> [--parent <id>] [--format md|json] [--dir <folder>]` — starts a new experiment record.
 * This file is the I/O edge (arguments, files, clock, exit code); the work is `runNew` in src/scaffold/.
 * The date is today's (UTC), or the one in SOURCE_DATE_EPOCH (seconds) when that is set, for reproducible runs.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNew, type NewEffects, type ParseSourceFn } from '../src/scaffold/run.ts';
import { readSettings, SettingsError, type Settings } from '../src/settings/index.ts';

const ingestEntry = new URL('../src/ingest/index.ts', import.meta.url);

let settings: Settings;
try {
  settings = readSettings({ env: process.env });
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  for (const problem of error.problems) process.stderr.write(`new: ${problem}\n`);
  process.exit(2);
}
const epoch = settings.sourceDateEpoch;

const effects: NewEffects = {
  cwd: process.cwd(),
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
  loadTemplate: () => readFile(new URL('../src/scaffold/template.md', import.meta.url), 'utf8'),
  async loadParser() {
    if (!existsSync(fileURLToPath(ingestEntry))) return undefined;
    try {
      const mod = (await import(ingestEntry.href)) as Record<string, unknown>;
      const parseSource = mod['parseSource'];
      return typeof parseSource === 'function' ? (parseSource as ParseSourceFn) : undefined;
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  },
};

const result = await runNew(process.argv.slice(2), effects);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
