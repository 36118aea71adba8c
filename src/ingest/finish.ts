/** Steps every input form shares once it has a raw record: placeholders out, an id in. */

import { decimalsOf } from '../analysis/stats.ts';
import * as msg from './messages.ts';
import { isPlaceholder } from './placeholder.ts';
import { baseName } from './text.ts';
import { literalDecimals } from './units.ts';
import { joinPath, type Diagnostic, type FieldPath, type SourcePosition } from './types.ts';

import { isPlainObject } from '../util/own.ts';

export { isPlainObject };

/**
 * Removes every string value that is an unfilled placeholder (and every placeholder-only list item)
 * from `value` in place, returning the dotted paths removed, in document order.
 */
export function stripPlaceholders(value: unknown, path: FieldPath = []): string[] {
  const removed: string[] = [];
  // One path, extended and cut back as the walk goes; joined only for what is removed.
  const at: (string | number)[] = [...path];
  const strip = (item: unknown): void => {
    if (Array.isArray(item)) {
      let kept = 0;
      for (let index = 0; index < item.length; index++) {
        const child: unknown = item[index];
        if (typeof child === 'string' && isPlaceholder(child)) {
          removed.push(joinPath([...at, index]));
          continue;
        }
        at.push(index);
        strip(child);
        at.pop();
        item[kept++] = child;
      }
      item.length = kept;
    } else if (isPlainObject(item)) {
      for (const [key, child] of Object.entries(item)) {
        if (typeof child === 'string' && isPlaceholder(child)) {
          removed.push(joinPath([...at, key]));
          delete item[key];
        } else {
          at.push(key);
          strip(child);
          at.pop();
        }
      }
    }
  };
  strip(value);
  return removed;
}

/**
 * The `writtenDecimals` of a raw record: every number whose source literal (`literalAt(path)`, the text
 * the number starts) has more decimal places than the number's shortest form shows — `0.890` parses to
 * 0.89, but was written to three places, and its rounding tolerance is that of three places.
 */
export function writtenDecimalsOf(
  value: unknown,
  literalAt: (path: string) => string | undefined,
  path: FieldPath = [],
): Record<string, number> {
  if (typeof value === 'number') {
    const key = joinPath(path);
    const literal = literalAt(key);
    const decimals = literal === undefined ? undefined : literalDecimals(literal, value);
    return decimals !== undefined && decimals > decimalsOf(value) ? { [key]: decimals } : {};
  }
  const children: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isPlainObject(value)
      ? Object.entries(value)
      : [];
  const found: Record<string, number> = {};
  for (const [key, item] of children) Object.assign(found, writtenDecimalsOf(item, literalAt, [...path, key]));
  return found;
}

/**
 * Gives a record without a usable id the file name as id (with a `missing-id` warning), and records
 * `placeholders` and `writtenDecimals` (merged with any the record already lists; what the source text
 * shows wins). Mutates `data`.
 */
export function finishRecord(
  data: Record<string, unknown>,
  options: {
    file: string;
    placeholders: readonly string[];
    idPosition: SourcePosition | undefined;
    writtenDecimals?: Readonly<Record<string, number>>;
  },
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const existing = Array.isArray(data['placeholders']) ? data['placeholders'].filter((p): p is string => typeof p === 'string') : [];
  const placeholders = [...new Set([...existing, ...options.placeholders])];
  if (placeholders.length > 0) data['placeholders'] = placeholders;
  const decimals = { ...(isPlainObject(data['writtenDecimals']) ? data['writtenDecimals'] : {}), ...options.writtenDecimals };
  if (Object.keys(decimals).length > 0) data['writtenDecimals'] = decimals;
  if (data['id'] === undefined || data['id'] === '') {
    const fallback = baseName(options.file);
    data['id'] = fallback;
    diagnostics.push({
      level: 'warning',
      code: 'missing-id',
      file: options.file,
      ...(options.idPosition ?? { line: 1, column: 1 }),
      path: 'id',
      message: msg.missingId(fallback, placeholders.includes('id')),
      hint: msg.hintSetId(),
    });
  }
  return diagnostics;
}
