#!/usr/bin/env node
// The `logbook` command. Plain JavaScript that any Node can parse, so an old Node gets one line saying
// what to do instead of a syntax error or a stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `logbook: needs Node.js 22.12 or newer, this is ${process.version} — install it, or add it to the project with "npm i -D node@22" (npx and npm scripts then use it)\n`,
  );
  process.exit(1);
}

// Astro, which builds the site, would otherwise ask its telemetry server; and a BASE_URL variable
// (set by many CI systems) would override the site's base path.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
delete process.env.BASE_URL;

// Installed (under node_modules, where Node strips no types) the package runs its compiled lib/;
// in a checkout of the repository, its TypeScript sources.
const root = new URL('../', import.meta.url);
const installed = fileURLToPath(root).split(/[\\/]/).includes('node_modules');
const compiled = new URL('lib/cli/run.js', root);
const entry = installed || !existsSync(new URL('src/cli/run.ts', root)) ? compiled : new URL('src/cli/run.ts', root);
// TypeScript sources run on Node's own type stripping, on by default from 22.18 (a checkout of the
// repository, as `uses: <owner>/logbook@v1` gets it).
if (entry !== compiled && !process.features?.typescript) {
  process.stderr.write(
    `logbook: running from a checkout of its sources needs Node.js 22.18 or newer (it strips TypeScript types), this is ${process.version} — use a newer Node 22, or the installed package (npm i -D logbook), which runs compiled JavaScript\n`,
  );
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
