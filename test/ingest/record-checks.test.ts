import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';

/** Parses and validates text, returning the record (or undefined) and the formatted errors. */
function validate(text: string, file: string): { valid: boolean; errors: string[] } {
  const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
  return { valid: record !== undefined, errors: diagnostics.filter((d) => d.level === 'error').map(formatDiagnostic) };
}

describe('numbers that can never be right fail validation, with file:line', () => {
  test('a ragged confusion matrix (JSON): the row that is short', () => {
    const text = [
      '{',
      '  "id": "x",',
      '  "evaluation": { "confusionMatrix": {',
      '    "labels": ["neg", "pos"],',
      '    "matrix": [',
      '      [90, 10],',
      '      [5]',
      '    ]',
      '  } }',
      '}',
    ].join('\n');
    expect(validate(text, 'x.json')).toEqual({
      valid: false,
      errors: [
        'x.json:7:7 evaluation.confusionMatrix.matrix.1: row 2 ("pos") of the confusion matrix has 1 count, but there are 2 labels — give one row per actual class and one count per predicted class, in the order of the labels',
      ],
    });
  });

  test('a confusion matrix with a row too many (template): at the matrix', () => {
    const text = [
      '# ML Experiment Tracking Log',
      '',
      '**Experiment ID**: t',
      '',
      '## Evaluation Results',
      '',
      '**Confusion Matrix**:',
      '| Actual \\ Predicted | Neg | Pos |',
      '|---|---|---|',
      '| Neg | 90 | 10 |',
      '| Pos | 5 | 95 |',
      '| Other | 1 | 2 |',
      '',
    ].join('\n');
    expect(validate(text, 't.md').errors).toEqual([
      't.md:8:1 evaluation.confusionMatrix.matrix: the confusion matrix has 3 rows, but 2 labels: it must be square, one row and one column per label — give one row per actual class and one count per predicted class, in the order of the labels',
    ]);
  });

  test('split fractions adding up past 1 (frontmatter); 0.99–1.01 is rounding', () => {
    const splits = (test: number): string =>
      [
        '---',
        'id: f',
        'dataset:',
        '  splits:',
        '    - { name: Training, fraction: 0.7 }',
        '    - { name: Validation, fraction: 0.2 }',
        `    - { name: Test, fraction: ${test} }`,
        '---',
        '',
      ].join('\n');
    expect(validate(splits(0.15), 'f.md').errors).toEqual([
      'f.md:5:5 dataset.splits: the split fractions add up to 1.05 (0.7 + 0.2 + 0.15), more than the whole dataset — give each split as its share of the dataset (70% → 0.7); together they can be at most 1',
    ]);
    expect(validate(splits(0.11), 'f.md')).toEqual({ valid: true, errors: [] });
  });

  test('a completion date before the start date', () => {
    const text = '{\n  "id": "d",\n  "date": "2025-01-20",\n  "completionDate": "2025-01-15"\n}\n';
    expect(validate(text, 'd.json').errors).toEqual([
      'd.json:4:21 completionDate: the completion date 2025-01-15 is before the start date 2025-01-20 — check that "date" is when the experiment started and "completionDate" when it finished',
    ]);
    const sameDay = '{ "id": "d", "date": "2025-01-15", "completionDate": "2025-01-15T08:00:00Z" }';
    expect(validate(sameDay, 'd.json').valid).toBe(true);
  });

  test('a negative count (template): the schema rejects it at its cell', () => {
    const text = [
      '# ML Experiment Tracking Log',
      '',
      '**Experiment ID**: n',
      '',
      '## Evaluation Results',
      '',
      '**Disaggregated Performance** (by sex):',
      '| Group | Accuracy | N |',
      '|---|---|---|',
      '| Female | 0.86 | -40 |',
      '',
    ].join('\n');
    expect(validate(text, 'n.md').errors).toEqual(['n.md:10:19 evaluation.disaggregated.0.n: must be at least 0, got the number -40']);
  });
});
