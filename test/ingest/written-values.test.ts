import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';
import { readWrittenValues } from '../../src/ingest/written-values.ts';
import type { Experiment } from '../../src/schema/index.ts';

/** Parses and validates a record's text: the record and the formatted diagnostics. */
function validate(text: string, file: string): { record: unknown; problems: string[] } {
  const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
  return { record, problems: diagnostics.map(formatDiagnostic) };
}

describe('readWrittenValues', () => {
  test('reads test metrics, intervals and metric maps written as text, with the decimals written', () => {
    const data = {
      evaluation: {
        testMetrics: [
          { metric: 'Accuracy', value: '87.30%', ci95: '±0.7%' },
          { metric: 'F1', value: '.834', ci95: '0.820–0.848' },
          { metric: 'Latency p95', value: '45 ms' },
          { metric: 'AUC', value: 'TBD' },
          { metric: 'FPR', value: '1.0%', ci95: '95% CI: 0.85%–1.15%' },
          { metric: 'FNR', value: '12%', ci95: '±1.5 pp' },
        ],
        disaggregated: [{ group: 'Female', metrics: { Accuracy: '85.5%', F1: 0.821, N: 'n/a' } }],
      },
      comparison: { baselines: [{ label: 'Production', metrics: { Accuracy: '85.1%', Latency: '42 ms' } }] },
    };
    const decimals = readWrittenValues(data);
    expect(data.evaluation.testMetrics).toEqual([
      { metric: 'Accuracy', value: 87.3, unit: '%', ci95: 0.7 },
      { metric: 'F1', value: 0.834, ci95: { low: 0.82, high: 0.848 } },
      { metric: 'Latency p95', value: 45, unit: 'ms' },
      { metric: 'AUC', value: null },
      { metric: 'FPR', value: 1, unit: '%', ci95: { low: 0.85, high: 1.15 } },
      { metric: 'FNR', value: 12, unit: '%', ci95: 1.5 },
    ]);
    expect(data.evaluation.disaggregated[0]?.metrics).toEqual({ Accuracy: 85.5, F1: 0.821, N: null });
    // A unit a metric map cannot hold stays as written, for validation to report.
    expect(data.comparison.baselines[0]?.metrics).toEqual({ Accuracy: 85.1, Latency: '42 ms' });
    // "87.30" has two decimals where 87.3 shows one; "0.820" three where 0.82 shows two.
    expect(decimals).toEqual({
      'evaluation.testMetrics.0.value': 2,
      'evaluation.testMetrics.0.ci95': 1,
      'evaluation.testMetrics.1.value': 3,
      'evaluation.testMetrics.1.ci95.low': 3,
      'evaluation.testMetrics.1.ci95.high': 3,
      'evaluation.testMetrics.2.value': 0,
      'evaluation.testMetrics.4.value': 1,
      'evaluation.testMetrics.4.ci95.low': 2,
      'evaluation.testMetrics.4.ci95.high': 2,
      'evaluation.testMetrics.5.value': 0,
      'evaluation.testMetrics.5.ci95': 1,
      'evaluation.disaggregated.0.metrics.Accuracy': 1,
      'comparison.baselines.0.metrics.Accuracy': 1,
    });
  });

  test('a percentage of a metric that is no proportion (`"sMAPE": "15.2%"`) keeps its unit in the name, as a table column does', () => {
    const data = {
      comparison: {
        baselines: [{ label: 'Seasonal naive', metrics: { sMAPE: '15.2%', 'MAPE (%)': '9.1%', Recall: '78%', MASE: '1.02' } }],
      },
    };
    const decimals = readWrittenValues(data);
    // In its written order; a proportion (Recall) and a name with its unit are left as they were.
    expect(Object.entries(data.comparison.baselines[0]?.metrics ?? {})).toEqual([
      ['sMAPE (%)', 15.2],
      ['MAPE (%)', 9.1],
      ['Recall', 78],
      ['MASE', 1.02],
    ]);
    expect(decimals['comparison.baselines.0.metrics.sMAPE (%)']).toBe(1);
  });

  test('a proportion written as a percentage of 1 or less (`"FPR": "0.6%"`) keeps its `%` in every row, not read as the fraction 0.6', () => {
    const data = {
      evaluation: {
        disaggregated: [
          { group: '18-25', metrics: { FPR: '0.6%', Recall: '78%' } },
          { group: '26-45', metrics: { FPR: '1.0%', Recall: '81%' } },
          { group: '46+', metrics: { FPR: '1.4%', Recall: '0.79' } },
        ],
      },
    };
    readWrittenValues(data);
    // FPR: 0.6% and 1.0% would read as 60% and 100% without the unit; 1.4% keeps it too, one column.
    // Recall: 78 and 81 read as percentages anyway, 0.79 as a fraction.
    expect(data.evaluation.disaggregated.map((row) => row.metrics)).toEqual([
      { 'FPR (%)': 0.6, Recall: 78 },
      { 'FPR (%)': 1, Recall: 81 },
      { 'FPR (%)': 1.4, Recall: 0.79 },
    ]);
  });

  test('Obsidian links in the lineage (`"[[asr-07|previous run]]"`) are the linked notes’ ids', () => {
    const data = { lineage: { parent: '[[asr-07|previous run]]', related: ['[[asr-03]]', '[[asr-05#Results]]', 'asr-06'] } };
    readWrittenValues(data);
    expect(data.lineage).toEqual({ parent: 'asr-07', related: ['asr-03', 'asr-05', 'asr-06'] });
    const text = ['---', 'id: asr-08', 'parent: "[[asr-07|previous run]]"', '---', ''].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'asr-08.md' }), { file: 'asr-08.md' });
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(record?.lineage?.parent).toBe('asr-07');
  });

  test('an interval with a `95% CI` prefix beside a fraction: the prefix is no percent unit', () => {
    const data = { evaluation: { testMetrics: [{ metric: 'AUC', value: 0.93, ci95: '95% CI 0.92-0.94' }] } };
    expect(readWrittenValues(data)).toEqual({ 'evaluation.testMetrics.0.ci95.low': 2, 'evaluation.testMetrics.0.ci95.high': 2 });
    expect(data.evaluation.testMetrics[0]?.ci95).toEqual({ low: 0.92, high: 0.94 });
  });

  test('bounds with commas listed with a comma are read as thousands or decimal commas, whichever holds the value', () => {
    const data = {
      evaluation: {
        testMetrics: [
          { metric: 'RMSE', value: 41200, ci95: '[40,100, 42,350]' },
          { metric: 'MAE', value: '23,900', ci95: '95% CI: (23,300; 24,550)' },
          // 1.345 lies between 1.234 and 1.456 (decimal commas), not between 1,234 and 1,456.
          { metric: 'Loss', value: 1.345, ci95: '[1,234, 1,456]' },
          // Neither reading holds 7: left as written.
          { metric: 'Perplexity', value: 7, ci95: '[1,234, 1,456]' },
        ],
      },
    };
    readWrittenValues(data);
    expect(data.evaluation.testMetrics).toEqual([
      { metric: 'RMSE', value: 41200, ci95: { low: 40100, high: 42350 } },
      { metric: 'MAE', value: 23900, ci95: { low: 23300, high: 24550 } },
      { metric: 'Loss', value: 1.345, ci95: { low: 1.234, high: 1.456 } },
      { metric: 'Perplexity', value: 7, ci95: '[1,234, 1,456]' },
    ]);
  });

  test('leaves what it cannot read with certainty as written', () => {
    const metrics = [
      { metric: 'Accuracy', value: 'about 87%' },
      // ±0.7% beside a fraction would be 0.007, not 0.7: not guessed.
      { metric: 'Recall', value: 0.79, ci95: '±0.7%' },
      { metric: 'Precision', value: 0.79, ci95: '±0.7 pp' },
      // The record says the unit is ms; 87% contradicts it.
      { metric: 'Latency', value: '87%', unit: 'ms' },
      { metric: 'F1', value: 0.8, ci95: 'wide' },
    ];
    const data = { evaluation: { testMetrics: structuredClone(metrics) } };
    expect(readWrittenValues(data)).toEqual({});
    expect(data.evaluation.testMetrics).toEqual(metrics);
  });
});

