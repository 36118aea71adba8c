/**
 * `logbook build [folder] [--out <dir>] [--base <path>] [--site <url>]` — validates the records, builds
 * the static site and its search index. Exits 1 when a record has an error (nothing is built) or the
 * build fails, 2 on bad usage.
 */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAstroSite } from '../site/astro-build.ts';
import { CACHE_DIR_HINT, cacheDirProblem, OUT_DIR_HINT, outDirProblem } from '../site/out-dir.ts';
import { buildSearchIndex, type PendingSearchIndex, searchRecordsOf, startSearchIndex } from '../site/search-index.ts';
import { measureArtifactBytes, measureSiteSize, SITE_LIMITS, siteSizeWarning } from '../site/site-size.ts';
import { settingsForSize, type SettingsInput } from '../settings/index.ts';
import { listRecordFiles } from '../content/list.ts';
import { parseCommandArgs } from './args.ts';
import type { CommandIO } from './io.ts';
import * as msg from './messages.ts';
import { commandSettings, shownPath } from './settings.ts';
import { nodeValidateIo, validateContent, type ValidContent } from './validate.ts';

export const BUILD_USAGE = [
  'Usage: logbook build [folder] [--out <dir>] [--base <path>] [--site <url>] [--no-charts] [--verbose] [--config <file>]',
  '                     [--no-static-charts] [--no-compare-pages]',
  '',
  'Validates every record of the folder, then builds the static site and its search index.',
  '',
  '  folder              content folder (default: "content" in logbook.config.json, $LOGBOOK_CONTENT,',
  '                      else content/experiments)',
  '  --out <dir>         where the site is written (default: "outDir", $LOGBOOK_OUT_DIR, else dist)',
  '  --base <path>       base path it is served under, e.g. /repo/ (default: "base", $LOGBOOK_BASE, else /)',
  '  --site <url>        origin it is served from, e.g. https://org.github.io (default: "site", $LOGBOOK_SITE)',
  '  --no-charts         build pages without charts',
  '  --no-static-charts  leave the static SVG charts out: the browser draws them (for very large sites)',
  '  --no-compare-pages  build no page per compared pair: links open the in-browser compare page',
  '  --no-validate       skip the validate step (the build still stops at the first invalid record, listing them all)',
  "  --verbose           print Astro's own progress (a line per page); by default only its warnings and errors",
  '  --config <file>     settings file (default: logbook.config.json, when there is one)',
  '  -h, --help          show this message',
  '',
  'Exit status: 0 built, 1 a record has errors or the build failed, 2 bad arguments.',
].join('\n');

const OPTIONS = {
  out: { type: 'string' },
  base: { type: 'string' },
  site: { type: 'string' },
  'no-charts': { type: 'boolean' },
  'no-static-charts': { type: 'boolean' },
  'no-compare-pages': { type: 'boolean' },
  'no-validate': { type: 'boolean' },
  verbose: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `logbook build`: returns the exit status. */
export async function runBuildCommand(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs('build', args, OPTIONS, BUILD_USAGE, io);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(`${BUILD_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`build: ${msg.unexpectedArgument(positionals[1] ?? '')}\n\n${BUILD_USAGE}\n`);
    return 2;
  }
  const flags: SettingsInput = {
    content: positionals[0],
    outDir: values.out,
    base: values.base,
    site: values.site,
    ...(values['no-charts'] === true ? { charts: false } : {}),
    ...(values['no-static-charts'] === true ? { staticCharts: false } : {}),
    ...(values['no-compare-pages'] === true ? { comparePages: false } : {}),
  };
  const outcome = await commandSettings('build', io, flags, values.config);
  if ('exit' in outcome) return outcome.exit;
  const given = outcome.settings;

  // Before anything is read or written: a build empties its output folder.
  const refused = outDirProblem(given.outDir, given.content, io.cwd);
  if (refused !== undefined) {
    io.stderr(`build: ${refused}\n  hint: ${OUT_DIR_HINT}\n`);
    return 2;
  }
  const cached = cacheDirProblem(given.cacheDir, given, io.cwd);
  if (cached !== undefined) {
    io.stderr(`build: ${cached}\n  hint: ${CACHE_DIR_HINT}\n`);
    return 2;
  }

  const started = performance.now();
  let search: PendingSearchIndex | undefined;
  let experiments: number | undefined;
  if (values['no-validate'] !== true) {
    let valid: ValidContent | undefined;
    const validated = await validateContent(given, nodeValidateIo(given, io), (content) => (valid = content));
    io.stderr(`${msg.stepTime('validated', (performance.now() - started) / 1000)}\n`);
    if (validated !== 0) return validated;
    // The validated records are indexed for search while Astro builds the pages (on the core it leaves).
    if (valid !== undefined) {
      experiments = valid.records.length;
      search = await startSearchIndex(searchRecordsOf(valid.records, valid.analysis));
    }
  }
  // A site too large for its host with every chart drawn and every compare page: see `settingsForSize`.
  experiments ??= await listRecordFiles(given.content).then(
    (listing) => listing.files.length,
    () => 0,
  );
  const { settings, turnedOff } = settingsForSize(given, experiments);
  if (turnedOff.length > 0) io.stderr(`${msg.largeSite(experiments, settings.largeSite, turnedOff)}\n`);

  const outDir = resolve(io.cwd, settings.outDir);
  const siteStarted = performance.now();
  try {
    await buildAstroSite({ ...settings, validated: values['no-validate'] !== true }, io.cwd, { verbose: values.verbose === true });
  } catch (error) {
    await search?.cancel();
    io.stderr(`${msg.buildFailed(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  io.stderr(`${msg.stepTime('site built', (performance.now() - siteStarted) / 1000)}\n`);

  const searchStarted = performance.now();
  try {
    const indexed = await (search === undefined ? buildSearchIndex(outDir) : search.finish(outDir));
    // With the validate step, only the wait for the index (built alongside the pages) is counted here.
    io.stderr(`${msg.stepTime(`search index of ${indexed} experiments built`, (performance.now() - searchStarted) / 1000)}\n`);
  } catch (error) {
    io.stderr(`${msg.buildFailed(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  const size = await measureSiteSize(outDir);
  // Over 1 GB on disk, the Pages artifact (compressed) decides whether deploy-pages takes it: worth a read of the site.
  if (size.bytes > SITE_LIMITS.bytes) size.artifactBytes = await measureArtifactBytes(outDir);
  const warning = siteSizeWarning(size, settings);
  if (warning !== undefined) io.stderr(`logbook: warning: ${warning}\n`);
  io.stderr(`${msg.buildDone((performance.now() - started) / 1000, shownPath(io, settings.outDir))}\n`);
  // A GitHub Actions step tells later steps (the Pages upload) where the site is.
  if (settings.githubOutput !== undefined) await appendFile(settings.githubOutput, `out-dir=${outDir}\n`);
  return 0;
}
