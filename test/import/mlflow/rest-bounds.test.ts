/**
 * A hostile or broken tracking server, on 127.0.0.1: endless paging, huge answers, terminal
 * escape codes in error bodies, and run data no record can hold. The import stops with one
 * `ImportError` line each time, within its limits.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ImportError, runImport, type CsvFlags, type WriteEffects } from '../../../src/import/index.ts';
import { messages, mlflowImporter, readMlflow } from '../../../src/import/mlflow/index.ts';

const API = '/api/2.0/mlflow';
type Handler = (request: IncomingMessage, body: unknown, response: ServerResponse) => void;

let handler: Handler = (_request, _body, response) => response.writeHead(404).end();
/** Bytes the server managed to send for the last answer it streamed. */
let streamed = 0;
let origin = '';
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    handler(request, text === '' ? undefined : (JSON.parse(text) as unknown), response);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (response: ServerResponse, value: unknown, status = 200): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
};

/** A well-formed server with one experiment and the given runs (every metric logged once at step 0). */
function serve(runs: unknown[], extra: (path: string, body: unknown, response: ServerResponse) => boolean = () => false): void {
  handler = (request, body, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (extra(url.pathname, body, response)) return;
    if (url.pathname === `${API}/experiments/search`) return json(response, { experiments: [{ experiment_id: '1', name: 'e' }] });
    if (url.pathname === `${API}/runs/search`) return json(response, { runs });
    if (url.pathname === `${API}/metrics/get-history`) {
      const key = url.searchParams.get('metric_key') ?? '';
      return json(response, { metrics: [{ key, value: 0.5, timestamp: 1, step: 0 }] });
    }
    response.writeHead(404).end();
  };
}

const run = (id: string, info: Record<string, unknown> = {}, metrics: string[] = ['loss']) => ({
  info: { run_id: id, run_name: 'r', status: 'FINISHED', start_time: 1717200000000, ...info },
  data: { metrics: metrics.map((key) => ({ key })) },
});

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const NO_CSV: CsvFlags = { params: [], metrics: [], ignore: [] };

/** The whole import (read, map, validate, write) of `request.source` through `effects`. */
function importMlflow(request: { source: string; outDir: string; format: 'json'; force: boolean }, effects: WriteEffects) {
  return runImport(
    mlflowImporter,
    { source: request.source, cwd: process.cwd(), env: {}, schema: undefined, experiments: [], csv: NO_CSV, onProgress: () => undefined },
    { outDir: request.outDir, format: request.format, force: request.force },
    effects,
  );
}

const noWrites: WriteEffects = { readFile: () => undefined, writeFile: () => expect.unreachable('nothing is written') };

describe('paging', () => {
  test('a server that always returns a new next_page_token is stopped after the page limit', async () => {
    let pages = 0;
    handler = (_request, _body, response) => {
      pages++;
      json(response, { experiments: [{ experiment_id: String(pages), name: `e${pages}` }], next_page_token: `t${pages}` });
    };
    const error = await failure(readMlflow(origin, [], { limits: { pages: 5 } }));
    expect(error.message).toBe(messages.tooManyPages('experiments/search', 5).message);
    expect(pages).toBe(5);
  });

  test('a server that returns the same next_page_token twice is stopped at once', async () => {
    let pages = 0;
    handler = (_request, _body, response) => {
      pages++;
      json(response, { experiments: [], next_page_token: pages === 1 ? 'a' : pages === 2 ? 'b' : 'a' });
    };
    expect((await failure(readMlflow(origin))).message).toBe(messages.repeatedPageToken('experiments/search').message);
    expect(pages).toBe(3);
  });

  test('more runs than the limit stop the import', async () => {
    serve([run('a1'), run('b2'), run('c3')]);
    expect((await failure(readMlflow(origin, [], { limits: { runs: 2 } }))).message).toBe(messages.tooManyRuns(2).message);
  });
});

