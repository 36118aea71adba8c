/**
 * The lineage graph over all records: parent and children, ancestors and descendants, symmetric
 * related links, roots and trees, and per parent→child edge what changed: test-metric deltas and the
 * hyperparameter, dataset and model differences. Parent cycles are detected and reported, never followed.
 */
import type { Experiment } from '../schema/index.ts';
import { compareRecords } from './compare.ts';
import { computeParentDeltas, testMetricByKey } from './deltas.ts';
import { isScaleProblem, metricInfo, sameScaleProblem, scaleValue } from './metrics.ts';
import type { ExperimentLineage, MetricDelta } from './schema.ts';
import { pushAll } from '../util/arrays.ts';
import { getOwn, setOwn } from '../util/own.ts';

/** One tree of the lineage forest. */
export interface LineageTree {
  id: string;
  children: LineageTree[];
}

/** A field that differs between a parent and its child. */
export interface FieldDifference {
  section: 'hyperparameters' | 'dataset' | 'model';
  /** Path as in `compareRecords`, e.g. `model.hyperparameters[learning_rate].value`. */
  path: string;
  parent: unknown;
  child: unknown;
}

/** A parent → child edge and what changed along it. */
export interface LineageEdge {
  parent: string;
  child: string;
  /** Child's test metrics against the parent's, for metrics both report. */
  metricDeltas: MetricDelta[];
  differences: FieldDifference[];
}

/** The lineage graph of a collection. */
export interface LineageGraph {
  byId: Map<string, ExperimentLineage>;
  /** Records without a parent among the records, by id. */
  roots: string[];
  trees: LineageTree[];
  /** Edges ordered by child id. */
  edges: LineageEdge[];
  /** Each parent cycle once, starting at its smallest id, in child → parent order. */
  cycles: string[][];
}

/** Code-point order of ids: stable regardless of locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rotateToSmallest(cycle: string[]): string[] {
  const start = cycle.indexOf([...cycle].sort(compareIds)[0] ?? '');
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/** Whether rows under a top-level field can be a difference `diffConfigurations` reports (paths `model.…`, `dataset.…`). */
function holdsConfiguration(key: string): boolean {
  return key === 'model' || key === 'dataset' || key.startsWith('model.') || key.startsWith('dataset.');
}

/** Differences in hyperparameters, dataset and model between a parent and a child. */
export function diffConfigurations(parent: Experiment, child: Experiment): FieldDifference[] {
  // The other fields (a hundred epochs of history above all) are compared as null: `compareRecords`
  // still sees every field in place, so the rows kept come out the same and in the same order.
  const configuration = (record: Experiment): Experiment => {
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(record))
      setOwn(kept, key, holdsConfiguration(key) ? getOwn(record as Record<string, unknown>, key) : null);
    return kept as Experiment;
  };
  return compareRecords(configuration(parent), configuration(child)).flatMap((row) => {
    if (row.same) return [];
    const section = row.path.startsWith('model.hyperparameters')
      ? 'hyperparameters'
      : row.path.startsWith('dataset.')
        ? 'dataset'
        : row.path.startsWith('model.')
          ? 'model'
          : null;
    return section === null ? [] : [{ section, path: row.path, parent: row.a, child: row.b }];
  });
}

/**
 * The records by id (the first of a duplicated id wins), their ids in order, and each record's
 * parent when the parent is among the records.
 */
export function lineageParents(records: readonly Experiment[]): {
  byRecordId: Map<string, Experiment>;
  ids: string[];
  parentOf: Map<string, string>;
} {
  const byRecordId = new Map<string, Experiment>();
  for (const record of records) if (!byRecordId.has(record.id)) byRecordId.set(record.id, record);
  const ids = [...byRecordId.keys()].sort(compareIds);
  const parentOf = new Map<string, string>();
  for (const id of ids) {
    const parent = byRecordId.get(id)?.lineage?.parent;
    if (parent !== undefined && byRecordId.has(parent)) parentOf.set(id, parent);
  }
  return { byRecordId, ids, parentOf };
}

/** The ancestors of `id`, nearest first, stopping where a cycle closes. */
export function lineageAncestors(id: string, parentOf: ReadonlyMap<string, string>): string[] {
  const result: string[] = [];
  let current = parentOf.get(id);
  while (current !== undefined && current !== id && !result.includes(current)) {
    result.push(current);
    current = parentOf.get(current);
  }
  return result;
}

