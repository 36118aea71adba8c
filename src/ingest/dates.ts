/**
 * Dates as people write them in a log, read into the record's `YYYY-MM-DD`: `9 March 2026`,
 * `March 9, 2026`, `9th Mar 2026`, `09-Mar-2026`, `2026/03/09`, `2026-3-9`, `20260309`, `25/10/2026`. Only forms
 * that cannot be misread are accepted: a month by name, a four-digit year first, or day and month
 * with slashes when only one order is a real day (`25/10/2026`, `10/25/2026`). `03/09/2026` (March or
 * September?) and anything else stays as written, for the validator to report with the format to use
 * (`slashedDayReadings` gives it both readings).
 */

const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The months in German, French and Spanish (`3. März 2025`, `12 mars 2025`, `3 de marzo de 2025`), January first. */
const OTHER_MONTHS: readonly (readonly string[])[] = [
  ['januar', 'jänner', 'janvier', 'enero'],
  ['februar', 'février', 'fevrier', 'febrero'],
  ['märz', 'maerz', 'mars', 'marzo'],
  ['avril', 'abril'],
  ['mai', 'mayo'],
  ['juni', 'juin', 'junio'],
  ['juli', 'juillet', 'julio'],
  ['août', 'aout', 'agosto'],
  ['septembre', 'septiembre', 'setiembre'],
  ['oktober', 'octobre', 'octubre'],
  ['novembre', 'noviembre'],
  ['dezember', 'décembre', 'decembre', 'diciembre'],
];

/**
 * 1–12 for a month's name or its abbreviation of three letters or more (`Mar`, `Sept.`), in English
 * or as German, French and Spanish write it (`März`, `mars`, `janv.`, `dic.`); undefined otherwise.
 */
function monthOf(name: string): number | undefined {
  const word = name.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(word));
  if (index >= 0) return index + 1;
  const other = OTHER_MONTHS.findIndex((names) => names.some((month) => month.startsWith(word)));
  return other < 0 ? undefined : other + 1;
}

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|er|\.)?`;
const MONTH = String.raw`(\p{L}{3,10}\.?)`;
const YEAR = String.raw`(\d{4})`;
/** `9 March 2026`, `9th Mar. 2026`, `09-Mar-2026`, `3. März 2026`, `1er mars 2026`, `3 de marzo de 2026`. */
const DAY_MONTH_YEAR = new RegExp(String.raw`^${DAY}(?:[\s-]+de)?[\s-]+${MONTH}(?:[\s-]+de)?[\s-]+${YEAR}$`, 'u');
/** `March 9, 2026`, `Mar 9th 2026`. */
const MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH}\s+${DAY},?\s+${YEAR}$`, 'u');
/** `2026/03/09`, `2026-3-9`, `2026.03.09`. */
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** `09.03.2026`: day first, as dates with dots are written across Europe (DIN 5008, ISO 8601's neighbours). */
const DOTTED_DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** `25/10/2026` or `10/25/2026`: day and month in either order (Europe and the US write them differently). */
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * The real days `text` can be when written with slashes and a year last: `["2026-09-03",
 * "2026-03-09"]` for `03/09/2026` (day first, then month first), one day when only one order is a
 * real date or both orders give the same day, none for anything else.
 */
export function slashedDayReadings(text: string): string[] {
  const m = SLASHED.exec(text.trim());
  if (!m) return [];
  const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const readings = [iso(year, second, first), iso(year, first, second)].filter((day) => day !== undefined);
  return [...new Set(readings)];
}

/** A time of day after a date: `2:22 PM`, `at 14:22`, `9:01:30 am UTC` (a zone other than UTC is not read). */
const TIME_OF_DAY = /^(.*?\S),?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(utc|gmt|z)?$/i;

/**
 * The `YYYY-MM-DD` of a date written in one of the unambiguous forms above, or `text` as it was. A
 * time of day after it (`November 3, 2026 2:22 PM`, as Notion writes dates) is kept: `2026-11-03T14:22`
 * (`Z` added for a time in UTC).
 */
export function writtenDate(text: string): string {
  const timed = TIME_OF_DAY.exec(text.trim());
  if (timed) {
    const day = writtenDay(timed[1] ?? '');
    const [hour, minute, second] = [Number(timed[2]), Number(timed[3]), timed[4]];
    const half = timed[5]?.toLowerCase().replace(/\./g, '');
    if (day === undefined || minute > 59 || (half === undefined ? hour > 23 : hour < 1 || hour > 12)) return text;
    const h = half === undefined ? hour : (hour % 12) + (half === 'pm' ? 12 : 0);
    const time = `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}${second === undefined ? '' : `:${second}`}`;
    return `${day}T${time}${timed[6] === undefined ? '' : 'Z'}`;
  }
  return writtenDay(text) ?? text;
}

/** The `YYYY-MM-DD` of a date without a time written in one of the forms above (a real calendar day), or undefined. */
function writtenDay(text: string): string | undefined {
  const t = text.trim();
  let m = YEAR_FIRST.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DOTTED_DAY_FIRST.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  // `20250304`: ISO 8601's basic form (a year from 1900 to 2199, so that no other number of 8 digits is taken for one).
  m = /^((?:19|20|21)\d\d)(\d\d)(\d\d)$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  const slashed = slashedDayReadings(t);
  if (slashed.length === 1) return slashed[0];
  m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = monthOf(m[2] ?? '');
    return month === undefined ? undefined : iso(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = monthOf(m[1] ?? '');
    return month === undefined ? undefined : iso(Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}
