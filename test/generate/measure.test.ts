import { describe, expect, test } from 'vitest';
import {
  dynamicImports,
  formatTable,
  median,
  pageScripts,
  resolveSpecifier,
  scriptGraph,
  staticImports,
} from '../../src/generate/measure.ts';

describe('pageScripts', () => {
  test('finds module scripts by src and inline, and ignores JSON data scripts', () => {
    const html =
      '<script type="module" src="/_astro/a.js"></script><script type="application/json" data-chart-spec>{"x":1}</script><script type="module">import("./b.js")</script><script>var x</script>';
    expect(pageScripts(html)).toEqual({ srcs: ['/_astro/a.js'], inline: ['import("./b.js")'] });
  });
});

describe('staticImports and dynamicImports', () => {
  const code =
    'import{a as b}from"./x.js";import "./side.js";const s=`from" parameter`;a(()=>import(`./lazy.js`));export{c}from\'../y.mjs\'';
  test('static: from-imports, side-effect imports and re-exports with relative specifiers', () => {
    expect(staticImports(code)).toEqual(['./x.js', './side.js', '../y.mjs']);
  });
  test('dynamic: import() with any quote', () => {
    expect(dynamicImports(code)).toEqual(['./lazy.js']);
  });
});

describe('resolveSpecifier', () => {
  test.each([
    ['/_astro/a.js', './b.js', '/_astro/b.js'],
    ['/_astro/a.js', '../c.js', '/c.js'],
    ['/_astro/a.js', '/d.js', '/d.js'],
  ])('%s imports %s → %s', (from, spec, expected) => {
    expect(resolveSpecifier(from, spec)).toBe(expected);
  });
});

describe('scriptGraph', () => {
  test('initial = entries and their static imports; lazy = dynamic imports and theirs, minus initial', () => {
    const files: Record<string, string> = {
      '/_astro/entry.js': 'import"./shared.js";import(`./runtime.js`)',
      '/_astro/shared.js': 'export const s=1',
      '/_astro/runtime.js': 'import"./shared.js";import"./vega.js"',
      '/_astro/vega.js': 'export const v=1',
    };
    expect(scriptGraph({ srcs: ['/_astro/entry.js'], inline: [] }, (p) => files[p])).toEqual({
      initial: ['/_astro/entry.js', '/_astro/shared.js'],
      lazy: ['/_astro/runtime.js', '/_astro/vega.js'],
    });
  });
});

describe('median', () => {
  test.each([
    [[], 0],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2],
  ])('median of %o is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('formatTable', () => {
  test('pads labels to one width', () => {
    expect(
      formatTable([
        ['a', '1'],
        ['long', '2'],
      ]),
    ).toBe('a     1\nlong  2');
  });
});
