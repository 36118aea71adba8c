import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { LINE_FIELD, lineLayers, patchLines, reduceLines, type LineLayer } from '../../src/charts/reduce-lines.ts';
import { renderChartSvg, splitChartSpec } from '../../src/charts/render.ts';
import { trainingCurvesSpec } from '../../src/charts/training-curves.ts';
import { learningRateSpec } from '../../src/charts/learning-rate.ts';
import { compareCurvesSpec } from '../../src/charts/compare.ts';
import type { ChartDatum, TrainingSeries } from '../../src/charts/types.ts';

const epochs = (n: number): number[] => Array.from({ length: n }, (_v, i) => i + 1);

function series(
  name: string,
  kind: TrainingSeries['kind'],
  split: TrainingSeries['split'],
  n: number,
  at: (e: number) => number,
): TrainingSeries {
  return { name, kind, split, points: epochs(n).map((epoch) => ({ epoch, value: at(epoch) })) };
}

/** Training curves of `n` epochs: two losses and an accuracy, the best epoch marked. */
function curves(n: number): TopLevelSpec {
  return trainingCurvesSpec({
    series: [
      series('Train Loss', 'loss', 'train', n, (e) => 1 / e + 0.05 * Math.sin(e)),
      series('Val Loss', 'loss', 'validation', n, (e) => 1.1 / e + 0.07 * Math.cos(e)),
      series('Val Acc', 'score', 'validation', n, (e) => 0.9 - 0.4 / e + 0.01 * Math.sin(3 * e)),
    ],
    bestEpoch: Math.round(n * 0.7),
    bestValues: [{ series: 'Val Loss', value: 0.2 }],
  });
}

function compareCurves(n: number): TopLevelSpec {
  const rows: ChartDatum[] = [];
  ['Loss', 'Accuracy'].forEach((panel, pOrder) =>
    ['exp-a', 'exp-b'].forEach((experiment, eOrder) => {
      for (const epoch of epochs(n)) {
        const value = panel === 'Loss' ? (1 + eOrder) / epoch : 0.9 - 0.3 / (epoch + eOrder);
        rows.push({ panel, pOrder, series: panel, experiment, eOrder, epoch, value });
      }
    }),
  );
  return compareCurvesSpec(rows);
}

const shapeOf = (spec: TopLevelSpec): object => splitChartSpec(spec).shape;

describe('lineLayers: the datasets drawn only by lines', () => {
  test('training curves without markers: each panel’s values, one line per series and split', () => {
    expect(lineLayers(shapeOf(curves(100)))).toEqual([
      { data: 'loss_values', x: 'epoch', y: 'value', yLog: false, by: ['series', 'split'] },
      { data: 'score_values', x: 'epoch', y: 'value', yLog: false, by: ['series', 'split'] },
    ]);
  });

  test('a line with point markers draws every point: nothing to reduce', () => {
    expect(lineLayers(shapeOf(curves(12)))).toEqual([]);
  });

  test('faceted lines are named by the facet field and the colour', () => {
    expect(lineLayers(shapeOf(compareCurves(60)))).toEqual([
      { data: 'table', x: 'epoch', y: 'value', yLog: false, by: ['panel', 'eOrder'] },
    ]);
  });

  test('a log y scale is mapped in log space', () => {
    const points = epochs(60).map((epoch) => ({ epoch, learningRate: 0.1 * 0.9 ** epoch }));
    expect(lineLayers(shapeOf(learningRateSpec({ points })))).toEqual([
      { data: 'table', x: 'epoch', y: 'learningRate', yLog: true, by: [] },
    ]);
  });

  const line = { mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } };
  test.each([
    ['another mark reads the dataset', { data: { name: 't' }, layer: [line, { ...line, mark: 'point' }] }],
    ['a transform filters it', { data: { name: 't' }, transform: [{ filter: 'datum.y > 0' }], ...line }],
    ['the line is curved', { data: { name: 't' }, ...line, mark: { type: 'line', interpolate: 'monotone' } }],
    [
      'it is aggregated',
      { data: { name: 't' }, ...line, encoding: { ...line.encoding, y: { field: 'y', type: 'quantitative', aggregate: 'mean' } } },
    ],
    [
      'points are ordered by a field',
      { data: { name: 't' }, ...line, encoding: { ...line.encoding, order: { field: 'o', type: 'quantitative' } } },
    ],
    [
      'a quantitative colour',
      { data: { name: 't' }, ...line, encoding: { ...line.encoding, color: { field: 'c', type: 'quantitative' } } },
    ],
    ['x is temporal', { data: { name: 't' }, ...line, encoding: { ...line.encoding, x: { field: 'x', type: 'temporal' } } }],
    ['the data is inline', { data: { values: [] }, ...line }],
  ])('kept whole when %s', (_why, spec) => {
    expect(lineLayers(spec)).toEqual([]);
  });
});

