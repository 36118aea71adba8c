/**
 * Where each field of a JSON or YAML record is written, looked up when a diagnostic needs it rather
 * than recorded for every value up front (a 50,000-row history has half a million values; their
 * path strings alone took seconds to build).
 */

import type { Node as JsonNode } from 'jsonc-parser';
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { PositionLookup, SourcePosition } from './types.ts';

/** How to walk one kind of syntax tree. */
interface Tree<N> {
  /** The value node of `key` in an object node (the last one when a key repeats), with the offset of the key itself. */
  property(node: N, key: string): { value: N; keyOffset: number } | undefined;
  /** The item at `index` of a list node. */
  item(node: N, index: number): N | undefined;
  offset(node: N): number | undefined;
}

/**
 * Finds a dotted path in a tree. A key may itself contain dots (`"val.acc"`), so at each object
 * the longest run of segments that names a property is tried first.
 */
function find<N>(tree: Tree<N>, root: N, path: string): { node: N; keyOffset: number | undefined } | undefined {
  if (path === '') return { node: root, keyOffset: undefined };
  const segments = path.split('.');
  const walk = (node: N, from: number): { node: N; keyOffset: number | undefined } | undefined => {
    const index = segments[from] ?? '';
    if (/^\d+$/.test(index)) {
      const item = tree.item(node, Number(index));
      if (item !== undefined) return from + 1 === segments.length ? { node: item, keyOffset: undefined } : walk(item, from + 1);
    }
    for (let to = segments.length; to > from; to--) {
      const found = tree.property(node, segments.slice(from, to).join('.'));
      if (found === undefined) continue;
      if (to === segments.length) return { node: found.value, keyOffset: found.keyOffset };
      const deeper = walk(found.value, to);
      if (deeper !== undefined) return deeper;
    }
    return undefined;
  };
  return walk(root, 0);
}

/** Value and key positions of a tree, found on demand; `fixed` entries win (e.g. `notes` from a Markdown body). */
function lookups<N>(
  tree: Tree<N>,
  root: N | undefined,
  at: (offset: number) => SourcePosition,
  fixed: ReadonlyMap<string, SourcePosition> = new Map(),
): { positions: PositionLookup; keyPositions: PositionLookup } {
  return {
    positions: {
      get(path) {
        const pinned = fixed.get(path);
        if (pinned !== undefined || root === undefined) return pinned;
        const node = find(tree, root, path)?.node;
        const offset = node === undefined ? undefined : tree.offset(node);
        return offset === undefined ? undefined : at(offset);
      },
    },
    keyPositions: {
      get(path) {
        const offset = root === undefined ? undefined : find(tree, root, path)?.keyOffset;
        return offset === undefined ? undefined : at(offset);
      },
    },
  };
}

const JSON_TREE: Tree<JsonNode> = {
  property(node, key) {
    if (node.type !== 'object') return undefined;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const [keyNode, valueNode] = children[i]?.children ?? [];
      if (keyNode?.value === key && valueNode !== undefined) return { value: valueNode, keyOffset: keyNode.offset };
    }
    return undefined;
  },
  item: (node, index) => (node.type === 'array' ? node.children?.[index] : undefined),
  offset: (node) => node.offset,
};

/** Positions in a JSON record parsed with jsonc-parser. */
export function jsonPositions(root: JsonNode | undefined, at: (offset: number) => SourcePosition) {
  return lookups(JSON_TREE, root, at);
}

const YAML_TREE: Tree<YamlNode | null> = {
  property(node, key) {
    if (!isMap(node)) return undefined;
    for (let i = node.items.length - 1; i >= 0; i--) {
      const pair = node.items[i] as Pair<unknown, unknown>;
      if (!isScalar(pair.key) || String(pair.key.value) !== key) continue;
      const value = (pair.value ?? null) as YamlNode | null;
      // A key with no value (`notes:`) points at its key.
      return { value: value ?? pair.key, keyOffset: pair.key.range?.[0] ?? 0 };
    }
    return undefined;
  },
  item: (node, index) => (isSeq(node) ? ((node.items[index] as YamlNode | null | undefined) ?? undefined) : undefined),
  offset: (node) => node?.range?.[0],
};

/** Positions in a YAML document (`at` turns an offset in the YAML text into a position in the file). */
export function yamlPositions(root: YamlNode | null, at: (offset: number) => SourcePosition, fixed: ReadonlyMap<string, SourcePosition>) {
  return lookups(YAML_TREE, root ?? undefined, at, fixed);
}
