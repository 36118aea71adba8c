/**
 * "Improvement vs Baseline" claims: the one parser of a claim's text (the template parser calls it
 * too, so a claim means the same in every input form), and the check of each claim against the
 * computed change it names.
 */
import type { BaselineRow, Experiment, ImprovementClaim } from '../schema/index.ts';
import { message } from './messages.ts';
import { metricInfo, normalizeUnit, secondsIn } from './metrics.ts';
import type { Check, ClaimCheck, MetricDelta, NotCompared } from './schema.ts';
import { decimalsOf, EPSILON, writtenDecimals } from './stats.ts';
import { computeMetricDelta, isMetricDelta, sameQuantity, testMetricByKey, type DeltaSide } from './deltas.ts';
import { getOwn } from '../util/own.ts';

/** The unit of a claimed change: relative-or-absolute percent, percentage points, absolute in the metric unit, or a ratio. */
export type ClaimUnit = '%' | 'pp' | 'abs' | 'x';

/** What the text of a claim says. */
export interface ClaimText {
  /** The claimed change, signed (`−1.2 pp` → −1.2); null when the text states no number. */
  value: number | null;
  /** Decimal places the number was written with. */
  decimals: number;
  /** True when the number carries an explicit sign (then the sign must match). */
  signed: boolean;
  unit: ClaimUnit | null;
  /** What it is compared to (after "vs", "over", "than", …), when the text says. */
  reference: string | null;
  /** A trailing parenthesised remark, e.g. "acceptable". */
  comment: string | null;
  /** Which way the words say the metric moved, when the number has no sign (`improved by 1.2 pp`, `error reduced by 0.3`). */
  says: ClaimWords | null;
  /** The unit of time an absolute change is written in (`+0.003 s`), when it is one. */
  timeUnit?: string | null;
}

/** The way a claim's words say a metric moved: better or worse (by the metric's direction), up or down (its value). */
export type ClaimWords = 'better' | 'worse' | 'up' | 'down';

/** Words for the way a metric moved; the first of them in a claim's text counts. */
const CLAIM_WORDS: readonly (readonly [RegExp, ClaimWords])[] = [
  [/\b(?:improv\w*|better|gain(?:ed|s)?|uplift)\b/gi, 'better'],
  [/\b(?:worse|regress\w*|degrad\w*|deteriorat\w*)\b/gi, 'worse'],
  [/\b(?:increas\w*|rais\w*|rose|grew|higher)\b/gi, 'up'],
  [/\b(?:decreas\w*|reduc\w*|lower(?:ed)?|dropp?\w*|fell|cut)\b/gi, 'down'],
];

/** The way the first word of `CLAIM_WORDS` in `text` says the metric moved, or null. */
function claimWords(text: string): ClaimWords | null {
  let first: { at: number; says: ClaimWords } | null = null;
  for (const [pattern, says] of CLAIM_WORDS)
    for (const match of text.matchAll(pattern)) if (first === null || match.index < first.at) first = { at: match.index, says };
  return first?.says ?? null;
}

const NUMBER =
  /(?<![\w.])([+\-−–]?)\s*[$€£¥₹]?\s*(\d[\d,]*(?:\.\d+)?)\s*(%|pp\b|p\.p\.|percentage points?\b|points?\b|pts?\b|bps?\b|basis points?\b|x\b|×|[a-zµ$]+\b)?/i;
const POINTS = /^(?:pp|p\.p\.|percentage points?|points?|pts?)$/i;
/** Basis points: hundredths of a percentage point (`+22 bps` is +0.22 pp). */
const BASIS_POINTS = /^(?:bps?|basis points?)$/i;

/** A claim's number as written: `1,204` (thousands), `0,7` (a decimal comma, as much of Europe writes it), `2.1`. */
function claimNumber(literal: string): string {
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(literal) ? literal.replace(/,/g, '') : literal.replace(/^(\d+),(\d+)$/, '$1.$2');
}
const REFERENCE = /\b(?:vs\.?|versus|over|than|compared (?:to|with)|relative to|against|from)\s+(.+)$/i;

