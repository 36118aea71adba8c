/**
 * Which record files changed: parsing git's `-z` output and mapping repository paths to the file names
 * the content loader uses. Pure: the git commands themselves run in `scripts/summary.ts`.
 */
import { join, posix } from 'node:path';
import type { ContentChange } from './types.ts';

/** A change as git reports it, paths relative to the repository root with `/` separators. */
export interface RepoChange {
  kind: 'added' | 'modified' | 'renamed' | 'removed';
  path: string;
  previousPath?: string;
}

/**
 * Parses `git diff --name-status -z` output: `A\0path\0`, `M\0path\0`, `D\0path\0`, `R100\0old\0new\0`, …
 * A (added) and C (copied) → added; M, T (type change) and U (unmerged) → modified; D → removed;
 * R → renamed. Unknown status letters are skipped.
 */
export function parseNameStatus(output: string): RepoChange[] {
  const fields = output.split('\0');
  const changes: RepoChange[] = [];
  let i = 0;
  while (i < fields.length) {
    const status = fields[i] ?? '';
    i++;
    if (status === '') continue;
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const from = fields[i] ?? '';
      const to = fields[i + 1] ?? '';
      i += 2;
      changes.push(letter === 'R' ? { kind: 'renamed', path: to, previousPath: from } : { kind: 'added', path: to });
      continue;
    }
    const path = fields[i] ?? '';
    i++;
    if (letter === 'A') changes.push({ kind: 'added', path });
    else if (letter === 'M' || letter === 'T' || letter === 'U') changes.push({ kind: 'modified', path });
    else if (letter === 'D') changes.push({ kind: 'removed', path });
  }
  return changes;
}

/** Parses a `\0`-separated list of paths (`git ls-files -z`). */
export function parsePathList(output: string): string[] {
  return output.split('\0').filter((path) => path !== '');
}

/**
 * True for a file the content loader reads (`**\/*.{json,md}`, no dot-files or dot-folders), given its
 * path under the content folder.
 */
export function isRecordPath(pathUnderDir: string): boolean {
  if (!/\.(?:json|md)$/.test(pathUnderDir)) return false;
  return pathUnderDir.split('/').every((segment) => segment !== '' && !segment.startsWith('.') && segment !== '..');
}

/**
 * The record-file changes under the content folder, named as the loader names files (`dir` joined with
 * the path under it). `dirFromRoot` is the content folder relative to the repository root ('' for the
 * root itself); `dir` is the folder as the user gave it. Tracked changes come first; an untracked file
 * is `added`. A rename whose old or new name is not a record file counts as removed or added.
 * Sorted by file, one entry per file.
 */
export function toContentChanges(changes: readonly RepoChange[], dirFromRoot: string, dir: string): ContentChange[] {
  const root = dirFromRoot === '' || dirFromRoot === '.' ? '' : dirFromRoot.replace(/\/+$/, '');
  const under = (path: string): string | null => {
    const rel = root === '' ? path : posix.relative(root, path);
    return rel === '' || rel.startsWith('../') || posix.isAbsolute(rel) || !isRecordPath(rel) ? null : rel;
  };
  const byFile = new Map<string, ContentChange>();
  const add = (change: ContentChange): void => {
    if (!byFile.has(change.file)) byFile.set(change.file, change);
  };
  for (const change of changes) {
    const rel = under(change.path);
    const previous = change.previousPath === undefined ? null : under(change.previousPath);
    if (change.kind === 'renamed') {
      if (previous !== null && rel === null) add({ kind: 'removed', file: join(dir, previous), repoPath: change.previousPath ?? '' });
      if (rel !== null) {
        const file = join(dir, rel);
        add(
          previous === null
            ? { kind: 'added', file, repoPath: change.path }
            : { kind: 'renamed', file, repoPath: change.path, previousFile: join(dir, previous) },
        );
      }
      continue;
    }
    if (rel !== null) add({ kind: change.kind, file: join(dir, rel), repoPath: change.path });
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
