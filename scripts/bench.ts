/**
 * `npm run bench -- --experiments N` — the build benchmark.
 *
 * 1. Generates N records with the deterministic generator (src/generate) into bench/work/n<N>/content.
 * 2. Builds the site the way `npm run build` does (validate → astro build → pagefind), timing each step
 *    and reading its peak RSS from `/usr/bin/time -v`:
 *      cold     — no chart cache and no Astro cache (what a fresh CI runner does);
 *      noCharts — `LOGBOOK_CHARTS=off`, the same pipeline without charts;
 *      warm     — every chart SVG already in the cache the cold build filled (records parsed afresh, as in noCharts);
 *      rebuild  — after changing one record (its name and one training value), cache kept.
 * 3. Measures the cold build's `dist`: pages, charts, size, the gzipped HTML of the median experiment
 *    page, and the JavaScript an experiment page loads up front (initial) and on scroll (lazy).
 * 4. Prints a table, writes bench/results.json and adds a line to the history in bench/README.md.
 *
 * Options: --experiments N (default 1000), --seed S (1), --epochs E (100), --builds a,b,… (default
 * cold,noCharts,warm,rebuild), --repeat R (1: each of cold, noCharts and warm R times, interleaved;
 * the median run counts), --label TEXT (history note), --no-history, --keep (keep bench/work/n<N>),
 * --no-static-charts and --no-compare-pages (build with the settings for very large sites, README
 * "Very large sites"; the history note says so).
 * Benchmarks are never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateRecords, writeRecords } from '../src/generate/index.ts';
import { formatTable, median, pageScripts, scriptGraph } from '../src/generate/measure.ts';
import { formatBytes, measureArtifactBytes, measureSiteSize, type SiteSize } from '../src/site/site-size.ts';

/** Bytes per folder the budget is tracked by: experiments, compare, api, pagefind, and everything else. */
function distFolders(size: SiteSize): Record<'experiments' | 'compare' | 'api' | 'pagefind' | 'other', number> {
  const of = (name: string): number => size.folders.find((f) => f.name === name)?.bytes ?? 0;
  const named = of('experiments') + of('compare') + of('api') + of('pagefind');
  return { experiments: of('experiments'), compare: of('compare'), api: of('api'), pagefind: of('pagefind'), other: size.bytes - named };
}

type BuildName = 'cold' | 'noCharts' | 'warm' | 'rebuild';
const BUILD_NAMES: readonly BuildName[] = ['cold', 'noCharts', 'warm', 'rebuild'];

interface Options {
  experiments: number;
  seed: number;
  epochs: number;
  builds: BuildName[];
  label: string;
  history: boolean;
  keep: boolean;
  repeat: number;
  /** `LOGBOOK_*` settings every build gets (`--no-static-charts`, `--no-compare-pages`). */
  settings: Record<string, string>;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    experiments: 1000,
    seed: 1,
    epochs: 100,
    builds: [...BUILD_NAMES],
    label: '',
    history: true,
    keep: false,
    repeat: 1,
    settings: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--experiments' || arg === '-n') options.experiments = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--epochs') options.epochs = Number(value());
    else if (arg === '--label') options.label = value();
    else if (arg === '--no-history') options.history = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--no-static-charts') options.settings['LOGBOOK_STATIC_CHARTS'] = 'off';
    else if (arg === '--no-compare-pages') options.settings['LOGBOOK_COMPARE_PAGES'] = 'off';
    else if (arg === '--repeat') options.repeat = Number(value());
    else if (arg === '--builds') {
      options.builds = value()
        .split(',')
        .map((b) => {
          const name = BUILD_NAMES.find((n) => n.toLowerCase() === b.trim().toLowerCase());
          if (name === undefined) throw new Error(`unknown build "${b}" (known: ${BUILD_NAMES.join(', ')})`);
          return name;
        });
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.experiments) || options.experiments < 1) throw new Error('--experiments must be a positive integer');
  if (!Number.isInteger(options.repeat) || options.repeat < 1) throw new Error('--repeat must be a positive integer');
  return options;
}

interface StepResult {
  seconds: number;
  /** User + system CPU seconds (less sensitive than wall time to other load on the machine). */
  cpuSeconds: number | null;
  peakRssMB: number | null;
}

