import { describe, expect, test } from 'vitest';
import { loadRecords } from '../../src/content/index.ts';
import { analyzeCollection } from '../../src/analysis/index.ts';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';
import { buildExperimentPageData, seedRows, splitShares } from '../../src/view/experiment.ts';
import { SECTIONS } from '../../src/view/sections.ts';
import { buildFairnessOverview } from '../../src/view/overview-pages.ts';
import type { Experiment } from '../../src/schema/index.ts';
import { readFileSync } from 'node:fs';

// A frozen copy of the example records: editing an example never changes what these tests assert.
const { records } = await loadRecords('test/fixtures/site');
const experiments = records.map((r) => r.record);

function pageFor(record: Experiment, all: Experiment[] = experiments) {
  const analysis = analyzeCollection(all);
  return buildExperimentPageData(record, {
    base: '/logbook/',
    analysis: analysis.byId.get(record.id)!,
    records: new Map(all.map((r) => [r.id, r])),
    analyses: analysis.byId,
    charts: new Map(),
  });
}

/** Every string leaf of a value, with its path. */
function stringLeaves(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringLeaves(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringLeaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('buildExperimentPageData', () => {
  test('the test-metric table shows each value to the places it was written with, and its interval at least to those', () => {
    const parsed = parseSource(
      [
        '**Experiment ID**: p',
        '',
        '## Evaluation Results',
        '',
        '**Test Set Performance**:',
        '- Accuracy: 0.90',
        '- F1: 0.851 [0.842, 0.860]',
      ].join('\n'),
      { file: 'p.md' },
    );
    const { record } = validateRecord(parsed, { file: 'p.md' });
    const table = pageFor(record!, [record!])
      .sections.find((s) => s.id === 'evaluation')
      ?.blocks.find((b) => b.kind === 'table' && b.id === 'test-metrics-table');
    const rows = (table as { rows: { text: string }[][] } | undefined)?.rows.map((row) => row.slice(0, 3).map((cell) => cell.text));
    expect(rows).toEqual([
      ['Accuracy', '0.90', '—'],
      ['F1', '0.851', '[0.842, 0.860]'],
    ]);
  });

  test('a section\'s other fields after its sub-sections come under "Other fields", not under the last sub-section', () => {
    const record = { id: 'x', model: { type: 'MLP', hyperparametersNote: 'defaults from exp-050' } } as unknown as Experiment;
    const blocks = pageFor(record, [record]).sections.find((s) => s.id === 'model')?.blocks ?? [];
    const at = blocks.findIndex((b) => b.kind === 'subheading' && b.id === 'model-other-fields');
    expect(at).toBeGreaterThan(0);
    expect(blocks[at + 1]).toEqual({
      kind: 'fields',
      items: [{ label: 'Hyperparameters note', value: { text: 'defaults from exp-050' } }],
    });
  });

  test('unmodelled nested values: an object a field per key, an object of rows and a list of rows as tables', () => {
    const record = {
      id: 'nested-1',
      costBreakdown: { compute_usd: 3.12, labelling: { hours: 14, vendor: 'Acme' } },
      segments: { SMB: { pr_auc: 0.583, n: 51230 }, Enterprise: { pr_auc: 0.498, n: 6751 } },
      reviewers: [{ name: 'A. Schulz', verdict: 'approved' }],
      languages: ['en', 'de'],
    } as Experiment;
    const other = pageFor(record, [record]).sections.find((s) => s.id === 'other');
    const fields = other?.blocks.find((b) => b.kind === 'fields');
    expect(
      fields?.kind === 'fields'
        ? fields.items.map((i) => [i.label, Array.isArray(i.value) ? i.value.map((v) => v.text) : i.value.text])
        : [],
    ).toEqual([
      ['Cost breakdown › Compute usd', '3.12'],
      ['Cost breakdown › Labelling › Hours', '14'],
      ['Cost breakdown › Labelling › Vendor', 'Acme'],
      ['Languages', ['en', 'de']],
    ]);
    const tables = (other?.blocks ?? []).flatMap((b) => (b.kind === 'table' ? [b] : []));
    expect(tables.map((t) => [t.caption, t.columns.map((c) => c.label), t.rows.map((r) => r.map((c) => c.text))])).toEqual([
      [
        'Segments',
        ['Segments', 'PR AUC', 'N'],
        [
          ['SMB', '0.583', '51,230'],
          ['Enterprise', '0.498', '6,751'],
        ],
      ],
      ['Reviewers', ['Name', 'Verdict'], [['A. Schulz', 'approved']]],
    ]);
  });

  test('the changes against a parent evaluated on another dataset version say so under the table', () => {
    const parent: Experiment = {
      id: 'p-1',
      dataset: { name: 'tx', version: '1.0' },
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: 0.8, ci95: 0.01 }] },
    };
    const child: Experiment = { ...parent, id: 'c-1', dataset: { name: 'tx', version: '2.0' }, lineage: { parent: 'p-1' } };
    const note = (record: Experiment, all: Experiment[]) => {
      const table = pageFor(record, all)
        .sections.flatMap((s) => s.blocks)
        .find((b) => b.kind === 'table' && b.id === 'parent-deltas');
      return table?.kind === 'table' ? (table.note ?? null) : undefined;
    };
    expect(note(child, [parent, child])).toBe(
      "The parent p-1 was evaluated on tx (version 1.0), this experiment on tx (version 2.0): a change against the parent mixes the model's effect with the data's.",
    );
    const sameData = { ...child, dataset: { name: 'tx', version: '1.0' } };
    expect(note(sameData, [parent, sameData])).toBeNull();
  });

  test("each baseline delta's assumption is said once: in its interval's note, or under the table when it has no interval", () => {
    let checked = 0;
    for (const record of experiments) {
      const page = pageFor(record);
      const analysis = analyzeCollection(experiments).byId.get(record.id)!;
      const table = page.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.id === 'baseline-deltas');
      if (table?.kind !== 'table') continue;
      const titles = table.rows.map((row) => row[6]?.title ?? '').join(' ');
      for (const d of analysis.baselineDeltas) {
        if (!d.assumption) continue;
        checked++;
        const said = `${titles} ${table.note ?? ''}`.toLowerCase();
        expect(said, `${record.id}: ${d.baseline}`).toContain(d.assumption.toLowerCase().replace(/\.$/, ''));
        if (d.ciLow !== null) expect(table.note ?? '', `${record.id}: ${d.baseline}`).not.toContain(d.assumption);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('shows the sections the record has something for, in the template order, and names the others', () => {
    const page = pageFor(experiments[0]!);
    const ids = page.sections.map((s) => s.id).filter((id) => !id.startsWith('section-'));
    const shown = SECTIONS.filter((s) => ids.includes(s.id));
    expect(ids).toEqual(shown.map((s) => s.id));
    expect([...shown.map((s) => s.title), ...page.absent].sort()).toEqual(SECTIONS.map((s) => s.title).sort());
    expect(page.toc.map((t) => t.id)).toEqual(page.sections.map((s) => s.id));
    expect(page.sections.every((s) => s.empty !== true && s.blocks.length > 0)).toBe(true);
  });

  test('a record with nothing but an id shows the summary and the checks, and names every other section as absent', () => {
    const page = pageFor({ id: 'bare' }, [{ id: 'bare' }]);
    expect(page.sections.map((s) => s.id)).toEqual(['summary', 'checks', 'lineage', 'metadata']);
    expect(page.absent).toEqual([
      'Experiment overview',
      'Dataset',
      'Model configuration',
      'Training results',
      'Evaluation results',
      'Fairness: performance by group',
      'Comparison to baseline',
      'Hyperparameter tuning',
      'Artifacts & reproducibility',
      'Observations & insights',
      'Next steps',
      'Notes',
      'Other fields',
    ]);
  });

  test.each(experiments.map((r) => [r.id, r] as const))('every text field of %s reaches its page', (_id, record) => {
    const text = JSON.stringify(pageFor(record));
    // Narrative Markdown is rendered to HTML, and two enums are shown in words (a search space's kind
    // by its notation, readiness as "Needs review"); everything else must appear as written.
    const encoded = (path: string) =>
      /^sections\.\d+\.markdown$|\.searchSpace\.kind$/.test(path) || ['$schema', 'notes', 'nextSteps.readyForProduction'].includes(path);
    const leaves = stringLeaves(record, '', []).filter(([path]) => !encoded(path));
    const missing = leaves.filter(([, value]) => !text.includes(JSON.stringify(value).slice(1, -1)));
    expect(missing).toEqual([]);
  });

  test('shows deployment readiness in words', () => {
    const record = { ...experiments[0]!, nextSteps: { readyForProduction: 'needs-review' } } as Experiment;
    expect(JSON.stringify(pageFor(record, [record]).sections.find((s) => s.id === 'next-steps'))).toContain('"text":"Needs review"');
  });

  test('shows a training duration as written ("25 min"), else in hours', () => {
    const section = (record: Experiment) => JSON.stringify(pageFor(record, [record]).sections.find((s) => s.id === 'training'));
    const written = { id: 'a', training: { infrastructure: { durationHours: 25 / 60, durationText: '25 min' } } } as Experiment;
    expect(section(written)).toContain('{"label":"Training duration","value":{"text":"25 min"}}');
    expect(section(written)).not.toContain('0.41');
    expect(section({ id: 'b', training: { infrastructure: { durationHours: 12 } } })).toContain(
      '"label":"Training duration","value":{"text":"12 h"',
    );
  });

  test('shows placeholders as "not filled", never as values', () => {
    const parsed = parseSource(readFileSync('test/fixtures/ingest/template/input.md', 'utf8'), { file: 'template.md' });
    const { record } = validateRecord(parsed, { file: 'template.md' });
    const page = pageFor(record!, [record!]);
    const text = JSON.stringify(page);
    expect(text).toContain('"text":"not filled","placeholder":true');
    expect(text).not.toContain('[Name]');
    expect(text).not.toContain('[Adam | SGD | AdamW]');
  });

  test('keeps fields the schema does not model under "Other fields" and in their section', () => {
    const record = { ...experiments[0]!, curator: 'Ada', dataset: { ...experiments[0]!.dataset, licence: 'CC-BY-4.0' } } as Experiment;
    const page = pageFor(record, [record]);
    const other = page.sections.find((s) => s.id === 'other')!;
    expect(JSON.stringify(other)).toContain('"label":"Curator","value":{"text":"Ada"}');
    expect(JSON.stringify(page.sections.find((s) => s.id === 'dataset'))).toContain('"label":"Licence","value":{"text":"CC-BY-4.0"}');
  });

  test('a status read with a note (`Paused`, `completed (early stopped)`) shows the note beside the status, not under "Other fields"', () => {
    const parsed = parseSource(['---', 'id: s-1', 'status: Paused', '---', ''].join('\n'), { file: 's-1.md' });
    const { record } = validateRecord(parsed, { file: 's-1.md' });
    const page = pageFor(record!, [record!]);
    expect(page.header.map((f) => [f.label, JSON.stringify(f.value)])).toEqual(
      expect.arrayContaining([
        ['Status', expect.stringContaining('"text":"running"')],
        ['Status note', '{"text":"Paused"}'],
      ]),
    );
    expect(JSON.stringify(page.sections.find((s) => s.id === 'other') ?? {})).not.toContain('Status note');
  });

  test('a field the schema does not model that is a list of rows is shown as a table, captioned with its name', () => {
    const record = {
      ...experiments[0]!,
      evaluation: {
        ...experiments[0]!.evaluation,
        perClass: [
          { class: 'cat', recall: 0.8 },
          { class: 'dog', recall: 0.9, note: 'fewer' },
        ],
      },
    } as Experiment;
    const blocks = pageFor(record, [record]).sections.find((s) => s.id === 'evaluation')?.blocks ?? [];
    expect(blocks.find((b) => b.kind === 'table' && b.caption === 'Per class')).toEqual({
      kind: 'table',
      caption: 'Per class',
      columns: [{ label: 'Class' }, { label: 'Recall', numeric: true }, { label: 'Note' }],
      rows: [
        [{ text: 'cat' }, { text: '0.8', numeric: true }, { text: '' }],
        [{ text: 'dog' }, { text: '0.9', numeric: true }, { text: 'fewer' }],
      ],
    });
  });

  test('links check findings to the section they are about', () => {
    const record = experiments.find((r) => r.id === 'fraud-nn-005')!;
    const page = pageFor(record);
    const claim = page.checks.find((c) => c.code === 'claim-mismatch');
    expect(claim?.href).toBe('#comparison');
  });

  test('renders hostile text as data: links only for safe protocols', () => {
    const record = {
      ...experiments[0]!,
      dataset: { name: '<script>alert(1)</script>', location: 'javascript:alert(1)' },
      trackers: { wandbRun: 'https://wandb.ai/org/p/runs/1' },
    } as Experiment;
    const page = pageFor(record, [record]);
    const dataset = JSON.stringify(page.sections.find((s) => s.id === 'dataset'));
    expect(dataset).toContain('"text":"<script>alert(1)</script>"');
    expect(dataset).not.toContain('"href":"javascript:');
    expect(JSON.stringify(page.header)).toContain('"href":"https://wandb.ai/org/p/runs/1"');
  });
});

describe('splitShares', () => {
  test('each split’s records ÷ the records of all splits', () => {
    // 200,000 + 25,000 + 25,000 = 250,000: 0.8, 0.1, 0.1.
    expect(splitShares([{ records: 200000 }, { records: 25000 }, { records: 25000 }])).toEqual([0.8, 0.1, 0.1]);
    // 7 + 2 + 1 = 10: 0.7, 0.2, 0.1 (as floats: 7/10, 2/10, 1/10).
    expect(splitShares([{ records: 7 }, { records: 2 }, { records: 1 }])).toEqual([0.7, 0.2, 0.1]);
  });

  test('no share where a split has no count, or the counts add up to 0', () => {
    expect(splitShares([{ records: 200000 }, {}, { records: 25000 }])).toEqual([undefined, undefined, undefined]);
    expect(splitShares([{ records: 0 }, { records: 0 }])).toEqual([undefined, undefined]);
  });

  test('the dataset table shows a computed share, says it is computed, and keeps a share the log gives', () => {
    const record: Experiment = {
      id: 'split-counts',
      name: 'Split counts',
      date: '2025-02-14',
      dataset: {
        splits: [
          { name: 'Training', records: 200000 },
          { name: 'Validation', records: 25000 },
          { name: 'Test', fraction: 0.1, records: 25000 },
        ],
      },
    };
    const page = pageFor(record, [record]);
    const dataset = page.sections.find((s) => s.id === 'dataset');
    const table = dataset?.blocks.find((b) => b?.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no split table');
    expect(table.rows.map((row) => row[1]?.text)).toEqual(['80%', '10%', '10%']);
    expect(table.rows[0]?.[1]?.title).toMatch(/computed from the records/i);
    expect(table.rows[2]?.[1]?.title).toBeUndefined();
  });
});

describe("headings in a log's own text", () => {
  test('are links to themselves, under the section they were written in, one id each on the page', () => {
    const text = [
      '**Experiment ID**: exp-heads',
      '',
      '## Ablations',
      '',
      'Four runs.',
      '',
      '### What the ablations say',
      '',
      'Additive.',
      '',
      '## Appendix',
      '',
      '### What the ablations say',
    ].join('\n');
    const record = validateRecord(parseSource(text, { file: 'exp-heads.md' }), { file: 'exp-heads.md' }).record!;
    const page = pageFor(record, [record]);
    const html = page.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'markdown' ? [b.html] : []))).join('\n');
    expect(html.match(/<h\d id="[^"]+"/g)).toEqual([
      '<h3 id="section-ablations-1-what-the-ablations-say"',
      '<h3 id="section-appendix-2-what-the-ablations-say"',
    ]);
  });
});

