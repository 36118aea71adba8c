import { describe, expect, test } from 'vitest';
import { drawBaselines } from '../../../src/charts/draw/baselines.ts';
import { ACCENT, BETTER, MUTED, NEUTRAL, WORSE } from '../../../src/charts/theme.ts';
import type { BaselinesData } from '../../../src/charts/types.ts';

const data: BaselinesData = {
  metric: 'accuracy',
  higherIsBetter: true,
  rows: [
    { label: 'this', value: 0.91, current: true },
    { label: 'ResNet', value: 0.93, current: false },
    { label: 'LogReg', value: 0.85, current: false },
  ],
};

function svgOf(d: BaselinesData): string {
  const drawing = drawBaselines(d);
  if (drawing === undefined) throw new Error('not drawn');
  return drawing.toSvg({});
}

const r = '5.24'; // √110 / 2

describe('drawBaselines', () => {
  // Plot 400 px wide (520 − 120), rows 30 px apart (centres 15, 45, 75). x over [0.85, 0.93], already nice: 5 px per 0.001.
  test('a dot per row at its value, coloured by how it compares with this experiment', () => {
    const svg = svgOf(data);
    expect(svg).toContain(`<path d="M305.24,15A${r},${r},0,1,1,294.76,15A${r},${r},0,1,1,305.24,15" fill="${ACCENT}"/>`);
    expect(svg).toContain(`<path d="M405.24,45A${r},${r},0,1,1,394.76,45A${r},${r},0,1,1,405.24,45" fill="${BETTER}"/>`);
    expect(svg).toContain(`<path d="M5.24,75A${r},${r},0,1,1,-5.24,75A${r},${r},0,1,1,5.24,75" fill="${WORSE}"/>`);
  });

  test("this experiment's value as a dashed rule at 0.91 (300 px); values written 9 px right of their dots", () => {
    const svg = svgOf(data);
    expect(svg).toContain(`<path d="M300,0v90" stroke="${MUTED}" stroke-dasharray="4,3"/>`);
    expect(svg).toContain('<text x="309" y="18">0.91</text><text x="409" y="48">0.93</text><text x="9" y="78">0.85</text>');
  });

  test('ticks every 0.01 with two decimals; rows labelled with their names, on their ticks', () => {
    const svg = svgOf(data);
    const ticks = [...svg.matchAll(/<text x="[\d.]+" y="106.5"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['0.85', '0.86', '0.87', '0.88', '0.89', '0.90', '0.91', '0.92', '0.93']);
    expect(svg).toContain('<text x="-6.5" y="18.5">this</text><text x="-6.5" y="48.5">ResNet</text><text x="-6.5" y="78.5">LogReg</text>');
    expect(svg).toContain('>accuracy (higher is better)</text>');
  });

  test('the legend: all four statuses in two columns, the second 18 px after the widest first-column entry (16 + 139.33 → 156 px)', () => {
    const svg = svgOf(data);
    // 141 = 90 (plot) + 33 (axis with title) + 18 (offset); rows 13 px apart.
    expect(svg).toContain(`<path d="M11,147A5,5,0,1,1,1,147A5,5,0,1,1,11,147" fill="${ACCENT}"/>`);
    expect(svg).toContain(`<path d="M185,160A5,5,0,1,1,175,160A5,5,0,1,1,185,160" fill="${NEUTRAL}"/>`);
    expect(svg).toContain(
      '<text x="16" y="150">this experiment</text><text x="190" y="150">better than this experiment</text><text x="16" y="163">worse than this experiment</text><text x="190" y="163">same as this experiment</text>',
    );
  });

  test("sized as Vega's: 48 px of labels left, 432 right (0.93's label), 1 above (the rule's stroke), 165 below (legend), 8 px padding", () => {
    expect(svgOf(data)).toMatch(/^<svg [^>]*width="496" height="182"/);
  });

  test('lower is better: the lower value is the better one; equal values are the same', () => {
    const svg = svgOf({ ...data, higherIsBetter: false, rows: [...data.rows, { label: 'Tie', value: 0.91, current: false }] });
    expect(svg).toContain(`45" fill="${WORSE}"/>`);
    expect(svg).toContain(`75" fill="${BETTER}"/>`);
    expect(svg).toContain(`105" fill="${NEUTRAL}"/>`);
  });

  test('all values equal: the one tick in the middle, written with six decimals as d3 does', () => {
    const svg = svgOf({
      ...data,
      rows: [
        { label: 'a', value: 0.5, current: true },
        { label: 'b', value: 0.5, current: false },
      ],
    });
    expect(svg).toContain('<text x="200.5" y="76.5" text-anchor="middle">0.500000</text>');
  });

  test('no rows: left to Vega', () => {
    expect(drawBaselines({ ...data, rows: [] })).toBeUndefined();
  });
});
