import { describe, expect, test } from 'vitest';
import { parseSource } from '../../../src/ingest/index.ts';

const parse = (...lines: string[]) => parseSource(['**Experiment ID**: lazy-1', '', ...lines].join('\n'), { file: 'lazy-1.md' });

describe('a label line right under a list, with no blank line between', () => {
  test('starts its own entry instead of continuing the last item (CommonMark would read it as part of it)', () => {
    const parsed = parse(
      '## Observations & Insights',
      '**What Worked Well**:',
      '- Higher rank helped routing on rare queues',
      "**What Didn't Work**:",
      '- Packing sequences hurt reply quality',
      '**Key Learnings:**',
      '1. Rank matters more than alpha',
    );
    expect((parsed.data as Record<string, unknown>)['observations']).toEqual({
      worked: ['Higher rank helped routing on rare queues'],
      didNotWork: ['Packing sequences hurt reply quality'],
      learnings: ['Rank matters more than alpha'],
    });
    // Positions are those of the whole file: line 7 is `- Packing …`, its text at column 3.
    expect(parsed.positions.get('observations.didNotWork.0')).toEqual({ line: 7, column: 3 });
    expect(parsed.positions.get('observations.learnings.0')).toEqual({ line: 9, column: 4 });
  });

  test('an item continued on an indented line, or by plain words, stays one item', () => {
    const parsed = parse(
      '## Observations',
      '**What Worked Well**:',
      '- Higher rank helped',
      '  **a lot**: on rare queues',
      'and on common ones',
    );
    expect((parsed.data as Record<string, unknown>)['observations']).toEqual({
      worked: ['Higher rank helped\n  **a lot**: on rare queues\nand on common ones'],
    });
  });
});
