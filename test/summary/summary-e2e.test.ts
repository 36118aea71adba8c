/**
 * End to end: a real git repository in a temporary folder, the real script run with the pinned Node
 * from that folder (so the script must resolve its modules from its own location, not the cwd).
 *
 * main:    fraud-gbm-003, fraud-gbm-004, fraud-lr-001 (+ an untouched folder other/); fraud-gbm-003's
 *          parent fraud-gbm-002 is not copied, so it carries dangling-reference warnings
 * feature: + fraud-nn-005 (added), fraud-gbm-004 renamed in name (modified), fraud-gbm-003 moved to
 *          fraud-gbm-003-tuned.md (renamed), fraud-lr-001 deleted (removed); and, uncommitted, an
 *          untracked fraud-bad-007.json that fails validation.
 */
import { execFile, execFileSync } from 'node:child_process';
import { renderFailure } from '../../src/summary/markdown.ts';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const SCRIPT = join(ROOT, 'bin/logbook.js');
const EXAMPLES = join(ROOT, 'test/fixtures/site');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let tmp = '';
let repo = '';
let dir = '';
const env = (): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'] ?? '', HOME: tmp, GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC' });

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    env: env(),
    stdio: 'pipe',
  });
}

function summary(args: string[], cwd = repo, extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(NODE, [SCRIPT, 'summary', ...args], { cwd, env: { ...env(), ...extraEnv }, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const runs: Record<string, Run> = {};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'logbook-summary-'));
  repo = join(tmp, 'repo');
  dir = join(repo, 'content/experiments');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(repo, 'other'), { recursive: true });
  for (const file of ['fraud-gbm-003.md', 'fraud-gbm-004.md', 'fraud-lr-001.json']) copyFileSync(join(EXAMPLES, file), join(dir, file));
  copyFileSync(join(EXAMPLES, 'derm-resnet-001.json'), join(repo, 'other/derm-resnet-001.json'));
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'feature');
  copyFileSync(join(EXAMPLES, 'fraud-nn-005.json'), join(dir, 'fraud-nn-005.json'));
  const gbm4 = join(dir, 'fraud-gbm-004.md');
  writeFileSync(gbm4, readFileSync(gbm4, 'utf8').replace(/^name: .*$/m, 'name: Tuned XGBoost + velocity features (rerun)'));
  git('mv', 'content/experiments/fraud-gbm-003.md', 'content/experiments/fraud-gbm-003-tuned.md');
  git('rm', '-q', 'content/experiments/fraud-lr-001.json');
  git('add', '.');
  git('commit', '-q', '-m', 'feature');
  writeFileSync(join(dir, 'fraud-bad-007.json'), '{\n  "id": "fraud-bad-007",\n  "status": "done"\n}\n');
  const plain = join(tmp, 'plain');
  mkdirSync(plain);

  // The commands are independent: run them concurrently to keep the test fast.
  const commands: Record<string, Promise<Run>> = {
    md: summary(['--base', 'main', '--dir', dir, '--site', 'https://org.github.io/logbook']),
    json: summary(['--base', 'main', '--dir', dir, '--format', 'json']),
    unchanged: summary(['--base', 'main', '--dir', 'other']),
    missingRef: summary(['--base', 'no-such-branch', '--dir', dir]),
    notRepo: summary(['--base', 'main', '--dir', '.'], plain),
    usage: summary(['--dir', dir]),
    help: summary(['--help'], plain),
  };
  for (const [name, run] of Object.entries(commands)) runs[name] = await run;
  // Runs the command five times in new Node processes: allow for a busy machine.
}, 180_000);

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

function run(name: string): Run {
  const result = runs[name];
  if (result === undefined) throw new Error(`no run ${name}`);
  return result;
}

