import { describe, expect, test } from 'vitest';
import { buildSearchRecord } from '../../src/search/search-record.ts';
import type { Experiment } from '../../src/schema/index.ts';

describe('buildSearchRecord', () => {
  const record = {
    $schema: '../../public/schema/experiment.schema.json',
    id: 'fraud-nn-005',
    name: 'FT-Transformer on the v3.1 tabular features',
    status: 'completed',
    tags: { use_case: 'fraud-detection' },
    dataset: { name: 'card-transactions-v3.1', records: 2000000 },
    observations: { learnings: ['Trees still win on tabular data'] },
    placeholders: ['experimenter'],
  } as Experiment;

  test('indexes every string of the record and the check findings, not the schema link or placeholder paths', () => {
    const r = buildSearchRecord(record, [{ message: 'Claimed +2.5% F1, computed −2.1%' }], '/logbook/experiments/fraud-nn-005/');
    expect(r.content.split('\n')).toEqual([
      'fraud-nn-005',
      'FT-Transformer on the v3.1 tabular features',
      'completed',
      'fraud-detection',
      'card-transactions-v3.1',
      'Trees still win on tabular data',
      'Claimed +2.5% F1, computed −2.1%',
    ]);
  });

  test('links the page URL as given and titles it with the name, filterable by status and use case', () => {
    const r = buildSearchRecord(record, [], '/logbook/experiments/fraud-nn-005/');
    expect(r).toMatchObject({
      url: '/logbook/experiments/fraud-nn-005/',
      language: 'en',
      meta: { title: 'FT-Transformer on the v3.1 tabular features', id: 'fraud-nn-005' },
      filters: { status: ['completed'], use_case: ['fraud-detection'] },
    });
  });

  test('falls back to the id as the title', () => {
    expect(buildSearchRecord({ id: 'bare' }, [], '/x/').meta['title']).toBe('bare');
  });
});
