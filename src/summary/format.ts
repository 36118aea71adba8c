/**
 * Text pieces of the Markdown summary: escaping of record text for a pull-request comment, and the
 * numbers, changes and verdicts as the summary words them. Numbers use the site's formatting
 * (`src/view/format.ts`), so the comment and the pages agree.
 */
import { IdSchema } from '../schema/index.ts';
import { decimalsOf, deltaDecimals, formatRatio, formatRelative, formatSigned, formatValue } from '../view/format.ts';
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

/** A test metric with its 95% CI: `0.863 ± 0.012`, `86.3% ± 1.2 pp`, `0.91 (95% CI 0.88 to 0.93)`, `0.863 (no CI)`. */
export function formatMetric(m: SummaryMetric): string {
  if (m.ciHalfWidth !== null) {
    const places = Math.max(...[m.value, m.ciHalfWidth].map(decimals));
    const hw = formatValue(m.ciHalfWidth, places);
    return `${withUnit(formatValue(m.value, places), m.unit)} ± ${m.unit === '%' ? `${hw} pp` : withUnit(hw, m.unit)}`;
  }
  if (m.ciLow !== null && m.ciHigh !== null) {
    const places = Math.max(...[m.value, m.ciLow, m.ciHigh].map(decimals));
    const [value, low, high] = [m.value, m.ciLow, m.ciHigh].map((v) => withUnit(formatValue(v, places), m.unit));
    return `${value} (95% CI ${low} to ${high})`;
  }
  return `${withUnit(formatValue(m.value), m.unit)} (no CI)`;
}

/** Decimal places a value was written with, at most 6. */
function decimals(value: number): number {
  return Math.min(6, decimalsOf(value));
}

/** The two values compared, formatted with one precision and the metric's unit. */
export function formatComparedValues(d: SummaryDelta): { current: string; reference: string } {
  const places = Math.max(decimals(d.current), decimals(d.referenceValue));
  return { current: withUnit(formatValue(d.current, places), d.unit), reference: withUnit(formatValue(d.referenceValue, places), d.unit) };
}

/**
 * The change with sign and unit, then the relative change: `+0.018 (+2.1%)`, `+1.8 pp (+2.1%)`,
 * `+3.0 ms (+25.0%)`, `+0.018 (relative n/a)` when the reference is 0. Minus signs are U+2212.
 */
export function formatChange(d: SummaryDelta): string {
  const places = deltaDecimals([d.current, d.referenceValue]);
  const unit = d.absoluteUnit === null || d.absoluteUnit === '' ? '' : ` ${escapeMarkdown(d.absoluteUnit)}`;
  return `${formatSigned(d.absolute, places)}${unit} (${d.relative === null ? 'relative n/a' : formatRelative(d.relative)})`;
}

/** The 95% interval of the change: `[+0.003, +0.033]`; `—` when none could be computed. */
export function formatChangeInterval(d: SummaryDelta): string {
  if (d.ciLow === null || d.ciHigh === null) return '—';
  const places = deltaDecimals([d.current, d.referenceValue]) + 1;
  return `[${formatSigned(d.ciLow, places)}, ${formatSigned(d.ciHigh, places)}]`;
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
 * A flagged fairness gap in one line: `**age** · Precision: min/max ratio 0.663 < 0.8 — worst 18-25
 * (0.52), best 45-60 (0.78), gap 0.26`.
 */
export function formatFairnessFlag(f: SummaryFairnessFlag): string {
  const places = Math.max(decimals(f.worstGroup.value), decimals(f.bestGroup.value));
  const value = (v: number): string => withUnit(formatValue(v, places), f.unit);
  const [worst, best] = f.directionKnown ? ['worst', 'best'] : ['lowest', 'highest'];
  const gap = formatValue(f.difference, places);
  return (
    `**${escapeMarkdown(f.attribute)}** · ${escapeMarkdown(f.metric)}: min/max ratio ${formatRatio(f.ratio)} < ${f.threshold} — ` +
    `${worst} ${escapeMarkdown(f.worstGroup.group)} (${value(f.worstGroup.value)}), ` +
    `${best} ${escapeMarkdown(f.bestGroup.group)} (${value(f.bestGroup.value)}), gap ${f.unit === '%' ? `${gap} pp` : withUnit(gap, f.unit)}`
  );
}
