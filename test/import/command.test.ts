import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fakeIO } from '../cli/fake-io.ts';
import { runImportCommand } from '../../src/import/command.ts';
import { importMessages, recordSchemaReference } from '../../src/import/index.ts';
import { IMPORT_USAGE } from '../../src/import/args.ts';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempOut(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logbook-import-'));
  temporary.push(dir);
  return join(dir, 'records');
}

/**
 * A copy of the MLflow fixture store whose leaf run "grand child" (cccc3333…, a child of "tuned cnn", parent of none)
 * logged only `metrics` metrics `metric_00`, `metric_01`, … of 0.5 at steps 0 … `steps` − 1.
 */
function storeWithLongRun(metrics: number, steps: number): string {
  const store = join(tempOut(), 'mlruns');
  cpSync('test/fixtures/mlflow/mlruns', store, { recursive: true });
  const folder = join(store, '1', 'cccc3333cccc3333cccc3333cccc3333', 'metrics');
  rmSync(folder, { recursive: true });
  mkdirSync(folder);
  const lines = Array.from({ length: steps }, (_, step) => `${1717400001000 + step} 0.5 ${step}`).join('\n');
  for (let index = 0; index < metrics; index++) writeFileSync(join(folder, `metric_${String(index).padStart(2, '0')}`), `${lines}\n`);
  return store;
}

