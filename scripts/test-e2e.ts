/**
 * `npm run test:e2e [vitest filters…]` — the browser and build quality gates.
 *
 * 1. Builds the example site (content/experiments), a second content folder
 *    (test/fixtures/e2e-second) and the hostile-input fixtures (test/fixtures/hostile), each exactly
 *    as `npm run build` does but into a temporary folder (.cache/e2e/run-*), under the base path
 *    /logbook-e2e/. (The scale suite builds its generated 300-record site itself, after the other
 *    suites; LOGBOOK_E2E_SKIP_SCALE=1 skips it.)
 * 2. Serves every build from 127.0.0.1 on a free port (a 404 is the site's 404.html).
 * 3. Checks that Chromium (/usr/bin/chromium, or E2E_CHROMIUM) starts under playwright-core.
 * 4. Runs vitest on test/e2e/*.e2e.test.ts (test/e2e/vitest.config.ts), which gets the sites in
 *    E2E_SITES and a scratch folder in E2E_WORK; each suite launches a Chromium of its own.
 * Everything is stopped and the temporary folder removed at the end (LOGBOOK_E2E_KEEP=1 keeps it).
 * Exits non-zero when any build of a served site fails or any test fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BIN, E2E_BASE, ROOT, buildSite } from '../test/e2e/lib/build.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/lib/browser.ts';
import { serveStatic, type StaticServer } from '../test/e2e/lib/server.ts';
import type { ServedSite, SiteName } from '../test/e2e/lib/sites.ts';

const started = Date.now();
process.env['TZ'] = 'UTC';
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

function log(message: string): void {
  process.stdout.write(`test:e2e [${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set E2E_CHROMIUM)`);
  // Inside the repository on purpose: Astro puts its temporary prerender chunks next to an output
  // folder inside the working directory, but in the shared .astro/ for one outside it, where
  // concurrent builds (ours or a developer's) would overwrite each other's chunks.
  mkdirSync(join(ROOT, '.cache', 'e2e'), { recursive: true });
  const work = mkdtempSync(join(ROOT, '.cache', 'e2e', 'run-'));
  const servers: StaticServer[] = [];
  let cleaned = false;
  const cleanup = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(servers.map((s) => s.close()));
    if (process.env['LOGBOOK_E2E_KEEP'] === '1') log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const wanted: [SiteName, string][] = [
      ['main', 'content/experiments'],
      ['second', 'test/fixtures/e2e-second'],
      ['hostile', 'test/fixtures/hostile'],
    ];
    if (process.env['LOGBOOK_E2E_SKIP_SCALE'] === '1') log('LOGBOOK_E2E_SKIP_SCALE=1: the scale suite will be skipped');
    else log('the scale suite generates and builds its 300-record site itself, after the other suites');

    const sites: Partial<Record<SiteName, ServedSite>> = {};
    const failures: Partial<Record<SiteName, string>> = {};
    for (const [name, content] of wanted) {
      const outDir = join(work, 'sites', name);
      log(`building ${name} site from ${content}`);
      const result = await buildSite({ content, outDir, cacheDir: join(work, 'cache', name) });
      if (result.status !== 0) {
        log(`BUILD FAILED: ${name} site (exit ${result.status}):\n${tail(result.output)}`);
        failures[name] = tail(result.output);
        if (name === 'main') return 1;
        continue;
      }
      const server = await serveStatic(outDir, E2E_BASE);
      servers.push(server);
      sites[name] = { url: server.url, origin: server.origin, base: E2E_BASE, dir: outDir, content };
      log(`built ${name} in ${(result.durationMs / 1000).toFixed(1)} s; serving at ${server.url}`);
    }

    // Once here, so a Chromium that cannot start fails the run in one clear line, not in every suite.
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    log(`Chromium ${browser.version()} starts (${CHROMIUM_PATH}); each suite launches its own`);
    await browser.close();

    log('running vitest --config test/e2e/vitest.config.ts');
    const status = await new Promise<number>((done, fail) => {
      const child = spawn(
        join(BIN, 'node'),
        [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/e2e/vitest.config.ts', ...process.argv.slice(2)],
        {
          cwd: ROOT,
          stdio: 'inherit',
          env: {
            ...process.env,
            PATH: `${BIN}:${process.env['PATH'] ?? ''}`,
            E2E_SITES: JSON.stringify(sites),
            E2E_BUILD_FAILURES: JSON.stringify(failures),
            E2E_WORK: work,
          },
        },
      );
      child.on('error', fail);
      child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
    });
    log(status === 0 ? 'all e2e suites passed' : `e2e suites failed (exit ${status})`);
    return status;
  } finally {
    await cleanup();
  }
}

main().then(
  (status) => {
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(status);
  },
  (error: unknown) => {
    process.stderr.write(`test:e2e: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
