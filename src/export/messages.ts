/** Every message `logbook export` prints, as functions, so tests assert the exact text. */

export const EXPORT_USAGE = `Usage: logbook export model-card <id> [options]

  model-card <id>      write a Hugging Face model card (README.md with model-index metadata) for one experiment
  --out <file>         where to write it (default: README.md; - writes to standard output)
  --dir <folder>       where the records are (default: the content setting — logbook.config.json or $LOGBOOK_CONTENT — else content/experiments)
  --task <task id>     the Hub task, e.g. text-classification (default: the record's tags.task, else a guess)
  --force              overwrite a file that is not a model card exported for this experiment
  -h, --help           show this help`;

export const exportMessages = {
  missingWhat: (): string => 'missing what to export: model-card',
  unknownWhat: (what: string): string => `unknown export "${what}": the only one is model-card`,
  missingId: (): string => 'missing the id of the experiment',
  tooMany: (extra: string): string => `unexpected argument "${extra}": give one id`,
  noRecords: (dir: string): string => `${dir}: no experiment records here — give the records folder with --dir`,
  invalidRecords: (count: number, dir: string): string =>
    `${dir}: ${count} record file${count === 1 ? '' : 's'} did not validate; run \`npm run validate\` to see why (the export uses only valid records)`,
  unknownId: (id: string, suggestion: string | undefined): string =>
    `no experiment with the id "${id}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`,
  notOurs: (file: string): string =>
    `${file} exists and is not a model card exported for this experiment; use --force to overwrite it, or --out another file`,
  wrote: (file: string, todos: number): string =>
    `wrote ${file}${todos === 0 ? '' : ` — ${todos} TODO${todos === 1 ? '' : 's'} left for you to fill in`}`,
  cannotWrite: (file: string, reason: string): string => `cannot write ${file} (${reason})`,
} as const;
