import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';

const root = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Parses and validates one fixture the way the loader does, as stable JSON. */
function run(name: string): string {
  const input = readdirSync(join(root, name)).find((file) => file.startsWith('input.'));
  if (!input) throw new Error(`fixture ${name} has no input file`);
  const file = `test/fixtures/ingest/${name}/${input}`;
  const parsed = parseSource(readFileSync(join(root, name, input), 'utf8'), { file });
  const { record, diagnostics } = validateRecord(parsed, { file });
  return `${JSON.stringify({ format: parsed.format, record: record ?? null, diagnostics: diagnostics.map(formatDiagnostic) }, null, 2)}\n`;
}

describe('parseSource + validateRecord golden fixtures (UPDATE=1 regenerates expected.json)', () => {
  test('there are golden cases for every input form', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'template',
        'filled-template',
        'frontmatter',
        'json',
        'lenient-headings',
        'unknown-section',
        'unknown-label',
        'hostile-text',
      ]),
    );
  });

  test.each(cases)('%s matches expected.json', (name) => {
    const actual = run(name);
    const expectedPath = join(root, name, 'expected.json');
    if (process.env['UPDATE'] === '1') writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
