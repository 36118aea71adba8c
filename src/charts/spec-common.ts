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

/** Control characters (line breaks above all) and the two Unicode line separators JavaScript strings cannot hold raw. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]/g;

/**
 * Whether any string in `value` (a chart's data) is a reserved name. Vega keys some of its internal
 * maps by data values: a view that drew a category called `__proto__` is left broken for the next
 * chart drawn on it ("Cannot read properties of undefined (reading 'datum')"), so such data is drawn
 * on a view of its own (see `renderRaw`).
 */
export function hasReservedText(value: unknown): boolean {
  if (typeof value === 'string') return VEGA_RESERVED.has(value);
  if (Array.isArray(value)) return value.some(hasReservedText);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => VEGA_RESERVED.has(key) || hasReservedText(item));
}

/** Zero-width space: the text still reads the same, but is no longer a reserved name. */
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * A copy of a spec's shape (a spec without its data) in which every string that is a reserved name
 * (a metric or group called `constructor`, `toString`, `__proto__`, …, used as a title) gets a
 * trailing zero-width space, control characters (a name with a line break) become spaces, and a
 * backslash in a tooltip's title is doubled (Vega-Lite does not escape it in the expression it writes
 * the title into). Data values are not touched: they are not part of the shape.
 */
export function guardSpecText<T>(shape: T): T {
  const guard = (value: unknown, inTooltip: boolean, key: string): unknown => {
    if (typeof value === 'string') {
      // A line break or other control character in a title ends the string literal Vega-Lite writes
      // it into (a tooltip's field title: "Expression parse error"): shown as a space instead.
      const text = value.replace(CONTROL_CHARACTERS, ' ');
      const guarded = VEGA_RESERVED.has(text) ? `${text}${ZERO_WIDTH_SPACE}` : text;
      // Vega-Lite writes a tooltip's titles into an expression as object keys, escaping `"` but not
      // `\`: a title `Accuracy\` (or `site\unit`, or `__proto\u005f_`) would end or change the key.
      // Doubled, the backslash reads as itself.
      return inTooltip && key === 'title' ? guarded.replace(/\\/g, '\\\\') : guarded;
    }
    if (Array.isArray(value)) return value.map((item) => guard(item, inTooltip, key));
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) copy[name] = guard(item, inTooltip || name === 'tooltip', name);
    return copy;
  };
  return guard(shape, false, '') as T;
}
