/**
 * The compare pages' parallel coordinates drawn without Vega: `compareParamsSpec`'s vertical axis per
 * hyperparameter (its name above it, cut at 120 px), each experiment a line in its colour through
 * its positions (broken where it has no value), a dot and its value at each, and the colour legend.
 */
import { INK, MUTED, PALETTE } from '../theme.ts';
import type { ChartDatum } from '../types.ts';
import { bottomLegend } from './legend.ts';
import { bandScale, linearOver } from './scale.ts';
import { Drawing, baselineY, circlePath, num, symbolRadius } from './svg.ts';
import { polyline } from './training-curves.ts';

/** Width of one axis's band, the y domain (a margin above and below the axes) and the plot height (the spec's). */
const STEP = 120;
const DOMAIN = [-0.06, 1.06] as const;
const HEIGHT = 220;
/** The axis names: bottom-aligned 2 px above the plot, bold, cut at `NAME_LIMIT`. */
const NAME_OFFSET = 2;
const NAME_LIMIT = 120;
/** A value's distance right of its dot. */
const VALUE_DX = 6;

/** A row's number, or undefined when it is none. */
function numberOf(value: ChartDatum[string] | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The chart as the spec lays it out from its rows; undefined (drawn by Vega) without axes or with an experiment that has no value on any axis. */
export function drawCompareParams(rows: readonly ChartDatum[]): Drawing | undefined {
  const order = (r: ChartDatum): number => numberOf(r['aOrder']) ?? Infinity;
  // Axes by name, in the order of their smallest `aOrder` (the spec's sort).
  const first = new Map<string, number>();
  for (const r of rows) {
    const name = String(r['axis']);
    first.set(name, Math.min(first.get(name) ?? Infinity, order(r)));
  }
  const axes = [...first.keys()].sort((a, b) => (first.get(a) as number) - (first.get(b) as number));
  if (axes.length === 0) return undefined;
  const values = rows.filter((r) => r['track'] !== true);
  const experiments = [...new Set(values.map((r) => numberOf(r['eOrder'])))].sort((a, b) => (a ?? 0) - (b ?? 0));
  if (experiments.some((e) => e === undefined || !values.some((r) => r['eOrder'] === e && numberOf(r['pos']) !== undefined)))
    return undefined;
  const x = bandScale(axes, STEP, { paddingInner: 0, paddingOuter: 0 });
  const width = x.length;
  const y = linearOver(DOMAIN, [HEIGHT, 0]);
  const drawing = new Drawing();
  drawing.cover({ x0: 0, y0: 0, x1: width, y1: HEIGHT });
  drawing.texts(
    axes.map((a) => ({ x: (x.center(a) as number) - 0.5, y: baselineY(-NAME_OFFSET, 'bottom'), text: a, limit: NAME_LIMIT })),
    { anchor: 'middle', bold: true, offset: 0.5, role: 'axis-label' },
  );
  const tracks = axes.filter((a) => rows.some((r) => r['track'] === true && String(r['axis']) === a));
  if (tracks.length > 0)
    drawing.add(`<path d="${tracks.map((a) => `M${num(x.center(a) as number)},${num(y(0))}V${num(y(1))}`).join('')}" stroke="${MUTED}"/>`);
  const color = (e: number): string => PALETTE[experiments.indexOf(e) % PALETTE.length] as string;
  const points = (e: number) =>
    values
      .filter((r) => r['eOrder'] === e)
      .sort((a, b) => order(a) - order(b))
      .map((r) => {
        const pos = numberOf(r['pos']);
        return { at: x.center(String(r['axis'])) as number, pos, label: String(r['label'] ?? '') };
      });
  for (const e of experiments as number[]) {
    // A missing value breaks the line (the spec's `invalid: 'break-paths-filter-domains'`).
    const segments: { x: number; y: number }[][] = [[]];
    for (const p of points(e)) {
      if (p.pos === undefined) segments.push([]);
      else (segments[segments.length - 1] as { x: number; y: number }[]).push({ x: p.at, y: y(p.pos) });
    }
    const d = segments
      .filter((s) => s.length > 1)
      .map(polyline)
      .join('');
    if (d !== '') drawing.add(`<path d="${d}" stroke="${color(e)}" stroke-width="2"/>`);
  }
  const r = symbolRadius(40);
  for (const e of experiments as number[]) {
    const dots = points(e).filter((p) => p.pos !== undefined);
    drawing.add(`<path d="${dots.map((p) => circlePath(p.at, y(p.pos as number), r)).join('')}" fill="${color(e)}"/>`);
  }
  drawing.texts(
    values.flatMap((row) => {
      const pos = numberOf(row['pos']);
      return pos === undefined
        ? []
        : [{ x: (x.center(String(row['axis'])) as number) + VALUE_DX, y: baselineY(y(pos), 'middle'), text: String(row['label'] ?? '') }];
    }),
    { fill: INK },
  );
  // Each experiment's colour, labelled with its id (the first row of its place in the comparison).
  bottomLegend(
    drawing,
    (experiments as number[]).map((e) => ({
      label: String(rows.find((row) => row['eOrder'] === e)?.['experiment'] ?? e),
      color: color(e),
    })),
  );
  return drawing;
}
