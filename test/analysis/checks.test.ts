import { describe, expect, test } from 'vitest';
import {
  checkCompute,
  checkConfusionMatrix,
  checkGroups,
  checkMetricValues,
  checkParentDataset,
  checkPlaceholders,
  checkRecord,
  checkReferences,
  checkSplits,
  checkStatedFairness,
  checkStatedGaps,
  checkTestSize,
  checkTraining,
  checkTuning,
  deriveFromMatrix,
  oneVsRest,
  scopedClass,
  sortChecks,
} from '../../src/analysis/checks.ts';
import { metricInfo } from '../../src/analysis/metrics.ts';
import type { Check } from '../../src/analysis/schema.ts';
import type { ConfusionMatrix, Experiment, ExperimentInput } from '../../src/schema/index.ts';
import { record, templateRecord } from './fixtures.ts';

const codes = (checks: readonly Check[]): string[] => checks.map((c) => c.code);
const template = templateRecord();

/** The template with one section replaced. */
function withSection<K extends keyof ExperimentInput>(key: K, value: ExperimentInput[K]): Experiment {
  return templateRecord({ [key]: value });
}

const binary: ConfusionMatrix = template.evaluation?.confusionMatrix as ConfusionMatrix;
const threeClass: ConfusionMatrix = {
  labels: ['a', 'b', 'c'],
  matrix: [
    [5, 1, 0],
    [2, 3, 1],
    [0, 1, 7],
  ],
};

describe('deriveFromMatrix', () => {
  test.each([
    // template matrix: TN 95000, FP 5000, FN 8500, TP 41500
    ['Accuracy', 0.91],
    ['Error', 0.09],
    ['Precision', 41500 / 46500],
    ['Recall', 0.83],
    ['F1', 83000 / 96500],
    ['Specificity', 0.95],
    ['FPR', 0.05],
    ['FNR', 0.17],
    ['Balanced Accuracy', 0.89],
    // NPV = TN / (TN + FN) = 95000 / 103500. MCC = (c·s − Σ pₖtₖ) / √((s² − Σ pₖ²)(s² − Σ tₖ²)) with c = 136500
    // correct of s = 150000, predicted p = (103500, 46500), actual t = (100000, 50000): 7.8e9 / √(9.6255e9 × 1e10)
    // = 0.795029 (the binary (TP·TN − FP·FN) / √(…) gives the same); Cohen's κ = 7.8e9 / (s² − Σ pₖtₖ) = 7.8e9 / 9.825e9.
    ['NPV', 95000 / 103500],
    ['MCC', 7.8e9 / Math.sqrt(9.6255e9 * 1e10)],
    ["Cohen's kappa", 7.8e9 / 9.825e9],
  ])('binary %s = %d', (name, value) => expect(deriveFromMatrix(binary, metricInfo(name))?.value).toBeCloseTo(value, 12));

  test('the positive label can be the first label', () => {
    const cm = { ...binary, positiveLabel: 'Neg' };
    expect(deriveFromMatrix(cm, metricInfo('Precision'))?.value).toBeCloseTo(95000 / 103500, 12);
    expect(deriveFromMatrix(cm, metricInfo('Recall'))?.value).toBeCloseTo(0.95, 12);
  });

  test.each([
    // per class: precision 5/7, 3/5, 7/8; recall 5/6, 3/6, 7/8; F1 10/13, 6/11, 14/16; supports 6, 6, 8
    ['Accuracy', 0.75],
    ['Precision', 0.729762],
    ['Macro Recall', 0.736111],
    ['F1', 0.729895],
    ['Weighted Precision', 0.744286],
    ['Micro F1', 0.75],
    // c = 15 of s = 20; actual (6, 6, 8), predicted (7, 5, 8): Σ pₖtₖ = 136, Σ pₖ² = 138, Σ tₖ² = 136.
    // MCC = (300 − 136) / √((400 − 138)(400 − 136)) = 164 / √(262 × 264); κ = 164 / (400 − 136).
    ['MCC', 0.623579],
    ['Kappa', 0.621212],
  ])('three classes: %s = %d', (name, value) => expect(deriveFromMatrix(threeClass, metricInfo(name))?.value).toBeCloseTo(value, 6));

  test.each(['Specificity', 'NPV', 'AUC', 'Loss', 'Quadratic weighted kappa'])('three classes: %s is not derived', (name) =>
    expect(deriveFromMatrix(threeClass, metricInfo(name))).toBeNull(),
  );

  test('AUC is not derivable from a binary matrix', () => expect(deriveFromMatrix(binary, metricInfo('AUC-ROC'))).toBeNull());

  test('division by zero gives nothing', () => {
    const cm = {
      labels: ['n', 'p'],
      matrix: [
        [10, 0],
        [0, 0],
      ],
    };
    expect(deriveFromMatrix(cm, metricInfo('Precision'))).toBeNull();
    expect(deriveFromMatrix(cm, metricInfo('Balanced Accuracy'))).toBeNull();
    const empty = {
      labels: ['a', 'b', 'c'],
      matrix: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
      ],
    };
    expect(deriveFromMatrix(empty, metricInfo('Precision'))).toBeNull();
  });
});

