import { describe, expect, test } from 'vitest';
import { buildExperimentCharts, chartableTestMetrics, fairnessAttributes, fairnessData, trainingSeries } from '../../src/charts/build.ts';
import { isOverallGroup } from '../../src/analysis/sizes.ts';
import type { Experiment } from '../../src/schema/index.ts';
import { emptyRecord, templateRecord } from './fixtures.ts';
import { vegaLiteSchemaErrors } from './helpers.ts';

const lineageChain = [
  { id: 'exp-001', value: 0.8 },
  { id: 'exp-042', value: 0.851 },
  { id: 'exp-123', value: 0.869 },
];

describe('buildExperimentCharts', () => {
  test('returns every chart, in page order, when the data is present', () => {
    const charts = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy', lineageChain });
    expect(charts.map((c) => [c.id, c.section])).toEqual([
      ['lineage-trend', 'summary'],
      ['training-curves', 'training'],
      ['learning-rate', 'training'],
      ['test-metrics', 'evaluation'],
      ['confusion-matrix', 'evaluation'],
      ['fairness-accuracy-sex', 'fairness'],
      ['baselines-accuracy', 'comparison'],
      ['search-space', 'model'],
      ['feature-importance', 'observations'],
    ]);
  });

  test('the summary chart is the headline along the lineage, else the losses by epoch, else none', () => {
    const withLineage = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy', lineageChain });
    expect(withLineage.filter((c) => c.section === 'summary').map((c) => c.id)).toEqual(['lineage-trend']);
    const root = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy' });
    const summary = root.filter((c) => c.section === 'summary');
    expect(summary.map((c) => [c.id, c.title])).toEqual([['summary-curves', 'Loss by epoch']]);
    // Only the loss columns, one panel.
    expect(summary[0]?.table.columns).toEqual([
      'Epoch',
      ...root.find((c) => c.id === 'training-curves')!.table.columns.filter((c) => /loss/i.test(c)),
    ]);
    expect(vegaLiteSchemaErrors(summary[0]!.spec)).toEqual([]);
    expect(
      buildExperimentCharts({ record: { id: 'x', training: { history: [{ epoch: 1, Accuracy: 0.5 }] } } }).map((c) => [c.id, c.title]),
    ).toEqual([
      ['summary-curves', 'Accuracy by epoch'],
      ['training-curves', 'Training curves'],
    ]);
  });

  test('every chart spec is valid Vega-Lite and every table row matches its columns', () => {
    for (const chart of buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy', lineageChain })) {
      expect(vegaLiteSchemaErrors(chart.spec), chart.id).toEqual([]);
      for (const row of chart.table.rows) expect(row, chart.id).toHaveLength(chart.table.columns.length);
      expect(chart.description.length, chart.id).toBeGreaterThan(20);
    }
  });

  test('the per-epoch charts point to the page table of training metrics for their data; the others carry their own', () => {
    const root = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy' });
    const training = { table: 'training-metrics', label: 'Training metrics' };
    expect(root.map((c) => [c.id, c.table.shownIn])).toEqual([
      ['summary-curves', [training]],
      ['training-curves', [training]],
      ['learning-rate', [training]],
      ['test-metrics', undefined],
      ['confusion-matrix', undefined],
      ['fairness-accuracy-sex', undefined],
      ['baselines-accuracy', undefined],
      ['search-space', undefined],
      ['feature-importance', undefined],
    ]);
  });

  test('skips every chart for a record without data', () => {
    expect(buildExperimentCharts({ record: emptyRecord })).toEqual([]);
  });

  test('skips charts whose data is unusable instead of drawing them broken', () => {
    const record: Experiment = {
      id: 'exp-bad',
      training: { history: [{ epoch: 1, 'Learning Rate': 0.001 }] },
      evaluation: {
        confusionMatrix: { labels: ['a', 'b'], matrix: [[1, 2]] },
        disaggregated: [
          { group: 'Overall', overall: true, metrics: { Accuracy: 0.9 } },
          { group: 'Female', attributes: { sex: 'Female' }, metrics: { Accuracy: 0.9 } },
        ],
        testMetrics: [
          { metric: 'Latency', value: 45, unit: 'ms' },
          { metric: 'AUC', value: null },
        ],
      },
      comparison: { baselines: [{ label: 'Current', current: true, metrics: { Accuracy: 0.9 } }] },
      model: { hyperparameters: [{ name: 'x', value: 1, searchSpace: { kind: 'text', text: 'anything' } }] },
      observations: { featureImportance: [] },
    };
    expect(buildExperimentCharts({ record, lineageChain: [{ id: 'exp-bad', value: 0.9 }] })).toEqual([]);
  });

  test('describes charts with their numbers', () => {
    const byId = new Map(buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy', lineageChain }).map((c) => [c.id, c]));
    expect(byId.get('confusion-matrix')?.description).toContain('Neg 95.0% (95,000 of 100,000), Pos 83.0% (41,500 of 50,000)');
    expect(byId.get('confusion-matrix')?.description).toContain('8,500 Pos predicted as Neg');
    expect(byId.get('fairness-accuracy-sex')?.description).toContain('Gap (max − min): 0.008, between Male and Female');
    // Accuracy is judged by its gap, not by the four-fifths rule: the description does not name the rule.
    expect(byId.get('fairness-accuracy-sex')?.description).not.toMatch(/four-fifths|0\.8 ×/);
    expect(byId.get('test-metrics')?.description).toContain('Accuracy 0.869 (95% CI 0.857–0.881)');
    expect(byId.get('test-metrics')?.description).toContain('Not charted (different unit): Latency');
    expect(byId.get('training-curves')?.description).toContain(
      'Best model at epoch 85 (selected by Val Loss): Val Loss 0.334, Val Acc 0.878',
    );
    // Accuracy is a proportion: in percent, its change in points (0.869 − 0.8 = 0.069 → 6.9 pp), as from a page that wrote 86.9%.
    expect(byId.get('lineage-trend')?.description).toContain('exp-001 80% → exp-042 85.1% → exp-123 86.9% (change +6.9 pp)');
    const inPercent = buildExperimentCharts({
      record: { id: 'exp-123', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 86.9, unit: '%' }] } },
      headlineMetric: 'Accuracy',
      lineageChain: lineageChain.map((p) => ({
        ...p,
        value: p.value === null ? null : Number.parseFloat((p.value * 100).toPrecision(12)),
      })),
    }).find((c) => c.id === 'lineage-trend');
    expect(inPercent?.description).toContain('exp-001 80% → exp-042 85.1% → exp-123 86.9% (change +6.9 pp)');
    // A latency in ms along the lineage: its unit after each value and the change, thousands grouped.
    const latency = buildExperimentCharts({
      record: { id: 'exp-3', evaluation: { testMetrics: [{ metric: 'p99 latency', value: 38900, unit: 'ms' }] } },
      headlineMetric: 'p99 latency',
      lineageChain: [
        { id: 'exp-1', value: 41250 },
        { id: 'exp-3', value: 38900 },
      ],
    }).find((c) => c.id === 'lineage-trend');
    expect(latency?.description).toContain('exp-1 41,250 ms → exp-3 38,900 ms (change -2,350 ms)');
    expect(byId.get('baselines-accuracy')?.description).toContain('No baseline is better');
    expect(byId.get('search-space')?.description).toContain('batch_size 32 (at 33% of the space) in {16, 32, 64, 128}');
  });

  test('the row-normalized table of the confusion matrix is hand-checkable', () => {
    const chart = buildExperimentCharts({ record: templateRecord }).find((c) => c.id === 'confusion-matrix');
    expect(chart?.table.rows).toEqual([
      ['Neg', 'Neg', 95000, 0.95],
      ['Neg', 'Pos', 5000, 0.05],
      ['Pos', 'Neg', 8500, 0.17],
      ['Pos', 'Pos', 41500, 0.83],
    ]);
  });

  test('explicit fairness requests choose metric and attribute; duplicates are dropped', () => {
    const charts = buildExperimentCharts({
      record: templateRecord,
      fairness: [
        { attribute: 'sex', metric: 'f1' },
        { attribute: 'sex', metric: 'F1' },
        { attribute: 'age', metric: 'F1' },
      ],
    });
    expect(charts.filter((c) => c.section === 'fairness').map((c) => c.id)).toEqual(['fairness-f1-sex']);
  });

  test('the four-fifths line and its words for a selection rate only: best 0.50 → the line at 0.40; none for accuracy', () => {
    const record = structuredClone(templateRecord);
    record.evaluation = {
      ...record.evaluation,
      disaggregated: [
        { group: 'Female', attributes: { sex: 'Female' }, n: 500, metrics: { 'Selection Rate': 0.35, Accuracy: 0.6 } },
        { group: 'Male', attributes: { sex: 'Male' }, n: 500, metrics: { 'Selection Rate': 0.5, Accuracy: 0.9 } },
      ],
    };
    const charts = buildExperimentCharts({
      record,
      fairness: [
        { attribute: 'sex', metric: 'Selection Rate' },
        { attribute: 'sex', metric: 'Accuracy' },
      ],
    });
    const byId = new Map(charts.map((c) => [c.id, c]));
    const rate = byId.get('fairness-selection-rate-sex');
    // 0.8 × 0.50 = 0.40; Female's 0.35 is below it.
    expect(rate?.description).toContain(
      'Gap (max − min): 0.15, between Male and Female. 0.8 × best (four-fifths heuristic): 0.4; below it: Female.',
    );
    expect((rate?.spec.datasets as Record<string, Record<string, unknown>[]>)['annotations']?.[0]?.['threshold']).toBeCloseTo(0.4);
    const accuracy = byId.get('fairness-accuracy-sex');
    // Female's 0.6 is below 0.8 × 0.90 = 0.72, but accuracy is judged by its gap (0.3), not by the four-fifths rule.
    expect(accuracy?.description).toBe('Accuracy for 2 sex groups: Female 0.6, Male 0.9. Gap (max − min): 0.3, between Male and Female.');
    expect(JSON.stringify(accuracy?.spec)).not.toMatch(/four-fifths|0\.8 ×|threshold/i);
  });

  test('baselines use the first metric the current row reports when there is no headline metric', () => {
    expect(buildExperimentCharts({ record: templateRecord }).find((c) => c.section === 'comparison')?.id).toBe('baselines-accuracy');
    const latency = buildExperimentCharts({ record: templateRecord, headlineMetric: 'latency (ms)' }).find(
      (c) => c.section === 'comparison',
    );
    expect(latency?.id).toBe('baselines-latency-ms');
    expect(latency?.description).toContain('(lower is better)');
    expect(latency?.description).toContain('Better than this experiment: Previous Best (exp-042), Simple Baseline, Business Rules');
  });

  test('the headline metric is found in the baselines under another name of the same metric', () => {
    const record = {
      id: 'asr-1',
      comparison: {
        baselines: [
          { label: 'This run', current: true, metrics: { RTF: 0.21, 'WER (%)': 7.6 } },
          { label: 'Parent', metrics: { RTF: 0.2, 'WER (%)': 8.3 } },
        ],
      },
    } as unknown as Experiment;
    // `WER (%)`, not the first column (RTF), for the headline `WER`.
    expect(buildExperimentCharts({ record, headlineMetric: 'WER' }).find((c) => c.section === 'comparison')?.id).toBe('baselines-wer');
  });

  test('feature importance is sorted and capped', () => {
    const chart = buildExperimentCharts({ record: templateRecord, maxFeatures: 2 }).find((c) => c.id === 'feature-importance');
    expect(chart?.table.rows).toEqual([
      ['transaction_amount', 0.31],
      ['account_age_days', 0.22],
    ]);
    expect(chart?.description).toMatch(/^Top 2 of 3 features/);
  });
});

