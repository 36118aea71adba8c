import { z } from 'zod';
import { DateSchema, IdSchema, MarkdownSchema } from './common.ts';
import { DatasetSchema } from './dataset.ts';
import { ModelSchema } from './model.ts';
import { TrainingResultsSchema } from './training.ts';
import { EvaluationSchema } from './evaluation.ts';
import { ComparisonSchema } from './comparison.ts';
import { TuningSchema } from './tuning.ts';
import { ReproducibilitySchema } from './reproducibility.ts';
import { NextStepsSchema, ObservationsSchema } from './observations.ts';
import { LineageSchema, StatusSchema, TrackersSchema } from './metadata.ts';

/** Version of the normalized record format (bumped on breaking changes). */
export const RECORD_SCHEMA_VERSION = 1;

/** Experiment overview. */
export const OverviewSchema = z.looseObject({
  objective: MarkdownSchema.optional().describe('What the experiment tries to achieve or improve.'),
  hypothesis: MarkdownSchema.optional().describe('What you expect to happen.'),
  successCriteria: MarkdownSchema.optional().describe('How success is measured.'),
});

/** A narrative section the schema does not model (kept in source order). */
export const NarrativeSectionSchema = z.object({
  title: z.string().describe('Section heading as written.'),
  markdown: MarkdownSchema.describe('Section body.'),
});

/**
 * One experiment, normalized: every section of the ML Experiment Tracking Log template (v1.0).
 * Unknown keys are kept (objects are loose) and shown on the page under "Other fields".
 */
export const ExperimentSchema = z.looseObject({
  $schema: z.string().optional().describe('JSON Schema reference, for editor completion.'),
  id: IdSchema,
  name: z.string().optional().describe('Human-readable experiment name.'),
  date: DateSchema.optional().describe('Start date of the experiment.'),
  completionDate: DateSchema.optional().describe('Completion date.'),
  experimenter: z.string().optional().describe('Who ran the experiment.'),
  trackingPlatform: z.string().optional().describe('Tracking platform, e.g. "MLflow".'),
  status: StatusSchema.optional(),
  tags: z.record(z.string(), z.string()).optional().describe('Tags: use_case, model_family, experiment_type, and any others.'),
  overview: OverviewSchema.optional().describe('Experiment overview.'),
  lineage: LineageSchema.optional().describe('Parent and related experiments.'),
  dataset: DatasetSchema.optional().describe('Dataset information.'),
  model: ModelSchema.optional().describe('Model configuration.'),
  training: TrainingResultsSchema.optional().describe('Training results.'),
  evaluation: EvaluationSchema.optional().describe('Evaluation results.'),
  comparison: ComparisonSchema.optional().describe('Comparison to baseline.'),
  tuning: TuningSchema.optional().describe('Hyperparameter tuning.'),
  reproducibility: ReproducibilitySchema.optional().describe('Artifacts & reproducibility.'),
  observations: ObservationsSchema.optional().describe('Observations & insights, feature importance.'),
  nextSteps: NextStepsSchema.optional().describe('Next steps and deployment readiness.'),
  trackers: TrackersSchema.optional().describe('Experiment-tracker run ids and links.'),
  reviewerNotes: MarkdownSchema.optional().describe('Notes from peer review.'),
  notes: MarkdownSchema.optional().describe('Free-form notes (the Markdown body of a frontmatter record).'),
  sections: z.array(NarrativeSectionSchema).optional().describe('Narrative sections the template does not define, kept in order.'),
  templateVersion: z.string().optional().describe('Version of the log template the record was written in.'),
  basedOn: z.string().optional().describe('What the template is based on, as written.'),
  placeholders: z.array(z.string()).optional().describe('Field paths left as unfilled template placeholders (filled in by the parser).'),
  writtenDecimals: z
    .record(z.string(), z.number().int().nonnegative())
    .optional()
    .describe(
      'Decimal places of numbers written with more digits than their value shows (0.890 → 3), by field path; filled in by the parser from the source text.',
    ),
});

/** A validated experiment record. */
export type Experiment = z.output<typeof ExperimentSchema>;
/** A record as a user writes it, before validation. */
export type ExperimentInput = z.input<typeof ExperimentSchema>;
