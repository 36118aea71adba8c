/**
 * Improvement deltas: the current experiment against its baseline rows and its parent, with 95%
 * intervals of the change where the record allows, and the record's own improvement claims checked
 * against them.
 */
import type { BaselineRow, Experiment, ImprovementClaim, TestMetric } from '../schema/index.ts';
import { changeUnit, metricInfo, percentScale, type MetricInfo } from './metrics.ts';
import { message } from './messages.ts';
import type { Check, ClaimCheck, MetricDelta } from './schema.ts';
import { proportionDenominator, testSetSize } from './sizes.ts';
import { agreeAsRoundings, ciHalfWidth, combinedHalfWidth, decimalsOf, EPSILON, isZeroChange, twoProportionHalfWidth } from './stats.ts';

/** One side of a comparison: a value, its 95% CI half-width and the size its proportion is over, when known. */
export interface DeltaSide {
  value: number;
  halfWidth: number | null;
  /** True when the half-width was derived from explicit (possibly asymmetric) bounds. */
  fromBounds?: boolean;
  n: number | null;
}

/** Everything `computeMetricDelta` needs. */
export interface MetricDeltaInput {
  baseline: string;
  source: 'baseline' | 'parent';
  referenceId: string | null;
  metric: string;
  unit?: string | undefined;
  current: DeltaSide;
  reference: DeltaSide;
  /** Why the sizes are what they are (e.g. "assumed evaluated on this experiment's test set"), used with the two-proportion method. */
  sizeAssumption?: string | null;
}

/**
 * The change of one metric: absolute = current − reference (percentage points for a percent-unit
 * metric); relative = absolute / |reference| as a fraction; a 95% interval from both CIs (√(a²+b²)) or,
 * for a proportion with known sizes, from the two-proportion normal approximation.
 */
export function computeMetricDelta(input: MetricDeltaInput): MetricDelta {
  const info = metricInfo(input.metric, input.unit);
  const { current, reference } = input;
  const absolute = current.value - reference.value;
  const zero = isZeroChange(absolute, current.value, reference.value);
  const relative = reference.value === 0 ? null : absolute / Math.abs(reference.value);
  const direction = info.direction;
  const improved = direction === null ? null : zero ? false : direction === 'higher' ? absolute > 0 : absolute < 0;

  let halfWidth: number | null = null;
  let method: MetricDelta['method'] = null;
  const assumptions: string[] = [];
  if (current.halfWidth !== null && reference.halfWidth !== null) {
    halfWidth = combinedHalfWidth(current.halfWidth, reference.halfWidth);
    method = 'ci';
    assumptions.push('the two estimates are independent');
    if (current.fromBounds === true || reference.fromBounds === true)
      assumptions.push('an asymmetric CI is approximated by its half-width');
  } else if (info.isProportion && current.n !== null && reference.n !== null) {
    const scale = percentScale(info);
    const hw = twoProportionHalfWidth(current.value / scale, current.n, reference.value / scale, reference.n);
    if (hw !== null) {
      halfWidth = hw * scale;
      method = 'two-proportion';
      if (input.sizeAssumption !== undefined && input.sizeAssumption !== null) assumptions.push(input.sizeAssumption);
      assumptions.push(
        `n = ${current.n} and ${reference.n}, samples treated as independent (conservative when both were scored on the same items)`,
      );
    }
  }
  const ciLow = halfWidth === null ? null : absolute - halfWidth;
  const ciHigh = halfWidth === null ? null : absolute + halfWidth;
  return {
    baseline: input.baseline,
    source: input.source,
    referenceId: input.referenceId,
    metric: input.metric,
    key: info.key,
    current: current.value,
    reference: reference.value,
    absolute,
    absoluteUnit: changeUnit(info),
    relative,
    relativeUndefinedReason: relative === null ? 'the reference value is 0' : null,
    betterDirection: direction,
    improved,
    ciLow,
    ciHigh,
    significant: ciLow === null || ciHigh === null ? null : ciLow > 0 || ciHigh < 0,
    unit: info.unit,
    method,
    assumption: assumptions.length === 0 ? null : `${assumptions.join('; ')}.`,
  };
}

/** A metric value of the current experiment, with its CI when the test metrics give one. */
interface CurrentValue {
  name: string;
  info: MetricInfo;
  side: DeltaSide;
}

