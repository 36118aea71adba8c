import { describe, expect, test } from 'vitest';
import { detectFormat, formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';
import fc from 'fast-check';
import { parseJsonDocument } from '../../src/ingest/parse-json.ts';

describe('detectFormat', () => {
  test.each([
    ['{}', 'a.json', 'json'],
    ['---\nid: a\n---\n', 'a.md', 'frontmatter'],
    ['# Log\n', 'a.md', 'template'],
    ['{ "id": "a" }', 'a.txt', 'json'],
  ])('%j in %s is %s', (text, file, format) => {
    expect(detectFormat(text, file)).toBe(format);
  });
});

describe('parseSource', () => {
  test('reports malformed JSON at the line:column of the syntax error', () => {
    const parsed = parseSource('{\n  "id": "exp-1"\n  "name": "x"\n}', { file: 'exp.json' });
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual(['exp.json:3:3: invalid JSON: expected a comma']);
    expect(parsed.diagnostics[0]).toMatchObject({ level: 'error', code: 'json-syntax' });
  });

  test('rejects comments in JSON', () => {
    expect(parseSource('{ // no\n "id": "a" }', { file: 'a.json' }).diagnostics.map(formatDiagnostic)).toEqual([
      'a.json:1:3: invalid JSON: comments are not allowed in JSON',
    ]);
  });

  test('reports bad YAML frontmatter at its line:column', () => {
    const parsed = parseSource('---\nid: exp-1\ntags:\n  a: b\n   c: d\n---\nBody\n', { file: 'exp.md' });
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      'exp.md:4:6: invalid YAML frontmatter: Nested mappings are not allowed in compact mappings',
    ]);
    expect(parsed.diagnostics[0]).toMatchObject({ level: 'error', code: 'yaml-syntax' });
  });

  test('reports a frontmatter without its closing line', () => {
    expect(parseSource('---\nid: a\n', { file: 'a.md' }).diagnostics.map(formatDiagnostic)).toEqual([
      'a.md:1:1: the frontmatter has no closing "---" line — end the frontmatter with a line containing only "---"',
    ]);
  });

  test('maps frontmatter fields to their line:column and the body to notes', () => {
    const parsed = parseSource('---\nid: exp-1\ndataset:\n  version: "1.2.0"\n---\n\nSome *notes*.\n', { file: 'exp.md' });
    expect(parsed.format).toBe('frontmatter');
    expect(parsed.data).toEqual({ id: 'exp-1', dataset: { version: '1.2.0' }, notes: 'Some *notes*.' });
    expect(parsed.positions.get('dataset.version')).toEqual({ line: 4, column: 12 });
    expect(parsed.keyPositions.get('dataset.version')).toEqual({ line: 4, column: 3 });
    expect(parsed.positions.get('notes')).toEqual({ line: 7, column: 1 });
  });

  test("a YAML merge key (`<<: *defaults`) gives its mapping's keys, the mapping's own keys winning", () => {
    const text = [
      '---',
      'id: exp-1',
      'base: &base',
      '  factors: 128',
      '  alpha: 1',
      'hyperparameters:',
      '  <<: *base',
      '  alpha: 40',
      '---',
      '',
    ];
    const parsed = parseSource(text.join('\n'), { file: 'exp.md' });
    expect(parsed.diagnostics).toEqual([]);
    expect((parsed.data as { model?: unknown }).model).toEqual({
      hyperparameters: [
        { name: 'factors', value: 128 },
        { name: 'alpha', value: 40 },
      ],
    });
  });

  test('maps JSON fields to their line:column, also with CRLF line endings', () => {
    const parsed = parseSource('{\r\n  "id": "exp-1",\r\n  "lineage": { "parent": "exp-0" }\r\n}\r\n', { file: 'exp.json' });
    expect(parsed.positions.get('lineage.parent')).toEqual({ line: 3, column: 26 });
  });

  test('drops placeholders from JSON and lists them', () => {
    const parsed = parseSource('{ "id": "exp-1", "experimenter": "[Name]", "observations": { "worked": ["[Observation 1]", "real"] } }', {
      file: 'a.json',
    });
    expect(parsed.data).toEqual({
      id: 'exp-1',
      observations: { worked: ['real'] },
      placeholders: ['experimenter', 'observations.worked.0'],
    });
  });

  test('uses the file name as id when the id is missing, with a missing-id warning', () => {
    const parsed = parseSource('{\n  "name": "x"\n}', { file: 'content/churn-7.json' });
    expect((parsed.data as { id: string }).id).toBe('churn-7');
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      'content/churn-7.json:1:1 id: the record has no experiment id; using the file name "churn-7" — set "id" (or "**Experiment ID**:" in a template) to a unique id such as "exp-042"',
    ]);
    expect(parsed.diagnostics[0]?.level).toBe('warning');
  });

  test('keeps HTML in JSON strings as plain text', () => {
    const parsed = parseSource('{ "id": "a", "notes": "<script>alert(1)</script>" }', { file: 'a.json' });
    expect(parsed.data).toEqual({ id: 'a', notes: '<script>alert(1)</script>' });
  });
});

