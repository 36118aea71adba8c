import { describe, expect, test } from 'vitest';
import { loadRecords } from '../../src/content/index.ts';
import { analyzeCollection } from '../../src/analysis/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import type { SiteModel } from '../../src/site/data.ts';
import { apiDocumentKey, comparePageKey, experimentPageKey } from '../../src/site/cache-keys.ts';
import { readSettings } from '../../src/settings/index.ts';

// A frozen copy of the example records: editing an example never changes what these tests assert.
const { records } = await loadRecords('test/fixtures/site');

function site(list: Experiment[]): SiteModel {
  const analysis = analyzeCollection(list);
  return {
    settings: readSettings({ env: {} }),
    base: '/',
    records: list,
    byId: new Map(list.map((r) => [r.id, r])),
    files: new Map(),
    analysis,
    analyses: analysis.byId,
  };
}

const original = records.map((r) => r.record);
const rename = (id: string): Experiment[] => original.map((r) => (r.id === id ? { ...r, name: `${r.name ?? ''} (renamed)` } : r));

describe('experimentPageKey', () => {
  test('is stable for the same content', () => {
    expect(experimentPageKey('fraud-gbm-003', site(original))).toBe(experimentPageKey('fraud-gbm-003', site([...original])));
  });
  test('changes when an ancestor shown in the lineage tree is renamed', () => {
    expect(experimentPageKey('fraud-gbm-006', site(rename('fraud-lr-001')))).not.toBe(experimentPageKey('fraud-gbm-006', site(original)));
  });
  test('is the same whether or not its records were written out for other keys first', () => {
    const warm = site(original);
    for (const r of original) apiDocumentKey(r.id, warm);
    comparePageKey('fraud-gbm-003', 'fraud-gbm-002', 'parent', warm);
    const cold = site(structuredClone(original));
    for (const r of original) expect(experimentPageKey(r.id, warm)).toBe(experimentPageKey(r.id, cold));
    expect(comparePageKey('fraud-gbm-003', 'fraud-gbm-002', 'parent', warm)).toBe(
      comparePageKey('fraud-gbm-003', 'fraud-gbm-002', 'parent', cold),
    );
  });
  test('does not change when an unrelated record changes', () => {
    expect(experimentPageKey('fraud-gbm-003', site(rename('derm-resnet-001')))).toBe(experimentPageKey('fraud-gbm-003', site(original)));
  });
});

describe('comparePageKey and apiDocumentKey', () => {
  test('change with either record of the pair', () => {
    const before = site(original);
    const after = site(rename('fraud-gbm-002'));
    expect(comparePageKey('fraud-gbm-003', 'fraud-gbm-002', 'parent', after)).not.toBe(
      comparePageKey('fraud-gbm-003', 'fraud-gbm-002', 'parent', before),
    );
    expect(apiDocumentKey('fraud-gbm-002', after)).not.toBe(apiDocumentKey('fraud-gbm-002', before));
    expect(apiDocumentKey('derm-resnet-001', after)).toBe(apiDocumentKey('derm-resnet-001', before));
  });
});