function sideOfTestMetric(record: Experiment, tm: TestMetric, info: MetricInfo, value: number): DeltaSide {
  const ci = tm.ci95;
  return {
    value,
    halfWidth: ci === undefined ? null : ciHalfWidth(ci),
    fromBounds: ci !== undefined && typeof ci !== 'number',
    n: proportionDenominator(record, info)?.n ?? null,
  };
}

function testMetricByKey(record: Experiment, key: string): TestMetric | undefined {
  return (record.evaluation?.testMetrics ?? []).find((tm) => tm.value !== null && metricInfo(tm.metric, tm.unit).key === key);
}

/** The row of the baseline table marked current, if any. */
export function findCurrentRow(record: Experiment): BaselineRow | undefined {
  return (record.comparison?.baselines ?? []).find((row) => row.current === true);
}

/**
 * The current experiment's values by metric key: the baseline row marked current, or the test metrics
 * when no row is marked. A CI is attached when the test metric of the same key has the same value.
 */
function currentValues(record: Experiment): Map<string, CurrentValue> {
  const values = new Map<string, CurrentValue>();
  const row = findCurrentRow(record);
  if (row === undefined) {
    for (const tm of record.evaluation?.testMetrics ?? []) {
      const info = metricInfo(tm.metric, tm.unit);
      if (tm.value !== null && !values.has(info.key))
        values.set(info.key, { name: tm.metric, info, side: sideOfTestMetric(record, tm, info, tm.value) });
    }
    return values;
  }
  for (const [name, value] of Object.entries(row.metrics)) {
    if (value === null) continue;
    const info = metricInfo(name);
    const tm = testMetricByKey(record, info.key);
    const withUnit = info.unit === null && tm?.unit !== undefined ? metricInfo(name, tm.unit) : info;
    const side: DeltaSide =
      tm !== undefined && tm.value !== null && agreeAsRoundings(tm.value, value)
        ? sideOfTestMetric(record, tm, withUnit, value)
        : { value, halfWidth: null, n: proportionDenominator(record, withUnit)?.n ?? null };
    if (!values.has(info.key)) values.set(info.key, { name, info: withUnit, side });
  }
  return values;
}

/**
 * Changes of the current experiment against every non-current baseline row, per metric both carry.
 * Rows are taken as evaluated on the current experiment's test set (same n) unless they name
 * `evaluatedOn`. A row with an `experimentId` found in `records` borrows that record's CI when its
 * test value matches the row.
 */
export function computeBaselineDeltas(record: Experiment, records: ReadonlyMap<string, Experiment> = new Map()): MetricDelta[] {
  const current = currentValues(record);
  const size = testSetSize(record);
  const deltas: MetricDelta[] = [];
  for (const row of record.comparison?.baselines ?? []) {
    if (row.current === true) continue;
    const referenced = row.experimentId === undefined ? undefined : records.get(row.experimentId);
    const sameTestSet = row.evaluatedOn === undefined;
    for (const [name, value] of Object.entries(row.metrics)) {
      const info = metricInfo(name);
      const cur = current.get(info.key);
      if (value === null || cur === undefined) continue;
      const refMetric = referenced === undefined ? undefined : testMetricByKey(referenced, info.key);
      const refCi =
        refMetric?.value !== null && refMetric?.value !== undefined && agreeAsRoundings(refMetric.value, value)
          ? refMetric.ci95
          : undefined;
      deltas.push(
        computeMetricDelta({
          baseline: row.label,
          source: 'baseline',
          referenceId: row.experimentId ?? null,
          metric: cur.name,
          unit: cur.info.unit ?? undefined,
          current: cur.side,
          reference: {
            value,
            halfWidth: refCi === undefined ? null : ciHalfWidth(refCi),
            fromBounds: refCi !== undefined && typeof refCi !== 'number',
            n: sameTestSet ? cur.side.n : null,
          },
          sizeAssumption:
            sameTestSet && size !== null
              ? `"${row.label}" assumed evaluated on this experiment's test set (n = ${size.n}, from the ${size.source})`
              : null,
        }),
      );
    }
  }
  return deltas;
}

