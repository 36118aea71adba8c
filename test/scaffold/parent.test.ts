import { describe, expect, test } from 'vitest';
import {
  detectRecordForm,
  fileStem,
  pickInheritable,
  readRecordId,
  readStructuredRecord,
  readTemplateFields,
} from '../../src/scaffold/parent.ts';
import { renderJsonSkeleton, buildJsonSkeleton } from '../../src/scaffold/json.ts';

describe('detectRecordForm', () => {
  test.each([
    ['a.json', '{}', 'json'],
    ['a.md', '---\nid: a\n---\nbody', 'frontmatter'],
    ['a.md', '\uFEFF---\r\nid: a\r\n---\r\n', 'frontmatter'],
    ['a.md', '# ML Experiment Tracking Log\n\n---\n', 'template'],
  ])('%s %j → %s', (file, text, form) => expect(detectRecordForm(text, file)).toBe(form));
});

describe('readRecordId', () => {
  test.each([
    ['x.json', '{"id": "exp-1"}', 'exp-1'],
    ['x.md', '---\nid: exp-2\n---\n', 'exp-2'],
    ['x.md', '# Log\n\n**Experiment ID**: exp-3\n**Date**: 2025-01-01', 'exp-3'],
    ['dir/x.md', '# Log\n\n**Experiment ID**: [experiment-id]', 'x'],
    ['dir/broken.json', '{ nope', 'broken'],
    ['y.json', '{"name": "no id"}', 'y'],
  ])('%s → %s', (file, text, id) => expect(readRecordId(text, file)).toBe(id));
});

test('fileStem drops folders and the extension', () => {
  expect(fileStem('a/b/c.d.md')).toBe('c.d');
  expect(fileStem('c:\\x\\y.json')).toBe('y');
});

test('readStructuredRecord reads JSON and frontmatter, not templates or non-objects', () => {
  expect(readStructuredRecord('{"id":"a"}', 'a.json')).toEqual({ id: 'a' });
  expect(readStructuredRecord('---\nid: a\nstatus: running\n---\n', 'a.md')).toEqual({ id: 'a', status: 'running' });
  expect(readStructuredRecord('[1]', 'a.json')).toBeUndefined();
  expect(readStructuredRecord('# Log', 'a.md')).toBeUndefined();
  expect(readStructuredRecord('---\n: : :\n---\n', 'a.md')).toBeUndefined();
});

describe('pickInheritable', () => {
  const parent = {
    id: 'p',
    dataset: { name: 'd', version: '1', location: 's3://d', splits: [{ name: 'Training', fraction: 0.7 }], extra: 'kept?' },
    model: {
      type: 'XGBoost',
      hyperparameters: [{ name: 'eta', value: 0.1, searchSpace: { kind: 'range', min: 0.01, max: 0.3 }, tuningMethod: 'Grid search' }],
      training: { optimizer: 'Boosting', earlyStopping: { enabled: true, patience: 50 } },
    },
    evaluation: { testMetrics: [] },
  };
  test('copies dataset and model configuration, not results; hyperparameters keep name, value and search space', () => {
    expect(pickInheritable(parent)).toEqual({
      dataset: { name: 'd', version: '1', location: 's3://d', splits: [{ name: 'Training', fraction: 0.7 }] },
      model: {
        type: 'XGBoost',
        hyperparameters: [{ name: 'eta', value: 0.1, searchSpace: { kind: 'range', min: 0.01, max: 0.3 } }],
        training: { optimizer: 'Boosting', earlyStopping: { enabled: true, patience: 50 } },
      },
    });
  });
  test('leaves out parts that do not pass the schema', () => {
    expect(pickInheritable({ dataset: { records: 'many' }, model: { type: 'LR' } })).toEqual({ model: { type: 'LR' } });
    expect(pickInheritable(undefined)).toEqual({});
    expect(pickInheritable({ dataset: {}, model: {} })).toEqual({});
  });
});

test('readTemplateFields reads the labelled dataset and model fields, skipping placeholders', () => {
  const text = '**Dataset Name**: tx-v3\n**Dataset Version**: [1.2.0]\n**Dataset Location**: s3://b/tx\n\n**Model Type**: LightGBM';
  expect(readTemplateFields(text)).toEqual({ dataset: { name: 'tx-v3', location: 's3://b/tx' }, model: { type: 'LightGBM' } });
  expect(readTemplateFields('**Model Type**: [XGBoost | RandomForest]')).toEqual({});
});

describe('buildJsonSkeleton', () => {
  test('a planned record with $schema, id, date and lineage', () => {
    expect(
      buildJsonSkeleton({ id: 'a', date: '2025-09-04', parent: 'p', schemaRef: '../../public/schema/experiment.schema.json' }),
    ).toEqual({
      $schema: '../../public/schema/experiment.schema.json',
      id: 'a',
      date: '2025-09-04',
      status: 'planned',
      lineage: { parent: 'p' },
    });
  });
  test('no lineage without a parent; inherited parts after it; text ends with a newline', () => {
    const text = renderJsonSkeleton({ id: 'a', date: '2025-09-04', schemaRef: 's.json', model: { type: 'LR' } });
    expect(JSON.parse(text)).toEqual({ $schema: 's.json', id: 'a', date: '2025-09-04', status: 'planned', model: { type: 'LR' } });
    expect(text.endsWith('}\n')).toBe(true);
  });
});
