/**
 * `npm run bench:review` — what a reviewer pays to open one experiment (issue #17): Logbook's page
 * against the MLflow UI's run page for the same run, measured side by side in one run.
 *
 * 1. Starts the pinned `mlflow server` (scripts/lib/python-tools.ts: a venv in .cache/interop-venv)
 *    and logs one run shaped like a benchmark record (bench/review/log_run.py: 12 hyperparameters,
 *    100 epochs of losses, accuracies and learning rate, test metrics).
 * 2. Imports that run with `logbook import mlflow <server>` and builds the site, served gzip-encoded
 *    as GitHub Pages serves it.
 * 3. Opens each page in Chromium with a cold cache, a throttled network (Lighthouse's "slow 4G":
 *    150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a 4× slower CPU, and records the time
 *    from navigation start until the first chart is drawn, and the bytes on the wire and requests
 *    until then and until the page has settled (3 s without network activity, at most 30 s past
 *    the first chart: the MLflow UI polls its server). Logbook: the experiment page, whose summary
 *    chart is static SVG. MLflow: the run's "Model metrics" tab, where its charts are.
 *    Each page is loaded `--repeat` times (default 3), alternating; medians count.
 *
 * Writes bench/review.json and prints a Markdown table for bench/README.md.
 * Options: --repeat N, --cpu N (slowdown), --keep (keep the work folder).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/lib/browser.ts';
import { serveStatic } from '../test/e2e/lib/server.ts';
import {
  ensureVenv,
  fail,
  MLFLOW_VERSION,
  NODE_BIN,
  PYTHON,
  QUIET_MLFLOW_ENV,
  ROOT,
  run,
  timedLog,
  startServer,
  stopServer,
  type MlflowServer,
} from './lib/python-tools.ts';

const log = timedLog('bench:review');

/** Lighthouse's "slow 4G" (its default mobile throttling), in bytes per second. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
/** A page has settled after this long with no request started or finished… */
const QUIET_MS = 3_000;
/** …or this long after its first chart. */
const SETTLE_CAP_MS = 30_000;

interface Options {
  repeat: number;
  cpu: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { repeat: 3, cpu: 4, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) fail(`${arg} takes a whole number ≥ 1`);
      return n;
    };
    if (arg === '--repeat') options.repeat = value();
    else if (arg === '--cpu') options.cpu = value();
    else if (arg === '--keep') options.keep = true;
    else fail(`unknown option ${arg ?? ''} (options: --repeat N, --cpu N, --keep)`);
  }
  return options;
}

/** One cold load of a page. */
interface Load {
  /** Bytes on the wire (headers and encoded bodies) and requests, until the first chart is drawn. */
  chartBytes: number;
  chartRequests: number;
  /** Milliseconds from navigation start until the first chart is drawn. */
  chartMs: number;
  /** The same until the page settled (see QUIET_MS). */
  idleBytes: number;
  idleRequests: number;
  /** Bytes of the response bodies once decoded, until settled. */
  idleDecodedBytes: number;
  /** The page never went quiet: counted until SETTLE_CAP_MS after its first chart. */
  capped: boolean;
}

/** A page to load and how to tell that its first chart is drawn (run in the page). */
interface Target {
  name: string;
  url: string;
  chartDrawn: string;
}

