import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';
import type { Experiment } from '../../src/schema/index.ts';

/** Parses and validates a record's text: the record and the formatted diagnostics. */
function validate(text: string, file: string): { record: unknown; problems: string[] } {
  const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
  return { record, problems: diagnostics.map(formatDiagnostic) };
}

describe('record parts in the shape people write them', () => {
  test('frontmatter: a list of tags and a map of hyperparameters', () => {
    const text = [
      '---',
      'id: cv-2',
      'tags: [vision, mixup, { owner: cv-team }]',
      'model:',
      '  hyperparameters:',
      '    lr: 0.1',
      '    batch_size: 256',
      '    optimizer: sgd',
      '    dropout: { value: 0.3, tuningMethod: grid }',
      '---',
    ].join('\n');
    const { record, problems } = validate(text, 'cv-2.md');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      tags: { vision: '', mixup: '', owner: 'cv-team' },
      model: {
        hyperparameters: [
          { name: 'lr', value: 0.1 },
          { name: 'batch_size', value: 256 },
          { name: 'optimizer', value: 'sgd' },
          { name: 'dropout', value: 0.3, tuningMethod: 'grid' },
        ],
      },
    });
  });

  test('frontmatter: tags as one string separated by commas, as Jekyll and Hugo write them', () => {
    const parsed = parseSource('---\nid: cls-31\ntags: vision, image classification; fp16\n---\n', { file: 'cls-31.md' });
    expect(validateRecord(parsed, { file: 'cls-31.md' }).record?.tags).toEqual({ vision: '', 'image classification': '', fp16: '' });
    expect(parsed.positions.get('tags.fp16')).toEqual({ line: 3, column: 7 });
    expect(validate('---\nid: a\ntags: vision\n---\n', 'a.md').record).toMatchObject({ tags: { vision: '' } });
    // An empty part (a trailing comma) is no tag.
    expect(validate('---\nid: a\ntags: vision,,nlp,\n---\n', 'a.md').record).toMatchObject({ tags: { vision: '', nlp: '' } });
  });

  test("a test metric's interval under another name, or as two bounds, is its ci95", () => {
    const text = [
      '---',
      'id: ci-1',
      'evaluation:',
      '  testMetrics:',
      '    - { metric: BLEU, value: 31.2, lower: 30.1, upper: 32.3 }',
      '    - { metric: AUC, value: 0.91, ci: [0.89, 0.93] }',
      '    - { metric: F1, value: 0.84, confidence_interval: 0.02 }',
      '    - { metric: Recall, value: 0.8, ci_low: 0.78, ci_high: 0.82, n: 900 }',
      // One bound alone is no interval: kept as written, and shown on the page.
      '    - { metric: MAE, value: 1.2, lower: 1.1 }',
      '---',
    ].join('\n');
    const parsed = parseSource(text, { file: 'ci-1.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'ci-1.md' });
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'BLEU', value: 31.2, ci95: { low: 30.1, high: 32.3 } },
      { metric: 'AUC', value: 0.91, ci95: { low: 0.89, high: 0.93 } },
      { metric: 'F1', value: 0.84, ci95: 0.02 },
      { metric: 'Recall', value: 0.8, ci95: { low: 0.78, high: 0.82 }, n: 900 },
      { metric: 'MAE', value: 1.2, lower: 1.1 },
    ]);
    // Positions are where the bounds were written.
    expect(parsed.positions.get('evaluation.testMetrics.0.ci95.high')).toEqual({ line: 5, column: 56 });
    expect(parsed.positions.get('evaluation.testMetrics.1.ci95.low')).toEqual({ line: 6, column: 40 });
    // A map of metrics (as `json.dump` writes it) the same way.
    const json = '{"id":"ci-2","evaluation":{"testMetrics":{"accuracy":{"value":0.871,"ci_low":0.86,"ci_high":0.882}}}}';
    expect(validateRecord(parseSource(json, { file: 'ci-2.json' }), { file: 'ci-2.json' }).record?.evaluation?.testMetrics).toEqual([
      { metric: 'accuracy', value: 0.871, ci95: { low: 0.86, high: 0.882 } },
    ]);
  });

  test('an interval given with another confidence level (`ci_level: 0.9`) is no ci95: kept as written, with a warning at the level', () => {
    const text = [
      '---',
      'id: ci-3',
      'evaluation:',
      '  testMetrics:',
      '    - { metric: Accuracy, value: 0.884, ci: [0.876, 0.892], ci_level: 0.9 }',
      '    - { metric: F1, value: 0.80, confidence_interval: { low: 0.79, high: 0.81, level: 0.99 } }',
      '    - { metric: AUC, value: 0.91, ci_low: 0.9, ci_high: 0.92, confidence_level: "80%" }',
      // Said to be 95%: read as the ci95, as without the level.
      '    - { metric: Recall, value: 0.8, ci: 0.02, ci_level: 95 }',
      '---',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'ci-3.md' }), { file: 'ci-3.md' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.path} ${d.message.slice(0, 37)}`)).toEqual([
      '5:71 evaluation.testMetrics.0.ci_level the interval is at the 90% level, not',
      '6:87 evaluation.testMetrics.1.confidence_interval.level the interval is at the 99% level, not',
      '7:81 evaluation.testMetrics.2.confidence_level the interval is at the 80% level, not',
    ]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'Accuracy', value: 0.884, ci: [0.876, 0.892], ci_level: 0.9 },
      { metric: 'F1', value: 0.8, confidence_interval: { low: 0.79, high: 0.81, level: 0.99 } },
      { metric: 'AUC', value: 0.91, ci_low: 0.9, ci_high: 0.92, confidence_level: '80%' },
      { metric: 'Recall', value: 0.8, ci95: 0.02, ci_level: 95 },
    ]);
  });

  test('`results` of numbers, by split or not, as a script dumps them: the test metrics (and the metrics by split); `results` of text stays', () => {
    const json = '{"id":"r-1","results":{"test":{"f1":0.912,"precision":0.905},"val":{"f1":0.921}}}';
    const parsed = parseSource(json, { file: 'r-1.json' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'r-1.json' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation).toEqual({
      testMetrics: [
        { metric: 'f1', value: 0.912 },
        { metric: 'precision', value: 0.905 },
      ],
      metricsBySplit: [
        { split: 'test', f1: 0.912, precision: 0.905 },
        { split: 'val', f1: 0.921 },
      ],
    });
    expect(validate('---\nid: r-2\nresults:\n  accuracy: 0.87\n---\n', 'r-2.md').record).toMatchObject({
      evaluation: { testMetrics: [{ metric: 'accuracy', value: 0.87 }] },
    });
    // Text is no metric: kept where it is written, with the hint saying where metrics go.
    const text = validate('---\nid: r-3\nresults:\n  summary: better on long reviews\n---\n', 'r-3.md');
    expect(text.record).toMatchObject({ results: { summary: 'better on long reviews' } });
    expect(text.record).not.toHaveProperty('evaluation');
  });

  test('split sizes written as fields of the dataset (`train_size`, `n_test`) are its splits, at their lines', () => {
    const parsed = parseSource(
      '---\nid: s-1\ndataset:\n  name: cifar10\n  train_size: 50000\n  n_test: 10000\n  test_note: held out\n---\n',
      {
        file: 's-1.md',
      },
    );
    const { record, diagnostics } = validateRecord(parsed, { file: 's-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.dataset).toEqual({
      name: 'cifar10',
      splits: [
        { name: 'train', records: 50000 },
        { name: 'test', records: 10000 },
      ],
      test_note: 'held out',
    });
    expect(parsed.positions.get('dataset.splits.1.records')).toEqual({ line: 6, column: 11 });
    // Splits the record gives win: the fields stay as written.
    const given = validate('{"id":"s-2","dataset":{"splits":[{"name":"test","records":5}],"test_size":7}}', 's-2.json').record;
    expect(given).toMatchObject({ dataset: { splits: [{ name: 'test', records: 5 }], test_size: 7 } });
  });

  test('tags written as hashtags: the spaces separate them and the # is not part of the tag', () => {
    expect(validate('---\nid: a\ntags: "#nlp #sentiment, #baseline"\n---\n', 'a.md').record).toMatchObject({
      tags: { nlp: '', sentiment: '', baseline: '' },
    });
    expect(validate('---\nid: a\ntags: ["#nlp", cv]\n---\n', 'a.md').record).toMatchObject({ tags: { nlp: '', cv: '' } });
    // In the template: on the label's line and as list items.
    const { record } = validate('**Experiment ID**: a\n\nTags: #nlp #sentiment\n', 'a.md');
    expect(record).toMatchObject({ tags: { nlp: '', sentiment: '' } });
    expect(Object.keys((record as { tags: object }).tags)).toEqual(['nlp', 'sentiment']);
    expect(validate('**Experiment ID**: a\n\n**Tags**:\n- #nlp\n- owner: cv-team\n', 'a.md').record).toMatchObject({
      tags: { nlp: '', owner: 'cv-team' },
    });
    // Words with spaces, not hashtags, stay one tag per comma.
    expect(validate('---\nid: a\ntags: image classification, C# code\n---\n', 'a.md').record).toMatchObject({
      tags: { 'image classification': '', 'C# code': '' },
    });
  });

  test('frontmatter: `created`, `git_commit`, `branch` and a status in words, where a note puts them', () => {
    const text = [
      '---',
      'id: fx-12',
      'created: 2026-09-02',
      'git_commit: 4f2a9c1',
      'branch: feat/target-encoding',
      'status: in progress',
      '---',
    ].join('\n');
    const parsed = parseSource(text, { file: 'fx-12.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'fx-12.md' });
    expect(diagnostics).toEqual([]);
    expect(record).toMatchObject({
      date: '2026-09-02',
      status: 'running',
      reproducibility: { code: { commit: '4f2a9c1', branch: 'feat/target-encoding' } },
    });
    expect(parsed.positions.get('reproducibility.code.commit')).toEqual({ line: 4, column: 13 });
    // JSON, written by programs, keeps its status as written: a word that is no status is reported.
    expect(validate('{ "id": "a", "status": "in progress" }', 'a.json').problems).toEqual([
      expect.stringMatching(/^a\.json:1:24 status: expected one of .* got the string "in progress" — did you mean "running"\?$/),
    ]);
  });

  test('JSON: hyperparameters as json.dump(params) writes them', () => {
    const { record, problems } = validate('{ "id": "a", "model": { "hyperparameters": { "lr": 0.001, "layers": 4 } } }', 'a.json');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      model: {
        hyperparameters: [
          { name: 'lr', value: 0.001 },
          { name: 'layers', value: 4 },
        ],
      },
    });
  });

  test('JSON: test metrics as a map and the history as columns (pandas to_dict("list"), Keras history.history)', () => {
    const text = JSON.stringify({
      id: 'm',
      evaluation: { testMetrics: { accuracy: 0.87, f1: { value: 0.84, ci95: 0.01 } } },
      training: { history: { epoch: [1, 2], loss: [0.9, 0.7] } },
    });
    const { record, problems } = validate(text, 'm.json');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      evaluation: {
        testMetrics: [
          { metric: 'accuracy', value: 0.87 },
          { metric: 'f1', value: 0.84, ci95: 0.01 },
        ],
      },
      training: {
        history: [
          { epoch: 1, loss: 0.9 },
          { epoch: 2, loss: 0.7 },
        ],
      },
    });
    const keras = validate('{ "id": "k", "training": { "history": { "loss": [0.9, 0.7, 0.6], "val_loss": [1.0, 0.8, 0.75] } } }', 'k.json');
    expect(keras.record).toMatchObject({
      training: {
        history: [
          { epoch: 1, loss: 0.9, val_loss: 1.0 },
          { epoch: 2, loss: 0.7, val_loss: 0.8 },
          { epoch: 3, loss: 0.6, val_loss: 0.75 },
        ],
      },
    });
  });

  test('a problem inside a column of the history points at its line; columns of unequal length are left for validation', () => {
    const text = [
      '{',
      '  "id": "h",',
      '  "training": { "history": {',
      '    "epoch": [1, 2],',
      '    "loss": [0.9, "n/a?"]',
      '  } }',
      '}',
    ].join('\n');
    expect(validate(text, 'h.json').problems).toEqual([expect.stringMatching(/^h\.json:5:\d+ training\.history\.1\.loss: /)]);
    const ragged = validate('{ "id": "h", "training": { "history": { "epoch": [1, 2], "loss": [0.9] } } }', 'h.json');
    expect(ragged.problems).toEqual([expect.stringMatching(/training\.history: expected a list/)]);
  });

  test('top-level params, metrics, parent and author, as MLflow and habit name them, are read where the record holds them', () => {
    const text = ['---', 'id: p', 'author: Ann Lee', 'parent: p0', 'params:', '  lr: 0.1', 'metrics:', '  f1: 81.5%', '---'].join('\n');
    const { record, problems } = validate(text, 'p.md');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      experimenter: 'Ann Lee',
      lineage: { parent: 'p0' },
      model: { hyperparameters: [{ name: 'lr', value: 0.1 }] },
      evaluation: { testMetrics: [{ metric: 'f1', value: 81.5, unit: '%' }] },
    });
    // A problem in a moved part points at the line it is written on (`  auc: high` is line 9, its value at column 8).
    const bad = validate(text.replace('  f1: 81.5%', '  f1: 81.5%\n  auc: high'), 'p.md');
    expect(bad.problems).toEqual([expect.stringMatching(/^p\.md:9:8 evaluation\.testMetrics\.1\.value: /)]);
  });

  test("a model card's `metrics: [accuracy]` (names, not values) stays where it is written", () => {
    const { record } = validate(['---', 'id: card', 'metrics: [accuracy]', '---'].join('\n'), 'card.md');
    expect(record).toMatchObject({ metrics: ['accuracy'] });
    expect((record as { evaluation?: unknown }).evaluation).toBeUndefined();
  });

  test('JSON too: `json.dump({"params": …, "metrics": …})` is read, a problem in it placed at its line', () => {
    const ok = validate('{ "id": "j", "params": { "lr": 0.1 }, "metrics": { "acc": 0.91 } }', 'j.json');
    expect(ok.problems).toEqual([]);
    expect(ok.record).toMatchObject({
      model: { hyperparameters: [{ name: 'lr', value: 0.1 }] },
      evaluation: { testMetrics: [{ metric: 'acc', value: 0.91 }] },
    });
    const bad = validate(
      ['{', '  "id": "j",', '  "params": {', '    "hidden": { "value": 64, "tuningMethod": 5 }', '  }', '}'].join('\n'),
      'j.json',
    );
    expect(bad.problems).toEqual([expect.stringMatching(/^j\.json:4:\d+ model\.hyperparameters\.0\.tuningMethod: /)]);
  });

  test("a script's dump: `experiment_id`, intervals as [low, high], the confusion matrix as `cm.tolist()` with its `labels`", () => {
    const text = [
      '{',
      '  "experiment_id": "rf-7",',
      '  "metrics": {',
      '    "accuracy": { "value": 0.874, "ci95": [0.861, 0.887] },',
      '    "f1": { "value": 0.71, "ci95": 0.02 }',
      '  },',
      '  "confusion_matrix": [[812, 41], [85, 262]],',
      '  "labels": ["stay", "churn"]',
      '}',
    ].join('\n');
    const { record, problems } = validate(text, 'rf.json');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      id: 'rf-7',
      evaluation: {
        testMetrics: [
          { metric: 'accuracy', value: 0.874, ci95: { low: 0.861, high: 0.887 } },
          { metric: 'f1', value: 0.71, ci95: 0.02 },
        ],
        confusionMatrix: {
          labels: ['stay', 'churn'],
          matrix: [
            [812, 41],
            [85, 262],
          ],
        },
      },
    });
    expect(record).not.toHaveProperty('labels');
    // Problems inside point at the line they are written on.
    const bad = validate(text.replace('[85, 262]', '[85, -262]').replace('[0.861, 0.887]', '[0.887, 0.861]'), 'rf.json');
    expect(bad.problems).toEqual([
      expect.stringMatching(/^rf\.json:4:\d+ evaluation\.testMetrics\.0\.ci95: /),
      expect.stringMatching(/^rf\.json:7:\d+ evaluation\.confusionMatrix\.matrix\.1\.1: must be at least 0/),
    ]);
    // Without names (or with as many as there are not) the classes are numbered, as in a template.
    const unnamed = validate('{ "id": "u", "confusion_matrix": [[5, 1], [2, 7]], "classes": ["a", "b", "c"] }', 'u.json');
    expect(unnamed.record).toMatchObject({ evaluation: { confusionMatrix: { labels: ['Class 1', 'Class 2'] } }, classes: ['a', 'b', 'c'] });
  });

  test("a metrics file's splits (DVC's metrics.json) and a params file's groups (params.yaml)", () => {
    const text = [
      '---',
      'id: dvc-1',
      'metrics:',
      '  train:',
      '    accuracy: 0.99',
      '  test:',
      '    accuracy: 0.91',
      '    f1: 0.88',
      'params:',
      '  train:',
      '    lr: 0.01',
      '    optimizer: { name: adam, beta1: 0.9 }',
      '  seed: 7',
      '---',
    ].join('\n');
    const parsed = parseSource(text, { file: 'd.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'd.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation).toEqual({
      testMetrics: [
        { metric: 'accuracy', value: 0.91 },
        { metric: 'f1', value: 0.88 },
      ],
      metricsBySplit: [
        { split: 'train', accuracy: 0.99 },
        { split: 'test', accuracy: 0.91, f1: 0.88 },
      ],
    });
    expect(record?.model?.hyperparameters).toEqual([
      { name: 'train.lr', value: 0.01 },
      { name: 'train.optimizer.name', value: 'adam' },
      { name: 'train.optimizer.beta1', value: 0.9 },
      { name: 'seed', value: 7 },
    ]);
    // Each value is placed where it is written.
    const at = validateRecord(parseSource(text.replace('f1: 0.88', 'f1: -1e999'), { file: 'd.md' }), { file: 'd.md' });
    expect(at.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^d\.md:8:9 evaluation\.testMetrics\.1\.value: expected a number/),
    ]);
    // A list-valued setting in a group is its text, as everywhere.
    const list = validate(text.replace('    lr: 0.01', '    lr: [1, 2]'), 'd.md');
    expect(list.problems).toEqual([]);
    expect((list.record as { model?: { hyperparameters?: unknown[] } }).model?.hyperparameters?.[0]).toEqual({
      name: 'train.lr',
      value: '[1, 2]',
    });
    // Without a test split there are no test metrics, and every split is kept.
    const noTest = validate(text.replace('  test:', '  val:'), 'd.md');
    expect(noTest.record).toMatchObject({ evaluation: { metricsBySplit: [{ split: 'train' }, { split: 'val', f1: 0.88 }] } });
    expect((noTest.record as { evaluation?: { testMetrics?: unknown } }).evaluation?.testMetrics).toBeUndefined();
  });

  test.each([
    [1741094353, '2025-03-04'],
    [1741094353000, '2025-03-04'],
  ])('`created_at: %d` (a Unix time in seconds or milliseconds) is the date %s', (time, day) => {
    const { record, diagnostics } = validateRecord(parseSource(JSON.stringify({ id: 'u-1', created_at: time }), { file: 'u-1.json' }), {
      file: 'u-1.json',
    });
    expect(diagnostics).toEqual([]);
    expect(record?.date).toBe(day);
  });

  test('a frontmatter `title:` that says what the body’s `# heading` says is the name, read once, without a warning', () => {
    const text = [
      '---',
      'id: t-1',
      'title: CamemBERT NER',
      '---',
      '',
      '# CamemBERT NER',
      '',
      '## Evaluation Results',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| F1 | 0.912 |',
    ].join('\n');
    const { record, problems } = validate(text, 't-1.md');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ name: 'CamemBERT NER' });
    expect((record as Record<string, unknown>)['title']).toBeUndefined();
  });

  test('a training row and a validation row per epoch (PyTorch Lightning’s CSVLogger) are one row per epoch, each value at its place', () => {
    const json = [
      '{"id": "l-4", "history": [',
      '{"epoch": 0, "step": 229, "train_loss": 0.612},',
      '{"epoch": 0, "step": 229, "val_loss": 0.498},',
      '{"epoch": 1, "step": 459, "train_loss": 0.431},',
      '{"epoch": 1, "step": 459, "val_loss": 0.402}',
      ']}',
    ].join('\n');
    const parsed = parseSource(json, { file: 'l-4.json' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'l-4.json' });
    expect(diagnostics).toEqual([]);
    expect(record?.training?.history).toEqual([
      { epoch: 0, step: 229, train_loss: 0.612, val_loss: 0.498 },
      { epoch: 1, step: 459, train_loss: 0.431, val_loss: 0.402 },
    ]);
    expect(parsed.positions.get('training.history.1.val_loss')).toEqual({ line: 5, column: 39 });
    // Rows that disagree (another step in one epoch) stay apart.
    const apart = validateRecord(parseSource(json.replace('"step": 229, "val_loss"', '"step": 230, "val_loss"'), { file: 'l-4.json' }), {
      file: 'l-4.json',
    });
    expect(apart.record?.training?.history).toHaveLength(3);
  });

  test('metrics by split as a script dumps them: a number written as text is read, a flag stays in its split', () => {
    const json = JSON.stringify({
      id: 'd-2',
      metrics: { test: { accuracy: 0.913, f1: '0.884', top5: '97.2%', passed_gate: true }, val: { accuracy: 0.921 } },
    });
    const { record, diagnostics } = validateRecord(parseSource(json, { file: 'd-2.json' }), { file: 'd-2.json' });
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(record?.evaluation?.testMetrics).toEqual([
      { metric: 'accuracy', value: 0.913 },
      { metric: 'f1', value: 0.884 },
      { metric: 'top5', value: 97.2, unit: '%' },
    ]);
    expect(record?.evaluation?.['metricsBySplit']).toEqual([
      { split: 'test', accuracy: 0.913, f1: '0.884', top5: '97.2%', passed_gate: true },
      { split: 'val', accuracy: 0.921 },
    ]);
  });

  test('JSON `metrics` by split with each metric’s interval beside it (`auc_ci: [0.905, 0.921]`): the test metrics with their CIs', () => {
    const text = JSON.stringify(
      {
        id: 'exp-n2',
        metrics: {
          test: {
            auc: 0.913,
            auc_ci: [0.905, 0.921],
            acc: 0.87,
            'acc CI95': 0.012,
            logloss: 0.281,
            f1CI: { low: 0.8, high: 0.84 },
            f1: 0.82,
          },
          val: { auc: 0.918, auc_ci: [0.91, 0.926] },
        },
      },
      null,
      1,
    );
    const { record, problems } = validate(text, 'exp-n2.json');
    expect(problems).toEqual([]);
    expect((record as { evaluation?: { testMetrics?: unknown } }).evaluation?.testMetrics).toEqual([
      { metric: 'auc', value: 0.913, ci95: { low: 0.905, high: 0.921 } },
      { metric: 'acc', value: 0.87, ci95: 0.012 },
      { metric: 'logloss', value: 0.281 },
      { metric: 'f1', value: 0.82, ci95: { low: 0.8, high: 0.84 } },
    ]);
    // Each split's row keeps its values as written.
    expect((record as { evaluation?: { metricsBySplit?: unknown } }).evaluation?.metricsBySplit).toEqual([
      {
        split: 'test',
        auc: 0.913,
        auc_ci: [0.905, 0.921],
        acc: 0.87,
        'acc CI95': 0.012,
        logloss: 0.281,
        f1CI: { low: 0.8, high: 0.84 },
        f1: 0.82,
      },
      { split: 'val', auc: 0.918, auc_ci: [0.91, 0.926] },
    ]);
    // An interval with no metric of its name, or bounds the wrong way round, is no interval: the split stays as written.
    for (const odd of [
      { auc: 0.913, loss_ci: [0.1, 0.2] },
      { auc: 0.913, auc_ci: [0.921, 0.905] },
    ]) {
      const kept = parseSource(JSON.stringify({ id: 'x', metrics: { test: odd } }), { file: 'x.json' }).data as {
        evaluation?: { metricsBySplit?: unknown; testMetrics?: unknown };
      };
      expect(kept.evaluation?.metricsBySplit).toBeUndefined();
    }
  });

  test('metrics named with another split (`val_auc`, `train/loss`) are that split’s, not test metrics', () => {
    const text = [
      '---',
      'id: exp-302',
      'metrics:',
      '  test_auc: 0.962',
      '  val_auc: 0.968',
      '  train/loss: 0.104',
      '  val_f1: high',
      '---',
      '',
    ].join('\n');
    // A value that is no number stays where it was written, and its error says where.
    expect(validate(text, 'exp-302.md').problems).toEqual([expect.stringMatching(/^exp-302\.md:7:11 evaluation\.testMetrics\.1\.value: /)]);
    const { record, problems } = validate(text.replace('  val_f1: high\n', '  val_f1: n/a\n'), 'exp-302.md');
    expect(problems).toEqual([]);
    expect((record as { evaluation?: unknown }).evaluation).toEqual({
      testMetrics: [{ metric: 'test_auc', value: 0.962 }],
      metricsBySplit: [
        { split: 'val', auc: 0.968, f1: null },
        { split: 'train', loss: 0.104 },
      ],
    });
    // `eval_` is the Hugging Face Trainer's evaluation set, a split of its own as at the top of a record.
    const hf = validate(['---', 'id: h', 'metrics:', '  test_f1: 0.90', '  eval_f1: 0.911', '---', ''].join('\n'), 'h.md');
    expect((hf.record as { evaluation?: unknown }).evaluation).toEqual({
      testMetrics: [{ metric: 'test_f1', value: 0.9 }],
      metricsBySplit: [{ split: 'eval', f1: 0.911 }],
    });
    // Only other splits: no test metrics at all.
    const onlyVal = validate(['---', 'id: v', 'metrics:', '  val_loss: 0.2', '  val_accuracy: 0.9', '---', ''].join('\n'), 'v.md');
    expect((onlyVal.record as { evaluation?: unknown }).evaluation).toEqual({
      metricsBySplit: [{ split: 'val', loss: 0.2, accuracy: 0.9 }],
    });
  });

  test('baselines and groups written as maps: rows the comparison and the fairness analysis read', () => {
    const text = [
      '---',
      'id: exp-501',
      'metrics: { auc: 0.962, recall: 0.71 }',
      'fairness:',
      '  by: region',
      '  groups:',
      '    EU: { n: 12000, recall: 0.73, fpr: 0.011 }',
      '    US: { n: 9000, recall: 0.69, fpr: 0.014 }',
      '    all: { recall: 0.714 }',
      'baselines:',
      '  exp-500: { auc: 0.955, recall: 0.68 }',
      '  logistic: { auc: 0.91 }',
      '---',
      '',
    ].join('\n');
    const parsed = parseSource(text, { file: 'exp-501.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'exp-501.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.evaluation?.disaggregated).toEqual([
      { group: 'EU', attributes: { region: 'EU' }, n: 12000, metrics: { recall: 0.73, fpr: 0.011 } },
      { group: 'US', attributes: { region: 'US' }, n: 9000, metrics: { recall: 0.69, fpr: 0.014 } },
      { group: 'all', overall: true, metrics: { recall: 0.714 } },
    ]);
    expect(record?.comparison?.baselines).toEqual([
      { label: 'exp-500', experimentId: 'exp-500', metrics: { auc: 0.955, recall: 0.68 } },
      { label: 'logistic', metrics: { auc: 0.91 } },
    ]);
    // Each row is placed where it is written.
    expect(parsed.positions.get('evaluation.disaggregated.1.n')).toEqual({ line: 8, column: 14 });
    expect(parsed.positions.get('comparison.baselines.1')).toEqual({ line: 12, column: 13 });
  });

  test("scikit-learn's classification_report(output_dict=True) as the metrics: accuracy and the averages; the classes kept", () => {
    const report = {
      cat: { precision: 0.9, recall: 0.8, 'f1-score': 0.847, support: 50 },
      dog: { precision: 0.82, recall: 0.92, 'f1-score': 0.867, support: 50 },
      accuracy: 0.86,
      'macro avg': { precision: 0.86, recall: 0.86, 'f1-score': 0.857, support: 100 },
      'weighted avg': { precision: 0.86, recall: 0.86, 'f1-score': 0.857, support: 100 },
    };
    const { record, problems } = validate(JSON.stringify({ id: 'r-1', metrics: report }, null, 2), 'r-1.json');
    expect(problems).toEqual([]);
    const evaluation = (record as Experiment).evaluation as Record<string, unknown>;
    expect(evaluation['testMetrics']).toEqual([
      { metric: 'Accuracy', value: 0.86 },
      { metric: 'Macro Precision', value: 0.86 },
      { metric: 'Macro Recall', value: 0.86 },
      { metric: 'Macro F1', value: 0.857 },
      { metric: 'Weighted Precision', value: 0.86 },
      { metric: 'Weighted Recall', value: 0.86 },
      { metric: 'Weighted F1', value: 0.857 },
    ]);
    expect(evaluation['perClass']).toEqual([
      { class: 'cat', ...report.cat },
      { class: 'dog', ...report.dog },
    ]);
    // A value that is no number is reported where it is written.
    const bad = validate(
      JSON.stringify({ id: 'r-1', metrics: { ...report, 'macro avg': { ...report['macro avg'], recall: 'high' } } }, null, 2),
      'r-1.json',
    );
    expect(bad.problems).toEqual([
      expect.stringMatching(/^r-1\.json:19:17 evaluation\.testMetrics\.2\.value: expected a number, got the string "high"/),
    ]);
  });

  test("`model: <name>` beside `config:` (a W&B or Hugging Face export): the model's type and its settings", () => {
    const text = ['---', 'id: m-1', 'model: meta-llama/Meta-Llama-3-8B', 'config:', '  lora_r: 16', '  lr: 2.0e-4', '---', ''].join('\n');
    const parsed = parseSource(text, { file: 'm-1.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'm-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.model).toEqual({
      type: 'meta-llama/Meta-Llama-3-8B',
      hyperparameters: [
        { name: 'lora_r', value: 16 },
        { name: 'lr', value: 0.0002 },
      ],
    });
    expect(parsed.positions.get('model.type')).toEqual({ line: 3, column: 8 });
    expect(parsed.positions.get('model.hyperparameters.1.value')).toEqual({ line: 6, column: 7 });
  });

  test("a map's numbers written as text (`78.0%`, `TBD`) are read as in any row, its other text kept beside them", () => {
    const text = [
      '---',
      'id: exp-502',
      'fairness:',
      '  by: age',
      '  groups:',
      '    18-25: { n: 1200, recall: 78.0%, note: small group }',
      '    26-40: { n: 5400, recall: 0.823 }',
      '    41+: { n: 800, recall: TBD }',
      'baselines:',
      '  exp-500: { recall: 79%, notes: previous best }',
      '  logreg: { recall: ~0.74 }',
      '---',
      '',
    ].join('\n');
    const { problems } = validate(text, 'exp-502.md');
    // `~0.74` is reported where it is written, as in a baseline table.
    expect(problems).toEqual([expect.stringMatching(/^exp-502\.md:11:21 comparison\.baselines\.1\.metrics\.recall: /)]);
    const fixed = validate(text.replace('~0.74', '0.74'), 'exp-502.md');
    expect(fixed.problems).toEqual([]);
    expect((fixed.record as Experiment).evaluation?.disaggregated).toEqual([
      { group: '18-25', attributes: { age: '18-25' }, n: 1200, note: 'small group', metrics: { recall: 78 } },
      { group: '26-40', attributes: { age: '26-40' }, n: 5400, metrics: { recall: 0.823 } },
      { group: '41+', attributes: { age: '41+' }, n: 800, metrics: { recall: null } },
    ]);
    expect((fixed.record as Experiment).comparison?.baselines).toEqual([
      { label: 'exp-500', experimentId: 'exp-500', notes: 'previous best', metrics: { recall: 79 } },
      { label: 'logreg', metrics: { recall: 0.74 } },
    ]);
  });

  test.each([
    ['by attribute', { sex: { F: { tpr: 0.81 }, M: { tpr: 0.84 } }, age: { young: { tpr: 0.8 } } }, ['sex:F', 'sex:M', 'age:young']],
    ['groups only', { F: { tpr: 0.81, support: 40 }, M: { tpr: 0.84 } }, ['group:F', 'group:M']],
  ])('JSON `groups` %s', (_shape, groups, expected) => {
    const { record, problems } = validate(JSON.stringify({ id: 'g', groups }), 'g.json');
    expect(problems).toEqual([]);
    const rows = (record as { evaluation?: { disaggregated?: { attributes?: Record<string, string> }[] } }).evaluation?.disaggregated ?? [];
    expect(rows.map((row) => Object.entries(row.attributes ?? {}).map(([k, v]) => `${k}:${v}`)[0])).toEqual(expected);
  });

  test('a `fairness` or `baselines` map that names no groups or baselines stays where it is written', () => {
    const { record, problems } = validate(
      JSON.stringify({ id: 'f', fairness: { dp_ratio: 0.91 }, baselines: { note: 'none yet' } }),
      'f.json',
    );
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ fairness: { dp_ratio: 0.91 }, baselines: { note: 'none yet' } });
  });

  test('the Hugging Face Trainer’s `all_results.json`: `test_` numbers the test metrics, `eval_` and `train_` their splits', () => {
    const text = JSON.stringify(
      { epoch: 3.0, eval_accuracy: 0.9132, eval_loss: 0.2611, test_accuracy: 0.9071, test_f1: 0.9012, train_loss: 0.1873 },
      null,
      1,
    );
    const parsed = parseSource(text, { file: 'run-77.json' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'run-77.json' });
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(record?.evaluation).toEqual({
      testMetrics: [
        { metric: 'test_accuracy', value: 0.9071 },
        { metric: 'test_f1', value: 0.9012 },
      ],
      metricsBySplit: [
        { split: 'eval', accuracy: 0.9132, loss: 0.2611 },
        { split: 'train', loss: 0.1873 },
      ],
    });
    // Each number is placed where it is written (line 6: test_f1, line 7: train_loss).
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 6, column: 13 });
    expect(parsed.positions.get('evaluation.metricsBySplit.1.loss')).toEqual({ line: 7, column: 16 });
    // A lone `train_time`, or a record with its own evaluation, is left as written.
    expect(parseSource(JSON.stringify({ id: 'a', train_time: 12 }), { file: 'a.json' }).data).toEqual({ id: 'a', train_time: 12 });
    const own = parseSource(JSON.stringify({ id: 'b', evaluation: { testMetrics: [] }, test_f1: 0.9, eval_f1: 0.91 }), { file: 'b.json' });
    expect(own.data).toMatchObject({ test_f1: 0.9, eval_f1: 0.91 });
    // The test run's timings stay with its split, not among the test metrics.
    const timed = validateRecord(
      parseSource(JSON.stringify({ id: 'c', test_accuracy: 0.91, test_runtime: 3.3, test_samples_per_second: 606.1 }), { file: 'c.json' }),
      { file: 'c.json' },
    );
    expect(timed.record?.evaluation).toEqual({
      testMetrics: [{ metric: 'test_accuracy', value: 0.91 }],
      metricsBySplit: [{ split: 'test', runtime: 3.3, samples_per_second: 606.1 }],
    });
  });

  test('a setting written as a list or an object is its text, as the template reads `- betas: [0.9, 0.999]`', () => {
    const json = JSON.stringify({
      id: 'l',
      params: {
        betas: [0.9, 0.999],
        layers: [
          [3, 3],
          [5, 5],
        ],
        acts: ['relu', 'gelu'],
        mixed: [1, 'a', true, null],
      },
      model: {},
    });
    const { record, problems } = validate(json, 'l.json');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      model: {
        hyperparameters: [
          { name: 'betas', value: '[0.9, 0.999]' },
          { name: 'layers', value: '[[3, 3], [5, 5]]' },
          { name: 'acts', value: '["relu", "gelu"]' },
          { name: 'mixed', value: '[1, "a", true, null]' },
        ],
      },
    });
    // In a list of settings, a value that is an object is its text too (a map of settings would be a group).
    const listed = validate(
      JSON.stringify({ id: 'm', model: { hyperparameters: [{ name: 'schedule', value: { '10': 0.01, warmup: [1, 2] } }] } }),
      'm.json',
    );
    expect(listed.problems).toEqual([]);
    expect(listed.record).toMatchObject({ model: { hyperparameters: [{ name: 'schedule', value: '{"10": 0.01, "warmup": [1, 2]}' }] } });
    // The template reads the same setting to the same text.
    const md = validate(['---', 'id: t', '---', '## Model', '', '**Hyperparameters:**', '- betas: [0.9, 0.999]'].join('\n'), 't.md');
    expect(md.record).toMatchObject({ model: { hyperparameters: [{ name: 'betas', value: '[0.9, 0.999]' }] } });
  });

  test('a top-level params beside the field it stands for is kept as written, with a hint naming that field', () => {
    const text = ['---', 'id: p', 'params:', '  lr: 0.1', 'model:', '  hyperparameters:', '    lr: 0.2', 'metrics: 0.8', '---'].join('\n');
    const { record, problems } = validate(text, 'p.md');
    expect(record).toMatchObject({ model: { hyperparameters: [{ name: 'lr', value: 0.2 }] }, params: { lr: 0.1 }, metrics: 0.8 });
    // Nor does a value of another kind move (`metrics: 0.8` is no table of metrics; nor a model card's `metrics: [accuracy]`).
    expect(problems).toEqual([
      expect.stringMatching(/^p\.md:3:1 params: unknown field "params" .* "model\.hyperparameters"/),
      expect.stringMatching(/^p\.md:8:1 metrics: unknown field "metrics" .* "evaluation\.testMetrics"/),
    ]);
  });

  test("a model card's `metrics: [accuracy]` (names, no values) is kept without a hint to move it", () => {
    const { record, problems } = validate(['---', 'id: hf', 'metrics:', '- accuracy', '- f1', '---'].join('\n'), 'hf.md');
    expect(record).toMatchObject({ metrics: ['accuracy', 'f1'] });
    expect(problems).toEqual([]);
  });

  test('a top-level key named like an Object property (constructor, toString, __proto__) gets no hint', () => {
    const { problems } = validate('{ "id": "o", "constructor": 1, "toString": 2, "__proto__": { "x": 1 } }', 'o.json');
    expect(problems.filter((p) => p.includes('reads this as'))).toEqual([]);
  });

  test('a problem inside a converted part points at the line it is written on', () => {
    const text = [
      '{',
      '  "id": "a",',
      '  "model": { "hyperparameters": {',
      '    "lr": 0.1,',
      '    "hidden": { "value": 64, "tuningMethod": 5 }',
      '  } }',
      '}',
    ].join('\n');
    const { problems } = validate(text, 'a.json');
    expect(problems).toEqual([expect.stringMatching(/^a\.json:5:\d+ model\.hyperparameters\.1\.tuningMethod: /)]);
  });

  test('a tag list holding something that is no tag is left for validation to report', () => {
    const { problems } = validate('{ "id": "a", "tags": ["vision", 3] }', 'a.json');
    expect(problems).toEqual([expect.stringMatching(/^a\.json:1:\d+ tags: expected an object, got a list/)]);
  });
});

