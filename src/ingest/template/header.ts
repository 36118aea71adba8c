/**
 * The header (everything above the first `##`): id, name, date, experimenter, tracking platform — and
 * the lineage, written in the overview as "Related Experiments". These labels are recognised in every
 * section, after the section's own rules.
 */

import { bracketed, isPlaceholder } from '../placeholder.ts';
import { toCamelCase } from '../text.ts';
import type { Handler, LabelRule } from './context.ts';
import { keyValueItems, textField, textRule } from './fields.ts';
import { writtenDate } from '../dates.ts';

/**
 * Ids in a `Related:` value: comma- or space-separated, Markdown links reduced to their text, wiki
 * links (`[[exp-041]]`, `[[exp-041|the baseline]]`, as Obsidian and Foam write them) to the page
 * they name, a bracketed list (`[exp-1, exp-2]`) to its items.
 */
export function readIds(text: string): string[] {
  const linked = text
    .replace(/\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]/g, (_all, id: string) => id.trim())
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return (bracketed(linked) ?? linked)
    .split(/[,;\s]+/)
    .map((id) => id.trim().replace(/^`|`$/g, ''))
    .filter((id) => id !== '' && !/^(none|n\/a|-)$/i.test(id));
}

/** `- Parent: exp-1` / `- Related: exp-2, exp-3` → `lineage`. */
const lineageHandler: Handler = (entry, ctx) => {
  for (const item of keyValueItems(entry, ctx)) {
    if (/parent/.test(item.norm)) ctx.b.text(['lineage', 'parent'], item.value, item.position, (t) => readIds(t)[0]);
    else if (/related|sibling|see also/.test(item.norm)) {
      if (isPlaceholder(item.value)) ctx.b.placeholder(['lineage', 'related'], item.position);
      else {
        const ids = readIds(item.value);
        if (ids.length > 0) ctx.b.set(['lineage', 'related'], ids, item.position);
      }
    } else if (item.key !== '') ctx.b.text(['lineage', toCamelCase(item.key)], item.value, item.position);
  }
};

/** The header's labels, in order: the first match wins. */
export const HEADER_RULES: readonly LabelRule[] = [
  textRule(/^(experiment )?id$|^experiment identifier$|^run id$/, ['id']),
  textRule(/^(experiment )?name$|^experiment title$/, ['name']),
  textRule(/^(start )?date$|^date started$|^started( on)?$|^created( on| at)?$|^date created$/, ['date'], writtenDate),
  textRule(/experimenter|^author|^owner|researcher/, ['experimenter']),
  textRule(/tracking platform|tracking tool|^tracker$|^platform$/, ['trackingPlatform']),
  { pattern: /related experiments?|lineage/, path: ['lineage'], handler: lineageHandler },
  // `Forked from: exp-12`, `Derived from:`: the run this one was made from (not `Fine-tuned from:`, which names a model).
  {
    pattern: /^parent|^(?:forked|derived|branched|continued) from$/,
    path: ['lineage', 'parent'],
    handler: textField(['lineage', 'parent'], (t) => readIds(t)[0]),
  },
];
