import { describe, expect, test } from 'vitest';
import { drawLineageTrend } from '../../../src/charts/draw/lineage-trend.ts';
import { CHART_SIZES } from '../../../src/charts/theme.ts';

/** Texts of the groups of the SVG with this role, in document order. */
function roleTexts(svg: string, role: string): string[] {
  const group = new RegExp(`<g class="role-${role}"[^>]*>(.*?)</g>`, 'g');
  return [...svg.matchAll(group)].flatMap((g) => [...(g[1] as string).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string));
}

const chain = {
  metric: 'Accuracy',
  points: [
    { id: 'exp-001', value: 0.81 },
    { id: 'exp-002', value: 0.845 },
    { id: 'exp-003', value: 0.86, current: true },
  ],
};

describe('drawLineageTrend', () => {
  test('three experiments in the summary band: ids on a point axis, ticks 0.01 apart, values above the dots', () => {
    const svg = drawLineageTrend(chain, CHART_SIZES.summary)?.toSvg({}) ?? '';
    // 0.81–0.86 over about 4 ticks: step 0.05 / 4 = 0.0125 → 0.01.
    expect(roleTexts(svg, 'axis-label')).toEqual(['exp-001', 'exp-002', 'exp-003', '0.81', '0.82', '0.83', '0.84', '0.85', '0.86']);
    expect(roleTexts(svg, 'axis-title')).toEqual(['Experiment (root → this)', 'Accuracy']);
    expect(roleTexts(svg, 'legend-label')).toEqual(['ancestor', 'this experiment']);
    // Three places on 260 px: 86.67 px each, the first in the middle of its step (43.33); 0.845 is 0.035 / 0.05 of 130 px up.
    expect(svg).toContain('<path d="M43.33,130l86.67,-91l86.67,-39" stroke="#6e7781" stroke-width="1.5"/>');
    // The ids turned 30° about their anchor 7 px under the axis, drawn half a pixel off as every guide.
    expect(svg).toContain('<text transform="translate(43.83,137.5) rotate(-30) translate(0,9)">exp-001</text>');
    // This experiment's dot in the accent colour; the values 8 px above the dots, baseline bottom (−2 px).
    expect(svg).toContain('fill="#3b82f6" opacity="0.7"');
    expect(svg).toContain('<text x="216.67" y="-10">0.86</text>');
  });

  test('an id past 140 px is cut with an ellipsis', () => {
    const long = 'experiment-with-a-very-long-name-'.repeat(3);
    const svg =
      drawLineageTrend(
        {
          metric: 'F1',
          points: [
            { id: long, value: 1 },
            { id: 'b', value: 2 },
          ],
        },
        CHART_SIZES.summary,
      )?.toSvg({}) ?? '';
    const label = roleTexts(svg, 'axis-label')[0] as string;
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
  });

  test('names with markup are escaped', () => {
    const svg =
      drawLineageTrend({
        metric: 'a <b> & "c"',
        points: [
          { id: '<x>', value: 1 },
          { id: 'y&z', value: 2 },
        ],
      })?.toSvg({}) ?? '';
    expect(svg).toContain('&lt;x&gt;');
    expect(svg).toContain('y&amp;z');
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
  });

  test('equal values: one tick in the middle, labelled with d3’s six decimals as Vega does', () => {
    const svg =
      drawLineageTrend(
        {
          metric: 'm',
          points: [
            { id: 'a', value: 0.5 },
            { id: 'b', value: 0.5 },
          ],
        },
        CHART_SIZES.summary,
      )?.toSvg({}) ?? '';
    expect(roleTexts(svg, 'axis-label')).toContain('0.500000');
  });

  test('a value that is no number: left to Vega', () => {
    expect(drawLineageTrend({ metric: 'm', points: [{ id: 'a', value: Number.NaN }] })).toBeUndefined();
  });
});
