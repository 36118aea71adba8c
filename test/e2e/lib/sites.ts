/**
 * The built and served sites, as `scripts/test-e2e.ts` hands them to the suites (E2E_SITES), and
 * its scratch folder (E2E_WORK) for suites that build on their own.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type SiteName = 'main' | 'second' | 'hostile';

export interface ServedSite {
  /** Origin plus base path, with a trailing slash. */
  url: string;
  origin: string;
  base: string;
  /** Build folder. */
  dir: string;
  /** Content folder it was built from. */
  content: string;
}

function sites(): Partial<Record<SiteName, ServedSite>> {
  const raw = process.env['E2E_SITES'];
  if (!raw)
    throw new Error(
      'E2E_SITES is not set: run the browser suites with `npm run test:e2e` (scripts/test-e2e.ts builds and serves the sites)',
    );
  return JSON.parse(raw) as Partial<Record<SiteName, ServedSite>>;
}

/** A served site; throws when the runner did not build it. */
export function site(name: SiteName): ServedSite {
  const s = sites()[name];
  if (s === undefined) {
    const failures = JSON.parse(process.env['E2E_BUILD_FAILURES'] ?? '{}') as Partial<Record<SiteName, string>>;
    const output = failures[name];
    throw new Error(
      output === undefined ? `site "${name}" was not built by this run` : `the build of the "${name}" site failed:\n${output}`,
    );
  }
  return s;
}

/** True when the runner built and served `name`. */
export function hasSite(name: SiteName): boolean {
  return process.env['E2E_SITES'] !== undefined && sites()[name] !== undefined;
}

/** A fresh scratch folder under E2E_WORK (or the OS temp folder). */
export function scratchDir(name: string): string {
  const root = process.env['E2E_WORK'];
  if (!root) throw new Error('E2E_WORK is not set: run the e2e suites with `npm run test:e2e`');
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