describe('checkConfusionMatrix', () => {
  test('a metric scoped to one class is checked against that class, not the average over the classes', () => {
    // Rows are actual benign, suspicious, malignant. Malignant: TP 162, FN 6 + 12 = 18, FP 4 + 9 = 13,
    // TN 560 − 162 − 18 − 13 = 367 (total 560). Sensitivity 162 / 180 = 0.9; specificity 367 / 380 = 0.9658;
    // precision 162 / 175 = 0.9257.
    const cm: ConfusionMatrix = {
      labels: ['benign', 'suspicious', 'malignant'],
      matrix: [
        [270, 26, 4],
        [15, 56, 9],
        [6, 12, 162],
      ],
    };
    expect(oneVsRest(cm, 2)).toEqual({
      labels: ['not malignant', 'malignant'],
      matrix: [
        [367, 13],
        [18, 162],
      ],
    });
    const checks = (testMetrics: { metric: string; value: number }[]): string[] =>
      checkConfusionMatrix(record({ id: 'derm', evaluation: { testMetrics, confusionMatrix: cm } })).map((c) => c.message);
    expect(
      checks([
        { metric: 'Sensitivity (malignant)', value: 0.9 },
        { metric: 'Specificity (malignant)', value: 0.966 },
        { metric: 'Precision for malignant', value: 0.926 },
        { metric: 'Malignant recall', value: 0.9 },
      ]),
    ).toEqual([]);
    expect(checks([{ metric: 'Sensitivity (malignant)', value: 0.95 }])).toEqual([
      'Sensitivity (malignant) is reported as 0.95, but the confusion matrix gives 0.9 (TP / (TP + FN) = 162 / (162 + 18)).',
    ]);
  });

  test('a value written in percent is shown in percent on both sides of the mismatch', () => {
    // FPR = FP / (FP + TN) = 511 / (511 + 311,869) = 0.1636%.
    const cm: ConfusionMatrix = {
      labels: ['legit', 'fraud'],
      matrix: [
        [311869, 511],
        [61, 1226],
      ],
    };
    const messages = checkConfusionMatrix(
      record({ id: 'fpr', evaluation: { testMetrics: [{ metric: 'FPR', value: 0.25, unit: '%' }], confusionMatrix: cm } }),
    ).map((c) => c.message);
    expect(messages).toEqual(['FPR is reported as 0.25%, but the confusion matrix gives 0.1636% (FP / (FP + TN) = 511 / (511 + 311869)).']);
  });

  test('the class a metric is scoped to: in brackets, after class or for, or before the metric; never a word of a metric name', () => {
    const labels = ['benign', 'suspicious', 'malignant'];
    expect(scopedClass('Sensitivity (malignant)', labels)).toBe(2);
    expect(scopedClass('Recall [class: Benign]', labels)).toBe(0);
    expect(scopedClass('F1 for suspicious', labels)).toBe(1);
    expect(scopedClass('Suspicious precision', labels)).toBe(1);
    expect(scopedClass('Recall', labels)).toBeUndefined();
    expect(scopedClass('Recall (benign, malignant)', labels)).toBeUndefined();
    expect(scopedClass('False positive rate', ['negative', 'positive'])).toBeUndefined();
    expect(scopedClass('Recall (1)', ['0', '1'])).toBeUndefined();
    expect(scopedClass('Recall (fraud)', ['legit', 'fraud', 'legit.v2'])).toBe(1);
  });

  test('a multi-class F1 naming no average agrees when it is the macro, the weighted or the micro one', () => {
    // Per class F1: 100/120 = 0.8333, 60/85 = 0.7059, 80/95 = 0.8421 (supports 60, 40, 50): macro 0.7938,
    // weighted (0.8333·60 + 0.7059·40 + 0.8421·50) / 150 = 0.8023, micro = accuracy 120/150 = 0.8.
    const matrix = [
      [50, 5, 5],
      [10, 30, 0],
      [0, 10, 40],
    ];
    const checks = (f1: number): Check[] =>
      checkConfusionMatrix(
        record({
          id: 'mc',
          evaluation: { testMetrics: [{ metric: 'F1', value: f1 }], confusionMatrix: { labels: ['a', 'b', 'c'], matrix } },
        }),
      );
    expect(checks(0.794)).toEqual([]);
    expect(checks(0.802)).toEqual([]);
    expect(checks(0.8)).toEqual([]);
    expect(checks(0.75).map((c) => c.message)).toEqual([
      'F1 is reported as 0.75, but the confusion matrix gives 0.7938 (macro average over 3 classes of 2TP / (2TP + FP + FN)).',
    ]);
  });

  test("the template's matrix contradicts its accuracy, precision, recall and F1", () => {
    expect(checkConfusionMatrix(template)).toEqual([
      {
        level: 'warning',
        code: 'metric-mismatch',
        message: 'Accuracy is reported as 0.869, but the confusion matrix gives 0.91 (correct / total = 136500 / 150000).',
        path: 'evaluation.testMetrics.0.value',
        hint: 'Check that the metrics and the confusion matrix come from the same evaluation run.',
      },
      {
        level: 'warning',
        code: 'metric-mismatch',
        message: 'Precision is reported as 0.845, but the confusion matrix gives 0.8925 (TP / (TP + FP) = 41500 / (41500 + 5000)).',
        path: 'evaluation.testMetrics.1.value',
        hint: 'Check that the metrics and the confusion matrix come from the same evaluation run.',
      },
      {
        level: 'warning',
        code: 'metric-mismatch',
        message: 'Recall is reported as 0.823, but the confusion matrix gives 0.83 (TP / (TP + FN) = 41500 / (41500 + 8500)).',
        path: 'evaluation.testMetrics.2.value',
        hint: 'Check that the metrics and the confusion matrix come from the same evaluation run.',
      },
      {
        level: 'warning',
        code: 'metric-mismatch',
        message:
          'F1 Score is reported as 0.834, but the confusion matrix gives 0.8601 (2TP / (2TP + FP + FN) = 83000 / (83000 + 5000 + 8500)).',
        path: 'evaluation.testMetrics.3.value',
        hint: 'Check that the metrics and the confusion matrix come from the same evaluation run.',
      },
    ]);
  });

  const evaluationWith = (testMetrics: NonNullable<ExperimentInput['evaluation']>['testMetrics'], cm: ConfusionMatrix = binary) =>
    withSection('evaluation', { testMetrics, confusionMatrix: cm });

  test.each([
    ['Precision', 0.892, undefined, false],
    ['Precision', 0.89, undefined, false],
    ['Precision', 0.8924, undefined, true],
    ['Accuracy', 91, '%', false],
    ['Accuracy', 91.0, undefined, false],
    ['Accuracy', 86.9, '%', true],
    ['Specificity', 0.95, undefined, false],
    ['FPR', 0.06, undefined, true],
    ['Val Acc', 0.5, undefined, false],
    ['Top-5 Accuracy', 0.99, undefined, false],
    ['Top-1 Accuracy', 0.99, undefined, true],
    ['AUC-ROC', 0.5, undefined, false],
  ])('%s = %d (unit %s) is a mismatch: %s', (metric, value, unit, mismatch) => {
    const checks = checkConfusionMatrix(evaluationWith([{ metric, value, ...(unit === undefined ? {} : { unit }) }]));
    expect(codes(checks)).toEqual(mismatch ? ['metric-mismatch'] : []);
  });

  test('a percent value is compared in percent and the message says so', () => {
    const [check] = checkConfusionMatrix(evaluationWith([{ metric: 'Accuracy', value: 86.9, unit: '%' }]));
    expect(check?.message).toBe('Accuracy is reported as 86.9%, but the confusion matrix gives 91% (correct / total = 136500 / 150000).');
  });

  test('multi-class: macro averages by default', () => {
    const checks = checkConfusionMatrix(
      evaluationWith(
        [
          { metric: 'Accuracy', value: 0.75 },
          { metric: 'Precision', value: 0.73 },
          { metric: 'Recall', value: 0.71 },
          { metric: 'Weighted F1', value: null },
        ],
        threeClass,
      ),
    );
    expect(checks).toEqual([
      {
        level: 'warning',
        code: 'metric-mismatch',
        message: 'Recall is reported as 0.71, but the confusion matrix gives 0.7361 (macro average over 3 classes of TP / (TP + FN)).',
        path: 'evaluation.testMetrics.2.value',
        hint: 'Check that the metrics and the confusion matrix come from the same evaluation run.',
      },
    ]);
  });

  test('a malformed matrix is left to validation (an error there): nothing is derived from it', () => {
    const cm = {
      labels: ['a', 'b'],
      matrix: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    };
    expect(checkConfusionMatrix(evaluationWith([{ metric: 'Accuracy', value: 0.1 }], cm))).toEqual([]);
  });

  test('the tolerance comes from the digits written: 0.890 (three places) is not 0.893, 0.89 (two places) is', () => {
    // A matrix with accuracy 893 / 1000 = 0.893.
    const cm = {
      labels: ['a', 'b'],
      matrix: [
        [500, 50],
        [57, 393],
      ],
    };
    const written = (decimals?: number): Experiment =>
      record({
        id: 'x',
        evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.89 }], confusionMatrix: cm },
        ...(decimals === undefined ? {} : { writtenDecimals: { 'evaluation.testMetrics.0.value': decimals } }),
      });
    expect(codes(checkConfusionMatrix(written()))).toEqual([]);
    expect(checkConfusionMatrix(written(3))[0]?.message).toBe(
      'Accuracy is reported as 0.89, but the confusion matrix gives 0.893 (correct / total = 893 / 1000).',
    );
  });

  test('an unknown positive label is a warning, an empty matrix too', () => {
    expect(checkConfusionMatrix(evaluationWith([], { ...binary, positiveLabel: 'Yes' }))).toEqual([
      {
        level: 'warning',
        code: 'confusion-matrix-positive-label',
        message: 'Positive label "Yes" is not one of the confusion-matrix labels (Neg, Pos); the second label is used.',
        path: 'evaluation.confusionMatrix.positiveLabel',
      },
    ]);
    expect(
      checkConfusionMatrix(
        evaluationWith([{ metric: 'Accuracy', value: 0.9 }], {
          labels: ['a', 'b'],
          matrix: [
            [0, 0],
            [0, 0],
          ],
        }),
      ),
    ).toEqual([
      {
        level: 'warning',
        code: 'confusion-matrix-empty',
        message: 'The confusion matrix contains no counts.',
        path: 'evaluation.confusionMatrix.matrix',
      },
    ]);
  });

  test('no matrix, no check', () => expect(checkConfusionMatrix(record({ id: 'x' }))).toEqual([]));
});

