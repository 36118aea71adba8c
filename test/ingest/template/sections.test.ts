import { describe, expect, test } from 'vitest';
import { classifySection, SECTION_RULES, type SectionKey } from '../../../src/ingest/template/sections.ts';

/** [heading as written, the section it names]; undefined: an unknown section, kept as Markdown. */
const HEADING_CASES: readonly (readonly [string, SectionKey | undefined])[] = [
  ['Experiment Overview', 'overview'],
  ['Comparison to Baseline', 'comparison'],
  ['Baselines', 'comparison'],
  ['Hyperparameter Tuning', 'tuning'],
  ['Hyperparameter Search', 'tuning'],
  ['Artifacts & Reproducibility', 'reproducibility'],
  ['Reproducibility', 'reproducibility'],
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
