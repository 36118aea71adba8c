import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { decodeEntities, htmlTableNode, readHtmlTable } from '../util/html-table.ts';
import { LIMITS, longestMarkdownParagraph } from '../ingest/limits.ts';
import { slugify } from '../util/slug.ts';

/**
 * Narrative fields are Markdown. Raw HTML in them is shown as text (never parsed as HTML) — a
 * table of plain text (`readHtmlTable`) as a table of that text —, images
 * become links — inline (`![a](url)`) and by reference (`![a][ref]` with `[ref]: url`) alike — so a
 * page never loads a remote resource, and links keep only safe protocols.
 */
function htmlAsText() {
  return (tree: Root) => {
    const shift = 3 - shallowestHeading(tree);
    const visit = (node: Root | RootContent): void => {
      if (!('children' in node)) return;
      node.children = node.children.flatMap((child): RootContent[] => {
        if (child.type === 'html') {
          // `<details><summary>Label</summary>` … `</details>` (GitHub's disclosure): the label in bold,
          // what it holds shown as it is, the tags dropped.
          const disclosure = DISCLOSURE.exec(child.value);
          if (disclosure !== null && /<\/?(?:details|summary)\b/i.test(child.value)) {
            const label = decodeEntities(disclosure[1] ?? '').trim();
            if (label === '') return [];
            const strong: RootContent = { type: 'strong', children: [{ type: 'text', value: label }] };
            return [PHRASING_PARENTS.has(node.type) ? strong : { type: 'paragraph', children: [strong] as never }];
          }
          // A table of text (a pasted DataFrame) is shown as the table it is: only its text is kept.
          const table = readHtmlTable(child.value);
          return [table === undefined ? { type: 'text', value: child.value } : htmlTableNode(table)];
        }
        // Narrative sits inside a section (h2): its own headings start at h3, each kept below the one
        // it was written under (`###` in a log's `## Ablations` is an h3, not an h5).
        if (child.type === 'heading') return [{ ...child, depth: Math.min(6, child.depth + shift) as 3 | 4 | 5 | 6 }];
        if (child.type === 'image') {
          return [{ type: 'link', url: child.url, children: [{ type: 'text', value: child.alt || child.url }] }];
        }
        if (child.type === 'imageReference') {
          const { identifier, label, referenceType } = child;
          return [
            {
              type: 'linkReference',
              identifier,
              label,
              referenceType,
              children: [{ type: 'text', value: child.alt || label || identifier }],
            },
          ];
        }
        return [child];
      });
      node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** The depth of a text's highest heading (`##` → 2), 1 when it has none. */
function shallowestHeading(tree: Root): number {
  let depth = 6;
  let found = false;
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'heading') {
      depth = Math.min(depth, node.depth);
      found = true;
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return found ? depth : 1;
}

/**
 * A footnote definition nothing in the same text refers to (`[^1]: H. Kervadec et al., …` at the end of
 * a log whose `[^1]` is in a field) is dropped by GFM's renderer: it is shown as the paragraph it was
 * written as, `[^1]: …`, so the marker in the field still leads to it.
 */
function orphanFootnotes() {
  return (tree: Root) => {
    const referenced = new Set<string>();
    const collect = (node: Root | RootContent): void => {
      if (node.type === 'footnoteReference') referenced.add(node.identifier);
      if ('children' in node) node.children.forEach(collect);
    };
    collect(tree);
    const visit = (node: Root | RootContent): void => {
      if (!('children' in node)) return;
      node.children = node.children.flatMap((child): RootContent[] => {
        if (child.type !== 'footnoteDefinition' || referenced.has(child.identifier)) return [child];
        const marker: RootContent = { type: 'text', value: `[^${child.label ?? child.identifier}]: ` };
        const [first, ...rest] = child.children;
        return first?.type === 'paragraph'
          ? [{ ...first, children: [marker, ...first.children] }, ...rest]
          : [{ type: 'paragraph', children: [marker] }, ...child.children];
      });
      node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** A short, stable name for a text (FNV-1a, base 36): what tells one text's footnotes from another's. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * A footnote's links (`#user-content-fn-1` and back) point at ids the sanitizer prefixed with its
 * clobber prefix (`md-user-content-fn-1`), and every text's footnotes get the same ids (`fn-1`,
 * `footnote-label`), so two texts on one page with footnotes would share them. The ids, the links
 * and `aria-describedby` get one prefix per text (`md-<hash of the text>-`).
 */
function footnoteLinks() {
  return (tree: HastRoot, file: { value: unknown }) => {
    const prefix = `md-${textHash(String(file.value))}-`;
    const rename = (id: string): string =>
      id === 'md-footnote-label'
        ? `${prefix}footnote-label`
        : id.startsWith('md-user-content-')
          ? prefix + id.slice('md-user-content-'.length)
          : id;
    const visit = (node: HastRoot | HastRoot['children'][number]): void => {
      if (node.type === 'element') {
        const { id, href, ariaDescribedBy } = node.properties;
        if (typeof id === 'string') node.properties['id'] = rename(id);
        if (typeof href === 'string' && href.startsWith('#user-content-'))
          node.properties['href'] = `#${prefix}${href.slice('#user-content-'.length)}`;
        if (Array.isArray(ariaDescribedBy)) node.properties['ariaDescribedBy'] = ariaDescribedBy.map((v) => rename(String(v)));
      }
      if ('children' in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** HTML that is only a disclosure's tags: `<details>`, `<summary>Label</summary>` (group 1), `</details>`, alone or together. */
const DISCLOSURE = /^\s*(?:<details(?:\s[^<>]*)?>\s*)?(?:<summary(?:\s[^<>]*)?>([^<>]*)<\/summary>\s*)?(?:<\/details>\s*)?$/i;

/** Nodes whose children are text, not blocks. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/** Elements that load something when a page is shown: never in rendered Markdown, whatever produced them. */
const LOADING = new Set(['img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed', 'image']);

const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !LOADING.has(tag)),
  // s3:// and gs:// open nothing in a browser: they are shown as copyable text, not links.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https'], src: [] },
  clobberPrefix: 'md-',
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(htmlAsText)
  .use(orphanFootnotes)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(footnoteLinks)
  .use(rehypeStringify);

const cache = new Map<string, string>();

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML, attributes included. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The text itself, escaped, line breaks kept: what a Markdown value shows when it cannot be rendered. */
function plainText(markdown: string): string {
  const escaped = escapeHtml(markdown.trim());
  return `<p>${escaped.replace(/\n/g, '<br>')}</p>`;
}

/**
 * One line of prose with nothing Markdown, GFM or HTML reads specially: it starts with a letter (no
 * list marker or heading), has single spaces only (no code block, no hard break), no emphasis, code,
 * link, HTML or escape characters, and no autolink (`www.`, `://`; `@` is not allowed).
 */
const PLAIN_PROSE = /^[A-Za-z](?:[A-Za-z0-9\u00C0-\u024F,.;:()%'?"/+=#-]| (?=[^ ]))*$/;

/** True when `markdown` renders as itself in one paragraph (see `PLAIN_PROSE`). */
export function isPlainProse(markdown: string): boolean {
  return PLAIN_PROSE.test(markdown) && !/www\.|:\/\//i.test(markdown);
}

/**
 * Renders Markdown to sanitized HTML. Markdown the parser cannot handle (nesting thousands of levels
 * deep overflows its stack) is shown as plain text instead: a page always builds.
 */
export function renderMarkdown(markdown: string): string {
  // Most narrative fields are a plain sentence: the same paragraph the processor would make, without
  // parsing it (a thousand pages have a few thousand such sentences).
  if (isPlainProse(markdown)) return `<p>${markdown}</p>`;
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  // Past the limits the validator holds Markdown fields to, parsing can take quadratic time (a long
  // paragraph of `*a_*a_…`); a text that reached here without them (a baseline's notes) is shown as written.
  if (markdown.length > LIMITS.markdownChars || longestMarkdownParagraph(markdown).chars > LIMITS.markdownParagraphChars) {
    const html = plainText(markdown);
    cache.set(markdown, html);
    return html;
  }
  let html: string;
  try {
    html = String(processor.processSync(markdown)).trim();
  } catch {
    html = plainText(markdown);
  }
  cache.set(markdown, html);
  return html;
}

/** Renders a one-line Markdown value without the wrapping paragraph. */
export function renderInlineMarkdown(markdown: string): string {
  return renderMarkdown(markdown).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/**
 * Gives the headings of rendered Markdown (`<h3>What the ablations say</h3>`) an id a link can name,
 * `<prefix>-<slug>` (`section-ablations-3-what-the-ablations-say`), and the anchor link section
 * headings have; `used` holds the page's ids so far, and a repeated one gets `-2`, `-3`.
 */
export function anchorHeadings(html: string, prefix: string, used: Set<string>): string {
  return html.replace(/<h([3-6])>([\s\S]*?)<\/h\1>/g, (_, level: string, inner: string) => {
    const base = `${prefix}-${slugify(decodeEntities(inner.replace(/<[^>]*>/g, '')))}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    // A heading holding a link keeps it; a link cannot hold another.
    const body = /<a\s/i.test(inner) ? inner : `<a class="anchor" href="#${id}">${inner}</a>`;
    return `<h${level} id="${id}">${body}</h${level}>`;
  });
}
