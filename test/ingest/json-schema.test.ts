import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, renderExperimentJsonSchema, validateRecord } from '../../src/ingest/index.ts';
import { TOP_LEVEL_SPELLINGS } from '../../src/ingest/json-schema.ts';
import { TOP_LEVEL_HOMES, topLevelName } from '../../src/ingest/written-shapes.ts';

describe('renderExperimentJsonSchema', () => {
  test('matches the committed public/schema/experiment.schema.json (run `npm run schema` after changing src/schema)', () => {
    const committed = readFileSync(new URL('../../public/schema/experiment.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderExperimentJsonSchema());
  });

  test('describes the record as users write it', () => {
    const schema = JSON.parse(renderExperimentJsonSchema()) as { anyOf: unknown[]; properties: Record<string, { description?: string }> };
    // An id is asked for, under its own name or one a tool gives it.
    expect(schema.anyOf).toEqual([
      { required: ['id'] },
      { required: ['experiment_id'] },
      { required: ['experimentId'] },
      { required: ['exp_id'] },
      { required: ['expid'] },
    ]);
    expect(schema.properties['placeholders']?.description).toBe(
      'Field paths left as unfilled template placeholders (filled in by the parser).',
    );
  });
});

describe('the published record schema', () => {
  test('carries an $id, so editors and validators name it the same wherever it is served', () => {
    expect(JSON.parse(renderExperimentJsonSchema()).$id).toBe('urn:logbook:schema:experiment:1');
  });
});

describe('the published record schema accepts the shapes logbook validate reads', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const check = ajv.compile(JSON.parse(renderExperimentJsonSchema()) as object);
  const problems = (record: unknown): string[] =>
    check(record) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

  test.each([
    [
      "a script's dump",
      {
        experiment_id: 'a',
        params: { lr: 0.001, betas: [0.9, 0.999], optimizer: { name: 'adamw' } },
        metrics: { accuracy: { value: 0.87, ci95: [0.86, 0.88] }, f1: 0.84 },
        history: { loss: [0.9, 0.7], val_loss: [1, 0.8] },
        confusion_matrix: [
          [50, 5],
          [7, 38],
        ],
        labels: ['neg', 'pos'],
        author: 'Aiko',
        parent: 'a-0',
      },
    ],
    [
      'a metrics file by split, steps, a params file by group',
      {
        id: 'b',
        metrics: { train: { accuracy: 0.95 }, test: { accuracy: 0.9 } },
        training: {
          history: [
            { step: 100, loss: 0.9 },
            { step: 200, loss: 0.7 },
          ],
        },
        model: { hyperparameters: { train: { lr: 0.01 } } },
      },
    ],
    [
      'tags as a list, features as names, a baseline interval as a pair',
      {
        id: 'c',
        tags: ['vision', { owner: 'cv' }],
        dataset: { features: ['age', 'income'] },
        comparison: { baselines: [{ label: 'LR', metrics: { f1: 0.8 }, ci95: { f1: [0.78, 0.82] } }] },
      },
    ],
    [
      "rows named by name or key (MLflow's API lists), a tracker's run (config, summary, state)",
      {
        run_name: 'e',
        params: [{ key: 'lr', value: '0.001' }],
        metrics: [
          { name: 'accuracy', value: 0.91 },
          { key: 'f1', value: 0.88, step: 10, timestamp: 1700000000 },
        ],
        experiment_id: 'e',
        state: 'finished',
        created_at: '2025-03-04T10:22:31',
        summary: { 'test/auc': 0.93, _step: 10 },
      },
    ],
    ['tags as one string', { id: 'e', tags: 'vision, mixup' }],
    ['results by split, as a script dumps them', { id: 'e', results: { test: { f1: 0.912 }, val: { f1: 0.921 } } }],
    [
      'the canonical shapes',
      {
        id: 'd',
        tags: { vision: '' },
        model: { hyperparameters: [{ name: 'lr', value: 0.1 }] },
        evaluation: { testMetrics: [{ metric: 'f1', value: 0.8, ci95: 0.01 }] },
        training: { history: [{ epoch: 1, loss: 0.5 }] },
      },
    ],
  ])('%s: the editor and logbook validate agree', (_name, record) => {
    expect(problems(record)).toEqual([]);
    const file = 'r.json';
    const { diagnostics } = validateRecord(parseSource(JSON.stringify(record), { file }), { file });
    expect(diagnostics.filter((d) => d.level === 'error').map(formatDiagnostic)).toEqual([]);
  });

  test('still rejects what logbook validate rejects', () => {
    expect(problems({ id: 'e', tags: 3 })).not.toEqual([]);
    expect(problems({ id: 'e', evaluation: { testMetrics: [{ metric: 'f1', value: 0.8, ci95: [0.7] }] } })).not.toEqual([]);
    expect(problems({ id: 'e', training: { history: [{ loss: 0.5 }] } })).not.toEqual([]);
    expect(problems({ name: 'no id at all' })).not.toEqual([]);
  });

  test('every top-level key Logbook moves home has a spelling in the schema', () => {
    const spelled = new Set(TOP_LEVEL_SPELLINGS.map(topLevelName));
    expect([...TOP_LEVEL_HOMES.keys()].filter((name) => !spelled.has(name))).toEqual([]);
  });
});
