import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import { buildExperimentCharts } from '../../src/charts/build.ts';
import { generateRecords, writeRecords } from '../../src/generate/index.ts';
import { ExperimentSchema } from '../../src/schema/index.ts';

const records = generateRecords({ count: 60, seed: 7 });

describe('generateRecords', () => {
  test('is deterministic in its options', () => {
    expect(JSON.stringify(generateRecords({ count: 60, seed: 7 }))).toBe(JSON.stringify(records));
  });

  test('a different seed gives different records', () => {
    expect(JSON.stringify(generateRecords({ count: 60, seed: 8 }))).not.toBe(JSON.stringify(records));
  });

  test('returns count records with unique ids, sorted by id', () => {
    const ids = records.map((r) => r.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect([...ids].sort((a, b) => a.localeCompare(b))).toEqual(ids);
  });

  test('every record passes the schema', () => {
    for (const record of records) expect(ExperimentSchema.safeParse(record).success).toBe(true);
  });

  test('records are consistent: the analysis finds no errors or warnings', () => {
    const analysis = analyzeCollection(records);
    const problems = [...analysis.byId.values()].flatMap((a) => a.checks.filter((c) => c.level !== 'info'));
    expect(problems).toEqual([]);
  });

  test('records form lineage chains whose parents exist', () => {
    const ids = new Set(records.map((r) => r.id));
    const children = records.filter((r) => r.lineage?.parent !== undefined);
    expect(children.length).toBeGreaterThan(10);
    for (const r of children) expect(ids.has(r.lineage?.parent as string)).toBe(true);
  });

  test('every record has at least 8 charts, and non-roots a lineage chart', () => {
    const analysis = analyzeCollection(records);
    for (const record of records) {
      const a = analysis.byId.get(record.id);
      const headlineMetric = a?.headline?.metric;
      const chain =
        (a?.lineage.ancestors ?? []).length > 0
          ? [
              { id: 'parent', value: 0.5 },
              { id: record.id, value: 0.6 },
            ]
          : undefined;
      const ids = buildExperimentCharts({
        record,
        ...(headlineMetric ? { headlineMetric } : {}),
        ...(chain ? { lineageChain: chain } : {}),
      }).map((c) => c.id);
      expect(ids.length).toBeGreaterThanOrEqual(8);
      expect(ids).toEqual(
        expect.arrayContaining([
          'training-curves',
          'learning-rate',
          'test-metrics',
          'confusion-matrix',
          'search-space',
          'feature-importance',
        ]),
      );
      if (chain) expect(ids).toContain('lineage-trend');
    }
  });

  test.each([
    [{ epochs: 5, groups: 3, baselines: 2, features: 4 }, 5, 3, 3, 4],
    [{ epochs: 1000, groups: 50, baselines: 30, features: 10 }, 1000, 50, 31, 10],
  ])('honours %o', (options, epochs, groups, baselineRows, features) => {
    const [record] = generateRecords({ count: 1, seed: 3, ...options });
    expect(record?.training?.history).toHaveLength(epochs);
    expect(record?.evaluation?.disaggregated).toHaveLength(groups + 1);
    expect(record?.comparison?.baselines).toHaveLength(baselineRows);
    expect(record?.observations?.featureImportance).toHaveLength(features);
    expect(ExperimentSchema.safeParse(record).success).toBe(true);
  });

  test('defaults: 100 epochs, 3–6 groups, 4 baselines plus the current row, 10 features', () => {
    for (const record of records) {
      expect(record.training?.history).toHaveLength(100);
      const groups = (record.evaluation?.disaggregated?.length ?? 0) - 1;
      expect(groups).toBeGreaterThanOrEqual(3);
      expect(groups).toBeLessThanOrEqual(6);
      expect(record.comparison?.baselines).toHaveLength(5);
      expect(record.comparison?.baselines?.filter((b) => b.current === true)).toHaveLength(1);
      expect(record.observations?.featureImportance).toHaveLength(10);
    }
  });
});

describe('writeRecords', () => {
  test('writes one pretty JSON file per record, named by id, with the given $schema', async () => {
    const written = new Map<string, string>();
    const files = await writeRecords('out', records.slice(0, 2), {
      schemaPath: '../schema.json',
      effects: { mkdir: async () => undefined, writeFile: async (path, text) => void written.set(path, text) },
    });
    expect(files).toEqual([`out/${records[0]?.id}.json`, `out/${records[1]?.id}.json`]);
    const first = JSON.parse(written.get(files[0] as string) as string) as { $schema: string; id: string };
    expect(first.$schema).toBe('../schema.json');
    expect(first.id).toBe(records[0]?.id);
    expect(written.get(files[0] as string)?.endsWith('}\n')).toBe(true);
  });
});
