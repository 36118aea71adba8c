import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../../src/ingest/index.ts';

/** The dataset a template with `lines` under `## Dataset` is read to, and the problems found. */
function dataset(lines: readonly string[]): { dataset: unknown; problems: string[] } {
  const text = ['**Experiment ID**: d-1', '', '## Dataset', '', ...lines].join('\n');
  const { record, diagnostics } = validateRecord(parseSource(text, { file: 'd.md' }), { file: 'd.md' });
  return { dataset: record?.dataset, problems: diagnostics.map(formatDiagnostic) };
}

describe('Features: as logs write them', () => {
  test('a count', () => {
    expect(dataset(['**Features**: 125']).dataset).toEqual({ features: 125 });
    expect(dataset(['**Number of features**: 1.2k']).dataset).toEqual({ features: 1200 });
    expect(dataset(['**Features**: 40 features']).dataset).toEqual({ features: 40 });
  });

  test('names in brackets, after commas or as a list below: the names and their count', () => {
    const names = { features: 3, featureNames: ['age', 'income', 'tenure'] };
    expect(dataset(['**Features**: [age, income, tenure]'])).toEqual({ dataset: names, problems: [] });
    expect(dataset(['**Features**: age, income, tenure']).dataset).toEqual(names);
    expect(dataset(['**Features**: ["age", "income", "tenure"]']).dataset).toEqual(names);
    expect(dataset(['**Features**:', '- `age`', '- income', '- tenure']).dataset).toEqual(names);
  });

  test('a count written beside some of the names is the count, in either order', () => {
    const names = ['age', 'income', 'tenure'];
    expect(dataset(['**Number of features**: 45', '**Feature names**: age, income, tenure']).dataset).toEqual({
      features: 45,
      featureNames: names,
    });
    expect(dataset(['**Feature names**: age, income, tenure', '**Number of features**: 45']).dataset).toEqual({
      features: 45,
      featureNames: names,
    });
  });

  test('a count with its breakdown is the total, and the text is kept as written', () => {
    expect(dataset(['**Features**: 45 (30 numerical, 15 categorical)'])).toEqual({
      dataset: { features: 45, featuresText: '45 (30 numerical, 15 categorical)' },
      problems: [],
    });
    // Parts added up are not taken for the total: the text is kept, no count guessed.
    expect(dataset(['**Features**: 30 numerical + 15 categorical']).dataset).toEqual({ featuresText: '30 numerical + 15 categorical' });
  });

  test('any other text is kept as written instead of refused for not being a number', () => {
    expect(dataset(['**Features**: all columns except customer_id'])).toEqual({
      dataset: { featuresText: 'all columns except customer_id' },
      problems: [],
    });
  });

  test('JSON: features written as their names', () => {
    const { record, diagnostics } = validateRecord(
      parseSource('{ "id": "j", "dataset": { "features": ["age", "income"] } }', { file: 'j.json' }),
      {
        file: 'j.json',
      },
    );
    expect(diagnostics).toEqual([]);
    expect(record?.dataset).toEqual({ features: 2, featureNames: ['age', 'income'] });
  });
});

describe('splits named by their labels', () => {
  test('one label naming several splits, its value a count each', () => {
    const { dataset: read, problems } = dataset(['- Dataset: imdb-reviews v2', '- Train / val / test: 40,000 / 5,000 / 5,000']);
    expect(problems).toEqual([]);
    expect(read).toEqual({
      name: 'imdb-reviews v2',
      splits: [
        { name: 'Train', records: 40000 },
        { name: 'val', records: 5000 },
        { name: 'test', records: 5000 },
      ],
    });
  });

  test('a label per split', () => {
    const { dataset: read, problems } = dataset(['- Dataset: imdb-reviews v2', '- Train: 40,000 (80%)', '- Val: 5,000', '- Test set: 10%']);
    expect(problems).toEqual([]);
    expect(read).toEqual({
      name: 'imdb-reviews v2',
      splits: [
        { name: 'Train', records: 40000, fraction: 0.8 },
        { name: 'Val', records: 5000 },
        { name: 'Test set', fraction: 0.1 },
      ],
    });
  });
});

describe('a split counted with words between the count and what it counts', () => {
  test('`Eval set: 2,000 hand-labeled images, 12 categories`: 2,000 records, the words kept', () => {
    const { dataset: read } = dataset(['- Eval set: 2,000 hand-labeled images, 12 categories', '- Source: s3://catalog/eval-v3/']);
    expect(read).toMatchObject({ splits: [{ name: 'Eval set', records: 2000, text: '2,000 hand-labeled images, 12 categories' }] });
    // `80% of all images` counts no records.
    expect(dataset(['- Train: 80% of all images']).dataset).toMatchObject({ splits: [{ name: 'Train', fraction: 0.8 }] });
    expect(JSON.stringify(dataset(['- Train: 80% of all images']).dataset)).not.toContain('records');
  });
});

