import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runValidateCommand, type ValidateIo } from '../../src/cli/validate.ts';
import { nodeLoadEffects } from '../../src/content/load.ts';
import { fakeIO } from './fake-io.ts';

/** Runs `logbook validate` with captured output, in the repository root (no config file). */
async function run(
  args: string[],
  env: Record<string, string> = {},
  isDirectory = true,
): Promise<{ status: number; out: string[]; err: string[] }> {
  const io = fakeIO({ env });
  const validateIo = (): ValidateIo => ({
    stdout: (line) => io.stdout(`${line}\n`),
    stderr: (line) => io.stderr(`${line}\n`),
    isDirectory: async () => isDirectory,
    effects: nodeLoadEffects,
  });
  const status = await runValidateCommand(args, io, validateIo);
  return { status, out: io.out.split('\n').filter((l) => l !== ''), err: io.err.split('\n').filter((l) => l !== '') };
}

describe('logbook validate', () => {
  test('prints each diagnostic and the summary, and exits 1 on an error', async () => {
    const { status, err } = await run(['test/fixtures/broken/one-bad-among-good']);
    expect(status).toBe(1);
    expect(err).toEqual([
      'error: test/fixtures/broken/one-bad-among-good/exp-303.json:3:13 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done" — did you mean "completed"?',
      'validate: 3 records, 1 error, 0 warnings',
    ]);
  });

  test('exits 0 with warnings only, and reads the folder from LOGBOOK_CONTENT', async () => {
    const { status, err } = await run([], { LOGBOOK_CONTENT: 'test/fixtures/broken/missing-parent' });
    expect(status).toBe(0);
    expect(err.at(-1)).toBe('validate: 2 records, 0 errors, 1 warning');
  });

  test("the consistency checks the pages show are warnings at their field, with the file's other problems", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logbook-checks-'));
    try {
      const record = [
        '**Experiment ID**: b-3',
        '',
        '## Results',
        '| Metric | Value | 95% CI |',
        '|---|---|---|',
        '| F1 | 0.8 | 0.9–0.95 |',
        '',
      ];
      writeFileSync(join(dir, 'b-3.md'), record.join('\n'));
      const { status, err } = await run([dir]);
      expect(status).toBe(0);
      // `| F1 | 0.8 | ` is 13 characters: the interval starts at column 14 of line 6.
      expect(err).toEqual([
        `warning: ${dir}/b-3.md:6:14 evaluation.testMetrics.0.ci95: The 95% CI of F1 [0.9, 0.95] does not contain its value 0.8.`,
        'validate: 1 record, 0 errors, 1 warning',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('adds GitHub annotations under GitHub Actions', async () => {
    const { err } = await run(['test/fixtures/broken/misspelt-key'], { GITHUB_ACTIONS: 'true' });
    expect(err[1]).toBe(
      '::warning file=test/fixtures/broken/misspelt-key/exp-205.json,line=3,col=3::evalution: unknown field "evalution" (it is kept, but nothing reads it) — did you mean "evaluation"?',
    );
  });

  test('a file name with a line break and "::error" cannot start a workflow command, with or without annotations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logbook-names-'));
    try {
      writeFileSync(join(dir, 'x\n::error file=a,line=1::forged\n::add-mask::secret.json'), '{ "id": "exp-1", "status": "done" }');
      const { err } = await run([dir], { GITHUB_ACTIONS: 'true' });
      // Exactly one line starts with "::": Logbook's own annotation, with the name escaped inside it.
      expect(err.filter((line) => line.startsWith('::'))).toEqual([
        `::error file=${dir.replace(/:/g, '%3A')}/x%0A%3A%3Aerror file=a%2Cline=1%3A%3Aforged%0A%3A%3Aadd-mask%3A%3Asecret.json,line=1,col=28::status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done" — did you mean "completed"?`,
      ]);
      expect(err[0]).toBe(
        `error: ${dir}/x\\n::error file=a,line=1::forged\\n::add-mask::secret.json:1:28 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done" — did you mean "completed"?`,
      );
      expect(err.every((line) => !line.includes('\n'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('names the files it leaves out that may be records in another format, not images beside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logbook-left-out-'));
    try {
      writeFileSync(join(dir, 'exp-1.json'), JSON.stringify({ id: 'exp-1' }));
      for (const name of ['exp-2.yaml', 'exp-3.yml', 'exp-4.toml', 'exp-5.markdown']) writeFileSync(join(dir, name), 'id: x');
      writeFileSync(join(dir, 'confusion.png'), 'png');
      const { status, err } = await run([dir]);
      expect(status).toBe(0);
      expect(err).toEqual([
        'validate: 1 record, 0 errors, 0 warnings; 4 files left out, not JSON or Markdown (exp-2.yaml, exp-3.yml, exp-4.toml, and 1 more) — records are .json or .md files; convert others with `logbook import`',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('prints usage for --help and exits 0', async () => {
    const { status, out } = await run(['--help']);
    expect(status).toBe(0);
    expect(out[0]).toBe('Usage: logbook validate [folder] [--config <file>]');
  });

  test('rejects an unknown flag with usage and exit 2', async () => {
    const { status, err } = await run(['--strict']);
    expect(status).toBe(2);
    expect(err[0]).toBe('validate: unknown option --strict');
  });

  test('rejects a second folder with usage and exit 2', async () => {
    const { status, err } = await run(['a', 'b']);
    expect(status).toBe(2);
    expect(err[0]).toBe('validate: unknown argument "b"');
  });

  test('reports a folder that does not exist', async () => {
    const { status, err } = await run(['nope/'], {}, false);
    expect(status).toBe(1);
    expect(err).toEqual(['validate: content folder not found: nope/']);
  });

  test('a bad setting is a usage error naming the variable', async () => {
    const { status, err } = await run([], { LOGBOOK_CHARTS: 'maybe' });
    expect(status).toBe(2);
    expect(err).toEqual(['validate: LOGBOOK_CHARTS: expected "on" or "off", got "maybe" — e.g. LOGBOOK_CHARTS=off']);
  });
});
