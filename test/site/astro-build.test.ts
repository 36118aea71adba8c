import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  astroProjectRoot,
  inlineAstroConfig,
  mustBundleDependencies,
  resolvesOurAstro,
  shareTopFolder,
} from '../../src/site/astro-build.ts';
import { PACKAGE_ROOT } from '../../src/util/package-files.ts';
import { readSettings } from '../../src/settings/index.ts';

describe('shareTopFolder', () => {
  test('paths under one top-level folder share it; paths under two do not', () => {
    expect(shareTopFolder('/home/ci/.cache/logbook', '/home/ci/repo/node_modules/logbook')).toBe(true);
    expect(shareTopFolder('/tmp/logbook-cache/astro/project', '/home/ci/repo/node_modules/logbook')).toBe(false);
    // The filesystem root itself is no shared folder.
    expect(shareTopFolder('/', '/home')).toBe(false);
  });
});

describe("Astro's project folder", () => {
  test('lies beside the Astro cache when that shares a top-level folder with the package', () => {
    const cache = join(PACKAGE_ROOT, 'node_modules', '.cache', 'logbook', 'astro');
    expect(astroProjectRoot(cache)).toBe(join(cache, 'project'));
  });

  test("goes inside the package's node_modules/.cache, one folder per cache, when the cache lies elsewhere", () => {
    const top = PACKAGE_ROOT.split('/')[1] === 'elsewhere' ? '/other' : '/elsewhere';
    const a = astroProjectRoot(`${top}/ci-cache/a/astro`);
    const b = astroProjectRoot(`${top}/ci-cache/b/astro`);
    expect(a.startsWith(join(PACKAGE_ROOT, 'node_modules/.cache/logbook/astro-projects/'))).toBe(true);
    expect(shareTopFolder(a, PACKAGE_ROOT)).toBe(true);
    expect(b).not.toBe(a);
    expect(astroProjectRoot(`${top}/ci-cache/a/astro`)).toBe(a);
  });

  test("goes inside the package's node_modules/.cache when Logbook's astro does not resolve beside the cache (a repository without node_modules)", () => {
    expect(resolvesOurAstro(join(PACKAGE_ROOT, 'src'))).toBe(true);
    expect(resolvesOurAstro('/')).toBe(false);
    // A folder beside the package (so in its top-level folder) with no node_modules on its way up.
    const repo = mkdtempSync(join(dirname(PACKAGE_ROOT), '.logbook-no-modules-'));
    try {
      expect(resolvesOurAstro(repo)).toBe(false);
      const root = astroProjectRoot(join(repo, '.cache', 'astro'));
      expect(root.startsWith(join(PACKAGE_ROOT, 'node_modules/.cache/logbook/astro-projects/'))).toBe(true);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('the inline config uses it, with the cache folder from the settings', () => {
    const settings = readSettings({ env: { LOGBOOK_CACHE_DIR: '/elsewhere/cache' } });
    const config = inlineAstroConfig(settings, PACKAGE_ROOT);
    expect(config.root).toBe(astroProjectRoot('/elsewhere/cache/astro'));
  });

  test("bundles Astro's dependencies into the prerender bundle only where they would not resolve from the output folder", () => {
    expect(mustBundleDependencies(join(PACKAGE_ROOT, 'dist'), PACKAGE_ROOT)).toBe(false);
    expect(mustBundleDependencies('/elsewhere/site', PACKAGE_ROOT)).toBe(true);
    expect(mustBundleDependencies(join(PACKAGE_ROOT, 'dist'), '/elsewhere')).toBe(true);
  });
});
