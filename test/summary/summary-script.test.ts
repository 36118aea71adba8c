/** `runSummary` with a fake git and an in-memory folder: the command's decisions, without a repository. */
import { describe, expect, test } from 'vitest';
import { readSettings } from '../../src/settings/index.ts';
import { runSummary, type GitResult, type SummaryIo } from '../../src/cli/summary.ts';
import { CHILD, DIR, json, memoryEffects, PARENT } from './fixtures.ts';
import { renderFailure } from '../../src/summary/markdown.ts';

const MERGE_BASE = 'abcdef0123456789abcdef0123456789abcdef01';

/** Git answers by subcommand; `calls` records every invocation. */
function fakeGit(overrides: Record<string, GitResult> = {}): { git: SummaryIo['git']; calls: string[][] } {
  const calls: string[][] = [];
  const ok = (stdout: string): GitResult => ({ status: 0, stdout, stderr: '' });
  const answers: Record<string, GitResult> = {
    'rev-parse --show-toplevel': ok('/repo\n'),
    'rev-parse --verify': ok(`${MERGE_BASE}\n`),
    'merge-base': ok(`${MERGE_BASE}\n`),
    diff: ok([`M`, `${DIR}/exp-002.json`, 'D', `${DIR}/exp-000.json`, ''].join('\0')),
    'ls-files': ok(`${DIR}/exp-003.json\0`),
    show: ok(json({ id: 'exp-000' })),
    ...overrides,
  };
  const git: SummaryIo['git'] = async (args) => {
    calls.push([...args]);
    const command = args.filter((a) => a !== '--literal-pathspecs').join(' ');
    const key = Object.keys(answers).find((k) => command.startsWith(k));
    return key === undefined ? { status: 1, stdout: '', stderr: `unexpected: ${command}` } : (answers[key] as GitResult);
  };
  return { git, calls };
}

