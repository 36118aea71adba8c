import { describe, expect, test } from 'vitest';
import {
  Drawing,
  baselineY,
  circlePath,
  escapeXml,
  num,
  symbolRadius,
  textBox,
  truncate,
  textWidth,
} from '../../../src/charts/draw/svg.ts';
import { bottomLegend } from '../../../src/charts/draw/legend.ts';
import { bottomAxis } from '../../../src/charts/draw/axis.ts';
import { linearOver } from '../../../src/charts/draw/scale.ts';

describe('SVG pieces', () => {
  test('numbers to two decimals, without negative zero', () => {
    expect(num(3.0600000000000027)).toBe('3.06');
    expect(num(-0.001)).toBe('0');
    expect(num(12)).toBe('12');
  });

  test('text is escaped', () => {
    expect(escapeXml('<b a="1">&</b>')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&lt;/b&gt;');
  });

  test("Vega's baselines: top +0.79 × size, middle +0.30 × size, rounded", () => {
    expect(baselineY(7, 'top')).toBe(16);
    expect(baselineY(22, 'top', 12)).toBe(31);
    expect(baselineY(15.5, 'middle')).toBe(18.5);
    expect(baselineY(10, 'bottom')).toBe(8);
  });

  test("a text's box is its size high, its top round(0.8 × size) above the baseline", () => {
    const box = textBox({ x: 190, y: 31, text: 'Value with 95% CI', anchor: 'middle' }, 12, true);
    expect(box.y0).toBe(21);
    expect(box.y1).toBe(33);
    expect(box.x0 + box.x1).toBeCloseTo(380, 9);
  });

  test("Vega's circle of size 70 has radius √70 / 2", () => {
    expect(symbolRadius(70)).toBeCloseTo(4.1833, 4);
    expect(circlePath(0, 0, 5)).toBe('M5,0A5,5,0,1,1,-5,0A5,5,0,1,1,5,0');
  });

  test('long labels are cut to the limit with an ellipsis', () => {
    const cut = truncate('a'.repeat(200), 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(100);
    expect(textWidth(`${cut.slice(0, -1)}a…`)).toBeGreaterThan(100);
    expect(truncate('short', 100)).toBe('short');
  });
});

describe('sizes as Vega lays them out', () => {
  test('bounds −54.95…538.99 × 0…97 with 8 px padding make 610 × 113, the origin at (63, 8)', () => {
    // Vega's own numbers for a two-metric test-metrics chart (root bounds and its SVG size).
    const d = new Drawing();
    d.add('<path d="M0,0h1"/>', { x0: -54.94592, y0: 0, x1: 538.99762, y1: 97 });
    const svg = d.toSvg({ title: 'T' });
    expect(svg).toContain('width="610" height="113"');
    expect(svg).toContain('transform="translate(63,8)"');
    expect(svg).toContain('aria-label="T"');
  });

  test("legend columns step by the column's bounds and 18 px, rounded up: 0, 87, 179, 256", () => {
    // Vega's positions for these four labels (the example site's training curves).
    const d = new Drawing();
    bottomLegend(
      d,
      ['Train Acc', 'Train Loss', 'Val Acc', 'Val Loss'].map((label) => ({ label, color: '#3b82f6' })),
    );
    const xs = [...d.toSvg({}).matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]) - 16);
    expect(xs).toEqual([0, 87, 179, 256]);
    // One row: 15 px high, 18 px under what was drawn before (nothing: y 0).
    expect(d.extent().y0).toBe(18);
    expect(d.extent().y1).toBe(33);
  });

  test('x labels: every other one dropped while neighbours overlap, the ends flush', () => {
    const d = new Drawing();
    bottomAxis(d, linearOver([0.74, 0.98], [0, 380]), 380, 160, { title: 'Value' });
    const svg = d.toSvg({});
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['0.74', '0.78', '0.82', '0.86', '0.90', '0.94', '0.98', 'Value']);
    expect(svg).toMatch(/<text x="380.5" y="176.5" text-anchor="end">0.98</);
    // Grid lines at all 13 ticks.
    expect(svg.match(/M[\d.]+,0v160/g)).toHaveLength(13);
  });
});