/** The column labels of table `id` on the page of a record written as `lines` under a `**Experiment ID**` line. */
function columnsOf(id: string, lines: string[]): string[] {
  const text = ['**Experiment ID**: exp-cols', '', ...lines].join('\n');
  const record = validateRecord(parseSource(text, { file: 'exp-cols.md' }), { file: 'exp-cols.md' }).record!;
  const table = pageFor(record, [record])
    .sections.flatMap((s) => s.blocks)
    .find((b) => b.kind === 'table' && b.id === id);
  return table?.kind === 'table' ? table.columns.map((c) => c.label) : [];
}

describe('the baselines table', () => {
  const heads = (rows: string[]) =>
    columnsOf('baselines', ['## Baseline Comparison', '', '| Model | Accuracy | Notes |', '|---|---|---|', ...rows]);

  test('has a Notes column only when a row has notes', () => {
    expect(heads(['| Logistic regression | 0.851 | |', '| **This run** | 0.873 | |'])).toEqual(['Model', 'Accuracy']);
    expect(heads(['| Logistic regression | 0.851 | v1 features |', '| **This run** | 0.873 | |'])).toEqual(['Model', 'Accuracy', 'Notes']);
  });
});

describe('the hyperparameters table', () => {
  const heads = (lines: string[]) => columnsOf('hyperparameters', ['## Model Configuration', '', ...lines]);

  test('has search-space and tuning-method columns only when a setting gives one', () => {
    expect(heads(['```yaml', 'learning_rate: 3e-4', 'batch_size: 64', '```'])).toEqual(['Parameter', 'Value']);
    expect(
      heads([
        '| Parameter | Value | Search Space | Tuning Method |',
        '|---|---|---|---|',
        '| learning_rate | 0.001 | [1e-4, 1e-2] | Bayesian |',
        '| batch_size | 32 | | |',
      ]),
    ).toEqual(['Parameter', 'Value', 'Search space', 'Tuning method']);
  });
});

