/**
 * `npm run test:interop` — proves the importers and the model-card export against the real tools.
 *
 * 1. Makes a Python venv in .cache/interop-venv with the pinned packages of `PINNED` (reused when
 *    it already has exactly those versions; missing or other versions are installed into it).
 * 2. Starts `mlflow server` on a free 127.0.0.1 port (SQLite backend) in a temporary folder.
 * 3. Runs test/interop/log_runs.py, which logs the same runs into a file store, a SQLite store and
 *    the server, and writes what it logged to expected.json; log_tensorboard.py (tensorboardX and
 *    the tensorboard package's writer) and log_dvc.py (a git + DVC project with DVCLive, one
 *    `dvc exp run`, `dvc exp show --json`) do the same for their tools.
 * 4. Runs the vitest interop suite (test/interop/*.interop.test.ts), which imports everything with
 *    the real CLI and checks the records value for value, and loads exported model cards with
 *    huggingface_hub's ModelCard (INTEROP_PYTHON is the venv's python).
 * The server is always stopped and the temporary folder removed (KEEP_INTEROP=1 keeps it).
 * Exits non-zero when any step fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
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
};

const ROOT = resolve(import.meta.dirname, '..');
const VENV = join(ROOT, '.cache', 'interop-venv');
const PYTHON = join(VENV, 'bin', 'python');
const NODE_BIN = join(ROOT, 'node_modules', '.bin');
const started = Date.now();
// MLflow must not try to reach the internet (telemetry) from tests.
const QUIET_MLFLOW_ENV = { MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' };

function log(message: string): void {
  process.stdout.write(`test:interop [${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

function fail(message: string): never {
  throw new Error(message);
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): number {
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
function runInBackground(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
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

function ensureVenv(): void {
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

interface MlflowServer {
  url: string;
  process: ChildProcess;
  logFile: string;
}

async function startServer(work: string): Promise<MlflowServer> {
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

async function stopServer(server: MlflowServer): Promise<void> {
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

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
}

async function main(): Promise<number> {
  ensureVenv();
  const work = mkdtempSync(join(tmpdir(), 'logbook-interop-'));
  let server: MlflowServer | undefined;
  const cleanup = async (): Promise<void> => {
    if (server !== undefined) await stopServer(server);
    server = undefined;
    if (process.env['KEEP_INTEROP'] === '1') log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // TensorBoard and DVC need no server: they log while MLflow starts and logs.
    log('writing TensorBoard event files (log_tensorboard.py) and a DVC project (log_dvc.py) in the background');
    const pythonEnv = { ...process.env, PYTHONUNBUFFERED: '1', TF_CPP_MIN_LOG_LEVEL: '3', DVC_NO_ANALYTICS: '1' };
    const otherTools = Promise.all([
      runInBackground(
        PYTHON,
        [
          join(ROOT, 'test', 'interop', 'log_tensorboard.py'),
          join(work, 'tensorboard', 'logs'),
          join(work, 'tensorboard', 'expected.json'),
        ],
        { cwd: work, env: pythonEnv },
      ),
      runInBackground(
        PYTHON,
        [join(ROOT, 'test', 'interop', 'log_dvc.py'), join(work, 'dvc', 'project'), join(work, 'dvc', 'expected.json')],
        {
          cwd: work,
          env: pythonEnv,
        },
      ),
    ]);
    server = await startServer(work);
    log('logging runs with test/interop/log_runs.py');
    const logged = run(
      PYTHON,
      [
        join(ROOT, 'test', 'interop', 'log_runs.py'),
        '--target',
        `file=file://${join(work, 'mlruns')}`,
        '--target',
        `sqlite=sqlite:///${join(work, 'mlflow.db')}`,
        '--target',
        `server=${server.url}`,
        '--out',
        join(work, 'expected.json'),
      ],
      { cwd: work, env: { ...process.env, ...QUIET_MLFLOW_ENV, MLFLOW_ALLOW_FILE_STORE: 'true', PYTHONUNBUFFERED: '1' } },
    );
    if (logged !== 0) fail(`log_runs.py failed (exit ${logged})`);
    const [tensorboard, dvc] = await otherTools;
    if (tensorboard !== 0) fail(`log_tensorboard.py failed (exit ${tensorboard})`);
    if (dvc !== 0) fail(`log_dvc.py failed (exit ${dvc})`);
    log('running the interop suite (vitest --config test/interop/vitest.config.ts)');
    const status = run(
      join(NODE_BIN, 'node'),
      [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/interop/vitest.config.ts'],
      {
        env: {
          ...process.env,
          PATH: `${NODE_BIN}:${process.env['PATH'] ?? ''}`,
          INTEROP_DIR: work,
          INTEROP_SERVER_URL: server.url,
          INTEROP_PYTHON: PYTHON,
        },
      },
    );
    log(status === 0 ? 'interop suite passed' : `interop suite failed (exit ${status})`);
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
    process.stderr.write(`test:interop: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
