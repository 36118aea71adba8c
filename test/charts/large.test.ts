import { describe, expect, test } from 'vitest';
import { MAX_CHART_POINTS } from '../../src/charts/downsample.ts';
import { experimentChartViews } from '../../src/charts/experiment-views.ts';
import { renderChartView } from '../../src/charts/render.ts';
import { LIMITS } from '../../src/ingest/limits.ts';
import type { Experiment } from '../../src/schema/index.ts';

// A record at the limits validate enforces: the build must draw it (Math.max(...spread) used to
// overflow the stack from about 45,000 points or 360 classes).
const epochs = LIMITS.historyRows;
const classes = LIMITS.confusionClasses;
const labels = Array.from({ length: classes }, (_, i) => `class-${i}`);
const record = {
  id: 'large',
  training: {
    history: Array.from({ length: epochs }, (_, i) => ({
      epoch: i + 1,
      'Train Loss': 1 / (i + 1),
      'Val Loss': i === 31_415 ? 9 : 1.1 / (i + 1),
      'Learning Rate': 0.001,
    })),
  },
  evaluation: { confusionMatrix: { labels, matrix: labels.map((_, i) => labels.map((__, j) => (i === j ? 90 : (i + j) % 7))) } },
} as unknown as Experiment;

describe('charts of a record at the limits', () => {
  const views = experimentChartViews({ record });

  test('training curves are drawn from at most MAX_CHART_POINTS points per series, keeping the spike, and say so', () => {
    const curves = views.find((v) => v.id === 'training-curves');
    const rows = curves?.table.rows ?? [];
    // Columns: Epoch, Train Loss, Val Loss; each series keeps its own epochs.
    for (const column of [1, 2]) expect(rows.filter((row) => row[column] !== null).length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(curves?.table.rows.some((row) => row[0] === 31_416 && row[2] === 9)).toBe(true);
    expect(curves?.description).toMatch(
      / Drawn from 1,000 of 50,000 epochs \(each stretch's lowest and highest value kept\); the JSON API has every epoch\.$/,
    );
  });

  test.each(['training-curves', 'confusion-matrix'])('%s renders', { timeout: 120_000 }, async (id) => {
    const view = views.find((v) => v.id === id);
    expect(view).toBeDefined();
    const rendered = await renderChartView(view!);
    expect(rendered.svg).toMatch(/^<svg/);
  });
});
