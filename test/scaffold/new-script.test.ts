/** End to end: runs `logbook new` with the pinned Node in a temporary project folder. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ExperimentSchema } from '../../src/schema/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const SCRIPT = join(ROOT, 'bin/logbook.js');
const EXAMPLES = join(ROOT, 'test/fixtures/site');
let cwd = '';

function run(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(NODE, [SCRIPT, 'new', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', SOURCE_DATE_EPOCH: '1757000000', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'logbook-new-'));
  mkdirSync(join(cwd, 'content/experiments'), { recursive: true });
  for (const file of readdirSync(EXAMPLES)) copyFileSync(join(EXAMPLES, file), join(cwd, 'content/experiments', file));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

// Each test starts the command in a new Node process: allow for a busy machine.
describe('logbook new', { timeout: 30_000 }, () => {
  test("writes the template with id, date and parent, inheriting a JSON parent's dataset and model", () => {
    const result = run(['fraud-lr-009', '--parent', 'fraud-lr-001']);
    expect(result).toEqual({ code: 0, stdout: 'Wrote content/experiments/fraud-lr-009.md\n', stderr: '' });
    const text = readFileSync(join(cwd, 'content/experiments/fraud-lr-009.md'), 'utf8');
    expect(text).toMatch(/^# ML Experiment Tracking Log\n\n\*\*Experiment ID\*\*: fraud-lr-009\n\*\*Date\*\*: 2025-09-04\n/);
    expect(text).toContain('- Parent: fraud-lr-001');
    expect(text).toContain('**Dataset Name**: card-transactions-v3.1');
    expect(text).toContain('- Training: 70% (1.4M records)');
    expect(text).toContain('**Model Type**: Logistic Regression');
    expect(text).toContain('| alpha | 0.0001 | [0.000001, 0.01] | - |');
  });

  test('writes a JSON skeleton from a frontmatter parent that validates against the schema', () => {
    expect(run(['fraud-gbm-010', '--parent', 'fraud-gbm-004', '--format', 'json']).stdout).toBe(
      'Wrote content/experiments/fraud-gbm-010.json\n',
    );
    const record = JSON.parse(readFileSync(join(cwd, 'content/experiments/fraud-gbm-010.json'), 'utf8'));
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
    // `$schema` points at the schema of the Logbook that wrote it, relative to the record's folder.
    expect(resolve(join(cwd, 'content/experiments'), record.$schema)).toBe(join(ROOT, 'public/schema/experiment.schema.json'));
    expect(record).toMatchObject({
      id: 'fraud-gbm-010',
      date: '2025-09-04',
      status: 'planned',
      lineage: { parent: 'fraud-gbm-004' },
    });
    const parent = parseYaml(
      /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(cwd, 'content/experiments/fraud-gbm-004.md'), 'utf8'))?.[1] ?? '',
    );
    expect(record.dataset.splits).toEqual(parent.dataset.splits);
    expect(record.model.hyperparameters.map((h: { name: string }) => h.name)).toEqual(
      parent.model.hyperparameters.map((h: { name: string }) => h.name),
    );
    expect(record.model.training).toEqual(parent.model.training);
  });

  test("copies a template-form parent's dataset and model", () => {
    expect(run(['derm-effnet-011', '--parent', 'derm-effnet-002', '--format', 'json']).code).toBe(0);
    const record = JSON.parse(readFileSync(join(cwd, 'content/experiments/derm-effnet-011.json'), 'utf8'));
    expect(record.dataset).toMatchObject({
      name: 'derm-lesions-v2.0',
      version: '2.0.0',
      location: 's3://northwind-ml-data/dermatology/derm-lesions/v2.0.0/',
    });
    expect(record.model.type).toBe('CNN (EfficientNet-B3)');
  });

  test('LOGBOOK_CONTENT and --dir choose the folder (created if missing)', () => {
    expect(run(['exp-a', '--format', 'json'], { LOGBOOK_CONTENT: 'elsewhere' }).stdout).toBe('Wrote elsewhere/exp-a.json\n');
    expect(run(['exp-b', '--dir', 'nested/logs']).stdout).toBe('Wrote nested/logs/exp-b.md\n');
    const schema = JSON.parse(readFileSync(join(cwd, 'elsewhere/exp-a.json'), 'utf8')).$schema;
    expect(existsSync(resolve(join(cwd, 'elsewhere'), schema))).toBe(true);
  });

  test('refuses to overwrite, with exit code 1 and the file untouched', () => {
    writeFileSync(join(cwd, 'content/experiments/keep.md'), 'mine');
    const result = run(['keep']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: refusing to overwrite content/experiments/keep.md: the file already exists (pick another id, or delete the file first)\n',
    );
    expect(readFileSync(join(cwd, 'content/experiments/keep.md'), 'utf8')).toBe('mine');
  });

  test('refuses an unknown parent, suggesting the closest id', () => {
    const result = run(['x1', '--parent', 'fraud-gmb-003']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: unknown parent "fraud-gmb-003": no record with that id in content/experiments (did you mean "fraud-gbm-003"?)\n',
    );
    expect(existsSync(join(cwd, 'content/experiments/x1.md'))).toBe(false);
  });

  test('refuses an invalid id', () => {
    const result = run(['../escape']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: invalid id "../escape"');
  });

  test('prints the usage on bad arguments and exits 2', () => {
    const result = run(['a', '--format', 'yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: unknown format "yaml"');
    expect(result.stderr).toContain('Usage: logbook new <id> [--parent <id>] [--format md|json] [--dir <folder>] [--config <file>]');
  });
});