describe('reduceLines', () => {
  const layer: LineLayer = { data: 't', x: 'x', y: 'y', yLog: false, by: ['s'] };

  test('a line keeps its first, lowest, highest and last point, in order, tagged with its line', () => {
    // y = 5 3 9 4 7 6 at x = 1…6: first x=1, lowest x=2 (3), highest x=3 (9), last x=6.
    const rows = [5, 3, 9, 4, 7, 6].map((y, i) => ({ s: 'a', x: i + 1, y }));
    const out = reduceLines({ t: rows, other: [{ v: 1 }] }, [layer]);
    expect(out.data['t']).toEqual([
      { s: 'a', x: 1, y: 5, [LINE_FIELD]: 0 },
      { s: 'a', x: 2, y: 3, [LINE_FIELD]: 0 },
      { s: 'a', x: 3, y: 9, [LINE_FIELD]: 0 },
      { s: 'a', x: 6, y: 6, [LINE_FIELD]: 0 },
    ]);
    expect(out.data['other']).toEqual([{ v: 1 }]);
    expect(out.lines).toEqual([{ layer, rows }]);
  });

  test('lines interleaved in the data stay interleaved; the first of equal extremes is kept', () => {
    const rows = epochs(6).flatMap((x) => [
      { s: 'a', x, y: 1 },
      { s: 'b', x, y: x },
    ]);
    const out = reduceLines({ t: rows }, [layer]);
    // a: flat (lowest = highest = the first point) → x 1 and 6; b: rising → x 1 and 6.
    expect(out.data['t']?.map((r) => `${String(r['s'])}${String(r['x'])}`)).toEqual(['a1', 'b1', 'a6', 'b6']);
    expect(out.lines.map((l) => l.rows.length)).toEqual([6, 6]);
  });

  test.each([
    ['a missing value (the path breaks there)', [1, 2, null, 4, 5, 6]],
    ['at most four points', [1, 2, 3, 4]],
  ])('a line with %s is kept whole', (_why, ys) => {
    const rows = ys.map((y, i) => ({ s: 'a', x: i + 1, y }));
    const out = reduceLines({ t: rows }, [layer]);
    expect(out.data['t']).toEqual(rows);
    expect(out.lines).toEqual([]);
  });

  test('x repeated or out of order, or a log line reaching zero, is kept whole', () => {
    const repeated = [1, 2, 2, 3, 4, 5].map((x, i) => ({ s: 'a', x, y: i }));
    const zero = [0, 1, 2, 3, 4, 5].map((y, i) => ({ s: 'a', x: i + 1, y }));
    expect(reduceLines({ t: repeated }, [layer]).lines).toEqual([]);
    expect(reduceLines({ t: zero }, [{ ...layer, yLog: true }]).lines).toEqual([]);
    expect(reduceLines({ t: zero }, [layer]).lines).toHaveLength(1);
  });
});

