import { describe, expect, test } from 'vitest';
import { chartTextWidth, estimateTextWidth } from '../../src/charts/text-width.ts';
import { buildExperimentCharts } from '../../src/charts/build.ts';
import { renderChartView } from '../../src/charts/render.ts';
import { templateRecord } from './fixtures.ts';

describe('text widths Vega is given', () => {
  test('"0.74" at 11 px: (556 + 278 + 556 + 556) / 1000 × 11 × 1.06', () => {
    expect(estimateTextWidth('0.74', 11)).toBeCloseTo(22.69036, 5);
    expect(chartTextWidth({ text: '0.74', fontSize: 11 })).toBeCloseTo(22.69036, 5);
  });

  test('a text past its limit is bounded at the limit; its prefixes are measured in full', () => {
    const text = 'x'.repeat(100);
    const full = estimateTextWidth(text, 11);
    expect(full).toBeGreaterThan(220);
    expect(chartTextWidth({ text, fontSize: 11, limit: 220 })).toBe(220);
    expect(chartTextWidth({ text, fontSize: 11, limit: 220 }, text)).toBe(220);
    expect(chartTextWidth({ text, fontSize: 11, limit: 220 }, text.slice(0, 60))).toBeCloseTo(estimateTextWidth(text.slice(0, 60), 11), 9);
    expect(chartTextWidth({ text, fontSize: 11 })).toBeCloseTo(full, 9);
  });

  test('a 300-character metric name no longer widens the chart by its uncut width (Vega and drawn alike)', async () => {
    const record = structuredClone(templateRecord);
    const first = record.evaluation?.testMetrics?.[0];
    if (first === undefined) throw new Error('fixture has test metrics');
    first.metric = `Accuracy ${'x'.repeat(300)}`;
    const view = buildExperimentCharts({ record }).find((c) => c.id === 'test-metrics');
    if (view === undefined) throw new Error('no test-metrics chart');
    const vega = await renderChartView(view, { vega: true });
    const drawn = await renderChartView(view);
    // Plot 380 + labels cut at 220 + value labels: under 800 px (2,363 px before).
    expect(vega.width).toBeLessThan(800);
    expect(drawn.width).toBe(vega.width);
    expect(drawn.svg).toContain('Accuracy xxxxxxxxxxxxxxxxxxxxxxxxxxx…');
  });
});
