/**
 * The header (everything above the first `##`): id, name, date, experimenter, tracking platform — and
 * the lineage, written in the overview as "Related Experiments". These labels are recognised in every
 * section, after the section's own rules.
 */

import { bracketed, isPlaceholder } from '../placeholder.ts';
import { toCamelCase } from '../text.ts';
import type { Context, Handler, LabelRule } from './context.ts';
import type { SourcePosition } from '../types.ts';
import { keyValueItems, textField, textRule } from './fields.ts';
import { blockOf } from './context.ts';
import { innerSliceOf, startOf } from '../markdown-blocks.ts';
import { writtenDate } from '../dates.ts';

/**
 * Ids in a `Related:` value: comma- or space-separated, Markdown links reduced to their text, wiki
 * links (`[[exp-041]]`, `[[exp-041|the baseline]]`, as Obsidian and Foam write them) to the page
 * they name, a bracketed list (`[exp-1, exp-2]`) to its items.
 */
export function readIds(text: string): string[] {
  const linked = withoutAsides(unlinked(text));
  return (bracketed(linked) ?? linked)
    .split(/[,;\s]+/)
    .map((id) => id.trim().replace(/^`|`$/g, ''))
    .filter((id) => id !== '' && !/^(none|n\/a|-)$/i.test(id));
}

/** The text without its asides: `exp-2 (LoRA r=64, abandoned), exp-3` → `exp-2 , exp-3`. */
function withoutAsides(text: string): string {
  return text.replace(/\s*\([^()]*\)/g, ' ');
}

/** Whether a text has an aside in brackets beside its ids (kept as the lineage note, not dropped). */
function hasAside(text: string): boolean {
  return /\([^()]*\)/.test(unlinked(text));
}

/**
 * The ids a label's line lists and nothing else (`exp-1, exp-2`, `[[exp-1]], [[exp-2]]`, with asides
 * in brackets); undefined for a sentence. An id has a digit or a separator: `see the baseline` names none.
 */
export function idList(text: string): string[] | undefined {
  const ids = readIds(text);
  return ids.length > 0 && ids.every((id) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) && /[\d_-]/.test(id)) ? ids : undefined;
}

/** Wiki links (`[[exp-041|the baseline]]`) reduced to the page they name, Markdown links to their text. */
function unlinked(text: string): string {
  return text.replace(/\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]/g, (_all, id: string) => id.trim()).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/**
 * The run a sentence says this one was made from: `Forked from img-cls-05 (same data)`, `Parent:
 * exp-12`, `Derived from [[exp-3]]`, `builds on exp-7`. Undefined when no such phrase names an id.
 */
export function parentInSentence(text: string): string | undefined {
  const match =
    /\b(?:(?:forked|derived|branched|continued|continues|cloned|copied|built|follows? up|fine-?tuned|retrained) (?:from|on)|builds on|based on|parent(?: experiment| run)?\s*(?::|is|=))\s*(\S+)/i.exec(
      unlinked(text),
    );
  const id = match?.[1] === undefined ? undefined : readIds(match[1].replace(/[.,;:)]+$/, ''))[0];
  // An id has a digit or a separator (`exp-12`, `run_3`, `v2`); `the baseline` or `a copy` names none.
  return id !== undefined && /[\d_-]/.test(id) ? id : undefined;
}

/** `- Parent: exp-1` / `- Related: exp-2, exp-3` → `lineage`; a sentence under the label (`Forked from exp-5 …`) → its parent and the sentence. */
const lineageHandler: Handler = (entry, ctx) => {
  const items = keyValueItems(entry, ctx);
  if (items.length === 0) {
    const paragraph = entry.value === '' ? blockOf(entry, ctx, 'paragraph') : undefined;
    const text = entry.value !== '' ? entry.value : paragraph === undefined ? '' : innerSliceOf(ctx.source, paragraph);
    const position = entry.value !== '' || paragraph === undefined ? entry.position : startOf(paragraph);
    if (text === '') return;
    const parent = parentInSentence(text);
    if (parent !== undefined && ctx.b.get(['lineage', 'parent']) === undefined) ctx.b.set(['lineage', 'parent'], parent, position);
    // `**Related Experiments**: exp-1, exp-2`: the related runs; a sentence is the note.
    const related = parent === undefined ? idList(text) : undefined;
    if (related !== undefined) ctx.b.set(['lineage', 'related'], related, position);
    if (related === undefined || hasAside(text)) addNote(ctx, text, position);
    return;
  }
  for (const item of items) {
    if (/parent/.test(item.norm)) {
      ctx.b.text(['lineage', 'parent'], item.value, item.position, (t) => readIds(t)[0]);
      if (hasAside(item.value) && !isPlaceholder(item.value)) addNote(ctx, `${item.key}: ${item.value}`, item.position);
    } else if (/related|sibling|see also/.test(item.norm)) {
      if (isPlaceholder(item.value)) ctx.b.placeholder(['lineage', 'related'], item.position);
      else {
        const ids = readIds(item.value);
        if (ids.length > 0) ctx.b.set(['lineage', 'related'], ids, item.position);
        if (hasAside(item.value)) addNote(ctx, `${item.key}: ${item.value}`, item.position);
      }
    } else if (item.key !== '') ctx.b.text(['lineage', toCamelCase(item.key)], item.value, item.position);
  }
};

/** Adds a line to the lineage note (the asides written beside ids are kept there, not dropped). */
function addNote(ctx: Context, text: string, position: SourcePosition): void {
  if (text.trim() !== '') ctx.b.addLine(['lineage', 'note'], text.trim(), position);
}

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
