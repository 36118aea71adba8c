// @ts-check
/**
 * The site's own Astro config, with a private cache folder per build (E2E_ASTRO_CACHE_DIR) so e2e
 * builds never share the content-layer cache with each other or with a developer's `npm run build`.
 */
import config from '../../astro.config.mjs';

export default {
  ...config,
  ...(process.env['E2E_ASTRO_CACHE_DIR'] ? { cacheDir: process.env['E2E_ASTRO_CACHE_DIR'] } : {}),
};