describe('groups of two attributes written with other columns', () => {
  const tables = (lines: string[]) => {
    const text = ['**Experiment ID**: exp-sites', '', ...lines].join('\n');
    const record = validateRecord(parseSource(text, { file: 'exp-sites.md' }), { file: 'exp-sites.md' }).record!;
    const page = pageFor(record, [record]);
    return page.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === 'table' && b.id?.startsWith('disaggregated-performance') ? [b] : []))
      .map((b) => ({
        id: b.id,
        caption: b.caption,
        head: b.columns.map((c) => c.label),
        rows: b.rows.map((row) => row.map((c) => c.text)),
      }));
  };
  const bySex = ['**Disaggregated Performance** (by sex):', '', '| Group | Dice | N |', '|---|---|---|', '| Overall | 0.851 | 257 |'];

  test('the size column is headed as written when it counts something (`Utterances`), else `N`', () => {
    const rows = ['| US | 6.9% | 11,200 |', '| UK | 7.4% | 6,100 |'];
    expect(tables(['## By accent', '', '| Accent | WER | Utterances |', '|---|---|---|', ...rows])[0]?.head).toEqual([
      'Group',
      'WER (%)',
      'Utterances',
    ]);
    expect(tables(['## By accent', '', '| Accent | WER | n |', '|---|---|---|', ...rows])[0]?.head).toEqual(['Group', 'WER (%)', 'N']);
  });

  test('a table per attribute, each headed by the Overall row, not one table of empty cells', () => {
    expect(
      tables([
        '## Performance by site',
        '',
        '| Site | Volumes | Dice | HD95 (mm) |',
        '|---|---|---|---|',
        '| Hospital A | 121 | 0.862 | 5.9 |',
        '| Hospital B | 88 | 0.848 | 6.4 |',
        '',
        '## Fairness',
        '',
        ...bySex,
        '| Female | 0.846 | 112 |',
        '| Male | 0.855 | 145 |',
      ]),
    ).toEqual([
      {
        id: 'disaggregated-performance',
        caption: 'Disaggregated performance by site',
        head: ['Group', 'Volumes', 'Dice', 'HD95 (mm)'],
        rows: [
          ['Overall', '—', '0.851', '—'],
          ['Hospital A', '121', '0.862', '5.9'],
          ['Hospital B', '88', '0.848', '6.4'],
        ],
      },
      {
        id: 'disaggregated-performance-2',
        caption: 'Disaggregated performance by sex',
        head: ['Group', 'Dice', 'N'],
        rows: [
          ['Overall', '0.851', '257'],
          ['Female', '0.846', '112'],
          ['Male', '0.855', '145'],
        ],
      },
    ]);
  });

  test('one table when every attribute has the same columns', () => {
    const one = tables([
      '## Fairness',
      '',
      '| Sex | Age | Dice | N |',
      '|---|---|---|---|',
      '| Female | | 0.846 | 112 |',
      '| | 18-29 | 0.80 | 40 |',
    ]);
    expect(one.map((t) => [t.id, t.caption])).toEqual([['disaggregated-performance', 'Disaggregated performance']]);
  });
});

