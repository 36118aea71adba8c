/**
 * `npm run import:mlflow -- <source> [--experiment <name|id>...] [--out content/experiments]
 *  [--format json|md] [--force]`: the same as `npm run import -- mlflow <source> ...`.
 * Process wiring only; the command is `runImportCommand()` in src/import/command.ts.
 */
import { runImportCommand } from '../src/import/command.ts';
import { silenceSqliteWarning } from './lib/silence-sqlite-warning.ts';

silenceSqliteWarning();
process.exitCode = await runImportCommand(['--from', 'mlflow', ...process.argv.slice(2)], {
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
});
