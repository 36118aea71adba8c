/**
 * The learning-rate, lineage-trend, search-space and compare-params drawings against Vega on inputs
 * chosen to reach their edges: one point or category, many, long labels cut at their limit, negative
 * and equal values, missing optional parts, log axes over few and many decades, names with `<`, `&`
 * and quotes. Each drawing must be exactly as large as Vega's SVG of the same spec and show the same
 * texts.
 */
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { drawChart, type ChartDrawing } from '../../../src/charts/draw/index.ts';
import { renderChartSvg } from '../../../src/charts/render.ts';
import { learningRateSpec } from '../../../src/charts/learning-rate.ts';
import { lineageTrendSpec } from '../../../src/charts/lineage-trend.ts';
import { searchSpaceSpec } from '../../../src/charts/search-space.ts';
import { compareParamsSpec } from '../../../src/charts/compare.ts';
import { CHART_SIZES } from '../../../src/charts/theme.ts';
import type { ChartDatum, LearningRateData, LineageTrendData, SearchSpaceData } from '../../../src/charts/types.ts';
import { sortedTexts } from './placed.ts';

const HOSTILE = 'a <b> & "c" \'d\'';
const LONG = 'a_very_long_name_'.repeat(12);

const lr = (rates: number[], epochs?: number[]): LearningRateData => ({
  points: rates.map((learningRate, i) => ({ epoch: epochs?.[i] ?? i + 1, learningRate })),
});
const learningRates: [string, LearningRateData][] = [
  ['falling linear', lr([0.001, 0.0008, 0.0005, 0.0002])],
  ['constant', lr([0.1, 0.1, 0.1])],
  ['constant, three digits', lr([0.123, 0.123])],
  ['two points', lr([0.3, 0.25])],
  ['one epoch twice', lr([0.3, 0.2], [5, 5])],
  ['fractional epochs', lr([0.01, 0.009, 0.007], [0.5, 1, 1.5])],
  ['steps in the thousands', { ...lr([0.02, 0.015, 0.01], [1000, 50000, 120000]), axis: 'step' }],
  ['many points, no markers', lr(Array.from({ length: 90 }, (_, i) => 0.05 * (1 + Math.cos((i / 90) * Math.PI)) + 0.001))],
  ['negative', lr([-0.2, 0.1, 0.3])],
  ['log, two decades', lr([0.1, 0.01, 0.001])],
  ['log, just over one decade', lr([0.001, 0.0003, 0.00008])],
  ['log, five decades', lr([1, 0.1, 0.01, 0.001, 0.0001, 0.00001])],
  ['log, nine decades', lr([1e-1, 1e-4, 1e-7, 1e-10])],
  ['log, tiny rates', lr([3e-7, 2e-8, 5e-9])],
  ['log, warmup then decay', lr([1e-5, 1e-4, 1e-3, 5e-4, 1e-4, 2e-5], [0, 1, 2, 10, 20, 30])],
  ['log, above one', lr([2, 30, 400])],
];

const chain = (values: number[], ids?: string[]): LineageTrendData => ({
  metric: 'Accuracy',
  points: values.map((value, i) => ({ id: ids?.[i] ?? `exp-${i + 1}`, value, current: i === values.length - 1 })),
});
const lineages: [string, LineageTrendData][] = [
  ['two', chain([0.81, 0.86])],
  ['one', chain([0.8])],
  ['six', chain([0.81, 0.845, 0.86, 0.84, 0.9, 0.91])],
  ['equal values', chain([0.5, 0.5, 0.5])],
  ['negative values', chain([-1.5, 0.25, -0.75])],
  ['large values', chain([12345, 23456.7])],
  ['long ids', chain([0.1, 0.2], [LONG, `${LONG}-2`])],
  ['hostile names', { ...chain([0.3, 0.4], [HOSTILE, `${HOSTILE}2`]), metric: HOSTILE }],
  ['long metric', { ...chain([0.3, 0.4]), metric: `${LONG} score` }],
  ['metric with a line break', { ...chain([0.3, 0.4]), metric: 'val\nloss' }],
  ['reserved metric name', { ...chain([0.3, 0.4]), metric: 'constructor' }],
  [
    'no current',
    {
      metric: 'F1',
      points: [
        { id: 'a', value: 1 },
        { id: 'b', value: 2 },
      ],
    },
  ],
];

