import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runBuildCommand } from '../../src/cli/build.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { outDirProblem } from '../../src/site/out-dir.ts';

/** A repository folder with a content folder, a file of its own and a previous Logbook site in `dist`. */
function repository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'logbook-out-dir-'));
  mkdirSync(join(repo, 'content'));
  writeFileSync(join(repo, 'content', 'exp-1.json'), '{ "id": "exp-1" }');
  writeFileSync(join(repo, 'README.md'), '# team repo');
  mkdirSync(join(repo, 'dist'));
  writeFileSync(join(repo, 'dist', 'index.html'), '<!DOCTYPE html><html><head><meta name="generator" content="Logbook"></head></html>');
  mkdirSync(join(repo, 'build'));
  writeFileSync(join(repo, 'build', 'bundle.js'), 'console.log(1)');
  return repo;
}

describe('outDirProblem', () => {
  const repo = repository();
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test.each([
    ['.', /"\." is the working folder or holds it/],
    ['..', /"\.\." is the working folder or holds it/],
    ['content', /"content" is the content folder "content" or holds it/],
    ['content/site', /"content\/site" is inside the content folder "content"/],
    ['build', /"build" holds files that are not a site Logbook built \(bundle\.js\)/],
    ['README.md', /"README\.md" is a file/],
  ])('refuses %s', (outDir, problem) => {
    expect(outDirProblem(outDir, 'content', repo)).toMatch(problem);
  });

  test.each(['dist', 'site', 'out/site', '../elsewhere-logbook-site'])(
    'builds into %s (a previous site, or a folder not there yet)',
    (outDir) => {
      expect(outDirProblem(outDir, 'content', repo)).toBeUndefined();
    },
  );

  test('an empty folder is fine; a link to the working folder is not', () => {
    mkdirSync(join(repo, 'empty'));
    expect(outDirProblem('empty', 'content', repo)).toBeUndefined();
    symlinkSync(repo, join(repo, 'here'));
    expect(outDirProblem('here', 'content', repo)).toMatch(/is the working folder or holds it/);
  });

  test('logbook build refuses before it reads or writes anything, and says what to do', async () => {
    const err: string[] = [];
    const io: CommandIO = { cwd: repo, env: {}, isTTY: false, stdout: () => undefined, stderr: (text) => void err.push(text) };
    const status = await runBuildCommand(['content', '--out', '.'], io);
    expect(status).toBe(2);
    expect(err.join('')).toMatch(
      /^build: the output folder "\." is the working folder or holds it, and every build empties its output folder first\n {2}hint: build into a new or empty folder/,
    );
    expect(readdirSync(repo).sort()).toEqual(['README.md', 'build', 'content', 'dist', 'empty', 'here']);
  });
});
