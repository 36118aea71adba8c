import { describe, expect, test } from 'vitest';
import { runValidateCommand, type ValidateIo } from '../../src/cli/validate.ts';
import { nodeLoadEffects } from '../../src/content/load.ts';
import { fakeIO } from '../cli/fake-io.ts';

const DIR = 'test/fixtures/hostile-rejected';

describe('logbook validate over test/fixtures/hostile-rejected', () => {
  test('reports one error per attack, each with its file, in one run, and still loads the good record', async () => {
    const err: string[] = [];
    const io: ValidateIo = { stdout: () => undefined, stderr: (line) => err.push(line), isDirectory: async () => true, effects: nodeLoadEffects };
    const started = Date.now();
    expect(await runValidateCommand([DIR], fakeIO(), () => io)).toBe(1);
    // Without the limits, the paragraph alone takes seconds to parse (it grows with its length squared).
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(err).toEqual([
      `error: ${DIR}/id-index-html.json:1:9 id: the id "index.html" ends like a file name — drop the extension: the id becomes a folder (experiments/<id>/) on the site`,
      `error: ${DIR}/id-too-long.json:1:8 id: the id is 101 characters long; at most 100 are allowed — use a short id such as "fraud-gbm-003" (it names the page folder and the API file)`,
      `error: ${DIR}/json-nested-deep.json:1:97: objects and lists are nested more than 64 levels deep — flatten the structure: no record field needs that much nesting`,
      `error: ${DIR}/markdown-quadratic.md:7:1: a Markdown paragraph is 12,001 characters long; at most 5,000 are allowed (long paragraphs make Markdown slow to render) — split it with blank lines into shorter paragraphs`,
      `error: ${DIR}/proto-wrong-type.json:3:26 tags.__proto__: expected a string, got an object`,
      `error: ${DIR}/yaml-alias-bomb.md:2:1: invalid YAML frontmatter: too many aliases (*name); the frontmatter would expand without bound — write the values out instead of repeating them through anchors (&name) and aliases (*name)`,
      'validate: 1 record, 6 errors, 0 warnings',
    ]);
  });
});