/**
 * Parses a claim as people write it: `+2.1% vs previous best`, `+2pp vs production`, `-1.2 pp`,
 * `+3ms vs previous best (acceptable)`, `3x vs previous best`, `Accuracy improved by 2.1% over the
 * baseline`. The first number is the change; a `%` is relative or absolute percent, `pp`/`points` are
 * percentage points, `x`/`×` a ratio, a unit such as `ms` (or none) an absolute change in the metric's unit.
 */
export function parseClaimText(text: string): ClaimText {
  const transition = transitionClaim(text);
  if (transition !== undefined) return transition;
  const comment = /\(([^()]*)\)\s*$/.exec(text);
  const body = comment === null ? text : text.slice(0, comment.index);
  const match = NUMBER.exec(body);
  const literal = match?.[2] === undefined ? undefined : claimNumber(match[2]);
  const unitText = (match?.[3] ?? '').trim();
  const basis = BASIS_POINTS.test(unitText);
  const known =
    unitText === ''
      ? null
      : unitText === '%'
        ? '%'
        : POINTS.test(unitText) || basis
          ? 'pp'
          : /^(?:x|×)$/i.test(unitText)
            ? 'x'
            : normalizeUnit(unitText);
  const sign = match?.[1] ?? '';
  const after = match === null ? body : body.slice(match.index + match[0].length - (known === null ? unitText.length : 0));
  const reference = REFERENCE.exec(after)?.[1]?.trim() ?? null;
  const written = literal === undefined ? null : (sign === '' || sign === '+' ? 1 : -1) * Number(literal);
  const places = (literal?.split('.')[1] ?? '').length;
  return {
    value: written === null || !basis ? written : Number.parseFloat((written / 100).toPrecision(12)),
    decimals: basis ? places + 2 : places,
    signed: sign !== '',
    unit: literal === undefined ? null : known === '%' || known === 'pp' || known === 'x' ? known : 'abs',
    reference: reference === '' ? null : reference,
    comment: comment?.[1] === undefined || comment[1].trim() === '' ? null : comment[1].trim(),
    says: sign === '' ? claimWords(body) : null,
    timeUnit: secondsIn(known) === undefined ? null : known,
  };
}

/** `80.2% → 82.9%`: a value before and after (→, ->, ⟶, =>), each with its unit as written. */
const TRANSITION =
  /([+\-−–]?\d[\d,]*(?:\.\d+)?)\s*(%|(?:ms|µs|us|s|sec|min|h|db|[kmg]b)\b)?\s*(?:→|->|⟶|=>)\s*([+\-−–]?\d[\d,]*(?:\.\d+)?)\s*(%|(?:ms|µs|us|s|sec|min|h|db|[kmg]b)\b)?/i;

/**
 * A claim written as the values before and after (`WER: 9.9% → 8.7%, i.e. −1.2 pp absolute`,
 * `80.2% → 82.9% (+2.7 pp)`, `8.4 → 7.9 ms`): the change written after them when there is a signed
 * one, else after − before (in points between percentages). Undefined when the text has no such pair.
 */
function transitionClaim(text: string): ClaimText | undefined {
  const arrow = TRANSITION.exec(text);
  if (arrow !== null)
    return pairClaim(text, {
      at: arrow.index,
      end: arrow.index + arrow[0].length,
      before: [arrow[1], arrow[2]],
      after: [arrow[3], arrow[4]],
    });
  // `0.81 vs 0.88 (−8%)`: this run's value, then the one compared with — the same pair, written the other way.
  const versus = VERSUS_PAIR.exec(text);
  if (versus !== null)
    return pairClaim(text, {
      at: versus.index,
      end: versus.index + versus[0].length,
      before: [versus[3], versus[4]],
      after: [versus[1], versus[2]],
    });
  return undefined;
}

/** Whether a claim is written as this run's value against another (`0.81 vs 0.88 (−8%)`, `9.9% → 8.7%`), not as a change alone. */
export function isPairClaim(text: string): boolean {
  return transitionClaim(text) !== undefined;
}

