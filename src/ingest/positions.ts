/**
 * Where each field of a JSON or YAML record is written, looked up when a diagnostic needs it rather
 * than recorded for every value up front (a 50,000-row history has half a million values; their
 * path strings alone took seconds to build).
 */

import type { Node as JsonNode } from 'jsonc-parser';
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import { decimalsOf } from '../analysis/stats.ts';
import { literalDecimals } from './units.ts';
import { joinPath, type PositionLookup, type SourcePosition } from './types.ts';

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

/** The children of a syntax-tree node and the source text of a number node, for `writtenDecimalsIn`. */
interface Literals<N> {
  /** Calls `visit` with each child of a list or map node and its key (index or name); nothing for other nodes. */
  eachChild(node: N, visit: (key: string | number, child: N) => void): void;
  /** The number a node holds and the source text it was written as; undefined for other nodes. */
  number(node: N): { value: number; text: string } | undefined;
}

/**
 * The `writtenDecimals` of a record, read from its syntax tree: every number whose source text has
 * more decimal places than its shortest form shows (`0.890` parses to 0.89 but was written to three
 * places), keyed by its dotted path in the source. Paths are built only for those numbers.
 */
function writtenDecimalsIn<N>(literals: Literals<N>, root: N | undefined): Record<string, number> {
  const found: Record<string, number> = {};
  const path: (string | number)[] = [];
  const visit = (key: string | number, child: N): void => {
    path.push(key);
    walk(child);
    path.pop();
  };
  const walk = (node: N): void => {
    const number = literals.number(node);
    if (number !== undefined) {
      // Written in its shortest form (as every JSON writer does): nothing to note.
      if (number.text === String(number.value)) return;
      const decimals = literalDecimals(number.text, number.value);
      if (decimals !== undefined && decimals > decimalsOf(number.value)) found[joinPath(path)] = decimals;
      return;
    }
    literals.eachChild(node, visit);
  };
  if (root !== undefined) walk(root);
  return found;
}

/** `writtenDecimals` of a JSON record parsed with jsonc-parser from `text`. */
export function jsonWrittenDecimals(root: JsonNode | undefined, text: string): Record<string, number> {
  return writtenDecimalsIn<JsonNode>(
    {
      eachChild: (node, visit) => {
        const children = node.children;
        if (children === undefined) return;
        if (node.type === 'array') for (let index = 0; index < children.length; index++) visit(index, children[index] as JsonNode);
        else if (node.type === 'object')
          for (const property of children) {
            const [key, value] = property.children ?? [];
            if (typeof key?.value === 'string' && value !== undefined) visit(key.value, value);
          }
      },
      number: (node) =>
        node.type === 'number' && typeof node.value === 'number'
          ? { value: node.value, text: text.slice(node.offset, node.offset + node.length) }
          : undefined,
    },
    root,
  );
}

/** `writtenDecimals` of a YAML document parsed from `yamlText`. */
export function yamlWrittenDecimals(root: YamlNode | null, yamlText: string): Record<string, number> {
  return writtenDecimalsIn<YamlNode | null>(
    {
      eachChild: (node, visit) => {
        if (isSeq(node)) node.items.forEach((item, index) => visit(index, item as YamlNode | null));
        else if (isMap(node))
          for (const pair of node.items) if (isScalar(pair.key)) visit(String(pair.key.value), (pair.value ?? null) as YamlNode | null);
      },
      number: (node) =>
        isScalar(node) && typeof node.value === 'number' && node.range
          ? { value: node.value, text: yamlText.slice(node.range[0], node.range[1]) }
          : undefined,
    },
    root ?? undefined,
  );
}