describe('frontmatter written the way people write it', () => {
  test('dataset counts with separators (`41,200`, `41.2k`) and split shares in percent (`80%`) are numbers, in JSON too', () => {
    const text = [
      '---',
      'id: fm-ds',
      'dataset:',
      '  records: 41,200',
      '  features: 1.2k',
      '  splits:',
      '    - name: train',
      '      fraction: 80%',
      '      records: 32,960',
      '    - name: test',
      '      fraction: 20 %',
      '      records: "8,240"',
      '---',
      '',
    ].join('\n');
    const expected = {
      records: 41200,
      features: 1200,
      splits: [
        { name: 'train', fraction: 0.8, records: 32960 },
        { name: 'test', fraction: 0.2, records: 8240 },
      ],
    };
    const fromFrontmatter = validate(text, 'fm-ds.md');
    expect(fromFrontmatter.problems).toEqual([]);
    expect((fromFrontmatter.record as Experiment).dataset).toEqual(expected);
    const json = JSON.stringify({
      id: 'js-ds',
      dataset: {
        records: '41,200',
        features: '1.2k',
        splits: [
          { name: 'train', fraction: '80%', records: '32,960' },
          { name: 'test', fraction: '20 %', records: '8,240' },
        ],
      },
    });
    const fromJson = validate(json, 'js-ds.json');
    expect(fromJson.problems).toEqual([]);
    expect((fromJson.record as Experiment).dataset).toEqual(expected);
  });

  test('a count that is not a whole number, or a share over 100%, is reported with the number to write', () => {
    const json = JSON.stringify({ id: 'js-ds', dataset: { records: '41,200.5', splits: [{ name: 'test', fraction: '120%' }] } }, null, 1);
    expect(validate(json, 'js-ds.json').problems).toEqual([
      'js-ds.json:4:14 dataset.records: expected a number, got the string "41,200.5" — write it as a plain number, without quotes or separators: 41200.5',
      'js-ds.json:8:17 dataset.splits.0.fraction: expected a number, got the string "120%" — write fractions between 0 and 1 (70% → 0.7)',
    ]);
  });

  test('a value written with its interval (`0.912 ± 0.004`) is the value and its CI, for a test metric and a baseline', () => {
    const text = [
      '---',
      'id: fm-002',
      'evaluation:',
      '  testMetrics:',
      '    - metric: AUC',
      '      value: 0.912 ± 0.004',
      '    - metric: Accuracy',
      '      value: "71.5% (95% CI: 69.9–73.1%)"',
      'comparison:',
      '  baselines:',
      '    - label: v6',
      '      metrics:',
      '        AUC: 0.905 ± 0.004',
      '---',
      '',
    ].join('\n');
    const { record: read, problems } = validate(text, 'fm.md');
    const record = read as Experiment | undefined;
    expect(problems).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'AUC', value: 0.912, ci95: 0.004 },
      { metric: 'Accuracy', value: 71.5, unit: '%', ci95: { low: 69.9, high: 73.1 } },
    ]);
    expect(record?.comparison?.baselines).toEqual([{ label: 'v6', metrics: { AUC: 0.905 }, ci95: { AUC: 0.004 } }]);
  });

  test('87.3%, ±0.7% and 0.820–0.848 validate and read as numbers', () => {
    const text = [
      '---',
      'id: fm-001',
      'evaluation:',
      '  testMetrics:',
      '    - metric: Accuracy',
      '      value: 87.3%',
      '      ci95: ±0.7%',
      '    - metric: F1',
      '      value: 0.834',
      '      ci95: 0.820–0.848',
      '---',
      '',
    ].join('\n');
    const { record, problems } = validate(text, 'fm.md');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      evaluation: {
        testMetrics: [
          { metric: 'Accuracy', value: 87.3, unit: '%', ci95: 0.7 },
          { metric: 'F1', value: 0.834, ci95: { low: 0.82, high: 0.848 } },
        ],
      },
      writtenDecimals: { 'evaluation.testMetrics.1.ci95.low': 3 },
    });
  });

  test('bounds written as a pair in percent (`ci95: [53%, 61%]`) are the interval, as `53%–61%` is', () => {
    const text = [
      '---',
      'id: fm-002',
      'evaluation:',
      '  testMetrics:',
      '    - metric: Win rate',
      '      value: 57%',
      '      ci95: [53%, 61%]',
      '---',
      '',
    ];
    const { record, problems } = validate(text.join('\n'), 'fm.md');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      evaluation: { testMetrics: [{ metric: 'Win rate', value: 57, unit: '%', ci95: { low: 53, high: 61 } }] },
    });
  });

  test('`date: 20250304`, which YAML reads as a number, is the day it names', () => {
    const { record, problems } = validate(
      ['---', 'id: fm-003', 'date: 20250304', 'completionDate: 20251399', '---', ''].join('\n'),
      'fm.md',
    );
    expect(record).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^fm\.md:4:17 completionDate: expected a string, got the number 20251399/)]);
    expect(validate(['---', 'id: fm-003', 'date: 20250304', '---', ''].join('\n'), 'fm.md').record).toMatchObject({ date: '2025-03-04' });
  });

  test('what cannot be read is still an error naming the line and field', () => {
    const text = [
      '---',
      'id: fm-002',
      'evaluation:',
      '  testMetrics:',
      '    - metric: Recall',
      '      value: 0.79',
      '      ci95: ±0.7%',
      '---',
      '',
    ].join('\n');
    expect(validate(text, 'fm.md').problems).toEqual([
      'fm.md:7:13 evaluation.testMetrics.0.ci95: expected a number or an object, got the string "±0.7%" — write the half-width in the value\'s unit (±0.7% beside 0.79 → 0.007), the value in percent too (79%), or the bounds as { "low": 0.857, "high": 0.881 }',
    ]);
  });
});

