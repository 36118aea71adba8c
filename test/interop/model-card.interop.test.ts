/**
 * Interop proof for the model-card export: cards exported from the bundled example records and
 * from a Hugging Face import are loaded with huggingface_hub's ModelCard (pinned in
 * scripts/test-interop.ts) and every metric of model-index is read back: type, value, and the
 * 95% interval carried in its name; then the Hugging Face import reads the card back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadRecords } from '../../src/content/load.ts';
import { runExportCommand } from '../../src/export/command.ts';
import { ciBounds, hubMetricType } from '../../src/export/model-card.ts';
import { formatCardMetricName } from '../../src/import/huggingface/metric-name.ts';
import { fakeIO } from '../cli/fake-io.ts';
import { readRecords, ROOT, runLogbook } from './helpers.ts';

interface LoadedCard {
  path: string;
  modelName: string;
  evalResults: {
    taskType: string;
    datasetName: string;
    datasetSplit: string;
    metricType: string;
    metricValue: number;
    metricName: string;
  }[];
}

const PYTHON = process.env['INTEROP_PYTHON'];
if (PYTHON === undefined) throw new Error('run this suite with `npm run test:interop`');
const work = mkdtempSync(join(tmpdir(), 'logbook-interop-card-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function loadCards(paths: readonly string[]): LoadedCard[] {
  const result = spawnSync(PYTHON ?? 'python3', [join(ROOT, 'test', 'interop', 'read_model_card.py'), ...paths], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as LoadedCard[];
}

describe('model cards of the bundled examples, read by huggingface_hub', async () => {
  const { records } = await loadRecords(join(ROOT, 'content', 'experiments'));
  // The command in-process (the CLI itself is run below): ten spawned processes would cost seconds for nothing.
  const exported = await Promise.all(
    records.map(async ({ record }) => {
      const path = join(work, record.id, 'README.md');
      const status = await runExportCommand(['model-card', record.id, '--out', path], fakeIO({ cwd: ROOT }));
      return { record, path, result: { status } };
    }),
  );
  const cards = loadCards(exported.map((item) => item.path));

  test.each(exported.map((item, index) => [item.record.id, index] as const))('%s: every test metric is in model-index', (_id, index) => {
    const { record, result } = exported[index] ?? { record: undefined, result: undefined };
    expect(result?.status).toBe(0);
    const metrics = (record?.evaluation?.testMetrics ?? []).filter((metric) => metric.value !== null);
    const card = cards[index];
    expect(card?.evalResults).toHaveLength(metrics.length);
    metrics.forEach((metric, position) => {
      const read = card?.evalResults[position];
      expect(read?.metricType).toBe(hubMetricType(metric));
      expect(read?.metricValue).toBe(metric.value);
      expect(read?.metricName).toBe(
        formatCardMetricName(
          metric.metric,
          metric.ci95 === undefined || metric.value === null ? undefined : ciBounds(metric.value, metric.ci95),
        ),
      );
      expect(read?.datasetName).toBe(record?.dataset?.name ?? 'unknown');
    });
  });

  test('the Hugging Face import reads an exported card back: names, values and intervals', () => {
    const item = exported.find((candidate) => candidate.record.id === 'derm-resnet-001');
    const out = join(work, 'reimported');
    const result = runLogbook('import', item?.path ?? '', '--out', out);
    expect(result.status).toBe(0);
    const [record] = [...readRecords(out).values()];
    const original = item?.record.evaluation?.testMetrics ?? [];
    expect(record?.evaluation?.testMetrics?.map((metric) => [metric.metric, metric.value, metric.ci95])).toEqual(
      original.map((metric) => [
        metric.metric,
        metric.value,
        metric.ci95 === undefined || metric.value === null ? undefined : ciBounds(metric.value, metric.ci95),
      ]),
    );
  });
});

describe('a model card exported from a Hugging Face Trainer import', () => {
  test('keeps the task, dataset, split and metric type from the original card', () => {
    const out = join(work, 'hf');
    expect(runLogbook('import', join(ROOT, 'test', 'fixtures', 'huggingface', 'distilbert-imdb'), '--out', out).status).toBe(0);
    const card = join(work, 'hf-card', 'README.md');
    expect(runLogbook('export', 'model-card', 'distilbert-imdb', '--dir', out, '--out', card).status).toBe(0);
    const [loaded] = loadCards([card]);
    expect(loaded?.evalResults).toEqual([
      {
        taskType: 'text-classification',
        datasetName: 'imdb',
        datasetType: 'imdb',
        datasetSplit: 'test',
        metricType: 'accuracy',
        metricValue: 0.8868,
        metricName: 'Accuracy',
      },
    ]);
  });
});
