/**
 * `src/summary/` — the pull-request summary (`npm run summary`), a view of the pipeline's output:
 *
 * ```
 * git diff ─▶ changed files ─┐
 * loadRecords (all) ─────────┼─▶ buildSummary (analyzeCollection) ─▶ Summary ─┬─▶ renderMarkdown
 *                            │                                                └─▶ renderJson
 * ```
 *
 * Everything here is a pure function of data; the git commands and file reads are in `scripts/summary.ts`.
 */
export * from './types.ts';
export { parseSummaryArgs, type SummaryOptions, type SummaryFormat, type ParseSummaryArgsResult } from './args.ts';
export { parseNameStatus, parsePathList, isRecordPath, toContentChanges, type RepoChange } from './changes.ts';
export {
  buildSummary,
  rawIdentity,
  verdictOf,
  noiseOf,
  toSummaryDelta,
  toSummaryMetric,
  fairnessFlags,
  hasErrors,
  hasWarnings,
  type SummaryInput,
  type RawIdentity,
} from './build.ts';
export {
  escapeMarkdown,
  codeSpan,
  codeBlock,
  idText,
  formatMetric,
  formatChange,
  formatChangeInterval,
  formatVerdict,
  formatFairnessFlag,
  formatComparedValues,
} from './format.ts';
export { renderMarkdown, renderFailure, countSummary, overviewText, SUMMARY_MARKER, MAX_DIAGNOSTICS } from './markdown.ts';
export { renderJson } from './json.ts';
export { resolveSite, normalizeSiteUrl, experimentUrl, type SectionId } from './links.ts';
