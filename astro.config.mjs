// @ts-check
import { defineConfig } from 'astro/config';

/**
 * `LOGBOOK_SITE` (e.g. https://org.github.io) and `LOGBOOK_BASE` (e.g. /repo/) let the same build
 * serve from a GitHub Pages project site; every internal link goes through `import.meta.env.BASE_URL`.
 */
const site = process.env.LOGBOOK_SITE || undefined;
const base = process.env.LOGBOOK_BASE || '/';

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
