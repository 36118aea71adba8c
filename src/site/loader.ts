import { basename, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadRecords, nodeLoadEffects, nodeParseCache, type ParseCache } from '../content/load.ts';
import { isInside, isRecordName } from '../content/list.ts';
import { formatDiagnostic } from '../ingest/index.ts';
import { recordCacheDir, type Settings } from '../settings/index.ts';
import { chartServiceOf } from './integration.ts';
import { publishRecords } from './loaded-records.ts';
import { recordDigest } from '../util/record-digest.ts';
import { pruneCacheFolder } from '../util/cache-prune.ts';

/** Waits this long after a change to a record file before reading the folder again (an editor's save is several events). */
const RELOAD_DELAY_MS = 100;

/**
 * Astro content-layer loader over Logbook's ingest: every file of the content folder is parsed and
 * validated; warnings are logged, and any error stops the build with every problem listed. Once the
 * records are read, the build's chart service starts rendering their charts. In `astro dev` the
 * folder is watched: a changed, added or removed record file reads the folder again; should a record
 * then be invalid, every problem is reported and the pages keep the records read before.
 */
export function logbookLoader(settings: Settings): Loader {
  /** The dev server's watcher already listening for record files. */
  let watching: LoaderContext['watcher'];
  const read = async (context: LoaderContext) => {
    // Files unchanged since the last validate or build are not parsed again.
    const cacheDir = recordCacheDir(settings);
    const cache = cacheDir === undefined ? undefined : nodeParseCache(cacheDir);
    const used = new Set<string>();
    const tracked: ParseCache | undefined = cache && {
      ...cache,
      key: (file, text) => {
        const key = cache.key(file, text);
        used.add(key);
        return key;
      },
    };
    const { records, diagnostics } = await loadRecords(settings.content, { ...nodeLoadEffects, cache: tracked });
    // `npm run build` has just printed the warnings in its validate step; do not print them twice.
    if (!settings.validated) for (const d of diagnostics) if (d.level === 'warning') context.logger.warn(formatDiagnostic(d));
    // The entries of records since changed or removed (or read by an older Logbook) go once a week
    // old; the caller waits for it after starting the charts.
    const pruned =
      cacheDir === undefined || cache === undefined
        ? Promise.resolve()
        : pruneCacheFolder(cacheDir, used).then(
            () => undefined,
            () => undefined,
          );
    return { records, errors: diagnostics.filter((d) => d.level === 'error'), pruned };
  };
  const keep = (context: LoaderContext, records: Awaited<ReturnType<typeof read>>['records']): void => {
    // The pages take the records from this process (see loaded-records.ts); an entry of the store
    // holds the file only, and a digest of the whole record so that a changed record is a changed entry
    // (the same digest the chart cache keys hash: see record-digest.ts).
    publishRecords(records);
    context.store.clear();
    for (const r of records) {
      context.store.set({
        id: r.record.id,
        data: { file: r.file, format: r.format },
        digest: recordDigest(r.record),
      });
    }
  };
  const watch = (context: LoaderContext): void => {
    const { watcher, logger } = context;
    if (watcher === undefined || watcher === watching) return;
    watching = watcher;
    const dir = resolve(settings.content);
    watcher.add(dir);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = async (): Promise<void> => {
      const { records, errors } = await read(context);
      if (errors.length > 0) {
        logger.error(
          `${errors.length} invalid record${errors.length > 1 ? 's' : ''}; the pages keep the records read before:\n${errors.map(formatDiagnostic).join('\n')}`,
        );
        return;
      }
      keep(context, records);
      logger.info(`read ${records.length} record${records.length === 1 ? '' : 's'} again`);
    };
    const changed = (path: string): void => {
      if (!isInside(dir, resolve(path)) || !isRecordName(basename(path))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload().catch((error: unknown) => logger.error(String(error))), RELOAD_DELAY_MS);
    };
    for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, changed);
  };
  return {
    name: 'logbook-experiments',
    load: async (context) => {
      const { records, errors, pruned } = await read(context);
      if (errors.length > 0) {
        throw new Error(`${errors.length} invalid record${errors.length > 1 ? 's' : ''}:\n${errors.map(formatDiagnostic).join('\n')}`);
      }
      // Charts are the slowest part of a build: start them on the other cores now, while Astro bundles
      // and builds the pages that have none (only `astro build` has a chart service).
      await (await chartServiceOf(context.config))?.start(records.map((r) => r.record));
      keep(context, records);
      await pruned;
      watch(context);
    },
  };
}
