import type { Scalar } from '../../schema/index.ts';
import { isPlainObject } from '../hash.ts';

/**
 * Nested params or metrics → flat names, the way `dvc params diff` / `dvc metrics show` name
 * them: keys joined with `separator` (`train.lr`, `test/acc`). Lists are kept as JSON text.
 */
export function flattenValues(value: unknown, separator: string, prefix = ''): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  if (!isPlainObject(value)) return out;
  for (const [key, item] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}${separator}${key}`;
    if (isPlainObject(item)) Object.assign(out, flattenValues(item, separator, name));
    else if (Array.isArray(item)) out[name] = JSON.stringify(item);
    else if (item === null || typeof item === 'string' || typeof item === 'boolean' || typeof item === 'number') out[name] = item;
    else out[name] = JSON.stringify(item) ?? null;
  }
  return out;
}
