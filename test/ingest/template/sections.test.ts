import { describe, expect, test } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createSource } from '../../../src/ingest/markdown-blocks.ts';
import { classifySection, SECTION_RULES, splitSections, type SectionKey } from '../../../src/ingest/template/sections.ts';
import { parentInSentence } from '../../../src/ingest/template/header.ts';
import { parseSource } from '../../../src/ingest/index.ts';

/** [heading as written, the section it names]; undefined: an unknown section, kept as Markdown. */
const HEADING_CASES: readonly (readonly [string, SectionKey | undefined])[] = [
  ['Experiment Overview', 'overview'],
  ['Comparison to Baseline', 'comparison'],
  ['Baselines', 'comparison'],
  ['📈 vs. previous run', 'comparison'],
  ['Versus v2', 'comparison'],
  ['Hyperparameter Tuning', 'tuning'],
  ['Hyperparameter Search', 'tuning'],
  ['Artifacts & Reproducibility', 'reproducibility'],
  ['Reproducibility', 'reproducibility'],
  ['Repro', 'reproducibility'],
  ['Environment', 'reproducibility'],
  ['Dependencies', 'reproducibility'],
  ['Observations & Insights', 'observations'],
  ['Key Learnings', 'observations'],
  ['Next Steps', 'nextSteps'],
  ['Deployment', 'nextSteps'],
  ['Experiment Metadata', 'metadata'],
  ['Evaluation Results', 'evaluation'],
  ['Test Set Results', 'evaluation'],
  ['Training Results', 'training'],
  ['Dataset Information', 'dataset'],
  ['DATA', 'dataset'],
  ['Model Configuration', 'model'],
  ['**Model**', 'model'],
  // First match wins: "model" is in these, but they are the comparison and the evaluation.
  ['Comparison to Baseline Models', 'comparison'],
  ['Model Evaluation', 'evaluation'],
  ['Zeta', undefined],
  // Headings other logs use; the template's own words win where both appear.
  ['Results', 'evaluation'],
  ['Confusion matrix', 'evaluation'],
  ['Fairness', 'evaluation'],
  ['Setup', 'model'],
  ['Config', 'model'],
  ['Hyperparameters', 'model'],
  ['Conclusion', 'observations'],
  ['Discussion', 'observations'],
  ['What worked', 'observations'],
  ["What didn't work", 'observations'],
  ['Lessons learned', 'observations'],
  ['Goal', 'overview'],
  ['Hypothesis', 'overview'],
  ['Results and discussion', 'evaluation'],
  ['Training setup', 'training'],
  ['Data analysis', 'dataset'],
  ['Notes', undefined],
  ['Next', 'nextSteps'],
  ['Eval', 'evaluation'],
  ['Params', 'model'],
  ['Parameters', 'model'],
  ['Feature importance (SHAP)', 'observations'],
  ['Evals', 'evaluation'],
  ["What's next?", 'nextSteps'],
  ['9. Next', 'nextSteps'],
  ['Future work', 'nextSteps'],
  ['Follow-ups', 'nextSteps'],
  ['TODO', 'nextSteps'],
  // "Next" inside another heading is not the next steps.
  ['Next-token prediction results', 'evaluation'],
  // Results by a group attribute, and nothing else.
  ['By language', 'evaluation'],
  ['Accuracy per region', 'evaluation'],
  ['Breakdown across age groups', 'evaluation'],
  // The section number a log writes before it is not part of the heading's words.
  ['6. By group', 'evaluation'],
  ['4.2 Per-accent WER', 'evaluation'],
  ['3) What worked', 'observations'],
  ['7. Environment', 'reproducibility'],
  ['By the way', undefined],
  ['Per class', undefined],
  ['Notes by Alice', undefined],
];

describe('classifySection', () => {
  test.each(HEADING_CASES)('%s → %s', (heading, expected) => {
    expect(classifySection(heading)).toBe(expected);
  });

  test('every section rule is exercised by a case above', () => {
    const hit = new Set(HEADING_CASES.map(([heading]) => classifySection(heading)));
    expect(SECTION_RULES.map(({ section }) => section).filter((section) => !hit.has(section))).toEqual([]);
  });
});

