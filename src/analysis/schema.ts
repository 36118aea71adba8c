/**
 * The analysis output as zod schemas: the TypeScript types of the per-experiment analysis are derived
 * from them, and they are exported as JSON Schema (`public/schema/analysis.schema.json`) for the
 * per-experiment API document `{ schemaVersion, record, analysis }` and the summary list items.
 * Field names here are a public API: other tools read them.
 */
import { z } from 'zod';
import { ExperimentSchema, StatusSchema } from '../schema/index.ts';

/** Version of the analysis API document (bumped on breaking changes). */
export const ANALYSIS_SCHEMA_VERSION = 1;

export const DirectionSchema = z
  .enum(['higher', 'lower'])
  .nullable()
  .describe('Which way the metric improves: "higher", "lower", or null when the metric is not recognised.');

/** What a change (or a pair not compared) is about: the reference and the metric. */
const DeltaSubjectShape = {
  baseline: z.string().describe('What the current value is compared to: the baseline row label, or the parent experiment id.'),
  source: z.enum(['baseline', 'parent']).describe('"baseline" for a row of the baseline table, "parent" for the parent experiment.'),
  referenceId: z.string().nullable().describe('Experiment id of the reference, when known.'),
  metric: z.string().describe("Metric name as written in the current experiment's table."),
  key: z.string().describe('Normalized metric key (e.g. "f1" for "F1 Score").'),
};

export const MetricDeltaSchema = z.object({
  ...DeltaSubjectShape,
  current: z
    .number()
    .describe("The current experiment's value on the common scale: a fraction in [0, 1] when `fraction` (87% → 0.87), else as written."),
  reference: z.number().describe("The reference's value, on the same scale as `current`."),
  absolute: z
    .number()
    .describe('current − reference on that scale: a difference of fractions when `fraction` (×100 = percentage points), else in `unit`.'),
  absoluteUnit: z.string().nullable().describe('Unit of `absolute`: null for fractions and unitless metrics, else the metric unit.'),
  relative: z.number().nullable().describe('absolute / |reference| as a fraction (0.021 for +2.1%); null when the reference is 0.'),
  relativeUndefinedReason: z.string().nullable().describe('Why `relative` is null, when it is.'),
  betterDirection: DirectionSchema,
  improved: z
    .boolean()
    .nullable()
    .describe('Whether the change is an improvement; false for no change; null when the direction is unknown.'),
  ciLow: z.number().nullable().describe('Lower bound of the 95% CI of `absolute`, same scale; null when no interval can be computed.'),
  ciHigh: z.number().nullable().describe('Upper bound of the 95% CI of `absolute`, same scale.'),
  significant: z.boolean().nullable().describe('True when the 95% CI excludes zero; null when there is no interval.'),
  unit: z.string().nullable().describe('Unit of `current` and `reference`: null for fractions and unitless metrics ("ms", …).'),
  fraction: z
    .boolean()
    .describe(
      'True for a unit-interval metric (accuracy, precision, recall, F1, AUC, …): both values are fractions whatever scale they were written on (87%, 87 in a "(%)" column, 0.87); shown in percent, changes in percentage points.',
    ),
  decimals: z
    .number()
    .int()
    .nonnegative()
    .describe('Decimal places the two values were written with, on the scale of `current` (87% → 2, 0.684 → 3): the larger of the two.'),
  method: z
    .enum(['ci', 'two-proportion', 'ci-and-score', 'one-side'])
    .nullable()
    .describe(
      'How the 95% CI of the change was built from each side\'s own 95% interval (MOVER: low = d − √((a − aLow)² + (bHigh − b)²), high likewise): "ci": both sides\' reported CIs (√(a²+b²) when symmetric); "two-proportion": Newcombe\'s hybrid score interval (Wilson intervals of both proportions over their denominators); "ci-and-score": one side\'s reported CI and the other\'s Wilson interval; "one-side": only one side has any uncertainty, the other is taken as exact.',
    ),
  assumption: z.string().nullable().describe('Assumptions the interval rests on (test-set sizes, independence).'),
  intervalReason: z
    .string()
    .nullable()
    .describe('Why there is no interval, when there is none (no CI, and a denominator that is not known).'),
});
export type MetricDelta = z.output<typeof MetricDeltaSchema>;

