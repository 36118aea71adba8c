/**
 * The static search index (pagefind) from the experiments' records, never from the pages' HTML, so it
 * stays fast and small however big the pages are. `logbook build` indexes the records it has just
 * validated in a worker thread (`search-worker.ts`) while Astro builds the pages, into a folder of
 * its own that joins the site afterwards (`startSearchIndex`); a build without the validate step
 * reads the records back from the site's own JSON API (`buildSearchIndex`). Both add the same
 * records in the same order (by id, as `api/experiments.json` lists them), so they write the same index.
 */
import { cp, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { CollectionAnalysis, ExperimentDocument, SummaryItem } from '../analysis/index.ts';
import type { Experiment } from '../schema/index.ts';
import { buildSearchRecord, type SearchRecord } from '../search/search-record.ts';
import { compareText } from '../util/compare-text.ts';
import { experimentPath } from '../view/urls.ts';

/** A search index that could not be built. */
export class SearchIndexError extends Error {}

/** The search record of every experiment, in the order the index adds them (by id). */
export function searchRecordsOf(records: readonly Experiment[], analysis: Pick<CollectionAnalysis, 'byId'>): SearchRecord[] {
  return [...records]
    .sort((a, b) => compareText(a.id, b.id))
    .map((record) =>
      // Site-relative: the search page's pagefind UI puts the base path in front (its `baseUrl`).
      buildSearchRecord(record, analysis.byId.get(record.id)?.checks ?? [], `/${experimentPath(record.id)}`),
    );
}

/**
 * Writes the pagefind index of `records` (each awaited in turn, so a caller can read the next one
 * while pagefind indexes this one) into `outputPath`; returns how many it indexed.
 */
export async function writeSearchIndex(records: Iterable<Promise<SearchRecord> | SearchRecord>, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new SearchIndexError(`pagefind could not start: ${errors.join('; ')}`);
  let count = 0;
  try {
    for (const pending of records) {
      const record = await pending;
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0)
        throw new SearchIndexError(`search index: ${record.meta['id'] ?? record.url}: ${added.errors.join('; ')}`);
      count += 1;
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`search index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  return count;
}

/** Writes `<outDir>/pagefind/` from the JSON API in `outDir`; returns how many experiments it indexed. Throws a `SearchIndexError` on failure. */
export async function buildSearchIndex(outDir: string): Promise<number> {
  const list = JSON.parse(await readFile(join(outDir, 'api', 'experiments.json'), 'utf8')) as { experiments: SummaryItem[] };
  const read = async (id: string): Promise<SearchRecord> => {
    const doc = JSON.parse(await readFile(join(outDir, 'api', 'experiments', `${id}.json`), 'utf8')) as ExperimentDocument;
    return buildSearchRecord(doc.record, doc.analysis.checks, `/${experimentPath(id)}`);
  };
  // One document is read ahead: the next is parsed while pagefind indexes this one.
  function* ahead(): Generator<Promise<SearchRecord>> {
    let next = list.experiments[0] === undefined ? undefined : read(list.experiments[0].id);
    for (const following of list.experiments.slice(1)) {
      const current = next as Promise<SearchRecord>;
      next = read(following.id);
      // Not left unhandled if the current record fails first; it is awaited (and its error thrown) on the next turn.
      void next.catch(() => undefined);
      yield current;
    }
    if (next !== undefined) yield next;
  }
  return writeSearchIndex(ahead(), join(outDir, 'pagefind'));
}

/** What the search worker gets. */
export interface SearchWorkerData {
  records: SearchRecord[];
  outputPath: string;
}

/** A search index being written while the pages are built. */
export interface PendingSearchIndex {
  /** Moves the finished index into `<outDir>/pagefind/`; returns how many experiments it indexed. Throws a `SearchIndexError`. */
  finish(outDir: string): Promise<number>;
  /** Stops the worker and removes what it wrote (the build failed). */
  cancel(): Promise<void>;
}

export const SEARCH_WORKER_FILE = fileURLToPath(new URL(`./search-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/**
 * Starts indexing `records` in a worker thread, into a folder of its own under the system's
 * temporary folder (Astro empties the output folder when it starts): the pagefind process and its
 * feeder take the core the page thread leaves, instead of running after the pages.
 */
export async function startSearchIndex(
  records: SearchRecord[],
  options: { workerFile?: string; tempDir?: string } = {},
): Promise<PendingSearchIndex> {
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'logbook-search-'));
  const outputPath = join(dir, 'pagefind');
  const worker = new Worker(options.workerFile ?? SEARCH_WORKER_FILE, { workerData: { records, outputPath } satisfies SearchWorkerData });
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { count: number } | { error: string }) =>
      'error' in message ? reject(new SearchIndexError(message.error)) : resolve(message.count),
    );
    worker.once('error', (error) => reject(new SearchIndexError(`search index: ${error.message}`)));
    worker.once('exit', (code) => reject(new SearchIndexError(`search index: the worker stopped (exit code ${code}) before it finished`)));
  });
  // Awaited in `finish`; not an unhandled rejection should the build stop first.
  void done.catch(() => undefined);
  const removeDir = () => rm(dir, { recursive: true, force: true });
  return {
    async finish(outDir) {
      try {
        const count = await done;
        const target = join(outDir, 'pagefind');
        await rm(target, { recursive: true, force: true });
        // The temporary folder may be on another file system than the site (EXDEV): copy it then.
        await rename(outputPath, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EXDEV') throw error;
          await cp(outputPath, target, { recursive: true });
        });
        return count;
      } finally {
        await removeDir();
      }
    },
    async cancel() {
      await worker.terminate();
      await removeDir();
    },
  };
}
