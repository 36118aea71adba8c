import { getCollection } from 'astro:content';
import settings from 'virtual:logbook/settings';
import type { Experiment } from '../schema/index.ts';
import { analyzeCollection, type CollectionAnalysis } from '../analysis/index.ts';
import type { ExperimentAnalysisView } from '../view/analysis-types.ts';
import type { Settings } from '../settings/index.ts';
import { loadRecords, type LoadedRecord } from '../content/load.ts';
import { loadedRecords } from './loaded-records.ts';

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

/** The site model and the records it was made from (see `getSite`). */
let site: { from: readonly LoadedRecord[] | undefined; model: Promise<SiteModel> } | undefined;

/**
 * The site model, computed once per load of the records and shared by every page: once per build;
 * in `astro dev`, again after the loader read a changed record.
 */
export function getSite(): Promise<SiteModel> {
  const from = loadedRecords();
  if (site === undefined || site.from !== from) site = { from, model: loadSiteModel(from) };
  return site.model;
}

/** Locale-independent order, so the same content builds the same site on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The records the content loader read in this process (see loaded-records.ts). Should the pages ever
 * be rendered where the loader did not run, the collection's entries say which records it kept, and
 * those are read again from their files.
 */
async function readRecords(loaded: readonly LoadedRecord[] | undefined): Promise<readonly LoadedRecord[]> {
  if (loaded !== undefined) return loaded;
  const ids = new Set((await getCollection('experiments')).map((e) => e.id));
  const { records } = await loadRecords(settings.content);
  return records.filter((r) => ids.has(r.record.id));
}

async function loadSiteModel(loaded: readonly LoadedRecord[] | undefined): Promise<SiteModel> {
  const stored = [...(await readRecords(loaded))].sort((a, b) => compareCodeUnits(a.record.id, b.record.id));
  const records = stored.map((s) => s.record);
  const analysis = analyzeCollection(records);
  return {
    settings,
    base: import.meta.env.BASE_URL,
    records,
    byId: new Map(records.map((r) => [r.id, r])),
    files: new Map(stored.map((s) => [s.record.id, s.file])),
    analysis,
    analyses: analysis.byId,
  };
}
