/**
 * Pruning a cache folder of entries named by content hashes (`<dir>/<2 hex>/<key>.json`, as the chart
 * and record caches keep them). A changed record or a new version of Logbook leaves every entry it no
 * longer asks for behind, and CI restores the folder and saves it again with them: without pruning,
 * a repository's cache grows by a copy of its charts at each upgrade. A build prunes the entries it
 * did not use that are older than `PRUNE_AFTER_MS`: another site sharing the folder (two content
 * folders in one repository) keeps its entries if it was built within that time.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** An entry nobody used for this long is removed (a week: a site built weekly keeps its cache). */
export const PRUNE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** What pruning a folder came to. */
export interface PruneResult {
  /** Entries removed. */
  removed: number;
  /** Entries kept (in use, or not old enough). */
  kept: number;
}

const ENTRY = /^([0-9a-f]{64})\.json(?:\.(?:.*\.)?tmp)?$/;

/**
 * Removes the entries of `dir` (in its `<2 hex>` folders, and in `extraFolders`) whose key is not in
 * `keep` and whose file is older than `olderThanMs` at `now`; a half-written temporary file counts
 * as its entry. Files it does not recognise are left alone, and a file it cannot remove only stays.
 */
export async function pruneCacheFolder(
  dir: string,
  keep: ReadonlySet<string>,
  options: { now?: number; olderThanMs?: number; extraFolders?: readonly string[] } = {},
): Promise<PruneResult> {
  const before = (options.now ?? Date.now()) - (options.olderThanMs ?? PRUNE_AFTER_MS);
  const folders = (await readdir(dir).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{2}$/.test(name));
  const result: PruneResult = { removed: 0, kept: 0 };
  for (const folder of [...folders.sort(), ...(options.extraFolders ?? [])]) {
    const path = join(dir, folder);
    for (const name of (await readdir(path).catch(() => [] as string[])).sort()) {
      const key = ENTRY.exec(name)?.[1];
      if (key === undefined) continue;
      const file = join(path, name);
      const old = !keep.has(key) && ((await stat(file).catch(() => undefined))?.mtimeMs ?? Infinity) < before;
      if (
        old &&
        (await unlink(file)
          .then(() => true)
          .catch(() => false))
      )
        result.removed++;
      else result.kept++;
    }
  }
  return result;
}
