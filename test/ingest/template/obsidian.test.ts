import { describe, expect, test } from 'vitest';
import { obsidianMarkdown } from '../../../src/ingest/template/obsidian.ts';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';

describe('obsidianMarkdown', () => {
  test('inline fields, callouts and wiki links as plain Markdown; each line keeps its length but for a link', () => {
    const note = [
      'experiment_id:: ner-1',
      '- status:: completed',
      '> [!success]- Results',
      '> | Metric | Value |',
      '>| F1 | 0.9 |',
      '',
      '> a plain quote',
      'parent:: [[ner-0#Results|the parent]] and [[ner-00]]',
    ].join('\n');
    expect(obsidianMarkdown(note).split('\n')).toEqual([
      'experiment_id:  ner-1',
      '- status:  completed',
      `**Results**:${' '.repeat(9)}`,
      '  | Metric | Value |',
      ' | F1 | 0.9 |',
      '',
      '> a plain quote',
      'parent:  ner-0 and ner-00',
    ]);
  });

  test('fenced code, nested arrays, `::` inside a line and notes without any of it stay as written', () => {
    const code = ['```', 'status:: x', '> [!note] T', '[[note]]', '```', 'array([[41230, 2210], [612, 1948]]) and [[1]]', 'a::b, C++::std'];
    expect(obsidianMarkdown(code.join('\n'))).toBe(code.join('\n'));
    const plain = '# Title\n\n**Status**: completed\n';
    expect(obsidianMarkdown(plain)).toBe(plain);
  });
});

describe('an Obsidian note', () => {
  test('its fields, links and callouts are read as a template note writes them, each value at its place', () => {
    const text = [
      '---',
      'tags: [nlp, ner]',
      '---',
      '# NER – deberta-v3 on CoNLL',
      '',
      'experiment_id:: ner-deb-031',
      'status:: completed',
      'experimenter:: [[Priya Raman]]',
      'parent:: [[ner-deb-027]]',
      '',
      '## Evaluation Results',
      '',
      '> [!success] Test Set Performance',
      '> | Metric | Value | 95% CI |',
      '> |---|---|---|',
      '> | Accuracy | 96.9% | ±0.3% |',
    ].join('\n');
    const parsed = parseSource(text, { file: 'note.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'note.md' });
    expect(diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    expect(record).toMatchObject({
      id: 'ner-deb-031',
      status: 'completed',
      experimenter: 'Priya Raman',
      lineage: { parent: 'ner-deb-027' },
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: 96.9, unit: '%', ci95: 0.3 }] },
    });
    // `> | Accuracy | 96.9% |`: the value is where it is written, past the quote mark.
    expect(parsed.positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 16, column: 16 });
    expect(parsed.positions.get('id')).toEqual({ line: 6, column: 17 });
  });
});
