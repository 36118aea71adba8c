import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExperimentCharts } from '../../src/charts/build.ts';
import { renderChartView } from '../../src/charts/render.ts';
import type { ExperimentChartsInput } from '../../src/charts/experiment-views.ts';
import { renderChartBlocks } from '../../src/site/chart-blocks.ts';
import { escapeHtml, tableHtml } from '../../src/view/html.ts';
import {
  CHART_CODE_ENTRY,
  chartCacheKey,
  chartCodeFingerprint,
  decodeCachedBlocks,
  encodeCachedBlocks,
  hasCachedBlocks,
  readCachedBlocks,
  type ChartBlocksBySection,
  type ChartCacheEffects,
} from '../../src/site/chart-cache.ts';
import { recordDigest } from '../../src/util/record-digest.ts';
import { sourceFingerprint } from '../../src/util/source-fingerprint.ts';
import { templateRecord } from '../charts/fixtures.ts';

const input: ExperimentChartsInput = { record: templateRecord, headlineMetric: 'Accuracy' };
const views = buildExperimentCharts({ record: templateRecord, headlineMetric: 'Accuracy' });

/** In-memory cache files, counting reads and writes. */
function memoryEffects() {
  const files = new Map<string, string>();
  const counts = { reads: 0, writes: 0 };
  const effects: ChartCacheEffects = {
    readFile: (p) => {
      counts.reads++;
      return Promise.resolve(files.get(p));
    },
    writeFile: (p, t) => {
      counts.writes++;
      files.set(p, t);
      return Promise.resolve();
    },
    exists: (p) => Promise.resolve(files.has(p)),
  };
  return { files, counts, effects };
}

const code = chartCodeFingerprint() ?? '';
const keyOf = (i: ExperimentChartsInput): string => chartCacheKey(i, code);
const fileOf = (dir: string, i: ExperimentChartsInput): string => join(dir, keyOf(i).slice(0, 2), `${keyOf(i)}.json`);

