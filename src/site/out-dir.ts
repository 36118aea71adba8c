/**
 * The output folder is emptied by every build (Astro removes what a previous build left). A folder
 * given by mistake — `--out .`, the content folder, a configuration from an untrusted pull request
 * naming `..` — would lose the repository's files, records included. The build refuses such a folder
 * before it writes anything.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** The path with every existing part's links resolved (a folder not created yet keeps its name). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** Whether `inner` is `outer` or lies inside it. */
function within(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`);
}

/** Whether `folder` holds a site a Logbook build wrote (its home page names Logbook as generator, or its API index is there). */
function isLogbookSite(folder: string): boolean {
  const home = join(folder, 'index.html');
  try {
    if (existsSync(home) && /<meta name="generator" content="Logbook">/.test(readFileSync(home, 'utf8').slice(0, 8192))) return true;
  } catch {
    // unreadable: not known to be ours
  }
  return existsSync(join(folder, 'api', 'experiments.json'));
}

/**
 * Why `outDir` must not be built into, or undefined when it may: it is (or holds) the working folder
 * or the content folder, lies inside the content folder (its JSON would be read as records), or holds
 * files that are not a site Logbook built.
 */
export function outDirProblem(outDir: string, content: string, cwd: string): string | undefined {
  const out = realPath(resolve(cwd, outDir));
  const here = realPath(resolve(cwd));
  const records = realPath(resolve(cwd, content));
  const shown = JSON.stringify(outDir);
  if (within(out, here))
    return `the output folder ${shown} is the working folder or holds it, and every build empties its output folder first`;
  if (within(out, records))
    return `the output folder ${shown} is the content folder ${JSON.stringify(content)} or holds it, and every build empties its output folder first`;
  if (within(records, out))
    return `the output folder ${shown} is inside the content folder ${JSON.stringify(content)}, where the site's JSON would be read as records`;
  let entries: string[];
  try {
    if (!statSync(out).isDirectory()) return `the output folder ${shown} is a file`;
    entries = readdirSync(out).sort();
  } catch {
    return undefined; // not there yet: the build creates it
  }
  if (entries.length === 0 || isLogbookSite(out)) return undefined;
  const listed = entries.slice(0, 3).join(', ') + (entries.length > 3 ? `, and ${entries.length - 3} more` : '');
  return `the output folder ${shown} holds files that are not a site Logbook built (${listed}), and every build empties its output folder first`;
}

/** How to fix an output folder `outDirProblem` refused. */
export const OUT_DIR_HINT =
  'build into a new or empty folder of its own, such as "dist" (--out, "outDir" in logbook.config.json, or LOGBOOK_OUT_DIR)';

/**
 * Why `cacheDir` must not hold Logbook's caches, or undefined when it may: inside the content folder
 * its parsed records and the site's JSON would be read as records by the next build; inside the
 * output folder (when a build writes one) they would be published with the site.
 */
export function cacheDirProblem(cacheDir: string, folders: { content: string; outDir?: string }, cwd: string): string | undefined {
  const cache = realPath(resolve(cwd, cacheDir));
  const shown = JSON.stringify(cacheDir);
  const { content, outDir } = folders;
  if (within(realPath(resolve(cwd, content)), cache))
    return `the cache folder ${shown} is inside the content folder ${JSON.stringify(content)}, where its files would be read as records`;
  if (outDir !== undefined && within(realPath(resolve(cwd, outDir)), cache))
    return `the cache folder ${shown} is inside the output folder ${JSON.stringify(outDir)}, where it would be published with the site`;
  return undefined;
}

/** How to fix a cache folder `cacheDirProblem` refused. */
export const CACHE_DIR_HINT =
  'keep the caches apart from the records and the site, such as in "node_modules/.cache/logbook" (the default; "cacheDir" in logbook.config.json, or LOGBOOK_CACHE_DIR)';