describe('JSON reads values as written, as frontmatter does', () => {
  test('a percent value, an interval and a percent split as text are read', () => {
    const text = [
      '{',
      '  "id": "exp-1",',
      '  "dataset": { "splits": [{ "name": "Training", "fraction": "70%" }] },',
      '  "evaluation": { "testMetrics": [{ "metric": "Accuracy", "value": "87.3%", "ci95": "±0.7" }] }',
      '}',
    ].join('\n');
    const result = validate(text, 'exp.json');
    expect(result.problems).toEqual([]);
    expect((result.record as Experiment).dataset?.splits).toEqual([{ name: 'Training', fraction: 0.7 }]);
    expect(parseSource(text, { file: 'exp.json' }).data).toMatchObject({
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: 87.3, unit: '%', ci95: 0.7 }] },
    });
  });

  test('`"value": "0.85 ± 0.01"` and `"12 ms"` are the value with its interval, and with its unit', () => {
    const text = JSON.stringify({
      id: 'exp-2',
      evaluation: {
        testMetrics: [
          { name: 'F1', value: '0.85 ± 0.01' },
          { name: 'Latency', value: '12 ms' },
        ],
      },
    });
    expect(parseSource(text, { file: 'exp-2.json' }).data).toMatchObject({
      evaluation: {
        testMetrics: [
          { metric: 'F1', value: 0.85, ci95: 0.01 },
          { metric: 'Latency', value: 12, unit: 'ms' },
        ],
      },
    });
  });
});