/** `0.81 vs 0.88`, `11.2% versus 14.6%`: an unsigned value, `vs`, and the value compared with, each with its unit. */
const VERSUS_PAIR =
  /^\s*(\d[\d,]*(?:\.\d+)?)\s*(%|(?:ms|µs|us|s|sec|min|h|db|[kmg]b)\b)?\s+(?:vs\.?|versus)\s+(\d[\d,]*(?:\.\d+)?)\s*(%|(?:ms|µs|us|s|sec|min|h|db|[kmg]b)\b)?/i;

/** A value before and after found in a claim's text: where the pair starts and ends, and each number with its unit as written. */
interface WrittenPair {
  at: number;
  end: number;
  before: [string | undefined, string | undefined];
  after: [string | undefined, string | undefined];
}

/** The claim a before/after pair in `text` states: the change written after the pair, else after − before. */
function pairClaim(text: string, pair: WrittenPair): ClaimText | undefined {
  // `−0.7 pts vs parent (8.3% → 7.6%)`: a change written first is the claim; the pair is its comment.
  if (/\d/.test(text.slice(0, pair.at))) return undefined;
  const rest = text.slice(pair.end).trim();
  // `… vs 19,3 % in parent`: the value compared with was the parent's.
  const reference = REFERENCE.exec(rest)?.[1]?.trim() ?? (/^(?:in|of|for|by) (?:the )?parent\b/i.test(rest) ? 'parent' : null);
  // `(+2.7 pp)`, `, i.e. −1.2 pp absolute (12.1% relative)`: the change as written; `(−8%) vs
  // forecast-tft-006`: the change in brackets, the run after them; `in parent (−4,4 pp)`: a change in brackets later.
  const cleaned = rest.replace(/^[,;:]?\s*(?:i\.e\.|that is|so)?[,\s]*/i, '');
  const written = /^\(([^()]*)\)/.exec(cleaned)?.[1] ?? /\(\s*([+\-−–]\s*[$€£¥₹]?\s*\.?\d[^()]*)\)/.exec(cleaned)?.[1] ?? cleaned;
  if (/^[+\-−–]\s*[$€£¥₹]?\s*\.?\d/.test(written)) {
    const change = parseClaimText(written);
    return { ...change, reference: change.reference ?? reference };
  }
  const [beforeText, beforeUnit] = pair.before;
  const [afterText, afterUnit] = pair.after;
  const before = Number(claimNumber(beforeText?.replace(/[−–]/, '-') ?? ''));
  const after = Number(claimNumber(afterText?.replace(/[−–]/, '-') ?? ''));
  if (!Number.isFinite(before) || !Number.isFinite(after)) return undefined;
  const unit = afterUnit ?? beforeUnit ?? '';
  // Places as read (`14,9` with a decimal comma has one).
  const placesOf = (written: string | undefined): number => (claimNumber(written ?? '').split('.')[1] ?? '').length;
  const places = Math.max(placesOf(beforeText), placesOf(afterText));
  const remainder = rest
    .replace(REFERENCE, '')
    .replace(/^[,;]\s*/, '')
    .trim();
  return {
    value: Number.parseFloat((after - before).toFixed(places)),
    decimals: places,
    signed: true,
    unit: unit === '%' ? 'pp' : 'abs',
    reference,
    comment: remainder === '' ? null : remainder,
    says: null,
  };
}

/** A claim ready to check: its number, precision, sign and unit, and the way its words say the metric moved. */
export interface ParsedClaim {
  value: number;
  decimals: number;
  signed: boolean;
  unit: ClaimUnit;
  says?: ClaimWords | null;
  /** The unit of time an absolute change is written in, when it is one (`+0.003 s` against a change in ms). */
  timeUnit?: string | null;
}

