import { describe, expect, test } from 'vitest';
import { experimentChartViews } from '../../src/charts/experiment-views.ts';
import { renderChartView } from '../../src/charts/render.ts';
import { guardSpecText } from '../../src/charts/spec-common.ts';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';
import type { Experiment } from '../../src/schema/index.ts';

/** Names Vega trips over when they reach a spec as text (see guardSpecText). */
const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'then'];

/** One record using every name as a metric, column, attribute, group, class, hyperparameter and feature name. */
function recordWithNames(): Experiment {
  const metrics = Object.fromEntries(NAMES.map((n, i) => [n, 0.5 + i / 100]));
  const text = JSON.stringify({
    id: 'names',
    training: { history: [1, 2, 3].map((epoch) => ({ epoch, ...Object.fromEntries(NAMES.map((n, i) => [n, epoch / 10 + i])) })) },
    evaluation: {
      testMetrics: NAMES.map((metric, i) => ({ metric, value: 0.5 + i / 100, ci95: 0.01 })),
      confusionMatrix: { labels: NAMES, matrix: NAMES.map((_, i) => NAMES.map((__, j) => (i === j ? 10 : 1))) },
      disaggregated: [
        { group: 'Overall', overall: true, n: 100, metrics },
        ...NAMES.flatMap((n) => [
          { group: `${n} a`, attributes: { [n]: n }, n: 10, metrics },
          { group: `${n} b`, attributes: { [n]: 'other' }, n: 10, metrics: Object.fromEntries(NAMES.map((m) => [m, 0.2])) },
        ]),
      ],
    },
    comparison: {
      baselines: [
        { label: 'Current', current: true, metrics },
        { label: 'constructor', metrics },
      ],
    },
    model: { hyperparameters: NAMES.map((name) => ({ name, value: 1, searchSpace: { kind: 'range', min: 0, max: 2 } })) },
    observations: { featureImportance: NAMES.map((feature, i) => ({ feature, importance: i + 1 })) },
  });
  // JSON.stringify keeps "__proto__" keys built by Object.fromEntries, and the loader keeps them too.
  const { record, diagnostics } = validateRecord(parseSource(text, { file: 'names.json' }), { file: 'names.json' });
  expect(diagnostics).toEqual([]);
  return record as Experiment;
}

describe('charts with names that are Object.prototype properties', () => {
  test('every chart renders (Vega would fail with "Operator not defined" or "Illegal property")', { timeout: 60_000 }, async () => {
    const views = experimentChartViews({ record: recordWithNames(), headlineMetric: 'constructor' });
    // Test metrics, confusion matrix, training curves, one fairness chart per attribute, baselines, search space, features.
    expect(views.filter((v) => v.id.startsWith('fairness-')).length).toBe(NAMES.length);
    expect(views.map((v) => v.id).filter((id) => !id.startsWith('fairness-'))).toEqual([
      'summary-curves',
      'training-curves',
      'test-metrics',
      'confusion-matrix',
      'baselines-constructor',
      'search-space',
      'feature-importance',
    ]);
    for (const view of views) {
      const rendered = await renderChartView(view);
      expect(rendered.svg, view.id).toMatch(/^<svg/);
    }
  });
});

describe('a chart with reserved names does not break the next chart', () => {
  test('charts drawn after one whose data names `__proto__` come out as on fresh views', { timeout: 60_000 }, async () => {
    for (const view of experimentChartViews({ record: recordWithNames(), headlineMetric: 'constructor' })) await renderChartView(view);
    const metrics = { pp: 0.5, qq: 0.6 };
    const plain = {
      id: 'plain',
      training: { history: [1, 2, 3].map((epoch) => ({ epoch, pp: epoch / 10, qq: epoch / 5 })) },
      evaluation: {
        testMetrics: [
          { metric: 'pp', value: 0.5, ci95: 0.01 },
          { metric: 'qq', value: 0.6 },
        ],
      },
      comparison: {
        baselines: [
          { label: 'old', metrics },
          { label: 'new', current: true, metrics },
        ],
      },
    } as unknown as Experiment;
    for (const view of experimentChartViews({ record: plain, headlineMetric: 'pp' })) {
      const reused = await renderChartView(view);
      const fresh = await renderChartView(view, { reuseViews: false });
      expect(reused.svg, view.id).toBe(fresh.svg);
    }
  });
});

