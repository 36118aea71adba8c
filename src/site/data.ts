import { getCollection } from 'astro:content';
import settings from 'virtual:logbook/settings';
import type { Experiment } from '../schema/index.ts';
import { analyzeCollection, type CollectionAnalysis } from '../analysis/index.ts';
import type { ExperimentAnalysisView } from '../view/analysis-types.ts';
import type { Settings } from '../settings/index.ts';
import { readStoredRecord } from './loader.ts';

/** Everything pages share: the records, their source files, and the analysis of the collection. */
export interface SiteModel {
  /** The build's settings. */
  settings: Settings;
  base: string;
  /** Records sorted by id. */
  records: Experiment[];
  byId: ReadonlyMap<string, Experiment>;
  files: ReadonlyMap<string, string>;
  analysis: CollectionAnalysis;
  analyses: ReadonlyMap<string, ExperimentAnalysisView>;
}

let site: Promise<SiteModel> | undefined;

/** The site model, computed once per build and shared by every page. */
export function getSite(): Promise<SiteModel> {
  site ??= loadSiteModel();
  return site;
}

/** Locale-independent order, so the same content builds the same site on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function loadSiteModel(): Promise<SiteModel> {
  const entries = await getCollection('experiments');
  const stored = entries
    .map((e) => readStoredRecord(e.data as Record<string, unknown>))
    .sort((a, b) => compareCodeUnits(String(a.record['id']), String(b.record['id'])));
  const records = stored.map((s) => s.record as unknown as Experiment);
  const analysis = analyzeCollection(records);
  return {
    settings,
    base: import.meta.env.BASE_URL,
    records,
    byId: new Map(records.map((r) => [r.id, r])),
    files: new Map(stored.map((s) => [String(s.record['id']), s.file])),
    analysis,
    analyses: analysis.byId,
  };
}
