export * from './sources.ts';
export * from './messages.ts';
export * from './hash.ts';
export * from './history.ts';
export * from './record.ts';
export * from './write.ts';
