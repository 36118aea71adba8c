import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent } from 'mdast';

/**
 * Narrative fields are Markdown. Raw HTML in them is shown as text (never parsed as HTML), images
 * become links (a page never loads a remote resource), and links keep only safe protocols.
 */
function htmlAsText() {
  return (tree: Root) => {
    const visit = (node: Root | RootContent): void => {
      if (!('children' in node)) return;
      node.children = node.children.map((child): RootContent => {
        if (child.type === 'html') return { type: 'text', value: child.value };
        // Narrative sits inside a section (h2): its own headings start at h3.
        if (child.type === 'heading') return { ...child, depth: Math.min(6, child.depth + 2) as 3 | 4 | 5 | 6 };
        if (child.type === 'image') {
          return { type: 'link', url: child.url, children: [{ type: 'text', value: child.alt || child.url }] };
        }
        return child;
      });
      node.children.forEach(visit);
    };
    visit(tree);
  };
}

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https'] },
  clobberPrefix: 'md-',
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(htmlAsText)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

const cache = new Map<string, string>();

/** Renders Markdown to sanitized HTML. */
export function renderMarkdown(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  const html = String(processor.processSync(markdown)).trim();
  cache.set(markdown, html);
  return html;
}

/** Renders a one-line Markdown value without the wrapping paragraph. */
export function renderInlineMarkdown(markdown: string): string {
  return renderMarkdown(markdown).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
