/**
 * `npm run import -- [<kind>] <source> [options]`: imports runs from MLflow, TensorBoard, Hugging
 * Face Trainer output, DVC/DVCLive or CSV as experiment records. Process wiring only; the command
 * is `runImportCommand()` in src/import/command.ts (`--help` lists the options).
 */
import { runImportCommand } from '../src/import/command.ts';
import { processIO } from './lib/process-io.ts';
import { silenceSqliteWarning } from './lib/silence-sqlite-warning.ts';

silenceSqliteWarning();
process.exitCode = await runImportCommand(process.argv.slice(2), processIO());
