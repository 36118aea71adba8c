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
import { readFileSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as vegaLiteVersion } from 'vega-lite';
import { RENDERER_VERSIONS } from '../charts/render.ts';
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { CompareDoc } from '../charts/compare-views.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { recordDigest } from '../util/record-digest.ts';
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
  // Read at once: a cached experiment is a few dozen KB from the page cache, and a warm build reads
  // 1,700 of them in the page thread, where `fs/promises` costs several times the read itself in
  // round trips to the thread pool.
  readFile(path) {
    try {
      return Promise.resolve(readFileSync(path, 'utf8'));
    } catch {
      return Promise.resolve(undefined);
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
 * The cache key of an experiment's chart blocks (or a comparison's: `input.compare` is what its
 * charts are made from): a hash of everything they are made from, each record by its digest.
 */
export function chartCacheKey(input: ExperimentChartsInput | { compare: readonly CompareDoc[] }, code: string): string {
  const made =
    'compare' in input
      ? { compare: input.compare.map((doc) => ({ ...doc, record: recordDigest(doc.record) })) }
      : { ...input, record: recordDigest(input.record) };
  return createHash('sha256')
    .update(JSON.stringify([...RENDERER_VERSIONS, vegaLiteVersion, code]))
    .update('\0')
    .update(JSON.stringify(made))
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
    // A chart that could not be drawn has no SVG and says why.
    (c['svg'].startsWith('<svg') || (c['svg'] === '' && typeof c['error'] === 'string')) &&
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
 * A cache file: one line of JSON, the blocks with each `svg` and `tableHtml` replaced by its length,
 * then those texts one after another as they are. A warm build reads a file per experiment and per
 * compare page (66 MB at 1,000 experiments), and SVG in JSON is mostly escaped quotes to undo.
 */
export function encodeCachedBlocks(blocks: ChartBlocksBySection): string {
  const texts: string[] = [];
  const head = blocks.map(([section, list]) => [
    section,
    list.map((block) => {
      texts.push(block.svg, block.tableHtml);
      return { ...block, svg: block.svg.length, tableHtml: block.tableHtml.length };
    }),
  ]);
  return `${JSON.stringify(head)}\n${texts.join('')}`;
}

/** The blocks of a cache file (see `encodeCachedBlocks`); undefined for anything else, a truncated file included. */
export function decodeCachedBlocks(text: string): ChartBlocksBySection | undefined {
  const end = text.indexOf('\n');
  if (end < 0) return undefined;
  let at = end + 1;
  const take = (length: unknown): string | undefined => {
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || at + length > text.length) return undefined;
    at += length;
    return text.slice(at - length, at);
  };
  let head: unknown;
  try {
    head = JSON.parse(text.slice(0, end));
  } catch {
    return undefined;
  }
  if (!Array.isArray(head)) return undefined;
  const blocks = head.map((entry: unknown) =>
    Array.isArray(entry) && Array.isArray(entry[1])
      ? [
          entry[0],
          entry[1].map((block: unknown) =>
            block !== null && typeof block === 'object'
              ? {
                  ...block,
                  svg: take((block as Record<string, unknown>)['svg']),
                  tableHtml: take((block as Record<string, unknown>)['tableHtml']),
                }
              : block,
          ),
        ]
      : entry,
  );
  return at === text.length && isBlocksBySection(blocks) ? blocks : undefined;
}

/**
 * The cached blocks for `key`, or undefined when there are none (or the file is unreadable: a
 * damaged cache entry is rendered again, never trusted).
 */
export async function readCachedBlocks(dir: string, key: string, effects: ChartCacheEffects): Promise<ChartBlocksBySection | undefined> {
  const text = await effects.readFile(cacheFile(dir, key));
  return text === undefined ? undefined : decodeCachedBlocks(text);
}

/** Stores an experiment's blocks under `key`; a read-only or full cache folder only costs speed, never the build. */
export async function writeCachedBlocks(dir: string, key: string, blocks: ChartBlocksBySection, effects: ChartCacheEffects): Promise<void> {
  try {
    await effects.writeFile(cacheFile(dir, key), encodeCachedBlocks(blocks));
  } catch {
    // Rendering again next time is the only cost.
  }
}

/** True when blocks for `key` are cached (whether readable or not is only known by reading them). */
export function hasCachedBlocks(dir: string, key: string, effects: ChartCacheEffects): Promise<boolean> {
  return effects.exists(cacheFile(dir, key));
}
