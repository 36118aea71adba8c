import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';
import { optunaBestTrial } from '../../../src/ingest/template/tuning.ts';

/** A filled-in log's tuning section over `body`, read: the record's tuning and the diagnostics' messages. */
function tuningOf(...body: string[]) {
  const text = [
    '**Experiment ID**: tune-7',
    '',
    '## Hyperparameter Tuning',
    '',
    '**Tuning Method**: Bayesian Optimization (TPE)',
    '**Tuning Tool**: Optuna',
    '**Number of Trials**: 50',
    '',
    ...body,
  ].join('\n');
  const parsed = parseSource(text, { file: 'tune-7.md' });
  const { record, diagnostics } = validateRecord(parsed, { file: 'tune-7.md' });
  return { tuning: record?.tuning, messages: diagnostics.map((d) => d.message), positions: parsed.positions };
}

const FROZEN_TRIAL =
  "FrozenTrial(number=41, state=TrialState.COMPLETE, values=[0.9132], datetime_start=datetime.datetime(2025, 3, 1, 12, 0, 1), params={'lr': 0.0012, 'batch_size': 64, 'dropout': 0.3}, user_attrs={}, system_attrs={}, intermediate_values={}, distributions={'lr': FloatDistribution(high=0.1, log=True, low=1e-05, step=None)}, trial_id=41, value=None)";
const SETTINGS = { lr: 0.0012, batch_size: 64, dropout: 0.3 };
const BEST = { method: 'Bayesian Optimization (TPE)', tool: 'Optuna', trials: 50, bestHyperparameters: SETTINGS, bestTrial: 41 };

describe('optunaBestTrial', () => {
  test('`study.best_trial` printed: its number, its one value and its params, each where printed', () => {
    const best = optunaBestTrial(`Best trial: ${FROZEN_TRIAL}`, { line: 3, column: 1 });
    // `Best trial: FrozenTrial(number=` is 31 characters: 41 at column 32; then `41, ` (4), `state=TrialState.COMPLETE, ` (27)
    // and `values=[` (8) end at 70: 0.9132 at 71.
    expect(best?.number).toEqual({ value: 41, position: { line: 3, column: 32 } });
    expect(best?.value).toEqual({ value: 0.9132, position: { line: 3, column: 71 } });
    expect(best?.params?.map((s) => [s.name, s.value])).toEqual([
      ['lr', 0.0012],
      ['batch_size', 64],
      ['dropout', 0.3],
    ]);
  });

  test('a study of several objectives has no one value; its params are still the trial’s', () => {
    const best = optunaBestTrial(FROZEN_TRIAL.replace('values=[0.9132]', 'values=[0.9132, 12.5]'), { line: 1, column: 1 });
    expect(best?.value).toBeUndefined();
    expect(best?.params).toHaveLength(3);
  });

  test('the study log: the last `Best is trial` names it, its settings from its own `finished` line', () => {
    const log = [
      "[I 2025-03-01 12:04:09,313] Trial 41 finished with value: 0.9132 and parameters: {'lr': 0.0012}. Best is trial 41 with value: 0.9132.",
      "[I 2025-03-01 12:05:11,020] Trial 42 finished with value: 0.8810 and parameters: {'lr': 0.05}. Best is trial 41 with value: 0.9132.",
    ].join('\n');
    const best = optunaBestTrial(log, { line: 1, column: 1 });
    expect([best?.number?.value, best?.value?.value, best?.value?.position.line]).toEqual([41, 0.9132, 2]);
    expect(best?.params?.map((s) => [s.name, s.value, s.position.line])).toEqual([['lr', 0.0012, 1]]);
  });

  test.each([
    ['a YAML block of settings', 'learning_rate: 0.00085\nbatch_size: 32'],
    ['a trial number alone', 'Best trial: 41'],
    ['a best trial that is no number', 'Best trial: the third one\nBest value: 0.91'],
    ['Optuna-looking lines among others', 'Best value: 0.9132\nlr: 0.0012'],
    ['`Value:` with no `Best trial:` above it', 'Value: 0.9132'],
  ])('%s is not Optuna’s best trial', (_, text) => {
    expect(optunaBestTrial(text, { line: 1, column: 1 })).toBeUndefined();
  });
});

describe("Optuna's best trial in the tuning section", () => {
  test.each([
    [
      '`study.best_trial` in a code block under the label',
      ['**Best Hyperparameters Found**:', '```', `Best trial: ${FROZEN_TRIAL}`, '```'],
    ],
    [
      "the fields printed a line each, in a code block (they were read as settings named 'Best trial' and 'Best value')",
      [
        '**Best Hyperparameters Found**:',
        '```',
        'Best trial: 41',
        'Best value: 0.9132',
        "Best params: {'lr': 0.0012, 'batch_size': 64, 'dropout': 0.3}",
        '```',
      ],
    ],
    [
      'the fields as label lines (kept as notes with warnings)',
      ['Best trial: 41', 'Best value: 0.9132', "Best params: {'lr': 0.0012, 'batch_size': 64, 'dropout': 0.3}"],
    ],
    [
      "Optuna's examples' printout, with no label above it",
      [
        '```',
        'Study statistics: ',
        '  Number of finished trials:  50',
        '  Number of pruned trials:  12',
        'Best trial:',
        '  Number: 41',
        '  Value:  0.9132',
        '  Params: ',
        '    lr: 0.0012',
        '    batch_size: 64',
        '    dropout: 0.3',
        '```',
      ],
    ],
    [
      'the study log, with no label above it',
      [
        '```',
        "[I 2025-03-01 12:04:09,313] Trial 41 finished with value: 0.9132 and parameters: {'lr': 0.0012, 'batch_size': 64, 'dropout': 0.3}. Best is trial 41 with value: 0.9132.",
        '```',
      ],
    ],
  ])('%s: the best trial, its value and its settings', (_, body) => {
    const { tuning, messages } = tuningOf(...body);
    expect(messages).toEqual([]);
    expect(tuning).toEqual({ ...BEST, bestTrialMetrics: { value: 0.9132 } });
  });

  test("the value's line and column are kept, for its written precision", () => {
    const { positions } = tuningOf('Best trial: 41', 'Best value: 0.9132');
    expect(positions.get('tuning.bestTrialMetrics.value')).toEqual({ line: 10, column: 13 });
    expect(positions.get('tuning.bestTrial')).toEqual({ line: 9, column: 13 });
  });
});
