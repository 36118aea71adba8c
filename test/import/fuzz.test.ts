/**
 * Every importer, fed truncated and corrupted copies of a valid source (property-based, fast-check):
 * the import either succeeds with records that pass the schema, or fails with exactly one line on
 * standard error, nothing on standard output and nothing written — never a crash, a stack trace or
 * an "internal error".
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { fakeIO } from '../cli/fake-io.ts';
import { runImportCommand } from '../../src/import/command.ts';
import { ExperimentSchema } from '../../src/schema/index.ts';
import { eventFile, hparamsEvent, sessionStart, simpleScalar, tensorScalar } from './tensorboard/encode.ts';

const work = mkdtempSync(join(tmpdir(), 'logbook-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);
let counter = 0;

/** A damage done to one file's bytes. */
type Damage =
  { kind: 'truncate'; at: number } | { kind: 'flip'; flips: [position: number, mask: number][] } | { kind: 'garbage'; bytes: Uint8Array };

const damage: fc.Arbitrary<Damage> = fc
  .oneof(
    fc
      .record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map((d) => ({ kind: d.kind, at: d.at })),
    fc.record({
      kind: fc.constant('flip' as const),
      flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
    fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ maxLength: 200 }) }),
  )
  .map((d) => d as Damage);

function apply(bytes: Uint8Array, hurt: Damage): Uint8Array {
  if (hurt.kind === 'garbage') return hurt.bytes;
  if (hurt.kind === 'truncate') return bytes.subarray(0, Math.floor(bytes.length * hurt.at));
  const copy = bytes.slice();
  for (const [where, mask] of hurt.flips) {
    const index = Math.min(copy.length - 1, Math.floor(copy.length * where));
    if (index >= 0) copy[index] = (copy[index] ?? 0) ^ mask;
  }
  return copy;
}

/** Imports `source` (a damaged copy); checks the contract either way. */
async function importDamaged(args: readonly string[], kind: string): Promise<void> {
  const out = join(work, `out-${++counter}`);
  const io = fakeIO();
  const code = await runImportCommand([...args, '--out', out], io);
  expect(io.err).not.toContain('internal error');
  expect(io.err).not.toMatch(/\n\s+at /);
  if (code === 1) {
    expect(io.out).toBe('');
    expect(io.err.split('\n')).toHaveLength(2);
    expect(io.err.startsWith(`import:${kind}: `)).toBe(true);
    expect(existsSync(out)).toBe(false);
    return;
  }
  expect(code).toBe(0);
  for (const file of existsSync(out) ? readdirSync(out) : []) {
    expect(ExperimentSchema.safeParse(JSON.parse(readFileSync(join(out, file), 'utf8'))).success).toBe(true);
  }
}

/** A fresh copy of a source with one of its files damaged. */
function damagedCopy(make: (dir: string) => void, file: string, hurt: Damage): string {
  const dir = join(work, `src-${++counter}`);
  mkdirSync(dir, { recursive: true });
  make(dir);
  writeFileSync(join(dir, file), apply(readFileSync(join(dir, file)), hurt));
  return dir;
}

// FUZZ_RUNS=500 npm run test:unit -- test/import/fuzz.test.ts for a longer hunt.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 30);
const EVENTS = 'events.out.tfevents.1717200000.host';

describe('importers fuzzed with truncated and corrupt files', () => {
  test('tensorboard', async () => {
    const make = (dir: string): void => {
      mkdirSync(join(dir, 'run', '1717200000.1'), { recursive: true });
      writeFileSync(
        join(dir, 'run', EVENTS),
        eventFile([simpleScalar('loss', 0, 0.5), tensorScalar('acc', 0, 0.25, 1, true), simpleScalar('loss', 1, 0.4)]),
      );
      writeFileSync(
        join(dir, 'run', '1717200000.1', EVENTS),
        eventFile([hparamsEvent(2, [[5, [[1, [[2, 'hparam/acc']]]]]]), sessionStart({ lr: 0.1 }), simpleScalar('hparam/acc', 0, 0.9)]),
      );
    };
    await fc.assert(
      fc.asyncProperty(damage, fc.boolean(), async (hurt, inHparams) => {
        const dir = damagedCopy(make, inHparams ? join('run', '1717200000.1', EVENTS) : join('run', EVENTS), hurt);
        await importDamaged([dir], 'tensorboard');
      }),
      { numRuns: RUNS },
    );
  });

  test('huggingface', async () => {
    const fixture = resolve('test/fixtures/huggingface/distilbert-imdb');
    const make = (dir: string): void => {
      for (const file of ['trainer_state.json', 'all_results.json', 'README.md', 'config.json'])
        cpSync(join(fixture, file), join(dir, file));
    };
    await fc.assert(
      fc.asyncProperty(
        damage,
        fc.constantFrom('trainer_state.json', 'all_results.json', 'README.md', 'config.json'),
        async (hurt, file) => {
          await importDamaged([damagedCopy(make, file, hurt)], 'huggingface');
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('dvc project', async () => {
    const make = (dir: string): void => cpSync(resolve('test/fixtures/dvc/project'), dir, { recursive: true });
    const files = [
      'params.yaml',
      'dvc.yaml',
      'dvc.lock',
      'dvclive/metrics.json',
      'dvclive/params.yaml',
      'dvclive/plots/metrics/train/loss.tsv',
      'dvclive/plots/sklearn/confusion_matrix.json',
    ];
    await fc.assert(
      fc.asyncProperty(damage, fc.constantFrom(...files), async (hurt, file) => {
        await importDamaged([damagedCopy(make, file, hurt), '--from', 'dvc'], 'dvc');
      }),
      { numRuns: RUNS },
    );
  });

  test('dvc exp show', async () => {
    const make = (dir: string): void => cpSync(resolve('test/fixtures/dvc/exp-show.json'), join(dir, 'exp-show.json'));
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        await importDamaged([join(damagedCopy(make, 'exp-show.json', hurt), 'exp-show.json'), '--from', 'dvc'], 'dvc');
      }),
      { numRuns: RUNS },
    );
  });

  test('csv', async () => {
    const make = (dir: string): void => cpSync(resolve('test/fixtures/csv/mlflow-runs.csv'), join(dir, 'runs.csv'));
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        await importDamaged([join(damagedCopy(make, 'runs.csv', hurt), 'runs.csv'), '--from', 'csv'], 'csv');
      }),
      { numRuns: RUNS },
    );
  });

  test('mlflow file store', async () => {
    const make = (dir: string): void => cpSync(resolve('test/fixtures/mlflow/mlruns'), dir, { recursive: true });
    const files = readdirSync(resolve('test/fixtures/mlflow/mlruns'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(resolve('test/fixtures/mlflow/mlruns').length + 1))
      .sort();
    await fc.assert(
      fc.asyncProperty(damage, fc.constantFrom(...files), async (hurt, file) => {
        await importDamaged([damagedCopy(make, file, hurt), '--from', 'mlflow'], 'mlflow');
      }),
      { numRuns: RUNS },
    );
  });
}, 120_000);
