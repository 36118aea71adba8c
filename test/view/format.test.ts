import { describe, expect, test } from 'vitest';
import {
  decimalsOf,
  deltaDecimals,
  formatCiText,
  formatColumn,
  formatMetricColumn,
  formatMetricValue,
  formatMetricValues,
  formatPercent,
  formatPoints,
  formatRelative,
  formatSetting,
  formatSigned,
  formatValue,
  humanize,
  percentDecimals,
} from '../../src/view/format.ts';

describe('decimalsOf', () => {
  test.each([
    [0.869, 3],
    [45, 0],
    [0.5, 1],
    [1e-5, 5],
    [1.5e-7, 8],
    [12.25, 2],
  ])('%s was written with %s decimals', (value, decimals) => {
    expect(decimalsOf(value)).toBe(decimals);
  });
});

describe('formatValue', () => {
  test.each([
    [0.869, undefined, '0.869'],
    [150000, undefined, '150,000'],
    [-3, undefined, '\u22123'],
    [0.8, 3, '0.800'],
    [null, undefined, '—'],
    [Number.POSITIVE_INFINITY, undefined, '∞'],
  ])('%s (%s decimals) → %s', (value, decimals, expected) => {
    expect(formatValue(value, decimals)).toBe(expected);
  });
});

describe('formatColumn', () => {
  test('pads every value to the precision of the most precise one', () => {
    expect(formatColumn([0.67, 0.787, null])).toEqual(['0.670', '0.787', '—']);
  });
  test('shows at most 6 decimals, and a smaller value written with more in its own significant digits, never as 0', () => {
    // A cosine schedule's tail: 4.4e-7 at 6 decimals is 0.000000; 0.00012345678 is 0.000123 at 6.
    expect(formatColumn([0.000088, 0.00012345678, 4.4e-7, 0])).toEqual(['0.000088', '0.000123', '4.40e\u22127', '0.000000']);
    // Float noise from an importer is cut to 6 decimals, not shown in full.
    expect(formatColumn([0.30000000000000004, 0.5])).toEqual(['0.300000', '0.500000']);
  });
});

describe('formatSigned', () => {
  test.each([
    [0.018, 3, '', '+0.018'],
    [-1.5, 1, 'pp', '\u22121.5 pp'],
    [3, 0, 'ms', '+3 ms'],
    // No change is 0 (a ± would read as an interval); a change that rounds to 0 is ±0.
    [0, 2, 'pp', '0.00 pp'],
    [-0, 1, '%', '0.0%'],
    [0.001, 2, '', '±0.00'],
    [2.1, 1, '%', '+2.1%'],
    // Thousands separators, as the values beside the change are written (41,200 − 44,100).
    [-2900, 0, '', '\u22122,900'],
    [20600.5, 1, '', '+20,600.5'],
    [1234.5, 1, 'ms', '+1234.5 ms'],
  ])('%s with %s decimals and unit "%s" → %s', (value, decimals, unit, expected) => {
    expect(formatSigned(value, decimals, unit)).toBe(expected);
  });
});

describe('formatRelative', () => {
  test('shows a fraction as a signed percentage with one decimal', () => {
    // 0.018 / 0.851 = 0.021151…
    expect(formatRelative(0.018 / 0.851)).toBe('+2.1%');
    // AUC 0.9012 against 0.9011: +0.0111%, not "±0.0%" beside a claim of "+0.01%"; no change is 0.0%.
    expect(formatRelative(0.0001 / 0.9011)).toBe('+0.011%');
    expect(formatRelative(-0.0004)).toBe('−0.040%');
    expect(formatRelative(0.0005)).toBe('+0.1%');
    expect(formatRelative(0)).toBe('0.0%');
  });
  test('says n/a when the relative change is undefined', () => {
    expect(formatRelative(null)).toBe('n/a');
  });
});

describe('deltaDecimals', () => {
  test('uses the precision of the values compared', () => {
    expect(deltaDecimals([0.869, 0.851])).toBe(3);
    expect(deltaDecimals([45, 42])).toBe(0);
  });
});

describe('humanize', () => {
  test.each([
    ['successCriteria', 'Success criteria'],
    ['use_case', 'Use case'],
    ['curator', 'Curator'],
    ['ModelName', 'Model name'],
    ['learning-rate', 'Learning rate'],
    // Labels as written keep their case, acronyms and asides.
    ['TFT (this run)', 'TFT (this run)'],
    ['SARIMAX', 'SARIMAX'],
    ['Train Loss', 'Train Loss'],
    ['Metric', 'Metric'],
    ['F1', 'F1'],
    ['IoU', 'IoU'],
    ['mIoU', 'mIoU'],
    ['ROC-AUC', 'ROC-AUC'],
    ['GPU-hours', 'GPU-hours'],
    ['f1Score', 'F1 score'],
    ['co2Kg', 'Co2 kg'],
    // Identifiers' acronyms and names with their own case are spelled as ML tools spell them.
    ['pr_auc', 'PR AUC'],
    ['gpu_hours', 'GPU hours'],
    ['num_gpus', 'Num GPUs'],
    ['val_miou', 'Val mIoU'],
    ['experimentId', 'Experiment ID'],
    ['mlflow_run_id', 'MLflow run ID'],
    ['lr_schedule', 'LR schedule'],
    // A word that only starts like one is left alone.
    ['idle_time', 'Idle time'],
  ])('%s → %s', (key, label) => {
    expect(humanize(key)).toBe(label);
  });
});

