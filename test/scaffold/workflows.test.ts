import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseDocument } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
  if?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, { steps: Step[] }>;
}

function load(name: string): { text: string; workflow: Workflow; steps: Step[] } {
  const text = readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
  expect(parseDocument(text).errors).toEqual([]);
  const workflow = parse(text) as Workflow;
  return { text, workflow, steps: Object.values(workflow.jobs).flatMap((job) => job.steps) };
}
const uses = (steps: Step[]): string[] => steps.flatMap((s) => (s.uses ? [s.uses] : []));
/** Every `npm run <script>` in the steps' commands. */
const npmScripts = (steps: Step[]): string[] =>
  steps.flatMap((s) => [...(s.run ?? '').matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1] ?? ''));

describe.each(['pages.yml', 'pr-summary.yml'])('%s', (name) => {
  test('every npm script it runs exists in package.json, and it installs with npm ci', () => {
    const { steps } = load(name);
    expect(npmScripts(steps).length).toBeGreaterThan(0);
    for (const script of npmScripts(steps)) expect(scripts, script).toContain(script);
    expect(steps.some((s) => s.run === 'npm ci')).toBe(true);
  });

  test('sets up the Node version from .nvmrc with the npm cache', () => {
    const setup = load(name).steps.find((s) => s.uses === 'actions/setup-node@v4');
    expect(setup?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toMatch(/^\d+/);
  });
});

describe('pages.yml', () => {
  const { workflow, steps } = load('pages.yml');
  test('deploys on push to main and on demand, with Pages permissions and a concurrency group', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency?.group).toBe('pages');
  });
  test('uses the official Pages actions', () => {
    expect(uses(steps)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'actions/configure-pages@v5',
      'actions/cache@v4',
      'actions/upload-pages-artifact@v3',
      'actions/deploy-pages@v4',
    ]);
  });
  test('validates, then builds with the Pages origin and base path, then uploads dist', () => {
    expect(npmScripts(steps)).toEqual(['validate', 'build']);
    const build = steps.find((s) => s.run === 'npm run build');
    expect(build?.env).toEqual({ LOGBOOK_SITE: '${{ steps.pages.outputs.origin }}', LOGBOOK_BASE: '${{ steps.pages.outputs.base_path }}' });
    expect(steps.find((s) => s.uses === 'actions/configure-pages@v5')?.id).toBe('pages');
    expect(steps.find((s) => s.uses === 'actions/upload-pages-artifact@v3')?.with).toEqual({ path: 'dist' });
  });
  test('restores the chart cache after npm ci (which deletes node_modules)', () => {
    const cache = steps.findIndex((s) => s.uses === 'actions/cache@v4');
    expect(steps[cache]?.with?.['path']).toBe('node_modules/.cache/logbook');
    expect(cache).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
  });
});

describe('pr-summary.yml', () => {
  const { text, workflow, steps } = load('pr-summary.yml');
  test('runs on pull requests with permission to comment', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toMatchObject({ 'pull-requests': 'write' });
  });
  test('checks out full history, validates, writes the summary against the base branch', () => {
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(npmScripts(steps)).toEqual(['validate', 'summary']);
    const summary = steps.find((s) => s.run?.includes('summary --'));
    expect(summary?.if).toBe('${{ !cancelled() }}');
    expect(summary?.run).toBe(
      'npm run --silent summary -- --base origin/${{ github.base_ref }} --site https://${{ github.repository_owner }}.github.io/${{ github.event.repository.name }}/ > summary.md',
    );
  });
  test('posts one comment, found by its hidden marker and updated in place', () => {
    const raw = steps.find((s) => s.uses === 'actions/github-script@v7')?.with?.['script'];
    const script = typeof raw === 'string' ? raw : '';
    expect(script).toContain("const marker = '<!-- logbook-summary -->'");
    expect(script).toContain('github.rest.issues.listComments');
    expect(script).toContain('github.rest.issues.updateComment');
    expect(script).toContain('github.rest.issues.createComment');
    expect(script).toContain("readFileSync('summary.md'");
    expect(text).not.toContain('secrets.');
  });
});
