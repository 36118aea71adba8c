/**
 * What the benchmark measures in a built site, as pure functions over file text (the script does
 * the file I/O): the JavaScript an experiment page loads up front and the chunks it loads lazily,
 * the median of a list, and the report table.
 */

/** A page's scripts: the module files it loads before any interaction, and inline module code. */
export interface PageScripts {
  /** `src` of each `<script type="module" src>`, as written. */
  srcs: string[];
  /** Text of each inline `<script type="module">`. */
  inline: string[];
}

/** The module scripts of an HTML page (JSON data scripts and other types are not code). */
export function pageScripts(html: string): PageScripts {
  const srcs: string[] = [];
  const inline: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = match[1] ?? '';
    if (!/\btype=["']?module\b/.test(attrs)) continue;
    const src = /\bsrc=["']([^"']+)["']/.exec(attrs)?.[1];
    if (src !== undefined) srcs.push(src);
    else inline.push(match[2] ?? '');
  }
  return { srcs, inline };
}

/** Relative module specifiers a JS chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*(["'`])(\.{1,2}\/[^"'`\s]+?\.m?js)\1/g)) out.add(m[2] as string);
  return [...out];
}

/** Relative module specifiers a JS chunk imports dynamically (`import("./x.js")`). */
export function dynamicImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/\bimport\(\s*(["'`])(\.{1,2}\/[^"'`\s]+?\.m?js)\1\s*\)/g)) out.add(m[2] as string);
  return [...out];
}

/** Joins a relative specifier to the path of the module that imports it (both site-absolute, `/…`). */
export function resolveSpecifier(from: string, specifier: string): string {
  if (specifier.startsWith('/')) return specifier;
  const parts = from.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/** The JavaScript of a page, split into what loads up front and what loads on demand. */
export interface ScriptGraph {
  /** Site paths of the module files loaded before any interaction (entry scripts and their static imports). */
  initial: string[];
  /** Site paths of the modules loaded on demand (dynamic imports and their static imports, minus `initial`). */
  lazy: string[];
}

/**
 * Follows a page's module scripts through their static imports (initial) and dynamic imports
 * (lazy). `read` returns a module's code by site path, or undefined when it is not in the build.
 */
export function scriptGraph(page: PageScripts, read: (path: string) => string | undefined): ScriptGraph {
  const closure = (roots: readonly string[], skip: ReadonlySet<string>): { files: string[]; dynamic: string[] } => {
    const seen = new Set<string>();
    const dynamic: string[] = [];
    const stack = roots.filter((r) => !skip.has(r));
    while (stack.length > 0) {
      const path = stack.pop() as string;
      if (seen.has(path) || skip.has(path)) continue;
      const code = read(path);
      if (code === undefined) continue;
      seen.add(path);
      for (const s of staticImports(code)) stack.push(resolveSpecifier(path, s));
      for (const s of dynamicImports(code)) dynamic.push(resolveSpecifier(path, s));
    }
    return { files: [...seen].sort(), dynamic };
  };
  const inlineDynamic = page.inline.flatMap((code) => [
    ...staticImports(code).map((s) => resolveSpecifier('/', s)),
    ...dynamicImports(code).map((s) => resolveSpecifier('/', s)),
  ]);
  const initial = closure(page.srcs, new Set());
  const initialSet = new Set(initial.files);
  const lazy = closure([...initial.dynamic, ...inlineDynamic], initialSet);
  return { initial: initial.files, lazy: lazy.files };
}

/** The median of a list of numbers (the lower middle for an even count); 0 for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/** A two-column text table: label, value; labels padded to one width. */
export function formatTable(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
