/**
 * Checks that need every record at once: duplicate ids, parent cycles, lineage ids that do not exist;
 * and baseline rows labelled with another record's id, linked to it.
 */

import type { Experiment } from '../schema/index.ts';
import * as msg from '../ingest/messages.ts';
import { closestMatch } from '../ingest/text.ts';
import type { Diagnostic, SourcePosition } from '../ingest/types.ts';

/** A validated record with what the collection checks need to point at it. */
export interface CheckedRecord {
  record: Experiment;
  file: string;
  /** Where a dotted field path is written in `file` (undefined when unknown). */
  positionOf: (path: readonly (string | number)[]) => SourcePosition | undefined;
}

/** Where a file gives an id (a record refused for other errors still takes part in the duplicate check). */
export interface IdUse {
  id: string;
  file: string;
  position?: SourcePosition | undefined;
}

/**
 * Runs the collection checks over records in file order. Returns the records to keep (the first of
 * each id) and the diagnostics: `duplicate-id` and `parent-cycle` errors, `unknown-parent` and
 * `unknown-related` warnings with the closest existing id suggested, and `id-case-collision` and
 * `id-windows-reserved` warnings for ids whose pages would collide or fail on macOS or Windows.
 * `idUses` (default: the records' ids) lists every id given, in file order, refused files included,
 * so that a duplicate id is reported when one of its two files is refused for another error.
 */
export function checkCollection<T extends CheckedRecord>(
  entries: readonly T[],
  idUses: readonly IdUse[] = entries.map((entry) => ({ id: entry.record.id, file: entry.file, position: entry.positionOf(['id']) })),
): { kept: T[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = duplicateIds(idUses);
  const byId = new Map<string, T>();
  for (const entry of entries) if (!byId.has(entry.record.id)) byId.set(entry.record.id, entry);
  const kept = [...byId.values()];
  const refused = new Map(idUses.filter((use) => !byId.has(use.id)).map((use) => [use.id, use.file]));
  const ids = [...byId.keys()].sort(compareIds);

  // Ids become folder names (experiments/<id>/): they must stay distinct on every file system.
  const byFolded = new Map<string, T>();
  for (const entry of kept) {
    const id = entry.record.id;
    const folded = id.toLowerCase();
    const first = byFolded.get(folded);
    if (first !== undefined) {
      diagnostics.push(idWarning(entry, 'id-case-collision', msg.idDiffersInCase(id, first.record.id, first.file), msg.hintIdCase()));
    } else byFolded.set(folded, entry);
    if (isWindowsReserved(id)) diagnostics.push(idWarning(entry, 'id-windows-reserved', msg.idWindowsReserved(id), msg.hintIdWindows()));
  }

  for (const entry of kept) {
    const lineage = entry.record.lineage;
    const parent = lineage?.parent;
    // Each unknown id is warned about; the first few get the closest existing id suggested (each
    // suggestion compares the id with every record's: a record naming a thousand would cost minutes).
    let suggestions = SUGGESTIONS_PER_RECORD;
    const suggest = (): readonly string[] => (suggestions-- > 0 ? ids : []);
    // An id given by a file refused for its errors: that file is named, not a spelling suggested.
    const refusedFile = (id: string): string | undefined => (byId.has(id) ? undefined : refused.get(id));
    if (parent !== undefined && !byId.has(parent)) {
      const file = refusedFile(parent);
      diagnostics.push(
        unknownId(entry, ['lineage', 'parent'], msg.unknownParent(parent, file), 'unknown-parent', parent, file === undefined ? suggest() : []),
      );
    }
    (lineage?.related ?? []).forEach((related, index) => {
      if (!byId.has(related)) {
        const file = refusedFile(related);
        diagnostics.push(
          unknownId(entry, ['lineage', 'related', index], msg.unknownRelated(related, file), 'unknown-related', related, file === undefined ? suggest() : []),
        );
      }
    });
  }

  for (const entry of kept) linkBaselines(entry.record, byId);

  for (const cycle of findParentCycles(kept.map((entry) => [entry.record.id, entry.record.lineage?.parent]))) {
    const entry = byId.get(cycle[0] ?? '');
    if (!entry) continue;
    diagnostics.push({
      level: 'error',
      code: 'parent-cycle',
      file: entry.file,
      ...entry.positionOf(['lineage', 'parent']),
      path: 'lineage.parent',
      message: msg.parentCycle([...cycle, cycle[0] ?? '']),
      hint: msg.hintBreakCycle(),
    });
  }
  return { kept, diagnostics };
}

/**
 * The id a baseline row's label names when it is written as one: the whole label (`cv-vits16-002`),
 * without an aside after it (`fraud-gbm-038 (prod)`), or a Markdown link's text
 * (`[ir-bge-ft-006](../ir-bge-ft-006/)`), bold or not.
 */
function labelId(label: string): { id: string; text: string } | undefined {
  const bare = label.replace(/^\*\*(.*)\*\*$|^__(.*)__$/, '$1$2').trim();
  const link = /^\[([^\]]+)\]\([^)]*\)$/.exec(bare);
  const text = link?.[1]?.trim() ?? bare;
  const id = text.replace(/\s*\([^()]*\)$/, '').trim();
  return id === '' || /\s/.test(id) ? undefined : { id, text: link === null ? label : text };
}

