import { describe, expect, test } from 'vitest';
import {
  decodeEvent,
  decodeHParamsPluginData,
  decodeTensorScalar,
  ProtobufError,
  readFields,
} from '../../../src/import/tensorboard/index.ts';
import { message, simpleScalar, tensorScalar } from './encode.ts';

describe('readFields', () => {
  test('reads varint, 64-bit, length-delimited and 32-bit fields', () => {
    const fields = readFields(
      message([
        [1, 150],
        [2, 0.5, 'double'],
        [3, 'hi'],
        [4, 0.25, 'float'],
      ]),
    );
    expect(fields.map((field) => [field.field, field.wire])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 5],
    ]);
    expect(fields[0]).toMatchObject({ value: 150n });
  });

  test.each([
    ['a varint running past the end', new Uint8Array([0x08, 0x96])],
    ['a length past the end', new Uint8Array([0x1a, 0x05, 0x41])],
    ['wire type 3 (groups)', new Uint8Array([0x0b])],
    ['field number 0', new Uint8Array([0x00, 0x01])],
  ])('rejects %s', (_name, bytes) => {
    expect(() => readFields(bytes)).toThrow(ProtobufError);
  });
});

describe('decodeEvent', () => {
  test('reads wall time, step and a simple_value scalar as the shortest float32 decimal', () => {
    expect(decodeEvent(simpleScalar('loss', 3, 0.9, 1717200042.5))).toEqual({
      wallTime: 1717200042.5,
      step: 3,
      values: [{ tag: 'loss', simpleValue: 0.9, hasTensor: false }],
    });
  });

  test('reads a TF2 tensor scalar and its plugin metadata', () => {
    const event = decodeEvent(tensorScalar('epoch_loss', 1, 0.125, 1, true));
    expect(event.values).toEqual([{ tag: 'epoch_loss', tensorScalar: 0.125, hasTensor: true, pluginName: 'scalars', dataClass: 1 }]);
  });
});

describe('decodeTensorScalar', () => {
  const content = (size: number, write: (view: DataView) => void): Uint8Array => {
    const view = new DataView(new ArrayBuffer(size));
    write(view);
    return new Uint8Array(view.buffer);
  };
  test.each([
    [
      'float tensor_content',
      message([
        [1, 1],
        [2, []],
        [4, content(4, (v) => v.setFloat32(0, 0.1, true))],
      ]),
      0.1,
    ],
    [
      'double tensor_content',
      message([
        [1, 2],
        [4, content(8, (v) => v.setFloat64(0, 0.1, true))],
      ]),
      0.1,
    ],
    [
      'int32 tensor_content',
      message([
        [1, 3],
        [4, content(4, (v) => v.setInt32(0, -7, true))],
      ]),
      -7,
    ],
    [
      'int64 tensor_content',
      message([
        [1, 9],
        [4, content(8, (v) => v.setBigInt64(0, 42n, true))],
      ]),
      42,
    ],
    [
      'packed float_val',
      message([
        [1, 1],
        [5, content(4, (v) => v.setFloat32(0, 2.5, true))],
      ]),
      2.5,
    ],
    [
      'unpacked double_val',
      message([
        [1, 2],
        [6, 0.75, 'double'],
      ]),
      0.75,
    ],
    [
      'int_val varint',
      message([
        [1, 3],
        [7, 5],
      ]),
      5,
    ],
    [
      'a shape of one element',
      message([
        [1, 2],
        [2, [[2, [[1, 1]]]]],
        [6, 3, 'double'],
      ]),
      3,
    ],
  ])('reads %s', (_name, bytes, value) => {
    expect(decodeTensorScalar(bytes)).toBeCloseTo(value, 12);
  });

  test.each([
    [
      'a string tensor',
      message([
        [1, 7],
        [8, 'text'],
      ]),
    ],
    [
      'a tensor of two elements',
      message([
        [1, 2],
        [2, [[2, [[1, 2]]]]],
        [6, 1, 'double'],
        [6, 2, 'double'],
      ]),
    ],
    [
      'content of the wrong size',
      message([
        [1, 1],
        [4, new Uint8Array(8)],
      ]),
    ],
    [
      'an unknown rank',
      message([
        [1, 1],
        [2, [[3, 1]]],
        [5, 1, 'float'],
      ]),
    ],
  ])('leaves out %s', (_name, bytes) => {
    expect(decodeTensorScalar(bytes)).toBeUndefined();
  });
});

describe('decodeHParamsPluginData', () => {
  test('reads an experiment: hparam domains and metric tags (group/tag)', () => {
    const data = decodeHParamsPluginData(
      message([
        [
          2,
          [
            [
              4,
              [
                [1, 'lr'],
                [
                  6,
                  [
                    [1, 0.0001, 'double'],
                    [2, 0.1, 'double'],
                  ],
                ],
              ],
            ],
            [
              4,
              [
                [1, 'layers'],
                [
                  5,
                  [
                    [1, [[2, 2, 'double']]],
                    [1, [[2, 4, 'double']]],
                  ],
                ],
              ],
            ],
            [4, [[1, 'free']]],
            [5, [[1, [[2, 'accuracy']]]]],
            [
              5,
              [
                [
                  1,
                  [
                    [1, 'validation'],
                    [2, 'loss'],
                  ],
                ],
              ],
            ],
          ],
        ],
      ]),
    );
    expect(data.experiment).toEqual({
      hparams: [
        { name: 'lr', domain: { kind: 'range', min: 0.0001, max: 0.1 } },
        { name: 'layers', domain: { kind: 'choice', values: [2, 4] } },
        { name: 'free' },
      ],
      metricTags: ['accuracy', 'validation/loss'],
    });
  });

  test('reads session start values of every kind and session end status', () => {
    const start = decodeHParamsPluginData(
      message([
        [
          3,
          [
            [
              1,
              [
                [1, 'lr'],
                [2, [[2, 0.01, 'double']]],
              ],
            ],
            [
              1,
              [
                [1, 'opt'],
                [2, [[3, 'adam']]],
              ],
            ],
            [
              1,
              [
                [1, 'aug'],
                [2, [[4, 1]]],
              ],
            ],
            [
              1,
              [
                [1, 'none'],
                [2, [[1, 0]]],
              ],
            ],
            [4, 'group-a'],
            [5, 1717200000, 'double'],
          ],
        ],
      ]),
    );
    expect(start.sessionStart).toEqual({
      hparams: { lr: 0.01, opt: 'adam', aug: true, none: null },
      groupName: 'group-a',
      startTimeSecs: 1717200000,
    });
    expect(
      decodeHParamsPluginData(
        message([
          [
            4,
            [
              [1, 2],
              [2, 1717203600, 'double'],
            ],
          ],
        ]),
      ).sessionEnd,
    ).toEqual({ status: 2, endTimeSecs: 1717203600 });
  });
});