describe('per-epoch values written as text, in JSON and frontmatter', () => {
  const history = (rows: readonly Record<string, unknown>[]) => {
    const json = parseSource(JSON.stringify({ id: 'h-1', training: { history: rows } }), { file: 'h-1.json' }).data as {
      training: { history: unknown };
    };
    const yaml = rows.map((row) => `    - ${JSON.stringify(row)}`).join('\n');
    const fm = parseSource(`---\nid: h-1\ntraining:\n  history:\n${yaml}\n---\n`, { file: 'h-1.md' }).data as {
      training: { history: unknown };
    };
    expect(fm.training.history).toEqual(json.training.history);
    return json.training.history;
  };

  test('quoted numbers are numbers; "N/A" is a value not measured', () => {
    expect(
      history([
        { epoch: '1', train_loss: '0.52', val_loss: 'N/A' },
        { epoch: 2, train_loss: 0.41, val_loss: '0.47' },
      ]),
    ).toEqual([
      { epoch: 1, train_loss: 0.52, val_loss: null },
      { epoch: 2, train_loss: 0.41, val_loss: 0.47 },
    ]);
  });

  test('a proportion written all in percent is keyed `Name (%)`, in its place among the columns', () => {
    // "0.9%" is 0.9 in a percent column, not a fraction of 0.9 (90%).
    expect(
      history([
        { epoch: 1, val_acc: '81.2%', error: '0.9%', loss: 0.5 },
        { epoch: 2, val_acc: '84.0%', error: null, loss: 0.4 },
      ]),
    ).toEqual([
      { epoch: 1, 'val_acc (%)': 81.2, 'error (%)': 0.9, loss: 0.5 },
      { epoch: 2, 'val_acc (%)': 84, 'error (%)': null, loss: 0.4 },
    ]);
  });

  test('a column mixing percent and plain numbers keeps its name; a value with another unit stays text, for validation', () => {
    expect(
      history([
        { epoch: 1, val_acc: '81.2%', step_time: '45 ms' },
        { epoch: 2, val_acc: 0.84, step_time: 0.05 },
      ]),
    ).toEqual([
      { epoch: 1, val_acc: 81.2, step_time: '45 ms' },
      { epoch: 2, val_acc: 0.84, step_time: 0.05 },
    ]);
    expect(validate(JSON.stringify({ id: 'h-2', training: { history: [{ epoch: 1, step_time: '45 ms' }] } }), 'h-2.json').problems).toEqual(
      [
        'h-2.json:1:59 training.history.0.step_time: expected a number, got the string "45 ms" — write a plain number, without units or words',
      ],
    );
  });
});

