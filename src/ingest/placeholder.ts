/**
 * Unfilled template placeholders: a value written entirely in square brackets, such as `[Name]`,
 * `[Adam | SGD | AdamW]`, `[experiment-id]` or `[https://wandb.ai/org/project/runs/run-id]`.
 * A bracketed list — of numbers (`[0.0001, 0.01]`, `[16, 32, 64]`), of quoted texts as JSON writes
 * them (`["relu", "gelu"]`) or of two or more words (`[exp-001, exp-002]`, `[nlp, bert]`) — is a
 * value, not a placeholder: dropping it would lose what was written without a word. The template's
 * own list placeholder (`[experiment-id-1, experiment-id-2]`) stays one.
 */

/** True when `text` (trimmed) is one unfilled placeholder. */
export function isPlaceholder(text: string): boolean {
  const inner = bracketed(text);
  return inner !== undefined && !isScalarList(inner) && (!isWordList(inner) || TEMPLATE_LISTS.has(inner.replace(/\s+/g, '')));
}

/** The template's own placeholders that are lists of words (`- Related: [experiment-id-1, experiment-id-2]`), spaces removed. */
const TEMPLATE_LISTS = new Set(['experiment-id-1,experiment-id-2']);

/** True when `inner` is two or more comma-separated words (`exp-001, exp-002`, `nlp, bert`, `age, income`): a list written in brackets, not a phrase to replace. */
function isWordList(inner: string): boolean {
  const items = inner.split(',').map((item) => item.trim());
  return items.length >= 2 && items.every((item) => /^[^\s|]+$/.test(item));
}

/**
 * True when `text` is a placeholder where a list is a value — a setting's value or a search space:
 * bracketed alternatives or one phrase (`[Adam | SGD | AdamW]`, `[value]`, `[Search space]`), but
 * not a list (`[relu, gelu]`, `[16, 32, 64]`).
 */
export function isListPlaceholder(text: string): boolean {
  const inner = bracketed(text);
  return inner !== undefined && !isScalarList(inner) && (inner.includes('|') || !inner.includes(','));
}

/** What a value written entirely in square brackets holds (none nested), or undefined: `[nlp, bert]` → `nlp, bert`. */
export function bracketed(text: string): string | undefined {
  return /^\[([^[\]]*)\]$/.exec(text.trim())?.[1];
}

/** True when `inner` is a comma-separated list of numbers (`0.0001, 0.01`) or quoted texts and literals, as JSON writes a list (`"relu", "gelu"`). */
function isScalarList(inner: string): boolean {
  // `[0,947; 0,955]`: numbers with decimal commas are listed with semicolons; `[76.6%, 78.2%]` in percent.
  const items = (inner.includes(';') ? inner.split(';') : inner.split(',')).map((item) => item.trim());
  const number = inner.includes(';') ? /^[+-]?(\d+[.,]?\d*|[.,]\d+)([eE][+-]?\d+)?\s*%?$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*%?$/;
  return items.length > 0 && items.every((item) => number.test(item) || /^("[^"]*"|'[^']*'|true|false|null)$/.test(item));
}

/** Field paths whose placeholder deserves a warning: a record without them looks unfinished. */
export const REQUIRED_LOOKING_FIELDS: readonly string[] = ['id', 'name', 'status', 'date', 'completionDate'];

/** What a half-filled log writes where a text will go: `TBD`, `TODO`, `pending`, `—`, `?`, `not decided yet`. */
const NOT_YET_WRITTEN =
  /^(?:tb[dca]|to ?do|pending|—|–|-{1,3}|\?{1,3}|not (?:yet )?(?:known|decided|filled(?: in)?|written)(?: yet)?)\.?$/i;

/**
 * True when `text` says the value is not written yet (`TBD`, `—`): a field not filled in, as a
 * `[placeholder]` is. `N/A` and `none` are answers (not applicable, nothing), kept as written.
 */
export function isNotYetWritten(text: string): boolean {
  return NOT_YET_WRITTEN.test(text.trim());
}

/** `TBD (copy from the sweep config)`, `TODO: add the seeds`: not written yet, with a word on what will go there. */
const NOT_YET_WRITTEN_WITH_ASIDE =
  /^(?:tb[dca]|to ?do|pending|not (?:yet )?(?:known|decided|filled(?: in)?|written)(?: yet)?)\s*[(:,;–—-]\s*\S/i;

/** True when `text` says its value is not written yet and adds a word about it (`TBD (from the sweep)`). */
export function isNotYetWrittenWithAside(text: string): boolean {
  return NOT_YET_WRITTEN_WITH_ASIDE.test(text.trim());
}
