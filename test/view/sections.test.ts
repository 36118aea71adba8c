import { describe, expect, test } from 'vitest';
import { analyzeCollection } from '../../src/analysis/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import type { ChartBlockData } from '../../src/view/blocks.ts';
import { buildExperimentPageData } from '../../src/view/experiment.ts';
import { isChartSection, SECTIONS, sectionOfPath, sectionTitle } from '../../src/view/sections.ts';

describe('sectionOfPath', () => {
  test.each([
    ['overview.hypothesis', 'overview'],
    ['dataset.splits.0.fraction', 'dataset'],
    ['model.hyperparameters.2.value', 'model'],
    ['training.infrastructure.gpuHours', 'training'],
    ['evaluation.testMetrics.0.value', 'evaluation'],
    ['evaluation.confusionMatrix', 'evaluation'],
    ['evaluation.disaggregated.3.n', 'fairness'],
    ['evaluation.disaggregated', 'fairness'],
    ['fairness', 'fairness'],
    ['comparison.claims.1', 'comparison'],
    ['tuning.trials', 'tuning'],
    ['reproducibility.code.commit', 'reproducibility'],
    ['observations.featureImportance', 'observations'],
    ['nextSteps.readyForProduction', 'next-steps'],
    ['lineage.parent', 'lineage'],
    ['trackers.mlflowRunId', 'metadata'],
    ['tags.use_case', 'metadata'],
    ['status', 'metadata'],
    ['reviewerNotes', 'metadata'],
    ['notes', 'notes'],
    ['date', 'checks'],
    ['', 'checks'],
    // A prefix must end at a dot: `evaluationNotes` is not under `evaluation`.
    ['evaluationNotes', 'checks'],
  ])('%s → #%s', (path, section) => {
    expect(sectionOfPath(path)).toBe(section);
  });
});

describe('the sections table', () => {
  test('ids are unique anchors and every section has a title', () => {
    expect(new Set(SECTIONS.map((s) => s.id)).size).toBe(SECTIONS.length);
    for (const s of SECTIONS) {
      expect(s.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(sectionTitle(s.id)).toBe(s.title);
    }
    expect(isChartSection('fairness')).toBe(true);
    expect(isChartSection('dataset')).toBe(false);
    expect(isChartSection('nonsense')).toBe(false);
  });

  test('the page shows a chart in every section that holds charts, and titles its sections from the table', () => {
    const records: Experiment[] = [
      { id: 'parent', evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.8 }] } },
      { id: 'child', lineage: { parent: 'parent' }, evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.85 }] } },
    ];
    const analysis = analyzeCollection(records);
    const chartSections = SECTIONS.filter((s) => s.charts).map((s) => s.id);
    const chart = (id: string): ChartBlockData => ({
      id,
      title: id,
      description: '',
      svg: '<svg></svg>',
      shape: 's',
      width: 1,
      height: 1,
      tableHtml: '',
    });
    const page = buildExperimentPageData(records[1] as Experiment, {
      base: '/',
      analysis: analysis.byId.get('child') as never,
      records: new Map(records.map((r) => [r.id, r])),
      analyses: analysis.byId,
      charts: new Map(chartSections.map((id) => [id, [chart(`chart-in-${id}`)]])),
    });
    for (const id of chartSections) {
      const section = page.sections.find((s) => s.id === id);
      expect(
        section?.blocks.some((b) => b.kind === 'chart' && b.chart.id === `chart-in-${id}`),
        id,
      ).toBe(true);
    }
    // Sections with nothing in them are left out and named as absent; the rest keep the table's order and titles.
    expect([...page.sections.map((s) => s.title), ...page.absent].sort()).toEqual(SECTIONS.map((s) => s.title).sort());
    expect(page.sections.map((s) => s.title)).toEqual(SECTIONS.filter((s) => page.toc.some((t) => t.id === s.id)).map((s) => s.title));
  });
});

/** The page of one record with nothing else in the site and no charts. */
function pageOf(record: Experiment): ReturnType<typeof buildExperimentPageData> {
  const analysis = analyzeCollection([record]);
  return buildExperimentPageData(record, {
    base: '/',
    analysis: analysis.byId.get(record.id) as never,
    records: new Map([[record.id, record]]),
    analyses: analysis.byId,
    charts: new Map(),
  });
}

describe('the dataset section', () => {
  test("shows the features' names and their text as written, beside the count", () => {
    const record: Experiment = {
      id: 'd',
      dataset: { features: 45, featuresText: '45 (30 numerical, 15 categorical)', featureNames: ['age', 'income'] },
    };
    const page = pageOf(record);
    const fields = page.sections.find((s) => s.id === 'dataset')?.blocks.flatMap((b) => (b.kind === 'fields' ? b.items : []));
    expect(fields?.map((f) => [f.label, Array.isArray(f.value) ? f.value.map((v) => v.text) : f.value.text])).toEqual([
      ['Features', '45'],
      ['Features, as written', '45 (30 numerical, 15 categorical)'],
      ['Feature names', 'age, income'],
    ]);
  });
});

