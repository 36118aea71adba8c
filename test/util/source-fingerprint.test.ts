import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { moduleGraph, sourceFingerprint } from '../../src/util/source-fingerprint.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logbook-fingerprint-'));
  await writeFile(
    join(dir, 'entry.ts'),
    "import { a } from './a.ts';\nexport { b } from \"./b.ts\";\nimport 'vega';\nconst c = await import('./c.ts');\n",
  );
  await writeFile(join(dir, 'a.ts'), "import type { B } from './b.ts';\nexport const a = 1;\n");
  await writeFile(join(dir, 'b.ts'), 'export const b = 2;\n');
  await writeFile(join(dir, 'c.ts'), "import styles from './c.css?raw';\nexport const c = 3;\n");
  await writeFile(join(dir, 'unrelated.ts'), 'export const u = 4;\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('moduleGraph', () => {
  test('is the entry and every module it imports by relative path, packages and assets left out', () => {
    expect(moduleGraph(join(dir, 'entry.ts'))).toEqual(['entry.ts', 'a.ts', 'b.ts', 'c.ts'].map((f) => join(dir, f)));
  });

  test('is undefined when an imported module is missing', async () => {
    await writeFile(join(dir, 'broken.ts'), "import { x } from './missing.ts';\n");
    expect(moduleGraph(join(dir, 'broken.ts'))).toBeUndefined();
    expect(sourceFingerprint(join(dir, 'broken.ts'))).toBeUndefined();
  });
});

describe('sourceFingerprint', () => {
  test('changes with an imported module, not with a module outside the graph', async () => {
    const before = sourceFingerprint(join(dir, 'entry.ts'));
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(join(dir, 'unrelated.ts'), 'export const u = 5;\n');
    expect(sourceFingerprint(join(dir, 'entry.ts'))).toBe(before);
    await writeFile(join(dir, 'b.ts'), 'export const b = 20;\n');
    expect(sourceFingerprint(join(dir, 'entry.ts'))).not.toBe(before);
  });

  test('of the chart code covers the chart specs and the renderer, not the page views or the site glue', () => {
    const files = moduleGraph(new URL('../../src/site/chart-blocks.ts', import.meta.url)) ?? [];
    const names = files.map((f) => f.slice(f.indexOf('/src/') + 1));
    expect(names[0]).toBe('src/site/chart-blocks.ts');
    expect(names).toContain('src/charts/render.ts');
    expect(names).toContain('src/charts/training-curves.ts');
    expect(names).not.toContain('src/view/experiment.ts');
    expect(names).not.toContain('src/site/chart-service.ts');
    expect(names).not.toContain('src/site/loader.ts');
  });
});
