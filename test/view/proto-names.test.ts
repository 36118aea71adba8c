import { describe, expect, test } from 'vitest';
import { analyzeCollection, buildExperimentDocument, compareRecords } from '../../src/analysis/index.ts';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import { buildExperimentPageData } from '../../src/view/experiment.ts';

function load(value: unknown): Experiment {
  const { record } = validateRecord(parseSource(JSON.stringify(value), { file: 'x.json' }), { file: 'x.json' });
  return record as Experiment;
}

/** Paths of every function value, and of NaN numbers, anywhere in `value`. */
function leaks(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'function') out.push(`${path}: function`);
  else if (typeof value === 'number' && Number.isNaN(value)) out.push(`${path}: NaN`);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaks(v, `${path}.${k}`, out);
  return out;
}

// Maps that have a prototype-named key in one row but not another: a plain `row[name]` lookup finds
// Object's own `constructor` or `toString` in the row that lacks it.
const sparse = load({
  id: 'sparse',
  training: {
    history: [
      { epoch: 1, constructor: 0.5 },
      { epoch: 2, toString: 0.4 },
    ],
  },
  evaluation: {
    disaggregated: [
      { group: 'Overall', overall: true, n: 100, metrics: { Accuracy: 0.8 } },
      { group: 'a', attributes: { sex: 'f' }, n: 50, metrics: { constructor: 0.7, Accuracy: 0.7 } },
      { group: 'b', attributes: { toString: 'x' }, n: 50, metrics: { Accuracy: 0.9, valueOf: 0.2 } },
    ],
  },
  comparison: {
    baselines: [
      { label: 'Current', current: true, metrics: { Accuracy: 0.8 } },
      { label: 'old', metrics: { constructor: 0.4 } },
    ],
  },
});
const other = load({
  id: 'other',
  evaluation: { testMetrics: [{ metric: 'toString', value: 0.4 }] },
  comparison: { baselines: [{ label: 'x', metrics: { hasOwnProperty: 1 } }] },
});

describe('prototype-named keys missing from some rows', () => {
  const analysis = analyzeCollection([sparse, other]);
  const page = buildExperimentPageData(sparse, {
    base: '/',
    analysis: analysis.byId.get('sparse')!,
    records: new Map([
      ['sparse', sparse],
      ['other', other],
    ]),
    analyses: analysis.byId,
    charts: new Map(),
  });

  test('the page, the analysis, the API document and the comparison hold no function and no NaN', () => {
    expect(leaks(page)).toEqual([]);
    expect(leaks([...analysis.byId.values()])).toEqual([]);
    expect(leaks(buildExperimentDocument(sparse, analysis.byId.get('sparse')!))).toEqual([]);
    expect(leaks(compareRecords(sparse, other))).toEqual([]);
  });

  test('a cell for a key the row does not have is empty ("—"), not Object’s property', () => {
    const tables = page.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'table' && b.id?.startsWith('disaggregated-performance'));
    expect(JSON.stringify(tables)).not.toContain('∞');
    // The two attributes' groups have other columns: a table each, the Overall row (Accuracy and N only) heading both.
    const heads = tables.map((table) => {
      const { columns, rows } = table as unknown as { columns: { label: string }[]; rows: { text?: string }[][] };
      return [columns.map((c) => c.label), rows[0]?.map((c) => c.text)];
    });
    expect(heads).toEqual([
      [
        ['Group', 'Sex', 'constructor', 'Accuracy', 'N'],
        ['Overall', '—', '—', '0.8', '100'],
      ],
      [
        ['Group', 'To string', 'Accuracy', 'valueOf', 'N'],
        ['Overall', '—', '0.8', '—', '100'],
      ],
    ]);
  });
});
