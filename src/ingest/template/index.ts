/**
 * The template parser: the filled-in ML Experiment Tracking Log template → raw record with positions.
 * `parse.ts` is the entry point; one file per template section holds that section's label rules.
 */

export { parseTemplateSource } from './parse.ts';
export { parseConfusionMatrixText } from './evaluation.ts';
export { parseSearchSpace } from './model.ts';
export { parseClaim } from './comparison.ts';
