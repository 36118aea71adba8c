/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is re-rendered
 * only when its key changes (or the code it is built from). A key must therefore cover everything a
 * page shows — for an experiment page that is its record, its analysis, and what it shows of other
 * records (names, statuses and headline deltas in the lineage tree, related names).
 */
import { createHash } from 'node:crypto';
import { buildLineageTree, headlineChain } from '../view/lineage.ts';
import type { SiteModel } from './data.ts';

/** Bumped when what the keys cover changes, so old cache entries are not reused. */
const KEY_VERSION = '3';

const jsonOf = new WeakMap<object, string>();

/** `JSON.stringify` of an array element; an object (a record, an analysis) is written once, however many keys it is in. */
function elementJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  let json = jsonOf.get(value);
  if (json === undefined) {
    json = JSON.stringify(value) ?? 'null';
    jsonOf.set(value, json);
  }
  return json;
}

/** The hash of `JSON.stringify(values)`: each record is in three or more keys (its page, its API document, its compare pages). */
function hash(values: readonly unknown[]): string {
  return createHash('sha256')
    .update(KEY_VERSION)
    .update(`[${values.map(elementJson).join(',')}]`)
    .digest('hex');
}

/** The settings that change what a page's charts and compare links are. */
function chartSettings(site: SiteModel): boolean[] {
  return [site.settings.charts, site.settings.staticCharts, site.settings.comparePages];
}

/** Everything an experiment page (and its charts) is built from. */
export function experimentPageKey(id: string, site: SiteModel): string {
  const record = site.byId.get(id);
  const analysis = site.analyses.get(id);
  const related = (analysis?.lineage.related ?? []).map((r) => [r, site.byId.get(r)?.name ?? null]);
  const tree = buildLineageTree(id, {
    base: site.base,
    records: site.byId,
    analyses: site.analyses,
    comparePages: site.settings.comparePages,
  });
  // The lineage-trend chart plots the headline metric of every ancestor.
  const chain = headlineChain(id, { analyses: site.analyses }) ?? null;
  return hash([record, analysis, related, tree, chain, site.files.get(id) ?? null, chartSettings(site)]);
}

/** Everything a compare page of `a` against `b` (and its charts) is built from. */
export function comparePageKey(a: string, b: string, relation: string, site: SiteModel): string {
  return hash([site.byId.get(a), site.byId.get(b), relation, site.analyses.get(a), site.analyses.get(b), chartSettings(site)]);
}

/** Everything an experiment's API document is built from. */
export function apiDocumentKey(id: string, site: SiteModel): string {
  return hash([site.byId.get(id), site.analysis.byId.get(id)]);
}
