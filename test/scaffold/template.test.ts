import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';
import { findTemplateExamples } from '../../src/ingest/template-examples.ts';
import { blankExamples, extractSection, fillTemplate, formatCount, formatPercent, formatSearchSpace } from '../../src/scaffold/template.ts';

const TEMPLATE = readFileSync(join(import.meta.dirname, '../../src/scaffold/template.md'), 'utf8');

describe('the shipped template', () => {
  // The ML Experiment Tracking Log template v1.0, byte for byte: its SHA-256 as published in ../shared.
  test('is the ML Experiment Tracking Log template v1.0, unchanged', () => {
    expect(createHash('sha256').update(TEMPLATE).digest('hex')).toBe('417f91876171f269fd89b432ac9d6ab9cbe50aa2641a0e2ed0d1e661c23df4b6');
    expect(TEMPLATE.startsWith('# ML Experiment Tracking Log')).toBe(true);
  });
});

describe('fillTemplate', () => {
  test('fills id, date and parent; everything else is a placeholder, never an example value', () => {
    const out = fillTemplate(TEMPLATE, { id: 'exp-7', date: '2025-09-04', parent: 'exp-6' });
    expect(out).toContain('**Experiment ID**: exp-7\n**Date**: 2025-09-04\n**Experimenter**: [Name]');
    expect(out).toContain('- Parent: exp-6\n- Related: [experiment-id-1, experiment-id-2]');
    const parsed = parseSource(out, { file: 'exp-7.md' });
    const { record } = validateRecord(parsed, { file: 'exp-7.md' });
    const { placeholders, ...values } = record ?? { placeholders: [] };
    expect(values).toEqual({
      id: 'exp-7',
      date: '2025-09-04',
      lineage: { parent: 'exp-6' },
      templateVersion: '1.0',
      basedOn: 'MLflow, Weights & Biases, ML experiment tracking best practices',
    });
    expect(placeholders).toEqual(expect.arrayContaining(['dataset.version', 'evaluation.confusionMatrix', 'completionDate']));
  });

  test('without a parent the Parent line stays a placeholder', () => {
    expect(fillTemplate(TEMPLATE, { id: 'a', date: '2025-01-01' })).toContain('- Parent: [experiment-id]');
  });

  test("renders the parent's dataset into the template's fields", () => {
    const out = fillTemplate(TEMPLATE, {
      id: 'a',
      date: '2025-01-01',
      dataset: {
        name: 'tx-v3',
        version: '3.0.0',
        location: 's3://b/tx',
        records: 2_000_000,
        features: 84,
        splits: [
          { name: 'Training', fraction: 0.8, records: 1_600_000 },
          { name: 'Test', fraction: 0.2, records: 400_000 },
        ],
        splitStrategy: 'Temporal',
        randomSeed: 7,
        preprocessing: ['Dedupe', 'Scale'],
      },
    });
    expect(extractSection(out, 'Dataset Information')).toBe(
      [
        '## Dataset Information',
        '',
        '**Dataset Name**: tx-v3',
        '**Dataset Version**: 3.0.0',
        '**Dataset Location**: s3://b/tx',
        '**Dataset Size**: 2M records, 84 features',
        '',
        '**Train/Val/Test Split**:',
        '- Training: 80% (1.6M records)',
        '- Test: 20% (400K records)',
        '- Split Strategy: Temporal',
        '- Random Seed: 7',
        '',
        '**Data Preprocessing**:',
        '1. Dedupe',
        '2. Scale',
      ].join('\n'),
    );
  });

  test("renders the parent's model: type, architecture, hyperparameter table and training configuration", () => {
    const out = fillTemplate(TEMPLATE, {
      id: 'a',
      date: '2025-01-01',
      model: {
        type: 'XGBoost',
        architecture: 'trees\n  depth 8',
        hyperparameters: [
          { name: 'eta', value: 0.03, searchSpace: { kind: 'range', min: 0.01, max: 0.3, scale: 'log' } },
          { name: 'depth', value: 8, searchSpace: { kind: 'choice', values: [4, 8, 12] }, tuningMethod: 'Grid search' },
        ],
        training: {
          optimizer: 'Boosting',
          lossFunction: 'Log loss',
          earlyStopping: { enabled: true, patience: 50 },
          learningRateSchedule: 'constant',
        },
      },
    });
    const section = extractSection(out, 'Model Configuration') ?? '';
    expect(section).toContain('**Model Type**: XGBoost\n**Model Architecture**:\n```\ntrees\n  depth 8\n```');
    expect(section).toContain(
      '|-----------|-------|--------------|---------------|\n| eta | 0.03 | [0.01, 0.3] | - |\n| depth | 8 | [4, 8, 12] | Grid search |\n\n**Training Configuration**:',
    );
    expect(section).toContain(
      '- Optimizer: Boosting\n- Loss Function: Log loss\n- Early Stopping: Yes (patience=50)\n- Learning Rate Schedule: constant',
    );
    expect(extractSection(out, 'Training Results')).toContain('| [epoch] | [train loss] |'); // later sections: placeholders
  });

  test("a parent's dataset without a version or splits leaves those as placeholders, not the template's examples", () => {
    const out = fillTemplate(TEMPLATE, { id: 'a', date: '2025-01-01', dataset: { name: 'tx-v3' } });
    const section = extractSection(out, 'Dataset Information') ?? '';
    expect(section).toContain('**Dataset Name**: tx-v3\n**Dataset Version**: [dataset version]\n**Dataset Location**: [dataset location]');
    expect(section).toContain('- Training: [N% (N records)]\n- Validation: [N% (N records)]');
    const { record } = validateRecord(parseSource(out, { file: 'a.md' }), { file: 'a.md' });
    expect(record?.dataset).toEqual({ name: 'tx-v3' });
    expect(record === undefined ? ['no record'] : findTemplateExamples(record)).toEqual([]);
  });

  test('copies whole sections verbatim when given as text', () => {
    const section = '## Dataset Information\n\n**Dataset Name**: copied\n**Custom**: kept';
    const out = fillTemplate(TEMPLATE, { id: 'a', date: '2025-01-01', sections: { 'Dataset Information': section } });
    expect(extractSection(out, 'Dataset Information')).toBe(section);
    expect(out).toContain('**Custom**: kept\n\n---\n\n## Model Configuration');
  });

  test('keeps CRLF line endings', () => {
    const out = fillTemplate(TEMPLATE.replace(/\n/g, '\r\n'), { id: 'a', date: '2025-01-01' });
    expect(out).toContain('**Experiment ID**: a\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('blankExamples', () => {
  test.each([
    ['**Date**: 2025-01-15', '**Date**: [YYYY-MM-DD]'],
    ['**Dataset Size**: 1M records, 125 features', '**Dataset Size**: [N records, N features]'],
    ['- Validation: 15% (150K records) ', '- Validation: [N% (N records)]'],
    ['- Latency: +3ms vs previous best (acceptable)', '- Latency: [+Nms vs previous best (acceptable)]'],
    ['**Dataset Version**: 1.2.0', '**Dataset Version**: [dataset version]'],
    ['- Commit SHA: abc123def456', '- Commit SHA: [commit sha]'],
    ['- Early Stopping: Yes (patience=10)', '- Early Stopping: [early stopping]'],
    ['**Best Model** (by validation metric):', '**Best Model** (by validation metric):'],
    ['- Optimizer: [Adam | SGD | AdamW]', '- Optimizer: [Adam | SGD | AdamW]'],
    ['**Template Version**: 1.0', '**Template Version**: 1.0'],
    ['- [ ] [Area to investigate further]', '- [ ] [Area to investigate further]'],
  ])('%s → %s', (line, expected) => {
    expect(blankExamples(line)).toBe(expected);
  });

  test("a table's example rows become one row of column placeholders; a table of placeholders is kept", () => {
    expect(blankExamples('| Metric | Value |\n|---|---|\n| Accuracy | 0.869 |\n| F1 | 0.834 |\n\nnext')).toBe(
      '| Metric | Value |\n|---|---|\n| [metric] | [value] |\n\nnext',
    );
    expect(blankExamples('| A | B |\n|---|---|\n| [a] | [b] |')).toBe('| A | B |\n|---|---|\n| [a] | [b] |');
  });

  test('a fenced example becomes the label above it as a placeholder; a fenced placeholder is kept', () => {
    expect(blankExamples('**Confusion Matrix**:\n```\n  Neg Pos\nNeg 1 2\n```')).toBe(
      '**Confusion Matrix**:\n```\n[confusion matrix]\n```',
    );
    expect(blankExamples('**Model Architecture**:\n```\n[Architecture description]\n```')).toBe(
      '**Model Architecture**:\n```\n[Architecture description]\n```',
    );
  });

  test('keeps CRLF line endings', () => {
    expect(blankExamples('**Date**: 2025-01-15\r\n**Experimenter**: [Name]\r\n')).toBe(
      '**Date**: [YYYY-MM-DD]\r\n**Experimenter**: [Name]\r\n',
    );
  });

  test("leaves none of the shipped template's example results", () => {
    const { record } = validateRecord(parseSource(blankExamples(TEMPLATE), { file: 'blank.md' }), { file: 'blank.md' });
    expect(record === undefined ? ['no record'] : findTemplateExamples(record)).toEqual([]);
    expect(
      findTemplateExamples(validateRecord(parseSource(TEMPLATE, { file: 't.md' }), { file: 't.md' }).record ?? { id: 'x' }),
    ).toHaveLength(10);
  });
});

describe('extractSection', () => {
  test('stops before the rule that ends the section', () => {
    expect(extractSection('# T\n\n## A\n\nbody\n\n---\n\n## B\n\nmore', 'A')).toBe('## A\n\nbody');
    expect(extractSection('## B\n\nlast', 'B')).toBe('## B\n\nlast');
  });
  test('is undefined for a missing section', () => expect(extractSection('## A', 'Z')).toBeUndefined());
});

describe('formatters', () => {
  test.each([
    [2_000_000, '2M'],
    [1_400_000, '1.4M'],
    [300_000, '300K'],
    [14_000, '14K'],
    [3_750, '3750'],
    [1_234_567, '1234567'],
  ])('formatCount(%i) = %s', (n, s) => expect(formatCount(n)).toBe(s));
  test.each([
    [0.7, '70%'],
    [0.125, '12.5%'],
    [0.15, '15%'],
  ])('formatPercent(%d) = %s', (f, s) => expect(formatPercent(f)).toBe(s));
  test('formatSearchSpace', () => {
    expect(formatSearchSpace({ kind: 'range', min: 0.0001, max: 0.01 })).toBe('[0.0001, 0.01]');
    expect(formatSearchSpace({ kind: 'choice', values: [16, 'auto', null] })).toBe('[16, auto, -]');
    expect(formatSearchSpace({ kind: 'text', text: 'fixed' })).toBe('fixed');
    expect(formatSearchSpace(undefined)).toBe('-');
  });
});
