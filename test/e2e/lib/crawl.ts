/**
 * Link crawler over a served build: starts at the site root and at every HTML page of the build,
 * follows every same-origin `href`/`src`, and checks that each one answers 200 and that each
 * `#anchor` names an element id (or `<a name>`) on the target page, and that no page uses an id twice.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { scanTags } from './html.ts';

export interface LinkProblem {
  /** Page the link is on (path under the origin). */
  from: string;
  /** The attribute as written. */
  href: string;
  problem: string;
}

export interface CrawlReport {
  /** HTML pages fetched (paths). */
  pages: string[];
  /** Internal links checked (count of distinct from→href pairs). */
  links: number;
  anchors: number;
  external: string[];
  problems: LinkProblem[];
  /** HTML pages of the build that no link reaches (paths). */
  unreachable: string[];
}

/** Every .html file of a build folder, as URL paths under `base` (`dir/index.html` → `base + dir/`). */
export function builtPages(dir: string, base: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dir, path).split(sep).join('/');
        out.push(base + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel));
      }
    }
  };
  walk(dir);
  return out;
}

interface Fetched {
  status: number;
  html: boolean;
  ids: Set<string>;
  /** Ids used by more than one element. */
  duplicateIds: string[];
  refs: { attr: string; value: string }[];
}

async function fetchPage(url: string): Promise<Fetched> {
  const res = await fetch(url, { redirect: 'manual' });
  const type = res.headers.get('content-type') ?? '';
  const html = type.startsWith('text/html');
  if (!html || res.status !== 200) {
    await res.body?.cancel();
    return { status: res.status, html, ids: new Set(), duplicateIds: [], refs: [] };
  }
  const ids = new Set<string>();
  const duplicateIds = new Set<string>();
  const refs: { attr: string; value: string }[] = [];
  for (const tag of scanTags(await res.text())) {
    const id = tag.attrs.get('id');
    if (id !== undefined) {
      if (ids.has(id)) duplicateIds.add(id);
      ids.add(id);
    }
    if (tag.name === 'a' && tag.attrs.has('name')) ids.add(tag.attrs.get('name') ?? '');
    for (const attr of ['href', 'src', 'action', 'poster', 'data']) {
      const value = tag.attrs.get(attr);
      if (value !== undefined) refs.push({ attr: `${tag.name}[${attr}]`, value });
    }
  }
  return { status: res.status, html, ids, duplicateIds: [...duplicateIds], refs };
}

/** Crawls the site served at `origin` under `base`, whose build is in `dir`. */
export async function crawlSite(options: { origin: string; base: string; dir: string; concurrency?: number }): Promise<CrawlReport> {
  const { origin, base } = options;
  const cache = new Map<string, Promise<Fetched>>();
  const get = (path: string): Promise<Fetched> => {
    let hit = cache.get(path);
    if (hit === undefined) {
      hit = fetchPage(origin + path);
      cache.set(path, hit);
    }
    return hit;
  };
  const problems: LinkProblem[] = [];
  const external = new Set<string>();
  const reached = new Set<string>([base]);
  const crawled = new Set<string>();
  const checked = new Set<string>();
  let anchors = 0;
  const queue: string[] = [base, ...builtPages(options.dir, base)];

  const visit = async (page: string): Promise<void> => {
    const here = await get(page);
    if (here.status !== 200) {
      if (page !== `${base}404.html`) problems.push({ from: page, href: page, problem: `page answers ${here.status}` });
      return;
    }
    for (const id of here.duplicateIds)
      problems.push({
        from: page,
        href: `#${id}`,
        problem: `id "${id}" is used by more than one element (anchors and aria references to it are ambiguous)`,
      });
    for (const ref of here.refs) {
      const key = `${page}\u0000${ref.value}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const value = ref.value.trim();
      if (value === '' || value === '#') continue;
      let url: URL;
      try {
        url = new URL(value, origin + page);
      } catch {
        problems.push({ from: page, href: ref.value, problem: `${ref.attr}: not a URL` });
        continue;
      }
      if (url.origin !== origin) {
        external.add(url.href);
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        problems.push({ from: page, href: ref.value, problem: `${ref.attr}: points outside the base path ${base} (${url.pathname})` });
        continue;
      }
      const target = url.pathname;
      const there = await get(target);
      if (there.status !== 200) {
        problems.push({ from: page, href: ref.value, problem: `${ref.attr}: ${target} answers ${there.status}` });
        continue;
      }
      if (there.html && target !== page && ref.attr.endsWith('[href]')) reached.add(target);
      if (there.html && !crawled.has(target)) queue.push(target);
      if (url.hash.length > 1) {
        anchors += 1;
        let id: string;
        try {
          id = decodeURIComponent(url.hash.slice(1));
        } catch {
          id = url.hash.slice(1);
        }
        if (!there.html) problems.push({ from: page, href: ref.value, problem: `${ref.attr}: anchor #${id} on a non-HTML resource` });
        else if (!there.ids.has(id))
          problems.push({ from: page, href: ref.value, problem: `${ref.attr}: no element with id "${id}" on ${target}` });
      }
    }
  };

  const workers = Array.from({ length: options.concurrency ?? 6 }, async () => {
    for (;;) {
      const page = queue.shift();
      if (page === undefined) {
        // Others may still add pages; wait for in-flight fetches to settle.
        await Promise.all(cache.values());
        if (queue.length === 0) return;
        continue;
      }
      if (crawled.has(page)) continue;
      crawled.add(page);
      await visit(page);
    }
  });
  await Promise.all(workers);
  const pages = [...crawled].sort();
  const unreachable = builtPages(options.dir, base).filter((p) => !reached.has(p));
  return { pages, links: checked.size, anchors, external: [...external].sort(), problems, unreachable };
}

/** Human-readable list of problems, one per line. */
export function formatProblems(problems: readonly LinkProblem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `  on ${p.from}: ${p.href} — ${p.problem}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join('\n');
}
