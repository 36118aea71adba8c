/**
 * After `astro build`: builds the static search index (pagefind) from the experiments' records, read
 * from the site's own JSON API in the output folder. Progress goes to stderr; a failure exits non-zero.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ExperimentDocument, SummaryItem } from '../src/analysis/index.ts';
import { buildSearchRecord } from '../src/search/search-record.ts';
import { readSettings } from '../src/settings/index.ts';
import { experimentPath } from '../src/view/urls.ts';

const dist = process.argv[2] ?? readSettings({ env: process.env }).outDir;
const fail = (message: string): never => {
  process.stderr.write(`postbuild: ${message}\n`);
  process.exit(1);
};
if (!existsSync(join(dist, 'index.html'))) fail(`${dist}/index.html not found — run "astro build" first`);

const started = performance.now();
const list = JSON.parse(readFileSync(join(dist, 'api', 'experiments.json'), 'utf8')) as { experiments: SummaryItem[] };
const { index, errors } = await pagefind.createIndex({});
if (!index) fail(`pagefind could not start: ${errors.join('; ')}`);
for (const item of list.experiments) {
  const doc = JSON.parse(readFileSync(join(dist, 'api', 'experiments', `${item.id}.json`), 'utf8')) as ExperimentDocument;
  // Site-relative: the search page's pagefind UI puts the base path in front (its `baseUrl`).
  const added = await index!.addCustomRecord(buildSearchRecord(doc.record, doc.analysis.checks, `/${experimentPath(item.id)}`));
  if (added.errors.length > 0) fail(`search index: ${item.id}: ${added.errors.join('; ')}`);
}
const written = await index!.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length > 0) fail(`search index: ${written.errors.join('; ')}`);
await pagefind.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stderr.write(`postbuild: search index of ${list.experiments.length} experiments built in ${seconds} s\n`);
