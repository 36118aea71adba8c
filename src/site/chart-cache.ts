/**
 * The chart cache: one file per experiment holding its finished chart blocks (static SVGs, sizes,
 * shape ids and data tables), named by a hash of what they are made from — the experiment's chart
 * input (record, headline metric, headline chain), the Vega and Vega-Lite versions, `RENDER_VERSION`
 * and a fingerprint of the code that turns a chart input into blocks (`chart-blocks.ts` and every
 * module it imports; an edit anywhere else keeps the cache). A build (or a chart worker) that finds
 * the file builds no chart at all; one file per experiment keeps a 1,000-experiment site at 1,000
 * small reads. Where it lives is a setting (`chartCacheDir`); CI keeps the folder between runs.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as vegaLiteVersion } from 'vega-lite';
import { RENDERER_VERSIONS } from '../charts/render.ts';
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { sourceFingerprint } from '../util/source-fingerprint.ts';

/** File access for the cache (tests pass a fake or a temp dir). */
export interface ChartCacheEffects {
  /** Text of the file, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Writes the file, creating folders as needed. */
  writeFile(path: string, text: string): Promise<void>;
  /** True when the file exists. */
  exists(path: string): Promise<boolean>;
}

/**
 * An experiment's chart blocks by page section id, in page order: what is cached, and what crosses
 * threads (a plain array of pairs, so it survives structured clone).
 */
export type ChartBlocksBySection = [string, ChartBlockData[]][];

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
  exists: (path) =>
    stat(path).then(
      () => true,
      () => false,
    ),
};

/** The module whose code (with everything it imports) decides an experiment's chart blocks. */
export const CHART_CODE_ENTRY: URL = new URL(`./chart-blocks${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

let codeFingerprint: string | null | undefined;

/** The fingerprint of `CHART_CODE_ENTRY` and its imports, once per thread; null when a module cannot be read. */
export function chartCodeFingerprint(): string | null {
  codeFingerprint ??= sourceFingerprint(CHART_CODE_ENTRY) ?? null;
  return codeFingerprint;
}

/**
 * The cache key of an experiment's chart blocks (or a comparison's: `input` is whatever the charts
 * are made from, as JSON): a hash of everything they are made from.
 */
export function chartCacheKey(input: ExperimentChartsInput | { compare: unknown }, code: string): string {
  return createHash('sha256')
    .update(JSON.stringify([...RENDERER_VERSIONS, vegaLiteVersion, code]))
    .update('\0')
    .update(JSON.stringify(input))
    .digest('hex');
}

function cacheFile(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.json`);
}

function isBlock(value: unknown): value is ChartBlockData {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c['id'] === 'string' &&
    typeof c['svg'] === 'string' &&
    c['svg'].startsWith('<svg') &&
    typeof c['width'] === 'number' &&
    typeof c['height'] === 'number' &&
    typeof c['shape'] === 'string' &&
    typeof c['tableHtml'] === 'string'
  );
}

function isBlocksBySection(value: unknown): value is ChartBlocksBySection {
  return (
    Array.isArray(value) &&
    value.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Array.isArray(entry[1]) && entry[1].every(isBlock))
  );
}

/**
 * The cached blocks for `key`, or undefined when there are none (or the file is unreadable: a
 * damaged cache entry is rendered again, never trusted).
 */
export async function readCachedBlocks(dir: string, key: string, effects: ChartCacheEffects): Promise<ChartBlocksBySection | undefined> {
  const text = await effects.readFile(cacheFile(dir, key));
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return isBlocksBySection(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Stores an experiment's blocks under `key`; a read-only or full cache folder only costs speed, never the build. */
export async function writeCachedBlocks(dir: string, key: string, blocks: ChartBlocksBySection, effects: ChartCacheEffects): Promise<void> {
  try {
    await effects.writeFile(cacheFile(dir, key), JSON.stringify(blocks));
  } catch {
    // Rendering again next time is the only cost.
  }
}

/** True when blocks for `key` are cached (whether readable or not is only known by reading them). */
export function hasCachedBlocks(dir: string, key: string, effects: ChartCacheEffects): Promise<boolean> {
  return effects.exists(cacheFile(dir, key));
}
