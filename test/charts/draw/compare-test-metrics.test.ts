import { describe, expect, test } from 'vitest';
import { compareTestMetricsSpec } from '../../../src/charts/compare.ts';
import { drawCompareTestMetrics } from '../../../src/charts/draw/compare-test-metrics.ts';
import { renderChartSvg, renderChartView } from '../../../src/charts/render.ts';
import type { ChartDatum, ChartView } from '../../../src/charts/types.ts';
import { TEST_METRICS_CASES } from './compare-cases.ts';
import { largestMarkShift, largestShift, placedMarks, placedTexts, textsInOrder as texts } from './placed.ts';

const row = (experiment: string, eOrder: number, value: number, ci: [number, number] | null, label: string): ChartDatum => ({
  metric: 'Acc',
  mOrder: 0,
  experiment,
  eOrder,
  value,
  low: ci?.[0] ?? null,
  high: ci?.[1] ?? null,
  label,
});

describe('drawCompareTestMetrics', () => {
  const rows = [row('aaaa', 0, 0.2, null, 'x'), row('bbbb', 1, 0.8, [0.7, 0.8], 'y')];

  test('puts the dots, rules and ticks where the scale 0.2–0.8 over 360 px puts them', () => {
    const svg = drawCompareTestMetrics(rows)?.toSvg({}) ?? '';
    // 0.2 at 0 and 0.8 at 360; the rows' centres at 11 and 33 (22 px a row); a dot of size 60 has radius √60/2 ≈ 3.87.
    expect(svg).toContain('<path d="M3.87,11A3.87,3.87,0,1,1,-3.87,11A3.87,3.87,0,1,1,3.87,11" fill="#3b82f6"/>');
    expect(svg).toContain('<path d="M363.87,33A3.87,3.87,0,1,1,356.13,33A3.87,3.87,0,1,1,363.87,33" fill="#f97316"/>');
    // The CI 0.7–0.8: from 300 px, 60 px long, in the second experiment's colour.
    expect(svg).toContain('<path d="M300,33h60" stroke="#f97316" stroke-width="2"/>');
    // Ticks every 0.05 (about 9 over 360 px), 30 px apart: "0.20" (22.7 px) flush left at 0 overlaps "0.25" centred
    // at 30, so every other label goes. The experiments on the left, the values as written on the right, the metric above.
    expect(texts(svg)).toEqual(['aaaa', 'bbbb', ...['0.20', '0.30', '0.40', '0.50', '0.60', '0.70', '0.80'], 'x', 'y', 'Acc']);
  });

  test("is as large as Vega's chart: the dot at 0 moves the experiments' axis 4 px left", () => {
    const svg = drawCompareTestMetrics(rows)?.toSvg({}) ?? '';
    // Left: the axis at −4, labels 7 px further, "aaaa" 25.93 px wide → 37; right: "x" at 368 + 5.83 → 374; 8 px padding each side.
    // Height: the title 35 px above the plot, 44 px of plot, 18 px of x labels below, padding.
    expect(svg).toMatch(/^<svg [^>]*width="427" height="113"/);
    expect(svg).toContain('<g transform="translate(-4,0)">');
  });

  test('labels the axis with the first id at each place, cut at 220 px with an ellipsis', () => {
    const long = 'x'.repeat(60);
    const svg =
      drawCompareTestMetrics([row(long, 0, 1, null, '1'), row('other', 0, 2, null, '2'), row('b', 1, 3, null, '3')])?.toSvg({}) ?? '';
    const label = texts(svg)[0] ?? '';
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThan(60);
    expect(texts(svg)[1]).toBe('b');
  });

  test.each([
    ['a value that is not a number', [{ ...row('a', 0, 1, null, '1'), value: null }]],
    ['a CI bound that is text', [{ ...row('a', 0, 1, null, '1'), low: 'low' }]],
    ['an empty label', [row('a', 0, 1, null, '')]],
    ['an experiment without an id', [row('', 0, 1, null, '1')]],
    ['two metrics tied in order', [row('a', 0, 1, null, '1'), { ...row('a', 0, 1, null, '1'), metric: 'Other' }]],
    ['no rows', []],
  ])('leaves %s to Vega', (_name, input) => {
    expect(drawCompareTestMetrics(input)).toBeUndefined();
  });
});

describe("compare test-metrics drawing and Vega's chart", () => {
  test.each(TEST_METRICS_CASES)('%s: same size, the same texts and marks in the same places', async (_name, input) => {
    const view: ChartView = {
      id: 'compare-test-metrics',
      section: 'comparison',
      title: 'Test metrics',
      description: '',
      spec: compareTestMetricsSpec(input),
      drawing: { kind: 'compare-test-metrics', data: input },
      table: { columns: [], rows: [] },
    };
    const drawn = await renderChartView(view);
    const vega = await renderChartSvg(view.spec, { title: view.title });
    expect(drawn.svg).not.toBe(vega.svg);
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: vega.width, height: vega.height });
    expect(largestShift(placedTexts(drawn.svg), placedTexts(vega.svg))).toBeLessThanOrEqual(0.01);
    // The same dots and rules in the same colours, where Vega puts them (to the hundredth it writes).
    expect(largestMarkShift(placedMarks(drawn.svg), placedMarks(vega.svg))).toBeLessThanOrEqual(0.011);
  });
});