describe("a tracker's run as exported (Weights & Biases: config, summary, state, created_at)", () => {
  const run = {
    id: '3kx9a1',
    name: 'fiery-sun-12',
    state: 'finished',
    created_at: '2025-03-04T10:22:31',
    config: { lr: 0.001, optimizer: { name: 'adamw' } },
    summary: { _step: 1000, 'train/loss': 0.12, 'val/acc': 0.91, 'test/acc': 0.903, test_f1: 0.88 },
  };

  test('config is the hyperparameters, the test-set numbers of the summary the test metrics, the state the status, created_at the date', () => {
    const parsed = parseSource(JSON.stringify(run, null, 2), { file: 'run.json' });
    expect(parsed.data).toMatchObject({
      status: 'completed',
      date: '2025-03-04T10:22:31',
      model: {
        hyperparameters: [
          { name: 'lr', value: 0.001 },
          { name: 'optimizer.name', value: 'adamw' },
        ],
      },
      evaluation: {
        testMetrics: [
          { metric: 'test/acc', value: 0.903 },
          { metric: 'test_f1', value: 0.88 },
        ],
      },
      // What is not a test-set number stays in the summary, shown as written.
      summary: { _step: 1000, 'train/loss': 0.12, 'val/acc': 0.91 },
    });
    expect(parsed.data).not.toHaveProperty('config');
    expect(parsed.data).not.toHaveProperty('state');
    // `"test/acc": 0.903` is line 16 of the pretty-printed JSON: the metric is found where it was written.
    expect(parsed.positions.get('evaluation.testMetrics.0.value')?.line).toBe(16);
    expect(parsed.diagnostics).toEqual([]);
  });

  test('test metrics the record gives win over the summary; a state that is no status stays as written', () => {
    const parsed = parseSource(JSON.stringify({ ...run, state: 'preempted', metrics: { auc: 0.9 } }), { file: 'run.json' });
    expect(parsed.data).toMatchObject({ state: 'preempted', evaluation: { testMetrics: [{ metric: 'auc', value: 0.9 }] } });
    expect((parsed.data as { summary: object }).summary).toHaveProperty('test/acc', 0.903);
  });
  test("W&B's config.yaml: each `{ desc: null, value }` is its value, and `_wandb` is kept outside the settings", () => {
    const text = [
      '---',
      'id: wb-1',
      'config:',
      '  _wandb:',
      '    desc: null',
      '    value: { cli_version: 0.17.0 }',
      '  lr:',
      '    desc: null',
      '    value: 0.001',
      '  dropout:',
      '    desc: Dropout before the head',
      '    value: 0.1',
      '---',
    ].join('\n');
    const { record, problems } = validate(text, 'wb-1.md');
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      model: {
        hyperparameters: [
          { name: 'lr', value: 0.001 },
          { name: 'dropout', value: 0.1, desc: 'Dropout before the head' },
        ],
      },
      _wandb: { cli_version: '0.17.0' },
    });
  });
});

