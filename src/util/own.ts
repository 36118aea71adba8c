/**
 * Objects keyed by user text. Metric, tag, column and attribute names are data, so `__proto__`,
 * `constructor` or `toString` must behave like any other name: stored as an own property (plain
 * assignment of `__proto__` would replace the object's prototype instead), and looked up only
 * among own properties (`row["constructor"]` is otherwise `Object`).
 */

/** Sets `target[key] = value` as an own, enumerable data property, also for `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `object[key]` when it is an own property, else undefined. */
export function getOwn<T>(object: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** True for a plain (non-array, non-null) object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
