import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { logbookVersion, runCli, usage } from '../../src/cli/main.ts';
import { fakeIO } from './fake-io.ts';
import { builtBase } from '../../src/cli/serve.ts';

describe('runCli', () => {
  test('without a command prints the usage and exits 2; --help exits 0', async () => {
    const none = fakeIO();
    expect(await runCli([], none)).toBe(2);
    expect(none.out).toBe(`${usage()}\n`);
    const help = fakeIO();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out.split('\n')[0]).toBe('Usage: logbook <command> [options]');
    for (const verb of ['init', 'validate', 'build', 'preview', 'dev', 'new', 'summary'])
      expect(help.out).toMatch(new RegExp(`^  ${verb} +\\S`, 'm'));
  });

  test('--version prints the package version', async () => {
    const io = fakeIO();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out).toBe(`${logbookVersion()}\n`);
    expect(logbookVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown command suggests the closest one', async () => {
    const io = fakeIO();
    expect(await runCli(['valdiate'], io)).toBe(2);
    expect(io.err.split('\n')[0]).toBe('logbook: unknown command "valdiate" — did you mean "validate"?');
  });

  test.each([
    ['build', ['--outdir', 'x'], 'build: unknown option --outdir'],
    ['build', ['--out'], 'build: --out needs a value'],
    ['build', ['a', 'b'], 'build: unexpected argument "b"'],
    ['preview', ['--port', 'http'], 'preview: --port must be a port number, got "http"'],
    ['init', ['extra'], 'init: unexpected argument "extra"'],
  ])('%s %j is a usage error: %s', async (verb, args, line) => {
    const io = fakeIO();
    expect(await runCli([verb, ...args], io)).toBe(2);
    expect(io.err.split('\n')[0]).toBe(line);
  });

  test('a broken config file stops a command with its file:line errors and exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logbook-cli-'));
    try {
      await writeFile(join(dir, 'logbook.config.json'), '{ "contnet": "x" }');
      const io = fakeIO({ cwd: dir });
      expect(await runCli(['validate'], io)).toBe(1);
      expect(io.err.split('\n')).toEqual([
        'error: logbook.config.json:1:3 contnet: unknown setting "contnet" — did you mean "content"?',
        'validate: logbook.config.json has errors; fix them and run again',
        '',
      ]);
      const missing = fakeIO({ cwd: dir });
      expect(await runCli(['validate', '--config', 'nope.json'], missing)).toBe(2);
      expect(missing.err).toBe('validate: config file not found: nope.json\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('config paths are relative to the config file; flags and LOGBOOK_* variables win over it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logbook-cli-'));
    try {
      await writeFile(join(dir, 'team.json'), JSON.stringify({ content: 'logs' }));
      const io = fakeIO({ cwd: join(dir, '..') });
      // logs/ does not exist: the message names the folder relative to where the command ran.
      expect(await runCli(['validate', '--config', join(dir, 'team.json')], io)).toBe(1);
      expect(io.err).toBe(`validate: content folder not found: ${join(dir.split('/').at(-1) ?? '', 'logs')}\n`);
      const env = fakeIO({ cwd: dir, env: { LOGBOOK_CONTENT: 'elsewhere' } });
      expect(await runCli(['validate', '--config', 'team.json'], env)).toBe(1);
      expect(env.err).toBe('validate: content folder not found: elsewhere\n');
      const flag = fakeIO({ cwd: dir, env: { LOGBOOK_CONTENT: 'elsewhere' } });
      expect(await runCli(['validate', 'third', '--config', 'team.json'], flag)).toBe(1);
      expect(flag.err).toBe('validate: content folder not found: third\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('builtBase', () => {
  test("reads the base a built site links under from its home page's icon link", () => {
    expect(builtBase('<link rel="icon" href="/favicon.svg" type="image/svg+xml">')).toBe('/');
    expect(builtBase('<link rel="icon" href="/ml-team/favicon.svg" type="image/svg+xml">')).toBe('/ml-team/');
    expect(builtBase('<link rel="icon" href="https://x.org/favicon.svg">')).toBeUndefined();
    expect(builtBase('<p>no icon</p>')).toBeUndefined();
  });
});

describe('init in a folder with no package.json and no GitHub remote', () => {
  test('says what the written workflow and config cannot know', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logbook-init-'));
    try {
      const io = fakeIO({ cwd: dir });
      expect(await runCli(['init'], io)).toBe(0);
      expect(io.out).toContain('note: no GitHub "origin" remote, so logbook.config.json has no "site" and "base"');
      expect(io.out).toContain('note: no package.json here, and .github/workflows/logbook.yml installs Logbook with "npm ci"');
      await writeFile(join(dir, 'package.json'), '{}\n');
      const again = fakeIO({ cwd: dir });
      expect(await runCli(['init'], again)).toBe(0);
      expect(again.out).not.toContain('no package.json');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
