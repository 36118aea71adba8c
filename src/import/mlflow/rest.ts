import { z } from 'zod';
import { IMPORT_LIMITS } from '../../ingest/limits.ts';
import { stripTerminalCodes } from '../../util/log-text.ts';
import { pushAll } from '../../util/arrays.ts';
import { ImportError } from '../messages.ts';
import { messages } from './messages.ts';
import { decodeMetricValue, parseInteger, readRunStatus } from './model.ts';
import type { MetricPoint } from '../history.ts';
import type { MlflowExperiment, MlflowReader, MlflowRun } from './model.ts';

/** Credentials for a tracking server, as MLflow's own client reads them from the environment. */
export interface RestCredentials {
  /** `MLFLOW_TRACKING_TOKEN`: sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** `MLFLOW_TRACKING_USERNAME` / `MLFLOW_TRACKING_PASSWORD`: HTTP basic auth, when no token is set. */
  username?: string | undefined;
  password?: string | undefined;
}

export interface RestOptions extends RestCredentials {
  /** Injectable for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Per-request timeout in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Metric histories fetched at once (default 8). */
  concurrency?: number;
  /** Lower bounds than `IMPORT_LIMITS` (tests). */
  limits?: Partial<ImportLimits>;
}

type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

/**
 * Reads a live MLflow tracking server through REST API 2.0: `experiments/search` and
 * `runs/search` (both paginated with `page_token`, active only) and `metrics/get-history`
 * for every metric of every run. `baseUrl` is the server root, e.g. `http://127.0.0.1:5000`.
 *
 * Bounded (`IMPORT_LIMITS`): an answer is read only up to `responseBytes` (streamed, then the
 * connection is dropped), the whole import up to `totalBytes`, a listing up to `pages` pages (and
 * never past a page token seen before), and up to `runs` runs; past any of them, an `ImportError`.
 */
