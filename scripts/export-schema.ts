/**
 * `npm run schema` — writes `public/schema/experiment.schema.json`, the JSON Schema of a record as
 * users write it (for editor completion via `"$schema"`). A test keeps the committed file in sync.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderExperimentJsonSchema } from '../src/ingest/json-schema.ts';

/** Where the schema is written, relative to the repository root. */
export const SCHEMA_PATH = 'public/schema/experiment.schema.json';

const target = fileURLToPath(new URL(`../${SCHEMA_PATH}`, import.meta.url));
await mkdir(dirname(target), { recursive: true });
await writeFile(target, renderExperimentJsonSchema());
process.stdout.write(`schema: wrote ${SCHEMA_PATH}\n`);