describe('npm run summary (real git repository)', () => {
  test('prints the marker, the overview and one section per added, modified or renamed record', () => {
    const { code, stdout, stderr } = run('md');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('<!-- logbook-summary -->');
    expect(lines[3]).toBe(
      '**4 experiments changed since `main`: 2 added, 1 modified, 1 renamed; 1 failing validation, 2 with warnings. 1 experiment removed.**',
    );
    expect(stdout).toContain('Removed: `fraud-lr-001` (`' + join(dir, 'fraud-lr-001.json') + '`)');
    const headings = lines.filter((l) => l.startsWith('### '));
    expect(headings).toEqual([
      '### ❌ `fraud-bad-007` — fails validation',
      '### ⚠️ [`fraud-gbm-003`](https://org.github.io/logbook/experiments/fraud-gbm-003/) — Tuned XGBoost (Optuna TPE, 120 trials) (status: completed)',
      '### [`fraud-gbm-004`](https://org.github.io/logbook/experiments/fraud-gbm-004/) — Tuned XGBoost + velocity features (rerun) (status: completed)',
      // Added on the branch: no page on the deployed site until it is merged, so no link.
      '### ⚠️ `fraud-nn-005` — ' + JSON.parse(readFileSync(join(dir, 'fraud-nn-005.json'), 'utf8')).name + ' (status: completed)',
    ]);
    expect(stdout).toContain(`Renamed from \`${join(dir, 'fraud-gbm-003.md')}\` to \`${join(dir, 'fraud-gbm-003-tuned.md')}\``);
    expect(stderr).toMatch(/^summary: .* against main \(merge base [0-9a-f]{12}\): 4 changed, 1 removed, 3 valid records analyzed\n$/);
  });

  test('shows deltas against the parent with CIs and verdicts', () => {
    const { stdout } = run('md');
    // fraud-gbm-004 vs its parent fraud-gbm-003: accuracy 0.9962 ± 0.0002 vs 0.9956 ± 0.0002 → 99.62% vs 99.56%,
    // +0.06 pp, +0.06%, CI ±√(0.02² + 0.02²) = ±0.0283 pp → [+0.032, +0.088] pp.
    expect(stdout).toContain('| Accuracy | 99.62% | 99.56% | +0.06 pp (+0.1%) | [+0.032, +0.088] pp | ✅ better |');
    expect(stdout).toContain('**vs parent** [`fraud-gbm-003`](https://org.github.io/logbook/experiments/fraud-gbm-003/)');
    expect(stdout).toMatch(/^- ⚠️ warning `claim-mismatch`: /m);
  });

  test("shows a bad record's diagnostics with file:line:col", () => {
    expect(run('md').stdout).toContain(
      `> error: ${join(dir, 'fraud-bad-007.json')}:3:13 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done"`,
    );
  });

  test('prints the same content as JSON', () => {
    const { code, stdout } = run('json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.base).toBe('main');
    expect(doc.changed.map((c: { id: string; change: string; valid: boolean }) => [c.id, c.change, c.valid])).toEqual([
      ['fraud-bad-007', 'added', false],
      ['fraud-gbm-003', 'renamed', true],
      ['fraud-gbm-004', 'modified', true],
      ['fraud-nn-005', 'added', true],
    ]);
    expect(doc.changed[0].diagnostics[0]).toMatchObject({ level: 'error', code: expect.any(String) });
    expect(doc.changed[3].parentDeltas[0]).toMatchObject({ reference: 'fraud-gbm-003', metric: 'Accuracy' });
    // No site known: no link (a relative one would resolve against the pull request's page).
    expect(doc.changed[2].url).toBeNull();
    expect(doc.changed[3]).toMatchObject({ url: null, pageAfterMerge: true });
    expect(doc.removed).toEqual([{ id: 'fraud-lr-001', file: join(dir, 'fraud-lr-001.json') }]);
  });

  test('says so when nothing changed in the folder', () => {
    const { code, stdout } = run('unchanged');
    expect(code).toBe(0);
    expect(stdout).toContain('**No experiment records added or changed since `main`.**');
  });

  test('exits 1 with one line when the base ref does not exist, and a report that says so (never an empty comment)', () => {
    const line = 'summary: base ref "no-such-branch" does not exist (in CI, check out with fetch-depth: 0 or run git fetch first)';
    expect(run('missingRef')).toEqual({ code: 1, stdout: renderFailure(line), stderr: `${line}\n` });
  });

  test('exits 1 with one line outside a git repository', () => {
    const line = `summary: not a git repository: ${join(tmp, 'plain')}`;
    expect(run('notRepo')).toEqual({ code: 1, stdout: renderFailure(line), stderr: `${line}\n` });
  });

  test('exits 2 with usage on bad arguments, and prints usage on --help', () => {
    const usage = run('usage');
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n').slice(0, 2)).toEqual([
      'summary: --base <git-ref> is required (e.g. --base origin/main)',
      'Usage: logbook summary --base <git-ref> [folder] [--format md|json] [--site <url>] [--config <file>]',
    ]);
    expect(run('help')).toMatchObject({ code: 0, stderr: '' });
    expect(run('help').stdout).toMatch(/^Usage: logbook summary --base <git-ref>/);
  });
});
