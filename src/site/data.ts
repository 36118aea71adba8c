import { getCollection } from 'astro:content';
import type { Experiment } from '../schema/index.ts';
import { analyzeCollection, type CollectionAnalysis } from '../analysis/index.ts';
import type { ExperimentAnalysisView } from '../view/analysis-types.ts';
import { readStoredRecord } from './loader.ts';
import { startChartRendering } from './charts.ts';

/** Everything pages share: the records, their source files, and the analysis of the collection. */
export interface SiteModel {
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
  site ??= buildSite();
  return site;
}

async function buildSite(): Promise<SiteModel> {
  const model = await loadSiteModel();
  // Charts render on worker threads from here on (if the content loader has not started them yet).
  startChartRendering(model.records);
  return model;
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
    base: import.meta.env.BASE_URL,
    records,
    byId: new Map(records.map((r) => [r.id, r])),
    files: new Map(stored.map((s) => [String(s.record['id']), s.file])),
    analysis,
    analyses: analysis.byId,
  };
}
