import type { Experiment } from '../schema/index.ts';
import type { ExperimentAnalysisView } from './analysis-types.ts';
import type { LineageTreeNode } from './blocks.ts';
import { edgeCell } from './deltas.ts';
import { formatMetricValue } from './format.ts';
import { isHeadlineDelta } from './summary-band.ts';
import { comparePath, experimentPath, joinBase } from './urls.ts';

export interface LineageContext {
  base: string;
  records: ReadonlyMap<string, Experiment>;
  analyses: ReadonlyMap<string, ExperimentAnalysisView>;
  /** False when the site has no page per compared pair: the edge's compare link opens the in-browser compare page. */
  comparePages?: boolean | undefined;
}

function node(id: string, ctx: LineageContext, current: string | undefined): LineageTreeNode {
  const rec = ctx.records.get(id);
  const analysis = ctx.analyses.get(id);
  const headline = analysis?.headline;
  const parent = rec?.lineage?.parent;
  // The edge from the parent is labelled with the child's headline metric delta.
  const delta = headline ? analysis?.parentDeltas.find((d) => isHeadlineDelta(d, headline)) : analysis?.parentDeltas[0];
  const edge = parent && ctx.records.has(parent) ? edgeCell(delta) : undefined;
  return {
    id,
    label: rec?.name ?? id,
    href: joinBase(ctx.base, experimentPath(id)),
    ...(rec?.status ? { status: rec.status } : {}),
    ...(id === current ? { current: true } : {}),
    ...(headline
      ? {
          headline: `${headline.metric} ${formatMetricValue({ metric: headline.metric, value: headline.value, unit: headline.unit, decimals: headline.decimals })}`,
        }
      : {}),
    ...(edge ? { edge } : {}),
    ...(parent && ctx.records.has(parent) ? { compareHref: joinBase(ctx.base, comparePath(id, parent, ctx.comparePages)) } : {}),
    children: [],
  };
}

/** Every descendant of `id` as a tree (children sorted by id; a cycle is cut where it repeats). */
function subtree(id: string, ctx: LineageContext, current: string | undefined, seen: Set<string>): LineageTreeNode {
  seen.add(id);
  const n = node(id, ctx, current);
  const children = ctx.analyses.get(id)?.lineage.children ?? [];
  n.children = [...children]
    .sort()
    .filter((c) => !seen.has(c))
    .map((c) => subtree(c, ctx, current, seen));
  return n;
}

/**
 * The lineage tree shown on an experiment page: the chain of ancestors from the root down to this
 * experiment, then all of its descendants.
 */
export function buildLineageTree(id: string, ctx: LineageContext): LineageTreeNode {
  const ancestors = [...(ctx.analyses.get(id)?.lineage.ancestors ?? [])].reverse().filter((a) => ctx.records.has(a));
  const seen = new Set<string>(ancestors);
  const below = subtree(id, ctx, id, seen);
  let top = below;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const up = node(ancestors[i] as string, ctx, id);
    up.children = [top];
    top = up;
  }
  return top;
}

/** Every lineage tree of the collection, one per root, for the lineage overview page. */
export function buildLineageForest(ctx: LineageContext): LineageTreeNode[] {
  const roots = [...ctx.records.values()]
    .filter((r) => !r.lineage?.parent || !ctx.records.has(r.lineage.parent))
    .map((r) => r.id)
    .sort();
  const seen = new Set<string>();
  return roots.map((id) => subtree(id, ctx, undefined, seen));
}

/**
 * The experiment's headline metric along its ancestor chain, root first, this experiment last (the
 * lineage-trend chart; computed by the analysis); undefined without a headline metric or ancestors.
 */
export function headlineChain(
  id: string,
  ctx: { analyses: ReadonlyMap<string, { headlineChain?: { id: string; value: number | null }[] | null }> },
): { id: string; value: number | null }[] | undefined {
  return ctx.analyses.get(id)?.headlineChain ?? undefined;
}
