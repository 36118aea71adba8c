/**
 * Line marks drawn from their extreme points (issue #17: the build's cold time is chart rendering).
 *
 * Vega's cost grows with the data points it runs through its dataflow, and the longest charts are
 * lines of a hundred epochs and more. Of a line's points only a few decide anything but the line's
 * own path: its first and last (the x extent), its lowest and highest (the y extent). Scales, axes,
 * legends, the layout and the mark's bounds come out the same from those four points as from all of
 * them — for straight segments the bounding box of a polyline is that of its extreme points. So the
 * static render runs Vega on the reduced lines, then, before the scenegraph is serialized, gives each
 * line mark all its points again, placed by the mark's own linear (or log) scale mapping read off the
 * reduced items, and Vega's serializer writes the path as it would have.
 *
 * It applies only where that is exact: a `line` mark without point markers, transforms, aggregation,
 * `order`, a non-linear interpolation or a y scale other than linear or log, on a named dataset no
 * other mark reads; a line with a missing value, repeated or unordered x, or at most four points is
 * kept whole. Every reduced line must come back as exactly one line mark with the reduced points, or
 * the caller draws the chart from the full data instead (`patchLines` returns undefined).
 */
import type { ChartDatasets, ChartDatum } from './types.ts';

/** A named dataset drawn only as lines: which fields place a point and which name its line. */
export interface LineLayer {
  data: string;
  x: string;
  y: string;
  /** The y scale is logarithmic (the mapping is linear in log y). */
  yLog: boolean;
  /** Fields whose values together name one line: facet fields and the grouping channels. */
  by: string[];
}

/** A reduced point's line, as `line id` (an index into `ReducedLines.lines`). */
export const LINE_FIELD = '\u0000line';

/** Channels that do not split a line mark into lines. */
const PLACING_CHANNELS = new Set(['x', 'y', 'x2', 'y2', 'tooltip', 'href', 'description', 'url']);
/** Channels that split a line mark into one line per value (Vega-Lite groups paths by them). */
const GROUPING_CHANNELS = new Set([
  'color',
  'fill',
  'stroke',
  'strokeDash',
  'detail',
  'opacity',
  'strokeOpacity',
  'strokeWidth',
  'size',
  'shape',
]);

type Node = Record<string, unknown>;

const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Scope {
  data: string | undefined;
  encoding: Node;
  facet: string[];
  transformed: boolean;
}

function facetFields(facet: unknown): string[] | undefined {
  if (!isObject(facet)) return undefined;
  if (typeof facet['field'] === 'string') return [facet['field']];
  const fields: string[] = [];
  for (const channel of ['row', 'column']) {
    const def = facet[channel];
    if (def === undefined) continue;
    if (!isObject(def) || typeof def['field'] !== 'string') return undefined;
    fields.push(def['field']);
  }
  return fields;
}

/** A quantitative field of a position channel, plain (no aggregate, bin, time unit or impute). */
function plainField(def: unknown): { field: string; scale: string } | undefined {
  if (!isObject(def) || typeof def['field'] !== 'string' || def['type'] !== 'quantitative') return undefined;
  if (['aggregate', 'bin', 'timeUnit', 'impute', 'stack'].some((k) => def[k] !== undefined)) return undefined;
  const scale = isObject(def['scale']) ? def['scale'] : {};
  const type = scale['type'] ?? 'linear';
  return typeof type === 'string' ? { field: def['field'], scale: type } : undefined;
}

/** The unit's line layer when its lines can be reduced; undefined otherwise. */
function lineLayer(mark: unknown, encoding: Node, scope: Scope, data: string): LineLayer | undefined {
  const def = isObject(mark) ? mark : { type: mark };
  if (def['type'] !== 'line' || def['point'] || scope.transformed) return undefined;
  if (def['interpolate'] !== undefined && def['interpolate'] !== 'linear') return undefined;
  if (def['invalid'] !== undefined) return undefined;
  const x = plainField(encoding['x']);
  const y = plainField(encoding['y']);
  if (x === undefined || y === undefined || x.scale !== 'linear' || (y.scale !== 'linear' && y.scale !== 'log')) return undefined;
  const by = [...scope.facet];
  for (const [channel, channelDef] of Object.entries(encoding)) {
    if (PLACING_CHANNELS.has(channel)) continue;
    if (!GROUPING_CHANNELS.has(channel) || !isObject(channelDef)) return undefined;
    if (channelDef['field'] === undefined) continue;
    if (typeof channelDef['field'] !== 'string' || (channelDef['type'] !== 'nominal' && channelDef['type'] !== 'ordinal')) return undefined;
    if (channelDef['aggregate'] !== undefined || channelDef['timeUnit'] !== undefined) return undefined;
    by.push(channelDef['field']);
  }
  return { data, x: x.field, y: y.field, yLog: y.scale === 'log', by };
}

