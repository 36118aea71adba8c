import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { buildExperimentCharts } from '../../src/charts/build.ts';
import { chartSpecWithData } from '../../src/charts/payload.ts';
import {
  compileChartSpec,
  compileLogger,
  finishSvg,
  leanSvg,
  renderChartSvg,
  renderChartView,
  resetChartRenderCaches,
  splitChartSpec,
  svgSize,
} from '../../src/charts/render.ts';
import { confusionMatrixSpec } from '../../src/charts/confusion-matrix.ts';
import { RUNTIME_TRANSFORMS } from '../../src/client/chart-runtime.ts';
import { compareChartShapeSpecs } from '../../src/charts/compare-views.ts';
import type { ChartView } from '../../src/charts/types.ts';
import { templateRecord } from './fixtures.ts';
import { payloadSize } from './helpers.ts';

const lineageChain = [
  { id: 'exp-001', value: 0.8 },
  { id: 'exp-123', value: 0.869 },
];
const charts: ChartView[] = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy', lineageChain });

/** The same charts with different numbers (another experiment of the same shape). */
function otherCharts(): ChartView[] {
  const record = structuredClone(templateRecord);
  for (const row of record.training?.history ?? []) for (const k of Object.keys(row)) if (k !== 'epoch') row[k] = (row[k] ?? 0) * 0.5;
  record.evaluation!.confusionMatrix = {
    labels: ['Neg', 'Pos'],
    matrix: [
      [10, 90],
      [70, 30],
    ],
  };
  for (const m of record.evaluation?.testMetrics ?? []) if (typeof m.value === 'number') m.value = m.value / 2;
  return buildExperimentCharts({
    record,
    headlineMetric: 'Accuracy',
    lineageChain: [
      { id: 'x', value: 0.1 },
      { id: 'exp-123', value: 0.2 },
    ],
  });
}

beforeEach(() => resetChartRenderCaches());

