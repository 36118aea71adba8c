import { describe, expect, test } from 'vitest';
import { featureImportanceSpec } from '../../../src/charts/feature-importance.ts';
import { drawFeatureImportance } from '../../../src/charts/draw/feature-importance.ts';
import { renderChartView } from '../../../src/charts/render.ts';
import type { ChartView, FeatureImportanceData } from '../../../src/charts/types.ts';
import { largestRectShift, largestShift, placedRects, placedTexts, textsInOrder as texts } from './placed.ts';

/** The lines of titles on two lines, as written. */
const tspans = (svg: string): string[] => [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? '');

const view = (data: FeatureImportanceData): ChartView => ({
  id: 'feature-importance',
  section: 'observations',
  title: 'Feature importance',
  description: 'd',
  spec: featureImportanceSpec(data),
  drawing: { kind: 'feature-importance', data },
  table: { columns: [], rows: [] },
});

describe('drawFeatureImportance', () => {
  test('draws the bar of 0.5 on a 0–1 axis of 400 px 200 px long, most important on top', () => {
    const svg =
      drawFeatureImportance({
        features: [
          { feature: 'b', importance: 0.5 },
          { feature: 'a', importance: 1 },
        ],
      })?.toSvg({}) ?? '';
    // Rows 26 px; a band of 23.4 px from 1.3 px into its row; bars 0.7 of it (16.38 px) centred on it: 13 − 8.19 = 4.81.
    expect(svg).toContain('<path d="M0,4.81h400v16.38h-400Z" fill="#3b82f6"/>');
    expect(svg).toContain('<path d="M0,30.81h200v16.38h-200Z" fill="#3b82f6"/>');
    // Ten ticks over 400 px: every 0.1, 40 px apart, labels of about 17 px that do not overlap.
    // Then the names, then the values as written 4 px right of each bar's end, on the rows' centres (13 + 3 and 39 + 3).
    expect(texts(svg)).toEqual([
      '0.0',
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
      '1.0',
      'Importance',
      'a',
      'b',
      '1',
      '0.5',
    ]);
    expect(svg).toContain('<text x="404" y="16">1</text><text x="204" y="42">0.5</text>');
  });

  test('puts 0 inside the axis for negative importance and draws bars from 0 leftwards', () => {
    const svg =
      drawFeatureImportance({
        features: [
          { feature: 'up', importance: 0.2 },
          { feature: 'down', importance: -0.2 },
        ],
      })?.toSvg({}) ?? '';
    // Domain −0.2 … 0.2 over 400 px: 0 at 200, each bar 200 px long.
    expect(svg).toContain('<path d="M200,4.81h200v16.38h-200Z" fill="#3b82f6"/>');
    expect(svg).toContain('<path d="M0,30.81h200v16.38h-200Z" fill="#3b82f6"/>');
    expect(texts(svg)).toContain('−0.20');
  });

  test('leaves to Vega what it cannot draw', () => {
    expect(drawFeatureImportance({ features: [] })).toBeUndefined();
    expect(drawFeatureImportance({ features: [{ feature: 'a', importance: 0 }] })).toBeUndefined();
    expect(drawFeatureImportance({ features: [{ feature: 'a', importance: Number.NaN }] })).toBeUndefined();
    // A name given twice is one row of stacked bars.
    expect(
      drawFeatureImportance({
        features: [
          { feature: 'a', importance: 2 },
          { feature: 'a', importance: 1 },
        ],
      }),
    ).toBeUndefined();
    // A one-line title wider than the plot (Vega cuts it and bounds it at the cut).
    expect(drawFeatureImportance({ features: [{ feature: 'a', importance: 1 }], method: 'W'.repeat(45) })).toBeUndefined();
  });

  const many = Array.from({ length: 20 }, (_, i) => ({ feature: `feature_${i}`, importance: (i * 37) % 11 }));
  const cases: [string, FeatureImportanceData][] = [
    ['one feature', { features: [{ feature: 'only', importance: 0.42 }] }],
    ['many features', { features: many, method: 'gain' }],
    [
      'long names cut at 220 px',
      {
        features: [
          { feature: 'n'.repeat(80), importance: 3 },
          { feature: 'short', importance: 1 },
        ],
      },
    ],
    [
      'negative values',
      {
        features: [
          { feature: 'a', importance: -0.5 },
          { feature: 'b', importance: 0.25 },
          { feature: 'c', importance: -1e-5 },
        ],
      },
    ],
    [
      'all negative',
      {
        features: [
          { feature: 'a', importance: -3 },
          { feature: 'b', importance: -1 },
        ],
      },
    ],
    [
      'values equal',
      {
        features: [
          { feature: 'a', importance: 2 },
          { feature: 'b', importance: 2 },
          { feature: 'c', importance: 2 },
        ],
      },
    ],
    ['no method', { features: [{ feature: 'x', importance: 1234.5 }] }],
    [
      'names with <, &, quotes',
      {
        features: [
          { feature: 'a <b> & "c"', importance: 0.1 },
          { feature: "it's", importance: 0.07 },
        ],
        method: 'SHAP <&>',
      },
    ],
    [
      'a method on a second line',
      { features: [{ feature: 'a', importance: 1 }], method: 'Occlusion attribution aggregated over regions of 500 test images' },
    ],
    [
      'a second line cut at the plot width',
      {
        features: [
          { feature: 'a', importance: 1 },
          { feature: 'b', importance: 0.3 },
        ],
        method: 'Absolute standardised coefficients, normalised to sum to 1 over all features',
      },
    ],
    [
      'tiny values',
      {
        features: [
          { feature: 'a', importance: 3e-7 },
          { feature: 'b', importance: 1e-6 },
        ],
      },
    ],
    [
      'large values',
      {
        features: [
          { feature: 'a', importance: 123456789 },
          { feature: 'b', importance: 5 },
        ],
      },
    ],
  ];

  test.each(cases)("%s: same size, texts, places and bars as Vega's", async (_name, data) => {
    const v = view(data);
    const vega = await renderChartView(v, { vega: true });
    const drawn = await renderChartView(v);
    expect(drawn.svg).not.toBe(vega.svg);
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: vega.width, height: vega.height });
    expect(largestShift(placedTexts(drawn.svg), placedTexts(vega.svg))).toBeLessThanOrEqual(0.01);
    expect(largestRectShift(placedRects(drawn.svg), placedRects(vega.svg))).toBeLessThanOrEqual(0.011);
    expect(tspans(drawn.svg)).toEqual(tspans(vega.svg));
  });
});
