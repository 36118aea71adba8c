/**
 * A tiny protobuf writer for tests: builds TensorBoard events field by field (numbers from
 * event.proto, summary.proto, tensor.proto and the hparams plugin's protos), so each test says
 * exactly which bytes it feeds the reader.
 */
import { encodeTfRecord } from '../../../src/import/tensorboard/index.ts';

export type Field = [field: number, value: number | bigint | string | Uint8Array | Field[], type?: 'double' | 'float' | 'varint'];

function varint(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = BigInt.asUintN(64, value);
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0n);
  return bytes;
}

/** Encodes a message: numbers are varints unless typed `double`/`float`; strings, bytes and nested messages are length-delimited. */
export function message(fields: readonly Field[]): Uint8Array {
  const out: number[] = [];
  for (const [field, value, type] of fields) {
    if (type === 'double' || type === 'float') {
      out.push(...varint(BigInt((field << 3) | (type === 'double' ? 1 : 5))));
      const buffer = new DataView(new ArrayBuffer(type === 'double' ? 8 : 4));
      if (type === 'double') buffer.setFloat64(0, Number(value), true);
      else buffer.setFloat32(0, Number(value), true);
      out.push(...new Uint8Array(buffer.buffer));
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      out.push(...varint(BigInt((field << 3) | 0)), ...varint(BigInt(value)));
    } else {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value instanceof Uint8Array ? value : message(value);
      out.push(...varint(BigInt((field << 3) | 2)), ...varint(BigInt(bytes.length)), ...bytes);
    }
  }
  return new Uint8Array(out);
}

const fileVersion = (wallTime = 1717200000): Uint8Array =>
  message([
    [1, wallTime, 'double'],
    [3, 'brain.Event:2'],
  ]);

/** An event with a `simple_value` scalar (tensorboardX, PyTorch). */
export function simpleScalar(tag: string, step: number, value: number, wallTime = 1717200000 + step): Uint8Array {
  return message([
    [1, wallTime, 'double'],
    [2, step],
    [
      5,
      [
        [
          1,
          [
            [1, tag],
            [2, value, 'float'],
          ],
        ],
      ],
    ],
  ]);
}

/** An event with a TF2 tensor scalar: dtype 1 (float) or 2 (double) in `tensor_content`; plugin metadata when `first`. */
export function tensorScalar(tag: string, step: number, value: number, dtype: 1 | 2, first: boolean): Uint8Array {
  const content = new DataView(new ArrayBuffer(dtype === 1 ? 4 : 8));
  if (dtype === 1) content.setFloat32(0, value, true);
  else content.setFloat64(0, value, true);
  const metadata: Field[] = first
    ? [
        [
          9,
          [
            [1, [[1, 'scalars']]],
            [4, 1],
          ],
        ],
      ]
    : [];
  return message([
    [1, 1717200000 + step, 'double'],
    [2, step],
    [
      5,
      [
        [
          1,
          [
            [1, tag],
            [
              8,
              [
                [1, dtype],
                [2, []],
                [4, new Uint8Array(content.buffer)],
              ],
            ],
            ...metadata,
          ],
        ],
      ],
    ],
  ]);
}

/** A `google.protobuf.Value`. */
export function protoValue(value: number | string | boolean): Field[] {
  if (typeof value === 'number') return [[2, value, 'double']];
  if (typeof value === 'string') return [[3, value]];
  return [[4, value ? 1 : 0]];
}

/** An hparams plugin event: `HParamsPluginData` with the given part (2 experiment, 3 session_start_info, 4 session_end_info). */
export function hparamsEvent(part: 2 | 3 | 4, body: Field[]): Uint8Array {
  const content = message([
    [1, 0],
    [part, body],
  ]);
  return message([
    [1, 1717200000, 'double'],
    [
      5,
      [
        [
          1,
          [
            [1, `_hparams_/${part}`],
            [
              9,
              [
                [
                  1,
                  [
                    [1, 'hparams'],
                    [2, content],
                  ],
                ],
              ],
            ],
          ],
        ],
      ],
    ],
  ]);
}

/** Session start info with these hyperparameter values. */
export function sessionStart(hparams: Record<string, number | string | boolean>): Uint8Array {
  return hparamsEvent(
    3,
    Object.entries(hparams).map(([key, value]): Field => [
      1,
      [
        [1, key],
        [2, protoValue(value)],
      ],
    ]),
  );
}

/** A whole event file: the file_version event, then `events`, each framed as a TFRecord. */
export function eventFile(events: readonly Uint8Array[]): Uint8Array {
  const parts = [fileVersion(), ...events].map(encodeTfRecord);
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