/**
 * The value of `metric` (an experiment's headline metric, named as `id` writes it) along its ancestor
 * chain: root first, `id` last, in the unit `id` writes it in (an ancestor's 0.856 is 85.6 next to a
 * headline of 87%); null for a record without that metric or with a value that cannot be put on its
 * scale. Null when there is no metric or no ancestor.
 */
export function headlineChainOf(
  id: string,
  metric: string | undefined,
  ancestors: readonly string[],
  records: ReadonlyMap<string, Experiment>,
): { id: string; value: number | null }[] | null {
  if (metric === undefined || metric === '' || ancestors.length === 0) return null;
  const headline = records.get(id)?.evaluation?.testMetrics?.find((m) => m.metric === metric && m.value !== null);
  const info = metricInfo(metric, headline?.unit);
  const own = headline?.value === null || headline?.value === undefined ? null : scaleValue(info, headline.value, 0);
  const valueOf = (other: string): number | null => {
    const record = records.get(other);
    const side = record === undefined ? undefined : testMetricByKey(record, info.key);
    if (side === undefined) return null;
    const scaled = scaleValue(side.info, side.value, 0);
    if (own === null || isScaleProblem(own) || isScaleProblem(scaled) || sameScaleProblem(own, scaled) !== null)
      return side.info.name === metric && side.info.unit === info.unit ? side.value : null;
    return Number.parseFloat((scaled.value / own.factor).toPrecision(15));
  };
  return [...ancestors]
    .reverse()
    .concat([id])
    .map((other) => ({ id: other, value: valueOf(other) }));
}

/**
 * Builds the lineage graph. The first record of a duplicated id wins; parents and related ids not
 * among the records are left out (the checks report them). Children, roots and edges are ordered by
 * id; ancestors nearest first; descendants breadth-first, nearest first.
 */
export function buildLineageGraph(records: readonly Experiment[]): LineageGraph {
  const { byRecordId, ids, parentOf } = lineageParents(records);
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    const parent = parentOf.get(id);
    if (parent !== undefined) children.get(parent)?.push(id);
  }

  const cycles: string[][] = [];
  const inCycle = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  for (const id of ids) {
    const path: string[] = [];
    let current: string | undefined = id;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'active');
      path.push(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && state.get(current) === 'active') {
      const cycle = rotateToSmallest(path.slice(path.indexOf(current)));
      cycles.push(cycle);
      for (const member of cycle) inCycle.add(member);
    }
    for (const member of path) state.set(member, 'done');
  }

  const related = new Map<string, string[]>(ids.map((id) => [id, []]));
  const link = (from: string, to: string): void => {
    const list = related.get(from);
    if (list !== undefined && from !== to && byRecordId.has(to) && !list.includes(to)) list.push(to);
  };
  for (const id of ids) for (const other of byRecordId.get(id)?.lineage?.related ?? []) link(id, other);
  for (const id of ids) for (const other of byRecordId.get(id)?.lineage?.related ?? []) link(other, id);

  const descendantsOf = (id: string): string[] => {
    const result: string[] = [];
    const seen = new Set([id]);
    const queue = [...(children.get(id) ?? [])];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      result.push(next);
      pushAll(queue, children.get(next) ?? []);
    }
    return result;
  };

  const byId = new Map<string, ExperimentLineage>(
    ids.map((id) => [
      id,
      {
        parent: parentOf.get(id) ?? null,
        ancestors: lineageAncestors(id, parentOf),
        children: children.get(id) ?? [],
        descendants: descendantsOf(id),
        related: related.get(id) ?? [],
        inCycle: inCycle.has(id),
      },
    ]),
  );

  const roots = ids.filter((id) => !parentOf.has(id));
  const treeOf = (id: string): LineageTree => ({ id, children: (children.get(id) ?? []).map(treeOf) });
  const edges: LineageEdge[] = ids.flatMap((child) => {
    const parentId = parentOf.get(child);
    const parent = parentId === undefined ? undefined : byRecordId.get(parentId);
    const record = byRecordId.get(child);
    if (parentId === undefined || parent === undefined || record === undefined) return [];
    return [
      {
        parent: parentId,
        child,
        metricDeltas: computeParentDeltas(record, parent).deltas,
        differences: diffConfigurations(parent, record),
      },
    ];
  });
  return { byId, roots, trees: roots.map(treeOf), edges, cycles };
}