describe('the evaluation section', () => {
  test('shows the metrics by data split as a table, a row per split', () => {
    const record = {
      id: 'e',
      evaluation: {
        testMetrics: [{ metric: 'accuracy', value: 0.91 }],
        metricsBySplit: [
          { split: 'train', accuracy: 0.99 },
          { split: 'test', accuracy: 0.91, f1: 0.88 },
        ],
      },
    } as Experiment;
    const page = pageOf(record);
    const blocks = page.sections.find((s) => s.id === 'evaluation')?.blocks ?? [];
    const table = blocks.find((b) => b.kind === 'table' && b.id === 'metrics-by-split-table');
    expect(
      table?.kind === 'table' ? [table.columns.map((c) => c.label), ...table.rows.map((row) => row.map((cell) => cell.text))] : undefined,
    ).toEqual([
      ['Split', 'accuracy', 'f1'],
      ['train', '0.99', '—'],
      ['test', '0.91', '0.88'],
    ]);
    // Not shown a second time as a field of JSON text.
    expect(JSON.stringify(blocks.filter((b) => b.kind === 'fields'))).not.toContain('metricsBySplit');
    expect(JSON.stringify(blocks.filter((b) => b.kind === 'fields'))).not.toContain('Metrics by split');
  });
});

describe('the lineage section', () => {
  test('a parent and related experiments that are not among the records are listed as written, not linked', () => {
    const page = pageOf({ id: 'asr-14', lineage: { parent: 'asr-11', related: ['asr-12', 'asr-ft-3'] } });
    const lineage = page.sections.find((s) => s.id === 'lineage');
    expect(lineage?.blocks).toEqual([
      {
        kind: 'fields',
        items: [
          { label: 'Parent (not among the records)', value: { text: 'asr-11' } },
          { label: 'Related (not among the records)', value: { text: 'asr-12' } },
          { label: 'Related (not among the records)', value: { text: 'asr-ft-3' } },
        ],
      },
    ]);
    expect(pageOf({ id: 'alone' }).sections.find((s) => s.id === 'lineage')?.blocks).toEqual([
      { kind: 'note', tone: 'info', text: 'This experiment has no parent, children or related experiments.' },
    ]);
  });
});

describe('the evaluation section', () => {
  test('no "Metrics by split" field when the record gives none; a table when it does', () => {
    const labels = (record: Experiment): string[] =>
      (pageOf(record).sections.find((s) => s.id === 'evaluation')?.blocks ?? []).flatMap((b) =>
        b.kind === 'fields' ? b.items.map((i) => i.label) : b.kind === 'table' ? [b.caption ?? ''] : [],
      );
    expect(labels({ id: 'e', evaluation: { testMetrics: [{ metric: 'F1', value: 0.9 }] } })).toEqual(['Test set performance']);
    expect(
      labels({
        id: 'e',
        evaluation: { testMetrics: [{ metric: 'F1', value: 0.9 }], metricsBySplit: [{ split: 'val', F1: 0.91 }] },
      }),
    ).toEqual(['Test set performance', 'Metrics by data split']);
  });
});

describe('the metadata section', () => {
  test('tags without a value are one "Tags" list; a tag with a value is a field of its own', () => {
    const metadata = pageOf({ id: 't', tags: { nlp: '', ner: '', use_case: 'invoices' } }).sections.find((s) => s.id === 'metadata');
    const items = metadata?.blocks.flatMap((b) =>
      b.kind === 'fields' ? b.items.map((i) => [i.label, Array.isArray(i.value) ? '' : i.value.text]) : [],
    );
    expect(items).toEqual(
      expect.arrayContaining([
        ['Tags', 'nlp, ner'],
        ['Tag: use_case', 'invoices'],
      ]),
    );
    expect(items?.filter(([label]) => String(label).startsWith('Tag'))).toHaveLength(2);
  });
});

describe('the claims table', () => {
  test('the computed change is shown in its unit: points for a percentage, ms for a latency', () => {
    const page = pageOf({
      id: 'c',
      evaluation: {
        testMetrics: [
          { metric: 'Latency', value: 45, unit: 'ms' },
          { metric: 'WER', value: 12.4, unit: '%' },
        ],
      },
      comparison: {
        baselines: [{ label: 'Prod', metrics: { 'Latency (ms)': 40, 'WER (%)': 14.1 } }],
        claims: [
          { metric: 'Latency', text: '+5 ms vs Prod' },
          { metric: 'WER', text: '-1.7 pp vs Prod' },
        ],
      },
    });
    const table = page.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.id === 'claims');
    // 45 − 40 = +5 ms, 5 / 40 = +12.5%; 12.4 − 14.1 = −1.7 pp, −1.7 / 14.1 = −12.1%.
    expect(table?.kind === 'table' ? table.rows.map((row) => row[3]?.text) : []).toEqual([
      '+5 ms · +12.5% relative',
      '−1.7 pp · −12.1% relative',
    ]);
  });
});

describe("a template section's text besides its fields", () => {
  test('is shown at the end of that section, under its own heading when the log named it otherwise; other sections keep their place', () => {
    const page = pageOf({
      id: 'n',
      evaluation: { testMetrics: [{ metric: 'F1', value: 0.9 }] },
      sections: [
        { title: 'Evaluation Results', markdown: '> Numbers before 2025-04-28 are not comparable.' },
        { title: 'Follow-up', markdown: 'Ask the data team.' },
        { title: 'Risks', markdown: 'Label drift.' },
      ],
    });
    const blocksOf = (id: string) => page.sections.find((s) => s.id === id)?.blocks ?? [];
    expect(blocksOf('evaluation').at(-1)).toMatchObject({ kind: 'markdown' });
    expect(JSON.stringify(blocksOf('evaluation').at(-1))).toContain('not comparable');
    expect(blocksOf('next-steps')).toEqual([
      { kind: 'subheading', id: 'next-steps-follow-up-2', text: 'Follow-up' },
      { kind: 'markdown', html: '<p>Ask the data team.</p>' },
    ]);
    expect(page.toc.map((t) => t.title)).toEqual(expect.arrayContaining(['Evaluation results', 'Next steps', 'Risks']));
    expect(page.toc.filter((t) => t.title === 'Evaluation Results')).toEqual([]);
  });
});
