/**
 * Logbook's settings, read once. Every entry point (the build's Astro config, the commands in
 * scripts/) calls `readSettings` with what the user gave — environment variables, and later a config
 * file and command-line flags — and passes the typed result on; no other module reads `process.env`.
 * Precedence: flags, then `LOGBOOK_*` variables, then the config file, then the defaults below.
 */
import { join } from 'node:path';
import * as msg from './messages.ts';

/** Everything a build or a command can be told. Paths are as given, relative to the working directory. */
export interface Settings {
  /** Folder of records, searched recursively for `*.json` and `*.md`. */
  content: string;
  /** Folder the site is written to. */
  outDir: string;
  /** Origin the site is served from, e.g. `https://org.github.io`; undefined when not known. */
  site: string | undefined;
  /** Base path of the site, e.g. `/repo/` for a GitHub Pages project site; `/` by default. */
  base: string;
  /** Site title, shown in the header and the browser tab. */
  title: string;
  /** False builds pages without charts (`LOGBOOK_CHARTS=off`). */
  charts: boolean;
  /**
   * False leaves the static SVG of every chart out of the pages (`LOGBOOK_STATIC_CHARTS=off`): the
   * browser draws each chart when it comes into view, and without JavaScript or on paper the page
   * shows the chart's data table instead. For sites too large for their host (see `site-size.ts`).
   */
  staticCharts: boolean;
  /**
   * False builds no page per compared pair (an experiment and its parent or a baseline that is a
   * record; `LOGBOOK_COMPARE_PAGES=off`): links to a comparison open the in-browser compare page.
   */
  comparePages: boolean;
  /**
   * Which of `staticCharts` and `comparePages` were not given (flag, variable or config file) and so
   * follow the site's size: on, unless the site has more than `LARGE_SITE_EXPERIMENTS` experiments
   * (see `settingsForSize`).
   */
  bySize: SizeSetting[];
  /** More experiments than this, and those in `bySize` are off (`LOGBOOK_LARGE_SITE`; default `LARGE_SITE_EXPERIMENTS`). */
  largeSite: number;
  /**
   * Most experiments one overview page lists (the experiments table, the fairness overview, a tag's
   * page, the lineage trees); more go on further pages (`page/2/`, `fairness/2/`, …).
   */
  pageSize: number;
  /** Chart worker threads; undefined chooses by the number of charts to render (one per core, or none for a few). */
  chartWorkers: number | undefined;
  /** Root of Logbook's caches (rendered charts, parsed records). */
  cacheDir: string;
  /** False renders every chart afresh and caches nothing (`LOGBOOK_NO_CHART_CACHE=1`). */
  chartCache: boolean;
  /** False parses every record afresh (`LOGBOOK_NO_RECORD_CACHE=1`). */
  recordCache: boolean;
  /** Astro's cache (content store, incremental-build cache); undefined: Astro's default, `node_modules/.astro`. */
  astroCacheDir: string | undefined;
  /** True when the records were validated just before the build, which then does not print their warnings again. */
  validated: boolean;
  /** True under GitHub Actions: problems are also printed as workflow annotations. */
  githubActions: boolean;
  /** The step-outputs file of a GitHub Actions step (`GITHUB_OUTPUT`), where `logbook build` says where the site went. */
  githubOutput: string | undefined;
  /** Seconds since the epoch to use as "now" (`SOURCE_DATE_EPOCH`), for reproducible output; undefined: the clock. */
  sourceDateEpoch: number | undefined;
}

/** The settings a large site turns off unless they are given. */
export type SizeSetting = 'staticCharts' | 'comparePages';

/**
 * More experiments than this, and a build turns `staticCharts` and `comparePages` off unless they are
 * given: with both on, the benchmark's experiments take about 190 KB and 3.8 files each (1.86 GB at
 * 10,000, over GitHub Pages' 1 GB), with both off about 96 KB and 3.0 files (bench/README.md); 4,000
 * leaves room for records larger than the benchmark's.
 */
