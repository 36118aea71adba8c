import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isDirectory, reasonOf, requireSourcePath } from '../files.ts';
import type { Importer } from '../importer.ts';
import { importMessages } from '../messages.ts';
import { csvToRecords, describeCsvPlan, planCsv } from './map.ts';
import { messages } from './messages.ts';
import { parseCsv } from './parse.ts';

export * from './map.ts';
export * from './messages.ts';
export * from './parse.ts';

/** The CSV importer: a table of runs (one record per row) or one run's history (one record). The column mapping is printed. */
export const csvImporter: Importer = {
  kind: 'csv',
  read: (request) =>
    Promise.resolve().then(() => {
      const path = requireSourcePath(request.source, request.cwd, 'csv');
      if (isDirectory(path)) throw importMessages.unreadable(request.source, 'a folder, not a file');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
      } catch (error) {
        throw error instanceof TypeError ? messages.notText() : importMessages.unreadable(request.source, reasonOf(error));
      }
      const table = parseCsv(text);
      const baseName = basename(path).replace(/\.csv$/i, '');
      const plan = planCsv(table, request.csv, baseName);
      const records = csvToRecords(table, plan, { baseName, schema: request.schema });
      request.onProgress(table.rows.length, table.rows.length, 'rows');
      return { records, notes: describeCsvPlan(plan), warnings: [] };
    }),
};