/** Changes of the current experiment's test metrics against its parent's, per metric both report. */
export function computeParentDeltas(record: Experiment, parent: Experiment): MetricDelta[] {
  const deltas: MetricDelta[] = [];
  const seen = new Set<string>();
  for (const tm of record.evaluation?.testMetrics ?? []) {
    const info = metricInfo(tm.metric, tm.unit);
    const ref = testMetricByKey(parent, info.key);
    if (tm.value === null || ref === undefined || ref.value === null || seen.has(info.key)) continue;
    seen.add(info.key);
    const refInfo = metricInfo(ref.metric, ref.unit);
    // A percent metric compared with a fraction would mix scales: compare only like with like.
    if (refInfo.unit !== info.unit) continue;
    deltas.push(
      computeMetricDelta({
        baseline: parent.id,
        source: 'parent',
        referenceId: parent.id,
        metric: tm.metric,
        unit: tm.unit,
        current: sideOfTestMetric(record, tm, info, tm.value),
        reference: sideOfTestMetric(parent, ref, refInfo, ref.value),
      }),
    );
  }
  return deltas;
}

/** A claimed change as parsed from a claim. */
export interface ParsedClaim {
  value: number;
  /** Decimal places the claim was written with. */
  decimals: number;
  /** True when the claim carries an explicit sign (then the sign must match). */
  signed: boolean;
  unit: '%' | 'pp' | 'abs';
  /** True for ratio claims ("2x faster"), which are not checked. */
  ratio: boolean;
}

const CLAIM_NUMBER = /(?<![\w.])([+\-−–])?\s*(\d+(?:\.\d+)?)\s*(%|pp\b|p\.p\.|percentage points?|points?|pts?\b|x\b|×|[a-zµ]+)?/i;

