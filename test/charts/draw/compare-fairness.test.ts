import { describe, expect, test } from 'vitest';
import { drawCompareFairness } from '../../../src/charts/draw/compare-fairness.ts';
import { FAINT, PALETTE } from '../../../src/charts/theme.ts';
import type { ChartDatum } from '../../../src/charts/types.ts';

/** Rows as `compare-views.ts` makes them: (attribute, group, experiment place, value). */
function rows(list: [string, string, number, number][]): ChartDatum[] {
  const attributes: string[] = [];
  const groups: string[] = [];
  return list.map(([attribute, group, eOrder, value]) => {
    if (!attributes.includes(attribute)) attributes.push(attribute);
    if (!groups.includes(`${attribute}/${group}`)) groups.push(`${attribute}/${group}`);
    const gOrder = groups.indexOf(`${attribute}/${group}`);
    return {
      attribute,
      aOrder: attributes.indexOf(attribute),
      group,
      gOrder,
      metric: 'accuracy',
      experiment: `exp-${eOrder}`,
      eOrder,
      value,
    };
  });
}

const data = rows([
  ['sex', 'Female', 0, 0.82],
  ['sex', 'Male', 0, 0.87],
  ['sex', 'Female', 1, 0.84],
  ['sex', 'Male', 1, 0.86],
  ['age', '18-29', 0, 0.7],
  ['age', '30-49', 0, 0.8],
  ['age', '50+', 0, 0.9],
  ['age', '18-29', 1, 0.75],
]);

function svgOf(d: readonly ChartDatum[]): string {
  const drawing = drawCompareFairness(d);
  if (drawing === undefined) throw new Error('not drawn');
  return drawing.toSvg({});
}

const r = '4.18'; // √70 / 2

describe('drawCompareFairness', () => {
  // Plot 400 px wide (520 − 120); x over all values [0.7, 0.9], already nice: 20 px per 0.01. Rows 26 px apart (centres 13, 39, 65).
  test('a panel per attribute in order, the second 52 + 14 + 35 = 101 px below the first, each headed by its name', () => {
    const svg = svgOf(data);
    expect(svg).toContain('<g transform="translate(0,0)">');
    expect(svg).toContain('<g transform="translate(0,101)">');
    expect(svg).toContain('<g class="role-title-text" font-size="12px" font-weight="600" fill="#1f2328"><text x="0" y="-25">sex</text>');
    expect(svg).toContain('<text x="0" y="-25">age</text>');
  });

  test('a faint rule from the lowest to the highest value of each group, a dot per experiment in its colour', () => {
    const svg = svgOf(data);
    expect(svg).toContain(`<path d="M240,13h40M320,39h20" stroke="${FAINT}"/>`);
    expect(svg).toContain(`<path d="M0,13h100M200,39h0M400,65h0" stroke="${FAINT}"/>`);
    expect(svg).toContain(`<path d="M${'244.18'},13A${r},${r},0,1,1,235.82,13A${r},${r},0,1,1,244.18,13" fill="${PALETTE[0] as string}"/>`);
    expect(svg).toContain(`<path d="M104.18,13A${r},${r},0,1,1,95.82,13A${r},${r},0,1,1,104.18,13" fill="${PALETTE[1] as string}"/>`);
  });

  test('one x axis under the last panel (at 101 + 78 = 179): labels every 0.02 from 0.70 to 0.90', () => {
    const svg = svgOf(data);
    const ticks = [...svg.matchAll(/<text x="[\d.]+" y="195.5"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['0.70', '0.72', '0.74', '0.76', '0.78', '0.80', '0.82', '0.84', '0.86', '0.88', '0.90']);
  });

  test("a legend of the experiments (the second 18 px after 'exp-0''s entry, 16 + 29.16 → 46 px); sized as Vega's", () => {
    const svg = svgOf(data);
    expect(svg).toContain('<text x="16" y="224">exp-0</text><text x="80" y="224">exp-1</text>');
    // 46 px of labels left, 405 right (a dot at 400), 35 above (a header), 226 below (the legend), 8 px padding.
    expect(svg).toMatch(/^<svg [^>]*width="467" height="277"/);
  });

  test('left to Vega: no rows, a row without a number', () => {
    expect(drawCompareFairness([])).toBeUndefined();
    expect(drawCompareFairness([...data, { ...data[0], value: null }])).toBeUndefined();
  });
});