describe('checkStatedGaps', () => {
  const groups = [
    { group: 'Female', attributes: { group: 'Female' }, n: 4120, metrics: { TPR: 0.81, FPR: 0.07 } },
    { group: 'Male', attributes: { group: 'Male' }, n: 5880, metrics: { TPR: 0.84, FPR: 0.09 } },
    { group: 'Overall', overall: true, metrics: { TPR: 0.99 } },
  ];
  const withGaps = (statedGaps: unknown, disaggregated: unknown = groups) =>
    record({ id: 'x', evaluation: { disaggregated, statedGaps } as NonNullable<ExperimentInput['evaluation']> });

  test('a "Max gap" row the groups give, within rounding: no warning (the Overall row is no group)', () => {
    // TPR 0.84 − 0.81 = 0.03; FPR 0.09 − 0.07 = 0.02 (written −0.02: its size is the gap); ratio 0.81 / 0.84 = 0.9643 ≈ 0.96.
    const r = withGaps([
      { label: 'Max gap', form: 'difference', metrics: { TPR: 0.03, FPR: -0.02 } },
      { label: 'Ratio', form: 'ratio', metrics: { TPR: 0.96, FPR: 0.78 } },
    ]);
    expect(checkStatedGaps(r)).toEqual([]);
  });

  test('a figure the groups do not give is a warning naming the row, the metric and both numbers', () => {
    // TPR: 0.05 stated, 0.03 computed (rounding allows 0.03 ± 0.015); FPR ratio: 0.07 / 0.09 = 0.7778, stated 0.5
    // (rounding allows ± 0.7778 × (0.005 / 0.07 + 0.005 / 0.09) + 0.05 = ± 0.149).
    const r = withGaps([
      { label: 'Max gap', form: 'difference', metrics: { TPR: 0.05, FPR: 0.02, note: 'text' } },
      { label: 'Min/max', form: 'ratio', metrics: { FPR: 0.5 } },
    ]);
    expect(checkStatedGaps(r)).toEqual([
      {
        level: 'warning',
        code: 'fairness-mismatch',
        message: 'The "Max gap" row gives TPR as 0.05, but the groups above it give 0.03 (the highest less the lowest).',
        path: 'evaluation.statedGaps.0.metrics.TPR',
      },
      {
        level: 'warning',
        code: 'fairness-mismatch',
        message: 'The "Min/max" row gives FPR as 0.5, but the groups above it give 0.7778 (the lowest over the highest).',
        path: 'evaluation.statedGaps.1.metrics.FPR',
      },
    ]);
  });

  test('not checked: groups of two attributes, a group without the column, a ratio of zeros, rows not read as gaps', () => {
    const twoAttributes = [
      { group: 'F', attributes: { sex: 'F' }, metrics: { TPR: 0.81 } },
      { group: 'M', attributes: { sex: 'M' }, metrics: { TPR: 0.84 } },
      { group: 'young', attributes: { age: 'young' }, metrics: { TPR: 0.5 } },
    ];
    expect(checkStatedGaps(withGaps([{ label: 'Gap', form: 'difference', metrics: { TPR: 0.5 } }], twoAttributes))).toEqual([]);
    expect(checkStatedGaps(withGaps([{ label: 'Gap', form: 'difference', metrics: { AUC: 0.5 } }]))).toEqual([]);
    const zeros = [
      { group: 'a', attributes: { group: 'a' }, metrics: { FPR: 0 } },
      { group: 'b', attributes: { group: 'b' }, metrics: { FPR: 0 } },
    ];
    expect(checkStatedGaps(withGaps([{ label: 'Ratio', form: 'ratio', metrics: { FPR: 1 } }], zeros))).toEqual([]);
    expect(
      checkStatedGaps(withGaps([null, 'Gap', { label: 'Gap', form: 'sum', metrics: {} }, { label: 3, form: 'ratio', metrics: {} }])),
    ).toEqual([]);
    expect(checkStatedGaps(withGaps({ label: 'Gap' }))).toEqual([]);
    expect(checkStatedGaps(record({ id: 'x' }))).toEqual([]);
  });
});

