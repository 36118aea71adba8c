/**
 * Interop proof for the TensorBoard import: test/interop/log_tensorboard.py wrote event files with
 * tensorboardX (simple_value scalars, add_hparams) and the tensorboard package's own writer
 * (TF2-style tensor scalars in tensor_content and float_val, the hparams plugin's summaries — built
 * with the package's protobuf classes because TensorFlow is too big to install here), and what it
 * logged to expected.json. Here the real CLI imports them and the records are checked value for value.
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Experiment } from '../../src/schema/index.ts';
import { interopDir, readRecords, runLogbook } from './helpers.ts';

interface ExpectedRun {
  history: Record<string, [step: number, value: number | null][]>;
  hparams?: Record<string, string | number | boolean>;
  testMetrics?: Record<string, number>;
  searchSpaces?: Record<string, unknown>;
  nonFinite?: [string, number, string][];
}

const LOGS = join(interopDir(), 'tensorboard', 'logs');
const expected = JSON.parse(readFileSync(join(interopDir(), 'tensorboard', 'expected.json'), 'utf8')) as {
  runs: Record<string, ExpectedRun>;
};
const work = mkdtempSync(join(tmpdir(), 'logbook-interop-tb-'));
const out = join(work, 'records');
let records: Map<string, Experiment>;
let first: ReturnType<typeof runLogbook>;

beforeAll(() => {
  first = runLogbook('import', LOGS, '--out', out);
  records = readRecords(out);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const byRun = (path: string): Experiment | undefined =>
  [...records.values()].find((record) => (record['import'] as { runId: string }).runId === path);

describe('TensorBoard import of real event files', () => {
  test('detects the source, imports one record per run folder and says so in one summary line', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split('\n').at(-1)).toBe(
      `import:tensorboard: ${LOGS}: 3 runs — 3 written, 0 updated, 0 unchanged, 0 skipped`,
    );
    expect([...records.values()].map((record) => (record['import'] as { runId: string }).runId).sort()).toEqual(
      Object.keys(expected.runs).sort(),
    );
  });

  test.each(Object.keys(expected.runs))('%s: every logged scalar is in the history, step by step', (path) => {
    const record = byRun(path);
    const rows = record?.training?.history ?? [];
    for (const [tag, points] of Object.entries(expected.runs[path]?.history ?? {})) {
      const logged = rows.filter((row) => row[tag] !== undefined && (row[tag] !== null || points.some(([step]) => step === row.epoch)));
      expect(
        logged.map((row) => row.epoch),
        tag,
      ).toEqual(points.map(([step]) => step));
      points.forEach(([step, value]) => {
        const got = rows.find((row) => row.epoch === step)?.[tag];
        if (value === null) expect(got, `${tag} at ${step}`).toBeNull();
        else expect(got, `${tag} at ${step}`).toBeCloseTo(value, 6);
      });
    }
  });

  test.each(Object.keys(expected.runs).filter((path) => expected.runs[path]?.hparams !== undefined))(
    '%s: hparams become hyperparameters',
    (path) => {
      const run = expected.runs[path];
      const record = byRun(path);
      const values = Object.fromEntries((record?.model?.hyperparameters ?? []).map((item) => [item.name, item.value]));
      for (const [name, value] of Object.entries(run?.hparams ?? {})) {
        if (typeof value === 'number') expect(values[name]).toBeCloseTo(value, 9);
        else expect(values[name]).toBe(value);
      }
      for (const [name, space] of Object.entries(run?.searchSpaces ?? {})) {
        const got = record?.model?.hyperparameters?.find((item) => item.name === name)?.searchSpace;
        expect(got, name).toMatchObject(space as object);
      }
    },
  );

  test.each(Object.keys(expected.runs).filter((path) => expected.runs[path]?.testMetrics !== undefined))(
    '%s: the hparams metrics are the test metrics',
    (path) => {
      const got = Object.fromEntries((byRun(path)?.evaluation?.testMetrics ?? []).map((metric) => [metric.metric, metric.value]));
      const want = expected.runs[path]?.testMetrics ?? {};
      expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
      for (const [name, value] of Object.entries(want)) expect(got[name]).toBeCloseTo(value, 6);
    },
  );

  test('NaN and Infinity become null cells listed in import.nonFinite', () => {
    const record = byRun('tbx/diverged');
    const listed = (record?.['import'] as { nonFinite: { metric: string; step: number; value: string }[] }).nonFinite;
    expect(listed.map((item) => [item.metric, item.step, item.value])).toEqual(expected.runs['tbx/diverged']?.nonFinite);
  });

  test('the add_hparams sub-folder is merged into its run, not imported on its own', () => {
    expect([...records.values()].some((record) => /\d{9,}/.test(record.id))).toBe(false);
  });

  test('a second import leaves every record unchanged', () => {
    const again = runLogbook('import', LOGS, '--out', out);
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toContain('0 written, 0 updated, 3 unchanged, 0 skipped');
  });

  test('a file cut short: the last record is skipped with a warning, the rest imported', () => {
    const copy = join(work, 'truncated');
    cpSync(join(LOGS, 'tbx', 'baseline'), copy, { recursive: true });
    const file = readdirSync(copy).find((name) => name.startsWith('events.out.tfevents.')) ?? '';
    truncateSync(join(copy, file), readFileSync(join(copy, file)).length - 5);
    const result = runLogbook('import', copy, '--out', join(work, 'truncated-out'));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `import:tensorboard: warning: ${file}: the last record is cut short (still being written?); it was skipped, as TensorBoard does\n`,
    );
  });

  test('a corrupt file: one error line, exit code 1, nothing written', () => {
    const copy = join(work, 'corrupt');
    cpSync(join(LOGS, 'tbx', 'baseline'), copy, { recursive: true });
    const file = readdirSync(copy).find((name) => name.startsWith('events.out.tfevents.')) ?? '';
    const bytes = readFileSync(join(copy, file));
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    writeFileSync(join(copy, file), bytes);
    const target = join(work, 'corrupt-out');
    const result = runLogbook('import', copy, '--out', target);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^import:tensorboard: .*: record \d+ is corrupt \(the CRC of its (length|data) does not match\)/);
    expect(existsSync(target)).toBe(false);
    copyFileSync(join(LOGS, 'tbx', 'baseline', file), join(copy, file));
  });
});
