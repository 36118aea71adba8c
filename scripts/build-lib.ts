/**
 * `npm run build:lib` — compiles src/ to JavaScript in lib/ for the installed package: Node strips no
 * types under node_modules, so the `logbook` command, the chart workers and everything they import
 * run from lib/ there (a checkout runs src/ directly). Types are erased exactly as Node erases them
 * when it runs the TypeScript (`module.stripTypeScriptTypes`, whitespace in place of types, so line
 * and column numbers match the source), and relative `.ts` imports become `.js`. The browser code
 * (src/client/), the page routes (src/pages/) and declaration files are left out: Astro bundles those.
 * Runs on `npm pack` and when the package is installed from git (`prepare`).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// stripTypeScriptTypes is experimental in Node 22 and says so on every run; it is what Node itself
// uses to run TypeScript, which is the point.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const LIB = join(ROOT, 'lib');
const LEFT_OUT = [/^client\//, /^pages\//, /\.d\.ts$/];

/** A module's relative import specifiers with `.ts` made `.js` (static imports, re-exports, `import()` of a literal). */
export function rewriteImports(code: string): string {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2');
}

async function compile(): Promise<number> {
  await rm(LIB, { recursive: true, force: true });
  let count = 0;
  for (const entry of (await readdir(SRC, { recursive: true })).sort()) {
    const path = entry.split(sep).join('/');
    if (!path.endsWith('.ts') || LEFT_OUT.some((pattern) => pattern.test(path))) continue;
    const source = await readFile(join(SRC, entry), 'utf8');
    const code = rewriteImports(stripTypeScriptTypes(source, { mode: 'strip', sourceUrl: relative(ROOT, join(SRC, entry)) }));
    const target = join(LIB, path.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, code);
    count++;
  }
  return count;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const count = await compile();
  process.stderr.write(`build:lib: ${count} modules in lib/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
