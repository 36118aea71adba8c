import { resolve } from 'node:path';
import type { Importer } from '../importer.ts';
import { assignNamedIds } from '../record.ts';
import { importMessages } from '../messages.ts';
import { existsSync } from 'node:fs';
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
  read(request) {
    const root = resolve(request.cwd, request.source);
    if (!existsSync(root)) return Promise.reject(importMessages.sourceMissing('tensorboard'));
    const read = readTensorBoard(root, request.source, request.onProgress);
    const ids = assignNamedIds(read.runs.map((run) => ({ runId: run.path, name: run.name })));
    return Promise.resolve({
      records: read.runs.map((run) => tbRunToRecord(run, { id: ids.get(run.path) ?? run.path, schema: request.schema })),
      notes: [],
      warnings: read.warnings,
    });
  },
};