interface BuildResult {
  wallSeconds: number;
  validateSeconds: number;
  astroSeconds: number;
  pagefindSeconds: number;
  /** User + system CPU seconds of the three steps. */
  cpuSeconds: number | null;
  peakRssMB: number | null;
  /** With --repeat: the wall time of every run, in order (the figures above are the median run's). */
  runs?: number[];
}

const ROOT = process.cwd();
const NODE = process.execPath;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs one step under `/usr/bin/time -v`; returns its wall time and peak RSS. Throws on failure. */
function runStep(name: string, args: readonly string[], env: Record<string, string>, logFile: string): StepResult {
  const timeFile = `${logFile}.time`;
  const [cmd, cmdArgs] = TIME === undefined ? [NODE, args] : [TIME, ['-v', '-o', timeFile, NODE, ...args]];
  const started = performance.now();
  const result = spawnSync(cmd, cmdArgs, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`${name} failed (exit ${result.status ?? result.signal}); see ${relative(ROOT, logFile)}`);
  let peakRssMB: number | null = null;
  let cpuSeconds: number | null = null;
  if (TIME !== undefined && existsSync(timeFile)) {
    const report = readFileSync(timeFile, 'utf8');
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
    if (kb !== undefined) peakRssMB = Math.round(Number(kb) / 1024);
    const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
    const system = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
    if (user !== undefined && system !== undefined) cpuSeconds = Number(user) + Number(system);
  }
  return { seconds, cpuSeconds, peakRssMB };
}

