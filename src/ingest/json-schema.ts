/** The JSON Schema users point their editors at (`public/schema/experiment.schema.json`). */

import { z } from 'zod';
import { ExperimentSchema } from '../schema/index.ts';

/** The `$id` of the record schema: a name that stays the same wherever the file is published. */
export const EXPERIMENT_SCHEMA_ID = 'urn:logbook:schema:experiment:1';

/** The JSON Schema of a record as users write it (zod input types), pretty-printed with a trailing newline. */
export function renderExperimentJsonSchema(): string {
  return `${JSON.stringify({ $id: EXPERIMENT_SCHEMA_ID, ...z.toJSONSchema(ExperimentSchema, { io: 'input' }) }, null, 2)}\n`;
}
