import { defineCollection } from 'astro:content';
import { logbookLoader } from './site/loader.ts';

/**
 * One collection: the experiment records of `LOGBOOK_CONTENT` (default `content/experiments`),
 * read, validated and normalized by Logbook's own ingest layer.
 */
export const collections = {
  experiments: defineCollection({
    loader: logbookLoader({ dir: process.env['LOGBOOK_CONTENT'] || 'content/experiments' }),
  }),
};
