/** The compare page's confusion matrices drawn without Vega: `compareConfusionSpec`'s row-share heat map per experiment, two to a row. */
import { COMPARE_CELL } from '../compare.ts';
import { INK } from '../theme.ts';
import type { ChartDatum } from '../types.ts';
import { drawMap } from './confusion-matrix.ts';
import { LABEL_LIMIT } from './axis.ts';
import { Drawing, TITLE_SIZE, baselineY, escapeXml, num, textBox, textWidth, truncate } from './svg.ts';

/** Panels per row, and the space between them (`columns`, `spacing`). */
const COLUMNS = 2;
const COLUMN_SPACING = 40;
const ROW_SPACING = 24;
/** How far above its map's top axis a panel's header sits (its baseline `bottom`), and how wide it may be. */
const HEADER_OFFSET = 22;
const HEADER_LIMIT = 400;

/** Class names in matrix order along one side (`i` for actual, `j` for predicted). */
function namesAlong(cells: readonly ChartDatum[], index: 'i' | 'j', name: 'actual' | 'predicted'): string[] {
  const names: string[] = [];
  for (const c of cells) names[c[index] as number] = c[name] as string;
  return names;
}

/**
 * One panel per experiment (`eOrder` order), its id above it, class names angled across the top.
 * Undefined (Vega draws it) unless every experiment's matrix is square over the same class names,
 * each named once (Vega's independent scales then lay every panel out alike) and none cut at the
 * label limit.
 */
export function drawCompareConfusion(rows: readonly ChartDatum[]): Drawing | undefined {
  const orders = [...new Set(rows.map((r) => r['eOrder'] as number))].sort((a, b) => a - b);
  const panels = orders.map((o) => rows.filter((r) => r['eOrder'] === o));
  const first = panels[0];
  if (first === undefined) return undefined;
  const labels = namesAlong(first, 'j', 'predicted');
  const n = labels.length;
  const key = labels.join('\u0000');
  for (const cells of panels) {
    const predicted = namesAlong(cells, 'j', 'predicted');
    const actual = namesAlong(cells, 'i', 'actual');
    if (cells.length !== n * n || predicted.join('\u0000') !== key || actual.join('\u0000') !== key) return undefined;
  }
  if (new Set(labels).size !== n || labels.some((l) => l === undefined)) return undefined;
  // A class name cut at the label limit: Vega bounds it, angled, otherwise than the drawing would.
  if (labels.some((l) => textWidth(l) >= LABEL_LIMIT)) return undefined;
  const maps = panels.map((cells) => {
    const map = drawMap(cells, labels, COMPARE_CELL, 'rowShare', true);
    const y = map.extent().y0 - HEADER_OFFSET;
    const text = String(cells[0]?.['experiment'] ?? '');
    const item = { x: 0, y: baselineY(y, 'bottom', TITLE_SIZE), text, limit: HEADER_LIMIT };
    map.cover(textBox(item, TITLE_SIZE, true));
    map.add(
      `<g class="role-title-text" font-size="${TITLE_SIZE}px" font-weight="600" fill="${INK}"><text x="0" y="${num(item.y)}">${escapeXml(truncate(text, HEADER_LIMIT, TITLE_SIZE, true))}</text></g>`,
    );
    return map;
  });
  const box = (maps[0] as Drawing).extent();
  const dx = Math.ceil(box.x1) + COLUMN_SPACING + Math.ceil(-box.x0);
  const drawing = new Drawing();
  maps.forEach((map, k) => {
    const col = k % COLUMNS;
    const row = Math.floor(k / COLUMNS);
    const b = map.extent();
    const dy = row * (Math.ceil(box.y1) + ROW_SPACING + Math.ceil(-box.y0));
    const x = col * dx;
    drawing.add(`<g transform="translate(${x},${dy})">${map.body()}</g>`, { x0: b.x0 + x, y0: b.y0 + dy, x1: b.x1 + x, y1: b.y1 + dy });
  });
  return drawing;
}
