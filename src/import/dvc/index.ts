import { basename, dirname } from 'node:path';
import { isDirectory, readTextIfAny, requireSourcePath } from '../files.ts';
import type { Importer } from '../importer.ts';
import { importMessages } from '../messages.ts';
import { assignRecordIds, slugRunName } from '../record.ts';
import { parseExpShow } from './exp-show.ts';
import { dvcRunToRecord } from './map.ts';
import { messages } from './messages.ts';
import { readDvcProject } from './read.ts';

export * from './exp-show.ts';
export * from './flatten.ts';
export * from './map.ts';
export * from './messages.ts';
export * from './read.ts';
export * from './toml.ts';
export type * from './model.ts';

/**
 * The DVC importer: a `.json` file is `dvc exp show --json` output (one record per committed
 * revision and experiment); a folder (or a dvc.lock, dvc.yaml or params.yaml in it) is one
 * project, imported as one record of its workspace.
 */
export const dvcImporter: Importer = {
  kind: 'dvc',
  read: (request) =>
    Promise.resolve().then(() => {
      const path = requireSourcePath(request.source, request.cwd, 'dvc');
      const warnings: string[] = [];
      if (!isDirectory(path) && /\.json$/i.test(path)) {
        const text = readTextIfAny(path);
        if (text === undefined) throw messages.unreadableFile(request.source, 'not readable');
        const runs = parseExpShow(text, basename(path));
        request.onProgress(runs.length, runs.length, 'revisions');
        const recordIds = assignRecordIds(runs);
        const records = runs.map((run) => dvcRunToRecord(run, { recordIds, schema: request.schema }));
        const baselines = runs.filter((run) => run.parentRunId === undefined).length;
        return { records, from: importMessages.plural(baselines, 'baseline'), notes: [], warnings };
      }
      const root = isDirectory(path) ? path : dirname(path);
      const run = readDvcProject(root, basename(root), warnings);
      request.onProgress(1, 1, 'projects');
      const recordIds = new Map([[run.runId, slugRunName(run.name)]]);
      return { records: [dvcRunToRecord(run, { recordIds, schema: request.schema })], notes: [], warnings };
    }),
};
