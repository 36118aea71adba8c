import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { createSource } from '../../../src/ingest/markdown-blocks.ts';
import { readEntries } from '../../../src/ingest/template/entries.ts';
import { sectionLabels } from '../../../src/ingest/template/rules.ts';
import type { SectionKey } from '../../../src/ingest/template/sections.ts';

/** Each entry as [label, qualifier, value, block types]; and the prose left over. */
function entries(text: string, section: SectionKey): { entries: [string, string, string, string[]][]; prose: string[] } {
  const read = readEntries(createSource(text), unified().use(remarkParse).use(remarkGfm).parse(text).children, sectionLabels(section));
  return {
    entries: read.entries.map((entry) => [entry.label, entry.qualifier, entry.value, entry.blocks.map((block) => block.type)]),
    prose: read.prose.map((part) => part.markdown),
  };
}

const METRICS = '| Metric | Value |\n|---|---|\n| AUC | 0.9 |';
const GROUPS = '| Region | Recall | N |\n|---|---|---|\n| EU | 0.8 | 10 |';

describe('readEntries', () => {
  test('reads label lines, headings and the blocks under them', () => {
    expect(
      entries('**Dataset Name**: tx\n**Dataset Size**:\n1M records\n\n### Train/Val/Test Split\n\n- Training: 70%', 'dataset'),
    ).toEqual({
      entries: [
        ['Dataset Name', '', 'tx', []],
        ['Dataset Size', '', '1M records', []],
        ['Train/Val/Test Split', '', '', ['list']],
      ],
      prose: [],
    });
  });

  test('a bold label without a colon is a label when the section knows it, otherwise prose', () => {
    expect(entries('**Dataset Name** tx\n\n**Note** the split is temporal', 'dataset')).toEqual({
      entries: [['Dataset Name', '', 'tx', []]],
      prose: ['**Note** the split is temporal'],
    });
  });

  test('a table with no label line is labelled from its header row', () => {
    expect(entries(`${METRICS}\n\n**Confusion Matrix**:\n\`\`\`\na b\n\`\`\`\n\n${GROUPS}`, 'evaluation').entries).toEqual([
      ['Test Set Performance', '', '', ['table']],
      ['Confusion Matrix', '', '', ['code']],
      ['Disaggregated Performance', '', '', ['table']],
    ]);
  });

  test('a table right under a bare label line is that label’s, whatever its header', () => {
    expect(entries(`**Calibration** (ECE):\n\n${METRICS}`, 'evaluation').entries).toEqual([['Calibration', 'ECE', '', ['table']]]);
  });

  test('a second table of the same kind stays with the entry above it', () => {
    expect(entries(`**Disaggregated Performance** (by region):\n${GROUPS}\n\n${GROUPS}`, 'evaluation').entries).toEqual([
      ['Disaggregated Performance', 'by region', '', ['table', 'table']],
    ]);
  });

  test('a table no table rule names stays with the entry above it, or is prose', () => {
    const odd = '| Threshold | Cost |\n|---|---|\n| 0.5 | 1 |';
    expect(entries(`**Confusion Matrix**:\n\`\`\`\na b\n\`\`\`\n\n${odd}`, 'evaluation').entries).toEqual([
      ['Confusion Matrix', '', '', ['code', 'table']],
    ]);
    expect(entries(odd, 'evaluation')).toEqual({ entries: [], prose: [odd] });
  });
});
