import type { Scalar } from '../../schema/index.ts';
import { shortestFloat32 } from '../history.ts';
import { asDouble, asFloat, asInt, asString, ProtobufError, readFields, repeatedNumbers } from './protobuf.ts';
import type { WireField } from './protobuf.ts';

/**
 * Decodes the messages of TensorBoard event files, field numbers as published in
 * tensorboard/compat/proto/{event,summary,tensor,tensor_shape,types}.proto and
 * tensorboard/plugins/hparams/{plugin_data,api}.proto (google.protobuf.Value for hparam values).
 * Only what the import reads is decoded; everything else is skipped.
 */

/** One `Summary.Value`. float32 numbers are read as the shortest decimal that is the same float32 (`shortestFloat32`). */
export interface SummaryValue {
  tag: string;
  /** `metadata.plugin_data.plugin_name` (`scalars`, `hparams`, …), when the value carries metadata. */
  pluginName?: string;
  /** `metadata.plugin_data.content`. */
  pluginContent?: Uint8Array;
  /** `metadata.data_class` (1 = scalar). */
  dataClass?: number;
  /** `simple_value` (tensorboardX, PyTorch). */
  simpleValue?: number;
  /** `tensor`, read as one number when it is a numeric tensor of one element (TF2 scalars). */
  tensorScalar?: number;
  /** True when the value holds a tensor (scalar or not). */
  hasTensor: boolean;
}

/** One `Event`. */
export interface TbEvent {
  /** Seconds since the Unix epoch. */
  wallTime: number;
  step: number;
  fileVersion?: string;
  /** The values of `summary`, when the event is a summary. */
  values: SummaryValue[];
}

/** Decodes one event record. Throws `ProtobufError` on malformed bytes. */
export function decodeEvent(bytes: Uint8Array): TbEvent {
  const event: TbEvent = { wallTime: 0, step: 0, values: [] };
  for (const field of readFields(bytes)) {
    if (field.field === 1 && field.wire === 1) event.wallTime = asDouble(field);
    else if (field.field === 2 && field.wire === 0) event.step = asInt(field);
    else if (field.field === 3 && field.wire === 2) event.fileVersion = asString(field);
    else if (field.field === 5 && field.wire === 2) {
      for (const value of readFields(field.bytes)) if (value.field === 1 && value.wire === 2) event.values.push(decodeValue(value.bytes));
    }
  }
  return event;
}

function decodeValue(bytes: Uint8Array): SummaryValue {
  const value: SummaryValue = { tag: '', hasTensor: false };
  for (const field of readFields(bytes)) {
    if (field.field === 1 && field.wire === 2) value.tag = asString(field);
    else if (field.field === 7 && field.wire === 2 && value.tag === '') value.tag = asString(field);
    else if (field.field === 2 && field.wire === 5) value.simpleValue = shortestFloat32(asFloat(field));
    else if (field.field === 9 && field.wire === 2) decodeMetadata(field.bytes, value);
    else if (field.field === 8 && field.wire === 2) {
      value.hasTensor = true;
      const scalar = decodeTensorScalar(field.bytes);
      if (scalar !== undefined) value.tensorScalar = scalar;
    }
  }
  return value;
}

function decodeMetadata(bytes: Uint8Array, value: SummaryValue): void {
  for (const field of readFields(bytes)) {
    if (field.field === 1 && field.wire === 2) {
      for (const plugin of readFields(field.bytes)) {
        if (plugin.field === 1 && plugin.wire === 2) value.pluginName = asString(plugin);
        else if (plugin.field === 2 && plugin.wire === 2) value.pluginContent = plugin.bytes;
      }
    } else if (field.field === 4 && field.wire === 0) value.dataClass = asInt(field);
  }
}

