/**
 * Astro's JavaScript API, run the way the `logbook` command runs it: the site's pages, components and
 * public files come from the Logbook package, the records and every output from the team's
 * repository, and Astro's own project folder (generated types) lives in Logbook's cache, so a team's
 * repository needs no Astro project of its own.
 */
import { mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, parse, relative, resolve, sep } from 'node:path';
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
    root: astroProjectRoot(astroCacheDir),
    srcDir: join(PACKAGE_ROOT, 'src'),
    publicDir: join(PACKAGE_ROOT, 'public'),
    configFile: false,
    vite: { server: { fs: { allow: [PACKAGE_ROOT, cwd, cacheDir] } } },
  };
}

/** Whether two absolute paths lie in one top-level folder (`/home/…` and `/home/…`, not `/tmp/…`). */
export function shareTopFolder(a: string, b: string): boolean {
  const top = (path: string): string => `${parse(path).root}${relative(parse(path).root, path).split(sep)[0] ?? ''}`;
  return parse(a).root === parse(b).root && top(a) === top(b) && relative(parse(a).root, a) !== '';
}

/** Where our own `astro` package is, as Node resolves it from the Logbook package. */
const OUR_ASTRO = createRequire(join(PACKAGE_ROOT, 'package.json')).resolve('astro/package.json');

/** Whether a module in `folder` importing `astro` (or one of its dependencies) gets Logbook's own. */
export function resolvesOurAstro(folder: string): boolean {
  try {
    return createRequire(join(folder, 'index.js')).resolve('astro/package.json') === OUR_ASTRO;
  } catch {
    return false;
  }
}

/**
 * Astro's project folder (it writes generated types there): beside its cache, so two builds with
 * their own caches never share one. Astro's generated modules there import `astro/…`, and Astro
 * takes a module path that shares no top-level folder with the project folder for one relative to
 * it: so when the cache lies in another top-level folder than the Logbook package (`cacheDir:
 * "/tmp/logbook"` restored by a CI cache step), or where Logbook's `astro` does not resolve (a
 * repository without node_modules, run by a package installed globally or by npx), the project
 * folder goes inside the package's own `node_modules/.cache`, named by the cache — where both hold.
 */
export function astroProjectRoot(astroCacheDir: string): string {
  const beside = join(astroCacheDir, 'project');
  if (shareTopFolder(beside, PACKAGE_ROOT) && resolvesOurAstro(beside)) return beside;
  const name = createHash('sha256').update(astroCacheDir).digest('hex').slice(0, 16);
  return join(PACKAGE_ROOT, 'node_modules', '.cache', 'logbook', 'astro-projects', name);
}

/**
 * Whether `astro build` must bundle Astro's dependencies into the pages' prerender bundle. Astro
 * writes that bundle into the output folder (or `.astro/` in the working folder) and runs it from
 * there, so its imports of Astro's dependencies must resolve from there; where they would not
 * (Logbook installed globally or run by npx, the repository without node_modules), they go into the
 * bundle — a few seconds more per build, so only then. (`astro dev` runs the pages from the package.)
 */
export function mustBundleDependencies(outDir: string, cwd: string = process.cwd()): boolean {
  return !(resolvesOurAstro(outDir) && resolvesOurAstro(cwd));
}

/**
 * Builds the static site into the `outDir` setting, which Astro empties first: the caller checks it
 * with `outDirProblem` before anything is read (the records must have been validated too: see
 * `settings.validated`).
 */
export async function buildAstroSite(settings: Settings, cwd: string, options: { verbose?: boolean } = {}): Promise<void> {
  // Astro's line per page (10,000 of them for 10,000 experiments) only when asked for; its warnings always.
  const config: AstroInlineConfig = { ...inlineAstroConfig(settings, cwd), logLevel: options.verbose === true ? 'info' : 'warn' };
  await mkdir(config.root as string, { recursive: true });
  const bundled = mustBundleDependencies(config.outDir as string, cwd);
  const { build } = await import('astro');
  await build(bundled ? { ...config, vite: { ...config.vite, environments: { prerender: { resolve: { noExternal: true } } } } } : config);
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
  // `/experiments/x` finds `/experiments/x/` as GitHub Pages does (the built links all end in `/`).
  return preview({ ...config, trailingSlash: 'ignore', server });
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
