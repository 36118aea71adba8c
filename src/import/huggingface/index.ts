import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Importer } from '../importer.ts';
import { importMessages } from '../messages.ts';
import { assignNamedIds } from '../record.ts';
import { hfRunName, hfRunToRecord } from './map.ts';
import { readHuggingFace } from './read.ts';

export * from './card.ts';
export * from './map.ts';
export * from './messages.ts';
export * from './metric-name.ts';
export * from './read.ts';
export type * from './model.ts';

/** The Hugging Face importer: one record per Trainer output folder (or model card). */
export const huggingfaceImporter: Importer = {
  kind: 'huggingface',
  read(request) {
    const root = resolve(request.cwd, request.source);
    if (!existsSync(root)) return Promise.reject(importMessages.sourceMissing('huggingface'));
    const read = readHuggingFace(root, request.onProgress);
    const runs = read.runs.map((run) => ({ ...run, name: hfRunName(run) }));
    const ids = assignNamedIds(runs.map((run) => ({ runId: run.path, name: run.name })));
    return Promise.resolve({
      records: runs.map((run) => hfRunToRecord(run, { id: ids.get(run.path) ?? run.path, schema: request.schema })),
      notes: [],
      warnings: read.warnings,
    });
  },
};
