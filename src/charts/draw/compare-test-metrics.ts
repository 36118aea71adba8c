/**
 * The compare page's test-metrics chart drawn without Vega: `compareTestMetricsSpec`'s panels, one
 * per metric, each a row per experiment with its 95% CI as a rule, its value as a dot and the value
 * as written at the right; the experiments' names on a y axis left of every panel.
 */
import { CHART_SIZES } from '../theme.ts';
import type { ChartDatum } from '../types.ts';
import { bottomAxis, leftBandAxis } from './axis.ts';
import { experimentsOf, isFiniteNumber, isPlainText, overhang, panelHeader, panelsOf } from './compare-facets.ts';
import { linearScale, pointScale } from './scale.ts';
import { Drawing, baselineY, circlePath, num, symbolRadius, type Box, place } from './svg.ts';

/** Plot width of a panel (the spec's `CHART_SIZES.width - 160`). */
const WIDTH = CHART_SIZES.width - 160;
/** Height of one experiment's row (`CHART_SIZES.barStep - 4`). */
const STEP = CHART_SIZES.barStep - 4;
/** Space between panels (the spec's `spacing`). */
const SPACING = 14;
/** Dot size (area in px²) and the rule's stroke width. */
const DOT_SIZE = 60;
const RULE_WIDTH = 2;
/** The value's text, this far right of the plot (`dx`). */
const LABEL_DX = 8;

/** Whether a CI bound is absent as the spec's `isValid` filter sees it (null or missing). */
function isAbsent(value: unknown): boolean {
  return value === null || value === undefined;
}

/**
 * The chart of `rows` (as `compareTestMetricsSpec` takes them), or undefined when they hold what this
 * drawing does not draw as Vega would (a value that is not a finite number, a CI bound that is neither
 * a number nor null, a label that is not a non-empty string, panels tied in order): Vega draws those.
 */
export function drawCompareTestMetrics(rows: readonly ChartDatum[]): Drawing | undefined {
  if (rows.length === 0) return undefined;
  const experiments = experimentsOf(rows);
  const panels = panelsOf(rows, 'metric', 'mOrder');
  if (experiments === undefined || panels === undefined) return undefined;
  for (const row of rows) {
    const { value, low, high, label } = row;
    if (!isFiniteNumber(value) || !isPlainText(label)) return undefined;
    if (!(isAbsent(low) || isFiniteNumber(low)) || !(isAbsent(high) || isFiniteNumber(high))) return undefined;
  }
  // The y scale is shared: every panel has a row per experiment of the whole comparison.
  const y = pointScale(experiments.domain.map(String), STEP);
  const height = y.length;
  const r = symbolRadius(DOT_SIZE);
  const cells = panels.map((panel) => {
    const cell = new Drawing();
    const withCi = panel.rows.filter((row) => isFiniteNumber(row['low']) && isFiniteNumber(row['high']));
    const x = linearScale(
      [...panel.rows.map((row) => row['value'] as number), ...withCi.flatMap((row) => [row['low'] as number, row['high'] as number])],
      [0, WIDTH],
    );
    bottomAxis(cell, x, WIDTH, height);
    const rules: string[] = [];
    for (const row of withCi) {
      const at = y.center(String(row['eOrder'])) as number;
      const x0 = x(row['low'] as number);
      const x1 = x(row['high'] as number);
      rules.push(
        `<path d="M${num(x0)},${num(at)}h${num(x1 - x0)}" stroke="${experiments.color(row['eOrder'] as number)}" stroke-width="${RULE_WIDTH}"/>`,
      );
      const half = RULE_WIDTH / 2;
      cell.cover({ x0: Math.min(x0, x1) - half, y0: at - half, x1: Math.max(x0, x1) + half, y1: at + half });
    }
    cell.add(rules.join(''));
    const dots = panel.rows.map((row) => {
      const cx = x(row['value'] as number);
      const cy = y.center(String(row['eOrder'])) as number;
      cell.cover({ x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r });
      return `<path d="${circlePath(cx, cy, r)}" fill="${experiments.color(row['eOrder'] as number)}"/>`;
    });
    cell.add(dots.join(''));
    cell.texts(
      panel.rows.map((row) => ({
        x: WIDTH + LABEL_DX,
        y: baselineY(y.center(String(row['eOrder'])) as number, 'middle'),
        text: row['label'] as string,
      })),
    );
    // The header sits above the panel's content, which nothing reaches above the plot's top.
    panelHeader(cell, panel.name, 0);
    return cell;
  });
  const drawing = new Drawing();
  // Vega-Lite's facet layout (`align: all`): every panel one step below the last, the step the tallest
  // panel's extent below its plot, the spacing and the most any panel reaches above its plot.
  const boxes = cells.map((c) => c.extent());
  const below = Math.max(...boxes.map((b) => Math.ceil(b.y1)));
  const above = Math.max(0, ...boxes.slice(1).map((b) => overhang(b.y0)));
  const stepY = below + SPACING + above;
  // The experiments' axis is a row header at the left edge of the panels' content, in whole pixels.
  const headerX = Math.floor(Math.min(0, ...boxes.map((b: Box) => b.x0)));
  const labelOf = (place: string): string => experiments.label(Number(place));
  cells.forEach((cell, i) => {
    const header = new Drawing();
    leftBandAxis(header, y, height, { categoryLabel: labelOf });
    place(drawing, header, headerX, i * stepY);
    place(drawing, cell, 0, i * stepY);
  });
  return drawing;
}
