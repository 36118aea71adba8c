import { describe, expect, test } from 'vitest';
import { templateRecord } from '../charts/fixtures.ts';
import type { Experiment } from '../../src/schema/index.ts';
import type { CompareDoc } from '../../src/charts/compare-views.ts';
import { renderCompareChartBlocks } from '../../src/site/chart-blocks.ts';
import { generateRecords } from '../../src/generate/index.ts';

const doc = (record: Experiment): CompareDoc => ({ record, analysis: { headline: { metric: 'Accuracy' } } });
const a = doc(templateRecord);
const b = doc({ ...templateRecord, id: 'exp-124' });

const c = doc({ ...b.record, id: 'exp-125' });

/** The experiment labels of a compare chart's SVG, top to bottom as written. */
async function experimentLabels(docs: CompareDoc[]): Promise<string[]> {
  const blocks = await renderCompareChartBlocks(docs, { cacheDir: null });
  const svg = blocks.flatMap(([, list]) => list).find((c) => c.id === 'compare-test-metrics')?.svg ?? '';
  // The first panel's labels (every panel lists the same experiments).
  return [...svg.matchAll(/>(exp-\d+)<\/text>/g)].map((m) => m[1] as string).slice(0, docs.length);
}

describe('renderCompareChartBlocks', () => {
  // About 3 s of chart rendering alone; on a loaded CI machine the 5 s default ran out.
  test("the benchmark's lineage pages keep their own order too", { timeout: 60_000 }, async () => {
    const records = generateRecords({ count: 40, seed: 1, epochs: 5 });
    const byId = new Map(records.map((r) => [r.id, r]));
    const pairs = records.flatMap((r) => {
      const parent = r.lineage?.parent === undefined ? undefined : byId.get(r.lineage.parent);
      return parent === undefined ? [] : [[doc(r), doc(parent)] as const];
    });
    expect(pairs.length).toBeGreaterThan(10);
    for (const [child, parent] of pairs) {
      const labels = await renderCompareChartBlocks([child, parent], { cacheDir: null }).then((blocks) => {
        const svg = blocks.flatMap(([, list]) => list).find((x) => x.id === 'compare-test-metrics')?.svg ?? '';
        return [...svg.matchAll(/>([a-z]+-[a-z]+-\d{4})<\/text>/g)].map((m) => m[1] as string).slice(0, 2);
      });
      expect(labels, `${child.record.id} vs ${parent.record.id}`).toEqual([child.record.id, parent.record.id]);
    }
  });

  test("a page's experiments come in its own order, whatever was drawn before (a lineage: 124 vs 123, then 125 vs 124)", async () => {
    // The panel lists the page's experiments in page order (child first), as the browser draws it.
    expect(await experimentLabels([b, a])).toEqual(['exp-124', 'exp-123']);
    expect(await experimentLabels([c, b])).toEqual(['exp-125', 'exp-124']);
    expect(await experimentLabels([a, c])).toEqual(['exp-123', 'exp-125']);
  });
});
