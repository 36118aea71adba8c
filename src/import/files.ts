import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { importMessages } from './messages.ts';
import type { ImportSource } from './sources.ts';

/**
 * Small file-system questions the readers ask, each answering "no" instead of throwing when a path
 * is missing or unreadable (the readers decide what a missing file means).
 */

/** True when `path` is a folder. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** True when `path` is a regular file. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The names in a folder, sorted; [] when it cannot be read. */
export function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** A file's UTF-8 text, or `undefined` when it cannot be read. */
export function readTextIfAny(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The first line of an error's message, for "cannot read X (reason)". */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}

/** The source as an absolute path (relative to `cwd`); the "no such file or folder" `ImportError` of `kind` when nothing is there. */
export function requireSourcePath(source: string, cwd: string, kind: ImportSource): string {
  const path = resolve(cwd, source);
  if (!existsSync(path)) throw importMessages.sourceMissing(kind);
  return path;
}
