import { describe, expect, test } from 'vitest';
import type { Code } from 'mdast';
import { createSource } from '../../src/ingest/markdown-blocks.ts';
import { bestRoundOf, codeTableOf, trainingLogTableOf } from '../../src/ingest/training-log.ts';
import { parseSource } from '../../src/ingest/index.ts';

/** A fenced block of `lines` at the top of a document (fence on line 1, content from line 2). */
function block(lines: readonly string[], lang: string | null = null): { source: ReturnType<typeof createSource>; code: Code } {
  const text = ['```' + (lang ?? ''), ...lines, '```'].join('\n');
  const code: Code = {
    type: 'code',
    lang,
    value: lines.join('\n'),
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length + 2, column: 4, offset: text.length } },
  };
  return { source: createSource(text), code };
}

const texts = (table: ReturnType<typeof trainingLogTableOf>) =>
  table && [table.header.map((c) => c.text), ...table.rows.map((r) => r.map((c) => c.text))];

describe('trainingLogTableOf', () => {
  test('gradient boosting: a line per round (XGBoost, LightGBM, CatBoost), headed `round`', () => {
    const xgb = block(['[0]\ttrain-logloss:0.61829\teval-logloss:0.62321', '[1]\ttrain-logloss:0.55713\teval-logloss:0.56850']);
    const xgbTable = trainingLogTableOf(xgb.source, xgb.code);
    expect(texts(xgbTable)).toEqual([
      ['round', 'train-logloss', 'eval-logloss'],
      ['0', '0.61829', '0.62321'],
      ['1', '0.55713', '0.56850'],
    ]);
    // `0.56850` starts at index 39 of the block's second line (the document's third; a tab is one column).
    expect(xgbTable?.rows[1]?.[2]?.position).toEqual({ line: 3, column: 40 });
    const lgb = block([
      '[LightGBM] [Info] Number of positive: 3913, number of negative: 3913',
      "[10]\ttraining's auc: 0.912\tvalid_1's auc: 0.871",
      "[20]\ttraining's auc: 0.931\tvalid_1's auc: 0.893",
    ]);
    expect(texts(trainingLogTableOf(lgb.source, lgb.code))).toEqual([
      ['round', "training's auc", "valid_1's auc"],
      ['10', '0.912', '0.871'],
      ['20', '0.931', '0.893'],
    ]);
    const cat = block([
      '0:\tlearn: 0.6543210\ttest: 0.6600000\tbest: 0.6600000 (0)\ttotal: 52.1ms\tremaining: 52s',
      '1:\tlearn: 0.6211000\ttest: 0.6310000\tbest: 0.6310000 (1)\ttotal: 98ms\tremaining: 49s',
    ]);
    expect(texts(trainingLogTableOf(cat.source, cat.code))).toEqual([
      ['round', 'learn', 'test'],
      ['0', '0.6543210', '0.6600000'],
      ['1', '0.6211000', '0.6310000'],
    ]);
    // The best round printed again after early stopping repeats a round, out of order: no row of the history.
    const stopped = block([
      "[100]\tvalid_0's binary_logloss: 0.43912\tvalid_0's auc: 0.78011",
      "[200]\tvalid_0's binary_logloss: 0.43455\tvalid_0's auc: 0.78702",
      'Early stopping, best iteration is:',
      "[191]\tvalid_0's binary_logloss: 0.43258\tvalid_0's auc: 0.79003",
    ]);
    expect(texts(trainingLogTableOf(stopped.source, stopped.code))).toEqual([
      ['round', "valid_0's binary_logloss", "valid_0's auc"],
      ['100', '0.43912', '0.78011'],
      ['200', '0.43455', '0.78702'],
    ]);
    // A note's numbered references are no rounds.
    const refs = block(['[1] Chen & Guestrin, 2016', '[2] Ke et al., 2017']);
    expect(trainingLogTableOf(refs.source, refs.code)).toBeUndefined();
  });

  test('Keras: an `Epoch n/N` line, then its progress line of `- name: value` pairs', () => {
    const { source, code } = block([
      'Epoch 1/2',
      '1875/1875 [==============================] - 5s 2ms/step - loss: 0.2954 - accuracy: 0.9147 - val_loss: 0.1432',
      'Epoch 2/2',
      '1875/1875 [==============================] - 4s 2ms/step - loss: 0.1421 - accuracy: 0.9580 - val_loss: 0.1059',
    ]);
    const table = trainingLogTableOf(source, code);
    expect(texts(table)).toEqual([
      ['epoch', 'loss', 'accuracy', 'val_loss'],
      ['1', '0.2954', '0.9147', '0.1432'],
      ['2', '0.1421', '0.9580', '0.1059'],
    ]);
    // "0.1059" starts at index 103 of the document's fifth line (the block's fourth).
    expect(table?.rows[1]?.[3]?.position).toEqual({ line: 5, column: 104 });
    expect(table?.rows[1]?.[0]?.position).toEqual({ line: 4, column: 7 });
  });

  test('Hugging Face Trainer dicts merge by epoch; timings and the end-of-training summary are not metrics', () => {
    const { source, code } = block([
      "{'loss': 0.4123, 'grad_norm': 2.1, 'learning_rate': 4.5e-05, 'epoch': 1.0}",
      "{'eval_loss': 0.3512, 'eval_accuracy': 0.874, 'eval_runtime': 10.2, 'eval_samples_per_second': 98.1, 'epoch': 1.0}",
      "{'loss': 0.2988, 'grad_norm': 1.7, 'learning_rate': 4.2e-05, 'epoch': 2.0}",
      "{'eval_loss': 0.3021, 'eval_accuracy': 0.891, 'epoch': 2.0}",
      "{'train_runtime': 512.3, 'train_loss': 0.4681, 'epoch': 2.0}",
    ]);
    expect(texts(trainingLogTableOf(source, code))).toEqual([
      ['epoch', 'loss', 'learning_rate', 'eval_loss', 'eval_accuracy'],
      ['1', '0.4123', '4.5e-05', '0.3512', '0.874'],
      ['2', '0.2988', '4.2e-05', '0.3021', '0.891'],
    ]);
  });

  test("Lightning's progress bar: `Epoch n:` and `name=value` pairs (commas and all), a value missing from an epoch left empty", () => {
    const { source, code } = block([
      'Epoch 0: 100%|██████████| 1875/1875 [00:15<00:00, 120.5it/s, v_num=0, train_loss=0.297, val_acc=0.957]',
      'Epoch 1: 100%|██████████| 1875/1875 [00:15<00:00, 121.0it/s, v_num=0, train_loss=0.142]',
    ]);
    const table = codeTableOf(source, code);
    expect(texts(table)).toEqual([
      ['epoch', 'train_loss', 'val_acc'],
      ['0', '0.297', '0.957'],
      ['1', '0.142', ''],
    ]);
  });

  test('not a training log: one epoch, no pairs, code, or a CSV (which codeTableOf still reads)', () => {
    const b1 = block(['Epoch 1/1', '10/10 - loss: 0.5']);
    expect(trainingLogTableOf(b1.source, b1.code)).toBeUndefined();
    const b2 = block(['epoch: 1', 'loss: 0.5'], 'yaml');
    expect(trainingLogTableOf(b2.source, b2.code)).toBeUndefined();
    const csv = block(['epoch,loss', '1,0.5', '2,0.4'], 'csv');
    expect(trainingLogTableOf(csv.source, csv.code)).toBeUndefined();
    expect(texts(codeTableOf(csv.source, csv.code))).toEqual([
      ['epoch', 'loss'],
      ['1', '0.5'],
      ['2', '0.4'],
    ]);
  });

  test('under a **Training Log** label it is the training history, and the log stays on the page', () => {
    const text = [
      '**Experiment ID**: a',
      '',
      '## Training Results',
      '',
      '**Training Log**:',
      '```',
      'Epoch 1/2',
      '5/5 - 1s - loss: 0.50 - val_loss: 0.61',
      'Epoch 2/2',
      '5/5 - 1s - loss: 0.40 - val_loss: 0.55',
      '```',
    ].join('\n');
    const parsed = parseSource(text, { file: 'a.md' });
    const data = parsed.data as {
      training?: unknown;
      sections?: { title: string; markdown: string }[];
      writtenDecimals?: Record<string, number>;
    };
    expect(data.training).toEqual({
      history: [
        { epoch: 1, loss: 0.5, val_loss: 0.61 },
        { epoch: 2, loss: 0.4, val_loss: 0.55 },
      ],
    });
    // 0.50 and 0.40 were printed to two places.
    expect(data.writtenDecimals?.['training.history.0.loss']).toBe(2);
    expect(data.sections?.[0]?.markdown).toContain('5/5 - 1s - loss: 0.50');
  });
});

