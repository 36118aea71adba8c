import { describe, expect, test } from 'vitest';
import { contrastRatio, relativeLuminance } from '../../src/charts/color.ts';
import {
  ACCENT,
  BETTER,
  chartThemeCss,
  HEAT_RAMP,
  isStrongHeat,
  NEUTRAL,
  PALETTE,
  THEMED_COLORS,
  WARNING,
  WORSE,
} from '../../src/charts/theme.ts';

describe('relativeLuminance and contrastRatio', () => {
  test('black and white are the extremes', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
  });
  test('mid grey #777777 has luminance 0.184 and 4.48:1 against white', () => {
    // 0x77 / 255 = 0.4667 → ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845; (1.05) / (0.2345) = 4.48.
    expect(relativeLuminance('#777777')).toBeCloseTo(0.1845, 4);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  test('rejects what is not #rrggbb', () => {
    expect(() => relativeLuminance('red')).toThrow(RangeError);
  });
});

describe('themed chart colours', () => {
  const byName = (name: string) => THEMED_COLORS.find((c) => c.name === name)!;

  test('light values are distinct from each other and from every fixed colour charts use', () => {
    const lights = THEMED_COLORS.map((c) => c.light);
    expect(new Set(lights).size).toBe(lights.length);
    for (const fixed of [...PALETTE, ACCENT, BETTER, WORSE, WARNING, NEUTRAL]) expect(lights).not.toContain(fixed);
  });

  test('ink on the surface reads at 4.5:1 or more in both schemes, muted text too', () => {
    for (const scheme of ['light', 'dark'] as const) {
      expect(contrastRatio(byName('chart-ink')[scheme], byName('chart-surface')[scheme])).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(byName('chart-muted')[scheme], byName('chart-surface')[scheme])).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('a faint mark (the search-space range) and the warning label stand out from the surface in both schemes', () => {
    for (const scheme of ['light', 'dark'] as const) {
      // A graphic that carries content: 3:1 (WCAG 1.4.11); the four-fifths label is text: 4.5:1.
      expect(contrastRatio(byName('chart-faint')[scheme], byName('chart-surface')[scheme])).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(byName('chart-warning-ink')[scheme], byName('chart-surface')[scheme])).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('the dark surface is dark and dark ink is light', () => {
    expect(relativeLuminance(byName('chart-surface').dark)).toBeLessThan(0.05);
    expect(relativeLuminance(byName('chart-ink').dark)).toBeGreaterThan(0.7);
  });

  test.each(HEAT_RAMP.map((_, step) => step))('heat step %d: its label reads at 4.5:1 or more in both schemes', (step) => {
    const cell = THEMED_COLORS.find((c) => c.name === `chart-heat-${step}`)!;
    const label = isStrongHeat(step) ? byName('chart-on-strong') : byName('chart-ink');
    const other = isStrongHeat(step) ? byName('chart-ink') : byName('chart-on-strong');
    for (const scheme of ['light', 'dark'] as const) {
      expect(contrastRatio(cell[scheme], label[scheme])).toBeGreaterThanOrEqual(4.5);
      // The label chosen in the light scheme is the better one in the dark scheme too.
      expect(contrastRatio(cell[scheme], label[scheme])).toBeGreaterThan(contrastRatio(cell[scheme], other[scheme]));
    }
  });

  test('heat cells get darker step by step in the light scheme and brighter in the dark one', () => {
    const heat = THEMED_COLORS.filter((c) => c.name.startsWith('chart-heat-'));
    const lum = (scheme: 'light' | 'dark') => heat.map((c) => relativeLuminance(c[scheme]));
    expect(lum('light')).toEqual([...lum('light')].sort((a, b) => b - a));
    expect(lum('dark')).toEqual([...lum('dark')].sort((a, b) => a - b));
    // Only the two darkest light-scheme steps take light labels.
    expect(HEAT_RAMP.map((_, s) => isStrongHeat(s))).toEqual([false, false, false, false, false, false, true, true]);
    expect(isStrongHeat(99)).toBe(false);
  });
});

describe('chartThemeCss', () => {
  const css = chartThemeCss();
  test('maps every themed colour, as fill and as stroke, to its variable', () => {
    for (const c of THEMED_COLORS) {
      expect(css).toContain(`.chart-canvas [fill="${c.light}"]{fill:var(--${c.name})}`);
      expect(css).toContain(`.chart-canvas [stroke="${c.light}"]{stroke:var(--${c.name})}`);
    }
  });
  test('sets the variables for light, dark and print (light again)', () => {
    expect(css).toContain(':root{--chart-surface:#ffffff;');
    expect(css).toContain('@media (prefers-color-scheme:dark){:root{--chart-surface:#161b22;');
    expect(css).toContain('@media print{:root{--chart-surface:#ffffff;');
  });
});
