/**
 * `logbook summary --base <git-ref> [folder] [--format md|json] [--site <url>]` — prints a
 * report of the experiment records added, modified or renamed since `<git-ref>` (Markdown for a
 * pull-request comment, or JSON), on stdout; progress on stderr.
 *
 * What counts as changed: the net change from the merge base of `<git-ref>` and HEAD to the working
 * tree — `git diff --name-status -M <merge-base>` (what `git diff <git-ref>...HEAD` shows, plus staged
 * and unstaged edits) plus untracked files — limited to record files (`**\/*.{json,md}`) in the content
 * folder. In CI the working tree is clean, so this is exactly the pull request's change; locally it
 * previews the comment before you commit. Renames count as changed; deleted files are listed as removed.
 * The analysis loads every record of the folder (lineage and baselines need them).
 *
 * Exit status: 0 when the report was printed (also when records fail validation: the report shows
 * their diagnostics; `npm run validate` is the gate), 1 when this is not a git repository, the base
 * ref does not exist, the folder is missing, or anything else fails (then, with `--format md`, a
 * short report saying so is printed too, so a pull-request comment is never empty), 2 on bad arguments.
 *
 * Pipeline: git → changed files → loadRecords (all) → buildSummary (analyzeCollection) → render.
 */

import { execFile } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadRecords, nodeLoadEffects, type LoadEffects } from '../content/load.ts';
import { parseSource } from '../ingest/parse-source.ts';
import { parseSummaryArgs } from '../summary/args.ts';
import { buildSummary, rawIdentity, type RawIdentity } from '../summary/build.ts';
import { parseNameStatus, parsePathList, toContentChanges, type RepoChange } from '../summary/changes.ts';
import { renderJson } from '../summary/json.ts';
import { resolveSite } from '../summary/links.ts';
import { renderFailure, renderMarkdown } from '../summary/markdown.ts';
import * as msg from '../summary/messages.ts';
import type { Settings } from '../settings/index.ts';
import type { CommandIO } from './io.ts';
import { commandSettings } from './settings.ts';
import type { RemovedExperiment } from '../summary/types.ts';

/** The outcome of one git command. `status` is 127 with `notFound` when git could not be started. */
export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
  notFound?: boolean;
}

/** What the command touches, injectable for tests. */
export interface SummaryIo {
  /** Working directory: where git is asked for the repository and relative folders are resolved. */
  cwd: string;
  /** Writes the report (the whole text, newline included). */
  stdout: (text: string) => void;
  /** Writes one line of progress or error. */
  stderr: (line: string) => void;
  /** Runs `git <args>` in `cwd`. Never rejects. */
  git: (args: readonly string[], cwd: string) => Promise<GitResult>;
  isDirectory: (path: string) => Promise<boolean>;
  /** The canonical absolute path (symlinks resolved). */
  realpath: (path: string) => Promise<string>;
  /** Reads the records (and, for files that fail validation, their text). */
  effects: LoadEffects;
}

/** Runs the real git, with output as UTF-8 and no pager, prompts or colour. */
export function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((resolvePromise) => {
    execFile(
      'git',
      ['-c', 'color.ui=false', '-c', 'core.quotePath=false', ...args],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          resolvePromise({ status: 127, stdout: '', stderr: error.message, notFound: true });
          return;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ status: code, stdout, stderr });
      },
    );
  });
}

/** The real git and file system, printing through `io`. */
export function nodeSummaryIo(io: CommandIO): SummaryIo {
  return {
    cwd: io.cwd,
    stdout: (text) => io.stdout(text),
    stderr: (line) => io.stderr(`${line}\n`),
    git: runGit,
    isDirectory: async (path) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false,
    realpath: (path) => realpath(path),
    effects: nodeLoadEffects,
  };
}

/** A failure that ends the command with exit status 1 and one line on stderr. */
class Fatal extends Error {}

