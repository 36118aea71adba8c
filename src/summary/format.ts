/**
 * Text pieces of the Markdown summary: escaping of record text for a pull-request comment, and the
 * numbers, changes and verdicts as the summary words them. Numbers use the site's formatting
 * (`src/view/format.ts`), so the comment and the pages agree.
 */
import { IdSchema } from '../schema/index.ts';
import { decimalsOf, formatPercent, formatPoints, formatRelative, formatSigned, formatValue, percentDecimals } from '../view/format.ts';
import type { SummaryDelta, SummaryFairnessFlag, SummaryMetric } from './types.ts';
import { maxOf } from '../util/arrays.ts';

/**
 * Escapes text from a record (or a file name, or a ref) for Markdown prose and table cells in a GitHub
 * comment: line breaks become spaces; `<`, `>` and `&` become entities, so no HTML tag or comment
 * (e.g. a fake `<!-- logbook-summary -->` marker) can be injected; Markdown punctuation that could open
 * a link, image, code span, emphasis, math or table cell is backslash-escaped; `@` is followed by a
 * zero-width space so a record cannot @-mention people; control and bidirectional-override characters
 * are dropped.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\s*[\r\n\t]+\s*/g, ' ')
      .replace(/[\\`*_[\]|~#!${}]/g, '\\$&')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@/g, '@\u200b')
  );
}

/**
 * An inline code span that shows `text` literally, whatever backticks it holds (the fence is one
 * longer than its longest run of backticks). Not for table cells (a `|` would end the cell).
 */
export function codeSpan(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  const longest = Math.max(0, maxOf((flat.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A fenced code block showing `lines` literally (the fence is longer than any backtick run inside),
 * each line prefixed with `prefix` (e.g. `> ` inside a blockquote).
 */
export function codeBlock(lines: readonly string[], prefix = ''): string[] {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = lines.map((line) => line.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ''));
  const longest = Math.max(2, maxOf(clean.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(longest + 1);
  return [`${prefix}${fence}text`, ...clean.flatMap((line) => line.split('\n')).map((line) => `${prefix}${line}`), `${prefix}${fence}`];
}

/** An experiment id: a code span when it is a valid id, else escaped text (a failing file may declare anything). */
export function idText(id: string): string {
  return IdSchema.safeParse(id).success ? codeSpan(id) : escapeMarkdown(id);
}

/** A unit suffix: `%` attached, others after a space, escaped. */
function withUnit(text: string, unit: string | null): string {
  if (unit === null || unit === '' || text === '—') return text;
  return unit === '%' ? `${text}%` : `${text} ${escapeMarkdown(unit)}`;
}

/** Decimal places of values written with `decimals` places on their scale, as shown (in percent for fractions), at most 6. */
function places(decimals: number, fraction: boolean): number {
  return fraction ? percentDecimals(decimals) : Math.min(6, decimals);
}

/** A value by the display rule: a fraction in percent, anything else in its unit. */
function shown(value: number, fraction: boolean, unit: string | null, digits: number): string {
  return fraction ? formatPercent(value, digits) : withUnit(formatValue(value, digits), unit);
}

/**
 * A test metric with its 95% CI by the display rule: `87.0% ± 0.7 pp`, `0.863 ± 0.012` (an unrecognised
 * metric), `15.5 ms ± 0.5 ms`, `91% (95% CI 88% to 93%)`, `68.4% (no CI)`.
 */
export function formatMetric(m: SummaryMetric): string {
  const own = places(m.decimals, m.fraction);
  if (m.ciHalfWidth !== null) {
    const digits = Math.max(own, places(decimalsOf(m.ciHalfWidth), m.fraction));
    // A half-width beside a percentage (a proportion's, or WER's, MAPE's) is percentage points.
    const hw = m.fraction
      ? `${formatValue(Number.parseFloat((m.ciHalfWidth * 100).toPrecision(15)), digits)} pp`
      : m.unit === '%'
        ? `${formatValue(m.ciHalfWidth, digits)} pp`
        : withUnit(formatValue(m.ciHalfWidth, digits), m.unit);
    return `${shown(m.value, m.fraction, m.unit, digits)} ± ${hw}`;
  }
  if (m.ciLow !== null && m.ciHigh !== null) {
    const digits = Math.max(own, ...[m.ciLow, m.ciHigh].map((v) => places(decimalsOf(v), m.fraction)));
    const [value, low, high] = [m.value, m.ciLow, m.ciHigh].map((v) => shown(v, m.fraction, m.unit, digits));
    return `${value} (95% CI ${low} to ${high})`;
  }
  return `${shown(m.value, m.fraction, m.unit, own)} (no CI)`;
}

/** The two values compared, formatted with one precision by the display rule. */
export function formatComparedValues(d: SummaryDelta): { current: string; reference: string } {
  const digits = places(d.decimals, d.fraction);
  return { current: shown(d.current, d.fraction, d.unit, digits), reference: shown(d.referenceValue, d.fraction, d.unit, digits) };
}

/** The change in percentage points for fractions, else in the metric's unit. */
function change(d: SummaryDelta, value: number, digits: number): string {
  if (d.fraction) return formatPoints(value, digits);
  const unit = d.absoluteUnit === null || d.absoluteUnit === '' ? '' : ` ${escapeMarkdown(d.absoluteUnit)}`;
  return `${formatSigned(value, digits)}${unit}`;
}

/**
 * The change with sign and unit, then the relative change: `+2 pp (+2.4%)`, `+1.8 pp (+2.1%)`,
 * `+3.0 ms (+25.0%)`, `+0.018 (relative n/a)` when the reference is 0. Minus signs are U+2212.
 */
export function formatChange(d: SummaryDelta): string {
  return `${change(d, d.absolute, places(d.decimals, d.fraction))} (${d.relative === null ? 'relative n/a' : formatRelative(d.relative)})`;
}

/** The 95% interval of the change: `[+1.0, +3.0] pp`, `[+0.003, +0.033]`; `—` when none could be computed. */
export function formatChangeInterval(d: SummaryDelta): string {
  if (d.ciLow === null || d.ciHigh === null) return '—';
  const digits = places(d.decimals, d.fraction) + 1;
  const scale = d.fraction ? 100 : 1;
  const unit = d.fraction ? ' pp' : d.absoluteUnit === null || d.absoluteUnit === '' ? '' : ` ${escapeMarkdown(d.absoluteUnit)}`;
  return `[${formatSigned(d.ciLow * scale, digits)}, ${formatSigned(d.ciHigh * scale, digits)}]${unit}`;
}

/**
 * The verdict, direction-aware and never an unqualified "better" unless the 95% interval of the
 * change excludes 0: `✅ better`, `⚠️ worse`, `➖ better, within noise`, `❔ worse (no interval)`,
 * `no change`, `↑ higher (direction unknown)`.
 */
export function formatVerdict(d: Pick<SummaryDelta, 'verdict' | 'noise' | 'absolute'>): string {
  if (d.verdict === 'no-change') return 'no change';
  if (d.verdict === 'no-direction') return d.absolute > 0 ? '↑ higher (direction unknown)' : '↓ lower (direction unknown)';
  const word = d.verdict;
  if (d.noise === 'within-noise') return `➖ ${word}, within noise`;
  if (d.noise === 'no-interval') return `❔ ${word} (no interval)`;
  return word === 'better' ? '✅ better' : '⚠️ worse';
}

/**
 * A flagged fairness gap in one line: `**age** · Selection Rate: Ratio 0.625 is below 0.8 (four-fifths
 * rule, a heuristic) … — worst 18-29 (50%), best 30-49 (80%), gap 30 pp`.
 */
export function formatFairnessFlag(f: SummaryFairnessFlag): string {
  const digits = Math.max(...[f.worstGroup, f.bestGroup].map((g) => places(g.decimals ?? decimalsOf(g.value), f.fraction)));
  const value = (v: number): string => shown(v, f.fraction, f.unit, digits);
  const [worst, best] = f.directionKnown ? ['worst', 'best'] : ['lowest', 'highest'];
  const gap = f.fraction
    ? `${formatValue(Number.parseFloat((f.difference * 100).toPrecision(15)), digits)} pp`
    : withUnit(formatValue(f.difference, digits), f.unit);
  return (
    `**${escapeMarkdown(f.attribute)}** · ${escapeMarkdown(f.metric)}: ${escapeMarkdown(f.reason)} — ` +
    `${worst} ${escapeMarkdown(f.worstGroup.group)} (${value(f.worstGroup.value)}), ` +
    `${best} ${escapeMarkdown(f.bestGroup.group)} (${value(f.bestGroup.value)}), gap ${gap}`
  );
}