export const LARGE_SITE_EXPERIMENTS = 4_000;

/**
 * The settings a site of `experiments` experiments is built with: above `settings.largeSite`
 * (`LARGE_SITE_EXPERIMENTS` unless given), those of `staticCharts` and `comparePages` left to the
 * size are off (`turnedOff` names them).
 */
export function settingsForSize(settings: Settings, experiments: number): { settings: Settings; turnedOff: SizeSetting[] } {
  if (experiments <= settings.largeSite || settings.bySize.length === 0) return { settings, turnedOff: [] };
  const turnedOff = settings.bySize.filter((key) => settings[key]);
  const sized: Settings = { ...settings, bySize: [] };
  for (const key of turnedOff) sized[key] = false;
  return { settings: sized, turnedOff };
}

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The defaults, relative to the working directory. */
export const DEFAULT_CONTENT = 'content/experiments';
export const DEFAULT_OUT_DIR = 'dist';
export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'logbook');
/**
 * Experiments per overview page: a table of 1,000 is about 1.5 MB of HTML (130 KB gzipped), which a
 * phone still opens in a second; at 10,000 one page would be ten times that.
 */
export const DEFAULT_PAGE_SIZE = 1000;

/** A setting that cannot be used, with every problem found (one line each). */
export class SettingsError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/** Settings given explicitly (flags, or a config file): each overrides what it names. */
export type SettingsInput = {
  [
    K in
      'content' | 'outDir' | 'site' | 'base' | 'title' | 'charts' | 'staticCharts' | 'comparePages' | 'largeSite' | 'cacheDir' | 'pageSize'
  ]?: Settings[K] | undefined;
};

/**
 * A base path a site may be served under: `/`, `/repo/`, `/org/repo/` — segments of letters, digits
 * and `._~-` (not `.` or `..`), between single slashes. Nothing that could end an attribute or a
 * script tag (`"`, `<`), point at another host (`//evil.example/`) or be decoded into either (`%`).
 */