describe('splitSections', () => {
  const split = (text: string, labels: readonly string[] = []) =>
    splitSections(createSource(text), unified().use(remarkParse).use(remarkGfm).parse(text).children, (title) =>
      labels.includes(title),
    ).map((section) => [section.title, section.nodes.map((node) => node.type)]);

  test('splits at ## headings, skips the # title and keeps ### headings inside', () => {
    expect(split('# Log\n\na\n\n## One\n\nb\n\n### Sub\n\n## Two\n')).toEqual([
      [undefined, ['paragraph']],
      ['One', ['paragraph', 'heading']],
      ['Two', []],
    ]);
  });

  test("a results subsection naming the training or the comparison is that section, up to the results' next subsection", () => {
    const text = [
      '## 4. Results',
      '',
      '### 4.1 Training',
      '',
      'a',
      '',
      '#### Curves',
      '',
      'b',
      '',
      '### 4.2 Test metrics',
      '',
      'c',
      '',
      '### 4.3 Comparison to baseline',
      '',
      'd',
      '',
      '## 5. Observations',
      '',
      '### Training was slow',
      '',
    ].join('\n');
    expect(split(text)).toEqual([
      [undefined, []],
      ['4. Results', []],
      ['4.1 Training', ['paragraph', 'heading', 'paragraph']],
      ['4. Results', ['heading', 'paragraph']],
      ['4.3 Comparison to baseline', ['paragraph']],
      // Only a results section's subsections: the observations keep theirs.
      ['5. Observations', ['heading']],
    ]);
  });

  test('a ## heading that names a label, not a section, stays in the section above as a heading', () => {
    expect(split('## Experiment Overview\n\nx\n\n## Related experiments\n\n- parent: a\n\n## Dataset\n', ['Related experiments'])).toEqual([
      [undefined, []],
      ['Experiment Overview', ['paragraph', 'heading', 'list']],
      ['Dataset', []],
    ]);
  });

  test("a GitHub issue's ## title over ### sections is the title, as a # title is", () => {
    expect(split('## Experiment: whisper, Swahili\n\n**ID**: a\n\n### Checklist\n\n- x\n\n### Results so far\n\nb\n')).toEqual([
      [undefined, ['paragraph']],
      ['Checklist', ['list']],
      ['Results so far', ['paragraph']],
    ]);
    // Not the title: a heading that names a section, one of several at its level, one with nothing
    // under it, one after text.
    expect(split('## Results\n\n### Accuracy\n\nb\n').map(([title]) => title)).toEqual([undefined, 'Results']);
    expect(split('## Notes\n\na\n\n## More\n\n### Sub\n').map(([title]) => title)).toEqual([undefined, 'Notes', 'More']);
    expect(split('## Notes\n\na\n').map(([title]) => title)).toEqual([undefined, 'Notes']);
    expect(split('a\n\n## Notes\n\n### Sub\n').map(([title]) => title)).toEqual([undefined, 'Notes']);
  });

  test('a ## heading that names a section is a section even when it is also a label', () => {
    expect(split('## Experiment Metadata\n', ['Experiment Metadata']).map(([title]) => title)).toEqual([undefined, 'Experiment Metadata']);
  });
});

describe('a lineage section written as a sentence', () => {
  const read = (...lines: string[]) =>
    parseSource(['**Experiment ID**: img-cls-07', '', '## Evaluation Results', '', '**Accuracy**: 0.906', '', ...lines].join('\n'), {
      file: 'img-cls-07.md',
    }).data as Record<string, unknown>;

  test('names the parent and keeps the sentence in the lineage, not in the section before it', () => {
    const data = read('## Experiment Lineage', '', 'Forked from img-cls-05 (same data, new backbone).');
    expect(data['lineage']).toEqual({ parent: 'img-cls-05', note: 'Forked from img-cls-05 (same data, new backbone).' });
    expect(JSON.stringify(data['evaluation'])).not.toContain('Forked');
    expect(read('**Lineage**: builds on [[exp-3]] with a new tokenizer')['lineage']).toEqual({
      parent: 'exp-3',
      note: 'builds on exp-3 with a new tokenizer',
    });
  });

  test('a sentence that names no run keeps the sentence alone', () => {
    expect(read('## Lineage', '', 'Forked from the baseline notebook.')['lineage']).toEqual({ note: 'Forked from the baseline notebook.' });
  });
});

describe('parentInSentence', () => {
  test.each([
    ['Forked from img-cls-05 (same data)', 'img-cls-05'],
    ['Parent: exp-12.', 'exp-12'],
    ['parent experiment is run_3', 'run_3'],
    ['Derived from [[exp-3|the baseline]]', 'exp-3'],
    ['Fine-tuned from exp-7, lr halved', 'exp-7'],
    ['Based on the v2 notebook', undefined],
    ['We compared it with exp-4', undefined],
  ])('%s → %s', (text, parent) => {
    expect(parentInSentence(text)).toBe(parent);
  });
});

describe('a `Notes` heading', () => {
  test('over the observations’ labels is the observations', () => {
    const text = [
      '**Experiment ID**: n-1',
      '',
      '### Notes',
      '',
      '**What Worked Well**:',
      '',
      '- close_mosaic=10',
      '',
      '**Key Learnings**:',
      '',
      '- label noise caps bicycle AP',
    ].join('\n');
    expect((parseSource(text, { file: 'n-1.md' }).data as { observations?: unknown }).observations).toEqual({
      worked: ['close_mosaic=10'],
      learnings: ['label noise caps bicycle AP'],
    });
  });

  test('alone under a frontmatter is the record’s notes, as written', () => {
    const text = ['---', 'id: n-2', '---', '', '## Notes', '', 'The holdout month was February.'].join('\n');
    expect((parseSource(text, { file: 'n-2.md' }).data as { notes?: unknown }).notes).toBe('## Notes\n\nThe holdout month was February.');
  });
});
