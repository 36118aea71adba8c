import { defineCollection } from 'astro:content';
import settings from 'virtual:logbook/settings';
import { logbookLoader } from './site/loader.ts';

/**
 * One collection: the experiment records of the content folder (the `content` setting), read,
 * validated and normalized by Logbook's own ingest layer.
 */
export const collections = {
  experiments: defineCollection({ loader: logbookLoader(settings) }),
};
