import { describe, expect, test } from 'vitest';
import { parseSearchSpace } from '../../../src/ingest/template/index.ts';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';

describe('parseSearchSpace', () => {
  test.each([
    ['[0.0001, 0.01]', { kind: 'range', min: 0.0001, max: 0.01 }],
    ['[16, 32, 64, 128]', { kind: 'choice', values: [16, 32, 64, 128] }],
    ['[gini, entropy]', { kind: 'choice', values: ['gini', 'entropy'] }],
    ['{16, 32}', { kind: 'choice', values: [16, 32] }],
    ['0.0 - 0.2', { kind: 'range', min: 0, max: 0.2 }],
    ['loguniform(1e-5, 1e-3)', { kind: 'range', min: 0.00001, max: 0.001, scale: 'log' }],
    ['powers of two', { kind: 'text', text: 'powers of two' }],
    // `fixed` says the value was not searched: kept as written; a dash or N/A is nothing written.
    ['fixed', { kind: 'text', text: 'fixed' }],
    ['-', undefined],
    ['N/A', undefined],
  ])('%s', (text, expected) => {
    expect(parseSearchSpace(text)).toEqual(expected);
  });

  test('searched by a grid, two values in brackets are the two the grid tries, not a range', () => {
    expect(parseSearchSpace('[16, 32]', 'Grid search')).toEqual({ kind: 'choice', values: [16, 32] });
    expect(parseSearchSpace('[16, 32]', 'Random')).toEqual({ kind: 'range', min: 16, max: 32 });
  });

  test('a hyperparameter table: the method column decides', () => {
    const text = [
      '**Experiment ID**: exp-1',
      '',
      '## Model Configuration',
      '',
      '**Hyperparameters**:',
      '| Parameter | Value | Search Space | Method |',
      '|---|---|---|---|',
      '| batch_size | 32 | [16, 32] | Grid search |',
      '| lr | 3e-4 | [1e-5, 1e-3] | Bayesian |',
    ].join('\n');
    const record = validateRecord(parseSource(text, { file: 'exp-1.md' }), { file: 'exp-1.md' }).record;
    expect(record?.model?.hyperparameters?.map((h) => h.searchSpace)).toEqual([
      { kind: 'choice', values: [16, 32] },
      { kind: 'range', min: 0.00001, max: 0.001 },
    ]);
  });
});

describe('settings written on one line after a setting', () => {
  const settings = (item: string) => {
    const text = ['**Experiment ID**: exp-1', '', '## Setup', `- ${item}`].join('\n');
    const file = 'exp-1.md';
    const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
    expect(diagnostics).toEqual([]);
    return record?.model?.hyperparameters;
  };

  test('`LR: 3e-5, batch 32, 4 epochs, warmup 10%`: four settings, each named as written', () => {
    expect(settings('LR: 3e-5, batch 32, 4 epochs, warmup 10%')).toEqual([
      { name: 'LR', value: 0.00003 },
      { name: 'batch', value: 32 },
      { name: 'epochs', value: 4 },
      { name: 'warmup', value: '10%' },
    ]);
    expect(settings('Warmup steps: 500; decay 0.1')).toEqual([
      { name: 'Warmup steps', value: 500 },
      { name: 'decay', value: 0.1 },
    ]);
  });

  test.each([
    ['a list of values', 'Dropout: 0.1, 0.2, 0.3', '0.1, 0.2, 0.3'],
    ['words first', 'LR: cosine, warmup 500', 'cosine, warmup 500'],
    ['a sentence after the number', 'LR: 3e-5, then halved at epoch 3', '3e-5, then halved at epoch 3'],
  ])('%s stays one setting as written', (_why, item, value) => {
    expect(settings(item)).toEqual([{ name: item.split(':')[0], value }]);
  });
});

