/**
 * When a Vega view that drew one chart may draw the next (see `render.ts`).
 *
 * A reused view is about twice as fast as a fresh one, but it keeps state keyed by category: a line
 * per series, a legend entry, a panel per facet value, a nominal scale's sorted domain. A category
 * the previous chart also had keeps the slot it had there, and new ones come after it, so a chart
 * drawn on a reused view can list its lines, lay out its legend or order its axis differently from
 * the same chart drawn on a fresh view — and the build's output would depend on which charts a
 * worker happened to draw before. (Numeric axis ticks are the exception `guideOrder` mends.)
 *
 * So a view is reused only for a chart whose categories meet its state as a fresh view's would
 * (`sameSlots`): the categories are the values, in order of first appearance, of every field a
 * nominal or ordinal channel, a facet or a sort reads. Otherwise the chart is drawn on a fresh view,
 * which the shape then keeps.
 *
 * A guide label may show another field than its category (`labelOf`: a compare chart's places
 * 0, 1, … labelled with the experiments' ids). Vega keeps a kept legend entry's or panel header's
 * size from when it was made, whatever its new label; so for such a label the category is also the
 * label's width (`estimateTextWidth`: texts of one width lay out alike).
 */
import { estimateTextWidth } from './text-width.ts';

type Node = Record<string, unknown>;

const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Channels whose nominal or ordinal field makes categories (a scale, a grouping); not text or tooltips. */
const CATEGORY_CHANNELS = new Set([
  'x',
  'y',
  'xOffset',
  'yOffset',
  'color',
  'fill',
  'stroke',
  'strokeDash',
  'shape',
  'size',
  'opacity',
  'fillOpacity',
  'strokeOpacity',
  'strokeWidth',
  'detail',
  'row',
  'column',
  'facet',
]);

function fieldsOf(def: unknown, out: Set<string>): void {
  if (Array.isArray(def)) {
    for (const d of def) fieldsOf(d, out);
    return;
  }
  if (!isObject(def)) return;
  if (typeof def['field'] === 'string' && (def['type'] === 'nominal' || def['type'] === 'ordinal' || def['type'] === undefined))
    out.add(def['field']);
  const sort = def['sort'];
  if (isObject(sort) && typeof sort['field'] === 'string') out.add(sort['field']);
}

/** The fields of a Vega-Lite spec (its shape) whose values are categories, sorted by name. */
export function categoryFields(spec: unknown): string[] {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!isObject(node)) return;
    const encoding = node['encoding'];
    if (isObject(encoding)) for (const [channel, def] of Object.entries(encoding)) if (CATEGORY_CHANNELS.has(channel)) fieldsOf(def, out);
    const facet = node['facet'];
    if (isObject(facet)) {
      fieldsOf(facet, out);
      fieldsOf(facet['row'], out);
      fieldsOf(facet['column'], out);
    }
    for (const key of ['layer', 'vconcat', 'hconcat', 'concat', 'spec']) visit(node[key]);
  };
  visit(spec);
  return [...out].sort();
}

/** A guide label that shows, for the category `datum.value` of field `key`, field `text` of the first row of `dataset` with it. */
export interface LabelLookup {
  dataset: string;
  key: string;
  text: string;
}

/** The Vega expression of a `labelExpr` that looks its label up (see `LabelLookup`); `labelLookups` finds it in a spec. */
export function labelOf({ dataset, key, text }: LabelLookup): string {
  return `pluck(data('${dataset}'), '${text}')[indexof(pluck(data('${dataset}'), '${key}'), datum.value)]`;
}

const LABEL_OF = /^pluck\(data\('([^']+)'\), '([^']+)'\)\[indexof\(pluck\(data\('\1'\), '([^']+)'\), datum\.value\)\]$/;

/** The label lookups (`labelOf`) of a Vega-Lite spec's axes, legends and headers, in order of appearance, each once. */
export function labelLookups(spec: unknown): LabelLookup[] {
  const found = new Map<string, LabelLookup>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) visit(n);
    else if (isObject(node))
      for (const [key, value] of Object.entries(node)) {
        const match = key === 'labelExpr' && typeof value === 'string' ? LABEL_OF.exec(value) : null;
        if (match !== null) found.set(value as string, { dataset: match[1] ?? '', text: match[2] ?? '', key: match[3] ?? '' });
        else visit(value);
      }
  };
  visit(spec);
  return [...found.values()];
}

/** A chart's categories: per dataset and category field, the field's distinct values in order of first appearance. */
export type Categories = Map<string, unknown[]>;

function distinct(rows: readonly Record<string, unknown>[], field: string): unknown[] {
  const seen = new Set<unknown>();
  for (const row of rows) if (Object.prototype.hasOwnProperty.call(row, field)) seen.add(row[field]);
  return [...seen];
}

/**
 * The categories of a chart's data (`fields` from `categoryFields`), and for each label lookup
 * (`labelLookups`) the widths of the labels of its categories, in their order.
 */
export function chartCategories(
  data: Record<string, readonly Record<string, unknown>[]>,
  fields: readonly string[],
  labels: readonly LabelLookup[] = [],
): Categories {
  const out: Categories = new Map();
  for (const [name, rows] of Object.entries(data)) for (const field of fields) out.set(`${name}\u0000${field}`, distinct(rows, field));
  for (const { dataset, key, text } of labels) {
    const rows = data[dataset] ?? [];
    const widths = distinct(rows, key).map((value) => {
      const label = rows.find((row) => Object.is(row[key], value))?.[text];
      return typeof label === 'string' ? estimateTextWidth(label, 1) : label;
    });
    out.set(`${dataset}\u0000${key}\u0000${text}`, widths);
  }
  return out;
}

/** Whether two charts have the same categories, in the same order (`undefined`: a view that drew nothing yet). */
export function sameCategories(before: Categories | undefined, after: Categories): boolean {
  if (before === undefined || before.size !== after.size) return false;
  for (const [key, values] of after) {
    const old = before.get(key);
    if (old === undefined || old.length !== values.length || old.some((v, i) => !Object.is(v, values[i]))) return false;
  }
  return true;
}
