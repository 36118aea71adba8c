import type { AstroUserConfig } from 'astro';
import type { Settings } from '../settings/index.ts';
import { logbookIntegration } from './integration.ts';

/**
 * Pages Astro renders at once. One at a time, the page thread sat idle for 15–18% of the build
 * while each page's file was written; with 16 in flight the writes overlap the next pages' rendering:
 * 1,000 experiments without static charts build in 12.7 s instead of 15.6 s (`npm run bench`), the
 * same bytes. With static charts the build waits on the chart workers and gains nothing measurable.
 */
const PAGES_IN_FLIGHT = 16;

/** The Astro configuration of a Logbook site built with `settings`. */
export function astroConfig(settings: Settings): AstroUserConfig {
  return {
    integrations: [logbookIntegration(settings)],
    ...(settings.site !== undefined ? { site: settings.site } : {}),
    base: settings.base,
    ...(settings.astroCacheDir !== undefined ? { cacheDir: settings.astroCacheDir } : {}),
    outDir: settings.outDir,
    output: 'static',
    trailingSlash: 'always',
    build: { format: 'directory', concurrency: PAGES_IN_FLIGHT },
    devToolbar: { enabled: false },
    // Pages whose cache key (src/site/cache-keys.ts) and code are unchanged are reused from the last
    // build (kept in Astro's cacheDir), so a rebuild after one record changed renders only its pages.
    experimental: { incrementalBuild: true },
  };
}
