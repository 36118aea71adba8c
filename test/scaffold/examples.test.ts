/**
 * The example records in content/experiments/ are the demo a new user sees first, so their numbers
 * must hold together: every JSON and frontmatter record validates against ExperimentSchema, and the
 * metrics a confusion matrix implies, group sizes, splits, GPU-hours, best epochs, baselines and
 * improvement claims agree with what the record reports. Exactly one claim is wrong on purpose
 * (fraud-nn-005's "+2.5%" F1), so that Logbook's checker has something to flag.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ExperimentSchema, type Experiment } from '../../src/schema/index.ts';

const DIR = join(import.meta.dirname, '../../content/experiments');
const TEMPLATE = readFileSync(join(import.meta.dirname, '../../src/scaffold/template.md'), 'utf8');
const DELIBERATE = { id: 'fraud-nn-005', metric: 'F1 Score' };

type Form = 'json' | 'frontmatter' | 'template';
interface Example {
  file: string;
  form: Form;
  text: string;
  /** Raw data for JSON and frontmatter records (frontmatter body → notes). */
  data?: Record<string, unknown>;
}

function loadExamples(): Example[] {
  return readdirSync(DIR)
    .filter((f) => /\.(json|md)$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(DIR, file), 'utf8');
      if (file.endsWith('.json')) return { file, form: 'json', text, data: JSON.parse(text) as Record<string, unknown> };
      const fm = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (fm) {
        const data = parseYaml(fm[1] ?? '') as Record<string, unknown>;
        const body = (fm[2] ?? '').trim();
        return { file, form: 'frontmatter', text, data: body === '' ? data : { ...data, notes: body } };
      }
      return { file, form: 'template', text };
    });
}

const examples = loadExamples();
const structured = examples.filter((e) => e.data !== undefined);
const templates = examples.filter((e) => e.form === 'template');
const records: Experiment[] = structured.map((e) => ExperimentSchema.parse(e.data));
const byId = new Map(records.map((r) => [r.id, r]));

