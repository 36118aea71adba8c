/** The content edge: finding, reading and checking record files (see `load.ts`). */

export { loadRecords, nodeLoadEffects, RECORD_GLOB, type LoadEffects, type LoadedRecord } from './load.ts';
export { checkCollection, findParentCycles, compareIds, type CheckedRecord } from './check-collection.ts';