describe('checkStatedFairness', () => {
  const stated = (
    testMetrics: { metric: string; value: number }[],
    disaggregated: NonNullable<ExperimentInput['evaluation']>['disaggregated'],
  ) => record({ id: 'x', evaluation: { testMetrics, disaggregated } });
  const sex = [
    // AUC is no rate a stated figure is computed from: not looked at.
    { group: 'female', attributes: { sex: 'female' }, n: 4120, metrics: { AUC: 0.86, TPR: 0.81, FPR: 0.06, 'Selection rate (%)': 32 } },
    { group: 'male', attributes: { sex: 'male' }, n: 5880, metrics: { AUC: 0.88, TPR: 0.84, FPR: 0.05, 'Selection rate (%)': 36 } },
    { group: 'Overall', overall: true, metrics: { TPR: 0.83 } },
  ];

  test('figures the groups give, within rounding: no warning', () => {
    // Demographic parity: 32% / 36% = 0.8889 ≈ 0.89, 36% − 32% = 0.04; equalized odds: max(0.84 − 0.81, 0.06 − 0.05) = 0.03,
    // min(0.81 / 0.84, 0.05 / 0.06) = min(0.964, 0.833) = 0.83; equal opportunity: 0.84 − 0.81 = 0.03.
    const r = stated(
      [
        { metric: 'Demographic parity ratio', value: 0.89 },
        { metric: 'Demographic parity difference', value: 0.04 },
        { metric: 'Equalized odds difference', value: 0.03 },
        { metric: 'equalized_odds_ratio', value: 0.83 },
        { metric: 'Equal opportunity difference', value: 3 },
        { metric: 'Disparate impact', value: 0.889 },
      ],
      sex,
    );
    expect(checkStatedFairness(r)).toEqual([]);
  });

  test('a figure the groups do not give is named, with what they give', () => {
    const r = stated(
      [
        { metric: 'Demographic parity ratio', value: 0.95 },
        { metric: 'Equalized odds difference', value: 0.01 },
      ],
      sex,
    );
    expect(checkStatedFairness(r)).toEqual([
      {
        level: 'warning',
        code: 'fairness-mismatch',
        message: "Demographic parity ratio is stated as 0.95, but the sex groups' rates give 0.8889 (the lowest rate over the highest).",
        path: 'evaluation.testMetrics.0.value',
      },
      {
        level: 'warning',
        code: 'fairness-mismatch',
        // The larger of the two gaps: TPR 0.03, not FPR 0.01.
        message: "Equalized odds difference is stated as 0.01, but the sex groups' rates give 0.03 (the highest rate less the lowest).",
        path: 'evaluation.testMetrics.1.value',
      },
    ]);
  });

  test('not checked without the rates it needs, or when two attributes could be meant', () => {
    expect(
      checkStatedFairness(
        stated(
          [{ metric: 'Equalized odds difference', value: 0.5 }],
          sex.map((g) => ({ ...g, metrics: { TPR: g.metrics.TPR ?? 0 } })),
        ),
      ),
    ).toEqual([]);
    const age = sex.slice(0, 2).map((g, i) => ({ ...g, group: `age ${i}`, attributes: { age: String(i) } }));
    expect(checkStatedFairness(stated([{ metric: 'Demographic parity ratio', value: 0.5 }], [...sex, ...age]))).toEqual([]);
  });
});

describe('checkTestSize', () => {
  test('the template agrees (150000 everywhere)', () => expect(checkTestSize(template)).toEqual([]));
  test('a test split of another size is a warning naming every size', () => {
    const r = withSection('dataset', { records: 1_000_000, splits: [{ name: 'Test', records: 200_000 }] });
    expect(checkTestSize(r)).toEqual([
      {
        level: 'warning',
        code: 'test-size-mismatch',
        message: 'The test set size differs between places: 150000 (confusion matrix), 200000 (test split), 150000 (overall group).',
        path: 'evaluation',
      },
    ]);
  });
  test('no sizes, no check', () => expect(checkTestSize(record({ id: 'x' }))).toEqual([]));
});

describe('checkSplits', () => {
  test('the template splits are consistent', () => expect(checkSplits(template)).toEqual([]));
  test.each([
    [
      'fractions that add up to 0.95 (past 1 fails validation)',
      {
        records: 1_000_000,
        splits: [
          { name: 'Training', fraction: 0.7 },
          { name: 'Validation', fraction: 0.1 },
          { name: 'Test', fraction: 0.15 },
        ],
      },
      [
        {
          level: 'warning',
          code: 'split-mismatch',
          message: 'Split fractions add up to 0.95 (0.7, 0.1, 0.15), not 1.',
          path: 'dataset.splits',
        },
      ],
    ],
    [
      'record counts that do not add up to the dataset size',
      {
        records: 1_000_000,
        splits: [
          { name: 'Training', records: 700_000 },
          { name: 'Test', records: 200_000 },
        ],
      },
      [
        {
          level: 'warning',
          code: 'split-mismatch',
          message: 'Split record counts add up to 900000 (700000, 200000), but the dataset has 1000000 records.',
          path: 'dataset.splits',
        },
      ],
    ],
    [
      'a fraction that is not its record count',
      {
        records: 1_000_000,
        splits: [
          { name: 'Training', fraction: 0.7, records: 650_000 },
          { name: 'Test', fraction: 0.3, records: 350_000 },
        ],
      },
      [
        {
          level: 'warning',
          code: 'split-mismatch',
          message: 'Split "Training" is 0.7 of 1000000 records = 700000, but it is said to have 650000 records.',
          path: 'dataset.splits.0.records',
        },
        {
          level: 'warning',
          code: 'split-mismatch',
          message: 'Split "Test" is 0.3 of 1000000 records = 300000, but it is said to have 350000 records.',
          path: 'dataset.splits.1.records',
        },
      ],
    ],
  ])('%s', (_, dataset, expected) => expect(checkSplits(withSection('dataset', dataset))).toEqual(expected));

  test.each([
    [
      'fractions within ±0.01 of 1',
      {
        splits: [
          { name: 'a', fraction: 0.67 },
          { name: 'b', fraction: 0.33 },
          { name: 'c', fraction: 0.005 },
        ],
      },
    ],
    [
      'counts within rounding of the total',
      {
        records: 1_200_000,
        splits: [
          { name: 'a', fraction: 0.7, records: 843_000 },
          { name: 'b', fraction: 0.3, records: 360_000 },
        ],
      },
    ],
    ['no dataset size', { splits: [{ name: 'a', records: 5 }] }],
    ['no splits', { records: 10 }],
  ])('no warning for %s', (_, dataset) => expect(checkSplits(withSection('dataset', dataset))).toEqual([]));
  test('no dataset, no check', () => expect(checkSplits(record({ id: 'x' }))).toEqual([]));
});

