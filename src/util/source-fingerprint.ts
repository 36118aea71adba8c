import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A hash of the TypeScript sources directly in `folders` (relative to `root`): part of a cache key, so
 * a changed Logbook never serves what older code computed. Undefined when a folder is missing (an
 * installed copy without sources): then nothing should be cached.
 */
export function sourceFingerprint(folders: readonly string[], root = process.cwd()): string | undefined {
  const paths = folders.map((d) => resolve(root, d));
  if (!paths.every((d) => existsSync(d))) return undefined;
  const hash = createHash('sha256');
  for (const [i, folder] of paths.entries()) {
    hash.update(`${folders[i] ?? ''}\0`);
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.ts'))
        hash
          .update(name)
          .update('\0')
          .update(readFileSync(join(folder, name)))
          .update('\0');
    }
  }
  return hash.digest('hex');
}
