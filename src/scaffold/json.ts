import type { Dataset, Model } from '../schema/index.ts';

/** What goes into a new JSON record. */
export interface JsonSkeletonFill {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  parent?: string;
  /** `$schema` reference, relative to the new file's folder. */
  schemaRef: string;
  dataset?: Dataset;
  model?: Model;
}

/** A planned experiment as a JSON record: `$schema`, id, date, status "planned", lineage and the inherited parts. */
export function buildJsonSkeleton(fill: JsonSkeletonFill): Record<string, unknown> {
  const record: Record<string, unknown> = { $schema: fill.schemaRef, id: fill.id, date: fill.date, status: 'planned' };
  if (fill.parent !== undefined) record['lineage'] = { parent: fill.parent };
  if (fill.dataset !== undefined) record['dataset'] = fill.dataset;
  if (fill.model !== undefined) record['model'] = fill.model;
  return record;
}

/** The skeleton as the file's text (two-space indent, trailing newline). */
export function renderJsonSkeleton(fill: JsonSkeletonFill): string {
  return `${JSON.stringify(buildJsonSkeleton(fill), null, 2)}\n`;
}
