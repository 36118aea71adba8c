/**
 * Where a record came from, as the page shows it: never an absolute path of the machine that built
 * the site. The loader names files as they were found (the content folder joined with the path
 * inside it, so relative to the working directory — the repository — unless the folder was given
 * as an absolute path or one outside the working directory).
 */

/** A record's source path for display, and what it is relative to. */
export interface SourcePath {
  path: string;
  relativeTo: 'repository' | 'content folder';
}

function clean(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(\.\/)+/, '');
}

function isOutside(path: string): boolean {
  return path.startsWith('/') || /^[a-z]:\//i.test(path) || path === '..' || path.startsWith('../');
}

/**
 * `file` relative to the repository when it is inside the working directory, else relative to the
 * content folder `content` (as the settings give it); just the file name when it is in neither.
 */
export function displaySourcePath(file: string, content: string): SourcePath {
  const f = clean(file);
  if (!isOutside(f)) return { path: f, relativeTo: 'repository' };
  const folder = clean(content).replace(/\/+$/, '');
  if (folder !== '' && f.startsWith(`${folder}/`)) return { path: f.slice(folder.length + 1), relativeTo: 'content folder' };
  return { path: f.slice(f.lastIndexOf('/') + 1), relativeTo: 'content folder' };
}
