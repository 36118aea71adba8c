/**
 * The parts of the analysis the pages read (structurally compatible with `src/analysis/`'s
 * output, see the JSON API shape in the README).
 */

export type Direction = 'higher' | 'lower' | null;

export interface DeltaView {
  baseline: string;
  metric: string;
  /** The metric's key (`metricInfo(...).key`): `WER` and a baseline column `WER (%)` share `wer`. */
  key?: string;
  current: number | null;
  reference: number | null;
  absolute: number | null;
  relative: number | null;
  betterDirection: Direction;
  improved: boolean | null;
  ciLow: number | null;
  ciHigh: number | null;
  significant: boolean | null;
  unit?: string | null;
  /** True when the values are fractions of a unit-interval metric (shown in percent, changes in pp). */
  fraction: boolean;
  /** Decimal places the values were written with, on the scale of `current`. */
  decimals: number;
  method?: string | null;
  assumption?: string | null;
  /** Why there is no interval, when there is none. */
  intervalReason?: string | null;
}

/** A metric pair that could not be put on one scale (values as written). */
export interface NotComparedView {
  baseline: string;
  source: 'baseline' | 'parent';
  metric: string;
  current: number;
  currentUnit: string | null;
  reference: number;
  referenceUnit: string | null;
  reason: string;
}

export interface GroupValue {
  group: string;
  value: number;
  n?: number | null;
  /** Decimal places the value was written with, on the gap's scale (default: those of its shortest form). */
  decimals?: number;
}

export interface FairnessView {
  attribute: string;
  metric: string;
  betterDirection: Direction;
  min: GroupValue | null;
  max: GroupValue | null;
  difference: number | null;
  ratio: number | null;
  differenceToOverall: number | null;
  ratioToOverall: number | null;
  flagged: boolean;
  /** The rule the gap is judged by: the four-fifths rule, the difference with its interval, or none. */
  flagRule: 'four-fifths' | 'difference' | null;
  /** Why the gap is, or is not, flagged. */
  flagReason: string;
  threshold?: number;
  /** Smallest gap (a difference of fractions) the difference rule flags. */
  differenceThreshold?: number;
  ciLow: number | null;
  ciHigh: number | null;
  intervalReason?: string | null;
  coverage?: number | null;
  /** True when values and differences are fractions (shown in percent and pp). */
  fraction: boolean;
  unit?: string | null;
}

export interface CheckView {
  level: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  path: string;
}

export interface LineageView {
  parent: string | null;
  ancestors: string[];
  children: string[];
  descendants: string[];
  related: string[];
}

export interface HeadlineView {
  metric: string;
  value: number;
  betterDirection: Direction;
  unit?: string | null;
  /** Decimal places the value was written with. */
  decimals?: number;
}

export interface ClaimView {
  index: number;
  metric: string;
  text: string;
  baseline: string | null;
  claimKind: 'relative' | 'absolute' | null;
  computedRelative: number | null;
  computedAbsolute: number | null;
  /** True when `computedAbsolute` is a difference of fractions (shown in pp). */
  computedFraction: boolean;
  computedDecimals: number | null;
  status: 'accepted' | 'mismatch' | 'unresolved';
}

export interface ExperimentAnalysisView {
  claims: ClaimView[];
  baselineDeltas: DeltaView[];
  parentDeltas: DeltaView[];
  /** Pairs of a baseline row or the parent that could not be compared, with the reason. */
  notCompared: NotComparedView[];
  fairness: FairnessView[];
  checks: CheckView[];
  lineage: LineageView;
  headline: HeadlineView | null;
  /** The headline metric along the ancestor chain, root first (see the analysis schema). */
  headlineChain?: { id: string; value: number | null }[] | null;
}
