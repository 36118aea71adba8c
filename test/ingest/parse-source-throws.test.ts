import { describe, expect, test, vi } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';

// A parser that throws (a bug, or an input no limit caught) stands in for the real JSON parser.
vi.mock('../../src/ingest/parse-json.ts', () => ({
  parseJsonSource: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe('parseSource when a parser throws', () => {
  test('gives one error naming the file instead of throwing', () => {
    const parsed = parseSource('{ "id": "exp-1" }', { file: 'content/exp-1.json' });
    expect(parsed.data).toBeUndefined();
    expect(validateRecord(parsed, { file: 'content/exp-1.json' }).diagnostics.map(formatDiagnostic)).toEqual([
      'content/exp-1.json: could not read the record: Maximum call stack size exceeded — simplify the file; if it looks valid, report this as a Logbook bug',
    ]);
  });
});
