/**
 * `logbook preview` (serves the built site) and `logbook dev` (a live dev server over the records):
 * both run until interrupted.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { devAstroSite, previewAstroSite } from '../site/astro-build.ts';
import { parseCommandArgs } from './args.ts';
import type { CommandIO } from './io.ts';
import * as msg from './messages.ts';
import { commandSettings, shownPath } from './settings.ts';

const SERVER_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const PREVIEW_USAGE = [
  'Usage: logbook preview [--out <dir>] [--base <path>] [--port <n>] [--host <address>] [--config <file>]',
  '',
  'Serves the built site (run "logbook build" first) at http://localhost:4321/ under its base path.',
  '',
  '  --out <dir>        the built site (default: "outDir", $LOGBOOK_OUT_DIR, else dist)',
  '  --base <path>      the base path to serve it under (default: the one it was built for, read from its home page)',
  '  --port <n>         port (default 4321)',
  '  --host <address>   address to listen on (default localhost; 0.0.0.0 for every interface)',
  '  --config <file>    settings file (default: logbook.config.json, when there is one)',
  '  -h, --help         show this message',
].join('\n');

export const DEV_USAGE = [
  'Usage: logbook dev [folder] [--port <n>] [--host <address>] [--config <file>]',
  '',
  'Runs a development server over the records: pages are built on request and rebuilt when a record changes.',
  '',
  '  folder             content folder (default: "content" in logbook.config.json, $LOGBOOK_CONTENT,',
  '                     else content/experiments)',
  '  --port <n>         port (default 4321)',
  '  --host <address>   address to listen on (default localhost)',
  '  --config <file>    settings file (default: logbook.config.json, when there is one)',
  '  -h, --help         show this message',
].join('\n');

function serverOptions(values: { port?: string | undefined; host?: string | undefined }): { port?: number; host?: string } | string {
  const server: { port?: number; host?: string } = {};
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535)
      return `--port must be a port number, got ${JSON.stringify(values.port)}`;
    server.port = Number(values.port);
  }
  if (values.host !== undefined) server.host = values.host;
  return server;
}

/** The base path a built site's pages link under, read from its home page's icon link (`/repo/favicon.svg`); undefined when not found. */
export function builtBase(html: string): string | undefined {
  const href = /<link rel="icon" href="([^"]*)favicon\.svg"/.exec(html)?.[1];
  return href !== undefined && href.startsWith('/') && href.endsWith('/') ? href : undefined;
}

/** `logbook preview`: resolves when the server stops. */
export async function runPreviewCommand(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(
    'preview',
    args,
    { ...SERVER_OPTIONS, out: { type: 'string' }, base: { type: 'string' } },
    PREVIEW_USAGE,
    io,
  );
  if (parsed === undefined) return 2;
  if (parsed.values.help === true) {
    io.stdout(`${PREVIEW_USAGE}\n`);
    return 0;
  }
  const server = serverOptions(parsed.values);
  if (typeof server === 'string' || parsed.positionals.length > 0) {
    io.stderr(
      `preview: ${typeof server === 'string' ? server : msg.unexpectedArgument(parsed.positionals[0] ?? '')}\n\n${PREVIEW_USAGE}\n`,
    );
    return 2;
  }
  const outcome = await commandSettings('preview', io, { outDir: parsed.values.out, base: parsed.values.base }, parsed.values.config);
  if ('exit' in outcome) return outcome.exit;
  const index = join(resolve(io.cwd, outcome.settings.outDir), 'index.html');
  if (!(await stat(index).catch(() => undefined))?.isFile()) {
    io.stderr(`${msg.noSite(shownPath(io, outcome.settings.outDir))}\n`);
    return 1;
  }
  // The site is served where its links point: the base it was built for (a pull request's artifact
  // is built for `/` whatever the config says), unless --base says otherwise.
  const built = parsed.values.base === undefined ? builtBase(await readFile(index, 'utf8')) : undefined;
  const settings = built === undefined || built === outcome.settings.base ? outcome.settings : { ...outcome.settings, base: built };
  if (settings !== outcome.settings)
    io.stderr(`${msg.previewBuiltBase(shownPath(io, outcome.settings.outDir), built ?? '/', outcome.settings.base)}\n`);
  const running = await previewAstroSite(settings, io.cwd, server);
  await running.closed();
  return 0;
}

/** `logbook dev`: runs until interrupted. */
export async function runDevCommand(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs('dev', args, SERVER_OPTIONS, DEV_USAGE, io);
  if (parsed === undefined) return 2;
  if (parsed.values.help === true) {
    io.stdout(`${DEV_USAGE}\n`);
    return 0;
  }
  const server = serverOptions(parsed.values);
  if (typeof server === 'string' || parsed.positionals.length > 1) {
    io.stderr(`dev: ${typeof server === 'string' ? server : msg.unexpectedArgument(parsed.positionals[1] ?? '')}\n\n${DEV_USAGE}\n`);
    return 2;
  }
  const outcome = await commandSettings('dev', io, { content: parsed.positionals[0] }, parsed.values.config);
  if ('exit' in outcome) return outcome.exit;
  await devAstroSite(outcome.settings, io.cwd, server);
  // The dev server keeps the process alive until it is interrupted (Ctrl-C).
  return new Promise<number>(() => undefined);
}
