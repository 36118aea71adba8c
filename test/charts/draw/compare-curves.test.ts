import { describe, expect, test } from 'vitest';
import { compareCurvesSpec } from '../../../src/charts/compare.ts';
import { drawCompareCurves } from '../../../src/charts/draw/compare-curves.ts';
import { renderChartSvg, renderChartView } from '../../../src/charts/render.ts';
import type { ChartDatum, ChartView } from '../../../src/charts/types.ts';
import { CURVES_CASES } from './compare-cases.ts';
import { largestMarkShift, largestShift, placedLines, placedTexts } from './placed.ts';

/** Rows of `panels` panels, two experiments `x0`, `x1`, epochs 1–5: panel p's value is (p + 1) × epoch × (experiment + 1). */
function rows(panels: readonly string[]): ChartDatum[] {
  return panels.flatMap((panel, pOrder) =>
    [0, 1].flatMap((eOrder) =>
      [1, 2, 3, 4, 5].map((epoch) => ({
        panel,
        pOrder,
        series: panel,
        experiment: `x${eOrder}`,
        eOrder,
        epoch,
        value: (pOrder + 1) * epoch * (eOrder + 1),
      })),
    ),
  );
}

const svgOf = (input: readonly ChartDatum[]): string => drawCompareCurves(input)?.toSvg({}) ?? '';

describe('drawCompareCurves', () => {
  test('draws each experiment a line over epochs 1–5 on 330 × 150 px, on its panel own y scale', () => {
    const svg = svgOf(rows(['A']));
    // x: 1–5 onto 0–330 (82.5 px an epoch). y of panel A: x0 runs 1–5 and x1 2–10, one scale 1–10 onto 150–0 (16.67 px a unit).
    // Points 150, 133.33, 116.67, 100, 83.33 written as steps between them (in hundredths, so they add up exactly).
    expect(svg).toContain('<path d="M0,150l82.5-16.67l82.5-16.66l82.5-16.67l82.5-16.67" stroke="#3b82f6" stroke-width="2"/>');
    // x1 at 2, 4, …, 10: 133.33 up to the top, 0.
    expect(svg).toContain('<path d="M0,133.33l82.5-33.33l82.5-33.33l82.5-33.34l82.5-33.33" stroke="#f97316" stroke-width="2"/>');
  });

  test('labels the shared x axis with whole epochs and each y axis with its own ticks, the legend with the ids', () => {
    const texts = placedTexts(svgOf(rows(['A']))).map((t) => t.text);
    // y 1–10 at about 4 ticks: every 2; x 1–5 with a minimum step of 1: every epoch.
    expect(texts).toEqual(['2', '4', '6', '8', '10', 'A', '1', '2', '3', '4', '5', 'Epoch', 'x0', 'x1']);
  });

  test('titles the x axis by what the histories count', () => {
    const texts = placedTexts(drawCompareCurves(rows(['A', 'B']), 'step')?.toSvg({}) ?? '').map((t) => t.text);
    expect(texts.filter((t) => t === 'Step')).toHaveLength(2);
    expect(texts).not.toContain('Epoch');
  });

  test('lays three panels out two to a row, the x axis under the last row in both columns', () => {
    const placed = placedTexts(svgOf(rows(['A', 'Bb', 'C'])));
    const at = (text: string): { x: number; y: number }[] => placed.filter((t) => t.text === text).map(({ x, y }) => ({ x, y }));
    // Panel B right of A's 330 px, 24 px apart and its labels' 20 px ("20" is 12.97 px, 7 px off the axis): x 374.
    // Panel C below row one: 150 px, 16 px apart and its header's 41 px (a label at the top tick lifts it 6 px): y 207.
    // Its header at 207 − 6 − 22 − 3 = 176 (bottom baseline); both axes' titles 22.5 px below the footer at 357.
    const [left, top] = [20 + 8, 41 + 8];
    expect(at('Bb')).toEqual([{ x: left + 374, y: top - 31 }]);
    expect(at('C')).toEqual([{ x: left, y: top + 176 }]);
    expect(at('Epoch')).toEqual([
      { x: left + 165.5, y: top + 357 + 22.5 + 9 },
      { x: left + 374 + 165.5, y: top + 357 + 22.5 + 9 },
    ]);
    expect(svgOf(rows(['A', 'Bb', 'C']))).toMatch(/^<svg [^>]*width="741" height="476"/);
  });

  test.each([
    ['an epoch that is not a number', [{ ...(rows(['A'])[0] as ChartDatum), epoch: null }]],
    ['a single epoch', rows(['A']).filter((r) => r['epoch'] === 1)],
    ['a panel name with a space at its end', rows(['A ', 'B'])],
    ['a panel without a name', rows([''])],
    ['no rows', []],
  ])('leaves %s to Vega', (_name, input) => {
    expect(drawCompareCurves(input)).toBeUndefined();
  });
});

describe("compare curves drawing and Vega's chart", () => {
  test.each(CURVES_CASES)('%s: same size, the same texts and lines in the same places', async (_name, input) => {
    const view: ChartView = {
      id: 'compare-curves',
      section: 'comparison',
      title: 'Training curves',
      description: '',
      spec: compareCurvesSpec(input),
      drawing: { kind: 'compare-curves', data: input, axis: 'epoch' },
      table: { columns: [], rows: [] },
    };
    const drawn = await renderChartView(view);
    const vega = await renderChartSvg(view.spec, { title: view.title });
    expect(drawn.svg).not.toBe(vega.svg);
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: vega.width, height: vega.height });
    expect(largestShift(placedTexts(drawn.svg), placedTexts(vega.svg))).toBeLessThanOrEqual(0.01);
    // The same lines in the same colours through the same points (to the hundredth Vega's SVG is written in).
    expect(largestMarkShift(placedLines(drawn.svg), placedLines(vega.svg))).toBeLessThanOrEqual(0.011);
  });
});
