import { z } from 'zod';

/** An experiment id: letters, digits, `.`, `_` and `-`, starting with a letter or digit (it becomes a URL segment). */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id may contain only letters, digits, ".", "_" and "-", and must start with a letter or digit')
  .describe('Experiment id: letters, digits, ".", "_" and "-"; used in URLs.');

/** Whether a `YYYY-MM-DD…` text names a day that exists (`2025-02-29` does not; `2024-02-29` does). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true; // the pattern reports the form
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why `YYYY-MM-DD` names no day: `February 2025 has 28 days`, `there is no month 13`. */
function whyNoDay(text: string): string {
  const [year, month] = (/^(\d{4})-(\d{2})/.exec(text) ?? []).slice(1).map(Number);
  if (year === undefined || month === undefined || month < 1 || month > 12) return 'the month must be 01–12';
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${MONTHS[month - 1] ?? ''} ${year} has ${days} days`;
}

/** A calendar date as `YYYY-MM-DD`, or a full ISO 8601 timestamp. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date as YYYY-MM-DD (or an ISO 8601 timestamp)')
  .refine(isCalendarDate, {
    error: (issue) => `${JSON.stringify(issue.input)} is no day in the calendar: ${whyNoDay(String(issue.input))}`,
  })
  .describe('Date as YYYY-MM-DD or an ISO 8601 timestamp.');

/** The field names an object schema models, in its order: what a page shows in a dedicated place. */
export function fieldNames(schema: z.ZodObject): readonly string[] {
  return Object.keys(schema.shape);
}

/** A single hyperparameter or tag value as written. */
export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).describe('A string, number, boolean or null.');
export type Scalar = z.output<typeof ScalarSchema>;

/** Markdown text; rendered sanitized, never as raw HTML. */
export const MarkdownSchema = z.string().describe('Markdown text (rendered sanitized; raw HTML is shown as text).');

/** A metric value; `null` means "not reported". Percent-unit metrics hold percent (e.g. 12.5 for 12.5%). */
export const MetricValueSchema = z.number().nullable().describe('Metric value, or null when not reported.');

/** Metric name → value, keyed by the name as written (e.g. `"Val Loss"`, `"Latency (ms)"`). */
export const MetricMapSchema = z.record(z.string(), MetricValueSchema).describe('Metric name (as written) → value.');
