import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { vegaLiteSchemaErrors } from './helpers.ts';
import { MAX_MARKED_POINTS, trainingCurvesSpec, trainingPanelLabel } from '../../src/charts/training-curves.ts';
import { learningRateSpec } from '../../src/charts/learning-rate.ts';
import { confusionCellSize, confusionMatrixCells, confusionMatrixSpec, heatStep } from '../../src/charts/confusion-matrix.ts';
import { testMetricsSpec } from '../../src/charts/test-metrics.ts';
import { fairnessSpec, FOUR_FIFTHS_LABEL, summarizeFairness } from '../../src/charts/fairness.ts';
import { BASELINE_STATUS, baselinesSpec, baselineStatus } from '../../src/charts/baselines.ts';
import { featureImportanceSpec, sortFeatures } from '../../src/charts/feature-importance.ts';
import { isLogRange, searchPosition, searchSpaceRows, searchSpaceSpec } from '../../src/charts/search-space.ts';
import { lineageTrendSpec } from '../../src/charts/lineage-trend.ts';
import { formatChartNumber, rowNormalize, slugify, spansDecades } from '../../src/charts/format.ts';
import { estimateTextWidth } from '../../src/charts/text-width.ts';
import type { TrainingSeries } from '../../src/charts/types.ts';
import { ACCENT } from '../../src/charts/theme.ts';

const loss = (name: string, split: TrainingSeries['split']): TrainingSeries => ({
  name,
  kind: 'loss',
  split,
  points: [
    { epoch: 1, value: 0.9 },
    { epoch: 2, value: 0.5 },
    { epoch: 3, value: 0.4 },
  ],
});
const acc = (name: string, split: TrainingSeries['split']): TrainingSeries => ({
  name,
  kind: 'score',
  split,
  points: [
    { epoch: 1, value: 0.6 },
    { epoch: 2, value: 0.8 },
    { epoch: 3, value: 0.85 },
  ],
});

/** Representative data for every spec function. */
const cases: [string, TopLevelSpec][] = [
  ['training curves, 1 metric column', trainingCurvesSpec({ series: [loss('Train Loss', 'train')] })],
  [
    'training curves, 3 metric columns + best',
    trainingCurvesSpec({
      series: [loss('Train Loss', 'train'), loss('Val Loss', 'validation'), acc('Val Acc', 'validation')],
      bestEpoch: 2,
      bestValues: [{ series: 'Val Loss', value: 0.5 }],
    }),
  ],
  [
    'learning rate, linear',
    learningRateSpec({
      points: [
        { epoch: 1, learningRate: 0.001 },
        { epoch: 10, learningRate: 0.0005 },
      ],
    }),
  ],
  [
    'learning rate, log',
    learningRateSpec({
      points: [
        { epoch: 1, learningRate: 0.001 },
        { epoch: 100, learningRate: 0.00001 },
      ],
    }),
  ],
  [
    'confusion matrix, binary',
    confusionMatrixSpec({
      labels: ['Neg', 'Pos'],
      matrix: [
        [95000, 5000],
        [8500, 41500],
      ],
    }),
  ],
  [
    'confusion matrix, 3-class',
    confusionMatrixSpec({
      labels: ['cat', 'dog', 'bird'],
      matrix: [
        [50, 3, 2],
        [4, 40, 6],
        [0, 5, 45],
      ],
    }),
  ],
  [
    'test metrics with and without CI',
    testMetricsSpec({
      metrics: [
        { metric: 'Accuracy', value: 0.869, low: 0.857, high: 0.881 },
        { metric: 'AUC', value: 0.9 },
      ],
    }),
  ],
  [
    'fairness, a selection rate (the four-fifths line)',
    fairnessSpec({
      attribute: 'sex',
      metric: 'Selection rate',
      groups: [
        { group: 'Female', value: 0.3, n: 72000 },
        { group: 'Male', value: 0.5 },
      ],
      overall: 0.41,
      fourFifths: true,
    }),
  ],
  [
    'fairness, accuracy (no line)',
    fairnessSpec({
      attribute: 'sex',
      metric: 'Accuracy',
      groups: [
        { group: 'Female', value: 0.865, n: 72000 },
        { group: 'Male', value: 0.873 },
      ],
      overall: 0.869,
      fourFifths: false,
    }),
  ],
  [
    'fairness, lower is better',
    fairnessSpec({
      attribute: 'age',
      metric: 'Error rate',
      groups: [
        { group: '18-29', value: 0.2 },
        { group: '30+', value: 0.1 },
      ],
      fourFifths: false,
    }),
  ],
  [
    'baselines',
    baselinesSpec({
      metric: 'Accuracy',
      higherIsBetter: true,
      rows: [
        { label: 'Current', value: 0.869, current: true },
        { label: 'Prev', value: 0.851, current: false },
      ],
    }),
  ],
  [
    'feature importance',
    featureImportanceSpec({
      features: [
        { feature: 'a', importance: 0.2 },
        { feature: 'b', importance: 0.5 },
      ],
      method: 'SHAP',
    }),
  ],
  [
    'search space',
    searchSpaceSpec({
      params: [
        { name: 'lr', chosen: 0.00085, space: { kind: 'range', min: 0.0001, max: 0.01 } },
        { name: 'batch', chosen: 48, space: { kind: 'choice', values: [16, 32, 64] } },
      ],
    }),
  ],
  [
    'lineage trend',
    lineageTrendSpec({
      metric: 'Accuracy',
      points: [
        { id: 'a', value: 0.8 },
        { id: 'b', value: 0.85, current: true },
      ],
    }),
  ],
];

