/**
 * The parts of the analysis the pages read (structurally compatible with `src/analysis/`'s
 * output, see the JSON API shape in the README).
 */

export type Direction = 'higher' | 'lower' | null;

export interface DeltaView {
  baseline: string;
  metric: string;
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
  method?: string | null;
  assumption?: string | null;
}

export interface GroupValue {
  group: string;
  value: number;
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
  threshold?: number;
  ciLow: number | null;
  ciHigh: number | null;
  coverage?: number | null;
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
}

export interface ClaimView {
  index: number;
  metric: string;
  text: string;
  baseline: string | null;
  claimKind: 'relative' | 'absolute' | null;
  computedRelative: number | null;
  computedAbsolute: number | null;
  status: 'accepted' | 'mismatch' | 'unresolved';
}

export interface ExperimentAnalysisView {
  claims: ClaimView[];
  baselineDeltas: DeltaView[];
  parentDeltas: DeltaView[];
  fairness: FairnessView[];
  checks: CheckView[];
  lineage: LineageView;
  headline: HeadlineView | null;
  /** The headline metric along the ancestor chain, root first (see the analysis schema). */
  headlineChain?: { id: string; value: number | null }[] | null;
}