describe('renderChartSvg', () => {
  test.each(charts.map((c) => [c.id, c] as const))('%s renders an accessible SVG with explicit size', async (_id, chart) => {
    const r = await renderChartView(chart);
    expect(r.svg.startsWith('<svg')).toBe(true);
    expect(r.width).toBeGreaterThan(100);
    expect(r.height).toBeGreaterThan(50);
    expect(r.svg).toMatch(new RegExp(`^<svg[^>]* width="${r.width}" height="${r.height}" viewBox="0 0 ${r.width} ${r.height}"`));
    const root = r.svg.slice(0, r.svg.indexOf('>'));
    expect(root).toContain(` role="img" aria-label="${chart.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
    // The description is the page's caption and the canvas's label, not repeated in the SVG.
    expect(r.svg).not.toContain('<desc>');
    expect(r.svg).not.toContain('<title>');
  });

  test.each(charts.map((c) => [c.id, c] as const))(
    '%s is byte-identical across two renders and equal to a fresh View after a data swap',
    async (_id, chart) => {
      const other = otherCharts().find((c) => c.id === chart.id);
      const first = await renderChartView(chart);
      if (other !== undefined) await renderChartView(other); // the shared view now holds other data
      const swapped = await renderChartView(chart);
      const fresh = await renderChartView(chart, { reuseViews: false });
      resetChartRenderCaches();
      const afterReset = await renderChartView(chart);
      expect(swapped.svg).toBe(first.svg);
      expect(fresh.svg).toBe(first.svg);
      expect(afterReset.svg).toBe(first.svg);
    },
  );

  test('charts of one shape share one compiled Vega spec', async () => {
    const a = await renderChartSvg(
      confusionMatrixSpec({
        labels: ['a', 'b'],
        matrix: [
          [1, 2],
          [3, 4],
        ],
      }),
    );
    const b = await renderChartSvg(
      confusionMatrixSpec({
        labels: ['x', 'y'],
        matrix: [
          [5, 6],
          [7, 9],
        ],
      }),
    );
    expect(b.vgSpec).toBe(a.vgSpec);
    expect(a.svg).not.toBe(b.svg);
    expect(a.svg).toContain('>a<');
  });

  test('concurrent renders on a shared view do not mix data', async () => {
    const specs = [1, 2, 3, 4].map((k) =>
      confusionMatrixSpec({
        labels: ['a', 'b'],
        matrix: [
          [k, 100 * k],
          [1000 * k, 7],
        ],
      }),
    );
    const together = await Promise.all(specs.map((s) => renderChartSvg(s)));
    resetChartRenderCaches();
    for (const [i, spec] of specs.entries()) expect(together[i]?.svg).toBe((await renderChartSvg(spec, { reuseViews: false })).svg);
  });

  test('gives Vega copies of the data, never the spec objects', async () => {
    const chart = charts[0] as ChartView;
    const before = JSON.stringify(chart.spec);
    await renderChartView(chart);
    expect(JSON.stringify(chart.spec)).toBe(before);
  });
});

describe('compileLogger', () => {
  test("drops only Vega-Lite's faceted-independent-scales warning, which the compare charts trigger by design", () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const logger = compileLogger();
      logger.warn('Detected faceted independent scales that union domain of the same fields from different source. We will assume…');
      expect(spy).not.toHaveBeenCalled();
      logger.warn('Invalid field type "x" for channel "y".');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]?.join(' ')).toContain('Invalid field type');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('finishSvg', () => {
  test('renames ids in order of appearance with the prefix and names the image by its title', () => {
    const svg =
      '<svg width="10" height="5" viewBox="0 0 10 5"><g clip-path="url(#clip7)"/><defs><clipPath id="clip7"/><clipPath id="clip9"/></defs><g clip-path="url(#clip9)"/></svg>';
    expect(finishSvg(svg, { prefix: 'p', title: 'A & B' })).toBe(
      '<svg width="10" height="5" viewBox="0 0 10 5" role="img" aria-label="A &amp; B"><g clip-path="url(#p-0)"/><defs><clipPath id="p-0"/><clipPath id="p-1"/></defs><g clip-path="url(#p-1)"/></svg>',
    );
  });
  test('rounds geometry to two decimals but never text such as tick labels', () => {
    const svg =
      '<svg width="10" height="5"><path d="M14.482758620689655,362.06896551724134L-0.0012,3Z"/><g transform="translate(0.5,0.5)"><text x="1.23456">0.00025</text></g></svg>';
    // 14.4827… → 14.48, 362.0689… → 362.07, −0.0012 → 0 (not −0); the label 0.00025 stays as written. (A closed path: an open polyline is written relative by compactSvg.)
    expect(finishSvg(svg, { prefix: 'p' })).toBe(
      '<svg width="10" height="5" role="img"><path d="M14.48,362.07L0,3Z"/><g transform="translate(0.5,0.5)"><text x="1.23">0.00025</text></g></svg>',
    );
  });
  test('svgSize reads the root attributes', () => {
    expect(svgSize('<svg class="marks" width="592" height="386" viewBox="0 0 592 386"><rect width="1" height="2"/></svg>')).toEqual({
      width: 592,
      height: 386,
    });
  });
});

describe('chartSpecWithData and the client runtime', () => {
  test('puts each named dataset into the compiled spec, leaving derived data and the shape itself alone', () => {
    const shape = { data: [{ name: 'table' }, { name: 'data_0', source: 'table' }, { name: 'other' }] };
    const before = JSON.stringify(shape);
    expect(chartSpecWithData(shape, { table: [{ label: '</script><b>&' }] })).toEqual({
      data: [{ name: 'table', values: [{ label: '</script><b>&' }] }, { name: 'data_0', source: 'table' }, { name: 'other' }],
    });
    expect(JSON.stringify(shape)).toBe(before);
    expect(chartSpecWithData({ signals: [] }, { table: [] })).toEqual({ signals: [] });
  });

  test('every transform the compiled chart specs use is registered by the runtime', () => {
    const used = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (Array.isArray(o['transform']))
          for (const t of o['transform'] as { type?: string }[]) if (typeof t.type === 'string') used.add(t.type.toLowerCase());
        Object.values(o).forEach(walk);
      }
    };
    for (const spec of [...charts, ...otherCharts()].map((c) => c.spec)) walk(compileChartSpec(spec));
    for (const { spec } of compareChartShapeSpecs()) walk(compileChartSpec(spec));
    expect(used.size).toBeGreaterThan(0);
    for (const t of used) expect(RUNTIME_TRANSFORMS, t).toContain(t);
  });

  test.each(charts.map((c) => [c.id, c] as const))('%s payload renders at the static SVG size', async (_id, chart) => {
    const r = await renderChartView(chart);
    expect(await payloadSize(r)).toEqual({ width: r.width, height: r.height });
  });
});

test('splitChartSpec keeps data and description out of the shape', () => {
  const spec = { mark: 'point', description: 'd', datasets: { table: [{ a: 1 }] }, data: { name: 'table' } } as TopLevelSpec;
  expect(splitChartSpec(spec)).toEqual({
    shape: { mark: 'point', data: { name: 'table' } },
    data: { table: [{ a: 1 }] },
    description: 'd',
  });
});

describe('leanSvg', () => {
  test('drops default attributes and empty backgrounds, and sets the common font once on the root', () => {
    const font = 'system-ui, sans-serif';
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="10"><g fill="none" stroke-miterlimit="4" transform="translate(0,0)">` +
      `<path class="background" aria-hidden="true" d="M0,0h0v0h0Z" pointer-events="none"/>` +
      `<text font-family="${font}" fill="#1f2328" opacity="1">a</text>` +
      `<text font-family="${font}" opacity="0.5">b</text>` +
      `<text font-family="monospace">c</text></g></svg>`;
    expect(leanSvg(svg)).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" font-family="${font}"><g fill="none">` +
        `<text fill="#1f2328">a</text>` +
        `<text opacity="0.5">b</text>` +
        `<text font-family="monospace">c</text></g></svg>`,
    );
  });

  test('leaves an SVG without text fonts as it is, but for defaults', () => {
    expect(leanSvg('<svg><rect opacity="1" width="2"/></svg>')).toBe('<svg><rect width="2"/></svg>');
  });
});
