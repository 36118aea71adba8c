import { describe, expect, test } from 'vitest';
import { drawFairness } from '../../../src/charts/draw/fairness.ts';
import { ACCENT, MUTED, WARNING, WARNING_INK } from '../../../src/charts/theme.ts';
import type { FairnessData } from '../../../src/charts/types.ts';

const data: FairnessData = {
  attribute: 'sex',
  metric: 'selection rate',
  fourFifths: true,
  overall: 0.85,
  groups: [
    { group: 'Female', value: 0.82 },
    { group: 'Male', value: 0.87 },
    { group: 'Other', value: 0.6 },
  ],
};

function svgOf(d: FairnessData): string {
  const drawing = drawFairness(d);
  if (drawing === undefined) throw new Error('not drawn');
  return drawing.toSvg({});
}

const labels = (svg: string, role: string): string[] =>
  [...(new RegExp(`<g class="role-${role}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? '').matchAll(/>([^<]+)</g)].map((m) => m[1] as string);

describe('drawFairness', () => {
  // Plot 440 px wide (520 − 80), 3 bands of 30 px: 90 high. x over [0, 0.87] made nice: [0, 0.9].
  test('bars start at 0 and end at their value: 0.6 on a 0–0.9 axis of 440 px is 293.33 px long', () => {
    const svg = svgOf(data);
    // Band of 27 px (30 × 0.9) after 1.5 px outer padding; the bar is 0.7 of it (18.9 px), 4.05 px in.
    expect(svg).toContain(`<path d="M0,5.55h400.89v18.9h-400.89Z" fill="${ACCENT}"/>`);
    expect(svg).toContain(`<path d="M0,35.55h425.33v18.9h-425.33Z" fill="${ACCENT}"/>`);
    expect(svg).toContain(`<path d="M0,65.55h293.33v18.9h-293.33Z" fill="${WARNING}"/>`);
  });

  test('the four-fifths line at 0.8 × 0.87 = 0.696 (340.27 px), labelled right-aligned 4 px past it; Overall at 0.85 (415.56 px)', () => {
    const svg = svgOf(data);
    expect(svg).toContain(`<path d="M340.27,0v90" stroke="${WARNING}" stroke-width="1.5" stroke-dasharray="6,3"/>`);
    expect(svg).toContain(`fill="${WARNING_INK}"><text x="344.27" y="-6">0.8 × best (four-fifths heuristic)</text>`);
    expect(svg).toContain(`<path d="M415.56,0v90" stroke="${MUTED}" stroke-width="1.5" stroke-dasharray="2,3"/>`);
    expect(svg).toContain(`fill="${MUTED}"><text x="419.56" y="-6">Overall 0.85</text>`);
  });

  test('tick labels every 0.1 from 0.0 to 0.9; groups in the data order; the gap in bold above the plot', () => {
    const svg = svgOf(data);
    expect(labels(svg, 'axis-label')).toEqual(['0.0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9']);
    expect(svg).toContain('<text x="-6.5" y="18">Female</text><text x="-6.5" y="48">Male</text><text x="-6.5" y="78">Other</text>');
    expect(svg).toContain('font-weight="600" fill="#1f2328"><text x="0" y="-24">Gap (max − min): 0.27 — Male 0.87 vs Other 0.6</text>');
    expect(svg).toContain('<text x="297.33" y="78">0.6</text>');
  });

  test("sized as Vega's: 63 px left of the plot (rotated title), 483 right (Overall's label), 33 above (the gap), 123 below (x title), 8 px padding", () => {
    expect(svgOf(data)).toMatch(/^<svg [^>]*width="562" height="172"/);
  });

  test('selection rates of best 0.50: the line at 0.8 × 0.50 = 0.40, 352 px on a 0–0.5 axis of 440 px; 0.3 below it in amber', () => {
    const svg = svgOf({
      ...data,
      overall: undefined,
      groups: [
        { group: 'a', value: 0.5 },
        { group: 'b', value: 0.3 },
      ],
    });
    expect(svg).toContain(`<path d="M352,0v60" stroke="${WARNING}" stroke-width="1.5" stroke-dasharray="6,3"/>`);
    expect(svg).toContain(`fill="${WARNING_INK}"><text x="356" y="-6">0.8 × best (four-fifths heuristic)</text>`);
    // Two bands of 30 px; 0.3 of 0.5 is 264 px.
    expect(svg).toContain(`<path d="M0,35.55h264v18.9h-264Z" fill="${WARNING}"/>`);
  });

  test('accuracy (not a selection rate): no four-fifths line or text, every bar in the accent colour', () => {
    const svg = svgOf({ ...data, metric: 'accuracy', fourFifths: false, overall: undefined });
    expect(svg).not.toMatch(/four-fifths|0\.8 ×/);
    expect(svg).not.toContain(WARNING);
    expect(svg).not.toContain('Overall');
    // The Other bar (0.6, below 0.8 × 0.87) is drawn as the others are.
    expect(svg).toContain(`<path d="M0,65.55h293.33v18.9h-293.33Z" fill="${ACCENT}"/>`);
  });

  test('negative values: bars from the value to 0 (domain [−0.3, 0.2] over 440 px: 0 at 264 px)', () => {
    const svg = svgOf({
      ...data,
      overall: undefined,
      groups: [
        { group: 'a', value: -0.3 },
        { group: 'b', value: 0.2 },
      ],
    });
    expect(svg).toContain('<path d="M0,5.55h264v18.9h-264Z"');
    expect(svg).toContain('<path d="M264,35.55h176v18.9h-176Z"');
  });

  test('left to Vega: a group named twice (Vega stacks its bars), no groups', () => {
    expect(drawFairness({ ...data, groups: [...data.groups, { group: 'Male', value: 0.5 }] })).toBeUndefined();
    expect(drawFairness({ ...data, groups: [] })).toBeUndefined();
  });
});
