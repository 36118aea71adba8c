import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import {
  analyzeCollection,
  buildExperimentDocument,
  buildSummaryItem,
  headlineMetric,
  withoutFloatNoise,
} from '../../src/analysis/index.ts';
import { buildAnalysisJsonSchema, ExperimentDocumentSchema, SummaryItemSchema } from '../../src/analysis/schema.ts';
import { record, templateRecord } from './fixtures.ts';

const parent = record({
  id: 'exp-042',
  name: 'Previous best',
  status: 'completed',
  tags: { use_case: 'fraud-detection' },
  dataset: { name: 'transactions', version: '1.2.0' },
  evaluation: {
    testMetrics: [
      { metric: 'Accuracy', value: 0.851, ci95: 0.015 },
      { metric: 'F1 Score', value: 0.818 },
      { metric: 'Latency (ms)', value: 42 },
    ],
  },
});
const current = templateRecord({
  name: 'New architecture',
  status: 'completed',
  tags: { use_case: 'fraud-detection' },
  dataset: { ...templateRecord().dataset, name: 'transactions' },
  lineage: { parent: 'exp-042', related: ['exp-007'] },
});
const child = record({ id: 'exp-200', lineage: { parent: 'exp-123' } });

describe('analyzeCollection', () => {
  const result = analyzeCollection([child, current, parent, record({ id: 'exp-123', name: 'duplicate' })]);
  const analysis = result.byId.get('exp-123');

  test('analyzes every record once, the first of a duplicated id', () => {
    expect([...result.byId.keys()]).toEqual(['exp-200', 'exp-123', 'exp-042']);
    expect(analysis?.headline).toEqual({ metric: 'Accuracy', value: 0.869, betterDirection: 'higher', unit: null, decimals: 3 });
  });

  test('baseline deltas borrow the CI of the referenced record; parent deltas combine both CIs', () => {
    const accuracy = analysis?.baselineDeltas.find((d) => d.baseline === 'Previous Best (exp-042)' && d.key === 'accuracy');
    expect(accuracy?.method).toBe('ci');
    expect(accuracy?.ciLow).toBeCloseTo(0.018 - 0.0192094, 6);
    expect(analysis?.parentDeltas.map((d) => [d.key, d.method])).toEqual([
      ['accuracy', 'ci'],
      ['f1', 'one-side'],
    ]);
    expect(analysis?.claims.map((c) => c.status)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  test('lineage, fairness and checks of the template', () => {
    expect(analysis?.lineage).toEqual({
      parent: 'exp-042',
      ancestors: ['exp-042'],
      children: ['exp-200'],
      descendants: ['exp-200'],
      related: [],
      inCycle: false,
    });
    expect(analysis?.fairness.map((g) => [g.attribute, g.metric, g.flagged])).toEqual([
      ['group', 'Accuracy', false],
      ['group', 'Precision', false],
      ['group', 'Recall', false],
      ['group', 'F1', false],
    ]);
    expect(analysis?.checks.map((c) => `${c.level}:${c.code}`)).toEqual([
      'warning:metric-mismatch',
      'warning:metric-mismatch',
      'warning:metric-mismatch',
      'warning:metric-mismatch',
      'warning:early-stopping-mismatch',
      'warning:dangling-reference',
      'info:hyperparameter-mismatch',
      'info:placeholder',
    ]);
    expect(result.lineage.edges.map((e) => `${e.parent}→${e.child}`)).toEqual(['exp-042→exp-123', 'exp-123→exp-200']);
  });

  test('leaderboards rank the use case and the dataset; 0.869 ± 0.012 and 0.851 ± 0.015 are tied', () => {
    expect(result.leaderboards.map((b) => [b.scope, b.value])).toEqual([
      ['use_case', 'fraud-detection'],
      ['dataset', 'transactions'],
    ]);
    // 0.018 ± √(0.012² + 0.015²) = [−0.0012, 0.0372] includes 0.
    expect(result.leaderboards[0]?.metrics.find((m) => m.key === 'accuracy')?.entries.map((e) => [e.experimentId, e.rank, e.tied])).toEqual(
      [
        ['exp-123', 1, true],
        ['exp-042', 1, true],
      ],
    );
  });

  test('the fairness thresholds are configurable and validated', () => {
    // The template's accuracy gap (0.8 pp, 95% interval [0.46, 1.14] pp) is flagged once the threshold is 0.5 pp.
    const strict = analyzeCollection([current], { fairnessDifference: 0.005 }).byId.get('exp-123');
    expect(strict?.fairness.map((g) => g.flagged)).toEqual([true, false, false, false]);
    const small = analyzeCollection([current], { fairnessDifference: 0.005, fairnessMinGroupSize: 100_000 }).byId.get('exp-123');
    expect(small?.fairness.map((g) => g.flagged)).toEqual([false, false, false, false]);
    expect(() => analyzeCollection([], { fairnessThreshold: 1.2 })).toThrow('fairness threshold must be in (0, 1], got 1.2');
    expect(() => analyzeCollection([], { fairnessDifference: 0 })).toThrow('fairness difference threshold must be in (0, 1], got 0');
  });

  test('a parent cycle is an error on each record of it, and nothing hangs', () => {
    const looped = analyzeCollection([record({ id: 'a', lineage: { parent: 'b' } }), record({ id: 'b', lineage: { parent: 'a' } })]);
    expect(looped.byId.get('a')?.checks).toEqual([
      { level: 'error', code: 'lineage-cycle', message: 'The parent chain loops: a → b → a.', path: 'lineage.parent' },
    ]);
    expect(looped.byId.get('b')?.parentDeltas).toEqual([]);
  });

  test('an empty collection', () => {
    const empty = analyzeCollection([]);
    expect([empty.byId.size, empty.leaderboards, empty.lineage.roots]).toEqual([0, [], []]);
  });
});

describe('headlineMetric', () => {
  test('the first test metric with a value, with its direction and unit', () => {
    const r = record({
      id: 'x',
      evaluation: {
        testMetrics: [
          { metric: 'AUC', value: null },
          { metric: 'Latency', value: 12, unit: 'ms' },
        ],
      },
    });
    expect(headlineMetric(r)).toEqual({ metric: 'Latency', value: 12, betterDirection: 'lower', unit: 'ms', decimals: 0 });
    expect(headlineMetric(record({ id: 'y' }))).toBeNull();
  });
});

describe('API document and summary items', () => {
  const result = analyzeCollection([current, parent]);
  const analysis = result.byId.get('exp-123');
  if (analysis === undefined) throw new Error('no analysis');
  const links = { url: '/experiments/exp-123/', api: '/api/experiments/exp-123.json' };

  test('the summary item counts checks by level', () => {
    expect(buildSummaryItem(current, analysis, links)).toEqual({
      id: 'exp-123',
      name: 'New architecture',
      date: '2025-01-15',
      status: 'completed',
      useCase: 'fraud-detection',
      dataset: 'transactions',
      parent: 'exp-042',
      completionDate: '2025-01-20',
      tags: { use_case: 'fraud-detection' },
      headline: { metric: 'Accuracy', value: 0.869, betterDirection: 'higher', unit: null, decimals: 3 },
      checkCounts: { error: 0, warning: 6, info: 2 },
      fairnessFlags: 0,
      url: '/experiments/exp-123/',
      api: '/api/experiments/exp-123.json',
    });
    expect(
      buildSummaryItem(
        record({ id: 'bare' }),
        { ...analysis, checks: [], headline: null, fairness: [], lineage: { ...analysis.lineage, parent: null } },
        links,
      ),
    ).toMatchObject({
      name: null,
      date: null,
      status: null,
      useCase: null,
      checkCounts: { error: 0, warning: 0, info: 0 },
    });
  });

  test('public/schema/analysis.schema.json is in sync (regenerate: node scripts/export-analysis-schema.ts)', () => {
    const file: unknown = JSON.parse(readFileSync(new URL('../../public/schema/analysis.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(buildAnalysisJsonSchema());
  });

  test('a document and a summary list built from real output validate against the JSON Schema (ajv)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const schema = buildAnalysisJsonSchema();
    const validateDocument = ajv.compile(schema);
    const document = JSON.parse(JSON.stringify(buildExperimentDocument(current, analysis))) as unknown;
    expect(validateDocument(document), JSON.stringify(validateDocument.errors)).toBe(true);
    const validateSummary = ajv.compile({ $schema: schema['$schema'] as string, $defs: schema['$defs'], $ref: '#/$defs/Summary' });
    const summary = [...result.byId].map(([id, a]) => buildSummaryItem(id === 'exp-123' ? current : parent, a, links));
    expect(validateSummary(summary), JSON.stringify(validateSummary.errors)).toBe(true);
    expect(validateSummary([{ id: 'x' }])).toBe(false);
    expect(validateDocument({ schemaVersion: 2, record: current, analysis })).toBe(false);
  });

  test('the zod schemas accept the output as it is', () => {
    expect(ExperimentDocumentSchema.safeParse(buildExperimentDocument(current, analysis)).success).toBe(true);
    expect(SummaryItemSchema.safeParse(buildSummaryItem(current, analysis, links)).success).toBe(true);
  });
});

describe('withoutFloatNoise', () => {
  test('rounds computed figures to 12 significant digits, dropping floating-point noise', () => {
    // 0.7849 − 0.711 = 0.07390000000000008 in binary floating point; −1.1 pp likewise.
    expect(withoutFloatNoise(0.7849 - 0.711)).toBe(0.0739);
    expect(withoutFloatNoise(0.9597 - 0.9707)).toBe(-0.011);
    // 0.0739 / 0.711 = 0.10393811533052039…: twelve significant digits, the twelfth rounded up.
    expect(withoutFloatNoise(0.0739 / 0.711)).toBe(0.103938115331);
    expect(withoutFloatNoise(1e-7 / 3)).toBe(3.33333333333e-8);
  });

  test('keeps integers, non-finite values, strings, null and the shape of objects and lists', () => {
    const value = { n: 56214, nan: Number.NaN, s: '0.07390000000000008', z: null, list: [0.1 + 0.2, 3], nested: { x: 1 / 3 } };
    expect(withoutFloatNoise(value)).toEqual({
      n: 56214,
      nan: Number.NaN,
      s: '0.07390000000000008',
      z: null,
      list: [0.3, 3],
      nested: { x: 0.333333333333 },
    });
  });

  test('the API document keeps the record as written and rounds only the analysis', () => {
    const record = { id: 'a', evaluation: { testMetrics: [{ metric: 'F1', value: 0.12345678901234 }] } };
    const analysis = analyzeCollection([record]).byId.get('a');
    if (analysis === undefined) throw new Error('no analysis');
    const document = buildExperimentDocument(record, {
      ...analysis,
      headline: analysis.headline && { ...analysis.headline, value: 0.12345678901234 },
    });
    expect(document.record.evaluation?.testMetrics?.[0]?.value).toBe(0.12345678901234);
    expect(document.analysis.headline?.value).toBe(0.123456789012);
  });
});
