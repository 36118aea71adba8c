/** Rows of the compare charts for the drawings' tests: typical and awkward data, as `compare-views.ts` builds them. */
import type { ChartDatum } from '../../../src/charts/types.ts';

const LONG = 'an-experiment-with-a-very-long-identifier-that-runs-well-beyond-the-label-limit-of-the-axis-and-legend-0001';

/** One test-metrics row. */
function tm(metric: string, mOrder: number, experiment: string, eOrder: number, value: number, ci?: [number, number]): ChartDatum {
  return {
    metric,
    mOrder,
    experiment,
    eOrder,
    value,
    low: ci?.[0] ?? null,
    high: ci?.[1] ?? null,
    label: String(value),
    interval: ci === undefined ? '' : `[${ci[0]}, ${ci[1]}]`,
  };
}

/** Test-metrics inputs, by name. */
export const TEST_METRICS_CASES: [string, ChartDatum[]][] = [
  [
    'two experiments with CIs',
    [tm('Accuracy', 0, 'exp-a', 0, 0.863, [0.851, 0.875]), tm('Accuracy', 0, 'exp-b', 1, 0.861, [0.849, 0.873])],
  ],
  ['one experiment, one metric', [tm('F1', 0, 'solo', 0, 0.5)]],
  [
    'many experiments (palette cycles) and metrics',
    Array.from({ length: 12 }, (_, e) =>
      ['Accuracy', 'Recall', 'AUC'].map((m, i) =>
        tm(m, i, `run-${String(e).padStart(3, '0')}`, e, 0.5 + e * 0.01 + i * 0.1, [0.45 + e * 0.01, 0.55 + e * 0.012 + i * 0.1]),
      ),
    ).flat(),
  ],
  [
    'long names cut at the limits',
    [
      tm(`${LONG} metric name that is longer still`, 0, LONG, 0, 12.5),
      tm(`${LONG} metric name that is longer still`, 0, `${LONG}-b`, 1, 13.5),
    ],
  ],
  [
    'negative values',
    [
      tm('Delta', 0, 'a', 0, -0.42, [-0.6, -0.2]),
      tm('Delta', 0, 'b', 1, 0.13, [-0.05, 0.3]),
      tm('Log-loss', 1, 'a', 0, -3),
      tm('Log-loss', 1, 'b', 1, -2.5),
    ],
  ],
  ['values equal, no CI', [tm('Accuracy', 0, 'a', 0, 0.9), tm('Accuracy', 0, 'b', 1, 0.9)]],
  ['values equal with equal CIs', [tm('Accuracy', 0, 'a', 0, 0.9, [0.9, 0.9]), tm('Accuracy', 0, 'b', 1, 0.9, [0.9, 0.9])]],
  [
    'CI on some rows only',
    [
      tm('Accuracy', 0, 'a', 0, 0.7),
      tm('Accuracy', 0, 'b', 1, 0.8, [0.75, 0.85]),
      tm('Recall', 1, 'a', 0, 0.61, [0.5, 0.7]),
      tm('Recall', 1, 'b', 1, 0.66),
    ],
  ],
  [
    'names with <, & and quotes',
    [tm('F1 <macro> & "micro"', 0, "o'brien<1>", 0, 0.3), tm('F1 <macro> & "micro"', 0, 'a&b "quoted"', 1, 0.35)],
  ],
  [
    'an experiment missing from a panel, places with a gap',
    [tm('Accuracy', 0, 'a', 1, 0.7), tm('Accuracy', 0, 'b', 3, 0.8), tm('Recall', 1, 'a', 1, 0.6)],
  ],
  ['large values', [tm('Latency ms', 0, 'a', 0, 12345.6, [12000, 13000]), tm('Latency ms', 0, 'b', 1, 999, [800, 1200])]],
  ['tiny differences', [tm('Accuracy', 0, 'a', 0, 0.99531), tm('Accuracy', 0, 'b', 1, 0.99562)]],
];