/**
 * A baseline row labelled with the id of another record (and no `experimentId`) refers to that
 * record: its change is computed against that record's own test metrics, and its label links it. A
 * label written as a Markdown link to it shows the link's text. Mutates `record`.
 */
function linkBaselines(record: Experiment, byId: ReadonlyMap<string, unknown>): void {
  for (const row of record.comparison?.baselines ?? []) {
    if (row.experimentId !== undefined || row.current === true) continue;
    const named = labelId(row.label);
    if (named === undefined || named.id === record.id || !byId.has(named.id)) continue;
    row.experimentId = named.id;
    row.label = named.text;
  }
}

/** How many unknown lineage ids of one record get the closest existing id suggested. */
const SUGGESTIONS_PER_RECORD = 10;

/** A `duplicate-id` error on each later file that gives an id an earlier file gave. */
function duplicateIds(uses: readonly IdUse[]): Diagnostic[] {
  const first = new Map<string, IdUse>();
  const diagnostics: Diagnostic[] = [];
  for (const use of uses) {
    const before = first.get(use.id);
    if (before === undefined) {
      first.set(use.id, use);
      continue;
    }
    diagnostics.push({
      level: 'error',
      code: 'duplicate-id',
      file: use.file,
      ...use.position,
      path: 'id',
      message: msg.duplicateId(use.id, before.file),
      hint: msg.hintUniqueId(),
    });
  }
  return diagnostics;
}

/** A warning about an id, at the record's id. */
function idWarning(entry: CheckedRecord, code: string, message: string, hint: string): Diagnostic {
  return { level: 'warning', code, file: entry.file, ...entry.positionOf(['id']), path: 'id', message, hint };
}

/**
 * True for a name Windows cannot use for a file or folder: CON, PRN, AUX, NUL, COM0–9 and LPT0–9
 * (in any case, with or without an extension, like `nul.v2`), or a name ending in `.` (Windows drops it).
 */
export function isWindowsReserved(name: string): boolean {
  return /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i.test(name) || name.endsWith('.');
}

/** Code-unit order, so sorting does not depend on the machine's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unknownId(entry: CheckedRecord, path: (string | number)[], message: string, code: string, id: string, ids: readonly string[]): Diagnostic {
  // A record is never its own parent's suggestion; an id that shares little with the one written is
  // no suggestion either (`credit-lr-5` for `asr-whisper-09`): a typo is a few characters off.
  const own = entry.record.id;
  const suggestion = closestMatch(
    id,
    ids.filter((other) => other !== own),
    Math.max(3, Math.floor(id.length / 3)),
  );
  return {
    level: 'warning',
    code,
    file: entry.file,
    ...entry.positionOf(path),
    path: path.join('.'),
    message,
    ...(suggestion ? { hint: msg.hintClosestId(suggestion) } : {}),
  };
}

/**
 * Every cycle in a child → parent map, each listed once, in parent order, starting at its smallest id
 * (`[["b", "c"], ["c", "a"], ["a", "b"]]` → `[["a", "b", "c"]]`). A record that is its own parent is a cycle of one.
 */
export function findParentCycles(pairs: readonly (readonly [string, string | undefined])[]): string[][] {
  const parentOf = new Map(pairs);
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const [start] of [...pairs].sort(([a], [b]) => compareIds(a, b))) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current) && parentOf.has(current)) {
      const seen = onPath.get(current);
      if (seen !== undefined) {
        const cycle = path.slice(seen);
        const smallest = cycle.reduce((min, id, index) => (compareIds(id, cycle[min] ?? id) < 0 ? index : min), 0);
        cycles.push([...cycle.slice(smallest), ...cycle.slice(0, smallest)]);
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = parentOf.get(current);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}
