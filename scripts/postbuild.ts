/**
 * After `astro build`: builds the static search index with pagefind over `dist/`.
 * Progress goes to stderr; a failure exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? process.env['LOGBOOK_OUT_DIR'] ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  process.stderr.write(`postbuild: ${dist}/index.html not found — run "astro build" first\n`);
  process.exit(1);
}
const started = performance.now();
const result = spawnSync(join('node_modules', '.bin', 'pagefind'), ['--site', dist, '--silent'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (result.status !== 0) {
  process.stderr.write(`postbuild: pagefind failed (exit ${result.status ?? result.signal})\n`);
  process.exit(result.status ?? 1);
}
process.stderr.write(`postbuild: search index built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
