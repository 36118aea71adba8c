/**
 * The kinds of source Logbook imports from: one vocabulary for the command line (`--from`, the
 * kind word), the `import.source` field of every imported record, and the messages that name them.
 */
export const IMPORT_SOURCES = {
  mlflow: { label: 'MLflow', describe: 'an mlruns/ folder, an mlflow.db file (or sqlite:///path) or a tracking-server URL' },
  tensorboard: { label: 'TensorBoard', describe: 'a folder of events.out.tfevents.* files (one run per folder), or one such file' },
  huggingface: {
    label: 'Hugging Face',
    describe: 'a Trainer output folder (trainer_state.json, checkpoint-*/, all_results.json), or a model card README.md',
  },
  dvc: { label: 'DVC', describe: 'a DVC project or DVCLive folder, or the output of `dvc exp show --json`' },
  csv: { label: 'CSV', describe: 'a .csv file: a table of runs, or one run’s history (a step or epoch column and metric columns)' },
} as const;

/** A kind of source: `mlflow`, `tensorboard`, `huggingface`, `dvc` or `csv`. */
export type ImportSource = keyof typeof IMPORT_SOURCES;

/** Every source kind, in the order help texts list them. */
export const SOURCE_KINDS = Object.keys(IMPORT_SOURCES) as ImportSource[];

/** True when `word` names a source kind. */
export function isImportSource(word: string): word is ImportSource {
  return Object.hasOwn(IMPORT_SOURCES, word);
}
