/** The template's sections: which heading names which section, and splitting a document at its `##` headings. */

import type { Heading, RootContent } from 'mdast';
import { blockMarkdown, innerSliceOf, startOf, stripEmphasis, type Source } from '../markdown-blocks.ts';
import { normalizeLabel } from '../text.ts';
import type { FieldPath, SourcePosition } from '../types.ts';

/** The known sections of the template; `header` is everything before the first `##`. */
export type SectionKey =
  | 'header'
  | 'overview'
  | 'dataset'
  | 'model'
  | 'training'
  | 'evaluation'
  | 'comparison'
  | 'tuning'
  | 'reproducibility'
  | 'observations'
  | 'nextSteps'
  | 'metadata';

/**
 * A heading naming results by a group attribute and nothing else (`By language`, `Accuracy per
 * region`, `Breakdown by age group`); not by class, epoch, split, fold, seed or model, which are no groups of people.
 */
const BY_GROUP_HEADING =
  /^(?:(?:results?|performance|metrics?|accuracy|scores?|errors?|breakdown|slices?) )?(?:by|per|across) (?!(?:the|a|an|way|far|hand|design|default|contrast)\b)(?!(?:class|label|epoch|split|set|dataset|fold|seed|run|threshold|step|model|baseline)s?\b)[a-z][a-z ]*$/;

/** A heading that is one of the observations' labels: `What worked`, `What didn't work`, `What went wrong`, `Lessons learned`. */
const OBSERVATION_HEADING = /^what (?:worked|went (?:well|wrong)|didn t work|did not work|failed)\b|^lessons?(?: learned)?$/;

/** A heading naming the software environment: `Environment`, `Software environment`, `Dependencies`, `Requirements`. */
const ENVIRONMENT_HEADING = /^(?:(?:software|python|runtime) )?environment$|^dependencies$|^requirements$/;

/** A heading rule: a `##` heading whose normalized text matches `pattern` starts `section`. */
export interface SectionRule {
  readonly section: SectionKey;
  readonly pattern: RegExp;
}

/** Heading keywords → section, in order: the first match wins (so "Comparison to Baseline" is not "model"). */
export const SECTION_RULES: readonly SectionRule[] = [
  { section: 'overview', pattern: /\boverview\b/ },
  // `## vs. previous run`, `## Versus v2`, `## Against the parent`: a comparison named by what it is against.
  { section: 'comparison', pattern: /\bbaselines?\b|\bcompar|^(?:vs|versus|against) \S/ },
  { section: 'tuning', pattern: /\btuning\b|\bhyper ?parameter (search|optimi|sweep)|\bsweeps?\b/ },
  { section: 'reproducibility', pattern: /\bartifacts?\b|\breproduc|\brepro\b/ },
  // `## Environment`, `## Dependencies`: the reproducibility's environment, labelled by its heading.
  { section: 'reproducibility', pattern: ENVIRONMENT_HEADING },
  { section: 'observations', pattern: /\bobservations?\b|\binsights?\b|\blearnings\b/ },
  { section: 'nextSteps', pattern: /\bnext steps?\b|\bdeployment\b|\brecommendations?\b/ },
  { section: 'metadata', pattern: /\bmetadata\b/ },
  { section: 'evaluation', pattern: /\bevaluation\b|\bevals?\b|\btest (set|results?)\b|^test(ing)?$/ },
  // `## Fairness`, `## Subgroup analysis`: performance by group, part of the evaluation; so is `## Confusion matrix`.
  {
    section: 'evaluation',
    pattern: /\bfairness\b|\bsubgroups?\b|\bdisaggregat|\bdemographic (groups?|parity|performance)\b|\bconfusion\b/,
  },
  // `## Training hyperparameters` are the model's settings, not the training's progress.
  { section: 'model', pattern: /^training hyper ?parameters$/ },
  { section: 'training', pattern: /\btraining\b/ },
  { section: 'dataset', pattern: /\bdata(set)?s?\b/ },
  { section: 'model', pattern: /\bmodel\b/ },
  // A bare "Results" or "Metrics" section holds the test results ("Training results" is training, above).
  { section: 'evaluation', pattern: /\bresults?\b|\bmetrics\b|\bperformance\b/ },
  // Headings other logs use, last so that the template's own words win ("Results and discussion" is evaluation).
  {
    section: 'model',
    pattern: /\bconfig(uration)?s?\b|\bsetup\b|\bhyper ?parameters?\b|\bparams\b|\bparameters\b|\bsettings\b|\barchitecture\b/,
  },
  { section: 'observations', pattern: /\bimportances?\b/ },
  // `## What worked`, `## What didn't work`, `## Lessons learned`: the observations' labels, as headings.
  { section: 'observations', pattern: OBSERVATION_HEADING },
  { section: 'observations', pattern: /\bconclusions?\b|\bdiscussion\b|\bfindings\b|\btakeaways?\b|\banalysis\b/ },
  { section: 'nextSteps', pattern: /^(?:\d+ )?(?:what s )?next(?: up)?$|\bto ?dos?\b|\bfuture work\b|\baction items?\b|\bfollow ?ups?\b/ },
  // `## By language`, `## Accuracy per region`: the evaluation by a group attribute, labelled by its heading.
  { section: 'evaluation', pattern: BY_GROUP_HEADING },
  {
    section: 'overview',
    pattern: /\bgoals?\b|\bobjectives?\b|\bhypothes[ie]s\b|\bmotivation\b|\bpurpose\b|\baims?\b|\bsuccess criteria\b/,
  },
];

