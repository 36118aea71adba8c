/** Messages only the TensorBoard import shows (shared ones are in `../messages.ts`). */
import { ImportError } from '../messages.ts';

export const messages = {
  corruptRecord: (file: string, record: number, part: 'length' | 'data'): ImportError =>
    new ImportError(
      `${file}: record ${record} is corrupt (the CRC of its ${part} does not match)`,
      'the event file is damaged: copy it again from where it was written, or move it out of the folder to import the rest',
    ),
  badEvent: (file: string, record: number, reason: string): ImportError =>
    new ImportError(
      `${file}: record ${record} is not a TensorBoard Event (${reason})`,
      'is this an events.out.tfevents.* file written by TensorBoard, tensorboardX or PyTorch? Move other files out of the folder',
    ),
  unreadableFile: (file: string, reason: string): ImportError =>
    new ImportError(`cannot read ${file} (${reason})`, 'check that the file exists and is readable'),
  noRuns: (): ImportError =>
    new ImportError(
      'no scalars or hparams in any events.out.tfevents.* file',
      'give the log folder a SummaryWriter wrote to (its log_dir), or a folder above it',
    ),
  truncated: (file: string): string => `${file}: the last record is cut short (still being written?); it was skipped, as TensorBoard does`,
} as const;
