/**
 * `npm run import:mlflow -- <source> [--experiment <name|id>...] [--out content/experiments]
 *  [--format json|md] [--force]`: the same as `npm run import -- mlflow <source> ...`.
 * Process wiring only; the command is `runImportCommand()` in src/import/command.ts.
 */
import { runImportCommand } from '../src/import/command.ts';
import { processIO } from './lib/process-io.ts';
import { silenceSqliteWarning } from './lib/silence-sqlite-warning.ts';

silenceSqliteWarning();
process.exitCode = await runImportCommand(['--from', 'mlflow', ...process.argv.slice(2)], processIO());
