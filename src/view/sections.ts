/**
 * The experiment page's sections: one table that decides their order (the template's), titles,
 * anchors, the table of contents, which sections hold charts, and which section a record field
 * belongs to (so a check about `evaluation.disaggregated.0.n` links to `#fairness`). Anchors are
 * stable: reviews link to them.
 */

interface SectionSpec {
  /** Anchor id, e.g. `evaluation` for `#evaluation`. */
  readonly id: string;
  /** Heading and table-of-contents entry. */
  readonly title: string;
  /** True when charts may be placed in the section (see `ChartSectionId`). */
  readonly charts: boolean;
  /** Record field paths the section shows (a path belongs to the section of its longest matching prefix). */
  readonly paths: readonly string[];
}

export const SECTIONS = [
  { id: 'summary', title: 'Summary', charts: true, paths: [] },
  { id: 'checks', title: 'Report checks', charts: false, paths: [] },
  { id: 'overview', title: 'Experiment overview', charts: false, paths: ['overview'] },
  { id: 'dataset', title: 'Dataset', charts: false, paths: ['dataset'] },
  { id: 'model', title: 'Model configuration', charts: true, paths: ['model'] },
  { id: 'training', title: 'Training results', charts: true, paths: ['training'] },
  { id: 'evaluation', title: 'Evaluation results', charts: true, paths: ['evaluation'] },
  { id: 'fairness', title: 'Fairness: performance by group', charts: true, paths: ['evaluation.disaggregated', 'fairness'] },
  { id: 'comparison', title: 'Comparison to baseline', charts: true, paths: ['comparison'] },
  { id: 'tuning', title: 'Hyperparameter tuning', charts: false, paths: ['tuning'] },
  { id: 'reproducibility', title: 'Artifacts & reproducibility', charts: false, paths: ['reproducibility'] },
  { id: 'observations', title: 'Observations & insights', charts: true, paths: ['observations'] },
  { id: 'next-steps', title: 'Next steps', charts: false, paths: ['nextSteps'] },
  { id: 'lineage', title: 'Lineage', charts: true, paths: ['lineage'] },
  { id: 'metadata', title: 'Experiment metadata', charts: false, paths: ['trackers', 'tags', 'status', 'reviewerNotes'] },
  { id: 'notes', title: 'Notes', charts: false, paths: ['notes'] },
  { id: 'other', title: 'Other fields', charts: false, paths: [] },
] as const satisfies readonly SectionSpec[];

/** Anchor id of a section of the experiment page. */
/** Anchor of the experiment page's per-epoch table (every history row and column): the training charts link to it for their data. */
export const TRAINING_TABLE_ID = 'training-metrics';

export type SectionId = (typeof SECTIONS)[number]['id'];

/** A section charts can be placed in. */
export type ChartSectionId = Extract<(typeof SECTIONS)[number], { charts: true }>['id'];

/** The section's heading. */
export function sectionTitle(id: SectionId): string {
  return (SECTIONS.find((s) => s.id === id) as SectionSpec).title;
}

/** True when `id` is a section charts are placed in. */
export function isChartSection(id: string): id is ChartSectionId {
  return SECTIONS.some((s) => s.id === id && s.charts);
}

/** The section a record field path belongs to (for links from check findings); `checks` when none claims it. */
export function sectionOfPath(path: string): SectionId {
  let best: { id: SectionId; length: number } = { id: 'checks', length: 0 };
  for (const spec of SECTIONS)
    for (const prefix of spec.paths as readonly string[])
      if ((path === prefix || path.startsWith(`${prefix}.`)) && prefix.length > best.length) best = { id: spec.id, length: prefix.length };
  return best.id;
}