async function git(io: SummaryIo, args: readonly string[], cwd: string, onFailure: (r: GitResult) => string): Promise<string> {
  const result = await io.git(args, cwd);
  if (result.notFound === true) throw new Fatal(msg.gitNotFound());
  if (result.status !== 0) throw new Fatal(onFailure(result));
  return result.stdout;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** Runs the command; returns the exit status (0 report printed, 1 git or folder problem, 2 bad usage). */
export async function runSummary(args: readonly string[], settings: Settings, io: SummaryIo): Promise<number> {
  const parsed = parseSummaryArgs(args);
  if (parsed.kind === 'help') {
    io.stdout(`${msg.usage()}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(parsed.error);
    io.stderr(msg.usage());
    return 2;
  }
  const { options } = parsed;
  const dir = options.dir ?? settings.content;
  const { site, ignoredSite } = resolveSite(options.site, settings);
  if (ignoredSite !== undefined) io.stderr(msg.ignoredEnvSite(ignoredSite));

  try {
    const top = firstLine(await git(io, ['rev-parse', '--show-toplevel'], io.cwd, () => msg.notGitRepository(io.cwd)));
    if (top === '') throw new Fatal(msg.notGitRepository(io.cwd));
    const absoluteDir = resolve(io.cwd, dir);
    if (!(await io.isDirectory(absoluteDir))) throw new Fatal(msg.folderNotFound(dir));
    const dirFromRoot = relative(await io.realpath(top), await io.realpath(absoluteDir));
    if (dirFromRoot === '..' || dirFromRoot.startsWith(`..${sep}`) || isAbsolute(dirFromRoot))
      throw new Fatal(msg.folderOutsideRepository(dir));
    const pathspec = dirFromRoot === '' ? '.' : dirFromRoot.split(sep).join('/');

    await git(io, ['rev-parse', '--verify', '--quiet', `${options.base}^{commit}`], top, () => msg.baseNotFound(options.base));
    const mergeBase = firstLine(await git(io, ['merge-base', options.base, 'HEAD'], top, () => msg.noMergeBase(options.base)));
    const failed = (command: string) => (r: GitResult) => msg.gitFailed(command, firstLine(r.stderr) || `exit status ${r.status}`);
    const diff = await git(
      io,
      ['--literal-pathspecs', 'diff', '--name-status', '-z', '-M', '--no-ext-diff', mergeBase, '--', pathspec],
      top,
      failed('diff'),
    );
    const untracked = await git(
      io,
      ['--literal-pathspecs', 'ls-files', '--others', '--exclude-standard', '-z', '--', pathspec],
      top,
      failed('ls-files'),
    );
    const repoChanges: RepoChange[] = [
      ...parseNameStatus(diff),
      ...parsePathList(untracked).map((path) => ({ kind: 'added' as const, path })),
    ];
    const changes = toContentChanges(repoChanges, pathspec === '.' ? '' : pathspec, dir);

    const { records, diagnostics, read } = await loadRecords(dir, io.effects);
    const loadedFiles = new Set(records.map((r) => r.file));
    const rawIdentities = new Map<string, RawIdentity>();
    for (const change of changes) {
      // Only files the loader read: never a link leading out of the folder, never a file past the size limit.
      if (change.kind === 'removed' || loadedFiles.has(change.file) || !read.has(change.file)) continue;
      const text = await io.effects.readFile(change.file).catch(() => undefined);
      if (text !== undefined) rawIdentities.set(change.file, rawIdentity(parseSource(text, { file: change.file })));
    }
    const removed: RemovedExperiment[] = [];
    for (const change of changes.filter((c) => c.kind === 'removed')) {
      const old = await io.git(['show', `${mergeBase}:${change.repoPath}`], top);
      const id = old.status === 0 ? rawIdentity(parseSource(old.stdout, { file: change.file })).id : null;
      removed.push({ id, file: change.file });
    }

    const changedCount = changes.length - removed.length;
    io.stderr(msg.progress(dir, options.base, mergeBase, changedCount, removed.length, records.length));
    const summary = buildSummary({
      base: options.base,
      mergeBase,
      site,
      changes,
      removed,
      records,
      diagnostics,
      rawIdentities,
      runUrl: options.runUrl,
    });
    io.stdout(options.format === 'json' ? renderJson(summary) : renderMarkdown(summary));
    return 0;
  } catch (error) {
    // One line on stderr, and a report that says so on stdout: the workflow never posts an empty comment.
    const problem = error instanceof Fatal ? error.message : msg.unexpectedFailure(error instanceof Error ? error.message : String(error));
    io.stderr(problem);
    if (options.format === 'md') io.stdout(renderFailure(problem));
    return 1;
  }
}

/** `logbook summary`: the settings from the config file and the environment, then `runSummary`. */
export async function runSummaryCommand(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseSummaryArgs(args);
  if (parsed.kind === 'help') {
    io.stdout(`${msg.usage()}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.error}\n${msg.usage()}\n`);
    return 2;
  }
  const outcome = await commandSettings('summary', io, {}, parsed.options.config);
  if ('exit' in outcome) return outcome.exit;
  return runSummary(args, outcome.settings, nodeSummaryIo(io));
}
