/**
 * The size of a built site, against what static hosts accept: GitHub Pages refuses a published site
 * over 1 GB; GitLab Pages refuses more than 200,000 files, and Logbook's own budget is 100,000.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes and files of a folder. */
export interface FolderSize {
  name: string;
  bytes: number;
  files: number;
}

export interface SiteSize {
  bytes: number;
  files: number;
  /** Top-level folders (files directly in the root count as "(root files)"), largest first. */
  folders: FolderSize[];
}

/** Above these, the site may not deploy. */
export const SITE_LIMITS = {
  /** GitHub Pages: published sites may be no larger than 1 GB. */
  bytes: 1024 ** 3,
  /** Logbook's budget (GitLab Pages refuses more than 200,000 files). */
  files: 100_000,
} as const;

async function sizeOf(path: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(path, { withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      const inner = await sizeOf(child);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += (await stat(child)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Measures the site in `dir`. */
export async function measureSiteSize(dir: string): Promise<SiteSize> {
  const folders: FolderSize[] = [];
  const root: FolderSize = { name: '(root files)', bytes: 0, files: 0 };
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) folders.push({ name: entry.name, ...(await sizeOf(path)) });
    else if (entry.isFile()) {
      root.bytes += (await stat(path)).size;
      root.files += 1;
    }
  }
  if (root.files > 0) folders.push(root);
  folders.sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
  return { bytes: folders.reduce((n, f) => n + f.bytes, 0), files: folders.reduce((n, f) => n + f.files, 0), folders };
}

/** Bytes in the largest sensible unit: "300 B", "512 KB", "348.2 MB", "1.31 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}

/** A warning when the site is over a host's limit, naming the limits and its largest folders; undefined when it fits. */
export function siteSizeWarning(size: SiteSize): string | undefined {
  const over: string[] = [];
  if (size.bytes > SITE_LIMITS.bytes) over.push(`${formatBytes(size.bytes)}, over GitHub Pages' 1 GB limit for a published site`);
  if (size.files > SITE_LIMITS.files)
    over.push(`${size.files.toLocaleString('en-US')} files, over 100,000 (GitLab Pages refuses more than 200,000)`);
  if (over.length === 0) return undefined;
  const largest = size.folders
    .slice(0, 3)
    .map((f) => `${f.name} ${formatBytes(f.bytes)} in ${f.files.toLocaleString('en-US')} files`)
    .join(', ');
  return `the site is ${over.join('; ')} — it may not deploy. Largest folders: ${largest}.`;
}
