/** The content edge: finding, reading and checking record files (see `load.ts`). */

export { loadRecords, nodeLoadEffects, nodeParseCache, type CachedParse, type LoadEffects, type LoadedRecord, type ParseCache } from './load.ts';
export { checkCollection, findParentCycles, compareIds, type CheckedRecord } from './check-collection.ts';
export { listRecordFiles, isInside, isRecordName, type ListedFile, type RecordListing, type RefusedEntry } from './list.ts';
