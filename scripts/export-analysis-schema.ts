/**
 * Writes `public/schema/analysis.schema.json`: the JSON Schema of the per-experiment API document
 * `{ schemaVersion, record, analysis }`, with the summary list item under `$defs.SummaryItem`.
 * Usage: `node scripts/export-analysis-schema.ts` (a test fails when the file is out of date).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { buildAnalysisJsonSchema } from '../src/analysis/schema.ts';

const target = fileURLToPath(new URL('../public/schema/analysis.schema.json', import.meta.url));
const text = await format(JSON.stringify(buildAnalysisJsonSchema()), { parser: 'json', filepath: target });
await writeFile(target, text);
console.log(`wrote ${target}`);
