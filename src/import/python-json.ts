/**
 * JSON as Python's `json.dump` writes it. For a float that is no number (a diverged loss, an F1
 * of no positives) it writes a bare `NaN`, `Infinity` or `-Infinity`, which `JSON.parse` refuses;
 * transformers' `TrainerState.save_to_json` and `Trainer.save_metrics` write them so.
 */
import { BARE_NON_FINITE, rewriteValues } from '../util/json-values.ts';

/**
 * Parses `text` like `JSON.parse`, except that a bare `NaN`, `Infinity` or `-Infinity` in a value's
 * place is read as that number. Throws `JSON.parse`'s `SyntaxError` for anything else that is not JSON.
 */
export function parsePythonJson(text: string): unknown {
  if (!/NaN|Infinity/.test(text)) return JSON.parse(text) as unknown;
  // Each token becomes a string no string of the text can be written as; the reviver turns it back.
  let marker = 'logbook-non-finite:';
  while (text.includes(marker)) marker = `_${marker}`;
  const numbers = new Map<string, number>([
    [JSON.stringify(`${marker}NaN`), Number.NaN],
    [JSON.stringify(`${marker}Infinity`), Number.POSITIVE_INFINITY],
    [JSON.stringify(`${marker}-Infinity`), Number.NEGATIVE_INFINITY],
  ]);
  const out = rewriteValues(text, (written, i) => {
    BARE_NON_FINITE.lastIndex = i;
    const token = BARE_NON_FINITE.exec(written)?.[0];
    return token ? { length: token.length, by: JSON.stringify(`${marker}${token}`) } : undefined;
  });
  // The third argument (the value's source text) is Node 21+'s JSON.parse source access.
  return JSON.parse(out, (_key, value: unknown, context?: { source?: string }) =>
    context?.source !== undefined && numbers.has(context.source) ? numbers.get(context.source) : value,
  ) as unknown;
}