/** The observations' labels as a log writes them in bold: `**What Worked Well**:`, `**Key Learnings**:`, `**Lessons learned**`. */
const OBSERVATION_LABEL =
  /^\s*(?:\*\*|__)\s*(?:what (?:worked|went (?:well|wrong)|didn'?t work|did not work|failed)|key (?:learnings|insights|takeaways)|lessons?(?: learned)?|learnings|insights)\b/i;

/**
 * The section a heading of notes stands for from what it holds: `## Notes` over `**What Worked
 * Well**:` and `**Key Learnings**:` is the observations; any other notes stay a section of their own.
 */
export function notesSection(source: Source, title: string, nodes: readonly RootContent[]): SectionKey | undefined {
  if (!/^(?:(?:additional|general|misc|other|experiment|run) )?notes$/.test(headingText(title))) return undefined;
  return nodes.some((node) => node.type === 'paragraph' && OBSERVATION_LABEL.test(innerSliceOf(source, node))) ? 'observations' : undefined;
}

/**
 * Whether a section's heading is itself the label of what follows it: `## Goal`, `## Hypothesis`,
 * `## Success criteria` (the overview's labels, written as headings), so the paragraph under it is
 * that field; `## Feature importance (gain)` over its table or list. Other headings are not (`## Dataset` over a sentence is no dataset name).
 */
export function headingIsLabel(section: SectionKey, title: string): boolean {
  const norm = headingText(title);
  return (
    (section === 'overview' && !/\boverview\b/.test(norm)) ||
    (section === 'observations' && (/\bimportances?\b/.test(norm) || OBSERVATION_HEADING.test(norm))) ||
    (section === 'reproducibility' && ENVIRONMENT_HEADING.test(norm)) ||
    // `## Fairness` over a list or a table of groups, `## Confusion matrix` over its table: that heading labels them.
    (section === 'evaluation' && (/\bfairness\b|\bsubgroups?\b|\bdisaggregat|\bconfusion\b/.test(norm) || BY_GROUP_HEADING.test(norm)))
  );
}

/**
 * A heading's text as the rules read it: normalized, without the section number a log puts before
 * it (`6. By group`, `4.2 Per-accent WER`, `9) Notes` read as `by group`, `per accent wer`, `notes`).
 */
function headingText(title: string): string {
  return normalizeLabel(stripEmphasis(title)).replace(/^(?:\d+ )+(?=[a-z])/, '');
}

/** Where unknown labels of a section are kept. */
export const SECTION_PATH: Readonly<Record<SectionKey, FieldPath>> = {
  header: [],
  overview: ['overview'],
  dataset: ['dataset'],
  model: ['model'],
  training: ['training'],
  evaluation: ['evaluation'],
  comparison: ['comparison'],
  tuning: ['tuning'],
  reproducibility: ['reproducibility'],
  observations: ['observations'],
  nextSteps: ['nextSteps'],
  metadata: [],
};

/** The known section a heading names, or undefined. */
export function classifySection(title: string): SectionKey | undefined {
  const norm = headingText(title);
  return SECTION_RULES.find(({ pattern }) => pattern.test(norm))?.section;
}

/** A part of the document: its heading and the blocks under it. */
export interface Section {
  /** Heading text; undefined for the part before the first `##`. */
  title: string | undefined;
  /** The `##` heading itself (undefined for the part before the first one). */
  heading?: Heading | undefined;
  position: SourcePosition;
  nodes: RootContent[];
}

/**
 * The note's title: its first `#` heading; else a first heading at a deeper level that opens the note,
 * is the only one at its level, has deeper ones under it and names no section nor label — a GitHub
 * issue's or pull request's `## Experiment: …` over `### Results`, which would otherwise hold the
 * whole note as one section. Not `deeper`: the first `#` heading only (a frontmatter record's body,
 * whose name the frontmatter gives: its `## Notes` is a section).
 */
export function titleHeading(
  source: Source,
  nodes: readonly RootContent[],
  isLabel: (title: string) => boolean,
  deeper = true,
): Heading | undefined {
  const top = nodes.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  if (top !== undefined || !deeper) return top;
  const [first] = nodes;
  if (first?.type !== 'heading') return undefined;
  const headings = nodes.filter((node): node is Heading => node.type === 'heading');
  const text = innerSliceOf(source, first).trim();
  const alone = headings.filter((node) => node.depth === first.depth).length === 1;
  const over = headings.some((node) => node.depth > first.depth);
  return alone && over && classifySection(text) === undefined && !isLabel(text) ? first : undefined;
}

/**
 * Splits the document at `##` headings; the title (`titleHeading`) is skipped, deeper headings stay
 * inside. A `##` heading that names no section but a label (`## Related experiments`, `## Tags`:
 * `isLabel(title)`) stays inside the current section, as a label heading.
 */
export function splitSections(
  source: Source,
  nodes: readonly RootContent[],
  isLabel: (title: string) => boolean,
  deeperTitle = true,
): Section[] {
  const sections: Section[] = [{ title: undefined, position: { line: 1, column: 1 }, nodes: [] }];
  const title = titleHeading(source, nodes, isLabel, deeperTitle);
  const depth = sectionDepth(nodes.filter((node) => node !== title));
  /** The results section a subsection was split off from, and that subsection's depth. */
  let split: { parent: Section; depth: number } | undefined;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) {
      split = undefined;
      const text = innerSliceOf(source, node).trim();
      if (node === title || node.depth < depth) continue;
      if (classifySection(text) === undefined && isLabel(text)) sections.at(-1)?.nodes.push(node);
      else sections.push({ title: text, heading: node, position: startOf(node), nodes: [] });
      continue;
    }
    if (node.type === 'heading' && node !== title) {
      const current = sections.at(-1) as Section;
      const text = innerSliceOf(source, node).trim();
      const parent = split?.parent ?? current;
      const named = classifySection(text);
      // `## 4. Results` over `### 4.1 Training`, `### Comparison to baseline`: a subsection of the
      // results that names the training or the comparison is that section, up to the next subsection.
      if (
        parent.title !== undefined &&
        classifySection(parent.title) === 'evaluation' &&
        (named === 'training' || named === 'comparison')
      ) {
        sections.push({ title: text, heading: node, position: startOf(node), nodes: [] });
        split = { parent, depth: node.depth };
        continue;
      }
      // The next subsection of the results after one split off: the results again, under their own title.
      if (split !== undefined && node.depth <= split.depth) {
        sections.push({ title: split.parent.title, position: startOf(node), nodes: [node] });
        split = undefined;
        continue;
      }
    }
    sections.at(-1)?.nodes.push(node);
  }
  return sections;
}

