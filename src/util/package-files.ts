/**
 * Files of the Logbook package itself, wherever it runs from: this checkout (TypeScript in src/) or an
 * installed package (`node_modules/logbook`, JavaScript in lib/). Both folders sit one level below the
 * package root, as does this folder, so paths are found relative to this module. Node only.
 */
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (holding package.json, public/, src/ and, once packed, lib/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The JSON Schema of a record (`$schema` of JSON records). */
export const RECORD_SCHEMA_FILE = join(PACKAGE_ROOT, 'public', 'schema', 'experiment.schema.json');

/** The JSON Schema of `logbook.config.json`. */
export const CONFIG_SCHEMA_FILE = join(PACKAGE_ROOT, 'public', 'schema', 'config.schema.json');

/** The experiment log template `logbook new` starts from. */
export const TEMPLATE_FILE = join(PACKAGE_ROOT, 'src', 'scaffold', 'template.md');

/**
 * A `$schema` reference from a file in `fromDir` to `schemaFile`: a relative path with forward
 * slashes, so editors resolve it in a team's repository (into `node_modules/logbook/…`) as well as here.
 */
export function schemaReference(fromDir: string, schemaFile: string = RECORD_SCHEMA_FILE): string {
  return relative(fromDir, schemaFile).split(sep).join('/');
}