async function run(args: string[], options: { git?: SummaryIo['git']; isDirectory?: boolean; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const files = { 'exp-001.json': json(PARENT), 'exp-002.json': json(CHILD), 'exp-003.json': '{ "id": "exp-003", ' };
  const io: SummaryIo = {
    cwd: '/repo',
    stdout: (text) => out.push(text),
    stderr: (line) => err.push(line),
    git: options.git ?? fakeGit().git,
    isDirectory: async () => options.isDirectory ?? true,
    realpath: async (path) => path,
    effects: memoryEffects(files),
  };
  const status = await runSummary(args, readSettings({ env: options.env ?? {} }), io);
  return { status, out: out.join(''), err };
}

describe('runSummary', () => {
  test('compares the merge base with the working tree, limited to the content folder', async () => {
    const { git, calls } = fakeGit();
    const { status } = await run(['--base', 'origin/main'], { git });
    expect(status).toBe(0);
    expect(calls).toContainEqual(['rev-parse', '--verify', '--quiet', 'origin/main^{commit}']);
    expect(calls).toContainEqual(['merge-base', 'origin/main', 'HEAD']);
    expect(calls).toContainEqual(['--literal-pathspecs', 'diff', '--name-status', '-z', '-M', '--no-ext-diff', MERGE_BASE, '--', DIR]);
    expect(calls).toContainEqual(['--literal-pathspecs', 'ls-files', '--others', '--exclude-standard', '-z', '--', DIR]);
    expect(calls).toContainEqual(['show', `${MERGE_BASE}:${DIR}/exp-000.json`]);
  });

  test('prints the Markdown report on stdout and one progress line on stderr', async () => {
    const { status, out, err } = await run(['--base', 'main']);
    expect(status).toBe(0);
    expect(out.split('\n').slice(0, 4)).toEqual([
      '<!-- logbook-summary -->',
      '## Experiment summary',
      '',
      '**2 experiments changed since `main`: 1 added, 1 modified; 1 failing validation, 1 with warnings, 1 with fairness flags. 1 experiment removed.**',
    ]);
    expect(out).toContain('Removed: `exp-000` (`content/experiments/exp-000.json`)');
    // The untracked file that does not parse is shown with its id read leniently… or its file name.
    expect(out).toContain('### ❌ `content/experiments/exp-003.json` — fails validation');
    expect(err).toEqual([
      'summary: content/experiments against main (merge base abcdef012345): 2 changed, 1 removed, 2 valid records analyzed',
    ]);
  });

  test('takes the folder from LOGBOOK_CONTENT and links from LOGBOOK_SITE + LOGBOOK_BASE', async () => {
    const { git, calls } = fakeGit({
      diff: { status: 0, stdout: `M\0${DIR}/exp-002.json\0`, stderr: '' },
      'ls-files': { status: 0, stdout: '', stderr: '' },
    });
    const { out } = await run(['--base', 'main', '--format', 'json'], {
      git,
      env: { LOGBOOK_CONTENT: DIR, LOGBOOK_SITE: 'https://o.github.io', LOGBOOK_BASE: '/r/' },
    });
    expect(calls.find((c) => c.includes('diff'))?.at(-1)).toBe(DIR);
    expect(JSON.parse(out).changed[0].url).toBe('https://o.github.io/r/experiments/exp-002/');
  });

  test.each([
    [
      'not a git repository',
      { 'rev-parse --show-toplevel': { status: 128, stdout: '', stderr: 'fatal: not a git repository' } },
      'summary: not a git repository: /repo',
    ],
    [
      'a base ref that does not exist',
      { 'rev-parse --verify': { status: 1, stdout: '', stderr: '' } },
      'summary: base ref "origin/main" does not exist (in CI, check out with fetch-depth: 0 or run git fetch first)',
    ],
    [
      'unrelated histories',
      { 'merge-base': { status: 1, stdout: '', stderr: '' } },
      'summary: "origin/main" and HEAD have no common ancestor',
    ],
    [
      'git missing',
      { 'rev-parse --show-toplevel': { status: 127, stdout: '', stderr: 'spawn git ENOENT', notFound: true } },
      'summary: git is not installed or not on PATH',
    ],
  ])('exits 1 with one line for %s', async (_, overrides, line) => {
    const { status, out, err } = await run(['--base', 'origin/main'], { git: fakeGit(overrides).git });
    expect({ status, out, err }).toEqual({ status: 1, out: renderFailure(line), err: [line] });
  });

  test('a failure nothing else caught is one line on stderr and a report on stdout, not an empty comment', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: SummaryIo = {
      cwd: '/repo',
      stdout: (text) => out.push(text),
      stderr: (line) => err.push(line),
      git: fakeGit().git,
      isDirectory: async () => true,
      realpath: async (path) => path,
      effects: { list: () => Promise.reject(new Error('EIO: i/o error')), readFile: () => Promise.reject(new Error('no')) },
    };
    expect(await runSummary(['--base', 'main'], readSettings({ env: {} }), io)).toBe(1);
    expect(err).toEqual(['summary: unexpected failure: EIO: i/o error']);
    expect(out.join('')).toBe(
      '<!-- logbook-summary -->\n## Experiment summary\n\n⚠️ The summary could not be built: summary: unexpected failure: EIO: i/o error\n\nSee the job log for details.\n',
    );
  });

  test('records that crash parsers (a YAML alias bomb, JSON nested 100,000 deep) are one failing entry each; the rest is reported', async () => {
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      laughs.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const files = {
      'exp-001.json': json(PARENT),
      'exp-002.json': json(CHILD),
      'exp-003.json': `{ "id": "exp-003", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`,
      'exp-004.md': `---\nid: exp-004\n${laughs.join('\n')}\n---\n`,
    };
    const git = fakeGit({
      diff: {
        status: 0,
        stdout: ['A', `${DIR}/exp-002.json`, 'A', `${DIR}/exp-003.json`, 'A', `${DIR}/exp-004.md`, ''].join('\0'),
        stderr: '',
      },
      'ls-files': { status: 0, stdout: '', stderr: '' },
    }).git;
    const out: string[] = [];
    const io: SummaryIo = {
      cwd: '/repo',
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      git,
      isDirectory: async () => true,
      realpath: async (p) => p,
      effects: memoryEffects(files),
    };
    expect(await runSummary(['--base', 'main'], readSettings({ env: {} }), io)).toBe(0);
    const report = out.join('');
    expect(report).toContain('objects and lists are nested more than 64 levels deep');
    expect(report).toContain('invalid YAML frontmatter: too many aliases');
    expect(report).toContain('exp-002');
  });

  test('exits 1 when the content folder does not exist', async () => {
    const { status, err } = await run(['--base', 'main', '--dir', 'nope'], { isDirectory: false });
    expect({ status, err }).toEqual({ status: 1, err: ['summary: content folder not found: nope'] });
  });

  test('prints usage on --help and exits 0', async () => {
    const { status, out } = await run(['--help']);
    expect(status).toBe(0);
    expect(out.split('\n')[0]).toBe('Usage: logbook summary --base <git-ref> [folder] [--format md|json] [--site <url>] [--config <file>]');
  });

  test('exits 2 with the error and the usage on bad arguments', async () => {
    const { status, out, err } = await run(['--format', 'json']);
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err[0]).toBe('summary: --base <git-ref> is required (e.g. --base origin/main)');
    expect(err[1]).toMatch(/^Usage: /);
  });
});
