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
 */

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

/** A chart's categories: per dataset and category field, the field's distinct values in order of first appearance. */
export type Categories = Map<string, unknown[]>;

/** The categories of a chart's data (`fields` from `categoryFields`). */
export function chartCategories(data: Record<string, readonly Record<string, unknown>[]>, fields: readonly string[]): Categories {
  const out: Categories = new Map();
  for (const [name, rows] of Object.entries(data)) {
    const seen = fields.map(() => new Set<unknown>());
    for (const row of rows)
      fields.forEach((field, i) => {
        if (Object.prototype.hasOwnProperty.call(row, field)) seen[i]?.add(row[field]);
      });
    fields.forEach((field, i) => out.set(`${name}\u0000${field}`, [...(seen[i] ?? [])]));
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
