import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const clientDir = join(root, 'src/client');

/** The modules a file imports at run time (type-only imports left out), as written. */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)([^;'"]*?)\s*from\s+'([^']+)'/g)) {
    const clause = match[1] ?? '';
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const onlyTypes =
      names !== undefined &&
      !/[^{}\s,]/.test(clause.replace(/\{[^}]*\}/, '')) &&
      names.split(',').every((n) => n.trim() === '' || /^type\s/.test(n.trim()));
    if (!onlyTypes) found.push(match[2] ?? '');
  }
  for (const match of source.matchAll(/(?:^|\n)\s*import\s+'([^']+)'/g)) found.push(match[1] ?? '');
  for (const match of source.matchAll(/import\(\s*'([^']+)'\s*\)/g)) found.push(match[1] ?? '');
  return found;
}

/** Every module the browser entry points reach, relative to the repository (packages by name). */
function reachable(): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string, from: string): void => {
    const key = relative(root, file);
    if (seen.has(key)) return;
    seen.set(key, from);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec), key);
      else if (!seen.has(spec)) seen.set(spec, key);
    }
  };
  for (const name of readdirSync(clientDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) visit(join(clientDir, name), 'entry');
  return seen;
}

describe('what the browser loads', () => {
  test('no page script or chart runtime reaches the record schema or zod (they would be bundled into the page)', () => {
    const modules = reachable();
    const offending = [...modules].filter(
      ([module]) =>
        module === 'zod' ||
        module.startsWith('zod/') ||
        module === 'src/schema/index.ts' ||
        /^src\/schema\/(?!history-axes\.ts$)/.test(module),
    );
    expect(offending.map(([module, from]) => `${module} (imported by ${from})`)).toEqual([]);
    // The walk does reach the chart code the browser runs.
    expect(modules.has('src/charts/compare-views.ts')).toBe(true);
  });
});
