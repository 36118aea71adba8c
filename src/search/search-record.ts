/**
 * What site search indexes for an experiment: its text (every string of the record and the check
 * findings), not the page's HTML. Parsing every page — mostly chart SVG and number tables — made
 * the search index the slowest and most memory-hungry step of a large build.
 */
import type { Experiment } from '../schema/index.ts';

/** A pagefind custom record. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (key !== '$schema' && key !== 'placeholders') strings(v, out);
  }
  return out;
}

/** The search record of one experiment page at `url` (site-relative; the search UI adds the base path). */
export function buildSearchRecord(record: Experiment, checks: readonly { message: string }[], url: string): SearchRecord {
  const title = record.name ?? record.id;
  const content = [...strings(record, []), ...checks.map((c) => c.message)].join('\n');
  const filters: Record<string, string[]> = {};
  if (record.status) filters['status'] = [record.status];
  if (record.tags?.['use_case']) filters['use_case'] = [record.tags['use_case']];
  return { url, content, language: 'en', meta: { title, id: record.id }, filters };
}