export const NotComparedSchema = z.object({
  ...DeltaSubjectShape,
  current: z.number().describe("The current experiment's value, as written."),
  currentUnit: z.string().nullable().describe('Its unit as written.'),
  reference: z.number().describe("The reference's value, as written."),
  referenceUnit: z.string().nullable().describe('Its unit as written.'),
  reason: z.string().describe('Why the two values cannot be put on one scale, so no change is computed.'),
});
export type NotCompared = z.output<typeof NotComparedSchema>;

export const ClaimCheckSchema = z.object({
  index: z.number().int().describe('Index of the claim in `comparison.claims`.'),
  metric: z.string().describe('Metric the claim is about, as written.'),
  text: z.string().describe('The claim as written.'),
  baseline: z.string().nullable().describe('Baseline row label (or parent id) the claim was matched to; null when none was found.'),
  claimed: z.number().nullable().describe('The claimed change as a number (+2.1 → 2.1).'),
  claimedUnit: z
    .enum(['%', 'pp', 'abs', 'x'])
    .nullable()
    .describe('Unit of the claim: "%", "pp", "abs" (absolute, in the metric unit) or "x" (a ratio, not checked).'),
  claimKind: z
    .enum(['relative', 'absolute'])
    .nullable()
    .describe('How the claim was read when it matches: a relative change, or an absolute change (points or metric unit).'),
  computedRelative: z.number().nullable().describe('The computed relative change, as a fraction.'),
  computedAbsolute: z
    .number()
    .nullable()
    .describe('The computed absolute change, as `absolute` of the delta: a difference of fractions for a unit-interval metric.'),
  computedFraction: z.boolean().describe('True when `computedAbsolute` is a difference of fractions (shown in percentage points).'),
  computedDecimals: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe('Decimal places of the values compared, as `decimals` of the delta.'),
  status: z
    .enum(['accepted', 'mismatch', 'unresolved'])
    .describe('"accepted", "mismatch", or "unresolved" when the claim could not be checked.'),
});
export type ClaimCheck = z.output<typeof ClaimCheckSchema>;

export const GroupValueSchema = z.object({
  group: z.string().describe('Group label as written.'),
  value: z.number().describe("The group's metric value, on the gap's scale (a fraction when `fraction`)."),
  n: z.number().nullable().describe('The group size, when given.'),
  decimals: z
    .number()
    .int()
    .nonnegative()
    .describe("Decimal places the value was written with, on the gap's scale (89.0% is the fraction 0.890: 3)."),
});
export type GroupValue = z.output<typeof GroupValueSchema>;