describe('patchLines', () => {
  const layer: LineLayer = { data: 't', x: 'x', y: 'y', yLog: false, by: [] };
  const rows = [5, 3, 9, 4, 7, 6].map((y, i) => ({ x: i + 1, y }));

  /** A scenegraph of one line mark drawn from `reduced` rows at x = 20·(x − 1), y = 100 − 10·y. */
  function scene(reducedRows: readonly ChartDatum[]) {
    const mark = {
      marktype: 'line',
      items: reducedRows.map((datum) => ({
        x: 20 * ((datum['x'] as number) - 1),
        y: 100 - 10 * (datum['y'] as number),
        stroke: 'red',
        datum,
      })),
    };
    return { root: { marktype: 'group', items: [{ items: [mark] }] }, mark };
  }

  test('gives the mark every point, placed by the mapping its reduced points show, and puts them back', () => {
    const reduced = reduceLines({ t: rows }, [layer]);
    const { root, mark } = scene(reduced.data['t'] ?? []);
    const before = mark.items;
    const restore = patchLines(root, reduced);
    expect(restore).toBeTypeOf('function');
    // x 1…6 → 0, 20, …, 100; y 5 3 9 4 7 6 → 50, 70, 10, 60, 30, 40.
    expect(mark.items.map((i) => [i.x, i.y])).toEqual([
      [0, 50],
      [20, 70],
      [40, 10],
      [60, 60],
      [80, 30],
      [100, 40],
    ]);
    expect(mark.items.every((i) => i.stroke === 'red')).toBe(true);
    expect(mark.items.map((i) => i.datum)).toEqual(rows);
    restore?.();
    expect(mark.items).toBe(before);
  });

  test('a log line is placed linearly in log y', () => {
    const logRows = [1, 10, 100, 1000, 10000, 100000].map((y, i) => ({ x: i + 1, y }));
    const reduced = reduceLines({ t: logRows }, [{ ...layer, yLog: true }]);
    // The reduced points: x 1 (y 1 → 100 px) and x 6 (y 100000 → 0 px): 20 px per decade.
    const mark = {
      marktype: 'line',
      items: (reduced.data['t'] ?? []).map((datum) => ({
        x: 20 * ((datum['x'] as number) - 1),
        y: 100 - 20 * Math.log10(datum['y'] as number),
        datum,
      })),
    };
    expect(patchLines({ items: [{ items: [mark] }] }, reduced)).toBeTypeOf('function');
    expect(mark.items.map((i) => Math.round(i.y * 1e9) / 1e9)).toEqual([100, 80, 60, 40, 20, 0]);
  });

  test('refuses a scenegraph that does not hold each reduced line as one mark of its reduced points', () => {
    const two = reduceLines({ t: [...rows.map((r) => ({ ...r, s: 'a' })), ...rows.map((r) => ({ ...r, s: 'b' }))] }, [
      { ...layer, by: ['s'] },
    ]);
    // Both lines in one mark (Vega grouped them as one line).
    expect(patchLines(scene(two.data['t'] ?? []).root, two)).toBeUndefined();
    const one = reduceLines({ t: rows }, [layer]);
    // A point missing (Vega dropped it), or the line not drawn at all.
    expect(patchLines(scene((one.data['t'] ?? []).slice(1)).root, one)).toBeUndefined();
    expect(patchLines({ marktype: 'group', items: [] }, one)).toBeUndefined();
  });
});

describe('rendered from the reduced lines', () => {
  const pathPoints = (svg: string): number[] =>
    [...svg.matchAll(/<path\b[^>]*\sd="(M[^"]*)"/g)].map((m) => (m[1] ?? '').split(/[lL]/).length).filter((n) => n > 50);

  test.each([
    ['training curves, 100 epochs', curves(100), 3],
    ['overlaid compare curves, 60 epochs', compareCurves(60), 4],
    [
      'a learning-rate schedule on a log scale',
      learningRateSpec({ points: epochs(80).map((epoch) => ({ epoch, learningRate: 0.1 * 0.95 ** epoch })) }),
      1,
    ],
  ])('%s: the same SVG as from every point, each line with all its points', async (_name, spec, lines) => {
    const full = await renderChartSvg(spec, { reduceLines: false, reuseViews: false });
    const reduced = await renderChartSvg(spec, { reuseViews: false });
    expect(full.linesReduced).toBe(0);
    expect(reduced.linesReduced).toBe(lines);
    expect(reduced.svg).toBe(full.svg);
    expect(pathPoints(reduced.svg)).toHaveLength(lines);
  });

  test('on a reused view, after charts of other lengths, still the same SVG as from every point', async () => {
    const specs = [curves(100), curves(60), curves(200), curves(100)];
    const reused = [];
    for (const spec of specs) {
      const rendered = await renderChartSvg(spec);
      expect(rendered.linesReduced).toBe(3);
      reused.push(rendered.svg);
    }
    const fresh = [];
    for (const spec of specs) fresh.push((await renderChartSvg(spec, { reduceLines: false, reuseViews: false })).svg);
    expect(reused).toEqual(fresh);
    expect(reused[0]).toBe(reused[3]);
  });
});
