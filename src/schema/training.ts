import { z } from 'zod';
import { MetricMapSchema } from './common.ts';
import { HISTORY_AXES } from './history-axes.ts';

/**
 * One row of the per-epoch table: `epoch` plus any metric columns keyed by their name as written
 * (`"Train Loss"`, `"Val Acc"`, `"Learning Rate"`, …). `null` is a missing cell.
 */
export const EpochRowSchema = z
  .object({ epoch: z.number().describe('Epoch (or step) number.') })
  .catchall(z.number().nullable())
  .describe('Per-epoch metrics: epoch plus any metric columns.');
export type EpochRow = z.output<typeof EpochRowSchema>;

export { HISTORY_AXES, type HistoryAxis } from './history-axes.ts';

/** The best model, by a validation metric. */
export const BestModelSchema = z.looseObject({
  epoch: z.number().optional().describe('Epoch of the best model.'),
  selectedBy: z.string().optional().describe('Metric the best model was chosen by, e.g. "Val Loss".'),
  metrics: MetricMapSchema.optional().describe('Metric values of the best model, keyed like the epoch table where possible.'),
});
export type BestModel = z.output<typeof BestModelSchema>;

/** Training infrastructure and cost. */
export const InfrastructureSchema = z.looseObject({
  hardware: z.string().optional().describe('Hardware as written, e.g. "4x NVIDIA A100".'),
  gpuCount: z.number().int().nonnegative().optional().describe('Number of GPUs (4 in "4x NVIDIA A100"; 0 for CPU-only hardware).'),
  durationHours: z.number().nonnegative().optional().describe('Wall-clock training duration in hours.'),
  durationText: z
    .string()
    .optional()
    .describe('Training duration as written, e.g. "25 min", shown instead of durationHours (which holds it in hours for checks).'),
  gpuHours: z.number().nonnegative().optional().describe('GPU-hours consumed.'),
  co2Kg: z.number().nonnegative().optional().describe('Estimated CO2 emissions in kilograms.'),
});
export type Infrastructure = z.output<typeof InfrastructureSchema>;

/** Training results section. */
export const TrainingResultsSchema = z.looseObject({
  history: z.array(EpochRowSchema).optional().describe('Per-epoch training metrics, in epoch order.'),
  historyAxis: z
    .enum(HISTORY_AXES)
    .optional()
    .describe("What the history's rows count — their `epoch` field is that number: epoch (the default), step, iteration or round."),
  bestModel: BestModelSchema.optional().describe('Best model by a validation metric.'),
  infrastructure: InfrastructureSchema.optional().describe('Training infrastructure.'),
});
export type TrainingResults = z.output<typeof TrainingResultsSchema>;