describe('a table of splits under a header naming its columns', () => {
  test('`| split | rows |` over a row per split: the splits, the header no split of its own', () => {
    const { dataset: read, problems } = dataset([
      '| split | rows |',
      '|---|---|',
      '| train | 120,000 |',
      '| val | 10,000 |',
      '| test | 10,000 |',
    ]);
    expect(problems).toEqual([]);
    expect(read).toEqual({
      splits: [
        { name: 'train', records: 120000 },
        { name: 'val', records: 10000 },
        { name: 'test', records: 10000 },
      ],
    });
  });
});

describe('a dataset list whose items say what they are without a label', () => {
  test('`- 37 features`, `- 50k train / 5k val / 10k test`, `- 65k rows` beside labelled items: each read as if labelled', () => {
    const text = [
      '**Experiment ID**: d-1',
      '',
      '## Data',
      '',
      '- Source: `s3://ml-data/churn/v5/`',
      '- 50k train / 5k val / 10k test',
      '- 37 features',
      '- 65k rows',
    ].join('\n');
    const parsed = parseSource(text, { file: 'd-1.md' });
    expect((parsed.data as Record<string, unknown>)['dataset']).toEqual({
      location: 's3://ml-data/churn/v5/',
      records: 65000,
      features: 37,
      splits: [
        { name: 'train', records: 50000 },
        { name: 'val', records: 5000 },
        { name: 'test', records: 10000 },
      ],
    });
    expect(parsed.positions.get('dataset.features')).toEqual({ line: 7, column: 3 });
    expect((parsed.data as Record<string, unknown>)['sections']).toBeUndefined();
  });

  test('a list with an item that is prose stays as written', () => {
    const text = ['**Experiment ID**: d-1', '', '## Data', '', '- 37 features', '- collected from the web in 2024'].join('\n');
    const data = parseSource(text, { file: 'd-1.md' }).data as Record<string, unknown>;
    expect(data['dataset']).toBeUndefined();
    expect(JSON.stringify(data['sections'])).toContain('37 features');
  });
});

describe('a dataset list with a key Logbook has no field for', () => {
  test('`- Classes: 10` among the known labels is kept under the dataset, the rest read as ever', () => {
    const { dataset: read, problems } = dataset([
      '- Name: CIFAR-10',
      '- Classes: 10',
      '- Train/Val/Test: 45k / 5k / 10k',
      '- Version: v1.0',
    ]);
    expect(read).toEqual({
      name: 'CIFAR-10',
      classes: '10',
      splits: [
        { name: 'Train', records: 45000 },
        { name: 'Val', records: 5000 },
        { name: 'Test', records: 10000 },
      ],
      version: 'v1.0',
    });
    expect(problems).toEqual([]);
  });

  test('a list mostly of other keys, or with prose, stays as written', () => {
    for (const lines of [
      ['- Name: CIFAR-10', '- Classes: 10', '- Resolution: 32px'],
      ['- Name: CIFAR-10', '- Version: v1', '- collected from the web in 2024'],
    ]) {
      const text = ['**Experiment ID**: d-1', '', '## Data', '', ...lines].join('\n');
      const data = parseSource(text, { file: 'd-1.md' }).data as Record<string, unknown>;
      expect(JSON.stringify(data['sections']), lines.join(' ')).toContain(lines[1]?.slice(2) ?? '');
    }
  });
});

describe('a training duration', () => {
  test('`12h 30m` is 12.5 hours, shown as written; one Logbook cannot read is kept as written with a warning, never an error', () => {
    const read = (duration: string) =>
      parseSource(['**Experiment ID**: t-1', '', '## Training', '', `- Wall time: ${duration}`].join('\n'), { file: 't-1.md' });
    expect((read('12h 30m').data as { training: unknown }).training).toEqual({
      infrastructure: { durationHours: 12.5, durationText: '12h 30m' },
    });
    const unread = read('3h on 4 GPUs');
    expect((unread.data as { training: unknown }).training).toEqual({ infrastructure: { durationText: '3h on 4 GPUs' } });
    expect(unread.diagnostics).toMatchObject([{ level: 'warning', line: 5, path: 'training.infrastructure.durationText' }]);
    expect(validateRecord(unread, { file: 't-1.md' }).record).toBeDefined();
  });
});

describe('counts with thousands grouped by spaces or dots', () => {
  test('the dataset size and the splits read them whole', () => {
    const text = [
      '**Experiment ID**: sp-1',
      '',
      '## Dataset Information',
      '',
      '**Dataset Size**: 1 250 000 records',
      '',
      '**Train/Val/Test Split**:',
      '- Training: 70% (875 000 records)',
      '- Test: 30% (375.000 records)',
    ].join('\n');
    const { record } = validateRecord(parseSource(text, { file: 'sp-1.md' }), { file: 'sp-1.md' });
    expect(record?.dataset?.records).toBe(1250000);
    expect(record?.dataset?.splits?.map((split) => split.records)).toEqual([875000, 375000]);
  });

  test('a bare count under a label naming what it counts is the records; under "Dataset Size" it stays as written', () => {
    const dataset = (line: string) =>
      (
        parseSource(['**Experiment ID**: sp-2', '', '## Dataset Information', '', line].join('\n'), { file: 'sp-2.md' }).data as {
          dataset?: unknown;
        }
      ).dataset;
    expect(dataset('**Total Records**: 12 345')).toEqual({ records: 12345 });
    expect(dataset('**Rows**: 1.2M')).toEqual({ records: 1200000 });
    expect(dataset('**Number of samples**: 48,210')).toEqual({ records: 48210 });
    // What a bare size counts is not said: kept as written, not guessed.
    expect(dataset('**Dataset Size**: 50,000')).toEqual({ sizeText: '50,000' });
  });
});

