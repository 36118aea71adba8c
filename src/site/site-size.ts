/**
 * The size of a built site, against what static hosts accept. GitHub Pages supports a site of up to
 * 1 GB: `actions/upload-pages-artifact` tars the folder (Pages refuses a tar over 10 GB, and a large
 * one risks the 10-minute deployment timeout) and `actions/deploy-pages` warns when the uploaded
 * artifact — that tar, deflated at level 6 by `actions/upload-artifact` — passes 1 GB. GitLab Pages
 * refuses more than 200,000 files, and Logbook's own budget is 100,000.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createDeflateRaw } from 'node:zlib';

/** Bytes and files of a folder. */
export interface FolderSize {
  name: string;
  bytes: number;
  files: number;
}

export interface SiteSize {
  bytes: number;
  files: number;
  /** The Pages artifact's size (`measureArtifactBytes`), when measured. */
  artifactBytes?: number | undefined;
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

/** A tar header field: `text` in `length` bytes, NUL-padded. */
function field(header: Buffer, offset: number, length: number, text: string): void {
  header.write(text.slice(0, length), offset, length, 'utf8');
}

/** A ustar header for a file or folder (`path` relative, `/`-separated); long paths use the prefix field, as tar does. */
function tarHeader(path: string, size: number, folder: boolean): Buffer {
  const header = Buffer.alloc(512);
  let name = folder ? `${path}/` : path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', name.length - 2);
    if (cut > 0) {
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
  }
  field(header, 0, 100, name);
  field(header, 100, 8, folder ? '0000755' : '0000644');
  field(header, 108, 8, '0000000');
  field(header, 116, 8, '0000000');
  field(header, 124, 12, size.toString(8).padStart(11, '0'));
  field(header, 136, 12, '00000000000');
  field(header, 148, 8, '        ');
  field(header, 156, 1, folder ? '5' : '0');
  field(header, 257, 8, 'ustar\u000000');
  field(header, 345, 155, prefix);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\u0000 `);
  return header;
}

/** The tar stream of a folder: headers, contents padded to 512 bytes, two empty blocks at the end. */
export async function* tarOf(root: string, relativePath = '.'): AsyncGenerator<Buffer> {
  const entries = (await readdir(join(root, relativePath), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = posix.join(relativePath, entry.name);
    const full = join(root, path);
    if (entry.isDirectory()) {
      yield tarHeader(`./${path}`, 0, true);
      yield* tarOf(root, path);
    } else if (entry.isFile()) {
      const { size } = await stat(full);
      yield tarHeader(`./${path}`, size, false);
      for await (const chunk of createReadStream(full)) yield chunk as Buffer;
      if (size % 512 !== 0) yield Buffer.alloc(512 - (size % 512));
    }
  }
  if (relativePath === '.') yield Buffer.alloc(1024);
}

/**
 * The size of the site as a GitHub Pages artifact: the folder as one tar (what
 * `upload-pages-artifact` makes), deflated at level 6 by Node's zlib (what `upload-artifact` stores, less its zip
 * entry's few dozen bytes). This is the size `deploy-pages` compares with 1 GB. Reads every file once.
 */
export async function measureArtifactBytes(dir: string): Promise<number> {
  let bytes = 0;
  const deflate = createDeflateRaw({ level: 6, strategy: constants.Z_DEFAULT_STRATEGY });
  await pipeline(tarOf(dir), deflate, async (compressed: AsyncIterable<Buffer>) => {
    for await (const chunk of compressed) bytes += chunk.length;
  });
  return bytes;
}

/** Bytes in the largest sensible unit: "300 B", "512 KB", "348.2 MB", "1.31 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}

/** The settings that make a large site smaller, as the build used them. */
export interface SizeSettings {
  staticCharts: boolean;
  comparePages: boolean;
}

/**
 * A warning when the site is over a host's limit, naming the limits, its largest folders and the
 * settings still on that would make it smaller (measured at 10,000 experiments, bench/README.md:
 * `staticCharts: false` saves about 40% of the bytes, `comparePages: false` about 30%); undefined when it fits.
 */
export function siteSizeWarning(size: SiteSize, settings: SizeSettings = { staticCharts: true, comparePages: true }): string | undefined {
  const over: string[] = [];
  if (size.bytes > SITE_LIMITS.bytes) {
    const artifact =
      size.artifactBytes === undefined
        ? ''
        : size.artifactBytes > SITE_LIMITS.bytes
          ? ` and ${formatBytes(size.artifactBytes)} as the uploaded Pages artifact, over the 1 GB deploy-pages accepts`
          : ` (${formatBytes(size.artifactBytes)} as the uploaded Pages artifact, within the 1 GB deploy-pages checks; a large deploy may still pass its 10-minute timeout)`;
    over.push(`${formatBytes(size.bytes)}, over the 1 GB GitHub Pages supports for a site${artifact}`);
  }
  if (size.files > SITE_LIMITS.files)
    over.push(`${size.files.toLocaleString('en-US')} files, over 100,000 (GitLab Pages refuses more than 200,000)`);
  if (over.length === 0) return undefined;
  const largest = size.folders
    .slice(0, 3)
    .map((f) => `${f.name} ${formatBytes(f.bytes)} in ${f.files.toLocaleString('en-US')} files`)
    .join(', ');
  const smaller = [
    ...(settings.staticCharts ? ['"staticCharts": false (charts drawn in the browser, their data tables without JavaScript)'] : []),
    ...(settings.comparePages ? ['"comparePages": false (comparisons open the in-browser compare page)'] : []),
  ];
  const hint = smaller.length === 0 ? '' : ` To make it smaller, set in logbook.config.json ${smaller.join(' and ')}.`;
  return `the site is ${over.join('; ')} — it may not deploy. Largest folders: ${largest}.${hint}`;
}