describe('guardSpecText', () => {
  test('marks reserved names with a zero-width space anywhere in a shape, and nothing else', () => {
    const shape = {
      title: 'constructor',
      encoding: {
        tooltip: [
          { field: 'value', title: 'toString' },
          { field: 'n', title: 'N' },
        ],
      },
      note: 'a constructor',
    };
    expect(guardSpecText(shape)).toEqual({
      title: 'constructor\u200b',
      encoding: {
        tooltip: [
          { field: 'value', title: 'toString\u200b' },
          { field: 'n', title: 'N' },
        ],
      },
      note: 'a constructor',
    });
    expect(shape.title).toBe('constructor');
  });
});

describe('charts with names holding line breaks', () => {
  // Found by the pipeline fuzz test: a baseline metric named "x\n::error::forged" failed the build
  // with "Expression parse error" (the name is a tooltip title inside a Vega expression string).
  test('every chart renders, each break shown as a space', { timeout: 60_000 }, async () => {
    const names = ['x\n::error::forged', 'a\r\nb', 'line\u2028sep'];
    const metrics = Object.fromEntries(names.map((n, i) => [n, 0.5 + i / 10]));
    const record = {
      id: 'breaks',
      training: { history: [1, 2, 3].map((epoch) => ({ epoch, ...Object.fromEntries(names.map((n, i) => [n, epoch / 10 + i])) })) },
      evaluation: {
        testMetrics: names.map((metric, i) => ({ metric, value: 0.5 + i / 10, ci95: 0.01 })),
        disaggregated: [
          { group: 'Overall', overall: true, n: 100, metrics },
          { group: 'g\na', attributes: { 'at\ntr': 'g\na' }, n: 10, metrics },
          { group: 'g\nb', attributes: { 'at\ntr': 'g\nb' }, n: 10, metrics },
        ],
      },
      comparison: {
        baselines: [
          { label: '<script>x</script>', metrics },
          { label: '', current: true, metrics },
        ],
      },
      model: { hyperparameters: names.map((name) => ({ name, value: 1, searchSpace: { kind: 'range', min: 0, max: 2 } })) },
    } as unknown as Experiment;
    const views = experimentChartViews({ record, headlineMetric: names[0] });
    expect(views.map((v) => v.id)).toContain('training-curves');
    for (const view of views) {
      const rendered = await renderChartView(view);
      expect(rendered.svg, view.id).toMatch(/^<svg/);
    }
    expect(guardSpecText({ title: 'x\n::error::forged' })).toEqual({ title: 'x ::error::forged' });
  });
});

describe('charts with names holding backslashes', () => {
  // Found by an adversarial review: a metric named `Accuracy\` or an attribute `site\unit` failed the
  // whole build ("Expression parse error"): Vega-Lite writes tooltip titles into an expression as
  // keys, escaping `"` but not `\`; `__proto\u005f_` read as `__proto__` there ("Illegal property").
  test('every chart renders', { timeout: 60_000 }, async () => {
    const names = ['Accuracy\\', 'site\\unit', '__proto\\u005f_', 'F1 \\x macro', 'a\\"b'];
    const metrics = Object.fromEntries(names.map((n, i) => [n, 0.5 + i / 10]));
    const record = {
      id: 'backslashes',
      evaluation: {
        testMetrics: names.map((metric, i) => ({ metric, value: 0.5 + i / 10, ci95: 0.01 })),
        disaggregated: [
          { group: 'Overall', overall: true, n: 100, metrics },
          { group: 'x\\a', attributes: { 'site\\unit': 'x\\a' }, n: 10, metrics },
          { group: 'x\\b', attributes: { 'site\\unit': 'x\\b' }, n: 10, metrics },
        ],
      },
      comparison: {
        baselines: [
          { label: 'old\\', metrics },
          { label: 'now', current: true, metrics },
        ],
      },
    } as unknown as Experiment;
    const views = experimentChartViews({ record, headlineMetric: names[0] });
    expect(views.map((v) => v.id)).toEqual(expect.arrayContaining(['test-metrics', 'fairness-accuracy-site-unit']));
    for (const view of views) {
      const rendered = await renderChartView(view);
      expect(rendered.svg, view.id).toMatch(/^<svg/);
    }
  });

  test('a tooltip title has its backslashes doubled; other text keeps them', () => {
    expect(guardSpecText({ title: 'a\\b', encoding: { tooltip: [{ field: 'v', title: 'Acc\\' }], x: { title: 'Acc\\' } } })).toEqual({
      title: 'a\\b',
      encoding: { tooltip: [{ field: 'v', title: 'Acc\\\\' }], x: { title: 'Acc\\' } },
    });
  });
});
