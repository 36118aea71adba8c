import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runBuildCommand } from '../../src/cli/build.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { cacheDirProblem, outDirProblem } from '../../src/site/out-dir.ts';

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

describe('cacheDirProblem', () => {
  const repo = repository();
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test.each([
    ['content', /"content" is inside the content folder "content", where its files would be read as records/],
    ['content/.cache', /"content\/\.cache" is inside the content folder/],
    ['dist/cache', /"dist\/cache" is inside the output folder "dist", where it would be published with the site/],
  ])('refuses %s', (cacheDir, problem) => {
    expect(cacheDirProblem(cacheDir, { content: 'content', outDir: 'dist' }, repo)).toMatch(problem);
  });

  test('the default, or any folder apart from the records and the site, is fine; without an output folder only the content counts', () => {
    expect(cacheDirProblem('node_modules/.cache/logbook', { content: 'content', outDir: 'dist' }, repo)).toBeUndefined();
    expect(cacheDirProblem('.cache', { content: 'content', outDir: 'dist' }, repo)).toBeUndefined();
    expect(cacheDirProblem('dist/cache', { content: 'content' }, repo)).toBeUndefined();
  });

  test('logbook build refuses a cache in the content folder before it writes anything', async () => {
    const err: string[] = [];
    const io: CommandIO = {
      cwd: repo,
      env: { LOGBOOK_CACHE_DIR: 'content' },
      isTTY: false,
      stdout: () => undefined,
      stderr: (text) => void err.push(text),
    };
    expect(await runBuildCommand(['content', '--out', 'dist'], io)).toBe(1);
    expect(err.join('')).toMatch(
      /^build: the cache folder "content" is inside the content folder "content".*\n {2}hint: keep the caches apart/,
    );
    expect(readdirSync(join(repo, 'content'))).toEqual(['exp-1.json']);
  });
});
