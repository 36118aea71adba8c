/**
 * The search space drawn without Vega: `searchSpaceSpec`'s rows, one per hyperparameter, each a
 * track from 0 to 1 with its kind written at the right, ticks at the ends (or at each choice) with
 * their values under them, and the chosen value as a dot with its value above, red past the end of
 * the track when outside the space; the colour legend under the rows.
 */
import { ACCENT, CHART_SIZES, FAINT, INK, MUTED, WORSE } from '../theme.ts';
import { SEARCH_STATUS, searchSpaceRows } from '../search-space.ts';
import type { SearchSpaceData } from '../types.ts';
import { LABEL_LIMIT } from './axis.ts';
import { bottomLegendTop, dotLegend } from './legend.ts';
import { distinct, linearOver, pointScale } from './scale.ts';
import { Drawing, LABEL_SIZE, baselineY, circlePath, num, symbolRadius, type Box } from './svg.ts';

/** The x domain of the spec: a margin before 0 and room past 1 for a value outside the space. */
const DOMAIN = [-0.04, 1.12] as const;
/** The labels' distance left of the plot (the axis's `labelPadding`, no ticks). */
const LABEL_PADDING = 10;
/** Track stroke, tick size and the values' distance from the track (the spec's `dy`). */
const TRACK_WIDTH = 6;
const TICK_HEIGHT = 12;
const TICK_WIDTH = 1.5;
const VALUE_DY = 9;

/** The chart as the spec lays it out; undefined (drawn by Vega) without hyperparameters. */
export function drawSearchSpace(data: SearchSpaceData): Drawing | undefined {
  if (data.params.length === 0) return undefined;
  const rows = searchSpaceRows(data);
  const width = CHART_SIZES.width - 100;
  // Rows by name in their first order, as the spec's `sort` by the minimum order.
  const names = distinct(data.params.map((p) => p.name));
  const y = pointScale(names, CHART_SIZES.searchStep);
  const height = y.length;
  const x = linearOver(DOMAIN, [0, width]);
  const at = (param: string): number => y.center(param) as number;
  const drawing = new Drawing();
  drawing.texts(
    names.map((name) => ({ x: -LABEL_PADDING, y: baselineY(at(name) - 0.5, 'middle'), text: name, limit: LABEL_LIMIT })),
    { anchor: 'end', bold: true, offset: 0.5, role: 'axis-label' },
  );
  const marks: Box[] = [{ x0: 0, y0: 0, x1: width, y1: height }];
  const of = (role: string) => rows.filter((r) => r['role'] === role);
  const tracks = of('track');
  const x0 = x(0);
  const x1 = x(1);
  drawing.add(
    `<path d="${tracks.map((t) => `M${num(x0)},${num(at(String(t['param'])))}h${num(x1 - x0)}`).join('')}" stroke="${FAINT}" stroke-width="${TRACK_WIDTH}" stroke-linecap="round"/>`,
  );
  for (const t of tracks) {
    const cy = at(String(t['param']));
    marks.push({ x0: x0 - TRACK_WIDTH / 2, y0: cy - TRACK_WIDTH / 2, x1: x1 + TRACK_WIDTH / 2, y1: cy + TRACK_WIDTH / 2 });
  }
  // The kind of space, in italics at the right of each track.
  const kinds = new Drawing();
  kinds.texts(
    tracks.map((t) => ({ x: width, y: baselineY(at(String(t['param'])), 'middle'), text: String(t['label']) })),
    { fill: MUTED },
  );
  drawing.add(kinds.body().replace('<g ', '<g font-style="italic" '), kinds.extent());
  const ticks = of('tick');
  drawing.add(
    `<path d="${ticks.map((t) => `M${num(x(Number(t['pos'])) - TICK_WIDTH / 2)},${num(at(String(t['param'])) - TICK_HEIGHT / 2)}h${TICK_WIDTH}v${TICK_HEIGHT}h-${TICK_WIDTH}Z`).join('')}" fill="${MUTED}" opacity="0.7"/>`,
  );
  drawing.texts(
    ticks.map((t) => ({ x: x(Number(t['pos'])), y: baselineY(at(String(t['param'])) + VALUE_DY, 'top'), text: String(t['label']) })),
    { anchor: 'middle', fill: MUTED },
  );
  const chosen = of('chosen');
  const r = symbolRadius(90);
  for (const [status, color] of [
    [SEARCH_STATUS.inside, ACCENT],
    [SEARCH_STATUS.outside, WORSE],
  ] as const) {
    const dots = chosen.filter((c) => c['status'] === status);
    if (dots.length > 0)
      drawing.add(`<path d="${dots.map((c) => circlePath(x(Number(c['pos'])), at(String(c['param'])), r)).join('')}" fill="${color}"/>`);
  }
  drawing.texts(
    chosen.map((c) => ({ x: x(Number(c['pos'])), y: baselineY(at(String(c['param'])) - VALUE_DY, 'bottom'), text: String(c['label']) })),
    { anchor: 'middle', bold: true, fill: INK },
  );
  for (const box of marks) drawing.cover(box);
  // The legend goes under the plot and its marks (the tick values under the last row).
  const tickBottom =
    ticks.length === 0
      ? 0
      : Math.max(...ticks.map((t) => at(String(t['param'])) + VALUE_DY + baselineY(0, 'top') - Math.round(0.8 * LABEL_SIZE) + LABEL_SIZE));
  dotLegend(
    drawing,
    [
      { label: SEARCH_STATUS.inside, color: ACCENT },
      { label: SEARCH_STATUS.outside, color: WORSE },
    ],
    { top: bottomLegendTop(Math.max(height, tickBottom, ...chosen.map((c) => at(String(c['param'])) + r))) },
  );
  return drawing;
}
