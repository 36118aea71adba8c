/**
 * What a row of the training history counts: its `epoch` field holds an epoch, a step, an iteration
 * or a round. Apart from `training.ts` (no zod here), so chart code that runs in the browser can list
 * the axes without bundling the schema.
 */
export const HISTORY_AXES = ['epoch', 'step', 'iteration', 'round'] as const;
export type HistoryAxis = (typeof HISTORY_AXES)[number];
