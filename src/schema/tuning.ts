import { z } from 'zod';

/** Hyperparameter tuning section. */
export const TuningSchema = z.looseObject({
  method: z.string().optional().describe('Tuning method, e.g. "Bayesian Optimization".'),
  tool: z.string().optional().describe('Tuning tool, e.g. "Optuna".'),
  trials: z.number().int().nonnegative().optional().describe('Number of trials.'),
  budget: z.string().optional().describe('Tuning budget as written, e.g. "100 GPU-hours".'),
  budgetGpuHours: z.number().nonnegative().optional().describe('Tuning budget in GPU-hours, when given in GPU-hours.'),
  bestHyperparameters: z.record(z.string(), z.unknown()).optional().describe('Best hyperparameters found (the YAML block).'),
  visualization: z.string().optional().describe('Link to the tuning dashboard (Optuna, W&B sweep).'),
});
export type Tuning = z.output<typeof TuningSchema>;
