/**
 * The `logbook` command: one dispatcher that reads the verb and hands the rest of the arguments to
 * that verb's module, each with its own `--help`. Every verb returns its exit status — 0 ok, 1 a
 * problem found (printed, one line each), 2 bad usage — and never prints a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closestMatch } from '../ingest/text.ts';
import { PACKAGE_ROOT } from '../util/package-files.ts';
import type { CommandIO } from './io.ts';
import * as msg from './messages.ts';

type Verb = (args: readonly string[], io: CommandIO) => Promise<number>;

/** The verbs, in the order `logbook --help` lists them; each module is loaded only when its verb runs. */
const VERBS: readonly (readonly [string, string, () => Promise<Verb>])[] = [
  [
    'init',
    'set Logbook up in this repository (config, GitHub workflows, an example record)',
    async () => (await import('./init.ts')).runInitCommand,
  ],
  [
    'validate',
    'check every record and print each problem as file:line:col field: what is wrong',
    async () => (await import('./validate.ts')).runValidateCommand,
  ],
  ['build', 'validate, then build the static site and its search index', async () => (await import('./build.ts')).runBuildCommand],
  ['preview', 'serve the built site locally', async () => (await import('./serve.ts')).runPreviewCommand],
  ['dev', 'run a development server over the records', async () => (await import('./serve.ts')).runDevCommand],
  ['new', 'start a new experiment record (from the log template, or JSON)', async () => (await import('./new.ts')).runNewCommand],
  [
    'summary',
    "summarize a branch's experiment changes, for a pull-request comment",
    async () => (await import('./summary.ts')).runSummaryCommand,
  ],
  [
    'import',
    'import runs from MLflow, TensorBoard, Hugging Face, DVC or CSV files',
    async () => (await import('../import/command.ts')).runImportCommand,
  ],
  ['export', 'export a record, e.g. as a Hugging Face model card', async () => (await import('../export/command.ts')).runExportCommand],
];

/** The package's version. */
export function logbookVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function usage(): string {
  const width = Math.max(...VERBS.map(([name]) => name.length));
  return [
    'Usage: logbook <command> [options]',
    '',
    'Turns machine-learning experiment logs into a static report site.',
    '',
    'Commands:',
    ...VERBS.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'Run "logbook <command> --help" for a command\'s options. Settings: logbook.config.json, LOGBOOK_* variables, flags.',
    '  -v, --version   print the version',
  ].join('\n');
}

/** Runs `logbook <args>`; resolves to the exit status. */
export async function runCli(args: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${logbookVersion()}\n`);
    return 0;
  }
  const verb = VERBS.find(([verbName]) => verbName === name);
  if (verb === undefined) {
    io.stderr(
      `${msg.unknownCommand(
        name,
        closestMatch(
          name,
          VERBS.map(([verbName]) => verbName),
        ),
      )}\n\n${usage()}\n`,
    );
    return 2;
  }
  const run = await verb[2]();
  return run(rest, io);
}
