/**
 * The ingest layer — the first two steps of Logbook's pipeline
 * (**read → validate** → normalize → analyze → view data → render):
 *
 *   text ──parseSource──▶ ParsedSource (raw record + positions) ──validateRecord──▶ Experiment + Diagnostics
 *
 * Pure functions of `(text, { file })`: no file system here (see `src/content/load.ts` for that).
 */

export type { Diagnostic, FieldPath, ParsedSource, SourceFormat, SourcePosition } from './types.ts';
export { parseSource, detectFormat } from './parse-source.ts';
export { validateRecord, positionOf, valueAt } from './validate.ts';
export { formatDiagnostic, formatGithubAnnotation } from './format.ts';
export { isPlaceholder } from './placeholder.ts';
export { renderExperimentJsonSchema } from './json-schema.ts';
export { closestMatch, editDistance } from './text.ts';
