/**
 * Every line `logbook summary` prints about itself (usage, errors, progress) and the overview sentence,
 * as functions, so tests assert the exact text (after Vega-Lite's `src/log/message.ts`).
 */

import { oneLine, stripTerminalCodes } from '../util/log-text.ts';

/** The usage text, printed by `--help` (stdout) and after a usage error (stderr). */
export function usage(): string {
  return [
    'Usage: logbook summary --base <git-ref> [folder] [--format md|json] [--site <url>] [--config <file>]',
    '',
    'Prints a report of the experiment records added, modified or renamed since <git-ref> (committed on',
    'this branch since the merge base, plus uncommitted and untracked files), with their metric deltas,',
    'fairness flags, check findings and validation errors. Markdown by default, for a pull-request comment.',
    '',
    'Options:',
    '  --base <git-ref>   branch, tag or commit to compare with, e.g. origin/main (required)',
    '  --format md|json   output format (default: md)',
    '  --site <url>       deployed site root for links, e.g. https://org.github.io/repo/',
    '                     (default: the site and base settings; without an http(s) site, no links)',
    '  folder             content folder (also --dir <folder>; default: "content" in logbook.config.json,',
    '                     $LOGBOOK_CONTENT, else content/experiments)',
    '  --config <file>    settings file (default: logbook.config.json, when there is one)',
    '  --run-url <url>    the CI run the site built from this branch is attached to (linked for new records)',
    '  -h, --help         print this help',
    '',
    'Exit status: 0 report printed (even when records fail validation), 1 git or folder problem, 2 bad arguments.',
  ].join('\n');
}

export const unknownOption = (name: string): string => `summary: unknown option ${JSON.stringify(name)}`;
export const unexpectedArgument = (arg: string): string => `summary: unexpected argument ${JSON.stringify(arg)}`;
export const missingValue = (name: string): string => `summary: ${name} needs a value`;
export const repeatedOption = (name: string): string => `summary: ${name} given more than once`;
export const missingBase = (): string => 'summary: --base <git-ref> is required (e.g. --base origin/main)';
export const badBase = (ref: string): string => `summary: ${JSON.stringify(ref)} is not a usable git ref (it must not start with "-")`;
export const badFormat = (format: string): string => `summary: --format must be "md" or "json", got ${JSON.stringify(format)}`;
export const badRunUrl = (url: string): string => `summary: --run-url must be an http(s) URL, got ${JSON.stringify(url)}`;
export const badSite = (site: string): string => `summary: --site must be an http(s) URL, got ${JSON.stringify(site)}`;
export const ignoredEnvSite = (site: string): string =>
  `summary: ignoring LOGBOOK_SITE ${JSON.stringify(site)} (not an http(s) URL); links will be relative`;

export const notGitRepository = (cwd: string): string => `summary: not a git repository: ${oneLine(cwd)}`;
export const gitNotFound = (): string => 'summary: git is not installed or not on PATH';
export const baseNotFound = (ref: string): string =>
  `summary: base ref ${JSON.stringify(ref)} does not exist (in CI, check out with fetch-depth: 0 or run git fetch first)`;
export const noMergeBase = (ref: string): string => `summary: ${JSON.stringify(ref)} and HEAD have no common ancestor`;
export const folderNotFound = (dir: string): string => `summary: content folder not found: ${oneLine(dir)}`;
export const folderOutsideRepository = (dir: string): string => `summary: content folder ${oneLine(dir)} is not inside the git repository`;
export const unexpectedFailure = (reason: string): string => `summary: unexpected failure: ${oneLine(reason)}`;
export const gitFailed = (command: string, detail: string): string => `summary: git ${command} failed: ${stripTerminalCodes(detail)}`;

/** The progress line on stderr. */
export function progress(dir: string, base: string, mergeBase: string, changed: number, removed: number, records: number): string {
  return `summary: ${oneLine(dir)} against ${oneLine(base)} (merge base ${mergeBase.slice(0, 12)}): ${changed} changed, ${removed} removed, ${records} valid records analyzed`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Counts the overview sentence is made of. */
export interface OverviewCounts {
  added: number;
  modified: number;
  renamed: number;
  removed: number;
  /** Changed records that fail validation (or have an error-level collection diagnostic or check). */
  failing: number;
  /** Changed records with a warning-level check or diagnostic (and no error). */
  warnings: number;
  /** Changed records with a flagged fairness gap. */
  fairness: number;
}

/**
 * One line: `3 experiments changed since main: 2 added, 1 modified; 1 with warnings.` plus the removed count.
 * `base` is inserted as given; the Markdown renderer escapes it.
 */
export function overview(base: string, c: OverviewCounts): string {
  const changed = c.added + c.modified + c.renamed;
  const removed = c.removed > 0 ? `${plural(c.removed, 'experiment')} removed.` : '';
  if (changed === 0) {
    const none = `No experiment records added or changed since ${base}.`;
    return removed === '' ? none : `${none} ${removed}`;
  }
  const kinds = [
    c.added > 0 ? `${c.added} added` : '',
    c.modified > 0 ? `${c.modified} modified` : '',
    c.renamed > 0 ? `${c.renamed} renamed` : '',
  ].filter((s) => s !== '');
  const notes = [
    c.failing > 0 ? `${c.failing} failing validation` : '',
    c.warnings > 0 ? `${c.warnings} with warnings` : '',
    c.fairness > 0 ? `${c.fairness} with fairness flags` : '',
  ].filter((s) => s !== '');
  const head = `${plural(changed, 'experiment')} changed since ${base}: ${kinds.join(', ')}`;
  return `${head}${notes.length > 0 ? `; ${notes.join(', ')}` : ''}.${removed === '' ? '' : ` ${removed}`}`;
}
