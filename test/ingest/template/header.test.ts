import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../../src/ingest/index.ts';

/** The lineage and the problems of a template with `lines` under its id. */
function lineage(lines: readonly string[]): { lineage: unknown; problems: string[] } {
  const text = ['**Experiment ID**: x-2', '', ...lines].join('\n');
  const { record, diagnostics } = validateRecord(parseSource(text, { file: 'x-2.md' }), { file: 'x-2.md' });
  return { lineage: record?.lineage, problems: diagnostics.map(formatDiagnostic) };
}

describe('related experiments as logs write them', () => {
  test('ids on the label line are the related runs', () => {
    expect(lineage(['**Related Experiments**: exp-1, exp-2'])).toEqual({ lineage: { related: ['exp-1', 'exp-2'] }, problems: [] });
    expect(lineage(['**Related Experiments**: [[exp-1]], [[exp-2|the LoRA run]]']).lineage).toEqual({ related: ['exp-1', 'exp-2'] });
  });

  test('an aside after an id is kept in the lineage note, not read as more ids', () => {
    expect(
      lineage([
        '## Overview',
        '',
        '**Related Experiments**:',
        '- Parent: exp-1 (the baseline run)',
        '- Related: exp-2 (LoRA r=64, abandoned), exp-3',
      ]),
    ).toEqual({
      lineage: {
        parent: 'exp-1',
        related: ['exp-2', 'exp-3'],
        note: 'Parent: exp-1 (the baseline run); Related: exp-2 (LoRA r=64, abandoned), exp-3',
      },
      problems: [],
    });
    expect(lineage(['**Related Experiments**: yolo-5 (abandoned), yolo-6']).lineage).toEqual({
      related: ['yolo-5', 'yolo-6'],
      note: 'yolo-5 (abandoned), yolo-6',
    });
  });

  test('a sentence stays the note; a parent it names is the parent', () => {
    expect(lineage(['**Related Experiments**: see the baseline run']).lineage).toEqual({ note: 'see the baseline run' });
    expect(lineage(['**Related Experiments**: Forked from exp-12 (same data)']).lineage).toEqual({
      parent: 'exp-12',
      note: 'Forked from exp-12 (same data)',
    });
  });

  test('a related id that is no id says how to name a run, not how to set this record’s id', () => {
    const { problems } = lineage(['## Overview', '', '**Related Experiments**:', '- Related: exp/2']);
    expect(problems).toEqual([expect.stringMatching(/^x-2\.md:6:\d+ lineage\.related\.0: .*name the other experiment by its id alone/)]);
  });
});
