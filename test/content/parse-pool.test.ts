import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRecords, type LoadEffects } from '../../src/content/load.ts';
import { parseFile } from '../../src/content/parse-file.ts';
import { createParsePool, PARSE_WORKERS_FROM, parseWorkerCount } from '../../src/content/parse-pool.ts';
import { generateRecords } from '../../src/generate/index.ts';

/** A folder of every kind of file the read step meets: generated records, the examples (JSON and Markdown), broken ones and a duplicate id. */
function folder(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const record of generateRecords({ count: PARSE_WORKERS_FROM, seed: 3, epochs: 5 })) files[`gen/${record.id}.json`] = JSON.stringify(record);
  for (const name of readdirSync('content/experiments')) files[`examples/${name}`] = readFileSync(join('content/experiments', name), 'utf8');
  files['broken/comma.json'] = '{ "id": "broken-1", "name": "x" "more": 1 }';
  files['broken/named-by-file.md'] = '---\nname: no id but its file name\n---\n# Hello\n';
  files['broken/duplicate.json'] = files['examples/derm-resnet-001.json'] ?? '';
  return files;
}

function effects(files: Record<string, string>): LoadEffects {
  return {
    list: () => Promise.resolve({ files: Object.keys(files).map((path) => ({ path })), refused: [] }),
    readFile: (path) => {
      const text = files[path.replace(/^content\//, '')];
      return text === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(text);
    },
  };
}

describe('parsing on worker threads', () => {
  const files = folder();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-parse-pool-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('gives the same records and messages, in the same order, as parsing in this thread', async () => {
    const here = await loadRecords('content', effects(files));
    let started = 0;
    const pooled = await loadRecords('content', {
      ...effects(files),
      parsePool: () => {
        started++;
        return createParsePool(2);
      },
    });
    expect(started).toBe(1);
    expect(pooled).toEqual(here);
    // The folder holds what it should: every generated record and example, a record named by its
    // file, and the errors of the broken file and of the duplicate (the first file in path order wins).
    expect(here.records.length).toBe(PARSE_WORKERS_FROM + readdirSync('content/experiments').length + 1);
    expect(here.records.some((r) => r.record.id === 'named-by-file')).toBe(true);
    expect([...new Set(here.diagnostics.filter((d) => d.level === 'error').map((d) => d.file))]).toEqual([
      'content/broken/comma.json',
      'content/examples/derm-resnet-001.json',
    ]);
  });

  test(`fewer than ${PARSE_WORKERS_FROM} files, or every file cached, start no worker`, async () => {
    const few = Object.fromEntries(Object.entries(files).slice(0, PARSE_WORKERS_FROM - 1));
    let started = 0;
    const parsePool = () => {
      started++;
      return createParsePool(2);
    };
    await loadRecords('content', { ...effects(few), parsePool });
    expect(started).toBe(0);
    const cached = new Map<string, unknown>();
    const cache = {
      key: (file: string) => file,
      get: (key: string) => Promise.resolve(cached.get(key) as never),
      set: (key: string, value: unknown) => Promise.resolve(void cached.set(key, value)),
    };
    await loadRecords('content', { ...effects(files), cache });
    await loadRecords('content', { ...effects(files), cache, parsePool });
    expect(started).toBe(0);
  });

  test('workers that fail, quit or are not there cost time, not the records: the files are parsed here', async () => {
    const sample = Object.entries(files).slice(0, 30);
    const expected = sample.map(([file, text]) => parseFile(file, text));
    const failing = join(dir, 'failing.mjs');
    await writeFile(failing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => parentPort.postMessage({ id: m.id }));\n");
    const quitting = join(dir, 'quitting.mjs');
    await writeFile(quitting, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const throwing = join(dir, 'throwing.mjs');
    await writeFile(throwing, "throw new Error('broken');\n");
    for (const workerFile of [failing, quitting, throwing, join(dir, 'missing.mjs')]) {
      const pool = createParsePool(2, workerFile);
      expect(await Promise.all(sample.map(([file, text]) => pool.parse(file, text)))).toEqual(expected);
      await pool.close();
    }
  });

  test('one worker per core, at most four; none on one core', () => {
    expect([1, 2, 3, 8].map(parseWorkerCount)).toEqual([0, 2, 3, 4]);
  });
});