/** `**Label**: value` of a template-form record. */
function label(text: string, name: string): string | undefined {
  return new RegExp(`^\\*\\*${name.replace(/[()]/g, '\\$&')}\\*\\*:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();
}
/** Rows of the first Markdown table after the line starting with `after`, as header → cell maps. */
function tableAfter(text: string, after: string): Record<string, string>[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(after));
  const head = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  const cells = (l: string): string[] =>
    l
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim().replace(/^\*\*(.*)\*\*$/, '$1'));
  const header = cells(lines[head] ?? '');
  const rows: Record<string, string>[] = [];
  for (let i = head + 2; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) {
    const row = cells(lines[i] ?? '');
    rows.push(Object.fromEntries(header.map((h, j) => [h, row[j] ?? ''])));
  }
  return rows;
}
/** The confusion matrix code block of a template-form record. */
function templateMatrix(text: string): { labels: string[]; matrix: number[][] } {
  const block = /\*\*Confusion Matrix\*\*:\n```\n([\s\S]*?)\n```/.exec(text)?.[1] ?? '';
  const lines = block.split('\n').slice(1);
  const labels = (lines[0] ?? '').trim().split(/\s+/);
  const matrix = lines.slice(1).map((l) =>
    l
      .replace(/^Actual/, '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number),
  );
  return { labels, matrix };
}
const decimals = (x: number): number => (String(x).split('.')[1] ?? '').length;

/** Accuracy, precision and recall a matrix implies: positive class for binary, macro averages otherwise. */
function derive(labels: string[], matrix: number[][], positiveLabel?: string): Record<'Accuracy' | 'Precision' | 'Recall', number> {
  const k = labels.length;
  const row = (i: number): number => (matrix[i] ?? []).reduce((a, b) => a + b, 0);
  const col = (j: number): number => matrix.reduce((a, r) => a + (r[j] ?? 0), 0);
  const cell = (i: number, j: number): number => matrix[i]?.[j] ?? 0;
  const n = matrix.flat().reduce((a, b) => a + b, 0);
  let trace = 0;
  for (let i = 0; i < k; i++) trace += cell(i, i);
  if (k === 2) {
    const p = positiveLabel === undefined ? 1 : labels.indexOf(positiveLabel);
    return { Accuracy: trace / n, Precision: cell(p, p) / col(p), Recall: cell(p, p) / row(p) };
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < k; i++) {
    precision += cell(i, i) / col(i) / k;
    recall += cell(i, i) / row(i) / k;
  }
  return { Accuracy: trace / n, Precision: precision, Recall: recall };
}
function expectSameAtReportedPrecision(reported: number, derived: number, what: string): void {
  const d = decimals(reported);
  expect(Number(derived.toFixed(d)), what).toBe(reported);
}
/** Relative change in percent, as the claims write it. */
const relativeChange = (current: number, previous: number): number => ((current - previous) / previous) * 100;

describe('the example collection', () => {
  test('has at least 9 records in all three forms, at least 3 in template form', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
    expect(new Set(examples.map((e) => e.form))).toEqual(new Set(['json', 'frontmatter', 'template']));
    expect(templates.length).toBeGreaterThanOrEqual(3);
  });

  test('every file is named after its id, and ids are unique', () => {
    const ids = examples.map((e) => (e.data ? String(e.data['id']) : label(e.text, 'Experiment ID')));
    expect(ids).toEqual(examples.map((e) => e.file.replace(/\.(json|md)$/, '')));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every parent and related link points at an example, and the fraud lineage is a chain ≥ 3 deep with a branch', () => {
    const links = new Map<string, { parent?: string; related: string[] }>();
    for (const r of records)
      links.set(r.id, { ...(r.lineage?.parent ? { parent: r.lineage.parent } : {}), related: r.lineage?.related ?? [] });
    for (const t of templates) {
      const parent = /^- Parent: (.*)$/m.exec(t.text)?.[1]?.trim();
      const related =
        /^- Related: (.*)$/m
          .exec(t.text)?.[1]
          ?.split(',')
          .map((s) => s.trim()) ?? [];
      links.set(label(t.text, 'Experiment ID') ?? '', { ...(parent ? { parent } : {}), related });
    }
    for (const [id, link] of links) {
      for (const target of [link.parent, ...link.related].filter((x) => x !== undefined))
        expect(links.has(target), `${id} → ${target}`).toBe(true);
    }
    const depth = (id: string): number => (links.get(id)?.parent ? 1 + depth(links.get(id)?.parent ?? '') : 0);
    expect(Math.max(...[...links.keys()].filter((id) => id.startsWith('fraud-')).map(depth))).toBeGreaterThanOrEqual(3);
    const children = new Map<string, number>();
    for (const link of links.values()) if (link.parent) children.set(link.parent, (children.get(link.parent) ?? 0) + 1);
    expect(Math.max(...children.values())).toBeGreaterThanOrEqual(2);
    expect([...links.values()].filter((l) => l.related.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  test('statuses: mostly completed, one running, one failed with notes; all dates in 2025', () => {
    const statuses = [...records.map((r) => r.status), ...templates.map((t) => label(t.text, 'Status'))];
    expect(statuses.filter((s) => s === 'running')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'completed').length).toBeGreaterThan(statuses.length / 2);
    expect(records.find((r) => r.status === 'failed')?.notes?.length).toBeGreaterThan(100);
    const dates = [
      ...records.flatMap((r) => [r.date, r.completionDate]),
      ...templates.flatMap((t) => [label(t.text, 'Date'), label(t.text, 'Completion Date')]),
    ];
    for (const date of dates.filter((d) => d !== undefined)) expect(date).toMatch(/^2025-\d\d-\d\d$/);
  });

  test('both use cases are covered: binary fraud detection and a multi-class image task with sex × age groups', () => {
    const useCases = new Set([
      ...records.map((r) => r.tags?.['use_case']),
      ...templates.map((t) => /^- use_case: (.*)$/m.exec(t.text)?.[1]),
    ]);
    expect(useCases).toEqual(new Set(['fraud-detection', 'image-classification']));
    const image = records.find((r) => r.tags?.['use_case'] === 'image-classification' && r.evaluation?.confusionMatrix);
    expect(image?.evaluation?.confusionMatrix?.labels.length).toBeGreaterThan(2);
    expect(
      image?.evaluation?.disaggregated?.some(
        (g) => g.group === 'Female, 18-29' && g.attributes?.['sex'] === 'Female' && g.attributes['age'] === '18-29',
      ),
    ).toBe(true);
  });
});

describe.each(structured.map((e) => [e.file, e] as const))('%s', (_file, example) => {
  const record = ExperimentSchema.parse(example.data);

  test('parses against ExperimentSchema, with the right $schema for JSON', () => {
    expect(ExperimentSchema.safeParse(example.data).success).toBe(true);
    if (example.form === 'json') expect(example.data?.['$schema']).toBe('../../public/schema/experiment.schema.json');
    else expect(Object.keys(example.data ?? {}).every((k) => k in ExperimentSchema.shape)).toBe(true);
  });

  test('tracker ids: a 32-hex MLflow run id and a W&B run URL', () => {
    expect(record.trackers?.mlflowRunId).toMatch(/^[0-9a-f]{32}$/);
    expect(record.trackers?.wandbRun).toMatch(/^https:\/\/wandb\.ai\/[\w-]+\/[\w-]+\/runs\/[0-9a-z]+$/);
  });

  test('splits agree with the dataset size', () => {
    const d = record.dataset;
    const splits = d?.splits ?? [];
    expect(splits.reduce((a, s) => a + (s.fraction ?? 0), 0)).toBeCloseTo(1, 9);
    expect(splits.reduce((a, s) => a + (s.records ?? 0), 0)).toBe(d?.records);
    for (const s of splits) expect(s.records).toBe(Math.round((s.fraction ?? 0) * (d?.records ?? 0)));
  });

  test('history: 10-30 rows with a learning-rate column, falling loss; best model is the row with the lowest val loss; GPU-hours = GPUs × hours', () => {
    const t = record.training;
    const history = t?.history ?? [];
    expect(history.length).toBeGreaterThanOrEqual(10);
    expect(history.length).toBeLessThanOrEqual(30);
    expect(history.every((h) => 'Learning Rate' in h)).toBe(true);
    const loss = history.map((h) => h['Train Loss']).filter((x): x is number => typeof x === 'number');
    expect(loss[0]).toBeGreaterThan(Math.min(...loss));
    if (t?.bestModel) {
      const row = history.find((h) => h.epoch === t.bestModel?.epoch);
      expect(row).toBeDefined();
      for (const [k, v] of Object.entries(t.bestModel.metrics ?? {})) expect(row?.[k], k).toBe(v);
      const valLoss = history.map((h) => h['Val Loss']).filter((x): x is number => typeof x === 'number');
      expect(row?.['Val Loss']).toBe(Math.min(...valLoss));
    }
    const inf = t?.infrastructure;
    if (inf?.gpuHours !== undefined) expect(inf.gpuHours).toBeCloseTo((inf.gpuCount ?? 0) * (inf.durationHours ?? 0), 9);
  });

  const e = record.evaluation;
  test.runIf(e?.confusionMatrix !== undefined)(
    'confusion-matrix metrics match the reported ones; groups add up and the Overall row repeats them',
    () => {
      const cm = e?.confusionMatrix;
      const derived = derive(cm?.labels ?? [], cm?.matrix ?? [], cm?.positiveLabel);
      const reported = new Map((e?.testMetrics ?? []).map((m) => [m.metric, m.value]));
      for (const metric of ['Accuracy', 'Precision', 'Recall'] as const) {
        expectSameAtReportedPrecision(reported.get(metric) ?? NaN, derived[metric], `${record.id} ${metric}`);
      }
      const groups = e?.disaggregated ?? [];
      const overall = groups.find((g) => g.overall);
      expect(overall?.n).toBe((cm?.matrix ?? []).flat().reduce((a, b) => a + b, 0));
      expect(overall?.metrics['Accuracy']).toBe(reported.get('Accuracy'));
      expect(overall?.metrics['F1']).toBe(reported.get('F1 Score'));
      const partitions = new Map<string, number>();
      for (const g of groups.filter((g) => !g.overall)) {
        const key = Object.keys(g.attributes ?? {})
          .sort()
          .join('×');
        partitions.set(key, (partitions.get(key) ?? 0) + (g.n ?? 0));
      }
      expect(partitions.size).toBeGreaterThan(0);
      for (const [key, n] of partitions) expect(n, key).toBe(overall?.n);
    },
  );

  test.runIf(record.comparison?.claims !== undefined)(
    "baselines carry the parent's numbers and the claims match them (but for the one deliberate error)",
    () => {
      const baselines = record.comparison?.baselines ?? [];
      const current = baselines.find((b) => b.current);
      const previous = baselines.find((b) => b.label.startsWith('Previous Best'));
      const parentId = record.lineage?.parent;
      if (parentId !== undefined) {
        expect(previous?.label).toBe(`Previous Best (${parentId})`);
        expect(previous?.experimentId).toBe(parentId);
        expect(previous?.metrics).toEqual(parentBaselineMetrics(parentId));
      }
      for (const claim of record.comparison?.claims ?? []) {
        // the row the claim compares with: "previous best" → "Previous Best (…)", "majority class" → the row noted so
        const ref = (claim.reference ?? '').toLowerCase();
        const reference = baselines.find((b) => !b.current && `${b.label} ${b.notes ?? ''}`.toLowerCase().includes(ref));
        const column = claim.metric === 'F1 Score' ? 'F1' : claim.metric === 'Latency' ? 'Latency (ms)' : claim.metric;
        const now = current?.metrics[column] ?? NaN;
        const then = reference?.metrics[column] ?? NaN;
        const actual = claim.unit === 'abs' ? now - then : relativeChange(now, then);
        const matches = Math.abs(actual - (claim.value ?? NaN)) <= 0.5 * 10 ** -decimals(claim.value ?? 0) + 1e-9;
        const deliberate = record.id === DELIBERATE.id && claim.metric === DELIBERATE.metric;
        expect(matches, `${record.id} ${claim.text} (actual ${actual.toFixed(3)})`).toBe(!deliberate);
      }
    },
  );
});

/** The current-experiment row of a parent, whichever form the parent is written in. */
function parentBaselineMetrics(id: string): Record<string, number | null> | undefined {
  const parent = byId.get(id);
  if (parent) return parent.comparison?.baselines?.find((b) => b.current)?.metrics;
  const t = templates.find((x) => label(x.text, 'Experiment ID') === id);
  const row = tableAfter(t?.text ?? '', '**Baseline Models**').find((r) => r['Model'] === 'Current Experiment');
  return row ? { Accuracy: Number(row['Accuracy']), F1: Number(row['F1']), 'Latency (ms)': Number(row['Latency (ms)']) } : undefined;
}

describe.each(templates.map((t) => [t.file, t] as const))('%s (template form)', (_file, example) => {
  test("has every section and bold label of the template, in the template's order", () => {
    const shape = (text: string): string[] =>
      text
        .split('\n')
        .filter((l) => /^(#{1,2} |\*\*[^*]+\*\*)/.test(l))
        .map((l) => /^(#{1,2} .*|\*\*[^*]+\*\*)/.exec(l)?.[1] ?? '');
    expect(shape(example.text)).toEqual(shape(TEMPLATE));
  });

  test('leaves no placeholder of the template unfilled', () => {
    const placeholders = new Set(TEMPLATE.match(/\[[A-Za-z][^\]\n]*\]/g) ?? []);
    for (const placeholder of placeholders) expect(example.text, placeholder).not.toContain(placeholder);
    expect(example.text).not.toMatch(/\[[^\]\n]*\|[^\]\n]*\]/);
  });

  test('confusion-matrix metrics match the test-set table; the Overall row repeats it; groups add up', () => {
    const { labels, matrix } = templateMatrix(example.text);
    expect(matrix.every((row) => row.length === labels.length)).toBe(true);
    const metrics = new Map(tableAfter(example.text, '**Test Set Performance**').map((r) => [r['Metric'], Number(r['Value'])]));
    const derived = derive(labels, matrix);
    for (const metric of ['Accuracy', 'Precision', 'Recall'] as const)
      expectSameAtReportedPrecision(metrics.get(metric) ?? NaN, derived[metric], metric);
    const groups = tableAfter(example.text, '**Disaggregated Performance**');
    const n = (s: string): number => (s.endsWith('K') ? Number(s.slice(0, -1)) * 1000 : Number(s));
    // attribute columns: "Group", or one column per attribute ("Sex", "Age"), "-" where a row leaves one open
    const attributes = Object.keys(groups[0] ?? {}).filter((h) => !['Accuracy', 'Precision', 'Recall', 'F1', 'N'].includes(h));
    const overall = groups.find((g) => g[attributes[0] ?? ''] === 'Overall');
    expect(n(overall?.['N'] ?? '')).toBe(matrix.flat().reduce((a, b) => a + b, 0));
    expect(Number(overall?.['Accuracy'])).toBe(metrics.get('Accuracy'));
    const partitions = new Map<string, number>();
    for (const g of groups.filter((g) => g !== overall)) {
      const key = attributes.filter((a) => g[a] !== '-').join('×');
      partitions.set(key, (partitions.get(key) ?? 0) + n(g['N'] ?? ''));
    }
    expect(partitions.size).toBeGreaterThan(0);
    for (const [key, total] of partitions) expect(total, key).toBe(n(overall?.['N'] ?? ''));
  });

  test('GPU-hours = GPUs × hours; the best epoch is a row of the history with the lowest val loss', () => {
    const gpus = Number(/^- Hardware: (\d+)x/m.exec(example.text)?.[1]);
    const hours = Number(/^- Training Duration: ([\d.]+) hours/m.exec(example.text)?.[1]);
    expect(Number(/^- GPU-hours: ([\d.]+)/m.exec(example.text)?.[1])).toBeCloseTo(gpus * hours, 9);
    const history = tableAfter(example.text, '**Training Metrics**');
    expect(history.length).toBeGreaterThanOrEqual(10);
    const best = /^- Epoch: (\d+)/m.exec(example.text)?.[1];
    const row = history.find((h) => h['Epoch'] === best);
    expect(row?.['Val Loss']).toBe(/^- Validation Loss: (.*)$/m.exec(example.text)?.[1]);
    expect(Number(row?.['Val Loss'])).toBe(Math.min(...history.map((h) => Number(h['Val Loss']))));
  });

  test("the previous-best row is the parent's current row, and the claims match it", () => {
    const parentId = /^- Parent: (.*)$/m.exec(example.text)?.[1]?.trim() ?? '';
    const rows = tableAfter(example.text, '**Baseline Models**');
    const previous = rows.find((r) => r['Model'] === `Previous Best (${parentId})`);
    const current = rows.find((r) => r['Model'] === 'Current Experiment');
    const metrics = (r: Record<string, string> | undefined): Record<string, number> => ({
      Accuracy: Number(r?.['Accuracy']),
      F1: Number(r?.['F1']),
      'Latency (ms)': Number(r?.['Latency (ms)']),
    });
    expect(metrics(previous)).toEqual(parentBaselineMetrics(parentId));
    const claims = [...example.text.matchAll(/^- (Accuracy|F1 Score|Latency): ([+-][\d.]+)(%|ms) vs previous best/gm)];
    expect(claims).toHaveLength(3);
    for (const [, metric, value, unit] of claims) {
      const column = metric === 'F1 Score' ? 'F1' : metric === 'Latency' ? 'Latency (ms)' : (metric ?? '');
      const now = metrics(current)[column] ?? NaN;
      const then = metrics(previous)[column] ?? NaN;
      const actual = unit === 'ms' ? now - then : relativeChange(now, then);
      expect(Math.abs(actual - Number(value)), `${metric} ${value}${unit}`).toBeLessThanOrEqual(
        0.5 * 10 ** -decimals(Number(value)) + 1e-9,
      );
    }
  });
});
