/**
 * The pull-request summary as data: what `--format json` prints, and what the Markdown renderer reads.
 * Numbers are unrounded, on the analysis's common scale: values of unit-interval metrics (accuracy,
 * precision, F1, …) are fractions (`fraction: true`) whatever scale they were written on, other values
 * keep their unit; only the renderers format them (fractions in percent, changes in percentage points).
 */
import type { Direction } from '../analysis/index.ts';

/** How a record file changed since the base. */
export type ChangeKind = 'added' | 'modified' | 'renamed';

/** One changed record file, as git reports it (paths as the loader names files: the content folder joined with the path under it). */
export interface ContentChange {
  kind: ChangeKind | 'removed';
  file: string;
  /** The same file relative to the repository root, with `/` separators (what `git show <rev>:<path>` takes). */
  repoPath: string;
  /** For `renamed`, the file's previous path. */
  previousFile?: string;
}

/** A test metric with its 95% CI. */
export interface SummaryMetric {
  metric: string;
  /** The value on the common scale (a fraction when `fraction`). */
  value: number;
  /** Unit of the value ("ms", …), null for fractions and when none is known. */
  unit: string | null;
  /** True for a unit-interval metric held as a fraction (shown in percent). */
  fraction: boolean;
  /** Decimal places written, on the scale of `value` (87% → 2). */
  decimals: number;
  betterDirection: Direction | null;
  /** Half-width of a symmetric CI (`±0.012`) on the scale of `value`, null when the CI was given as bounds or not at all. */
  ciHalfWidth: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** better / worse by the metric's direction; `no-change` for a zero change; `no-direction` when the metric is not recognised. */
export type Verdict = 'better' | 'worse' | 'no-change' | 'no-direction';

/** Whether the 95% interval of the change excludes 0 (`outside-noise`), includes it (`within-noise`), or could not be computed. */
export type Noise = 'outside-noise' | 'within-noise' | 'no-interval';

/** The change of one metric against a parent or a baseline row. */
export interface SummaryDelta {
  /** The parent id, or the baseline row label as written. */
  reference: string;
  referenceId: string | null;
  metric: string;
  /** The two values on the common scale (fractions when `fraction`). */
  current: number;
  referenceValue: number;
  /** current − reference on that scale (a difference of fractions when `fraction`: ×100 = percentage points), else in `absoluteUnit`. */
  absolute: number;
  absoluteUnit: string | null;
  /** True for a unit-interval metric held as fractions. */
  fraction: boolean;
  /** Decimal places the values were written with, on their scale. */
  decimals: number;
  /** absolute / |reference| as a fraction; null when the reference is 0. */
  relative: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  betterDirection: Direction | null;
  /** Unit of the two values ("ms", …; null for fractions). */
  unit: string | null;
  verdict: Verdict;
  noise: Noise;
  /** Why there is no interval, when there is none. */
  intervalReason: string | null;
}

/** A metric of the parent or a baseline row that could not be put on the same scale as this experiment's. */
export interface SummaryNotCompared {
  /** The parent id, or the baseline row label as written. */
  reference: string;
  source: 'baseline' | 'parent';
  metric: string;
  reason: string;
}

/** A group of the disaggregated table */
export interface SummaryGroupValue {
  group: string;
  /** Its value on the gap's scale (a fraction when the flag's `fraction`). */
  value: number;
  /** The group size, when given. */
  n: number | null;
  /** Decimal places the value was written with, on the gap's scale (default: those of its shortest form). */
  decimals?: number;
}

/** A flagged fairness gap: by the four-fifths rule (selection rates) or as a gap beyond noise (other rates). */
export interface SummaryFairnessFlag {
  attribute: string;
  metric: string;
  rule: 'four-fifths' | 'difference';
  /** Why it is flagged. */
  reason: string;
  /** min / max over groups; null when undefined. */
  ratio: number | null;
  threshold: number;
  /** max − min over groups (a difference of fractions when `fraction`), else in the metric's unit. */
  difference: number;
  unit: string | null;
  fraction: boolean;
  /** Worst and best group by the metric's direction; the smallest and largest value when the direction is unknown. */
  worstGroup: SummaryGroupValue;
  bestGroup: SummaryGroupValue;
  /** False when the metric's direction is unknown (worst/best are then min/max). */
  directionKnown: boolean;
}

/** A consistency-check finding of the analysis. */
export interface SummaryCheck {
  level: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  path: string;
  /** Anchor of the page section the finding is about. */
  section: string;
}

/** A validation or collection diagnostic of the record's file. */
export interface SummaryDiagnostic {
  level: 'error' | 'warning' | 'info';
  code: string;
  /** `file:line:col field.path: message — hint`. */
  text: string;
}

/** One added, modified or renamed record file. */
export interface ChangedExperiment {
  /** The record's id; for a file that fails validation, the id it declares if any, else null. */
  id: string | null;
  /** The file, relative to the working directory (as the loader names it). */
  file: string;
  change: ChangeKind;
  name: string | null;
  status: string | null;
  /**
   * Link to the experiment page on the deployed site; null when the record does not validate (there
   * will be no page) or is new on this branch (its page appears once the branch is merged).
   */
  url: string | null;
  /** True for a record new on this branch: the deployed site has no page for it yet. */
  pageAfterMerge: boolean;
  headline: SummaryMetric[];
  parentDeltas: SummaryDelta[];
  baselineDeltas: SummaryDelta[];
  /** Metrics of the parent or a baseline row not compared (values on different scales), with the reason. */
  notCompared: SummaryNotCompared[];
  fairnessFlags: SummaryFairnessFlag[];
  /** Every check finding, errors first. */
  checks: SummaryCheck[];
  /** Validation and collection diagnostics of this file. */
  diagnostics: SummaryDiagnostic[];
  /** For `renamed`, the previous file. */
  previousFile: string | null;
  /** True when the file gave a record (it may still carry warnings). */
  valid: boolean;
  /** The parent experiment and its page (null url when the parent is new on this branch too), when the parent exists. */
  parent: { id: string; url: string | null } | null;
}

/** A record file deleted since the base. */
export interface RemovedExperiment {
  /** The id the file had at the base, when it could be read. */
  id: string | null;
  file: string;
}

/** The whole summary. */
export interface Summary {
  /** The base ref as given. */
  base: string;
  /** The commit the branch is compared with (merge base of base and HEAD). */
  mergeBase: string;
  /** Site root the links start with ('' when links are relative to the site root). */
  site: string;
  /** The CI run whose artifacts hold the site built from this branch, when known. */
  runUrl: string | null;
  /** Changed records: those failing validation first, then by id (file for those without one). */
  changed: ChangedExperiment[];
  removed: RemovedExperiment[];
}
