/**
 * How a 95% confidence interval rides along in a model card's `model-index`: the metric `value`
 * stays a plain number (the Hub's leaderboards and `huggingface_hub` read it), and the metric's
 * pretty `name` carries the interval: `Accuracy (95% CI: 0.912 to 0.948)`. The model-card export
 * writes names with `formatCardMetricName`; the Hugging Face import reads them back with
 * `parseCardMetricName`.
 */

/** `name (95% CI: low to high)`, or `name` when there is no interval. */
export function formatCardMetricName(name: string, ci: { low: number; high: number } | undefined): string {
  return ci === undefined ? name : `${name} (95% CI: ${ci.low} to ${ci.high})`;
}

const CI_SUFFIX = /^(.*?)\s*\(95% CI: (-?[\d.]+(?:e[+-]?\d+)?) to (-?[\d.]+(?:e[+-]?\d+)?)\)\s*$/i;

/** Splits a metric name written by `formatCardMetricName` into the name and its interval. */
export function parseCardMetricName(text: string): { name: string; ci?: { low: number; high: number } } {
  const match = CI_SUFFIX.exec(text);
  if (match === null) return { name: text };
  const low = Number(match[2]);
  const high = Number(match[3]);
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) return { name: text };
  return { name: match[1] ?? text, ci: { low, high } };
}
