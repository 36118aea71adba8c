/**
 * The scale suite's content: 300 records with 1,000-epoch histories, 50 disaggregated groups and
 * 30 baseline rows each, from the benchmark's deterministic generator (src/generate). Every fourth
 * record is written as Markdown with YAML frontmatter, the rest as JSON, so both readers see volume.
 */
import { stringify } from 'yaml';
import { generateRecords, type GenerateOptions } from '../../../src/generate/index.ts';

export const SCALE_OPTIONS = { count: 300, epochs: 1000, groups: 50, baselines: 30, seed: 7 } satisfies GenerateOptions;

export interface GeneratedFile {
  /** File name, e.g. `fraud-gbm-0042.json`. */
  name: string;
  text: string;
}

/** The files of the scale content folder. */
export function generateScaleContent(options: GenerateOptions = SCALE_OPTIONS): GeneratedFile[] {
  return generateRecords(options).map((record, i) => {
    if (i % 4 === 3) {
      const { notes, ...rest } = record;
      return {
        name: `${record.id}.md`,
        text: `---\n${stringify(rest, { lineWidth: 0 })}---\n\n${notes ?? 'Generated for the scale test.'}\n`,
      };
    }
    return { name: `${record.id}.json`, text: `${JSON.stringify(record, null, 2)}\n` };
  });
}
