/**
 * Base-aware URLs. Every internal link goes through `joinBase`, so the site works under
 * `https://org.github.io/repo/` as well as at a domain root.
 */
import { distinctSlug, slugify } from '../util/slug.ts';

/** Joins the configured base (`/` or `/repo/`) with a site-relative path (`experiments/x/`). */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Page URL of an experiment, relative to the site root, with a trailing slash. */
export const experimentPath = (id: string): string => `experiments/${encodeURIComponent(id)}/`;
/**
 * URL of the comparison of `a` against `b`: its page, or on a site built without pages per pair
 * (`comparePages: false`) the in-browser compare page of the two.
 */
export const comparePath = (a: string, b: string, pagePerPair = true): string =>
  pagePerPair
    ? `compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}/`
    : `compare/?ids=${encodeURIComponent(a)},${encodeURIComponent(b)}`;
/** The key plain tags (`tags: [vision, mixup]`, read as `{ vision: '' }`) are listed under, as values. */
export const PLAIN_TAG_KEY = 'tag';

/** A record's tags as key and value pairs; a plain tag (no value) is a value of `PLAIN_TAG_KEY`: `tag: vision`. */
export function tagEntries(tags: Readonly<Record<string, string>> | undefined): [key: string, value: string][] {
  return Object.entries(tags ?? {}).map(([key, value]) => (value === '' ? [PLAIN_TAG_KEY, key] : [key, value]));
}

/** Page URL of a tag value: one page per distinct key and value (see `distinctSlug`). */
export const tagPath = (key: string, value: string): string => `tags/${distinctSlug(key)}/${distinctSlug(value)}/`;
/** Compiled chart specs (with data) of an experiment page, loaded when a chart is hydrated. */
export const chartShapePath = (shape: string): string => `charts/shapes/${encodeURIComponent(shape)}.json`;
/** API document of an experiment. */
export const apiPath = (id: string): string => `api/experiments/${encodeURIComponent(id)}.json`;

export { distinctSlug, slugify };

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The href to use for a URL written in a record, or `undefined` when it must be shown as text only.
 * Links render only for `http(s):` and relative URLs; `javascript:`, `data:` and the like never, and
 * storage locations (`s3://`, `gs://`, …) neither: a browser cannot open them (see `isStorageUri`).
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || /\s/.test(trimmed) || /["'<>`]/.test(trimmed)) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (!scheme) {
    // Relative: a path or a fragment, but not protocol-relative (`//host`), which leaves the site.
    return trimmed.startsWith('//') ? undefined : trimmed;
  }
  return SAFE_PROTOCOLS.has(scheme[0].toLowerCase()) ? trimmed : undefined;
}

/** Whether a string is a web URL worth linking (`http(s)://…`). */
export function isLinkLike(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

/**
 * Whether a string is a location a browser cannot open — `s3://`, `gs://`, `hdfs://`, `dbfs:/`,
 * `abfss://`, `file://` and other `scheme://` URIs besides http(s) — shown as copyable text.
 */
export function isStorageUri(text: string): boolean {
  const trimmed = text.trim();
  return /^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(trimmed) && !/^(https?|javascript|data|vbscript|mailto):/i.test(trimmed);
}
