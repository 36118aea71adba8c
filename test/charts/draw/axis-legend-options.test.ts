import { describe, expect, test } from 'vitest';
import { bottomAxis, leftBandAxis } from '../../../src/charts/draw/axis.ts';
import { dotLegend } from '../../../src/charts/draw/legend.ts';
import { bandScale, linearOver, pointScale } from '../../../src/charts/draw/scale.ts';
import { Drawing } from '../../../src/charts/draw/svg.ts';

describe('leftBandAxis title', () => {
  test("rotated on Vega's bottom baseline, 4 px left of the labels, half a pixel off like the other guides", () => {
    const drawing = new Drawing();
    // 'Female' is 38.87 px wide at 11 px: the title's anchor is at −(5 + 2 + 38.87 + 4) = −49.87.
    leftBandAxis(drawing, bandScale(['Female', 'Male'], 30), 60, { title: 'sex' });
    // Its SVG baseline 3 px further left (round(0.21 × 12)): −52.87, drawn half a pixel off.
    expect(drawing.body()).toContain('transform="translate(-52.37,30.5) rotate(-90)">sex</text>');
    // Bounded from 3 + 10 px left of its anchor, 12 px wide: the chart reaches 62.87 px left of the plot.
    expect(drawing.extent().x0).toBeCloseTo(-62.87, 2);
  });

  test("at most Vega's maxExtent (200 px) from the plot, however wide the labels", () => {
    const drawing = new Drawing();
    leftBandAxis(drawing, bandScale(['x'.repeat(80)], 30), 30, { title: 'T' });
    expect(drawing.body()).toContain('transform="translate(-206.5,15.5)');
  });
});

describe('category labels', () => {
  test('half a pixel before their ticks by default, on them with labelNudge: false', () => {
    const nudged = new Drawing();
    leftBandAxis(nudged, pointScale(['a'], 30), 30);
    expect(nudged.body()).toContain('<text x="-6.5" y="18">a</text>');
    const onTick = new Drawing();
    leftBandAxis(onTick, pointScale(['a'], 30), 30, { labelNudge: false });
    expect(onTick.body()).toContain('<text x="-6.5" y="18.5">a</text>');
  });
});

describe('bottomAxis without its domain line', () => {
  test('grid only, still bounding the plot', () => {
    const drawing = new Drawing();
    bottomAxis(drawing, linearOver([0, 1], [0, 400]), 400, 50, { labels: false, domain: false });
    expect(drawing.body()).not.toContain('h400');
    expect(drawing.extent()).toEqual({ x0: 0, y0: 0, x1: 400, y1: 50 });
  });
});

describe('dotLegend with columns', () => {
  test("Vega's grid: a column starts 18 px after the widest entry before it, rows 13 px apart", () => {
    const drawing = new Drawing();
    // 'exp-0' is 29.16 px wide: its entry ends at 16 + 29.16 → 46 px, so the next column starts at 64.
    dotLegend(
      drawing,
      ['exp-0', 'exp-1', 'exp-2'].map((label) => ({ label, color: '#000000' })),
      { top: 118, columns: 2 },
    );
    expect(drawing.body()).toContain('<text x="16" y="127">exp-0</text><text x="80" y="127">exp-1</text><text x="16" y="140">exp-2</text>');
    expect(drawing.body()).toContain('M75,124A5,5,0,1,1,65,124A5,5,0,1,1,75,124');
    expect(drawing.extent().y1).toBe(142);
  });
});