describe('trainingSeries', () => {
  test('takes metric columns in order, leaves the learning rate and missing cells out', () => {
    const series = trainingSeries([
      { epoch: 1, 'Train Loss': 0.9, 'Learning Rate': 0.1, 'Val Acc': null },
      { epoch: 2, 'Train Loss': 0.5, 'Val Acc': 0.7 },
    ]);
    expect(series.map((s) => [s.name, s.kind, s.split, s.points.length])).toEqual([
      ['Train Loss', 'loss', 'train', 2],
      ['Val Acc', 'score', 'validation', 1],
    ]);
  });
});

describe('chartableTestMetrics', () => {
  test('charts 0–1 metrics, with symmetric and explicit CIs', () => {
    const { shown, omitted } = chartableTestMetrics([
      { metric: 'Accuracy', value: 0.869, ci95: 0.012 },
      { metric: 'AUC', value: 0.9, ci95: { low: 0.88, high: 0.91 } },
      { metric: 'Latency', value: 45, unit: 'ms' },
    ]);
    expect(shown[0]?.low).toBeCloseTo(0.857);
    expect(shown[0]?.high).toBeCloseTo(0.881);
    expect(shown[1]).toEqual({ metric: 'AUC', value: 0.9, low: 0.88, high: 0.91 });
    expect(omitted).toEqual(['Latency']);
  });
  test('a time in seconds is never a proportion: a unit in the name, or a latency with no unit at all', () => {
    const { shown, omitted } = chartableTestMetrics([
      { metric: 'Accuracy', value: 0.846 },
      { metric: 'Log Loss', value: 0.352 },
      { metric: 'p99 latency (s)', value: 0.041 },
      { metric: 'Inference time', value: 0.2 },
      { metric: 'Model size (GB)', value: 0.45 },
    ]);
    // Accuracy and log loss share the 0–1 axis; 0.041 s, 0.2 (a time) and 0.45 GB do not belong on it.
    expect(shown.map((m) => m.metric)).toEqual(['Accuracy', 'Log Loss']);
    expect(omitted).toEqual(['p99 latency (s)', 'Inference time', 'Model size (GB)']);
  });
  test('puts proportions on one scale: 87% ± 0.7% next to a precision of 0.684', () => {
    const { shown, omitted, unit } = chartableTestMetrics([
      { metric: 'Accuracy', value: 87, unit: '%', ci95: 0.7 },
      { metric: 'Precision', value: 0.684 },
      { metric: 'MAPE (%)', value: 12 },
    ]);
    // Accuracy is drawn at 0.87 beside Precision, and labelled as written.
    expect(shown).toEqual([
      { metric: 'Accuracy', value: 0.87, low: 0.863, high: 0.877, label: '87% (95% CI 86.3–87.7%)' },
      { metric: 'Precision', value: 0.684, low: undefined, high: undefined },
    ]);
    expect(unit).toBeUndefined();
    expect(omitted).toEqual(['MAPE (%)']);
  });
  test('every proportion written in percent: drawn in percent, as the table shows them', () => {
    const { shown, unit } = chartableTestMetrics([
      { metric: 'Accuracy', value: 78.4, unit: '%', ci95: 0.9 },
      { metric: 'F1 (%)', value: 75.1, ci95: { low: 74.0, high: 76.2 } },
    ]);
    expect(unit).toBe('%');
    expect(shown).toEqual([
      { metric: 'Accuracy', value: 78.4, low: 77.5, high: 79.3 },
      { metric: 'F1 (%)', value: 75.1, low: 74, high: 76.2 },
    ]);
    const chart = buildExperimentCharts({
      record: { id: 'p', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 78.4, unit: '%', ci95: 0.9 }] } },
    }).find((c) => c.id === 'test-metrics');
    expect(chart?.description).toBe('Accuracy 78.4% (95% CI 77.5–79.3%).');
    expect(chart?.table.columns[1]).toBe('Value (%)');
    expect(JSON.stringify(chart?.spec)).toContain('"title":"Value (%) with 95% CI"');
  });
  test('falls back to other percent metrics', () => {
    const { shown, unit } = chartableTestMetrics([{ metric: 'MAPE', value: 12.5, unit: '%' }]);
    expect(shown.map((m) => m.metric)).toEqual(['MAPE']);
    expect(unit).toBe('%');
  });
});