describe('a groups table with its own summary row', () => {
  test('the row is shown under the groups as written, and the gap it states is checked', () => {
    const text = [
      '**Experiment ID**: exp-gap',
      '',
      '## Fairness',
      '',
      '| Group | n | TPR | FPR |',
      '|---|---|---|---|',
      '| Female | 4,120 | 0.81 | 0.07 |',
      '| Male | 5,880 | 0.84 | 0.09 |',
      '| **Max gap** | | 0.05 | 0.02 |',
    ].join('\n');
    const record = validateRecord(parseSource(text, { file: 'exp-gap.md' }), { file: 'exp-gap.md' }).record!;
    const page = pageFor(record, [record]);
    const table = page.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.id === 'disaggregated-performance');
    const rows = (table as unknown as { rows: { text?: string }[][] }).rows;
    expect(rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Female', '0.81', '0.07', '4,120'],
      ['Male', '0.84', '0.09', '5,880'],
      ['Max gap (as written)', '0.05', '0.02', ''],
    ]);
    expect(
      analyzeCollection([record])
        .byId.get('exp-gap')
        ?.checks.map((c) => c.message),
    ).toContain('The "Max gap" row gives TPR as 0.05, but the groups above it give 0.03 (the highest less the lowest).');
  });
});

describe('a time written in s beside times in ms', () => {
  test('every change of it is named in ms, the unit its values are shown in', () => {
    const parent: Experiment = { id: 'lat-1', evaluation: { testMetrics: [{ metric: 'p99 latency (ms)', value: 45 }] } };
    const child: Experiment = {
      id: 'lat-2',
      lineage: { parent: 'lat-1' },
      evaluation: { testMetrics: [{ metric: 'p99 latency (s)', value: 0.041 }] },
      comparison: {
        baselines: [{ label: 'Prod', metrics: { 'p99 latency (ms)': 38 } }],
        claims: [{ metric: 'p99 latency (s)', text: '+0.003 s vs Prod' }],
      },
    };
    const tables = new Map(
      pageFor(child, [parent, child])
        .sections.flatMap((s) => s.blocks)
        .flatMap((b) => (b.kind === 'table' ? [[b.id, b] as const] : [])),
    );
    const texts = (id: string): string[][] => (tables.get(id)?.rows ?? []).map((row) => row.map((c) => c.text ?? ''));
    // 0.041 s = 41 ms. Against Prod: 41 − 38 = +3 ms, 3 / 38 = +7.9%; against the parent: 41 − 45 = −4 ms, −4 / 45 = −8.9%.
    expect(texts('baseline-deltas')).toEqual([
      ['Prod', 'p99 latency (ms)', '41 ms', '38 ms', '+3 ms', '+7.9%', 'unknown', 'worse (no interval)'],
    ]);
    expect(texts('parent-deltas')).toEqual([
      ['lat-1', 'p99 latency (ms)', '41 ms', '45 ms', '−4 ms', '−8.9%', 'unknown', 'better (no interval)'],
    ]);
    // The claim as written (in s) beside the change it was checked against (in ms), under the unit of that change.
    expect(texts('claims')).toEqual([
      ['p99 latency (ms)', '+0.003 s vs Prod', 'Prod', '+3 ms · +7.9% relative', 'matches (read as absolute change)'],
    ]);
    expect(tables.get('summary-changes')).toMatchObject({ caption: 'Change in p99 latency (ms)' });
    // The record's own tables show its numbers as written, under its own names.
    expect(texts('test-metrics-table')).toEqual([['p99 latency (s)', '0.041', '—']]);
  });
});