/**
 * The datasets of a Vega-Lite spec drawn only by reducible line marks. Any other use of a dataset
 * (another mark, a second line layer, a transform, a mark without a named dataset) keeps it whole.
 */
export function lineLayers(spec: object): LineLayer[] {
  const found = new Map<string, LineLayer>();
  const blocked = new Set<string>();
  let unnamed = false;
  const visit = (node: unknown, outer: Scope): void => {
    if (!isObject(node)) return;
    const data = isObject(node['data']) ? (typeof node['data']['name'] === 'string' ? node['data']['name'] : undefined) : outer.data;
    if (node['data'] !== undefined && data === undefined) unnamed = true;
    const transform = node['transform'];
    const scope: Scope = {
      data,
      encoding: { ...outer.encoding, ...(isObject(node['encoding']) ? node['encoding'] : {}) },
      facet: outer.facet,
      transformed: outer.transformed || (Array.isArray(transform) && transform.length > 0),
    };
    if (node['facet'] !== undefined) {
      const fields = facetFields(node['facet']);
      if (fields === undefined) unnamed = true;
      visit(node['spec'], { ...scope, facet: [...scope.facet, ...(fields ?? [])] });
      return;
    }
    for (const key of ['layer', 'vconcat', 'hconcat', 'concat']) {
      const children = node[key];
      if (Array.isArray(children)) for (const child of children) visit(child, key === 'layer' ? scope : { ...scope, encoding: {} });
    }
    if (node['mark'] === undefined) return;
    if (data === undefined) {
      unnamed = true;
      return;
    }
    const layer = lineLayer(node['mark'], scope.encoding, scope, data);
    if (layer === undefined || found.has(data)) blocked.add(data);
    else found.set(data, layer);
  };
  visit(spec, { data: undefined, encoding: {}, facet: [], transformed: false });
  if (unnamed) return [];
  return [...found.values()].filter((layer) => !blocked.has(layer.data));
}

export interface ReducedLines {
  /** The datasets with each reducible line cut to its extreme points (tagged with `LINE_FIELD`). */
  data: ChartDatasets;
  /** Every reduced line's points in full, by line id, and the layer that draws it. */
  lines: { layer: LineLayer; rows: ChartDatum[] }[];
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Indices of a line's first, last, lowest and highest point (the first of equals), ascending. */
function extremeIndices(values: readonly number[]): number[] {
  let low = 0;
  let high = 0;
  values.forEach((v, i) => {
    if (v < (values[low] as number)) low = i;
    if (v > (values[high] as number)) high = i;
  });
  return [...new Set([0, values.length - 1, low, high])].sort((a, b) => a - b);
}

/** Cuts every line of the given layers to its extreme points; rows of other datasets are untouched. */
export function reduceLines(data: ChartDatasets, layers: readonly LineLayer[]): ReducedLines {
  const out: ChartDatasets = { ...data };
  const lines: ReducedLines['lines'] = [];
  for (const layer of layers) {
    const rows = data[layer.data];
    if (rows === undefined) continue;
    const groups = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const key = JSON.stringify(layer.by.map((field) => row[field] ?? null));
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [i]);
      else group.push(i);
    });
    // Row index → the id of its reduced line; rows of reduced lines not in the map are left out.
    const kept = new Map<number, number>();
    const cut = new Set<number>();
    for (const group of groups.values()) {
      const xs = group.map((i) => rows[i]?.[layer.x]);
      const ys = group.map((i) => rows[i]?.[layer.y]);
      const exact =
        group.length > 4 &&
        xs.every((x, i) => finite(x) && (i === 0 || x > (xs[i - 1] as number))) &&
        ys.every((y) => finite(y) && (!layer.yLog || y > 0));
      if (!exact) continue;
      const id = lines.length;
      lines.push({ layer, rows: group.map((i) => rows[i] as ChartDatum) });
      for (const i of group) cut.add(i);
      for (const at of extremeIndices(ys as number[])) kept.set(group[at] as number, id);
    }
    // Rows stay in their order: Vega draws lines in the order their first points come.
    out[layer.data] = rows.flatMap((row, i) => {
      const id = kept.get(i);
      if (id !== undefined) return [{ ...row, [LINE_FIELD]: id }];
      return cut.has(i) ? [] : [row];
    });
  }
  return { data: out, lines };
}

