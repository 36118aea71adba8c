import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ExperimentSchema } from '../../../src/schema/index.ts';
import { formatImportError } from '../../../src/import/index.ts';
import { messages } from '../../../src/import/mlflow/index.ts';

const NODE = 'node_modules/.bin/node';
const cli = (...args: string[]) =>
  spawnSync(NODE, ['bin/logbook.js', 'import', '--from', 'mlflow', ...args], {
    encoding: 'utf8',
    env: { ...process.env, MLFLOW_TRACKING_TOKEN: '' },
  });

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logbook-cli-'));
  temporary.push(dir);
  return dir;
}

describe('import-mlflow CLI', () => {
  test('imports the fixture store: prints each record and a summary; every record passes the schema', () => {
    const out = join(tempDir(), 'experiments');
    const result = cli('test/fixtures/mlflow/mlruns', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `written   ${join(out, 'baseline-cnn-aaaa1111.json')}`,
      `written   ${join(out, 'grand-child-cccc3333.json')}`,
      `written   ${join(out, 'tuned-cnn-bbbb2222.json')}`,
      'import:mlflow: test/fixtures/mlflow/mlruns: 3 runs from 2 experiments — 3 written, 0 updated, 0 unchanged, 0 skipped',
      '',
    ]);
    for (const file of readdirSync(out)) {
      const record: unknown = JSON.parse(readFileSync(join(out, file), 'utf8'));
      expect(ExperimentSchema.safeParse(record).success).toBe(true);
    }
  });

  test('writes $schema relative to --out', () => {
    const out = join(tempDir(), 'a', 'b');
    cli('test/fixtures/mlflow/mlruns', '--out', out);
    const record = JSON.parse(readFileSync(join(out, 'tuned-cnn-bbbb2222.json'), 'utf8')) as { $schema: string };
    expect(join(out, record.$schema)).toBe(join(process.cwd(), 'public/schema/experiment.schema.json'));
  });

  test('fails with one line, exit code 1 and nothing written for a bad source', () => {
    const out = join(tempDir(), 'experiments');
    const result = cli('test/fixtures/mlflow/corrupt.db', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${formatImportError('test/fixtures/mlflow/corrupt.db', messages.notSqlite(), 'mlflow')}\n`);
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    [[], 'import:mlflow: missing <source>'],
    [['a', 'b'], 'import:mlflow: expected one <source>, got 2: a b'],
    [['x', '--format', 'yaml'], 'import:mlflow: --format must be json or md, not "yaml"'],
    [['x', '--bogus'], "import:mlflow: Unknown option '--bogus'"],
  ])('prints usage and exits 2 for %j', (args, firstLine) => {
    const result = cli(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(firstLine);
    expect(result.stderr).toContain('Usage: logbook import [<kind>] <source> [options]');
  });
});