describe("a Hugging Face model card's model-index in the frontmatter", () => {
  const card = (metrics: string[]): string =>
    [
      '---',
      'license: apache-2.0',
      'model-index:',
      '- name: distilbert-imdb',
      '  results:',
      '  - task: { type: text-classification }',
      '    dataset: { name: imdb, type: imdb, split: test }',
      '    metrics:',
      ...metrics,
      '---',
      '',
      '# distilbert-imdb',
      '',
    ].join('\n');

  test('its results are the test metrics, by name, with the interval the name carries, the dataset and the split', () => {
    const parsed = parseSource(
      card([
        '    - type: accuracy',
        '      value: 0.9310',
        "      name: 'Accuracy (95% CI: 0.925 to 0.937)'",
        '    - { type: f1, value: 0.93 }',
      ]),
      { file: 'README.md' },
    );
    expect(parsed.data).toMatchObject({
      evaluation: {
        testMetrics: [
          { metric: 'Accuracy', value: 0.931, ci95: { low: 0.925, high: 0.937 }, type: 'accuracy', dataset: 'imdb', split: 'test' },
          { metric: 'f1', value: 0.93, dataset: 'imdb', split: 'test' },
        ],
      },
      // The model's name, task and dataset stay where they were written.
      'model-index': [{ name: 'distilbert-imdb', results: [{ task: { type: 'text-classification' } }] }],
      writtenDecimals: { 'evaluation.testMetrics.0.value': 4 },
    });
    expect(parsed.data).not.toHaveProperty(['evaluation', 'testMetrics', 1, 'type']);
    expect(parsed.positions.get('evaluation.testMetrics.1.value')?.line).toBe(12);
  });

  test('a result on the validation split is a row of the metrics by split, not a test metric', () => {
    const text = card(['    - { type: f1, value: 0.884 }']).replace(
      '---\n\n# distilbert-imdb',
      [
        '  - task: { type: text-classification }',
        '    dataset: { name: imdb, type: imdb, split: validation }',
        '    metrics:',
        '    - { type: f1, value: 0.891 }',
        '---',
        '',
        '# distilbert-imdb',
      ].join('\n'),
    );
    const parsed = parseSource(text, { file: 'README.md' });
    expect((parsed.data as { evaluation?: unknown }).evaluation).toEqual({
      testMetrics: [{ metric: 'f1', value: 0.884, dataset: 'imdb', split: 'test' }],
      metricsBySplit: [{ split: 'val', f1: 0.891 }],
    });
    expect(parsed.positions.get('evaluation.metricsBySplit.0.f1')?.line).toBe(13);
  });

  test('a result whose metrics are not all a type and a number stays as written', () => {
    const parsed = parseSource(card(['    - { type: accuracy, value: high }']), { file: 'README.md' });
    expect(parsed.data).not.toHaveProperty('evaluation');
    expect(parsed.data).toMatchObject({ 'model-index': [{ results: [{ metrics: [{ type: 'accuracy', value: 'high' }] }] }] });
  });
});