describe('a groups table written with trailing zeros', () => {
  /** The fairness section's two tables (groups as written, gaps by the display rule) and the overview's cells. */
  function fairnessTexts(text: string, file: string) {
    const record = validateRecord(parseSource(text, { file }), { file }).record!;
    const tables = pageFor(record, [record])
      .sections.flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === 'table' ? [b] : []));
    const texts = (id: string): string[][] =>
      (tables.find((t) => t.id === id)?.rows ?? []).map((row) => row.slice(0, 5).map((c) => c.text ?? ''));
    const overview = buildFairnessOverview({ base: '/', records: [record], analyses: analyzeCollection([record]).byId });
    return {
      groups: texts('disaggregated-performance'),
      gaps: texts('fairness-gaps'),
      overview: overview.rows[0]?.gaps.map((g) => [g.metric, g.worst, g.best, g.difference.text]),
    };
  }
  // Female 89.0% / 0.8912, Male 92.0% / 0.9000: as fractions 0.890 and 0.920 (three places → 89.0%, 92.0%),
  // their gap 0.92 − 0.89 = 3.0 pp; F1 0.8912 and 0.9000 (four places → 89.12%, 90.00%), gap 0.0088 = 0.88 pp.
  const gaps = [
    ['group', 'Accuracy', 'Female (89.0%, n = 400)', 'Male (92.0%, n = 600)', '3.0 pp'],
    ['group', 'F1', 'Female (89.12%, n = 400)', 'Male (90.00%, n = 600)', '0.88 pp'],
  ];
  const overview = [
    ['Accuracy', 'Female (89.0%, n = 400)', 'Male (92.0%, n = 600)', '3.0 pp'],
    ['F1', 'Female (89.12%, n = 400)', 'Male (90.00%, n = 600)', '0.88 pp'],
  ];

  test('a filled-in template: 89.0% stays 89.0% in the groups table, the gaps table and the overview', () => {
    const text = [
      '**Experiment ID**: fair-md',
      '',
      '## Fairness',
      '',
      '| Group | n | Accuracy | F1 |',
      '|---|---|---|---|',
      '| Female | 400 | 89.0% | 0.8912 |',
      '| Male | 600 | 92.0% | 0.9000 |',
    ].join('\n');
    const shown = fairnessTexts(text, 'fair-md.md');
    // The template reads the column as `Accuracy (%)`: its cells are numbers, the header has the sign.
    expect(shown.groups).toEqual([
      ['Female', '89.0', '0.8912', '400'],
      ['Male', '92.0', '0.9000', '600'],
    ]);
    expect(shown.gaps).toEqual(gaps.map(([a, m, ...rest]) => [a, m === 'Accuracy' ? 'Accuracy (%)' : m, ...rest]));
    expect(shown.overview).toEqual(overview.map(([m, ...rest]) => [m === 'Accuracy' ? 'Accuracy (%)' : m, ...rest]));
  });

  test('a JSON record: 89.0 stays 89.0%, 0.9000 stays 0.9000', () => {
    const text =
      '{"id": "fair-json", "evaluation": {"disaggregated": [' +
      '{"group": "Female", "n": 400, "metrics": {"Accuracy": 89.0, "F1": 0.8912}},' +
      '{"group": "Male", "n": 600, "metrics": {"Accuracy": 92.0, "F1": 0.9000}}]}}';
    const shown = fairnessTexts(text, 'fair-json.json');
    expect(shown.groups).toEqual([
      ['Female', '89.0%', '0.8912', '400'],
      ['Male', '92.0%', '0.9000', '600'],
    ]);
    expect(shown.gaps).toEqual(gaps);
    expect(shown.overview).toEqual(overview);
  });
});

