import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
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
  read(request) {
    const path = resolve(request.cwd, request.source);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return Promise.reject(
        code === 'ENOENT'
          ? importMessages.sourceMissing('csv')
          : importMessages.unreadable(request.source, code === 'EISDIR' ? 'a folder, not a file' : String(code)),
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return Promise.reject(messages.notText());
    }
    const table = parseCsv(text);
    const baseName = basename(path).replace(/\.csv$/i, '');
    const plan = planCsv(table, request.csv, baseName);
    const records = csvToRecords(table, plan, { baseName, schema: request.schema });
    request.onProgress(table.rows.length, table.rows.length, 'rows');
    return Promise.resolve({ records, notes: describeCsvPlan(plan), warnings: [] });
  },
};