const searchSpaces: [string, SearchSpaceData][] = [
  [
    'mixed',
    {
      params: [
        { name: 'learning_rate', chosen: 0.001, space: { kind: 'range', min: 0.0001, max: 0.1 } },
        { name: 'optimizer', chosen: 'adam', space: { kind: 'choice', values: ['sgd', 'adam', 'rmsprop'] } },
        { name: 'depth', chosen: 12, space: { kind: 'range', min: 2, max: 10 } },
      ],
    },
  ],
  ['one range, no chosen value', { params: [{ name: 'dropout', chosen: undefined, space: { kind: 'range', min: 0, max: 0.5 } }] }],
  ['one choice', { params: [{ name: 'act', chosen: 'relu', space: { kind: 'choice', values: ['relu'] } }] }],
  ['empty range', { params: [{ name: 'seed', chosen: 7, space: { kind: 'range', min: 7, max: 7 } }] }],
  ['outside a choice', { params: [{ name: 'act', chosen: 'gelu', space: { kind: 'choice', values: ['relu', 'tanh'] } }] }],
  ['negative range', { params: [{ name: 'shift', chosen: -0.5, space: { kind: 'range', min: -1, max: 1, scale: 'linear' } }] }],
  ['booleans', { params: [{ name: 'bn', chosen: true, space: { kind: 'choice', values: [true, false] } }] }],
  [
    'hostile and long names',
    {
      params: [
        { name: HOSTILE, chosen: HOSTILE, space: { kind: 'choice', values: [HOSTILE, 'x'] } },
        { name: LONG, chosen: 3, space: { kind: 'range', min: 1, max: 1000, scale: 'log' } },
      ],
    },
  ],
  [
    'ten',
    {
      params: Array.from({ length: 10 }, (_, i) => ({
        name: `p${i}`,
        chosen: i,
        space: { kind: 'range' as const, min: 0, max: 2 * i + 1 },
      })),
    },
  ],
];

/** Parallel-coordinates rows as `paramsChart` writes them: `values[axis][experiment]`, null for none. */
function paramRows(axes: string[], ids: string[], values: (number | null)[][]): ChartDatum[] {
  return axes.flatMap((axis, aOrder) => [
    { axis, aOrder, track: true, experiment: null, eOrder: null, pos: null, label: null },
    ...ids.map((experiment, eOrder) => {
      const pos = values[aOrder]?.[eOrder] ?? null;
      return { axis, aOrder, track: false, experiment, eOrder, pos, label: pos === null ? '' : `v${pos}` };
    }),
  ]);
}
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `exp-${String(i).padStart(4, '0')}`);
const compareParams: [string, ChartDatum[]][] = [
  [
    'three experiments',
    paramRows(['lr', 'depth'], ids(3), [
      [0, 0.5, 1],
      [1, 0, 0.25],
    ]),
  ],
  [
    'a missing value breaks a line',
    paramRows(['lr', 'opt', 'acc'], ids(3), [
      [0, null, 1],
      [0.5, 0.5, 0],
      [0, 1, 0.2],
    ]),
  ],
  [
    'five experiments: two legend rows',
    paramRows(['a', 'b', 'c'], ids(5), [
      [0, 0.25, 0.5, 0.75, 1],
      [1, 0.5, 0, 0.5, 1],
      [0.5, 0.5, 0.5, 0.5, 0.5],
    ]),
  ],
  [
    'eleven experiments: colours wrap',
    paramRows(['a', 'b'], ids(11), [Array.from({ length: 11 }, (_, i) => i / 10), Array.from({ length: 11 }, (_, i) => 1 - i / 10)]),
  ],
  [
    'long and hostile names',
    paramRows(
      [LONG, HOSTILE],
      [HOSTILE, LONG, 'x'],
      [
        [0, 1, 0.5],
        [1, 0, 0.5],
      ],
    ),
  ],
];

const cases: [string, TopLevelSpec, ChartDrawing][] = [
  ...learningRates.map(([name, data]): [string, TopLevelSpec, ChartDrawing] => [
    `learning-rate: ${name}`,
    learningRateSpec(data),
    { kind: 'learning-rate', data },
  ]),
  ...lineages.map(([name, data]): [string, TopLevelSpec, ChartDrawing] => [
    `lineage-trend: ${name}`,
    lineageTrendSpec(data, CHART_SIZES.summary),
    { kind: 'lineage-trend', data, size: CHART_SIZES.summary },
  ]),
  ...searchSpaces.map(([name, data]): [string, TopLevelSpec, ChartDrawing] => [
    `search-space: ${name}`,
    searchSpaceSpec(data),
    { kind: 'search-space', data },
  ]),
  ...compareParams.map(([name, data]): [string, TopLevelSpec, ChartDrawing] => [
    `compare-params: ${name}`,
    compareParamsSpec(data),
    { kind: 'compare-params', data },
  ]),
];

describe('learning-rate, lineage-trend, search-space and compare-params drawings against Vega', () => {
  test.each(cases)('%s: same size and texts', async (_name, spec, drawing) => {
    const mine = drawChart(drawing, { title: 'T' });
    expect(mine).toBeDefined();
    const vega = await renderChartSvg(spec, { title: 'T', reuseViews: false });
    const size = (svg: string) => ({ width: Number(/width="(\d+)"/.exec(svg)?.[1]), height: Number(/height="(\d+)"/.exec(svg)?.[1]) });
    expect(size(mine as string)).toEqual(size(vega.svg));
    expect(sortedTexts(mine as string)).toEqual(sortedTexts(vega.svg));
  });
});
