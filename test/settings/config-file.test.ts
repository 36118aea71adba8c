import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/format.ts';
import { parseConfigFile, renderConfigJsonSchema } from '../../src/settings/config-file.ts';

const errors = (text: string): string[] => parseConfigFile(text, 'logbook.config.json').diagnostics.map(formatDiagnostic);

describe('parseConfigFile', () => {
  test('reads every setting it knows, and leaves out $schema', () => {
    const text = JSON.stringify({
      $schema: './node_modules/logbook/public/schema/config.schema.json',
      content: 'experiments',
      outDir: '_site',
      site: 'https://org.github.io',
      base: '/repo/',
      title: 'Team',
      charts: false,
      pageSize: 500,
      cacheDir: '.cache/logbook',
    });
    expect(parseConfigFile(text, 'logbook.config.json')).toEqual({
      config: {
        content: 'experiments',
        outDir: '_site',
        site: 'https://org.github.io',
        base: '/repo/',
        title: 'Team',
        charts: false,
        pageSize: 500,
        cacheDir: '.cache/logbook',
      },
      diagnostics: [],
    });
    expect(parseConfigFile('{}', 'c.json')).toEqual({ config: {}, diagnostics: [] });
  });

  test('reports every problem at once, each with its line:column and how to fix it', () => {
    const text = '{\n  "contnet": "logs",\n  "base": "repo/",\n  "site": "ftp://x",\n  "charts": "no",\n  "pageSize": 0\n}\n';
    expect(parseConfigFile(text, 'logbook.config.json').config).toBeUndefined();
    expect(errors(text)).toEqual([
      'logbook.config.json:2:3 contnet: unknown setting "contnet" — did you mean "content"?',
      'logbook.config.json:3:11 base: expected the path the site is served under, such as "/" or "/repo/": slash-separated letters, digits, ".", "_", "~" and "-", got the string "repo/"',
      'logbook.config.json:4:11 site: expected an http(s) URL such as https://org.github.io, got the string "ftp://x"',
      'logbook.config.json:5:13 charts: expected true or false, got the string "no"',
      'logbook.config.json:6:15 pageSize: must be at least 1, got the number 0',
    ]);
  });

  test('an unknown key with no near match lists the settings', () => {
    expect(errors('{ "theme": "dark" }')).toEqual([
      'logbook.config.json:1:3 theme: unknown setting "theme" — settings are: content, outDir, site, base, title, charts, staticCharts, comparePages, largeSite, pageSize, cacheDir',
    ]);
  });

  test('malformed JSON and a non-object are one error each', () => {
    expect(errors('{ "content": }')).toEqual(['logbook.config.json:1:14: invalid JSON: expected a value']);
    expect(errors('[]')).toEqual(['logbook.config.json:1:1: expected a JSON object of settings, e.g. { "content": "experiments" }']);
  });
});

describe('paths in the config file stay inside the repository', () => {
  test.each([
    ['content', '/home/runner'],
    ['content', '../../other-repo/records'],
    ['outDir', '..'],
    ['outDir', 'site/../../x'],
    ['cacheDir', 'C:\\Users\\runner'],
    ['cacheDir', '..\\cache'],
  ])('%s: %s is refused, naming the flag or variable that may point elsewhere', (key, path) => {
    const found = errors(JSON.stringify({ [key]: path }));
    expect(found).toEqual([expect.stringContaining(`${key}: ${JSON.stringify(path)} leaves the repository: `)]);
    expect(found[0]).toMatch(/^logbook\.config\.json:1:\d+ .* a folder elsewhere can be given by \S/);
  });

  test.each(['records', './records', 'docs/../records', 'site/out', '.cache/logbook'])('%s is a folder inside', (path) => {
    expect(errors(JSON.stringify({ content: path, outDir: path, cacheDir: path }))).toEqual([]);
  });
});

describe('the config JSON Schema', () => {
  test('matches the committed public/schema/config.schema.json (run `npm run schema` after changing the config schema)', () => {
    expect(readFileSync(new URL('../../public/schema/config.schema.json', import.meta.url), 'utf8')).toBe(renderConfigJsonSchema());
  });

  test('has an $id and a description for every setting', () => {
    const schema = JSON.parse(renderConfigJsonSchema()) as { $id: string; properties: Record<string, { description?: string }> };
    expect(schema.$id).toBe('urn:logbook:schema:config:1');
    for (const [key, property] of Object.entries(schema.properties)) expect(property.description, key).toMatch(/\w/);
  });
});
