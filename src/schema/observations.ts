import { z } from 'zod';
import { MarkdownSchema } from './common.ts';

/** One feature-importance row. */
export const FeatureImportanceSchema = z.looseObject({
  feature: z.string().describe('Feature name.'),
  importance: z.number().describe('Importance score.'),
  description: z.string().optional().describe('What the feature is.'),
});
export type FeatureImportance = z.output<typeof FeatureImportanceSchema>;

/** Observations & insights section. */
export const ObservationsSchema = z.looseObject({
  worked: z.array(MarkdownSchema).optional().describe('What worked well.'),
  didNotWork: z.array(MarkdownSchema).optional().describe("What didn't work."),
  learnings: z.array(MarkdownSchema).optional().describe('Key learnings.'),
  featureImportance: z.array(FeatureImportanceSchema).optional().describe('Feature importance, most important first.'),
  featureImportanceMethod: z.string().optional().describe('How importance was computed (gain, SHAP, permutation).'),
});
export type Observations = z.output<typeof ObservationsSchema>;

/** A recommendation from a checkbox list. */
export const RecommendationSchema = z.looseObject({
  text: MarkdownSchema.describe('The recommendation.'),
  done: z.boolean().describe('Whether it is checked off.'),
});

/** Next steps section. */
export const NextStepsSchema = z.looseObject({
  recommendations: z.array(RecommendationSchema).optional().describe('Recommendations (checkbox list).'),
  readyForProduction: z.enum(['yes', 'no', 'needs-review']).optional().describe('Deployment readiness.'),
  blockers: z.array(MarkdownSchema).optional().describe('Blockers to deployment.'),
  actionItems: z.array(MarkdownSchema).optional().describe('What needs to happen before deployment.'),
});
export type NextSteps = z.output<typeof NextStepsSchema>;
