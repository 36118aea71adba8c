/** Messages only the DVC import shows (shared ones are in `../messages.ts`). */
import { ImportError } from '../messages.ts';

export const messages = {
  unreadableFile: (file: string, reason: string): ImportError =>
    new ImportError(`cannot read ${file} (${reason})`, 'check that the file exists and is readable'),
  badFile: (file: string, reason: string): ImportError =>
    new ImportError(
      `${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : /\.toml$/i.test(file) ? 'TOML' : 'YAML'} (${reason})`,
      'fix the file, or move it out of the project',
    ),
  badLock: (file: string, reason: string): ImportError =>
    new ImportError(`${file} is not a dvc.lock DVC can read (${reason})`, 'run `dvc repro` or `dvc commit` to write it again'),
  badExpShow: (file: string, reason: string): ImportError =>
    new ImportError(
      `${file} is not the output of \`dvc exp show --json\` (${reason})`,
      'save it with `dvc exp show --json > experiments.json` (DVC 3) and import that file',
    ),
  badTsv: (file: string, line: number, reason: string): ImportError =>
    new ImportError(`${file}:${line}: ${reason}`, 'DVCLive writes a header line `step<TAB>name` (timestamp optional) and one row per step'),
  noRuns: (): ImportError =>
    new ImportError(
      'nothing to import: no params.yaml, metrics, DVCLive output or dvc.lock',
      'give a DVC project folder, a DVCLive folder (dvclive/), or the output of `dvc exp show --json`',
    ),
  noExperiments: (file: string): ImportError =>
    new ImportError(`${file} lists no committed revisions or experiments`, 'commit a baseline and run `dvc exp run` first'),
  badConfusionMatrix: (file: string): string =>
    `${file}: not a list of {actual, predicted} rows as DVCLive writes a confusion matrix; left out`,
  extraConfusionMatrix: (file: string, used: string): string => `${file}: another confusion matrix; only ${used} is imported`,
  badMetricValue: (file: string, key: string): string => `${file}: ${key} is not a number; left out`,
} as const;