export function openRestStore(baseUrl: string, options: RestOptions = {}): MlflowReader {
  let root: URL;
  try {
    root = new URL(baseUrl);
  } catch {
    throw messages.badUrl();
  }
  if (root.protocol !== 'http:' && root.protocol !== 'https:') throw messages.badUrl();
  const base = root.href.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  let bytesRead = 0;
  let runsFound = 0;

  /** The body as text, read no further than `limits.responseBytes`. */
  async function readBody(response: Response, endpoint: string): Promise<string> {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.responseBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw messages.responseTooLarge(endpoint, limits.responseBytes);
    }
    const reader = response.body?.getReader();
    if (reader === undefined) return '';
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.responseBytes) {
        await reader.cancel().catch(() => undefined);
        throw messages.responseTooLarge(endpoint, limits.responseBytes);
      }
      chunks.push(value);
    }
    bytesRead += size;
    if (bytesRead > limits.totalBytes) throw messages.importTooLarge(limits.totalBytes);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Calls `page(token)` for every page of a listing, following `next_page_token` within the limits. */
  async function paginate<P extends { next_page_token?: string | null | undefined }>(
    endpoint: string,
    page: (token: string | undefined) => Promise<P>,
    each: (page: P) => void,
  ): Promise<void> {
    const seen = new Set<string>();
    let token: string | undefined;
    for (let pages = 1; ; pages++) {
      const answer = await page(token);
      each(answer);
      token = nextToken(answer.next_page_token);
      if (token === undefined) return;
      if (seen.has(token)) throw messages.repeatedPageToken(endpoint);
      seen.add(token);
      if (pages >= limits.pages) throw messages.tooManyPages(endpoint, limits.pages);
    }
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasCredentials = Boolean(options.token) || Boolean(options.username);
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  else if (options.username)
    headers['authorization'] = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;

  async function call<T>(endpoint: string, schema: z.ZodType<T>, init: { body?: unknown; query?: Record<string, string> }): Promise<T> {
    const url = new URL(`${base}/api/2.0/mlflow/${endpoint}`);
    for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
    let response: Response;
    try {
      response = await doFetch(url, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers: init.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw messages.serverUnreachable(networkReason(error, timeoutMs));
    }
    const text = await readBody(response, endpoint).catch((error: unknown) => {
      if (error instanceof ImportError) throw error;
      return '';
    });
    if (response.status === 401 || response.status === 403) throw messages.serverUnauthorized(response.status, hasCredentials);
    if (response.status === 404 || response.status === 405) throw messages.serverNotMlflow(endpoint, response.status);
    if (!response.ok) throw messages.serverError(endpoint, response.status, errorDetail(text));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw messages.serverBadAnswer(endpoint, 'not JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw messages.serverBadAnswer(endpoint, parsed.error.issues[0]?.message ?? 'unexpected shape');
    return parsed.data;
  }

  async function metricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    const points: MetricPoint[] = [];
    await paginate(
      'metrics/get-history',
      (pageToken) =>
        call('metrics/get-history', HistoryPage, {
          query: { run_id: runId, metric_key: key, max_results: '25000', ...(pageToken === undefined ? {} : { page_token: pageToken }) },
        }),
      (page) => {
        for (const metric of page.metrics ?? []) {
          const value = decodeMetricValue(metric.value);
          points.push({ step: parseInteger(metric.step) ?? 0, timestamp: parseInteger(metric.timestamp) ?? 0, value: value ?? Number.NaN });
        }
      },
    );
    return points;
  }

  const warnings: string[] = [];
  return {
    kind: 'rest',
    warnings,
    async listExperiments() {
      const experiments: MlflowExperiment[] = [];
      await paginate(
        'experiments/search',
        (pageToken) =>
          call('experiments/search', ExperimentsPage, {
            body: { max_results: 1000, view_type: 'ACTIVE_ONLY', ...(pageToken === undefined ? {} : { page_token: pageToken }) },
          }),
        (page) => {
          for (const experiment of page.experiments ?? []) {
            if (experiment.lifecycle_stage === 'deleted') continue;
            experiments.push({ id: String(experiment.experiment_id), name: experiment.name });
          }
        },
      );
      return experiments;
    },
    async listRuns(experiment) {
      const found: z.output<typeof RunSchema>[] = [];
      await paginate(
        'runs/search',
        (pageToken) =>
          call('runs/search', RunsPage, {
            body: {
              experiment_ids: [experiment.id],
              max_results: 1000,
              run_view_type: 'ACTIVE_ONLY',
              ...(pageToken === undefined ? {} : { page_token: pageToken }),
            },
          }),
        (page) => {
          runsFound += page.runs?.length ?? 0;
          if (runsFound > limits.runs) throw messages.tooManyRuns(limits.runs);
          pushAll(found, page.runs ?? []);
        },
      );

      const runs: MlflowRun[] = [];
      for (const run of found) {
        if (run.info.lifecycle_stage === 'deleted') continue;
        const runId = run.info.run_id ?? run.info.run_uuid ?? '';
        const keys = [...new Set((run.data?.metrics ?? []).map((metric) => metric.key))].sort();
        const histories = await mapPool(keys, options.concurrency ?? 8, (key) => metricHistory(runId, key));
        // Keys are user data (`__proto__`, `constructor`): no prototype to collide with.
        const metrics = Object.create(null) as Record<string, MetricPoint[]>;
        keys.forEach((key, index) => (metrics[key] = histories[index] ?? []));
        const tags = pairs(run.data?.tags);
        runs.push({
          runId,
          experiment,
          name: run.info.run_name || tags['mlflow.runName'],
          status: readRunStatus(run.info.status, runId, warnings),
          startTime: parseInteger(run.info.start_time),
          endTime: parseInteger(run.info.end_time),
          userId: run.info.user_id,
          params: pairs(run.data?.params),
          tags,
          metrics,
          url: `${base}/#/experiments/${encodeURIComponent(experiment.id)}/runs/${encodeURIComponent(runId)}`,
        });
      }
      return runs;
    },
    close() {},
  };
}

const Int = z.union([z.number(), z.string()]);
const KeyValue = z.object({ key: z.string(), value: z.string().nullish() });
const ExperimentsPage = z.object({
  experiments: z.array(z.object({ experiment_id: Int, name: z.string(), lifecycle_stage: z.string().optional() })).optional(),
  next_page_token: z.string().nullish(),
});
const RunSchema = z.object({
  info: z.object({
    run_id: z.string().optional(),
    run_uuid: z.string().optional(),
    run_name: z.string().optional(),
    user_id: z.string().optional(),
    status: z.string().optional(),
    start_time: Int.optional(),
    end_time: Int.optional(),
    lifecycle_stage: z.string().optional(),
  }),
  data: z
    .object({
      metrics: z.array(z.object({ key: z.string() })).optional(),
      params: z.array(KeyValue).optional(),
      tags: z.array(KeyValue).optional(),
    })
    .optional(),
});
const RunsPage = z.object({ runs: z.array(RunSchema).optional(), next_page_token: z.string().nullish() });
const HistoryPage = z.object({
  metrics: z
    .array(z.object({ key: z.string(), value: z.union([z.number(), z.string()]), timestamp: Int.optional(), step: Int.optional() }))
    .optional(),
  next_page_token: z.string().nullish(),
});

function pairs(list: readonly { key: string; value?: string | null | undefined }[] | undefined): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const { key, value } of list ?? []) out[key] = value ?? '';
  return out;
}

function nextToken(token: string | null | undefined): string | undefined {
  return token === null || token === undefined || token === '' ? undefined : token;
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    const parts = [body.error_code, body.message].filter((part): part is string => typeof part === 'string');
    if (parts.length > 0) return stripTerminalCodes(parts.join(': ').replace(/\s+/g, ' ')).slice(0, 300);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return stripTerminalCodes(text.replace(/\s+/g, ' ').trim()).slice(0, 200);
}

/** A readable reason for a failed fetch: refused, unknown host, timeout. */
function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof ImportError) return error.problem;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  // `localhost` tries ::1 and 127.0.0.1: the cause is then an AggregateError of both attempts.
  const first = cause instanceof AggregateError ? (cause.errors[0] as unknown) : undefined;
  const code = errorCode(cause) ?? errorCode(first);
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code !== undefined) return code;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
