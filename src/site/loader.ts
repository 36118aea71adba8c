import type { Loader } from 'astro/loaders';
import { loadRecords, nodeLoadEffects, nodeParseCache } from '../content/load.ts';
import { formatDiagnostic } from '../ingest/index.ts';
import { recordCacheDir, type Settings } from '../settings/index.ts';
import { chartServiceOf } from './integration.ts';

/** What the loader stores per record (as JSON text under `json`: see `readStoredRecord`). */
export interface StoredRecord {
  record: Record<string, unknown>;
  file: string;
  format: string;
}

/**
 * Astro content-layer loader over Logbook's ingest: every file of the content folder is parsed and
 * validated; warnings are logged, and any error stops the build with every problem listed. Once the
 * records are read, the build's chart service starts rendering their charts.
 */
export function logbookLoader(settings: Settings): Loader {
  return {
    name: 'logbook-experiments',
    load: async (context) => {
      const { store, logger, config } = context;
      // Files unchanged since the last validate or build are not parsed again.
      const cacheDir = recordCacheDir(settings);
      const cache = cacheDir === undefined ? undefined : nodeParseCache(cacheDir);
      const { records, diagnostics } = await loadRecords(settings.content, { ...nodeLoadEffects, cache });
      const errors = diagnostics.filter((d) => d.level === 'error');
      // `npm run build` has just printed the warnings in its validate step; do not print them twice.
      if (!settings.validated) for (const d of diagnostics) if (d.level === 'warning') logger.warn(formatDiagnostic(d));
      if (errors.length > 0) {
        throw new Error(`${errors.length} invalid record${errors.length > 1 ? 's' : ''}:\n${errors.map(formatDiagnostic).join('\n')}`);
      }
      // Charts are the slowest part of a build: start them on the other cores now, while Astro bundles
      // and builds the pages that have none (only `astro build` has a chart service).
      await (await chartServiceOf(config))?.start(records.map((r) => r.record));
      store.clear();
      for (const r of records) {
        // Stored as JSON text: Astro's store (devalue) refuses keys named `__proto__`, which are data here.
        const data = { json: JSON.stringify({ record: r.record, file: r.file, format: r.format } satisfies StoredRecord) };
        store.set({ id: r.record.id, data, digest: context.generateDigest(data) });
      }
    },
  };
}

/** The record an entry of the collection holds. */
export function readStoredRecord(data: Record<string, unknown>): StoredRecord {
  return JSON.parse(String(data['json'])) as StoredRecord;
}
