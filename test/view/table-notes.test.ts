import { describe, expect, test } from 'vitest';
import type { Cell, TableColumn } from '../../src/view/blocks.ts';
import { tableNotes } from '../../src/view/table-notes.ts';

const columns: TableColumn[] = [
  { label: 'Against' },
  { label: 'Change', numeric: true, title: 'current − reference' },
  { label: 'Interval' },
  { label: 'Verdict' },
];

function row(against: string, change: Cell, interval: Cell, verdict: Cell): Cell[] {
  return [{ text: against }, change, interval, verdict];
}

describe('tableNotes', () => {
  const rows = [
    row(
      'parent',
      { text: '+1.0 pp', title: 'in pp' },
      { text: '[0.1, 1.9]', title: 'from both CIs' },
      { text: 'better', tone: 'good', title: 'excludes 0' },
    ),
    row(
      'rules',
      { text: '−0.5 pp', title: 'in pp' },
      { text: '[−1.2, 0.2]', title: 'from one side' },
      { text: 'worse, within noise', title: 'includes 0' },
    ),
    row(
      'prod',
      { text: '+0.2 pp', title: 'in pp' },
      { text: '[−0.3, 0.7]', title: 'from both CIs' },
      { text: 'better, within noise', title: 'includes 0' },
    ),
  ];
  const noted = tableNotes(columns, rows);

  test('a sentence that differs from row to row becomes one numbered note per distinct sentence, numbered by first use', () => {
    expect(noted.notes).toEqual(['From both CIs', 'Excludes 0', 'From one side', 'Includes 0']);
    expect(noted.rows.map((r) => r[2]?.note)).toEqual([1, 3, 1]);
    expect(noted.rows.map((r) => r[3]?.note)).toEqual([2, 4, 4]);
    expect(noted.rows.flat().every((cell) => !('title' in cell))).toBe(true);
  });

  test("a sentence every titled cell of a column shares is the column's: the header keeps its own title, cells get no note", () => {
    expect(noted.rows.map((r) => r[1]?.note)).toEqual([undefined, undefined, undefined]);
    expect(noted.columns[1]?.title).toBe('current − reference');
  });

  test('a column with two sentences gets a note on each cell, even when one of them is on most cells', () => {
    const out = tableNotes(
      [{ label: 'Metric' }, { label: 'Relative' }],
      [
        [{ text: 'F1' }, { text: '+2.0%', title: 'relative change' }],
        [{ text: 'Recall' }, { text: 'n/a', title: 'the reference value is 0' }],
        [{ text: 'AUC' }, { text: '+0.4%', title: 'relative change' }],
      ],
    );
    expect(out.rows.map((r) => r[1]?.note)).toEqual([1, 2, 1]);
    expect(out.notes).toEqual(['Relative change', 'The reference value is 0']);
    expect(out.columns[1]).toEqual({ label: 'Relative' });
  });

  test('a sentence every titled cell of a column shares is a note on the header, said once', () => {
    const plain: TableColumn[] = [{ label: 'A' }, { label: 'B' }];
    const out = tableNotes(plain, [
      [{ text: 'x' }, { text: '1', title: 'unit: ms' }],
      [{ text: 'y' }, { text: '—' }],
      [{ text: 'z' }, { text: '2', title: 'unit: ms' }],
    ]);
    expect(out.columns[1]).toEqual({ label: 'B', note: 1 });
    expect(out.rows.map((r) => r[1]?.note)).toEqual([undefined, undefined, undefined]);
    expect(out.notes).toEqual(['Unit: ms']);
  });

  test('one titled cell in a column is a note, not a column title; text, tone and the inputs are kept', () => {
    const input: Cell[][] = [
      [{ text: 'a' }, { text: 'n/a', tone: 'neutral', title: 'reference is 0' }],
      [{ text: 'b' }, { text: '+3%' }],
    ];
    const out = tableNotes([{ label: 'A' }, { label: 'B' }], input);
    expect(out.rows[0]?.[1]).toEqual({ text: 'n/a', tone: 'neutral', note: 1 });
    expect(out.notes).toEqual(['Reference is 0']);
    expect(out.columns[1]?.title).toBeUndefined();
    expect(input[0]?.[1]?.title).toBe('reference is 0');
  });

  test('notes start with a capital; a non-numeric cell of more than 60 characters is marked long', () => {
    const reason = 'Not flagged: the gap has no 95% interval, so it cannot be told from noise.';
    const out = tableNotes(
      [{ label: 'A' }, { label: 'Flag' }],
      [[{ text: '12.5', numeric: true, title: 'the actual positives are not given' }, { text: reason }]],
    );
    expect(out.notes).toEqual(['The actual positives are not given']);
    expect(out.rows[0]?.[1]).toEqual({ text: reason, long: true });
    expect(out.rows[0]?.[0]?.long).toBeUndefined();
    expect(tableNotes([{ label: 'A' }], [[{ text: 'x'.repeat(61), numeric: true }]]).rows[0]?.[0]?.long).toBeUndefined();
    expect(tableNotes([{ label: 'A' }], [[{ text: 'x'.repeat(60) }]]).rows[0]?.[0]?.long).toBeUndefined();
    expect(tableNotes([{ label: 'A' }], [[{ text: 'x'.repeat(61) }]]).rows[0]?.[0]?.long).toBe(true);
  });

  test('a table without titles is unchanged', () => {
    const out = tableNotes([{ label: 'A' }], [[{ text: '1' }], [{ text: '2' }]]);
    expect(out).toEqual({ columns: [{ label: 'A' }], rows: [[{ text: '1' }], [{ text: '2' }]], notes: [] });
  });
});
