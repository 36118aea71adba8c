/**
 * `npm run export -- model-card <id> [--out README.md] [--dir <records>] [--task <id>] [--force]`:
 * writes a Hugging Face model card for one experiment. Process wiring only; the command is
 * `runExportCommand()` in src/export/command.ts.
 */
import { runExportCommand } from '../src/export/command.ts';
import { processIO } from './lib/process-io.ts';

process.exitCode = await runExportCommand(process.argv.slice(2), processIO());
