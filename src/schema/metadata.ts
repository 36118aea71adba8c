import { z } from 'zod';
import { IdSchema } from './common.ts';

/** Lifecycle status of an experiment. */
export const StatusSchema = z
  .enum(['planned', 'running', 'completed', 'failed', 'cancelled'])
  .describe('Status: planned, running, completed, failed or cancelled.');
export type Status = z.output<typeof StatusSchema>;

/** Experiment-tracker references. */
export const TrackersSchema = z.looseObject({
  mlflowRunId: z.string().optional().describe('MLflow run id.'),
  mlflowUrl: z.string().optional().describe('Link to the MLflow run.'),
  wandbRun: z.string().optional().describe('Weights & Biases run URL.'),
  neptuneRun: z.string().optional().describe('Neptune.ai run id or URL.'),
  cometExperiment: z.string().optional().describe('Comet.ml experiment URL.'),
});

/** Lineage: the parent experiment and related ones. */
export const LineageSchema = z.looseObject({
  parent: IdSchema.optional().describe('Id of the experiment this one builds on.'),
  related: z.array(IdSchema).optional().describe('Ids of related experiments.'),
});