/** The parts of Vega's scenegraph this module reads and writes. */
interface SceneItem {
  x?: number;
  y?: number;
  datum?: Record<string, unknown>;
  items?: SceneMark[];
  [key: string]: unknown;
}
interface SceneMark {
  marktype?: string;
  items?: SceneItem[];
}

function lineMarks(mark: SceneMark, out: SceneMark[]): SceneMark[] {
  if (mark.marktype === 'line') out.push(mark);
  for (const item of mark.items ?? []) for (const child of item.items ?? []) lineMarks(child, out);
  return out;
}

/** d3's interpolation between two known points of a linear mapping (the same arithmetic as its scales). */
function mapper(v0: number, p0: number, v1: number, p1: number): (v: number) => number {
  if (v1 === v0) return () => p0;
  return (v) => {
    const t = (v - v0) / (v1 - v0);
    return p0 * (1 - t) + p1 * t;
  };
}

/**
 * Gives each reduced line mark of the scenegraph all its points again. Returns a function that puts
 * the reduced items back (a reused view must go on from the state its dataflow made), or undefined
 * when the scenegraph does not hold each reduced line as one line mark of its reduced points.
 */
export function patchLines(root: unknown, reduced: ReducedLines): (() => void) | undefined {
  const marks = lineMarks(root as SceneMark, []);
  const seen = new Set<number>();
  const patches: { mark: SceneMark; items: SceneItem[] }[] = [];
  for (const mark of marks) {
    const items = mark.items ?? [];
    if (items.length === 0) continue;
    const ids = new Set(items.map((item) => item.datum?.[LINE_FIELD]));
    // A mark of several lines, or of a reduced line and whole points: not what was reduced.
    if (ids.size !== 1) return undefined;
    const id = [...ids][0];
    if (id === undefined) continue;
    const line = typeof id === 'number' ? reduced.lines[id] : undefined;
    if (line === undefined || seen.has(id as number)) return undefined;
    seen.add(id as number);
    const full = fullItems(items, line.layer, line.rows);
    if (full === undefined) return undefined;
    patches.push({ mark, items: full });
  }
  if (seen.size !== reduced.lines.length) return undefined;
  const saved = patches.map(({ mark }) => ({ mark, items: mark.items ?? [] }));
  for (const { mark, items } of patches) mark.items = items;
  return () => {
    for (const { mark, items } of saved) mark.items = items;
  };
}

function fullItems(items: readonly SceneItem[], layer: LineLayer, rows: readonly ChartDatum[]): SceneItem[] | undefined {
  const kept = extremeIndices(rows.map((row) => row[layer.y] as number));
  const placed = items.map((item) => ({ item, x: Number(item.datum?.[layer.x]), y: Number(item.datum?.[layer.y]) }));
  if (placed.length !== kept.length || placed.some((p) => !finite(p.item.x) || !finite(p.item.y))) return undefined;
  const first = placed[0];
  const last = placed[placed.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const ty = layer.yLog ? Math.log : (v: number) => v;
  let low = first;
  let high = first;
  for (const p of placed) {
    if (p.y < low.y) low = p;
    if (p.y > high.y) high = p;
  }
  const px = mapper(first.x, first.item.x as number, last.x, last.item.x as number);
  const py = mapper(ty(low.y), low.item.y as number, ty(high.y), high.item.y as number);
  // The reduced points keep the places Vega gave them; the others are placed by the mapping.
  const exact = new Map(kept.map((at, i) => [at, placed[i]?.item]));
  const template = first.item;
  return rows.map((row, i) => {
    const item = exact.get(i);
    const x = item?.x ?? px(row[layer.x] as number);
    const y = item?.y ?? py(ty(row[layer.y] as number));
    return { ...template, x, y, datum: row };
  });
}