/** The number of a claim: its `value`/`unit` fields where given (precision as written), else its text. Null when it states none. */
export function readClaim(claim: ImprovementClaim, decimals?: number): ParsedClaim | null {
  const text = parseClaimText(claim.text);
  const value = claim.value ?? text.value;
  if (value === null) return null;
  const sameLiteral = text.value !== null && Math.abs(Math.abs(text.value) - Math.abs(value)) < EPSILON;
  return {
    value,
    decimals: Math.max(decimals ?? decimalsOf(value), sameLiteral ? text.decimals : 0),
    signed: (sameLiteral && text.signed) || value < 0,
    unit: claim.unit ?? text.unit ?? 'abs',
    says: text.says,
    timeUnit: sameLiteral ? (text.timeUnit ?? null) : null,
  };
}

/** The reference a claim names: its `reference` field, else what its text compares to. */
export function claimReference(claim: ImprovementClaim): string | null {
  if (claim.reference !== undefined && claim.reference.trim() !== '') return claim.reference.trim();
  return parseClaimText(claim.text).reference;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
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

/** `12.9% → 11.6% (−1.3 pp)`: the value a claim starts from, as written before its arrow, and the value it ends at. */
const FROM_VALUE = /^\s*([-+]?\d+(?:\.\d+)?)\s*(%?)\s*(?:→|->|=>|⟶)\s*([-+]?\d+(?:\.\d+)?)?\s*(%?)/;

/** A value written in a claim (`12.9`, `%`) as a side of the claim's metric. */
function writtenSide(metric: string, number: string, percent: string): DeltaSide {
  return {
    value: Number(number),
    info: metricInfo(metric, percent === '%' ? '%' : undefined),
    decimals: (number.split('.')[1] ?? '').length,
  };
}

/**
 * A claim written as before → after that no baseline row holds (`FPR: 0.24% → 0.164% (−32%
 * relative)`) is checked against its own numbers: the change from the value before to this run's
 * test metric (or, with none, to the value after). Undefined for any other claim.
 */
export function changeFromValueBefore(record: Experiment, claim: ImprovementClaim): MetricDelta | undefined {
  const from = FROM_VALUE.exec(claim.text);
  if (from?.[1] === undefined) return undefined;
  const reference = writtenSide(claim.metric, from[1], from[2] ?? '');
  const current =
    testMetricByKey(record, reference.info.key) ?? (from[3] === undefined ? undefined : writtenSide(claim.metric, from[3], from[4] ?? ''));
  if (current === undefined) return undefined;
  const delta = computeMetricDelta({
    baseline: message.valueBefore(`${from[1]}${from[2] ?? ''}`),
    source: 'baseline',
    referenceId: null,
    metric: claim.metric,
    current,
    reference,
  });
  return isMetricDelta(delta) ? delta : undefined;
}

/**
 * The one baseline row whose value of the claim's metric is the value the claim starts from
 * (`WER: 12.9% → 11.6%` and the row with WER 12.9%): what a claim written as before → after is
 * compared to when it names nothing. Undefined when none or several rows hold that value.
 */
export function rowOfFromValue(record: Experiment, claim: ImprovementClaim, rows: readonly BaselineRow[]): BaselineRow | undefined {
  const from = FROM_VALUE.exec(claim.text);
  if (from?.[1] === undefined) return undefined;
  const side = writtenSide(claim.metric, from[1], from[2] ?? '');
  const baselines = record.comparison?.baselines ?? [];
  const found = rows.filter((row) =>
    Object.keys(row.metrics ?? {}).some((name) => {
      const held = getOwn(row.metrics, name);
      if (typeof held !== 'number' || metricInfo(name).key !== side.info.key) return false;
      const decimals = writtenDecimals(record, `comparison.baselines.${baselines.indexOf(row)}.metrics.${name}`, held);
      return sameQuantity(side, { value: held, info: metricInfo(name), decimals });
    }),
  );
  return found.length === 1 ? found[0] : undefined;
}

function roundsTo(computed: number, claim: ParsedClaim): boolean {
  const x = claim.signed ? computed : Math.abs(computed);
  const c = claim.signed ? claim.value : Math.abs(claim.value);
  return Math.abs(x - c) <= 0.5 * 10 ** -claim.decimals + EPSILON;
}

/**
 * An unsigned claim whose words say which way the metric moved (`improved by 1.2 pp`, `error reduced
 * by 0.3 pp`) with that sign: improved is up for a higher-is-better metric and down for a
 * lower-is-better one. A claim that says "improved" of a metric that fell is no match for the fall.
 */
function withWordsSign(claim: ParsedClaim, delta: MetricDelta): ParsedClaim {
  if (claim.signed || claim.says === undefined || claim.says === null) return claim;
  const better = delta.betterDirection === 'higher' ? 1 : delta.betterDirection === 'lower' ? -1 : 0;
  const sign = { up: 1, down: -1, better, worse: -better }[claim.says];
  return sign === 0 ? claim : { ...claim, signed: true, value: sign * Math.abs(claim.value) };
}

/**
 * An absolute claim in another unit of time than the change (`+0.003 s` of a change in ms) in the
 * change's unit, its precision moved with it (0.003 s to ±0.0005 s is 3 ms to ±0.5 ms; 1.2 s is
 * 1200 ms to ±50 ms); any other claim as it is.
 */
function inUnitOfTime(claim: ParsedClaim, unit: string | null): ParsedClaim {
  const from = secondsIn(claim.timeUnit);
  const to = secondsIn(unit);
  if (claim.unit !== 'abs' || from === undefined || to === undefined || from === to) return claim;
  const factor = from / to;
  return {
    ...claim,
    value: Number.parseFloat((claim.value * factor).toPrecision(12)),
    decimals: claim.decimals - Math.round(Math.log10(factor)),
  };
}

/**
 * Reads a claim both ways its unit allows and says which reading matches: "%" as a relative change
 * or as absolute points; "pp" as absolute points; "abs" as an absolute change in the metric unit (for a
 * proportion, of fractions or of percentages, whichever way it is written).
 * Points are 100 × the change of a fraction (any unit-interval metric, whatever scale it was written
 * on), or the change of another metric written in percent.
 */
export function matchClaim(written: ParsedClaim, delta: MetricDelta): 'relative' | 'absolute' | null {
  const claim = inUnitOfTime(withWordsSign(written, delta), delta.unit);
  const points = delta.fraction ? delta.absolute * 100 : delta.unit === '%' ? delta.absolute : null;
  // `+1.4 pts` of NDCG 0.398 → 0.412, `+3.5 pp` of Recall@100: a score between 0 and 1 reported ×100, as
  // retrieval papers do — points only (a "%" of such a score could be either).
  const bounded = delta.unit === null && [delta.current, delta.reference].every((v) => v >= 0 && v <= 1);
  if (claim.unit === '%' && delta.relative !== null && roundsTo(delta.relative * 100, claim)) return 'relative';
  if ((claim.unit === '%' || claim.unit === 'pp') && points !== null && roundsTo(points, claim)) return 'absolute';
  if (claim.unit === 'pp' && points === null && bounded && roundsTo(delta.absolute * 100, claim)) return 'absolute';
  // A bare number is a change in the unit the metric is written in: of fractions (+0.018) or of percentages (+2).
  if (claim.unit === 'abs' && (roundsTo(delta.absolute, claim) || (delta.fraction && roundsTo(delta.absolute * 100, claim))))
    return 'absolute';
  return null;
}

/**
 * The one change of the metric a claim names more briefly than the results do: without a split
 * (`Perplexity` for `Eval PPL`) or a qualifier (`Latency p99` for `Serving latency p99`) — the same
 * kind of metric, its key ending with the claim's — or without the aside after the name
 * (`Latency / image` for `Latency / image (A100, 8 steps)`). Undefined when none or several are.
 */
function namedMoreFully(metric: string, deltas: readonly MetricDelta[]): MetricDelta | undefined {
  const info = metricInfo(metric);
  const withoutAside = (name: string): string => metricInfo(name.replace(/(?:\s*\([^()]*\))+\s*$/, '')).key;
  const found = deltas.filter(
    (d) =>
      (d.key.endsWith(`_${info.key}`) && metricInfo(d.metric).kind === info.kind) ||
      (d.key !== info.key && withoutAside(d.metric) === info.key),
  );
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Checks every `comparison.claims` entry against the computed deltas: the claim's reference is matched
 * to a baseline row (or "parent" to the parent deltas); a claim is accepted when either reading of it
 * rounds to the computed change at the claim's precision. Ratio claims ("3x") are not checked.
 */
export function checkClaims(
  record: Experiment,
  baselineDeltas: readonly MetricDelta[],
  parentDeltas: readonly MetricDelta[] = [],
  notCompared: readonly NotCompared[] = [],
): { claims: ClaimCheck[]; checks: Check[] } {
  const claims: ClaimCheck[] = [];
  const checks: Check[] = [];
  const rows = record.comparison?.baselines ?? [];
  const others = rows.filter((row) => row.current !== true);
  (record.comparison?.claims ?? []).forEach((claim, index) => {
    const path = `comparison.claims.${index}`;
    const parsed = readClaim(claim, claim.value === undefined ? undefined : writtenDecimals(record, `${path}.value`, claim.value));
    const reference = claimReference(claim);
    const namesParent = reference !== null && /\bparent\b/i.test(reference);
    const parentDelta = namesParent && parentDeltas.length > 0;
    // `vs parent` with no parent record to compare with: the baseline row that is the parent (its id,
    // a label that is the parent's id, `demand-tft-05 (last week)`, or a note saying so).
    const parent = record.lineage?.parent;
    const parentRow =
      namesParent && !parentDelta
        ? (others.find((r) => r.experimentId !== undefined && r.experimentId === parent) ??
          others.find((r) => parent !== undefined && r.label.replace(/\s*\([^)]*\)\s*$/, '').trim() === parent) ??
          others.find((r) => /\bparent\b/i.test(`${r.label} ${typeof r['notes'] === 'string' ? r['notes'] : ''}`)))
        : undefined;
    const row =
      reference === null
        ? others.length === 1
          ? others[0]
          : rowOfFromValue(record, claim, others)
        : (parentRow ?? matchBaselineRow(reference, rows));
    // `WER: 12.9% → 11.6% (−1.3 pp)` with no row of 12.9%: against its own value before.
    const before = reference === null && row === undefined ? changeFromValueBefore(record, claim) : undefined;
    const baseline = parentDelta ? (parentDeltas[0]?.baseline ?? null) : (row?.label ?? before?.baseline ?? null);
    const source = parentDelta ? 'parent' : 'baseline';
    const key = metricInfo(claim.metric).key;
    const candidates = parentDelta ? parentDeltas : before !== undefined ? [before] : baselineDeltas.filter((d) => d.baseline === baseline);
    const delta = candidates.find((d) => d.key === key) ?? namedMoreFully(claim.metric, candidates);
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
      computedFraction: delta?.fraction ?? false,
      computedDecimals: delta?.decimals ?? null,
      status: 'unresolved',
    };
    claims.push(result);
    const unresolved = (text: string): void => {
      checks.push({ level: 'info', code: 'claim-unresolved', message: text, path });
    };
    if (parsed === null) return unresolved(message.claimNoNumber(claim.text));
    if (parsed.unit === 'x') return unresolved(message.claimRatio(claim.text));
    if (baseline === null) return unresolved(message.claimNoBaseline(claim.text, reference));
    if (delta === undefined) {
      const skipped = notCompared.find((d) => d.source === source && d.baseline === baseline && d.key === key);
      return unresolved(
        skipped === undefined
          ? message.claimNoMetric(claim.text, claim.metric, baseline)
          : message.claimNotCompared(claim.text, skipped.reason),
      );
    }
    const kind = matchClaim(parsed, delta);
    result.claimKind = kind;
    result.status = kind === null ? 'mismatch' : 'accepted';
    if (kind === null) {
      checks.push({
        level: 'warning',
        code: 'claim-mismatch',
        message: message.claimMismatch(claim.text, delta, baseline),
        path,
        hint: message.claimMismatchHint(parsed.unit),
      });
    }
  });
  return { claims, checks };
}