describe('chart specs', () => {
  test.each(cases)('%s is valid against the Vega-Lite JSON Schema', (_name, spec) => {
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });

  test('the schema check rejects an invalid spec', () => {
    expect(vegaLiteSchemaErrors({ mark: 'nonsense', data: { values: [] } } as unknown as TopLevelSpec).length).toBeGreaterThan(0);
  });

  test.each(cases)('%s compiles to Vega with data kept in named datasets', (_name, spec) => {
    const { datasets, ...shape } = spec as TopLevelSpec & { datasets: Record<string, unknown[]> };
    expect(Object.keys(datasets).length).toBeGreaterThan(0);
    const vg = compile(shape).spec;
    const names = (vg.data ?? []).map((d) => d.name);
    for (const name of Object.keys(datasets)) expect(names).toContain(name);
    expect(JSON.stringify(vg)).not.toContain('"values"');
  });

  test.each(cases)('%s has fixed pixel sizes', (_name, spec) => {
    const json = JSON.stringify(spec);
    expect(json).toMatch(/"(width|height)":(\d+|\{"step":\d+\})/);
    expect(json).not.toContain('"container"');
  });
});

describe('feature importance', () => {
  test("a method named at length goes on a line of its own under the x-axis's name, no line past the plot", () => {
    const features = [{ feature: 'a', importance: 0.2 }];
    const x = (method: string) =>
      (featureImportanceSpec({ features, method }) as { encoding: { x: { title: unknown; axis: unknown } } }).encoding.x;
    expect(x('SHAP').title).toBe('Importance (SHAP)');
    const long = 'Occlusion attribution, mean over 500 test images';
    // `Importance (` + 48 + `)` is 61 characters, past the 60 that fit under the 400 px plot.
    expect(x(long).title).toEqual(['Importance', `(${long})`]);
    expect(x(long).axis).toEqual({ titleLimit: 400 });
  });
});

describe('rowNormalize', () => {
  test('divides each count by its row total', () => {
    const m = rowNormalize([
      [95000, 5000],
      [8500, 41500],
    ]);
    expect(m[0]?.[0]).toBeCloseTo(0.95);
    expect(m[0]?.[1]).toBeCloseTo(0.05);
    expect(m[1]?.[0]).toBeCloseTo(0.17);
    expect(m[1]?.[1]).toBeCloseTo(0.83);
  });
  test('keeps an empty row at zero', () => {
    expect(
      rowNormalize([
        [0, 0],
        [1, 3],
      ]),
    ).toEqual([
      [0, 0],
      [0.25, 0.75],
    ]);
  });
});

