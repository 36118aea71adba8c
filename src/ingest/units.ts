/**
 * Reading numbers the way people write them in experiment logs: `1M`, `700K`, `70%`, `±0.012`,
 * `12 hours`, `15.6 kg`, `Yes (patience=10)`. Every function returns undefined for text it cannot read,
 * so callers can keep the text as written and let validation report it.
 */

// Thousands are grouped after a first group of 1–3 digits that does not start with 0 (`0,873` groups nothing).
const NUMBER = String.raw`[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?`;

/** Replaces the Unicode minus and similar dashes used as a sign with `-`. */
function normalizeSign(text: string): string {
  return text.trim().replace(/^[\u2212\u2013]/, '-');
}

/** Superscript digits in order, as an exponent is written (`10⁻⁵`). */
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A power of ten as a paper writes it, in E notation: `3×10⁻⁵`, `3 x 10^-5`, `3·10^(-5)`, `10⁻⁴` →
 * `3e-5`, `1e-4`; `1e−4` (a Unicode minus in the exponent) → `1e-4`. Other text as it is.
 */
function eNotation(text: string): string {
  const power =
    /^(?:([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*[×xX·*]\s*)?10\s*(?:\^\s*(\()?\s*([+\-\u2212]?\d+)\s*(\))?|([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$/.exec(text);
  if (power === null) return text.replace(/^([^eE]*\d[eE])\u2212(\d+)$/, '$1-$2');
  // An opening bracket needs its closing one: `10^(-5` is no number.
  if ((power[2] === undefined) !== (power[4] === undefined)) return text;
  const exponent =
    power[3]?.replace('\u2212', '-') ??
    [...(power[5] ?? '')].map((c) => (c === '⁻' ? '-' : c === '⁺' ? '+' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join('');
  return `${power[1] ?? '1'}e${exponent}`;
}

/**
 * The longest text read as a value, an interval or a statement of one (`86.9% (95% CI 86.2–87.6%,
 * bootstrap)` is under 40 characters). Longer text is no value (it stays as written, and validation names
 * it): a record may come from an untrusted pull request, and the readers' patterns take time that
 * grows faster than the text.
 */
export const MAX_VALUE_TEXT = 500;

/** Whether `text` is too long to be read as a value (`MAX_VALUE_TEXT`). */
export function tooLongForValue(text: string): boolean {
  return text.length > MAX_VALUE_TEXT;
}

/** A plain number: `0.001`, `-1.2`, `1,000,000`, `1e-4`, `3×10⁻⁵`. */
export function parseNumber(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const trimmed = eNotation(normalizeSign(text));
  if (!new RegExp(`^${NUMBER}$`).test(trimmed) || !/\d/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

const COUNT_SUFFIX: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/**
 * Decimal places of the number a piece of source text starts with, when that number is `value`
 * (`0.890` → 3, `**86.90%**` → 2, `±0.010` → 3, `8.90e-1` → 3, `0,870` → 3); undefined when the text does not
 * start with `value` written out. Leading emphasis, spaces and `±` are skipped.
 */
export function literalDecimals(text: string, value: number): number | undefined {
  // `77,0 %`, `0,870`: a decimal comma, as much of Europe writes one, when that reading is `value`
  // (first: `77,0` also starts with `77`).
  const comma = /^[\s*_±]*(?:\+\/-\s*)?[+\-\u2212]?(\d+),(\d+)(?![\d,])/.exec(text);
  const decimal = comma === null ? undefined : Number(`${comma[1]}.${comma[2]}`);
  if (decimal !== undefined && (decimal === value || -decimal === value)) return (comma?.[2] ?? '').length;
  const match = /^[\s*_±]*(?:\+\/-\s*)?([+\-\u2212]?)((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?)(?:[eE]([+-]?\d+))?/.exec(text);
  const digits = match?.[2];
  if (!digits || !/\d/.test(digits)) return undefined;
  const literal = Number(`${match[1] === '' ? '' : '-'}${digits.replace(/,/g, '')}e${match[4] ?? '0'}`);
  if (literal !== value && -literal !== value) return undefined;
  return Math.max(0, (match[3] ?? '').length - Number(match[4] ?? '0'));
}

/** A count with an optional K/M/B suffix: `1M` → 1000000, `700K` → 700000, `1.5B` → 1500000000, `1,000` → 1000. Rounded to a whole number. */
export function parseCount(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const match = /^([+]?[\d,]*\.?\d+)\s*([kKmMbBgGtT])?$/.exec(plainThousands(text.trim()));
  if (!match?.[1]) return undefined;
  const base = parseNumber(match[1]);
  if (base === undefined) return undefined;
  const multiplier = match[2] ? (COUNT_SUFFIX[match[2].toLowerCase()] ?? 1) : 1;
  return Math.round(base * multiplier);
}

/**
 * A count with its thousands grouped as much of the world writes them — by spaces, no-break or thin
 * spaces (`875 000`, as SI and French write it) or by dots (`875.000`, `1.250.000`, as German does) —
 * with the groups joined (`875000`). A count is a whole number, so `12.400` records are twelve
 * thousand four hundred, not 12.4. Anything else is returned as it is.
 */
function plainThousands(text: string): string {
  if (/^\d{1,3}(?:[\s\u00a0\u2009\u202f]\d{3})+$/.test(text)) return text.replace(/[\s\u00a0\u2009\u202f]/g, '');
  return /^\d{1,3}(?:\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text;
}

/** A number with a thousands or millions suffix, not rounded: `1.2k` → 1200, `3.5M` → 3500000. */
function parseScaled(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([kKmM])$/.exec(text.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return roundFloat(Number(match[1]) * (COUNT_SUFFIX[match[2].toLowerCase()] ?? 1));
}

/** A percentage as a fraction: `70%` → 0.7, `12.5 %` → 0.125. */
export function parsePercent(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const match = /^(.+?)\s*%$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const value = parseNumber(match[1]);
  return value === undefined ? undefined : roundFloat(value / 100);
}

/** Removes binary floating-point noise (0.7000000000000001 → 0.7). */
export function roundFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

/**
 * A 95% confidence interval: `±0.012` or `+/- 0.012` → 0.012 (half-width; `±0,4` with a decimal comma);
 * `[0.857, 0.881]`, `(0.857, 0.881)` or `0.857–0.881` → `{ low, high }`.
 */
export function parseConfidenceInterval(text: string): number | { low: number; high: number } | undefined {
  if (tooLongForValue(text)) return undefined;
  const trimmed = text.trim();
  const halfWidth = /^(?:±|\+\/-|\+-)\s*(.+)$/.exec(trimmed);
  if (halfWidth?.[1]) return parseMeasurement(halfWidth[1]);
  const bounds = /^[[(]?\s*([^,\s]+?)\s*(?:,|–|—|\s-\s|\sto\s)\s*([^,\s]+?)\s*[\])]?$/.exec(trimmed);
  if (bounds?.[1] && bounds[2]) {
    const low = parseNumber(bounds[1]);
    const high = parseNumber(bounds[2]);
    if (low !== undefined && high !== undefined) return { low, high };
  }
  return undefined;
}

const HOURS_PER_UNIT: readonly [RegExp, number][] = [
  [/^(?:h|hr|hrs|hour|hours)$/i, 1],
  [/^(?:m|min|mins|minute|minutes)$/i, 1 / 60],
  [/^(?:s|sec|secs|second|seconds)$/i, 1 / 3600],
  [/^(?:d|day|days)$/i, 24],
  [/^(?:w|wk|wks|week|weeks)$/i, 168],
];

/** One part of a compound duration: `12h`, `30 min`, `1 day,`, `and 4 hours`. */
const DURATION_PART = /\s*(?:and\s+)?(\d+(?:\.\d+)?)\s*([A-Za-z]+)\.?\s*,?/y;

/**
 * A duration in hours: `12 hours` → 12, `90 min` → 1.5, `2 days` → 48, `12` → 12; compound as
 * people and tools write it, `12h 30m` → 12.5, `1 day 4 hours` → 28, `2h, 15 min`; a clock's
 * `1:30:00` (h:mm:ss) or `1:30` (h:mm) → 1.5; `~12 h` → 12 (the page shows it as written).
 */
export function parseDurationHours(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const trimmed = text.trim().replace(/^(?:~|≈|about\s+|approx(?:\.|imately)?\s+|around\s+|roughly\s+)/i, '');
  const match = /^(\S+?)\s*([A-Za-z]+)?\.?$/.exec(trimmed);
  const value = match?.[1] === undefined ? undefined : parseNumber(match[1]);
  if (value !== undefined) {
    if (!match?.[2]) return value;
    const unit = HOURS_PER_UNIT.find(([pattern]) => pattern.test(match[2] ?? ''));
    return unit ? roundFloat(value * unit[1]) : undefined;
  }
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/.exec(trimmed);
  if (clock) return roundFloat(Number(clock[1]) + Number(clock[2]) / 60 + Number(clock[3] ?? 0) / 3600);
  let hours = 0;
  let parts = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < trimmed.length) {
    const part = DURATION_PART.exec(trimmed);
    const unit = part === null ? undefined : HOURS_PER_UNIT.find(([pattern]) => pattern.test(part[2] ?? ''));
    if (part === null || unit === undefined) return undefined;
    hours += Number(part[1]) * unit[1];
    parts += 1;
  }
  return parts >= 2 ? roundFloat(hours) : undefined;
}

/** A mass in kilograms: `15.6 kg` → 15.6, `15.6 kg CO2e` → 15.6, `1.2 t` → 1200, `500 g` → 0.5, `15.6` → 15.6. */
export function parseMassKg(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const match = /^(\S+?)\s*(kg|kgs|g|t|tonnes?|tons?)?(?:\s+(?:of\s+)?co2(?:e|eq)?)?\.?$/i.exec(text.trim());
  if (!match?.[1]) return undefined;
  // `61,2 kg`: a decimal comma, as much of Europe writes one.
  const value = parseMeasurement(match[1]);
  if (value === undefined) return undefined;
  const unit = (match[2] ?? 'kg').toLowerCase();
  const factor = unit === 'g' ? 0.001 : unit.startsWith('t') ? 1000 : 1;
  return roundFloat(value * factor);
}

/** GPU-hours: `100 GPU-hours` → 100, `48` → 48, `48 GPU hours` → 48. */
export function parseGpuHours(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const match = /^(\S+?)\s*(?:gpu[\s-]*(?:hours?|hrs?|h))?$/i.exec(text.trim());
  return match?.[1] ? parseMeasurement(match[1]) : undefined;
}

const CPU_ONLY = /\bcpu[\s-]*only\b|\bno gpus?\b|\bwithout (?:a |any )?gpus?\b/i;
const NAMES_A_GPU =
  /\bgpus?\b|\bnvidia\b|\bamd\b|\bradeon\b|\btesla\b|\bquadro\b|\b(?:rtx|gtx)\b|\b(?:a100|a10g?|a30|a40|a6000|h100|h200|v100|p100|k80|t4|l4|l40s?|mi\d{2,3}x?)\b/i;

/**
 * The GPU count of a hardware description: `4x NVIDIA A100 GPUs` → 4, `8 × V100` → 8, `2 GPUs` → 2;
 * `1x m6i.4xlarge (CPU only)` or `… no GPU` → 0. A count of machines that names no GPU
 * (`1x m6i.4xlarge`) is not a GPU count: undefined.
 */
export function parseGpuCount(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const trimmed = text.trim();
  if (CPU_ONLY.test(trimmed)) return 0;
  if (!NAMES_A_GPU.test(trimmed)) return undefined;
  const match = /^(\d+)\s*[x×]\s*\S/i.exec(trimmed) ?? /^(\d+)\s+(?:\S+\s+)*?gpus?\b/i.exec(trimmed);
  return match?.[1] ? Number(match[1]) : undefined;
}

/**
 * Early stopping as written: `Yes (patience=10)` → `{ enabled: true, patience: 10 }`, `No` →
 * `{ enabled: false }`; `on val WER` is the metric monitored, and any other part of the aside
 * (`No (fixed 400k steps)`) is kept as its `note`.
 */
export function parseEarlyStopping(text: string): { enabled: boolean; patience?: number; monitor?: string; note?: string } | undefined {
  const match = /^(yes|no|true|false|enabled|disabled|on|off)\b\s*(?:\((.*)\))?\s*$/i.exec(text.trim());
  if (!match?.[1]) return undefined;
  const enabled = /^(yes|true|enabled|on)$/i.test(match[1]);
  const result: { enabled: boolean; patience?: number; monitor?: string; note?: string } = { enabled };
  const rest: string[] = [];
  for (const part of (match[2] ?? '').split(/[,;]/)) {
    const [key, value] = part.split(/[=:]/).map((s) => s.trim());
    if (!key) continue;
    const on = /^(?:on|monitor(?:ing)?)\s+(\S.*)$/i.exec(part.trim());
    const patience = value !== undefined && /^patience$/i.test(key) ? parseNumber(value) : undefined;
    if (value === undefined && on?.[1] !== undefined && result.monitor === undefined) result.monitor = on[1];
    else if (patience !== undefined) result.patience = patience;
    else if (value !== undefined && /^(monitor|metric)$/i.test(key)) result.monitor = value;
    else rest.push(part.trim());
  }
  if (rest.length > 0) result.note = rest.join(', ');
  return result;
}

/** A table cell as a scalar: numbers become numbers, `true`/`false` booleans, `null` null, anything else stays text. */
export function parseScalar(text: string): string | number | boolean | null {
  if (tooLongForValue(text)) return text.trim();
  const trimmed = text.trim();
  const number = parseNumber(trimmed);
  if (number !== undefined) return number;
  // `0,05`, `6,0e-4`: a decimal comma no pair of numbers and no thousands group can be (a leading
  // zero, or an exponent); `3,3` stays as written (a kernel's size, say).
  if (/^[+-]?0,\d+$|^[+-]?\d+,\d+[eE][+-]?\d+$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  if (/^true$/i.test(trimmed)) return true;
  if (/^false$/i.test(trimmed)) return false;
  if (/^null$/i.test(trimmed)) return null;
  return trimmed;
}

/** What a half-filled log writes for a value not measured yet: `-`, `N/A`, `TBD`, `pending`, `?`, nothing. */
const NOT_MEASURED = /^(?:|-+|—|–|n\/?a|none|null|tb[dac]|to ?do|pending|unknown|\?+|not (?:yet )?(?:measured|available|run|known))$/i;

/** Whether a cell says the value is not measured (yet): `-`, `N/A`, `TBD`, `pending`, `?`, nothing. */
export function isNotMeasured(text: string): boolean {
  return NOT_MEASURED.test(text.trim());
}

/**
 * A measured value: `parseNumber`, or a number with a decimal comma, as much of Europe writes one
 * (`0,873`, `87,3`, `1,2345`: a comma that cannot group thousands). Only for metric values: in other
 * text `3,3` may be a pair.
 */
export function parseMeasurement(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const plain = parseNumber(text);
  if (plain !== undefined) return plain;
  // `1 210`, `12 345,6`: thousands grouped by spaces (or no-break and thin spaces), as SI writes them.
  const spaced = /^([+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d+))?$/.exec(normalizeSign(text));
  if (spaced?.[1] !== undefined)
    return parseNumber(`${spaced[1].replace(/[ \u00a0\u202f]/g, '')}${spaced[2] === undefined ? '' : `.${spaced[2]}`}`);
  // `6,0e-4`: a decimal comma before an exponent, as a learning rate is written in much of Europe.
  const comma = /^([+-]?\d+),(\d+)([eE][+-]?\d+)?$/.exec(normalizeSign(text));
  if (comma?.[1] === undefined || comma[2] === undefined) return undefined;
  return parseNumber(`${comma[1]}.${comma[2]}${comma[3] ?? ''}`);
}

/** A metric cell: `0.869` → 0.869, `86.9%` → 86.9 with unit "%", `-`/`N/A`/`TBD`/empty (`NOT_MEASURED`) → null. Otherwise undefined. */
export function parseMetricCell(text: string): { value: number | null; unit?: string } | undefined {
  if (tooLongForValue(text)) return undefined;
  const trimmed = text.trim().replace(/\.$/, '');
  if (NOT_MEASURED.test(trimmed)) return { value: null };
  const number = parseMeasurement(trimmed);
  if (number !== undefined) return { value: number };
  const percent = /^(.+?)\s*%$/.exec(trimmed);
  if (percent?.[1]) {
    const value = parseMeasurement(percent[1]);
    if (value !== undefined) return { value, unit: '%' };
  }
  const seconds = durationSeconds(trimmed);
  if (seconds !== undefined) return { value: seconds, unit: 's' };
  // `$23,410`, `−€1.2k`: an amount of money, the currency its unit.
  const money = /^([-+−]?)\s*([$€£¥₹])\s*(\d[\d,]*(?:\.\d+)?\s*[kKmM]?)$/.exec(trimmed);
  if (money?.[3] !== undefined) {
    const amount = parseMeasurement(money[3]) ?? parseScaled(money[3]);
    if (amount !== undefined) return { value: money[1] === '' || money[1] === '+' ? amount : -amount, unit: money[2] ?? '$' };
  }
  const withUnit = MEASURE_UNIT.exec(trimmed) ?? PHYSICAL_UNIT.exec(trimmed);
  if (withUnit?.[1] && withUnit[2]) {
    // `1.2k samples/s`: a rate may be written in thousands or millions.
    const value = parseMeasurement(withUnit[1]) ?? parseScaled(withUnit[1]);
    if (value !== undefined) return { value, unit: withUnit[2].replace(/\s*\/\s*/, '/').replace(/\s+per\s+(?:s|sec|second)$/i, '/s') };
  }
  return undefined;
}

/**
 * A number and its unit: a time (`45 ms`, `2 h`), a time per item (`3.2 ms/sample`, `40 ms / batch`),
 * a rate per second (`1,200 tokens/s`, `850 img/sec`, `30 samples per second`) or a length of text
 * (`182 tokens`, `95 words`: a generated answer's average length).
 */
const MEASURE_UNIT =
  /^(\S+?)\s*((?:ms|µs|us|s|sec|min|h|hours?)(?:\s*\/\s*[a-z]{1,12})?|[a-z]{1,12}\s*\/\s*(?:s|sec)|[a-z]{1,12}\s+per\s+(?:s|sec|second)|[kmgt]i?b|pp|tokens|words|characters|chars)$/i;

/**
 * A number and a unit of measurement as SI writes it, case as written (`6.3 mm`, `1.87 MW`, `220 kWh`,
 * `4.1 GFLOPs`, `12 °C`): the metric's unit, kept as written.
 */
const PHYSICAL_UNIT =
  /^(\S+?)\s*((?:[nµu]|m|c|k)?m|(?:[kMGT])?(?:W|Wh|J|Hz|V|Pa)|m[WVAJ]|hPa|kg|mg|g|px|dB|°[CF]|m?L|[kMGTP]?FLOPs?|[kMG]?MACs?)$/;

/**
 * Seconds of a duration written in parts (`6m 10s`, `1h 2m`, `2h 5m 30s`) or on a clock with hours
 * (`0:06:10`, `12:30:05.5`); undefined for anything else (`6:10` could be minutes or hours; a
 * single part, `41.2 s`, is a number and its unit).
 */
export function durationSeconds(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const clock = /^(\d{1,3}):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(text);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const parts = /^(?:(\d+)\s*h(?:rs?|ours?)?)?\s*(?:(\d+)\s*m(?:in(?:s|utes?)?)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ecs?|econds?)?)?$/i.exec(
    text,
  );
  if (!parts || [parts[1], parts[2], parts[3]].filter((part) => part !== undefined).length < 2) return undefined;
  return Number.parseFloat((Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0)).toPrecision(12));
}

/** What may stand before an interval inside its brackets: `95% CI`, `CI:`, `95%:`, `conf. int.`. */
export const CI_PREFIX = /^(?:95\s*%\s*)?(?:ci|conf(?:idence)?\.?\s*int(?:erval)?\.?)?\s*[:=]?\s*/i;

/** A percent unit after a number: `%`, or percentage points (`pp`, `p.p.`, `percentage points`) as an interval's half-width is often written. */
const PERCENT_UNIT = /\s*(?:%|(?<![A-Za-z])pp\b|(?<![A-Za-z])p\.p\.|\bpercentage[- ]points?\b)/gi;

/** Whether an interval is written in percent (`±0.7%`, `±0.1 pp`): beside a value in percent only. */
export function writtenInPercent(text: string): boolean {
  if (tooLongForValue(text)) return false;
  return new RegExp(PERCENT_UNIT.source, 'i').test(text);
}

/**
 * An interval as written beside a value, in the value's unit: `parseConfidenceInterval` after a
 * `95% CI` prefix and every percent unit are dropped (`90.4% – 92.0%`, `±0.1 pp`, `95% CI: 0.85–0.89`).
 */
export function parseWrittenInterval(text: string): number | { low: number; high: number } | undefined {
  if (tooLongForValue(text)) return undefined;
  const body = decimalCommaBounds(text.replace(CI_PREFIX, '').replace(PERCENT_UNIT, '').trim());
  if (body === '') return undefined;
  // `0.82-0.86`: a hyphen between two unsigned numbers, the lower first, is a range (not a minus sign).
  const hyphen = /^(\d*\.?\d+)\s*-\s*(\d*\.?\d+)$/.exec(body);
  const low = parseNumber(hyphen?.[1] ?? '');
  const high = parseNumber(hyphen?.[2] ?? '');
  if (low !== undefined && high !== undefined && low <= high) return { low, high };
  return parseConfidenceInterval(body);
}

/**
 * Two bounds written with decimal commas, as much of Europe writes them (`0,929–0,939`, `[0,947;
 * 0,955]`, `[0,947, 0,955]`), with decimal points (`0.929–0.939`, `[0.947, 0.955]`); any other text as it is. Only
 * when both bounds are such numbers and neither could be a thousands group (`1,234` could).
 */
function decimalCommaBounds(text: string): string {
  // `[0,861, 0,885]`: a comma and a space between them, as a list separates two decimal-comma numbers.
  const match = /^([[(]?)\s*(\d+,\d+)\s*([-–—;]|to|,(?=\s))\s*(\d+,\d+)\s*([\])]?)$/.exec(text);
  if (match === null) return text;
  const [, open = '', low = '', separator = '', high = '', close = ''] = match;
  const thousands = (number: string): boolean => /^[1-9]\d{0,2},\d{3}$/.test(number);
  if (thousands(low) || thousands(high)) return text;
  const point = (number: string): string => number.replace(',', '.');
  return `${open}${point(low)}${separator === ';' || separator === ',' ? ',' : ` ${separator} `}${point(high)}${close}`.replace(
    / ([-–—]) /,
    '$1',
  );
}

/** Two bounds with thousands separators or decimal commas, listed with a comma or a semicolon and a space, or a range (`–`, `-`, `to`). */
const LISTED_BOUNDS = /^[[(]?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?)\s*(?:[,;]\s+|[–—]|-|\sto\s)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?)\s*[\])]?$/;

/**
 * `[40,100, 42,350]` or `36,900–38,800` beside 41,200: two bounds with thousands separators, listed
 * with a comma (or a semicolon) and a space, or as a range. Alone the text is ambiguous (`[1,234,
 * 1,456]` and `1,234–1,456` may be two decimal-comma numbers, 1.234 and 1.456), so it is read
 * whichever way the bounds hold the value beside them.
 */
export function listedBoundsAround(text: string, value: unknown): { low: number; high: number } | undefined {
  if (tooLongForValue(text)) return undefined;
  const match = LISTED_BOUNDS.exec(text.replace(CI_PREFIX, '').trim());
  if (match === null || typeof value !== 'number') return undefined;
  const holds = (low: number | undefined, high: number | undefined) =>
    low !== undefined && high !== undefined && low <= value && value <= high ? { low, high } : undefined;
  const [written1 = '', written2 = ''] = [match[1], match[2]];
  const decimalComma = (written: string): number | undefined => (/^\d+,\d+$/.test(written) ? Number(written.replace(',', '.')) : undefined);
  return holds(parseNumber(written1), parseNumber(written2)) ?? holds(decimalComma(written1), decimalComma(written2));
}

/** A metric statement: the value, its unit, and its 95% interval, or the spread a `±` gave instead. */
export interface MetricStatement {
  value: number;
  unit?: string;
  ci95?: number | { low: number; high: number };
  /** A standard deviation (over seeds, folds, runs) written with `±` and named: `0.87 ± 0.02 (std)`. */
  std?: number;
  /** A standard error written with `±` and named: `0.87 ± 0.01 SE`. */
  standardError?: number;
}

/** Which spread words name (`SD`, `std`, `standard deviation`; `SE`, `SEM`, `std error`), or undefined. */
function spreadKind(words: string): 'std' | 'standardError' | undefined {
  if (/\b(?:se|s\.e\.?|sem|s\.e\.m\.?|std\.?\s*err(?:or)?|standard errors?)(?![\w.])/i.test(words)) return 'standardError';
  if (/\b(?:sd|s\.d\.?|std|stdev|stddev|std\.?\s*dev\.?|standard deviations?|sigma)(?![\w.])|σ/i.test(words)) return 'std';
  return undefined;
}

/** A spread word closing a `±` statement: `… ± 0.02 SD`, `… ± 0.02 (std)`. */
const SPREAD_TAIL = /\s+\(?\s*(sd|s\.d\.?|std|stdev|std\.?\s*dev\.?|se|s\.e\.?|sem)\s*\)?$/i;

/**
 * The words over a set of values — a section's heading, a label, a column's header — when they say
 * what a `±` among those values is: a spread (`Results (mean ± std over 5 seeds)`, `Mean (SD)`,
 * `Test (± SE)`), and no interval. Undefined otherwise: a `±` is then the 95% CI's half-width, as
 * the template writes it.
 */
export function statedSpread(words: string): 'std' | 'standardError' | undefined {
  if (!/±|\+\/?-|\bmean\b|\baverage\b|\bavg\b/i.test(words) || /\bci\b|c\.i\.|confidence|interval/i.test(words)) return undefined;
  return spreadKind(words);
}

/**
 * `read` with the `±` half-width written in `text` taken as the spread `kind` (see `statedSpread`),
 * unless the text itself says the `±` is an interval (`0.91 ± 0.02 (95% CI)`).
 */
export function withStatedSpread<T extends MetricStatement>(read: T, text: string, kind: 'std' | 'standardError' | undefined): T {
  if (kind === undefined || typeof read.ci95 !== 'number' || /\bci\b|c\.i\.|confidence|interval/i.test(text)) return read;
  if (!/±|\+\/?-/.test(text)) return read;
  const spread: MetricStatement = { ...read };
  delete spread.ci95;
  spread[kind] = read.ci95;
  return spread as T;
}

/** A statement whose `±` half-width is the spread `words` name, with that number as the spread; unchanged when they name none or the interval is not a `±`. */
function asSpread(read: MetricStatement, words: string): MetricStatement {
  const kind = spreadKind(words);
  if (kind === undefined || typeof read.ci95 !== 'number') return read;
  const { ci95, ...rest } = read;
  return { ...rest, [kind]: ci95 };
}

/**
 * A test metric written as a sentence rather than in a table's cells — a list item's value:
 * `86.9% (95% CI 86.2–87.6%)`, `0.91 (0.89, 0.93)`, `0.869 [0.857, 0.881]`, `.829 ± .013`,
 * `0.869 ± 0.012 (95% CI)`, `12 ms`. The value as `parseMetricCell` reads it, with its interval in the
 * value's unit. Undefined when any part cannot be read (`0.87 (best so far)`), so the caller keeps
 * the text as written.
 */
export function parseMetricStatement(text: string): MetricStatement | undefined {
  if (tooLongForValue(text)) return undefined;
  // Emphasis anywhere (`**0.840** ± 0.005`) and a trailing "(95% CI)" say nothing about the numbers.
  const cleaned = text
    .replace(/\*+|\b__|__\b/g, '')
    .trim()
    .replace(/\s*\(\s*(?:95\s*%\s*)?ci\s*\)$/i, '');
  // `0.87 ± 0.02 SD`, `0.87 ± 0.02 (std)`: the ± is a spread, not an interval.
  const tail = cleaned.includes('±') || /\+\/?-/.test(cleaned) ? SPREAD_TAIL.exec(cleaned) : null;
  if (tail !== null) {
    const read = parseMetricStatement(cleaned.slice(0, tail.index));
    return read === undefined ? undefined : asSpread(read, tail[1] ?? '');
  }
  const trimmed = cleaned;
  const withValue = (valueText: string, ci: number | { low: number; high: number } | undefined) => {
    const value = parseMetricCell(valueText);
    if (value === undefined || value.value === null) return undefined;
    return { value: value.value, ...(value.unit === undefined ? {} : { unit: value.unit }), ...(ci === undefined ? {} : { ci95: ci }) };
  };
  // `0.91 (0.89, 0.93)`: the value before the first bracket, the interval inside (found by position: linear in the text).
  const open = /[)\]]$/.test(trimmed) ? trimmed.search(/[([]/) : -1;
  const before = open > 0 ? trimmed.slice(0, open).trimEnd() : '';
  if (before !== '') {
    const inner = trimmed.slice(open + 1, -1);
    const ci = parseWrittenInterval(inner);
    // What the interval says of its unit, without the `95% CI:` before it.
    const bounds = inner.trim().replace(CI_PREFIX, '');
    if (ci === undefined) return undefined;
    // `0.812 (±0.9%)`: percent beside a fraction could be relative or points, not read (as `0.91 ± 2%`
    // is not); `0.826 (±0.7 pp)`: points beside a fraction are hundredths.
    const fraction = /^\d*\.?\d+$/.test(before) && Number(before) <= 1;
    if (fraction && POINTS_UNIT.test(bounds)) return withValue(before, hundredths(ci));
    if (fraction && /\d\s*%/.test(bounds)) return undefined;
    return withValue(before, ci);
  }
  const plusMinus = /^(.*?\S)\s*((?:±|\+\/-|\+-).*)$/.exec(trimmed);
  if (plusMinus?.[1] !== undefined && plusMinus[2] !== undefined) {
    // `6.3 mm ± 0.8 mm`: the value's unit after the interval too.
    const ci = parseWrittenInterval(withoutUnitOf(plusMinus[1], plusMinus[2]));
    // `87.0 ± 0.7 %`: one percent sign after the interval is the unit of both; beside a bare value of
    // at most 1 (`0.91 ± 2%`) it could be relative or points: not read. Points beside a fraction
    // (`0.826 ± 0.7 pp`) are hundredths of it.
    const bare = /^\d*\.?\d+$/.test(plusMinus[1].trim());
    const percentAfter = /\d\s*%\s*$/.test(plusMinus[2]) && !/%.*\d/.test(plusMinus[2]);
    if (ci === undefined || (bare && percentAfter && Number(plusMinus[1]) <= 1)) return undefined;
    if (bare && Number(plusMinus[1]) <= 1 && POINTS_UNIT.test(plusMinus[2])) return withValue(plusMinus[1], hundredths(ci));
    return withValue(bare && percentAfter ? `${plusMinus[1]}%` : plusMinus[1], ci);
  }
  return withValue(trimmed, undefined);
}

/**
 * An interval's text without the unit the value is written with (`± 0.8 mm` beside `6.3 mm` → `± 0.8`);
 * as it is otherwise, and for percent, which the interval readers read themselves.
 */
export function withoutUnitOf(valueText: string, intervalText: string): string {
  const unit = parseMetricCell(valueText)?.unit;
  if (unit === undefined || unit === '%') return intervalText;
  const trimmed = intervalText.trimEnd();
  return trimmed.endsWith(unit) && /[\d\s]$/.test(trimmed.slice(0, -unit.length)) ? trimmed.slice(0, -unit.length).trimEnd() : intervalText;
}

/** Percentage points after an interval's number: `pp`, `p.p.`, `percentage points`. */
const POINTS_UNIT = /\d\s*(?:pp\b|p\.p\.|percentage points?\b)/i;

/** An interval in percentage points on the scale of fractions: ±0.7 pp → ±0.007. */
function hundredths(ci: number | { low: number; high: number }): number | { low: number; high: number } {
  const scale = (x: number): number => Number.parseFloat((x / 100).toPrecision(12));
  return typeof ci === 'number' ? scale(ci) : { low: scale(ci.low), high: scale(ci.high) };
}

/**
 * `text` ending in one parenthesised aside without parentheses inside (`70/15/15 (stratified)`): what
 * comes before it and the aside, both trimmed. Found by position, not by a pattern, so it takes time
 * linear in the text whatever the text.
 */
export function closingAside(text: string): { before: string; inner: string } | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return undefined;
  const open = trimmed.lastIndexOf('(');
  if (open < 0) return undefined;
  const inner = trimmed.slice(open + 1, -1);
  if (inner.includes(')')) return undefined;
  return { before: trimmed.slice(0, open).trim(), inner: inner.trim() };
}

/** Asides that name which figure a metric is (`Latency: 45 ms (p95)`, `Recall (@10)`): part of its name, not a note. */
const NAMING_ASIDE = /^(?:p\d{1,3}(?:\.\d+)?|top-?\d+|@\d+|macro|micro|weighted|mean|median|avg|average)$/i;

/** True when an aside names which figure a metric is (`p95`, `top-5`, `macro`), so it belongs in the metric's name. */
export function isNamingAside(words: string): boolean {
  return NAMING_ASIDE.test(words.trim());
}

/**
 * `parseMetricStatement`, and a closing aside that is not an interval: `0.873 ± 0.007 (5 seeds)` is
 * the statement with the note "5 seeds"; `45 ms (p95)` is 45 ms of the metric qualified "p95".
 */
export function parseMetricStatementWithAside(text: string): (MetricStatement & { note?: string; qualifier?: string }) | undefined {
  if (tooLongForValue(text)) return undefined;
  const read = parseMetricStatement(text);
  if (read !== undefined) return read;
  // `12 ms/sentence on A100`, `87.3% with TTA`, `0.91 over 5 seeds`: what the number is measured under, kept as its note.
  const condition = /^(.+?)\s+((?:on|with|at|over|using|across|after|for|in|from|via)\s+[A-Za-z0-9].*)$/i.exec(text.trim());
  // Not inside an aside: in `0.81 ± 0.02 (std over 5 seeds)` the words belong to the parenthesis.
  const balanced = (part: string): boolean => (part.match(/\(/g) ?? []).length === (part.match(/\)/g) ?? []).length;
  const measured = condition?.[1] === undefined || !balanced(condition[1]) ? undefined : parseMetricStatement(condition[1]);
  if (measured !== undefined && condition?.[2] !== undefined) return { ...asSpread(measured, condition[2]), note: condition[2] };
  const aside = closingAside(text);
  if (aside === undefined || aside.before === '' || !/[A-Za-z]/.test(aside.inner)) return undefined;
  const inner = parseMetricStatement(aside.before);
  if (inner === undefined) return undefined;
  const words = aside.inner;
  // `0.873 (95% CI: 0.861–0.885, n=5,000)`: the interval among other words of the aside; they stay its note.
  const parts = words.split(/[;,]\s+/);
  const named = parts.findIndex(
    (part) =>
      /\bci\b|c\.i\.|confidence interval/i.test(part) &&
      // The level named, not a bound read as one (`CI 86.1%–88.5%` is no 86.1% interval).
      otherConfidenceLevel(part.replace(/[\d.,]+\s*%?\s*[-–—]\s*[\d.,]+\s*%?/, '')) === undefined &&
      parseWrittenInterval(part) !== undefined,
  );
  const interval = parts.length > 1 && inner.ci95 === undefined ? parseWrittenInterval(parts[named] ?? '') : undefined;
  if (interval !== undefined) return { ...inner, ci95: interval, note: parts.filter((_, i) => i !== named).join(', ') };
  if (NAMING_ASIDE.test(words)) return { ...inner, qualifier: words };
  // `0.80 (SE 0.01)`, `0.87 (SD = 0.02)`: the spread, given in the aside.
  const given = /^([A-Za-z. σ]+?)\s*[=:]?\s*(\d*\.?\d+)$/.exec(words);
  const kind = given?.[1] === undefined ? undefined : spreadKind(given[1]);
  if (kind !== undefined && inner.ci95 === undefined) return { ...inner, [kind]: Number(given?.[2]) };
  // `0.801 ± 0.012 (80% CI)`: an interval at another level is no 95% interval; kept only in the note.
  if (otherConfidenceLevel(words) !== undefined && inner.ci95 !== undefined) {
    const { ci95: _other, ...value } = inner;
    const at = aside.before.search(/±|\+\/-|\+-/);
    return { ...value, note: `${words}: ${at >= 0 ? aside.before.slice(at) : aside.before}` };
  }
  // `0.912 ± 0.004 (mean ± std over 5 seeds)`: the ± was a spread; the aside stays as the note.
  return { ...asSpread(inner, words), note: words };
}

/**
 * The confidence level words name when it is not 95% (`80% CI`, `CI (99%)`, `90% confidence`):
 * such an interval is no 95% interval, and Logbook computes with 95% ones only. Undefined otherwise.
 */
export function otherConfidenceLevel(words: string): number | undefined {
  const level = /(\d{2}(?:\.\d+)?)\s*%\s*(?:ci\b|c\.i\.|conf)|\b(?:ci|confidence(?: interval)?)\s*[(@]?\s*(\d{2}(?:\.\d+)?)\s*%/i.exec(
    words,
  );
  const value = Number(level?.[1] ?? level?.[2]);
  return level === null || value === 95 ? undefined : value;
}

/** An epoch as logs write it: `3`, `3/100` (Keras: epoch 3 of 100), `Epoch 3`, `ep. 3`. */
export function parseEpoch(text: string): number | undefined {
  if (tooLongForValue(text)) return undefined;
  const match = /^(?:epoch|ep\.?|step|iter(?:ation)?)?\s*(\d+)\s*(?:\/\s*\d+)?$/i.exec(text.trim());
  return match?.[1] === undefined ? parseNumber(text) : Number(match[1]);
}

/**
 * A number as a semicolon-separated file writes it where the decimal separator is a comma
 * (`0,532`, `87,3 %`, `1.234,5`, `-1,5e-3`): what Excel and `DataFrame.to_csv(sep=';', decimal=',')`
 * write in much of Europe.
 */
const COMMA_DECIMAL = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+(?:[eE][+-]?\d+)?)(\s*%)?$/;

/** A cell of a semicolon-separated file with its decimal comma written as a point; other cells as they are. */
export function pointDecimal(text: string): string {
  const match = COMMA_DECIMAL.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction = '', percent = ''] = match;
  return `${sign}${whole.replaceAll('.', '')}.${fraction}${percent}`;
}
