import { z } from 'zod';
import { IdSchema, MarkdownSchema, MetricMapSchema } from './common.ts';
import { ConfidenceIntervalSchema } from './evaluation.ts';

/** One row of the baseline table. */
export const BaselineRowSchema = z.looseObject({
  label: z.string().describe('Row label as written, e.g. "Previous Best (exp-042)".'),
  current: z.boolean().optional().describe('True for the row that is this experiment.'),
  experimentId: IdSchema.optional().describe('Id of the experiment record this row refers to, if any.'),
  metrics: MetricMapSchema.describe('Metric column → value.'),
  ci95: z
    .record(z.string(), ConfidenceIntervalSchema)
    .optional()
    .describe('95% CIs of the metrics, keyed like `metrics`, when written with them (`0.905 ± 0.004`).'),
  notes: MarkdownSchema.optional().describe('Notes column (Markdown, as the page shows it).'),
  evaluatedOn: z.string().optional().describe("Test set the row was evaluated on, when not the current experiment's."),
});
export type BaselineRow = z.output<typeof BaselineRowSchema>;

/** An "Improvement vs Baseline" claim as the record states it. */
export const ImprovementClaimSchema = z.looseObject({
  metric: z.string().describe('Metric the claim is about, e.g. "Accuracy".'),
  text: z.string().describe('The claim as written, e.g. "+2.1% vs previous best".'),
  value: z.number().optional().describe('The claimed change as a number (+2.1 → 2.1).'),
  unit: z
    .enum(['%', 'pp', 'abs', 'x'])
    .optional()
    .describe(
      '"%" (relative or absolute percent — checked both ways), "pp" (percentage points), "abs" (absolute, in the metric\'s unit), "x" (a ratio such as "3x"; not checked).',
    ),
  reference: z.string().optional().describe('What it is compared to, e.g. "previous best".'),
  comment: z.string().optional().describe('Trailing remark, e.g. "acceptable".'),
});
export type ImprovementClaim = z.output<typeof ImprovementClaimSchema>;

/** Comparison to baseline section. */
export const ComparisonSchema = z.looseObject({
  baselines: z.array(BaselineRowSchema).optional().describe('Baseline models, one row marked current.'),
  claims: z.array(ImprovementClaimSchema).optional().describe('Improvement vs baseline claims.'),
});
export type Comparison = z.output<typeof ComparisonSchema>;