describe('confusionMatrixCells', () => {
  test('lists cells row-major with count, row share and share of the largest cell', () => {
    const cells = confusionMatrixCells({
      labels: ['Neg', 'Pos'],
      matrix: [
        [95000, 5000],
        [8500, 41500],
      ],
    });
    expect(cells.map((c) => [c['actual'], c['predicted'], c['count']])).toEqual([
      ['Neg', 'Neg', 95000],
      ['Neg', 'Pos', 5000],
      ['Pos', 'Neg', 8500],
      ['Pos', 'Pos', 41500],
    ]);
    expect(cells[2]?.['rowShare']).toBeCloseTo(0.17);
    expect(cells[3]?.['rowShare']).toBeCloseTo(0.83);
    expect(cells[3]?.['countShare']).toBeCloseTo(41500 / 95000);
  });
  test('3-class rows each sum to 1', () => {
    const cells = confusionMatrixCells({
      labels: ['a', 'b', 'c'],
      matrix: [
        [50, 3, 2],
        [4, 40, 6],
        [0, 5, 45],
      ],
    });
    expect(cells).toHaveLength(9);
    expect(cells[4]?.['rowShare']).toBeCloseTo(0.8); // 40 / 50
    expect(cells[6]?.['rowShare']).toBe(0);
  });
  test('gives each cell its heat step and whether its label is drawn light on dark', () => {
    const cells = confusionMatrixCells({
      labels: ['a', 'b'],
      matrix: [
        [90, 10],
        [30, 70],
      ],
    });
    // Row shares 0.9, 0.1, 0.3, 0.7 → steps 7, 0, 2, 5; counts / 90 → 1, 0.111, 0.333, 0.778 → 7, 0, 2, 6.
    expect(cells.map((c) => c['shareStep'])).toEqual([7, 0, 2, 5]);
    expect(cells.map((c) => c['countStep'])).toEqual([7, 0, 2, 6]);
    expect(cells.map((c) => c['shareStrong'])).toEqual([true, false, false, false]);
    expect(cells.map((c) => c['countStrong'])).toEqual([true, false, false, true]);
  });
});

describe('heatStep', () => {
  test.each([
    [0, 0],
    [0.124, 0],
    [0.125, 1],
    [0.5, 4],
    [0.99, 7],
    [1, 7],
  ])('share %d is step %d', (share, step) => {
    expect(heatStep(share)).toBe(step);
  });
});

