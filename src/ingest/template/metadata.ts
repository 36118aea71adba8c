/**
 * The "Experiment Metadata" section and the template's footer: completion date, status, tracker
 * runs, tags, reviewer notes, template version. These labels are recognised in every section, after
 * the section's own rules and the header's.
 */

import { splitKeyValue, stripEmphasis } from '../markdown-blocks.ts';
import { bracketed, isPlaceholder } from '../placeholder.ts';
import type { Handler, LabelRule } from './context.ts';
import { keyValueItems, textRule } from './fields.ts';
import { writtenDate } from '../dates.ts';
import { statusKeptAsNote, statusFromWords, statusWithAside, statusWithDate } from '../status.ts';
import { bareTag, tagsOfText } from '../tags.ts';

/** A status written in any case or in other words (`Completed`, `Done`, `In progress`, `Canceled`) → the record's status. */
function readStatus(text: string): string {
  return statusFromWords(stripEmphasis(text)) ?? stripEmphasis(text);
}

/** The status (see `readStatus`); an aside after it (`completed (early stopped)`) is kept as `statusNote`. */
const statusHandler: Handler = (entry, ctx) => {
  const read = isPlaceholder(entry.value) ? undefined : statusWithAside(stripEmphasis(entry.value));
  // `Completed on 2026-11-20.`: the status, and the day it ended (a run that has not ended keeps it as a note).
  const dated = read === undefined && !isPlaceholder(entry.value) ? statusWithDate(stripEmphasis(entry.value)) : undefined;
  if (dated !== undefined) {
    ctx.b.set(['status'], dated.status, entry.position);
    if (dated.completionDate !== undefined && !ctx.b.has(['completionDate']))
      ctx.b.set(['completionDate'], dated.completionDate, entry.position);
    if (dated.note !== undefined) ctx.b.set(['statusNote'], dated.note, entry.position);
    return;
  }
  // `Paused`, `On hold`: running (it has not ended), the words kept as its note.
  const paused = read === undefined && !isPlaceholder(entry.value) ? statusKeptAsNote(stripEmphasis(entry.value)) : undefined;
  if (paused !== undefined) {
    ctx.b.set(['status'], paused.status, entry.position);
    ctx.b.set(['statusNote'], paused.note, entry.position);
    return;
  }
  if (read === undefined) {
    ctx.b.text(['status'], entry.value, entry.position, readStatus);
    return;
  }
  ctx.b.set(['status'], read.status, entry.position);
  ctx.b.set(['statusNote'], read.note, entry.position);
};

/** A tag as written: `use_case: fraud` or `use_case=fraud`; undefined for a bare tag (`vision`). */
function splitTag(text: string): { key: string; value: string } | undefined {
  const equals = /^([^=:\s][^=:]*?)\s*=\s*(.*)$/.exec(text);
  return equals?.[1] !== undefined ? { key: equals[1], value: (equals[2] ?? '').trim() } : splitKeyValue(text);
}

/** `Key: value` (or `key=value`) tags list → `tags`. */
const tagsHandler: Handler = (entry, ctx) => {
  for (const listed of keyValueItems(entry, ctx)) {
    const split = listed.key === '' ? splitTag(listed.value) : undefined;
    const item = split ? { ...listed, ...split } : listed;
    const key = item.key === '' ? bareTag(item.value) : item.key;
    if (key === '') continue;
    if (item.key === '') {
      if (isPlaceholder(item.value)) ctx.b.placeholder(['tags', item.index], item.position);
      else ctx.b.set(['tags', key], '', item.position);
    } else ctx.b.text(['tags', key], item.value, item.position);
  }
  if (entry.value !== '' && !isPlaceholder(entry.value)) {
    // `Tags: [nlp, bert]` as a list is written in YAML or Python: the brackets hold the list.
    for (const tag of tagsOfText(bracketed(entry.value) ?? entry.value)) {
      const split = splitTag(tag);
      ctx.b.set(['tags', split?.key ?? tag], split?.value ?? '', entry.position);
    }
  } else if (isPlaceholder(entry.value)) ctx.b.placeholder(['tags'], entry.position);
};

/** The metadata's labels, in order: the first match wins. */
export const METADATA_RULES: readonly LabelRule[] = [
  textRule(/completion date|completed( on)?$|end date|date completed|finished( on)?$/, ['completionDate'], writtenDate),
  { pattern: /^status$/, path: ['status'], handler: statusHandler },
  textRule(/template version/, ['templateVersion']),
  textRule(/^based on/, ['basedOn']),
  // `Reviewer Notes`, `Review comments`, `Notes for reviewers`, `Reviewed by`; not a sentence about
  // reviewers (`Context for reviewers: …` is the section's own text).
  textRule(/^(?:reviewers?|review)(?: notes?| comments?| feedback)?$|^notes? (?:for|to) reviewers?$|^reviewed(?: by)?$/, ['reviewerNotes']),
  textRule(/mlflow.*(url|link)/, ['trackers', 'mlflowUrl']),
  textRule(/mlflow/, ['trackers', 'mlflowRunId']),
  textRule(/weights and biases|\bw and b\b|wandb/, ['trackers', 'wandbRun']),
  textRule(/neptune/, ['trackers', 'neptuneRun']),
  textRule(/comet/, ['trackers', 'cometExperiment']),
  { pattern: /^tags?$|^labels$/, path: ['tags'], handler: tagsHandler },
];
