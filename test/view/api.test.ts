import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadRecords } from '../../src/content/index.ts';
import { analyzeCollection } from '../../src/analysis/index.ts';
import { buildApiDocument, buildApiIndex } from '../../src/view/api.ts';

const schema = JSON.parse(readFileSync('public/schema/analysis.schema.json', 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateDocument = ajv.compile(schema);
const validateIndex = ajv.compile({ $schema: schema['$schema'] as string, $defs: schema['$defs'], $ref: '#/$defs/Index' });

// A frozen copy of the example records: editing an example never changes what these tests assert.
const { records } = await loadRecords('test/fixtures/site');
const experiments = records.map((r) => r.record);
const analysis = analyzeCollection(experiments);

describe('JSON API of the bundled examples', () => {
  test.each(experiments.map((r) => [r.id, r] as const))('api/experiments/%s.json validates against its JSON Schema', (id, record) => {
    const doc = JSON.parse(JSON.stringify(buildApiDocument(record, analysis.byId.get(id)!))) as unknown;
    expect(validateDocument(doc), JSON.stringify(validateDocument.errors, null, 2)).toBe(true);
  });

  test('api/experiments.json lists every experiment with base-aware URLs and validates', () => {
    const index = JSON.parse(JSON.stringify(buildApiIndex('/logbook/', experiments, analysis.byId))) as {
      count: number;
      experiments: { id: string; url: string; api: string }[];
    };
    expect(validateIndex(index), JSON.stringify(validateIndex.errors, null, 2)).toBe(true);
    expect(index.count).toBe(experiments.length);
    expect(index.experiments[0]).toMatchObject({
      id: 'derm-effnet-002',
      url: '/logbook/experiments/derm-effnet-002/',
      api: '/logbook/api/experiments/derm-effnet-002.json',
    });
  });

  test('the schema rejects a document missing analysis keys', () => {
    expect(validateDocument({ schemaVersion: 1, record: experiments[0], analysis: {} })).toBe(false);
  });
});