/**
 * The heading level a note's sections are written at: `##`, as the template writes them; else `#`
 * when the note has more than its title at that level (`# Setup`, `# Results`, as a notebook exports
 * them); else the first deeper level used (`### Setup` under the `#` title).
 */
function sectionDepth(nodes: readonly RootContent[]): number {
  const depths = nodes.flatMap((node) => (node.type === 'heading' ? [node.depth] : []));
  if (depths.includes(2)) return 2;
  if (depths.filter((d) => d === 1).length >= 2) return 1;
  const deeper = depths.filter((d) => d > 2);
  return deeper.length === 0 ? 2 : Math.min(...deeper);
}

/** The Markdown of an unknown section, without the `---` rules that separate sections. */
export function sectionMarkdown(source: Source, nodes: readonly RootContent[]): string {
  return nodes
    .filter((node) => node.type !== 'thematicBreak')
    .map((node) => blockMarkdown(source, node).trim())
    .filter(isShownMarkdown)
    .join('\n\n');
}

/**
 * Whether a block of a section's leftover Markdown is shown: not empty, not a rule (`---`), and not
 * only HTML comments (`<!-- TODO: add fairness -->`, the template's own instructions), which are
 * written not to be shown — a page would print them as text, since it shows no raw HTML.
 */
export function isShownMarkdown(part: string): boolean {
  return part !== '' && !/^-{3,}$/.test(part) && part.replace(/<!--[\s\S]*?-->/g, '').trim() !== '';
}