describe('rows named under another key', () => {
  test("`{ name, value }` test metrics and MLflow's `{ key, value }` rows: named, each at its line", () => {
    const text = [
      '{',
      '  "id": "r-1",',
      '  "metrics": [',
      '    { "name": "accuracy", "value": 0.91 },',
      '    { "key": "f1", "value": 0.88, "step": 10 }',
      '  ],',
      '  "params": [{ "key": "lr", "value": "0.001" }]',
      '}',
    ].join('\n');
    const parsed = parseSource(text, { file: 'r-1.json' });
    expect(parsed.data).toMatchObject({
      evaluation: {
        testMetrics: [
          { metric: 'accuracy', value: 0.91 },
          { metric: 'f1', value: 0.88, step: 10 },
        ],
      },
      model: { hyperparameters: [{ name: 'lr', value: '0.001' }] },
    });
    expect(parsed.positions.get('evaluation.testMetrics.1.metric')?.line).toBe(5);
    expect(parsed.positions.get('model.hyperparameters.0.name')?.line).toBe(7);
    expect(parsed.diagnostics).toEqual([]);
  });

  test("Comet's `{ name, valueCurrent, valueMax }` rows: the current value is the value, at its line; a validation metric moves to its split", () => {
    const text = [
      '{',
      '  "id": "c-1",',
      '  "parameters": [{ "name": "label_smoothing", "valueCurrent": "0.1" }],',
      '  "metrics": [',
      '    { "name": "test_accuracy", "valueCurrent": "0.9412", "valueMax": "0.9412", "valueMin": "0.9101" },',
      '    { "name": "val_loss", "valueCurrent": 0.1833 }',
      '  ]',
      '}',
    ].join('\n');
    const parsed = parseSource(text, { file: 'c-1.json' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'c-1.json' });
    expect(diagnostics).toEqual([]);
    expect(record?.model?.hyperparameters).toEqual([{ name: 'label_smoothing', value: '0.1' }]);
    expect(record?.evaluation).toEqual({
      testMetrics: [{ metric: 'test_accuracy', value: 0.9412, valueMax: '0.9412', valueMin: '0.9101' }],
      metricsBySplit: [{ split: 'val', loss: 0.1833 }],
    });
    expect(parsed.positions.get('evaluation.testMetrics.0.value')?.line).toBe(5);
  });

  test('a row that names itself both ways keeps its own name; the other key stays a field', () => {
    const parsed = parseSource('{"id": "r-1", "evaluation": {"testMetrics": [{"metric": "auc", "name": "ROC AUC", "value": 0.9}]}}', {
      file: 'r-1.json',
    });
    expect(parsed.data).toMatchObject({ evaluation: { testMetrics: [{ metric: 'auc', name: 'ROC AUC', value: 0.9 }] } });
  });
});

describe('a flat frontmatter', () => {
  test('`model: roberta-base` and `dataset: sst2` are the model type and the dataset name; a setting at the top is pointed to the hyperparameters', () => {
    const text = ['---', 'id: s-1', 'model: roberta-base', 'dataset: sst2', 'lr: 2e-5', '---', ''].join('\n');
    const { record, problems } = validate(text, 's-1.md');
    expect(record).toMatchObject({ model: { type: 'roberta-base' }, dataset: { name: 'sst2' } });
    expect(parseSource(text, { file: 's-1.md' }).positions.get('dataset.name')).toEqual({ line: 4, column: 10 });
    expect(problems).toEqual([
      's-1.md:5:1 lr: unknown field "lr" (it is kept, but nothing reads it) — Logbook reads this as "model.hyperparameters": move it there to have it checked, compared and charted',
    ]);
    expect(validate(['---', 'id: s-2', 'seed: 42', '---', ''].join('\n'), 's-2.md').problems).toEqual([
      's-2.md:3:1 seed: unknown field "seed" (it is kept, but nothing reads it) — Logbook reads this as "reproducibility.seeds": move it there to have it checked, compared and charted',
    ]);
  });
});
