import { describe, expect, test } from 'vitest';
import { checkRecords, runImport, withConsistentDates } from '../../src/import/pipeline.ts';
import { importMessages } from '../../src/import/messages.ts';
import { sealRecord } from '../../src/import/record.ts';

describe('withConsistentDates', () => {
  test('an end before the start: completionDate left out, the record sealed again, a warning naming the run', () => {
    const record = sealRecord({
      id: 'multi-per-step-137d3dc6',
      date: '2026-12-04',
      completionDate: '2026-01-01',
      import: { source: 'mlflow', runId: '137d3dc6ef26489ca660ac6eebd900f8' },
    });
    const warnings: string[] = [];
    const fixed = withConsistentDates(record, warnings);
    expect(fixed).toEqual(
      sealRecord({
        id: 'multi-per-step-137d3dc6',
        date: '2026-12-04',
        import: { source: 'mlflow', runId: '137d3dc6ef26489ca660ac6eebd900f8' },
      }),
    );
    expect(fixed.completionDate).toBeUndefined();
    expect(warnings).toEqual([
      'run "137d3dc6ef26489ca660ac6eebd900f8": its end (2026-01-01) is before its start (2026-12-04); completionDate left out — check the run\'s end time in the source',
    ]);
    expect(checkRecords([fixed])).toEqual({ records: [fixed], rejected: [] });
  });

  test('an end on the start day or later is kept as it is', () => {
    const record = sealRecord({ id: 'a', date: '2026-01-01', completionDate: '2026-01-01', import: { source: 'csv', runId: 'a' } });
    const warnings: string[] = [];
    expect(withConsistentDates(record, warnings)).toBe(record);
    expect(warnings).toEqual([]);
  });
});

describe('checkRecords', () => {
  test('a record validate would reject (a 2-label confusion matrix with 1 row) is rejected with an ImportError naming the run', () => {
    const record = sealRecord({
      id: 'cm',
      evaluation: { confusionMatrix: { labels: ['0', '1'], matrix: [[3, 1]] } },
      import: { source: 'dvc', runId: 'workspace' },
    });
    expect(rejectionOf(record)).toBe(
      'run "workspace" maps to a record validate rejects (evaluation.confusionMatrix.matrix: the confusion matrix has 1 row, but 2 labels: it must be square, one row and one column per label); not written — give one row per actual class and one count per predicted class, in the order of the labels',
    );
  });

  test('a record past a limit validate enforces (1,001 hyperparameters, 1,000 at most) is rejected, naming the run', () => {
    const hyperparameters = Array.from({ length: 1001 }, (_, index) => ({ name: `p${index}`, value: index }));
    const record = sealRecord({ id: 'wide', model: { hyperparameters }, import: { source: 'tensorboard', runId: 'runs/wide' } });
    expect(rejectionOf(record)).toMatch(/^run "runs\/wide" maps to a record validate rejects \(model\.hyperparameters: /);
  });

  test('every record is checked: the ones that pass are kept in id order, each one that fails is listed', () => {
    const ok = (id: string) => sealRecord({ id, import: { source: 'tensorboard', runId: id } });
    const bad = (id: string) =>
      sealRecord({
        id,
        evaluation: { confusionMatrix: { labels: ['0', '1'], matrix: [[3, 1]] } },
        import: { source: 'tensorboard', runId: id },
      });
    const { records, rejected } = checkRecords([ok('c'), bad('b'), ok('a'), bad('d')]);
    expect(records.map((record) => record.id)).toEqual(['a', 'c']);
    expect(rejected.map((run) => run.id)).toEqual(['b', 'd']);
    expect(rejected.map((run) => run.error.problem)).toEqual(
      ['b', 'd'].map(
        (id) =>
          `run "${id}" maps to a record validate rejects (evaluation.confusionMatrix.matrix: the confusion matrix has 1 row, but 2 labels: it must be square, one row and one column per label); not written`,
      ),
    );
  });
});

/** The one rejection `checkRecords` gives the record, as the command prints it (problem, then the hint when there is one). */
function rejectionOf(record: ReturnType<typeof sealRecord>, format: 'json' | 'md' = 'json'): string | undefined {
  const { records, rejected } = checkRecords([record], format);
  expect(records).toEqual([]);
  expect(rejected).toHaveLength(1);
  const error = rejected[0]?.error;
  return error === undefined ? undefined : importMessages.runError('import', error).replace(/^import: error: /, '');
}

/** A record of `rows` steps, each with 20 columns `metric_00` … `metric_19` of 0.5: most of it is its history. */
function longRun(rows: number): ReturnType<typeof sealRecord> {
  const columns = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`metric_${String(index).padStart(2, '0')}`, 0.5]));
  const history = Array.from({ length: rows }, (_, epoch) => ({ epoch, ...columns }));
  return sealRecord({ id: 'big', training: { history }, import: { source: 'tensorboard', runId: 'runs/big' } });
}

