/**
 * A label line written right under a list, with no blank line between (`- Higher rank helped` then
 * `**What Didn't Work**:`), is a lazy continuation of the last item in CommonMark: the label and
 * everything after it would be read as part of that item. People write logs this way, so such a
 * list is split at the label: the label line and what follows are parsed again as blocks of their own.
 */
import type { Nodes, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A bold label at the start of a line: `**What Didn't Work**:` or `**What Didn't Work:**`. */
const LABEL_LINE = /^\*\*[^*\n]+(?:\*\*\s*:|:\*\*)/;
/** A line that starts a list item (`- `, `* `, `+ `, `1. `, `1) `). */
const ITEM_START = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/** The root blocks with every list that swallowed a label line split at that line. */
export function splitLazyLabels(text: string, blocks: readonly RootContent[]): RootContent[] {
  return blocks.flatMap((block) => (block.type === 'list' ? splitList(text, block) : [block]));
}

function splitList(text: string, list: RootContent): RootContent[] {
  const start = list.position?.start.offset;
  const end = list.position?.end.offset;
  if (start === undefined || end === undefined) return [list];
  const at = labelOffset(text, start, end);
  if (at === undefined) return [list];
  // Both parts parsed alone, their positions moved to where they are in the whole text; the second may split again.
  return [...parseRange(text, start, at), ...splitLazyLabels(text, parseRange(text, at, end))];
}

/** The offset of the first line inside `[start, end)` that is a label at column 1 and not a list item's own line. */
function labelOffset(text: string, start: number, end: number): number | undefined {
  let lineStart = text.indexOf('\n', start);
  while (lineStart !== -1 && lineStart + 1 < end) {
    const from = lineStart + 1;
    const next = text.indexOf('\n', from);
    const line = text.slice(from, next === -1 || next > end ? end : next);
    if (!ITEM_START.test(line) && LABEL_LINE.test(line)) return from;
    lineStart = next;
  }
  return undefined;
}

/** The blocks of `text.slice(from, to)` (which starts a line), with positions in the whole text. */
function parseRange(text: string, from: number, to: number): RootContent[] {
  const lineDelta = text.slice(0, from).split('\n').length - 1;
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text.slice(from, to));
  const shift = (node: Nodes): void => {
    const position = node.position;
    if (position !== undefined) {
      for (const point of [position.start, position.end]) {
        point.line += lineDelta;
        if (point.offset !== undefined) point.offset += from;
      }
    }
    if ('children' in node) for (const child of node.children) shift(child);
  };
  for (const child of tree.children) shift(child);
  return tree.children;
}
