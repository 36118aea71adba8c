import type { AstroUserConfig } from 'astro';
import type { Settings } from '../settings/index.ts';
import { logbookIntegration } from './integration.ts';

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
    build: { format: 'directory' },
    devToolbar: { enabled: false },
    // Pages whose cache key (src/site/cache-keys.ts) and code are unchanged are reused from the last
    // build (kept in Astro's cacheDir), so a rebuild after one record changed renders only its pages.
    experimental: { incrementalBuild: true },
  };
}