export const FairnessGapSchema = z.object({
  attribute: z.string().describe('Sensitive attribute ("group" when the table names none; "sex × age" for an intersection).'),
  metric: z.string().describe('Metric column as written.'),
  betterDirection: DirectionSchema,
  min: GroupValueSchema.describe('Group with the smallest value.'),
  max: GroupValueSchema.describe('Group with the largest value.'),
  difference: z.number().describe('Fairlearn difference between groups: max − min.'),
  ratio: z.number().nullable().describe('Fairlearn ratio between groups: min / max; null when max is 0.'),
  differenceToOverall: z.number().nullable().describe('max over groups of |group − overall|; null without an Overall row.'),
  ratioToOverall: z
    .number()
    .nullable()
    .describe('min over groups of group/overall (or overall/group when above 1); null without an Overall row or when undefined.'),
  flagged: z.boolean().describe('True when the gap is flagged by its `flagRule`; `flagReason` says why or why not.'),
  flagRule: z
    .enum(['four-fifths', 'difference'])
    .nullable()
    .describe(
      '"four-fifths": a selection-rate-like metric, flagged when `ratio` < `threshold`; "difference": another proportion with a direction (accuracy, error, recall, FPR, …), flagged when `difference` ≥ `differenceThreshold` and its 95% CI excludes 0; null: no rule applies (F1, AUC, unknown direction). No rule flags from a group below `minGroupSize`; when the two extreme groups are not flagged, a pair of groups of that size or more past the rule flags the gap (`flagReason` names it).',
    ),
  flagReason: z.string().describe('Why the gap is, or is not, flagged.'),
  threshold: z.number().describe('Ratio threshold of the four-fifths rule.'),
  differenceThreshold: z.number().describe('Smallest gap (a difference of fractions) the difference rule flags.'),
  minGroupSize: z.number().describe('Smallest group size a flag may rest on.'),
  ciLow: z
    .number()
    .nullable()
    .describe(
      "Lower bound of the 95% CI of `difference` between the two extreme groups (Newcombe's hybrid score interval over each group's denominator); null when not computable.",
    ),
  ciHigh: z.number().nullable().describe('Upper bound of the 95% CI of `difference`.'),
  intervalReason: z.string().nullable().describe('Why there is no interval, when there is none.'),
  coverage: z.number().nullable().describe('Sum of group n / overall n; null when sizes are missing.'),
  bestGroup: GroupValueSchema.nullable().describe('Best group given the direction; null when the direction is unknown.'),
  worstGroup: GroupValueSchema.nullable().describe('Worst group given the direction; null when the direction is unknown.'),
  unit: z.string().nullable().describe('Unit of the values: null for fractions and unitless metrics.'),
  fraction: z
    .boolean()
    .describe('True for a unit-interval metric: values and differences are fractions (shown in percent and percentage points).'),
  assumption: z.string().nullable().describe('Assumptions the interval rests on.'),
});
export type FairnessGap = z.output<typeof FairnessGapSchema>;

export const CheckSchema = z.object({
  level: z
    .enum(['error', 'warning', 'info'])
    .describe('"error": the record cannot be trusted; "warning": numbers contradict; "info": worth a look.'),
  code: z.string().describe('Stable check code, e.g. "metric-mismatch".'),
  message: z.string().describe('What is wrong, naming the numbers involved.'),
  path: z.string().describe('Dotted path of the field concerned, e.g. "evaluation.testMetrics.0.value"; "" for the whole record.'),
  hint: z.string().optional().describe('How to fix it.'),
});
export type Check = z.output<typeof CheckSchema>;

export const ExperimentLineageSchema = z.object({
  parent: z.string().nullable().describe('Parent experiment id, when the parent is among the records.'),
  ancestors: z.array(z.string()).describe('Ancestors up to the root, nearest first.'),
  children: z.array(z.string()).describe('Experiments naming this one as parent.'),
  descendants: z.array(z.string()).describe('All descendants, breadth-first, nearest first.'),
  related: z.array(z.string()).describe('Related experiments, either direction.'),
  inCycle: z.boolean().describe('True when the parent chain of this experiment loops.'),
});
export type ExperimentLineage = z.output<typeof ExperimentLineageSchema>;

export const HeadlineSchema = z.object({
  metric: z.string().describe('Metric name as written.'),
  value: z.number().describe('Its test value, as written.'),
  betterDirection: DirectionSchema,
  unit: z.string().nullable().describe('Unit of the value.'),
  decimals: z.number().int().nonnegative().describe('Decimal places the value was written with.'),
});
export type Headline = z.output<typeof HeadlineSchema>;

export const HeadlineChainPointSchema = z.object({
  id: z.string().describe('Experiment id.'),
  value: z.number().nullable().describe('Its test value of the headline metric; null when it has none.'),
});
export type HeadlineChainPoint = z.output<typeof HeadlineChainPointSchema>;

