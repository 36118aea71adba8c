import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { BUILD_USAGE } from '../../src/cli/build.ts';
import { commentWorkflow, SITE_WORKFLOW_NAME, siteWorkflow } from '../../src/cli/workflows.ts';
import { usage as summaryUsage } from '../../src/summary/messages.ts';
import { readSettings } from '../../src/settings/index.ts';

const ROOT = join(import.meta.dirname, '../..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
  if?: string;
  shell?: string;
}
interface Job {
  if?: string;
  needs?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

function parseYaml<T>(text: string): T {
  expect(parseDocument(text).errors).toEqual([]);
  return parse(text) as T;
}

describe('the workflows', () => {
  test("this repository's are the ones `logbook init` writes, with this repository as the action", () => {
    expect(readFileSync(join(ROOT, '.github/workflows/logbook.yml'), 'utf8')).toBe(siteWorkflow({ action: './', install: 'npm ci' }));
    expect(readFileSync(join(ROOT, '.github/workflows/logbook-comment.yml'), 'utf8')).toBe(commentWorkflow());
  });

  const site = parseYaml<Workflow>(siteWorkflow({ action: './node_modules/logbook', install: 'npm ci' }));
  const comment = parseYaml<Workflow>(commentWorkflow());

  test('the site workflow builds on pushes to main, pull requests and on demand, with a read-only token', () => {
    expect(site.name).toBe(SITE_WORKFLOW_NAME);
    expect(Object.keys(site.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
    expect(site.permissions).toEqual({ contents: 'read' });
    const steps = site.jobs['site']?.steps ?? [];
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0, 'persist-credentials': false } });
    expect(steps.filter((s) => s.uses === './node_modules/logbook').map((s) => s.with?.['command'] ?? 'build')).toEqual([
      'build',
      'summary',
    ]);
    // The summary runs even when validation failed, so the comment shows the errors.
    expect(steps.find((s) => s.with?.['command'] === 'summary')?.if).toBe("github.event_name == 'pull_request' && !cancelled()");
  });

  test('only the deploy job, which runs no repository code, may write to Pages, and never for a pull request', () => {
    const deploy = site.jobs['deploy'];
    expect(deploy?.if).toBe("github.event_name != 'pull_request'");
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  test("the comment workflow never checks out or runs the pull request, and updates only its own bot's comment", () => {
    expect(comment.on).toEqual({ workflow_run: { workflows: [SITE_WORKFLOW_NAME], types: ['completed'] } });
    expect(comment.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    const steps = comment.jobs['comment']?.steps ?? [];
    expect(steps.map((s) => s.uses)).toEqual(['actions/download-artifact@v4', 'actions/github-script@v7']);
    expect(steps.some((s) => s.run !== undefined)).toBe(false);
    const raw = steps[1]?.with?.['script'];
    const script = typeof raw === 'string' ? raw : '';
    expect(script).toContain("c.user?.login === bot && c.user?.type === 'Bot' && c.body?.includes(marker)");
    expect(script).toContain("const bot = 'github-actions[bot]'");
    expect(script).toContain('pull.head.sha !== run.head_sha');
    expect(script).toContain('Number.isSafeInteger(number)');
    expect(commentWorkflow()).not.toContain('secrets.');
  });
});

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

describe('action.yml', () => {
  const action = parseYaml<Action>(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const steps = action.runs.steps;

  test('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['command', 'content', 'base', 'site', 'out', 'summary-base', 'setup-node']);
    expect(action.inputs['command']?.default).toBe('build');
  });

  test('every command it runs is the logbook CLI with options the CLI has', () => {
    const calls = steps.flatMap((s) =>
      [...(s.run ?? '').matchAll(/bin\/logbook\.js" (\w+)((?: [^\n>]*)?)/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const),
    );
    expect(calls.map(([verb]) => verb)).toEqual(['build', 'summary']);
    const usages: Record<string, string> = { build: BUILD_USAGE, summary: summaryUsage() };
    for (const [verb, rest] of calls) {
      for (const option of rest.match(/--[a-z-]+/g) ?? []) expect(usages[verb], `${verb} ${option}`).toContain(option);
    }
  });

  test('passes its inputs as the LOGBOOK_* variables the settings read, never into the command line', () => {
    const variables = new Set(steps.flatMap((s) => Object.keys(s.env ?? {})).filter((k) => k.startsWith('LOGBOOK_')));
    expect([...variables].sort()).toEqual(['LOGBOOK_BASE', 'LOGBOOK_CONTENT', 'LOGBOOK_OUT_DIR', 'LOGBOOK_SITE']);
    const settings = readSettings({
      env: { LOGBOOK_BASE: '/b/', LOGBOOK_CONTENT: 'c', LOGBOOK_OUT_DIR: 'o', LOGBOOK_SITE: 'https://s.io' },
    });
    expect([settings.base, settings.content, settings.outDir, settings.site]).toEqual(['/b/', 'c', 'o', 'https://s.io']);
    for (const step of steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{\s*inputs\./);
  });

  test('uploads the site as the Pages artifact on pushes, as a plain artifact on pull requests', () => {
    const upload = (name: string) => steps.find((s) => s.uses === name);
    expect(upload('actions/upload-pages-artifact@v3')?.if).toBe("inputs.command == 'build' && github.event_name != 'pull_request'");
    expect(upload('actions/upload-artifact@v4')?.if).toBe("inputs.command == 'build' && github.event_name == 'pull_request'");
  });
});