/** Parses the number and unit of a claim from its `value`/`unit` fields, falling back to its text. */
export function parseClaim(claim: ImprovementClaim): ParsedClaim | null {
  const match = CLAIM_NUMBER.exec(claim.text);
  const sign = match?.[1];
  const literal = match?.[2];
  const unitText = (match?.[3] ?? '').toLowerCase();
  const textValue = literal === undefined ? undefined : (sign === undefined || sign === '+' ? 1 : -1) * Number(literal);
  const value = claim.value ?? textValue;
  if (value === undefined) return null;
  const sameLiteral = textValue !== undefined && literal !== undefined && Math.abs(Math.abs(textValue) - Math.abs(value)) < EPSILON;
  const decimals = sameLiteral ? (literal.split('.')[1] ?? '').length : decimalsOf(value);
  const textUnit: ParsedClaim['unit'] =
    unitText === '%' ? '%' : /^(?:pp|p\.p\.|percentage points?|points?|pts?)$/.test(unitText) ? 'pp' : 'abs';
  return {
    value,
    decimals,
    signed: (sameLiteral && sign !== undefined) || value < 0,
    unit: claim.unit ?? textUnit,
    ratio: claim.unit === undefined && (unitText === 'x' || unitText === '×'),
  };
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** The reference a claim names: its `reference` field, else what follows "vs"/"over"/"than" in its text. */
function claimReference(claim: ImprovementClaim): string | null {
  if (claim.reference !== undefined && claim.reference.trim() !== '') return claim.reference.trim();
  const match = /\b(?:vs\.?|versus|over|than|compared (?:to|with))\s+(.+?)\s*(?:\(.*)?$/i.exec(claim.text);
  return match?.[1] ?? null;
}

/**
 * The baseline row a reference text names, leniently: the same words as the label with or without its
 * parenthesised part, the row's experiment id, or all the reference's words found in the label.
 */
export function matchBaselineRow(reference: string, rows: readonly BaselineRow[]): BaselineRow | undefined {
  const ref = words(reference).join(' ');
  const candidates = rows.filter((row) => row.current !== true);
  const byLabel = (row: BaselineRow): boolean =>
    words(row.label).join(' ') === ref || words(row.label.replace(/\(.*?\)/g, '')).join(' ') === ref;
  const byId = (row: BaselineRow): boolean => {
    const ids = [row.experimentId, /\(([^)]+)\)/.exec(row.label)?.[1]].filter((id): id is string => id !== undefined);
    return ids.some((id) => words(id).join(' ') === ref || reference.toLowerCase().includes(id.toLowerCase()));
  };
  const byWords = (row: BaselineRow): boolean => {
    const label = new Set(words(row.label));
    const refWords = words(reference).filter((w) => w !== 'the' && w !== 'our');
    return refWords.length > 0 && refWords.every((w) => label.has(w));
  };
  return candidates.find(byLabel) ?? candidates.find(byId) ?? candidates.find(byWords);
}

function roundsTo(computed: number, claim: ParsedClaim): boolean {
  const x = claim.signed ? computed : Math.abs(computed);
  const c = claim.signed ? claim.value : Math.abs(claim.value);
  return Math.abs(x - c) <= 0.5 * 10 ** -claim.decimals + EPSILON;
}

/**
 * Reads a claim both ways its unit allows and says which reading matches: "%" as a relative change
 * or as absolute points; "pp" as absolute points; "abs" as an absolute change in the metric unit.
 * Points are the change of a percent-unit metric, or 100 × the change of a fraction in [0, 1].
 */
export function matchClaim(claim: ParsedClaim, delta: MetricDelta): 'relative' | 'absolute' | null {
  const info = metricInfo(delta.metric, delta.unit ?? undefined);
  const points =
    info.unit === '%' ? delta.absolute : Math.max(Math.abs(delta.current), Math.abs(delta.reference)) <= 1 ? delta.absolute * 100 : null;
  if (claim.unit === '%' && delta.relative !== null && roundsTo(delta.relative * 100, claim)) return 'relative';
  if ((claim.unit === '%' || claim.unit === 'pp') && points !== null && roundsTo(points, claim)) return 'absolute';
  if (claim.unit === 'abs' && roundsTo(delta.absolute, claim)) return 'absolute';
  return null;
}

/**
 * Checks every `comparison.claims` entry against the computed deltas: the claim's reference is matched
 * to a baseline row (or "parent" to the parent deltas); a claim is accepted when either reading of it
 * rounds to the computed change at the claim's precision.
 */
export function checkClaims(
  record: Experiment,
  baselineDeltas: readonly MetricDelta[],
  parentDeltas: readonly MetricDelta[] = [],
): { claims: ClaimCheck[]; checks: Check[] } {
  const claims: ClaimCheck[] = [];
  const checks: Check[] = [];
  const rows = record.comparison?.baselines ?? [];
  const others = rows.filter((row) => row.current !== true);
  (record.comparison?.claims ?? []).forEach((claim, index) => {
    const path = `comparison.claims.${index}`;
    const parsed = parseClaim(claim);
    const reference = claimReference(claim);
    const parentDelta = reference !== null && /\bparent\b/i.test(reference) && parentDeltas.length > 0;
    const row = reference === null ? (others.length === 1 ? others[0] : undefined) : matchBaselineRow(reference, rows);
    const baseline = parentDelta ? (parentDeltas[0]?.baseline ?? null) : (row?.label ?? null);
    const pool = parentDelta ? parentDeltas : baselineDeltas.filter((d) => d.baseline === baseline);
    const key = metricInfo(claim.metric).key;
    const delta = pool.find((d) => d.key === key);
    const result: ClaimCheck = {
      index,
      metric: claim.metric,
      text: claim.text,
      baseline,
      claimed: parsed?.value ?? null,
      claimedUnit: parsed?.unit ?? null,
      claimKind: null,
      computedRelative: delta?.relative ?? null,
      computedAbsolute: delta?.absolute ?? null,
      status: 'unresolved',
    };
    claims.push(result);
    if (parsed === null || parsed.ratio) {
      checks.push({ level: 'info', code: 'claim-unresolved', message: message.claimNoNumber(claim.text), path });
      return;
    }
    if (baseline === null) {
      checks.push({ level: 'info', code: 'claim-unresolved', message: message.claimNoBaseline(claim.text, reference), path });
      return;
    }
    if (delta === undefined) {
      checks.push({ level: 'info', code: 'claim-unresolved', message: message.claimNoMetric(claim.text, claim.metric, baseline), path });
      return;
    }
    const kind = matchClaim(parsed, delta);
    result.claimKind = kind;
    result.status = kind === null ? 'mismatch' : 'accepted';
    if (kind === null) {
      checks.push({
        level: 'warning',
        code: 'claim-mismatch',
        message: message.claimMismatch(claim.text, delta.metric, baseline, delta.reference, delta.current, delta.absolute, delta.relative),
        path,
        hint: 'A "%" claim is accepted as a relative change or as percentage points; give the change as the table implies it.',
      });
    }
  });
  return { claims, checks };
}