/** One curves row. */
function pt(panel: string, pOrder: number, experiment: string, eOrder: number, epoch: number, value: number): ChartDatum {
  return { panel, pOrder, series: panel, experiment, eOrder, epoch, value };
}

/** Points of one experiment in one panel: `f(epoch)` at epochs `from`..`to`. */
function curve(
  panel: string,
  pOrder: number,
  experiment: string,
  eOrder: number,
  from: number,
  to: number,
  f: (e: number) => number,
): ChartDatum[] {
  return Array.from({ length: to - from + 1 }, (_, i) => pt(panel, pOrder, experiment, eOrder, from + i, f(from + i)));
}

const loss = (k: number) => (e: number) => 1.2 / (1 + k * e) + 0.05;
const acc = (k: number) => (e: number) => 0.95 - 0.4 / (1 + k * e);

/** Curves inputs, by name. */
export const CURVES_CASES: [string, ChartDatum[]][] = [
  [
    'two experiments, four panels',
    ['Train Loss', 'Train Acc', 'Val Loss', 'Val Acc'].flatMap((p, i) =>
      [0, 1].flatMap((e) => curve(p, i, `exp-${e}`, e, 1, 25, i % 2 === 0 ? loss(0.2 + e * 0.1) : acc(0.2 + e * 0.1))),
    ),
  ],
  ['one panel', [0, 1].flatMap((e) => curve('Loss', 0, `exp-${e}`, e, 1, 10, loss(0.3 * (e + 1))))],
  [
    'three panels (an empty place in the last row)',
    ['A', 'Bb', 'C'].flatMap((p, i) => [0, 1].flatMap((e) => curve(p, i, `x${e}`, e, 1, 5, (ep) => (i + 1) * ep * (e + 1)))),
  ],
  [
    'five panels, eleven experiments (legend rows, palette cycles)',
    ['L', 'A', 'VL', 'VA', 'F1']
      .flatMap((p, i) =>
        Array.from({ length: 11 }, (_, e) => curve(p, i, `experiment-${e}`, e, 1, 8 + e, (ep) => Math.sin(ep / (e + 2)) + i)),
      )
      .flat(),
  ],
  [
    'steps in the thousands',
    [0, 1].flatMap((e) => Array.from({ length: 40 }, (_, i) => pt('Loss', 0, `run-${e}`, e, (i + 1) * 250, 2 / (1 + i) + e * 0.01))),
  ],
  [
    'negative values and equal values',
    [
      ...curve('Reward', 0, 'a', 0, 0, 20, (ep) => -100 + ep * 3),
      ...curve('Reward', 0, 'b', 1, 0, 12, (ep) => -80 + ep),
      ...curve('Const', 1, 'a', 0, 0, 20, () => 0.5),
      ...curve('Const', 1, 'b', 1, 0, 12, () => 0.5),
    ],
  ],
  [
    'long names cut at the limits',
    [0, 1].flatMap((e) => curve(`${LONG} validation mean average precision`, 0, `${LONG}-${e}`, e, 1, 6, acc(e + 1))),
  ],
  [
    'names with <, & and quotes',
    [0, 1].flatMap((e) => curve('Loss <train> & "val"', 0, e === 0 ? "o'brien<1>" : 'a&b "q"', e, 1, 6, loss(e + 1))),
  ],
  [
    'an experiment missing from a panel, unsorted epochs',
    [
      ...curve('Loss', 0, 'a', 0, 1, 9, loss(1)).reverse(),
      ...curve('Loss', 0, 'b', 1, 1, 5, loss(2)),
      ...curve('Acc', 1, 'a', 0, 1, 9, acc(1)),
    ],
  ],
  ['large values reaching the top label', [0, 1].flatMap((e) => curve('Perplexity', 0, `e${e}`, e, 1, 30, (ep) => 12000 / ep + e * 300))],
];
