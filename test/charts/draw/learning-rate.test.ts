import { describe, expect, test } from 'vitest';
import { drawLearningRate } from '../../../src/charts/draw/learning-rate.ts';
import { formatG, precisionRound, spanFormatG } from '../../../src/charts/draw/format-g.ts';
import { isLabelledLogTick, logTicks, vegaLogScale } from '../../../src/charts/draw/log-scale.ts';
import type { LearningRateData } from '../../../src/charts/types.ts';

/** Texts of a group of the SVG with this role, in document order. */
function roleTexts(svg: string, role: string): string[] {
  const group = new RegExp(`<g class="role-${role}"[^>]*>(.*?)</g>`, 'g');
  return [...svg.matchAll(group)].flatMap((g) => [...(g[1] as string).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string));
}

const falling: LearningRateData = {
  points: [
    { epoch: 1, learningRate: 0.001 },
    { epoch: 2, learningRate: 0.0008 },
    { epoch: 3, learningRate: 0.0005 },
    { epoch: 4, learningRate: 0.0002 },
  ],
};

describe('formatG', () => {
  test.each([
    [0.0003, 12, '0.0003'],
    [3e-7, 12, '3e-7'],
    [0.00080000000000001, 1, '0.0008'],
    [1000, 12, '1000'],
    [-0.2, 1, '\u22120.2'],
    [0.25, 1, '0.3'],
  ])("%d at precision %d is d3's ~g: %s", (value, precision, text) => {
    expect(formatG(value, precision)).toBe(text);
  });

  test("a linear axis's precision: the step's digits up to the largest value", () => {
    // Ticks 0.0002 apart up to 0.001: exponent(0.001 − 0.0002) − exponent(0.0002) + 1 = −4 − (−4) + 1.
    expect(precisionRound(0.0002, 0.001)).toBe(1);
    // 0.05 apart up to 12: exponent(11.95) − exponent(0.05) + 1 = 1 + 2 + 1.
    expect(precisionRound(0.05, 12)).toBe(4);
    expect(spanFormatG(0.0002, 0.001, 5)(0.0006)).toBe('0.0006');
    // One value: no step, so d3's default six significant digits, trimmed.
    expect(spanFormatG(0.123, 0.123, 5)(0.123)).toBe('0.123');
  });
});

describe('log ticks', () => {
  test('1–9 × 10ⁿ over three decades: 28 ticks, labels on 1, 2 and 3 × 10ⁿ (k = 10 × 10 / 28)', () => {
    const all = logTicks(1e-4, 1e-1, 10);
    expect(all).toHaveLength(28);
    expect(all.slice(0, 3)).toEqual([0.0001, 0.0002, 0.0003]);
    expect(all.filter((v) => isLabelledLogTick(v, all, 10))).toEqual([0.0001, 0.0002, 0.0003, 0.001, 0.002, 0.003, 0.01, 0.02, 0.03, 0.1]);
  });

  test('twelve decades (not fewer than the count): the powers of ten, d3 ticks of the exponents −12…0 (step 12 / 10 → 1)', () => {
    expect(logTicks(1e-12, 1, 10)).toEqual(Array.from({ length: 13 }, (_, i) => Number(`1e${i - 12}`)));
  });

  test('the domain is widened to powers of ten; 0.01 is two thirds up a 200 px axis over 10⁻⁴–10⁻¹', () => {
    const y = vegaLogScale([0.0003, 0.05], [200, 0]);
    expect(y.domain).toEqual([0.0001, 0.1]);
    expect(y(0.01)).toBeCloseTo(200 / 3, 9);
  });
});

describe('drawLearningRate', () => {
  test("a falling schedule on a linear axis: Vega's ticks, labels, line, points and size", () => {
    const svg = drawLearningRate(falling)?.toSvg({}) ?? '';
    expect(roleTexts(svg, 'axis-label')).toEqual(['1', '2', '3', '4', '0.0002', '0.0004', '0.0006', '0.0008', '0.001']);
    expect(roleTexts(svg, 'axis-title')).toEqual(['Epoch', 'Learning rate']);
    // x over 1–4 on 520 px: 173.33 px per epoch; y over 0.0002–0.001 on 200 px: 0.0008 at 50, 0.0005 at 125.
    expect(svg).toContain('<path d="M0,0l173.33,50l173.34,75l173.33,75" stroke="#4c78a8" stroke-width="2"/>');
    // Points of size 28 (radius √28 / 2 = 2.65) in the theme's accent.
    expect(svg).toContain('M175.98,50A2.65,2.65,0,1,1,170.69,50');
    // 60 px left of the plot (the title's box ends 13 px left of x = −46.66), the line's bounds 4 px past 520, 8 px padding each side;
    // 6 px above (the top label's half height) and 33 below (the title's box), 8 px padding.
    expect(svg).toMatch(/^<svg [^>]*width="600" height="255"/);
  });

  test('rates spanning decades: a log axis with its titled scale', () => {
    const svg =
      drawLearningRate({
        points: [0.1, 0.01, 0.001, 0.0001].map((learningRate, i) => ({ epoch: i + 1, learningRate })),
      })?.toSvg({}) ?? '';
    expect(roleTexts(svg, 'axis-label').slice(4)).toEqual([
      '0.0001',
      '0.0002',
      '0.0003',
      '0.001',
      '0.002',
      '0.003',
      '0.01',
      '0.02',
      '0.03',
      '0.1',
    ]);
    expect(roleTexts(svg, 'axis-title')).toEqual(['Epoch', 'Learning rate (log scale)']);
    // Each decade is a third of 200 px: the line falls 66.67 px per epoch.
    expect(svg).toContain('M0,0l173.33,66.67l173.34,66.66l173.33,66.67');
  });

  test('more than 40 points: the line only', () => {
    const svg =
      drawLearningRate({ points: Array.from({ length: 41 }, (_, i) => ({ epoch: i, learningRate: 0.01 + i / 1000 })) })?.toSvg({}) ?? '';
    expect(svg).not.toContain('fill="#3b82f6"');
  });

  test('no points, or a rate that is no number: left to Vega', () => {
    expect(drawLearningRate({ points: [] })).toBeUndefined();
    expect(drawLearningRate({ points: [{ epoch: 1, learningRate: Number.NaN }] })).toBeUndefined();
  });
});
