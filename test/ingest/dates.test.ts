import { describe, expect, test } from 'vitest';
import { slashedDayReadings, writtenDate } from '../../src/ingest/dates.ts';
import { hintDateFormat } from '../../src/ingest/messages.ts';

describe('writtenDate', () => {
  test.each([
    ['9 March 2026', '2026-03-09'],
    ['March 9, 2026', '2026-03-09'],
    ['9th Mar 2026', '2026-03-09'],
    ['09-Mar-2026', '2026-03-09'],
    ['Sept. 3 2026', '2026-09-03'],
    ['1st May 2026', '2026-05-01'],
    ['2026/03/09', '2026-03-09'],
    ['2026-3-9', '2026-03-09'],
    ['29 February 2024', '2024-02-29'],
    // Dots: day first.
    ['04.10.2026', '2026-10-04'],
    ['4.3.2026', '2026-03-04'],
    // Slashes with the year last: read when only one order of day and month is a real day.
    ['25/10/2026', '2026-10-25'],
    // ISO 8601's basic form.
    ['20250304', '2025-03-04'],
    ['10/25/2026', '2026-10-25'],
    ['7/7/2026', '2026-07-07'],
    ['29/02/2024', '2024-02-29'],
    // A time of day after the date (Notion writes `November 3, 2026 2:22 PM`): kept, on the 24-hour clock.
    ['November 3, 2026 2:22 PM', '2026-11-03T14:22'],
    ['November 5, 2026 9:01 AM', '2026-11-05T09:01'],
    ['3 Nov 2026 at 14:22', '2026-11-03T14:22'],
    ['2026-11-03 14:22:05', '2026-11-03T14:22:05'],
    ['2026/11/03 12:05 am', '2026-11-03T00:05'],
    ['March 9, 2026, 12:30 p.m. UTC', '2026-03-09T12:30Z'],
    // German, French and Spanish.
    ['3. März 2025', '2025-03-03'],
    ['12 mars 2025', '2025-03-12'],
    ['1er mars 2025', '2025-03-01'],
    ['3 de marzo de 2025', '2025-03-03'],
    ['12 janv. 2025', '2025-01-12'],
    ['5 dic. 2024', '2024-12-05'],
    ['7 Okt 2024', '2024-10-07'],
  ])('%s is %s', (text, iso) => {
    expect(writtenDate(text)).toBe(iso);
  });

  test.each([
    // Day and month could be either way round.
    '03/09/2026',
    // Neither order is a real day.
    '13/13/2026',
    '31/02/2026',
    // Eight digits that are no day, or a year out of range.
    '20251304',
    '12345678',
    // No 13th month.
    '04.13.2026',
    // No such day, an unknown or too short month name: left for the validator to report.
    '31 February 2026',
    '29 February 2025',
    '9 Marts 2026',
    'Ma 9 2026',
    // Already in the record's form.
    '2026-03-09',
    '2026-03-09T10:00Z',
    'last Tuesday',
    // No such time, day or a zone Logbook does not convert.
    'November 3, 2026 13:22 PM',
    '2026-11-03 9:61',
    '2026-02-30 10:00',
    'March 9 2026 10:00 PST',
  ])('%s stays as written', (text) => {
    expect(writtenDate(text)).toBe(text);
  });
});

describe('slashed dates the validator reports', () => {
  test('a date that could be either day gives both, day first', () => {
    expect(slashedDayReadings('03/09/2026')).toEqual(['2026-09-03', '2026-03-09']);
    expect(hintDateFormat(slashedDayReadings('03/09/2026'))).toBe(
      'it could be 3 September 2026 or 9 March 2026: write 2026-09-03 or 2026-03-09 (YYYY-MM-DD)',
    );
  });

  test('a date that can only be one day names it; anything else gets the format', () => {
    expect(slashedDayReadings('31/12/2026')).toEqual(['2026-12-31']);
    expect(hintDateFormat(['2026-12-31'])).toBe('write 2026-12-31 (YYYY-MM-DD)');
    expect(slashedDayReadings('31/31/2026')).toEqual([]);
    expect(slashedDayReadings('last week')).toEqual([]);
    expect(hintDateFormat([])).toBe('write dates as YYYY-MM-DD, e.g. 2025-01-15');
  });
});
