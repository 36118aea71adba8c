/**
 * Astro's JavaScript API, run the way the `logbook` command runs it: the site's pages, components and
 * public files come from the Logbook package, the records and every output from the team's
 * repository, and Astro's own project folder (generated types) lives in Logbook's cache, so a team's
 * repository needs no Astro project of its own.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AstroInlineConfig } from 'astro';
import type { Settings } from '../settings/index.ts';
import { PACKAGE_ROOT } from '../util/package-files.ts';
import { astroConfig } from './astro-config.ts';

/** The inline Astro configuration for `settings`, with folders resolved against `cwd`. */
export function inlineAstroConfig(settings: Settings, cwd: string): AstroInlineConfig {
  const cacheDir = resolve(cwd, settings.cacheDir);
  const astroCacheDir = resolve(cwd, settings.astroCacheDir ?? join(settings.cacheDir, 'astro'));
  const resolved: Settings = { ...settings, outDir: resolve(cwd, settings.outDir), cacheDir, astroCacheDir };
  return {
    ...astroConfig(resolved),
    // Astro's project folder (it writes generated types there): beside its cache, so two builds with
    // their own caches never share one.
    root: join(astroCacheDir, 'project'),
    srcDir: join(PACKAGE_ROOT, 'src'),
    publicDir: join(PACKAGE_ROOT, 'public'),
    configFile: false,
    vite: { server: { fs: { allow: [PACKAGE_ROOT, cwd, cacheDir] } } },
  };
}

/** Builds the static site into the `outDir` setting (the records must have been validated: see `settings.validated`). */
export async function buildAstroSite(settings: Settings, cwd: string): Promise<void> {
  const config = inlineAstroConfig(settings, cwd);
  await mkdir(config.root as string, { recursive: true });
  const { build } = await import('astro');
  await build(config);
}

/** Serves the built site (`astro preview`); resolves once the server listens, with a way to stop it. */
export async function previewAstroSite(
  settings: Settings,
  cwd: string,
  server: { port?: number; host?: string },
): Promise<{ stop(): Promise<void>; closed(): Promise<void> }> {
  const config = inlineAstroConfig(settings, cwd);
  await mkdir(config.root as string, { recursive: true });
  const { preview } = await import('astro');
  return preview({ ...config, server });
}

/** Runs Astro's dev server over the content folder (pages rebuilt on change). */
export async function devAstroSite(
  settings: Settings,
  cwd: string,
  server: { port?: number; host?: string },
): Promise<{ stop(): Promise<void> }> {
  const config = inlineAstroConfig(settings, cwd);
  await mkdir(config.root as string, { recursive: true });
  const { dev } = await import('astro');
  return dev({ ...config, server });
}
