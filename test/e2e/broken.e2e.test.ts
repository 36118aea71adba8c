/**
 * Broken input: `npm run build` over each folder of test/fixtures/broken fails with exactly the
 * messages a user needs (file:line:col field: message — hint), or, for warning-only folders, warns
 * with them and builds. Without the validate step (`npm run build:site`) Astro's loader stops the
 * build with the same errors.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from './lib/build.ts';
import { scratchDir } from './lib/sites.ts';

const DIR = 'test/fixtures/broken';

interface Case {
  /** Folder under test/fixtures/broken. */
  name: string;
  /** True when the build must succeed (warnings only). */
  builds: boolean;
  /** The validate output, line for line. */
  lines: string[];
}

const CASES: Case[] = [
  {
    name: 'malformed-json',
    builds: false,
    lines: [`error: ${DIR}/malformed-json/exp-201.json:4:3: invalid JSON: expected a comma`, 'validate: 0 records, 1 error, 0 warnings'],
  },
  {
    name: 'bad-yaml',
    builds: false,
    lines: [
      `error: ${DIR}/bad-yaml/exp-202.md:5:13: invalid YAML frontmatter: Nested mappings are not allowed in compact mappings`,
      'validate: 0 records, 1 error, 0 warnings',
    ],
  },
  {
    name: 'wrong-type',
    builds: false,
    lines: [
      `error: ${DIR}/wrong-type/exp-203.json:4:54 evaluation.testMetrics.0.value: expected a number, got the string "high" — write a number, or leave the field out while it is not known`,
      'validate: 0 records, 1 error, 0 warnings',
    ],
  },
  {
    name: 'duplicate-id',
    builds: false,
    lines: [
      `error: ${DIR}/duplicate-id/b.md:2:5 id: duplicate id "exp-204": also used by ${DIR}/duplicate-id/a.json — give every experiment its own id`,
      'validate: 1 record, 1 error, 0 warnings',
    ],
  },
  {
    name: 'parent-cycle',
    builds: false,
    lines: [
      `error: ${DIR}/parent-cycle/exp-a.json:1:41 lineage.parent: parent cycle: exp-a → exp-c → exp-b → exp-a — an experiment cannot be its own ancestor: change "lineage.parent" in one of them`,
      'validate: 3 records, 1 error, 0 warnings',
    ],
  },
  {
    name: 'missing-parent',
    builds: true,
    lines: [
      `warning: ${DIR}/missing-parent/exp-043.json:3:26 lineage.parent: parent "exp-04" is not the id of any experiment — the closest existing id is "exp-042"`,
      'validate: 2 records, 0 errors, 1 warning',
    ],
  },
  {
    name: 'missing-id',
    builds: true,
    lines: [
      `warning: ${DIR}/missing-id/churn-baseline.json:1:1 id: the record has no experiment id; using the file name "churn-baseline" — set "id" (or "**Experiment ID**:" in a template) to a unique id such as "exp-042"`,
      'validate: 1 record, 0 errors, 1 warning',
    ],
  },
  {
    name: 'misspelt-key',
    builds: true,
    lines: [
      `warning: ${DIR}/misspelt-key/exp-205.json:3:3 evalution: unknown field "evalution" (it is kept, but nothing reads it) — did you mean "evaluation"?`,
      'validate: 1 record, 0 errors, 1 warning',
    ],
  },
  {
    name: 'one-bad-among-good',
    builds: false,
    lines: [
      `error: ${DIR}/one-bad-among-good/exp-303.json:3:13 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done" — did you mean "completed"?`,
      'validate: 3 records, 1 error, 0 warnings',
    ],
  },
  {
    name: 'many-problems',
    builds: false,
    lines: [
      `error: ${DIR}/many-problems/exp-401.json:3:11 date: expected a date as YYYY-MM-DD (or an ISO 8601 timestamp), got the string "15/01/2025" — write 2025-01-15 (YYYY-MM-DD)`,
      `error: ${DIR}/many-problems/exp-401.json:4:13 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done" — did you mean "completed"?`,
      `error: ${DIR}/many-problems/exp-401.json:5:27 dataset.version: expected a string, got the number 1.2 — put it in quotes to keep it as text: "1.2"`,
      `error: ${DIR}/many-problems/exp-401.json:5:77 dataset.splits.0.fraction: must be at most 1, got the number 70 — write fractions between 0 and 1 (70% → 0.7)`,
      `error: ${DIR}/many-problems/exp-401.json:6:68 evaluation.testMetrics.0.value: expected a number, got the string "~0.869" — write the number alone, 0.869; say how near it is in a note beside it`,
      `error: ${DIR}/many-problems/exp-401.json:6:86 evaluation.testMetrics.0.ci95: expected a number or an object, got the string "wide"`,
      `warning: ${DIR}/many-problems/exp-401.json:7:3 evalution: unknown field "evalution" (it is kept, but nothing reads it) — did you mean "evaluation"?`,
      `error: ${DIR}/many-problems/exp-402.json:2:1: invalid JSON: expected "}"`,
      // No "closest existing id" hint: the only other id is the record's own, which cannot be its parent.
      `warning: ${DIR}/many-problems/exp-403.json:1:43 lineage.parent: parent "exp-999" is not the id of any experiment`,
      'validate: 1 record, 7 errors, 2 warnings',
    ],
  },
];