describe('fairnessData', () => {
  const rows = templateRecord.evaluation?.disaggregated ?? [];
  test('groups by a single attribute and keeps the overall value', () => {
    expect(fairnessData(rows, { attribute: 'sex', metric: 'accuracy' })).toEqual({
      attribute: 'sex',
      metric: 'Accuracy',
      groups: [
        { group: 'Female', value: 0.865, n: 72000 },
        { group: 'Male', value: 0.873, n: 78000 },
      ],
      overall: 0.869,
      fourFifths: false,
    });
  });
  test('the four-fifths rule is for selection rates only, as the analysis applies it', () => {
    const rates = [
      { group: 'A', metrics: { 'Selection Rate': 0.5, 'Approval rate (%)': 40, Accuracy: 0.9, 'False Positive Rate': 0.1 } },
      { group: 'B', metrics: { 'Selection Rate': 0.3, 'Approval rate (%)': 20, Accuracy: 0.8, 'False Positive Rate': 0.2 } },
    ];
    const rule = (metric: string) => fairnessData(rates, { attribute: 'group', metric })?.fourFifths;
    expect(['Selection Rate', 'approval rate (%)', 'Accuracy', 'false positive rate'].map(rule)).toEqual([true, true, false, false]);
  });
  test('rows without attributes chart as "group"', () => {
    const plain = [
      { group: 'A', metrics: { Acc: 0.8 } },
      { group: 'B', metrics: { Acc: 0.7 } },
    ];
    expect(fairnessAttributes(plain)).toEqual(['group']);
    expect(fairnessData(plain, { attribute: 'group', metric: 'Acc' })?.groups.map((g) => g.group)).toEqual(['A', 'B']);
  });
  test('takes the Overall row by the same rule as the fairness analysis', () => {
    const withAll = [
      { group: 'All', attributes: { region: 'All' }, metrics: { Acc: 0.75 } },
      { group: 'North', attributes: { region: 'North' }, metrics: { Acc: 0.8 } },
      { group: 'Overall', metrics: { Acc: 0.77 } },
    ];
    // "All" with an attribute value is a group of that attribute, not the whole population.
    expect(withAll.map(isOverallGroup)).toEqual([false, false, true]);
    const data = fairnessData(withAll, { attribute: 'region', metric: 'Acc' });
    expect(data?.groups.map((g) => g.group)).toEqual(['All', 'North']);
    expect(data?.overall).toBe(0.77);
    expect(fairnessData(withAll, { attribute: 'region', metric: 'Loss (val)' })).toBeUndefined();
  });
  test('falls back to intersectional rows', () => {
    const inter = [
      { group: 'Female, 18-29', attributes: { sex: 'Female', age: '18-29' }, metrics: { Acc: 0.8 } },
      { group: 'Male, 18-29', attributes: { sex: 'Male', age: '18-29' }, metrics: { Acc: 0.7 } },
    ];
    expect(fairnessData(inter, { attribute: 'sex', metric: 'Acc' })?.groups.map((g) => g.group)).toEqual(['Female, 18-29', 'Male, 18-29']);
  });
});