describe('runImportCommand', () => {
  test.each([
    ['test/fixtures/mlflow/mlruns', 'mlflow'],
    ['test/fixtures/huggingface/distilbert-imdb', 'huggingface'],
    ['test/fixtures/huggingface/distilbert-imdb/README.md', 'huggingface'],
    ['test/fixtures/dvc/project', 'dvc'],
    ['test/fixtures/dvc/exp-show.json', 'dvc'],
    ['test/fixtures/csv/mlflow-runs.csv', 'csv'],
  ])('detects %s as %s and imports it', async (source, kind) => {
    const io = fakeIO();
    const out = tempOut();
    expect(await runImportCommand([source, '--out', out], io)).toBe(0);
    expect(io.out.trim().split('\n').at(-1)).toMatch(new RegExp(`^import:${kind}: ${source}: \\d+ runs?`));
    expect(readdirSync(out).length).toBeGreaterThan(0);
  });

  test('the kind word and --from name the kind without detection', async () => {
    for (const args of [
      ['csv', 'test/fixtures/csv/loss.csv'],
      ['test/fixtures/csv/loss.csv', '--from', 'csv'],
    ]) {
      const io = fakeIO();
      expect(await runImportCommand([...args, '--out', tempOut()], io)).toBe(0);
      expect(io.out).toContain('import:csv: test/fixtures/csv/loss.csv: 1 run — 1 written');
    }
  });

  test('prints the CSV mapping before the outcomes, and writes $schema relative to --out', async () => {
    const io = fakeIO();
    const out = tempOut();
    await runImportCommand(['test/fixtures/csv/loss.csv', '--out', out], io);
    expect(io.out.split('\n').slice(0, 2)).toEqual([
      "import:csv: read as one run's history (one row per step); --table runs reads it as a table of runs",
      'import:csv:   column "Wall time" → ignored (--param or --metric "Wall time" to change)',
    ]);
    const record = JSON.parse(readFileSync(join(out, 'loss.json'), 'utf8')) as { $schema: string };
    expect(record.$schema).toBe(recordSchemaReference(out, process.cwd()));
    expect(resolve(out, record.$schema)).toBe(resolve('public/schema/experiment.schema.json'));
  });

  test('prints paths relative to the working directory', async () => {
    const io = fakeIO();
    const dir = mkdtempSync(join(process.cwd(), '.import-test-'));
    temporary.push(dir);
    await runImportCommand(['test/fixtures/csv/loss.csv', '--out', join(dir, 'out')], io);
    expect(io.out).toContain(`written   ${dir.slice(process.cwd().length + 1)}/out/loss.json\n`);
  });

  test('on a terminal, progress is drawn in place on standard error and cleared; elsewhere nothing', async () => {
    const tty = fakeIO({ isTTY: true });
    await runImportCommand(['test/fixtures/mlflow/mlruns', '--out', tempOut()], tty);
    expect(tty.err).toContain('\r\x1b[Kimport:mlflow: reading 2/2 experiments');
    expect(tty.err).toContain('\r\x1b[Kimport:mlflow: writing 3/3 records');
    expect(tty.err.endsWith('\r\x1b[K')).toBe(true);
    const pipe = fakeIO();
    await runImportCommand(['test/fixtures/mlflow/mlruns', '--out', tempOut()], pipe);
    expect(pipe.err).toBe('');
  });

  test('a source that does not exist: one line, exit 1, nothing written', async () => {
    const io = fakeIO();
    const out = tempOut();
    expect(await runImportCommand(['no/such/place', '--out', out], io)).toBe(1);
    expect(io.err).toBe('import: no/such/place: no such file or folder — check the path (`--help` lists the kinds of source)\n');
    expect(existsSync(out)).toBe(false);
  });

  test('a source of no known kind: one line naming --from, exit 1', async () => {
    const io = fakeIO();
    expect(await runImportCommand(['test/fixtures/ingest', '--out', tempOut()], io)).toBe(1);
    expect(io.err).toBe(`import: test/fixtures/ingest: ${importMessages.unknownKind().problem} — ${importMessages.unknownKind().hint}\n`);
    expect(
      io.err.startsWith(
        'import: test/fixtures/ingest: cannot tell what kind of source this is — name it with --from mlflow|tensorboard|huggingface|dvc|csv (',
      ),
    ).toBe(true);
  });

  test.each([
    [[], 'import: missing <source>'],
    [['a', 'b'], 'import: expected one <source>, got 2: a b'],
    [['x', '--from', 'wandb'], 'import: --from must be one of mlflow, tensorboard, huggingface, dvc, csv, not "wandb"'],
    [['csv', 'x', '--from', 'dvc'], 'import:csv: the kind word says csv but --from says dvc'],
    [['x', '--format', 'yaml'], 'import: --format must be json or md, not "yaml"'],
    [['csv', 'x', '--experiment', 'e'], 'import:csv: --experiment is for mlflow sources only'],
    [['mlflow', 'x', '--metric', 'm'], 'import:mlflow: --metric is for csv sources only'],
    [
      ['test/fixtures/mlflow/mlruns', '--param', 'p'],
      'import:mlflow: the csv options are for csv sources only, and test/fixtures/mlflow/mlruns is mlflow',
    ],
    [['x', '--table', 'wide', '--from', 'csv'], 'import:csv: --table must be runs or history, not "wide"'],
  ])('bad arguments %j: usage on standard error, exit 2', async (args, line) => {
    const io = fakeIO();
    expect(await runImportCommand(args, io)).toBe(2);
    expect(io.err).toBe(`${line}\n\n${IMPORT_USAGE}\n`);
  });

  test('a run whose record would be too large is not written: the others are, an error line names it, exit 1', async () => {
    // 20 metrics × 10,000 steps: a history of about 6 MB as JSON, past the 5 MB of a record.
    const store = storeWithLongRun(20, 10_000);
    const io = fakeIO();
    const out = tempOut();
    expect(await runImportCommand([store, '--out', out], io)).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['baseline-cnn-aaaa1111.json', 'tuned-cnn-bbbb2222.json']);
    expect(io.err).toMatch(
      new RegExp(
        '^import:mlflow: error: run "cccc3333cccc3333cccc3333cccc3333" maps to a record validate rejects \\(the file is [\\d,]+ bytes; ' +
          'a record may be at most 5,242,880 bytes; training\\.history \\(10,000 items\\) is most of it\\); not written — ' +
          "downsample the history: log the run's metrics at fewer steps \\(every n-th\\) or fewer metrics and import it again, " +
          'or keep the full history in your tracker and link it\\n$',
      ),
    );
    expect(io.out.trim().split('\n').at(-1)).toBe(
      `import:mlflow: ${store}: 3 runs from 2 experiments — 2 written, 0 updated, 0 unchanged, 0 skipped, 1 rejected (not written)`,
    );
  });

  test('a run past the history rows validate allows (50,001 steps of one metric) is not written; the others are, exit 1', async () => {
    const store = storeWithLongRun(1, 50_001);
    const io = fakeIO();
    const out = tempOut();
    expect(await runImportCommand([store, '--out', out], io)).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['baseline-cnn-aaaa1111.json', 'tuned-cnn-bbbb2222.json']);
    expect(io.err).toBe(
      'import:mlflow: error: run "cccc3333cccc3333cccc3333cccc3333" maps to a record validate rejects (training.history: the list has ' +
        '50,001 items; at most 50,000 are allowed); not written — log every n-th step, or keep the full history in your tracker and link it\n',
    );
  });

  test('a rejected run whose problem has no hint: no dash after it', () => {
    expect(importMessages.runError('import:dvc', importMessages.recordInvalid('workspace', 'date', 'not a date', ''))).toBe(
      'import:dvc: error: run "workspace" maps to a record validate rejects (date: not a date); not written',
    );
  });

  test('--help prints the usage and exits 0', async () => {
    const io = fakeIO();
    expect(await runImportCommand(['--help'], io)).toBe(0);
    expect(io.out).toBe(`${IMPORT_USAGE}\n`);
  });
});
