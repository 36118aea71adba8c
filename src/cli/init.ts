/**
 * `logbook init [--content <dir>]` — sets Logbook up in a team's repository: `logbook.config.json`, the
 * two GitHub workflows, one example record and `.gitignore` entries. Never overwrites a file: what
 * exists is left as it is and said so (the `.gitignore` gets only the lines it lacks).
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../settings/config-file.ts';
import { CONFIG_SCHEMA_FILE, schemaReference } from '../util/package-files.ts';
import { parseCommandArgs } from './args.ts';
import { exampleRecord } from './example-record.ts';
import type { CommandIO } from './io.ts';
import * as msg from './messages.ts';
import { commentWorkflow, siteWorkflow } from './workflows.ts';

export const INIT_USAGE = [
  'Usage: logbook init [--content <dir>] [--out <dir>] [--title <text>]',
  '',
  'Sets Logbook up in this repository, writing only files that do not exist yet:',
  `  ${CONFIG_FILE}                  settings (content folder, output folder, site URL and base path, title)`,
  '  .github/workflows/logbook.yml        build and publish to GitHub Pages; on pull requests, build and summarize',
  '  .github/workflows/logbook-comment.yml  post the pull-request summary as a comment',
  '  <content>/example-001.md             an example experiment record',
  "  .gitignore                           the output folder and Logbook's cache (lines it lacks are added)",
  '',
  '  --content <dir>   folder of experiment records (default: experiments)',
  '  --out <dir>       folder the site is written to (default: _site)',
  "  --title <text>    site title (default: the repository folder's name)",
  '  -h, --help        show this message',
].join('\n');

/** A GitHub repository's `https://<owner>.github.io` and `/<repo>/`, from its remote URL; undefined for other hosts. */
export function githubPagesLocation(remote: string): { site: string; base: string } | undefined {
  const match = /github\.com[:/]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(remote.trim());
  if (match === null) return undefined;
  const owner = (match[1] ?? '').toLowerCase();
  const repo = match[2] ?? '';
  // A repository named <owner>.github.io is served from the root.
  return repo.toLowerCase() === `${owner}.github.io`
    ? { site: `https://${owner}.github.io`, base: '/' }
    : { site: `https://${owner}.github.io`, base: `/${repo}/` };
}

function originUrl(cwd: string): Promise<string | undefined> {
  return new Promise((done) =>
    execFile('git', ['remote', 'get-url', 'origin'], { cwd }, (error, stdout) => done(error ? undefined : stdout.trim() || undefined)),
  );
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

/** `logbook init`: returns the exit status (0 done, 2 bad usage). */
export async function runInitCommand(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(
    'init',
    args,
    { content: { type: 'string' }, out: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    INIT_USAGE,
    io,
  );
  if (parsed === undefined) return 2;
  if (parsed.values.help === true) {
    io.stdout(`${INIT_USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length > 0) {
    io.stderr(`init: ${msg.unexpectedArgument(parsed.positionals[0] ?? '')}\n\n${INIT_USAGE}\n`);
    return 2;
  }
  const content = parsed.values.content ?? 'experiments';
  const outDir = parsed.values.out ?? '_site';
  const pages = await originUrl(io.cwd).then((url) => (url === undefined ? undefined : githubPagesLocation(url)));
  const config = {
    $schema: schemaReference(io.cwd, CONFIG_SCHEMA_FILE),
    content,
    outDir,
    ...(pages === undefined ? {} : pages),
    title: parsed.values.title ?? basename(resolve(io.cwd)),
  };
  const example = join(content, 'example-001.md');
  const files: [string, string][] = [
    [CONFIG_FILE, `${JSON.stringify(config, null, 2)}\n`],
    [join('.github', 'workflows', 'logbook.yml'), siteWorkflow({ action: './node_modules/logbook', install: 'npm ci' })],
    [join('.github', 'workflows', 'logbook-comment.yml'), commentWorkflow()],
    [example, exampleRecord()],
  ];
  for (const [path, text] of files) {
    const target = resolve(io.cwd, path);
    if (await exists(target)) {
      io.stdout(`${msg.initKept(path)}\n`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, { flag: 'wx' });
    io.stdout(`${msg.initWrote(path)}\n`);
  }
  const ignoreFile = resolve(io.cwd, '.gitignore');
  const existing = await readFile(ignoreFile, 'utf8').catch(() => '');
  const ignored = existing.split(/\r?\n/).map((line) => line.trim());
  const wanted = [`/${outDir.replace(/^\/+|\/+$/g, '')}/`, 'node_modules/'].filter(
    (line) => !ignored.includes(line) && !ignored.includes(line.replace(/^\//, '')),
  );
  if (wanted.length > 0) {
    await appendFile(ignoreFile, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}# Logbook\n${wanted.join('\n')}\n`);
    io.stdout(`${msg.initIgnored(wanted)}\n`);
  }
  // What the written files cannot know: where the site will be, and how the workflow gets Logbook.
  if (pages === undefined) io.stdout(`${msg.initNoPagesAddress()}\n`);
  if (!(await exists(resolve(io.cwd, 'package.json')))) io.stdout(`${msg.initNoPackageJson()}\n`);
  io.stdout(`\n${msg.initNext(content, example)}\n`);
  return 0;
}
