/**
 * After the Astro build: the static search index (pagefind) from the experiments' records, read from
 * the site's own JSON API in the output folder, so it stays fast and small however big the pages are.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ExperimentDocument, SummaryItem } from '../analysis/index.ts';
import { buildSearchRecord } from '../search/search-record.ts';
import { experimentPath } from '../view/urls.ts';

/** A search index that could not be built. */
export class SearchIndexError extends Error {}

/** Writes `<outDir>/pagefind/`; returns how many experiments it indexed. Throws a `SearchIndexError` on failure. */
export async function buildSearchIndex(outDir: string): Promise<number> {
  const list = JSON.parse(await readFile(join(outDir, 'api', 'experiments.json'), 'utf8')) as { experiments: SummaryItem[] };
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new SearchIndexError(`pagefind could not start: ${errors.join('; ')}`);
  const read = async (id: string): Promise<ExperimentDocument> =>
    JSON.parse(await readFile(join(outDir, 'api', 'experiments', `${id}.json`), 'utf8')) as ExperimentDocument;
  try {
    // Records are added one at a time, in list order; the next document is read while pagefind indexes one.
    let next = list.experiments[0] === undefined ? undefined : read(list.experiments[0].id);
    for (const [i, item] of list.experiments.entries()) {
      const doc = await (next as Promise<ExperimentDocument>);
      const following = list.experiments[i + 1];
      next = following === undefined ? undefined : read(following.id);
      // Not left unhandled if this record fails first; it is awaited (and its error thrown) on the next turn.
      void next?.catch(() => undefined);
      // Site-relative: the search page's pagefind UI puts the base path in front (its `baseUrl`).
      const added = await index.addCustomRecord(buildSearchRecord(doc.record, doc.analysis.checks, `/${experimentPath(item.id)}`));
      if (added.errors.length > 0) throw new SearchIndexError(`search index: ${item.id}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new SearchIndexError(`search index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  return list.experiments.length;
}
