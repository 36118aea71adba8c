import { z } from 'zod';
import { MetricMapSchema } from './common.ts';

/** A 95% confidence interval: a symmetric half-width (`±0.012` → 0.012) or explicit bounds. */
export const ConfidenceIntervalSchema = z.union([
  z.number().nonnegative().describe('Half-width of a symmetric 95% CI (±0.012 → 0.012).'),
  z.object({ low: z.number(), high: z.number() }).describe('Explicit 95% CI bounds.'),
]);
export type ConfidenceInterval = z.output<typeof ConfidenceIntervalSchema>;

/** One test-set metric. */
export const TestMetricSchema = z.looseObject({
  metric: z.string().describe('Metric name as written, e.g. "F1 Score", "Latency (ms)".'),
  value: z.number().nullable().describe('Value on the test set; percent-unit metrics hold percent.'),
  ci95: ConfidenceIntervalSchema.optional().describe('95% confidence interval.'),
  unit: z.string().optional().describe('Unit, when not in the name: "%", "ms", …'),
});
export type TestMetric = z.output<typeof TestMetricSchema>;

/** Confusion matrix: rows are actual classes, columns predicted classes, in `labels` order. */
export const ConfusionMatrixSchema = z.looseObject({
  labels: z.array(z.string()).min(2).describe('Class labels, in row/column order.'),
  matrix: z.array(z.array(z.number().nonnegative())).describe('Counts: matrix[actual][predicted].'),
  positiveLabel: z.string().optional().describe('The positive class of a binary matrix (default: the second label).'),
});
export type ConfusionMatrix = z.output<typeof ConfusionMatrixSchema>;

/** One row of the disaggregated-performance table. */
export const GroupRowSchema = z.looseObject({
  group: z.string().describe('Group label as written, e.g. "Female" or "Female, 18-29".'),
  attributes: z
    .record(z.string(), z.string())
    .optional()
    .describe('Attribute → value for this group, e.g. { sex: "Female", age: "18-29" }; empty or absent for Overall.'),
  overall: z.boolean().optional().describe('True for the Overall row.'),
  n: z.number().int().nonnegative().optional().describe('Group size (150K → 150000).'),
  metrics: MetricMapSchema.describe('Metric column → value for this group.'),
});
export type GroupRow = z.output<typeof GroupRowSchema>;

/** Evaluation results section. */
export const EvaluationSchema = z.looseObject({
  testMetrics: z.array(TestMetricSchema).optional().describe('Test-set metrics with 95% CIs.'),
  confusionMatrix: ConfusionMatrixSchema.optional().describe('Confusion matrix on the test set.'),
  disaggregated: z.array(GroupRowSchema).optional().describe('Performance disaggregated by demographic group.'),
  testSetSize: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Size of the test set as written beside the results (`Test set: 250,000 transactions` → 250000).'),
  testSetNote: z.string().optional().describe('The test set as written beside the results (`250,000 transactions (Oct 2024)`).'),
  groupSizeLabel: z
    .string()
    .optional()
    .describe('What the group sizes count, as their column is headed (`Users`, `# images`), when that is not a plain `N`.'),
});
export type Evaluation = z.output<typeof EvaluationSchema>;
