/**
 * The compare pages' fairness chart drawn without Vega: `compareFairnessSpec`'s panel per attribute
 * (its name above it), a row per group with a faint rule from the lowest to the highest value and a
 * dot per experiment in its colour, one x axis under the last panel shared by all, and the legend of
 * experiments.
 */
import { CHART_SIZES, FAINT } from '../theme.ts';
import { hasReservedText } from '../spec-common.ts';
import type { ChartDatum } from '../types.ts';
import { bottomAxis, leftBandAxis } from './axis.ts';
import { experimentsOf, isFiniteNumber, isPlainText, panelHeader, panelsOf } from './compare-facets.ts';
import { bottomLegendTop, dotLegend } from './legend.ts';
import { linearScale, pointScale } from './scale.ts';
import { Drawing, circlePath, num, symbolRadius, type Box, place } from './svg.ts';

/** Space between panels (the spec's `spacing`). */
const SPACING = 14;
/** How far a panel's header reaches above it: its text on the `bottom` baseline 22 px above, 12 px high with its descent. */
const HEADER = 35;

function union(a: Box | undefined, b: Box): Box {
  return a === undefined ? b : { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/**
 * Draws `compareFairnessSpec(rows)`'s chart; undefined (left to Vega) without rows, with a row the
 * spec's fields do not describe, a name that is not plain text (`isPlainText`) or a reserved name.
 */
export function drawCompareFairness(data: readonly ChartDatum[]): Drawing | undefined {
  // Vega's facet keeps its panels by name: a panel called `__proto__` leaves its chart nearly empty,
  // and the interactive view draws it so too. Such data is left to Vega, so both stay the same.
  if (data.length === 0 || hasReservedText(data)) return undefined;
  if (!data.every((r) => isPlainText(r['group']) && isFiniteNumber(r['gOrder']) && isFiniteNumber(r['value']))) return undefined;
  const experiments = experimentsOf(data);
  const panels = panelsOf(data, 'attribute', 'aOrder');
  if (experiments === undefined || panels === undefined) return undefined;
  const width = CHART_SIZES.width - 120;
  const x = linearScale(
    data.map((r) => r['value'] as number),
    [0, width],
  );
  const drawing = new Drawing();
  let top = 0;
  for (const { name, rows } of panels) {
    const groups = panelsOf(rows, 'group', 'gOrder');
    if (groups === undefined) return undefined;
    const y = pointScale(
      groups.map((g) => g.name),
      CHART_SIZES.barStep,
    );
    const height = y.length;
    const panel = new Drawing();
    // The grid of the shared x axis in every panel; its ticks and labels under the last one only.
    bottomAxis(panel, x, width, height, { labels: false, domain: false });
    leftBandAxis(panel, y, height);
    const rules = groups.map((g) => {
      const values = g.rows.map((r) => x(r['value'] as number));
      const lo = Math.min(...values);
      return `M${num(lo)},${num(y.center(g.name) as number)}h${num(Math.max(...values) - lo)}`;
    });
    panel.add(`<path d="${rules.join('')}" stroke="${FAINT}"/>`);
    const r = symbolRadius(70);
    let dots: Box | undefined;
    // Dots in the data's order, as Vega paints them.
    for (const row of rows) {
      const cx = x(row['value'] as number);
      const cy = y.center(row['group'] as string) as number;
      panel.add(`<path d="${circlePath(cx, cy, r)}" fill="${experiments.color(row['eOrder'] as number)}"/>`);
      dots = union(dots, { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r });
    }
    if (dots !== undefined) panel.cover(dots);
    panelHeader(panel, name, 0);
    place(drawing, panel, 0, top);
    top += height + SPACING + HEADER;
  }
  bottomAxis(drawing, x, width, top - SPACING - HEADER, { grid: false });
  dotLegend(
    drawing,
    experiments.domain.map((p) => ({ label: experiments.label(p), color: experiments.color(p) })),
    { top: bottomLegendTop(drawing.extent().y1) },
  );
  return drawing;
}
