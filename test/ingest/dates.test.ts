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
  ])('%s stays as written', (text) => {
    expect(writtenDate(text)).toBe(text);
  });
});