/** Flushes the page cache's dirty pages (`sync`); a no-op where there is no `sync` command. */
function flushWrites(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

function maxOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

/** The seconds `logbook build` reports for one of its steps ("logbook: <step> in 12.3 s"). */
function stepSeconds(output: string, step: RegExp): number {
  const match = new RegExp(`^logbook: ${step.source} in ([\\d.]+) s$`, 'm').exec(output);
  if (match === null) throw new Error(`logbook build printed no time for ${step.source}`);
  return Number(match[1]);
}

/** The settings every build of this run gets (see `Options.settings`); set once the arguments are read. */
let buildSettings: Record<string, string> = {};

/** The history note's prefix naming the settings for very large sites the run used. */
function settingsNote(settings: Record<string, string>): string {
  const names = Object.keys(settings).map(
    (key) => ({ LOGBOOK_STATIC_CHARTS: 'staticCharts off', LOGBOOK_COMPARE_PAGES: 'comparePages off' })[key] ?? key,
  );
  return names.length === 0 ? '' : `${names.join(', ')}: `;
}

/**
 * `logbook build` (validate → Astro → search index), as `npm run build` runs it, into its own folder
 * (`dist-<name>`, emptied first), or into `outName`'s: Astro's incremental cache holds only for the
 * output path it was written for, as on a CI runner that builds into `dist` every time.
 */
function build(name: BuildName, work: string, content: string, env: Record<string, string>, outName: string = name): BuildResult {
  const dist = join(work, `dist-${outName}`);
  rmSync(dist, { recursive: true, force: true });
  const base = { LOGBOOK_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', TZ: 'UTC', ...buildSettings, ...env };
  // Every build starts with nothing left to write back to disk: otherwise the build after the
  // generator (or after a build that wrote 350 MB) pays for the previous step's writes.
  flushWrites();
  log(`${name}: building…`);
  const logFile = join(work, `${name}-build.log`);
  const run = runStep(`${name} build`, ['bin/logbook.js', 'build', '--out', dist], base, logFile);
  const output = readFileSync(logFile, 'utf8');
  const result = {
    wallSeconds: round(run.seconds, 2),
    validateSeconds: stepSeconds(output, /validated/),
    astroSeconds: stepSeconds(output, /site built/),
    pagefindSeconds: stepSeconds(output, /search index of \d+ experiments built/),
    cpuSeconds: run.cpuSeconds === null ? null : round(run.cpuSeconds, 2),
    peakRssMB: run.peakRssMB,
  };
  log(
    `${name}: ${result.wallSeconds} s (astro ${result.astroSeconds} s, CPU ${result.cpuSeconds ?? '?'} s), peak RSS ${result.peakRssMB ?? '?'} MB`,
  );
  return result;
}

/** The run with the median wall time (the lower middle one of an even count). */
function medianRun(list: readonly BuildResult[]): BuildResult {
  const sorted = [...list].sort((x, y) => x.wallSeconds - y.wallSeconds);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)] as BuildResult;
  return list.length > 1 ? { ...middle, runs: list.map((r) => r.wallSeconds) } : middle;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

interface DistMeasures {
  pages: number;
  charts: number;
  /** The site's size: bytes, files, and per top-level folder. */
  size: SiteSize;
  medianPage: string;
  medianPageBytes: number;
  medianPageGzipBytes: number;
  /** The largest HTML page of any kind (an overview grows with the experiments it lists; see the pageSize setting). */
  largestPage: string;
  largestPageBytes: number;
  largestPageGzipBytes: number;
  initialJs: string[];
  initialJsBytes: number;
  initialJsGzipBytes: number;
  lazyJs: string[];
  lazyJsBytes: number;
  lazyJsGzipBytes: number;
}

function gzipSize(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

async function measureDist(dist: string): Promise<DistMeasures> {
  const files = walk(dist);
  const html = files.filter((f) => f.endsWith('.html'));
  const experimentPages = html.filter((f) => /[/\\]experiments[/\\][^/\\]+[/\\]index\.html$/.test(f));
  let charts = 0;
  // Sizes only: holding every page's text at 10,000 experiments would exhaust the heap.
  const sized = experimentPages.map((file) => {
    const text = readFileSync(file, 'utf8');
    charts += text.match(/<figure class="chart"/g)?.length ?? 0;
    return { file, bytes: Buffer.byteLength(text), gzip: gzipSize(text) };
  });
  const mid = median(sized.map((s) => s.gzip));
  const found = sized.find((s) => s.gzip === mid);
  const page = found === undefined ? undefined : { ...found, text: readFileSync(found.file, 'utf8') };
  const read = (path: string): string | undefined => {
    const file = join(dist, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const graph = page === undefined ? { initial: [], lazy: [] } : scriptGraph(pageScripts(page.text), read);
  const inline = page === undefined ? [] : pageScripts(page.text).inline;
  const bytes = (paths: readonly string[], extra: readonly string[] = []): { raw: number; gzip: number } => {
    const texts = [...paths.map((p) => read(p) ?? ''), ...extra];
    return { raw: texts.reduce((a, t) => a + Buffer.byteLength(t), 0), gzip: texts.reduce((a, t) => a + (t === '' ? 0 : gzipSize(t)), 0) };
  };
  const initial = bytes(graph.initial, inline);
  const lazy = bytes(graph.lazy);
  let largest = { file: '', bytes: 0 };
  for (const file of html) {
    const size = statSync(file).size;
    if (size > largest.bytes) largest = { file, bytes: size };
  }
  return {
    pages: html.length,
    charts,
    size: { ...(await measureSiteSize(dist)), artifactBytes: await measureArtifactBytes(dist) },
    medianPage: page === undefined ? '' : relative(dist, page.file),
    medianPageBytes: page?.bytes ?? 0,
    medianPageGzipBytes: mid,
    largestPage: largest.file === '' ? '' : relative(dist, largest.file),
    largestPageBytes: largest.bytes,
    largestPageGzipBytes: largest.file === '' ? 0 : gzipSize(readFileSync(largest.file)),
    initialJs: graph.initial,
    initialJsBytes: initial.raw,
    initialJsGzipBytes: initial.gzip,
    lazyJs: graph.lazy,
    lazyJsBytes: lazy.raw,
    lazyJsGzipBytes: lazy.gzip,
  };
}

/** Changes one record the way an author would: a new name and one corrected training value. */
function changeOneRecord(content: string): string {
  const files = readdirSync(content)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const file = join(content, files[Math.floor(files.length / 2)] as string);
  const record = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; training?: { history?: Record<string, number>[] } };
  record.name = `${record.name ?? ''} (revised)`;
  const last = record.training?.history?.at(-1);
  if (last !== undefined && typeof last['Train Loss'] === 'number') last['Train Loss'] = round(last['Train Loss'] * 1.01, 4);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return relative(ROOT, file);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number | null): string => (n === null ? 'n/a' : `${n} MB`);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  buildSettings = options.settings;
  const n = options.experiments;
  const work = join(ROOT, 'bench', 'work', `n${n}`);
  const content = join(work, 'content');
  const chartCache = join(work, 'cache');
  rmSync(work, { recursive: true, force: true });
  if (TIME === undefined) log('/usr/bin/time not found (apt-get install -y time): peak RSS will be n/a');

  const started = performance.now();
  const records = generateRecords({ count: n, seed: options.seed, epochs: options.epochs });
  await writeRecords(content, records, { schemaPath: relative(content, join(ROOT, 'public', 'schema', 'experiment.schema.json')) });
  const generateSeconds = round((performance.now() - started) / 1000, 2);
  log(`generated ${n} records in ${generateSeconds} s`);

  const builds: Partial<Record<BuildName, BuildResult>> = {};
  let measures: DistMeasures | undefined;
  let changed: string | undefined;
  // Each build state gets its own Astro cache folder, so "cold" really starts from nothing.
  const astroCache = (name: string): Record<string, string> => ({ LOGBOOK_ASTRO_CACHE_DIR: join(work, `astro-${name}`) });
  // With --repeat N, cold, no-chart and warm builds run N times, interleaved (one of each per round,
  // so a slow minute on a shared machine hits all three), and each figure is the median run's.
  const runs: Partial<Record<BuildName, BuildResult[]>> = {};
  const record = (name: BuildName, result: BuildResult): void => {
    (runs[name] ??= []).push(result);
  };
  for (let round = 1; round <= options.repeat; round++) {
    if (options.repeat > 1) log(`round ${round} of ${options.repeat}`);
    for (const name of options.builds) {
      if (name === 'cold') {
        rmSync(chartCache, { recursive: true, force: true });
        rmSync(join(work, 'astro-cold'), { recursive: true, force: true });
        record('cold', build('cold', work, content, { LOGBOOK_CACHE_DIR: chartCache, ...astroCache('cold') }));
        measures ??= await measureDist(join(work, 'dist-cold'));
      } else if (name === 'noCharts') {
        rmSync(join(work, 'cache-off'), { recursive: true, force: true });
        rmSync(join(work, 'astro-noCharts'), { recursive: true, force: true });
        record(
          'noCharts',
          build('noCharts', work, content, {
            LOGBOOK_CHARTS: 'off',
            LOGBOOK_CACHE_DIR: join(work, 'cache-off'),
            ...astroCache('noCharts'),
          }),
        );
      } else if (name === 'warm') {
        if (!existsSync(join(chartCache, 'charts'))) log('warm: the chart cache is empty (run the cold build first)');
        // Only the charts are cached: parsed records are not, as in the no-chart build it is compared with.
        rmSync(join(chartCache, 'records'), { recursive: true, force: true });
        rmSync(join(work, 'astro-warm'), { recursive: true, force: true });
        record('warm', build('warm', work, content, { LOGBOOK_CACHE_DIR: chartCache, ...astroCache('warm') }));
        measures ??= await measureDist(join(work, 'dist-warm'));
      } else if (round === options.repeat) {
        changed = changeOneRecord(content);
        log(`rebuild: changed ${changed}`);
        // Same caches as the build before it (chart SVGs and Astro's), as on a CI runner that keeps them.
        const previous = existsSync(join(work, 'astro-warm')) ? 'warm' : 'cold';
        record('rebuild', build('rebuild', work, content, { LOGBOOK_CACHE_DIR: chartCache, ...astroCache(previous) }, previous));
      }
    }
  }
  for (const name of BUILD_NAMES) {
    const list = runs[name];
    if (list !== undefined) builds[name] = medianRun(list);
  }

  const ratio = (a: BuildResult | undefined, b: BuildResult | undefined): number | null =>
    a === undefined || b === undefined ? null : round(a.wallSeconds / b.wallSeconds, 2);
  const cpuRatio = (a: BuildResult | undefined, b: BuildResult | undefined): number | null =>
    a?.cpuSeconds === null || a?.cpuSeconds === undefined || b?.cpuSeconds === null || b?.cpuSeconds === undefined
      ? null
      : round(a.cpuSeconds / b.cpuSeconds, 2);
  const perThousand = (b: BuildResult | undefined): number | null =>
    b === undefined || measures === undefined || measures.pages === 0 ? null : round((b.wallSeconds / measures.pages) * 1000, 2);
  const results = {
    date: new Date().toISOString(),
    label: settingsNote(options.settings) + options.label,
    settings: options.settings,
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? '',
      memoryGB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    experiments: n,
    seed: options.seed,
    epochs: options.epochs,
    generateSeconds,
    pages: measures?.pages ?? null,
    charts: measures?.charts ?? null,
    distBytes: measures?.size.bytes ?? null,
    distFiles: measures?.size.files ?? null,
    artifactBytes: measures?.size.artifactBytes ?? null,
    bytesPerExperiment: measures === undefined ? null : Math.round(measures.size.bytes / n),
    filesPerExperiment: measures === undefined ? null : round(measures.size.files / n, 2),
    distFolders: measures === undefined ? null : distFolders(measures.size),
    full: builds.cold ?? null,
    noCharts: builds.noCharts ?? null,
    warm: builds.warm ?? null,
    rebuild: builds.rebuild === undefined ? null : { ...builds.rebuild, changed },
    ratio: ratio(builds.cold, builds.noCharts),
    cpuRatio: cpuRatio(builds.cold, builds.noCharts),
    warmCpuRatio: cpuRatio(builds.warm, builds.noCharts),
    warmRatio: ratio(builds.warm, builds.noCharts),
    rebuildOneSeconds: builds.rebuild?.wallSeconds ?? null,
    secondsPer1000Pages: { full: perThousand(builds.cold), noCharts: perThousand(builds.noCharts), warm: perThousand(builds.warm) },
    peakRssMB: maxOrNull(Object.values(builds).map((b) => b.peakRssMB)),
    medianPage: measures?.medianPage ?? null,
    medianPageBytes: measures?.medianPageBytes ?? null,
    medianPageGzipBytes: measures?.medianPageGzipBytes ?? null,
    largestPage: measures?.largestPage ?? null,
    largestPageBytes: measures?.largestPageBytes ?? null,
    largestPageGzipBytes: measures?.largestPageGzipBytes ?? null,
    initialJs: measures?.initialJs ?? null,
    initialJsBytes: measures?.initialJsBytes ?? null,
    initialJsGzipBytes: measures?.initialJsGzipBytes ?? null,
    lazyJs: measures?.lazyJs ?? null,
    lazyJsBytes: measures?.lazyJsBytes ?? null,
    lazyJsGzipBytes: measures?.lazyJsGzipBytes ?? null,
  };

  const line = (b: BuildResult | undefined): string =>
    b === undefined
      ? 'not run'
      : `${b.wallSeconds} s (validate ${b.validateSeconds}, astro ${b.astroSeconds}, pagefind ${b.pagefindSeconds}; CPU ${b.cpuSeconds ?? 'n/a'} s), peak RSS ${mb(b.peakRssMB)}`;
  process.stdout.write(
    `${formatTable([
      ['records', String(n)],
      ['pages', String(results.pages ?? 'n/a')],
      ['charts', String(results.charts ?? 'n/a')],
      ['cold full build', line(builds.cold)],
      ['no-chart build', line(builds.noCharts)],
      ['warm build (charts cached)', line(builds.warm)],
      ['rebuild, one record changed', line(builds.rebuild)],
      [
        's per 1,000 pages (cold / no charts / warm)',
        `${results.secondsPer1000Pages.full ?? 'n/a'} / ${results.secondsPer1000Pages.noCharts ?? 'n/a'} / ${results.secondsPer1000Pages.warm ?? 'n/a'}`,
      ],
      ['cold ÷ no-chart (wall; CPU)', `${results.ratio ?? 'n/a'}; ${results.cpuRatio ?? 'n/a'}`],
      ['warm ÷ no-chart (wall; CPU)', `${results.warmRatio ?? 'n/a'}; ${results.warmCpuRatio ?? 'n/a'}`],
      ['peak RSS', mb(results.peakRssMB)],
      [
        'dist size',
        measures === undefined
          ? 'n/a'
          : `${formatBytes(measures.size.bytes)} in ${measures.size.files.toLocaleString('en-US')} files; per experiment ${formatBytes(
              results.bytesPerExperiment ?? 0,
            )}, ${results.filesPerExperiment ?? 0} files; ${formatBytes(results.artifactBytes ?? 0)} as a Pages artifact (tar, deflated)`,
      ],
      [
        'dist by folder',
        results.distFolders === null
          ? 'n/a'
          : Object.entries(results.distFolders)
              .map(([name, bytes]) => `${name} ${formatBytes(bytes)}`)
              .join(', '),
      ],
      [
        'median experiment page',
        measures === undefined
          ? 'n/a'
          : `${kb(measures.medianPageBytes)}, ${kb(measures.medianPageGzipBytes)} gzipped (${measures.medianPage})`,
      ],
      [
        'largest page',
        measures === undefined
          ? 'n/a'
          : `${kb(measures.largestPageBytes)}, ${kb(measures.largestPageGzipBytes)} gzipped (${measures.largestPage})`,
      ],
      [
        'initial JS',
        measures === undefined
          ? 'n/a'
          : `${kb(measures.initialJsBytes)}, ${kb(measures.initialJsGzipBytes)} gzipped (${measures.initialJs.length} files)`,
      ],
      [
        'lazy JS',
        measures === undefined
          ? 'n/a'
          : `${kb(measures.lazyJsBytes)}, ${kb(measures.lazyJsGzipBytes)} gzipped (${measures.lazyJs.length} files)`,
      ],
    ])}\n`,
  );

  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (options.history) appendHistory(results);
  if (!options.keep) {
    // Keep the chart cache and logs small enough to inspect; drop the big build outputs.
    for (const name of BUILD_NAMES) rmSync(join(work, `dist-${name}`), { recursive: true, force: true });
  }
}

/** Adds one row to the history table of bench/README.md (between the HISTORY markers), newest first, at most 30 rows. */
function appendHistory(r: {
  date: string;
  label: string;
  experiments: number;
  pages: number | null;
  charts: number | null;
  full: BuildResult | null;
  noCharts: BuildResult | null;
  warm: BuildResult | null;
  ratio: number | null;
  warmRatio: number | null;
  rebuildOneSeconds: number | null;
  peakRssMB: number | null;
  medianPageGzipBytes: number | null;
  initialJsGzipBytes: number | null;
  lazyJsGzipBytes: number | null;
  distBytes: number | null;
  distFiles: number | null;
  artifactBytes: number | null;
}): void {
  const file = join(ROOT, 'bench', 'README.md');
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- HISTORY:START -->');
  const end = text.indexOf('<!-- HISTORY:END -->');
  if (start < 0 || end < start) return;
  const v = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : String(x));
  const k = (x: number | null): string => (x === null ? '–' : (x / 1024).toFixed(1));
  const row = `| ${r.date.slice(0, 16).replace('T', ' ')} | ${r.experiments} | ${v(r.pages)} | ${v(r.charts)} | ${v(r.full?.wallSeconds)} | ${v(r.noCharts?.wallSeconds)} | ${v(r.warm?.wallSeconds)} | ${v(r.ratio)} | ${v(r.warmRatio)} | ${v(r.rebuildOneSeconds)} | ${v(r.peakRssMB)} | ${k(r.medianPageGzipBytes)} | ${k(r.initialJsGzipBytes)} | ${k(r.lazyJsGzipBytes)} | ${r.distBytes === null ? '–' : (r.distBytes / 2 ** 20).toFixed(0)} | ${v(r.distFiles)} | ${r.artifactBytes === null ? '–' : (r.artifactBytes / 2 ** 20).toFixed(0)} | ${r.label.replace(/\|/g, '/')} |`;
  const block = text.slice(start, end).split('\n');
  const header = block.slice(0, 3);
  const rows = block.slice(3).filter((l) => l.startsWith('|'));
  const next = [...header, row, ...rows.slice(0, 29), ''].join('\n');
  writeFileSync(file, text.slice(0, start) + next + text.slice(end));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