describe('checkGroups', () => {
  test('the template groups are consistent (sizes, weighted mean 0.86916 ≈ 0.869, F1 of P and R)', () => {
    expect(checkGroups(template)).toEqual([]);
  });

  const groups = (
    disaggregated: NonNullable<ExperimentInput['evaluation']>['disaggregated'],
    testMetrics: NonNullable<ExperimentInput['evaluation']>['testMetrics'] = [],
  ) => record({ id: 'x', evaluation: { disaggregated, testMetrics } });

  test('group sizes that do not add up to the overall n', () => {
    const r = groups([
      { group: 'Overall', n: 150_000, metrics: {} },
      { group: 'Female', n: 72_000, metrics: {} },
      { group: 'Male', n: 70_000, metrics: {} },
    ]);
    expect(checkGroups(r)).toEqual([
      {
        level: 'warning',
        code: 'group-size-mismatch',
        message: 'Group sizes for group add up to 142000 (72000, 70000), but the Overall row n is 150000.',
        path: 'evaluation.disaggregated.1.n',
      },
    ]);
  });

  test('without an Overall row the test split size is the total', () => {
    const r = templateRecord({
      evaluation: {
        disaggregated: [
          { group: 'F', attributes: { sex: 'F' }, n: 100_000, metrics: {} },
          { group: 'M', attributes: { sex: 'M' }, n: 100_000, metrics: {} },
        ],
      },
    });
    expect(checkGroups(r)[0]?.message).toBe('Group sizes for sex add up to 200000 (100000, 100000), but the test split size is 150000.');
  });

  test('groups counted in other things than the test split (users, a split of interactions) are not held to its size', () => {
    const segments = (groupSizeLabel: string | undefined, text: string) =>
      record({
        id: 'x',
        dataset: { splits: [{ name: 'Test', records: 5_200_000, text }] },
        evaluation: {
          ...(groupSizeLabel === undefined ? {} : { groupSizeLabel }),
          disaggregated: [
            { group: 'New', attributes: { segment: 'New' }, n: 182_000, metrics: {} },
            { group: 'Power', attributes: { segment: 'Power' }, n: 678_000, metrics: {} },
          ],
        },
      });
    expect(checkGroups(segments('Users', 'Mar 21 – Mar 31 (5.2M interactions)'))).toEqual([]);
    expect(checkGroups(segments('# users', '5.2M interactions'))).toEqual([]);
    // The same things, or a split or a column that counts rows of any kind: the sizes should add up (860,000 ≠ 5,200,000).
    for (const [label, text] of [
      ['Users', '5.2M users'],
      ['Users', '5.2M records'],
      [undefined, '5.2M interactions'],
      ['Samples', '5.2M interactions'],
    ] as const)
      expect(checkGroups(segments(label, text)).map((c) => c.code)).toEqual(['group-size-mismatch']);
  });

  test('an Overall accuracy that is not the size-weighted mean of the groups', () => {
    const r = groups([
      { group: 'Overall', n: 100, metrics: { Accuracy: 0.869, F1: 0.5 } },
      { group: 'A', n: 50, metrics: { Accuracy: 0.905, F1: 0.5 } },
      { group: 'B', n: 50, metrics: { Accuracy: 0.895, F1: 0.6 } },
    ]);
    expect(checkGroups(r)).toEqual([
      {
        level: 'warning',
        code: 'group-overall-mismatch',
        message: 'The size-weighted mean of Accuracy over the group groups is 0.9, but the Overall row says 0.869.',
        path: 'evaluation.disaggregated.0.metrics.Accuracy',
      },
    ]);
  });

  test('an Overall row that disagrees with the test metrics', () => {
    const r = groups(
      [{ group: 'Overall', metrics: { Accuracy: 0.87, F1: 0.81, Recall: 0.7 } }],
      [
        { metric: 'Accuracy', value: 0.869 },
        { metric: 'F1 Score', value: 0.834 },
        { metric: 'Recall', value: 70, unit: '%' },
      ],
    );
    expect(checkGroups(r)).toEqual([
      {
        level: 'warning',
        code: 'group-overall-mismatch',
        message: 'F1 is 0.81 in the Overall row of the disaggregated table but 0.834 in the test metrics.',
        path: 'evaluation.disaggregated.0.metrics.F1',
      },
    ]);
  });

  test('a group whose F1 contradicts its precision and recall, and a proportion written as a bare percentage', () => {
    const r = groups([{ group: 'Female', metrics: { Precision: 0.8, Recall: 0.6, F1: 0.75, Accuracy: 86.5 } }]);
    expect(checkGroups(r)).toEqual([
      {
        level: 'info',
        code: 'percent-without-unit',
        message: 'Accuracy is 86.5 with no unit: it is read as 86.5% (give it the unit "%", or write 0.865, to say so).',
        path: 'evaluation.disaggregated.0.metrics.Accuracy',
      },
      {
        level: 'warning',
        code: 'metric-mismatch',
        message: 'Group "Female": F1 is 0.75, but precision 0.8 and recall 0.6 give F1 = 2PR / (P + R) = 0.6857.',
        path: 'evaluation.disaggregated.0.metrics.F1',
      },
    ]);
  });

  test('groups without sizes, or only some, are not summed', () => {
    const r = groups([
      { group: 'Overall', n: 10, metrics: {} },
      { group: 'A', n: 3, metrics: {} },
      { group: 'B', metrics: {} },
    ]);
    expect(checkGroups(r)).toEqual([]);
    expect(checkGroups(groups([{ group: 'A', n: 3, metrics: {} }]))).toEqual([]);
  });

  test('the weighted mean is skipped when a group lacks the value', () => {
    const r = groups([
      { group: 'Overall', n: 100, metrics: { Accuracy: 0.8 } },
      { group: 'A', n: 50, metrics: { Accuracy: 0.9 } },
      { group: 'B', n: 50, metrics: { Accuracy: null } },
    ]);
    expect(checkGroups(r)).toEqual([]);
  });

  test('no table, no check', () => expect(checkGroups(record({ id: 'x' }))).toEqual([]));
});