describe('frontmatter over a body written as the template', () => {
  const text = [
    '---', // 1
    'id: hy-1',
    'status: completed',
    'evaluation:',
    '  testMetrics:', // 5
    '    - metric: AUC',
    '      value: 0.91',
    '---',
    '',
    '# Churn GBM', // 10
    '',
    '## Evaluation Results',
    '',
    '| Metric | Value | 95% CI |',
    '|---|---|---|', // 15
    '| Accuracy | 0.870 | ±0.01 |',
    '',
    '**Confusion Matrix**:',
    '```',
    '             Neg    Pos', // 20
    'Actual  Neg  950    50',
    '        Pos  85     415',
    '```',
    '',
    '## Observations & Insights', // 25
    '',
    '**What Worked Well**:',
    '- early stopping',
    '',
    '## Notes', // 30
    '',
    'Free text.',
  ].join('\n');
  const parsed = parseSource(text, { file: 'hy-1.md' });
  const data = parsed.data as Record<string, Record<string, unknown> | undefined>;

  test('the body’s sections fill what the frontmatter does not give, at their own lines', () => {
    expect(parsed.format).toBe('frontmatter');
    expect(data['evaluation']?.['confusionMatrix']).toEqual({
      labels: ['Neg', 'Pos'],
      matrix: [
        [950, 50],
        [85, 415],
      ],
    });
    expect(data['observations']?.['worked']).toContain('early stopping');
    expect(data['name']).toBe('Churn GBM');
    expect(data['sections']).toEqual([{ title: 'Notes', markdown: 'Free text.' }]);
    expect(data['notes']).toBeUndefined();
    // A fenced matrix is located at its first line of counts' header, as in a template.
    expect(parsed.positions.get('evaluation.confusionMatrix')?.line).toBe(20);
    expect(parsed.positions.get('evaluation.testMetrics.0.value')).toEqual({ line: 7, column: 14 });
  });

  test('where both give a field, the frontmatter’s is kept and a warning names the body’s line', () => {
    expect(data['id']).toBe('hy-1');
    expect(data['evaluation']?.['testMetrics']).toEqual([{ metric: 'AUC', value: 0.91 }]);
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^hy-1\.md:14:1 evaluation\.testMetrics: given in both the frontmatter and the Markdown body/),
    ]);
  });

  test('a body without any of the template’s sections stays the notes', () => {
    const plain = parseSource('---\nid: a\n---\n## Why it failed\n\nThe loss diverged.\n', { file: 'a.md' });
    expect(plain.data).toEqual({ id: 'a', notes: '## Why it failed\n\nThe loss diverged.' });
  });
});

describe('parseJsonDocument', () => {
  const entries = (value: unknown): unknown =>
    JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : v));

  test('a repeated key keeps its first place and its last value; __proto__ is an own key', () => {
    const { data } = parseJsonDocument('{ "a": 1, "b": 2, "a": 3, "__proto__": { "x": 1 } }', 'x.json');
    expect(entries(data)).toBe('[["a",3],["b",2],["__proto__",[["x",1]]]]');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  test('numbers keep their sign and range: -0, and a literal past the largest double', () => {
    const { data, diagnostics } = parseJsonDocument('{ "a": [1, -0, 1e400] }', 'x.json');
    expect(diagnostics).toEqual([]);
    expect(data).toEqual({ a: [1, -0, Infinity] });
    expect(Object.is((data as { a: number[] }).a[1], -0)).toBe(true);
  });

  test('the same value JSON.parse gives, for any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => entries(parseJsonDocument(text, 'x.json').data) === entries(JSON.parse(text))),
      { numRuns: 500 },
    );
  });
});

