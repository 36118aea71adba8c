// @ts-check
import { defineConfig } from 'astro/config';

/**
 * `LOGBOOK_SITE` (e.g. https://org.github.io) and `LOGBOOK_BASE` (e.g. /repo/) let the same build
 * serve from a GitHub Pages project site; every internal link goes through `import.meta.env.BASE_URL`.
 */
const site = process.env.LOGBOOK_SITE || undefined;
// Vite would let a stray BASE_URL in the environment (many CI systems and test runners set one)
// override `base` in import.meta.env.BASE_URL, and with it every internal link.
delete process.env.BASE_URL;
const base = process.env.LOGBOOK_BASE || '/';
/** `LOGBOOK_ASTRO_CACHE_DIR` moves Astro's own cache (content data store), e.g. so parallel builds of different content folders do not share it. */
const cacheDir = process.env.LOGBOOK_ASTRO_CACHE_DIR || undefined;
/** `LOGBOOK_OUT_DIR` builds somewhere other than `dist/` (the search index step reads it too). */
const outDir = process.env.LOGBOOK_OUT_DIR || undefined;

/**
 * Publishes the Astro command, so the content loader starts rendering charts during `astro build`
 * only; once every page is written, stops the chart worker threads (src/site/charts.ts) and reports
 * on stderr how many charts the pages got.
 */
const chartWorkers = {
  name: 'logbook-charts',
  hooks: {
    /** @param {{ command: string }} options */
    'astro:config:setup': ({ command }) => {
      /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('logbook.astroCommand')] = command;
    },
    'astro:build:done': async () => {
      const registry = /** @type {Record<symbol, any>} */ (/** @type {unknown} */ (globalThis));
      const pool = /** @type {{ close(): Promise<void> } | undefined} */ (registry[Symbol.for('logbook.chartPool')]);
      await pool?.close();
      const stats = /** @type {{ pages: number; charts: number } | undefined} */ (registry[Symbol.for('logbook.chartStats')]);
      if (stats) process.stderr.write(`logbook: ${stats.charts} charts on ${stats.pages} experiment pages rendered in this build\n`);
    },
  },
};

export default defineConfig({
  integrations: [chartWorkers],
  ...(site ? { site } : {}),
  base,
  ...(cacheDir ? { cacheDir } : {}),
  ...(outDir ? { outDir } : {}),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Pages whose cache key (src/site/cache-keys.ts) and code are unchanged are reused from the last
  // build (kept in Astro's cacheDir), so a rebuild after one record changed renders only its pages.
  experimental: { incrementalBuild: true },
});