describe('checkMetricValues', () => {
  test('the template test metrics are in range and F1 agrees with precision and recall', () =>
    expect(checkMetricValues(template)).toEqual([]));

  const metrics = (
    testMetrics: NonNullable<ExperimentInput['evaluation']>['testMetrics'],
    extra: NonNullable<ExperimentInput['evaluation']> = {},
  ) => record({ id: 'x', evaluation: { testMetrics, ...extra } });

  test.each([
    [{ metric: 'Accuracy', value: 186.9 }, 'Accuracy is 186.9, neither a fraction (0–1) nor a percentage (0–100).'],
    [{ metric: 'Accuracy', value: -0.1 }, 'Accuracy is -0.1, neither a fraction (0–1) nor a percentage (0–100).'],
    [{ metric: 'Accuracy', value: 101, unit: '%' }, 'Accuracy is 101, outside 0–100.'],
  ])('%o is out of range', (tm, text) => {
    expect(checkMetricValues(metrics([tm]))).toEqual([
      { level: 'warning', code: 'value-out-of-range', message: text, path: 'evaluation.testMetrics.0.value' },
    ]);
  });

  test('a bare 86.9 is read as a percentage, and a note says so', () => {
    expect(checkMetricValues(metrics([{ metric: 'Accuracy', value: 86.9 }]))).toEqual([
      {
        level: 'info',
        code: 'percent-without-unit',
        message: 'Accuracy is 86.9 with no unit: it is read as 86.9% (give it the unit "%", or write 0.869, to say so).',
        path: 'evaluation.testMetrics.0.value',
      },
    ]);
  });

  test.each([[{ metric: 'Accuracy', value: 86.9, unit: '%' }], [{ metric: 'Loss', value: 3.2 }], [{ metric: 'Accuracy', value: null }]])(
    '%o is in range',
    (tm) => expect(checkMetricValues(metrics([tm]))).toEqual([]),
  );

  test.each([
    [{ low: 0.85, high: 0.89 }, null],
    [{ low: 0.87, high: 0.89 }, null],
    [{ low: 0.875, high: 0.89 }, 'The 95% CI of Accuracy [0.875, 0.89] does not contain its value 0.869.'],
    [{ low: 0.89, high: 0.85 }, 'The 95% CI of Accuracy has its low bound 0.89 above its high bound 0.85.'],
  ])('CI bounds %o', (ci95, text) => {
    const checks = checkMetricValues(metrics([{ metric: 'Accuracy', value: 0.869, ci95 }]));
    expect(checks).toEqual(
      text === null ? [] : [{ level: 'warning', code: 'ci-mismatch', message: text, path: 'evaluation.testMetrics.0.ci95' }],
    );
  });

  test('a half-width beside a value in percent that may be points or a fraction is doubtful', () => {
    expect(checkMetricValues(metrics([{ metric: 'Recall', value: 81.5, unit: '%', ci95: 0.011 }]))).toEqual([
      {
        level: 'warning',
        code: 'ci-scale',
        message:
          "The 95% CI of Recall is ±0.011 beside its value 81.5%: read as ±0.011 percentage points, an interval few test sets are large enough for, so changes are computed without it. If it is a fraction (±1.1 points), write ±1.1%; if it is points, give the test set's size.",
        path: 'evaluation.testMetrics.0.ci95',
      },
    ]);
  });

  test("a doubtful half-width where the test set's size is given, or the metric is no count: bounds, not a size, settle it", () => {
    // AUC 77.45% ± 0.04 on a test set of 5,000,000: AUC is no proportion of counts, so the size does not
    // tell points from a fraction; as bounds, 77.45 ∓ 0.04 = 77.41–77.49%.
    const record = metrics([{ metric: 'AUC', value: 77.45, unit: '%', ci95: 0.04 }]);
    const sized = { ...record, evaluation: { ...record.evaluation, testSetSize: 5_000_000 } };
    expect(checkMetricValues(sized)[0]?.message).toBe(
      'The 95% CI of AUC is ±0.04 beside its value 77.45%: read as ±0.04 percentage points, an interval few test sets are large enough for, so changes are computed without it. If it is a fraction (±4 points), write ±4%; if it is points, write its bounds, 77.41–77.49%.',
    );
  });

  test('a doubtful half-width too small to print in full gives bounds to 12 places at most', () => {
    // F1 0% ± 5e-324 (a fuzzer's number): 0 ∓ 5e-324 is 0.000000000000 to 12 places, not a RangeError.
    expect(checkMetricValues(metrics([{ metric: 'F1 Score', value: 0, unit: '%', ci95: 5e-324 }]))[0]?.message).toContain(
      'write its bounds, 0.000000000000–0.000000000000%.',
    );
  });

  test('test F1 that contradicts test precision and recall', () => {
    const checks = checkMetricValues(
      metrics([
        { metric: 'Precision', value: 0.845 },
        { metric: 'Recall', value: 0.823 },
        { metric: 'F1 Score', value: 0.84 },
      ]),
    );
    expect(checks).toEqual([
      {
        level: 'warning',
        code: 'metric-mismatch',
        message: 'Test F1 is 0.84, but precision 0.845 and recall 0.823 give F1 = 2PR / (P + R) = 0.8339.',
        path: 'evaluation.testMetrics.2.value',
      },
    ]);
  });

  test('F1 is not checked against macro precision and recall of a multi-class matrix; across scales it is, on one scale', () => {
    const tms = [
      { metric: 'Precision', value: 0.5 },
      { metric: 'Recall', value: 0.5 },
      { metric: 'F1', value: 0.9 },
    ];
    expect(checkMetricValues(metrics(tms, { confusionMatrix: threeClass }))).toEqual([]);
    expect(checkMetricValues(metrics([...tms.slice(0, 2), { metric: 'F1', value: 90, unit: '%' }]))[0]?.message).toBe(
      'Test F1 is 90, but precision 0.5 and recall 0.5 give F1 = 2PR / (P + R) = 50.',
    );
    expect(checkMetricValues(metrics([...tms.slice(0, 2), { metric: 'F1', value: 50, unit: '%' }]))).toEqual([]);
    expect(checkMetricValues(metrics([...tms.slice(0, 2), { metric: 'F2', value: 0.9 }]))).toEqual([]);
    expect(
      checkMetricValues(
        metrics([
          { metric: 'Precision', value: 0 },
          { metric: 'Recall', value: 0 },
          { metric: 'F1', value: 0 },
        ]),
      ),
    ).toEqual([]);
  });

  test('the current baseline row must repeat the test metrics; baseline values are range-checked', () => {
    const r = templateRecord({
      comparison: {
        baselines: [
          { label: 'Current', current: true, metrics: { Accuracy: 0.87, 'F1 Score': 0.81, Other: 1 } },
          { label: 'Old', metrics: { Accuracy: 185.1 } },
        ],
      },
    });
    expect(checkMetricValues(r)).toEqual([
      {
        level: 'warning',
        code: 'value-out-of-range',
        message: 'Accuracy is 185.1, neither a fraction (0–1) nor a percentage (0–100).',
        path: 'comparison.baselines.1.metrics.Accuracy',
      },
      {
        level: 'warning',
        code: 'baseline-current-mismatch',
        message: 'F1 Score is 0.81 in the current row of the baseline table but 0.834 in the test metrics.',
        path: 'comparison.baselines.0.metrics.F1 Score',
      },
    ]);
  });
});

describe('one scale in the checks', () => {
  test.each([
    // `WER (%)` 11.2 in the table, `wer: 0.112` in the frontmatter: 0.112 × 100 = 11.2, the same.
    [11.2, 0.112, []],
    // 12.2% is not 0.112 (11.2%); nor is 11.2% a WER of 11.9 (no fraction).
    [12.2, 0.112, ['baseline-current-mismatch']],
    [11.2, 11.9, ['baseline-current-mismatch']],
  ])('WER (%%) %d in the current row against a test WER of %d: %j', (row, test, expected) => {
    const r = record({
      id: 'asr',
      evaluation: {
        testMetrics: [{ metric: 'WER', value: test }],
        disaggregated: [{ group: 'Overall', overall: true, metrics: { 'WER (%)': row } }],
      },
      comparison: { baselines: [{ label: 'Now', current: true, metrics: { 'WER (%)': row } }] },
    });
    expect(codes(checkMetricValues(r))).toEqual(expected);
    expect(codes(checkGroups(r)).filter((code) => code === 'group-overall-mismatch')).toEqual(
      expected.length === 0 ? [] : ['group-overall-mismatch'],
    );
  });

  test('the current row 0.87 repeats the test metric 87%: no "0.87 vs 87" warning', () => {
    const r = record({
      id: 'x',
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: 87, unit: '%', ci95: 0.7 }] },
      comparison: { baselines: [{ label: 'Now', current: true, metrics: { Accuracy: 0.87 } }] },
    });
    expect(checkMetricValues(r)).toEqual([]);
    const off = record({ ...r, comparison: { baselines: [{ label: 'Now', current: true, metrics: { Accuracy: 0.85 } }] } });
    expect(checkMetricValues(off)[0]?.message).toBe(
      'Accuracy is 0.85 in the current row of the baseline table but 87 in the test metrics.',
    );
  });

  test('an Overall row of 86.9% agrees with a test metric of 0.869', () => {
    const r = record({
      id: 'x',
      evaluation: {
        testMetrics: [{ metric: 'Accuracy', value: 0.869 }],
        disaggregated: [{ group: 'Overall', metrics: { 'Accuracy (%)': 86.9 } }],
      },
    });
    expect(checkGroups(r)).toEqual([]);
  });

  test('a best model written as 0.878 agrees with a history column written as 87.8', () => {
    const r = record({
      id: 'x',
      training: {
        history: [
          { epoch: 1, 'Val Acc (%)': 80.1 },
          { epoch: 2, 'Val Acc (%)': 87.8 },
        ],
        bestModel: { epoch: 2, selectedBy: 'Val Acc', metrics: { 'Validation Accuracy': 0.878 } },
      },
    });
    expect(checkTraining(r)).toEqual([]);
  });
});

