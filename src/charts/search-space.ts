import type { TopLevelSpec } from 'vega-lite';
import { ACCENT, CHART_SIZES, FAINT, MUTED, WORSE } from './theme.ts';
import { SPEC_BASE } from './spec-common.ts';
import { formatChartNumber, spansDecades } from './format.ts';
import type { ChartDatum, SearchSpaceParam } from './types.ts';
import type { SearchSpaceData } from './types.ts';
import type { Scalar } from '../schema/index.ts';

/** Where an out-of-space chosen value is drawn, just past the end of the track. */
const OUTSIDE_POSITION = 1.08;
export const SEARCH_STATUS = { inside: 'chosen value', outside: 'outside the search space' } as const;

function scalarText(value: Scalar | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return formatChartNumber(value);
  return String(value);
}

/** True when a range is drawn on a log scale: declared log, or positive and spanning more than one decade. */
export function isLogRange(space: { min: number; max: number; scale?: 'linear' | 'log' | undefined }): boolean {
  if (space.min <= 0 || space.max <= 0) return false;
  return space.scale === 'log' || (space.scale !== 'linear' && spansDecades([space.min, space.max]));
}

/**
 * Normalized position 0–1 of a value in its search space (log-normalized for log ranges, evenly
 * spaced for choices), or undefined when the value is outside the space or missing.
 */
export function searchPosition(param: SearchSpaceParam): number | undefined {
  const { chosen, space } = param;
  if (space.kind === 'choice') {
    const index = space.values.findIndex((v) => String(v) === String(chosen));
    if (chosen === undefined || index < 0) return undefined;
    return space.values.length === 1 ? 0.5 : index / (space.values.length - 1);
  }
  if (typeof chosen !== 'number' || chosen < Math.min(space.min, space.max) || chosen > Math.max(space.min, space.max)) return undefined;
  if (space.max === space.min) return 0.5;
  if (isLogRange(space)) return (Math.log(chosen) - Math.log(space.min)) / (Math.log(space.max) - Math.log(space.min));
  return (chosen - space.min) / (space.max - space.min);
}

/** Rows of the search-space chart: a track per hyperparameter, tick marks with labels, the chosen value. */
export function searchSpaceRows(data: SearchSpaceData): ChartDatum[] {
  const rows: ChartDatum[] = [];
  data.params.forEach((p, order) => {
    const space = p.space;
    const scaleLabel = space.kind === 'choice' ? `${space.values.length} choices` : isLogRange(space) ? 'range, log' : 'range';
    rows.push({ role: 'track', param: p.name, order, pos: 0, pos2: 1, label: scaleLabel });
    if (space.kind === 'choice') {
      space.values.forEach((v, i) => {
        rows.push({
          role: 'tick',
          param: p.name,
          order,
          pos: space.values.length === 1 ? 0.5 : i / (space.values.length - 1),
          pos2: null,
          label: scalarText(v),
        });
      });
    } else {
      rows.push({ role: 'tick', param: p.name, order, pos: 0, pos2: null, label: formatChartNumber(space.min) });
      rows.push({ role: 'tick', param: p.name, order, pos: 1, pos2: null, label: formatChartNumber(space.max) });
    }
    if (p.chosen !== undefined && p.chosen !== null) {
      const pos = searchPosition(p);
      rows.push({
        role: 'chosen',
        param: p.name,
        order,
        pos: pos ?? OUTSIDE_POSITION,
        pos2: null,
        label: scalarText(p.chosen),
        status: pos === undefined ? SEARCH_STATUS.outside : SEARCH_STATUS.inside,
      });
    }
  });
  return rows;
}

/**
 * Hyperparameter search spaces vs the chosen values: one row per hyperparameter, its space drawn as a
 * track at normalized position 0–1 (log-normalized for ranges spanning decades, evenly spaced for
 * choices), the chosen value as a dot — red past the end of the track when outside the space.
 */
export function searchSpaceSpec(data: SearchSpaceData): TopLevelSpec {
  const y = {
    field: 'param',
    type: 'nominal',
    title: null,
    sort: { field: 'order', op: 'min' },
    axis: { domain: false, ticks: false, grid: false, labelFontWeight: 600, labelPadding: 10 },
  } as const;
  const x = {
    field: 'pos',
    type: 'quantitative',
    title: null,
    scale: { domain: [-0.04, 1.12] as number[], nice: false, zero: false },
    axis: null,
  } as const;
  const role = (r: string) => ({ filter: `datum.role === '${r}'` });
  return {
    ...SPEC_BASE,
    datasets: { table: searchSpaceRows(data) },
    data: { name: 'table' },
    width: CHART_SIZES.width - 100,
    height: { step: CHART_SIZES.searchStep },
    layer: [
      {
        transform: [role('track')],
        mark: { type: 'rule', strokeWidth: 6, strokeCap: 'round', color: FAINT },
        encoding: {
          y,
          x,
          x2: { field: 'pos2' },
          tooltip: [
            { field: 'param', type: 'nominal', title: 'Hyperparameter' },
            { field: 'label', type: 'nominal', title: 'Search space' },
          ],
        },
      },
      {
        transform: [role('track')],
        mark: { type: 'text', align: 'left', dx: 0, color: MUTED, fontStyle: 'italic', x: 'width' },
        encoding: { y, text: { field: 'label', type: 'nominal' } },
      },
      {
        transform: [role('tick')],
        mark: { type: 'tick', orient: 'vertical', size: 12, thickness: 1.5, color: MUTED },
        encoding: { y, x },
      },
      {
        transform: [role('tick')],
        mark: { type: 'text', baseline: 'top', dy: 9, fontSize: CHART_SIZES.minFontSize, color: MUTED },
        encoding: { y, x, text: { field: 'label', type: 'nominal' } },
      },
      {
        transform: [role('chosen')],
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          y,
          x,
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: [SEARCH_STATUS.inside, SEARCH_STATUS.outside], range: [ACCENT, WORSE] },
          },
          tooltip: [
            { field: 'param', type: 'nominal', title: 'Hyperparameter' },
            { field: 'label', type: 'nominal', title: 'Chosen' },
            { field: 'status', type: 'nominal', title: 'Status' },
          ],
        },
      },
      {
        transform: [role('chosen')],
        mark: { type: 'text', baseline: 'bottom', dy: -9, fontWeight: 600 },
        encoding: { y, x, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
