/**
 * Unfilled template placeholders: a value written entirely in square brackets, such as `[Name]`,
 * `[Adam | SGD | AdamW]`, `[experiment-id]` or `[https://wandb.ai/org/project/runs/run-id]`.
 * A bracketed list of numbers (`[0.0001, 0.01]`, `[16, 32, 64]`) is a value, not a placeholder.
 */

/** True when `text` (trimmed) is one unfilled placeholder. */
export function isPlaceholder(text: string): boolean {
  const match = /^\[([^[\]]*)\]$/.exec(text.trim());
  if (!match) return false;
  return !isNumberList(match[1] ?? '');
}

/** True when `inner` is a comma-separated list of numbers (`0.0001, 0.01`). */
function isNumberList(inner: string): boolean {
  const items = inner.split(',').map((item) => item.trim());
  return items.length > 0 && items.every((item) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(item));
}

/** Field paths whose placeholder deserves a warning: a record without them looks unfinished. */
export const REQUIRED_LOOKING_FIELDS: readonly string[] = ['id', 'name', 'status', 'date', 'completionDate'];
