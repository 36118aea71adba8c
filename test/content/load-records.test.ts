import { describe, expect, test } from 'vitest';
import { loadRecords, type LoadEffects } from '../../src/content/load.ts';
import { formatDiagnostic } from '../../src/ingest/index.ts';

const broken = (name: string): string => `test/fixtures/broken/${name}`;

/** Loads a broken-fixture folder from disk (paths relative to the repository root, where vitest runs). */
async function load(name: string): Promise<{ ids: string[]; problems: string[]; levels: string[] }> {
  const { records, diagnostics } = await loadRecords(broken(name));
  return { ids: records.map((r) => r.record.id), problems: diagnostics.map(formatDiagnostic), levels: diagnostics.map((d) => d.level) };
}

/** In-memory effects: a folder of files. */
function fakeFiles(files: Record<string, string>): LoadEffects {
  return {
    list: async () => ({ files: Object.keys(files).reverse().map((path) => ({ path })), refused: [] }),
    readFile: async (path) => {
      const text = files[path.replace(/^content\//, '')];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
  };
}

describe('loadRecords', () => {
  test('reports malformed JSON as an error and loads nothing from that file', async () => {
    expect(await load('malformed-json')).toEqual({
      ids: [],
      problems: ['test/fixtures/broken/malformed-json/exp-201.json:4:3: invalid JSON: expected a comma'],
      levels: ['error'],
    });
  });

  test('reports bad YAML frontmatter as an error', async () => {
    expect(await load('bad-yaml')).toEqual({
      ids: [],
      problems: ['test/fixtures/broken/bad-yaml/exp-202.md:5:13: invalid YAML frontmatter: Nested mappings are not allowed in compact mappings'],
      levels: ['error'],
    });
  });

  test('reports a wrong type as an error', async () => {
    expect(await load('wrong-type')).toEqual({
      ids: [],
      problems: ['test/fixtures/broken/wrong-type/exp-203.json:4:54 evaluation.testMetrics.0.value: expected a number, got the string "high" — write a number, or leave the field out while it is not known'],
      levels: ['error'],
    });
  });

  test('reports a duplicate id naming both files, and keeps the first', async () => {
    const { records, diagnostics } = await loadRecords(broken('duplicate-id'));
    expect(records.map((r) => r.file)).toEqual(['test/fixtures/broken/duplicate-id/a.json']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'test/fixtures/broken/duplicate-id/b.md:2:5 id: duplicate id "exp-204": also used by test/fixtures/broken/duplicate-id/a.json — give every experiment its own id',
    ]);
    expect(diagnostics[0]).toMatchObject({ level: 'error', code: 'duplicate-id' });
  });

  test('reports a duplicate id in the same run when one of the two records is refused for another error', async () => {
    const files = {
      'a.json': '{ "id": "exp-1", "status": "finished" }',
      'b.json': '{ "id": "exp-1", "name": "second" }',
      'c.json': '{ "id": "exp-2" }',
      'd.json': '{ "id": "exp-2", "date": "someday" }',
      'e.json': '{ "id": "not an id", "status": "finished" }',
      'f.json': '{ "id": "not an id" }',
    };
    const { diagnostics } = await loadRecords('content', fakeFiles(files));
    const duplicates = diagnostics.filter((d) => d.code === 'duplicate-id').map(formatDiagnostic);
    // An id that is itself invalid is reported as such, not as a duplicate.
    expect(duplicates).toEqual([
      'content/b.json:1:9 id: duplicate id "exp-1": also used by content/a.json — give every experiment its own id',
      'content/d.json:1:9 id: duplicate id "exp-2": also used by content/c.json — give every experiment its own id',
    ]);
  });

  test('reports a parent cycle naming every id in order', async () => {
    expect(await load('parent-cycle')).toEqual({
      ids: ['exp-a', 'exp-b', 'exp-c'],
      problems: [
        'test/fixtures/broken/parent-cycle/exp-a.json:1:41 lineage.parent: parent cycle: exp-a → exp-c → exp-b → exp-a — an experiment cannot be its own ancestor: change "lineage.parent" in one of them',
      ],
      levels: ['error'],
    });
  });

  test('warns about an unknown parent with the closest existing id', async () => {
    expect(await load('missing-parent')).toEqual({
      ids: ['exp-042', 'exp-043'],
      problems: ['test/fixtures/broken/missing-parent/exp-043.json:3:26 lineage.parent: parent "exp-04" is not the id of any experiment — the closest existing id is "exp-042"'],
      levels: ['warning'],
    });
  });

  test('warns about a missing id and uses the file name', async () => {
    expect(await load('missing-id')).toEqual({
      ids: ['churn-baseline'],
      problems: [
        'test/fixtures/broken/missing-id/churn-baseline.json:1:1 id: the record has no experiment id; using the file name "churn-baseline" — set "id" (or "**Experiment ID**:" in a template) to a unique id such as "exp-042"',
      ],
      levels: ['warning'],
    });
  });

  test('warns about a misspelt key and still loads the record', async () => {
    expect(await load('misspelt-key')).toEqual({
      ids: ['exp-205'],
      problems: ['test/fixtures/broken/misspelt-key/exp-205.json:3:3 evalution: unknown field "evalution" (it is kept, but nothing reads it) — did you mean "evaluation"?'],
      levels: ['warning'],
    });
  });

  test('reports only the bad record of a folder of good ones, and loads the good ones in all three forms', async () => {
    const { records, diagnostics } = await loadRecords(broken('one-bad-among-good'));
    expect(records.map((r) => [r.record.id, r.format])).toEqual([
      ['exp-301', 'json'],
      ['exp-302', 'frontmatter'],
      ['exp-304', 'template'],
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'test/fixtures/broken/one-bad-among-good/exp-303.json:3:13 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done" — did you mean "completed"?',
    ]);
  });

  test('reports all problems of all files in one run', async () => {
    const { levels, problems } = await load('many-problems');
    expect(problems).toHaveLength(9);
    expect(levels.filter((level) => level === 'error')).toHaveLength(7);
    expect(problems[7]).toBe('test/fixtures/broken/many-problems/exp-402.json:2:1: invalid JSON: expected "}"');
    // exp-403 is the only record: it is never suggested as its own parent.
    expect(problems[8]).toBe('test/fixtures/broken/many-problems/exp-403.json:1:43 lineage.parent: parent "exp-999" is not the id of any experiment');
  });

  test('reads files in sorted path order through injected effects and sorts records by id', async () => {
    const { records } = await loadRecords(
      'content',
      fakeFiles({
        'b/z.json': '{ "id": "exp-1" }',
        'a.md': '---\nid: exp-3\n---\n',
        'c.md': '**Experiment ID**: exp-2\n',
      }),
    );
    expect(records.map((r) => [r.record.id, r.file])).toEqual([
      ['exp-1', 'content/b/z.json'],
      ['exp-2', 'content/c.md'],
      ['exp-3', 'content/a.md'],
    ]);
  });

  test('reads ahead of the file it parses, and still reports in file order when reads finish out of order', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `exp-${String(i).padStart(2, '0')}`);
    const started: string[] = [];
    const effects: LoadEffects = {
      list: async () => ({ files: names.map((n) => ({ path: `${n}.json` })), refused: [] }),
      // Later files answer sooner; every fourth cannot be read.
      readFile: async (path) => {
        started.push(path);
        const index = names.findIndex((n) => path.endsWith(`${n}.json`));
        await new Promise((resolve) => setTimeout(resolve, 20 - index));
        if (index % 4 === 3) throw new Error('EIO');
        return `{ "id": "${names[index] ?? ''}", "lineage": { "parent": "nowhere-${index}" } }`;
      },
    };
    const { records, diagnostics } = await loadRecords('content', effects);
    expect(started).toEqual(names.map((n) => `content/${n}.json`));
    expect(records.map((r) => r.record.id)).toEqual(names.filter((_, i) => i % 4 !== 3));
    expect(diagnostics.filter((d) => d.code === 'read-error').map((d) => d.file)).toEqual(
      names.filter((_, i) => i % 4 === 3).map((n) => `content/${n}.json`),
    );
    expect(diagnostics.filter((d) => d.code !== 'read-error').map((d) => d.file)).toEqual(
      names.filter((_, i) => i % 4 !== 3).map((n) => `content/${n}.json`),
    );
  });

  test('reports a file that cannot be read', async () => {
    const effects: LoadEffects = { list: async () => ({ files: [{ path: 'gone.json' }], refused: [] }), readFile: async () => Promise.reject(new Error('EACCES: permission denied')) };
    const { diagnostics } = await loadRecords('content', effects);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['content/gone.json: could not read the file: EACCES: permission denied']);
  });

  test('refuses a file past the size limit without reading it, and goes on with the others', async () => {
    const reads: string[] = [];
    const effects: LoadEffects = {
      list: async () => ({
        files: [
          { path: 'huge.json', bytes: 50 * 1024 * 1024 },
          { path: 'ok.json', bytes: 16 },
        ],
        refused: [],
      }),
      readFile: async (path) => {
        reads.push(path);
        return '{ "id": "exp-1" }';
      },
    };
    const { records, diagnostics } = await loadRecords('content', effects);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'content/huge.json: the file is 52,428,800 bytes; a record may be at most 5,242,880 bytes — split it into several records, or keep bulky data (logs, raw predictions) outside the record',
    ]);
    expect(reads).toEqual(['content/ok.json']);
    expect(records.map((r) => r.record.id)).toEqual(['exp-1']);
  });

  test('JSON nested deeper than a parser can take is one error at the bracket past the limit, and the other files still load', async () => {
    // Refused before parsing: the outer object is level 1, so the 64th "[" is the 65th level.
    const deep = `{ "id": "deep", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`;
    const { records, diagnostics } = await loadRecords('content', fakeFiles({ 'a.json': deep, 'b.json': '{ "id": "exp-2" }' }));
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'content/a.json:1:85: objects and lists are nested more than 64 levels deep — flatten the structure: no record field needs that much nesting',
    ]);
    expect(records.map((r) => r.record.id)).toEqual(['exp-2']);
  });

  test('warns about an unknown related id', async () => {
    const { diagnostics } = await loadRecords('content', fakeFiles({ 'a.json': '{ "id": "exp-1", "lineage": { "related": ["exp-2"] } }' }));
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'content/a.json:1:43 lineage.related.0: related experiment "exp-2" is not the id of any experiment',
    ]);
  });

  test('a parent whose own file has errors is named with that file, not as an unknown id', async () => {
    const { diagnostics, records } = await loadRecords(
      'content',
      fakeFiles({
        'child.json': '{ "id": "exp-2", "lineage": { "parent": "exp-1" } }',
        'parent.json': '{ "id": "exp-1", "status": "bogus" }',
      }),
    );
    expect(records.map((r) => r.record.id)).toEqual(['exp-2']);
    expect(diagnostics.map(formatDiagnostic)).toContain(
      'content/child.json:1:41 lineage.parent: parent "exp-1" is the id of content/parent.json, which has errors and is left out of the site (its errors are listed with it)',
    );
  });
});