describe('Dataset Size: a count with an aside', () => {
  const dataset = (line: string) =>
    (parseSource(['**Experiment ID**: sz-1', '', '## Dataset', '', line].join('\n'), { file: 'sz-1.md' }).data as { dataset?: unknown })
      .dataset;

  test('an aside after the count is kept in the text as written; the count is the records', () => {
    expect(dataset('**Dataset Size**: 294,268 utterances (~1,012 hours)')).toEqual({
      records: 294268,
      sizeText: '294,268 utterances (~1,012 hours)',
    });
  });

  test('an approximate count is the count, the text kept as written', () => {
    expect(dataset('**Dataset Size**: ~50k images')).toEqual({ records: 50000, sizeText: '~50k images' });
    expect(dataset('**Dataset Size**: about 1.2M rows, 40 features')).toEqual({
      records: 1200000,
      features: 40,
      sizeText: 'about 1.2M rows, 40 features',
    });
  });

  test('words between the count and what it counts: the count, the text kept as written', () => {
    expect(dataset('**Dataset Size**: 1.2M image-text pairs')).toEqual({ records: 1200000, sizeText: '1.2M image-text pairs' });
    expect(dataset('**Dataset Size**: 30,000 clients, 23 raw features + 41 engineered')).toEqual({
      records: 30000,
      sizeText: '30,000 clients, 23 raw features + 41 engineered',
    });
  });

  test('more nouns count records: sales, cases, listings, prompts', () => {
    expect(dataset('**Dataset Size**: 48,216 sales')).toEqual({ records: 48216 });
    expect(dataset('**Dataset Size**: 1,250 cases')).toEqual({ records: 1250 });
    expect(dataset('**Dataset Size**: 12k listings, 40 features')).toEqual({ records: 12000, features: 40 });
    expect(dataset('**Dataset Size**: 3,500 prompts')).toEqual({ records: 3500 });
  });
});

describe('a data section written as plain lines', () => {
  test('`112,480 labelled tickets → train 90,000 / val 11,240 / test 11,240`: the records, then the splits', () => {
    const { dataset: read, problems } = dataset([
      '- Dataset: support-intents v5',
      '- 112,480 labelled tickets → train 90,000 / val 11,240 / test 11,240',
      '- Split: stratified by intent, seed 13',
    ]);
    expect(problems).toEqual([]);
    expect(read).toEqual({
      name: 'support-intents v5',
      records: 112480,
      splits: [
        { name: 'train', records: 90000 },
        { name: 'val', records: 11240 },
        { name: 'test', records: 11240 },
      ],
      splitStrategy: 'stratified by intent',
      randomSeed: 13,
    });
  });
});

describe('seeds', () => {
  test('`Random Seed: 0, 1, 2, 3, 4` (a run per seed) is a list of seeds, not an error; one seed is the split seed', () => {
    expect(dataset(['- Random Seed: 0, 1, 2, 3, 4'])).toEqual({ dataset: { randomSeeds: [0, 1, 2, 3, 4] }, problems: [] });
    expect(dataset(['- Random Seed: [42, 43, 44]']).dataset).toEqual({ randomSeeds: [42, 43, 44] });
    expect(dataset(['- Random Seed: 42']).dataset).toEqual({ randomSeed: 42 });
    // Under the splits' label too.
    expect(dataset(['**Train/Val/Test Split**:', '- Test: 100 episodes', '- Random Seed: 0, 1, 2']).dataset).toMatchObject({
      randomSeeds: [0, 1, 2],
    });
  });
});

describe('splits written with their date ranges', () => {
  test('`Validation: 2025-03-03 → 2025-03-05, 4.1M impressions`: the count, and the text with its dates kept', () => {
    expect(dataset(['**Splits**:', '- Validation: 2025-03-03 → 2025-03-05, 4.1M impressions']).dataset).toEqual({
      splits: [{ name: 'Validation', records: 4100000, text: '2025-03-03 → 2025-03-05, 4.1M impressions' }],
    });
    // A count and a share leave nothing else: no text to keep.
    expect(dataset(['**Splits**:', '- Train: 40,000 (80%)']).dataset).toEqual({
      splits: [{ name: 'Train', records: 40000, fraction: 0.8 }],
    });
  });
});