describe("NaN and Infinity, as Python's json.dump writes them", () => {
  test('read as null, each with a warning at its place; every later value still at its own place', () => {
    const text = [
      '{"id": "nan-1",',
      ' "evaluation": {"testMetrics": [{"metric": "auc", "value": NaN}, {"metric": "f1", "value": 0.8}]},',
      ' "training": {"history": [{"epoch": 1, "loss": -Infinity, "note": "NaN in a string stays"}, {"epoch": 2, "loss": NaN}]}}',
    ].join('\n');
    const parsed = parseSource(text, { file: 'nan-1.json' });
    expect(parsed.data).toMatchObject({
      evaluation: {
        testMetrics: [
          { metric: 'auc', value: null },
          { metric: 'f1', value: 0.8 },
        ],
      },
      training: {
        history: [
          { epoch: 1, loss: null, note: 'NaN in a string stays' },
          { epoch: 2, loss: null },
        ],
      },
    });
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^nan-1\.json:2:60 evaluation\.testMetrics\.0\.value: NaN is no JSON number; it is read as null/),
      expect.stringMatching(/^nan-1\.json:3:48 training\.history\.0\.loss: -Infinity is no JSON number/),
      expect.stringMatching(/^nan-1\.json:3:114 training\.history\.1\.loss: NaN is no JSON number/),
    ]);
    // `0.8` is at line 2, column 92 as written (the NaN before it is one character shorter than null).
    expect(parsed.positions.get('evaluation.testMetrics.1.value')).toEqual({ line: 2, column: 92 });
    expect(parsed.diagnostics.every((d) => d.level === 'warning')).toBe(true);
  });
});

describe('NaN and infinity written as text in JSON ("nan", "inf"), as str(float) and pandas write them', () => {
  test('read as null, each with a warning at its place (pandas writes a missing text so too); a key named so stays', () => {
    const text = [
      '{"id": "nan-2", "training": {"history": [',
      '  {"epoch": 1, "eval_loss": "nan", "loss": 0.4},',
      '  {"epoch": 2, "eval_loss": "-inf", "nan": 3, "note": "nan"}',
      ']}}',
    ].join('\n');
    const parsed = parseSource(text, { file: 'nan-2.json' });
    expect(parsed.data).toMatchObject({
      training: {
        history: [
          { epoch: 1, eval_loss: null, loss: 0.4 },
          { epoch: 2, eval_loss: null, nan: 3, note: null },
        ],
      },
    });
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^nan-2\.json:2:29 training\.history\.0\.eval_loss: "nan" is no JSON number; it is read as null/),
      expect.stringMatching(/^nan-2\.json:3:29 training\.history\.1\.eval_loss: "-inf" is no JSON number/),
      expect.stringMatching(/^nan-2\.json:3:55 training\.history\.1\.note: "nan" is no JSON number/),
    ]);
    // Positions after them are as written.
    expect(parsed.positions.get('training.history.0.loss')).toEqual({ line: 2, column: 44 });
  });
});

describe('"nan" and "inf" as text outside the measured sections', () => {
  test('a tag "nan", a run named "NaN", a hyperparameter "inf" stay text with no warning; a test metric "nan" is still null', () => {
    const text = [
      '{"id": "txt-1", "name": "NaN", "tags": ["nan", "ok"],',
      ' "model": {"hyperparameters": {"clip": "inf"}},',
      ' "evaluation": {"testMetrics": [{"metric": "Accuracy", "value": "nan"}]}}',
    ].join('\n');
    const parsed = parseSource(text, { file: 'txt-1.json' });
    expect(parsed.data).toMatchObject({
      name: 'NaN',
      // (The reader's own shapes: tags as a set, hyperparameters as a list of name and value.)
      tags: { nan: '', ok: '' },
      model: { hyperparameters: [{ name: 'clip', value: 'inf' }] },
      evaluation: { testMetrics: [{ metric: 'Accuracy', value: null }] },
    });
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^txt-1\.json:3:65 evaluation\.testMetrics\.0\.value: "nan" is no JSON number/),
    ]);
  });
});

describe('the non-finite values an importer lists in import.nonFinite', () => {
  test('"NaN", "Infinity", "-Infinity" there are kept as text with no warning; the same text elsewhere is still read as null', () => {
    const text = [
      '{"id": "imp-1", "training": {"history": [{"epoch": 3, "loss": null, "note": "NaN"}]},',
      ' "import": {"source": "mlflow", "runId": "r", "hash": "h",',
      '  "nonFinite": [{"metric": "loss", "step": 3, "value": "NaN"}, {"metric": "gn", "step": 4, "value": "-Infinity"}]}}',
    ].join('\n');
    const parsed = parseSource(text, { file: 'imp-1.json' });
    expect(parsed.data).toMatchObject({
      training: { history: [{ epoch: 3, loss: null, note: null }] },
      import: {
        nonFinite: [
          { metric: 'loss', step: 3, value: 'NaN' },
          { metric: 'gn', step: 4, value: '-Infinity' },
        ],
      },
    });
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^imp-1\.json:1:77 training\.history\.0\.note: "NaN" is no JSON number/),
    ]);
  });
});

