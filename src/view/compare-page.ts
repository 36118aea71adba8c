import type { CompareRow } from '../analysis/index.ts';
import type { Experiment } from '../schema/index.ts';
import type { ExperimentAnalysisView } from './analysis-types.ts';
import type { Cell } from './blocks.ts';
import { formatUnknown } from './format.ts';
import { absoluteCell, relativeCell, intervalCell, verdictCell } from './deltas.ts';
import { experimentPath, joinBase } from './urls.ts';
import { compareText } from '../util/compare-text.ts';

export interface ComparePageData {
  a: { id: string; name: string; href: string };
  b: { id: string; name: string; href: string };
  relation: string;
  total: number;
  differing: number;
  rows: { path: string; a: string; b: string; same: boolean; onlyIn: 'a' | 'b' | null }[];
  deltas: Cell[][];
}

/** Pairs that get a static compare page: each experiment against its parent and every baseline that is itself a record. */
export function comparePairs(records: readonly Experiment[]): { a: string; b: string; relation: string }[] {
  const ids = new Set(records.map((r) => r.id));
  const pairs = new Map<string, { a: string; b: string; relation: string }>();
  for (const r of records) {
    const parent = r.lineage?.parent;
    if (parent && ids.has(parent) && parent !== r.id) pairs.set(`${r.id}/${parent}`, { a: r.id, b: parent, relation: 'parent' });
    for (const row of r.comparison?.baselines ?? []) {
      const other = row.experimentId;
      if (other && ids.has(other) && other !== r.id && !pairs.has(`${r.id}/${other}`))
        pairs.set(`${r.id}/${other}`, { a: r.id, b: other, relation: `baseline “${row.label}”` });
    }
  }
  return [...pairs.values()].sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b));
}

/** The compare page of `a` against `b`: every field side by side, and the metric changes when b is a's parent. */
export function buildComparePageData(
  base: string,
  a: Experiment,
  b: Experiment,
  relation: string,
  rows: readonly CompareRow[],
  analysisA: ExperimentAnalysisView | undefined,
): ComparePageData {
  const shown = rows.filter((r) => r.path !== '$schema');
  const deltas =
    relation === 'parent'
      ? (analysisA?.parentDeltas ?? [])
      : (analysisA?.baselineDeltas ?? []).filter((d) =>
          a.comparison?.baselines?.some((row) => row.label === d.baseline && row.experimentId === b.id),
        );
  return {
    a: { id: a.id, name: a.name ?? '', href: joinBase(base, experimentPath(a.id)) },
    b: { id: b.id, name: b.name ?? '', href: joinBase(base, experimentPath(b.id)) },
    relation,
    total: shown.length,
    differing: shown.filter((r) => !r.same).length,
    rows: shown.map((r) => ({
      path: r.path,
      a: r.onlyIn === 'b' ? '—' : formatUnknown(r.a),
      b: r.onlyIn === 'a' ? '—' : formatUnknown(r.b),
      same: r.same,
      onlyIn: r.onlyIn,
    })),
    deltas: deltas.map((d) => [
      { text: d.metric },
      { text: formatUnknown(d.current), numeric: true },
      { text: formatUnknown(d.reference), numeric: true },
      absoluteCell(d),
      relativeCell(d),
      intervalCell(d),
      verdictCell(d),
    ]),
  };
}