describe('the display rule', () => {
  test.each([
    [{ metric: 'Accuracy', value: 0.684 }, '68.4%'],
    [{ metric: 'Accuracy', value: 87, unit: '%' }, '87%'],
    [{ metric: 'Accuracy (%)', value: 86.2 }, '86.2%'],
    [{ metric: 'Accuracy', value: 0.89, decimals: 3 }, '89.0%'],
    [{ metric: 'F1 Score', value: 0.8345 }, '83.45%'],
    [{ metric: 'Latency (ms)', value: 45 }, '45 ms'],
    [{ metric: 'Latency', value: 4.5, unit: 's' }, '4.5 s'],
    [{ metric: 'Val Loss', value: 0.342 }, '0.342'],
    [{ metric: 'Accuracy', value: 130 }, '130'],
    [{ metric: 'Accuracy', value: null }, '—'],
  ])('%o → %s', (input, text) => expect(formatMetricValue(input)).toBe(text));

  test('values side by side share the largest precision: 87% and 0.856 → 87.0% and 85.6%', () => {
    expect(
      formatMetricValues([
        { metric: 'Accuracy', value: 87, unit: '%' },
        { metric: 'Accuracy', value: 0.856 },
        { metric: 'Accuracy', value: undefined },
      ]),
    ).toEqual(['87.0%', '85.6%', '—']);
  });

  test('percent and point helpers', () => {
    expect([percentDecimals(3), percentDecimals(1), percentDecimals(9)]).toEqual([1, 0, 4]);
    expect([formatPercent(0.8693, 2), formatPercent(null, 1)]).toEqual(['86.93%', '—']);
    expect([formatPoints(0.02, 0), formatPoints(-0.0143, 1), formatPoints(undefined, 1)]).toEqual(['+2 pp', '\u22121.4 pp', '—']);
  });
});

describe('formatMetricColumn', () => {
  test('a proportion written in percent keeps its percent sign: 87.3, 86.5, 88 → 87.3%, 86.5%, 88.0%', () => {
    expect(formatMetricColumn('Accuracy', [87.3, 86.5, 88])).toEqual(['87.3%', '86.5%', '88.0%']);
    expect(formatMetricColumn('Val Acc', [61, 74.5, 80.2, null])).toEqual(['61.0%', '74.5%', '80.2%', '—']);
    // 0 is 0% on either scale.
    expect(formatMetricColumn('FPR', [0, 2.5])).toEqual(['0.0%', '2.5%']);
  });
  test('the places each value was written with, where the number shows fewer: 89.0 and 92.0 stay 89.0% and 92.0%', () => {
    expect(formatMetricColumn('Accuracy', [89, 92])).toEqual(['89%', '92%']);
    expect(formatMetricColumn('Accuracy', [89, 92], [1, 1])).toEqual(['89.0%', '92.0%']);
    // `0.9000` beside 0.8912: four places for both; a number with more places than given keeps its own.
    expect(formatMetricColumn('F1', [0.8912, 0.9], [0, 4])).toEqual(['0.8912', '0.9000']);
    expect(formatMetricColumn('F1', [0.8912, 0.9], [1])).toEqual(['0.8912', '0.9000']);
  });
  test('fractions, mixed scales, other metrics and units stay as written', () => {
    expect(formatMetricColumn('F1', [0.834, 0.83])).toEqual(['0.834', '0.830']);
    // 0.87 is read as a fraction and 87 as percent: no one sign fits both.
    expect(formatMetricColumn('Accuracy', [0.87, 87])).toEqual(['0.87', '87.00']);
    expect(formatMetricColumn('Train Acc', [0.5, 1])).toEqual(['0.5', '1.0']);
    expect(formatMetricColumn('Latency (ms)', [45, 42])).toEqual(['45', '42']);
    expect(formatMetricColumn('Val Loss', [0.7, 1.55])).toEqual(['0.70', '1.55']);
    expect(formatMetricColumn('Accuracy', [87, 130])).toEqual(['87', '130']);
  });
});

describe('formatCiText', () => {
  test("a CI as written, in the value's unit", () => {
    expect(formatCiText(0.012)).toBe('±0.012');
    // A half-width beside a percentage is a difference of percentages: points, as the summary says (`± 0.7 pp`),
    // never to be read as ±0.7% of the value. Bounds are percentages.
    expect(formatCiText(0.7, '%')).toBe('±0.7 pp');
    expect(formatCiText({ low: 86.6, high: 88 }, '%')).toBe('[86.6, 88.0]%');
    expect(formatCiText({ low: 40, high: 50 }, 'ms')).toBe('[40, 50] ms');
    expect(formatCiText({ low: 0.821, high: 0.847 }, null)).toBe('[0.821, 0.847]');
    expect(formatCiText(undefined, '%')).toBe('—');
  });

  test("bounds to the value's places or their own, whichever has more; both bounds alike", () => {
    // Beside 0.851 (3 places): 0.86 is 0.860.
    expect(formatCiText({ low: 0.842, high: 0.86 }, null, 3)).toBe('[0.842, 0.860]');
    // A half-width with more places than the value keeps them: ±0.0125 beside 0.85.
    expect(formatCiText(0.0125, null, 2)).toBe('±0.0125');
    expect(formatCiText(0.7, '%', 1)).toBe('±0.7 pp');
    // Bounds written to different places are shown to the larger: [40.5, 50] ms → [40.5, 50.0] ms.
    expect(formatCiText({ low: 40.5, high: 50 }, 'ms')).toBe('[40.5, 50.0] ms');
  });
});

describe('formatSetting', () => {
  test.each([
    [0.0003, '3e−4'],
    [0.000025, '2.5e−5'],
    [1e-7, '1e−7'],
    [-0.0001, '−1e−4'],
    [0.001, '0.001'],
    [0.05, '0.05'],
    [0, '0'],
    [64, '64'],
    ['cosine', 'cosine'],
    [true, 'yes'],
  ])('%s → %s (a learning rate as it is written)', (value, text) => expect(formatSetting(value)).toBe(text));
});
