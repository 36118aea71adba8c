import { describe, expect, test } from 'vitest';
import { writtenDate } from '../../src/ingest/dates.ts';

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
    // A time of day after the date (Notion writes `November 3, 2026 2:22 PM`): kept, on the 24-hour clock.
    ['November 3, 2026 2:22 PM', '2026-11-03T14:22'],
    ['November 5, 2026 9:01 AM', '2026-11-05T09:01'],
    ['3 Nov 2026 at 14:22', '2026-11-03T14:22'],
    ['2026-11-03 14:22:05', '2026-11-03T14:22:05'],
    ['2026/11/03 12:05 am', '2026-11-03T00:05'],
    ['March 9, 2026, 12:30 p.m. UTC', '2026-03-09T12:30Z'],
  ])('%s is %s', (text, iso) => {
    expect(writtenDate(text)).toBe(iso);
  });

  test.each([
    // Day and month could be either way round.
    '03/09/2026',
    // No 13th month.
    '04.13.2026',
    // No such day, an unknown or too short month name: left for the validator to report.
    '31 February 2026',
    '29 February 2025',
    '9 Mars 2026',
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
