/**
 * The corpus of hand-written variants of one filled-in log (test/fixtures/template-variants/): each
 * `<case>/input.md` is `reference/input.md` written differently — other heading and label styles,
 * bullets, tables, line endings — and must parse to the same record as the reference, except for
 * the paths listed in DIFFERENCES. The reference itself is a golden fixture (UPDATE=1 regenerates
 * its expected.json).
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../../src/ingest/index.ts';

const root = fileURLToPath(new URL('../../fixtures/template-variants/', import.meta.url));
const variants = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'reference')
  .map((entry) => entry.name)
  .sort();

/** Variants that legitimately differ from the reference: exactly these leaf paths, and why. */
const DIFFERENCES: Readonly<Record<string, readonly string[]>> = {
  // The feature-importance method ("gain") is only written in the label's aside, and the label is gone.
  'unlabelled-tables': ['observations.featureImportanceMethod'],
  // "180 min" is kept as written; in hours it is the reference's 3.
  'duration-in-minutes': ['training.infrastructure.durationText'],
};

function load(name: string): { record: unknown; diagnostics: string[] } {
  const file = `test/fixtures/template-variants/${name}/input.md`;
  const { record, diagnostics } = validateRecord(parseSource(readFileSync(join(root, name, 'input.md'), 'utf8'), { file }), { file });
  return { record, diagnostics: diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`) };
}

/** The dotted leaf paths where two JSON values differ (a path present on one side only counts). */
function differingPaths(a: unknown, b: unknown, path = ''): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) => differingPaths(a[key], b[key], path === '' ? key : `${path}.${key}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

describe('hand-written variants of one log', () => {
  const reference = load('reference');

  test('the reference matches expected.json', () => {
    const file = 'test/fixtures/template-variants/reference/input.md';
    const parsed = parseSource(readFileSync(join(root, 'reference', 'input.md'), 'utf8'), { file });
    const { record, diagnostics } = validateRecord(parsed, { file });
    const actual = `${JSON.stringify({ record: record ?? null, diagnostics: diagnostics.map(formatDiagnostic) }, null, 2)}\n`;
    const expectedPath = join(root, 'reference', 'expected.json');
    if (process.env['UPDATE'] === '1') writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });

  test('the reference is a complete record: no placeholders, no prose left over, no warnings', () => {
    expect(reference.record).not.toHaveProperty('placeholders');
    expect(reference.record).not.toHaveProperty('sections');
    expect(reference.diagnostics).toEqual([]);
  });

  test('there are at least 30 variants, and every stated difference names one', () => {
    expect(variants.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(DIFFERENCES).filter((name) => !variants.includes(name))).toEqual([]);
  });

  test.each(variants)('%s parses to the reference record', (name) => {
    const variant = load(name);
    expect(differingPaths(variant.record, reference.record)).toEqual(DIFFERENCES[name] ?? []);
    expect(variant.diagnostics).toEqual(reference.diagnostics);
  });
});