/** `DataType` codes of the tensors read as numbers, with their element size in `tensor_content`. */
const NUMERIC_DTYPES: Record<number, { size: number; read: (view: DataView) => number }> = {
  1: { size: 4, read: (view) => shortestFloat32(view.getFloat32(0, true)) }, // DT_FLOAT
  2: { size: 8, read: (view) => view.getFloat64(0, true) }, // DT_DOUBLE
  3: { size: 4, read: (view) => view.getInt32(0, true) }, // DT_INT32
  9: { size: 8, read: (view) => Number(view.getBigInt64(0, true)) }, // DT_INT64
};

/**
 * A `TensorProto` holding exactly one float, double, int32 or int64 element — from
 * `tensor_content` (little-endian bytes) or the typed `*_val` fields — as a number; `undefined`
 * for any other tensor.
 */
export function decodeTensorScalar(bytes: Uint8Array): number | undefined {
  const fields = readFields(bytes);
  let dtype = 0;
  let elements = 1;
  let content: Uint8Array | undefined;
  for (const field of fields) {
    if (field.field === 1 && field.wire === 0) dtype = asInt(field);
    else if (field.field === 2 && field.wire === 2) elements = shapeElements(field.bytes);
    else if (field.field === 4 && field.wire === 2) content = field.bytes;
  }
  const type = NUMERIC_DTYPES[dtype];
  if (type === undefined || elements !== 1) return undefined;
  if (content !== undefined && content.length > 0) {
    if (content.length !== type.size) return undefined;
    return type.read(new DataView(content.buffer, content.byteOffset, content.length));
  }
  const values =
    dtype === 1
      ? repeatedNumbers(fields, 5, 'float').map(shortestFloat32)
      : dtype === 2
        ? repeatedNumbers(fields, 6, 'double')
        : repeatedNumbers(fields, dtype === 3 ? 7 : 10, 'varint');
  // A TensorProto may hold one value for a whole tensor of equal elements; one element here.
  return values.length === 1 ? values[0] : undefined;
}

/** Number of elements of a `TensorShapeProto` (1 for a scalar with no dims). */
function shapeElements(bytes: Uint8Array): number {
  let elements = 1;
  for (const field of readFields(bytes)) {
    if (field.field === 3 && field.wire === 0 && field.value !== 0n) return -1; // unknown_rank
    if (field.field === 2 && field.wire === 2) {
      let size = 0;
      for (const dim of readFields(field.bytes)) if (dim.field === 1 && dim.wire === 0) size = asInt(dim);
      elements *= size;
    }
  }
  return elements;
}

/** A hyperparameter's search space as the hparams plugin declares it (`HParamInfo.domain`). */
export type HParamDomain = { kind: 'choice'; values: Scalar[] } | { kind: 'range'; min: number; max: number };

/** What the hparams plugin data of one summary value says (`HParamsPluginData`). */
export interface HParamsData {
  /** `experiment`: the hyperparameters' domains and the metrics' tags. */
  experiment?: { hparams: { name: string; domain?: HParamDomain }[]; metricTags: string[] };
  /** `session_start_info`: the hyperparameter values of this run. */
  sessionStart?: { hparams: Record<string, Scalar>; groupName: string; startTimeSecs: number };
  /** `session_end_info`: 1 success, 2 failure, 3 running, 0 unknown. */
  sessionEnd?: { status: number; endTimeSecs: number };
}

/** Decodes `HParamsPluginData` (the hparams plugin's `plugin_data.content`). Throws `ProtobufError` when malformed. */
export function decodeHParamsPluginData(bytes: Uint8Array): HParamsData {
  const data: HParamsData = {};
  for (const field of readFields(bytes)) {
    if (field.wire !== 2) continue;
    if (field.field === 2) data.experiment = decodeExperiment(field.bytes);
    else if (field.field === 3) data.sessionStart = decodeSessionStart(field.bytes);
    else if (field.field === 4) {
      const end = { status: 0, endTimeSecs: 0 };
      for (const inner of readFields(field.bytes)) {
        if (inner.field === 1 && inner.wire === 0) end.status = asInt(inner);
        else if (inner.field === 2 && inner.wire === 1) end.endTimeSecs = asDouble(inner);
      }
      data.sessionEnd = end;
    }
  }
  return data;
}

