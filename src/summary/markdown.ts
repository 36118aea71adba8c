/**
 * The summary as Markdown for a pull-request comment. Starts with the hidden marker the PR workflow
 * finds its comment by. Every piece of text from a record, a file name or the base ref goes through
 * `escapeMarkdown`, `codeSpan` or `codeBlock`; links are built only from validated ids and site roots.
 */
import { nameInUnit } from '../analysis/metrics.ts';
import { experimentUrl, type SectionId } from './links.ts';
import { hasErrors, hasWarnings, linksToSite } from './build.ts';
import {
  codeBlock,
  codeSpan,
  escapeMarkdown,
  formatChange,
  formatChangeInterval,
  formatComparedValues,
  formatFairnessFlag,
  formatMetric,
  formatVerdict,
  idText,
} from './format.ts';
import { overview, type OverviewCounts } from './messages.ts';
import type { ChangedExperiment, Summary, SummaryDelta } from './types.ts';
import { pushAll } from '../util/arrays.ts';

/** The hidden marker the PR workflow finds (and updates) its comment by. */
export const SUMMARY_MARKER = '<!-- logbook-summary -->';

/** Diagnostics shown per file before "… and N more". */
export const MAX_DIAGNOSTICS = 20;

/** The counts of the overview line. */
export function countSummary(summary: Summary): OverviewCounts {
  const count = (kind: ChangedExperiment['change']): number => summary.changed.filter((c) => c.change === kind).length;
  return {
    added: count('added'),
    modified: count('modified'),
    renamed: count('renamed'),
    removed: summary.removed.length,
    failing: summary.changed.filter(hasErrors).length,
    warnings: summary.changed.filter((c) => !hasErrors(c) && hasWarnings(c)).length,
    fairness: summary.changed.filter((c) => c.fairnessFlags.length > 0).length,
  };
}

/** The overview sentence in plain text (for JSON and logs). */
export function overviewText(summary: Summary): string {
  return overview(summary.base, countSummary(summary));
}

function link(text: string, url: string): string {
  return `[${text}](${url})`;
}

function sectionLink(c: ChangedExperiment, summary: Summary, section: SectionId, text: string = section): string {
  return c.id === null || c.url === null ? escapeMarkdown(text) : link(text, experimentUrl(summary.site, c.id, section));
}

/** Where a record new on this branch can be seen before its page is deployed. */
function afterMergeNote(summary: Summary): string {
  return summary.runUrl === null
    ? '_Page after merge_: the deployed site shows this experiment once the branch is merged.'
    : `_Page after merge_: until then, the site built from this branch is attached to ${link('the workflow run', summary.runUrl)} as the \`logbook-site\` artifact.`;
}

function changeWords(c: ChangedExperiment): string {
  if (c.change === 'renamed' && c.previousFile !== null) return `Renamed from ${codeSpan(c.previousFile)} to ${codeSpan(c.file)}`;
  return `${c.change === 'added' ? 'Added' : c.change === 'renamed' ? 'Renamed' : 'Modified'}: ${codeSpan(c.file)}`;
}

