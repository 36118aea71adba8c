import { describe, expect, test } from 'vitest';
import { drawCompareParams } from '../../../src/charts/draw/compare-params.ts';
import type { ChartDatum } from '../../../src/charts/types.ts';

/** Rows as `paramsChart` writes them: `values[axis][experiment]`, null for none. */
function rows(axes: string[], ids: string[], values: (number | null)[][]): ChartDatum[] {
  return axes.flatMap((axis, aOrder) => [
    { axis, aOrder, track: true, experiment: null, eOrder: null, pos: null, label: null },
    ...ids.map((experiment, eOrder) => {
      const pos = values[aOrder]?.[eOrder] ?? null;
      return { axis, aOrder, track: false, experiment, eOrder, pos, label: pos === null ? '' : String(pos) };
    }),
  ]);
}

describe('drawCompareParams', () => {
  const data = rows(
    ['lr', 'opt', 'acc'],
    ['e1', 'e2', 'e3'],
    [
      [0, 1, null],
      [0.5, 0.5, 0],
      [0, 1, 0.2],
    ],
  );

  test('an axis per parameter 120 px apart, from 0 (208.21) to 1 (11.79) on the −0.06–1.06 domain of 220 px', () => {
    const svg = drawCompareParams(data)?.toSvg({}) ?? '';
    expect(svg).toContain('<path d="M60,208.21V11.79M180,208.21V11.79M300,208.21V11.79" stroke="#6e7781"/>');
    // The first experiment in the palette's first colour through 0, 0.5, 0; the third only from the second axis on (no lr).
    expect(svg).toContain('<path d="M60,208.21l120,-98.21l120,98.21" stroke="#3b82f6" stroke-width="2"/>');
    expect(svg).toContain('<path d="M180,208.21l120,-39.28" stroke="#10b981" stroke-width="2"/>');
  });

  test('axis names above, values right of the dots, the experiments in the legend; 360 + 16 px wide', () => {
    const svg = drawCompareParams(data)?.toSvg({}) ?? '';
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(['lr', 'opt', 'acc', '0', '1', '0.5', '0.5', '0', '0', '1', '0.2', 'e1', 'e2', 'e3']);
    // Height: 13 px of names above the plot, 220 px, then the legend 18 px under it, 15 px high, and the padding.
    expect(svg).toMatch(/^<svg [^>]*width="376" height="282"/);
  });

  test('an experiment without a value on any axis: left to Vega', () => {
    expect(
      drawCompareParams(
        rows(
          ['a', 'b'],
          ['e1', 'e2'],
          [
            [0, null],
            [1, null],
          ],
        ),
      ),
    ).toBeUndefined();
  });
});