function decodeExperiment(bytes: Uint8Array): NonNullable<HParamsData['experiment']> {
  const experiment: NonNullable<HParamsData['experiment']> = { hparams: [], metricTags: [] };
  for (const field of readFields(bytes)) {
    if (field.wire !== 2) continue;
    if (field.field === 4) {
      let name = '';
      let domain: HParamDomain | undefined;
      for (const inner of readFields(field.bytes)) {
        if (inner.field === 1 && inner.wire === 2) name = asString(inner);
        else if (inner.field === 5 && inner.wire === 2) domain = { kind: 'choice', values: decodeListValue(inner.bytes) };
        else if (inner.field === 6 && inner.wire === 2) {
          let min = Number.NaN;
          let max = Number.NaN;
          for (const bound of readFields(inner.bytes)) {
            if (bound.field === 1 && bound.wire === 1) min = asDouble(bound);
            else if (bound.field === 2 && bound.wire === 1) max = asDouble(bound);
          }
          // proto3 leaves out a zero bound.
          domain = { kind: 'range', min: Number.isNaN(min) ? 0 : min, max: Number.isNaN(max) ? 0 : max };
        }
      }
      experiment.hparams.push(domain === undefined ? { name } : { name, domain });
    } else if (field.field === 5) {
      for (const inner of readFields(field.bytes)) {
        if (inner.field !== 1 || inner.wire !== 2) continue;
        let group = '';
        let tag = '';
        for (const part of readFields(inner.bytes)) {
          if (part.field === 1 && part.wire === 2) group = asString(part);
          else if (part.field === 2 && part.wire === 2) tag = asString(part);
        }
        if (tag !== '') experiment.metricTags.push(group === '' ? tag : `${group}/${tag}`);
      }
    }
  }
  return experiment;
}

function decodeSessionStart(bytes: Uint8Array): NonNullable<HParamsData['sessionStart']> {
  const start: NonNullable<HParamsData['sessionStart']> = { hparams: {}, groupName: '', startTimeSecs: 0 };
  for (const field of readFields(bytes)) {
    if (field.field === 1 && field.wire === 2) {
      let key = '';
      let value: Scalar = null;
      for (const entry of readFields(field.bytes)) {
        if (entry.field === 1 && entry.wire === 2) key = asString(entry);
        else if (entry.field === 2 && entry.wire === 2) value = decodeScalarValue(entry.bytes);
      }
      start.hparams[key] = value;
    } else if (field.field === 4 && field.wire === 2) start.groupName = asString(field);
    else if (field.field === 5 && field.wire === 1) start.startTimeSecs = asDouble(field);
  }
  return start;
}

/** A `google.protobuf.Value` as a scalar: number, string, bool or null (structs and lists as JSON text). */
function decodeScalarValue(bytes: Uint8Array): Scalar {
  let value: Scalar = null;
  for (const field of readFields(bytes)) value = scalarOf(field) ?? value;
  return value;
}

function scalarOf(field: WireField): Scalar | undefined {
  if (field.field === 1 && field.wire === 0) return null;
  if (field.field === 2 && field.wire === 1) return asDouble(field);
  if (field.field === 3 && field.wire === 2) return asString(field);
  if (field.field === 4 && field.wire === 0) return field.value !== 0n;
  if (field.field === 6 && field.wire === 2) return JSON.stringify(decodeListValue(field.bytes));
  if (field.field === 5 && field.wire === 2) return '[struct]';
  return undefined;
}

/** A `google.protobuf.ListValue` as scalars. */
function decodeListValue(bytes: Uint8Array): Scalar[] {
  return readFields(bytes)
    .filter((field) => field.field === 1 && field.wire === 2)
    .map((field) => (field.wire === 2 ? decodeScalarValue(field.bytes) : null));
}

export { ProtobufError };
