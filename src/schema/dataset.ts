import { z } from 'zod';
import { MarkdownSchema } from './common.ts';

/** One data split (training, validation, test, or any other). */
export const SplitSchema = z.looseObject({
  /** Split name as written, e.g. "Training". */
  name: z.string().describe('Split name as written, e.g. "Training", "Validation", "Test".'),
  /** Fraction of the dataset, 0–1 (a `70%` in a log becomes 0.7). */
  fraction: z.number().min(0).max(1).optional().describe('Fraction of the dataset in this split, 0–1 (70% → 0.7).'),
  /** Number of records in the split. */
  records: z.number().int().nonnegative().optional().describe('Number of records in the split (700K → 700000).'),
});
export type Split = z.output<typeof SplitSchema>;

/** Dataset information section. */
export const DatasetSchema = z.looseObject({
  name: z.string().optional().describe('Dataset name, e.g. "transactions-v1.2".'),
  version: z.string().optional().describe('Dataset version, e.g. "1.2.0".'),
  location: z.string().optional().describe('Where the dataset lives (s3://, gs://, https:// or a path).'),
  records: z.number().int().nonnegative().optional().describe('Total number of records (1M → 1000000).'),
  features: z.number().int().nonnegative().optional().describe('Number of features.'),
  featureNames: z.array(z.string()).optional().describe('Feature names, when the record lists them (`[age, income, tenure]`).'),
  featuresText: z
    .string()
    .optional()
    .describe('Features as written, when more than a count or a list of names (e.g. "45 (30 numerical, 15 categorical)").'),
  sizeText: z.string().optional().describe('Dataset size as written, when it is more than records and features.'),
  splits: z.array(SplitSchema).optional().describe('Train/validation/test splits.'),
  splitStrategy: z.string().optional().describe('How the splits were made: temporal, random, stratified, …'),
  randomSeed: z.number().int().optional().describe('Seed used for splitting.'),
  randomSeeds: z.array(z.number().int()).optional().describe('Seeds of a run repeated once per seed (e.g. [0, 1, 2, 3, 4]).'),
  preprocessing: z.array(MarkdownSchema).optional().describe('Preprocessing steps, in order.'),
});
export type Dataset = z.output<typeof DatasetSchema>;