describe('answer size', () => {
  test('an endless answer is read only up to the limit, then the connection is dropped', async () => {
    const limit = 1024 * 1024;
    handler = (_request, _body, response) => {
      streamed = 0;
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = (): void => {
        // Stops when the client hangs up; otherwise sends up to 700 MB.
        while (!response.destroyed && streamed < 700 * 1024 * 1024) {
          streamed += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', write);
        }
        response.end();
      };
      response.on('close', () => undefined);
      write();
    };
    const error = await failure(readMlflow(origin, [], { limits: { responseBytes: limit } }));
    expect(error.message).toBe(messages.responseTooLarge('experiments/search', limit).message);
    // Socket buffers hold some more, but nowhere near the 700 MB offered.
    expect(streamed).toBeLessThan(32 * limit);
  });

  test('an answer announced as larger than the limit is not read at all', async () => {
    handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(700 * 1024 * 1024) });
      response.write('{');
    };
    expect((await failure(readMlflow(origin))).message).toBe(messages.responseTooLarge('experiments/search', 64 * 1024 * 1024).message);
  });

  test('the import stops once it has read more than the total limit', async () => {
    serve([run('a1', {}, ['m1', 'm2', 'm3', 'm4'])]);
    expect((await failure(readMlflow(origin, [], { limits: { totalBytes: 400 } }))).message).toBe(messages.importTooLarge(400).message);
  });
});

describe('error bodies', () => {
  test('terminal escape codes and line breaks in a server error are not printed', async () => {
    handler = (_request, _body, response) => {
      response
        .writeHead(500, { 'content-type': 'text/plain' })
        .end('\u001b[31mboom\u001b[0m\u001b]0;owned\u0007\n::error::forged\r\n::add-mask::x');
    };
    const error = await failure(readMlflow(origin));
    expect(error.problem).toBe('experiments/search answered HTTP 500: boom ::error::forged ::add-mask::x');
    expect([...error.message].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
  });
});

describe('run data no record can hold', () => {
  test.each([
    ['a start time of 1e17', run('a1', { start_time: 1e17 }), messages.badRunTime('a1', 'start time', 1e17)],
    ['a year past 9999', run('a1', { start_time: 253402300800000 }), messages.badRunTime('a1', 'start time', 253402300800000)],
    ['an end time before year 0', run('a1', { end_time: -1e16 }), messages.badRunTime('a1', 'end time', -1e16)],
  ])('%s is one ImportError', async (_case, bad, expected) => {
    serve([bad]);
    const error = await failure(importMlflow({ source: origin, outDir: 'out', format: 'json', force: false }, noWrites));
    expect(error.message).toBe(expected.message);
  });

  test('two runs whose ids differ only in case would be one record: an ImportError, nothing written', async () => {
    serve([run('ABCDEF12'), run('abcdef12')]);
    const error = await failure(importMlflow({ source: origin, outDir: 'out', format: 'json', force: false }, noWrites));
    expect(error.message).toBe(messages.duplicateRecordId('r-abcdef12', ['ABCDEF12', 'abcdef12']).message);
  });

  test('metrics, params and tags named constructor, toString or __proto__ are imported as data', async () => {
    const named = {
      info: { run_id: 'a1', run_name: 'r', status: 'FINISHED', start_time: 1717200000000 },
      data: {
        metrics: [{ key: 'constructor' }, { key: '__proto__' }, { key: 'toString' }],
        params: [{ key: '__proto__', value: '1' }],
        tags: [
          { key: '__proto__', value: 'p' },
          { key: 'constructor', value: 'c' },
        ],
      },
    };
    serve([named]);
    const { records } = await importMlflow(
      { source: origin, outDir: 'out', format: 'json', force: false },
      { readFile: () => undefined, writeFile: () => undefined },
    );
    const record = records[0];
    expect(JSON.stringify(record?.training?.history)).toBe('[{"epoch":0,"__proto__":0.5,"constructor":0.5,"toString":0.5}]');
    expect(record?.model?.hyperparameters).toEqual([{ name: '__proto__', value: 1 }]);
    expect(JSON.stringify(record?.tags)).toBe('{"__proto__":"p","constructor":"c","mlflow_experiment":"e"}');
  });
});

describe('logbook import --from mlflow', () => {
  /** Runs the CLI in a child process (asynchronously: this process serves the fake tracking server). */
  function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn('node_modules/.bin/node', ['bin/logbook.js', 'import', '--from', 'mlflow', ...args], {
        env: { ...process.env, MLFLOW_TRACKING_TOKEN: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  test('prints one line and exits 1 on a corrupt run time, with no stack trace', { timeout: 60_000 }, async () => {
    serve([run('a1', { start_time: 1e17 })]);
    const out = mkdtempSync(join(tmpdir(), 'logbook-rest-'));
    try {
      const result = await cli([origin, '--out', out]);
      expect(result.stderr).toBe(
        `import:mlflow: ${origin}: run "a1": start time 100000000000000000 ms is not a date between the years 0 and 9999 — check the run in the tracking server: its time is corrupt\n`,
      );
      expect(result.status).toBe(1);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
