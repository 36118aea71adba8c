import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderExperimentJsonSchema } from '../../src/ingest/index.ts';

describe('renderExperimentJsonSchema', () => {
  test('matches the committed public/schema/experiment.schema.json (run `npm run schema` after changing src/schema)', () => {
    const committed = readFileSync(new URL('../../public/schema/experiment.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderExperimentJsonSchema());
  });

  test('describes the record as users write it', () => {
    const schema = JSON.parse(renderExperimentJsonSchema()) as { required: string[]; properties: Record<string, { description?: string }> };
    expect(schema.required).toEqual(['id']);
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
