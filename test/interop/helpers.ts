/** What the interop suites share: where the logged data is, and running the real CLI. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExperimentSchema } from '../../src/schema/index.ts';
import type { Experiment } from '../../src/schema/index.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');

/** The folder scripts/test-interop.ts logged everything into. */
export function interopDir(): string {
  const dir = process.env['INTEROP_DIR'];
  if (dir === undefined) throw new Error('run this suite with `npm run test:interop` (it writes the logs first)');
  return dir;
}

/** Runs `logbook <verb> …` (`import`, `export`) from this checkout, as a user would. */
export function runLogbook(verb: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(NODE, ['bin/logbook.js', verb, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MLFLOW_TRACKING_TOKEN: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every JSON record in `dir`, validated, by id. */
export function readRecords(dir: string): Map<string, Experiment> {
  const records = new Map<string, Experiment>();
  for (const file of readdirSync(dir).sort()) {
    const parsed = ExperimentSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    records.set(parsed.data.id, parsed.data);
  }
  return records;
}

/** One history column as a list, in step order. */
export function column(record: Experiment | undefined, name: string): (number | null | undefined)[] {
  return (record?.training?.history ?? []).filter((row) => name in row).map((row) => row[name]);
}
