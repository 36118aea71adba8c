import { expect, test, vi } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { learningRateSpec } from '../../src/charts/learning-rate.ts';

// The scenegraph is never as the reduction expects: the chart must be drawn from all its points.
const patched = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/charts/reduce-lines.ts', async (original) => ({
  ...(await original<typeof import('../../src/charts/reduce-lines.ts')>()),
  patchLines: () => {
    patched.calls += 1;
    return undefined;
  },
}));

test('a reduced line the scenegraph does not hold as expected is drawn from every point instead', async () => {
  const spec = learningRateSpec({
    points: Array.from({ length: 80 }, (_v, i) => ({ epoch: i + 1, learningRate: 0.01 + 0.001 * Math.sin(i) })),
  });
  const reduced = await renderChartSvg(spec);
  expect(patched.calls).toBe(1);
  expect(reduced.linesReduced).toBe(0);
  const full = await renderChartSvg(spec, { reduceLines: false, reuseViews: false });
  expect(reduced.svg).toBe(full.svg);
  // 80 points: the longest path is the line, of 79 segments.
  const segments = [...reduced.svg.matchAll(/\sd="(M[^"]*)"/g)].map((m) => (m[1] ?? '').split('l').length - 1);
  expect(Math.max(...segments)).toBe(79);
});
