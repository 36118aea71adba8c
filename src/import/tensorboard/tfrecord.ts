import { maskedCrc32c } from './crc32c.ts';

/**
 * TFRecord framing, as TensorFlow writes event files: each record is
 * `uint64 length` (little-endian), `uint32 masked_crc32c(length bytes)`, `data[length]`,
 * `uint32 masked_crc32c(data)`.
 */

/** What was in a TFRecord file. */
export interface TfRecordRead {
  /** The data of every complete record, in file order. */
  records: Uint8Array[];
  /** True when the file ends inside a record (a writer still running, or a copy cut short): that record is left out. */
  truncated: boolean;
  /** Set when a checksum does not match: the file is corrupt from this record on. */
  corruptAt?: { record: number; offset: number; part: 'length' | 'data' };
}

const HEADER = 12;
const FOOTER = 4;

/** Splits a TFRecord file into records, checking both CRCs of every record. Stops at the first corrupt record. */
export function readTfRecords(bytes: Uint8Array): TfRecordRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < HEADER) return { records, truncated: true };
    const lengthBytes = bytes.subarray(offset, offset + 8);
    if (maskedCrc32c(lengthBytes) !== view.getUint32(offset + 8, true))
      return { records, truncated: false, corruptAt: { record: records.length + 1, offset, part: 'length' } };
    const length = view.getBigUint64(offset, true);
    const start = offset + HEADER;
    if (length > BigInt(bytes.length - start - FOOTER)) return { records, truncated: true };
    const end = start + Number(length);
    const data = bytes.subarray(start, end);
    if (maskedCrc32c(data) !== view.getUint32(end, true))
      return { records, truncated: false, corruptAt: { record: records.length + 1, offset, part: 'data' } };
    records.push(data);
    offset = end + FOOTER;
  }
  return { records, truncated: false };
}

/** One TFRecord around `data` (for tests and fixtures). */
export function encodeTfRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + data.length + FOOTER);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskedCrc32c(out.subarray(0, 8)), true);
  out.set(data, HEADER);
  view.setUint32(HEADER + data.length, maskedCrc32c(data), true);
  return out;
}