describe('a training time written with its units in frontmatter', () => {
  test('`durationHours: 12h 30m` is 12.5 hours, the text kept for the page; a plain number stays a number', () => {
    const read = (duration: string) =>
      (
        parseSource(`---\nid: d-1\ntraining:\n  infrastructure:\n    durationHours: ${duration}\n---\n`, { file: 'd-1.md' }).data as {
          training: unknown;
        }
      ).training;
    expect(read('12h 30m')).toEqual({ infrastructure: { durationHours: 12.5, durationText: '12h 30m' } });
    expect(read('"12"')).toEqual({ infrastructure: { durationHours: 12 } });
    // Not a duration: left as written, for validation to report at its line.
    expect(read('a while')).toEqual({ infrastructure: { durationHours: 'a while' } });
  });
});

describe('dates in frontmatter as people write them', () => {
  test('`date: 4 Oct 2026` and `completionDate: 05.10.2026` are the days they name; an ambiguous one is still an error', () => {
    const { record } = validate(['---', 'id: d-1', 'date: 4 Oct 2026', 'completionDate: 05.10.2026', '---', ''].join('\n'), 'd-1.md');
    expect(record).toMatchObject({ date: '2026-10-04', completionDate: '2026-10-05' });
    const { problems } = validate(['---', 'id: d-2', 'date: 10/04/2026', '---', ''].join('\n'), 'd-2.md');
    expect(problems).toEqual([
      'd-2.md:3:7 date: expected a date as YYYY-MM-DD (or an ISO 8601 timestamp), got the string "10/04/2026" — it could be 10 April 2026 or 4 October 2026: write 2026-04-10 or 2026-10-04 (YYYY-MM-DD)',
    ]);
  });
});
