/**
 * Logbook's 95% intervals against statsmodels' (the venv's pinned version): the Wilson interval of a
 * proportion, and Newcombe's hybrid score interval of a difference of two — directly, and as the
 * analysis builds them for a change against the parent (two proportions of known test sets) and
 * for a fairness gap between two groups of known sizes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { differenceInterval, wilsonInterval } from '../../src/analysis/stats.ts';
import { computeParentDeltas } from '../../src/analysis/deltas.ts';
import { computeFairnessGaps } from '../../src/analysis/fairness.ts';
import { ExperimentSchema } from '../../src/schema/index.ts';
import { ROOT } from './helpers.ts';

type Case = { wilson: [number, number] } | { newcomb: [number, number, number, number] };

/** statsmodels' intervals of `cases`, in order. */
function statsmodels(cases: readonly Case[]): [number, number][] {
  const python = process.env['INTEROP_PYTHON'] ?? 'python3';
  const result = spawnSync(python, [join(ROOT, 'test', 'interop', 'intervals.py')], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`intervals.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as [number, number][];
}

/** A deterministic stream of numbers in [0, 1) (a linear congruential generator). */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const PROPORTIONS = [0, 0.001, 0.05, 0.5, 0.873, 0.999, 1];
const SIZES = [1, 7, 30, 100, 1000, 78000];

/** Two proportions of counts and their sizes: edge cases, then random ones (counts whole, as a test set's are). */
function pairs(): [number, number, number, number][] {
  const next = numbers(17);
  const random = Array.from({ length: 120 }, (): [number, number, number, number] => {
    const n1 = 5 + Math.floor(next() * 50000);
    const n2 = 5 + Math.floor(next() * 50000);
    return [Math.floor(next() * (n1 + 1)), n1, Math.floor(next() * (n2 + 1)), n2];
  });
  return [[0, 10, 0, 10], [10, 10, 0, 10], [60, 100, 40, 100], [2, 2, 0, 1], [68094, 78000, 62280, 72000], ...random];
}

describe('95% intervals against statsmodels', () => {
  test('the Wilson interval of a proportion, over the edge cases of p and n', () => {
    const grid = PROPORTIONS.flatMap((p) => SIZES.map((n) => [p, n] as const));
    const expected = statsmodels(grid.map(([p, n]) => ({ wilson: [p * n, n] })));
    grid.forEach(([p, n], i) => {
      const ours = wilsonInterval(p, n);
      expect(ours?.low, `p = ${p}, n = ${n}`).toBeCloseTo(expected[i]?.[0] ?? NaN, 10);
      expect(ours?.high, `p = ${p}, n = ${n}`).toBeCloseTo(expected[i]?.[1] ?? NaN, 10);
    });
  });

  test('Newcombe’s interval of a difference of two proportions, from their Wilson intervals', () => {
    const cases = pairs();
    const expected = statsmodels(cases.map((c) => ({ newcomb: c })));
    cases.forEach(([c1, n1, c2, n2], i) => {
      const a = wilsonInterval(c1 / n1, n1);
      const b = wilsonInterval(c2 / n2, n2);
      if (a === null || b === null) throw new Error('no Wilson interval');
      const ours = differenceInterval({ value: c1 / n1, ...a }, { value: c2 / n2, ...b });
      expect(ours.low, `${c1}/${n1} − ${c2}/${n2}`).toBeCloseTo(expected[i]?.[0] ?? NaN, 10);
      expect(ours.high, `${c1}/${n1} − ${c2}/${n2}`).toBeCloseTo(expected[i]?.[1] ?? NaN, 10);
    });
  });

  test('a change of accuracy against the parent, both with known test sets, is Newcombe’s interval', () => {
    const cases = pairs().filter(([, n1, , n2]) => n1 >= 30 && n2 >= 30);
    const expected = statsmodels(cases.map((c) => ({ newcomb: c })));
    cases.forEach(([c1, n1, c2, n2], i) => {
      const child = ExperimentSchema.parse({
        id: 'child',
        lineage: { parent: 'parent' },
        evaluation: { testSetSize: n1, testMetrics: [{ metric: 'Accuracy', value: c1 / n1 }] },
      });
      const parent = ExperimentSchema.parse({
        id: 'parent',
        evaluation: { testSetSize: n2, testMetrics: [{ metric: 'Accuracy', value: c2 / n2 }] },
      });
      const delta = computeParentDeltas(child, parent).deltas[0];
      expect(delta?.method).toBe('two-proportion');
      expect(delta?.ciLow, `${c1}/${n1} − ${c2}/${n2}`).toBeCloseTo(expected[i]?.[0] ?? NaN, 9);
      expect(delta?.ciHigh, `${c1}/${n1} − ${c2}/${n2}`).toBeCloseTo(expected[i]?.[1] ?? NaN, 9);
    });
  });

  test('a fairness gap between two groups of known sizes is Newcombe’s interval of the higher minus the lower', () => {
    const cases = pairs().filter(([c1, n1, c2, n2]) => n1 >= 30 && n2 >= 30 && c1 / n1 !== c2 / n2);
    // The gap is the higher group's value minus the lower's.
    const ordered = cases.map(([c1, n1, c2, n2]): [number, number, number, number] =>
      c1 / n1 > c2 / n2 ? [c1, n1, c2, n2] : [c2, n2, c1, n1],
    );
    const expected = statsmodels(ordered.map((c) => ({ newcomb: c })));
    ordered.forEach(([c1, n1, c2, n2], i) => {
      const [gap] = computeFairnessGaps([
        { group: 'a', metrics: { Accuracy: c1 / n1 }, n: n1 },
        { group: 'b', metrics: { Accuracy: c2 / n2 }, n: n2 },
      ]);
      expect(gap?.ciLow, `${c1}/${n1} vs ${c2}/${n2}`).toBeCloseTo(expected[i]?.[0] ?? NaN, 9);
      expect(gap?.ciHigh, `${c1}/${n1} vs ${c2}/${n2}`).toBeCloseTo(expected[i]?.[1] ?? NaN, 9);
    });
  });
});
