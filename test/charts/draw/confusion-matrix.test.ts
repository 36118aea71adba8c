import { describe, expect, test } from 'vitest';
import { confusionMatrixSpec } from '../../../src/charts/confusion-matrix.ts';
import { drawConfusionMatrix } from '../../../src/charts/draw/confusion-matrix.ts';
import { renderChartView } from '../../../src/charts/render.ts';
import type { ChartView, ConfusionMatrixData } from '../../../src/charts/types.ts';
import { largestRectShift, largestShift, placedRects, placedTexts } from './placed.ts';

const view = (data: ConfusionMatrixData): ChartView => ({
  id: 'confusion-matrix',
  section: 'evaluation',
  title: 'Confusion matrix',
  description: 'd',
  spec: confusionMatrixSpec(data),
  drawing: { kind: 'confusion-matrix', data },
  table: { columns: [], rows: [] },
});

describe('drawConfusionMatrix', () => {
  const binary = {
    labels: ['cat', 'dog'],
    matrix: [
      [50, 3],
      [7, 40],
    ],
  };

  test('draws two maps of 108 px cells side by side, coloured by heat step, numbers in the colour that reads on them', () => {
    const svg = drawConfusionMatrix(binary)?.toSvg({}) ?? '';
    // Two classes: cells of 210 / 2 = 105 px, rounded up to a multiple of 4: 108.
    // Counts: 50 is the largest (step 7, darkest, white text); 3/50 = 0.06 → step 0; 7/50 = 0.14 → step 1; 40/50 = 0.8 → step 6.
    expect(svg).toContain('<path d="M0,0h108v108h-108Z" fill="#084594" stroke="#ffffff"/>');
    expect(svg).toContain('<path d="M108,0h108v108h-108Z" fill="#f7fbff" stroke="#ffffff"/>');
    expect(svg).toContain('<path d="M0,108h108v108h-108Z" fill="#deebf7" stroke="#ffffff"/>');
    expect(svg).toContain('<path d="M108,108h108v108h-108Z" fill="#2171b5" stroke="#ffffff"/>');
    // Numbers on the cells' centres (54, 162), their middle 4 px above the baseline at 12 px.
    expect(svg).toContain('fill="#1f2328"><text x="162" y="58">3</text><text x="54" y="166">7</text></g>');
    expect(svg).toContain('fill="#fefefe"><text x="54" y="58">50</text><text x="162" y="166">40</text></g>');
    // Row shares: 50/53 = 94.3%, 3/53 = 5.7%, 7/47 = 14.9%, 40/47 = 85.1%.
    expect(svg).toContain('<text x="54" y="58">94.3%</text>');
    expect(svg).toContain('<text x="54" y="166">14.9%</text>');
    // The second map 40 px right of the first's right edge (217), plus its left labels and title (38.45 → 39): 296.
    expect(svg).toContain('<g transform="translate(296,0)">');
  });

  test("is as large as Vega's chart: 39 + 513 px across, 47 + 217 px down, plus 8 px of padding on each side", () => {
    expect(drawConfusionMatrix(binary)?.toSvg({})).toMatch(/^<svg [^>]*width="568" height="280"/);
  });

  test('puts ten classes one map above the other', () => {
    const labels = 'abcdefghij'.split('');
    const svg =
      drawConfusionMatrix({ labels, matrix: labels.map((_, i) => labels.map((_, j) => (i === j ? 90 : i + j))) })?.toSvg({}) ?? '';
    // Cells of 52 px ("100.0%" is 40.6 px wide at 12 px, plus 8, rounded up to 4): 520 px a map;
    // the second 521 + 40 + 47 (its title and axis above) = 608 px down.
    expect(svg).toContain('<g transform="translate(0,608)">');
  });

  test('leaves to Vega what it cannot draw', () => {
    // A class name angled across the top and cut at 220 px.
    expect(
      drawConfusionMatrix({
        labels: ['y'.repeat(60), 'b'],
        matrix: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBeUndefined();
    expect(
      drawConfusionMatrix({
        labels: ['a', 'a'],
        matrix: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBeUndefined();
    expect(drawConfusionMatrix({ labels: ['a', 'b'], matrix: [[1, 2]] })).toBeUndefined();
    expect(
      drawConfusionMatrix({
        labels: ['a', 'b'],
        matrix: [
          [1, 2],
          [3, 4.5],
        ],
      }),
    ).toBeUndefined();
    expect(
      drawConfusionMatrix({
        labels: ['a', 'b'],
        matrix: [
          [1, -2],
          [3, 4],
        ],
      }),
    ).toBeUndefined();
    expect(drawConfusionMatrix({ labels: [], matrix: [] })).toBeUndefined();
  });

  const square = (labels: string[], f: (i: number, j: number) => number): ConfusionMatrixData => ({
    labels,
    matrix: labels.map((_, i) => labels.map((_, j) => f(i, j))),
  });
  const cases: [string, ConfusionMatrixData][] = [
    ['binary', binary],
    ['one class', { labels: ['only'], matrix: [[5]] }],
    [
      'three classes with names near a cell wide',
      square(['airplane', 'automobile', 'bird <&>'], (i, j) => (i === j ? 500 * (i + 1) : i + 2 * j)),
    ],
    ['ten classes', square('abcdefghij'.split(''), (i, j) => (i === j ? 90 : i + j))],
    [
      'twenty classes',
      square(
        Array.from({ length: 20 }, (_, i) => `c${i}`),
        (i, j) => (i === j ? 1000 : (i * j) % 7),
      ),
    ],
    [
      'class names angled across the top',
      {
        labels: ['a very long class name', 'b'],
        matrix: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'ten named classes, angled, one map above the other',
      square(['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'], (i, j) => (i === j ? 900 : i + j)),
    ],
    [
      'angled names with <, &, quotes',
      {
        labels: ['Stays <&>', 'Churns "soon"', 'x'.repeat(30)],
        matrix: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      },
    ],
    [
      'all zero',
      {
        labels: ['a', 'b'],
        matrix: [
          [0, 0],
          [0, 0],
        ],
      },
    ],
    [
      'values equal',
      {
        labels: ['a', 'b', 'c'],
        matrix: [
          [4, 4, 4],
          [4, 4, 4],
          [4, 4, 4],
        ],
      },
    ],
    [
      'a row of zeros',
      {
        labels: ['a', 'b'],
        matrix: [
          [9, 1],
          [0, 0],
        ],
      },
    ],
    [
      'large counts',
      {
        labels: ['x"y', "q'"],
        matrix: [
          [1234567, 2],
          [3, 98765432],
        ],
      },
    ],
    [
      'names with <, &, quotes',
      {
        labels: ['<a>', '&', '"'],
        matrix: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      },
    ],
  ];

  test.each(cases)("%s: same size, texts, places and cells as Vega's", async (_name, data) => {
    expect(drawConfusionMatrix(data)).toBeDefined();
    const v = view(data);
    const vega = await renderChartView(v, { vega: true });
    const drawn = await renderChartView(v);
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: vega.width, height: vega.height });
    expect(largestShift(placedTexts(drawn.svg), placedTexts(vega.svg))).toBeLessThanOrEqual(0.01);
    expect(largestRectShift(placedRects(drawn.svg), placedRects(vega.svg))).toBeLessThanOrEqual(0.011);
  });
});