/** The lines of the validate step's output (level-prefixed diagnostics and the summary). */
function validateLines(output: string): string[] {
  return output.split('\n').filter((l) => /^(error|warning|info): |^validate: /.test(l));
}

function build(name: string, script: 'build' | 'build:site' = 'build'): Promise<BuildResult & { outDir: string }> {
  const work = scratchDir(`broken-${script}-${name}`);
  const outDir = join(work, 'out');
  return buildSite({ content: `${DIR}/${name}`, outDir, cacheDir: join(work, 'cache'), script }).then((r) => ({ ...r, outDir }));
}

describe('npm run build over broken content', () => {
  test('every folder of test/fixtures/broken has a case here', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(DIR).sort()).toEqual(CASES.map((c) => c.name).sort());
  });

  test.each(CASES)('$name: prints exactly the expected problems (builds: $builds)', async ({ name, builds, lines }) => {
    const result = await build(name);
    expect(validateLines(result.output)).toEqual(lines);
    if (builds) {
      expect(result.status, result.output).toBe(0);
      expect(existsSync(join(result.outDir, 'index.html'))).toBe(true);
      // Printed once, by the validate step: Astro's loader does not repeat them (LOGBOOK_VALIDATED).
      for (const line of lines.filter((l) => l.startsWith('warning: '))) {
        expect(result.output.split(line.slice('warning: '.length)).length - 1, `times printed: ${line}`).toBe(1);
      }
    } else {
      expect(result.status, 'the build must fail').not.toBe(0);
      expect(existsSync(join(result.outDir, 'index.html')), 'a failed build writes no site').toBe(false);
    }
  });

  test('one-bad-among-good names only the bad file', async () => {
    const result = await build('one-bad-among-good');
    const mentioned = new Set([...result.output.matchAll(/one-bad-among-good\/([\w.-]+)/g)].map((m) => m[1]));
    expect([...mentioned]).toEqual(['exp-303.json']);
  });

  test.each(['missing-parent', 'misspelt-key'])(
    "%s: without the validate step, Astro's loader prints the warnings and builds",
    async (name) => {
      const result = await build(name, 'build:site');
      expect(result.status, result.output).toBe(0);
      const warnings = CASES.find((c) => c.name === name)?.lines.filter((l) => l.startsWith('warning: ')) ?? [];
      expect(warnings.length).toBeGreaterThan(0);
      for (const line of warnings) expect(result.output).toContain(`[WARN] [logbook-experiments] ${line.slice('warning: '.length)}`);
    },
  );

  test.each(['one-bad-among-good', 'many-problems', 'parent-cycle'])(
    "%s: without the validate step, Astro's loader still stops the build and lists every error",
    async (name) => {
      const result = await build(name, 'build:site');
      expect(result.status).not.toBe(0);
      const expected = CASES.find((c) => c.name === name)?.lines.filter((l) => l.startsWith('error: ')) ?? [];
      const count = expected.length;
      expect(result.output).toContain(`${count} invalid record${count > 1 ? 's' : ''}:`);
      for (const line of expected) expect(result.output).toContain(line.slice('error: '.length));
    },
  );
});
