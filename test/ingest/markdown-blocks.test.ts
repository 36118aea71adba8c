import { describe, expect, test } from 'vitest';
import { readLabelLine } from '../../src/ingest/markdown-blocks.ts';

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
