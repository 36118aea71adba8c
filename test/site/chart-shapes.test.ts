import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentChartViews } from '../../src/charts/experiment-views.ts';
import { compileChartShape } from '../../src/charts/render.ts';
import { generateRecords } from '../../src/generate/index.ts';
import { chartInputs } from '../../src/site/chart-inputs.ts';
import { experimentChartShapes, startChartShapes } from '../../src/site/chart-shapes.ts';
import { emptyRecord, templateRecord } from '../charts/fixtures.ts';

describe('chart shapes', () => {
  const records = [...generateRecords({ count: 5, seed: 2, epochs: 6 }), templateRecord, emptyRecord];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-shapes-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are the compiled shapes of every chart of every experiment, once each, in id order', () => {
    const expected = new Map<string, unknown>();
    for (const input of chartInputs(records).values())
      for (const view of experimentChartViews(input)) {
        const shape = compileChartShape(view.spec);
        expected.set(shape.id, shape.vgSpec);
      }
    const shapes = experimentChartShapes(records);
    expect([...shapes.keys()]).toEqual([...expected.keys()].sort());
    for (const [id, spec] of shapes) expect(spec).toEqual(expected.get(id));
    // Many charts, far fewer shapes: charts of one kind share theirs.
    const charts = [...chartInputs(records).values()].reduce((n, input) => n + experimentChartViews(input).length, 0);
    expect(shapes.size).toBeGreaterThan(3);
    expect(shapes.size).toBeLessThan(charts);
  });

  it('worked out on a worker thread are the same, in the same order', async () => {
    const shapes = await startChartShapes(records);
    const here = experimentChartShapes(records);
    expect([...shapes.keys()]).toEqual([...here.keys()]);
    expect(JSON.stringify([...shapes])).toBe(JSON.stringify([...here]));
  });

  it('a worker that fails, stops early or is not there costs time, not the shapes: they are worked out here', async () => {
    const here = JSON.stringify([...experimentChartShapes(records)]);
    const failing = join(dir, 'failing.mjs');
    await writeFile(failing, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ error: 'out of memory' });\n");
    const quitting = join(dir, 'quitting.mjs');
    await writeFile(quitting, 'process.exit(3);\n');
    const throwing = join(dir, 'throwing.mjs');
    await writeFile(throwing, "throw new Error('broken');\n");
    for (const workerFile of [failing, quitting, throwing, join(dir, 'missing.mjs')])
      expect(JSON.stringify([...(await startChartShapes(records, { workerFile }))])).toBe(here);
  });
});
