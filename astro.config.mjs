// @ts-check
import { defineConfig } from 'astro/config';
import { readSettings } from './src/settings/index.ts';
import { astroConfig } from './src/site/astro-config.ts';

// Vite would let a stray BASE_URL in the environment (many CI systems and test runners set one)
// override `base` in import.meta.env.BASE_URL, and with it every internal link.
delete process.env.BASE_URL;

/** This repository's own site: the settings from `LOGBOOK_*` variables (see src/settings/). */
export default defineConfig(astroConfig(readSettings({ env: process.env })));