describe("YAML's .nan and .inf in frontmatter", () => {
  test('read as null, each with a warning at its place; 1e309 (too large to store) is still an error', () => {
    const text = ['---', 'id: yn-1', 'training:', '  history:', '    - {epoch: 1, loss: 0.5}', '    - {epoch: 2, loss: .nan}', '---'].join(
      '\n',
    );
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'yn-1.md' }), { file: 'yn-1.md' });
    expect(record?.training?.history).toEqual([
      { epoch: 1, loss: 0.5 },
      { epoch: 2, loss: null },
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'yn-1.md:6:24 training.history.1.loss: .nan is no number; it is read as null (a value not measured) — write null, or leave the field out, for a value not measured (a diverged loss, an undefined metric)',
    ]);
    const large = validateRecord(
      parseSource('---\nid: yn-2\nevaluation:\n  testMetrics:\n    - {metric: auc, value: 1e309}\n---\n', { file: 'yn-2.md' }),
      {
        file: 'yn-2.md',
      },
    );
    expect(large.diagnostics.map((d) => d.level)).toEqual(['error']);
  });
});

describe("a note's title", () => {
  const name = (text: string, file: string) => {
    const data = parseSource(text, { file }).data as Record<string, unknown>;
    return { name: data['name'], title: data['title'] };
  };

  test('the H1 names the experiment when no label does, and is kept as the title when one does', () => {
    expect(name('# DistilBERT on IMDB\n\n**Experiment ID**: e-1\n', 'e-1.md')).toEqual({ name: 'DistilBERT on IMDB', title: undefined });
    expect(name('# Weekly run\n\n**Experiment ID**: e-1\n**Experiment Name**: distilbert-imdb\n', 'e-1.md')).toEqual({
      name: 'distilbert-imdb',
      title: 'Weekly run',
    });
    // The template's own title names nothing.
    expect(name('# ML Experiment Tracking Log\n\n**Experiment ID**: e-1\n', 'e-1.md')).toEqual({ name: undefined, title: undefined });
  });

  test('`title` in frontmatter or JSON is the name, unless a name is given', () => {
    expect(name('---\nid: e-1\ntitle: ResNet-50 with mixup\n---\n\nBody.\n', 'e-1.md').name).toBe('ResNet-50 with mixup');
    expect(name('{"id": "e-1", "title": "ResNet-50", "name": "rn50-mixup"}', 'e-1.json')).toEqual({
      name: 'rn50-mixup',
      title: 'ResNet-50',
    });
  });
});

