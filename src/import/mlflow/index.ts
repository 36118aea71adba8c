export * from './model.ts';
export * from './messages.ts';
export * from './map.ts';
export * from './source.ts';
export * from './import.ts';
export { openFileStore, parseMetricFile } from './file-store.ts';
export { openSqliteStore } from './sqlite-store.ts';
export { openRestStore } from './rest.ts';
export type { RestCredentials, RestOptions } from './rest.ts';