describe('a setting with an aside after its value', () => {
  const read = (...lines: string[]) => {
    const text = ['**Experiment ID**: exp-1', '', '## Model Configuration', ...lines].join('\n');
    const file = 'exp-1.md';
    const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
    return { training: record?.model?.training, problems: diagnostics.map((d) => `${d.line} ${d.path}: ${d.message}`) };
  };

  test.each([
    ['- Epochs: 10 (early stopped at 7)', 10, 'early stopped at 7'],
    ['- Epochs: 10; early stopping 3', 10, 'early stopping 3'],
    ['- **Epochs**: 200, with warm restarts.', 200, 'with warm restarts'],
  ])('`%s`: the number, the aside kept as its note', (line, epochs, note) => {
    expect(read(line)).toEqual({ training: { epochs, epochsNote: note }, problems: [] });
  });

  test('a list of numbers is no aside: still an error for the field', () => {
    expect(read('- Epochs: 10, 20, 30').problems).toEqual(['4 model.training.epochs: expected a number, got the string "10, 20, 30"']);
  });

  test('a field written twice keeps the later value and warns, naming the earlier one', () => {
    expect(read('- Epochs: 10', '- Optimizer: SGD', '- Epochs: 12')).toEqual({
      training: { epochs: 12, optimizer: 'SGD' },
      problems: ['6 model.training.epochs: also written on line 4 (10); this value is kept and that one is not used'],
    });
    // The same value twice loses nothing: no warning.
    expect(read('- Epochs: 10', '- Epochs: 10').problems).toEqual([]);
  });
});

describe('settings written as a command line writes them', () => {
  const settings = (line: string) => {
    const text = ['**Experiment ID**: exp-1', '', '## Model', '', line].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'exp-1.md' }), { file: 'exp-1.md' });
    expect(diagnostics).toEqual([]);
    return record?.model?.hyperparameters;
  };

  test('`imgsz=800 epochs=150 lr0=3e-4` on the label line: a setting per `name=value`', () => {
    expect(settings('**Hyperparameters**: imgsz=800 epochs=150 batch=16 lr0=3e-4 mosaic=1.0')).toEqual([
      { name: 'imgsz', value: 800 },
      { name: 'epochs', value: 150 },
      { name: 'batch', value: 16 },
      { name: 'lr0', value: 0.0003 },
      { name: 'mosaic', value: 1 },
    ]);
    expect(settings('**Hyperparameters**: `--lr=3e-4 --batch_size=64`')).toEqual([
      { name: 'lr', value: 0.0003 },
      { name: 'batch_size', value: 64 },
    ]);
  });

  test('settings separated by commas inside one code span: the commas are no part of the values', () => {
    expect(settings('**Hyperparameters**: `embedding_dim=128, temperature=0.05; batch_size=4096, lr=3e-4`')).toEqual([
      { name: 'embedding_dim', value: 128 },
      { name: 'temperature', value: 0.05 },
      { name: 'batch_size', value: 4096 },
      { name: 'lr', value: 0.0003 },
    ]);
  });

  test('a value with spaces is one setting as written, not split at its spaces', () => {
    expect(settings('**Hyperparameters**: schedule=cosine with warmup')).toEqual([{ name: 'schedule', value: 'cosine with warmup' }]);
  });
});

describe('a list of settings under a label with a value on its line', () => {
  test('`**Model Type**: nnU-Net` over `- batch_size: 2`: the type, and each item a setting of the model', () => {
    const text = [
      '**Experiment ID**: seg-1',
      '',
      '## ⚙️ Model',
      '',
      '**Model Type**: nnU-Net 3d_fullres (5-fold ensemble)',
      '',
      '- patch_size: 128x128x128',
      '- batch_size: 2',
      '- initial_lr: 0.01',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'seg-1.md' }), { file: 'seg-1.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.model?.type).toBe('nnU-Net 3d_fullres (5-fold ensemble)');
    expect(record?.model?.hyperparameters).toEqual([
      { name: 'patch_size', value: '128x128x128' },
      { name: 'batch_size', value: 2 },
      { name: 'initial_lr', value: 0.01 },
    ]);
    expect(record?.sections).toBeUndefined();
  });
});

describe('a W&B config.yaml pasted under the hyperparameters', () => {
  test("each setting its value, its desc its description; W&B's own entries are no settings, and the block stays shown", () => {
    const text = [
      '**Experiment ID**: asr-7',
      '',
      '## Model Configuration',
      '',
      '**Hyperparameters**:',
      '```yaml',
      'wandb_version: 1',
      '_wandb:',
      '  desc: null',
      '  value:',
      '    python_version: 3.10.12',
      'batch_size:',
      '  desc: per-GPU batch size',
      '  value: 32',
      'learning_rate:',
      '  desc: null',
      '  value: 0.0015',
      'optimizer:',
      '  desc: null',
      '  value:',
      '    name: adamw',
      '```',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 'asr-7.md' }), { file: 'asr-7.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.model?.hyperparameters).toEqual([
      { name: 'batch_size', value: 32, description: 'per-GPU batch size' },
      { name: 'learning_rate', value: 0.0015 },
      { name: 'optimizer.name', value: 'adamw' },
    ]);
    expect(record?.sections?.[0]?.markdown).toContain('python_version: 3.10.12');
  });
});
