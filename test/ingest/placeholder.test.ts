import { describe, expect, test } from 'vitest';
import { isListPlaceholder, isPlaceholder } from '../../src/ingest/placeholder.ts';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';

describe('isPlaceholder', () => {
  test("the template's placeholders are placeholders", () => {
    for (const text of [
      '[Name]',
      '[experiment-id]',
      '[Adam | SGD | AdamW]',
      '[experiment-id-1, experiment-id-2]',
      '[What you expect to happen]',
    ])
      expect(isPlaceholder(text), text).toBe(true);
  });

  test('a bracketed list of numbers, or of quoted texts and literals as JSON writes it, is a value', () => {
    // Also in percent, and with decimal commas listed by semicolons (`[0,947; 0,955]`, as an interval is written in Germany).
    for (const text of [
      '[0.0001, 0.01]',
      '[16, 32, 64]',
      '[1e-4]',
      '["relu", "gelu"]',
      "['relu']",
      '[1, "a", true, null]',
      '[76.6%, 78.2%]',
      '[0,947; 0,955]',
    ])
      expect(isPlaceholder(text), text).toBe(false);
    // Not one bracketed value: nested lists, text around the brackets.
    expect(isPlaceholder('[[3, 3], [5, 5]]')).toBe(false);
    expect(isPlaceholder('see [Name]')).toBe(false);
  });
});

describe('isListPlaceholder (a setting value or a search space)', () => {
  test('alternatives and one phrase are placeholders; a list of words is a value', () => {
    for (const text of ['[Adam | SGD | AdamW]', '[value]', '[Search space]', '[cosine | step]'])
      expect(isListPlaceholder(text), text).toBe(true);
    for (const text of ['[relu, gelu]', '[conv, pool, fc]', '[16, 32]', '["a", "b"]', '[0.5]', 'relu'])
      expect(isListPlaceholder(text), text).toBe(false);
  });

  test('a setting written as a list of words in the template is kept, not dropped as a placeholder', () => {
    const list = [
      '**Experiment ID**: l-1',
      '',
      '## Model',
      '',
      '**Hyperparameters:**',
      '- activations: [relu, gelu]',
      '- optimizer: [Adam | SGD | AdamW]',
    ];
    const parsed = parseSource(list.join('\n'), { file: 'l.md' });
    expect(parsed.data).toMatchObject({
      model: { hyperparameters: [{ name: 'activations', value: '[relu, gelu]' }, { name: 'optimizer' }] },
    });
    expect((parsed.data as Record<string, unknown>)['placeholders']).toEqual(['model.hyperparameters.1.value']);
    const table = [
      '**Experiment ID**: l-2',
      '',
      '## Model',
      '',
      '**Hyperparameters:**',
      '',
      '| Parameter | Value | Search Space |',
      '| --- | --- | --- |',
      '| layers | [conv, pool, fc] | [2, 4] |',
      '| schedule | [value] | [Search space] |',
    ];
    const fromTable = parseSource(table.join('\n'), { file: 'l.md' });
    expect(fromTable.data).toMatchObject({
      model: {
        hyperparameters: [
          { name: 'layers', value: '[conv, pool, fc]', searchSpace: { kind: 'range', min: 2, max: 4 } },
          { name: 'schedule' },
        ],
      },
    });
    expect((fromTable.data as Record<string, unknown>)['placeholders']).toEqual([
      'model.hyperparameters.1.value',
      'model.hyperparameters.1.searchSpace',
    ]);
  });
});

describe('a list written in brackets is kept, not dropped as a placeholder', () => {
  test('related experiments, tags and a list of words', () => {
    const text = [
      '**Experiment ID**: b-1',
      '',
      '**Related Experiments**:',
      '- Related: [exp-001, exp-002]',
      '',
      '## Metadata',
      '',
      '**Tags**: [nlp, bert]',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'b.md' }), { file: 'b.md' });
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(record).toMatchObject({ lineage: { related: ['exp-001', 'exp-002'] }, tags: { nlp: '', bert: '' } });
    expect(record?.placeholders).toBeUndefined();
    // The template's own list placeholder is still one.
    expect(isPlaceholder('[experiment-id-1, experiment-id-2]')).toBe(true);
    expect(isPlaceholder('[exp-001, exp-002]')).toBe(false);
  });
});

describe('wiki links to experiments', () => {
  test('`[[exp-041]]` (Obsidian, Foam) names the parent and related experiments', () => {
    const text = [
      '**Experiment ID**: w-1',
      '**Parent**: [[exp-041]]',
      '',
      '**Related Experiments**:',
      '- Related: [[exp-039|the old baseline]], [[exp-040#results]]',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'w.md' }), { file: 'w.md' });
    expect(record?.lineage).toEqual({ parent: 'exp-041', related: ['exp-039', 'exp-040'] });
  });
});
