/**
 * The filled-in ML Experiment Tracking Log template (v1.0) → raw record.
 *
 * The Markdown is parsed into mdast (remark-parse + remark-gfm), split into `##` sections
 * (`sections.ts`), and each section into labelled entries (`entries.ts`: `**Label**: value`, followed
 * by any list, table or code block). Each entry is read by the first label rule that matches it
 * (`rules.ts`: the section's own rules, one file per section, then the header's and the metadata's).
 * Sections and labels are matched leniently (case, punctuation, extra words). Unknown labels are kept
 * in their section under a camelCase key; unknown sections, and prose no label claims, are kept in
 * `sections` as Markdown, in order. Every value records the line:column it was read from.
 */

import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { finishRecord, isPlainObject, writtenDecimalsOf } from '../finish.ts';
import { createSource, blockMarkdown, innerSliceOf, startOf, stripEmphasis, withHtmlTables, withPipeTables } from '../markdown-blocks.ts';
import { RecordBuilder } from '../record-builder.ts';
import { isNotYetWrittenWithAside } from '../placeholder.ts';
import { normalizeLabel } from '../text.ts';
import * as msg from '../messages.ts';
import { joinPath, type Diagnostic, type FieldPath, type ParsedSource, type SourcePosition } from '../types.ts';
import type { Context, Entry } from './context.ts';
import { readEntries, type Prose } from './entries.ts';
import { applyEntry, findGlobalLabelRule, sectionLabels } from './rules.ts';
import { obsidianMarkdown } from './obsidian.ts';
import { splitLazyLabels } from './lazy-labels.ts';
import {
  classifySection,
  headingIsLabel,
  isShownMarkdown,
  notesSection,
  sectionMarkdown,
  splitSections,
  titleHeading,
} from './sections.ts';

/** An Org mode keyword line (`#+TITLE: …`) and an Org heading (`* Results`, `** Setup`). */
const ORG_KEYWORD = /^#\+[A-Za-z_]+:/m;
const ORG_HEADING = /^\*{1,6} \S/m;

/**
 * A warning for a file written in Org mode (`#+TITLE:` lines and `* Results` headings): Markdown
 * reads it as text, so it is kept on the page as a note and almost nothing of it is read. None otherwise.
 */
function orgMode(text: string, file: string): Diagnostic[] {
  const line = (text.slice(0, ORG_KEYWORD.exec(text)?.index ?? 0).match(/\n/g) ?? []).length + 1;
  if (!ORG_KEYWORD.test(text) || !ORG_HEADING.test(text)) return [];
  return [{ level: 'warning', code: 'org-mode', file, line, column: 1, path: '', message: msg.orgMode(), hint: msg.hintOrgMode() }];
}

/** A warning for a `+++` TOML frontmatter block at the top of the file (kept as text), or none. */
function tomlFrontmatter(text: string, file: string): Diagnostic[] {
  const open = /^\uFEFF?\+\+\+[ \t]*\r?\n/.exec(text);
  if (!open || !/^\+\+\+[ \t]*$/m.test(text.slice(open[0].length))) return [];
  return [
    {
      level: 'warning',
      code: 'toml-frontmatter',
      file,
      line: 1,
      column: 1,
      path: '',
      message: msg.tomlFrontmatter(),
      hint: msg.hintTomlFrontmatter(),
    },
  ];
}

/**
 * An experiment id at the start of a title, before a separator: `exp-207: …`, `EXP_12 — …`, `run-0042 | …`
 * (`exp`, `experiment`, `run` or `trial` and a number, as ids are written; `ResNet-50: …` names a
 * model), after the word saying what it is (`Experiment exp-311 — …`) or not; or an id written with
 * its hyphen (`exp-501 LightGBM + target encoding`) before the words, with a space only.
 */
