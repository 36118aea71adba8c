/**
 * Just enough HTML reading for the link crawler: the start tags of a page with their attributes
 * (entities decoded), skipping comments and the contents of <script>, <style> and <template>.
 * Astro writes well-formed HTML with quoted attributes, which is all this has to understand.
 */

export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes character references in an attribute value. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = /<(script|style|template|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every start tag of `html`, in document order (the <script>/<style> tags themselves included). */
export function scanTags(html: string): Tag[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(RAW_TEXT, (whole) => whole.slice(0, whole.indexOf('>') + 1));
  const tags: Tag[] = [];
  for (const match of text.matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const a of (match[2] ?? '').matchAll(ATTR)) {
      const name = (a[1] ?? '').toLowerCase();
      if (!attrs.has(name)) attrs.set(name, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attrs });
  }
  return tags;
}
