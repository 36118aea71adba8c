/** The JSON Schema users point their editors at (`public/schema/experiment.schema.json`). */

import { z } from 'zod';
import { ExperimentSchema } from '../schema/index.ts';

/** The JSON Schema of a record as users write it (zod input types), pretty-printed with a trailing newline. */
export function renderExperimentJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(ExperimentSchema, { io: 'input' }), null, 2)}\n`;
}
