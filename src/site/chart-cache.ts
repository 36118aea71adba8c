/**
 * The chart cache: one file per experiment holding the static SVGs of all its charts, named by a
 * hash of what they are rendered from — every chart's id, title, description and Vega-Lite spec with
 * its data, plus the Vega and Vega-Lite versions and `RENDER_VERSION`. A build (or a chart worker)
 * that finds the file skips Vega entirely; one file per experiment keeps a 1,000-experiment site at
 * 1,000 small reads instead of one per chart.
 *
 * Environment: `LOGBOOK_CACHE_DIR` moves the cache (to `$LOGBOOK_CACHE_DIR/charts`; default
 * `node_modules/.cache/logbook/charts`, relative to the working directory), `LOGBOOK_NO_CHART_CACHE=1`
 * disables it. CI keeps the folder between runs (see .github/workflows/pages.yml).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { version as vegaLiteVersion } from 'vega-lite';
import { RENDERER_VERSIONS } from '../charts/render.ts';
import type { ChartView } from '../charts/types.ts';

/** File access for the cache (tests pass a fake or a temp dir). */
export interface ChartCacheEffects {
  /** Text of the file, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Writes the file, creating folders as needed. */
  writeFile(path: string, text: string): Promise<void>;
}

/** One cached chart: its static SVG and the size written on the SVG's root. */
export interface CachedChart {
  id: string;
  svg: string;
  width: number;
  height: number;
}

/** Default file access: node:fs, writes via a temp file + rename so concurrent builds never see half a file. */
export const nodeChartCacheEffects: ChartCacheEffects = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  async writeFile(path, text) {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  },
};

/** Where the cache lives for an environment; null when disabled. */
export function chartCacheDir(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env['LOGBOOK_NO_CHART_CACHE'] === '1') return null;
  const root = env['LOGBOOK_CACHE_DIR'];
  return root !== undefined && root !== '' ? join(root, 'charts') : join('node_modules', '.cache', 'logbook', 'charts');
}

/** The cache key of an experiment's charts: a hash of everything their SVGs are rendered from. */
export function chartCacheKey(views: readonly ChartView[]): string {
  const content = views.map((v) => [v.id, v.title, v.description, v.spec]);
  return createHash('sha256')
    .update(JSON.stringify([...RENDERER_VERSIONS, vegaLiteVersion, content]))
    .digest('hex');
}

function cacheFile(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.json`);
}

function isCachedChart(value: unknown): value is CachedChart {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c['id'] === 'string' &&
    typeof c['svg'] === 'string' &&
    c['svg'].startsWith('<svg') &&
    typeof c['width'] === 'number' &&
    typeof c['height'] === 'number'
  );
}

/**
 * The cached charts for `key`, or undefined when there are none (or the file is unreadable: a
 * damaged cache entry is rendered again, never trusted).
 */
export async function readCachedCharts(dir: string, key: string, effects: ChartCacheEffects): Promise<CachedChart[] | undefined> {
  const text = await effects.readFile(cacheFile(dir, key));
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) && parsed.every(isCachedChart) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Stores an experiment's charts under `key`; a read-only or full cache folder only costs speed, never the build. */
export async function writeCachedCharts(
  dir: string,
  key: string,
  charts: readonly CachedChart[],
  effects: ChartCacheEffects,
): Promise<void> {
  try {
    await effects.writeFile(cacheFile(dir, key), JSON.stringify(charts));
  } catch {
    // Rendering again next time is the only cost.
  }
}
