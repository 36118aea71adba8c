import { describe, expect, test } from 'vitest';
import { drawSearchSpace } from '../../../src/charts/draw/search-space.ts';

/** Texts of the SVG in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
}

describe('drawSearchSpace', () => {
  const data = {
    params: [
      { name: 'learning_rate', chosen: 0.001, space: { kind: 'range' as const, min: 0.0001, max: 0.1 } },
      { name: 'optimizer', chosen: 'adam', space: { kind: 'choice' as const, values: ['sgd', 'adam', 'rmsprop'] } },
      { name: 'depth', chosen: 12, space: { kind: 'range' as const, min: 2, max: 10 } },
    ],
  };

  test('a row per hyperparameter, 46 px apart: tracks from 0 to 1 on the −0.04–1.12 axis of 420 px', () => {
    const svg = drawSearchSpace(data)?.toSvg({}) ?? '';
    // 0 is at 420 × 0.04 / 1.16 = 14.48 px, 1 at 420 × 1.04 / 1.16 = 376.55 px; rows centred at 23, 69, 115.
    expect(svg).toContain(
      '<path d="M14.48,23h362.07M14.48,69h362.07M14.48,115h362.07" stroke="#8c959f" stroke-width="6" stroke-linecap="round"/>',
    );
    expect(texts(svg)).toEqual([
      'learning_rate',
      'optimizer',
      'depth',
      'range, log',
      '3 choices',
      'range',
      '0.0001',
      '0.1',
      'sgd',
      'adam',
      'rmsprop',
      '2',
      '10',
      '0.001',
      'adam',
      '12',
      'chosen value',
      'outside the search space',
    ]);
  });

  test('the chosen values: 0.001 a third of the way along a log range of 10⁻⁴–10⁻¹, 12 outside 2–10 in red at 1.08', () => {
    const svg = drawSearchSpace(data)?.toSvg({}) ?? '';
    // 14.48 + 362.07 / 3 = 135.17 (the path starts at its right, + radius √90 / 2 = 4.74); 420 × 1.12 / 1.16 = 405.52.
    expect(svg).toMatch(/M139\.92,23A4\.74,4\.74,0,1,1,130\.43,23[^"]*M200\.26,69[^"]*" fill="#3b82f6"/);
    expect(svg).toMatch(/M410\.26,115A4\.74,4\.74,0,1,1,400\.77,115[^"]*" fill="#dc2626"/);
  });

  test('no hyperparameters: left to Vega', () => {
    expect(drawSearchSpace({ params: [] })).toBeUndefined();
  });
});
