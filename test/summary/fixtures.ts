/** Hand-made records for the summary tests, loaded through the real loader from an in-memory folder. */
import { loadRecords, type LoadEffects } from '../../src/content/load.ts';
import { buildSummary, type SummaryInput } from '../../src/summary/build.ts';
import type { ContentChange, Summary } from '../../src/summary/types.ts';

export const DIR = 'content/experiments';

/** In-memory files under DIR (name → text). */
export function memoryEffects(files: Readonly<Record<string, string>>): LoadEffects {
  return {
    list: async () => ({ files: Object.keys(files).map((path) => ({ path })), refused: [] }),
    readFile: async (path) => {
      const text = files[path.slice(DIR.length + 1)];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
  };
}

/**
 * The parent: accuracy 0.851 ± 0.010, recall 80.4% ± 0.5, latency 12.5 ± 0.5 ms, F1 0.780 ± 0.02.
 */
export const PARENT = {
  id: 'exp-001',
  name: 'Parent',
  status: 'completed',
  evaluation: {
    testMetrics: [
      { metric: 'Accuracy', value: 0.851, ci95: 0.01 },
      { metric: 'Recall', value: 80.4, ci95: 0.5, unit: '%' },
      { metric: 'Latency (ms)', value: 12.5, ci95: 0.5 },
      { metric: 'F1 Score', value: 0.78, ci95: 0.02 },
    ],
  },
};

/**
 * The child: accuracy 0.869 (+1.8 pp, +2.1%, CI excludes 0), recall 82.4% (+2.0 pp, +2.5%), latency
 * 15.5 ms (+3.0 ms, +24.0%: worse), F1 0.785 (+0.5 pp, CI includes 0: within noise); a baseline row with
 * accuracy 0.8 (no CI: the child's own ±0.010 is the interval) and a throughput with no uncertainty
 * anywhere; selection rates 0.5 vs 0.8 on n = 100 each (ratio 0.625, flagged by the four-fifths rule);
 * a claim of +5% that the table contradicts.
 */
export const CHILD = {
  id: 'exp-002',
  name: 'Child',
  status: 'completed',
  lineage: { parent: 'exp-001' },
  evaluation: {
    testMetrics: [
      { metric: 'Accuracy', value: 0.869, ci95: 0.01 },
      { metric: 'Recall', value: 82.4, ci95: 0.5, unit: '%' },
      { metric: 'Latency (ms)', value: 15.5, ci95: 0.5 },
      { metric: 'F1 Score', value: 0.785, ci95: 0.02 },
    ],
    disaggregated: [
      { group: '18-29', attributes: { age: '18-29' }, n: 100, metrics: { 'Selection Rate': 0.5 } },
      { group: '30-49', attributes: { age: '30-49' }, n: 100, metrics: { 'Selection Rate': 0.8 } },
    ],
  },
  comparison: {
    baselines: [
      { label: 'This', current: true, metrics: { Accuracy: 0.869, Throughput: 120 } },
      { label: 'Rules engine', metrics: { Accuracy: 0.8, Throughput: 100 } },
    ],
    claims: [{ metric: 'Accuracy', text: '+5% vs Rules engine' }],
  },
};

/** Builds a summary of `changes` over the in-memory folder. */
export async function summarize(
  files: Readonly<Record<string, string>>,
  changes: readonly ContentChange[],
  extra: Partial<SummaryInput> = {},
): Promise<Summary> {
  const { records, diagnostics } = await loadRecords(DIR, memoryEffects(files));
  return buildSummary({
    base: 'main',
    mergeBase: '0123456789abcdef0123',
    site: 'https://example.org/logbook/',
    changes,
    removed: [],
    records,
    diagnostics,
    ...extra,
  });
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
