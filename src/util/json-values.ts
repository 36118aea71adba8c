/**
 * A scan of JSON text for the places a value stands (after `:`, `[` or `,`, outside strings), for
 * readers of JSON as Python writes it: a bare `NaN` or `Infinity` there, or such a number written as
 * text (`"nan"`), which `JSON.parse` refuses or reads as a string.
 */

/** A bare `NaN`, `Infinity` or `-Infinity` where a JSON value stands, as Python's `json.dump` writes a float that is no number (sticky: test it at an offset). */
export const BARE_NON_FINITE = /-?Infinity|NaN/y;

/**
 * A number that is no number written as text, as `str(float("nan"))` and pandas' `astype(str)` write
 * it: `"nan"`, `"inf"`, `"-inf"`, `"NaN"` (sticky: test it at an offset). `validate` reads one in a
 * value's place as null; the importers write a string that is one with its first letter escaped.
 */
export const QUOTED_NON_FINITE = /"(?:nan|NaN|NAN|-?(?:inf|Inf|INF|infinity|Infinity))"/y;

/**
 * `text` with what `replace` returns put in place of the text it matched: at each place a value
 * starts, `replace(text, offset)` gives the length of the text it replaces there and what to write
 * instead, or undefined to leave it. Strings and their escapes are copied as they are.
 */
export function rewriteValues(text: string, replace: (text: string, offset: number) => { length: number; by: string } | undefined): string {
  let out = '';
  let inString = false;
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (char === '"') inString = false;
      continue;
    }
    const replaced = previous === ':' || previous === '[' || previous === ',' ? replace(text, i) : undefined;
    if (replaced !== undefined) {
      out += replaced.by;
      i += replaced.length - 1;
      // What was written stands for a value: what follows it is after a value.
      previous = 'v';
      continue;
    }
    if (char === '"') inString = true;
    if (!/\s/.test(char)) previous = char;
    out += char;
  }
  return out;
}
