import { describe, expect, test } from 'vitest';
import { compareConfusionSpec } from '../../../src/charts/compare.ts';
import { confusionMatrixCells } from '../../../src/charts/confusion-matrix.ts';
import { drawCompareConfusion } from '../../../src/charts/draw/compare-confusion.ts';
import { renderChartView } from '../../../src/charts/render.ts';
import type { ChartDatum, ChartView } from '../../../src/charts/types.ts';
import { largestRectShift, largestShift, placedRects, placedTexts } from './placed.ts';

/** Rows of `compareConfusionSpec`: each experiment's cells, from a matrix of `f(i, j, k)` for the k-th experiment. */
const rowsOf = (ids: string[], labels: string[], f: (i: number, j: number, k: number) => number): ChartDatum[] =>
  ids.flatMap((experiment, eOrder) =>
    confusionMatrixCells({ labels, matrix: labels.map((_, i) => labels.map((_, j) => f(i, j, eOrder))) }).map((c) => ({
      ...c,
      experiment,
      eOrder,
    })),
  );

const view = (rows: ChartDatum[]): ChartView => ({
  id: 'confusion',
  section: 'comparison',
  title: 'Confusion matrices, row-normalized',
  description: 'd',
  spec: compareConfusionSpec(rows),
  drawing: { kind: 'compare-confusion', data: rows },
  table: { columns: [], rows: [] },
});

describe('drawCompareConfusion', () => {
  const pair = rowsOf(['exp-a', 'exp-b'], ['cat', 'dog'], (i, j, k) => (i === j ? 50 : 3 + k));

  test('draws a map of 52 px cells per experiment, its id above, class names angled 40° up from each cell centre', () => {
    const svg = drawCompareConfusion(pair)?.toSvg({}) ?? '';
    // exp-a's first row: 50 of 53 (94.3%, step 7) and 3 of 53 (5.7%, step 0).
    expect(svg).toContain('<path d="M0,0h52v52h-52Z" fill="#084594" stroke="#ffffff"/>');
    expect(svg).toContain('<path d="M52,0h52v52h-52Z" fill="#f7fbff" stroke="#ffffff"/>');
    expect(svg).toContain('<text x="26" y="30">94.3%</text>');
    // "cat" anchored at (25.5, −2) + half a pixel, turned −40°, its baseline 2 px above the anchor.
    expect(svg).toContain('<text transform="translate(26,-1.5) rotate(320) translate(0,-2)">cat</text>');
    // The second panel 105 + 40 + 39 px right of the first (its right edge, the spacing, its left labels and title).
    expect(svg).toContain('<g transform="translate(184,0)">');
    expect(svg).toMatch(/^<svg [^>]*width="344" height="196"/);
  });

  test('leaves to Vega panels that differ, or a class name cut at the limit', () => {
    const other = rowsOf(['exp-c'], ['cat', 'cow'], () => 1).map((r) => ({ ...r, eOrder: 2 }));
    expect(drawCompareConfusion([...pair, ...other])).toBeUndefined();
    expect(drawCompareConfusion(rowsOf(['a', 'b'], ['y'.repeat(60), 'b'], () => 1))).toBeUndefined();
    expect(drawCompareConfusion([])).toBeUndefined();
  });

  const cases: [string, ChartDatum[]][] = [
    ['two experiments', pair],
    [
      'three experiments on two rows',
      rowsOf(['exp-a', 'exp-b', 'exp-c'], ['airplane', 'automobile', 'bird <&>'], (i, j, k) => (i === j ? 500 : i + j + k)),
    ],
    [
      'ten classes and a long id with <, &, quotes',
      rowsOf(['a-very-long-experiment-id-<&>-"q"', 'b'], 'abcdefghij'.split(''), (i, j) => (i === j ? 90 : i + j)),
    ],
    ['one class', rowsOf(['a', 'b'], ['only'], () => 3)],
    ['four experiments, a row of zeros', rowsOf(['w', 'x', 'y', 'z'], ['p', 'q'], (i, j) => (i === 1 ? 0 : i + j + 1))],
  ];

  test.each(cases)("%s: same size, texts, places and cells as Vega's", async (_name, rows) => {
    expect(drawCompareConfusion(rows)).toBeDefined();
    const v = view(rows);
    const vega = await renderChartView(v, { vega: true });
    const drawn = await renderChartView(v);
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: vega.width, height: vega.height });
    expect(largestShift(placedTexts(drawn.svg), placedTexts(vega.svg))).toBeLessThanOrEqual(0.01);
    expect(largestRectShift(placedRects(drawn.svg), placedRects(vega.svg))).toBeLessThanOrEqual(0.011);
  });
});
