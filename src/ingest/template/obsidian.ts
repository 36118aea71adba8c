/**
 * What an Obsidian note writes that plain Markdown does not, as the template's Markdown says it:
 *   - Dataview's inline fields, `status:: completed` → `status:  completed` (a label and its value);
 *   - wiki links, `[[ner-deb-027]]`, `[[ner-deb-027#Results]]`, `[[ner-deb-027|the parent]]` → the note they name;
 *   - callouts, `> [!success] Results` over `> | Metric | Value |` → `**Results**:` over the table, so
 *     what a callout holds is read as if written without it.
 * Each line keeps its length (the rewritten text is padded with spaces), so every line:column the
 * parser records is where the value is written — but for a wiki link, written as its name alone (so
 * a value holding one reads as written), which moves what follows it on its line to the left.
 * Fenced code is left as it is (`array([[1, 2]])`).
 */

/** `key:: value` at the start of a line or of a list item (Dataview's inline field). */
const INLINE_FIELD = /^(\s*(?:[-*+]\s+)?)([A-Za-z][\w ./()-]{0,60}?)::(?=\s)/;
/** `[[target]]`, `[[target#heading]]` or `[[target|alias]]`: a note's name, not a nested array (no commas, not only digits). */
const WIKI_LINK = /\[\[(?![\d\s.,-]*(?:[|#]|\]\]))([^[\]|#\n,]{1,200})(?:#[^[\]|\n]{0,200})?(?:\|[^[\]\n]{0,200})?\]\]/g;
/** The first line of a callout: `> [!type] Title`, `> [!type]- Title` (folded). */
const CALLOUT = /^\s{0,3}>\s?\[!([\w-]+)\][+-]?[ \t]*(.*)$/;
/** A fence opening or closing a code block. */
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** `text` padded with spaces to `length` (never cut). */
const padTo = (text: string, length: number): string => text + ' '.repeat(Math.max(0, length - text.length));

/** Whether the text holds anything this rewrites: most notes do not, and are returned as they are. */
function mayBeObsidian(text: string): boolean {
  return text.includes('::') || text.includes('[[') || text.includes('[!');
}

/** The note with Obsidian's inline fields, wiki links and callouts written as plain Markdown (see above). */
export function obsidianMarkdown(text: string): string {
  if (!mayBeObsidian(text)) return text;
  const lines = text.split('\n');
  let fence: string | undefined;
  let inCallout = false;
  return lines
    .map((line) => {
      const fenceMark = FENCE.exec(line)?.[1];
      if (fence !== undefined) {
        if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
        return line;
      }
      if (fenceMark !== undefined) {
        fence = fenceMark;
        inCallout = false;
        return line;
      }
      let out = line;
      const callout = CALLOUT.exec(out);
      if (callout !== null) {
        inCallout = true;
        const title = (callout[2] ?? '').trim();
        out = padTo(title === '' ? '' : `**${title}**:`, out.length);
      } else if (inCallout && /^\s{0,3}>/.test(out)) out = out.replace(/^(\s{0,3})>/, '$1 ');
      else inCallout = false;
      out = out.replace(INLINE_FIELD, (_all, lead: string, key: string) => `${lead}${key}: `);
      return out.replace(WIKI_LINK, (_all, target: string) => target.trim());
    })
    .join('\n');
}
