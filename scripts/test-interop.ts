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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureVenv,
  fail,
  NODE_BIN,
  PYTHON,
  QUIET_MLFLOW_ENV,
  ROOT,
  run,
  runInBackground,
  timedLog,
  startServer,
  stopServer,
  type MlflowServer,
} from './lib/python-tools.ts';

export { MLFLOW_VERSION, PINNED } from './lib/python-tools.ts';

const started = Date.now();
const log = timedLog('test:interop');

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