describe('checkCompute', () => {
  test('GPU-hours written as 48.0 are good to ±0.05: 4 × 12.1 h is a mismatch', () => {
    const infra = { gpuCount: 4, durationHours: 12.1, gpuHours: 48 };
    expect(checkCompute(record({ id: 'x', training: { infrastructure: infra } }))).toEqual([]);
    const written = record({
      id: 'x',
      training: { infrastructure: infra },
      writtenDecimals: { 'training.infrastructure.gpuHours': 1 },
    });
    expect(codes(checkCompute(written))).toEqual(['compute-mismatch']);
  });

  test.each([
    [{ gpuCount: 4, durationHours: 12, gpuHours: 48 }, []],
    [{ gpuCount: 4, durationHours: 12, gpuHours: 50 }, []],
    [{ gpuCount: 8, durationHours: 12.5, gpuHours: 100 }, []],
    [{ gpuCount: 4, durationHours: 12 }, []],
    [
      { gpuCount: 4, durationHours: 12, gpuHours: 40 },
      [
        {
          level: 'warning',
          code: 'compute-mismatch',
          message: 'GPU-hours are 40, but 4 GPUs × 12 hours = 48.',
          path: 'training.infrastructure.gpuHours',
        },
      ],
    ],
  ])('%o', (infrastructure, expected) => expect(checkCompute(withSection('training', { infrastructure }))).toEqual(expected));
  test('no training section, no check', () => expect(checkCompute(record({ id: 'x' }))).toEqual([]));
});

describe('checkTraining', () => {
  const history = template.training?.history ?? [];

  test('the template: best epoch 85 is not in the history and beats every row; early stopping contradicts the history', () => {
    expect(checkTraining(template)).toEqual([
      {
        level: 'warning',
        code: 'early-stopping-mismatch',
        message:
          'With early stopping (patience 10) and the best model at epoch 85, training should have stopped by epoch 95, but the history reaches epoch 100.',
        path: 'model.training.earlyStopping.patience',
        hint: 'This is expected only if early stopping monitored a different metric than the best-model selection.',
      },
    ]);
  });

  const training = (bestModel: NonNullable<ExperimentInput['training']>['bestModel'], extra: Partial<ExperimentInput> = {}) =>
    templateRecord({ training: { history, bestModel }, model: {}, reproducibility: {}, ...extra });

  test.each([
    ['the best epoch row agrees', { epoch: 50, metrics: { 'Val Loss': 0.342, 'Val Acc': 0.876 } }, []],
    [
      'the best epoch row says otherwise',
      { epoch: 50, metrics: { 'Validation Loss': 0.33 } },
      ['The best model (epoch 50) has Validation Loss 0.33, but the training history row of epoch 50 says 0.342.'],
    ],
    ['selected by val loss, and it is the lowest', { epoch: 85, selectedBy: 'val_loss', metrics: { 'Val Loss': 0.334 } }, []],
    [
      'selected by val loss, but epoch 50 is lower',
      { epoch: 85, selectedBy: 'Val Loss', metrics: { 'Val Loss': 0.35 } },
      ['The best model (epoch 85) is chosen by Val Loss (lower is better) with 0.35, but epoch 50 has 0.342.'],
    ],
    [
      'selected by val accuracy at a history row that is not the best',
      { epoch: 20, selectedBy: 'Validation Accuracy' },
      ['The best model (epoch 20) is chosen by Val Acc (higher is better) with 0.834, but epoch 50 has 0.876.'],
    ],
    ['selection metric without a value', { epoch: 85, selectedBy: 'Val Acc' }, []],
    ['selection metric with no direction', { epoch: 85, selectedBy: 'Learning Rate', metrics: { 'Learning Rate': 0.5 } }, []],
    [
      'no selection metric, and epoch 50 is better on everything',
      { epoch: 85, metrics: { 'Val Loss': 0.36, 'Val Acc': 0.87, Note: 1 } },
      ['The best model (epoch 85) is worse than epoch 50 on every metric it reports (Val Loss, Val Acc).'],
    ],
    ['no selection metric, better on one metric', { epoch: 85, metrics: { 'Val Loss': 0.3, 'Val Acc': 0.87 } }, []],
    ['no comparable metric', { epoch: 85, metrics: { Note: 1 } }, []],
  ])('%s', (_, bestModel, messages) => {
    expect(checkTraining(training(bestModel)).map((c) => c.message)).toEqual(messages);
  });

  test("a history value's written precision is read at its own row", () => {
    const rows = [
      { epoch: 1, 'Val Acc': 0.5 },
      { epoch: 2, 'Val Acc': 0.88 },
    ];
    const best = { epoch: 2, metrics: { 'Val Acc': 0.876 } };
    // 0.88 (±0.005) holds 0.876; written as 0.880 (±0.0005) it does not.
    expect(checkTraining(templateRecord({ training: { history: rows, bestModel: best }, model: {}, reproducibility: {} }))).toEqual([]);
    const written = templateRecord({
      training: { history: rows, bestModel: best },
      model: {},
      reproducibility: {},
      writtenDecimals: { 'training.history.1.Val Acc': 3 },
    });
    expect(checkTraining(written).map((c) => c.message)).toEqual([
      'The best model (epoch 2) has Val Acc 0.876, but the training history row of epoch 2 says 0.88.',
    ]);
  });

  test('a best epoch beyond the configured epochs', () => {
    const r = training({ epoch: 85 }, { model: { training: { epochs: 60 } } });
    expect(checkTraining(r)).toEqual([
      {
        level: 'warning',
        code: 'best-epoch-mismatch',
        message: 'The best model is at epoch 85, but training is configured for 60 epochs.',
        path: 'training.bestModel.epoch',
      },
    ]);
  });

  test('early stopping consistent with the history, or disabled', () => {
    expect(checkTraining(training({ epoch: 95 }, { model: { training: { earlyStopping: { enabled: true, patience: 10 } } } }))).toEqual([]);
    expect(checkTraining(training({ epoch: 85 }, { model: { training: { earlyStopping: { enabled: false, patience: 10 } } } }))).toEqual(
      [],
    );
  });

  test('a history out of order is reported once', () => {
    const r = templateRecord({ training: { history: [{ epoch: 2 }, { epoch: 1 }, { epoch: 0 }] } });
    expect(checkTraining(r)).toEqual([
      {
        level: 'info',
        code: 'history-order',
        message: 'The training history is not in epoch order: epoch 1 follows epoch 2.',
        path: 'training.history.1.epoch',
      },
    ]);
  });

  test('a checkpoint of another epoch', () => {
    const r = training(
      { epoch: 50 },
      {
        reproducibility: {
          artifacts: [
            { name: 'Checkpoint', uri: 's3://b/checkpoint-epoch-85.ckpt' },
            { name: 'Model', uri: 's3://b/model.pkl' },
          ],
        },
      },
    );
    expect(checkTraining(r)).toEqual([
      {
        level: 'info',
        code: 'checkpoint-epoch-mismatch',
        message: 'Artifact "Checkpoint" is a checkpoint of epoch 85, but the best model is at epoch 50.',
        path: 'reproducibility.artifacts.0.uri',
      },
    ]);
  });

  test('no best model, no best-model checks', () => {
    expect(checkTraining(record({ id: 'x' }))).toEqual([]);
    expect(checkTraining(record({ id: 'x', training: { bestModel: { metrics: { 'Val Loss': 1 } } } }))).toEqual([]);
  });
});

