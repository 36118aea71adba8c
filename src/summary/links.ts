/** Deep links from the summary into the deployed site: `<site>/experiments/<id>/#<section>`. */
import type { SectionId } from '../view/sections.ts';
import { experimentPath, joinBase } from '../view/urls.ts';
import type { Settings } from '../settings/index.ts';

export type { SectionId };

/** Parentheses and angle brackets would end a Markdown link destination early; percent-encode them. */
function linkSafe(url: string): string {
  return url.replace(/[()<>\s"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The site root normalized to end with `/`, or null when `text` is not an absolute http(s) URL. */
export function normalizeSiteUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.search = '';
  url.hash = '';
  const href = url.href;
  return linkSafe(href.endsWith('/') ? href : `${href}/`);
}

/**
 * The site root links start with: `--site` as given; else the `site` setting joined with the `base`
 * setting (as the build uses them); else `base` alone (host-relative); else '' (links relative to the
 * site root). `ignoredSite` is set when the `site` setting is not an http(s) URL. `--site` must already
 * be validated with `normalizeSiteUrl`.
 */
export function resolveSite(
  siteOption: string | undefined,
  settings: Pick<Settings, 'site' | 'base'>,
): { site: string; ignoredSite?: string } {
  if (siteOption !== undefined) return { site: normalizeSiteUrl(siteOption) ?? '' };
  const base = settings.base;
  const envSite = settings.site;
  if (envSite !== undefined) {
    const root = normalizeSiteUrl(envSite);
    if (root !== null) return { site: normalizeSiteUrl(joinBase(root.replace(/\/+$/, '') + '/', base.replace(/^\/+/, ''))) ?? root };
    const relative = base === '/' ? '' : linkSafe(encodeURI(joinBase(base.startsWith('/') ? base : `/${base}`, '')));
    return { site: relative, ignoredSite: envSite };
  }
  return { site: base === '/' ? '' : linkSafe(encodeURI(joinBase(base.startsWith('/') ? base : `/${base}`, ''))) };
}

/** Link to an experiment page, or to one of its sections. `site` is a root from `resolveSite` ('' for relative links). */
export function experimentUrl(site: string, id: string, section?: SectionId): string {
  return `${site}${experimentPath(id)}${section === undefined ? '' : `#${section}`}`;
}
