import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import type { ExperimentChartsInput } from '../../src/charts/experiment-views.ts';
import type { Experiment } from '../../src/schema/index.ts';
import { chartInputs } from '../../src/site/chart-inputs.ts';
import { headlineChain } from '../../src/view/lineage.ts';

const metric = (value: number) => ({ evaluation: { testMetrics: [{ metric: 'AUC', value }] } });
const records: Experiment[] = [
  { id: 'a', ...metric(0.8) },
  { id: 'b', lineage: { parent: 'a' }, ...metric(0.85) },
  { id: 'c', lineage: { parent: 'b' }, ...metric(0.9) },
  { id: 'd', lineage: { parent: 'missing' } },
  { id: 'e', lineage: { parent: 'a' }, evaluation: { testMetrics: [{ metric: 'Loss', value: 0.3 }] } },
];

describe('chartInputs', () => {
  test('headline metric and chain from the records alone equal what the full analysis gives', () => {
    const inputs = chartInputs(records);
    const analysis = analyzeCollection(records);
    for (const record of records) {
      const input = inputs.get(record.id);
      expect(input?.record).toBe(record);
      expect(input?.headlineMetric).toBe(analysis.byId.get(record.id)?.headline?.metric);
      expect(input?.lineageChain).toEqual(headlineChain(record.id, { analyses: analysis.byId }));
    }
  });

  test('the chain runs root first with the headline metric of the experiment, null where an ancestor lacks it', () => {
    const inputs = chartInputs(records);
    expect(inputs.get('c')?.lineageChain).toEqual([
      { id: 'a', value: 0.8 },
      { id: 'b', value: 0.85 },
      { id: 'c', value: 0.9 },
    ]);
    expect(inputs.get('e')?.lineageChain).toEqual([
      { id: 'a', value: null },
      { id: 'e', value: 0.3 },
    ]);
    expect(inputs.get('a')?.lineageChain).toBeUndefined();
    expect(inputs.get('d')).toEqual({ record: records[3], headlineMetric: undefined, lineageChain: undefined });
  });
});

describe('chart data in the browser', () => {
  test('the runtime builds, from the API document, exactly the chart data the build rendered', async () => {
    const { experimentChartViews } = await import('../../src/charts/experiment-views.ts');
    const { buildExperimentDocument } = await import('../../src/analysis/index.ts');
    const { chartShapes } = await import('../../src/site/chart-blocks.ts');
    const { templateRecord } = await import('../charts/fixtures.ts');
    const collection: Experiment[] = [
      { ...templateRecord, id: 'root' },
      { ...templateRecord, id: 'child', lineage: { parent: 'root' } },
      { ...templateRecord, id: 'grandchild', lineage: { parent: 'child' } },
    ];
    const analysis = analyzeCollection(collection);
    const inputs = chartInputs(collection);
    for (const record of collection) {
      const built = experimentChartViews(inputs.get(record.id) as ExperimentChartsInput);
      const doc = JSON.parse(JSON.stringify(buildExperimentDocument(record, analysis.byId.get(record.id) as never))) as ReturnType<
        typeof buildExperimentDocument
      >;
      const inBrowser = experimentChartViews({
        record: doc.record,
        headlineMetric: doc.analysis.headline?.metric,
        lineageChain: doc.analysis.headlineChain ?? undefined,
      });
      expect(inBrowser.map((v) => v.spec)).toEqual(built.map((v) => v.spec));
    }
    expect(experimentChartViews(inputs.get('grandchild') as ExperimentChartsInput).some((v) => v.id === 'lineage-trend')).toBe(true);
    // Shapes are shared: the child and the grandchild draw the same kinds of charts; the root (no
    // lineage) draws its summary chart from its curves instead of the lineage, and shares the rest.
    const shapes = [...chartShapes(inputs.get('child') as ExperimentChartsInput).keys()];
    expect(shapes.every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
    expect([...chartShapes(inputs.get('grandchild') as ExperimentChartsInput).keys()]).toEqual(shapes);
    const rootShapes = [...chartShapes(inputs.get('root') as ExperimentChartsInput).keys()];
    expect(rootShapes.filter((id) => !shapes.includes(id))).toHaveLength(1);
  });
});
