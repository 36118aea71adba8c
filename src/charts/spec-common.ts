import { chartConfig } from './theme.ts';

/** `$schema` and theme shared by every chart spec. */
export const SPEC_BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  config: chartConfig,
} as const;

/** Tooltip number format: up to 4 significant digits. */
export const VALUE_FORMAT = '.4~g';

/**
 * Names Vega cannot take as text in a spec: it looks string literals up as signal names in plain
 * objects (so `"constructor"` finds `Object` and fails with "Operator not defined") and refuses
 * them as object keys ("Illegal property"), e.g. as a tooltip title.
 */
const VEGA_RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'then']);

/** Zero-width space: the text still reads the same, but is no longer a reserved name. */
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * A copy of a spec's shape (a spec without its data) in which every string that is a reserved name
 * (a metric or group called `constructor`, `toString`, `__proto__`, …, used as a title) gets a
 * trailing zero-width space. Data values are not touched: they are not part of the shape.
 */
export function guardSpecText<T>(shape: T): T {
  const guard = (value: unknown): unknown => {
    if (typeof value === 'string') return VEGA_RESERVED.has(value) ? `${value}${ZERO_WIDTH_SPACE}` : value;
    if (Array.isArray(value)) return value.map(guard);
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = guard(item);
    return copy;
  };
  return guard(shape) as T;
}
