import { z } from 'zod';
import { ScalarSchema } from './common.ts';

/** A hyperparameter search space: a continuous range, a set of choices, or free text. */
export const SearchSpaceSchema = z.union([
  z.object({
    kind: z.literal('range').describe('A continuous range [min, max].'),
    min: z.number(),
    max: z.number(),
    scale: z.enum(['linear', 'log']).optional().describe('Sampling scale, when known.'),
  }),
  z.object({
    kind: z.literal('choice').describe('A discrete set of candidate values.'),
    values: z.array(ScalarSchema),
  }),
  z.object({
    kind: z.literal('text').describe('A search space that is not a range or a list, as written.'),
    text: z.string(),
  }),
]);
export type SearchSpace = z.output<typeof SearchSpaceSchema>;

/** One row of the hyperparameter table. */
export const HyperparameterSchema = z.looseObject({
  name: z.string().describe('Hyperparameter name, e.g. "learning_rate".'),
  value: ScalarSchema.optional().describe('Value used in this experiment.'),
  searchSpace: SearchSpaceSchema.optional().describe('Search space explored for this hyperparameter.'),
  tuningMethod: z.string().optional().describe('How it was tuned, e.g. "Bayesian optimization".'),
});
export type Hyperparameter = z.output<typeof HyperparameterSchema>;

/** Early stopping as configured. */
export const EarlyStoppingSchema = z.looseObject({
  enabled: z.boolean().describe('Whether early stopping was used.'),
  patience: z.number().int().nonnegative().optional().describe('Patience in epochs.'),
  monitor: z.string().optional().describe('Metric monitored, e.g. "val_loss".'),
});
export type EarlyStopping = z.output<typeof EarlyStoppingSchema>;

/** Training configuration. */
export const TrainingConfigSchema = z.looseObject({
  optimizer: z.string().optional().describe('Optimizer, e.g. "AdamW".'),
  lossFunction: z.string().optional().describe('Loss function, e.g. "CrossEntropy".'),
  earlyStopping: EarlyStoppingSchema.optional().describe('Early stopping configuration.'),
  learningRateSchedule: z.string().optional().describe('Learning-rate schedule, e.g. "cosine".'),
  epochs: z.number().int().nonnegative().optional().describe('Maximum number of epochs.'),
});
export type TrainingConfig = z.output<typeof TrainingConfigSchema>;

/** Model configuration section. */
export const ModelSchema = z.looseObject({
  type: z.string().optional().describe('Model type, e.g. "XGBoost", "Transformer".'),
  architecture: z.string().optional().describe('Architecture description (shown preformatted).'),
  hyperparameters: z.array(HyperparameterSchema).optional().describe('Hyperparameters with search spaces.'),
  training: TrainingConfigSchema.optional().describe('Training configuration.'),
});
export type Model = z.output<typeof ModelSchema>;
