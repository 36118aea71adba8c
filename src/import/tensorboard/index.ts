import type { Importer } from '../importer.ts';
import { requireSourcePath } from '../files.ts';
import { mapNamedRuns } from '../record.ts';
import { tbRunToRecord } from './map.ts';
import { readTensorBoard } from './read.ts';

export * from './crc32c.ts';
export * from './tfrecord.ts';
export * from './protobuf.ts';
export * from './events.ts';
export * from './map.ts';
export * from './read.ts';
export * from './messages.ts';
export type * from './model.ts';

/** The TensorBoard importer: one record per folder of event files. */
export const tensorboardImporter: Importer = {
  kind: 'tensorboard',
  read: (request) =>
    Promise.resolve().then(() => {
      const read = readTensorBoard(requireSourcePath(request.source, request.cwd, 'tensorboard'), request.source, request.onProgress);
      return { records: mapNamedRuns(read.runs, tbRunToRecord, request.schema), notes: [], warnings: read.warnings };
    }),
};
