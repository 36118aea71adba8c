import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { messages, openRestStore } from '../../../src/import/mlflow/index.ts';

interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Headers;
}

/** A fake `fetch` that answers MLflow REST calls from `routes` and records every call. */
function fakeFetch(routes: Record<string, (call: Call) => unknown>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fn = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init?.headers),
    };
    calls.push(call);
    const route = routes[url.pathname];
    if (route === undefined) return Promise.resolve(new Response('not found', { status: 404 }));
    return Promise.resolve(Response.json(route(call)));
  };
  return { fetch: fn, calls };
}

const API = '/base/api/2.0/mlflow';
const run = (id: string, metrics: string[]) => ({
  info: {
    run_id: id,
    run_name: `run ${id}`,
    experiment_id: '3',
    user_id: 'u',
    status: 'FAILED',
    start_time: '1717200000000',
    end_time: 1717200001000,
    lifecycle_stage: 'active',
  },
  data: { metrics: metrics.map((key) => ({ key, value: 0 })), params: [{ key: 'lr', value: '0.1' }], tags: [{ key: 't', value: 'v' }] },
});

describe('openRestStore', () => {
  test('follows page_token through experiments/search, runs/search and metrics/get-history', async () => {
    const { fetch, calls } = fakeFetch({
      [`${API}/experiments/search`]: ({ body }) =>
        (body as { page_token?: string }).page_token === undefined
          ? { experiments: [{ experiment_id: '3', name: 'e3', lifecycle_stage: 'active' }], next_page_token: 'p2' }
          : { experiments: [{ experiment_id: 4, name: 'e4' }] },
      [`${API}/runs/search`]: ({ body }) =>
        (body as { page_token?: string }).page_token === undefined
          ? { runs: [run('a', ['loss'])], next_page_token: 'r2' }
          : { runs: [run('b', [])], next_page_token: '' },
      [`${API}/metrics/get-history`]: ({ query }) =>
        query['page_token'] === undefined
          ? {
              metrics: [
                { key: 'loss', value: 1.5, timestamp: 5, step: 0 },
                { key: 'loss', value: 'NaN', timestamp: 6, step: 1 },
              ],
              next_page_token: 'h2',
            }
          : {
              metrics: [
                { key: 'loss', value: 'Infinity', timestamp: '7', step: '2' },
                { key: 'loss', value: 1.7976931348623157e308, timestamp: 8, step: 3 },
              ],
            },
    });
    const reader = openRestStore('http://mlflow.test/base/', { fetch });
    const experiments = await reader.listExperiments();
    expect(experiments).toEqual([
      { id: '3', name: 'e3' },
      { id: '4', name: 'e4' },
    ]);
    const runs = await reader.listRuns({ id: '3', name: 'e3' });
    expect(runs.map((r) => r.runId)).toEqual(['a', 'b']);
    expect(runs[0]).toEqual({
      runId: 'a',
      experiment: { id: '3', name: 'e3' },
      name: 'run a',
      status: 'FAILED',
      startTime: 1717200000000,
      endTime: 1717200001000,
      userId: 'u',
      params: { lr: '0.1' },
      tags: { t: 'v' },
      metrics: {
        loss: [
          { step: 0, timestamp: 5, value: 1.5 },
          { step: 1, timestamp: 6, value: Number.NaN },
          { step: 2, timestamp: 7, value: Number.POSITIVE_INFINITY },
          { step: 3, timestamp: 8, value: Number.POSITIVE_INFINITY },
        ],
      },
      url: 'http://mlflow.test/base/#/experiments/3/runs/a',
    });
    expect(calls.map((call) => [call.method, call.path.replace(API, ''), call.body ?? call.query])).toEqual([
      ['POST', '/experiments/search', { max_results: 1000, view_type: 'ACTIVE_ONLY' }],
      ['POST', '/experiments/search', { max_results: 1000, view_type: 'ACTIVE_ONLY', page_token: 'p2' }],
      ['POST', '/runs/search', { experiment_ids: ['3'], max_results: 1000, run_view_type: 'ACTIVE_ONLY' }],
      ['POST', '/runs/search', { experiment_ids: ['3'], max_results: 1000, run_view_type: 'ACTIVE_ONLY', page_token: 'r2' }],
      ['GET', '/metrics/get-history', { run_id: 'a', metric_key: 'loss', max_results: '25000' }],
      ['GET', '/metrics/get-history', { run_id: 'a', metric_key: 'loss', max_results: '25000', page_token: 'h2' }],
    ]);
  });

  test('sends MLFLOW_TRACKING_TOKEN as a bearer token, else basic auth', async () => {
    const bearer = fakeFetch({ [`/api/2.0/mlflow/experiments/search`]: () => ({}) });
    await openRestStore('http://h', { fetch: bearer.fetch, token: 's3cret' }).listExperiments();
    expect(bearer.calls[0]?.headers.get('authorization')).toBe('Bearer s3cret');
    const basic = fakeFetch({ [`/api/2.0/mlflow/experiments/search`]: () => ({}) });
    await openRestStore('http://h', { fetch: basic.fetch, username: 'ann', password: 'pw' }).listExperiments();
    expect(basic.calls[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from('ann:pw').toString('base64')}`);
  });

  test('rejects an answer that is not the REST API shape', async () => {
    const { fetch } = fakeFetch({ [`/api/2.0/mlflow/experiments/search`]: () => ({ experiments: 'nope' }) });
    await expect(openRestStore('http://h', { fetch }).listExperiments()).rejects.toThrow(
      /^experiments\/search answered something that is not MLflow's REST API 2\.0/,
    );
  });

  test('rejects a URL that is not http(s)', () => {
    expect(() => openRestStore('ftp://x')).toThrow(messages.badUrl());
    expect(() => openRestStore('http://')).toThrow(messages.badUrl());
  });
});

describe('openRestStore against a local HTTP server', () => {
  async function withServer(status: number, body: string, fn: (url: string) => Promise<void>): Promise<void> {
    const server = createServer((_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  test.each([
    [401, false, messages.serverUnauthorized(401, false)],
    [403, true, messages.serverUnauthorized(403, true)],
  ])('turns HTTP %i into an authentication error', async (status, withToken, expected) => {
    await withServer(status, '{"error_code":"UNAUTHENTICATED"}', async (url) => {
      await expect(openRestStore(url, withToken ? { token: 't' } : {}).listExperiments()).rejects.toThrow(expected);
    });
  });

  test('turns HTTP 404 into "not an MLflow server"', async () => {
    await withServer(404, 'nope', async (url) => {
      await expect(openRestStore(url).listExperiments()).rejects.toThrow(messages.serverNotMlflow('experiments/search', 404));
    });
  });

  test('reports the server error code and message of an HTTP 500', async () => {
    await withServer(500, '{"error_code":"INTERNAL_ERROR","message":"boom"}', async (url) => {
      await expect(openRestStore(url).listExperiments()).rejects.toThrow(
        messages.serverError('experiments/search', 500, 'INTERNAL_ERROR: boom'),
      );
    });
  });

  test('reports a refused connection on a closed port', async () => {
    let closedUrl = '';
    await withServer(200, '{}', (url) => {
      closedUrl = url;
      return Promise.resolve();
    });
    await expect(openRestStore(closedUrl).listExperiments()).rejects.toThrow(messages.serverUnreachable('connection refused'));
  });
});
