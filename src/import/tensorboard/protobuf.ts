/**
 * A minimal protocol-buffers wire-format reader: enough to walk the fields of a message
 * (varint, 64-bit, length-delimited and 32-bit fields). Field meaning is applied by `events.ts`
 * from the published `.proto` files.
 */

/** One field as it appears on the wire. */
export type WireField =
  | { field: number; wire: 0; value: bigint }
  | { field: number; wire: 1; bytes: Uint8Array }
  | { field: number; wire: 2; bytes: Uint8Array }
  | { field: number; wire: 5; bytes: Uint8Array };

/** Thrown for bytes that are not a valid protobuf message. */
export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

/** Reads a varint at `offset`; returns its value and the offset after it. */
export function readVarint(bytes: Uint8Array, offset: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  for (let index = offset; index < bytes.length && shift < 70n; index++) {
    const byte = bytes[index] ?? 0;
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value: BigInt.asUintN(64, value), next: index + 1 };
    shift += 7n;
  }
  throw new ProtobufError('varint runs past the end of the message');
}

/** Every field of a message, in wire order. Throws `ProtobufError` on malformed input. */
export function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const key = readVarint(bytes, offset);
    offset = key.next;
    const field = Number(key.value >> 3n);
    const wire = Number(key.value & 7n);
    if (field === 0) throw new ProtobufError('field number 0');
    if (wire === 0) {
      const value = readVarint(bytes, offset);
      fields.push({ field, wire, value: value.value });
      offset = value.next;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (offset + size > bytes.length) throw new ProtobufError(`field ${field} runs past the end of the message`);
      fields.push({ field, wire, bytes: bytes.subarray(offset, offset + size) });
      offset += size;
    } else if (wire === 2) {
      const length = readVarint(bytes, offset);
      offset = length.next;
      if (length.value > BigInt(bytes.length - offset)) throw new ProtobufError(`field ${field} runs past the end of the message`);
      const end = offset + Number(length.value);
      fields.push({ field, wire, bytes: bytes.subarray(offset, end) });
      offset = end;
    } else {
      throw new ProtobufError(`unsupported wire type ${wire} (field ${field})`);
    }
  }
  return fields;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** A length-delimited field as UTF-8 text. */
export function asString(field: WireField): string {
  return field.wire === 2 ? decoder.decode(field.bytes) : '';
}

/** A `double` field (wire type 1). */
export function asDouble(field: WireField): number {
  return field.wire === 1 ? new DataView(field.bytes.buffer, field.bytes.byteOffset, 8).getFloat64(0, true) : Number.NaN;
}

/** A `float` field (wire type 5). */
export function asFloat(field: WireField): number {
  return field.wire === 5 ? new DataView(field.bytes.buffer, field.bytes.byteOffset, 4).getFloat32(0, true) : Number.NaN;
}

/** An `int64`/`int32`/`enum`/`bool` varint field as a signed number. */
export function asInt(field: WireField): number {
  return field.wire === 0 ? Number(BigInt.asIntN(64, field.value)) : 0;
}

/** The values of a repeated scalar field, packed (one length-delimited field) or not. */
export function repeatedNumbers(fields: readonly WireField[], field: number, kind: 'float' | 'double' | 'varint'): number[] {
  const values: number[] = [];
  for (const entry of fields) {
    if (entry.field !== field) continue;
    if (entry.wire === 2) {
      const bytes = entry.bytes;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (kind === 'varint') {
        let offset = 0;
        while (offset < bytes.length) {
          const value = readVarint(bytes, offset);
          values.push(Number(BigInt.asIntN(64, value.value)));
          offset = value.next;
        }
      } else {
        const size = kind === 'float' ? 4 : 8;
        if (bytes.length % size !== 0) throw new ProtobufError(`packed field ${field} is not a whole number of values`);
        for (let offset = 0; offset < bytes.length; offset += size)
          values.push(kind === 'float' ? view.getFloat32(offset, true) : view.getFloat64(offset, true));
      }
    } else if (kind === 'float' && entry.wire === 5) values.push(asFloat(entry));
    else if (kind === 'double' && entry.wire === 1) values.push(asDouble(entry));
    else if (kind === 'varint' && entry.wire === 0) values.push(asInt(entry));
  }
  return values;
}