export const BASE_PATH = /^\/(?:(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+\/)*(?:(?!\.\.?$)[A-Za-z0-9._~-]+)?$/;

/** Whether `base` is a base path a site may be served under (`BASE_PATH`). */
export function isBasePath(base: string): boolean {
  return BASE_PATH.test(base);
}

/**
 * Reads the settings from `LOGBOOK_*` variables over `config` (a config file's values), with `flags`
 * over both. Throws a `SettingsError` listing every unusable value.
 */
export function readSettings(options: { env: Env; config?: SettingsInput; flags?: SettingsInput }): Settings {
  const { env, config = {}, flags = {} } = options;
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const pick = <K extends keyof SettingsInput>(key: K, fromEnv: SettingsInput[K]): SettingsInput[K] => flags[key] ?? fromEnv ?? config[key];

  const workers = text('LOGBOOK_CHART_WORKERS');
  let chartWorkers: number | undefined;
  if (workers !== undefined) {
    if (/^\d+$/.test(workers.trim())) chartWorkers = Number(workers.trim());
    else problems.push(msg.notACount('LOGBOOK_CHART_WORKERS', workers));
  }
  const epoch = text('SOURCE_DATE_EPOCH');
  let sourceDateEpoch: number | undefined;
  if (epoch !== undefined) {
    if (/^\d+$/.test(epoch.trim())) sourceDateEpoch = Number(epoch.trim());
    else problems.push(msg.notACount('SOURCE_DATE_EPOCH', epoch));
  }
  const switchVariable = (name: string): boolean | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const on = readSwitch(value);
    if (on === undefined) problems.push(msg.notASwitch(name, value));
    return on;
  };
  const chartsFromEnv = switchVariable('LOGBOOK_CHARTS');
  const staticChartsFromEnv = switchVariable('LOGBOOK_STATIC_CHARTS');
  const comparePagesFromEnv = switchVariable('LOGBOOK_COMPARE_PAGES');
  const largeSiteVariable = text('LOGBOOK_LARGE_SITE');
  let largeSiteFromEnv: number | undefined;
  if (largeSiteVariable !== undefined) {
    if (/^\d+$/.test(largeSiteVariable.trim())) largeSiteFromEnv = Number(largeSiteVariable.trim());
    else problems.push(msg.notALargeSite('LOGBOOK_LARGE_SITE', largeSiteVariable));
  }
  const pageSizeVariable = text('LOGBOOK_PAGE_SIZE');
  let pageSizeFromEnv: number | undefined;
  if (pageSizeVariable !== undefined) {
    if (/^\d+$/.test(pageSizeVariable.trim()) && Number(pageSizeVariable.trim()) >= 1) pageSizeFromEnv = Number(pageSizeVariable.trim());
    else problems.push(msg.notAPageSize('LOGBOOK_PAGE_SIZE', pageSizeVariable));
  }
  const givenBase = pick('base', text('LOGBOOK_BASE')) ?? '/';
  // `LOGBOOK_BASE=repo`, `--base repo/`: a path from the site's root, as the build has always read it.
  const base = givenBase.startsWith('/') ? givenBase : `/${givenBase}`;
  // The base path is written into every page's links and script tags: a path of plain segments only.
  if (!isBasePath(base)) problems.push(msg.notABasePath(base));
  const site = pick('site', text('LOGBOOK_SITE'));
  if (problems.length > 0) throw new SettingsError(problems);
  const staticCharts = pick('staticCharts', staticChartsFromEnv);
  const comparePages = pick('comparePages', comparePagesFromEnv);
  return {
    content: pick('content', text('LOGBOOK_CONTENT')) ?? DEFAULT_CONTENT,
    outDir: pick('outDir', text('LOGBOOK_OUT_DIR')) ?? DEFAULT_OUT_DIR,
    site,
    base,
    title: pick('title', text('LOGBOOK_TITLE')) ?? 'Logbook',
    charts: pick('charts', chartsFromEnv) ?? true,
    staticCharts: staticCharts ?? true,
    comparePages: comparePages ?? true,
    bySize: [
      ...(staticCharts === undefined ? ['staticCharts' as const] : []),
      ...(comparePages === undefined ? ['comparePages' as const] : []),
    ],
    largeSite: pick('largeSite', largeSiteFromEnv) ?? LARGE_SITE_EXPERIMENTS,
    pageSize: pick('pageSize', pageSizeFromEnv) ?? DEFAULT_PAGE_SIZE,
    chartWorkers,
    cacheDir: pick('cacheDir', text('LOGBOOK_CACHE_DIR')) ?? DEFAULT_CACHE_DIR,
    chartCache: env['LOGBOOK_NO_CHART_CACHE'] !== '1',
    recordCache: env['LOGBOOK_NO_RECORD_CACHE'] !== '1',
    astroCacheDir: text('LOGBOOK_ASTRO_CACHE_DIR'),
    validated: env['LOGBOOK_VALIDATED'] === '1',
    githubActions: env['GITHUB_ACTIONS'] === 'true',
    githubOutput: text('GITHUB_OUTPUT'),
    sourceDateEpoch,
  };
}

/** `off`/`on` and their usual synonyms; undefined for anything else. */
function readSwitch(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  if (['off', '0', 'false', 'no'].includes(word)) return false;
  if (['on', '1', 'true', 'yes'].includes(word)) return true;
  return undefined;
}

/** The folder rendered charts are cached in; null when the chart cache is off. */
export function chartCacheDir(settings: Pick<Settings, 'cacheDir' | 'chartCache'>): string | null {
  return settings.chartCache ? join(settings.cacheDir, 'charts') : null;
}

/** The folder parsed records are cached in; undefined when the record cache is off. */
export function recordCacheDir(settings: Pick<Settings, 'cacheDir' | 'recordCache'>): string | undefined {
  return settings.recordCache ? join(settings.cacheDir, 'records') : undefined;
}