describe('checkReferences', () => {
  const r = record({
    id: 'a',
    lineage: { parent: 'gone', related: ['b', 'missing'] },
    comparison: {
      baselines: [
        { label: 'Prod (exp-042)', experimentId: 'exp-042', metrics: {} },
        { label: 'B', experimentId: 'b', metrics: {} },
      ],
    },
  });
  test('parent and related ids not among the records are warnings; baseline ids info', () => {
    expect(checkReferences(r, new Set(['a', 'b']))).toEqual([
      {
        level: 'warning',
        code: 'dangling-reference',
        message: 'Parent experiment "gone" is not among the records.',
        path: 'lineage.parent',
      },
      {
        level: 'warning',
        code: 'dangling-reference',
        message: 'Related experiment "missing" is not among the records.',
        path: 'lineage.related.1',
      },
      {
        level: 'info',
        code: 'dangling-reference',
        message: 'Baseline "Prod (exp-042)" refers to experiment "exp-042", which is not among the records.',
        path: 'comparison.baselines.0.experimentId',
      },
    ]);
  });
  test('all present: nothing', () => expect(checkReferences(r, new Set(['a', 'b', 'gone', 'missing', 'exp-042']))).toEqual([]));
});

describe('checkPlaceholders', () => {
  test('one info item listing the placeholders', () => {
    expect(checkPlaceholders(template)).toEqual([
      {
        level: 'info',
        code: 'placeholder',
        message: '3 fields are still unfilled template placeholders: name, experimenter, trackingPlatform.',
        path: 'placeholders',
      },
    ]);
    expect(checkPlaceholders(record({ id: 'x', placeholders: ['name'] }))[0]?.message).toBe(
      '1 field is still unfilled template placeholders: name.',
    );
  });
  test('none', () => expect(checkPlaceholders(record({ id: 'x', placeholders: [] }))).toEqual([]));
});

describe('checkTuning', () => {
  test('the template: tuning found learning_rate 0.00085 but the table uses 0.001', () => {
    expect(checkTuning(template)).toEqual([
      {
        level: 'info',
        code: 'hyperparameter-mismatch',
        message: 'Tuning found learning_rate = 0.00085, but the hyperparameter table uses 0.001.',
        path: 'model.hyperparameters.0.value',
      },
    ]);
  });
  test('strings and numbers of the same value agree; other values are shown as JSON', () => {
    const r = record({
      id: 'x',
      model: {
        hyperparameters: [
          { name: 'a', value: '32' },
          { name: 'b', value: 0.5 },
          { name: 'c', value: 'adam' },
          { name: 'd' },
          { name: 'e', value: 1 },
        ],
      },
      tuning: { bestHyperparameters: { a: 32, b: '0.5', c: ['sgd'], d: 1 } },
    });
    expect(checkTuning(r).map((c) => c.message)).toEqual(['Tuning found c = ["sgd"], but the hyperparameter table uses adam.']);
  });
});

describe('checkRecord', () => {
  test('the template: every finding, warnings before info', () => {
    expect(codes(checkRecord(template, { ids: new Set(['exp-123']) }))).toEqual([
      'metric-mismatch',
      'metric-mismatch',
      'metric-mismatch',
      'metric-mismatch',
      'early-stopping-mismatch',
      'dangling-reference',
      'hyperparameter-mismatch',
      'placeholder',
    ]);
  });
  test('a record on a parent cycle gets an error first', () => {
    const checks = checkRecord(record({ id: 'a', lineage: { parent: 'b' }, placeholders: ['x'] }), {
      ids: new Set(['a', 'b']),
      cycle: ['a', 'b'],
    });
    expect(checks).toEqual([
      { level: 'error', code: 'lineage-cycle', message: 'The parent chain loops: a → b → a.', path: 'lineage.parent' },
      { level: 'info', code: 'placeholder', message: '1 field is still unfilled template placeholders: x.', path: 'placeholders' },
    ]);
  });
  test('an empty record has nothing to check', () => expect(checkRecord(record({ id: 'x' }), { ids: new Set(['x']) })).toEqual([]));
});

describe('sortChecks', () => {
  test('errors, warnings, info; stable within a level', () => {
    const c = (level: Check['level'], code: string): Check => ({ level, code, message: '', path: '' });
    expect(codes(sortChecks([c('info', 'i1'), c('warning', 'w1'), c('error', 'e'), c('info', 'i2'), c('warning', 'w2')]))).toEqual([
      'e',
      'w1',
      'w2',
      'i1',
      'i2',
    ]);
  });
});

describe('checkParentDataset', () => {
  const on = (name: string | undefined, version?: string): Experiment =>
    record({ id: 'x', ...(name === undefined ? {} : { dataset: { name, ...(version === undefined ? {} : { version }) } }) });

  test('another version of the same dataset: one info item naming both', () => {
    expect(checkParentDataset(on('subscriber-activity', '2.0.0'), { ...on('subscriber-activity', '1.0.0'), id: 'churn-007' })).toEqual([
      {
        level: 'info',
        code: 'parent-dataset-differs',
        path: 'dataset',
        message:
          "The parent churn-007 was evaluated on subscriber-activity (version 1.0.0), this experiment on subscriber-activity (version 2.0.0): a change against the parent mixes the model's effect with the data's.",
      },
    ]);
  });

  test('another dataset, whatever the versions', () => {
    expect(codes(checkParentDataset(on('tx-eu'), on('tx-us')))).toEqual(['parent-dataset-differs']);
    expect(codes(checkParentDataset(on('tx-eu', '1'), on('tx-us', '1')))).toEqual(['parent-dataset-differs']);
  });

  test('nothing when the data is the same or not known to differ', () => {
    // Names compared without case or surrounding space; `v2.0` is version 2.0.
    expect(checkParentDataset(on('Transactions', 'v2.0'), on(' transactions ', '2.0'))).toEqual([]);
    expect(checkParentDataset(on('tx', '2.0.0'), on('tx', '2'))).toEqual([]);
    expect(codes(checkParentDataset(on('tx', '2.0.1'), on('tx', '2.0')))).toEqual(['parent-dataset-differs']);
    // One side without a version, or without a dataset: not known to differ.
    expect(checkParentDataset(on('tx', '2'), on('tx'))).toEqual([]);
    expect(checkParentDataset(on(undefined), on('tx', '1'))).toEqual([]);
    expect(checkParentDataset(on('tx', '1'), on(undefined))).toEqual([]);
  });
});