describe('confusion matrix layout', () => {
  const seven = {
    labels: ['akiec', 'bcc', 'bkl', 'df', 'mel', 'nv', 'vasc'],
    matrix: Array.from({ length: 7 }, (_, i) => Array.from({ length: 7 }, (_, j) => (i === j ? 1850 : i + j))),
  };
  test('cells are wide enough for the widest number, on a 4 px grid', () => {
    // "100.0%" at 12 px is the widest label: (4 × 556 + 278 + 889) / 1000 × 12 × 1.06 = 43.13 px, + 8 px → 52.
    expect(confusionCellSize(seven)).toBe(52);
    // A binary matrix keeps at least 210 px across: 105 → 108.
    expect(
      confusionCellSize({
        labels: ['a', 'b'],
        matrix: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBe(108);
    // "296,481": (6 × 556 + 278) / 1000 × 12 × 1.06 = 45.97 px, + 8 → 56.
    expect(confusionCellSize({ labels: ['a', 'b', 'c', 'd', 'e'], matrix: Array.from({ length: 5 }, () => [296481, 1, 1, 1, 1]) })).toBe(
      56,
    );
  });
  test('two maps sit side by side when they fit the text column, one above the other when not', () => {
    expect(Object.keys(confusionMatrixSpec(seven))).toContain('hconcat');
    const twelve = {
      labels: Array.from({ length: 12 }, (_, i) => `class ${i}`),
      matrix: Array.from({ length: 12 }, () => Array.from({ length: 12 }, () => 5)),
    };
    expect(Object.keys(confusionMatrixSpec(twelve))).toContain('vconcat');
    expect(vegaLiteSchemaErrors(confusionMatrixSpec(twelve))).toEqual([]);
  });
});

describe('summarizeFairness', () => {
  test('gap is max − min; a selection rate gets the threshold 0.8 × max (best 0.50 → 0.40)', () => {
    const s = summarizeFairness({
      attribute: 'g',
      metric: 'Selection rate',
      groups: [
        { group: 'a', value: 0.5 },
        { group: 'b', value: 0.39 },
        { group: 'c', value: 0.41 },
      ],
      fourFifths: true,
    });
    expect(s?.gap).toBeCloseTo(0.11);
    expect(s?.threshold).toBeCloseTo(0.4);
    expect(s?.max).toEqual({ group: 'a', value: 0.5 });
    expect(s?.min).toEqual({ group: 'b', value: 0.39 });
    // 0.39 < 0.40 ≤ 0.41: only b is below the line.
    expect(s?.below).toEqual(['b']);
  });
  test('accuracy, error and any metric the four-fifths rule is not for: the gap, no threshold; undefined without groups', () => {
    const s = summarizeFairness({
      attribute: 'sex',
      metric: 'Accuracy',
      groups: [
        { group: 'Female', value: 0.865 },
        { group: 'Male', value: 0.5 },
      ],
      fourFifths: false,
    });
    expect(s?.gap).toBeCloseTo(0.365);
    expect(s?.threshold).toBeUndefined();
    // 0.5 is below 0.8 × 0.865 = 0.692, but no rule puts it below anything.
    expect(s?.below).toEqual([]);
    expect(summarizeFairness({ attribute: 'g', metric: 'Error', groups: [], fourFifths: false })).toBeUndefined();
  });
});

describe('fairnessSpec', () => {
  const groups = [
    { group: 'a', value: 0.5 },
    { group: 'b', value: 0.3 },
  ];
  test('a selection rate: the line at 0.8 × 0.50 = 0.40, labelled exactly; the group below it amber', () => {
    const spec = fairnessSpec({ attribute: 'g', metric: 'Selection rate', groups, fourFifths: true });
    const datasets = spec.datasets as Record<string, Record<string, unknown>[]>;
    expect(datasets['annotations']?.[0]?.['threshold']).toBeCloseTo(0.4);
    expect(datasets['annotations']?.[0]?.['thresholdLabel']).toBe(FOUR_FIFTHS_LABEL);
    expect(datasets['groups']?.map((g) => g['status'])).toEqual(['at or above 0.8 × best', 'below 0.8 × best']);
    expect(JSON.stringify(spec)).toContain('"title":"Four-fifths check"');
    expect(FOUR_FIFTHS_LABEL).toBe('0.8 × best (four-fifths heuristic)');
  });
  test('accuracy: no four-fifths line, status or text anywhere in the spec, every bar one colour', () => {
    const spec = fairnessSpec({ attribute: 'g', metric: 'Accuracy', groups, fourFifths: false });
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/four-fifths|0\.8 ×|threshold|status/i);
    expect((spec.datasets as Record<string, unknown[]>)['annotations']).toEqual([{ gapLabel: 'Gap (max − min): 0.2 — a 0.5 vs b 0.3' }]);
    expect(json).toContain(`"color":{"value":"${ACCENT}"}`);
  });
});

describe('baselineStatus', () => {
  test.each([
    [0.9, 0.869, false, true, BASELINE_STATUS.better],
    [0.8, 0.869, false, true, BASELINE_STATUS.worse],
    [30, 45, false, false, BASELINE_STATUS.better],
    [50, 45, false, false, BASELINE_STATUS.worse],
    [45, 45, false, false, BASELINE_STATUS.same],
    [45, 45, true, false, BASELINE_STATUS.current],
  ])('%d vs current %d (current row: %s, higher is better: %s) → %s', (value, current, isCurrent, higher, expected) => {
    expect(baselineStatus(value, current, isCurrent, higher)).toBe(expected);
  });
});

describe('searchPosition', () => {
  test.each([
    ['log range', { name: 'lr', chosen: 0.001, space: { kind: 'range', min: 0.0001, max: 0.01 } }, 0.5],
    ['linear range', { name: 'd', chosen: 0.3, space: { kind: 'range', min: 0.2, max: 0.6 } }, 0.25],
    ['choice', { name: 'b', chosen: 32, space: { kind: 'choice', values: [16, 32, 64, 128] } }, 1 / 3],
    ['single choice', { name: 'b', chosen: 'adam', space: { kind: 'choice', values: ['adam'] } }, 0.5],
  ] as const)('%s', (_name, param, expected) => {
    expect(searchPosition(param)).toBeCloseTo(expected);
  });
  test('undefined outside the space', () => {
    expect(searchPosition({ name: 'b', chosen: 48, space: { kind: 'choice', values: [16, 32, 64] } })).toBeUndefined();
    expect(searchPosition({ name: 'lr', chosen: 0.1, space: { kind: 'range', min: 0.0001, max: 0.01 } })).toBeUndefined();
  });
  test('log only for positive ranges spanning more than a decade, unless declared', () => {
    expect(isLogRange({ min: 0.0001, max: 0.01 })).toBe(true);
    expect(isLogRange({ min: 1, max: 10 })).toBe(false);
    expect(isLogRange({ min: 1, max: 10, scale: 'log' })).toBe(true);
    expect(isLogRange({ min: 0, max: 100 })).toBe(false);
  });
  test('out-of-space chosen values are marked outside', () => {
    const rows = searchSpaceRows({ params: [{ name: 'b', chosen: 48, space: { kind: 'choice', values: [16, 32, 64] } }] });
    expect(rows.filter((r) => r['role'] === 'tick').map((r) => r['pos'])).toEqual([0, 0.5, 1]);
    expect(rows.find((r) => r['role'] === 'chosen')?.['status']).toBe('outside the search space');
  });
});

describe('training curves', () => {
  test('panels are Loss and Accuracy, or Metric for other scores', () => {
    expect(trainingPanelLabel('loss', [])).toBe('Loss');
    expect(trainingPanelLabel('score', [acc('Val Acc', 'validation')])).toBe('Accuracy');
    expect(trainingPanelLabel('score', [acc('Val Acc', 'validation'), acc('Val F1', 'validation')])).toBe('Metric');
  });
  test('the best-epoch label sits on the side with more room', () => {
    type Layer = { data: { name: string }; mark: { type: string; align?: string; dx?: number } };
    const labelOf = (bestEpoch: number) => {
      const spec = trainingCurvesSpec({ series: [loss('Train Loss', 'train')], bestEpoch }) as unknown as {
        datasets: Record<string, Record<string, unknown>[]>;
        vconcat: { layer: Layer[] }[];
      };
      return { data: spec.datasets['loss_best'], text: spec.vconcat[0]?.layer.find((l) => l.mark.type === 'text')?.mark };
    };
    const epochs = loss('Train Loss', 'train').points.map((p) => p.epoch);
    const late = Math.max(...epochs);
    const early = Math.min(...epochs);
    expect(labelOf(late)).toEqual({
      data: [{ epoch: late, label: `best: epoch ${late}` }],
      text: expect.objectContaining({ align: 'right', dx: -4 }) as unknown,
    });
    expect(labelOf(early).text).toMatchObject({ align: 'left', dx: 4 });
  });
  test('one panel per kind of series, each layer with its own dataset and no filter transform', () => {
    const spec = trainingCurvesSpec({
      series: [loss('Train Loss', 'train'), acc('Val Acc', 'validation')],
      bestEpoch: 2,
      bestValues: [{ series: 'Val Acc', value: 0.9 }],
    }) as unknown as { datasets: Record<string, unknown[]>; vconcat: { title: { text: string } }[] };
    expect(spec.vconcat.map((p) => p.title.text)).toEqual(['Loss', 'Accuracy']);
    expect(Object.keys(spec.datasets).sort()).toEqual([
      'loss_best',
      'loss_rings',
      'loss_values',
      'score_best',
      'score_rings',
      'score_values',
    ]);
    expect(spec.datasets['score_rings']).toEqual([{ series: 'Val Acc', split: 'validation', epoch: 2, value: 0.9 }]);
    expect(spec.datasets['loss_rings']).toEqual([]);
    expect(JSON.stringify(spec)).not.toContain('"filter"');
    expect(vegaLiteSchemaErrors(spec as unknown as TopLevelSpec)).toEqual([]);
  });
});

describe('format helpers', () => {
  test.each([
    [0.86912, '0.8691'],
    [95000, '95000'],
    [0.00001, '1e-5'],
    [0.00085, '0.00085'],
    [0, '0'],
  ])('formatChartNumber(%d) = %s', (v, s) => expect(formatChartNumber(v)).toBe(s));
  test('spansDecades is max / min > 10', () => {
    expect(spansDecades([0.001, 0.0001])).toBe(false);
    expect(spansDecades([0.001, 0.00001])).toBe(true);
    expect(spansDecades([0, 1])).toBe(false);
  });
  test('slugify', () => {
    expect(slugify('F1 Score')).toBe('f1-score');
    expect(slugify('Latency (ms)')).toBe('latency-ms');
    expect(slugify('Ünïcode—')).toBe('unicode');
    expect(slugify('—')).toBe('x');
  });
  test('sortFeatures: largest first, ties by name', () => {
    expect(
      sortFeatures([
        { feature: 'b', importance: 1 },
        { feature: 'a', importance: 1 },
        { feature: 'c', importance: 2 },
      ]).map((f) => f.feature),
    ).toEqual(['c', 'a', 'b']);
  });
  test('text width estimate: "0.869" at 11px, Arial metrics + 6%', () => {
    // 556 + 278 + 556 * 3 = 2502 units → 2.502 × 11 × 1.06
    expect(estimateTextWidth('0.869', 11)).toBeCloseTo(29.173, 2);
  });
});

describe('trainingCurvesSpec point markers', () => {
  const series = (n: number) => [
    {
      name: 'Val Loss',
      kind: 'loss' as const,
      split: 'validation' as const,
      points: Array.from({ length: n }, (_, i) => ({ epoch: i + 1, value: 1 / (i + 1) })),
    },
  ];
  const lineMark = (spec: TopLevelSpec): unknown => JSON.stringify(spec).includes('"point":{"filled":true');
  test(`marks every point up to ${MAX_MARKED_POINTS} epochs`, () => {
    expect(lineMark(trainingCurvesSpec({ series: series(MAX_MARKED_POINTS) }))).toBe(true);
  });
  test('draws long histories as plain lines', () => {
    const spec = trainingCurvesSpec({ series: series(MAX_MARKED_POINTS + 1) });
    expect(lineMark(spec)).toBe(false);
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });
});

describe('learningRateSpec point markers', () => {
  const points = (n: number) => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, learningRate: 0.001 * 0.97 ** i }));
  const marked = (spec: TopLevelSpec): boolean => JSON.stringify(spec).includes('"point":{"filled":true');
  test(`marks every epoch up to ${MAX_MARKED_POINTS} epochs, as the training curves do`, () => {
    expect(marked(learningRateSpec({ points: points(MAX_MARKED_POINTS) }))).toBe(true);
  });
  test('draws long schedules as a plain line', () => {
    const spec = learningRateSpec({ points: points(MAX_MARKED_POINTS + 1) });
    expect(marked(spec)).toBe(false);
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });
});
