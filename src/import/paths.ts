import { schemaReference } from '../util/package-files.ts';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * `$schema` of a JSON record written to `outDir`: the record JSON Schema of the running Logbook
 * (`node_modules/logbook/public/schema/experiment.schema.json` in a team's repository), relative to
 * `outDir` so that editors find it from wherever the records go. `outDir` may be relative to `cwd`.
 */
export function recordSchemaReference(outDir: string, cwd: string): string {
  return schemaReference(resolve(cwd, outDir));
}

/** A path as the command prints it: relative to `cwd` with `/` separators, or absolute when it is outside `cwd`. */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : toPosix(rel);
}

/** `a\\b` → `a/b` on Windows; unchanged elsewhere. */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