describe('tags in the page header', () => {
  test('a plain tag reads as itself and links to its page; a keyed one reads `Use case: churn`', () => {
    const record: Experiment = { id: 'tg-1', tags: { churn: '', use_case: 'retention' } };
    expect(pageFor(record, [record]).tags.map((t) => [t.label, t.href])).toEqual([
      ['churn', '/logbook/tags/tag/churn/'],
      ['Use case: retention', '/logbook/tags/use-case/retention/'],
    ]);
  });
});

describe('seedRows', () => {
  test('the seeds of one line are one row again; seeds by name stay rows of their own', () => {
    expect(seedRows({ 'Seeds 1': 0, 'Seeds 2': 1, 'Seeds 3': 2, 'Seeds 4': 3, 'Seeds 5': 4 })).toEqual([['Seeds', '0, 1, 2, 3, 4']]);
    expect(seedRows({ python: 42, numpy: 42, 'CI seeds 1': 23, 'CI seeds 2': 42, torch: 7 })).toEqual([
      ['python', '42'],
      ['numpy', '42'],
      ['CI seeds', '23, 42'],
      ['torch', '7'],
    ]);
    // A name that only ends in 1 is its own seed.
    expect(seedRows({ 'Fold 1': 7, Other: 3 })).toEqual([
      ['Fold 1', '7'],
      ['Other', '3'],
    ]);
  });
});
