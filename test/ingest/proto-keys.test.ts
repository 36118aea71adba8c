import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';

function load(text: string, file: string) {
  const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
  return { record: record as Record<string, unknown> | undefined, problems: diagnostics.map(formatDiagnostic) };
}

describe('keys named like Object.prototype properties are data', () => {
  const json = `{
  "id": "proto-1",
  "tags": { "team": "a", "__proto__": "b", "constructor": "c" },
  "training": { "history": [{ "epoch": 1, "__proto__": 0.5, "toString": 0.25, "valueOf": 0.125 }] },
  "evaluation": {
    "disaggregated": [{ "group": "g", "attributes": { "__proto__": "x" }, "metrics": { "__proto__": 0.9, "hasOwnProperty": 0.8 } }]
  },
  "__proto__": { "polluted": true }
}`;

  test('JSON: every __proto__ key is kept as an own key, in place, and no prototype changes', () => {
    const { record, problems } = load(json, 'p.json');
    expect(problems).toEqual([]);
    expect(JSON.stringify(record)).toBe(
      JSON.stringify(JSON.parse(json) as unknown), // JSON.parse keeps __proto__ as an own key
    );
    expect(Object.keys(record?.['tags'] as object)).toEqual(['team', '__proto__', 'constructor']);
    const row = (record?.['training'] as { history: object[] }).history[0] as object;
    expect(Object.keys(row)).toEqual(['epoch', '__proto__', 'toString', 'valueOf']);
    for (const value of [record, record?.['tags'], row]) expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test('JSON: a __proto__ key deep in a list is found and kept, and checked against its field', () => {
    const nested = '{ "id": "proto-4", "training": { "history": [{ "epoch": 1 }, { "epoch": 2, "__proto__": 0.5 }] } }';
    const { record, problems } = load(nested, 'p.json');
    expect(problems).toEqual([]);
    expect(JSON.stringify(record)).toBe(JSON.stringify(JSON.parse(nested) as unknown));
    const wrong = load('{ "id": "proto-5", "training": { "history": [{ "epoch": 1, "__proto__": "x" }] } }', 'p.json');
    expect(wrong.record).toBeUndefined();
    expect(wrong.problems).toHaveLength(1);
    expect(wrong.problems[0]).toContain('training.history.0.__proto__');
  });

  test('YAML frontmatter: the same', () => {
    const text =
      '---\nid: proto-2\ntags:\n  __proto__: b\n  constructor: c\ntraining:\n  history:\n    - { epoch: 1, __proto__: 0.5 }\n---\n';
    const { record, problems } = load(text, 'p.md');
    expect(problems).toEqual([]);
    expect(JSON.stringify(record)).toBe(
      '{"id":"proto-2","tags":{"__proto__":"b","constructor":"c"},"training":{"history":[{"epoch":1,"__proto__":0.5}]}}',
    );
  });

  test('the template: table columns named constructor, toString and valueOf are kept', () => {
    const text = [
      '# ML Experiment Tracking Log',
      '',
      '**Experiment ID**: proto-3',
      '',
      '## Training Results',
      '',
      '**Training Metrics**:',
      '',
      '| Epoch | constructor | toString |',
      '|-------|-------------|----------|',
      '| 1 | 0.5 | 0.25 |',
      '| 2 | 0.4 | 0.2 |',
    ].join('\n');
    const { record, problems } = load(text, 'p.md');
    expect(problems).toEqual([]);
    expect(JSON.stringify((record?.['training'] as { history: unknown }).history)).toBe(
      '[{"epoch":1,"constructor":0.5,"toString":0.25},{"epoch":2,"constructor":0.4,"toString":0.2}]',
    );
  });

  test('a __proto__ value of the wrong type is an error at its position, like any other key', () => {
    const text = '{\n  "id": "x",\n  "tags": { "__proto__": 5 },\n  "training": { "history": [{ "epoch": 1, "__proto__": "high" }] }\n}';
    expect(load(text, 'x.json')).toEqual({
      record: undefined,
      problems: [
        'x.json:3:26 tags.__proto__: expected a string, got the number 5 — put it in quotes to keep it as text: "5"',
        'x.json:4:56 training.history.0.__proto__: expected a number, got the string "high" — write a number, or leave the field out while it is not known',
      ],
    });
  });
});
