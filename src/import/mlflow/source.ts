import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFileStore } from './file-store.ts';
import { ImportError, importMessages } from '../messages.ts';
import type { MlflowReader } from './model.ts';
import { openRestStore } from './rest.ts';
import type { RestOptions } from './rest.ts';
import { openSqliteStore } from './sqlite-store.ts';

/**
 * Opens the reader for a source as the user wrote it: an `http(s)://` tracking-server URL,
 * a `sqlite:///path` URI (`sqlite:////abs/path` for an absolute path, as SQLAlchemy spells it),
 * a `file://` URI or a folder (file store), or a file (SQLite database).
 * Relative paths are relative to `cwd` (default: the current directory).
 */
export async function openSource(source: string, rest: RestOptions = {}, cwd = '.'): Promise<MlflowReader> {
  const requireExisting = (path: string): string => {
    if (path === '' || !existsSync(resolve(cwd, path))) throw importMessages.sourceMissing('mlflow');
    return resolve(cwd, path);
  };
  if (/^https?:\/\//i.test(source)) return openRestStore(source, rest);
  if (/^sqlite:\/\//i.test(source)) return openSqliteStore(requireExisting(sqlitePath(source)));
  if (/^file:/i.test(source)) {
    let path: string;
    try {
      path = fileURLToPath(source);
    } catch {
      throw new ImportError('not a valid file:// URI', 'write it as file:///absolute/path/to/mlruns, or give the plain path');
    }
    return openFileStore(requireExisting(path));
  }
  const scheme = /^([a-z][a-z0-9+.-]+):\/\//i.exec(source)?.[1];
  if (scheme !== undefined) {
    throw new ImportError(
      `"${scheme}://" stores are not supported`,
      'export the runs to a file store, copy the SQLite file, or point at a tracking server URL (http://…) that serves this store',
    );
  }
  const path = requireExisting(source);
  return statSync(path).isDirectory() ? openFileStore(path) : openSqliteStore(path);
}

/** `sqlite:///rel/x.db` → `rel/x.db`; `sqlite:////abs/x.db` → `/abs/x.db`. */
export function sqlitePath(uri: string): string {
  const rest = uri.replace(/^sqlite:\/\//i, '');
  return decodeURIComponent(rest.startsWith('/') ? rest.slice(1) : rest).replace(/\?.*$/, '');
}