const ID_IN_TITLE =
  /^(?:(?:experiment|run|trial)(?:\s*[:#]\s*|\s+))?((?:exp|expt|experiment|run|trial)[-_]?\d[\w.-]*)\s*(?:(?:[:|—–]|-{1,2}(?=\s))\s*\S|$)|^((?:exp|expt|run|trial)[-_]\d[\w.-]*)\s+\S/i;

/**
 * What may stand before the id a title starts with: a mark (`🧪`, `[WIP]`-free symbols) and the word
 * saying what it is (`Experiment`, `Experiment:`, `Run #`).
 */
const ID_WORD = /^[^\p{L}\p{N}]*(?:(?:experiment|run|trial)(?:\s*[:#]\s*|\s+))?/iu;

/** A title without the marks it starts with (`🧪 Experiment: …`, `✅ exp-12 — …`): where an id may start. */
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;

/** A title without the experiment id it starts with (`exp-042: DistilBERT`, `exp-042 — DistilBERT`, `exp-042`): what is left. */
function withoutId(title: string, id: string): string {
  const word = ID_WORD.exec(title)?.[0] ?? '';
  const start = title.slice(word.length).toLowerCase().startsWith(id.toLowerCase()) ? word.length : 0;
  if (!title.slice(start).toLowerCase().startsWith(id.toLowerCase())) return title;
  const rest = title.slice(start + id.length);
  if (rest.trim() === '') return '';
  const separated = /^\s*(?:[:|—–]|-{1,2}(?=\s))\s*(\S.*)$/.exec(rest);
  // `exp-501 LightGBM + target encoding`: an id written as ids are (`exp-501`), then the words.
  const spaced = /^(?:exp|expt|run|trial)[-_]\d/i.test(id) ? /^\s+(\S.*)$/.exec(rest) : null;
  return separated?.[1] ?? spaced?.[1] ?? title;
}

/** Parses a filled-in template. Never fails: text it cannot place is kept in `sections`. */
export function parseTemplateSource(written: string, file: string, options: { body?: boolean } = {}): ParsedSource {
  // An Obsidian note's fields, links and callouts, as plain Markdown (each line's length kept).
  const text = obsidianMarkdown(written);
  const source = createSource(text);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  tree.children = splitLazyLabels(text, tree.children);
  const b = new RecordBuilder();
  b.positions.set('', { line: 1, column: 1 });
  const isGlobalLabel = (title: string): boolean => findGlobalLabelRule(normalizeLabel(stripEmphasis(title))) !== undefined;
  // A frontmatter record's body takes a `#` title only: its first `## Notes` is a section, not the record's name.
  const deeperTitle = options.body !== true;
  const heading = titleHeading(source, tree.children, isGlobalLabel, deeperTitle);
  // `# **Credit default – CatBoost**`: a heading a document exports in bold is the words inside.
  const ctx: Context = { b, source, consumed: new Set(), ...(heading ? { title: stripEmphasis(innerSliceOf(source, heading)) } : {}) };
  const narrative: { title: string; markdown: string; position: SourcePosition }[] = [];

  for (const section of splitSections(source, withPipeTables(source, withHtmlTables(tree.children)), isGlobalLabel, deeperTitle)) {
    const key =
      section.title === undefined ? 'header' : (classifySection(section.title) ?? notesSection(source, section.title, section.nodes));
    if (key === undefined) {
      const markdown = sectionMarkdown(source, section.nodes);
      if (markdown !== '') narrative.push({ title: section.title ?? '', markdown, position: section.position });
      continue;
    }
    // `## Hypothesis` over a paragraph: the heading opens an entry, as a `### Hypothesis` would.
    const nodes =
      section.heading && section.title !== undefined && headingIsLabel(key, section.title)
        ? [section.heading, ...section.nodes]
        : section.nodes;
    ctx.section = section.title;
    const labels = sectionLabels(key);
    const { entries, prose } = readEntries(source, nodes, labels);
    const leftover: Prose[] = [...prose];
    const apply = (entry: Entry, again: boolean): void => {
      applyEntry(entry, key, ctx);
      for (const block of entry.blocks) {
        if (ctx.consumed.has(block)) continue;
        // `**Model Type**: nnU-Net` over `- batch_size: 2`, `- initial_lr: 0.01`: a list of label lines
        // its label had no use for is the section's own lines, as it would be under the heading.
        const lines = again && entry.value !== '' && block.type === 'list' ? readEntries(source, [block], labels) : undefined;
        if (lines !== undefined && lines.prose.length === 0 && lines.entries.length > 0) {
          for (const line of lines.entries) apply(line, false);
          continue;
        }
        leftover.push({ markdown: blockMarkdown(source, block), order: block.position?.start.offset ?? 0 });
      }
    };
    for (const entry of entries) apply(entry, true);
    if (leftover.length > 0) {
      const markdown = leftover
        .sort((x, y) => x.order - y.order)
        .map((part) => part.markdown.trim())
        .filter(isShownMarkdown)
        .join('\n\n');
      if (markdown !== '') narrative.push({ title: section.title ?? 'Notes', markdown, position: section.position });
    }
  }
  for (const read of ctx.afterSections ?? []) read();
  // Settings written as labels of their own follow whatever hyperparameters a list or table gave.
  for (const setting of ctx.settings ?? []) {
    const path: FieldPath = ['model', 'hyperparameters', b.lengthOf(['model', 'hyperparameters'])];
    b.set(path, { name: setting.name, value: setting.value }, setting.position);
    for (const field of ['name', 'value']) b.mark([...path, field], setting.position);
  }
  narrative.forEach((section, index) => {
    b.set(['sections', index], { title: section.title, markdown: section.markdown }, section.position);
  });

  // The note's title (`# DistilBERT on IMDB`, `# exp-042: DistilBERT on IMDB`) names the experiment
  // when no label does (without the id it repeats); else it is kept as `title`. A title that is only the id adds nothing.
  if (heading && !b.has(['title'])) {
    const titleText = ctx.title ?? '';
    // `# exp-207: ViT-S/16 on Food-101` with no id given: the id the title starts with.
    const inTitle = b.has(['id']) ? undefined : ID_IN_TITLE.exec(titleText.replace(LEADING_MARKS, ''));
    // `exp-12 runs out of memory` may be a sentence about another run: with only a space after it,
    // the title's id is taken when the file's name is no id of its own (`notes.md`, not `exp-13.md`).
    const fileIsId = /^(?:exp|expt|experiment|run|trial)[-_]?\d/i.test(file.split(/[\\/]/).pop() ?? '');
    const titleId = inTitle?.[1] ?? (fileIsId ? undefined : inTitle?.[2]);
    if (titleId !== undefined) {
      const at = startOf(heading);
      const column = (source.lines[at.line - 1] ?? '').indexOf(titleId) + 1;
      b.set(['id'], titleId, { line: at.line, column: Math.max(column, at.column) });
    }
    const id = b.get(['id']);
    const named = typeof id === 'string' && id !== '' ? withoutId(titleText, id) : titleText;
    if (named !== '' && normalizeLabel(titleText) !== 'ml experiment tracking log')
      b.set(b.has(['name']) ? ['title'] : ['name'], b.has(['name']) ? titleText : named, startOf(heading));
  }

  unreadableRowValues(b);
  // A number's position is where its text starts (a table cell, a value after its label).
  const writtenDecimals = writtenDecimalsOf(b.data, (path) => {
    const at = b.positions.get(path);
    return at === undefined ? undefined : source.lines[at.line - 1]?.slice(at.column - 1);
  });
  const diagnostics = [
    ...finishRecord(b.data, { file, placeholders: b.placeholders, idPosition: b.positions.get('id'), writtenDecimals }),
    ...tomlFrontmatter(text, file),
    ...orgMode(text, file),
    ...b.notes.map((note): Diagnostic => {
      // `Hyperparameters: TBD (copy from the sweep config)`: a half-filled log, not a misplaced value.
      const kept = b.get(note.path);
      const later = note.message === undefined && typeof kept === 'string' && isNotYetWrittenWithAside(kept);
      return {
        level: later || note.prose === true ? 'info' : 'warning',
        code: 'value-kept-as-note',
        file,
        line: note.position.line,
        column: note.position.column,
        path: joinPath(note.path),
        message: later ? msg.notYetWrittenNote(note.label, kept) : (note.message ?? msg.valueKeptAsNote(note.label)),
        hint: later ? msg.hintNotYetWrittenNote(note.label) : (note.hint ?? msg.hintValueKeptAsNote(note.label)),
      };
    }),
    // The same field written twice (`- Epochs: 10` and, further down, `- Epochs: 12`): the later is kept, the earlier named.
    ...b.overwritten.map((o): Diagnostic => ({
      level: 'warning',
      code: 'value-written-twice',
      file,
      line: o.position.line,
      column: o.position.column,
      path: joinPath(o.path),
      message: msg.valueWrittenTwice(o.earlier.line, o.value),
      hint: msg.hintValueWrittenTwice(),
    })),
  ];
  return { file, format: 'template', data: b.data, positions: b.positions, keyPositions: new Map(), diagnostics };
}

/**
 * A baseline's or a group's value that is no number (`| Logistic | ~0.86 |`, `<1 ms`, `n/a yet`, a
 * cell of words in a column of numbers) is kept without a value (null) and with its text in the
 * row's note (`Accuracy: ~0.86`), with a warning at its cell — as a test metric's is — instead of an
 * error that would drop the record. (A column of words throughout is the row's text: `isTextColumn`.)
 */
function unreadableRowValues(b: RecordBuilder): void {
  for (const [list, noteField] of [
    [['comparison', 'baselines'], 'notes'],
    [['evaluation', 'disaggregated'], 'note'],
  ] as const) {
    const rows = b.get([...list]);
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: unknown, index) => {
      const metrics = isPlainObject(row) ? row['metrics'] : undefined;
      if (!isPlainObject(row) || !isPlainObject(metrics)) return;
      for (const [name, value] of Object.entries(metrics)) {
        if (typeof value !== 'string') continue;
        const path: FieldPath = [...list, index, 'metrics', name];
        metrics[name] = null;
        const written = `${name}: ${value.trim()}`;
        const note = row[noteField];
        row[noteField] = typeof note === 'string' && note !== '' ? `${note}; ${written}` : written;
        const position = b.positions.get(joinPath(path));
        if (position !== undefined)
          b.notes.push({
            path,
            position,
            label: name,
            message: msg.metricCellKeptAsNote(value.trim()),
            hint: msg.hintMetricItemKeptAsNote(),
          });
      }
    });
  }
}
