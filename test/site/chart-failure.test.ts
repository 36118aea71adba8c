import { describe, expect, test, vi } from 'vitest';
import type { ChartView } from '../../src/charts/types.ts';
import { renderChartBlocks } from '../../src/site/chart-blocks.ts';
import { templateRecord } from '../charts/fixtures.ts';

// One chart Vega cannot draw: every other chart of the page is drawn as usual.
vi.mock('../../src/charts/render.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/charts/render.ts')>();
  return {
    ...actual,
    renderChartView: (view: ChartView, options?: Parameters<typeof actual.renderChartView>[1]) =>
      view.id === 'confusion-matrix' ? Promise.reject(new Error('Expression parse error: boom')) : actual.renderChartView(view, options),
  };
});

describe('a chart that cannot be drawn', () => {
  test(
    'costs that chart only: its block says why (with its data table), and the build warns, naming the page',
    { timeout: 60_000 },
    async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const sections = await renderChartBlocks({ record: templateRecord, headlineMetric: 'Accuracy' }, { cacheDir: null });
      const blocks = sections.flatMap(([, list]) => list);
      const failed = blocks.find((b) => b.id === 'confusion-matrix');
      expect(failed).toMatchObject({ svg: '', error: 'Expression parse error: boom' });
      expect(failed?.tableHtml).toContain('<tbody>');
      expect(blocks.filter((b) => b.id !== 'confusion-matrix').every((b) => b.svg.startsWith('<svg') && b.error === undefined)).toBe(true);
      expect(warn).toHaveBeenCalledWith(
        `logbook: warning: experiment ${templateRecord.id}: the chart "${failed?.title}" (#confusion-matrix) could not be drawn: Expression parse error: boom`,
      );
      warn.mockRestore();
    },
  );
});