function deltaTable(deltas: readonly SummaryDelta[], referenceHeader: string, withReferenceColumn: boolean): string[] {
  const head = withReferenceColumn
    ? ['Baseline', 'Metric', 'This', referenceHeader, 'Change', '95% CI of change', 'Verdict']
    : ['Metric', 'This', referenceHeader, 'Change', '95% CI of change', 'Verdict'];
  const align = withReferenceColumn ? ['---', '---', '--:', '--:', '--:', '--:', '---'] : ['---', '--:', '--:', '--:', '--:', '---'];
  const rows = deltas.map((d) => {
    const values = formatComparedValues(d);
    // Named in the unit the values are shown in (`p99 latency (ms)` for a change in ms).
    const cells = [
      escapeMarkdown(nameInUnit(d.metric, [d.unit])),
      values.current,
      values.reference,
      formatChange(d),
      formatChangeInterval(d),
      formatVerdict(d),
    ];
    return withReferenceColumn ? [escapeMarkdown(d.reference), ...cells] : cells;
  });
  return [head, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

function diagnosticLines(c: ChangedExperiment, levels: ReadonlySet<string>): string[] {
  const shown = c.diagnostics.filter((d) => levels.has(d.level));
  const lines = shown.slice(0, MAX_DIAGNOSTICS).map((d) => `${d.level}: ${d.text}`);
  if (shown.length > MAX_DIAGNOSTICS) lines.push(`… and ${shown.length - MAX_DIAGNOSTICS} more (run logbook validate)`);
  return lines;
}

function failingSection(c: ChangedExperiment): string[] {
  const title = c.id === null ? codeSpan(c.file) : `${idText(c.id)}${c.name === null ? '' : ` — ${escapeMarkdown(c.name)}`}`;
  const lines = [`### ❌ ${title} — fails validation`, '', changeWords(c), ''];
  lines.push(
    '> [!CAUTION]',
    '> This record fails validation: it is left out of the site, and `logbook build` fails until it is fixed.',
    '>',
  );
  const diagnostics = diagnosticLines(c, new Set(['error', 'warning', 'info']));
  lines.push(...codeBlock(diagnostics.length > 0 ? diagnostics : [`${c.file}: the file gave no record`], '> '));
  return lines;
}

function recordSection(c: ChangedExperiment, summary: Summary): string[] {
  const id = c.id ?? '';
  const icon = hasErrors(c) ? '❌ ' : hasWarnings(c) || c.fairnessFlags.length > 0 ? '⚠️ ' : '';
  const name = c.name === null ? '' : ` — ${escapeMarkdown(c.name)}`;
  const status = c.status === null ? '' : ` (status: ${escapeMarkdown(c.status)})`;
  const heading = `### ${icon}${c.url === null ? idText(id) : link(codeSpan(id), c.url)}${name}${status}`;
  const lines = [
    heading,
    '',
    `${changeWords(c)} · ${['evaluation', 'comparison', 'fairness', 'checks'].map((s) => sectionLink(c, summary, s as SectionId)).join(' · ')}`,
    '',
    ...(c.pageAfterMerge ? [afterMergeNote(summary), ''] : []),
  ];

  const errors = c.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    lines.push('> [!CAUTION]', '> Collection errors: `logbook build` fails until they are fixed.', '>');
    lines.push(...codeBlock(diagnosticLines(c, new Set(['error'])), '> '), '');
  }

  if (c.headline.length > 0)
    lines.push(`**Test metrics** (95% CI): ${c.headline.map((m) => `${escapeMarkdown(m.metric)} ${formatMetric(m)}`).join(' · ')}`, '');
  else lines.push('_No test metrics reported._', '');

  if (c.parentDeltas.length > 0 && c.parent !== null) {
    const parent = c.parent.url === null ? idText(c.parent.id) : link(codeSpan(c.parent.id), c.parent.url);
    lines.push(`**vs parent** ${parent} (${sectionLink(c, summary, 'comparison', 'details')})`, '');
    pushAll(lines, [...deltaTable(c.parentDeltas, 'Parent', false), '']);
  }
  if (c.baselineDeltas.length > 0) {
    lines.push(`**vs baselines** (${sectionLink(c, summary, 'comparison', 'details')})`, '');
    pushAll(lines, [...deltaTable(c.baselineDeltas, 'Baseline value', true), '']);
  }
  if (c.notCompared.length > 0) {
    lines.push(
      '**Not compared** (the values cannot be put on one scale):',
      '',
      ...c.notCompared.map((n) => `- ${escapeMarkdown(n.metric)} vs ${escapeMarkdown(n.reference)}: ${escapeMarkdown(n.reason)}`),
      '',
    );
  }

  if (c.fairnessFlags.length > 0) {
    lines.push(
      `**Fairness flags** (${sectionLink(c, summary, 'fairness', 'details')}) — selection rates by the four-fifths rule, other rates by a gap beyond noise (screening rules, not findings of bias):`,
      '',
      ...c.fairnessFlags.map((f) => `- ⚠️ ${formatFairnessFlag(f)}`),
      '',
    );
  }

  const findings = c.checks.filter((k) => k.level !== 'info');
  const info = c.checks.length - findings.length;
  if (findings.length > 0) {
    lines.push(`**Consistency checks** (${sectionLink(c, summary, 'checks', 'details')}):`, '');
    for (const k of findings)
      lines.push(`- ${k.level === 'error' ? '❌ error' : '⚠️ warning'} ${codeSpan(k.code)}: ${escapeMarkdown(k.message)}`);
    if (info > 0) lines.push(`- and ${info} info ${info === 1 ? 'note' : 'notes'} on the page`);
    lines.push('');
  } else if (info > 0) {
    lines.push(
      `**Consistency checks**: no errors or warnings; ${sectionLink(c, summary, 'checks', `${info} info ${info === 1 ? 'note' : 'notes'}`)} on the page.`,
      '',
    );
  }

  const warnings = diagnosticLines(c, new Set(['warning', 'info']));
  if (warnings.length > 0) lines.push('**Validation warnings:**', '', ...codeBlock(warnings), '');
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The summary as Markdown: the marker, a title, the one-line overview, the removed records, then one
 * section per changed record (failing ones first, with their diagnostics in a caution box), and a
 * legend of the verdicts.
 */
export function renderMarkdown(summary: Summary): string {
  const counts = countSummary(summary);
  const lines = [SUMMARY_MARKER, '## Experiment summary', '', `**${overview(codeSpan(summary.base), counts)}**`];
  if (summary.removed.length > 0) {
    const removed = summary.removed.map((r) => (r.id === null ? codeSpan(r.file) : `${idText(r.id)} (${codeSpan(r.file)})`));
    lines.push('', `Removed: ${removed.join(', ')}`);
  }
  for (const c of summary.changed) lines.push('', ...(c.valid ? recordSection(c, summary) : failingSection(c)));
  const anyDeltas = summary.changed.some((c) => c.parentDeltas.length > 0 || c.baselineDeltas.length > 0);
  lines.push('', '---');
  if (anyDeltas) {
    lines.push(
      '<sub>Proportions (accuracy, precision, F1, …) are shown in percent, whatever scale they were written on. Change: this − reference, in percentage points (pp) for proportions, else in the metric’s unit, then relative to the reference. ' +
        '✅/⚠️: the 95% interval of the change excludes 0. “within noise”: it includes 0, so the data do not show a change. ' +
        '“no interval”: no CIs or test-set sizes to compute one.</sub>',
      '',
    );
  }
  lines.push(
    `<sub>Generated by <code>logbook summary</code> against ${codeSpan(summary.base)} (merge base ${codeSpan(summary.mergeBase.slice(0, 12))}). ` +
      (linksToSite(summary.site)
        ? 'Links open the deployed site, which shows the records as they are before this change.</sub>'
        : 'No links to the deployed site: set `site` in logbook.config.json (its https:// address) or pass `--site`.</sub>'),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The report when the summary could not be built (a git problem, or a failure nothing else caught):
 * never an empty comment. `problem` is the one line also printed on stderr.
 */
export function renderFailure(problem: string): string {
  return `${[SUMMARY_MARKER, '## Experiment summary', '', `⚠️ The summary could not be built: ${escapeMarkdown(problem)}`, '', 'See the job log for details.'].join('\n')}\n`;
}
