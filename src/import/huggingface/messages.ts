/** Messages only the Hugging Face import shows (shared ones are in `../messages.ts`). */
import { ImportError } from '../messages.ts';

export const messages = {
  notJson: (file: string, reason: string): ImportError =>
    new ImportError(`${file} is not valid JSON (${reason})`, 'the Trainer writes it at the end of training: copy it again, or remove it'),
  notTrainerState: (file: string, reason: string): ImportError =>
    new ImportError(
      `${file} is not a Trainer state (${reason})`,
      'trainer_state.json is what `transformers.Trainer` saves in its output folder and in each checkpoint-*/ folder',
    ),
  badCard: (file: string, reason: string): ImportError =>
    new ImportError(`${file}: the model card's YAML metadata is unreadable (${reason})`, 'fix the frontmatter between the --- lines'),
  badModelIndex: (file: string, reason: string): ImportError =>
    new ImportError(
      `${file}: model-index is not what the Hub expects (${reason})`,
      'each entry needs name and results[], each result task.type, dataset.name and metrics[] with type and value',
    ),
  noRuns: (): ImportError =>
    new ImportError(
      'no trainer_state.json, results file or model card with model-index here',
      'give the output_dir of a transformers.Trainer run (or a folder of them), or a model card README.md',
    ),
  unreadableFile: (file: string, reason: string): ImportError =>
    new ImportError(`cannot read ${file} (${reason})`, 'check that it is readable'),
  trainingResultsUnread: (file: string, reason: string): string =>
    `${file}: the "Training results" table is not read (${reason}); the record has no history from it`,
  notANumber: (file: string, key: string): string => `${file}: ${key} is not a number; left out`,
} as const;
