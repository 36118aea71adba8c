import { describe, expect, test } from 'vitest';
import type { Cell, TableData } from '../../../src/ingest/markdown-blocks.ts';
import { createSource } from '../../../src/ingest/markdown-blocks.ts';
import { RecordBuilder } from '../../../src/ingest/record-builder.ts';
import type { Context } from '../../../src/ingest/template/context.ts';
import { column, metricCell, metricColumn, numberCell, readTableRows } from '../../../src/ingest/template/table.ts';

/** A table whose cell at row r (0 = header), column c sits at line r + 1, column 10c + 1. */
function table(rows: string[][]): TableData {
  const cells = rows.map((row, r) => row.map((text, c): Cell => ({ text, position: { line: r + 1, column: 10 * c + 1 } })));
  return { header: cells[0] ?? [], rows: cells.slice(1) };
}

function context(): Context {
  return { b: new RecordBuilder(), source: createSource(''), consumed: new Set() };
}

describe('column', () => {
  const t = table([['**Metric**', 'Value', '95% CI']]);

  test('finds a column by its normalized header, emphasis and case ignored', () => {
    expect(column(t, /^metric$/)).toBe(0);
    expect(column(t, /\bci\b/)).toBe(2);
  });

  test('skips excluded columns and gives -1 when none matches', () => {
    expect(column(t, /metric|value/, [0])).toBe(1);
    expect(column(t, /epoch/)).toBe(-1);
  });
});

describe('numberCell and metricCell', () => {
  const at = { line: 1, column: 1 };
  test.each([
    ['0.869', 0.869],
    ['**45**', 45],
    ['n/a', 'n/a'],
    ['', undefined],
  ])('numberCell(%j) → %j', (text, expected) => {
    expect(numberCell({ text, position: at })).toBe(expected);
  });

  test.each([
    ['0.869', 0.869],
    ['86.9%', 86.9],
    ['-', null],
    ['high', 'high'],
  ])('metricCell(%j) → %j', (text, expected) => {
    expect(metricCell({ text, position: at })).toBe(expected);
  });
});

describe('readTableRows', () => {
  const t = table([
    ['Name', 'Value'],
    ['lr', '0.001'],
    ['', '5'],
    ['[name]', '[value]'],
    ['**depth**', '6'],
  ]);

  test('reads one record per named row, skipping empty and placeholder names, with dense indices', () => {
    const ctx = context();
    readTableRows(t, { line: 1, column: 1 }, ctx, {
      path: ['model', 'hyperparameters'],
      key: 0,
      keyField: 'name',
      readRow: (row, write) => write.set('value', Number(row[1]?.text), row[1]),
    });
    expect(ctx.b.data).toEqual({
      model: {
        hyperparameters: [
          { name: 'lr', value: 0.001 },
          { name: 'depth', value: 6 },
        ],
      },
    });
    expect(ctx.b.placeholders).toEqual([]);
  });

  test('marks the table, each row and key at the key cell, and each value at its cell', () => {
    const ctx = context();
    readTableRows(t, { line: 7, column: 3 }, ctx, {
      path: ['rows'],
      key: 0,
      keyField: 'name',
      readRow: (row, write) => {
        write.set('value', row[1]?.text, row[1]);
        write.mark(['extra', 'x'], { text: '', position: { line: 99, column: 9 } });
      },
    });
    expect(Object.fromEntries(ctx.b.positions)).toEqual({
      'rows.0': { line: 2, column: 1 },
      'rows.0.name': { line: 2, column: 1 },
      'rows.0.value': { line: 2, column: 11 },
      'rows.0.extra.x': { line: 99, column: 9 },
      'rows.1': { line: 5, column: 1 },
      'rows.1.name': { line: 5, column: 1 },
      'rows.1.value': { line: 5, column: 11 },
      'rows.1.extra.x': { line: 99, column: 9 },
      rows: { line: 7, column: 3 },
    });
  });

  test('lists a placeholder name as `path.<index>.<keyField>` when asked to', () => {
    const ctx = context();
    const rows = table([['Name'], ['lr'], ['[name]']]);
    readTableRows(rows, { line: 1, column: 1 }, ctx, {
      path: ['hp'],
      key: 0,
      keyField: 'name',
      listPlaceholderKey: true,
      readRow: () => {},
    });
    expect(ctx.b.placeholders).toEqual(['hp.1.name']);
    expect(ctx.b.positions.get('hp.1.name')).toEqual({ line: 3, column: 1 });
  });

  test('reads the key cell with readKey and lists placeholder cells of a row', () => {
    const ctx = context();
    readTableRows(
      table([
        ['Epoch', 'Loss'],
        ['1', '[loss]'],
      ]),
      { line: 1, column: 1 },
      ctx,
      {
        path: ['history'],
        key: 0,
        keyField: 'epoch',
        readKey: (cell) => numberCell(cell),
        readRow: (row, write) => {
          const cell = row[1];
          if (cell) write.placeholder('Loss', cell);
        },
      },
    );
    expect(ctx.b.data).toEqual({ history: [{ epoch: 1 }] });
    expect(ctx.b.placeholders).toEqual(['history.0.Loss']);
  });

  test('sets nothing when no row is kept', () => {
    const ctx = context();
    readTableRows(table([['Name'], ['']]), { line: 1, column: 1 }, ctx, { path: ['x'], key: 0, keyField: 'name', readRow: () => {} });
    expect(ctx.b.data).toEqual({});
  });
});

describe('metricColumn', () => {
  const cellsOf = (...texts: string[]): Cell[] => texts.map((text, i) => ({ text, position: { line: i + 1, column: 1 } }));
  const read = (name: string, ...texts: string[]) => {
    const cells = cellsOf(...texts);
    const { key, value } = metricColumn(name, cells);
    return { key, values: cells.map(value) };
  };

  test('a proportion written in percent beside a fraction: the fraction is read in percent (0.701 is 70.1%, not 0.701%)', () => {
    expect(read('Recall', '64.6%', '0.701', '51.7%')).toEqual({ key: 'Recall (%)', values: [64.6, 70.1, 51.7] });
    expect(read('FRR', '**3.8%**', '0.051')).toEqual({ key: 'FRR (%)', values: [3.8, 5.1] });
  });

  test('not when the percentages are all at most 1% (0.9% and 0.7 may both be percent), nor for a metric that is no proportion', () => {
    expect(read('FNR', '0.9%', '0.7')).toEqual({ key: 'FNR (%)', values: [0.9, 0.7] });
    expect(read('WER', '12.9%', '0.5')).toEqual({ key: 'WER', values: [12.9, 0.5] });
    expect(read('Recall', '0.646', '0.701')).toEqual({ key: 'Recall', values: [0.646, 0.701] });
  });
});
