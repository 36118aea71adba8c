/**
 * `npm run schema` — writes the JSON Schemas users point their editors at: a record as users write it
 * (`public/schema/experiment.schema.json`, for `"$schema"` in JSON records) and the config file
 * (`public/schema/config.schema.json`). Tests keep the committed files in sync.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderExperimentJsonSchema } from '../src/ingest/json-schema.ts';
import { renderConfigJsonSchema } from '../src/settings/config-file.ts';

/** Where each schema is written, relative to the repository root. */
export const SCHEMA_PATH = 'public/schema/experiment.schema.json';
export const CONFIG_SCHEMA_PATH = 'public/schema/config.schema.json';

for (const [path, text] of [
  [SCHEMA_PATH, renderExperimentJsonSchema()],
  [CONFIG_SCHEMA_PATH, renderConfigJsonSchema()],
] as const) {
  const target = fileURLToPath(new URL(`../${path}`, import.meta.url));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  process.stdout.write(`schema: wrote ${path}\n`);
}
