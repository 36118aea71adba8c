/**
 * The pinned Python tools Logbook's interop suite and review benchmark run against: a venv in
 * .cache/interop-venv with the packages of `PINNED`, and an `mlflow server` on a free port.
 * Users of Logbook never need any of it.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

/** The MLflow version the interop suite is pinned to. */
export const MLFLOW_VERSION = '3.17.2';

/** Every package the interop suite installs, pinned (PyPI distribution name → version). */
export const PINNED: Readonly<Record<string, string>> = {
  mlflow: MLFLOW_VERSION,
  tensorboardX: '2.6.5',
  tensorboard: '2.21.0',
  dvclive: '3.49.1',
  huggingface_hub: '2.4.0',
  // The reference implementation the suite checks Logbook's 95% intervals against (intervals.interop.test.ts).
  statsmodels: '0.15.0',
};

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const VENV = join(ROOT, '.cache', 'interop-venv');
export const PYTHON = join(VENV, 'bin', 'python');
export const NODE_BIN = join(ROOT, 'node_modules', '.bin');
// MLflow must not try to reach the internet (telemetry) from tests.
export const QUIET_MLFLOW_ENV = { MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' };

/** Where progress lines go: the script's own `timedLog`. */
let log: (message: string) => void = (message) => process.stdout.write(`${message}\n`);

/** A progress logger (`name [  1.2 s] message`, seconds since now), also used by these helpers. */
export function timedLog(name: string): (message: string) => void {
  const started = Date.now();
  log = (message) => process.stdout.write(`${name} [${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
  return log;
}

export function fail(message: string): never {
  throw new Error(message);
}

export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): number {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: options.quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.error !== undefined) fail(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

/** Runs a command without waiting for it; resolves to its exit code (output goes to this process's). */
export function runInBackground(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' });
    child.once('error', () => done(1));
    child.once('exit', (code) => done(code ?? 1));
  });
}

/** Installed version of each pinned distribution (undefined when missing or no venv). */
function installedVersions(): Record<string, string | undefined> {
  if (!existsSync(PYTHON)) return {};
  const script = [
    'import json, sys',
    'from importlib.metadata import version, PackageNotFoundError',
    'def v(name):',
    '    try:',
    '        return version(name)',
    '    except PackageNotFoundError:',
    '        return None',
    'print(json.dumps({name: v(name) for name in sys.argv[1:]}))',
  ].join('\n');
  const result = spawnSync(PYTHON, ['-c', script, ...Object.keys(PINNED)], { encoding: 'utf8' });
  if (result.status !== 0) return {};
  return JSON.parse(result.stdout) as Record<string, string | undefined>;
}

export function ensureVenv(): void {
  const pins = Object.entries(PINNED).map(([name, version]) => `${name}==${version}`);
  const installed = installedVersions();
  const missing = Object.entries(PINNED).filter(([name, version]) => installed[name] !== version);
  if (missing.length === 0) {
    log(`reusing ${VENV} (${pins.join(', ')})`);
    return;
  }
  if (!existsSync(PYTHON)) {
    const python = process.env['PYTHON'] ?? 'python3';
    log(`creating ${VENV} with ${python}`);
    rmSync(VENV, { recursive: true, force: true });
    if (run(python, ['-m', 'venv', VENV]) !== 0) fail(`could not create a venv with ${python} -m venv (install python3 and python3-venv)`);
  }
  log(`installing ${missing.map(([name, version]) => `${name}==${version}`).join(', ')} (first run only; about three minutes)`);
  const pip = run(PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--progress-bar', 'off', ...pins]);
  const after = installedVersions();
  const still = Object.entries(PINNED).filter(([name, version]) => after[name] !== version);
  if (pip !== 0 || still.length > 0) {
    rmSync(VENV, { recursive: true, force: true });
    fail(`pip could not install ${still.map(([name, version]) => `${name}==${version}`).join(', ') || pins.join(', ')}`);
  }
  log(`installed ${pins.join(', ')}`);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

export interface MlflowServer {
  url: string;
  process: ChildProcess;
  logFile: string;
}

export async function startServer(work: string): Promise<MlflowServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(work, 'server.log');
  const out = openSync(logFile, 'w');
  // Own process group, so stopping it also stops the uvicorn workers it forks.
  const child = spawn(
    join(VENV, 'bin', 'mlflow'),
    [
      'server',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--workers',
      '1',
      '--backend-store-uri',
      `sqlite:///${join(work, 'server.db')}`,
      '--default-artifact-root',
      join(work, 'server-artifacts'),
    ],
    { cwd: work, detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...QUIET_MLFLOW_ENV } },
  );
  closeSync(out);
  const server = { url, process: child, logFile };
  log(`starting mlflow server at ${url} (pid ${child.pid})`);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`mlflow server exited with code ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        log('mlflow server is up');
        return server;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await stopServer(server);
  fail(`mlflow server did not answer /health within 120 s:\n${tail(logFile)}`);
}

export async function stopServer(server: MlflowServer): Promise<void> {
  const pid = server.process.pid;
  if (pid === undefined || server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.process.once('exit', () => done()));
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((done) => setTimeout(() => done(true), 5_000))]);
  if (timedOut) {
    signalGroup('SIGKILL');
    await exited;
  }
  log('mlflow server stopped');
}

export function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
}