export const ExperimentAnalysisSchema = z.object({
  baselineDeltas: z.array(MetricDeltaSchema).describe('Changes against every non-current baseline row.'),
  parentDeltas: z.array(MetricDeltaSchema).describe('Changes against the parent experiment (test metrics of both).'),
  notCompared: z
    .array(NotComparedSchema)
    .describe(
      'Metric pairs of a baseline row or the parent that could not be put on one scale, so no change is computed, with the reason.',
    ),
  claims: z.array(ClaimCheckSchema).describe('Improvement claims checked against the computed changes.'),
  fairness: z.array(FairnessGapSchema).describe('Fairness gaps per attribute and metric.'),
  checks: z.array(CheckSchema).describe('Consistency checks, errors first.'),
  lineage: ExperimentLineageSchema.describe('Where the experiment sits in the lineage graph.'),
  headline: HeadlineSchema.nullable().describe('The headline metric: the first test metric with a value.'),
  headlineChain: z
    .array(HeadlineChainPointSchema)
    .nullable()
    .describe(
      'The headline metric along the ancestor chain, root first and this experiment last, in the unit of the headline as written (the lineage-trend chart); null without a headline metric or ancestors.',
    ),
});
export type ExperimentAnalysis = z.output<typeof ExperimentAnalysisSchema>;

export const ExperimentDocumentSchema = z
  .object({
    schemaVersion: z.literal(ANALYSIS_SCHEMA_VERSION).describe('Version of this document format.'),
    record: ExperimentSchema.describe('The normalized experiment record.'),
    analysis: ExperimentAnalysisSchema.describe('Everything Logbook computed from the record and its collection.'),
  })
  .describe('Logbook per-experiment API document.');
export type ExperimentDocument = z.output<typeof ExperimentDocumentSchema>;

export const CheckCountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});

export const SummaryItemSchema = z
  .object({
    id: z.string().describe('Experiment id.'),
    name: z.string().nullable().describe('Experiment name.'),
    date: z.string().nullable().describe('Start date.'),
    status: StatusSchema.nullable(),
    useCase: z.string().nullable().describe('The use_case tag.'),
    dataset: z.string().nullable().describe('Dataset name.'),
    parent: z.string().nullable().describe('Parent experiment id (among the records).'),
    completionDate: z.string().nullable().describe('Completion date.'),
    tags: z.record(z.string(), z.string()).describe('Tags (use_case, model_family, …).'),
    headline: HeadlineSchema.nullable(),
    checkCounts: CheckCountsSchema.describe('Number of checks at each level.'),
    fairnessFlags: z.number().int().nonnegative().describe('Number of fairness gaps flagged (see `flagRule`).'),
    url: z.string().describe('Page of the experiment, base path included.'),
    api: z.string().describe('API document of the experiment, base path included.'),
  })
  .describe('One item of the summary list of experiments.');
export type SummaryItem = z.output<typeof SummaryItemSchema>;

/**
 * JSON Schema (draft 2020-12) of the per-experiment API document, with the summary list item under
 * `$defs.SummaryItem` and the summary list under `$defs.Summary`.
 */
export function buildAnalysisJsonSchema(): Record<string, unknown> {
  const document = z.toJSONSchema(ExperimentDocumentSchema, { io: 'output' });
  const summaryItem = z.toJSONSchema(SummaryItemSchema, { io: 'output' });
  const { $schema, ...documentBody } = document;
  delete summaryItem.$schema;
  return {
    $schema,
    title: 'Logbook analysis API',
    ...documentBody,
    $defs: {
      SummaryItem: summaryItem,
      Summary: { type: 'array', items: { $ref: '#/$defs/SummaryItem' }, description: 'The summary list of experiments.' },
      Index: {
        type: 'object',
        description: 'api/experiments.json: one summary per experiment, sorted by id.',
        required: ['schemaVersion', 'count', 'experiments'],
        additionalProperties: false,
        properties: {
          schemaVersion: { const: ANALYSIS_SCHEMA_VERSION },
          count: { type: 'integer', minimum: 0 },
          experiments: { $ref: '#/$defs/Summary' },
        },
      },
    },
  };
}