describe('chartCacheKey', () => {
  test('is the same for the same input and changes with the record, the headline metric, the chain or the code', () => {
    const key = keyOf(input);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(keyOf({ record: structuredClone(templateRecord), headlineMetric: 'Accuracy' })).toBe(key);
    const changed = structuredClone(templateRecord);
    const row = changed.training?.history?.[0];
    if (row === undefined) throw new Error('the template record has a history');
    row['Train Loss'] = 0.123456;
    expect(keyOf({ record: changed, headlineMetric: 'Accuracy' })).not.toBe(key);
    expect(keyOf({ record: templateRecord, headlineMetric: 'F1 Score' })).not.toBe(key);
    expect(keyOf({ ...input, lineageChain: [{ id: 'parent', value: 0.8 }] })).not.toBe(key);
    expect(chartCacheKey(input, `${code}x`)).not.toBe(key);
  });

  test('a comparison’s key changes with either record, either headline metric and their order', () => {
    const other = { ...structuredClone(templateRecord), id: 'other' };
    const doc = (record: typeof templateRecord, metric: string | null) => ({
      record,
      analysis: { headline: metric === null ? null : { metric } },
    });
    const key = chartCacheKey({ compare: [doc(templateRecord, 'Accuracy'), doc(other, 'Accuracy')] }, code);
    expect(chartCacheKey({ compare: [doc(structuredClone(templateRecord), 'Accuracy'), doc(other, 'Accuracy')] }, code)).toBe(key);
    const changed = { ...structuredClone(other), name: 'Renamed' };
    for (const compare of [
      [doc(templateRecord, 'Accuracy'), doc(changed, 'Accuracy')],
      [doc(templateRecord, 'F1 Score'), doc(other, 'Accuracy')],
      [doc(templateRecord, 'Accuracy'), doc(other, null)],
      [doc(other, 'Accuracy'), doc(templateRecord, 'Accuracy')],
    ])
      expect(chartCacheKey({ compare }, code)).not.toBe(key);
    // Not an experiment's key: the same record alone is another key.
    expect(chartCacheKey({ compare: [doc(templateRecord, 'Accuracy')] }, code)).not.toBe(
      keyOf({ record: templateRecord, headlineMetric: 'Accuracy' }),
    );
  });

  test('hashes each record by its digest, worked out once per record object', () => {
    const record = structuredClone(templateRecord);
    const digest = recordDigest(record);
    expect(digest).toBe(createHash('sha256').update(JSON.stringify(record)).digest('hex'));
    expect(recordDigest(structuredClone(record))).toBe(digest);
    expect(recordDigest({ ...record, name: 'Renamed' })).not.toBe(digest);
    // Memoized by object: a record is never changed once read, so the digest is not worked out again.
    record.name = 'Changed in place';
    expect(recordDigest(record)).toBe(digest);
  });

  test('the code fingerprint is that of chart-blocks.ts and the modules it imports', () => {
    expect(CHART_CODE_ENTRY.pathname.endsWith('/src/site/chart-blocks.ts')).toBe(true);
    expect(chartCodeFingerprint()).toBe(sourceFingerprint(CHART_CODE_ENTRY));
    expect(code).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('renderChartBlocks through the cache', () => {
  test('renders once, then reads one file per experiment with the same blocks', async () => {
    const { files, counts, effects } = memoryEffects();
    const first = await renderChartBlocks(input, { cacheDir: '/cache', effects });
    expect(counts).toEqual({ reads: 1, writes: 1 });
    expect([...files.keys()]).toEqual([fileOf('/cache', input)]);
    const second = await renderChartBlocks(input, { cacheDir: '/cache', effects });
    expect(counts).toEqual({ reads: 2, writes: 1 });
    expect(second).toEqual(first);
    // Every chart of the experiment, in page order, with the SVG the renderer makes.
    expect(first.flatMap(([, list]) => list.map((c) => c.id))).toEqual(views.map((v) => v.id));
    const trainingCurves = views.find((v) => v.id === 'training-curves');
    if (trainingCurves === undefined) throw new Error('the template record has training curves');
    const svg = first.flatMap(([, list]) => list).find((c) => c.id === 'training-curves')?.svg;
    expect(svg).toBe((await renderChartView(trainingCurves)).svg);
    // A per-epoch chart links to the page's training table; the others carry their own data table.
    const blocks = new Map(first.flatMap(([, list]) => list).map((c) => [c.id, c]));
    expect(blocks.get('training-curves')).toMatchObject({
      tableHtml: '',
      dataIn: [{ table: 'training-metrics', label: 'Training metrics' }],
    });
    const testMetrics = views.find((v) => v.id === 'test-metrics');
    expect(blocks.get('test-metrics')?.tableHtml).toBe(tableHtml(testMetrics?.table.columns ?? [], testMetrics?.table.rows ?? []));
    expect(blocks.get('test-metrics')?.dataIn).toBeUndefined();
  });

  test('a damaged or mismatched cache file is rendered again and replaced', async () => {
    const { files, counts, effects } = memoryEffects();
    const path = fileOf('/cache', input);
    const good = await renderChartBlocks(input, { cacheDir: null });
    const encoded = encodeCachedBlocks(good);
    const head = (blocks: unknown): string => `${JSON.stringify(blocks)}\n`;
    const damaged = [
      '{not json',
      '{not json\n',
      // The format before texts were kept raw: one JSON document.
      JSON.stringify(good),
      head([{ id: 'x', svg: 0, width: 1, height: 1 }]),
      `${head([['training', [{ id: 'training-curves', svg: 4, width: 1, height: 1, shape: 's', tableHtml: 0 }]]])}oops`,
      head([['training', [{ id: 'training-curves', svg: 6, width: 1, height: 1, shape: 's' }]]]) + '<svg/>',
      head([['training', [{ id: 'training-curves', svg: -6, width: 1, height: 1, shape: 's', tableHtml: 0 }]]]) + '<svg/>',
      head([['training', [{ id: 'training-curves', svg: 2.5, width: 1, height: 1, shape: 's', tableHtml: 0 }]]]) + '<svg/>',
      head({ training: [] }),
      head(['training']),
      head([['training', [1]]]),
      // Cut short, or with more after the texts than the head accounts for.
      encoded.slice(0, -1),
      `${encoded}<svg/>`,
    ];
    for (const bad of damaged) {
      files.set(path, bad);
      expect(await renderChartBlocks(input, { cacheDir: '/cache', effects })).toEqual(good);
      expect(files.get(path)?.startsWith('[["summary",')).toBe(true);
      expect(files.get(path)).not.toBe(bad);
    }
    expect(counts.writes).toBe(damaged.length);
  });

  test('a cache file is a line of JSON, then the SVGs and tables as they are, read back the same', () => {
    const blocks: ChartBlocksBySection = [
      [
        'training',
        [
          {
            id: 'a',
            title: 'A "quoted"',
            description: 'd',
            svg: '<svg a="1">\n<text>α 𝛼 "x" \\ </text></svg>',
            shape: 's',
            width: 2,
            height: 3,
            tableHtml: '<tr><td>1</td></tr>',
          },
          { id: 'b', title: 'B', description: '', svg: '', shape: 's', width: 0, height: 0, tableHtml: '', error: 'could not draw' },
        ],
      ],
      ['evaluation', []],
    ];
    const text = encodeCachedBlocks(blocks);
    const [first, ...rest] = text.split('\n');
    expect(JSON.parse(first ?? '')).toEqual([
      // Lengths in UTF-16 code units, as JavaScript counts them: 𝛼 is two.
      [
        'training',
        [
          { ...blocks[0]?.[1][0], svg: 42, tableHtml: 19 },
          { ...blocks[0]?.[1][1], svg: 0, tableHtml: 0 },
        ],
      ],
      ['evaluation', []],
    ]);
    expect(rest.join('\n')).toBe('<svg a="1">\n<text>α 𝛼 "x" \\ </text></svg><tr><td>1</td></tr>');
    expect(decodeCachedBlocks(text)).toEqual(blocks);
    expect(decodeCachedBlocks(encodeCachedBlocks([]))).toEqual([]);
  });

  test('rendering fills the cache with one file per experiment', async () => {
    const { files, effects } = memoryEffects();
    await renderChartBlocks(input, { cacheDir: '/cache', effects });
    expect(await hasCachedBlocks('/cache', keyOf(input), effects)).toBe(true);
    const cached = await readCachedBlocks('/cache', keyOf(input), effects);
    expect(cached?.flatMap(([, list]) => list.map((c) => c.id))).toEqual(views.map((v) => v.id));
    expect(files.size).toBe(1);
  });

  test('an unwritable cache folder costs speed, never the build', async () => {
    const effects: ChartCacheEffects = {
      readFile: () => Promise.resolve(undefined),
      writeFile: () => Promise.reject(new Error('EROFS: read-only file system')),
      exists: () => Promise.resolve(false),
    };
    const blocks = await renderChartBlocks(input, { cacheDir: '/read-only', effects });
    expect(blocks.length).toBeGreaterThan(0);
  });
});

describe('the cache on disk', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-chart-cache-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('one file per experiment, in a folder named by the first two hex digits of its key', async () => {
    const first = await renderChartBlocks(input, { cacheDir: dir });
    const again = await renderChartBlocks(input, { cacheDir: dir });
    expect(again).toEqual(first);
    const shards = await readdir(dir);
    expect(shards).toEqual([keyOf(input).slice(0, 2)]);
    expect(await readdir(join(dir, shards[0] as string))).toEqual([`${keyOf(input)}.json`]);
  });
});

describe('chart data tables', () => {
  test('cells are formatted and escaped: record text is shown, never interpreted', () => {
    expect(
      tableHtml(
        ['Group', 'Accuracy'],
        [
          ['<img src=x onerror=alert(1)>', 0.869],
          ['"A" & \'B\'', null],
        ],
      ),
    ).toBe(
      '<thead><tr><th scope="col">Group</th><th scope="col">Accuracy</th></tr></thead>' +
        '<tbody><tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td>0.869</td></tr>' +
        '<tr><td>&quot;A&quot; &amp; &#39;B&#39;</td><td>—</td></tr></tbody>',
    );
    expect(escapeHtml('</table><script>')).toBe('&lt;/table&gt;&lt;script&gt;');
  });
});
