import type { Importer } from '../importer.ts';
import { requireSourcePath } from '../files.ts';
import { mapNamedRuns } from '../record.ts';
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
  read: (request) =>
    Promise.resolve().then(() => {
      const read = readHuggingFace(requireSourcePath(request.source, request.cwd, 'huggingface'), request.onProgress);
      const runs = read.runs.map((run) => ({ ...run, name: hfRunName(run) }));
      return { records: mapNamedRuns(runs, hfRunToRecord, request.schema), notes: [], warnings: read.warnings };
    }),
};
