/**
 * The compare pages' fairness chart drawn without Vega: `compareFairnessSpec`'s panel per attribute
 * (its name above it), a row per group with a faint rule from the lowest to the highest value and a
 * dot per experiment in its colour, one x axis under the last panel shared by all, and the legend of
 * experiments.
 */
import { CHART_SIZES, FAINT, PALETTE } from '../theme.ts';
import { hasReservedText } from '../spec-common.ts';
import type { ChartDatum } from '../types.ts';
import { bottomAxis, leftBandAxis } from './axis.ts';
import { bottomDotLegend } from './legend.ts';
import { degenerateFormat, linearScale, pointScale } from './scale.ts';
import { Drawing, TITLE_SIZE, baselineY, circlePath, num, symbolRadius, type Box } from './svg.ts';

/** Space between panels (the spec's `spacing`). */
const SPACING = 14;
/** How far a panel's header reaches above it: its text on the `bottom` baseline 22 px above, 12 px high with its descent. */
const HEADER = 35;
/** Widest a panel's header is drawn (the spec's `labelLimit`). */
const HEADER_LIMIT = 400;

/** One row of the chart's data, as `compareFairnessSpec` reads it. */
interface Row {
  attribute: string;
  aOrder: number;
  group: string;
  gOrder: number;
  experiment: string;
  eOrder: number;
  value: number;
}

function readRow(d: ChartDatum): Row | undefined {
  const { attribute, aOrder, group, gOrder, experiment, eOrder, value } = d;
  if (typeof attribute !== 'string' || typeof group !== 'string' || typeof experiment !== 'string') return undefined;
  if (typeof aOrder !== 'number' || typeof gOrder !== 'number' || typeof eOrder !== 'number' || typeof value !== 'number') return undefined;
  if (!Number.isFinite(value)) return undefined;
  return { attribute, aOrder, group, gOrder, experiment, eOrder, value };
}

/** Distinct values of `key`, sorted by the least `order` of their rows (Vega-Lite's `sort: { op: 'min' }`), ties by first appearance. */
function sortedBy<K extends 'attribute' | 'group'>(rows: readonly Row[], key: K, order: (r: Row) => number): string[] {
  const least = new Map<string, number>();
  for (const r of rows) least.set(r[key], Math.min(least.get(r[key]) ?? Infinity, order(r)));
  return [...least].sort((a, b) => a[1] - b[1]).map(([k]) => k);
}

function union(a: Box | undefined, b: Box): Box {
  return a === undefined ? b : { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Draws `compareFairnessSpec(rows)`'s chart; undefined without rows, with a row the spec's fields do not describe, or with a reserved name. */
export function drawCompareFairness(data: readonly ChartDatum[]): Drawing | undefined {
  // Vega's facet keys its panels by name: a panel called `__proto__` leaves its chart nearly empty, and
  // the interactive view draws it so too. Such data is left to Vega, so both stay the same.
  if (hasReservedText(data)) return undefined;
  const rows = data.map(readRow);
  if (rows.length === 0 || rows.some((r) => r === undefined)) return undefined;
  const all = rows as Row[];
  const width = CHART_SIZES.width - 120;
  const step = CHART_SIZES.barStep;
  const x = linearScale(
    all.map((r) => r.value),
    [0, width],
  );
  // Experiments' colours: the palette in order of their places (`eOrder`), as the spec's colour scale.
  const places = [...new Set(all.map((r) => r.eOrder))].sort((a, b) => a - b);
  const colorOf = new Map(places.map((p, i) => [p, PALETTE[i % PALETTE.length] as string]));
  const drawing = new Drawing();
  let top = 0;
  for (const attribute of sortedBy(all, 'attribute', (r) => r.aOrder)) {
    const mine = all.filter((r) => r.attribute === attribute);
    const groups = sortedBy(mine, 'group', (r) => r.gOrder);
    const y = pointScale(groups, step);
    const height = y.length;
    const panel = new Drawing();
    // The grid of the shared x axis in every panel; its ticks and labels under the last one only.
    bottomAxis(panel, x, width, height, { labels: false, domain: false });
    leftBandAxis(panel, y, height);
    const rules = groups.map((g) => {
      const values = mine.filter((r) => r.group === g).map((r) => x(r.value));
      const lo = Math.min(...values);
      return `M${num(lo)},${num(y.center(g) as number)}h${num(Math.max(...values) - lo)}`;
    });
    panel.add(`<path d="${rules.join('')}" stroke="${FAINT}"/>`);
    const r = symbolRadius(70);
    let dots: Box | undefined;
    for (const row of mine) {
      const cx = x(row.value);
      const cy = y.center(row.group) as number;
      panel.add(`<path d="${circlePath(cx, cy, r)}" fill="${colorOf.get(row.eOrder) as string}"/>`);
      dots = union(dots, { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r });
    }
    if (dots !== undefined) panel.cover(dots);
    panel.texts([{ x: 0, y: baselineY(-22, 'bottom', TITLE_SIZE), text: attribute, limit: HEADER_LIMIT }], {
      size: TITLE_SIZE,
      bold: true,
      role: 'title-text',
    });
    const box = panel.extent();
    drawing.add(`<g transform="translate(0,${num(top)})">${panel.body()}</g>`, { ...box, y0: box.y0 + top, y1: box.y1 + top });
    top += height + SPACING + HEADER;
  }
  const bottom = top - SPACING - HEADER;
  bottomAxis(drawing, x, width, bottom, { grid: false, ...degenerateFormat(x) });
  bottomDotLegend(
    drawing,
    places.map((p) => ({ label: all.find((row) => row.eOrder === p)?.experiment ?? String(p), color: colorOf.get(p) as string })),
  );
  return drawing;
}
