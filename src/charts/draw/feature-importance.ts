/** The feature-importance chart drawn without Vega: `featureImportanceSpec`'s bars, value labels and axes. */
import { ACCENT, CHART_SIZES, INK } from '../theme.ts';
import { featureImportanceTitle, sortFeatures } from '../feature-importance.ts';
import { formatChartNumber } from '../format.ts';
import type { FeatureImportanceData } from '../types.ts';
import { BOTTOM_TITLE_OFFSET, bottomAxis, leftBandAxis } from './axis.ts';
import { bandScale, linearScale } from './scale.ts';
import { Drawing, TITLE_SIZE, baselineY, escapeXml, num, textWidth, truncate } from './svg.ts';

/** Share of a band a bar fills (`height: { band: 0.7 }`). */
const BAR_BAND = 0.7;
/** Gap between a bar's end and its value label (`dx`). */
const LABEL_GAP = 4;

/**
 * One bar per feature, most important on top, from 0 to its importance on an x axis that includes
 * 0 (made nice), its value as written just right of the bar's right end. Undefined (Vega draws it)
 * for no features, a feature named twice (its bars stacked), a value that is not finite, all values
 * 0 (an empty domain), or a one-line axis title cut at the plot's width.
 */
export function drawFeatureImportance(data: FeatureImportanceData): Drawing | undefined {
  const title = featureImportanceTitle(data);
  const width = CHART_SIZES.width - 120;
  if (typeof title === 'string' && textWidth(title, TITLE_SIZE, true) >= width) return undefined;
  const features = sortFeatures(data.features);
  if (features.length === 0 || features.some((f) => !Number.isFinite(f.importance))) return undefined;
  if (features.every((f) => f.importance === 0)) return undefined;
  // A feature named twice is one row whose bars Vega-Lite stacks: left to Vega.
  const names = features.map((f) => f.feature);
  if (new Set(names).size !== names.length) return undefined;
  const y = bandScale(names, CHART_SIZES.barStep);
  const height = y.length;
  const x = linearScale(
    features.map((f) => f.importance),
    [0, width],
    { zero: true },
  );
  const drawing = new Drawing();
  bottomAxis(drawing, x, width, height, { title: typeof title === 'string' ? title : undefined });
  if (typeof title !== 'string') twoLineTitle(drawing, title, width, height);
  leftBandAxis(drawing, y, height);
  const barHeight = y.bandwidth * BAR_BAND;
  const zero = x(0);
  const bars = features.map((f) => {
    const top = (y.center(f.feature) as number) - barHeight / 2;
    const end = x(f.importance);
    const x0 = Math.min(zero, end);
    const w = Math.abs(end - zero);
    drawing.cover({ x0, y0: top, x1: x0 + w, y1: top + barHeight });
    return `<path d="M${num(x0)},${num(top)}h${num(w)}v${num(barHeight)}h${num(-w)}Z" fill="${ACCENT}"/>`;
  });
  drawing.add(bars.join(''));
  drawing.texts(
    features.map((f) => ({
      x: x(f.importance) + LABEL_GAP,
      y: baselineY(y.center(f.feature) as number, 'middle'),
      text: formatChartNumber(f.importance),
    })),
  );
  return drawing;
}

/** Height of a line of a title on two lines (Vega's line height: the font size and 2 px). */
const TITLE_LINE_HEIGHT = TITLE_SIZE + 2;

/**
 * The x-axis title on two lines, centred under the plot where a one-line title goes, each line cut at
 * the plot's width. Vega bounds it by its lines as written in full (not as cut), `TITLE_LINE_HEIGHT`
 * more than one line high.
 */
function twoLineTitle(drawing: Drawing, lines: readonly [string, string], width: number, height: number): void {
  const top = height + BOTTOM_TITLE_OFFSET;
  const y = baselineY(top, 'top', TITLE_SIZE);
  const widest = Math.max(...lines.map((l) => textWidth(l, TITLE_SIZE, true)));
  const [first, second] = lines.map((l) => escapeXml(truncate(l, width, TITLE_SIZE, true)));
  const x = num(width / 2 + 0.5);
  drawing.add(
    `<g class="role-axis-title" font-size="${TITLE_SIZE}px" font-weight="600" fill="${INK}"><text x="${x}" y="${num(y + 0.5)}" text-anchor="middle">` +
      `<tspan>${first}</tspan><tspan x="${x}" dy="${TITLE_LINE_HEIGHT}">${second}</tspan></text></g>`,
    { x0: width / 2 - widest / 2, y0: top - 1, x1: width / 2 + widest / 2, y1: top - 1 + TITLE_SIZE + TITLE_LINE_HEIGHT },
  );
}
