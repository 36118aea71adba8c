/**
 * Which files under a content folder are records, on the real file system. A record file is read
 * only if its real path stays inside the folder: a symbolic link to `/etc/passwd`, to
 * `../../.git/config` or to a folder elsewhere is refused (and reported), never read, so a pull
 * request cannot publish a file from the machine that builds it.
 */

import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** A record file to read: its path under the folder (`/` separators) and size in bytes when known. */
export interface ListedFile {
  path: string;
  bytes?: number | undefined;
}

/** An entry that looks like a record (or a folder of them) but is not read. */
export interface RefusedEntry {
  /** Path under the folder, `/` separators. */
  path: string;
  /**
   * `outside`: a link whose real path leaves the folder; `broken`: a link to nothing; `special`: not
   * a regular file; `unreadable`: a folder that could not be listed.
   */
  reason: 'outside' | 'broken' | 'special' | 'unreadable';
  /** The link's target as written (links), or why the folder could not be listed. */
  target?: string | undefined;
}

export interface RecordListing {
  /** Sorted by path. */
  files: ListedFile[];
  refused: RefusedEntry[];
  /** Files of text that may be meant as records but are not read, being neither JSON nor Markdown (`exp-1.yaml`, `log.markdown`), sorted by path. */
  leftOut?: string[];
}

/** The files `listRecordFiles` reads: JSON and Markdown (no dot-files, nothing under dot-folders). */
export function isRecordName(name: string): boolean {
  return /\.(?:json|md)$/.test(name) && !name.startsWith('.');
}

/** Files a record may have been written as that are not read (images, models and other files beside records are not listed). */
const MAYBE_RECORD = /\.(?:ya?ml|toml|txt|csv|tsv|markdown|mdown|mkd|mdx|rst|org|adoc|ipynb|jsonl|json5|jsonc|html?)$/i;

/** True when `path` is `root` or inside it (both real, absolute paths). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function codeUnitOrder(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Lists the record files (`**\/*.{json,md}`) under `dir` without following symbolic links: a link
 * to a file inside the folder is listed (read through the link), a link to a folder inside it is
 * skipped (its files are listed where they really are), and a link that leaves the folder, points
 * to nothing or to something other than a regular file is refused. Dot-files and dot-folders are skipped.
 */
export async function listRecordFiles(dir: string): Promise<RecordListing> {
  const root = await realpath(dir);
  const files: ListedFile[] = [];
  const refused: RefusedEntry[] = [];
  const leftOut: string[] = [];
  // Every name as the file system has it (a line break in a name included), without following links.
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(relative === '' ? dir : join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if (relative === '') throw error;
      refused.push({ path: relative, reason: 'unreadable', target: error instanceof Error ? error.message : String(error) });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const path = relative === '' ? name : `${relative}/${name}`;
      const full = join(dir, path);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        if (isRecordName(name)) files.push({ path, bytes: (await stat(full)).size });
        else if (MAYBE_RECORD.test(name) && !name.startsWith('.')) leftOut.push(path);
      } else if (!entry.isSymbolicLink()) {
        if (isRecordName(name)) refused.push({ path, reason: 'special' });
      } else await checkLink(path, name, full);
    }
  };
  const checkLink = async (path: string, name: string, full: string): Promise<void> => {
    const target = await readlink(full).catch(() => '');
    const real = await realpath(full).catch(() => undefined);
    if (real === undefined) {
      if (isRecordName(name)) refused.push({ path, reason: 'broken', target });
      return;
    }
    const info = await stat(real).catch(() => undefined);
    const isFolder = info?.isDirectory() ?? false;
    if (!isRecordName(name) && !isFolder) return;
    if (!isInside(root, real)) refused.push({ path, reason: 'outside', target });
    else if (isFolder) return;
    else if (info?.isFile() === true) files.push({ path, bytes: info.size });
    else refused.push({ path, reason: 'special', target });
  };
  await walk('');
  return { files: files.sort(codeUnitOrder), refused: refused.sort(codeUnitOrder), leftOut: leftOut.sort((a, b) => codeUnitOrder({ path: a }, { path: b })) };
}