async function load(browser: Browser, target: Target, cpu: number): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    let bytes = 0;
    let requests = 0;
    let decoded = 0;
    let lastActivity = Date.now();
    const active = (): number => (lastActivity = Date.now());
    cdp.on('Network.requestWillBeSent', () => ((requests += 1), active()));
    cdp.on('Network.loadingFinished', (event) => ((bytes += event.encodedDataLength), active()));
    cdp.on('Network.dataReceived', (event) => ((decoded += event.dataLength), active()));
    await page.goto(target.url, { waitUntil: 'commit', timeout: 120_000 });
    const drawnAt = await page.waitForFunction(`(${target.chartDrawn}) ? performance.now() : false`, undefined, {
      timeout: 180_000,
      polling: 50,
    });
    const chartMs = Number(await drawnAt.jsonValue());
    const [chartBytes, chartRequests] = [bytes, requests];
    // Settled: no request started or finished for QUIET_MS. (Not Playwright's "networkidle": the
    // MLflow UI polls its server every few seconds, so it is never idle; the page is counted until
    // a quiet spell or SETTLE_CAP_MS after the first chart, whichever comes first.)
    const capAt = Date.now() + SETTLE_CAP_MS;
    while (Date.now() - lastActivity < QUIET_MS && Date.now() < capAt) await new Promise((done) => setTimeout(done, 100));
    return {
      chartBytes,
      chartRequests,
      chartMs,
      idleBytes: bytes,
      idleRequests: requests,
      idleDecodedBytes: decoded,
      capped: Date.now() >= capAt,
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function medianLoad(loads: Load[]): Load {
  const of = (key: Exclude<keyof Load, 'capped'>): number => median(loads.map((l) => l[key]));
  return {
    chartBytes: of('chartBytes'),
    chartRequests: of('chartRequests'),
    chartMs: of('chartMs'),
    idleBytes: of('idleBytes'),
    idleRequests: of('idleRequests'),
    idleDecodedBytes: of('idleDecodedBytes'),
    capped: loads.some((l) => l.capped),
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  ensureVenv();
  const work = mkdtempSync(join(tmpdir(), 'logbook-review-'));
  let server: MlflowServer | undefined;
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(work);
    const env = { ...process.env, ...QUIET_MLFLOW_ENV, PYTHONUNBUFFERED: '1' };
    if (run(PYTHON, [join(ROOT, 'bench', 'review', 'log_run.py'), server.url, join(work, 'run.json')], { cwd: work, env }) !== 0)
      fail('bench/review/log_run.py failed');
    const { experimentId, runId } = JSON.parse(readFileSync(join(work, 'run.json'), 'utf8')) as { experimentId: string; runId: string };
    const content = join(work, 'content');
    const node = join(NODE_BIN, 'node');
    const logbook = join(ROOT, 'bin', 'logbook.js');
    if (run(node, [logbook, 'import', 'mlflow', server.url, '--out', join(content, 'experiments')], { quiet: true }) !== 0)
      fail('logbook import mlflow failed');
    const records = readdirSync(join(content, 'experiments')).filter((f) => f.endsWith('.json'));
    if (records.length !== 1) fail(`expected one imported record, found ${records.length}`);
    const id = (records[0] as string).replace(/\.json$/, '');
    const dist = join(work, 'dist');
    if (run(node, [logbook, 'build', content, '--out', dist], { quiet: true }) !== 0) fail('logbook build failed');
    if (!existsSync(join(dist, 'experiments', id, 'index.html'))) fail(`the build has no page for ${id}`);
    site = await serveStatic(dist, '/', { gzip: true });
    log(`logged run ${runId}; imported as ${id}; serving the site at ${site.url}`);

    const targets: Target[] = [
      {
        name: 'Logbook experiment page',
        url: `${site.url}experiments/${encodeURIComponent(id)}/`,
        // The summary band's static chart: SVG marks laid out in the first screen.
        chartDrawn: `(() => { const svg = document.querySelector('figure.chart .chart-canvas svg'); return svg !== null && svg.querySelector('path') !== null && svg.getBoundingClientRect().height > 0; })()`,
      },
      {
        name: 'MLflow UI run page (Model metrics)',
        url: `${server.url}/#/experiments/${experimentId}/runs/${runId}/model-metrics`,
        // A line of a metric chart drawn (Plotly's scatter trace with a path).
        chartDrawn: `(() => [...document.querySelectorAll('.js-plotly-plot .scatterlayer path.js-line')].some((p) => (p.getAttribute('d') ?? '').length > 10))()`,
      },
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const loads = new Map<string, Load[]>(targets.map((t) => [t.name, []]));
    for (let round = 0; round < options.repeat; round++) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const result = await load(browser, target, options.cpu);
        loads.get(target.name)?.push(result);
        log(
          `${target.name}: first chart ${(result.chartMs / 1000).toFixed(2)} s, ${kb(result.chartBytes)} in ${result.chartRequests} requests; settled ${kb(result.idleBytes)} in ${result.idleRequests}${result.capped ? ` (still loading ${SETTLE_CAP_MS / 1000} s after the chart)` : ''}`,
        );
      }
    }
    const rows = targets.map((t) => ({ page: t.name, ...medianLoad(loads.get(t.name) ?? []) }));
    const report = {
      date: new Date().toISOString(),
      mlflow: MLFLOW_VERSION,
      throttling: { network: 'slow 4G: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up', cpuSlowdown: options.cpu, cache: 'cold' },
      repeat: options.repeat,
      rows,
    };
    writeFileSync(join(ROOT, 'bench', 'review.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      [
        '',
        '| page | first chart drawn | bytes on the wire to it | requests to it | bytes until settled | requests until settled | decoded bytes until settled |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...rows.map(
          (r) =>
            `| ${r.page} | ${(r.chartMs / 1000).toFixed(2)} s | ${kb(r.chartBytes)} | ${r.chartRequests} | ${kb(r.idleBytes)}${r.capped ? ' (never settled: counted 30 s past the chart)' : ''} | ${r.idleRequests} | ${kb(r.idleDecodedBytes)} |`,
        ),
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await browser?.close();
    await site?.close();
    if (server !== undefined) await stopServer(server);
    if (options.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`bench:review: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