describe('checkRecords: the file a record is written to', () => {
  // JSON, 2-space indent. A row: `      {` 8 bytes, `        "epoch": <d digits>,` 19 + d, 19 columns
  // `        "metric_00": 0.5,` of 26 and the last of 25 (519), `      },` 9: 555 + d; the last row has
  // no comma. 10,000 rows: 5,550,000 + 38,890 digits (10·1 + 90·2 + 900·3 + 9,000·4) − 1 = 5,588,889.
  // Around them `{`, `"id": "big",`, `"training": {`, `"history": [` (2 + 15 + 16 + 17 = 50) and `]`,
  // `},`, `"import": {`, `"source": "tensorboard",`, `"runId": "runs/big",`, `"hash": "<16 digits>"`,
  // `}`, `}` (6 + 5 + 14 + 29 + 25 + 31 + 4 + 2 = 116): 5,589,055 bytes, past the 5,242,880 of a record.
  test('a JSON record past 5 MB (10,000 steps × 20 metrics) is rejected, naming the run, the size and the history', () => {
    expect(rejectionOf(longRun(10_000), 'json')).toBe(
      'run "runs/big" maps to a record validate rejects (the file is 5,589,055 bytes; a record may be at most 5,242,880 bytes; ' +
        "training.history (10,000 items) is most of it); not written — downsample the history: log the run's metrics at fewer steps (every n-th) " +
        'or fewer metrics and import it again, or keep the full history in your tracker and link it',
    );
  });

  // YAML frontmatter: a row `    - epoch: <d>` 14 + d, 20 × `      metric_00: 0.5` of 21 (420): 434 + d.
  // 3,000 rows: 1,302,000 + 10,890 digits (10·1 + 90·2 + 900·3 + 2,000·4) = 1,312,890. Around them
  // `---`, `id: big`, `training:`, `  history:` (4 + 8 + 10 + 11 = 33) and `import:`, `  source: tensorboard`,
  // `  runId: runs/big`, `  hash: <16 digits>`, `---` (8 + 22 + 18 + 25 + 4 = 77): 1,313,000 bytes, past the
  // 1,048,576 of a Markdown record; as JSON (3,000 × 555 + 10,890 + 165 ≈ 1.7 MB) it would pass.
  test('a Markdown record past 1 MB that JSON could hold is rejected, saying to import with --format json', () => {
    expect(rejectionOf(longRun(3_000), 'md')).toBe(
      'run "runs/big" maps to a record validate rejects (the file is 1,313,000 bytes; a record with YAML frontmatter may be at most ' +
        '1,048,576 bytes; training.history (3,000 items) is most of it); not written — import with --format json: a JSON record may be up to 5,242,880 bytes',
    );
  });

  test('the same record as JSON is within every limit', () => {
    const record = longRun(3_000);
    expect(checkRecords([record], 'json')).toEqual({ records: [record], rejected: [] });
  });
});

describe('runImport', () => {
  test('a record validate would refuse for its size is not written; the other run is, and the refused one is reported', async () => {
    const written: string[] = [];
    const effects = { readFile: () => undefined, writeFile: (path: string) => void written.push(path) };
    const importer = {
      kind: 'tensorboard' as const,
      read: () =>
        Promise.resolve({
          records: [longRun(10_000), sealRecord({ id: 'small', import: { source: 'tensorboard', runId: 'small' } })],
          notes: [],
          warnings: [],
        }),
    };
    const request = {
      source: 'runs',
      cwd: '/',
      env: {},
      schema: undefined,
      experiments: [],
      csv: { params: [], metrics: [], ignore: [] },
      onProgress: () => {},
    };
    const report = await runImport(importer, request, { outDir: '/out', format: 'json', force: false }, effects);
    expect(written).toEqual(['/out/small.json']);
    expect(report.records.map((record) => record.id)).toEqual(['small']);
    expect(report.outcomes).toEqual([{ id: 'small', file: '/out/small.json', action: 'written' }]);
    expect(report.rejected.map((run) => run.id)).toEqual(['big']);
    expect(report.rejected[0]?.error.message).toMatch(/^run "runs\/big" maps to a record validate rejects \(the file is 5,589,055 bytes/);
  });
});
