import { describe, expect, test } from 'vitest';
import type { Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createSource, readLabelLine, splitKeyValue, tableOf, withPipeTables } from '../../src/ingest/markdown-blocks.ts';

describe('readLabelLine', () => {
  test.each([
    ['**Dataset Name**: tx-v3', { label: 'Dataset Name', qualifier: '', value: 'tx-v3', colon: true }],
    ['**Dataset Name:** tx-v3', { label: 'Dataset Name', qualifier: '', value: 'tx-v3', colon: true }],
    ['__Dataset Name__: tx-v3', { label: 'Dataset Name', qualifier: '', value: 'tx-v3', colon: true }],
    ['**Dataset Name** : tx-v3', { label: 'Dataset Name', qualifier: '', value: 'tx-v3', colon: true }],
    ['**Dataset Name**:tx-v3', { label: 'Dataset Name', qualifier: '', value: 'tx-v3', colon: true }],
    ['**Dataset Name** tx-v3', { label: 'Dataset Name', qualifier: '', value: 'tx-v3', colon: false }],
    ['**Test Set Performance**', { label: 'Test Set Performance', qualifier: '', value: '', colon: false }],
    ['**Best Model** (by Val Loss):', { label: 'Best Model', qualifier: 'by Val Loss', value: '', colon: true }],
    ['**Best Model (by Val Loss):**', { label: 'Best Model', qualifier: 'by Val Loss', value: '', colon: true }],
    ['**Best Model (by Val Loss)**', { label: 'Best Model', qualifier: 'by Val Loss', value: '', colon: false }],
    // An aside with brackets of its own, one level deep: the whole of it, not cut at its first `)`.
    [
      "**Confusion Matrix** (`pd.crosstab(y_true, y_pred, colnames=['Predicted'])`):",
      { label: 'Confusion Matrix', qualifier: "`pd.crosstab(y_true, y_pred, colnames=['Predicted'])`", value: '', colon: true },
    ],
  ])('%s', (line, expected) => {
    expect(readLabelLine(line, 3)).toMatchObject(expected);
  });

  test('gives where the label and the value start (1-based, trailing spaces ignored)', () => {
    expect(readLabelLine('  **Date**: 2025-01-15   ', 4)).toMatchObject({
      value: '2025-01-15',
      labelPosition: { line: 4, column: 3 },
      valuePosition: { line: 4, column: 13 },
    });
  });

  test('is undefined for a line that does not start with bold text', () => {
    expect(readLabelLine('Date: 2025-01-15', 1)).toBeUndefined();
    expect(readLabelLine('- **Date**: 2025-01-15', 1)).toBeUndefined();
  });
});

describe('withPipeTables: a table written without its delimiter row', () => {
  const tables = (text: string) => {
    const source = createSource(text);
    return withPipeTables(source, unified().use(remarkParse).use(remarkGfm).parse(text).children)
      .filter((node): node is Table => node.type === 'table')
      .map((node) => tableOf(source, node));
  };

  test('lines of the same number of cells, names over numbers: the table, each cell where it is written', () => {
    const [table] = tables('Intro.\n\nepoch | train_loss | val_acc\n1 | 0.84 | 0.872\n| 2 | 0.42 | 0.901 |\n');
    expect(table?.header.map((cell) => cell.text)).toEqual(['epoch', 'train_loss', 'val_acc']);
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['1', '0.84', '0.872'],
      ['2', '0.42', '0.901'],
    ]);
    // `| 2 | 0.42 | ` is 13 characters: 0.901 starts at column 14 of line 5.
    expect(table?.rows[1]?.[2]?.position).toEqual({ line: 5, column: 14 });
    expect(table?.header[1]?.position).toEqual({ line: 3, column: 9 });
  });

  test('label lines, prose with a bar, rows of different widths, a single line or rows without numbers stay paragraphs', () => {
    expect(tables('Owner: Ada | Date: 2026-01-02\nTeam: vision | Seed: 7\n')).toEqual([]);
    expect(tables('We tried A | B testing\nand it took 2 | 3 days\n')).toEqual([]);
    expect(tables('a | b | c\n1 | 2\n')).toEqual([]);
    expect(tables('a | b\n1 | 2\n'.split('\n')[0] ?? '')).toEqual([]);
    expect(tables('model | notes\nresnet | fine\n')).toEqual([]);
    expect(tables('`a` | b\n1 | 2\n')).toEqual([]);
  });
});

describe('splitKeyValue', () => {
  test.each([
    // A colon between two numbers is part of the key; the separator is the colon after it.
    ['mAP@0.5:0.95: 41.8%', 'mAP@0.5:0.95', '41.8%'],
    ['mAP@0.5:0.95: +1.2 points', 'mAP@0.5:0.95', '+1.2 points'],
    ['Start: 12:30', 'Start', '12:30'],
    // A digit of a word before the colon is no number: `CO2:2.4 kg` splits after CO2.
    ['Estimated CO2:2.4 kg', 'Estimated CO2', '2.4 kg'],
    ['Repository: https://github.com/org/repo', 'Repository', 'https://github.com/org/repo'],
    // COCO's range in brackets: its colon is part of the key.
    ['mAP@[.5:.95]: +3.9 pts vs det-04', 'mAP@[.5:.95]', '+3.9 pts vs det-04'],
    ['**mAP@[.5:.95]**: 0.561', 'mAP@[.5:.95]', '0.561'],
    ['See [notes]: all runs', 'See [notes]', 'all runs'],
  ])('%s', (text, key, value) => {
    expect(splitKeyValue(text)).toMatchObject({ key, value });
  });

  test('a ratio with no label is no key and value', () => {
    expect(splitKeyValue('80:10:10')).toBeUndefined();
  });
});