describe('bestRoundOf', () => {
  const catboost = [
    '0:\tlearn: 0.6512000\ttest: 0.6520000\tbest: 0.6520000 (0)\ttotal: 52.1ms\tremaining: 52s',
    '400:\tlearn: 0.2710000\ttest: 0.3013000\tbest: 0.3012000 (412)\ttotal: 16.2s\tremaining: 24.3s',
    '500:\tlearn: 0.2633000\ttest: 0.3021000\tbest: 0.3012000 (412)\ttotal: 20.3s\tremaining: 20.2s',
    'Stopped by overfitting detector  (50 iterations wait)',
    '',
    'bestTest = 0.3012',
    'bestIteration = 412',
    '',
    'Shrink model to first 413 iterations.',
  ];

  test("CatBoost's `bestTest` / `bestIteration`: the best round, its eval-set value named `test` as the rounds' column is", () => {
    const { source, code } = block(catboost);
    // The block's lines start on the document's second line: `bestTest = ` is 11 characters, 0.3012 on line 7 at column 12.
    expect(bestRoundOf(source, code)).toEqual({
      round: { text: '412', position: { line: 8, column: 17 } },
      metrics: [{ name: 'test', cell: { text: '0.3012', position: { line: 7, column: 12 } } }],
    });
  });

  test('…and they are no columns of the last round (they were: `bestTest` 0.3012 and `bestIteration` 412 at round 500)', () => {
    const { source, code } = block(catboost);
    expect(texts(trainingLogTableOf(source, code))).toEqual([
      ['round', 'learn', 'test'],
      ['0', '0.6512000', '0.6520000'],
      ['400', '0.2710000', '0.3013000'],
      ['500', '0.2633000', '0.3021000'],
    ]);
  });

  test("LightGBM's best round printed again after `Early stopping, best iteration is:`, its metrics named as in the table", () => {
    const { source, code } = block([
      "[100]\tvalid_0's auc: 0.912345\tvalid_0's binary_logloss: 0.212345",
      "[200]\tvalid_0's auc: 0.915678\tvalid_0's binary_logloss: 0.208765",
      'Early stopping, best iteration is:',
      "[187]\tvalid_0's auc: 0.916012\tvalid_0's binary_logloss: 0.207901",
    ]);
    const best = bestRoundOf(source, code);
    expect(best?.round).toEqual({ text: '187', position: { line: 5, column: 2 } });
    expect(best?.metrics.map(({ name, cell }) => [name, cell.text])).toEqual([
      ["valid_0's auc", '0.916012'],
      ["valid_0's binary_logloss", '0.207901'],
    ]);
  });

  test("XGBoost's `Stopping. Best iteration:` over the round again (as XGBoost before 1.3 prints it)", () => {
    const { source, code } = block([
      '[100]\tvalidation_0-logloss:0.21234\tvalidation_1-logloss:0.25012',
      '[113]\tvalidation_0-logloss:0.20511\tvalidation_1-logloss:0.25090',
      'Stopping. Best iteration:',
      '[103]\tvalidation_0-logloss:0.21001\tvalidation_1-logloss:0.24987',
    ]);
    const best = bestRoundOf(source, code);
    expect(best?.round.text).toBe('103');
    expect(best?.metrics.map(({ name, cell }) => [name, cell.text])).toEqual([
      ['validation_0-logloss', '0.21001'],
      ['validation_1-logloss', '0.24987'],
    ]);
  });

  test('a log that prints no best round has none', () => {
    const { source, code } = block(catboost.slice(0, 3));
    expect(bestRoundOf(source, code)).toBeUndefined();
  });
});
