import { describe, expect, test } from 'vitest';
import { crc32c, encodeTfRecord, maskedCrc32c, readTfRecords } from '../../../src/import/tensorboard/index.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('crc32c', () => {
  test.each([
    ['123456789', 0xe3069283], // the CRC-32C check value
    ['', 0],
    ['a', 0xc1d04330],
  ])('crc32c(%j) = %i', (text, crc) => {
    expect(crc32c(bytes(text))).toBe(crc);
  });

  test('masks by rotating right 15 bits and adding 0xa282ead8', () => {
    const crc = 0xe3069283;
    const rotated = ((crc >>> 15) | (crc << 17)) >>> 0;
    expect(maskedCrc32c(bytes('123456789'))).toBe((rotated + 0xa282ead8) >>> 0);
  });
});

describe('readTfRecords', () => {
  const two = new Uint8Array([...encodeTfRecord(bytes('first')), ...encodeTfRecord(bytes('second record'))]);

  test('splits a file into its records', () => {
    const read = readTfRecords(two);
    expect(read.records.map((record) => new TextDecoder().decode(record))).toEqual(['first', 'second record']);
    expect(read.truncated).toBe(false);
    expect(read.corruptAt).toBeUndefined();
  });

  test.each([1, 5, 11, 13, 20])('a file cut %i bytes short keeps the complete records and says it is truncated', (cut) => {
    const read = readTfRecords(two.subarray(0, two.length - cut));
    expect(read.records).toHaveLength(1);
    expect(read.truncated).toBe(true);
  });

  test('an empty file has no records', () => {
    expect(readTfRecords(new Uint8Array())).toEqual({ records: [], truncated: false });
  });

  test('a flipped data byte is a corrupt data CRC at that record', () => {
    const copy = two.slice();
    copy[copy.length - 6] = (copy[copy.length - 6] ?? 0) ^ 1;
    expect(readTfRecords(copy)).toMatchObject({ records: [bytes('first')], corruptAt: { record: 2, offset: 21, part: 'data' } });
  });

  test('a flipped length byte is a corrupt length CRC', () => {
    const copy = two.slice();
    copy[0] = (copy[0] ?? 0) ^ 1;
    expect(readTfRecords(copy)).toMatchObject({ records: [], corruptAt: { record: 1, offset: 0, part: 'length' } });
  });
});
