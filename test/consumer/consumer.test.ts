/**
 * Logbook as a team uses it: packed with `npm pack`, installed from the tarball into a fresh git
 * repository (with Node 22 pinned as its README says), and run only through the installed `logbook`
 * executable — init, validate, build under a base path (every page served and crawled, search in
 * Chromium), new, summary on a branch, a build into another documentation site, the workflows init
 * writes through actionlint, and an old Node getting one line. Run with `npm run test:consumer`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guardedContext, openBrowser } from '../e2e/lib/browser.ts';
import { crawlSite, formatProblems } from '../e2e/lib/crawl.ts';
import { serveStatic } from '../e2e/lib/server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/site');
let repo = '';
/** The packed package. */
let tarball = '';
let work = '';

/** The environment of a team member's shell: no Logbook variables, the machine's own Node first on PATH. */
function teamEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The runner's own LOGBOOK_* and test variables are not the team's; what a test gives is.
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', NO_COLOR: '1' };
  for (const key of Object.keys(env))
    if (key.startsWith('LOGBOOK_') || key.startsWith('VITEST') || key === 'GITHUB_ACTIONS') delete env[key];
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[key];
  return { ...env, ...extra };
}

/** Runs the installed executable the way `npx logbook …` does (node_modules/.bin first on PATH). */
function logbookIn(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): { code: number; stdout: string; stderr: string } {
  const env = teamEnv(options.env);
  env['PATH'] = `${join(repo, 'node_modules/.bin')}:${env['PATH'] ?? ''}`;
  const result = spawnSync(join(repo, 'node_modules/.bin/logbook'), args, {
    cwd: options.cwd ?? repo,
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

const logbook = logbookIn;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Team', '-c', 'user.email=team@example.org', ...args], { cwd: repo, encoding: 'utf8' });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'logbook-consumer-'));
  repo = join(work, 'team-ml');
  mkdirSync(repo);
  // The package as it would be published: `npm pack` runs `prepare`, which compiles lib/.
  const packed =
    execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', env: teamEnv() })
      .trim()
      .split('\n')
      .at(-1) ?? '';
  tarball = join(work, packed);
  expect(existsSync(tarball), `npm pack wrote ${tarball}`).toBe(true);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'https://github.com/acme-ml/team-ml.git');
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'team-ml', private: true }, null, 2)}\n`);
  // The README's installation: the tarball, and Node 22 for a machine whose own Node is older.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--save-dev', tarball, 'node@22'], {
    cwd: repo,
    env: teamEnv(),
    stdio: 'pipe',
  });
}, 600_000);

afterAll(() => {
  if (process.env['LOGBOOK_CONSUMER_KEEP'] !== '1') rmSync(work, { recursive: true, force: true });
});

describe('the installed package', () => {
  test('has the executable, compiled JavaScript and no test or tooling files', () => {
    const pkg = join(repo, 'node_modules/logbook');
    expect(existsSync(join(pkg, 'bin/logbook.js'))).toBe(true);
    expect(existsSync(join(pkg, 'lib/cli/main.js'))).toBe(true);
    expect(existsSync(join(pkg, 'test'))).toBe(false);
    expect(existsSync(join(pkg, 'scripts'))).toBe(false);
    expect(logbook(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('every verb has --help', () => {
    for (const verb of ['init', 'validate', 'build', 'preview', 'dev', 'new', 'summary', 'import', 'export']) {
      const result = logbook([verb, '--help']);
      expect(result.code, `${verb} --help: ${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: logbook ${verb}\\b`));
    }
  });

  test('an unknown verb is a usage error with a suggestion', () => {
    const result = logbook(['biuld']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('logbook: unknown command "biuld" — did you mean "build"?');
  });

  test('on an older Node it prints one line saying what to do', () => {
    const old = spawnSync('node', [join(repo, 'node_modules/logbook/bin/logbook.js'), '--help'], {
      cwd: repo,
      env: teamEnv(),
      encoding: 'utf8',
    });
    const version = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(version.slice(1).split('.')[0]) >= 22) return; // this machine's own Node is new enough: nothing to show
    expect(old.status).toBe(1);
    expect(old.stderr).toBe(
      `logbook: needs Node.js 22.12 or newer, this is ${version} — install it, or add it to the project with "npm i -D node@22" (npx and npm scripts then use it)\n`,
    );
  });
});

describe('logbook init, validate, build', () => {
  test('init writes the config, the workflows, an example record and .gitignore lines, and never overwrites', () => {
    writeFileSync(join(repo, '.gitignore'), 'node_modules/');
    const first = logbook(['init']);
    expect(first.code, first.stderr).toBe(0);
    for (const file of [
      'logbook.config.json',
      '.github/workflows/logbook.yml',
      '.github/workflows/logbook-comment.yml',
      'experiments/example-001.md',
    ])
      expect(existsSync(join(repo, file)), file).toBe(true);
    const config = JSON.parse(readFileSync(join(repo, 'logbook.config.json'), 'utf8'));
    expect(config).toEqual({
      $schema: 'node_modules/logbook/public/schema/config.schema.json',
      content: 'experiments',
      outDir: '_site',
      site: 'https://acme-ml.github.io',
      base: '/team-ml/',
      title: 'team-ml',
    });
    expect(existsSync(join(repo, config.$schema))).toBe(true);
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe('node_modules/\n# Logbook\n/_site/\n');
    writeFileSync(join(repo, 'experiments/example-001.md'), 'mine');
    const again = logbook(['init']);
    expect(again.stdout).toContain('kept experiments/example-001.md (it exists already)');
    expect(readFileSync(join(repo, 'experiments/example-001.md'), 'utf8')).toBe('mine');
    rmSync(join(repo, 'experiments/example-001.md'));
    expect(logbook(['init']).stdout).toContain('wrote experiments/example-001.md');
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe('node_modules/\n# Logbook\n/_site/\n');
  });

  test('the workflows init writes pass actionlint with shellcheck', () => {
    const actionlint = process.env['ACTIONLINT'] ?? 'actionlint';
    const found = spawnSync(actionlint, ['-version'], { encoding: 'utf8' });
    if (found.error !== undefined) {
      if (process.env['LOGBOOK_CONSUMER_NO_ACTIONLINT'] === '1') return;
      throw new Error(`actionlint not found (${actionlint}); install it (see .ci/run) or set LOGBOOK_CONSUMER_NO_ACTIONLINT=1`);
    }
    const result = spawnSync(
      actionlint,
      ['-shellcheck', 'shellcheck', '.github/workflows/logbook.yml', '.github/workflows/logbook-comment.yml'],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('validate passes the example and a few team records', () => {
    for (const file of ['fraud-gbm-003.md', 'fraud-gbm-004.md', 'fraud-lr-001.json', 'derm-resnet-001.json'])
      cpSync(join(FIXTURES, file), join(repo, 'experiments', file));
    const result = logbook(['validate']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('validate: 5 records, 0 errors');
    git('add', '-A');
    git('commit', '-q', '-m', 'Logbook');
  });

  test('build --base /team/ writes a site where every page loads, every link resolves and search finds a record', async () => {
    const result = logbook(['build', '--base', '/team/']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/logbook: site written to _site in [\d.]+ s/);
    const out = join(repo, '_site');
    expect(existsSync(join(out, 'experiments/example-001/index.html'))).toBe(true);
    expect(existsSync(join(repo, '.astro')), 'no Astro folder in the team repository').toBe(false);
    expect(readdirSync(repo).sort()).toEqual([
      '.git',
      '.github',
      '.gitignore',
      '_site',
      'experiments',
      'logbook.config.json',
      'node_modules',
      'package-lock.json',
      'package.json',
    ]);
    const server = await serveStatic(out, '/team/');
    try {
      const report = await crawlSite({ origin: server.origin, base: '/team/', dir: out });
      expect(report.problems, formatProblems(report.problems)).toEqual([]);
      // Every page is reachable by links, but for the 404 page, which the host serves for unknown paths.
      expect(report.unreachable).toEqual(['/team/404.html']);
      expect(report.pages.length).toBeGreaterThan(10);
      const browser = await openBrowser();
      const guarded = await guardedContext(browser);
      try {
        const page = await guarded.newPage();
        await page.goto(`${server.origin}/team/search/?q=churn`);
        const first = page.locator('.pagefind-ui__result-link').first();
        await first.waitFor({ timeout: 20_000 });
        expect(await first.getAttribute('href')).toBe('/team/experiments/example-001/');
        expect(guarded.troubles).toEqual([]);
      } finally {
        await guarded.close();
        await browser.close();
      }
    } finally {
      await server.close();
    }
  }, 300_000);

  test('build --out into another documentation site keeps every link, asset and search URL under its base', async () => {
    const docs = join(repo, 'docs-site/dist');
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, 'index.html'), '<!doctype html><title>Docs</title><a href="/docs/experiments/">Experiments</a>');
    const result = logbook(['build', '--out', 'docs-site/dist/docs/experiments', '--base', '/docs/experiments/']);
    expect(result.code, result.stderr).toBe(0);
    const server = await serveStatic(docs, '/');
    try {
      const report = await crawlSite({ origin: server.origin, base: '/', dir: docs });
      expect(report.problems, formatProblems(report.problems)).toEqual([]);
      expect(report.pages).toContain('/docs/experiments/experiments/example-001/');
      const search = readFileSync(join(docs, 'docs/experiments/search/index.html'), 'utf8');
      expect(search).toContain('/docs/experiments/pagefind/');
    } finally {
      await server.close();
    }
    rmSync(join(repo, 'docs-site'), { recursive: true, force: true });
  }, 300_000);
});

describe('a cache outside the repository', () => {
  test('build with LOGBOOK_CACHE_DIR in another top-level folder (a CI cache step) builds, and a second build reads its charts from it', () => {
    // The team's repository lies under the temporary folder; the home folder is another top-level one.
    // A folder outside the repository comes from the workflow (a variable), not the config file.
    const cache = join(homedir(), '.cache', `${basename(work)}-cache`);
    const args = ['build', '--out', 'dist-cached'];
    const logbook = (argv: string[]) => logbookIn(argv, { env: { LOGBOOK_CACHE_DIR: cache } });
    try {
      const first = logbook(args);
      expect(first.code, first.stderr).toBe(0);
      expect(existsSync(join(repo, 'dist-cached/experiments/example-001/index.html'))).toBe(true);
      expect(readdirSync(cache), 'cache folder').toContain('charts');
      const second = logbook(args);
      expect(second.code, second.stderr).toBe(0);
      expect(first.stderr).toMatch(/logbook: [1-9]\d* charts on \d+ experiment pages rendered in this build/);
      expect(second.stderr).not.toMatch(/logbook: [1-9]\d* charts on/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
      rmSync(join(repo, 'dist-cached'), { recursive: true, force: true });
    }
  }, 300_000);
});

describe('logbook new and summary', () => {
  test('new writes a record whose $schema resolves in the team repository', () => {
    const result = logbook(['new', 'churn-lgbm-002', '--parent', 'example-001', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Wrote experiments/churn-lgbm-002.json\n');
    const record = JSON.parse(readFileSync(join(repo, 'experiments/churn-lgbm-002.json'), 'utf8'));
    expect(record.$schema).toBe('../node_modules/logbook/public/schema/experiment.schema.json');
    expect(existsSync(resolve(join(repo, 'experiments'), record.$schema))).toBe(true);
    expect(record.lineage).toEqual({ parent: 'example-001' });
    expect(logbook(['validate']).code).toBe(0);
  });

  test('summary --base main on a branch reports the new record, with its page after merge', () => {
    const file = join(repo, 'experiments/churn-lgbm-002.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.status = 'completed';
    record.evaluation = { testMetrics: [{ metric: 'Accuracy', value: 0.93, ci95: 0.011 }] };
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    git('checkout', '-q', '-b', 'feature');
    git('add', '-A');
    git('commit', '-q', '-m', 'New experiment');
    const result = logbook(['summary', '--base', 'main']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith('<!-- logbook-summary -->\n## Experiment summary')).toBe(true);
    expect(result.stdout).toContain('### `churn-lgbm-002` (status: completed)');
    // 0.93 − 0.92 = +1 pp (+1.1% relative), CI ±√(1.1² + 1.2²) = ±1.63 pp → [−0.6, +2.6] pp, includes 0.
    expect(result.stdout).toMatch(
      /^\| Accuracy \| 93% \| 92% \| \+1 pp \(\+1\.1%\) \| \[−0\.6, \+2\.6\] pp \| ➖ better, within noise \|$/m,
    );
    expect(result.stdout).toContain('Added: `experiments/churn-lgbm-002.json`');
    expect(result.stdout).toContain('_Page after merge_');
    // Links go to the deployed site the config names.
    expect(result.stdout).toContain('**vs parent** [`example-001`](https://acme-ml.github.io/team-ml/experiments/example-001/)');
    const json = JSON.parse(logbook(['summary', '--base', 'main', '--format', 'json']).stdout);
    expect(json.changed.map((c: { id: string }) => c.id)).toEqual(['churn-lgbm-002']);
  });
});

describe('paths it prints', () => {
  test('are relative to where it runs, also from a subfolder', () => {
    mkdirSync(join(repo, 'notebooks'), { recursive: true });
    writeFileSync(join(repo, 'experiments/broken.json'), '{ "id": "broken", "status": "done" }\n');
    const result = logbook(['validate', '../experiments'], { cwd: join(repo, 'notebooks') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: ../experiments/broken.json:1:');
    rmSync(join(repo, 'experiments/broken.json'));
  });
});

describe('installed outside the repository', () => {
  test('npm i -g (or npx): a repository without node_modules validates, builds (its source paths as from a local install) and runs the dev server', async () => {
    const prefix = join(work, 'global');
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { env: teamEnv(), stdio: 'pipe' });
    // A repository with no package.json and no node_modules, set up by the global executable's init.
    const plain = join(work, 'plain-repo');
    mkdirSync(plain);
    const env = teamEnv();
    // Node 22 for the global executable, from the team repository's pinned runtime (nothing else of it).
    env['PATH'] = `${join(repo, 'node_modules/node/bin')}:${env['PATH'] ?? ''}`;
    const run = (args: string[]): ReturnType<typeof spawnSync> =>
      spawnSync(join(prefix, 'bin/logbook'), args, { cwd: plain, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    const init = run(['init']);
    expect(init.status, String(init.stderr)).toBe(0);
    // What the written workflow and config cannot know here is said, not left to fail in CI.
    expect(String(init.stdout)).toContain('note: no package.json here');
    expect(String(init.stdout)).toContain('note: no GitHub "origin" remote');
    const validated = run(['validate']);
    expect(validated.status, String(validated.stderr)).toBe(0);
    const built = run(['build', '--out', 'site']);
    expect(built.status, String(built.stderr)).toBe(0);
    const page = readFileSync(join(plain, 'site/experiments/example-001/index.html'), 'utf8');
    expect(page, 'the Source field').toContain('>experiments/example-001.md</');
    expect(
      readdirSync(join(plain, 'site')).filter((f) => f.startsWith('.')),
      'hidden build leftovers in the site',
    ).toEqual([]);

    // The development server too: it answers with the page, and logs no error.
    const port = 4700 + (process.pid % 200);
    const dev = spawn(join(prefix, 'bin/logbook'), ['dev', '--port', String(port)], { cwd: plain, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    dev.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    dev.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      let status = 0;
      for (let tries = 0; tries < 120 && status !== 200; tries++) {
        status = await fetch(`http://localhost:${port}/experiments/example-001/`).then(
          (response) => response.status,
          () => 0,
        );
        if (status !== 200) await new Promise((done) => setTimeout(done, 500));
      }
      expect(status, log).toBe(200);
      expect(log).not.toMatch(/\[ERROR\]|\berror\b/i);
    } finally {
      dev.kill('SIGTERM');
    }
  }, 600_000);
});
