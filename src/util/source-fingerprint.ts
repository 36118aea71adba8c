import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative module specifiers in `import`/`export … from` statements and `import()` with a literal. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

/**
 * The files `entry` imports, directly or not, through relative imports (packages are left out: their
 * versions belong in a cache key separately), `entry` first and the rest in path order. Type-only
 * imports count too: they cost nothing to include and keep the walk a plain text scan. Undefined
 * when a file cannot be read (an installed copy without that module).
 */
export function moduleGraph(entry: string | URL): string[] | undefined {
  const start = entry instanceof URL ? fileURLToPath(entry) : resolve(entry);
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    seen.add(file);
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), match[2] as string);
      // Assets (`?raw`, `.css`) are not code the caches depend on.
      if (/\.(?:[cm]?[jt]s)$/.test(target) && !seen.has(target)) queue.push(target);
    }
  }
  const rest = [...seen].filter((file) => file !== start).sort();
  return [start, ...rest];
}

/**
 * A hash of the source of `entry` and every module it imports (see `moduleGraph`): part of a cache
 * key, so a changed Logbook never serves what older code computed, while an edit to code the cached
 * result does not depend on keeps the cache. Undefined when a module cannot be read: then nothing
 * should be cached.
 */
export function sourceFingerprint(entry: string | URL): string | undefined {
  const files = moduleGraph(entry);
  if (files === undefined) return undefined;
  const root = dirname(files[0] as string);
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file).split('\\').join('/')).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
