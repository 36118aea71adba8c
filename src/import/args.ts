import { parseArgs } from 'node:util';
import type { CsvFlags } from './importer.ts';
import { isImportSource, SOURCE_KINDS } from './sources.ts';
import type { ImportSource } from './sources.ts';
import type { RecordFormat } from './write.ts';

/** `logbook import` as parsed from its arguments. */
export interface ImportArgs {
  /** The kind named by the kind word or `--from`; undefined → detect it. */
  kind: ImportSource | undefined;
  source: string;
  /** `--out` as given; undefined → the default content folder. */
  out: string | undefined;
  format: RecordFormat;
  force: boolean;
  experiments: string[];
  csv: CsvFlags;
}

export type ParsedImportArgs =
  { help: true } | { help: false; args: ImportArgs } | { help: false; error: string; kind: ImportSource | undefined };

const CSV_OPTIONS = ['table', 'id', 'name', 'step', 'parent', 'param', 'metric', 'ignore'] as const;

export const IMPORT_USAGE = `Usage: logbook import [<kind>] <source> [options]

  <kind>                    ${SOURCE_KINDS.join(', ')}; detected from <source> when left out
  <source>                  mlflow: an mlruns/ folder, an mlflow.db file, sqlite:///path or a tracking-server URL
                            tensorboard: a folder of events.out.tfevents.* files (one run per folder, searched recursively)
                            huggingface: a Trainer output folder (trainer_state.json, checkpoint-*/), or a model card README.md
                            dvc: a DVC project or DVCLive folder, or a file saved from \`dvc exp show --json\`
                            csv: a .csv file of runs (one row per run) or of one run's history (one row per step)
  --from <kind>             the kind of <source>, instead of the kind word
  --out <dir>               where records go (default: the content setting — logbook.config.json or $LOGBOOK_CONTENT — else content/experiments)
  --format json|md          JSON records, or Markdown with YAML frontmatter (default: json)
  --force                   overwrite records edited by hand or not imported from the same run
  --experiment <name|id>    mlflow: import only this experiment (repeatable; default: all active experiments)
  --table runs|history      csv: one row per run, or one row per step of one run (default: detected)
  --id <column>             csv: the column with run ids
  --name <column>           csv: the column with run names (history tables: the run's name is the file name)
  --step <column>           csv: the step or epoch column of a history table
  --parent <column>         csv: the column with each run's parent run id
  --param <column>          csv: read this column as a hyperparameter (repeatable)
  --metric <column>         csv: read this column as a metric (repeatable)
  --ignore <column>         csv: leave this column out (repeatable)
  -h, --help                show this help

A tracking server's bearer token is read from MLFLOW_TRACKING_TOKEN (or basic auth from
MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD).`;

/** Parses the arguments of `logbook import` (everything after `import`). Pure. */
export function parseImportArgs(argv: readonly string[]): ParsedImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string', default: 'json' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        experiment: { type: 'string', multiple: true },
        table: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        step: { type: 'string' },
        parent: { type: 'string' },
        param: { type: 'string', multiple: true },
        metric: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    const kindWord = argv.find((arg) => !arg.startsWith('-'));
    return { help: false, error: error instanceof Error ? error.message : String(error), kind: kindOf(kindWord) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const fail = (error: string, kind: ImportSource | undefined = undefined): ParsedImportArgs => ({ help: false, error, kind });

  let kind: ImportSource | undefined;
  let rest = positionals;
  const first = positionals[0];
  if (positionals.length >= 2 && first !== undefined && isImportSource(first)) {
    kind = first;
    rest = positionals.slice(1);
  }
  if (values.from !== undefined) {
    if (!isImportSource(values.from)) return fail(`--from must be one of ${SOURCE_KINDS.join(', ')}, not "${values.from}"`, kind);
    if (kind !== undefined && kind !== values.from) return fail(`the kind word says ${kind} but --from says ${values.from}`, kind);
    kind = values.from;
  }
  if (rest.length !== 1)
    return fail(rest.length === 0 ? 'missing <source>' : `expected one <source>, got ${rest.length}: ${rest.join(' ')}`, kind);
  const format = values.format;
  if (format !== 'json' && format !== 'md') return fail(`--format must be json or md, not "${format}"`, kind);
  if (values.experiment !== undefined && kind !== 'mlflow') return fail('--experiment is for mlflow sources only', kind);
  const csvGiven = CSV_OPTIONS.filter((option) => values[option] !== undefined);
  if (csvGiven.length > 0 && kind !== 'csv' && kind !== undefined) return fail(`--${csvGiven[0] ?? ''} is for csv sources only`, kind);
  const table = values.table;
  if (table !== undefined && table !== 'runs' && table !== 'history') return fail(`--table must be runs or history, not "${table}"`, kind);

  const csv: CsvFlags = {
    params: values.param ?? [],
    metrics: values.metric ?? [],
    ignore: values.ignore ?? [],
    ...(table === undefined ? {} : { table }),
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(values.step === undefined ? {} : { step: values.step }),
    ...(values.parent === undefined ? {} : { parent: values.parent }),
  };
  return {
    help: false,
    args: {
      kind,
      source: rest[0] ?? '',
      out: values.out,
      format,
      force: values.force,
      experiments: values.experiment ?? [],
      csv,
    },
  };
}

function kindOf(word: string | undefined): ImportSource | undefined {
  return word !== undefined && isImportSource(word) ? word : undefined;
}
