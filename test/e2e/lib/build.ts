/**
 * Runs the site build exactly as `npm run build` does, but into a folder of our choosing.
 *
 * `npm run build` always writes `dist/`, which other people (and a developer's preview) use, so the
 * e2e suites read the `build` script from package.json and run its steps themselves: every step as
 * written, with `logbook build` given `--out <dir>` (and a private Astro cache folder). A step this
 * file does not know fails loudly, so a change to the build script cannot silently go untested.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const BIN = join(ROOT, 'node_modules', '.bin');
/** Base path every e2e build is served under: catches links that forget `BASE_URL`. */
export const E2E_BASE = '/logbook-e2e/';

export interface BuildOptions {
  /** Content folder (LOGBOOK_CONTENT), relative to the repository root or absolute. */
  content: string;
  /** Output folder (absolute). */
  outDir: string;
  /** Private Astro cache folder (absolute). */
  cacheDir: string;
  /** Base path; default `/logbook-e2e/`. */
  base?: string;
  /** Extra environment (e.g. TZ). */
  env?: Record<string, string>;
  /** Echo the build output while it runs. */
  echo?: boolean;
  /** The package.json script to follow; default `build` (validate, astro build, postbuild). */
  script?: 'build' | 'build:site';
}

export interface BuildResult {
  /** Exit status of the first failing step, or 0. */
  status: number;
  /** stdout and stderr of every step run, interleaved as they arrived. */
  output: string;
  /** The steps run, as shell-like text (for messages). */
  steps: string[];
  durationMs: number;
}

interface Step {
  env: Record<string, string>;
  command: string;
  args: string[];
}

/** The `build` (or `build:site`) script of package.json, split into its `&&` steps, with the output folder wired in. */
export function buildSteps(outDir: string, name: 'build' | 'build:site' = 'build'): Step[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const script = pkg.scripts[name];
  if (script === undefined) throw new Error(`package.json has no "${name}" script`);
  return script.split('&&').map((text) => {
    const words = text.trim().split(/\s+/);
    const env: Record<string, string> = {};
    while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
      const [key = '', ...value] = words.shift()!.split('=');
      env[key] = value.join('=');
    }
    const [command = '', ...args] = words;
    if (command === 'node' && args[0] === 'bin/logbook.js' && args[1] === 'build')
      return { env, command: join(BIN, 'node'), args: [...args, '--out', outDir] };
    throw new Error(
      `test/e2e/lib/build.ts does not know the build step "${text.trim()}" of package.json; teach it how to redirect its output`,
    );
  });
}

function runStep(step: Step, env: NodeJS.ProcessEnv, echo: boolean, sink: (chunk: string) => void): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(step.command, step.args, { cwd: ROOT, env: { ...env, ...step.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      sink(text);
      if (echo) process.stdout.write(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Builds `content` into `outDir` under the e2e base path; never throws for a failing build. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  mkdirSync(options.cacheDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${BIN}:${process.env['PATH'] ?? ''}`,
    TZ: 'UTC',
    ASTRO_TELEMETRY_DISABLED: '1',
    LOGBOOK_CONTENT: options.content,
    LOGBOOK_BASE: options.base ?? E2E_BASE,
    LOGBOOK_ASTRO_CACHE_DIR: options.cacheDir,
    // Astro colours its log when it thinks it has a terminal; assertions want plain text.
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...options.env,
  };
  delete env['GITHUB_ACTIONS'];
  // Vitest puts Vite's own variables into the environment of its workers (BASE_URL=/, MODE, NODE_ENV=test,
  // …); a build must not inherit them (a BASE_URL in the environment overrides the configured base).
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) if (!(key in (options.env ?? {}))) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  let output = '';
  const steps: string[] = [];
  for (const step of buildSteps(options.outDir, options.script)) {
    steps.push([...Object.entries(step.env).map(([k, v]) => `${k}=${v}`), step.command, ...step.args].join(' '));
    const status = await runStep(step, env, options.echo ?? false, (chunk) => (output += chunk));
    if (status !== 0) return { status, output, steps, durationMs: Date.now() - started };
  }
  return { status: 0, output, steps, durationMs: Date.now() - started };
}
