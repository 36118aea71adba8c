import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';

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

  test('a problem inside a converted part points at the line it is written on', () => {
    const text = ['{', '  "id": "a",', '  "model": { "hyperparameters": {', '    "lr": 0.1,', '    "hidden": [64, 32]', '  } }', '}'].join(
      '\n',
    );
    const { problems } = validate(text, 'a.json');
    expect(problems).toEqual([expect.stringMatching(/^a\.json:5:\d+ model\.hyperparameters\.1\.value: /)]);
  });

  test('a tag list holding something that is no tag is left for validation to report', () => {
    const { problems } = validate('{ "id": "a", "tags": ["vision", 3] }', 'a.json');
    expect(problems).toEqual([expect.stringMatching(/^a\.json:1:\d+ tags: expected an object, got a list/)]);
  });
});
