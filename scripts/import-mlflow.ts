/**
 * `npm run import:mlflow -- <source> [--experiment <name|id>...] [--out content/experiments]
 *  [--format json|md] [--force]`
 *
 * Imports MLflow runs as experiment records: read (file store, SQLite store or tracking server)
 * → map → validate → write. The I/O edge: argument parsing, printing, exit codes; the work is
 * `importMlflow()` in src/import/mlflow/.
 */
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, formatImportError, importMlflow, messages } from '../src/import/mlflow/index.ts';
import type { WriteOutcome } from '../src/import/mlflow/index.ts';
import { oneLine } from '../src/util/log-text.ts';

// node:sqlite is experimental in Node 22 and says so on every run; the importer relies on it on purpose.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
  const type =
    warning instanceof Error ? warning.name : typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: unknown } | undefined)?.type;
  const text = warning instanceof Error ? warning.message : warning;
  if (type === 'ExperimentalWarning' && /sqlite/i.test(text)) return;
  emitWarning(warning, ...rest);
};

const USAGE = `usage: npm run import:mlflow -- <source> [options]

  <source>                  an mlruns/ folder (MLflow file store), an mlflow.db file or sqlite:///path,
                            or a tracking-server URL such as http://127.0.0.1:5000
  --experiment <name|id>    import only this experiment (repeatable; default: all active experiments)
  --out <dir>               where records go (default: content/experiments)
  --format json|md          JSON records, or Markdown with YAML frontmatter (default: json)
  --force                   overwrite records edited by hand or not imported from the same run
  -h, --help                show this help

A tracking server's bearer token is read from MLFLOW_TRACKING_TOKEN (or basic auth from
MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD).`;

function usageError(problem: string): never {
  process.stderr.write(`import:mlflow: ${problem}\n\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      experiment: { type: 'string', multiple: true },
      out: { type: 'string', default: 'content/experiments' },
      format: { type: 'string', default: 'json' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length !== 1)
  usageError(positionals.length === 0 ? 'missing <source>' : `expected one <source>, got ${positionals.length}: ${positionals.join(' ')}`);
const format = values.format;
if (format !== 'json' && format !== 'md') usageError(`--format must be json or md, not "${format}"`);
const source = positionals[0] ?? '';
const outDir = values.out;
// $schema is relative to the record file, so editors find the schema from wherever --out points.
const schema = relative(resolve(outDir), resolve('public/schema/experiment.schema.json')).split(sep).join('/');

const env = process.env;
try {
  const report = await importMlflow({
    source,
    experiments: values.experiment ?? [],
    outDir,
    format,
    force: values.force,
    schema,
    rest: { token: env['MLFLOW_TRACKING_TOKEN'], username: env['MLFLOW_TRACKING_USERNAME'], password: env['MLFLOW_TRACKING_PASSWORD'] },
  });
  for (const warning of report.warnings) process.stderr.write(`import:mlflow: warning: ${oneLine(warning)}\n`);
  for (const outcome of report.outcomes) process.stdout.write(`${formatOutcome(outcome)}\n`);
  const count = (action: WriteOutcome['action']): number => report.outcomes.filter((outcome) => outcome.action === action).length;
  const experiments = report.experiments.length;
  process.stdout.write(
    `import:mlflow: ${source}: ${report.records.length} run${report.records.length === 1 ? '' : 's'} from ${experiments} experiment${experiments === 1 ? '' : 's'} — ` +
      `${count('written')} written, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('skipped')} skipped\n`,
  );
} catch (error) {
  // One line, never a stack trace: an unforeseen failure is reported like any other.
  const failure = error instanceof ImportError ? error : messages.unexpected(error instanceof Error ? error.message : String(error));
  process.stderr.write(`${oneLine(formatImportError(source, failure))}\n`);
  process.exit(1);
}

function formatOutcome(outcome: WriteOutcome): string {
  const line = `${outcome.action.padEnd(9)} ${outcome.file}`;
  return oneLine(outcome.reason === undefined ? line : `${line} — ${outcome.reason}`);
}