describe("a note's title that starts with its id", () => {
  const read = (text: string) => parseSource(text, { file: 'x.md' }).data as Record<string, unknown>;
  test('the id it repeats is left out of the name; a title that is only the id names nothing', () => {
    expect(read('# exp-042: DistilBERT on IMDB\n\n**Experiment ID**: exp-042\n')['name']).toBe('DistilBERT on IMDB');
    expect(read('# exp-042 — DistilBERT on IMDB\n\n**Experiment ID**: exp-042\n')['name']).toBe('DistilBERT on IMDB');
    expect(read('# exp-042 - DistilBERT\n\n**Experiment ID**: exp-042\n')['name']).toBe('DistilBERT');
    expect(read('# exp-042\n\n**Experiment ID**: exp-042\n')).not.toHaveProperty('name');
    // Not the id followed by a separator: the title as written.
    expect(read('# exp-0421 run\n\n**Experiment ID**: exp-042\n')['name']).toBe('exp-0421 run');
  });

  test('with no id given, the id the title starts with is the id, placed where it is written', () => {
    const parsed = parseSource('Intro.\n\n# exp-207: ViT-S/16 on Food-101\n', { file: 'notes.md' });
    expect(parsed.data).toMatchObject({ id: 'exp-207', name: 'ViT-S/16 on Food-101' });
    expect(parsed.positions.get('id')).toEqual({ line: 3, column: 3 });
    expect(read('# EXP_12 — Mixup sweep\n')).toMatchObject({ id: 'EXP_12', name: 'Mixup sweep' });
    expect(read('# run-0042 | nightly\n')).toMatchObject({ id: 'run-0042', name: 'nightly' });
    expect(read('# run_12\n')).toEqual(expect.objectContaining({ id: 'run_12' }));
    expect(read('# run_12\n')).not.toHaveProperty('name');
    // After the word saying what it is.
    expect(read('# Experiment exp-311 — ViT-S/16 with RandAugment\n')).toMatchObject({ id: 'exp-311', name: 'ViT-S/16 with RandAugment' });
    expect(read('# Run run-7: warmup 5k\n\n**Experiment ID**: run-7\n')).toMatchObject({ id: 'run-7', name: 'warmup 5k' });
    expect(read('# Experiment 42: mixup\n')['id']).toBe('x');
    // After a mark and the word with a colon, as note apps' templates write it.
    expect(read('# 🧪 Experiment: exp-101 — DistilBERT on tickets\n')).toMatchObject({ id: 'exp-101', name: 'DistilBERT on tickets' });
    expect(read('# ✅ exp-102: done\n')).toMatchObject({ id: 'exp-102', name: 'done' });
    expect(read('# Run #run-7 — warmup\n')).toMatchObject({ id: 'run-7', name: 'warmup' });
    // A model's name is no id: the file's name is.
    expect(read('# ResNet-50: baseline\n')['id']).toBe('x');
    expect(read('# GPT-2 - fine-tune\n')['id']).toBe('x');
    // An id written as ids are, then words with only a space between: the id, unless the file's name is
    // an id of its own (`exp-12 runs out of memory` in exp-13.md may be a sentence about another run).
    expect(read('# exp-12 LightGBM baseline\n')).toMatchObject({ id: 'exp-12', name: 'LightGBM baseline' });
    expect(parseSource('# exp-12 runs out of memory\n', { file: 'exp-13.md' }).data).toMatchObject({ id: 'exp-13' });
    expect(read('# exp12 runs\n')['id']).toBe('x');
    // An id given by a label wins; the title's is left out of the name only when it is that id.
    expect(read('# exp-1: A\n\n**Experiment ID**: exp-2\n')).toMatchObject({ id: 'exp-2', name: 'exp-1: A' });
  });
});

describe('a short log as people write it', () => {
  test('the goal above the first section, a `## Repro` list of code, seed, command and environment', () => {
    const text = [
      '# exp-88 — Whisper-small fine-tune (Hindi)',
      '',
      '**Goal:** lower WER on Hindi call-center audio.',
      '',
      '## Repro',
      '- Commit: `a1b2c3d`',
      '- Seed: 1234',
      '- Command: `python train.py --config configs/hi.yaml`',
      '- Env: torch 2.3, transformers 4.41',
    ].join('\n');
    const parsed = parseSource(text, { file: 'exp-88.md' });
    expect(parsed.data).toMatchObject({
      id: 'exp-88',
      overview: { objective: 'lower WER on Hindi call-center audio.' },
      reproducibility: {
        code: { commit: 'a1b2c3d', entryPoint: 'python train.py --config configs/hi.yaml' },
        seeds: { Seed: 1234 },
        environment: { Env: 'torch 2.3, transformers 4.41' },
      },
    });
    expect(parsed.data).not.toHaveProperty('sections');
    expect(parsed.positions.get('reproducibility.code.commit')).toEqual({ line: 6, column: 11 });
  });
});

describe('the observations written as headings', () => {
  test("`## What worked`, `## What didn't work`, `## Lessons learned` are the observations' lists", () => {
    const text = [
      '# exp-980: t',
      '',
      '## What worked',
      '- mixup',
      '',
      "## What didn't work",
      '- label smoothing 0.2',
      '',
      '## Lessons learned',
      '- tune warmup first',
    ].join('\n');
    expect(parseSource(text, { file: 'exp-980.md' }).data).toMatchObject({
      observations: { worked: ['mixup'], didNotWork: ['label smoothing 0.2'], learnings: ['tune warmup first'] },
    });
  });
});

describe('the environment under its own heading', () => {
  test('`## Environment` over `- torch 2.3.0`, `- numpy==1.26.4`, `- CUDA: 12.1`: each package by its name, at its version', () => {
    const text = ['# exp-1: t', '', '## Environment', '- Python 3.11', '- torch 2.3.0', '- numpy==1.26.4', '- CUDA: 12.1', '- cuDNN'].join(
      '\n',
    );
    expect((parseSource(text, { file: 'exp-1.md' }).data as { reproducibility: unknown }).reproducibility).toEqual({
      // An item without a version is kept by its name, as written.
      environment: { Python: '3.11', torch: '2.3.0', numpy: '1.26.4', CUDA: '12.1', cuDNN: 'cuDNN' },
    });
  });
});
